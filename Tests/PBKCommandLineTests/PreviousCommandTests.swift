import Foundation
import Testing

@testable import PBKCommandLine
@testable import PartyBuildingKit

/// Last period's results on the command line (issue 12, item 2): `pbk evaluate --previous FILE` and `pbk explain
/// --previous FILE` with the example star pack limited to one step up a year (RulePacks/examples/previous): this
/// year's data (2025.csv) scored against last year's results file (2024结果.csv, with the record of the run that
/// wrote it), in every format pbk writes.
@Suite struct PreviousCommandTests {
  static let folder = CLIPaths.repository + "/RulePacks/examples/previous"
  static let pack = folder + "/pack.json"
  static let thisYear = folder + "/2025.csv"
  static let lastYear = folder + "/2024.csv"
  static let lastYearsResults = folder + "/2024结果.csv"

  /// The 2025 results, worked out by hand from 2025.csv and 2024结果.csv (stars: 得分达16分的项目数, at most one more
  /// than last year's; a branch without a 2024 result counts as 0 stars):
  /// - ZB001: 18+17+16+19+18.5 = 88.5 (良好); five items, last year 4 → 5 stars.
  /// - ZB002: 20+20+19+18+19 = 96 (优秀); five items, last year 3 → 4 stars, limited.
  /// - ZB003: 18+17+16+12+10 = 73 (一般); three items, last year 5 → 3 stars, downgraded (约谈).
  /// - ZB004: 16+16+15.9+10+10 = 67.9 (一般); two items (15.9 < 16), last year 2 → 2 stars.
  /// - ZB005: 5 × 10 = 50 (较差); no item → 0 stars; last year 较差 too → 整顿 (not downgraded: last year 0 stars).
  /// - ZB006: 组织建设 21 is above 20: rejected.
  /// - ZB007 (new): 17+16.5+18+16+17 = 84.5 (良好); five items, no 2024 result (0 stars) → 1 star, limited.
  static let expected2025 = """
    \u{FEFF}编号,名称,类型,考核期,总分,创建评分,等次,星级,一票否决,后果
    ZB001,第一党支部,党支部,2025,88.5,88.5,良好,5,,
    ZB002,第二党支部,党支部,2025,96.0,96,优秀,4,,受“每年最多晋升一星”限制，低于按得星项目数可评的星级
    ZB003,第三党支部,党支部,2025,73.0,73,一般,3,,星级较上年下降，约谈支部书记
    ZB004,第四党支部,党支部,2025,67.9,67.9,一般,2,,
    ZB005,第五党支部,党支部,2025,50.0,50,较差,0,,连续两年等次为较差，列为整顿对象
    ZB007,第七党支部（新成立）,党支部,2025,84.5,84.5,良好,1,,受“每年最多晋升一星”限制，低于按得星项目数可评的星级

    """

  /// CSV output as lines ending in \n (pbk writes CSV lines ending in \r\n).
  static func unix(_ text: String) -> String { text.replacingOccurrences(of: "\r\n", with: "\n") }

  @Test func theExampleScoresThisYearFromLastYearsResults() {
    let run = Run("evaluate", "--pack", Self.pack, "--input", Self.thisYear, "--previous", Self.lastYearsResults)
    #expect(run.code == 1)  // one subject rejected
    #expect(Self.unix(run.out) == Self.expected2025)
    #expect(run.err.contains("subject 'ZB006': 组织建设得分(组织建设) is 21, above the most allowed, 20"))
    // Every row read ends as a result or a reported rejection.
    #expect(run.err.contains("7 read: 6 assessed, 1 rejected"))
  }

