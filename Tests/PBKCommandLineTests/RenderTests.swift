import Foundation
import Testing

@testable import PBKCommandLine
@testable import PartyBuildingKit

/// `pbk render`: every shipped and example pack as a 考核细则 in Markdown, checked in under `Golden/render/` and
/// asserted verbatim (each read by a person before it was checked in: a change in what a reviewer reads is
/// deliberate). Re-record with `PBK_RECORD_GOLDEN=1 swift test --filter RenderTests`.
@Suite struct GoldenRenderTests {
  /// The golden file's name for a pack, e.g. `examples-ballots.md`.
  static func goldenName(_ relative: String) -> String {
    relative.replacingOccurrences(of: "/pack.json", with: "").replacingOccurrences(of: "/", with: "-") + ".md"
  }

  static func render(_ relative: String) throws -> (pack: RulePack, document: RenderDocument) {
    let pack = try RulePack.load(path: CLIPaths.repository + "/RulePacks/" + relative, functions: .declarationsOnly)
    return (pack, PackRenderer.document(for: pack))
  }

  @Test(arguments: GoldenExplainTests.packs)
  func markdownIsUnchanged(_ relative: String) throws {
    let text = try Self.render(relative).document.markdown + "\n"
    let golden = CLIPaths.repository + "/Tests/PBKCommandLineTests/Golden/render/" + Self.goldenName(relative)
    if ProcessInfo.processInfo.environment["PBK_RECORD_GOLDEN"] != nil {
      try text.write(toFile: golden, atomically: true, encoding: .utf8)
      return
    }
    let expected = try #require(
      FileManager.default.contents(atPath: golden).map { String(decoding: $0, as: UTF8.self) },
      "no golden file \(golden); record it with PBK_RECORD_GOLDEN=1 swift test --filter RenderTests")
    if text != expected {
      let got = text.split(separator: "\n", omittingEmptySubsequences: false)
      let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
      let line =
        zip(got, want).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(got.count, want.count)
      Issue.record(
        "\(relative): the rendering differs from \(golden) at line \(line + 1):\n  expected: \(line < want.count ? want[line] : "(end)")\n  got:      \(line < got.count ? got[line] : "(end)")\nre-record deliberately with PBK_RECORD_GOLDEN=1 swift test --filter RenderTests"
      )
    }
  }

  /// Every `exampleValue` of a pack is marked exactly once, with its note, in Markdown and in HTML: each one the
  /// loader lists (rules included).
  @Test(arguments: GoldenExplainTests.packs)
  func everyExampleValueIsMarkedOnce(_ relative: String) throws {
    let (pack, document) = try Self.render(relative)
    let markdown = document.markdown
    let html = document.html
    let notes = PackRenderer.exampleNotes(in: pack.model)
    #expect(notes.count == pack.exampleValues.count)
    #expect(markdown.components(separatedBy: "⚠").count - 1 == notes.count)
    #expect(html.components(separatedBy: "<span class=\"example\">").count - 1 == notes.count)
    if !notes.isEmpty { #expect(markdown.contains("共 \(notes.count) 处")) }
    for example in pack.exampleValues {
      let mark = RenderDocument.exampleMark(example.note)
      #expect(
        markdown.contains(RenderDocument.escape(mark, inTable: true)) || markdown.contains(RenderDocument.escape(mark)))
      #expect(html.contains("<span class=\"example\">\(RenderDocument.escapeHTML(mark))</span>"), "\(example.pointer)")
    }
  }

  /// The HTML of the 达州 pack: balanced tags, no address to fetch, the example marks, every Markdown heading.
  @Test func dazhouHTMLIsSelfContainedAndComplete() throws {
    let (pack, document) = try Self.render("dazhou/pack.json")
    let html = document.html
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">"))
    #expect(!html.contains("http"))
    #expect(!html.contains("<script") && !html.contains("<link") && !html.contains("<img"))
    #expect(html.contains("\"PingFang SC\", \"Noto Sans CJK SC\""))
    #expect(html.contains("@page { size: A4"))
    // Tags balance: every element opened is closed, in order.
    var stack: [String] = []
    var rest = html[...]
    let voids: Set<String> = ["meta", "!DOCTYPE"]
    while let open = rest.firstIndex(of: "<") {
      guard let close = rest[open...].firstIndex(of: ">") else {
        Issue.record("a '<' without '>'")
        break
      }
      let tag = rest[rest.index(after: open)..<close]
      let name = String(tag.prefix { $0 != " " && $0 != ">" })
      if name.hasPrefix("/") {
        let closing = String(name.dropFirst())
        #expect(stack.last == closing, "</\(closing)> closes <\(stack.last ?? "nothing")>")
        if stack.last == closing { stack.removeLast() }
      } else if !voids.contains(name) {
        stack.append(name)
      }
      rest = rest[rest.index(after: close)...]
    }
    #expect(stack.isEmpty, "left open: \(stack)")
    for tag in [
      "h1", "h2", "h3", "h4", "p", "ul", "li", "table", "thead", "tbody", "tr", "th", "td", "blockquote", "code",
      "span",
    ] {
      #expect(
        html.components(separatedBy: "<\(tag)>").count + html.components(separatedBy: "<\(tag) ").count - 2
          == html.components(separatedBy: "</\(tag)>").count - 1, "<\(tag)>")
    }
    #expect(
      html.components(separatedBy: "<span class=\"example\">").count - 1
        == PackRenderer.exampleNotes(in: pack.model).count)
    // Every heading of the Markdown is a heading of the HTML.
    let headings = document.markdown.split(separator: "\n").filter { $0.hasPrefix("#") }
    #expect(headings.count >= 10)
    for heading in headings {
      let level = heading.prefix { $0 == "#" }.count
      let text = String(heading.dropFirst(level + 1))
      #expect(html.contains("<h\(level)>\(RenderDocument.escapeHTML(text))</h\(level)>"), "\(heading)")
    }
    for part in ["一、基本信息", "二、考核内容与分值", "三、一票否决", "四、等次评定", "五、结果运用"] {
      #expect(html.contains("<h2>\(part)</h2>"))
    }
  }
}

