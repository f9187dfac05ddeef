import PartyBuildingKit

extension PBK {
  /// The results of the packs `pack` links to (`links`), scored first from `--linked PACK=DATA` (PACK a pack file, or
  /// a pack id found in `--library FOLDER`), each after the packs it reads in turn; nil when something stops the run
  /// (said on standard error). A pack without links needs none: `[]`.
  ///
  /// Each linked pack's rejected rows are reported on standard error, with its counts; `rejected` counts them, and
  /// `records` gets what each linked pack was scored from, for the record of the run. `--linked` for a pack without
  /// links is an error unless `unusedAllowed` (pbk diff: one version may link and the other not).
  func linkedResults(
    for pack: RulePack, options: Options, batchOptions: BatchOptions, command: String, rejected: inout Int,
    records: inout [Provenance.Linked], unusedAllowed: Bool = false
  ) -> [LinkedResults]? {
    let given = options.lists["linked"] ?? []
    if pack.model.links?.isEmpty ?? true {
      if !given.isEmpty, !unusedAllowed {
        err.write(tr(.linkedOptionWithoutLinks, command, pack.metadata.id))
        return nil
      }
      return []
    }
    var library: PackLibrary?
    if let folder = options.values["library"] {
      do {
        // Packs that call host functions load with their declarations: pbk scores none of them.
        library = try PackLibrary.load(folder: folder, functions: .declarationsOnly)
      } catch {
        for problem in error.problems { err.write(problem.description(in: language) + "\n") }
        err.write(tr(.linkedLibraryHasProblems, command, folder))
        return nil
      }
    }
    // Each --linked: the pack (a file, or an id in the library) and its data.
    var packs: [RulePack] = []
    var inputs: [String: (path: String, input: RecordInput)] = [:]
    for item in given {
      guard let equals = item.firstIndex(of: "="), equals != item.startIndex, item.index(after: equals) != item.endIndex else {
        err.write(tr(.linkedOptionForm, command, item))
        return nil
      }
      let packText = String(item[..<equals])
      let dataPath = String(item[item.index(after: equals)...])
      let linked: RulePack
      if packText.hasSuffix(".json") {
        // Loaded from the bytes its digest is taken of.
        guard let bytes = Provenance.contents(ofFile: packText) else {
          if loadPack(packText) != nil { err.write(tr(.linkedPackCannotBeRead, command, packText)) }
          return nil
        }
        guard let loaded = loadPack(packText, bytes: bytes) else { return nil }
        linked = loaded
      } else {
        guard let library else {
          err.write(tr(.linkedPackIDNeedsLibrary, command, item, packText))
          return nil
        }
        // The version a link's requirement picks, when a link reads it; else the newest.
        let chosen = (try? library.linkedPacks(of: pack))?.first { $0.metadata.id == packText }
        guard let found = chosen ?? library.pack(id: packText) else {
          err.write(tr(.linkedLibraryHasNoPack, command, item, packText))
          return nil
        }
        linked = found
      }
      if inputs[linked.metadata.id] != nil {
        err.write(tr(.linkedOptionGivesPackTwice, command, linked.metadata.id))
        return nil
      }
      do {
        inputs[linked.metadata.id] = (dataPath, try Self.recordInput(dataPath, format: nil))
      } catch {
        err.write(tr(.linkedCommandProblem, command, error.message))
        return nil
      }
      packs.append(linked)
    }
    // The packs in the order to score them; a link not given is found in the library, when there is one.
    let order: [RulePack]
    do {
      if let library, packs.isEmpty {
        order = try library.linkedPacks(of: pack)
      } else {
        order = try PackLibrary.scoringOrder(of: pack, linked: packs)
      }
    } catch {
      for problem in error.problems { err.write(problem.description(in: language) + "\n") }
      err.write(tr(.linkedPacksHaveProblems, command))
      return nil
    }
    var results: [String: LinkedResults] = [:]
    for linked in order {
      guard let (path, input) = inputs[linked.metadata.id] else {
        err.write(tr(.linkedPackNeedsData, command, linked.metadata.id, linked.metadata.version))
        return nil
      }
      // A linked data file is read as found: its own encoding, first sheet and header row (--encoding, --sheet and
      // --header-row are the main input's).
      var options = batchOptions
      options.digestsInput = true
      options.encoding = nil
      options.sheet = nil
      options.headerRow = nil
      do {
        let batch = try BatchEvaluator(
          pack: linked, linked: linked.model.links?.compactMap { results[$0.pack] } ?? [], options: options)
        // Each rejected record is kept with its parent and attributes, for joins on them.
        let (collected, summary) = try batch.linkedResults(from: input) { error in
          err.write(tr(.rejectedRecord, error.description(in: language)))
        }
        results[linked.metadata.id] = collected
        rejected += summary.counts.rejected
        err.write(
          tr(.linkedCountsLine, path, linked.metadata.id, linked.metadata.version, summary.counts.description(in: language)))
        let format: String
        switch input.format {
        case .csv: format = "csv"
        case .json: format = "json"
        case .jsonLines: format = "jsonl"
        case .xlsx: format = "xlsx"
        }
        records.append(
          Provenance.Linked(
            pack: .init(
              id: linked.metadata.id, version: linked.metadata.version, title: linked.metadata.title, file: linked.file,
              sha256: Provenance.contents(ofFile: linked.file).map { SHA256.hex(of: $0) } ?? ""),
            input: .init(
              file: path, sha256: summary.inputDigest?.sha256, bytes: summary.inputDigest?.bytes, format: format,
              encoding: input.format == .xlsx ? nil : input.format == .csv ? summary.encoding.displayName : "UTF-8",
              sheet: summary.sheet, headerRow: input.format == .xlsx ? summary.headerRow : input.format == .csv ? 1 : nil),
            counts: .init(
              read: summary.counts.read, assessed: summary.counts.assessed, rejected: summary.counts.rejected,
              void: summary.counts.void)))
      } catch let error as PackLoadError {
        for problem in error.problems { err.write(problem.description(in: language) + "\n") }
        return nil
      } catch let error as RecordInputError {
        err.write(error.description(in: language) + "\n")
        return nil
      } catch {
        err.write(tr(.linkedCommandProblem, command, Message.untranslated("\(error)")))  // English-only: unexpected errors
        return nil
      }
    }
    return pack.model.links?.compactMap { results[$0.pack] } ?? []
  }

  /// The batch of `pack` reading `linked` (none when it has no links); nil when its links do not fit the results
  /// given (said on standard error, located in the pack file).
  func batch(of pack: RulePack, linked: [LinkedResults], options: BatchOptions) -> BatchEvaluator? {
    guard !linked.isEmpty else { return BatchEvaluator(pack: pack, options: options) }
    do {
      return try BatchEvaluator(pack: pack, linked: linked, options: options)
    } catch {
      for problem in error.problems { err.write(problem.description(in: language) + "\n") }
      return nil
    }
  }
}
