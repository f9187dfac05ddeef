import PartyBuildingKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

extension PBK {
  enum DiffFormat: String {
    case table, csv, html
  }

  /// `pbk diff OLD NEW --input FILE`: the same subjects under two packs (or two versions of one).
  func diff(_ arguments: [String]) throws(UsageError) -> Int32 {
    let options = try Options(
      arguments,
      valued: [
        "input", "input-format", "format", "output", "subject", "threads", "max-record-bytes", "encoding", "sheet",
        "header-row", "library", "forms", "previous",
      ], flags: ["no-previous"], repeatable: ["linked"])
    guard options.positional.count == 2 else {
      if options.positional.count > 2 {
        throw UsageError(.diffUnexpectedArgument, options.positional[2])
      }
      throw UsageError(.diffGiveTwoPacks)
    }
    let oldPath = options.positional[0]
    let newPath = options.positional[1]
    let inputPath = try options.required("input", Message(.diffInputFile))
    var input = try Self.recordInput(inputPath, format: options.values["input-format"])
    let batchOptions = try Self.batchOptions(options)
    let format: DiffFormat
    if let text = options.values["format"] {
      guard let parsed = DiffFormat(rawValue: text) else { throw UsageError(.diffFormatValue, text) }
      format = parsed
    } else if let output = options.values["output"]?.lowercased() {
      format = output.hasSuffix(".csv") ? .csv : output.hasSuffix(".html") || output.hasSuffix(".htm") ? .html : .table
    } else {
      format = .table
    }
    if let subject = options.values["subject"], subject.isEmpty { throw UsageError(.diffSubjectNeedsID) }
    if let output = options.values["output"] {
      for pack in [oldPath, newPath] where Self.sameFile(output, pack) {
        throw UsageError(.diffOutputIsPack, output, pack)
      }
    }

    let oldLoaded = loadPack(oldPath)
    let newLoaded = loadPack(newPath)
    guard let oldPack = oldLoaded, let newPack = newLoaded else { return ExitCode.problems }
    // Packs that read other packs' results (links): those are scored first, for each version (--linked PACK=DATA).
    var linkedRejected = 0
    var linkedRecords: [Provenance.Linked] = []
    guard
      let oldLinked = linkedResults(
        for: oldPack, options: options, batchOptions: batchOptions, command: "diff", rejected: &linkedRejected,
        records: &linkedRecords, unusedAllowed: true),
      let newLinked = linkedResults(
        for: newPack, options: options, batchOptions: batchOptions, command: "diff", rejected: &linkedRejected,
        records: &linkedRecords, unusedAllowed: true),
      var oldBatch = batch(of: oldPack, linked: oldLinked, options: batchOptions),
      var newBatch = batch(of: newPack, linked: newLinked, options: batchOptions)
    else { return ExitCode.problems }
    // The raters' forms and last period's results, as for 'pbk evaluate': the same for both packs (each pack that
    // reads last period's results checks them against itself; --previous is refused only when neither reads them).
    let forms = try options.values["forms"].map(Self.formsInput)
    oldBatch.forms = forms
    newBatch.forms = forms
    let readers = [oldPack, newPack].filter(\.readsPrevious)
    if readers.isEmpty {
      _ = try previousResults(for: newPack, options)  // refuses --previous and --no-previous with the reason
    }
    for (index, pack) in [oldPack, newPack].enumerated() where pack.readsPrevious {
      switch try previousResults(for: pack, options) {
      case .success(let results):
        if index == 0 { oldBatch.previous = results } else { newBatch.previous = results }
      case .failure(let error):
        err.write(error.message + "\n")
        return ExitCode.problems
      }
    }

    // Both packs read the same rows: standard input is read once, into memory.
    if case .standardInput(let recordFormat) = input {
      guard let bytes = Self.readStandardInput() else {
        err.write(tr(.diffCannotReadStandardInput, String(cString: strerror(errno))))
        return ExitCode.problems
      }
      input = .bytes(bytes, format: recordFormat, name: "-")
    }

    var outputFile: OutputFile?
    if let path = options.values["output"] {
      do {
        outputFile = try OutputFile.open(path: path, input: input)
      } catch {
        err.write(tr(.diffProblem, error.message))
        return ExitCode.problems
      }
    }

    // Which pack is reading the input, for a message when it cannot be read (a column one pack does not know).
    var reading = Message(.diffSideFile, Message(.diffOld), oldPath)
    do {
      var runs: [(outcomes: [RowOutcome], summary: BatchEvaluator.Summary)] = []
      for (batch, side, path) in [(oldBatch, Message(.diffOld), oldPath), (newBatch, Message(.diffNew), newPath)] {
        reading = Message(.diffSideFile, side, path)
        var outcomes: [RowOutcome] = []
        let summary = try batch.assessments(from: input) { result in
          switch result {
          case .success(let assessment): outcomes.append(.scored(ScoredRow(assessment)))
          case .failure(let error):
            outcomes.append(.rejected(error))
            self.err.write(self.tr(.diffRejected, side, error.description(in: self.language)))
          }
        }
        runs.append((outcomes, summary))
      }
      let results = ResultComparison(
        old: runs[0].outcomes, new: runs[1].outcomes, oldCounts: runs[0].summary.counts, newCounts: runs[1].summary.counts,
        oldModel: oldPack.model, newModel: newPack.model, oldInInputOrder: !oldPack.hasCohort || newPack.hasCohort)

      var subject: SubjectDiff?
      if let id = options.values["subject"] {
        reading = Message(.diffSideFile, Message(.diffOld), oldPath)
        let old = try Self.explainedSide(id, batch: oldBatch, input: input)
        reading = Message(.diffSideFile, Message(.diffNew), newPath)
        let new = try Self.explainedSide(id, batch: newBatch, input: input)
        if case .notFound = old, case .notFound = new {
          outputFile?.abandon()
          let ids = results.pairs.map(\.id).filter { !$0.isEmpty }
          let suggestion = ids.first { PBK.closeEnough($0, id) }
          err.write(
            tr(
              .diffNoSubject, id, inputPath, suggestion.map { Message(.didYouMean, $0) } ?? .verbatim(""),
              ids.isEmpty ? .verbatim("") : Message(.idsThereInclude, MessageArgument.list(Array(ids.prefix(5))))))
          return ExitCode.problems
        }
        subject = SubjectDiff(id: id, old: old, new: new, oldModel: oldPack.model, newModel: newPack.model)
      }

      let report = DiffReport(
        old: .init(path: oldPath, model: oldPack.model), new: .init(path: newPath, model: newPack.model), input: inputPath,
        structure: PackStructureDiff.changes(from: oldPack.model, to: newPack.model), results: results, subject: subject)
      let sink: TextSink = outputFile?.sink ?? out
      switch format {
      case .table: sink.write(DiffText.render(report))
      case .csv: sink.write(DiffCSV.render(results))
      case .html: sink.write(DiffHTML.render(report))
      }
      if let outputFile {
        try outputFile.commit()
      } else {
        sink.flush()
        if let failure = sink.failureDetail {
          err.write(tr(.diffCannotWriteStandardOutput, failure))
          return ExitCode.problems
        }
      }
      err.write(
        tr(.diffCounts, runs[0].summary.counts.description(in: language), runs[1].summary.counts.description(in: language)))
      return ExitCode.ok
    } catch let error as RecordInputError {
      outputFile?.abandon()
      err.write(tr(.diffReadingProblem, reading, error.detail))
      return ExitCode.problems
    } catch let error as OutputFile.Problem {
      err.write(tr(.diffProblem, error.message))
      return ExitCode.problems
    } catch {
      outputFile?.abandon()
      err.write(tr(.diffProblem, Message.untranslated("\(error)")))  // English-only: unexpected errors
      return ExitCode.problems
    }
  }

  /// The subject `id` under `pack`, explained; rejected or not found.
  static func explainedSide(_ id: String, batch: BatchEvaluator, input: RecordInput) throws -> SubjectDiff.Side {
    do {
      guard let (assessment, _) = try batch.explain(id, in: input) else { return .notFound }
      return .scored(assessment)
    } catch let error as AssessmentError {
      return .rejected(error)
    }
  }

  /// Whether two paths name the same file (through links too); false when either is not there.
  static func sameFile(_ a: String, _ b: String) -> Bool {
    var first = stat()
    var second = stat()
    guard stat(a, &first) == 0, stat(b, &second) == 0 else { return false }
    return first.st_dev == second.st_dev && first.st_ino == second.st_ino
  }

  /// Every byte of standard input; nil when it cannot be read.
  static func readStandardInput() -> [UInt8]? {
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = buffer.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        return nil
      }
      if count == 0 { return bytes }
      bytes.append(contentsOf: buffer[0..<count])
    }
  }
}
