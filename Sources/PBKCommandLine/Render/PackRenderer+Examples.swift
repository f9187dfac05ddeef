import PartyBuildingKit

extension PackRenderer {
  /// The note of every part of `model` marked `exampleValue`, in the order the document shows them: what the
  /// document marks ⚠ 原文未给出: the same places ``RulePack/exampleValues`` lists, in the document's order.
  static func exampleNotes(in model: PackModel) -> [String] {
    var notes: [String?] = []
    for component in model.components {
      notes.append(component.exampleValue)
      for section in component.sections ?? [] {
        notes.append(section.exampleValue)
        notes += (section.rules ?? []).map(\.exampleValue)
      }
    }
    if let ballots = model.ballots {
      notes += (ballots.scales ?? []).map(\.exampleValue)
      notes += ballots.items.map(\.exampleValue)
    }
    for period in model.periods ?? [] {
      notes += (period.checks ?? []).map(\.exampleValue)
      notes.append(period.exampleValue)
    }
    if let ledger = model.ledger {
      notes.append(ledger.exampleValue)
      notes += (ledger.categories ?? []).map(\.exampleValue)
      notes += ledger.rules.map(\.exampleValue)
    }
    notes += (model.vetoes ?? []).map(\.exampleValue)
    notes += (model.grades?.bands ?? []).map(\.exampleValue)
    notes += (model.stars?.items ?? []).map(\.exampleValue)
    notes += (model.stars?.levels ?? []).map(\.exampleValue)
    notes += (model.outcomes ?? []).map(\.exampleValue)
    notes += (model.consequences ?? []).map(\.exampleValue)
    notes += (model.cohort?.labels ?? []).map(\.exampleValue)
    notes += (model.cohort?.quotas ?? []).map(\.exampleValue)
    notes += (model.values ?? []).map(\.exampleValue)
    notes += model.inputs.map(\.exampleValue)
    notes += (model.checks ?? []).map(\.exampleValue)
    return notes.compactMap { $0 }
  }
}
