extension RulePack {
  /// Runs every embedded test case (as ``runTests()`` does) and measures what they exercise.
  public func runTestsWithCoverage() -> (results: [PackTestResult], coverage: PackCoverage) {
    (runTests(), coverage(of: tests))
  }

  /// What `cases` exercise: each case's subject (or each member of a cohort case, ranked together as
  /// ``assessCohort(_:explain:)`` ranks them) is scored through the kernel with a coverage observer. A subject that is
  /// rejected (a case expecting an error) counts only for the checks across inputs it ran — the check that rejected
  /// it fires, the ones before it were seen false — since the checks run before anything is scored; a case whose
  /// expectations fail still counts what it exercised.
  public func coverage(of cases: [PackTestCase]) -> PackCoverage {
    let scorer = PackScorer(pack: self)
    var tally = CoverageObserver(program: program)
    for testCase in cases {
      withHostResults(of: testCase) {
        if testCase.members.isEmpty {
          var seen = CoverageObserver(program: program)
          do {
            scorer.setForms(testCase.forms)
            try scorer.setInputs(testCase.inputs)
            try fillPrevious(of: testCase, in: scorer)
            try scorer.score(subject: testCase.subject, origin: nil, observer: &seen)
          } catch {
            tally.mergeChecks(seen)
            return
          }
          seen.finish(scorer)
          tally.merge(seen)
        } else {
          coverCohort(testCase.members, scorer: scorer, into: &tally)
        }
      }
    }
    return PackCoverage(program: program, tally: tally)
  }

  /// Scores and ranks the members of a cohort case, recording each member's scoring and what the ranking gave it (of
  /// a rejected member, what its checks did).
  private func coverCohort(_ members: [PackTestCase.Member], scorer: PackScorer, into tally: inout CoverageObserver) {
    var entries = CohortEntries(for: self)
    var scored: [PackTestCase.Member] = []
    for member in members {
      // Only the checks of a rejected member count; a scored member is recorded once ranked, below.
      var checks = CoverageObserver(program: program)
      do {
        scorer.setForms(member.forms)
        try scorer.setInputs(member.inputs)
        try scorer.score(subject: member.subject, origin: nil, observer: &checks)
      } catch {
        tally.mergeChecks(checks)
        continue
      }
      entries.append(Self.cohortEntry(of: scorer.assessment(subject: member.subject)))
      scored.append(member)
    }
    let ranking = rankCohort(entries)
    for (entry, member) in scored.enumerated() {
      var seen = CoverageObserver(program: program)
      do {
        scorer.setForms(member.forms)
        try scorer.setInputs(member.inputs)
        try scorer.score(subject: member.subject, origin: nil, observer: &seen)
        try scorer.place(ranking.outcome(at: entry, trace: false), observer: &seen)
      } catch {
        tally.mergeChecks(seen)
        continue
      }
      seen.cover(ranking, at: entry)
      seen.finish(scorer)
      tally.merge(seen)
    }
    tally.coverGuides(ranking, program: program)
  }
}

extension PackCoverage {
  /// The coverage of `program`'s parts from what an observer saw.
  init(program: PackProgram, tally: CoverageObserver) {
    func condition(_ site: PackSite, _ formula: Formula?, _ seen: CoverageObserver.Seen) -> Condition? {
      guard let formula, let key = site.conditionKey, let pointer = site.conditionPointer else { return nil }
      return Condition(
        key: key, formula: formula.source, pointer: pointer, location: site.conditionLocation ?? site.location,
        seenTrue: seen.contains(.true), seenFalse: seen.contains(.false))
    }
    func item(_ kind: Kind, _ id: String, _ label: String, _ site: PackSite, fired: Bool, _ condition: Condition? = nil)
      -> Item
    {
      Item(
        kind: kind, id: id, label: label, pointer: site.pointer, location: site.location, fired: fired,
        condition: condition)
    }
    var items: [Item] = []
    for (index, check) in program.checks.enumerated() {
      items.append(
        item(
          .check, check.id, check.label, check.site, fired: tally.checks[index],
          condition(check.site, check.rejectWhen, tally.checkConditions[index])))
    }
    for (index, component) in program.components.enumerated() where component.appliesTo != nil {
      items.append(
        item(
          .component, component.id, component.label, component.site, fired: tally.components[index],
          condition(component.site, component.appliesTo, tally.componentConditions[index])))
    }
    for (index, rule) in program.rules.enumerated() {
      items.append(
        item(
          .rule, rule.id, rule.label, rule.site, fired: tally.rules[index],
          condition(rule.site, rule.when, tally.ruleConditions[index])))
    }
    for (index, veto) in program.vetoes.enumerated() {
      items.append(
        item(
          .veto, veto.id, veto.label, veto.site, fired: tally.vetoes[index],
          condition(veto.site, veto.when, tally.vetoConditions[index])))
    }
    for (index, band) in program.bands.enumerated() {
      items.append(
        item(
          .band, band.grade, band.grade, band.site, fired: tally.bands[index],
          condition(band.site, band.when, tally.bandConditions[index])))
    }
    for (index, level) in (program.stars?.levels ?? []).enumerated() {
      items.append(
        item(
          .starLevel, String(level.stars), "\(level.stars) 星", level.site, fired: tally.starLevels[index],
          condition(level.site, level.when, tally.starLevelConditions[index])))
    }
    for (index, star) in (program.stars?.items ?? []).enumerated() {
      items.append(
        item(
          .starItem, star.id, star.label, star.site, fired: tally.starItems[index],
          condition(star.site, star.earnedWhen, tally.starItemConditions[index])))
    }
    for (index, consequence) in program.consequences.enumerated() {
      items.append(
        item(
          .consequence, consequence.id, consequence.label, consequence.site, fired: tally.consequences[index],
          condition(consequence.site, consequence.when, tally.consequenceConditions[index])))
    }
    for (index, label) in (program.cohort?.labels ?? []).enumerated() {
      items.append(item(.cohortLabel, label.id, label.label, label.site, fired: tally.cohortLabels[index]))
    }
    for (index, quota) in (program.cohort?.quotas ?? []).enumerated() {
      let what = quota.target.words(grades: program.bands.map(\.grade))
      var entry = item(
        .quota, String(index + 1), "\(what) \(quota.amountText)", quota.site,
        fired: tally.quotas[index])
      entry.isCap = quota.isCap
      items.append(entry)
    }
    self.init(items: items)
  }
}
