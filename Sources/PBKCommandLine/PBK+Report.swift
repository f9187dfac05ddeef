import PartyBuildingKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension PBK {
  /// How many subjects' explanations a report holds unless `--explanations` says otherwise: enough for every subject
  /// of a county or a banner; at 10⁵ subjects a page of about 25 MB that a browser opens in about 3 seconds
  /// (an explanation is about 4 KB: all 10⁵ would make 400 MB).
  static let defaultExplanations = 2000

  /// `pbk report`: one self-contained HTML page of a batch's results (see ``ReportPage``).
  func report(_ arguments: [String]) throws(UsageError) -> Int32 {
    let options = try Options(
      arguments,
      valued: [
        "pack", "input", "input-format", "output", "title", "explanations", "threads", "ids", "max-record-bytes",
        "encoding", "sheet", "header-row", "library", "forms", "previous",
      ],
      flags: ["redact", "keep-names", "no-previous"], repeatable: ["linked"])
    if let extra = options.positional.first { throw UsageError(.unexpectedArgument, extra) }
    let batchOptions = try Self.batchOptions(options)
    let packPath = try options.required("pack", Message(.theRulePackFile))
    let inputPath = try options.required("input", Message(.theSubjectsFileAnyFormat))
    let outputPath = try options.required("output", Message(.theReportFile))
    let input = try Self.recordInput(inputPath, format: options.values["input-format"])
    let redact = options.flags.contains("redact")
    let keepsNames = options.flags.contains("keep-names")
    if keepsNames, !redact {
      throw UsageError(.keepNamesWithoutRedact)
    }
    var limit: Int? = Self.defaultExplanations
    if let text = options.values["explanations"] {
      if redact {
        throw UsageError(.explanationsWithRedact)
      }
      if text == "all" {
        limit = nil
      } else {
        guard let count = Int(text), count >= 0 else {
          throw UsageError(.explanationsValue, text)
        }
        limit = count
      }
    }
    guard let pack = loadPack(packPath) else { return ExitCode.problems }
    // The packs it links to are scored first, each from its own data (--linked PACK=DATA).
    var linkedRejected = 0
    var linkedRecords: [Provenance.Linked] = []
    guard
      let linked = linkedResults(
        for: pack, options: options, batchOptions: batchOptions, command: "report", rejected: &linkedRejected,
        records: &linkedRecords)
    else { return ExitCode.problems }

    let file: OutputFile?
    if outputPath == "-" {
      file = nil
    } else {
      do {
        file = try OutputFile.open(path: outputPath, input: input)
      } catch {
        err.write(tr(.reportProblem, error.message))
        return ExitCode.problems
      }
    }
    let sink: TextSink = file?.sink ?? out
    let explains = !redact && limit != 0
    var tuned = batchOptions
    // Explained results carry their traces while a block is in flight: smaller blocks keep the memory down (at 10⁵
    // subjects a peak of about 180 MB instead of 460 MB) for the same results and about the same time.
    if explains { tuned.blockSize = min(tuned.blockSize, 1 << 18) }
    guard var batch = self.batch(of: pack, linked: linked, options: tuned) else {
      file?.abandon()
      return ExitCode.problems
    }
    // The raters' forms and last period's results, as for 'pbk evaluate'.
    batch.forms = try options.values["forms"].map(Self.formsInput)
    switch try previousResults(for: pack, options) {
    case .success(let results): batch.previous = results
    case .failure(let error):
      file?.abandon()
      err.write(error.message + "\n")
      return ExitCode.problems
    }
    let progress = errorIsTerminal ? Progress(sink: err) : nil
    if let progress { batch.progress = { counts in progress.show(counts) } }
    var collector = ReportCollector(limit: redact ? 0 : limit, explains: explains)
    let data: ReportData
    do {
      let summary = try batch.assessments(from: input, explain: explains) { outcome in
        if case .failure(let error) = outcome {
          progress?.clear()
          err.write(tr(.rejectedRecord, error.description(in: language)))
        }
        collector.add(outcome)
      }
      data = collector.finish(summary)
    } catch let error as RecordInputError {
      progress?.clear()
      file?.abandon()
      err.write(error.description(in: language) + "\n")
      return ExitCode.problems
    } catch {
      progress?.clear()
      file?.abandon()
      err.write(tr(.reportProblem, Message.untranslated("\(error)")))  // English-only: unexpected errors
      return ExitCode.problems
    }
    progress?.clear()
    let title = options.values["title"] ?? pack.metadata.title + (redact ? "结果公示" : "结果报告")
    let inputName = inputPath == "-" ? "标准输入 standard input" : OutputFile.split(inputPath).name  // not a message: the page's own bilingual words
    let page = ReportPage(
      pack: pack, data: data, title: title, redact: redact, keepsNames: keepsNames, inputName: inputName,
      time: reportTime())
    page.write { sink.write($0) }
    if let file {
      do {
        try file.commit()
      } catch {
        err.write(tr(.reportProblem, error.message))
        return ExitCode.problems
      }
    } else {
      sink.flush()
      if let failure = sink.failureDetail {
        err.write(tr(.reportCannotWriteStandardOutput, failure))
        return ExitCode.problems
      }
    }
    let explained =
      redact
      ? Message(keepsNames ? .publicNoticeNamesKept : .publicNoticeNamesMasked)
      : Message(.explanationsCount, data.explained)
    var counts = data.counts.description(in: language)
    if let forms = data.forms { counts += " (\(forms))" }
    err.write(
      tr(
        .reportCountsLine, counts, outputPath == "-" ? Message(.nounReport) : Message.verbatim(outputPath), explained))
    let formsRejected = data.forms?.rejected ?? 0
    return data.counts.rejected == 0 && formsRejected == 0 && linkedRejected == 0 ? ExitCode.ok : ExitCode.problems
  }

  /// The time a report says it was made: `PBK_REPORT_TIME` as it is when set (so that a report can be made again
  /// byte for byte, e.g. in tests), otherwise the local time now, e.g. "2025-12-31 09:30:00 +0800".
  func reportTime() -> String {
    if let fixed = environmentValue("PBK_REPORT_TIME") { return fixed }
    var now = time(nil)
    var parts = tm()
    localtime_r(&now, &parts)
    var buffer = [CChar](repeating: 0, count: 64)
    let count = strftime(&buffer, buffer.count, "%Y-%m-%d %H:%M:%S %z", &parts)
    return String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// A variable of the environment pbk was given (tests pass their own), or of the process.
  func environmentValue(_ name: String) -> String? {
    if let environment { return environment[name] }
    return getenv(name).map { String(cString: $0) }
  }
}
