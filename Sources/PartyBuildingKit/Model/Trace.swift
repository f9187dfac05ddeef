/// One line of an assessment's explanation: what happened, by which rule, from which facts.
///
/// A trace entry with `points` changed a score by exactly that many points (negative for a deduction);
/// entries without points record a decision (a cap reached, a veto, a grade).
public struct TraceEntry: Sendable, Hashable, Codable {
  /// What kind of step this is.
  public enum Kind: String, Sendable, Hashable, Codable {
    case input, value, start, award, deduction, cap, floor, zeroed, bonus, section, component, total,
      rounding, veto, grade, stars, starItem, consequence, note, cohort, missing, ballot, period,
      /// A call of a host function (``HostFunction``), with its arguments and result.
      function
  }

  public var kind: Kind
  /// The rule's id, or the id of the section, component, veto… it belongs to.
  public var ruleID: String
  /// What a person reads, e.g. "村(社区)阵地建设任务未按时完成 −5".
  public var message: String
  /// The change in points, signed; nil when the step changed no score.
  public var points: ExactDecimal?
  /// The facts behind it: name and value as given, e.g. ("overdueTasks", "1").
  public var facts: [Fact]
  /// The section or component it belongs to, when it belongs to one.
  public var scope: String?

  public init(
    kind: Kind, ruleID: String, message: String, points: ExactDecimal? = nil, facts: [Fact] = [],
    scope: String? = nil
  ) {
    self.kind = kind
    self.ruleID = ruleID
    self.message = message
    self.points = points
    self.facts = facts
    self.scope = scope
  }
}

/// A named fact and its value, as shown in a trace.
public struct Fact: Sendable, Hashable, Codable, CustomStringConvertible {
  public var name: String
  public var label: String
  public var value: String

  public init(name: String, label: String, value: String) {
    self.name = name
    self.label = label
    self.value = value
  }

  public var description: String {
    label.isEmpty || label == name ? "\(name) = \(value)" : "\(label)(\(name)) = \(value)"
  }
}