/// Formulas in words: the common shapes, and everything else as written.
@Suite struct FormulaWordsTests {
  static let words: FormulaWords = {
    var model = PackModel()
    var satisfaction = PackModel.Input(id: "满意度", label: "群众满意度", type: .number)
    satisfaction.unit = "分"
    var income = PackModel.Input(id: "jtsr", label: "村集体经济年经营性收入", type: .number)
    income.unit = "万元"
    var kind = PackModel.Input(id: "类别", label: "村类别", type: .choice)
    kind.choices = ["一类", "二类", "三类"]
    var times = PackModel.Input(id: "次数", label: "逾期报送次数", type: .integer)
    times.unit = "次"
    model.inputs = [
      satisfaction, income, kind, times,
      PackModel.Input(id: "fraud", label: "存在弄虚作假", type: .boolean),
      PackModel.Input(id: "x", label: "日常考核得分", type: .number),
    ]
    model.components = [PackModel.Component(id: "评议", label: "述职评议")]
    model.grades = PackModel.Grades(bands: [
      PackModel.GradeBand(grade: "优秀", min: 90), PackModel.GradeBand(grade: "合格", min: 0, below: 90),
    ])
    return FormulaWords(names: RenderNames(model: model))
  }()

  @Test(arguments: [
    ("满意度 >= 60", "群众满意度不低于 60 分"),
    ("60 <= 满意度", "群众满意度不低于 60 分"),
    ("jtsr > 10", "村集体经济年经营性收入超过 10 万元"),
    ("满意度 < 60", "群众满意度低于 60 分"),
    ("满意度 <= 60", "群众满意度不超过 60 分"),
    ("fraud", "存在弄虚作假"),
    ("not fraud", "“存在弄虚作假”为否"),
    ("fraud = false", "“存在弄虚作假”为否"),
    ("not 满意度 >= 60", "群众满意度低于 60 分"),
    ("类别 = '一类'", "村类别为“一类”"),
    ("类别 != '一类'", "村类别为“二类”或“三类”"),
    ("grade = '优秀'", "等次为“优秀”"),
    ("grade != '优秀'", "等次不为“优秀”"),
    ("stars >= 5 and grade = '优秀'", "星级不低于 5 星且等次为“优秀”"),
    ("类别 = '一类' and (total < 60 or fraud)", "村类别为“一类”且（总分低于 60 分或存在弄虚作假）"),
    ("AND(fraud, 评议 >= 8)", "存在弄虚作假且述职评议得分不低于 8 分"),
    ("x * 30% >= 20", "日常考核得分 × 30%不低于 20"),
  ])
  func conditions(_ formula: String, _ expected: String) {
    #expect(Self.words.condition(formula) == .words(expected))
  }

  @Test(arguments: [
    ("x * 30%", "日常考核得分 × 30%"),
    ("x * 0.3", "日常考核得分 × 0.3"),
    ("(x + 满意度) / 2", "（日常考核得分 + 群众满意度） ÷ 2"),
    ("x - 5 * 次数", "日常考核得分 − 5 × 逾期报送次数"),
    ("MIN(x * 20%, 20)", "日常考核得分 × 20%，最高 20"),
    ("MAX(x - 5 * 次数, 0)", "日常考核得分 − 5 × 逾期报送次数，最低 0"),
    ("CLAMP(x, 0, 100)", "日常考核得分，最低 0、最高 100"),
    ("ROUND(x / 满意度 * 100, 2)", "日常考核得分 ÷ 群众满意度 × 100，四舍五入保留 2 位小数"),
    ("ROUNDDOWN(x, 0)", "日常考核得分，去尾法取整"),
    ("AVERAGE(x, 满意度)", "日常考核得分、群众满意度的平均值"),
    ("SUM(x, 满意度, 5)", "日常考核得分、群众满意度、5之和"),
    ("x", "日常考核得分"),
    ("5", "5"),
  ])
  func amounts(_ formula: String, _ expected: String) {
    #expect(Self.words.amount(formula) == .words(expected))
  }

