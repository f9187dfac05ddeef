/// The scoring kernel: the one place where the meaning of a pack is computed.
///
/// It reads only the plan's plain tables and the scorer's buffer, and reports what happened to its observer. With
/// ``SilentObserver`` it records nothing and allocates nothing (batches); with ``TracingObserver`` the same steps
/// build the explanation. The stages before it (ballots, periods, a points ledger; ScoringStages.swift) have filled
/// their slots, and the inputs are in theirs, with the not-applicable ones flagged in the not-given area.
extension ScoringPlan {
  /// Scores the subject whose inputs are in `buffer` (``bufferSize`` values), leaving every result in it.
  @inline(__always)
  func score<O: ScoringObserver>(_ buffer: UnsafeMutablePointer<ExactDecimal>, observer: inout O) throws(ScoringFailure) {
    let anyNotGiven = !buffer[notGivenCountSlot].isZero
    if O.records {
      for index in 0..<inputCount {
        observer.record(buffer[notGivenBase + index].isZero ? .input(index) : .inputNotGiven(index))
      }
    }

    // Values.
    for index in values.indices {
      let value = values[index]
      if anyNotGiven, dependsOnNotGiven(value.notApplicable, buffer) {
        buffer[Int(value.slot)] = .zero
        observer.record(.valueNotApplicable(index))
        continue
      }
      buffer[Int(value.slot)] = try evaluate(value.formula, buffer, .value(index), &observer)
      observer.record(.value(index))
    }

    // Checks across inputs: data that contradict each other are rejected, never scored.
    for index in checks.indices {
      let rejects = try holds(checks[index], buffer, .check(index), &observer)
      observer.record(.checkCondition(check: index, holds: rejects))
      if rejects { throw ScoringFailure(place: .check(index), reason: .checkFailed) }
    }

    // Components, each with its sections, and the total.
    var sum = ExactDecimal.zero
    var applicableFull = ExactDecimal.zero
    var leftOut = false
    let mayLeaveOut = anyNotGiven || hasClassComponents
    for componentIndex in components.indices {
      let component = components[componentIndex]
      let place = ScoringFailure.Place.component(componentIndex)
      var outsideClass = false
      if component.appliesTo.isPresent {
        let inClass = try holds(component.appliesTo, buffer, place, &observer)
        observer.record(.componentClass(component: componentIndex, holds: inClass))
        outsideClass = !inClass
      }
      if outsideClass || (anyNotGiven && dependsOnNotGiven(component.notApplicable, buffer)) {
        // Not applicable (outside its class, or an input it uses not given): left out of the total; the other
        // weights are re-normalised below.
        buffer[Int(component.slot)] = .zero
        buffer[weightedBase + componentIndex] = .zero
        buffer[notApplicableBase + componentIndex] = .one
        for index in component.sections.range {
          buffer[Int(sections[index].slot)] = .zero
        }
        leftOut = true
        observer.record(outsideClass ? .componentOutsideClass(componentIndex) : .componentNotApplicable(componentIndex))
        continue
      }
      buffer[notApplicableBase + componentIndex] = .zero
      if mayLeaveOut {
        guard let full = component.weightedFull else {
          throw ScoringFailure(place: place, reason: .weightedFullUnrepresentable)
        }
        applicableFull = try arithmetic(.total) { () throws(ArithmeticError) in try applicableFull.adding(full) }
      }
      for index in component.sections.range {
        try scoreSection(index, buffer, observer: &observer)
      }
      var score: ExactDecimal
      if component.score.isPresent {
        score = try evaluate(component.score, buffer, place, &observer)
      } else {
        score = .zero
        for index in component.sections.range {
          let part = buffer[Int(sections[index].slot)]
          score = try arithmetic(place) { () throws(ArithmeticError) in try score.adding(part) }
        }
      }
      if component.precision >= 0 {
        let rounded = score.rounded(places: Int(component.precision), rule: rounding)
        if rounded != score { observer.record(.componentRounded(component: componentIndex, from: score, to: rounded)) }
        score = rounded
      }
      let weighted = try arithmetic(place) { () throws(ArithmeticError) in try score.multiplying(by: component.weight) }
      sum = try arithmetic(.total) { () throws(ArithmeticError) in try sum.adding(weighted) }
      buffer[Int(component.slot)] = score
      buffer[weightedBase + componentIndex] = weighted
      observer.record(.componentScored(component: componentIndex, score: score, weighted: weighted))
    }
    // With components for a class, the weights are shares among the components that apply: scaled whenever their
    // full marks are not the pack's.
    if leftOut || (hasClassComponents && applicableFull != fullMarks) {
      guard !applicableFull.isZero else { throw ScoringFailure(place: .total, reason: .noComponentApplies) }
      // Re-normalise: the applicable components' weighted full marks are scaled up to the pack's full marks.
      let weightedSum = sum
      let scaled = try arithmetic(.total) { () throws(ArithmeticError) in
        try weightedSum.multiplying(by: fullMarks).dividing(by: applicableFull)
      }
      observer.record(.renormalised(sum: weightedSum, applicableFull: applicableFull, scaled: scaled))
      sum = scaled
    }
    var total = sum.rounded(places: precision, rule: rounding)
    observer.record(.total(sum: sum, total: total))
    buffer[totalSlot] = total
    buffer[totalByScoreSlot] = total.padded(toPlaces: precision)
    buffer[gradeByScoreSlot] = ExactDecimal(bands.count)

    // Vetoes: every condition is checked on the total before any veto applies.
    for index in vetoes.indices {
      let fired = try holds(vetoes[index].when, buffer, .veto(index), &observer)
      observer.record(.vetoCondition(veto: index, holds: fired))
      buffer[vetoBase + index] = FormulaMath.truth(fired)
    }
    var noGrade = false
    var setGrade = -1
    var capGrade = -1
    var capStars = Int.max
    var setStars = Int.max
    for index in vetoes.indices where !buffer[vetoBase + index].isZero {
      let veto = vetoes[index]
      let argument = Int(veto.argument)
      switch veto.effect {
      case .zeroTotal:
        if !total.isZero { observer.record(.vetoZeroedTotal(veto: index, lost: total)) }
        total = .zero
      case .noGrade: noGrade = true
      case .capGrade: capGrade = max(capGrade, argument)
      case .setGrade: setGrade = max(setGrade, argument)
      case .setStars: setStars = min(setStars, argument)
      }
      if veto.capStars >= 0 { capStars = min(capStars, Int(veto.capStars)) }
      observer.record(.vetoFired(index))
    }
    buffer[totalSlot] = total

    // Grade.
    var grade = -1
    if !bands.isEmpty {
      for index in bands.indices where total >= bands[index].minimum {
        grade = index
        break
      }
      // No band reaches the total (a floor below 0 let it fall under the lowest band): never a silent "no grade".
      if grade < 0 { throw ScoringFailure(place: .total, reason: .belowLowestBand(total)) }
      if grade >= 0 {
        observer.record(.gradeByScore(band: grade, total: total))
        // A band's extra condition (`when`): a failed one falls to the next band.
        while grade < bands.count - 1, bands[grade].when.isPresent {
          let met = try holds(bands[grade].when, buffer, .band(grade), &observer)
          observer.record(.bandCondition(band: grade, holds: met))
          if met { break }
          grade += 1
        }
      }
      let scored = grade
      // The grade before any veto: this one, unless a veto zeroed the total first (then the band of the total the
      // score gave, its conditions checked quietly: they are not part of the explanation twice).
      var beforeVeto = grade
      let scoredTotal = buffer[totalByScoreSlot]
      if scoredTotal != total {
        beforeVeto = bands.count
        for index in bands.indices where scoredTotal >= bands[index].minimum {
          beforeVeto = index
          break
        }
        var quiet = SilentObserver()
        while beforeVeto < bands.count - 1, bands[beforeVeto].when.isPresent {
          if try holds(bands[beforeVeto].when, buffer, .band(beforeVeto), &quiet) { break }
          beforeVeto += 1
        }
      }
      buffer[gradeByScoreSlot] = ExactDecimal(beforeVeto >= 0 ? beforeVeto : bands.count)
      if setGrade >= 0 {
        grade = setGrade
        observer.record(.gradeSet(setGrade))
      }
      if capGrade >= 0, grade >= 0, grade < capGrade {
        grade = capGrade
        observer.record(.gradeCapped(capGrade))
      }
      if noGrade {
        grade = -1
        observer.record(.gradeWithheld)
      }
      if grade >= 0, grade != scored { total = try totalFollowingGrade(grade, total: total, buffer, observer: &observer) }
    }
    // The total carries exactly the pack's places (95.0 for precision 1), as it is shown.
    buffer[totalSlot] = total.padded(toPlaces: precision)
    buffer[gradeSlot] = ExactDecimal(grade >= 0 ? grade : bands.count)

    // Stars.
    var level = 0
    if hasStars {
      var cap = capStars
      var capItem = -1
      var earnedCount = 0
      for index in starItems.indices {
        let item = starItems[index]
        let earned = try holds(item.earnedWhen, buffer, .starItem(index), &observer)
        buffer[starItemBase + index] = FormulaMath.truth(earned)
        observer.record(.starItem(item: index, earned: earned))
        if earned { earnedCount += 1 }
        if !earned, item.capIfMissing >= 0, Int(item.capIfMissing) < cap {
          cap = Int(item.capIfMissing)
          capItem = index
        }
      }
      for index in starLevels.indices where earnedCount >= Int(starLevels[index].minItems) {
        if starLevels[index].when.isPresent {
          let met = try holds(starLevels[index].when, buffer, .starLevel(index), &observer)
          observer.record(.starLevelCondition(level: index, holds: met))
          if !met { continue }
        }
        level = Int(starLevels[index].stars)
        break
      }
      let earnedLevel = level
      if setStars != Int.max {
        // A direct star level replaces the earned one and a missing required star; vetoes' capStars still cap.
        level = setStars
        cap = capStars
        capItem = -1
      }
      let capped = level > cap
      if capped { level = cap }
      observer.record(
        .stars(
          level: earnedLevel, earned: earnedCount, direct: setStars == Int.max ? nil : setStars,
          cap: capped ? cap : nil, capItem: capped && capItem >= 0 ? capItem : nil))
    }
    buffer[starsSlot] = ExactDecimal(level)

    // Numeric outcomes, from the result.
    try computeOutcomes(buffer, observer: &observer)

    // Consequences.
    try decideConsequences(grade: grade, buffer, observer: &observer, afterQuota: false)

    // What the cohort stage needs: the ranking keys, each label's `alsoWhen`, `exclude`.
    if hasCohort {
      let keyCount = cohortLabelBase - cohortKeyBase
      let labelCount = cohortExcludedSlot - cohortLabelBase
      for index in 0..<keyCount {
        buffer[cohortKeyBase + index] = try evaluate(cohortFormulas[index], buffer, .cohortKey(index), &observer)
      }
      for index in 0..<labelCount {
        let formula = cohortFormulas[keyCount + index]
        buffer[cohortLabelBase + index] =
          formula.isPresent ? FormulaMath.truth(try holds(formula, buffer, .cohortLabel(index), &observer)) : .zero
      }
      let exclude = cohortFormulas[keyCount + labelCount]
      buffer[cohortExcludedSlot] = exclude.isPresent ? FormulaMath.truth(try holds(exclude, buffer, .cohortExclude, &observer)) : .zero
    }
  }

