/// The outcome of assessing one subject: scores, grade, stars, vetoes, consequences and the trace behind them.
public struct Assessment: Sendable, Equatable {
  /// The subject assessed, as the input gave it (id, name, kind, parent, `#` attributes).
  public var subject: Subject
  /// The period assessed (考核期), when the input gave one (a `period`/`考核期` column or key); nil otherwise.
  public var period: AssessmentPeriod?
  /// The identifier of the scheme that produced it.
  public var schemeID: String
  /// The final score, rounded as the scheme declares (a rule pack's `precision` and `rounding`).
  public var total: ExactDecimal
  /// The highest total the scheme allows without bonuses (满分).
  public var fullMarks: ExactDecimal
  /// Each weighted component, in declared order.
  public var components: [ComponentScore]
  /// Each section, in declared order (sections of all components).
  public var sections: [SectionScore]
  /// The grade (等次), or nil when no grade is given (no bands declared, or a veto withheld it).
  public var grade: String?
  /// The star level (星级), or nil when the scheme has no stars.
  public var stars: Int?
  /// The star items earned, by id, in declared order.
  public var starItems: [String]
  /// The vetoes (一票否决) that fired.
  public var vetoes: [FiredVeto]
  /// The consequences that follow from the result (e.g. 取消评先评优资格).
  public var consequences: [FiredConsequence]
  /// Everything that added, deducted or decided something, in the order it happened.
  public var trace: [TraceEntry]
  /// When the result is void (e.g. a vote without a quorum): why. A void result has no grade and no stars, and
  /// its total is not a score; it is left out of any cohort.
  public var voidReason: String? = nil
  /// The rank within its cohort group (1 = best; ties share a rank), once the cohort stage has run.
  public var rank: Int? = nil
  /// How many subjects were ranked in its cohort group, once the cohort stage has run.
  public var cohortSize: Int? = nil
  /// The cohort group it was ranked in (e.g. its 乡镇); empty for the whole input.
  public var cohortGroup: String? = nil
  /// Labels given by share (e.g. 相对后进 for the bottom 5%), once the cohort stage has run.
  public var labels: [CohortLabel] = []
  /// Quota moves, in words (e.g. 优秀名额已满，按排名调为良好), once the cohort stage has run.
  public var quotaMoves: [String] = []
  /// What the cohort stage needs of this subject (filled when the scheme has a cohort stage).
  public var cohortEntry: CohortEntry? = nil
  /// What it would take to reach the next grade or star level (filled when ``RulePack/findsWhatItTakes`` is on).
  public var whatItTakes: WhatItTakes? = nil
  /// The numeric outcomes worked out from the result (`outcomes`: 工作经费系数, 奖励金额), in declared order.
  public var outcomes: [OutcomeValue] = []

  /// Creates an assessment from its parts; the cohort fields, ``voidReason`` and ``whatItTakes`` start empty.
  ///
  /// Schemes written in Swift (``AssessmentScheme``) build their results with this; a ``RulePack`` builds its own.
  /// Nothing is checked: `total` is taken as the scheme computed it.
  public init(
    subject: Subject, period: AssessmentPeriod? = nil, schemeID: String, total: ExactDecimal,
    fullMarks: ExactDecimal, components: [ComponentScore] = [], sections: [SectionScore] = [],
    grade: String? = nil, stars: Int? = nil, starItems: [String] = [], vetoes: [FiredVeto] = [],
    consequences: [FiredConsequence] = [], trace: [TraceEntry] = []
  ) {
    self.subject = subject
    self.period = period
    self.schemeID = schemeID
    self.total = total
    self.fullMarks = fullMarks
    self.components = components
    self.sections = sections
    self.grade = grade
    self.stars = stars
    self.starItems = starItems
    self.vetoes = vetoes
    self.consequences = consequences
    self.trace = trace
  }
}

/// The score of one weighted component (e.g. 年底考核 ×50%).
public struct ComponentScore: Sendable, Hashable {
  /// The component's id, as declared in the pack (e.g. `年底`); unique within the pack.
  public var id: String
  /// The name a person reads, e.g. 年底考核.
  public var label: String
  /// The component's own score, out of its full marks (e.g. 87 out of 100).
  public var score: ExactDecimal
  /// The weight as a fraction (0.5 for 50%).
  public var weight: ExactDecimal
  /// score × weight, exact (before the total is rounded).
  public var weighted: ExactDecimal
  /// Whether the component was left out because an input it uses is not applicable (its score is then no score,
  /// and the other weights were re-normalised).
  public var notApplicable = false

  /// Creates a component score; ``notApplicable`` starts false.
  public init(id: String, label: String, score: ExactDecimal, weight: ExactDecimal, weighted: ExactDecimal) {
    self.id = id
    self.label = label
    self.score = score
    self.weight = weight
    self.weighted = weighted
  }
}

/// The score of one section (评分项目) of a component.
public struct SectionScore: Sendable, Hashable, Codable {
  /// The section's id, as declared in the pack; unique within the pack.
  public var id: String
  /// The name a person reads, e.g. 硬性指标.
  public var label: String
  /// The id of the component the section belongs to (``ComponentScore/id``).
  public var componentID: String
  /// The section's score, exact: what its rules (or its score formula) gave, kept between its floor and its full
  /// marks (a bonus section: its cap).
  public var score: ExactDecimal
  /// The section's full marks (for a bonus section: its cap).
  public var fullMarks: ExactDecimal

  /// Creates a section score.
  public init(id: String, label: String, componentID: String, score: ExactDecimal, fullMarks: ExactDecimal) {
    self.id = id
    self.label = label
    self.componentID = componentID
    self.score = score
    self.fullMarks = fullMarks
  }
}

/// A one-vote veto (一票否决) that fired, and what it did.
public struct FiredVeto: Sendable, Hashable, Codable {
  /// The veto's id, as declared in the pack.
  public var id: String
  /// The veto as a person reads it, e.g. 受到党纪处分.
  public var label: String
  /// What the veto did, in words, e.g. "总分记为0" or "等次最高为一般".
  public var effect: String

  /// Creates a fired veto.
  public init(id: String, label: String, effect: String) {
    self.id = id
    self.label = label
    self.effect = effect
  }
}

/// A numeric outcome of the result (`outcomes` in a pack), e.g. 工作经费系数 1.1.
public struct OutcomeValue: Sendable, Hashable, Codable {
  /// The outcome's id, as declared in the pack.
  public var id: String
  /// The outcome as a person reads it, e.g. 工作经费系数.
  public var label: String
  /// Its value, exactly as worked out.
  public var value: ExactDecimal

  /// Creates an outcome's value.
  public init(id: String, label: String, value: ExactDecimal) {
    self.id = id
    self.label = label
    self.value = value
  }
}

/// A consequence of the result (e.g. 取消评先评优资格, 中止提拔程序) and why it follows.
public struct FiredConsequence: Sendable, Hashable, Codable {
  /// The consequence's id, as declared in the pack.
  public var id: String
  /// The consequence as a person reads it, e.g. 取消评先评优资格.
  public var label: String
  /// Why it follows, e.g. "等次为一般" or "一票否决：受到党纪处分".
  public var reason: String

  /// Creates a consequence that follows.
  public init(id: String, label: String, reason: String) {
    self.id = id
    self.label = label
    self.reason = reason
  }
}
