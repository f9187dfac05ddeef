/// A subject from its facts to its ``Assessment``: the inputs into the buffer, the stages and the kernel, and the
/// result read back. ``RulePack/assess(_:explain:)`` and ``PackScorer`` both go this way.
extension ScoringPlan {
  /// Runs the stages and the kernel on a filled buffer, reporting to `observer`; returns why the vote is void, or
  /// nil when the subject was scored.
  @inline(__always)
  func run<O: ScoringObserver>(
    _ buffer: UnsafeMutablePointer<ExactDecimal>, events: [LedgerEvent]?, observer: inout O
  ) throws(AssessmentError) -> String? {
    if let reason = try runStages(buffer, events: events, observer: &observer) { return reason }
    do {
      try score(buffer, observer: &observer)
    } catch {
      throw AssessmentError(
        code: error.code, message: error.message(plan: self, view: UnsafeBufferPointer(start: buffer, count: bufferSize)))
    }
    return nil
  }

  /// The assessment a scored buffer holds: the numbers and indices the kernel left, with the pack's ids, labels and
  /// words (no trace).
  func assessment(
    _ buffer: UnsafeMutablePointer<ExactDecimal>, subject: Subject, period: AssessmentPeriod?, voidReason: String?
  ) -> Assessment {
    var components = componentTemplates
    if let voidReason {
      for index in components.indices { components[index].notApplicable = true }
      var assessment = Assessment(
        subject: subject, period: period, schemeID: program.packID, total: .zero, fullMarks: fullMarks,
        components: components, grade: nil, stars: nil,
        consequences: program.consequences.filter(\.onVoid).map {
          FiredConsequence(id: $0.id, label: $0.label, reason: ResultWording.voidReason)
        })
      assessment.voidReason = voidReason
      if let cohort = program.cohort {
        assessment.cohortEntry = CohortEntry(
          subjectID: subject.id, keys: cohort.keys.map { _ in .zero }, excluded: true,
          forcedLabels: cohort.labels.map { _ in false })
      }
      return assessment
    }
    var sections: [SectionScore] = []
    sections.reserveCapacity(sectionTemplates.count)
    var sectionIndex = 0
    for index in components.indices {
      let component = self.components[index]
      let sectionCount = component.sections.count
      if !buffer[notApplicableBase + index].isZero {
        components[index].notApplicable = true
        sectionIndex += sectionCount
        continue
      }
      components[index].score = buffer[Int(component.slot)]
      components[index].weighted = buffer[weightedBase + index]
      for offset in 0..<sectionCount {
        var section = sectionTemplates[sectionIndex]
        section.score = buffer[Int(self.sections[Int(component.sections.start) + offset].slot)]
        sections.append(section)
        sectionIndex += 1
      }
    }
    let gradeIndex = buffer[gradeSlot].intValue ?? bands.count
    let grade = gradeIndex < bands.count ? gradeIndex : nil
    var starItems: [String] = []
    var stars: Int?
    if let starTable = program.stars {
      stars = buffer[starsSlot].intValue
      for index in starTable.items.indices where !buffer[starItemBase + index].isZero {
        starItems.append(starTable.items[index].id)
      }
    }
    var vetoes: [FiredVeto] = []
    for index in self.vetoes.indices where !buffer[vetoBase + index].isZero {
      vetoes.append(firedVetoTemplates[index])
    }
    var consequences: [FiredConsequence] = []
    let view = UnsafeBufferPointer(start: buffer, count: bufferSize)
    for (index, consequence) in program.consequences.enumerated() {
      let code = buffer[consequenceBase + index].intValue ?? 0
      if code == ConsequenceReason.none { continue }
      consequences.append(
        FiredConsequence(
          id: consequence.id, label: consequence.label,
          reason: ResultWording.reason(code, consequence: index, gradeIndex: grade, program: program, view: view)))
    }
    var assessment = Assessment(
      subject: subject, period: period, schemeID: program.packID, total: buffer[totalSlot], fullMarks: fullMarks,
      components: components, sections: sections, grade: grade.map { program.bands[$0].grade }, stars: stars,
      starItems: starItems, vetoes: vetoes, consequences: consequences, trace: [])
    if !outcomeTemplates.isEmpty {
      var outcomes = outcomeTemplates
      for index in outcomes.indices { outcomes[index].value = buffer[Int(outcomeValues[index].slot)] }
      assessment.outcomes = outcomes
    }
    if hasCohort {
      let group = cohortGroup(buffer) { key in
        switch key {
        case .parent: subject.parent ?? ""
        case .kind: subject.kind
        case .attribute(let name): subject.attributes[name] ?? ""
        case .whole, .slot: ""
        }
      }
      assessment.cohortEntry = cohortEntry(buffer, subjectID: subject.id, group: group, gradeIndex: grade, stars: stars)
    }
    return assessment
  }

  /// What the cohort stage needs of a scored subject: its ranking keys, forced labels, exclusion and group.
  func cohortEntry(
    _ buffer: UnsafeMutablePointer<ExactDecimal>, subjectID: String, group: String, gradeIndex: Int?, stars: Int?
  ) -> CohortEntry? {
    guard let cohort = program.cohort else { return nil }
    let keys = (0..<cohort.keys.count).map { buffer[cohortKeyBase + $0] }
    let forced = (0..<cohort.labels.count).map { !buffer[cohortLabelBase + $0].isZero }
    return CohortEntry(
      subjectID: subjectID, group: group, keys: keys, gradeIndex: gradeIndex, stars: stars,
      excluded: !buffer[cohortExcludedSlot].isZero, forcedLabels: forced)
  }

  /// The cohort group of a scored subject: its parent, kind or an attribute (through `field`), or an input's value.
  func cohortGroup(_ buffer: UnsafeMutablePointer<ExactDecimal>, field: (CompiledCohort.GroupKey) -> String) -> String {
    guard let cohort = program.cohort else { return "" }
    switch cohort.groupBy {
    case .whole: return ""
    case .slot(let slot):
      return TraceWording.display(slot: slot, program: program, in: UnsafeBufferPointer(start: buffer, count: bufferSize))
    default: return field(cohort.groupBy)
    }
  }
}
