import Foundation
import Testing

@testable import PBKCommandLine
@testable import PartyBuildingKit

extension Run {
  /// Runs `pbk` in-process with its own environment variables (e.g. a fixed `PBK_REPORT_TIME`).
  init(environment: [String: String], _ arguments: [String]) {
    let out = StringSink()
    let err = StringSink()
    code = PBK(out: out, err: err, environment: environment, language: .english).run(arguments)
    self.out = out.text
    self.err = err.text
  }
}

/// `pbk report`: one self-contained HTML page per batch, checked against `pbk evaluate` on the same data, a golden
/// page, and a public notice that shows no one's id, total or facts.
@Suite struct ReportTests {
  static let samples = ["dazhou", "shangyu", "zhungeer", "member-points"]
  static let time = "2026-01-05 09:00:00 +0800"
  static let members = CLIPaths.fixtures + "/report/members.csv"
  static let memberPack = CLIPaths.repository + "/RulePacks/member-points/pack.json"

  /// A report written to a temporary file and read back, with what `pbk` said.
  struct Report {
    let run: Run
    let html: String
  }

  static func report(_ arguments: String...) throws -> Report {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pbk-report-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = folder.appendingPathComponent("报告.html").path
    let run = Run(environment: ["PBK_REPORT_TIME": time], ["report", "--output", output] + arguments)
    let html = FileManager.default.contents(atPath: output).map { String(decoding: $0, as: UTF8.self) } ?? ""
    return Report(run: run, html: html)
  }

  static func sample(_ name: String, _ extra: String...) throws -> Report {
    let folder = CLIPaths.repository
    let arguments =
      ["--pack", "\(folder)/RulePacks/\(name)/pack.json", "--input", "\(folder)/Examples/data/\(name).csv"] + extra
    let output = FileManager.default.temporaryDirectory.appendingPathComponent("pbk-report-\(UUID().uuidString).html")
      .path
    defer { try? FileManager.default.removeItem(atPath: output) }
    let run = Run(environment: ["PBK_REPORT_TIME": time], ["report", "--output", output] + arguments)
    let html = FileManager.default.contents(atPath: output).map { String(decoding: $0, as: UTF8.self) } ?? ""
    return Report(run: run, html: html)
  }

  /// The result rows `pbk evaluate --format csv` writes for a sample: id, total, grade (empty when the pack has no
  /// grades), by the header's names.
  static func evaluated(_ name: String) -> [(id: String, name: String, total: String, grade: String)] {
    let folder = CLIPaths.repository
    let run = Run(
      "evaluate", "--pack", "\(folder)/RulePacks/\(name)/pack.json", "--input", "\(folder)/Examples/data/\(name).csv",
      "--format", "csv")
    var records: [[String]] = CSVTokenizer().readAll(Array(run.out.utf8)).compactMap { outcome in
      if case .record(let cells, _) = outcome { return cells }
      return nil
    }
    let header = records.removeFirst()
    let column = { (title: String) in header.firstIndex(of: title) }
    return records.map { fields in
      (fields[column("编号")!], fields[column("名称")!], fields[column("总分")!], column("等次").map { fields[$0] } ?? "")
    }
  }

