/// Records which parts of a pack the scoring of subjects exercised: the checks that rejected a subject, the components
/// for a class of subject that were scored, the rules that added or deducted points (or, for a `zero` rule, zeroed
/// their section), the vetoes that fired, the star items earned, the consequences that followed, and each condition
/// seen true and seen false. It listens to the same events as the explanation (``TracingObserver``), so it measures
/// exactly what the kernel did.
///
/// What the kernel does not report as an event — the final grade and star level (after vetoes and quotas), the
/// consequences of a void result, cohort labels and quota moves — is added with ``finish(_:)`` and
/// ``cover(_:at:)`` from the scorer and the ranking. One observer is filled per subject and added to the pack's
/// tally with ``merge(_:)`` only when the subject was scored, so a rejected subject counts for nothing — except what
/// its checks did, added with ``mergeChecks(_:)``: the checks run before anything is scored, and one of them
/// rejecting the subject is what a check is there to do.
struct CoverageObserver: ScoringObserver {
  /// Which truth values a condition was seen with.
  struct Seen: OptionSet, Hashable {
    let rawValue: UInt8
    static let `true` = Seen(rawValue: 1)
    static let `false` = Seen(rawValue: 2)

    init(rawValue: UInt8) { self.rawValue = rawValue }
    init(_ holds: Bool) { self = holds ? .true : .false }
  }

  /// Per check, component, rule (every section's in turn), veto, band (best first), star item, star level (best
  /// first), consequence, cohort label and quota, in the compiled pack's order: whether it fired (a check: rejected a
  /// subject; a component: was scored, which for a component without `appliesTo` says nothing and is not reported).
  var checks: [Bool]
  var components: [Bool]
  var rules: [Bool]
  var vetoes: [Bool]
  var bands: [Bool]
  var starItems: [Bool]
  var starLevels: [Bool]
  var consequences: [Bool]
  var cohortLabels: [Bool]
  var quotas: [Bool]
  /// The conditions, by the same indices: `rejectWhen` of checks, `appliesTo` of components, `when` of rules,
  /// vetoes, bands, star levels and consequences, `earnedWhen` of star items.
  var checkConditions: [Seen]
  var componentConditions: [Seen]
  var ruleConditions: [Seen]
  var vetoConditions: [Seen]
  var bandConditions: [Seen]
  var starItemConditions: [Seen]
  var starLevelConditions: [Seen]
  var consequenceConditions: [Seen]

  static var records: Bool { true }

  /// Nothing seen yet, for the parts of `program`.
  init(program: PackProgram) {
    checks = Array(repeating: false, count: program.checks.count)
    components = Array(repeating: false, count: program.components.count)
    rules = Array(repeating: false, count: program.rules.count)
    vetoes = Array(repeating: false, count: program.vetoes.count)
    bands = Array(repeating: false, count: program.bands.count)
    starItems = Array(repeating: false, count: program.stars?.items.count ?? 0)
    starLevels = Array(repeating: false, count: program.stars?.levels.count ?? 0)
    consequences = Array(repeating: false, count: program.consequences.count)
    cohortLabels = Array(repeating: false, count: program.cohort?.labels.count ?? 0)
    quotas = Array(repeating: false, count: program.cohort?.quotas.count ?? 0)
    checkConditions = Array(repeating: [], count: checks.count)
    componentConditions = Array(repeating: [], count: components.count)
    ruleConditions = Array(repeating: [], count: rules.count)
    vetoConditions = Array(repeating: [], count: vetoes.count)
    bandConditions = Array(repeating: [], count: bands.count)
    starItemConditions = Array(repeating: [], count: starItems.count)
    starLevelConditions = Array(repeating: [], count: starLevels.count)
    consequenceConditions = Array(repeating: [], count: consequences.count)
  }

