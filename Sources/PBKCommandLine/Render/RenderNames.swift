import PartyBuildingKit

/// What a formula's names mean to a reader: each input, value, section, component, ballot item, period and ledger
/// of a pack by the name formulas use, with the label a person reads, its unit and what kind of value it is.
struct RenderNames {
  /// What kind of value a name holds, as far as putting it into words needs.
  enum Kind {
    /// A number (a score, a count, an amount).
    case number
    /// 是/否.
    case boolean
    /// One of a list of texts (the list, when known).
    case choice([String])
  }

  struct Entry {
    /// What a person reads for it in a sentence, e.g. 述职评议平均满意度, 组织建设得分.
    var words: String
    var unit: String?
    var kind: Kind
  }

  private(set) var entries: [String: Entry] = [:]

  init(model: PackModel) {
    entries["total"] = Entry(words: "总分", unit: "分", kind: .number)
    entries["grade"] = Entry(words: "等次", unit: nil, kind: .choice(model.grades?.bands.map(\.grade) ?? []))
    entries["stars"] = Entry(words: "星级", unit: "星", kind: .number)
    for input in model.inputs {
      let kind: Kind
      switch input.type {
      case .boolean: kind = .boolean
      case .choice: kind = .choice(input.choices ?? [])
      default: kind = .number
      }
      entries[input.id] = Entry(words: input.label ?? input.id, unit: input.unit, kind: kind)
    }
    for component in model.components {
      entries[component.id] = Entry(words: Self.score(component.label ?? component.id), unit: "分", kind: .number)
      for section in component.sections ?? [] {
        entries[section.id] = Entry(words: Self.score(section.label ?? section.id), unit: "分", kind: .number)
      }
    }
    if let ballots = model.ballots {
      let scales = Dictionary((ballots.scales ?? []).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
      for item in ballots.items {
        let label = item.label ?? item.id
        switch item.score {
        case "average", "trimmedMean", "median":
          entries[item.id] = Entry(words: item.from == nil ? "\(label)（测评平均分）" : "\(label)（测评得分）", unit: nil, kind: .number)
        case "share":
          entries[item.id] = Entry(words: "\(label)（选\((item.choice ?? "").inQuotes)的比例）", unit: "%", kind: .number)
        default: entries[item.id] = Entry(words: label, unit: "%", kind: .number)
        }
        guard let scale = item.scale.flatMap({ scales[$0] }) else { continue }
        for choice in scale.choices {
          entries["\(item.id):\(choice)"] = Entry(words: "\(label)选\(choice.inQuotes)的票数", unit: "票", kind: .number)
          for group in item.raters ?? [] {
            entries["\(item.id):\(group.id):\(choice)"] = Entry(
              words: "\(label)中\(group.label ?? group.id)选\(choice.inQuotes)的票数", unit: "票", kind: .number)
          }
        }
      }
    }
    for period in model.periods ?? [] {
      let label = period.label ?? period.id
      entries[period.id] = Entry(words: label, unit: period.unit, kind: .number)
      for part in period.parts {
        entries["\(period.id):\(part)"] = Entry(words: "\(label)（\(part)）", unit: period.unit, kind: .number)
      }
      for check in period.checks ?? [] {
        entries[check.id] = Entry(words: "\(check.label ?? check.id)的期数", unit: nil, kind: .number)
      }
    }
    if let ledger = model.ledger {
      entries[ledger.id] = Entry(words: ledger.label ?? ledger.id, unit: "分", kind: .number)
    }
    // Values last but in order: a value's kind may follow from earlier names (a value that is a condition).
    for value in model.values ?? [] {
      let kind: Kind = FormulaWords.isCondition(value.formula, names: self) ? .boolean : .number
      entries[value.id] = Entry(words: value.label ?? value.id, unit: nil, kind: kind)
    }
  }

  subscript(name: String) -> Entry? { entries[name] }

  /// A section's or component's label as its score: 组织建设 → 组织建设得分 (a label that already ends in 分 is kept).
  static func score(_ label: String) -> String {
    label.hasSuffix("分") ? label : label + "得分"
  }
}