  /// Works out the numeric outcomes (`outcomes`) from the result in `buffer`, in declared order.
  @inline(__always)
  func computeOutcomes<O: ScoringObserver>(
    _ buffer: UnsafeMutablePointer<ExactDecimal>, observer: inout O
  ) throws(ScoringFailure) {
    for index in outcomeValues.indices {
      buffer[Int(outcomeValues[index].slot)] = try evaluate(outcomeValues[index].formula, buffer, .outcome(index), &observer)
      observer.record(.outcome(index))
    }
  }

  /// Decides which consequences follow for `grade` (−1: none) and the vetoes fired, into the outcome area. After a
  /// quota moved the grade (`afterQuota`), a consequence that follows from the new grade says so, and only those
  /// that follow now but did not before are reported.
  @inline(__always)
  func decideConsequences<O: ScoringObserver>(
    grade: Int, _ buffer: UnsafeMutablePointer<ExactDecimal>, observer: inout O, afterQuota: Bool
  ) throws(ScoringFailure) {
    for index in consequences.indices {
      let consequence = consequences[index]
      var reason = ConsequenceReason.none
      if grade >= 0, contains(consequence.onGrades, Int32(grade)) {
        reason = afterQuota ? ConsequenceReason.gradeAfterQuota : ConsequenceReason.grade
      } else if consequence.onNoGrade, grade < 0, !bands.isEmpty {
        reason = ConsequenceReason.noGrade
      } else if let veto = firstFired(consequence.onVetoes, buffer) {
        reason = ConsequenceReason.vetoBase + veto
      } else if consequence.when.isPresent {
        let met = try holds(consequence.when, buffer, .consequence(index), &observer)
        observer.record(.consequenceCondition(consequence: index, holds: met))
        if met { reason = ConsequenceReason.when }
      }
      let before = buffer[consequenceBase + index]
      buffer[consequenceBase + index] = ExactDecimal(reason)
      if reason != ConsequenceReason.none, !afterQuota || before.isZero {
        observer.record(.consequence(consequence: index, reason: reason))
      }
    }
  }

