import PartyBuildingKit

/// 二、考核内容与分值: the components with their weights, each section with its full marks and how it starts, every
/// rule in words.
extension PackRenderer {
  mutating func renderContent() {
    startPart("content", "考核内容与分值")
    let weighted =
      model.components.count > 1 || model.components.contains { $0.weight != nil && $0.weight != ExactDecimal(1) }
    var rows: [[[RenderDocument.Inline]]] = []
    for component in model.components {
      let marks = Self.fullMarks(of: component)
      var row: [[RenderDocument.Inline]] = [[.text(component.label ?? component.id)]]
      if weighted {
        row.append([.text(component.weight.map(Self.percent) ?? "—")])
      }
      row.append([.text(marks.map { "\($0) 分" } ?? "—")])
      if weighted {
        let counted = component.weight.flatMap { weight in marks.flatMap { try? weight.multiplying(by: $0) } }
        row.append([.text(counted.map { "\($0) 分" } ?? "—")])
      }
      rows.append(row)
    }
    let header = weighted ? ["考核内容", "权重", "满分", "计入总分"] : ["考核内容", "满分"]
    // A component's example mark is shown once, under its heading below.
    add(.table(header: header, rows: rows))
    var notes: [RenderDocument.Inline] = [.text("总分 = ")] + totalFormula() + [.text("。")]
    if let highest = pack.highestTotal {
      if highest > model.fullMarks { notes.append(.text("加分项另计，不计入满分，总分最高可达 \(highest) 分。")) }
    } else {
      notes.append(.text("加分项另计，不计入满分，且不设上限，总分没有最高分。"))
    }
    add(.paragraph(notes))
    let notApplicable = model.inputs.filter { $0.whenMissing == "notApplicable" }
    if !notApplicable.isEmpty {
      add(
        .paragraph([
          .text(
            "\(Self.quotedList(notApplicable.map { $0.label ?? $0.id }, last: "、"))未提供时为“不适用”：用到它的考核内容不计，"
              + "其余考核内容的权重按比例重新归一（满分不变）。")
        ]))
    }
    if model.components.contains(where: { $0.appliesTo != nil }) {
      add(
        .paragraph([
          .text(
            "部分考核内容只适用于特定对象（见各项说明）：对不适用的对象不计，总分按适用考核内容的权重折算为满分 \(model.fullMarks) 分。")
        ]))
    }
    for (index, component) in model.components.enumerated() {
      renderComponent(component, number: index + 1)
    }
  }

  mutating func renderComponent(_ component: PackModel.Component, number: Int) {
    var facts: [String] = []
    if let weight = component.weight, model.components.count > 1 || weight != ExactDecimal(1) {
      facts.append("权重 \(Self.percent(weight))")
    }
    if let marks = Self.fullMarks(of: component) { facts.append("满分 \(marks) 分") }
    let label = component.label ?? component.id
    add(
      .heading(
        level: 3,
        text: "（\(Self.chineseNumber(number))）\(label)" + (facts.isEmpty ? "" : "（\(facts.joined(separator: "，"))）")))
    addExample(component.exampleValue)
    if let condition = component.appliesTo {
      add(.paragraph([.text("适用对象：")] + Self.inline(words.condition(condition)) + [.text("；其他对象不计本部分。")]))
    }
    if let precision = component.precision {
      add(.paragraph([.text("本部分得分先\(Self.roundingName(rounding))保留 \(precision) 位小数，再按权重计入总分。")]))
    }
    if let score = component.score {
      add(.paragraph([.text("得分：")] + scoreWords(score)))
    }
    for (index, section) in (component.sections ?? []).enumerated() {
      renderSection(section, number: index + 1)
    }
  }

  /// A score formula: a fixed number, or the amount in words (or as written).
  func scoreWords(_ source: String) -> [RenderDocument.Inline] {
    if let number = words.literal(source) { return [.text("固定为 \(number) 分")] }
    return Self.inline(words.amount(source, unit: " 分"))
  }