  /// Shapes the translator does not put into words stay formulas, never a paraphrase.
  @Test(arguments: [
    "if fraud then 0 else x", "IF(fraud, 0, x)", "COUNT(x >= 60, 满意度 >= 60)", "ABS(x - 60)", "MEDIAN(x, 满意度, 5)",
    "MIN(x, 20) * 2", "not (fraud or x > 1)", "类别 = 类别", "unknownName", "x +",
  ])
  func otherShapesStayFormulas(_ formula: String) {
    #expect(Self.words.amount(formula) == .formula(formula))
    #expect(Self.words.condition(formula) == .formula(formula))
  }

  @Test func numbersAsWritten() {
    #expect(Self.words.literal("30%") == "30%")
    #expect(Self.words.literal("0.50") == "0.5")
    #expect(Self.words.literal("12.5%") == "12.5%")
    #expect(Self.words.literal("x") == nil)
    #expect(PackRenderer.percent(ExactDecimal(significand: 3, scale: 1)) == "30%")
    #expect(PackRenderer.percent(ExactDecimal(significand: 125, scale: 3)) == "12.5%")
    #expect(PackRenderer.chineseNumber(12) == "十二")
    #expect(PackRenderer.chineseNumber(20) == "二十")
  }
}

/// The command itself: formats, files, mistakes.
@Suite struct RenderCommandTests {
  @Test func helpDescribesTheCommand() {
    let run = Run("render", "--help")
    #expect(run.code == 0)
    #expect(run.out.hasPrefix("pbk render — "))
    #expect(run.out.contains("EXAMPLES") && run.out.contains("EXIT CODES"))
    #expect(Run("--help").out.contains("render PACK"))
  }

  @Test func markdownByDefault() {
    let run = Run("render", CLIPaths.repository + "/RulePacks/dazhou/pack.json")
    #expect(run.code == 0)
    #expect(run.out.hasPrefix("# 达州市基层党组织书记党建工作年度考评\n"))
    #expect(run.out.contains("## 三、一票否决"))
    #expect(run.err.isEmpty)
  }

  @Test func htmlToAFileByItsName() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pbk-render-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/细则.html"
    let run = Run("render", CLIPaths.repository + "/RulePacks/zhungeer/pack.json", "--output", path)
    #expect(run.code == 0)
    #expect(run.out.isEmpty)
    let html = try String(contentsOfFile: path, encoding: .utf8)
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(html.contains("<h2>五、星级评定</h2>"))
    // Only the output is left in the folder: no unfinished temporary file.
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["细则.html"])
    let markdown = folder + "/细则.txt"
    #expect(
      Run("render", CLIPaths.repository + "/RulePacks/zhungeer/pack.json", "--output", markdown, "--format", "md").code
        == 0)
    #expect(try String(contentsOfFile: markdown, encoding: .utf8).hasPrefix("# 准格尔旗"))
  }

  @Test func aPackWithHostFunctionsListsThem() {
    let run = Run("render", CLIPaths.repository + "/RulePacks/examples/host-functions/pack.json")
    #expect(run.code == 0)
    #expect(run.out.contains("- 外部函数：学习积分折算(数值) → 数值，取值 0–20，至多 1 位小数（按平台年度折算表折算学习强国积分）"))
    #expect(run.out.contains("`学习积分折算(学习强国积分) * 5`"))
  }

  @Test func mistakes() {
    #expect(Run("render").code == 64)
    #expect(Run("render", "a.json", "b.json").code == 64)
    let format = Run("render", CLIPaths.repository + "/RulePacks/dazhou/pack.json", "--format", "pdf")
    #expect(format.code == 64)
    #expect(format.err.hasPrefix("pbk render: --format is md or html, not 'pdf'"))
    let invalid = Run("render", CLIPaths.invalidPacks + "/misspelt-key.json")
    #expect(invalid.code == 1)
    #expect(invalid.err.contains("the pack has problems"))
    // The output may not be the pack itself.
    let pack = CLIPaths.repository + "/RulePacks/dazhou/pack.json"
    let same = Run("render", pack, "--output", pack)
    #expect(same.code == 1)
    #expect(same.err.contains("is the input file"))
  }
}
