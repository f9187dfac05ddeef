/// Where a scored part of a pack is written — a check across inputs, a component for a class of subject, a rule,
/// veto, grade band, star item or level, consequence, cohort label or quota — so that a report about it (test
/// coverage) can name its place.
///
/// The compiled structures keep ids, labels and formulas; this is the one thing they keep of the file. It is read
/// only when a report is made, never while scoring.
struct PackSite: Sendable, Hashable {
  /// The object's JSON pointer, e.g. `/components/1/sections/0/rules/2`.
  var pointer: JSONPointer = .root
  /// Where the object starts (its `{`).
  var location = SourceLocation(line: 0, column: 0)
  /// The key of its condition (`when`, `earnedWhen`, `rejectWhen`, `appliesTo`), when it has one.
  var conditionKey: String? = nil
  /// Where the condition's value starts.
  var conditionLocation: SourceLocation? = nil

  init() {}

  /// The place of `object`, and of its condition under `conditionKey` when it gives one.
  init(_ object: ObjectNode, condition conditionKey: String? = nil) {
    pointer = object.pointer
    location = object.location
    if let conditionKey, let node = object[conditionKey] {
      self.conditionKey = conditionKey
      conditionLocation = node.location
    }
  }

  /// The condition's JSON pointer, e.g. `/vetoes/2/when`; nil without a condition.
  var conditionPointer: JSONPointer? { conditionKey.map { pointer.appending($0) } }
}