  /// Every `data-…` attribute of the page's subject rows, row by row.
  static func rows(_ html: String) -> [[String: String]] {
    html.matches(of: /<(?:div|details) class="r"([^>]*)>/).map { match in
      var attributes: [String: String] = [:]
      for pair in String(match.output.1).matches(of: /data-([a-z]+)="([^"]*)"/) {
        attributes[String(pair.output.1)] = String(pair.output.2)
      }
      return attributes
    }
  }

  /// A count the page shows in large type (`data-count="read"` …).
  static func count(_ key: String, in html: String) -> Int? {
    for match in html.matches(of: /data-count="([a-z]+)"><b>([0-9,]+)<\/b>/) where match.output.1 == key {
      return Int(match.output.2.filter { $0 != "," })
    }
    return nil
  }

  @Test(arguments: samples)
  func sampleReportAgreesWithEvaluate(_ name: String) throws {
    let report = try Self.sample(name)
    #expect(report.run.code == 0, "\(report.run.err)")
    let html = report.html
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">"))
    #expect(html.contains("\"Noto Sans CJK SC\""))
    #expect(html.contains("@page{size:A4"))
    // Self-contained: nothing fetched from anywhere.
    for external in ["http://", "https://", "src=", "href=", "url(", "@import", "<link", "<iframe", "<img"] {
      #expect(!html.contains(external), "\(name): the page holds '\(external)'")
    }
    let expected = Self.evaluated(name)
    #expect(expected.count >= 10)
    let rows = Self.rows(html)
    #expect(rows.count == expected.count)
    #expect(Set(rows.compactMap { $0["id"] }) == Set(expected.map(\.id)))
    let byID = Dictionary(uniqueKeysWithValues: rows.map { ($0["id"] ?? "", $0) })
    for subject in expected {
      #expect(byID[subject.id]?["total"] == subject.total, "\(name) \(subject.id): total")
      if !subject.grade.isEmpty { #expect(byID[subject.id]?["grade"] == subject.grade, "\(name) \(subject.id): grade") }
      #expect(html.contains("<span>\(subject.id)</span>"))
    }
    // Every grade that occurs is in the grade chart with its count.
    for grade in Set(expected.map(\.grade)) where !grade.isEmpty {
      let count = expected.filter { $0.grade == grade }.count
      #expect(html.contains("data-bar=\"\(grade)\" data-count=\"\(count)\""), "\(name): grade \(grade) × \(count)")
    }
    #expect(Self.count("read", in: html) == expected.count)
    #expect(Self.count("rejected", in: html) == 0)
    // Every subject's explanation is in the page, in the words of pbk explain.
    #expect(html.components(separatedBy: "<details class=\"r\"").count - 1 == expected.count)
    #expect(html.contains("计分 scoring"))
    #expect(html.contains(Self.time))
    #expect(html.contains("pbk \(PBK.version)"))
  }

  @Test(arguments: samples)
  func publicNoticeShowsNoIDsTotalsOrFacts(_ name: String) throws {
    let report = try Self.sample(name, "--redact")
    #expect(report.run.code == 0)
    let html = report.html
    let expected = Self.evaluated(name)
    for subject in expected {
      #expect(!html.contains(subject.id), "\(name): id \(subject.id) shown")
      #expect(
        html.contains("<span>\(HTMLText.escape(NameMask.mask(subject.name)))</span>"), "\(name): masked \(subject.name)"
      )
      if subject.name.count >= 2 { #expect(!html.contains(subject.name), "\(name): name \(subject.name) shown") }
    }
    #expect(!html.contains("data-id="))
    #expect(!html.contains("data-total="))
    #expect(!html.contains("<pre>"))
    #expect(!html.contains("事实 facts"))
    #expect(html.contains("结果公示"))
    #expect(Self.rows(html).count == expected.count)
    for grade in Set(expected.map(\.grade)) where !grade.isEmpty { #expect(html.contains("data-grade=\"\(grade)\"")) }
    for external in ["http://", "https://", "src=", "href="] { #expect(!html.contains(external)) }
  }

  @Test func aNoticeOfOrganisationsKeepsTheirNames() throws {
    let notice = try Self.sample("zhungeer", "--redact", "--keep-names")
    #expect(notice.run.code == 0)
    for subject in Self.evaluated("zhungeer") {
      #expect(notice.html.contains("<span>\(subject.name)</span>"))
      #expect(!notice.html.contains(subject.id))
    }
    #expect(!notice.html.contains("data-total=") && !notice.html.contains("<pre>"))
    #expect(notice.html.contains("本公示列出名次、名称、等次"))
    let alone = Run(
      environment: [:], ["report", "--output", "-", "--keep-names", "--pack", Self.memberPack, "--input", Self.members])
    #expect(alone.code == 64)
    #expect(alone.err.hasPrefix("pbk report: --keep-names is for a public notice (--redact)"))
  }

  @Test func namesAreMaskedToTheirFirstAndLastCharacter() {
    #expect(NameMask.mask("王建国") == "王*国")
    #expect(NameMask.mask("李四") == "李*")
    #expect(NameMask.mask("欧阳建国") == "欧*国")
    #expect(NameMask.mask("王") == "*")
    #expect(NameMask.mask(" 李四 ") == "李*")
    #expect(NameMask.mask("") == "")
    #expect(NameMask.mask("巴特尔·额尔敦") == "巴*敦")
    #expect(NameMask.mask("海子塔村党支部") == "海*部")
  }

  @Test func everythingShownIsEscaped() throws {
    let report = try Self.report("--pack", Self.memberPack, "--input", Self.members, "--title", "<i>报告</i> & \"公示\"")
    let html = report.html
    #expect(!html.contains("<b>欧阳"))
    #expect(html.contains("&lt;b&gt;欧阳&amp;&quot;娜娜&#39;&lt;/b&gt;"))
    #expect(html.contains("<title>&lt;i&gt;报告&lt;/i&gt; &amp; &quot;公示&quot;</title>"))
    #expect(HTMLText.escape("a<b>&\"'\u{1}c\td\ne") == "a&lt;b&gt;&amp;&quot;&#39;\u{FFFD}c\td\ne")
    #expect(HTMLText.escape("王建国 95.5") == "王建国 95.5")
  }

  @Test func rejectedRowsAreListedAndExitOne() throws {
    let report = try Self.report("--pack", Self.memberPack, "--input", Self.members)
    #expect(report.run.code == 1)
    #expect(report.run.err.contains("line 5, column 4: subject 'R04'"))
    #expect(report.run.err.hasSuffix("5 read: 4 assessed, 1 rejected (\(report.run.err.split(separator: "(").last!)"))
    #expect(Self.count("read", in: report.html) == 5)
    #expect(Self.count("scored", in: report.html) == 4)
    #expect(Self.count("rejected", in: report.html) == 1)
    #expect(
      report.html.contains(
        "<td class=\"n\">5</td><td class=\"n\">4</td><td>R04</td><td>参加集中学习次数(学习次数) is &#39;abc&#39;"))
    // The public notice counts the rejected rows without their contents.
    let notice = try Self.report("--pack", Self.memberPack, "--input", Self.members, "--redact")
    #expect(notice.run.code == 1)
    #expect(notice.html.contains("1 行未能评分（公示不列其内容）"))
    #expect(!notice.html.contains("abc"))
  }

  @Test func explanationsBeyondTheLimitGoToFlaggedSubjectsFirst() throws {
    let dazhou = [
      "--pack", CLIPaths.repository + "/RulePacks/dazhou/pack.json", "--input",
      CLIPaths.repository + "/Examples/data/dazhou.csv",
    ]
    // DZ005–DZ008 have a veto or a consequence; the others have neither.
    func explained(_ limit: String) throws -> [String] {
      let report = try Self.report(dazhou[0], dazhou[1], dazhou[2], dazhou[3], "--explanations", limit)
      #expect(report.run.code == 0)
      return report.html.matches(of: /<details class="r" data-id="([^"]+)"/).map { String($0.output.1) }
    }
    #expect(try explained("2") == ["DZ005", "DZ006"])
    #expect(try explained("6") == ["DZ001", "DZ002", "DZ005", "DZ006", "DZ007", "DZ008"])
    #expect(try explained("0") == [])
    #expect(try explained("all").count == 11)
    let limited = try Self.report(dazhou[0], dazhou[1], dazhou[2], dazhou[3], "--explanations", "2")
    #expect(limited.html.contains("本报告收录 2 个对象的评分说明（上限 2 个"))
    #expect(Self.rows(limited.html).count == 11)
  }

  @Test func cohortRankingIsPerGroupByRank() throws {
    let report = try Self.sample("zhungeer")
    let ranks = Self.rows(report.html).map { Int($0["rank"] ?? "") }
    #expect(ranks == (1...12).map { $0 })
    #expect(report.html.contains("<h3>全旗嘎查村<span class=\"en\">排名 12 个</span></h3>"))
    #expect(report.html.contains("相对后进嘎查村（列入整改）"))
    let notice = try Self.sample("zhungeer", "--redact")
    #expect(Self.rows(notice.html).map { Int($0["rank"] ?? "") } == (1...12).map { $0 })
  }

  @Test func histogramBinsAlignWithTheGradeBands() {
    // 达州: totals 65.87…96.05 (2 places), bands at 90/80/60/0, full marks 100.
    let bins = ReportCharts.bins(
      totals: [6587, 9605, 10000], boundaries: [9000, 8000, 6000, 0], fullMarks: 10000, scale: 2)
    #expect(bins == ReportCharts.Bins(scale: 2, low: 6000, high: 10000, width: 100, count: 40))
    #expect(bins.index(of: 10000) == 39)
    #expect(bins.index(of: 8999) == 29)
    #expect(bins.index(of: 9000) == 30)
    // A band at 87.5 is a bin boundary only with 0.5-point bins: they are chosen when they fit.
    let half = ReportCharts.bins(totals: [8000], boundaries: [8750, 0], fullMarks: 10000, scale: 2)
    #expect(half.width == 50 && half.low == 8000 && half.count == 40)
    #expect(ReportCharts.percent(1, of: 3) == "33.3%")
    #expect(ReportCharts.percent(2, of: 3) == "66.7%")
    #expect(ReportCharts.grouped(100000) == "100,000")
    #expect(ReportCharts.grouped(999) == "999")
    #expect(ReportCharts.grouped(1_234_567) == "1,234,567")
    #expect(ReportCharts.units(ExactDecimal(significand: 875, scale: 1), scale: 2) == 8750)
  }

  @Test func usageMistakesAreUsageErrors() {
    let pack = ["--pack", Self.memberPack, "--input", Self.members]
    let noOutput = Run(environment: [:], ["report"] + pack)
    #expect(noOutput.code == 64)
    #expect(noOutput.err.hasPrefix("pbk report: --output is required"))
    let both = Run(environment: [:], ["report", "--output", "-", "--redact", "--explanations", "5"] + pack)
    #expect(both.code == 64)
    #expect(both.err.contains("--explanations has no effect with --redact"))
    let word = Run(environment: [:], ["report", "--output", "-", "--explanations", "some"] + pack)
    #expect(word.code == 64)
    let help = Run("report", "--help")
    #expect(help.code == 0)
    #expect(help.out.hasPrefix("pbk report — "))
    #expect(help.out.contains("EXIT CODES") && help.out.contains("EXAMPLE") && help.out.contains("--redact"))
  }

  @Test func standardOutputAndTheClock() {
    let pack = ["--pack", Self.memberPack, "--input", CLIPaths.repository + "/Examples/data/member-points.csv"]
    let fixed = Run(environment: ["PBK_REPORT_TIME": "今天"], ["report", "--output", "-"] + pack)
    #expect(fixed.code == 0)
    #expect(fixed.out.contains("pbk \(PBK.version)，今天</dd>"))
    #expect(fixed.out.hasSuffix("</html>\n"))
    // Without PBK_REPORT_TIME: the local time, e.g. 2026-01-05 09:00:00 +0800.
    let now = Run(environment: [:], ["report", "--output", "-"] + pack)
    #expect(now.out.contains(/pbk [0-9.]+，20[0-9]{2}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2} [+-][0-9]{4}<\/dd>/))
  }

  @Test func anUnreadableInputLeavesNoReport() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pbk-report-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = folder.appendingPathComponent("报告.html").path
    let run = Run(
      environment: [:], ["report", "--pack", Self.memberPack, "--input", folder.path + "/none.csv", "--output", output])
    #expect(run.code == 1)
    #expect(run.err.contains("none.csv"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
  }

  @Test func aFailedWriteLeavesNoReport() {
    let run = Run(
      environment: [:],
      ["report", "--pack", Self.memberPack, "--input", Self.members, "--output", "/nonexistent-folder/报告.html"])
    #expect(run.code == 1)
    #expect(run.err.hasPrefix("pbk report: cannot write '/nonexistent-folder/报告.html': no such folder"))
  }

  /// A small report, byte for byte (`Golden/report/`): its words, its markup and its charts change only on purpose.
  /// Re-record with `PBK_RECORD_GOLDEN=1 swift test --filter ReportTests`.
  @Test(arguments: [("members.html", false), ("members-redacted.html", true)])
  func smallReportIsUnchanged(_ file: String, _ redact: Bool) throws {
    let report =
      try redact
      ? Self.report("--pack", Self.memberPack, "--input", Self.members, "--redact")
      : Self.report("--pack", Self.memberPack, "--input", Self.members)
    let golden = CLIPaths.repository + "/Tests/PBKCommandLineTests/Golden/report/" + file
    if ProcessInfo.processInfo.environment["PBK_RECORD_GOLDEN"] != nil {
      try report.html.write(toFile: golden, atomically: true, encoding: .utf8)
      return
    }
    let expected = try #require(
      FileManager.default.contents(atPath: golden).map { String(decoding: $0, as: UTF8.self) },
      "no golden file \(golden); record it with PBK_RECORD_GOLDEN=1 swift test --filter ReportTests")
    if report.html != expected {
      let got = report.html.split(separator: "\n", omittingEmptySubsequences: false)
      let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
      let line =
        zip(got, want).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(got.count, want.count)
      Issue.record(
        "the report differs from \(golden) at line \(line + 1):\n  expected: \(line < want.count ? want[line] : "(end)")\n  got:      \(line < got.count ? got[line] : "(end)")\nre-record deliberately with PBK_RECORD_GOLDEN=1 swift test --filter ReportTests"
      )
    }
  }
}
