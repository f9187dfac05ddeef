import Dispatch
import Foundation
import Testing

@testable import PBKCommandLine
@testable import PartyBuildingKit

/// The record of a run (issue 13, item 4): `<output>.meta.json` beside the results, `--meta FILE`, an .xlsx output's
/// document properties; digests that `sha256sum` agrees with, result bytes that stay the same between runs.
@Suite struct ProvenanceTests {
  static let pack = CLIPaths.repository + "/RulePacks/dazhou/pack.json"
  static let data = CLIPaths.repository + "/Examples/data/dazhou.csv"

  /// `sha256sum FILE`'s digest: the tool's when it is installed, else the package's SHA-256 of the file.
  static func sha256sum(_ path: String) throws -> String {
    let tool = "/usr/bin/sha256sum"
    guard FileManager.default.isExecutableFile(atPath: tool) else { return try SHA256.hexOfFile(path: path) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = [path]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return String(text.prefix(64))
  }

  static func size(_ path: String) -> Int { FileManager.default.contents(atPath: path)?.count ?? -1 }

  static func bytes(_ path: String) -> [UInt8]? { FileManager.default.contents(atPath: path).map { [UInt8]($0) } }

  static func record(_ path: String) throws -> Provenance {
    try JSONDecoder().decode(Provenance.self, from: try #require(FileManager.default.contents(atPath: path)))
  }

  /// The files of a folder, temporaries included.
  static func listing(_ folder: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
  }

  /// The dazhou data with its first subject given twice: 12 read, 11 assessed, 1 rejected.
  static func inputWithARepeatedID(in folder: String) -> String {
    ReliabilityTests.write(
      Array((ReliabilityTests.rows + [ReliabilityTests.rows[1]]).joined(separator: "\n").utf8), "data.csv", in: folder)
  }

  static func runArguments(_ arguments: [String]) -> Run {
    let out = StringSink()
    let err = StringSink()
    let code = PBK(out: out, err: err, language: .english).run(arguments)
    return Run(code: code, out: out.text, err: err.text)
  }

  @Test(arguments: ["csv", "json", "jsonl", "table", "xlsx"])
  func theRecordBesideTheOutputDescribesTheRun(_ format: String) throws {
    let folder = ReliabilityTests.folder()
    let input = Self.inputWithARepeatedID(in: folder)
    let output = folder + "/out.\(format)"
    let errors = folder + "/rejected.\(format)"
    let arguments = [
      "evaluate", "--pack", Self.pack, "--input", input, "--format", format, "--output", output, "--errors", errors,
    ]
    let run = Self.runArguments(arguments)
    #expect(run.code == 1, "a row is rejected")
    #expect(run.err.hasSuffix("12 read: 11 assessed, 1 rejected (11 results in \(output) + 1 rejected rows in \(errors))\n"))
    let record = try Self.record(output + ".meta.json")
    #expect(record.pbk.version == PBK.version)
    #expect(record.metaVersion == 1)
    #expect(
      record.pack
        == .init(
          id: "dazhou-secretary", version: "1.0.0", title: "达州市基层党组织书记党建工作年度考评", file: Self.pack,
          sha256: try Self.sha256sum(Self.pack)))
    #expect(
      record.input
        == .init(
          file: input, sha256: try Self.sha256sum(input), bytes: Self.size(input), format: "csv", encoding: "UTF-8",
          sheet: nil, headerRow: 1))
    #expect(record.output == .init(file: output, format: format, sha256: try Self.sha256sum(output), bytes: Self.size(output)))
    #expect(record.errors == .init(file: errors, sha256: try Self.sha256sum(errors), bytes: Self.size(errors), rows: 1))
    #expect(record.counts == .init(read: 12, assessed: 11, rejected: 1, void: 0))
    #expect(record.arguments == ["pbk"] + arguments)
    #expect(record.note.contains(output))
    let time = #/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d$/#
    #expect(record.startedAt.wholeMatch(of: time) != nil, "\(record.startedAt)")
    #expect(record.finishedAt.wholeMatch(of: time) != nil, "\(record.finishedAt)")
    #expect(record.startedAt <= record.finishedAt)
    // Two-space indentation, keys in a fixed order, a final line break.
    let text = try String(contentsOfFile: output + ".meta.json", encoding: .utf8)
    let keys = text.split(separator: "\n").compactMap { line in
      line.wholeMatch(of: #/  "([^"]+)": .*/#).map { String($0.1) }
    }
    #expect(
      keys == [
        "说明", "metaVersion", "pbk", "pack", "input", "output", "errors", "counts", "startedAt", "finishedAt",
        "arguments",
      ])
    #expect(text.hasPrefix("{\n  \"说明\": \""))
    #expect(text.hasSuffix("\n}\n"))
    #expect(try Self.listing(folder) == ["data.csv", "out.\(format)", "out.\(format).meta.json", "rejected.\(format)"])
  }

