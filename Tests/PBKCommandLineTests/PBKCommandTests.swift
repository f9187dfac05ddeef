import PBKCommandLine
import PartyBuildingKit
import Testing

import Foundation

/// Runs `pbk` in-process and captures what it writes.
struct Run {
  let code: Int32
  let out: String
  let err: String

  init(_ arguments: String..., terminal: Bool = false) {
    let out = StringSink()
    let err = StringSink()
    code = PBK(out: out, err: err, outputIsTerminal: terminal, language: .english).run(arguments)
    self.out = out.text
    self.err = err.text
  }
}

enum CLIPaths {
  static let repository: String = {
    String(#filePath).split(separator: "/", omittingEmptySubsequences: false).dropLast(3).joined(separator: "/")
  }()
  static let fixtures = repository + "/Tests/PBKCommandLineTests/Fixtures"
  static let invalidPacks = repository + "/Tests/PartyBuildingKitTests/Fixtures/InvalidPacks"
  static let minimal = repository + "/Tests/PartyBuildingKitTests/Fixtures/ValidPacks/minimal.pack.json"
}

@Suite struct PBKCommandTests {
  @Test func noArgumentsIsUsage() {
    let run = Run()
    #expect(run.code == 64)
    #expect(run.err.contains("USAGE"))
  }

  @Test(arguments: ["validate", "test", "evaluate", "explain"])
  func everyCommandHasHelp(_ command: String) {
    let run = Run(command, "--help")
    #expect(run.code == 0)
    #expect(run.out.hasPrefix("pbk \(command) — "))
    #expect(run.out.contains("EXAMPLE"))
    #expect(run.out.contains("EXIT CODES"))
  }

  @Test func unknownCommandSuggests() {
    let run = Run("evalute")
    #expect(run.code == 64)
    #expect(run.err.hasPrefix("pbk: unknown command 'evalute'; did you mean 'evaluate'?"))
  }

  @Test func unknownOptionIsUsage() {
    let run = Run("evaluate", "--pak", "x")
    #expect(run.code == 64)
    #expect(run.err.hasPrefix("pbk evaluate: unknown option '--pak'; did you mean '--pack'?"))
  }

  @Test(arguments: ["misspelt-key", "truncated", "undefined-name"])
  func validateRejectsInvalidPacks(_ name: String) {
    let path = CLIPaths.invalidPacks + "/\(name).json"
    let run = Run("validate", path)
    #expect(run.code == 1)
    // Every problem names the file and a line:column, and the run ends with a count.
    #expect(run.err.contains("\(path):"))
    #expect(run.err.contains(": error: "))
    #expect(run.err.hasSuffix("✗ \(path): 1 problem\n") || run.err.contains("problems\n"))
  }

  @Test func validateOfAFolderSaysWhatToGive() {
    // Issue 9: a folder printed a raw NSCocoaErrorDomain dump.
    let folder = CLIPaths.repository + "/RulePacks/dazhou"
    let run = Run("validate", folder)
    #expect(run.code == 1)
    #expect(run.err == "\(folder): error: \(folder) is a folder; give the pack.json file (or run pbk test \(folder))\n✗ \(folder): 1 problem\n")
  }

  @Test func loadingAFolderFromSwiftSaysItIsAFolder() {
    let folder = CLIPaths.repository + "/RulePacks/dazhou"
    #expect(throws: PackLoadError.self) { try RulePack.load(path: folder) }
    do {
      _ = try RulePack.load(path: folder)
    } catch {
      #expect(error.description == "\(folder): error: '\(folder)' is a folder; give the pack.json file in it")
    }
  }

  @Test func validateAcceptsTheMinimalPack() {
    let run = Run("validate", CLIPaths.minimal)
    #expect(run.code == 0)
    #expect(run.out.hasPrefix("✓ \(CLIPaths.minimal): 最小示例 (minimal 1.0.0)"))
  }

  @Test func validatePrintsRangeWarningsAndStillAccepts() {
    let path = CLIPaths.fixtures + "/places.pack.json"
    let run = Run("validate", path)
    #expect(run.code == 0)
    #expect(run.err.isEmpty)
    #expect(
      run.out == """
        ✓ \(path): 小数位数示例 (places 1.0.0): 3 inputs, 1 tests; full marks 100, highest reachable 100
        \(path):14:53: warning: the exact result of 'amount * share * share' can reach 100000000 with up to 14 \
        decimal places: 23 digits, more than the 19 a value holds; some allowed inputs would make it fail. Round an \
        operand first with ROUND(…) where the document rounds, narrow the inputs' 'min' and 'max', or declare their \
        'places' (a number input without 'places' counts as having 6) (in value 'perShare') (at /values/0/formula)
         14 |     {"id": "perShare", "label": "折算收入", "formula": "amount * share * share"}
            |                                                         ^^^^^^^^^^^^^^^^^^^^^^

        """)
  }