  /// Last year's results in each format pbk writes, written from 2024.csv now, are read back the same way.
  @Test(arguments: ["csv", "json", "jsonl", "xlsx"])
  func lastYearsResultsAreReadInEveryFormatPbkWrites(_ format: String) throws {
    let folder = ReliabilityTests.folder()
    let results = folder + "/2024.\(format)"
    let written = Run(
      "evaluate", "--pack", Self.pack, "--input", Self.lastYear, "--no-previous", "--format", format, "--output", results)
    #expect(written.code == 0, "\(written.err)")
    let run = Run("evaluate", "--pack", Self.pack, "--input", Self.thisYear, "--previous", results)
    #expect(Self.unix(run.out) == Self.expected2025, "\(run.err)")
    #expect(run.err.contains("7 read: 6 assessed, 1 rejected"))
    // The same results without the record beside them (for a workbook the run is in its properties).
    try FileManager.default.removeItem(atPath: results + ".meta.json")
    let bare = Run("evaluate", "--pack", Self.pack, "--input", Self.thisYear, "--previous", results)
    #expect(Self.unix(bare.out) == Self.expected2025, "\(bare.err)")
  }

  @Test func theExplanationNamesTheEarlierRun() throws {
    let digest = try SHA256.hexOfFile(path: Self.lastYearsResults)
    let record = try ProvenanceTests.record(Self.lastYearsResults + ".meta.json")
    #expect(record.output.sha256 == digest)
    let run = Run(
      "explain", "--pack", Self.pack, "--input", Self.thisYear, "--previous", Self.lastYearsResults, "--subject", "ZB002")
    #expect(run.code == 0, "\(run.err)")
    #expect(
      run.out.contains(
        "上年星级评定结果：取自 \(Self.lastYearsResults) 第 3 行，考核期 2024（规则包 example-five-star-branch 1.0.0；运行结束于 \(record.finishedAt)；文件 SHA-256 \(digest)）"
      ), "\(run.out)")
    #expect(run.out.contains("上年评定星级 = 3星（上期结果）"))
    #expect(run.out.contains("上年评定等次 = 良好（上期结果）"))
    let new = Run(
      "explain", "--pack", Self.pack, "--input", Self.thisYear, "--previous", Self.lastYearsResults, "--subject", "ZB007")
    #expect(new.code == 0, "\(new.err)")
    #expect(new.out.contains("上年星级评定结果：\(Self.lastYearsResults) 中没有本对象的结果"))
    #expect(new.out.contains("上年评定星级：无上期结果，按 0星 计"))
    #expect(new.out.contains("上年评定等次：无上期结果，按 不定等次 计"))
  }

  @Test func theRecordOfTheRunNamesTheResultsItRead() throws {
    let folder = ReliabilityTests.folder()
    let output = folder + "/2025结果.csv"
    let run = Run(
      "evaluate", "--pack", Self.pack, "--input", Self.thisYear, "--previous", Self.lastYearsResults, "--output", output)
    #expect(run.code == 1)
    let record = try ProvenanceTests.record(output + ".meta.json")
    let previous = try #require(record.previous)
    #expect(previous.file == Self.lastYearsResults)
    #expect(previous.sha256 == (try SHA256.hexOfFile(path: Self.lastYearsResults)))
    #expect(previous.packID == "example-five-star-branch")
    #expect(previous.packVersion == "1.0.0")
    #expect(record.counts.read == record.counts.assessed + record.counts.rejected)
  }

  @Test func aRepeatedPreviousRowIsALocatedErrorAndNothingIsWritten() {
    let folder = ReliabilityTests.folder()
    let previous = ReliabilityTests.write(
      Array("编号,星级,等次\nZB001,4,良好\nZB002,3,良好\nZB001,2,一般\n".utf8), "2024.csv", in: folder)
    let output = folder + "/2025结果.csv"
    let run = Run("evaluate", "--pack", Self.pack, "--input", Self.thisYear, "--previous", previous, "--output", output)
    #expect(run.code == 1)
    #expect(run.err.contains("\(previous): line 4: the id 'ZB001' appears again (first at line 2)"), "\(run.err)")
    #expect(!FileManager.default.fileExists(atPath: output))
  }

  @Test func anUnreadablePreviousValueRejectsItsSubjectWithItsPlace() {
    let folder = ReliabilityTests.folder()
    let previous = ReliabilityTests.write(
      Array("编号,星级,等次\nZB001,4,良好\nZB002,三,良好\nZB003,5,合格\n".utf8), "2024.csv", in: folder)
    let run = Run("evaluate", "--pack", Self.pack, "--input", Self.thisYear, "--previous", previous)
    #expect(run.code == 1)
    #expect(
      run.err.contains(
        "subject 'ZB002': 上年评定星级(上年星级) is '三', which is not a number; write digits such as 85.5 (no units, no thousands separators) — last period's 星级 in the previous results (\(previous), line 3, column 星级)"
      ), "\(run.err)")
    #expect(run.err.contains("subject 'ZB003': 上年评定等次(上年等次) is '合格', which is not one of the choices"), "\(run.err)")
    // ZB002, ZB003 (previous values) and ZB006 (its own data) rejected; the other four assessed.
    #expect(run.err.contains("7 read: 4 assessed, 3 rejected"), "\(run.err)")
  }

  @Test func unusableResultsStopTheRunBeforeAnythingIsScored() {
    let folder = ReliabilityTests.folder()
    let missingColumn = ReliabilityTests.write(Array("编号,等次\nZB001,良好\n".utf8), "grades.csv", in: folder)
    let noStars = Run("evaluate", "--pack", Self.pack, "--input", Self.thisYear, "--previous", missingColumn)
    #expect(noStars.code == 1)
    #expect(noStars.out.isEmpty)
    #expect(noStars.err.contains("no column 星级 (stars) in the previous results"), "\(noStars.err)")
    let absent = Run("evaluate", "--pack", Self.pack, "--input", Self.thisYear, "--previous", folder + "/none.csv")
    #expect(absent.code == 1)
    #expect(absent.err.contains("\(folder)/none.csv: cannot read the previous results"), "\(absent.err)")
    // Results changed since the run recorded beside them wrote them.
    let bytes = Array(FileManager.default.contents(atPath: Self.lastYearsResults)!)
    let changed = ReliabilityTests.write(bytes + Array("ZB009,第九党支部,党支部,2024,90.0,90,优秀,5,,\n".utf8), "r.csv", in: folder)
    _ = ReliabilityTests.write(
      Array(FileManager.default.contents(atPath: Self.lastYearsResults + ".meta.json")!), "r.csv.meta.json", in: folder)
    let edited = Run("evaluate", "--pack", Self.pack, "--input", Self.thisYear, "--previous", changed)
    #expect(edited.code == 1)
    #expect(edited.err.contains("the file has changed since the run recorded in \(changed).meta.json wrote it"), "\(edited.err)")
    // Another pack's results.
    let other = Run(
      "evaluate", "--pack", Self.pack, "--input", Self.thisYear, "--previous", CLIPaths.repository + "/Examples/data/dazhou.csv")
    #expect(other.code == 1)
  }

  @Test func aPackThatReadsPreviousResultsAsksForThem() {
    let none = Run("evaluate", "--pack", Self.pack, "--input", Self.thisYear)
    #expect(none.code == PBK.ExitCode.usage)
    #expect(none.err.contains("give the results file of that run with --previous FILE, or --no-previous"))
    // --no-previous: every branch is new (0 stars last year), so each gets at most one star.
    let fresh = Run("evaluate", "--pack", Self.pack, "--input", Self.thisYear, "--no-previous")
    #expect(fresh.err.contains("7 read: 6 assessed, 1 rejected"))
    let stars = Self.unix(fresh.out).split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false)[7] }
    #expect(stars == ["1", "1", "1", "1", "0", "1"])
    let both = Run(
      "evaluate", "--pack", Self.pack, "--input", Self.thisYear, "--previous", Self.lastYearsResults, "--no-previous")
    #expect(both.code == PBK.ExitCode.usage)
    let notRead = Run(
      "evaluate", "--pack", CLIPaths.repository + "/RulePacks/dazhou/pack.json", "--input",
      CLIPaths.repository + "/Examples/data/dazhou.csv", "--previous", Self.lastYearsResults)
    #expect(notRead.code == PBK.ExitCode.usage)
    #expect(notRead.err.contains("reads no previous results"))
  }

  @Test func theHelpDescribesPrevious() {
    let help = Run("evaluate", "--help")
    #expect(help.out.contains("--previous FILE   last period's results"))
    #expect(help.out.contains("--no-previous"))
    let explain = Run("explain", "--help")
    #expect(explain.out.contains("--previous FILE"))
  }
}