  @Test(arguments: ["csv", "json"])
  func theResultBytesAreTheSameBetweenRunsAndOnlyTheRecordsTimesDiffer(_ format: String) throws {
    let folder = ReliabilityTests.folder()
    let output = folder + "/out.\(format)"
    let arguments = ["evaluate", "--pack", Self.pack, "--input", Self.data, "--format", format, "--output", output]
    #expect(Self.runArguments(arguments).code == 0)
    let first = try #require(Self.bytes(output))
    let firstRecord = try Self.record(output + ".meta.json")
    // The clock moves on by more than a millisecond.
    while Provenance.now() <= firstRecord.finishedAt { usleep(1000) }
    #expect(Self.runArguments(arguments).code == 0)
    #expect(Self.bytes(output) == first)
    var secondRecord = try Self.record(output + ".meta.json")
    #expect(secondRecord.startedAt > firstRecord.finishedAt)
    secondRecord.startedAt = firstRecord.startedAt
    secondRecord.finishedAt = firstRecord.finishedAt
    #expect(secondRecord == firstRecord)
    // Nothing of the run is in the results.
    let text = String(decoding: first, as: UTF8.self)
    #expect(!text.contains(String(firstRecord.startedAt.prefix(10))))
    #expect(!text.contains(folder))
  }

