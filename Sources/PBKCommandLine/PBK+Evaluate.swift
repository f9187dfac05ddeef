import PartyBuildingKit

extension PBK {
  enum Format: String {
    case table, json, jsonl, csv, xlsx
  }

  func loadPack(_ path: String) -> RulePack? {
    do {
      return try RulePack.load(path: path)
    } catch {
      // A pack whose only problem is that it calls host functions loads when they are only declared: say that.
      if let checked = try? RulePack.load(path: path, functions: .declarationsOnly) {
        let names = checked.requiredFunctions.map(\.signatureText).joined(separator: ", ")
        err.write(
          "✗ \(path): this pack calls host functions that pbk does not provide: \(names). It is checked and tested "
            + "by 'pbk validate' and 'pbk test' (its test cases give the functions' results), and evaluated from a "
            + "Swift program that registers them: RulePack.load(path:functions:) — see README, \"Host functions\"\n")
        return nil
      }
      for problem in error.problems { err.write(problem.description + "\n") }
      err.write("✗ \(path): the pack has problems; run 'pbk validate \(path)' after fixing them\n")
      return nil
    }
  }

  /// The input named by `--input`: a file, or `-` for standard input (in `--input-format`, CSV by default).
  static func recordInput(_ path: String, format: String?) throws(UsageError) -> RecordInput {
    if let format {
      guard let parsed = RecordFormat(rawValue: format == "jsonl" ? "jsonLines" : format) else {
        throw UsageError("--input-format is csv, json, jsonl or xlsx, not '\(format)'")
      }
      guard path == "-" else { throw UsageError("--input-format is for standard input (--input -); a file's format comes from its extension") }
      return .standardInput(parsed)
    }
    return path == "-" ? .standardInput(.csv) : .file(path)
  }

  /// The batch options `--threads`, `--ids` and `--max-record-bytes` give.
  static func batchOptions(_ options: Options) throws(UsageError) -> BatchOptions {
    var batch = BatchOptions()
    if let text = options.values["threads"] {
      guard let count = Int(text), (1...256).contains(count) else { throw UsageError("--threads takes a whole number from 1 to 256") }
      batch.threads = count
    }
    if let text = options.values["ids"] {
      guard text == "checked" || text == "unchecked" else { throw UsageError("--ids is checked (the default) or unchecked, not '\(text)'") }
      batch.checksIDs = text == "checked"
    }
    if let text = options.values["max-record-bytes"] {
      guard let bytes = Int(text), bytes >= 64 else { throw UsageError("--max-record-bytes takes a whole number of bytes, at least 64") }
      batch.maxRecordBytes = bytes
    }
    if let text = options.values["encoding"] {
      switch text.lowercased() {
      case "utf8", "utf-8": batch.encoding = .utf8
      case "gb18030", "gbk", "gb2312": batch.encoding = .gb18030
      case "utf16", "utf-16": batch.encoding = .utf16
      default: throw UsageError("--encoding is utf8, gb18030 (also for GBK) or utf16, not '\(text)'")
      }
    }
    batch.sheet = options.values["sheet"]
    if let text = options.values["header-row"] {
      guard let row = Int(text), row >= 1 else { throw UsageError("--header-row takes a row number, 1 or more") }
      batch.headerRow = row
    }
    return batch
  }

