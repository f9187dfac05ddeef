/// The compiled form of a rule pack: names resolved to slots, formulas compiled, ready to evaluate many times.
///
/// Evaluating a subject fills a buffer of ``ExactDecimal`` slots (inputs, then values, sections, components and
/// the total) and walks these arrays in order: no look-up by name and no allocation per rule.
struct PackProgram: Sendable {
  var inputs: [CompiledInput]
  var values: [CompiledValue]
  var components: [CompiledComponent]
  var sections: [CompiledSection]
  var vetoes: [CompiledVeto]
  var bands: [CompiledBand]
  var stars: CompiledStars?
  var consequences: [CompiledConsequence]
  var cohort: CompiledCohort?
  /// Numbers computed after the grade and stars (`outcomes`): a funding coefficient, a bonus amount.
  var outcomes: [CompiledValue] = []
  /// Checks across inputs (`checks`): a subject whose inputs contradict each other is rejected.
  var checks: [CompiledCheck] = []
  /// Ballot items and the vote's validity, computed before the values.
  var ballots: CompiledBallots? = nil
  /// Period declarations (`periods`), computed after the ballots and before the values.
  var periods: [CompiledPeriod] = []
  /// The points ledger (`ledger`), computed from the subject's events after the periods and before the values.
  var ledger: CompiledLedger? = nil
  /// Results of other packs read as inputs (`links`), filled in before the kernel runs.
  var links: [CompiledLink] = []
  /// Last period's results read as inputs (`previous`; PackCompiler+Previous.swift).
  var previous: CompiledPrevious? = nil
  /// For each value and each component: the not-applicable inputs (by index) it depends on.
  var notApplicableByValue: [[Int]] = []
  var notApplicableByComponent: [[Int]] = []
  /// Slot layout.
  var slotCount: Int
  var totalSlot: Int
  var gradeSlot: Int
  var starsSlot: Int
  /// The grade and the total as the score gave them, before any veto moved them (`gradeByScore`, `totalByScore`).
  var gradeByScoreSlot = 0
  var totalByScoreSlot = 0
  var precision: Int
  var rounding: RoundingRule
  var fullMarks: ExactDecimal
  /// Every symbol by slot, for rendering facts in a trace.
  var symbols: [FormulaSymbol]
  var symbolLabels: [String]

  /// The largest stack any of the pack's formulas needs (set once the program is built).
  var stackSize = 1
  /// Which optional stages the pack has, known once so that scoring a subject does not copy those stages' tables
  /// just to ask whether they are there.
  var hasBallots = false
  var hasLedger = false
  var hasCohort = false
  /// The pack's id, for messages.
  var packID = ""
  /// The host functions the pack requires (`"requires": {"functions": …}`), with the host's implementations when
  /// the pack was loaded with them; nil when it requires none.
  var hostFunctions: HostFunctionTable? = nil
  /// Every section's rules, end to end: the plan numbers rules this way.
  var rules: [CompiledRule] = []

  /// Rule number `index`, counting every section's rules in turn.
  func rule(_ index: Int) -> CompiledRule { rules[index] }

  func largestStack() -> Int {
    var formulas: [Formula?] = values.map(\.formula) + vetoes.map(\.when) + consequences.map(\.when)
    formulas += components.map(\.score) + sections.map(\.score) + sections.map(\.startFormula)
    formulas += outcomes.map(\.formula) + checks.map(\.rejectWhen)
    formulas += sections.flatMap { $0.rules.flatMap { [$0.when, $0.points, $0.count] } }
    formulas += (stars?.items.map(\.earnedWhen) ?? []) + (stars?.levels.map(\.when) ?? [])
    formulas += bands.map(\.when)
    // The cohort stage's keys and conditions are evaluated per subject on the same stack.
    formulas += (cohort?.keys.map(\.formula) ?? []) + [cohort?.exclude] + (cohort?.labels.map(\.alsoWhen) ?? [])
    // The ledger stage's conditions (a rule's `when` and `suspendedWhile`) too.
    formulas += ledger?.formulas ?? []
    return formulas.reduce(1) { max($0, $1?.stackSize ?? 0) }
  }
}

