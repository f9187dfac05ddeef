/// The cohort stage's verdict laid over a scored subject: what a quota moved (grade, stars) and the consequences that
/// follow from the moved grade, decided again by the kernel's own consequence step.
extension ScoringPlan {
  /// Applies `outcome` (the subject's rank, labels and quota moves) to a scored buffer, reporting to `observer`.
  func place<O: ScoringObserver>(
    _ outcome: CohortOutcome, _ buffer: UnsafeMutablePointer<ExactDecimal>, observer: inout O
  ) throws(ScoringFailure) {
    for entry in outcome.trace { observer.record(.cohort(entry)) }
    if let stars = outcome.movedStars { buffer[starsSlot] = ExactDecimal(stars) }
    let movedGrade = outcome.movedGrade.flatMap { moved in program.bands.firstIndex { $0.grade == moved } }
    if let movedGrade { buffer[gradeSlot] = ExactDecimal(movedGrade) }
    // Outcomes follow the moved grade and stars, and consequences the moved grade (and the outcomes).
    if movedGrade != nil || outcome.movedStars != nil, !outcomeValues.isEmpty { try computeOutcomes(buffer, observer: &observer) }
    if let movedGrade { try decideConsequences(grade: movedGrade, buffer, observer: &observer, afterQuota: true) }
  }
}

extension PackScorer {
  /// Applies the cohort stage's verdict for the subject scored last (rank, labels, quota moves, and the consequences
  /// of a moved grade); ``assessment(subject:period:)`` then carries it.
  func place(_ outcome: CohortOutcome) throws(AssessmentError) {
    var observer = SilentObserver()
    try place(outcome, observer: &observer)
  }

  func place<O: ScoringObserver>(_ outcome: CohortOutcome, observer: inout O) throws(AssessmentError) {
    placement = outcome
    guard !isVoid else { return }
    do {
      try plan.place(outcome, buffer.pointer, observer: &observer)
    } catch {
      throw AssessmentError(
        code: .arithmetic, message: error.message(plan: plan, view: UnsafeBufferPointer(start: buffer.pointer, count: plan.bufferSize)))
    }
  }
}
