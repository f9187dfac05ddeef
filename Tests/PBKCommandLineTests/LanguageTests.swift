import PBKCommandLine
import PartyBuildingKit
import Testing

import Foundation

/// pbk speaks Chinese when the locale is Chinese or with `--lang zh`, and English with `--lang en` or otherwise.
@Suite struct LanguageTests {
  /// Runs pbk with this environment (the locale) and no language pinned.
  static func run(_ arguments: [String], environment: [String: String]) -> (code: Int32, out: String, err: String) {
    let out = StringSink()
    let err = StringSink()
    let code = PBK(out: out, err: err, environment: environment).run(arguments)
    return (code, out.text, err.text)
  }

  static let invalid = CLIPaths.invalidPacks + "/number-problems.json"

  /// The Chinese fixture, with the pack's name as pbk is given it.
  static func chineseProblems() throws -> String {
    let text = try #require(try? String(contentsOfFile: CLIPaths.invalidPacks + "/number-problems.zh.expected", encoding: .utf8))
    return text.replacingOccurrences(of: "number-problems.json:", with: invalid + ":")
  }

  @Test func aChineseLocaleValidatesInChinese() throws {
    let run = Self.run(["validate", Self.invalid], environment: ["LANG": "zh_CN.UTF-8"])
    #expect(run.code == 1)
    #expect(run.err == (try Self.chineseProblems()) + "✗ \(Self.invalid)：3 个问题\n")
  }

  @Test func langZhChoosesChineseWithoutALocale() throws {
    let run = Self.run(["validate", "--lang", "zh", Self.invalid], environment: [:])
    #expect(run.err == (try Self.chineseProblems()) + "✗ \(Self.invalid)：3 个问题\n")
    let equals = Self.run(["--lang=zh", "validate", Self.invalid], environment: [:])
    #expect(equals.err == run.err)
  }

  @Test func langEnWinsOverAChineseLocale() throws {
    let run = Self.run(["validate", "--lang", "en", Self.invalid], environment: ["LC_ALL": "zh_CN.UTF-8"])
    let english = try #require(try? String(contentsOfFile: CLIPaths.invalidPacks + "/number-problems.expected", encoding: .utf8))
    #expect(run.err == english.replacingOccurrences(of: "number-problems.json:", with: Self.invalid + ":") + "✗ \(Self.invalid): 3 problems\n")
  }

  @Test func lcAllOverridesLang() {
    let run = Self.run(["validate", Self.invalid], environment: ["LANG": "zh_CN.UTF-8", "LC_ALL": "C"])
    #expect(run.err.hasSuffix(": 3 problems\n"))
  }

  @Test func summariesAndUsageErrorsFollowTheLanguage() {
    let test = Self.run(["test", CLIPaths.minimal], environment: ["LANG": "zh_CN.UTF-8"])
    #expect(test.code == 0)
    #expect(test.out.hasSuffix("通过 1 个，未通过 0 个\n"), "\(test.out)")
    let usage = Self.run(["validate", "--bogus"], environment: ["LANG": "zh_CN.UTF-8"])
    #expect(usage.code == 64)
    #expect(usage.err == "pbk validate：没有“--bogus”这个选项\n用法请运行“pbk validate --help”\n")
    let unknown = Self.run(["validat"], environment: ["LANG": "zh_CN.UTF-8"])
    #expect(unknown.err == "pbk：没有“validat”这个命令（是不是“validate”？）\n运行“pbk --help”查看全部命令\n")
  }

  @Test func anUnknownLanguageIsAUsageError() {
    let run = Self.run(["--lang", "fr", "validate", Self.invalid], environment: [:])
    #expect(run.code == 64)
    #expect(run.err.contains("--lang"))
  }

  @Test(arguments: ["validate", "test", "evaluate", "explain", "report", "render", "diff"])
  func everyCommandHasChineseHelp(_ command: String) {
    let chinese = Self.run([command, "--help"], environment: ["LANG": "zh_CN.UTF-8"])
    #expect(chinese.code == 0)
    #expect(chinese.out.hasPrefix("pbk \(command)——"))
    #expect(chinese.out.contains("用法"))
    #expect(chinese.out.contains("退出码"))
    let english = Self.run([command, "--help"], environment: [:])
    #expect(english.out.hasPrefix("pbk \(command) — "))
    #expect(english.out.contains("USAGE"))
  }

  @Test func theOverviewIsInChineseToo() {
    let chinese = Self.run(["--help"], environment: ["LANG": "zh_CN.UTF-8"])
    #expect(chinese.out.contains("命令"))
    #expect(chinese.out.contains("--lang"))
    let report = Self.run(["report", "--help"], environment: ["LANG": "zh_CN.UTF-8"])
    #expect(report.out.contains("默认 2000"))
    let english = Self.run(["report", "--help"], environment: [:])
    #expect(english.out.contains("(default 2000;"))
  }

  @Test func coverageIsInChinese() {
    let run = Self.run(["test", "--coverage", CLIPaths.minimal], environment: ["LANG": "zh_CN.UTF-8"])
    #expect(run.out.contains("的测试覆盖："), "\(run.out)")
    #expect(!run.out.contains("coverage of"))
  }

  @Test func aWorkbookThatCannotBeReadIsExplainedInChinese() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pbk-lang-\(UInt64.random(in: 0...UInt64.max))")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("数据.xlsx").path
    FileManager.default.createFile(atPath: path, contents: Data("编号,姓名\n".utf8))
    let pack = CLIPaths.repository + "/RulePacks/dazhou/pack.json"
    let run = Self.run(["evaluate", "--pack", pack, "--input", path, "--format", "csv"], environment: ["LANG": "zh_CN.UTF-8"])
    #expect(run.code == 1)
    #expect(run.err.contains("数据.xlsx：文件不是 Excel 工作簿（.xlsx）；请用 Excel 或 WPS 打开，"), "\(run.err)")
    #expect(!run.err.contains("the file is not"))
  }
}
