/// One line of an assessment's explanation: what happened, by which rule, from which facts.
///
/// A trace entry with `points` changed a score by exactly that many points (negative for a deduction);
/// entries without points record a decision (a cap reached, a veto, a grade).
public struct TraceEntry: Sendable, Hashable, Codable {
  /// What kind of step this is.
  public enum Kind: String, Sendable, Hashable, Codable {
    /// A fact as the subject gave it (or that it was not given), e.g. 第一季度日常考核得分 = 90分.
    case input
    /// A named value a pack computes from the facts (`values`), with its formula.
    case value
    /// A section starts: its full marks, and whether it starts at full marks (扣分制) or at 0.
    case start
    /// A rule added points (`points` > 0).
    case award
    /// A rule deducted points (`points` < 0), e.g. 村(社区)阵地建设任务未按时完成 −5.
    case deduction
    /// A section reached its full marks (a bonus section: its cap); `points` is the excess not counted, negated.
    case cap
    /// A section reached its floor (扣完为止); `points` is what was over-deducted, given back.
    case floor
    /// A rule set its section to 0 (e.g. an item that scores nothing when a condition holds).
    case zeroed
    /// A rule of a bonus section (加分项) added points.
    case bonus
    /// A section's score: from its formula, or its result after its rules (`= 18 / 20`).
    case section
    /// A component's score and its weighted share, e.g. 年底考核 87 × 50% = 43.5.
    case component
    /// The total (总分), and how it was rounded when it was.
    case total
    /// A component's score rounded to its declared places before it was weighted.
    case rounding
    /// A one-vote veto (一票否决) fired, with what it did (total 0, a grade at most…), or a ledger's reset.
    case veto
    /// How the grade (等次) was decided: by score band, by a band's condition, or by a veto.
    case grade
    /// How the star level (星级) was decided.
    case stars
    /// A star item (e.g. of 准格尔旗 "10+X") earned or not.
    case starItem
    /// A consequence that follows, and why (e.g. 取消评先评优资格（因等次为一般）).
    case consequence
    /// A remark that changed nothing by itself (a ledger deduction that expired, or was not the highest of its
    /// incident).
    case note
    /// A decision of the cohort stage: the rank, a label given by share, a quota move.
    case cohort
    /// An input not given made a value or a component not applicable (不适用), and the weights were re-normalised.
    case missing
    /// The working of a ballot item (测评票: the tally, the trimmed votes, the score), or why the vote is void.
    case ballot
    /// How a value over periods (monthly, quarterly records) was aggregated.
    case period
    /// A call of a host function (``HostFunction``), with its arguments and result.
    case function
    /// A numeric outcome worked out from the result (`outcomes`), e.g. 工作经费系数 = 1.1.
    case outcome
  }

  /// What kind of step this is; a program can filter on it (e.g. the deductions only).
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

  /// Creates an entry; a scheme written in Swift explains its results with these.
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
  /// The fact's name as formulas use it: an input's or value's id (`overdueTasks`), or `#1`, `#2` for a host
  /// function's arguments.
  public var name: String
  /// The fact's name as a person reads it (an input's label); may equal ``name``.
  public var label: String
  /// The value as shown: a number's digits, 是/否, a choice.
  public var value: String

  /// A fact named `name` (read as `label`) with `value`.
  public init(name: String, label: String, value: String) {
    self.name = name
    self.label = label
    self.value = value
  }

  /// `label(name) = value`, or `name = value` when the label adds nothing.
  public var description: String {
    label.isEmpty || label == name ? "\(name) = \(value)" : "\(label)(\(name)) = \(value)"
  }
}