  /// Scores section number `index` into its slot.
  @inline(__always)
  private func scoreSection<O: ScoringObserver>(
    _ index: Int, _ buffer: UnsafeMutablePointer<ExactDecimal>, observer: inout O
  ) throws(ScoringFailure) {
    let section = sections[index]
    let place = ScoringFailure.Place.section(index)
    if section.score.isPresent {
      let score = try evaluate(section.score, buffer, place, &observer)
      if score > section.fullMarks || score < section.floor {
        throw ScoringFailure(place: place, reason: .sectionOutOfRange(score))
      }
      observer.record(.sectionScored(section: index, score: score))
      buffer[Int(section.slot)] = score
      return
    }
    var score = section.start
    if section.startFormula.isPresent {
      score = try evaluate(section.startFormula, buffer, place, &observer)
      if score > section.fullMarks || score < section.floor {
        throw ScoringFailure(place: place, reason: .sectionStartOutOfRange(score))
      }
    }
    observer.record(.sectionStarts(section: index, start: score))
    var zeroedBy = -1
    for ruleIndex in section.rules.range {
      let rule = rules[ruleIndex]
      let rulePlace = ScoringFailure.Place.rule(ruleIndex)
      if rule.when.isPresent {
        let met = try holds(rule.when, buffer, rulePlace, &observer)
        observer.record(.ruleCondition(rule: ruleIndex, holds: met))
        if !met { continue }
      }
      if rule.isZero {
        if zeroedBy < 0 { zeroedBy = ruleIndex }
        continue
      }
      if !rule.points.isPresent { continue }
      let each = try evaluate(rule.points, buffer, rulePlace, &observer)
      var amount = each
      var times: ExactDecimal?
      if rule.count.isPresent {
        let count = try evaluate(rule.count, buffer, rulePlace, &observer)
        if count.isZero { continue }
        times = count
        amount = try arithmetic(rulePlace) { () throws(ArithmeticError) in try each.multiplying(by: count) }
      }
      if amount.isZero { continue }
      var limited: ExactDecimal?
      if rule.hasMax, amount > rule.max {
        limited = amount
        amount = rule.max
      }
      let signed = rule.isDeduction ? try arithmetic(rulePlace) { () throws(ArithmeticError) in try amount.negatedChecked() } : amount
      score = try arithmetic(place) { () throws(ArithmeticError) in try score.adding(signed) }
      observer.record(.rule(rule: ruleIndex, section: index, signed: signed, each: each, times: times, limited: limited))
    }
    if score > section.fullMarks {
      if O.records {
        let excess = try arithmetic(place) { () throws(ArithmeticError) in try score.subtracting(section.fullMarks) }
        observer.record(.sectionCapped(section: index, excess: excess))
      }
      score = section.fullMarks
    } else if score < section.floor {
      if O.records {
        let short = try arithmetic(place) { () throws(ArithmeticError) in try section.floor.subtracting(score) }
        observer.record(.sectionFloored(section: index, short: short))
      }
      score = section.floor
    }
    if zeroedBy >= 0, !score.isZero {
      observer.record(.sectionZeroed(section: index, rule: zeroedBy, lost: score))
      score = .zero
    }
    observer.record(.sectionEnds(section: index, score: score))
    buffer[Int(section.slot)] = score
  }

