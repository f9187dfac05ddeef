import PartyBuildingKit

/// Writes a loaded pack as a 考核细则 a person reads: what is scored and how, in Chinese, from the pack's model.
///
/// Parts appear only when the pack has them, numbered 一、二、三… in this order: 基本信息, 关联考核结果, 考核内容与分值, 民主测评,
/// 分期记录, 积分台账, 一票否决, 等次评定, 星级评定, 结果运用, 群体评价, 计算口径, 考核数据项, 原文摘录. Every part
/// marked `exampleValue` carries a visible mark (⚠ 原文未给出) with its note.
struct PackRenderer {
  let pack: RulePack
  let model: PackModel
  let names: RenderNames
  let words: FormulaWords
  var document: RenderDocument
  /// The number of the next part (一、二、…).
  private var part = 0
  /// The heading of each part written, by key, for references between parts.
  private var partHeadings: [String: String] = [:]

  init(pack: RulePack) {
    self.pack = pack
    model = pack.model
    names = RenderNames(model: model)
    words = FormulaWords(names: names)
    document = RenderDocument(title: model.title)
  }

  /// The whole document.
  static func document(for pack: RulePack) -> RenderDocument {
    var renderer = PackRenderer(pack: pack)
    renderer.render()
    return renderer.document
  }

  mutating func render() {
    add(.heading(level: 1, text: model.title))
    add(.paragraph([.text("考核细则（由规则包 \(model.id) \(model.version) 生成）")]))
    renderBasics()
    if !(model.links ?? []).isEmpty { renderLinks() }
    renderContent()
    if model.ballots != nil { renderBallots() }
    if !(model.periods ?? []).isEmpty { renderPeriods() }
    if model.ledger != nil { renderLedger() }
    if model.previous != nil { renderPrevious() }
    if !(model.vetoes ?? []).isEmpty { renderVetoes() }
    if model.grades != nil { renderGrades() }
    if model.stars != nil { renderStars() }
    if !(model.outcomes ?? []).isEmpty { renderOutcomes() }
    if !(model.consequences ?? []).isEmpty { renderConsequences() }
    if model.cohort != nil { renderCohort() }
    if !(model.values ?? []).isEmpty { renderValues() }
    if !model.inputs.isEmpty { renderInputs() }
    if !(model.checks ?? []).isEmpty { renderChecks() }
    if let excerpt = model.source.excerpt, !excerpt.trimmingSpaces.isEmpty { renderExcerpt(excerpt) }
  }

  // MARK: Building blocks

  mutating func add(_ block: RenderDocument.Block) { document.blocks.append(block) }

  /// Starts part `title` (一、基本信息), remembered under `key`.
  mutating func startPart(_ key: String, _ title: String) {
    part += 1
    let heading = "\(Self.chineseNumber(part))、\(title)"
    partHeadings[key] = heading
    add(.heading(level: 2, text: heading))
  }

  /// The heading of a part already written, e.g. “三、一票否决”, for a reference.
  func reference(_ key: String) -> String? { partHeadings[key].map { "“\($0)”" } }

  /// A paragraph with the example mark of `note`, if any.
  mutating func addExample(_ note: String?) {
    if let note { add(.paragraph([.example(note)])) }
  }

  /// A table cell holding an example mark, or empty.
  static func exampleCell(_ note: String?) -> [RenderDocument.Inline] {
    note.map { [.example($0)] } ?? [.text("—")]
  }

  /// `phrase` as inline text: words as text, a formula as code.
  static func inline(_ phrase: Phrase) -> [RenderDocument.Inline] {
    switch phrase {
    case .words(let text): [.text(text)]
    case .formula(let formula): [.code(formula)]
    }
  }

  /// A condition leading a sentence: “村集体经济年经营性收入不低于 10 万元的，”.
  func conditionLead(_ source: String) -> [RenderDocument.Inline] {
    switch words.condition(source) {
    case .words(let text): [.text(text + "的，")]
    case .formula(let formula): [.code(formula), .text(" 成立的，")]
    }
  }

  /// `（表格）` rows with a remark column only when some row has a remark.
  mutating func addTable(_ header: [String], _ rows: [[[RenderDocument.Inline]]], remarks: [String?]) {
    if remarks.allSatisfy({ $0 == nil }) {
      add(.table(header: header, rows: rows))
    } else {
      add(.table(header: header + ["备注"], rows: zip(rows, remarks).map { $0 + [Self.exampleCell($1)] }))
    }
  }

  // MARK: Numbers and words

  /// 1 → 一, 12 → 十二, 20 → 二十.
  static func chineseNumber(_ number: Int) -> String {
    let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
    guard number >= 1, number < 100 else { return String(number) }
    if number < 10 { return digits[number] }
    let tens = number / 10
    let ones = number % 10
    return (tens == 1 ? "" : digits[tens]) + "十" + (ones == 0 ? "" : digits[ones])
  }