struct CompiledInput: Sendable {
  var declaration: InputDeclaration
  var slot: Int
  /// The default as a slot value, when the input is optional.
  var defaultSlotValue: ExactDecimal?
  /// Whether a subject without it is assessed without the components that use it (`"whenMissing": "notApplicable"`).
  var notApplicable = false
  /// The step "what it takes" searches in (`"step"`); nil: 1 for integers, the total's precision for numbers.
  var step: ExactDecimal? = nil
  /// Whether the input is one period of a `periods` declaration (missing: the declaration's policy decides).
  var periodPart = false
  /// The number of the previous field it is (`previous.fields`), when it is last period's result.
  var previousField: Int? = nil
  /// The class of subject it applies to (`appliesTo`, a condition on inputs every subject has); nil: every subject.
  /// A subject outside the class must not give it: it takes its default, or is not applicable.
  var appliesTo: Formula? = nil
}

struct CompiledValue: Sendable {
  var id: String
  var label: String
  var slot: Int
  var formula: Formula
  var facts: [Int]
}

enum RuleKind: String, Sendable {
  case award, deduct, awardEach, deductEach, zero

  var isDeduction: Bool { self == .deduct || self == .deductEach }
}

struct CompiledRule: Sendable {
  var id: String
  var label: String
  var kind: RuleKind
  var when: Formula?
  var points: Formula?
  var count: Formula?
  /// The most this rule can add or deduct in total (e.g. "每次扣2分，最多扣6分").
  var max: ExactDecimal?
  /// Slots of the facts the rule reads, for the trace.
  var facts: [Int]
  /// Where it is written (coverage reports).
  var site = PackSite()
}

struct CompiledSection: Sendable {
  var id: String
  var label: String
  var componentIndex: Int
  var slot: Int
  var fullMarks: ExactDecimal
  var floor: ExactDecimal
  var startsFull: Bool
  var isBonus: Bool
  var score: Formula?
  var scoreFacts: [Int]
  var rules: [CompiledRule]
  /// `startsFrom`: the value a section of rules starts from, worked out per subject (a base carried from last
  /// year); nil: its full marks or 0 (`startsAt`).
  var startFormula: Formula? = nil
  /// A bonus section with `"cap": "none"`: its awards are not capped. ``fullMarks`` is then the most they can add
  /// (known when every input they use is bounded) or ``CompiledSection/unbounded``.
  var uncapped = false

  /// The "cap" of an uncapped bonus whose awards have no bound: never reached.
  static let unbounded = ExactDecimal(_raw: Int64.max, 0)
}

struct CompiledComponent: Sendable {
  var id: String
  var label: String
  var slot: Int
  var weight: ExactDecimal
  var fullMarks: ExactDecimal
  var precision: Int?
  var score: Formula?
  var scoreFacts: [Int]
  var sections: Range<Int>
  /// The class of subject it applies to (`appliesTo`); outside it the component is left out, like a not-applicable
  /// one, and the other weights are re-normalised.
  var appliesTo: Formula? = nil
  /// Where it is written, with its `appliesTo` (coverage reports).
  var site = PackSite()
}

enum VetoEffect: Sendable, Hashable {
  case zeroTotal
  case noGrade
  case capGrade(Int)
  case setGrade(Int)
  /// The star level is set to this many stars (直接定星, e.g. an award at district level or above).
  case setStars(Int)
}

/// What a grade-changing veto does to the total (`"score"` on `capGrade`/`setGrade`).
enum VetoScore: String, Sendable, CaseIterable {
  /// The total stays as scored.
  case keep
  /// The total becomes the lowest score of the new grade.
  case floorOfGrade
  /// The total is capped at the highest score of the new grade (one unit of the total's precision below the band above).
  case capAtGradeTop
}

struct CompiledVeto: Sendable {
  var id: String
  var label: String
  var when: Formula
  var effect: VetoEffect
  var capStars: Int?
  var facts: [Int]
  /// What a grade-changing veto does to the total; `.keep` for every other effect.
  var score: VetoScore = .keep
  /// Where it is written (coverage reports).
  var site = PackSite()
}