  /// The total after a veto moved the grade: unchanged, the new grade's lowest score, or capped at its highest, as
  /// the first fired veto that decided this grade declares.
  @inline(__always)
  private func totalFollowingGrade<O: ScoringObserver>(
    _ grade: Int, total: ExactDecimal, _ buffer: UnsafeMutablePointer<ExactDecimal>, observer: inout O
  ) throws(ScoringFailure) -> ExactDecimal {
    for index in vetoes.indices where !buffer[vetoBase + index].isZero {
      let veto = vetoes[index]
      guard veto.effect == .capGrade || veto.effect == .setGrade, Int(veto.argument) == grade, veto.score != .keep
      else { continue }
      var adjusted = total
      switch veto.score {
      case .keep: return total
      case .floorOfGrade: adjusted = bands[grade].minimum
      case .capAtGradeTop:
        guard let top = bands[grade].top else {
          if grade > 0 { throw ScoringFailure(place: .veto(index), reason: .arithmetic(.overflow)) }
          return total
        }
        if total > top { adjusted = top }
      }
      if adjusted != total { observer.record(.totalFollowsGrade(veto: index, band: grade, total: adjusted, original: total)) }
      return adjusted
    }
    return total
  }

  // MARK: Formulas and arithmetic

  @inline(__always)
  private func evaluate<O: ScoringObserver>(
    _ formula: PlanFormula, _ buffer: UnsafeMutablePointer<ExactDecimal>, _ place: @autoclosure () -> ScoringFailure.Place,
    _ observer: inout O
  ) throws(ScoringFailure) -> ExactDecimal {
    switch formula.shape {
    case .constant: return formula.constant
    case .slot: return buffer[Int(formula.slot)]
    case .truth: return FormulaMath.truth(!buffer[Int(formula.slot)].isZero)
    case .compareSlotConstant:
      return FormulaMath.truth(formula.comparison.holds(buffer[Int(formula.slot)], formula.constant))
    case .slotTimesConstant:
      do { return try buffer[Int(formula.slot)].multiplying(by: formula.constant) } catch {
        throw ScoringFailure(
          place: place(), reason: .formula(formula.formula, FormulaRunFailure(kind: FormulaError.Kind(error), site: formula.start)))
      }
    case .code:
      do { return try run(formula, buffer, log: O.records ? observer.hostCallLog : nil) } catch {
        throw ScoringFailure(place: place(), reason: .formula(formula.formula, error))
      }
    case .absent: return .zero
    }
  }