  func evaluate(_ arguments: [String]) throws(UsageError) -> Int32 {
    let options = try Options(
      arguments,
      valued: [
        "pack", "input", "input-format", "format", "output", "errors", "columns", "threads", "ids", "max-record-bytes",
        "encoding", "sheet", "header-row",
      ],
      flags: ["what-it-takes"])
    if let extra = options.positional.first { throw UsageError("unexpected argument '\(extra)'") }
    let batchOptions = try Self.batchOptions(options)
    let packPath = try options.required("pack", "the rule pack file")
    let inputPath = try options.required("input", "the file of subjects (.csv, .xlsx, .json or .jsonl, or - for standard input)")
    let input = try Self.recordInput(inputPath, format: options.values["input-format"])
    let format: Format
    if let text = options.values["format"] {
      guard let parsed = Format(rawValue: text) else { throw UsageError("--format is table, csv, xlsx, json or jsonl, not '\(text)'") }
      format = parsed
    } else if let output = options.values["output"] {
      format = output.lowercased().hasSuffix(".xlsx") ? .xlsx : output.lowercased().hasSuffix(".json") ? .json : .csv
    } else {
      format = outputIsTerminal ? .table : .csv
    }
    if format == .xlsx, options.values["output"] == nil, outputIsTerminal {
      throw UsageError("--format xlsx writes a workbook: give --output 结果.xlsx")
    }
    var extras: Set<ExtraColumn> = []
    for name in (options.values["columns"] ?? "").split(separator: ",") {
      guard let extra = ExtraColumn(rawValue: String(name)) else {
        throw UsageError("--columns takes \(ExtraColumn.allCases.map(\.rawValue).joined(separator: ", ")), not '\(name)'")
      }
      extras.insert(extra)
    }
    guard var pack = loadPack(packPath) else { return ExitCode.problems }
    // "What it takes" scores each subject many times: only when asked for (a column 升档所需).
    pack.findsWhatItTakes = options.flags.contains("what-it-takes")
    // Outputs are complete or absent: a file is written beside its target and renamed into place at the end.
    var files: [OutputFile] = []
    func open(_ path: String) -> OutputFile? {
      do {
        let file = try OutputFile.open(path: path, input: input)
        files.append(file)
        return file
      } catch {
        err.write("pbk evaluate: \(error.message)\n")
        return nil
      }
    }
    var outputFile: OutputFile?
    if let path = options.values["output"] {
      guard let file = open(path) else { return ExitCode.problems }
      outputFile = file
    }
    var errorsFile: OutputFile?
    if let path = options.values["errors"] {
      guard let file = open(path) else {
        for file in files { file.abandon() }
        return ExitCode.problems
      }
      errorsFile = file
    }
    let sink: TextSink = outputFile?.sink ?? out
    let errors = RejectedRows(format: format, sink: errorsFile?.sink)
    var batch = BatchEvaluator(pack: pack, options: batchOptions)
    let progress = errorIsTerminal ? Progress(sink: err) : nil
    if let progress { batch.progress = { counts in progress.show(counts) } }
    let reject: (AssessmentError) -> Void = { error in
      progress?.clear()
      self.err.write("error: \(error)\n")
      errors.write(error)
    }
    let summary: BatchEvaluator.Summary
    do {
      switch format {
      case .table:
        var rows: [[ResultCell]] = []
        summary = try batch.cells(input, columns: extras, reject: reject) { rows.append($0) }
        sink.write(TableText.render(rows))
        for quota in summary.quotas { sink.write("名额 quota: \(quota)\n") }
      case .xlsx:
        var workbook = try SheetOutput(title: pack.metadata.title)
        summary = try batch.cells(input, columns: extras, reject: reject) { try workbook.append($0) }
        for quota in summary.quotas { err.write("名额 quota: \(quota)\n") }
        try workbook.write(to: sink)
      case .csv, .json, .jsonl:
        if format == .csv { sink.write(CSVWriter.byteOrderMark) }
        let resultFormat: BatchEvaluator.ResultFormat = format == .csv ? .csv : format == .json ? .json : .jsonLines
        summary = try batch.write(input, as: resultFormat, columns: extras, write: { sink.write(bytes: $0) }, reject: reject)
        for quota in summary.quotas { err.write("名额 quota: \(quota)\n") }
      }
      try errors.finish()
    } catch let error as RecordInputError {
      progress?.clear()
      for file in files { file.abandon() }
      err.write(error.message + "\n")
      return ExitCode.problems
    } catch {
      progress?.clear()
      for file in files { file.abandon() }
      err.write("pbk evaluate: \(error)\n")
      return ExitCode.problems
    }
    // Every write is checked: a full disk or a closed pipe is a failure, and a file is then not left half written.
    for file in files {
      do {
        try file.commit()
      } catch {
        for other in files where other !== file { other.abandon() }
        err.write("pbk evaluate: \(error.message)\n")
        return ExitCode.problems
      }
    }
    if outputFile == nil {
      sink.flush()
      if let failure = sink.failure {
        err.write("pbk evaluate: cannot write the results to standard output: \(failure)\n")
        return ExitCode.problems
      }
    }
    progress?.clear()
    var notes: [String] = []
    if let readAs = summary.readAs { notes.append(readAs) }
    if !summary.checkedIDs { notes.append("repeated ids not checked: --ids unchecked") }
    if let path = options.values["errors"], summary.counts.read > 0 {
      let results = options.values["output"] ?? "the output"
      notes.append("\(summary.counts.assessed) results in \(results) + \(summary.counts.rejected) rejected rows in \(path)")
    }
    err.write("\(summary.counts)\(notes.isEmpty ? "" : " (\(notes.joined(separator: "; ")))")\n")
    return summary.counts.rejected == 0 ? ExitCode.ok : ExitCode.problems
  }

  func explain(_ arguments: [String]) throws(UsageError) -> Int32 {
    let options = try Options(
      arguments, valued: ["pack", "input", "input-format", "subject", "max-record-bytes", "encoding", "sheet", "header-row"])
    if let extra = options.positional.first { throw UsageError("unexpected argument '\(extra)'") }
    let packPath = try options.required("pack", "the rule pack file")
    let inputPath = try options.required("input", "the file of subjects")
    let subjectID = try options.required("subject", "the id of the subject to explain")
    let input = try Self.recordInput(inputPath, format: options.values["input-format"])
    let batchOptions = try Self.batchOptions(options)
    guard var pack = loadPack(packPath) else { return ExitCode.problems }
    pack.findsWhatItTakes = true
    var ids: [String] = []
    do {
      guard
        let (assessment, line) = try BatchEvaluator(pack: pack, options: batchOptions).explain(
          subjectID, in: input, seen: { if ids.count < 1000 { ids.append($0) } })
      else {
        let suggestion = ids.first { PBK.closeEnough($0, subjectID) }
        err.write(
          "pbk explain: no subject '\(subjectID)' in \(inputPath)\(suggestion.map { "; did you mean '\($0)'?" } ?? "")\(ids.isEmpty ? "" : " (ids there include \(ids.prefix(5).joined(separator: ", ")))")\n"
        )
        return ExitCode.problems
      }
      out.write(
        ExplainText.render(
          pack: pack, subject: assessment.subject, place: "\(inputPath):\(line)", assessment: assessment,
          whatItTakes: assessment.whatItTakes))
      return ExitCode.ok
    } catch let error as RecordInputError {
      err.write(error.message + "\n")
      return ExitCode.problems
    } catch {
      err.write("error: \(error)\n")
      return ExitCode.problems
    }
  }
}