  mutating func renderSection(_ section: PackModel.Section, number: Int) {
    let label = section.label ?? section.id
    let rules = section.rules ?? []
    let deducts = rules.contains { $0.kind == .deduct || $0.kind == .deductEach }
    let awards = rules.contains { $0.kind == .award || $0.kind == .awardEach }
    var facts: [String] = []
    if section.bonus == true {
      switch section.cap {
      case .uncapped?: facts.append("加分项，不设上限，不计入满分")
      case .points(let cap)?: facts.append("加分项，最多加 \(cap) 分，不计入满分")
      case nil: facts.append("加分项，最多加 \(section.fullMarks ?? .zero) 分，不计入满分")
      }
    } else {
      facts.append("满分 \(section.fullMarks ?? .zero) 分")
      let floor = section.floor ?? .zero
      // A label that already says 扣完为止 is not repeated.
      let floorWords = floor.isZero ? (label.contains("扣完为止") ? nil : "扣完为止") : "最低 \(floor) 分"
      switch section.startsAt {
      case nil where section.startsFrom != nil:
        facts.append("起始分按计算确定（见下）")
        if let floorWords { facts.append(floorWords) }
      case .full?:
        facts.append("从满分起扣")
        if let floorWords { facts.append(floorWords) }
        if awards { facts.append("加分后不超过满分") }
      case .zero?:
        facts.append("从 0 分起计")
        facts.append("超过满分的按满分计")
        if deducts, let floorWords { facts.append("扣分\(floorWords)") }
      case nil:
        if !floor.isZero { facts.append("最低 \(floor) 分") }
      }
    }
    add(.heading(level: 4, text: "\(number). \(label)（\(facts.joined(separator: "，"))）"))
    addExample(section.exampleValue)
    if let score = section.score {
      add(.paragraph([.text("得分：")] + scoreWords(score)))
    }
    if let start = section.startsFrom {
      add(.paragraph([.text("起始分：")] + Self.inline(words.amount(start, unit: " 分")) + [.text("，再按下列标准加减。")]))
    }
    guard !rules.isEmpty else { return }
    let rows = rules.enumerated().map { index, rule -> [[RenderDocument.Inline]] in
      [[.text(String(index + 1))], [.text(rule.label)], ruleWords(rule)]
    }
    addTable(["序号", "评分项目", "评分标准"], rows, remarks: rules.map(\.exampleValue))
  }

  /// A rule in words: “每次扣 2 分（按“…次数”计），最多扣 6 分”, “村集体经济年经营性收入不低于 10 万元的，加 5 分”.
  func ruleWords(_ rule: PackModel.Rule) -> [RenderDocument.Inline] {
    var out: [RenderDocument.Inline] = rule.when.map(conditionLead) ?? []
    let verb = rule.kind == .deduct || rule.kind == .deductEach ? "扣" : "加"
    switch rule.kind {
    case .zero:
      out.append(.text("本项记 0 分"))
      return out
    case .award, .deduct:
      guard let points = rule.points else { break }
      if let number = words.literal(points) {
        out.append(.text("\(verb) \(number) 分"))
      } else if let name = words.name(points), let entry = names[name] {
        out.append(.text("按\(Self.quoted(entry.words))\(verb)分"))
      } else {
        out += [.text("\(verb)分：")] + Self.inline(words.amount(points, unit: " 分"))
      }
    case .awardEach, .deductEach:
      guard let points = rule.points, let count = rule.count else { break }
      if let number = words.literal(points), let name = words.name(count), let entry = names[name],
        let measure = Self.measureWord(entry)
      {
        out.append(.text("每\(measure)\(verb) \(number) 分（按\(Self.quoted(entry.words))计）"))
      } else {
        out += [.text("\(verb)分：")] + factor(count) + [.text(" × ")] + factor(points)
      }
    }
    if let max = rule.max { out.append(.text("，最多\(verb) \(max) 分")) }
    return out
  }

  /// A factor of a product: a number or a name as it is, anything longer in （）.
  func factor(_ source: String) -> [RenderDocument.Inline] {
    if let number = words.literal(source) { return [.text(number)] }
    if let name = words.name(source), let entry = names[name] { return [.text(entry.words)] }
    switch words.amount(source) {
    case .words(let text): return [.text("（\(text)）")]
    case .formula(let formula): return [.code(formula)]
    }
  }

  /// The measure word of a count: its unit (次, 个, 所, 小时), or the one its label ends with (…次数 → 次).
  static func measureWord(_ entry: RenderNames.Entry) -> String? {
    if let unit = entry.unit, !unit.isEmpty, unit != "%", unit != "分" { return unit }
    for (ending, word) in [("次数", "次"), ("个数", "个"), ("人数", "人"), ("项数", "项"), ("所数", "所"), ("件数", "件"), ("天数", "天")]
    where entry.words.hasSuffix(ending) {
      return word
    }
    return nil
  }
}
