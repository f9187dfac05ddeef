import PartyBuildingKit

/// One subject under both packs, from its explained assessments: total and grade, component and section scores,
/// and the rules whose contribution differs.
struct SubjectDiff {
  /// What became of the subject under one pack.
  enum Side {
    case scored(Assessment)
    case rejected(AssessmentError)
    case notFound
  }

  /// A score under each pack (nil: the part is not in that pack) and the change.
  struct Row: Equatable {
    var name: String
    var old: ExactDecimal?
    var new: ExactDecimal?

    var delta: ExactDecimal? {
      guard let old, let new else { return nil }
      return try? new.subtracting(old)
    }
  }

  var id: String
  var name: String
  var old: Side
  var new: Side
  /// Every component's score under each pack (by component id).
  var components: [Row] = []
  /// The sections whose score differs.
  var sections: [Row] = []
  /// The rules (and caps, floors, vetoes that move points) whose contribution differs, a rule counted as 0 in a
  /// pack where it is but did not fire.
  var rules: [Row] = []

  init(id: String, old: Side, new: Side, oldModel: PackModel, newModel: PackModel) {
    self.id = id
    self.old = old
    self.new = new
    name = ""
    for side in [old, new] {
      if case .scored(let assessment) = side, name.isEmpty { name = assessment.subject.name }
    }
    guard case .scored(let a) = old, case .scored(let b) = new else { return }

    // Components and sections by id, in the new pack's order, then those only in the old one.
    components = Self.rows(
      old: a.components.filter { !$0.notApplicable }.map { ($0.id, $0.label, $0.score) },
      new: b.components.filter { !$0.notApplicable }.map { ($0.id, $0.label, $0.score) })
    sections = Self.rows(
      old: a.sections.map { ($0.id, $0.label, $0.score) }, new: b.sections.map { ($0.id, $0.label, $0.score) }
    ).filter { $0.old != $0.new }

    // Rules paired as the structural diff pairs them; points by the trace.
    let oldParts = ModelParts(oldModel)
    let newParts = ModelParts(newModel)
    let pairs = RuleMatching.pairs(old: oldParts.rulePlaces, new: newParts.rulePlaces)
    var keyOfOld: [String: String] = [:]
    var keyOfNew: [String: String] = [:]
    var names: [String: String] = [:]
    var order: [String] = []
    for (index, place) in newParts.rulePlaces.enumerated() {
      keyOfNew[place.traceID] = pairs.newKey[index]
      names[pairs.newKey[index]] = place.name
      order.append(pairs.newKey[index])
    }
    for (index, place) in oldParts.rulePlaces.enumerated() {
      keyOfOld[place.traceID] = pairs.oldKey[index]
      if names[pairs.oldKey[index]] == nil {
        names[pairs.oldKey[index]] = place.name
        order.append(pairs.oldKey[index])
      }
    }
    // Every rule of a pack starts at 0 in it; what is not a rule (a cap, a floor, a veto) is named as it comes.
    var oldPoints = Dictionary(uniqueKeysWithValues: pairs.oldKey.map { ($0, ExactDecimal.zero) })
    var newPoints = Dictionary(uniqueKeysWithValues: pairs.newKey.map { ($0, ExactDecimal.zero) })
    func add(_ assessment: Assessment, ruleKeys: [String: String], into points: inout [String: ExactDecimal]) {
      for entry in assessment.trace {
        guard let value = entry.points, entry.kind != .component, entry.kind != .total else { continue }
        let key: String
        if let ruleKey = ruleKeys[entry.ruleID], [.award, .deduction, .bonus, .zeroed].contains(entry.kind) {
          key = ruleKey
        } else {
          key = "\(entry.kind.rawValue) \(entry.ruleID)"
          if names[key] == nil {
            names[key] = Self.adjustmentName(entry, sections: assessment.sections)
            order.append(key)
          }
        }
        points[key] = (try? (points[key] ?? .zero).adding(value)) ?? points[key]
      }
    }
    add(a, ruleKeys: keyOfOld, into: &oldPoints)
    add(b, ruleKeys: keyOfNew, into: &newPoints)
    rules = order.compactMap { key in
      let row = Row(name: names[key] ?? key, old: oldPoints[key], new: newPoints[key])
      return (row.old ?? .zero) == (row.new ?? .zero) ? nil : row
    }
  }

  /// What a trace line that moves points but is not a rule is: a section's cap or floor, a veto, a ledger entry.
  static func adjustmentName(_ entry: TraceEntry, sections: [SectionScore]) -> String {
    let section = sections.first { $0.id == entry.ruleID }
    switch entry.kind {
    case .cap: return "\(section.map { ModelParts.name(id: $0.id, label: $0.label) } ?? entry.ruleID) 封顶"
    case .floor: return "\(section.map { ModelParts.name(id: $0.id, label: $0.label) } ?? entry.ruleID) 扣完为止"
    case .veto: return "一票否决 \(entry.ruleID)"
    default: return entry.ruleID
    }
  }

  static func rows(old: [(String, String, ExactDecimal)], new: [(String, String, ExactDecimal)]) -> [Row] {
    var rows: [Row] = []
    for (id, label, score) in new {
      rows.append(Row(name: ModelParts.name(id: id, label: label), old: old.first { $0.0 == id }?.2, new: score))
    }
    for (id, label, score) in old where !new.contains(where: { $0.0 == id }) {
      rows.append(Row(name: ModelParts.name(id: id, label: label), old: score, new: nil))
    }
    return rows
  }
}
