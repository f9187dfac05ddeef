import Foundation
import Testing

@testable import PBKCommandLine
@testable import PartyBuildingKit

/// `pbk diff OLD NEW --input FILE` (issue 14, item 4), on two versions of the shipped 达州 pack.
///
/// Fixtures/diff/dazhou-v2.pack.json is RulePacks/dazhou/pack.json revised: version 2.0.0; 好 from 92 (was 90),
/// so 较好 below 92; rule 逾期报送 2 points a time (was 1, still at most 5); a rule 满意度优秀 (+1 in the bonus
/// section 创新加分 when 满意度 ≥ 90); 逾期报送次数 required (was a default of 0). Its own tests are revised to match
/// and pass (`pbk test` at 100% coverage).
///
/// The expected results were worked by hand from Examples/data/dazhou.csv and checked against `pbk evaluate` of
/// each pack (and ``diffAgreesWithEvaluateOfEachPack`` checks them again):
///
/// | id | old | new | Δ | grade | why |
/// | --- | --- | --- | --- | --- | --- |
/// | DZ001 | 96.01 | 96.51 | +0.50 | 好 → 好 | 满意度 93.6: 年底 +1 |
/// | DZ002 | 90.36 | 90.06 | −0.30 | 好 → 较好 | 逾期 1: 日常 −1; 90.06 < 92 |
/// | DZ003 | 82.04 | 81.44 | −0.60 | 较好 | 逾期 2: 日常 −2 |
/// | DZ004 | 96.05 | 96.55 | +0.50 | 好 | 满意度 91.8: bonus 4 + 1 = 5 (the cap) |
/// | DZ005 | 74.96 | 74.36 | −0.60 | 一般 | 逾期 3: 6 points, at most 5 (was 3) |
/// | DZ006 | 90.24 | 90.24 | 0 | 一般 | veto perfFail caps it at 一般 under both |
/// | DZ007 | 65.87 | 65.57 | −0.30 | 一般 | 逾期 4: at most 5 (was 4) |
/// | DZ008 | 90.58 | 90.78 | +0.20 | 较好 | 逾期 1 (−1), 满意度 90.5 (+1 at 年底); veto lowLikes |
/// | DZ009 | 89.27 | 89.27 | 0 | 较好 | nothing applies |
/// | DZ010 | 96.00 | — | — | 好 → 未评分 | 逾期报送次数 empty: required in 2.0.0 |
/// | DZ011 | 86.62 | 86.02 | −0.60 | 较好 | 逾期 2 |
@Suite struct DiffCommandTests {
  static let old = CLIPaths.repository + "/RulePacks/dazhou/pack.json"
  static let new = CLIPaths.fixtures + "/diff/dazhou-v2.pack.json"
  static let data = CLIPaths.repository + "/Examples/data/dazhou.csv"
  static let edgeRows = CLIPaths.fixtures + "/diff/edge-rows.csv"

  /// The lines of the part of a table output that starts with the line starting `heading`, up to a blank line.
  static func part(_ text: String, _ heading: String) -> [String] {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard let start = lines.firstIndex(where: { $0.hasPrefix(heading) }) else { return [] }
    return Array(lines[start...].prefix { !$0.isEmpty })
  }

