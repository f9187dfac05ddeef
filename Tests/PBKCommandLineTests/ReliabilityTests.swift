import Foundation
import Testing

@testable import PBKCommandLine
@testable import PartyBuildingKit

/// Nothing lost, nothing silently wrong (issue 9): every row accounted for in every lane, writes that either succeed
/// or say so, outputs that are complete or absent, conflicts that are errors.
@Suite struct ReliabilityTests {
  static let pack = CLIPaths.repository + "/RulePacks/dazhou/pack.json"
  static let data = CLIPaths.repository + "/Examples/data/dazhou.csv"
  static let rows: [String] = {
    let text = (try? String(contentsOfFile: data, encoding: .utf8)) ?? ""
    return text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map(String.init)
  }()

  /// A fresh folder for one test's files.
  static func folder() -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("pbk-reliability-\(UInt64.random(in: 0...UInt64.max))").path
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  static func write(_ bytes: [UInt8], _ name: String, in folder: String) -> String {
    let path = folder + "/" + name
    FileManager.default.createFile(atPath: path, contents: Data(bytes))
    return path
  }

  /// The `pbk` executable built beside the tests.
  static let executable: String = {
    let tests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for candidate in [tests, tests.deletingLastPathComponent()] {
      let path = candidate.appendingPathComponent("pbk").path
      if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return CLIPaths.repository + "/.build/debug/pbk"
  }()

  static func evaluate(_ input: String, format: String) -> Run {
    Run("evaluate", "--pack", pack, "--input", input, "--format", format)
  }

  @Test(arguments: ["csv", "json", "table", "jsonl"])
  func loneCRLineEndsReadEveryRow(_ format: String) {
    let folder = Self.folder()
    let input = Self.write(Array(Self.rows.joined(separator: "\r").utf8), "mac.csv", in: folder)
    let run = Self.evaluate(input, format: format)
    #expect(run.code == 0)
    #expect(run.err.hasSuffix("11 read: 11 assessed, 0 rejected\n"), "\(run.err)")
  }

  @Test(arguments: ["csv", "json", "table"])
  func aBadByteRejectsItsRowOnly(_ format: String) {
    let folder = Self.folder()
    var bytes = Array(Self.rows.joined(separator: "\n").utf8)
    // Line 3 (the second subject): a byte that is not UTF-8 in its name.
    let start = Self.rows[0].utf8.count + Self.rows[1].utf8.count + 2
    bytes.insert(0xFF, at: start + Self.rows[2].utf8.count / 2)
    let input = Self.write(bytes, "bad.csv", in: folder)
    let run = Self.evaluate(input, format: format)
    #expect(run.code == 1)
    #expect(run.err.contains("bad.csv: line 3"))
    #expect(run.err.hasSuffix("11 read: 10 assessed, 1 rejected\n"), "\(run.err)")
  }

  @Test func anUnclosedQuoteNamesItsLineAndTheRowsAfterItAreRead() {
    let folder = Self.folder()
    var rows = Self.rows
    rows[4] = rows[4].replacingOccurrences(of: ",", with: ",\"", options: [], range: rows[4].range(of: ","))
    let input = Self.write(Array(rows.joined(separator: "\n").utf8), "quote.csv", in: folder)
    let run = Self.evaluate(input, format: "csv")
    #expect(run.code == 1)
    #expect(run.err.contains("quote.csv: line 5, column 2: the quoted cell that opens on line 5 is never closed"))
    #expect(run.err.hasSuffix("11 read: 10 assessed, 1 rejected\n"), "\(run.err)")
  }

  @Test(arguments: ["csv", "json", "table"])
  func aRepeatedIdIsRejectedNamingBothLines(_ format: String) {
    let folder = Self.folder()
    let input = Self.write(Array((Self.rows + [Self.rows[1]]).joined(separator: "\n").utf8), "twice.csv", in: folder)
    let run = Self.evaluate(input, format: format)
    #expect(run.code == 1)
    #expect(run.err.contains("twice.csv: line 13: subject 'DZ001': the id appears again (first at line 2); give each subject once"))
    #expect(run.err.hasSuffix("12 read: 11 assessed, 1 rejected\n"))
    let unchecked = Run("evaluate", "--pack", Self.pack, "--input", input, "--format", format, "--ids", "unchecked")
    #expect(unchecked.err.hasSuffix("12 read: 12 assessed, 0 rejected (repeated ids not checked: --ids unchecked)\n"))
  }

  @Test func anInputGivenByTwoColumnsIsAnErrorOnTheHeader() {
    let folder = Self.folder()
    var rows = Self.rows
    rows[0] += ",编号"
    for index in 1..<rows.count { rows[index] += ",X\(index)" }
    let input = Self.write(Array(rows.joined(separator: "\n").utf8), "two.csv", in: folder)
    let run = Self.evaluate(input, format: "csv")
    #expect(run.code == 1)
    #expect(run.err.contains("two.csv: line 1, column 28: columns 1 ('编号') and 28 ('编号') both give") || run.err.contains("repeats column 1"))
  }

  @Test func textThatLooksLikeAFormulaIsWrittenAsText() {
    let folder = Self.folder()
    var rows = Self.rows
    rows[1] = rows[1].replacingOccurrences(of: "王建国", with: "\"=HYPERLINK(\"\"x\"\")\"")
    let input = Self.write(Array(rows.joined(separator: "\n").utf8), "formula.csv", in: folder)
    let run = Self.evaluate(input, format: "csv")
    #expect(run.out.contains("DZ001,\"'=HYPERLINK(\"\"x\"\")\""))
  }

  @Test func anOutputThatIsTheInputIsRefusedBeforeAnythingIsRead() throws {
    let folder = Self.folder()
    let input = Self.write(Array(Self.rows.joined(separator: "\n").utf8), "same.csv", in: folder)
    let link = folder + "/link.csv"
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: input)
    for output in [input, link] {
      let run = Run("evaluate", "--pack", Self.pack, "--input", input, "--output", output)
      #expect(run.code == 1)
      #expect(run.err.contains("is the input file"))
    }
    #expect(try String(contentsOfFile: input, encoding: .utf8) == Self.rows.joined(separator: "\n"))
  }