/// `pbk report` and `pbk diff` read the raters' forms (`--forms`) and last period's results (`--previous`,
/// `--no-previous`) as `pbk evaluate` does, so that every pack can be reported and compared.
@Suite struct ReportAndDiffInputsTests {
  static let raters = CLIPaths.repository + "/RulePacks/examples/raters/pack.json"
  static let subjects = CLIPaths.repository + "/Examples/data/raters-subjects.csv"
  static let forms = CLIPaths.repository + "/Examples/data/raters-forms.csv"

  @Test func aReportReadsTheRatersForms() throws {
    let without = try ReportTests.report("--pack", Self.raters, "--input", Self.subjects)
    #expect(without.run.code == 1)
    #expect(without.run.err.contains("give them in a forms file"))
    let with = try ReportTests.report("--pack", Self.raters, "--input", Self.subjects, "--forms", Self.forms)
    #expect(with.run.code == 0, "\(with.run.err)")
    #expect(with.html.contains("data-id=\"GB001\" data-total=\"86.92\" data-grade=\"称职\""))
    #expect(with.html.contains("<dt>测评表 forms</dt><dd>读入 41 份，计入 38，无效 3，未能读取或无对应对象 0</dd>"))
    #expect(with.run.err.contains("3 read: 3 assessed, 0 rejected (41 forms: 38 counted, 3 void, 0 rejected)"))
    // A form that cannot be read is listed and counted, and the run exits 1 as 'pbk evaluate' does.
    let folder = ReliabilityTests.folder()
    let bad = folder + "/forms.csv"
    let text = try String(contentsOfFile: Self.forms, encoding: .utf8)
    try (text + "GB001,99,R99,领导,,95,90\n").write(toFile: bad, atomically: true, encoding: .utf8)
    let broken = try ReportTests.report("--pack", Self.raters, "--input", Self.subjects, "--forms", bad)
    #expect(broken.run.code == 1)
    #expect(broken.run.err.contains("(42 forms: 38 counted, 3 void, 1 rejected)"))
    #expect(broken.html.contains("未能读取或无对应对象 1</dd>"))
  }

