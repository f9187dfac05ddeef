import PartyBuildingKit

extension PBK {
  enum Format: String {
    case table, json, csv
  }

  func loadPack(_ path: String) -> RulePack? {
    do {
      return try RulePack.load(path: path)
    } catch {
      for problem in error.problems { err.write(problem.description + "\n") }
      err.write("✗ \(path): the pack has problems; run 'pbk validate \(path)' after fixing them\n")
      return nil
    }
  }

  func evaluate(_ arguments: [String]) throws(UsageError) -> Int32 {
    let options = try Options(
      arguments, valued: ["pack", "input", "format", "output", "threads"], flags: ["what-it-takes"])
    if let extra = options.positional.first { throw UsageError("unexpected argument '\(extra)'") }
    var threads = StreamingEvaluator.processorCount
    if let text = options.values["threads"] {
      guard let count = Int(text), (1...256).contains(count) else { throw UsageError("--threads takes a whole number from 1 to 256") }
      threads = count
    }
    let packPath = try options.required("pack", "the rule pack file")
    let inputPath = try options.required("input", "the file of subjects (.csv, .json or .jsonl)")
    let format: Format
    if let text = options.values["format"] {
      guard let parsed = Format(rawValue: text) else { throw UsageError("--format is table, json or csv, not '\(text)'") }
      format = parsed
    } else {
      format = options.values["output"] == nil && outputIsTerminal ? .table : .csv
    }
    guard var pack = loadPack(packPath) else { return ExitCode.problems }
    // "What it takes" scores each subject many times: only when asked for (a column 升档所需).
    pack.findsWhatItTakes = options.flags.contains("what-it-takes")
    let reader = RecordReader(file: inputPath, inputs: pack.info.inputs)
    if let problem = reader.fileProblem {
      err.write(problem + "\n")
      return ExitCode.problems
    }
    let sink: TextSink
    var fileSink: FileSink?
    if let outputPath = options.values["output"] {
      do {
        let file = try FileSink.create(path: outputPath)
        fileSink = file
        sink = file
      } catch {
        err.write("pbk evaluate: cannot write '\(outputPath)': \(error.reason)\n")
        return ExitCode.problems
      }
    } else {
      sink = out
    }
    defer { fileSink?.flush() }
    let writer = ResultWriter(pack: pack, format: format, sink: sink)
    // A pack with a cohort stage ranks every subject at the end: its own path (PBK+Cohort.swift).
    if pack.hasCohort { return evaluateCohort(pack: pack, reader: reader, writer: writer, threads: threads) }
    writer.begin()
    let counts: Evaluator<RulePack>.Counts
    if format == .table {
      // A table sizes its columns from every row: for people at a terminal, not for millions of rows.
      counts = Evaluator(scheme: pack).evaluate(AnySequence { reader }) { outcome in
        switch outcome {
        case .success(let assessment): writer.write(assessment)
        case .failure(let error): err.write(Self.describe(error, reader: reader) + "\n")
        }
      }
    } else if format == .csv, reader.format == .csv, let batch = CSVBatch(pack: pack, threads: threads) {
      // CSV to CSV for a pack with a scoring plan: blocks of bytes scored on every core (CSVBatch.swift).
      counts = batch.run(reader, format: writer.formatted, write: { sink.write(bytes: $0) }) { error in
        err.write(Self.describe(error, reader: reader) + "\n")
      }
    } else {
      // CSV and JSON stream: scored on every core, written in input order, memory flat.
      var streamed = reader
      counts = StreamingEvaluator(pack: pack, threads: threads).run(&streamed, format: writer.formatted) { outcome in
        switch outcome {
        case .success(let text): writer.writeFormatted(text)
        case .failure(let error): err.write(Self.describe(error, reader: reader) + "\n")
        }
      }
    }
    writer.end()
    err.write("\(counts.read) read: \(counts.assessed) assessed, \(counts.rejected) rejected\n")
    return counts.rejected == 0 ? ExitCode.ok : ExitCode.problems
  }

  /// An error with the CSV column of its input, when known.
  static func describe(_ error: AssessmentError, reader: RecordReader) -> String {
    var error = error
    if error.column == nil, let input = error.inputID, reader.format == .csv {
      error.column = reader.column(of: input)
    }
    return "error: \(error)"
  }

  func explain(_ arguments: [String]) throws(UsageError) -> Int32 {
    let options = try Options(arguments, valued: ["pack", "input", "subject"])
    if let extra = options.positional.first { throw UsageError("unexpected argument '\(extra)'") }
    let packPath = try options.required("pack", "the rule pack file")
    let inputPath = try options.required("input", "the file of subjects")
    let subjectID = try options.required("subject", "the id of the subject to explain")
    guard let pack = loadPack(packPath) else { return ExitCode.problems }
    var reader = RecordReader(file: inputPath, inputs: pack.info.inputs)
    if let problem = reader.fileProblem {
      err.write(problem + "\n")
      return ExitCode.problems
    }
    var ids: [String] = []
    while let record = reader.next() {
      guard case .success(let input) = record else { continue }
      guard input.subject.id == subjectID else {
        ids.append(input.subject.id)
        continue
      }
      do {
        var assessment = try pack.assess(input, explain: true)
        if pack.hasCohort { assessment = ranked(assessment, pack: pack, inputPath: inputPath) }
        out.write("\(pack.metadata.title)（\(pack.metadata.id) \(pack.metadata.version)）\n")
        let name = input.subject.name.isEmpty ? "" : "\(input.subject.name) "
        out.write("\(name)(\(input.subject.id))  \(inputPath):\(input.origin?.line ?? 0)\n\n")
        for line in TraceFormatter.lines(assessment) { out.write(line + "\n") }
        if let lifts = try pack.whatItTakes(for: input) {
          out.write("\n升档所需 what it takes（单项输入的最小变化，逐一验证）\n")
          for (target, found) in [(lifts.nextGrade, lifts.toGrade), (lifts.nextStars.map { "\($0) 星" }, lifts.toStars)] {
            guard let target else { continue }
            if found.isEmpty { out.write("  升为\(target)：没有单项输入的变化能做到\n") }
            for lift in found.prefix(5) { out.write("  \(lift.description)（\(lift.from) → \(lift.to)）\n") }
          }
        }
        return ExitCode.ok
      } catch {
        err.write(Self.describe(error, reader: reader) + "\n")
        return ExitCode.problems
      }
    }
    let suggestion = ids.first { PBK.closeEnough($0, subjectID) }
    err.write(
      "pbk explain: no subject '\(subjectID)' in \(inputPath)\(suggestion.map { "; did you mean '\($0)'?" } ?? "")\(ids.isEmpty ? "" : " (ids there include \(ids.prefix(5).joined(separator: ", ")))")\n"
    )
    return ExitCode.problems
  }
}
