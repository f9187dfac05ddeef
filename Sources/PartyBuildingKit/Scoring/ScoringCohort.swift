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
    if hasLabelConsequences, !outcome.labels.isEmpty { decideLabelConsequences(outcome, buffer, observer: &observer) }
  }

  /// The consequences that follow from a label the subject was given (`onLabels`) and not already for another reason
  /// (a grade, a veto, `when`): each says it follows from the label.
  private func decideLabelConsequences<O: ScoringObserver>(
    _ outcome: CohortOutcome, _ buffer: UnsafeMutablePointer<ExactDecimal>, observer: inout O
  ) {
    guard let labels = program.cohort?.labels else { return }
    for index in consequences.indices {
      let span = consequences[index].onLabels
      guard span.count > 0, buffer[consequenceBase + index].isZero else { continue }
      for position in span.range {
        let label = Int(indexPool[position])
        let id = labels[label].id
        guard outcome.labels.contains(where: { $0.id == id }) else { continue }
        let reason = ConsequenceReason.label(label)
        buffer[consequenceBase + index] = ExactDecimal(reason)
        observer.record(.consequence(consequence: index, reason: reason))
        break
      }
    }
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