  /// A share as a percentage: 0.3 → 30%.
  static func percent(_ value: ExactDecimal) -> String { TraceWording.percent(value) }

  /// A rounding rule's Chinese name: the explanation's wording.
  static func roundingName(_ rule: RoundingRule) -> String { TraceWording.roundingName(rule) }

  var precision: Int { model.precision ?? 2 }
  var rounding: RoundingRule { model.rounding ?? .halfUp }

  /// Items in quotes, with no 顿号 between quoted items (GB/T 15834): “一般”“较差”或“不合格”.
  static func quotedList(_ items: [String], last: String = "或") -> String {
    let quoted = items.map(\.inQuotes)
    guard quoted.count > 1 else { return quoted.first ?? "" }
    return quoted.dropLast().joined() + last + quoted.last!
  }

  static func quoted(_ text: String) -> String { text.inQuotes }

  /// A component's full marks: as given, or the sum of its sections' (bonus sections do not count).
  static func fullMarks(of component: PackModel.Component) -> ExactDecimal? {
    if let given = component.fullMarks { return given }
    var sum = ExactDecimal.zero
    for section in component.sections ?? [] where section.bonus != true {
      guard let marks = section.fullMarks, let next = try? sum.adding(marks) else { return nil }
      sum = next
    }
    return sum
  }

  /// What an input is called: its label, or its id.
  func inputLabel(_ id: String) -> String {
    model.inputs.first { $0.id == id }?.label ?? id
  }

  // MARK: 一、基本信息

  mutating func renderBasics() {
    startPart("basics", "基本信息")
    var items: [[RenderDocument.Inline]] = []
    let source = model.source
    items.append([.text("依据文件：\(source.document)" + (source.issuer.map { "（\($0)）" } ?? ""))])
    if let url = source.url { items.append([.text("原文地址：\(url)")]) }
    if let effective = model.effective {
      items.append([.text("适用期间：\(effective.from)" + (effective.until.map { " 至 \($0)" } ?? " 起"))])
    }
    if let kinds = model.subjectKinds, !kinds.isEmpty { items.append([.text("考核对象：\(kinds.joined(separator: "、"))")]) }
    var marks = "满分：\(model.fullMarks) 分"
    if let highest = pack.highestTotal {
      if highest > model.fullMarks { marks += "；含加分项，总分最高可达 \(highest) 分" }
    } else {
      marks += "；含不设上限的加分项，总分没有最高分"
    }
    items.append([.text(marks)])
    if let note = model.weightsNote { items.append([.text("权重说明：\(note)")]) }
    for function in model.requires?.functions ?? [] {
      items.append([.text("外部函数：")] + hostFunction(function))
    }
    let examples = Self.exampleNotes(in: model).count
    if examples > 0 {
      items.append([
        .text("原文未给出的内容：共 \(examples) 处，已按示例值填写，并在下文逐处标注“原文未给出”；正式使用前须按正式文件替换")
      ])
    }
    items.append([.text("规则包：\(model.id)，版本 \(model.version)")])
    add(.list(items))
    if let description = model.description, !description.trimmingSpaces.isEmpty {
      add(.paragraph([.text("说明：\(description)")]))
    }
  }

  /// Σ weight × component, kept to `precision` places with `rounding`.
  func totalFormula() -> [RenderDocument.Inline] {
    let parts = model.components.map { component -> String in
      let label = RenderNames.score(component.label ?? component.id)
      guard let weight = component.weight, weight != ExactDecimal(1) || model.components.count > 1 else { return label }
      return "\(label) × \(Self.percent(weight))"
    }
    return [.text(parts.joined(separator: " + ") + "，保留 \(precision) 位小数（\(Self.roundingName(rounding))）")]
  }

  /// `学习积分折算(数值) → 数值，0–20，至多 1 位小数（…）；由使用规则包的程序提供`.
  func hostFunction(_ function: PackModel.HostFunctionSpec) -> [RenderDocument.Inline] {
    func typeName(_ type: FormulaType) -> String {
      switch type {
      case .number: "数值"
      case .boolean: "是/否"
      case .text: "文字"
      }
    }
    var text =
      "\(function.name)(\(function.arguments.map(typeName).joined(separator: ", "))) → \(typeName(function.result.type))"
    if let min = function.result.min, let max = function.result.max { text += "，取值 \(min)–\(max)" }
    if let places = function.result.places { text += "，至多 \(places) 位小数" }
    if let label = function.label { text += "（\(label)）" }
    return [.text(text + "；由使用规则包的程序提供")]
  }
}
