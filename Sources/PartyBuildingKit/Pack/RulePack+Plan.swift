extension RulePack {
  /// The assessment the plan scored into `buffer`: the numbers and indices it left, with the pack's ids, labels
  /// and words. The same value the general path builds without an explanation; nil when a cohort formula fails
  /// (the general path then words the error).
  func plannedAssessment(
    _ buffer: UnsafeMutablePointer<ExactDecimal>, plan: ScoringPlan, subject: Subject, period: AssessmentPeriod?
  ) -> Assessment? {
    var components = plan.componentTemplates
    for index in components.indices {
      components[index].score = buffer[Int(plan.components[index].slot)]
      components[index].weighted = buffer[plan.weightedBase + index]
    }
    // The templates list sections component by component, as the plan's sections are.
    var sections = plan.sectionTemplates
    var sectionIndex = 0
    for component in plan.components {
      for section in plan.sections[Int(component.sections.lowerBound)..<Int(component.sections.upperBound)] {
        sections[sectionIndex].score = buffer[Int(section.slot)]
        sectionIndex += 1
      }
    }
    let gradeIndex = buffer[plan.gradeSlot].intValue ?? program.bands.count
    let grade = gradeIndex < program.bands.count ? gradeIndex : nil
    var starItems: [String] = []
    var stars: Int?
    if let starTable = program.stars {
      stars = buffer[plan.starsSlot].intValue
      for index in starTable.items.indices where !buffer[plan.starItemBase + index].isZero {
        starItems.append(starTable.items[index].id)
      }
    }
    var vetoes: [FiredVeto] = []
    for index in plan.vetoes.indices where !buffer[plan.vetoBase + index].isZero {
      vetoes.append(plan.firedVetoTemplates[index])
    }
    var consequences: [FiredConsequence] = []
    for (index, consequence) in program.consequences.enumerated() {
      let code = buffer[plan.consequenceBase + index].intValue ?? 0
      let reason: String
      switch code {
      case ScoringPlan.ConsequenceReason.none: continue
      case ScoringPlan.ConsequenceReason.grade: reason = "等次为\(program.bands[grade ?? 0].grade)"
      case ScoringPlan.ConsequenceReason.noGrade: reason = "不定等次"
      case ScoringPlan.ConsequenceReason.when: reason = consequence.when?.source ?? ""
      default: reason = "一票否决：\(program.vetoes[code - ScoringPlan.ConsequenceReason.vetoBase].label)"
      }
      consequences.append(FiredConsequence(id: consequence.id, label: consequence.label, reason: reason))
    }
    var assessment = Assessment(
      subject: subject, period: period, schemeID: metadata.id, total: buffer[plan.totalSlot], fullMarks: program.fullMarks,
      components: components, sections: sections, grade: grade.map { program.bands[$0].grade }, stars: stars,
      starItems: starItems, vetoes: vetoes, consequences: consequences, trace: [])
    if program.hasCohort {
      do {
        assessment.cohortEntry = try cohortEntry(
          UnsafeBufferPointer(start: buffer, count: plan.slotCount), stack: buffer + plan.stackBase, subject: subject,
          gradeIndex: grade, stars: stars)
      } catch {
        return nil
      }
    }
    return assessment
  }
}