  @Test func anXLSXOutputCarriesTheRecordInItsPropertiesAndDiffersThereOnly() throws {
    let folder = ReliabilityTests.folder()
    let output = folder + "/结果.xlsx"
    let arguments = ["evaluate", "--pack", Self.pack, "--input", Self.data, "--output", output]
    #expect(Self.runArguments(arguments).code == 0)
    let first = try #require(Self.bytes(output))
    let record = try Self.record(output + ".meta.json")
    #expect(record.output.sha256 == SHA256.hex(of: first))
    let properties = try XLSXWorkbook(bytes: first).documentProperties()
    #expect(properties.title == "达州市基层党组织书记党建工作年度考评")
    let custom = Dictionary(uniqueKeysWithValues: properties.custom.map { ($0.name, $0.value) })
    #expect(custom["pbk.version"] == PBK.version)
    #expect(custom["pack.id"] == "dazhou-secretary")
    #expect(custom["pack.sha256"] == (try Self.sha256sum(Self.pack)))
    #expect(custom["input.file"] == Self.data)
    #expect(custom["input.sha256"] == (try Self.sha256sum(Self.data)))
    #expect(custom["input.bytes"] == String(Self.size(Self.data)))
    #expect(custom["output.file"] == output)
    #expect(custom["counts.read"] == "11" && custom["counts.assessed"] == "11" && custom["counts.rejected"] == "0")
    #expect(custom["startedAt"] == record.startedAt && custom["finishedAt"] == record.finishedAt)
    #expect(custom["arguments"] == "pbk evaluate --pack \(Self.pack) --input \(Self.data) --output \(output)")
    // A file cannot hold its own digest; a value that is null is left out.
    #expect(custom["output.sha256"] == nil && custom["input.sheet"] == nil)
    // A second run: every part of the workbook is the same but the custom properties (the times).
    while Provenance.now() <= record.finishedAt { usleep(1000) }
    #expect(Self.runArguments(arguments).code == 0)
    let second = try #require(Self.bytes(output))
    #expect(second != first)
    let (before, after) = (try ZipArchive(bytes: first), try ZipArchive(bytes: second))
    #expect(before.entries.map(\.name) == after.entries.map(\.name))
    for entry in before.entries {
      let same = try before.contents(of: entry) == after.contents(of: try #require(after.entry(named: entry.name)))
      #expect(same == (entry.name != "docProps/custom.xml"), "\(entry.name)")
    }
    // --no-meta: no record anywhere, and the same bytes every time.
    let plain = folder + "/plain.xlsx"
    let noMeta = ["evaluate", "--pack", Self.pack, "--input", Self.data, "--output", plain, "--no-meta"]
    #expect(Self.runArguments(noMeta).code == 0)
    let plainFirst = try #require(Self.bytes(plain))
    #expect(Self.runArguments(noMeta).code == 0)
    #expect(Self.bytes(plain) == plainFirst)
    #expect(try XLSXWorkbook(bytes: plainFirst).documentProperties().custom.isEmpty)
    #expect(!FileManager.default.fileExists(atPath: plain + ".meta.json"))
  }

  @Test func aWorkbookOfRejectedRowsCarriesTheRecordToo() throws {
    let folder = ReliabilityTests.folder()
    let input = Self.inputWithARepeatedID(in: folder)
    let errors = folder + "/rejected.xlsx"
    let run = Self.runArguments(
      ["evaluate", "--pack", Self.pack, "--input", input, "--output", folder + "/out.xlsx", "--errors", errors])
    #expect(run.code == 1)
    let custom = try XLSXWorkbook(bytes: try #require(Self.bytes(errors))).documentProperties().custom
    let values = Dictionary(uniqueKeysWithValues: custom.map { ($0.name, $0.value) })
    #expect(values["errors.file"] == errors && values["errors.rows"] == "1" && values["counts.rejected"] == "1")
  }

  @Test func aWorkbookInputIsRecordedWithItsSheetAndHeaderRow() throws {
    let folder = ReliabilityTests.folder()
    let input = CLIPaths.repository + "/Tests/PartyBuildingKitTests/Fixtures/Excel/dazhou-title.xlsx"
    let output = folder + "/out.csv"
    #expect(Self.runArguments(["evaluate", "--pack", Self.pack, "--input", input, "--output", output]).code == 0)
    let record = try Self.record(output + ".meta.json")
    #expect(
      record.input
        == .init(
          file: input, sha256: try Self.sha256sum(input), bytes: Self.size(input), format: "xlsx", encoding: nil,
          sheet: "考核数据", headerRow: 3))
  }

  @Test func aGB18030InputIsDigestedAsItIsOnDisk() throws {
    let folder = ReliabilityTests.folder()
    let text = ReliabilityTests.rows.joined(separator: "\n")
    let gbk = try #require(text.data(using: String.Encoding(rawValue: 0x8000_0632)))
    let input = ReliabilityTests.write([UInt8](gbk), "gbk.csv", in: folder)
    let output = folder + "/out.csv"
    #expect(Self.runArguments(["evaluate", "--pack", Self.pack, "--input", input, "--output", output]).code == 0)
    let record = try Self.record(output + ".meta.json")
    #expect(record.input.sha256 == (try Self.sha256sum(input)))
    #expect(record.input.bytes == gbk.count)
    #expect(record.input.encoding == "GB18030")
  }

  @Test func aVoidBallotSessionIsCounted() throws {
    let folder = ReliabilityTests.folder()
    let lines = """
      {"id": "B1", "应到人数": 30, "实到人数": 15, "发出票数": 15, "收回票数": 15, "总体评价:领导:好": 5, "总体评价:群众:好": 10, "作风:无": 15}
      {"id": "B2", "应到人数": 30, "实到人数": 16, "发出票数": 16, "收回票数": 16, "总体评价:领导:好": 5, "总体评价:群众:好": 11, "作风:无": 16}

      """
    let input = ReliabilityTests.write(Array(lines.utf8), "ballots.jsonl", in: folder)
    let output = folder + "/out.csv"
    let pack = CLIPaths.repository + "/RulePacks/examples/ballots/pack.json"
    #expect(Self.runArguments(["evaluate", "--pack", pack, "--input", input, "--output", output]).code == 0)
    let record = try Self.record(output + ".meta.json")
    #expect(record.counts == .init(read: 2, assessed: 2, rejected: 0, void: 1))
    #expect(record.input.format == "jsonl" && record.input.headerRow == nil && record.input.encoding == "UTF-8")
  }

  @Test func metaWritesTheRecordOfResultsOnStandardOutput() throws {
    let folder = ReliabilityTests.folder()
    let meta = folder + "/run.meta.json"
    let run = Self.runArguments(["evaluate", "--pack", Self.pack, "--input", Self.data, "--format", "csv", "--meta", meta])
    #expect(run.code == 0)
    let record = try Self.record(meta)
    #expect(record.output == .init(file: "-", format: "csv", sha256: SHA256.hex(of: Array(run.out.utf8)), bytes: run.out.utf8.count))
    #expect(record.errors == nil)
    #expect(try String(contentsOfFile: meta, encoding: .utf8).contains("\n  \"errors\": null,\n"))
    #expect(try Self.listing(folder) == ["run.meta.json"])
  }

  @Test func aFailedRunLeavesNoRecordAndTheEarlierPairAsItWas() throws {
    let folder = ReliabilityTests.folder()
    let output = folder + "/out.csv"
    #expect(Self.runArguments(["evaluate", "--pack", Self.pack, "--input", Self.data, "--output", output]).code == 0)
    let (results, record) = (Self.bytes(output), Self.bytes(output + ".meta.json"))
    let header = ReliabilityTests.write(Array("编号,编号\nX,Y\n".utf8), "bad.csv", in: folder)
    for input in [folder + "/missing.csv", header] {
      let run = Self.runArguments(["evaluate", "--pack", Self.pack, "--input", input, "--output", output])
      #expect(run.code == 1)
      // The earlier results and their record still belong together.
      #expect(Self.bytes(output) == results)
      #expect(Self.bytes(output + ".meta.json") == record)
      #expect(try Self.listing(folder) == ["bad.csv", "out.csv", "out.csv.meta.json"])
    }
    let fresh = ReliabilityTests.folder()
    let failed = Self.runArguments(["evaluate", "--pack", Self.pack, "--input", header, "--output", fresh + "/out.csv"])
    #expect(failed.code == 1)
    #expect(try Self.listing(fresh).isEmpty)
  }

  @Test func resultsReplacedWithoutARecordBesideThemRemoveTheEarlierOne() throws {
    let folder = ReliabilityTests.folder()
    let output = folder + "/out.csv"
    let beside = output + ".meta.json"
    let base = ["evaluate", "--pack", Self.pack, "--input", Self.data, "--output", output]
    #expect(Self.runArguments(base).code == 0)
    #expect(FileManager.default.fileExists(atPath: beside))
    let quiet = Self.runArguments(base + ["--no-meta"])
    #expect(quiet.code == 0)
    #expect(quiet.err.contains("removed '\(beside)': it recorded an earlier run, not the results now in '\(output)'"))
    #expect(try Self.listing(folder) == ["out.csv"])
    #expect(Self.runArguments(base).code == 0)
    let elsewhere = folder + "/elsewhere.json"
    let moved = Self.runArguments(base + ["--meta", elsewhere])
    #expect(moved.code == 0)
    #expect(moved.err.contains("removed '\(beside)'"))
    #expect(try Self.listing(folder) == ["elsewhere.json", "out.csv"])
    #expect(try Self.record(elsewhere).output.sha256 == (try Self.sha256sum(output)))
  }

  @Test func aRecordThatCannotBeWrittenIsAnErrorAndTheResultsStay() throws {
    guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
    let folder = ReliabilityTests.folder()
    let output = folder + "/out.csv"
    let run = Self.runArguments(["evaluate", "--pack", Self.pack, "--input", Self.data, "--output", output, "--meta", "/dev/full"])
    #expect(run.code == 1)
    #expect(run.err.contains("pbk evaluate: cannot write '/dev/full': no space left on the device; the record was not written\n"))
    #expect(run.err.contains("the results in '\(output)' are complete, but no record of what produced them was written"))
    #expect(run.err.hasSuffix("11 read: 11 assessed, 0 rejected\n"))
    let expected = Self.runArguments(["evaluate", "--pack", Self.pack, "--input", Self.data, "--format", "csv"]).out
    #expect(Self.bytes(output) == Array(expected.utf8))
  }

  /// The record fails after the results are in place (its temporary file is taken away while the run waits for its
  /// input): the record an earlier run left beside the results is removed, not left to describe the new ones.
  @Test func aRecordThatFailsAfterTheResultsAreInPlaceTakesTheEarlierOneAway() throws {
    let folder = ReliabilityTests.folder()
    let output = folder + "/out.csv"
    let beside = output + ".meta.json"
    #expect(Self.runArguments(["evaluate", "--pack", Self.pack, "--input", Self.data, "--output", output]).code == 0)
    let fifo = folder + "/in.csv"
    #expect(mkfifo(fifo, 0o600) == 0)
    final class Box: @unchecked Sendable { var run: Run? }
    let box = Box()
    let done = DispatchSemaphore(value: 0)
    let arguments = ["evaluate", "--pack", Self.pack, "--input", fifo, "--output", output]
    DispatchQueue.global().async {
      box.run = Self.runArguments(arguments)
      done.signal()
    }
    // The run opens its outputs, then waits for the FIFO's writer: its record's temporary file is taken away.
    let temporary = folder + "/.out.csv.meta.json.pbk-unfinished-\(getpid())"
    var waited = 0
    while !FileManager.default.fileExists(atPath: temporary), waited < 5000 {
      usleep(2000)
      waited += 1
    }
    #expect(unlink(temporary) == 0)
    // Five subjects this time.
    let rows = Array(ReliabilityTests.rows.prefix(6)).joined(separator: "\n") + "\n"
    var writer: Int32 = -1
    waited = 0
    while writer < 0, waited < 5000 {
      writer = open(fifo, O_WRONLY | O_NONBLOCK)
      if writer < 0 { usleep(2000) }
      waited += 1
    }
    try #require(writer >= 0)
    _ = fcntl(writer, F_SETFL, 0)
    _ = Array(rows.utf8).withUnsafeBytes { write(writer, $0.baseAddress!, $0.count) }
    close(writer)
    done.wait()
    let run = try #require(box.run)
    #expect(run.code == 1)
    #expect(run.err.contains("cannot write '\(beside)': "))
    #expect(run.err.contains("the record was not written"))
    #expect(run.err.contains("removed '\(beside)': it recorded an earlier run, not the results now in '\(output)'"))
    #expect(run.err.hasSuffix("5 read: 5 assessed, 0 rejected\n"))
    #expect(try Self.listing(folder) == ["in.csv", "out.csv"])
    #expect(String(decoding: Self.bytes(output) ?? [], as: UTF8.self).split(separator: "\r\n").count == 6)
  }

  @Test func noRecordIsWrittenBesideADevice() {
    let run = Self.runArguments(["evaluate", "--pack", Self.pack, "--input", Self.data, "--output", "/dev/null"])
    #expect(run.code == 0)
    #expect(!FileManager.default.fileExists(atPath: "/dev/null.meta.json"))
  }

  @Test func contradictoryOrCollidingMetaIsAUsageError() {
    let base = ["evaluate", "--pack", Self.pack, "--input", Self.data]
    let both = Self.runArguments(base + ["--meta", "/tmp/x.json", "--no-meta"])
    #expect(both.code == 64)
    #expect(both.err.hasPrefix("pbk evaluate: --meta FILE and --no-meta contradict each other"))
    let same = Self.runArguments(base + ["--output", "/tmp/x.csv", "--meta", "/tmp/x.csv"])
    #expect(same.code == 64)
    #expect(same.err.hasPrefix("pbk evaluate: --meta '/tmp/x.csv' is also the --output file"))
    let dash = Self.runArguments(base + ["--meta", "-"])
    #expect(dash.code == 64)
    let errors = Self.runArguments(base + ["--output", "/tmp/x.csv", "--errors", "/tmp/x.csv.meta.json"])
    #expect(errors.code == 64)
  }

  @Test func standardInputIsDigestedAsItIsRead() throws {
    guard FileManager.default.isExecutableFile(atPath: ReliabilityTests.executable) else {
      Issue.record("the pbk executable was not built beside the tests: \(ReliabilityTests.executable)")
      return
    }
    // A pack without and one with a cohort stage (which reads a pipe twice: it is copied whole first).
    let cases = [
      (Self.pack, Self.data),
      (CLIPaths.repository + "/RulePacks/examples/cohort/pack.json", CLIPaths.fixtures + "/cohort.csv"),
    ]
    for (pack, data) in cases {
      let folder = ReliabilityTests.folder()
      let meta = folder + "/run.meta.json"
      let process = Process()
      process.executableURL = URL(fileURLWithPath: ReliabilityTests.executable)
      process.arguments = ["evaluate", "--pack", pack, "--input", "-", "--format", "csv", "--meta", meta]
      let input = Pipe()
      let output = Pipe()
      process.standardInput = input
      process.standardOutput = output
      process.standardError = FileHandle.nullDevice
      try process.run()
      let bytes = try #require(FileManager.default.contents(atPath: data))
      DispatchQueue.global().async {
        input.fileHandleForWriting.write(bytes)
        try? input.fileHandleForWriting.close()
      }
      let results = output.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      #expect(process.terminationStatus == 0, "\(pack)")
      let record = try Self.record(meta)
      #expect(record.input.file == "-")
      #expect(record.input.sha256 == (try Self.sha256sum(data)))
      #expect(record.input.bytes == bytes.count)
      #expect(record.output == .init(file: "-", format: "csv", sha256: SHA256.hex(of: [UInt8](results)), bytes: results.count))
      let fromFile = Self.runArguments(["evaluate", "--pack", pack, "--input", data, "--format", "csv"])
      #expect(String(decoding: results, as: UTF8.self) == fromFile.out)
    }
  }
}

extension Run {
  init(code: Int32, out: String, err: String) {
    self.code = code
    self.out = out
    self.err = err
  }
}