  @Test func aReportReadsLastPeriodsResults() throws {
    let pack = PreviousCommandTests.pack
    let without = try ReportTests.report("--pack", pack, "--input", PreviousCommandTests.thisYear)
    #expect(without.run.code == 64)  // a usage error: say --previous FILE or --no-previous
    let with = try ReportTests.report(
      "--pack", pack, "--input", PreviousCommandTests.thisYear, "--previous", PreviousCommandTests.lastYearsResults)
    #expect(with.run.code == 1)  // ZB006 is rejected
    // ZB002 scored 96 but is held to one star more than last year's 3.
    #expect(with.html.contains("data-id=\"ZB002\""))
    #expect(with.html.contains("受“每年最多晋升一星”限制"))
    #expect(with.run.err.contains("7 read: 6 assessed, 1 rejected"))
  }

  @Test func aDiffReadsTheFormsAndLastPeriodsResultsForBothPacks() {
    let run = Run("diff", Self.raters, Self.raters, "--input", Self.subjects, "--forms", Self.forms)
    #expect(run.code == 0, "\(run.err)")
    #expect(run.out.contains("两个包的结构相同"))
    #expect(!run.err.contains("forms file"))
    let pack = PreviousCommandTests.pack
    let previous = Run(
      "diff", pack, pack, "--input", PreviousCommandTests.thisYear, "--previous", PreviousCommandTests.lastYearsResults)
    #expect(previous.out.contains("等次变化"), "\(previous.err)")
    #expect(!previous.err.contains("--previous FILE or --no-previous"))
    // Neither pack reads last period's results: --previous is refused with the reason.
    let refused = Run("diff", Self.raters, Self.raters, "--input", Self.subjects, "--forms", Self.forms, "--no-previous")
    #expect(refused.code == 64)
  }
}