struct CompiledBand: Sendable {
  var grade: String
  var minimum: ExactDecimal
  /// The exclusive upper bound; nil for the top band (bounded by `maximum` instead).
  var below: ExactDecimal?
  var maximum: ExactDecimal?
  /// An extra condition (`"when"`): a score in the band whose condition fails falls to the next band.
  var when: Formula? = nil
  var whenFacts: [Int] = []
  /// Where it is written (coverage reports).
  var site = PackSite()
}

struct CompiledStarItem: Sendable {
  var id: String
  var label: String
  var scope: String
  var earnedWhen: Formula
  /// When this item is not earned, the level is capped here (a required star).
  var capIfMissing: Int?
  var facts: [Int]
  /// Where it is written (coverage reports).
  var site = PackSite()
}

struct CompiledStarLevel: Sendable {
  var stars: Int
  var minItems: Int
  var when: Formula?
  /// Where it is written (coverage reports).
  var site = PackSite()
}

struct CompiledStars: Sendable {
  var items: [CompiledStarItem]
  /// Best first.
  var levels: [CompiledStarLevel]
}

struct CompiledConsequence: Sendable {
  var id: String
  var label: String
  var onGrades: [Int]
  var onNoGrade: Bool
  var onVetoes: [Int]
  var when: Formula?
  /// Follows when the result is void (a vote without a quorum, more ballots returned than issued).
  var onVoid = false
  /// Follows when the cohort stage gives one of these labels (indices into the cohort's labels); decided once the
  /// subject is ranked.
  var onLabels: [Int] = []
  /// Where it is written (coverage reports).
  var site = PackSite()
}

/// A share of a cohort as an exact fraction, e.g. 5% = 5/100 or 1/3.
struct CohortShare: Sendable, Hashable {
  var numerator: Int
  var denominator: Int
  /// As written in the pack, e.g. "5%" or "1/3".
  var text: String
}

/// How a head count (N × share) becomes a whole number.
enum CountRounding: String, Sendable, CaseIterable {
  case up, down, nearest

  var chinese: String {
    switch self {
    case .up: "进一"
    case .down: "去尾"
    case .nearest: "四舍五入"
    }
  }
}

/// What happens to subjects tied on every ranking key across a count's boundary.
enum TiesAtLimit: String, Sendable, CaseIterable {
  /// All of the tied subjects get the outcome (the count may be exceeded).
  case all
  /// None of the tied subjects gets it (the count is never exceeded).
  case none
}

/// How many a label or a quota counts in a cohort group: a share of the group (N × share, rounded as declared) or a
/// fixed head count (末位 3 名), the same whatever the group's size.
enum CohortAmount: Sendable, Hashable {
  case share(CohortShare)
  case count(Int)

  /// The head count in a group of `size`, rounded as declared (a count is taken as it is).
  func headCount(_ size: Int, _ rounding: CountRounding) -> Int {
    switch self {
    case .share(let share): cohortHeadCountValue(size, share, rounding)
    case .count(let count): count
    }
  }
}

/// A label's or a quota's amount: one for every group, or one per group (`byGroup`, keyed by the group's name) with
/// the declared one for any group not listed.
struct CohortAmounts: Sendable {
  var standard: CohortAmount
  var byGroup: [String: CohortAmount] = [:]

  /// The amount for the group named `group`.
  func amount(for group: String) -> CohortAmount { byGroup.isEmpty ? standard : byGroup[group] ?? standard }

  /// Whether the amounts are head counts (`bottomCount`, `atMostCount`…) rather than shares.
  var isCount: Bool {
    if case .count = standard { return true }
    return false
  }
}

struct CompiledCohortLabel: Sendable {
  var id: String
  var label: String
  var fromTop: Bool
  /// By rank: a share (`bottom`/`top`) or a head count (`bottomCount`/`topCount`), per group with `byGroup`.
  var amounts: CohortAmounts
  /// How a share's head count is rounded (`.up`, unused, when the label gives only head counts).
  var rounding: CountRounding
  var ties: TiesAtLimit
  var alsoWhen: Formula?
  /// `fillTo`: at least this share of the group has the label, counting those given it by rank and by `alsoWhen`;
  /// the ranking fills up from the same end until it is reached.
  var fillTo: CohortShare?
  /// Where it is written (coverage reports).
  var site = PackSite()
}

