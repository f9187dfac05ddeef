/// What happened while a subject was scored: the kernel and the stages before it say *what* happened, by index and
/// number; an observer decides what to make of it (nothing, an explanation, coverage).
///
/// Indices are the compiled pack's: inputs, values, checks, sections, rules (across all sections), components,
/// vetoes, bands (best first), star items, star levels (best first), consequences. Wording lives in ``TraceWording``.
enum ScoringEvent {
  // Facts and values.
  /// An input was given; its value is in its slot.
  case input(Int)
  /// A not-applicable input (or a period part) was not given.
  case inputNotGiven(Int)
  /// A value was computed into its slot.
  case value(Int)
  /// A value was left out (0) because a not-applicable input it uses was not given.
  case valueNotApplicable(Int)
  /// A check's condition (`rejectWhen`) was checked; when it holds, the subject is rejected right after.
  case checkCondition(check: Int, holds: Bool)

  // Sections and components.
  /// A section scored by its `score` formula.
  case sectionScored(section: Int, score: ExactDecimal)
  /// A section of rules starts (at its full marks or at 0).
  case sectionStarts(section: Int, start: ExactDecimal)
  /// A rule's `when` condition was checked.
  case ruleCondition(rule: Int, holds: Bool)
  /// A rule added or deducted `signed` points: `each` × `times` when it counts, capped at its `max` when `limited`
  /// (the uncapped amount).
  case rule(rule: Int, section: Int, signed: ExactDecimal, each: ExactDecimal, times: ExactDecimal?, limited: ExactDecimal?)
  /// A section reached its full marks (or a bonus section its cap); `excess` points were not counted.
  case sectionCapped(section: Int, excess: ExactDecimal)
  /// A section fell to its floor; `short` points of deduction were not counted.
  case sectionFloored(section: Int, short: ExactDecimal)
  /// A `zero` rule set the section to 0, taking away `lost` points.
  case sectionZeroed(section: Int, rule: Int, lost: ExactDecimal)
  /// A section of rules ended at `score`.
  case sectionEnds(section: Int, score: ExactDecimal)
  /// A component was left out because a not-applicable input it uses was not given.
  case componentNotApplicable(Int)
  /// A component's class (`appliesTo`) was checked; when it does not hold, ``componentOutsideClass(_:)`` follows.
  case componentClass(component: Int, holds: Bool)
  /// A component was left out because the subject is outside its class (`appliesTo`).
  case componentOutsideClass(Int)
  /// A component's score was rounded to its precision.
  case componentRounded(component: Int, from: ExactDecimal, to: ExactDecimal)
  /// A component scored `score`, `weighted` after its weight.
  case componentScored(component: Int, score: ExactDecimal, weighted: ExactDecimal)
  /// The weighted sum was re-normalised over the applicable components.
  case renormalised(sum: ExactDecimal, applicableFull: ExactDecimal, scaled: ExactDecimal)
  /// The total: the weighted sum, and the total after the pack's rounding.
  case total(sum: ExactDecimal, total: ExactDecimal)

  // Vetoes, grade, stars, consequences.
  /// A veto's condition was checked.
  case vetoCondition(veto: Int, holds: Bool)
  /// A `zeroTotal` veto took the total (`lost` points) to 0.
  case vetoZeroedTotal(veto: Int, lost: ExactDecimal)
  /// A veto fired (its effect is applied below).
  case vetoFired(Int)
  /// The grade by the total alone.
  case gradeByScore(band: Int, total: ExactDecimal)
  /// A band's extra condition was checked; when it fails the grade falls to the next band.
  case bandCondition(band: Int, holds: Bool)
  /// A veto set the grade.
  case gradeSet(Int)
  /// A veto capped the grade.
  case gradeCapped(Int)
  /// A veto withheld the grade.
  case gradeWithheld
  /// A grade-changing veto moved the total with the grade (`floorOfGrade` or `capAtGradeTop`).
  case totalFollowsGrade(veto: Int, band: Int, total: ExactDecimal, original: ExactDecimal)
  /// A star item was checked.
  case starItem(item: Int, earned: Bool)
  /// A star level's extra condition was checked (levels best first).
  case starLevelCondition(level: Int, holds: Bool)
  /// The star level: as earned from `earned` items, then set directly (`direct`) and capped (`cap`, by the missing
  /// required item `capItem`, or by a veto when nil).
  case stars(level: Int, earned: Int, direct: Int?, cap: Int?, capItem: Int?)
  /// An outcome was worked out into its slot.
  case outcome(Int)
  /// A consequence's `when` condition was checked.
  case consequenceCondition(consequence: Int, holds: Bool)
  /// A consequence follows, for the reason coded as in ``ScoringPlan/ConsequenceReason``.
  case consequence(consequence: Int, reason: Int)

  /// A line of the cohort stage's verdict (rank, a label, a quota move), worded by the ranking.
  case cohort(TraceEntry)

  // Stages before the kernel.
  /// A ballot item's result, with its working in words (ballots are few per subject; their working is made only
  /// when an observer records).
  case ballot(item: Int, working: String)
  /// A count of the session (due, attended, issued, returned), shown when the vote is void.
  case voteCount(id: String, label: String, value: ExactDecimal)
  /// A vote is void.
  case voidVote(reason: String)
  /// A line of the rater forms' working (测评表: the forms counted and void, an item's marks per group).
  case forms(ruleID: String, working: String)
  /// A period's value, or its aggregate (`part` nil), with its working.
  case period(declaration: Int, working: String)
  /// A line of a points ledger: its start, an event counted or not, a reset, its total.
  case ledger(kind: TraceEntry.Kind, ruleID: String, message: String, points: ExactDecimal?)
}

/// Receives what happens while a subject is scored.
///
/// The kernel is generic over its observer: ``SilentObserver`` records nothing and inlines away (a batch pays
/// nothing for explanations), ``TracingObserver`` builds the explanation.
protocol ScoringObserver {
  /// Whether the observer records events at all (false: the work of making an event's payload is skipped).
  static var records: Bool { get }
  /// Receives one event; the event is made only when the observer records.
  mutating func record(_ event: @autoclosure () -> ScoringEvent)
  /// Where the calls of host functions are recorded, when the observer shows them (read only when ``records``).
  var hostCallLog: HostCallLog? { get }
}

extension ScoringObserver {
  var hostCallLog: HostCallLog? { nil }
}

/// Records nothing: scoring for batches.
struct SilentObserver: ScoringObserver {
  @inline(__always) static var records: Bool { false }
  @inline(__always) mutating func record(_ event: @autoclosure () -> ScoringEvent) {}
}