  mutating func record(_ event: @autoclosure () -> ScoringEvent) {
    switch event() {
    case .checkCondition(let check, let holds):
      checkConditions[check].insert(Seen(holds))
      if holds { checks[check] = true }
    case .componentClass(let component, let holds): componentConditions[component].insert(Seen(holds))
    case .componentScored(let component, _, _): components[component] = true
    case .ruleCondition(let rule, let holds): ruleConditions[rule].insert(Seen(holds))
    case .rule(let rule, _, _, _, _, _): rules[rule] = true
    case .sectionZeroed(_, let rule, _): rules[rule] = true
    case .vetoCondition(let veto, let holds): vetoConditions[veto].insert(Seen(holds))
    case .vetoFired(let veto): vetoes[veto] = true
    case .bandCondition(let band, let holds): bandConditions[band].insert(Seen(holds))
    case .starItem(let item, let earned):
      starItemConditions[item].insert(Seen(earned))
      if earned { starItems[item] = true }
    case .starLevelCondition(let level, let holds): starLevelConditions[level].insert(Seen(holds))
    case .consequenceCondition(let consequence, let holds): consequenceConditions[consequence].insert(Seen(holds))
    case .consequence(let consequence, _): consequences[consequence] = true
    default: break
    }
  }

  /// Records the outcome of the subject `scorer` scored last (after the cohort stage placed it, if it did): its final
  /// grade and star level, and the consequences of a void result.
  mutating func finish(_ scorer: PackScorer) {
    if let grade = scorer.gradeIndex { bands[grade] = true }
    let levels = scorer.plan.program.stars?.levels ?? []
    if let stars = scorer.stars, let level = levels.firstIndex(where: { $0.stars == stars }) { starLevels[level] = true }
    if scorer.isVoid {
      for (index, consequence) in scorer.plan.program.consequences.enumerated() where consequence.onVoid {
        consequences[index] = true
      }
    }
  }

  /// Records what the cohort stage gave entry `index` of `ranking`: its labels and the quotas that moved it.
  mutating func cover(_ ranking: CohortRanking, at index: Int) {
    for label in cohortLabels.indices where ranking.hasLabel(label, at: index) {
      cohortLabels[label] = true
    }
    guard !ranking.moveStart.isEmpty else { return }
    for move in ranking.moves[Int(ranking.moveStart[index])..<Int(ranking.moveStart[index + 1])] {
      quotas[Int(move.quota)] = true
    }
  }

  /// Records the guide quotas a ranking counted away from their guide (more or fewer holders than the guide count):
  /// a guide changes nothing, so that is when it has something to report.
  mutating func coverGuides(_ ranking: CohortRanking, program: PackProgram) {
    guard let cohort = program.cohort, !cohort.quotas.isEmpty else { return }
    // The ranking counts every quota, in declared order, in each group in turn.
    for (position, summary) in ranking.quotas.enumerated() where !summary.isCap && summary.deviation != 0 {
      quotas[position % cohort.quotas.count] = true
    }
  }

  /// Adds what the checks of `other` did (a subject that was rejected, by a check or later): which checks it ran,
  /// each one's condition, and the check that rejected it. Nothing else it saw counts.
  mutating func mergeChecks(_ other: CoverageObserver) {
    Self.union(&checks, other.checks)
    Self.union(&checkConditions, other.checkConditions)
  }

  /// Adds what `other` saw (another subject of the same pack).
  mutating func merge(_ other: CoverageObserver) {
    mergeChecks(other)
    Self.union(&components, other.components)
    Self.union(&rules, other.rules)
    Self.union(&vetoes, other.vetoes)
    Self.union(&bands, other.bands)
    Self.union(&starItems, other.starItems)
    Self.union(&starLevels, other.starLevels)
    Self.union(&consequences, other.consequences)
    Self.union(&cohortLabels, other.cohortLabels)
    Self.union(&quotas, other.quotas)
    Self.union(&componentConditions, other.componentConditions)
    Self.union(&ruleConditions, other.ruleConditions)
    Self.union(&vetoConditions, other.vetoConditions)
    Self.union(&bandConditions, other.bandConditions)
    Self.union(&starItemConditions, other.starItemConditions)
    Self.union(&starLevelConditions, other.starLevelConditions)
    Self.union(&consequenceConditions, other.consequenceConditions)
  }

  /// Marks fired in `mine` what fired in `theirs`.
  private static func union(_ mine: inout [Bool], _ theirs: [Bool]) {
    for index in mine.indices where theirs[index] { mine[index] = true }
  }

  /// Adds to `mine` the truth values seen in `theirs`.
  private static func union(_ mine: inout [Seen], _ theirs: [Seen]) {
    for index in mine.indices { mine[index].formUnion(theirs[index]) }
  }
}
