/// Scores many subjects of one pack on one thread, reading the results as numbers and indices.
///
/// ``RulePack/assess(_:explain:)`` returns an ``Assessment`` with ids, labels and words: right for one subject, and
/// for showing a result. A batch of millions needs only the numbers. A scorer keeps one buffer and fills it in
/// place: set the inputs, ``score(subject:)``, read ``total``, ``gradeIndex``, ``componentScore(_:)`` and the
/// rest — no allocation and no string per subject. ``assessment(subject:period:)`` builds the full value when one is
/// wanted. The results are those of ``RulePack/assess(_:explain:)`` without an explanation (the tests check the two
/// against each other).
///
/// ```swift
/// guard let scorer = PackScorer(pack: pack) else { return }   // nil: a pack with ballots, periods or a ledger
/// for row in rows {
///   for (index, value) in row.values.enumerated() { scorer.setInput(index, value) }   // slot values, see below
///   try scorer.score(subject: Subject(id: row.id))
///   print(scorer.total, scorer.gradeIndex.map { pack.grades[$0] } ?? "不定等次")
/// }
/// ```
///
/// Input values are slot values, as ``RulePack/slotValue(_:forInput:)`` makes them (numbers as they are, true/false
/// as 1/0, a choice as its index), checked by the caller. An input not set since the last score takes its default;
/// a required one not set makes ``score(subject:)`` throw, as ``RulePack/assess(_:explain:)`` does. A scorer is used by
/// one thread at a time; give each thread its own (from its own ``RulePack/independentCopy()``).
public final class PackScorer {
  public let pack: RulePack
  let plan: ScoringPlan
  let buffer: UnsafeMutableBufferPointer<ExactDecimal>
  /// Per input: its slot, its default (when it has one) and whether it was set since the last score. Plain memory,
  /// so that setting an input costs two stores.
  let inputSlots: UnsafeMutableBufferPointer<Int>
  let hasDefault: UnsafeMutableBufferPointer<Bool>
  let defaults: UnsafeMutableBufferPointer<ExactDecimal>
  let given: UnsafeMutableBufferPointer<Bool>
  let hasCohort: Bool
  /// The result of the general path, when the last subject took it (an input not applicable).
  var general: Assessment?

  /// A scorer for `pack`, or nil when the pack has a stage scored per subject from more than its inputs
  /// (ballots, periods, a points ledger): score those with ``RulePack/assess(_:explain:)``.
  public init?(pack: RulePack) {
    guard let plan = pack.program.plan else { return nil }
    self.pack = pack
    self.plan = plan
    buffer = .allocate(capacity: plan.bufferSize)
    buffer.initialize(repeating: .zero)
    let inputs = pack.program.inputs
    inputSlots = .copying(inputs.map(\.slot))
    hasDefault = .copying(inputs.map { $0.defaultSlotValue != nil })
    defaults = .copying(inputs.map { $0.defaultSlotValue ?? .zero })
    given = .copying([Bool](repeating: false, count: inputs.count))
    hasCohort = pack.program.hasCohort
  }

  deinit {
    buffer.deallocate()
    inputSlots.baseAddress?.deallocate()
    hasDefault.baseAddress?.deallocate()
    defaults.baseAddress?.deallocate()
    given.baseAddress?.deallocate()
  }

  /// Sets input number `index` (declared order) to a slot value.
  @inlinable public func setInput(_ index: Int, _ value: ExactDecimal) {
    _set(index, value)
  }

  @usableFromInline func _set(_ index: Int, _ value: ExactDecimal) {
    buffer[inputSlots[index]] = value
    given[index] = true
  }

  /// Forgets the inputs set since the last score.
  func discardInputs() {
    for index in given.indices { given[index] = false }
  }

