/// A subject from its facts to its ``Assessment``: the inputs into the buffer, the stages and the kernel, and the
/// result read back. ``RulePack/assess(_:explain:)`` and ``PackScorer`` both go this way.
extension ScoringPlan {
  /// Puts a subject's facts (by input id) into `buffer`, checked against their declarations; inputs not given take
  /// their default, or are flagged not given when declared not applicable. Unknown ids and missing required inputs
  /// are errors.
  func fill(_ buffer: UnsafeMutablePointer<ExactDecimal>, from values: [String: InputValue]) throws(AssessmentError) {
    var given = 0
    var notGivenCount = 0
    for (index, compiled) in program.inputs.enumerated() {
      buffer[notGivenBase + index] = .zero
      let declaration = compiled.declaration
      if let value = values[declaration.id] {
        given += 1
        buffer[compiled.slot] = try InputCoercion.slotValue(value, for: declaration).get()
      } else if let defaultValue = compiled.defaultSlotValue {
        buffer[compiled.slot] = defaultValue
      } else if compiled.notApplicable {
        buffer[compiled.slot] = .zero
        buffer[notGivenBase + index] = .one
        notGivenCount += 1
      } else {
        throw InputCoercion.missingError(declaration)
      }
    }
    buffer[notGivenCountSlot] = ExactDecimal(notGivenCount)
    if given != values.count {
      let known = Set(program.inputs.map(\.declaration.id))
      let unknown = values.keys.filter { !known.contains($0) }.sorted()
      throw InputCoercion.unknownInputError(unknown[0], packID: program.packID, known: known)
    }
  }

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
        code: .arithmetic, message: error.message(plan: self, view: UnsafeBufferPointer(start: buffer, count: bufferSize)))
    }
    return nil
  }

  /// Scores a filled buffer and reads the assessment back, with its explanation when `explain` is true.
  func assess(
    _ buffer: UnsafeMutablePointer<ExactDecimal>, subject: Subject, period: AssessmentPeriod?, explain: Bool
  ) throws(AssessmentError) -> Assessment {
    if explain {
      var observer = TracingObserver(plan: self, view: UnsafeBufferPointer(start: buffer, count: bufferSize))
      let void = try run(buffer, events: subject.events, observer: &observer)
      var assessment = self.assessment(buffer, subject: subject, period: period, voidReason: void)
      assessment.trace = observer.entries
      return assessment
    }
    var observer = SilentObserver()
    let void = try run(buffer, events: subject.events, observer: &observer)
    return assessment(buffer, subject: subject, period: period, voidReason: void)
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
    if hasCohort { assessment.cohortEntry = cohortEntry(buffer, subject: subject, gradeIndex: grade, stars: stars) }
    return assessment
  }

  /// What the cohort stage needs of a scored subject: its ranking keys, forced labels, exclusion and group.
  func cohortEntry(
    _ buffer: UnsafeMutablePointer<ExactDecimal>, subject: Subject, gradeIndex: Int?, stars: Int?
  ) -> CohortEntry? {
    guard let cohort = program.cohort else { return nil }
    let keys = (0..<cohort.keys.count).map { buffer[cohortKeyBase + $0] }
    let forced = (0..<cohort.labels.count).map { !buffer[cohortLabelBase + $0].isZero }
    let group: String
    switch cohort.groupBy {
    case .whole: group = ""
    case .parent: group = subject.parent ?? ""
    case .kind: group = subject.kind
    case .attribute(let name): group = subject.attributes[name] ?? ""
    case .slot(let slot):
      group = TraceWording.display(slot: slot, program: program, in: UnsafeBufferPointer(start: buffer, count: bufferSize))
    }
    return CohortEntry(
      subjectID: subject.id, group: group, keys: keys, gradeIndex: gradeIndex, stars: stars,
      excluded: !buffer[cohortExcludedSlot].isZero, forcedLabels: forced)
  }
}