  /// A formula of more than one step, run by the bytecode interpreter (kept out of line, so that the one-step shapes
  /// above inline where they are read).
  @inline(never)
  private func run(_ formula: PlanFormula, _ buffer: UnsafeMutablePointer<ExactDecimal>, log: HostCallLog?)
    throws(FormulaRunFailure) -> ExactDecimal
  {
    try FormulaProgram.execute(
      UnsafeBufferPointer(start: buffer, count: slotCount), stack: buffer + stackBase,
      code: code.buffer(Int(formula.start)..<Int(formula.start + formula.count)), remapValues: remapValues.all,
      host: hostFunctions.map { HostCallContext(table: $0, log: log) })
  }

  @inline(__always)
  /// Whether the subject whose inputs are in `buffer` is in the class of input number `index` (its `appliesTo`).
  func inClass(ofInput index: Int, _ buffer: UnsafeMutablePointer<ExactDecimal>) throws(ScoringFailure) -> Bool {
    var observer = SilentObserver()
    return try holds(inputs[index].appliesTo, buffer, .input(index), &observer)
  }

  private func holds<O: ScoringObserver>(
    _ formula: PlanFormula, _ buffer: UnsafeMutablePointer<ExactDecimal>, _ place: @autoclosure () -> ScoringFailure.Place,
    _ observer: inout O
  ) throws(ScoringFailure) -> Bool {
    !(try evaluate(formula, buffer, place(), &observer)).isZero
  }

  @inline(__always)
  private func arithmetic(
    _ place: @autoclosure () -> ScoringFailure.Place, _ body: () throws(ArithmeticError) -> ExactDecimal
  ) throws(ScoringFailure) -> ExactDecimal {
    do { return try body() } catch { throw ScoringFailure(place: place(), reason: .arithmetic(error)) }
  }

  @inline(__always)
  private func dependsOnNotGiven(_ inputs: IndexSpan, _ buffer: UnsafeMutablePointer<ExactDecimal>) -> Bool {
    for position in inputs.range
    where !buffer[notGivenBase + Int(indexPool[position])].isZero {
      return true
    }
    return false
  }

  @inline(__always)
  private func contains(_ range: IndexSpan, _ value: Int32) -> Bool {
    for position in range.range where indexPool[position] == value { return true }
    return false
  }

  /// The first veto of `range` (indices in ``indexPool``) that fired, or nil.
  @inline(__always)
  private func firstFired(_ range: IndexSpan, _ buffer: UnsafeMutablePointer<ExactDecimal>) -> Int? {
    for position in range.range {
      let veto = Int(indexPool[position])
      if !buffer[vetoBase + veto].isZero { return veto }
    }
    return nil
  }
}
