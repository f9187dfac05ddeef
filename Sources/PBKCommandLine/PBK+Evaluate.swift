import PartyBuildingKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension PBK {
  enum Format: String {
    case table, json, jsonl, csv, xlsx
  }

  /// Loads the pack at `path` — from `bytes` when they were read already (so that a digest is of the very bytes
  /// loaded) — and says why when it cannot.
  func loadPack(_ path: String, bytes: [UInt8]? = nil) -> RulePack? {
    func load(_ functions: HostFunctions) throws(PackLoadError) -> RulePack {
      if let bytes { return try RulePack.load(bytes: bytes, file: path, functions: functions) }
      return try RulePack.load(path: path, functions: functions)
    }
    do {
      return try load(.none)
    } catch {
      // A pack whose only problem is that it calls host functions loads when they are only declared: say that.
      if let checked = try? load(.declarationsOnly) {
        let names = checked.requiredFunctions.map(\.signatureText).joined(separator: ", ")
        err.write(tr(.hostFunctionsNotProvided, path, names))
        return nil
      }
      for problem in error.problems { err.write(problem.description(in: language) + "\n") }
      err.write(tr(.packHasProblems, path, path))
      return nil
    }
  }

  /// The input named by `--input`: a file, or `-` for standard input (in `--input-format`, CSV by default).
  static func recordInput(_ path: String, format: String?) throws(UsageError) -> RecordInput {
    if let format {
      guard let parsed = RecordFormat(rawValue: format == "jsonl" ? "jsonLines" : format) else {
        throw UsageError(Message(.inputFormatValue, format))
      }
      guard path == "-" else { throw UsageError(Message(.inputFormatOnlyStandardInput)) }
      return .standardInput(parsed)
    }
    return path == "-" ? .standardInput(.csv) : .file(path)
  }

  /// The batch options `--threads`, `--ids` and `--max-record-bytes` give.
  static func batchOptions(_ options: Options) throws(UsageError) -> BatchOptions {
    var batch = BatchOptions()
    if let text = options.values["threads"] {
      guard let count = Int(text), (1...256).contains(count) else { throw UsageError(Message(.threadsValue)) }
      batch.threads = count
    }
    if let text = options.values["ids"] {
      guard text == "checked" || text == "unchecked" else { throw UsageError(Message(.idsValue, text)) }
      batch.checksIDs = text == "checked"
    }
    if let text = options.values["max-record-bytes"] {
      guard let bytes = Int(text), bytes >= 64 else { throw UsageError(Message(.maxRecordBytesValue)) }
      batch.maxRecordBytes = bytes
    }
    if let text = options.values["encoding"] {
      switch text.lowercased() {
      case "utf8", "utf-8": batch.encoding = .utf8
      case "gb18030", "gbk", "gb2312": batch.encoding = .gb18030
      case "utf16", "utf-16": batch.encoding = .utf16
      default: throw UsageError(Message(.encodingValue, text))
      }
    }
    batch.sheet = options.values["sheet"]
    if let text = options.values["header-row"] {
      guard let row = Int(text), row >= 1 else { throw UsageError(Message(.headerRowValue)) }
      batch.headerRow = row
    }
    return batch
  }

  func evaluate(_ arguments: [String]) throws(UsageError) -> Int32 {
    let startedAt = Provenance.now()
    let options = try Options(
      arguments,
      valued: [
        "pack", "input", "input-format", "format", "output", "errors", "meta", "columns", "threads", "ids",
        "max-record-bytes", "encoding", "sheet", "header-row", "forms", "previous", "library",
      ],
      flags: ["what-it-takes", "no-meta", "no-previous"], repeatable: ["linked"])
    if let extra = options.positional.first { throw UsageError(Message(.unexpectedArgument, extra)) }
    var batchOptions = try Self.batchOptions(options)
    let packPath = try options.required("pack", Message(.theRulePackFile))
    let inputPath = try options.required("input", Message(.theSubjectsFileAnyFormat))
    let input = try Self.recordInput(inputPath, format: options.values["input-format"])
    let format: Format
    if let text = options.values["format"] {
      guard let parsed = Format(rawValue: text) else { throw UsageError(Message(.formatValue, text)) }
      format = parsed
    } else if let output = options.values["output"] {
      format = output.lowercased().hasSuffix(".xlsx") ? .xlsx : output.lowercased().hasSuffix(".json") ? .json : .csv
    } else {
      format = outputIsTerminal ? .table : .csv
    }
    if format == .xlsx, options.values["output"] == nil, outputIsTerminal {
      throw UsageError(Message(.xlsxNeedsOutput))
    }
    let outputPath = options.values["output"]
    let errorsPath = options.values["errors"]
    let recordsNothing = options.flags.contains("no-meta")
    if let meta = options.values["meta"] {
      if recordsNothing { throw UsageError(Message(.metaAndNoMeta)) }
      if meta == "-" { throw UsageError(Message(.metaNeedsFile)) }
      if meta == outputPath || meta == errorsPath {
        throw UsageError(.metaIsAlsoFile, meta, meta == outputPath ? "--output" : "--errors")
      }
    } else if !recordsNothing, let outputPath, errorsPath == outputPath + ".meta.json" {
      throw UsageError(Message(.errorsIsMetaFile, outputPath))
    }
    var extras: Set<ExtraColumn> = []
    for name in (options.values["columns"] ?? "").split(separator: ",") {
      guard let extra = ExtraColumn(rawValue: String(name)) else {
        throw UsageError(.columnsValue, MessageArgument.list(ExtraColumn.allCases.map(\.rawValue)), name)
      }
      extras.insert(extra)
    }
    // The pack is loaded from the bytes its digest is taken of (a file that cannot be read: loading says why).
    guard let packBytes = Provenance.contents(ofFile: packPath) else {
      if loadPack(packPath) != nil { err.write(tr(.packCannotBeRead, packPath)) }
      return ExitCode.problems
    }
    guard var pack = loadPack(packPath, bytes: packBytes) else { return ExitCode.problems }
    // "What it takes" scores each subject many times: only when asked for (a column 升档所需).
    pack.findsWhatItTakes = options.flags.contains("what-it-takes")
    // Last period's results, for a pack that reads them: read before any output is opened.
    let previous: PreviousResults?
    switch try previousResults(for: pack, options) {
    case .success(let results): previous = results
    case .failure(let error):
      err.write(error.message + "\n")
      return ExitCode.problems
    }
    // The packs it links to are scored first, each from its own data (--linked PACK=DATA).
    var linkedRejected = 0
    var linkedRecords: [Provenance.Linked] = []
    guard
      let linked = linkedResults(
        for: pack, options: options, batchOptions: batchOptions, command: "evaluate", rejected: &linkedRejected,
        records: &linkedRecords),
      var batch = self.batch(of: pack, linked: linked, options: batchOptions)
    else { return ExitCode.problems }
    batch.previous = previous
    batch.forms = try options.values["forms"].map(Self.formsInput)
    // Outputs are complete or absent: a file is written beside its target and renamed into place at the end.
    var files: [OutputFile] = []
    var metaFile: OutputFile?
    func abandonAll() {
      for file in files { file.abandon() }
      metaFile?.abandon()
    }
    func open(_ path: String, _ option: String) -> OutputFile? {
      do {
        return try OutputFile.open(path: path, input: input, option: option)
      } catch {
        abandonAll()
        err.write(tr(.evaluateProblem, error.message))
        return nil
      }
    }
    var outputFile: OutputFile?
    if let outputPath {
      guard let file = open(outputPath, "--output") else { return ExitCode.problems }
      outputFile = file
      files.append(file)
    }
    var errorsFile: OutputFile?
    if let errorsPath {
      guard let file = open(errorsPath, "--errors") else { return ExitCode.problems }
      errorsFile = file
      files.append(file)
    }
    // The record of the run goes beside a file of results (not beside a device or a FIFO), or where --meta says;
    // it is opened now, so that a record that cannot be written stops the run before anything is read.
    let besideOutput = outputFile.flatMap { $0.replacesFile ? $0.path + ".meta.json" : nil }
    if let path = options.values["meta"] ?? (recordsNothing ? nil : besideOutput) {
      guard let file = open(path, "--meta") else { return ExitCode.problems }
      metaFile = file
    }
    // A workbook carries the record in its properties (unless --no-meta), whether or not a sidecar is written.
    let records = !recordsNothing && (metaFile != nil || format == .xlsx)
    batchOptions.digestsInput = records
    batch.options = batchOptions
    let resultSink = DigestingSink(outputFile?.sink ?? out)
    let errorsSink = errorsFile.map { DigestingSink($0.sink) }
    let sink: TextSink = metaFile != nil ? resultSink : outputFile?.sink ?? out
    let errors = RejectedRows(format: format, sink: metaFile != nil ? errorsSink : errorsFile?.sink)
    let progress = errorIsTerminal ? Progress(sink: err) : nil
    if let progress { batch.progress = { counts in progress.show(counts) } }
    let reject: (AssessmentError) -> Void = { error in
      progress?.clear()
      self.err.write(self.tr(.rejectedRecord, error.description(in: self.language)))
      errors.write(error)
    }
    /// The record of this run, once every row is scored (the digests of the files it writes are filled in later).
    func record(_ summary: BatchEvaluator.Summary, finishedAt: String) -> Provenance {
      let inputFormat: String
      switch input.format {
      case .csv: inputFormat = "csv"
      case .json: inputFormat = "json"
      case .jsonLines: inputFormat = "jsonl"
      case .xlsx: inputFormat = "xlsx"
      }
      let output = outputPath ?? "-"
      return Provenance(
        note: Provenance.note(output: output),
        pbk: .init(version: Self.version),
        pack: .init(
          id: pack.metadata.id, version: pack.metadata.version, title: pack.metadata.title, file: packPath,
          sha256: SHA256.hex(of: packBytes)),
        input: .init(
          file: inputPath, sha256: summary.inputDigest?.sha256, bytes: summary.inputDigest?.bytes, format: inputFormat,
          encoding: input.format == .xlsx ? nil : input.format == .csv ? summary.encoding.displayName : "UTF-8",
          sheet: summary.sheet,
          headerRow: input.format == .xlsx
            ? summary.headerRow : input.format == .csv ? batchOptions.headerRow ?? 1 : nil),
        forms: options.values["forms"].map { .init(file: $0, sha256: summary.formsDigest?.sha256, bytes: summary.formsDigest?.bytes) },
        previous: previous.map {
          .init(
            file: $0.source.file, sha256: $0.source.sha256, packID: $0.source.packID, packVersion: $0.source.packVersion,
            finishedAt: $0.source.finishedAt)
        },
        output: .init(file: output, format: format.rawValue, sha256: "", bytes: 0),
        errors: errorsPath.map { .init(file: $0, sha256: "", bytes: 0, rows: errors.count) },
        counts: .init(
          read: summary.counts.read, assessed: summary.counts.assessed, rejected: summary.counts.rejected,
          void: summary.counts.void,
          forms: summary.forms.map { .init(read: $0.read, counted: $0.counted, void: $0.void, rejected: $0.rejected) }),
        linked: linkedRecords.isEmpty ? nil : linkedRecords,
        startedAt: startedAt, finishedAt: finishedAt, arguments: ["pbk", "evaluate"] + arguments)
    }
    let summary: BatchEvaluator.Summary
    var finishedAt = ""
    do {
      switch format {
      case .table:
        var rows: [[ResultCell]] = []
        summary = try batch.cells(input, columns: extras, reject: reject) { rows.append($0) }
        finishedAt = Provenance.now()
        sink.write(TableText.render(rows))
        for quota in summary.quotas { sink.write(tr(.quotaLine, "\(quota)")) }
      case .xlsx:
        var workbook = try SheetOutput(title: pack.metadata.title)
        summary = try batch.cells(input, columns: extras, reject: reject) { try workbook.append($0) }
        finishedAt = Provenance.now()
        if records {
          // The workbooks' properties: the record but for the digests of the files this run writes.
          let properties = record(summary, finishedAt: finishedAt).documentProperties
          workbook.custom = properties
          errors.custom = properties
        }
        for quota in summary.quotas { err.write(tr(.quotaLine, "\(quota)")) }
        try workbook.write(to: sink)
      case .csv, .json, .jsonl:
        if format == .csv { sink.write(CSVWriter.byteOrderMark) }
        let resultFormat: BatchEvaluator.ResultFormat = format == .csv ? .csv : format == .json ? .json : .jsonLines
        summary = try batch.write(input, as: resultFormat, columns: extras, write: { sink.write(bytes: $0) }, reject: reject)
        finishedAt = Provenance.now()
        for quota in summary.quotas { err.write(tr(.quotaLine, "\(quota)")) }
      }
      try errors.finish()
    } catch let error as RecordInputError {
      progress?.clear()
      abandonAll()
      err.write(error.description(in: language) + "\n")
      return ExitCode.problems
    } catch {
      progress?.clear()
      abandonAll()
      let reason =
        (error as? OutputFile.Problem)?.message ?? (error as? ExcelError)?.detail
        ?? Message.untranslated("\(error)")  // English-only: unexpected errors
      err.write(tr(.evaluateProblem, reason))
      return ExitCode.problems
    }
    // Every write is checked: a full disk or a closed pipe is a failure, and a file is then not left half written.
    for file in files {
      do {
        try file.commit()
      } catch {
        abandonAll()
        err.write(tr(.evaluateProblem, error.message))
        // The results were put in place and the rejected rows were not: no record may describe the results.
        if outputFile?.isCommitted == true {
          for path in Set([besideOutput, options.values["meta"]].compactMap { $0 }) {
            removeEarlierRecord(path, of: outputPath)
          }
        }
        return ExitCode.problems
      }
    }
    if outputFile == nil {
      sink.flush()
      if let failure = sink.failureDetail {
        metaFile?.abandon()
        err.write(tr(.cannotWriteStandardOutput, failure))
        return ExitCode.problems
      }
    }
    progress?.clear()
    var recordFailed = false
    if let metaFile {
      var provenance = record(summary, finishedAt: finishedAt)
      provenance.output.sha256 = resultSink.sha256
      provenance.output.bytes = resultSink.count
      if let errorsSink {
        provenance.errors?.sha256 = errorsSink.sha256
        provenance.errors?.bytes = errorsSink.count
      }
      do {
        metaFile.sink.write(try provenance.json())
        try metaFile.commit()
      } catch {
        metaFile.abandon()
        let reason = (error as? OutputFile.Problem)?.message
          ?? Message(.cannotWrite, metaFile.path, "\(error)")
        err.write(tr(.evaluateProblem, reason))
        err.write(tr(.resultsWithoutRecord, outputPath.map { Message(.inFile, $0) } ?? .verbatim("")))
        removeEarlierRecord(metaFile.path, of: outputPath)
        recordFailed = true
      }
    }
    // Results put in place without a record beside them (--no-meta, --meta elsewhere, or a record that failed):
    // a record an earlier run left there would describe the earlier results.
    if let besideOutput, outputFile?.isCommitted == true, metaFile?.path != besideOutput || recordFailed {
      removeEarlierRecord(besideOutput, of: outputPath)
    }
    var notes: [String] = []
    if let forms = summary.forms { notes.append(forms.description(in: language)) }
    if let readAs = summary.readAs { notes.append(tr(readAs)) }
    if !summary.checkedIDs { notes.append(tr(.idsNotChecked)) }
    if let path = options.values["errors"], summary.counts.read > 0 {
      let results = options.values["output"] ?? tr(.theOutput)
      // Forms rejected on their own (no such subject, a row that cannot be read) are rows of the errors file too.
      let forms = errors.count - summary.counts.rejected
      notes.append(
        forms > 0
          ? tr(.resultsPlusRejectedAndForms, summary.counts.assessed, results, summary.counts.rejected, forms, path)
          : tr(.resultsPlusRejected, summary.counts.assessed, results, summary.counts.rejected, path))
    }
    err.write(
      tr(
        notes.isEmpty ? .countsLine : .countsLineWithNotes, summary.counts.description(in: language),
        notes.joined(separator: language == .english ? "; " : "；")))
    let formsRejected = summary.forms?.rejected ?? 0
    return summary.counts.rejected == 0 && formsRejected == 0 && linkedRejected == 0 && !recordFailed
      ? ExitCode.ok : ExitCode.problems
  }

  /// The forms file named by `--forms` (its format from its extension; `-` is not allowed: the subjects may be there).
  static func formsInput(_ path: String) throws(UsageError) -> RecordInput {
    if path == "-" { throw UsageError(.formsTakesFile) }
    return .file(path)
  }

  /// Removes the record (`.meta.json`) an earlier run left at `path` — a regular file only — once this run's results
  /// are in place without a new record there, so that it cannot pass for theirs; says so.
  func removeEarlierRecord(_ path: String, of output: String?) {
    var info = stat()
    guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return }
    let results = output.map { "'\($0)'" } ?? tr(.theResults)
    if unlink(path) == 0 {
      err.write(tr(.removedEarlierRecord, path, results))
    } else {
      err.write(tr(.cannotRemoveEarlierRecord, path, FileSinkError.why(errno), results))
    }
  }

  func explain(_ arguments: [String]) throws(UsageError) -> Int32 {
    let options = try Options(
      arguments,
      valued: [
        "pack", "input", "input-format", "subject", "max-record-bytes", "encoding", "sheet", "header-row", "forms",
        "previous", "library",
      ],
      flags: ["no-previous"], repeatable: ["linked"])
    if let extra = options.positional.first { throw UsageError(Message(.unexpectedArgument, extra)) }
    let packPath = try options.required("pack", Message(.theRulePackFile))
    let inputPath = try options.required("input", Message(.theSubjectsFile))
    let subjectID = try options.required("subject", Message(.theSubjectToExplain))
    let input = try Self.recordInput(inputPath, format: options.values["input-format"])
    let batchOptions = try Self.batchOptions(options)
    guard var pack = loadPack(packPath) else { return ExitCode.problems }
    pack.findsWhatItTakes = true
    var linkedRejected = 0
    var linkedRecords: [Provenance.Linked] = []
    guard
      let linked = linkedResults(
        for: pack, options: options, batchOptions: batchOptions, command: "explain", rejected: &linkedRejected,
        records: &linkedRecords),
      var batch = self.batch(of: pack, linked: linked, options: batchOptions)
    else { return ExitCode.problems }
    var ids: [String] = []
    batch.forms = try options.values["forms"].map(Self.formsInput)
    switch try previousResults(for: pack, options) {
    case .success(let results): batch.previous = results
    case .failure(let error):
      err.write(error.message + "\n")
      return ExitCode.problems
    }
    do {
      guard
        let (assessment, line) = try batch.explain(
          subjectID, in: input, seen: { if ids.count < 1000 { ids.append($0) } })
      else {
        let suggestion = ids.first { PBK.closeEnough($0, subjectID) }
        err.write(
          tr(
            .explainNoSubject, subjectID, inputPath, suggestion.map { Message(.didYouMean, $0) } ?? .verbatim(""),
            ids.isEmpty ? .verbatim("") : Message(.idsThereInclude, MessageArgument.list(Array(ids.prefix(5))))))
        return ExitCode.problems
      }
      out.write(
        ExplainText.render(
          pack: pack, subject: assessment.subject, place: "\(inputPath):\(line)", assessment: assessment,
          whatItTakes: assessment.whatItTakes))
      return ExitCode.ok
    } catch let error as RecordInputError {
      err.write(error.description(in: language) + "\n")
      return ExitCode.problems
    } catch {
      err.write(tr(.rejectedRecord, "\(error)"))
      return ExitCode.problems
    }
  }
}

extension PBK {
  /// `--previous FILE` (last period's results) or `--no-previous` for a pack that reads them (`"previous"`): the
  /// results read, nil with --no-previous, or why the file cannot be used. Either is required by such a pack, and
  /// neither is allowed for another.
  func previousResults(for pack: RulePack, _ options: Options) throws(UsageError) -> Result<PreviousResults?, RecordInputError> {
    let path = options.values["previous"]
    let none = options.flags.contains("no-previous")
    if path != nil, none { throw UsageError(.previousContradiction) }
    guard pack.readsPrevious else {
      if path != nil || none {
        throw UsageError(.packReadsNoPrevious, pack.metadata.id)
      }
      return .success(nil)
    }
    guard let path else {
      if none { return .success(nil) }
      throw UsageError(.packReadsPrevious, pack.metadata.id)
    }
    do {
      let results = try PreviousResults.load(path: path)
      // Checked against the pack now (its columns, the pack that wrote it), before anything is scored.
      try pack.check(results)
      return .success(results)
    } catch {
      return .failure(error)
    }
  }
}