  @Test(arguments: ["csv", "table"])
  func declaredPlacesRejectLongerValuesOnEveryPath(_ format: String) {
    let run = Run(
      "evaluate", "--pack", CLIPaths.fixtures + "/places.pack.json", "--input", CLIPaths.fixtures + "/places.csv",
      "--format", format)
    #expect(run.code == 1)
    // 85.50 has one place once its trailing zero is dropped: accepted.
    #expect(run.out.contains("A3,东风村,,85.50,85.5,,") || format != "csv")
    #expect(
      run.err.contains(
        "places.csv: line 3, column 3: subject 'A2': 日常考核得分(daily) is 85.55, with 2 decimal places, but at most 1 is "
          + "declared ('places': 1); give it rounded as the document rounds it, or correct the input's 'places'"))
    #expect(run.err.contains("line 5, column 5: subject 'A4': 经营收入（元）(amount) is 0.005, with 3 decimal places"))
    #expect(run.err.hasSuffix("4 read: 2 assessed, 2 rejected\n"))
  }

  @Test func testRunEndsWithCounts() {
    let run = Run("test", CLIPaths.minimal)
    #expect(run.code == 0)
    #expect(run.out.hasSuffix("1 passed, 0 failed\n"))
  }

  @Test func failingTestShowsExpectedActualAndTrace() {
    let run = Run("test", CLIPaths.fixtures + "/failing.pack.json")
    #expect(run.code == 1)
    #expect(run.out.contains("✗ 故意写错的期望"))
    #expect(run.out.contains("总分 total: expected 90, got 95.65"))
    #expect(run.out.contains("trace:"))
    #expect(run.out.contains("日常考核 85.5 × 30% = 25.65"))
    #expect(run.out.hasSuffix("1 passed, 1 failed\n"))
  }

  @Test func evaluateWritesExcelFriendlyCSVAndCounts() {
    let run = Run("evaluate", "--pack", CLIPaths.minimal, "--input", CLIPaths.fixtures + "/minimal.csv", "--format", "csv")
    #expect(run.out.hasPrefix("\u{FEFF}编号,名称,考核期,总分,日常考核,年底考核,等次,一票否决,后果\r\n"))
    #expect(run.out.contains("A1,红旗村,2025,95.65,85.5,100,优秀,,\r\n"))
    // Row 4 has an out-of-range value: reported with file, line and column, not dropped or clamped.
    #expect(run.err.contains("minimal.csv: line 4, column 4: subject 'A3': 日常考核得分(daily) is 120, above the most allowed, 100"))
    #expect(run.err.hasSuffix("4 read: 3 assessed, 1 rejected\n"))
    #expect(run.code == 1)
  }

  @Test func evaluateJSONIsValidAndExact() throws {
    let run = Run("evaluate", "--pack", CLIPaths.minimal, "--input", CLIPaths.fixtures + "/minimal.jsonl", "--format", "json")
    #expect(run.code == 0)
    #expect(run.out.contains("\"total\":95.65"))
    let parsed = try JSONParser.parse(run.out)
    #expect(parsed.arrayValue?.count == 2)
  }

  @Test func evaluateTableOnTerminal() {
    let run = Run("evaluate", "--pack", CLIPaths.minimal, "--input", CLIPaths.fixtures + "/minimal.jsonl", terminal: true)
    #expect(run.out.hasPrefix("编号"))
    #expect(run.out.contains("─"))
  }

  @Test func explainShowsEveryPoint() {
    let run = Run("explain", "--pack", CLIPaths.minimal, "--input", CLIPaths.fixtures + "/minimal.csv", "--subject", "A2")
    #expect(run.code == 0)
    #expect(run.out.contains("村(社区)阵地建设任务未按时完成 −5（1 次 × 5 分）  ← 阵地建设任务未按时完成 = 1"))
    #expect(run.out.contains("总分 86.5 / 100  等次 合格"))
  }

  @Test func explainUnknownSubject() {
    let run = Run("explain", "--pack", CLIPaths.minimal, "--input", CLIPaths.fixtures + "/minimal.csv", "--subject", "A9")
    #expect(run.code == 1)
    #expect(run.err.hasPrefix("pbk explain: no subject 'A9'"))
  }
}

@Suite struct StreamingEvaluateTests {
  /// Writes a CSV of `count` subjects for the minimal pack; every 7th row is out of range, every 11th misses a value.
  static func makeInput(count: Int) -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("pbk-stream-\(count).csv").path
    var text = "id,name,daily,yearEnd,overdue\n"
    for index in 0..<count {
      let daily = index % 7 == 3 ? "101" : "\(60 + index % 40).\(index % 10)"
      let yearEnd = index % 11 == 5 ? "" : "\(50 + index % 50)"
      text += "S\(index),第\(index)号,\(daily),\(yearEnd),\(index % 3)\n"
    }
    try? text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test func outputIsTheSameBytesWhateverTheThreads() throws {
    let input = Self.makeInput(count: 5_000)
    let one = Run("evaluate", "--pack", CLIPaths.minimal, "--input", input, "--format", "csv", "--threads", "1")
    let two = Run("evaluate", "--pack", CLIPaths.minimal, "--input", input, "--format", "csv", "--threads", "2")
    let five = Run("evaluate", "--pack", CLIPaths.minimal, "--input", input, "--format", "json", "--threads", "5")
    let fiveCSV = Run("evaluate", "--pack", CLIPaths.minimal, "--input", input, "--format", "csv", "--threads", "5")
    #expect(one.out == two.out)
    #expect(one.out == fiveCSV.out)
    #expect(one.err == two.err)
    // Every row is a result or an error, and the counts add up: 5,000 = assessed + rejected.
    let rejected = (0..<5_000).filter { $0 % 7 == 3 || $0 % 11 == 5 }.count
    #expect(one.err.hasSuffix("5000 read: \(5_000 - rejected) assessed, \(rejected) rejected\n"))
    #expect(one.out.split(separator: "\r\n").count == 1 + 5_000 - rejected)
    #expect(one.err.split(separator: "\n").count == rejected + 1)
    // Errors keep input order and name line and column.
    #expect(one.err.hasPrefix("error: \(input): line 5, column 3: subject 'S3': 日常考核得分(daily) is 101, above the most allowed, 100\n"))
    #expect(five.out.hasPrefix("[\n{\"subject\":{\"id\":\"S0\""))
    #expect(five.code == 1)
  }
}