  /// Scores the subject whose inputs were set since the last call.
  ///
  /// - Throws: what ``RulePack/assess(_:explain:)`` throws for the same facts (a required input not set, a
  ///   formula that fails).
  public func score(subject: Subject, origin: InputOrigin? = nil) throws(AssessmentError) {
    general = nil
    var plain = true
    for index in given.indices where !given[index] {
      if hasDefault[index] { buffer[inputSlots[index]] = defaults[index] } else { plain = false }
    }
    if plain {
      for index in given.indices { given[index] = false }
      if plan.score(buffer.baseAddress!) {
        // A cohort pack's ranking keys and conditions must evaluate too (for `assessment(subject:)`).
        if !hasCohort || cohortFormulasHold(subject) { return }
      }
    }
    // Anything else (an input not given, a formula that fails, a cohort entry to compute) takes the general path.
    var slots = Array(buffer[0..<plan.slotCount])
    var notGiven: [Int] = []
    if !plain {
      for (index, input) in pack.program.inputs.enumerated() where !given[index] && !hasDefault[index] {
        guard input.notApplicable else {
          for index in given.indices { given[index] = false }
          throw RulePack.missingInputError(input.declaration, subjectID: subject.id, origin: origin)
        }
        notGiven.append(index)
      }
      for index in given.indices { given[index] = false }
    }
    general = try pack.evaluate(slots: &slots, subject: subject, origin: origin, explain: false, notGiven: notGiven)
  }

  /// Whether the cohort stage's formulas evaluate on the plan's slots (they fail only as a formula can: a
  /// division by zero, an overflow); the general path words the failure when they do not.
  private func cohortFormulasHold(_ subject: Subject) -> Bool {
    do {
      _ = try pack.cohortEntry(
        UnsafeBufferPointer(start: buffer.baseAddress!, count: plan.slotCount), stack: buffer.baseAddress! + plan.stackBase,
        subject: subject, gradeIndex: gradeIndex, stars: stars)
      return true
    } catch {
      return false
    }
  }

  /// The total of the last subject scored.
  public var total: ExactDecimal { general?.total ?? buffer[plan.totalSlot] }

  /// The grade (an index into ``RulePack/grades``, best first) of the last subject; nil: no grade.
  public var gradeIndex: Int? {
    if let general { return general.grade.flatMap { pack.grades.firstIndex(of: $0) } }
    let index = buffer[plan.gradeSlot].intValue ?? 0
    return index < plan.bands.count ? index : nil
  }

  /// The star level of the last subject, when the pack rates stars.
  public var stars: Int? {
    if let general { return general.stars }
    return plan.hasStars ? buffer[plan.starsSlot].intValue : nil
  }

  /// The score of component number `index` (declared order); nil when it was not applicable.
  public func componentScore(_ index: Int) -> ExactDecimal? {
    if let general { return general.components[index].notApplicable ? nil : general.components[index].score }
    return buffer[Int(plan.components[index].slot)]
  }

  /// The score of section number `index` (declared order, all components' sections in turn).
  public func sectionScore(_ index: Int) -> ExactDecimal {
    if let general { return general.sections[index].score }
    return buffer[Int(plan.sections[index].slot)]
  }

  /// Whether veto number `index` (declared order) fired for the last subject.
  public func vetoFired(_ index: Int) -> Bool {
    if let general { return general.vetoes.contains { $0.id == pack.program.vetoes[index].id } }
    return !buffer[plan.vetoBase + index].isZero
  }

  /// Whether consequence number `index` (declared order) follows for the last subject.
  public func consequenceFollows(_ index: Int) -> Bool {
    if let general { return general.consequences.contains { $0.id == pack.program.consequences[index].id } }
    return buffer[plan.consequenceBase + index].intValue != ScoringPlan.ConsequenceReason.none
  }

  /// The full assessment of the last subject scored (the same as ``RulePack/assess(_:explain:)`` without an
  /// explanation).
  public func assessment(subject: Subject, period: AssessmentPeriod? = nil) -> Assessment {
    if var general {
      general.subject = subject
      general.period = period
      return general
    }
    // The plan scored it (and a cohort pack's formulas were checked to evaluate, so the entry can be made).
    return pack.plannedAssessment(buffer.baseAddress!, plan: plan, subject: subject, period: period)!
  }
}