  @Test func writingToAFullDeviceFailsAndSaysSo() {
    guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
    let run = Run("evaluate", "--pack", Self.pack, "--input", Self.data, "--output", "/dev/full")
    #expect(run.code == 1)
    #expect(run.err.contains("cannot write '/dev/full': no space left on the device"))
    var info = stat()
    #expect(stat("/dev/full", &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR, "/dev/full is still a device")
  }

  @Test func anInputThatCannotBeReadLeavesThePreviousOutputAsItWas() throws {
    let folder = Self.folder()
    let output = Self.write(Array("previous".utf8), "out.csv", in: folder)
    let run = Run("evaluate", "--pack", Self.pack, "--input", folder + "/missing.csv", "--output", output)
    #expect(run.code == 1)
    #expect(try String(contentsOfFile: output, encoding: .utf8) == "previous")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["out.csv"])
  }

  @Test func aRunWhereEveryRowIsRejectedStillWritesItsCompleteOutput() throws {
    let folder = Self.folder()
    let rows = [Self.rows[0]] + Self.rows.dropFirst().map { $0.replacingOccurrences(of: "DZ", with: "DZ,") }
    let input = Self.write(Array(rows.joined(separator: "\n").utf8), "all-bad.csv", in: folder)
    let output = Self.write(Array("previous".utf8), "out.csv", in: folder)
    let run = Run("evaluate", "--pack", Self.pack, "--input", input, "--output", output)
    #expect(run.code == 1)
    #expect(run.err.hasSuffix("11 read: 0 assessed, 11 rejected\n"))
    let written = try #require(FileManager.default.contents(atPath: output))
    #expect(String(decoding: written, as: UTF8.self).hasPrefix("\u{FEFF}编号,名称"))
  }

  /// A run killed half way leaves no partial file under the output's name, and the previous output intact.
  @Test(arguments: [SIGTERM, SIGINT, SIGKILL])
  func aKilledRunLeavesThePreviousOutputIntact(_ signal: Int32) throws {
    guard FileManager.default.isExecutableFile(atPath: Self.executable) else {
      Issue.record("the pbk executable was not built beside the tests: \(Self.executable)")
      return
    }
    let folder = Self.folder()
    // About 200,000 subjects: long enough to be caught half way.
    var text = Self.rows[0] + "\n"
    let body = Self.rows[1]
    let rest = body[body.firstIndex(of: ",")!...]
    for index in 0..<200_000 { text += "S\(index)\(rest)\n" }
    let input = Self.write(Array(text.utf8), "big.csv", in: folder)
    let output = Self.write(Array("previous".utf8), "out.csv", in: folder)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Self.executable)
    process.arguments = ["evaluate", "--pack", Self.pack, "--input", input, "--output", output, "--threads", "1"]
    process.standardError = FileHandle.nullDevice
    try process.run()
    // Wait until the temporary file is there (the run is writing), then stop it.
    let temporary = folder + "/.out.csv.pbk-unfinished-\(process.processIdentifier)"
    var waited = 0
    while !FileManager.default.fileExists(atPath: temporary), waited < 3000, process.isRunning {
      usleep(2000)
      waited += 1
    }
    #expect(process.isRunning, "the run ended before it could be stopped")
    kill(process.processIdentifier, signal)
    process.waitUntilExit()
    let after = FileManager.default.contents(atPath: output).map { String(decoding: $0, as: UTF8.self) }
    #expect(after == "previous", "the previous output was replaced: \(after?.prefix(80) ?? "nothing")")
    if signal == SIGKILL {
      // Nothing could clean up after kill -9: the next run into the same folder does.
      let next = Run("evaluate", "--pack", Self.pack, "--input", Self.data, "--output", output)
      #expect(next.code == 0)
    }
    let left = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains("pbk-unfinished") }
    #expect(left.isEmpty, "left behind: \(left)")
  }

  @Test func standardInputIsReadInEveryFormat() throws {
    guard FileManager.default.isExecutableFile(atPath: Self.executable) else { return }
    for format in ["csv", "json"] {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: Self.executable)
      process.arguments = ["evaluate", "--pack", Self.pack, "--input", "-", "--format", format]
      process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: Self.data))
      let errors = Pipe()
      process.standardError = errors
      process.standardOutput = FileHandle.nullDevice
      try process.run()
      process.waitUntilExit()
      let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      #expect(process.terminationStatus == 0)
      #expect(text.hasSuffix("11 read: 11 assessed, 0 rejected\n"))
    }
  }
}