  @Test func theKnownTransitionMatrix() {
    let run = Run("diff", Self.old, Self.new, "--input", Self.data)
    #expect(run.code == 0)
    #expect(
      Self.part(run.out, "等次变动") == [
        "等次变动 grade transitions（行：旧包等次，列：新包等次）",
        "  旧＼新    好  较好  一般  差  不定等次  未评分  合计",
        "  ────────  ──  ────  ────  ──  ────────  ──────  ────",
        "  好         2     1     0   0         0       1     4",
        "  较好       0     4     0   0         0       0     4",
        "  一般       0     0     3   0         0       0     3",
        "  差         0     0     0   0         0       0     0",
        "  不定等次   0     0     0   0         0       0     0",
        "  未评分     0     0     0   0         0       0     0",
        "  合计       2     5     3   0         0       1    11",
      ])
    #expect(
      Self.part(run.out, "概况") == [
        "概况 summary",
        "  输入行数                  旧包 11（评分 11，未评分 0）；新包 11（评分 10，未评分 1）",
        "  比较的对象（两包均评分）  10",
        "  等次变化                  1（10.0%）",
        "  总分                      上升 3，下降 5，不变 2",
        "  未评分                    仅旧包 0，仅新包 1，两包均未评分 0",
      ])
    #expect(
      Self.part(run.out, "总分变化最大") == [
        "总分变化最大 largest changes（前 10 名，按变化的绝对值）",
        "  编号   名称    旧总分  新总分  变化   等次（旧 → 新）",
        "  ─────  ──────  ──────  ──────  ─────  ───────────────",
        "  DZ003  张德华   82.04   81.44  -0.60  较好",
        "  DZ005  陈秀英   74.96   74.36  -0.60  一般",
        "  DZ011  何成林   86.62   86.02  -0.60  较好",
        "  DZ001  王建国   96.01   96.51  +0.50  好",
        "  DZ004  刘志强   96.05   96.55  +0.50  好",
        "  DZ002  李春梅   90.36   90.06  -0.30  好 → 较好",
        "  DZ007  赵永红   65.87   65.57  -0.30  一般",
        "  DZ008  黄文斌   90.58   90.78  +0.20  较好",
      ])
    // The rejected row is named on standard error, then each pack's counts.
    #expect(
      run.err == """
        error (新包 new): \(Self.data): line 11, column 11: subject 'DZ010': 党建工作任务逾期报送次数(逾期报送次数) is required but not given; add it to the input
        旧包 old: 11 read: 11 assessed, 0 rejected
        新包 new: 11 read: 10 assessed, 1 rejected

        """)
  }

  @Test func aWorkbookGivesTheSameComparison() {
    // The same subjects saved from LibreOffice as .xlsx: read as 'pbk evaluate' reads them, the same CSV rows.
    let workbook = CLIPaths.repository + "/Tests/PartyBuildingKitTests/Fixtures/Excel/dazhou-libreoffice.xlsx"
    let fromWorkbook = Run("diff", Self.old, Self.new, "--input", workbook, "--format", "csv")
    let fromCSV = Run("diff", Self.old, Self.new, "--input", Self.data, "--format", "csv")
    #expect(fromWorkbook.code == 0)
    #expect(fromWorkbook.out == fromCSV.out)
  }

  @Test func theStructuralDiffHeadsTheReport() {
    let run = Run("diff", Self.old, Self.new, "--input", Self.data)
    #expect(run.out.hasPrefix("旧包 old  \(Self.old)（dazhou-secretary 1.0.0）\n新包 new  \(Self.new)（dazhou-secretary 2.0.0）\n"))
    #expect(
      Self.part(run.out, "结构差异") == [
        "结构差异 structure",
        "  修改的包信息",
        "    version：1.0.0 → 2.0.0",
        "  修改的输入 逾期报送次数「党建工作任务逾期报送次数」",
        "    default：0 → —",
        "    required：— → true",
        "  新增规则 满意度优秀「述职满意度达到90分以上」（年底考核 › 创新加分）",
        "    id：满意度优秀；label：述职满意度达到90分以上；kind：award；when：满意度 >= 90；points：1",
        "  修改的规则 逾期报送「党建工作任务逾期报送」（日常考核 › 日常纪实）",
        "    points：1 → 2",
        "  修改的等次 好",
        "    min：90 → 92",
        "  修改的等次 较好",
        "    below：90 → 92",
      ])
    // The structure comes first, then the summary, the matrix and the largest changes.
    let order = ["结构差异", "概况", "等次变动", "总分变化最大"].map { run.out.range(of: $0)!.lowerBound }
    #expect(order == order.sorted())
  }

  @Test func csvHasOneRowPerInputRow() {
    let run = Run("diff", Self.old, Self.new, "--input", Self.data, "--format", "csv")
    #expect(run.code == 0)
    #expect(
      run.out == "\u{FEFF}"
        + [
          "编号,名称,旧总分,新总分,变化,旧等次,新等次,等次变化",
          "DZ001,王建国,96.01,96.51,0.50,好,好,否",
          "DZ002,李春梅,90.36,90.06,-0.30,好,较好,是",
          "DZ003,张德华,82.04,81.44,-0.60,较好,较好,否",
          "DZ004,刘志强,96.05,96.55,0.50,好,好,否",
          "DZ005,陈秀英,74.96,74.36,-0.60,一般,一般,否",
          "DZ006,杨光明,90.24,90.24,0.00,一般,一般,否",
          "DZ007,赵永红,65.87,65.57,-0.30,一般,一般,否",
          "DZ008,黄文斌,90.58,90.78,0.20,较好,较好,否",
          "DZ009,周晓燕,89.27,89.27,0.00,较好,较好,否",
          "DZ010,吴国平,96.00,,,好,未评分,",
          "DZ011,何成林,86.62,86.02,-0.60,较好,较好,否",
        ].map { $0 + "\r\n" }.joined())
    // A name ending in .csv chooses CSV.
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pbk-diff-\(UUID().uuidString)").path
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let written = Run("diff", Self.old, Self.new, "--input", Self.data, "--output", folder + "/对比.csv")
    #expect(written.code == 0)
    #expect(written.out.isEmpty)
    #expect(FileManager.default.contents(atPath: folder + "/对比.csv").map { String(decoding: $0, as: UTF8.self) } == run.out)
  }

  /// An independent check: the grades and totals of the diff are those `pbk evaluate` gives under each pack, and the
  /// matrix counts them.
  @Test func diffAgreesWithEvaluateOfEachPack() throws {
    func evaluated(_ pack: String) -> [String: (total: String, grade: String)] {
      let run = Run("evaluate", "--pack", pack, "--input", Self.data, "--format", "csv")
      var rows: [String: (String, String)] = [:]
      let lines = run.out.dropFirst().split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
      let header = lines[0]
      let (id, total, grade) = (header.firstIndex(of: "编号")!, header.firstIndex(of: "总分")!, header.firstIndex(of: "等次")!)
      for line in lines.dropFirst() { rows[line[id]] = (line[total], line[grade]) }
      return rows
    }
    let old = evaluated(Self.old)
    let new = evaluated(Self.new)
    let diff = Run("diff", Self.old, Self.new, "--input", Self.data, "--format", "csv")
    var matrix: [String: Int] = [:]
    for line in diff.out.dropFirst().split(separator: "\r\n").dropFirst() {
      let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      #expect(cells[2] == old[cells[0]]?.total ?? "")
      #expect(cells[3] == new[cells[0]]?.total ?? "")
      #expect(cells[5] == old[cells[0]]?.grade ?? "未评分")
      #expect(cells[6] == new[cells[0]]?.grade ?? "未评分")
      if let a = old[cells[0]].flatMap({ ExactDecimal($0.total) }), let b = new[cells[0]].flatMap({ ExactDecimal($0.total) }) {
        #expect(ExactDecimal(cells[4]) == b - a)
      }
      matrix["\(cells[5])→\(cells[6])", default: 0] += 1
    }
    #expect(matrix == ["好→好": 2, "好→较好": 1, "好→未评分": 1, "较好→较好": 4, "一般→一般": 3])
  }

  @Test func aSubjectRuleByRule() {
    let run = Run("diff", Self.old, Self.new, "--input", Self.data, "--subject", "DZ008")
    #expect(run.code == 0)
    #expect(
      Self.part(run.out, "对象") == [
        "对象 subject  黄文斌 (DZ008)",
        "  旧包  总分 90.58  等次 较好  一票否决 述职获赞率低于30%",
        "  新包  总分 90.78  等次 较好  一票否决 述职获赞率低于30%",
      ])
    #expect(
      Self.part(run.out, "  考核组成得分") == [
        "  考核组成得分 components",
        "    组成      旧包    新包    变化",
        "    ────────  ──────  ──────  ────",
        "    日常考核    91.1    90.1    -1",
        "    年底考核    95.8    96.8    +1",
        "    述职评议  76.764  76.764     0",
      ])
    #expect(
      Self.part(run.out, "  得分不同的评分项目") == [
        "  得分不同的评分项目 sections that differ",
        "    评分项目                  旧包  新包  变化",
        "    ────────────────────────  ────  ────  ────",
        "    日常纪实                    19    18    -1",
        "    创新加分「党建创新加分」     0     1    +1",
      ])
    #expect(
      Self.part(run.out, "  得分不同的规则") == [
        "  得分不同的规则 rules whose points differ",
        "    规则                                                         旧包  新包  变化",
        "    ───────────────────────────────────────────────────────────  ────  ────  ────",
        "    逾期报送「党建工作任务逾期报送」（日常考核 › 日常纪实）        -1    -2    -1",
        "    满意度优秀「述职满意度达到90分以上」（年底考核 › 创新加分）     —     1  新增",
      ])
    #expect(run.out.hasSuffix("新增\n"))
  }

  @Test func aSubjectAtTheBonusCapAndARuleAtItsMost() {
    // DZ004: 经验推广 2 × 2 = 4 plus 满意度优秀 1 = 5, the bonus cap reached: only the new rule differs.
    let run = Run("diff", Self.old, Self.new, "--input", Self.data, "--subject", "DZ004")
    #expect(
      Self.part(run.out, "  得分不同的规则").dropFirst(3) == [
        "    满意度优秀「述职满意度达到90分以上」（年底考核 › 创新加分）     —     1  新增"
      ])
    // DZ005: 逾期 3 times: 3 × 1 = 3, then 3 × 2 = 6 held at the rule's most, 5.
    let capped = Run("diff", Self.old, Self.new, "--input", Self.data, "--subject", "DZ005")
    #expect(Self.part(capped.out, "  得分不同的规则").last == "    逾期报送「党建工作任务逾期报送」（日常考核 › 日常纪实）    -3    -5    -2")
  }

  @Test func aSubjectRejectedUnderOnePack() {
    let run = Run("diff", Self.old, Self.new, "--input", Self.data, "--subject", "DZ010")
    #expect(run.code == 0)
    #expect(
      Self.part(run.out, "对象") == [
        "对象 subject  吴国平 (DZ010)",
        "  旧包  总分 96.00  等次 好",
        "  新包  未评分：\(Self.data): line 11, column 11: subject 'DZ010': 党建工作任务逾期报送次数(逾期报送次数) is required but not given; add it to the input",
      ])
  }

  @Test func anUnknownSubjectIsNotFound() {
    let run = Run("diff", Self.old, Self.new, "--input", Self.data, "--subject", "DZ999")
    #expect(run.code == 1)
    #expect(run.out.isEmpty)
    #expect(run.err.contains("pbk diff: no subject 'DZ999' in \(Self.data)"))
  }

  /// Every row is accounted for under each pack: a repeated id, a row without an id, a value out of range (rejected
  /// under both), a row only the new pack rejects, a veto to 差 under both.
  @Test func everyRowIsAccountedFor() {
    let run = Run("diff", Self.old, Self.new, "--input", Self.edgeRows)
    #expect(run.code == 0)
    #expect(
      Self.part(run.out, "等次变动") == [
        "等次变动 grade transitions（行：旧包等次，列：新包等次）",
        "  旧＼新    好  较好  一般  差  不定等次  未评分  合计",
        "  ────────  ──  ────  ────  ──  ────────  ──────  ────",
        "  好         1     0     0   0         0       1     2",
        "  较好       0     1     0   0         0       0     1",
        "  一般       0     0     0   0         0       0     0",
        "  差         0     0     0   1         0       0     1",
        "  不定等次   0     0     0   0         0       0     0",
        "  未评分     0     0     0   0         0       3     3",
        "  合计       1     1     0   1         0       4     7",
      ])
    #expect(
      Self.part(run.out, "概况").dropFirst() == [
        "  输入行数                  旧包 7（评分 4，未评分 3）；新包 7（评分 3，未评分 4）",
        "  比较的对象（两包均评分）  3",
        "  等次变化                  0（0.0%）",
        "  总分                      上升 1，下降 1，不变 1",
        "  未评分                    仅旧包 0，仅新包 1，两包均未评分 3",
      ])
    let csv = Run("diff", Self.old, Self.new, "--input", Self.edgeRows, "--format", "csv")
    #expect(
      csv.out.dropFirst().split(separator: "\r\n") == [
        "编号,名称,旧总分,新总分,变化,旧等次,新等次,等次变化",
        "E01,甲,96.01,96.51,0.50,好,好,否",
        "E01,,,,,未评分,未评分,",
        ",,,,,未评分,未评分,",
        "E03,,,,,未评分,未评分,",
        "E04,丁,96.00,,,好,未评分,",
        "E05,戊,74.96,74.36,-0.60,差,差,否",
        "E06,己,89.27,89.27,0.00,较好,较好,否",
      ])
    #expect(csv.err.hasSuffix("旧包 old: 7 read: 4 assessed, 3 rejected\n新包 new: 7 read: 3 assessed, 4 rejected\n"))

    // The other way round, the matrix is turned over.
    let back = Run("diff", Self.new, Self.old, "--input", Self.edgeRows)
    #expect(
      Self.part(back.out, "等次变动").suffix(7) == [
        "  好         1     0     0   0         0       0     1",
        "  较好       0     1     0   0         0       0     1",
        "  一般       0     0     0   0         0       0     0",
        "  差         0     0     0   1         0       0     1",
        "  不定等次   0     0     0   0         0       0     0",
        "  未评分     1     0     0   0         0       3     4",
        "  合计       2     1     0   1         0       3     7",
      ])
    #expect(Self.part(back.out, "概况").last == "  未评分                    仅旧包 1，仅新包 0，两包均未评分 3")
  }

  @Test func aCohortPackPairsItsRows() {
    // A cohort pack reports the rows its ranking pass rejected first; they are still paired by id.
    let pack = CLIPaths.repository + "/RulePacks/examples/cohort/pack.json"
    let run = Run("diff", pack, pack, "--input", CLIPaths.fixtures + "/cohort-rejected.csv", "--format", "csv")
    #expect(run.code == 0)
    #expect(
      run.out.dropFirst().split(separator: "\r\n").dropFirst() == [
        "X1,,,,,未评分,未评分,", "X2,,,,,未评分,未评分,", "X3,,,,,未评分,未评分,",
        "A,甲一,95.0,95.0,0.0,优秀,优秀,否", "B,甲二,92.0,92.0,0.0,良好,良好,否", "C,甲三,92.0,92.0,0.0,优秀,优秀,否",
        "D,甲四,91.0,91.0,0.0,良好,良好,否", "E,甲五,70.0,70.0,0.0,一般,一般,否", "F,甲六,69.0,69.0,0.0,一般,一般,否",
      ])
  }

  @Test func aPackAgainstItselfHasNoChanges() {
    let run = Run("diff", Self.old, Self.old, "--input", Self.data)
    #expect(run.code == 0)
    #expect(Self.part(run.out, "结构差异") == ["结构差异 structure", "  两个包的结构相同（不比较 note 和测试用例）"])
    #expect(Self.part(run.out, "概况")[4] == "  总分                      上升 0，下降 0，不变 11")
    #expect(Self.part(run.out, "总分变化最大") == ["总分变化最大 largest changes（前 10 名，按变化的绝对值）", "  没有对象的总分变化"])
    // JSON Lines input, read as evaluate reads it.
    let json = Run("diff", CLIPaths.minimal, CLIPaths.minimal, "--input", CLIPaths.fixtures + "/minimal.jsonl", "--format", "csv")
    #expect(json.out.dropFirst().split(separator: "\r\n").count == 3)
  }

  @Test func htmlIsOneSelfContainedPage() throws {
    let run = Run("diff", Self.old, Self.new, "--input", Self.data, "--format", "html", "--subject", "DZ002")
    #expect(run.code == 0)
    let page = run.out
    #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">"))
    #expect(page.hasSuffix("</body>\n</html>\n"))
    #expect(page.contains("<meta charset=\"utf-8\">"))
    #expect(page.contains("\"Noto Sans CJK SC\""))
    for outside in ["http:", "https:", "<script", "<link", "@import", "url(", "src="] { #expect(!page.contains(outside)) }
    #expect(page.contains("content=\"default-src 'none'; style-src 'unsafe-inline'\""))
    #expect(page.contains("<tr class=\"added\"><td rowspan=\"5\">新增规则</td>"))
    #expect(page.contains("<td><code>when</code></td><td>—</td><td>满意度 &gt;= 90</td>"))
    #expect(
      page.contains(
        "<tr><th>好</th><td class=\"n d\">2</td><td class=\"n\">1</td><td class=\"n\">0</td><td class=\"n\">0</td><td class=\"n\">0</td><td class=\"n\">1</td><td class=\"n\">4</td></tr>"
      ))
    #expect(page.contains("、对象 李春梅（DZ002）<span class=\"en\">subject</span></h2>"))
    #expect(page.contains("<td class=\"n\">-0.30</td><td>好 → 较好</td>"))
    // The report's stylesheet, and no time: the same packs and input make the same bytes.
    #expect(page.contains(ReportStyle.css))
    #expect(Run("diff", Self.old, Self.new, "--input", Self.data, "--format", "html", "--subject", "DZ002").out == page)
    // Every element opened is closed.
    for tag in ["table", "tr", "td", "th", "h2", "code", "section", "dl", "dd", "dt"] {
      let opened = page.components(separatedBy: "<\(tag)>").count + page.components(separatedBy: "<\(tag) ").count - 2
      #expect(opened == page.components(separatedBy: "</\(tag)>").count - 1, "\(tag)")
    }
  }

  @Test func usageErrors() {
    let cases: [([String], String)] = [
      (["diff", Self.old, "--input", Self.data], "pbk diff: give two packs, the old and the new: pbk diff OLD NEW --input FILE"),
      (["diff", Self.old, Self.new, Self.old, "--input", Self.data], "pbk diff: unexpected argument '\(Self.old)'"),
      (["diff", Self.old, Self.new], "pbk diff: --input is required"),
      (["diff", Self.old, Self.new, "--input", Self.data, "--format", "json"], "pbk diff: --format is table, csv or html, not 'json'"),
      (["diff", Self.old, Self.new, "--input", Self.data, "--subjct", "DZ001"], "pbk diff: unknown option '--subjct'; did you mean '--subject'?"),
      (["diff", Self.old, Self.new, "--input", Self.data, "--subject", ""], "pbk diff: --subject needs a subject's id"),
      (["diff", Self.old, Self.new, "--input", Self.data, "--input-format", "csv"], "pbk diff: --input-format is for standard input"),
      (["diff", Self.old, Self.new, "--input", Self.data, "--output", Self.new], "pbk diff: --output '\(Self.new)' is the pack"),
    ]
    for (arguments, message) in cases {
      let out = StringSink()
      let err = StringSink()
      let code = PBK(out: out, err: err, language: .english).run(arguments)
      #expect(code == 64, "\(arguments)")
      #expect(err.text.hasPrefix(message), "\(err.text)")
      #expect(err.text.hasSuffix("run 'pbk diff --help' for how to use it\n"))
      #expect(out.text.isEmpty)
    }
  }

  @Test func problemsAreExitOne() {
    let missing = Run("diff", Self.old, CLIPaths.fixtures + "/diff/no-such.pack.json", "--input", Self.data)
    #expect(missing.code == 1)
    #expect(missing.out.isEmpty)
    // A column one pack does not read: which pack could not read the input is named.
    let shangyu = CLIPaths.repository + "/RulePacks/shangyu/pack.json"
    let other = Run("diff", Self.old, shangyu, "--input", Self.data)
    #expect(other.code == 1)
    #expect(other.out.isEmpty)
    #expect(other.err.hasPrefix("pbk diff: 新包 new (\(shangyu)): \(Self.data): line 1, column 6: the column '一季度' is not an input"))
    // The input as output is refused before anything is read.
    let overwrite = Run("diff", Self.old, Self.new, "--input", Self.data, "--output", Self.data)
    #expect(overwrite.code == 1)
    #expect(overwrite.err.contains("is the input file"))
  }

  @Test func help() {
    let run = Run("diff", "--help")
    #expect(run.code == 0)
    #expect(run.out.hasPrefix("pbk diff — "))
    for words in ["EXAMPLES", "EXIT CODES", "新增规则 / 删除的规则 / 修改的规则", "不定等次", "未评分", "the structural diff and the matrix are in table and html only"] {
      #expect(run.out.contains(words))
    }
    #expect(Run("help", "diff").out == run.out)
    #expect(Run("--help").out.contains("diff OLD NEW --input FILE"))
    #expect(Run("dif").err.contains("did you mean 'diff'?"))
  }

  // MARK: Matching rules

  /// The 达州 model with the rules of 硬性指标 (two, with ids) and 日常纪实 (two, with ids) changed in Swift.
  static func model(_ change: (inout [PackModel.Rule], inout [PackModel.Rule]) -> Void) throws -> PackModel {
    var model = try RulePack.load(path: old).model
    var hard = model.components[1].sections![1].rules!
    var daily = model.components[0].sections![1].rules!
    change(&hard, &daily)
    model.components[1].sections![1].rules = hard
    model.components[0].sections![1].rules = daily
    return model
  }

  @Test func rulesWithoutIDsAreMatchedByPlaceAndLabel() throws {
    // Both versions without ids; the new one inserts a rule first and changes the second rule's points.
    let before = try Self.model { hard, _ in
      for index in hard.indices { hard[index].id = nil }
    }
    let after = try Self.model { hard, _ in
      for index in hard.indices { hard[index].id = nil }
      hard[1].points = "6"
      hard.insert(PackModel.Rule(label: "党组织书记未按期述职", kind: .deduct, when: "逾期报送次数 > 10", points: "2"), at: 0)
    }
    let changes = PackStructureDiff.changes(from: before, to: after)
    #expect(changes.map(\.heading) == ["新增规则", "修改的规则"])
    #expect(changes[0].name == "「党组织书记未按期述职」（年底考核 › 硬性指标 第1条）")
    #expect(changes[0].fieldText == "label：党组织书记未按期述职；kind：deduct；when：逾期报送次数 > 10；points：2")
    // Its place moved from 第2条 to 第3条; matched by place (section) and label, only its points changed.
    #expect(changes[1].name == "「符合条件的中小学未配齐专职副书记」（年底考核 › 硬性指标 第3条）")
    #expect(changes[1].fields == [FieldChange(key: "points", old: "5", new: "6")])

    // Without an id, a new label is another rule.
    let relabelled = try Self.model { hard, _ in
      for index in hard.indices { hard[index].id = nil }
      hard[0].label = "村(社区)阵地建设任务逾期"
    }
    #expect(
      PackStructureDiff.changes(from: before, to: relabelled).map { "\($0.heading) \($0.name)" } == [
        "新增规则 「村(社区)阵地建设任务逾期」（年底考核 › 硬性指标 第1条）",
        "删除的规则 「村(社区)阵地建设任务未按时完成」（年底考核 › 硬性指标 第1条）",
      ])
  }

  @Test func rulesWithIDsAreMatchedByID() throws {
    let before = try Self.model { _, _ in }
    // The rule 逾期报送 moves from 日常纪实 to 硬性指标 and is relabelled; 通报批评 loses its id.
    let after = try Self.model { hard, daily in
      var moved = daily.remove(at: 1)
      moved.label = "党建工作任务逾期报送（每次）"
      hard.append(moved)
      daily[0].id = nil
    }
    let changes = PackStructureDiff.changes(from: before, to: after)
    #expect(changes.map(\.heading) == ["修改的规则", "修改的规则"])
    // An id given in one version only: matched by place and label, the id shown as changed.
    #expect(changes[0].name == "「因党建工作被市县督查通报批评」（日常考核 › 日常纪实 第1条）")
    #expect(changes[0].fields == [FieldChange(key: "id", old: "通报批评", new: nil)])
    #expect(changes[1].name == "逾期报送「党建工作任务逾期报送（每次）」（年底考核 › 硬性指标）")
    #expect(
      changes[1].fields == [
        FieldChange(key: "section", old: "日常纪实", new: "硬性指标"),
        FieldChange(key: "label", old: "党建工作任务逾期报送", new: "党建工作任务逾期报送（每次）"),
      ])

    // Two rules with different ids are two rules, whatever their labels.
    let renamed = try Self.model { hard, _ in hard[0].id = "阵地逾期" }
    #expect(PackStructureDiff.changes(from: before, to: renamed).map(\.heading) == ["新增规则", "删除的规则"])
  }

  @Test func otherPartsAreComparedByTheirKeys() throws {
    let before = try RulePack.load(path: Self.old).model
    var after = before
    after.components[0].weight = ExactDecimal("0.35")
    after.components[2].weight = ExactDecimal("0.15")
    after.vetoes!.removeAll { $0.id == "lowLikes" }
    after.consequences![0].onGrades = ["差", "一般"]
    after.inputs.append(PackModel.Input(id: "述职次数", label: "年度述职次数", type: .integer))
    let changes = PackStructureDiff.changes(from: before, to: after).map { "\($0.heading) \($0.name)：\($0.fieldText)" }
    #expect(
      changes == [
        "新增输入 述职次数「年度述职次数」：id：述职次数；label：年度述职次数；type：integer",
        "修改的考核组成 日常考核：weight：30% → 35%",
        "修改的考核组成 述职评议：weight：20% → 15%",
        "删除的一票否决 lowLikes「述职获赞率低于30%」：id：lowLikes；label：述职获赞率低于30%；when：获赞率 < 30；effect：capGrade；grade：较好；exampleValue：30%为示例值，请按正式文件替换",
        #"修改的后果 hold「选任过程中“放下”，中止提拔程序」：onGrades：["差"] → ["差", "一般"]"#,
      ])
  }
}

/// The structural diff names the blocks of issue 11 by id, each changed field with its old and new value.
@Suite struct DiffComputedBlocksTests {
  @Test func outcomesChecksAndTheLedgerChecksAreMatchedByID() throws {
    let before = try RulePack.load(path: CLIPaths.repository + "/RulePacks/examples/credit-points/pack.json").model
    var after = before
    after.outcomes?[0].formula = "if grade = 'AAA' then 125% else 100%"
    after.checks?.remove(at: 1)
    let changes = PackStructureDiff.changes(from: before, to: after)
    #expect(changes.map(\.heading) == ["删除的数据核对", "修改的结果折算"])
    #expect(changes[1].name.hasPrefix("经费系数"))
    #expect(changes[1].fields.map(\.key) == ["formula"])
    #expect(changes[1].fields.first?.new == "if grade = 'AAA' then 125% else 100%")
  }
}