struct CompiledQuota: Sendable {
  enum Target: Sendable, Hashable {
    /// One grade (its index, best first).
    case grade(Int)
    /// Several grades counted together (`grades`), indices in increasing order; adjacent ones for a cap.
    case grades([Int])
    /// One star level.
    case stars(Int)
    /// The star levels at or above this one (`starsAtLeast`: 四星及以上).
    case starsAtLeast(Int)
    /// The star levels at or below this one, no stars included (`starsAtMost`: 二星及以下); never a cap.
    case starsAtMost(Int)

    /// Whether a subject with this grade index and star level (−1: none) is counted.
    @inline(__always) func counts(grade: Int16, stars: Int16) -> Bool {
      switch self {
      case .grade(let index): Int(grade) == index
      case .grades(let indices): grade >= 0 && indices.contains(Int(grade))
      case .stars(let level): Int(stars) == level
      case .starsAtLeast(let level): stars >= 0 && Int(stars) >= level
      case .starsAtMost(let level): stars >= 0 && Int(stars) <= level
      }
    }

    /// What is counted, in words: 优秀, 良好及以上, 优秀、一般, 5 星, 4 星及以上, 2 星及以下.
    func words(grades: [String]) -> String {
      switch self {
      case .grade(let index): return grades[index]
      case .grades(let indices):
        let adjacent = zip(indices, indices.dropFirst()).allSatisfy { $1 == $0 + 1 }
        if adjacent, let first = indices.first, let last = indices.last {
          if first == 0 { return "\(grades[last])及以上" }
          if last == grades.count - 1 { return "\(grades[first])及以下" }
        }
        return indices.map { grades[$0] }.joined(separator: "、")
      case .stars(let level): return "\(level) 星"
      case .starsAtLeast(let level): return "\(level) 星及以上"
      case .starsAtMost(let level): return "\(level) 星及以下"
      }
    }

    /// Whether it counts star levels rather than grades.
    var isStars: Bool {
      switch self {
      case .grade, .grades: false
      case .stars, .starsAtLeast, .starsAtMost: true
      }
    }
  }
  var target: Target
  /// A share (`atMost`/`guide`) or a head count (`atMostCount`/`guideCount`), per group with `byGroup`.
  var amounts: CohortAmounts
  /// How a share's head count is rounded (`.up`, unused, when the quota gives only head counts).
  var rounding: CountRounding
  var ties: TiesAtLimit
  var isCap: Bool
  /// Where it is written (coverage reports).
  var site = PackSite()

  /// The key and amount as written, e.g. "atMost 1/3" or "atMostCount 2" (with "，按组另定" for `byGroup`).
  var amountText: String {
    let key = isCap ? "atMost" : "guide"
    var text: String
    switch amounts.standard {
    case .share(let share): text = "\(key) \(share.text)"
    case .count(let count): text = "\(key)Count \(count)"
    }
    if !amounts.byGroup.isEmpty { text += " (byGroup)" }
    return text
  }
}

struct CompiledCohort: Sendable {
  enum GroupKey: Sendable, Hashable {
    case whole, parent, kind, attribute(String), slot(Int)
  }
  var label: String
  var groupBy: GroupKey
  var groupLabel: String
  /// The ranking keys: the main one (default `total`) first, then each tie-breaker; true = higher ranks first.
  var keys: [(formula: Formula, descending: Bool, label: String)]
  var exclude: Formula?
  var labels: [CompiledCohortLabel]
  var quotas: [CompiledQuota]
  /// Every label's id as declared, those that could not be compiled included (for messages).
  var declaredLabels: [String] = []
}

/// A check across inputs: when `rejectWhen` holds, the subject is rejected with `message` and the facts it read.
struct CompiledCheck: Sendable {
  var id: String
  var label: String
  var rejectWhen: Formula
  /// What to tell the person who gave the data; nil: the label alone.
  var message: String?
  /// Slots of the facts the check reads, for the message.
  var facts: [Int]
  /// Where it is written, with its `rejectWhen` (coverage reports).
  var site = PackSite()
}
