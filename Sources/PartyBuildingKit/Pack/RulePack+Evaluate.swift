extension RulePack {
  /// Assesses one subject from a filled slot buffer (inputs in ``inputSlots``; the rest is overwritten).
  ///
  /// This is the path batch readers use: no look-up by name, no allocation per rule. `notGiven` lists the inputs
  /// (by declared index) declared `"whenMissing": "notApplicable"` that the subject does not have: the components
  /// that use them are left out and the remaining weights re-normalised.
  public func evaluate(
    slots: inout [ExactDecimal], subject: Subject, period: AssessmentPeriod? = nil, origin: InputOrigin? = nil,
    explain: Bool = false, notGiven: [Int] = []
  ) throws(AssessmentError) -> Assessment {
    var trace: [TraceEntry] = []
    // Ballots (RulePack+Ballots.swift): a void vote is a result without a score; otherwise each item's result.
    if program.hasBallots {
      if let reason = try ballotVoidReason(slots, subject: subject, origin: origin) {
        return voidAssessment(slots, reason: reason, subject: subject, period: period, explain: explain, trace: trace)
      }
      try computeBallots(&slots, subject: subject, origin: origin, explain: explain, trace: &trace)
    }
    // Periods (RulePack+Periods.swift): each declaration's aggregate and per-period checks.
    if !program.periods.isEmpty {
      try computePeriods(&slots, notGiven: notGiven, subject: subject, origin: origin, explain: explain, trace: &trace)
    }
    // The points ledger (RulePack+Ledger.swift), from the subject's events.
    if program.hasLedger {
      try computeLedger(&slots, subject: subject, origin: origin, explain: explain, trace: &trace)
    }
    // The formulas' evaluation stack lives after the slots, so evaluating allocates nothing per formula.
    let needed = program.plan?.bufferSize ?? (program.slotCount + program.stackSize)
    if slots.count < needed { slots.append(contentsOf: repeatElement(.zero, count: needed - slots.count)) }
    // Without an explanation and with every input given, the plan scores from plain tables (ScoringPlan.swift);
    // when a formula fails there, the general path below runs and words the error.
    if !explain, notGiven.isEmpty, let plan = program.plan {
      let scored = slots.withUnsafeMutableBufferPointer { plan.score($0.baseAddress!) }
      if scored, var assessment = slots.withUnsafeMutableBufferPointer({
        plannedAssessment($0.baseAddress!, plan: plan, subject: subject, period: period)
      }) {
        if findsWhatItTakes { assessment.whatItTakes = withoutWhatItTakes.whatItTakes(slots: slots, assessment: assessment, notGiven: notGiven) }
        return assessment
      }
    }
    do {
      var assessment = try slots.withUnsafeMutableBufferPointer { buffer throws(EvaluationFailure) in
        try run(buffer, subject: subject, period: period, explain: explain, notGiven: notGiven, trace: &trace)
      }
      // "What it takes" (RulePack+WhatItTakes.swift), only when asked for: it scores the subject many times.
      if findsWhatItTakes { assessment.whatItTakes = withoutWhatItTakes.whatItTakes(slots: slots, assessment: assessment, notGiven: notGiven) }
      return assessment
    } catch {
      throw AssessmentError(
        code: .arithmetic, message: "\(error.place): \(error.error.message)", subjectID: subject.id, origin: origin)
    }
  }

  struct EvaluationFailure: Error {
    var place: String
    var error: FormulaError
  }

  // swiftlint:disable:next function_body_length
  private func run(
    _ slots: UnsafeMutableBufferPointer<ExactDecimal>, subject: Subject, period: AssessmentPeriod?, explain: Bool,
    notGiven: [Int], trace: inout [TraceEntry]
  ) throws(EvaluationFailure) -> Assessment {
    // `program` below is `self.program`, borrowed: copying the whole compiled program would retain every list in it.
    let view = UnsafeBufferPointer(rebasing: slots[0..<program.slotCount])
    let stack = slots.baseAddress! + program.slotCount

    func number(_ formula: Formula, _ place: @autoclosure () -> String) throws(EvaluationFailure) -> ExactDecimal {
      do { return try formula.evaluate(view, stack: stack) } catch {
        throw EvaluationFailure(place: place(), error: error)
      }
    }
    func holds(_ formula: Formula, _ place: @autoclosure () -> String) throws(EvaluationFailure) -> Bool {
      do { return !(try formula.evaluate(view, stack: stack)).isZero } catch {
        throw EvaluationFailure(place: place(), error: error)
      }
    }
    func arithmetic<T>(_ place: @autoclosure () -> String, _ body: () throws(ArithmeticError) -> T)
      throws(EvaluationFailure) -> T
    {
      do { return try body() } catch {
        let kind = FormulaError.Kind(error)
        throw EvaluationFailure(
          place: place(),
          error: FormulaError(kind: kind, message: error.reason))
      }
    }

    if explain {
      for (inputIndex, input) in program.inputs.enumerated() {
        if notGiven.contains(inputIndex) {
          trace.append(TraceEntry(kind: .input, ruleID: input.declaration.id, message: "\(input.declaration.label)：未提供\(input.periodPart ? "" : "（不适用）")"))
          continue
        }
        trace.append(
          TraceEntry(kind: .input, ruleID: input.declaration.id, message: "\(input.declaration.label) = \(display(slot: input.slot, in: view))\(input.declaration.unit)"))
      }
    }
    for valueIndex in program.values.indices {
      if explain || !notGiven.isEmpty {
        try valueWithExplanation(valueIndex)
        continue
      }
      // The plain path reads two fields and copies nothing else.
      slots[program.values[valueIndex].slot] = try number(
        program.values[valueIndex].formula, "value '\(program.values[valueIndex].id)'")
    }
    func valueWithExplanation(_ valueIndex: Int) throws(EvaluationFailure) {
      let value = program.values[valueIndex]
      if !notGiven.isEmpty, program.notApplicableByValue[valueIndex].contains(where: notGiven.contains) {
        slots[value.slot] = .zero
        if explain {
          trace.append(TraceEntry(kind: .missing, ruleID: value.id, message: "\(value.label)：不适用（\(missingNames(program.notApplicableByValue[valueIndex], notGiven))未提供）"))
        }
        return
      }
      slots[value.slot] = try number(value.formula, "value '\(value.id)'")
      if explain {
        trace.append(
          TraceEntry(
            kind: .value, ruleID: value.id, message: "\(value.label) = \(slots[value.slot])（\(value.formula.source)）",
            facts: facts(value.facts, view)))
      }
    }

    // Sections are scored with their component, so the trace reads component by component.
    var sectionScores: [SectionScore] = []
    sectionScores.reserveCapacity(program.sections.count)
    func scoreSection(_ section: CompiledSection) throws(EvaluationFailure) {
      var score: ExactDecimal
      if let formula = section.score {
        score = try number(formula, "section '\(section.id)'")
        if score > section.fullMarks || score < section.floor {
          throw EvaluationFailure(
            place: "section '\(section.id)'",
            error: FormulaError(kind: .invalidArgument, message: "its score \(score) is outside \(section.floor)…\(section.fullMarks)"))
        }
        if explain {
          trace.append(
            TraceEntry(
              kind: .section, ruleID: section.id, message: "\(section.label) 得分 \(score)（\(formula.source)）",
              points: score, facts: facts(section.scoreFacts, view), scope: section.id))
        }
      } else {
        let start = section.startsFull ? section.fullMarks : ExactDecimal.zero
        score = start
        if explain {
          let message =
            section.isBonus
            ? "\(section.label)（加分项，上限 \(section.fullMarks) 分）"
            : "\(section.label)（满分 \(section.fullMarks) 分，\(section.startsFull ? "从满分起扣" : "从 0 分起计")）"
          trace.append(TraceEntry(kind: .start, ruleID: section.id, message: message, scope: section.id))
        }
        var zeroedBy: CompiledRule?
        // Rules are read field by field, not copied whole: a rule's strings and fact list are for explanations.
        let rules = section.rules
        for ruleIndex in rules.indices {
          if let when = rules[ruleIndex].when, !(try holds(when, "rule '\(rules[ruleIndex].label)'")) { continue }
          let kind = rules[ruleIndex].kind
          if kind == .zero {
            if zeroedBy == nil { zeroedBy = rules[ruleIndex] }
            continue
          }
          guard let pointsFormula = rules[ruleIndex].points else { continue }
          let each = try number(pointsFormula, "rule '\(rules[ruleIndex].label)'")
          var amount = each
          var times: ExactDecimal?
          if let countFormula = rules[ruleIndex].count {
            let count = try number(countFormula, "rule '\(rules[ruleIndex].label)'")
            if count.isZero { continue }
            times = count
            amount = try arithmetic("rule '\(rules[ruleIndex].label)'") { () throws(ArithmeticError) in
              try each.multiplying(by: count)
            }
          }
          if amount.isZero { continue }
          var limited: ExactDecimal?
          if let most = rules[ruleIndex].max, amount > most {
            limited = amount
            amount = most
          }
          let signed = kind.isDeduction ? amount.negated() : amount
          score = try arithmetic("section '\(section.id)'") { () throws(ArithmeticError) in try score.adding(signed) }
          if explain {
            let rule = rules[ruleIndex]
            var message = "\(rule.label) \(Self.signed(signed))"
            if let times { message += "（\(times) 次 × \(each) 分）" }
            if let limited { message += "（按规则计 \(limited) 分，本项最多\(rule.kind.isDeduction ? "扣" : "加") \(amount) 分）" }
            trace.append(
              TraceEntry(
                kind: rule.kind.isDeduction ? .deduction : (section.isBonus ? .bonus : .award), ruleID: rule.id,
                message: message, points: signed, facts: facts(rule.facts, view), scope: section.id))
          }
        }
        if score > section.fullMarks {
          let excess = try arithmetic("section '\(section.id)'") { () throws(ArithmeticError) in try score.subtracting(section.fullMarks) }
          if explain {
            trace.append(
              TraceEntry(
                kind: .cap, ruleID: section.id,
                message: "\(section.label) \(section.isBonus ? "加分上限" : "封顶") \(section.fullMarks) 分，超出的 \(excess) 分不计",
                points: excess.negated(), scope: section.id))
          }
          score = section.fullMarks
        } else if score < section.floor {
          let short = try arithmetic("section '\(section.id)'") { () throws(ArithmeticError) in try section.floor.subtracting(score) }
          if explain {
            trace.append(
              TraceEntry(
                kind: .floor, ruleID: section.id,
                message: "\(section.label) 扣完为止：最低 \(section.floor) 分，超扣的 \(short) 分不计", points: short,
                scope: section.id))
          }
          score = section.floor
        }
        if let rule = zeroedBy, !score.isZero {
          if explain {
            trace.append(
              TraceEntry(
                kind: .zeroed, ruleID: rule.id, message: "\(rule.label)：\(section.label) 记 0 分", points: score.negated(),
                facts: facts(rule.facts, view), scope: section.id))
          }
          score = .zero
        }
        if explain {
          trace.append(
            TraceEntry(kind: .section, ruleID: section.id, message: "= \(score) / \(section.fullMarks)", scope: section.id))
        }
      }
      slots[section.slot] = score
      sectionScores.append(
        SectionScore(
          id: section.id, label: section.label, componentID: program.components[section.componentIndex].id, score: score,
          fullMarks: section.fullMarks))
    }

    // Components and the total.
    var componentScores: [ComponentScore] = []
    componentScores.reserveCapacity(program.components.count)
    var sum = ExactDecimal.zero
    var applicableFull = ExactDecimal.zero
    var leftOut: [String] = []
    for (componentIndex, component) in program.components.enumerated() {
      if !notGiven.isEmpty, program.notApplicableByComponent[componentIndex].contains(where: notGiven.contains) {
        // Not applicable: left out of the total; the other weights are re-normalised below.
        slots[component.slot] = .zero
        for index in component.sections { slots[program.sections[index].slot] = .zero }
        leftOut.append(component.label)
        var score = ComponentScore(id: component.id, label: component.label, score: .zero, weight: component.weight, weighted: .zero)
        score.notApplicable = true
        componentScores.append(score)
        if explain {
          trace.append(
            TraceEntry(
              kind: .missing, ruleID: component.id,
              message: "\(component.label) 不适用（\(missingNames(program.notApplicableByComponent[componentIndex], notGiven))未提供），权重 \(Self.percent(component.weight)) 不计",
              scope: component.id))
        }
        continue
      }
      let componentFull = try arithmetic("component '\(component.id)'") { () throws(ArithmeticError) in try component.fullMarks.multiplying(by: component.weight) }
      applicableFull = try arithmetic("the total") { () throws(ArithmeticError) in try applicableFull.adding(componentFull) }
      for index in component.sections { try scoreSection(program.sections[index]) }
      var score: ExactDecimal
      if let formula = component.score {
        score = try number(formula, "component '\(component.id)'")
      } else {
        score = .zero
        for index in component.sections {
          let part = slots[program.sections[index].slot]
          score = try arithmetic("component '\(component.id)'") { () throws(ArithmeticError) in try score.adding(part) }
        }
      }
      if let places = component.precision {
        let rounded = score.rounded(places: places, rule: program.rounding)
        if explain, rounded != score {
          trace.append(
            TraceEntry(
              kind: .rounding, ruleID: component.id,
              message: "\(component.label) \(score) \(Self.roundingName(program.rounding))保留 \(places) 位小数 = \(rounded)", scope: component.id))
        }
        score = rounded
      }
      let weighted = try arithmetic("component '\(component.id)'") { () throws(ArithmeticError) in try score.multiplying(by: component.weight) }
      sum = try arithmetic("the total") { () throws(ArithmeticError) in try sum.adding(weighted) }
      slots[component.slot] = score
      componentScores.append(
        ComponentScore(id: component.id, label: component.label, score: score, weight: component.weight, weighted: weighted))
      if explain {
        let message =
          component.weight == .one
          ? "\(component.label) \(score) 分"
          : "\(component.label) \(score) × \(Self.percent(component.weight)) = \(weighted)"
        trace.append(
          TraceEntry(kind: .component, ruleID: component.id, message: message, points: weighted, facts: facts(component.scoreFacts, view), scope: component.id))
      }
    }
    if !leftOut.isEmpty {
      guard !applicableFull.isZero else {
        throw EvaluationFailure(
          place: "the total",
          error: FormulaError(kind: .invalidArgument, message: "no component applies (\(leftOut.joined(separator: "、")) not applicable); give at least one of their inputs"))
      }
      // Re-normalise: the applicable components' weighted full marks are scaled up to the pack's full marks.
      let scaled = try arithmetic("the total") { () throws(ArithmeticError) in
        try sum.multiplying(by: program.fullMarks).dividing(by: applicableFull)
      }
      if explain {
        trace.append(
          TraceEntry(
            kind: .missing, ruleID: "total",
            message: "不适用项不计，其余权重重新归一：加权和 \(sum) × \(program.fullMarks) / \(applicableFull)（适用部分的加权满分）= \(scaled)"))
      }
      sum = scaled
    }
    var total = sum.rounded(places: program.precision, rule: program.rounding)
    if explain {
      var message = "总分 \(sum)"
      if total != sum {
        message += " \(Self.roundingName(program.rounding))保留 \(program.precision) 位小数 = \(total)"
      }
      trace.append(TraceEntry(kind: .total, ruleID: "total", message: message, points: total))
    }
    slots[program.totalSlot] = total

    // Vetoes: every condition is checked on the total before any veto applies.
    var fired: [Int] = []
    for index in program.vetoes.indices
    where try holds(program.vetoes[index].when, "veto '\(program.vetoes[index].id)'") {
      fired.append(index)
    }
    var firedVetoes: [FiredVeto] = []
    var noGrade = false
    var setGrade: Int?
    var capGrade: Int?
    var capStars: Int?
    var setStars: Int?
    for index in fired {
      let veto = program.vetoes[index]
      let effect: String
      switch veto.effect {
      case .zeroTotal:
        effect = "总分记为 0"
        if explain, !total.isZero {
          trace.append(TraceEntry(kind: .veto, ruleID: veto.id, message: "一票否决：\(veto.label)，总分记为 0", points: total.negated(), facts: facts(veto.facts, view)))
        }
        total = .zero
      case .noGrade:
        effect = "不定等次"
        noGrade = true
      case .capGrade(let grade):
        effect = "等次最高为\(program.bands[grade].grade)"
        capGrade = max(capGrade ?? grade, grade)
      case .setGrade(let grade):
        effect = "等次定为\(program.bands[grade].grade)"
        setGrade = max(setGrade ?? grade, grade)
      case .setStars(let stars):
        effect = "星级定为 \(stars) 星"
        setStars = min(setStars ?? stars, stars)
      }
      if let stars = veto.capStars { capStars = min(capStars ?? stars, stars) }
      if explain, veto.effect != .zeroTotal || total.isZero {
        trace.append(
          TraceEntry(kind: .veto, ruleID: veto.id, message: "\(veto.effect.isDirect ? "直接认定" : "一票否决")：\(veto.label)，\(effect)\(veto.capStars.map { "，星级最高 \($0) 星" } ?? "")", facts: facts(veto.facts, view)))
      }
      firedVetoes.append(FiredVeto(id: veto.id, label: veto.label, effect: effect))
    }
    slots[program.totalSlot] = total

    // Grade.
    var gradeIndex: Int?
    if !program.bands.isEmpty {
      gradeIndex = program.bands.firstIndex { total >= $0.minimum }
      if explain, let band = gradeIndex.map({ program.bands[$0] }) {
        let upper = band.below.map { " < \($0)" } ?? band.maximum.map { " ≤ \($0)" } ?? ""
        trace.append(TraceEntry(kind: .grade, ruleID: "grade", message: "按分数：\(band.grade)（\(band.minimum) ≤ \(total)\(upper)）"))
      }
      // A band's extra condition (`when`): a failed one falls to the next band (RulePack+Classes.swift).
      if let scored = gradeIndex {
        gradeIndex = try bandMeetingConditions(from: scored, view: view, explain: explain, trace: &trace) { formula, place throws(EvaluationFailure) in try holds(formula, place) }
      }
      let scoredGrade = gradeIndex
      if let set = setGrade {
        gradeIndex = set
        if explain { trace.append(TraceEntry(kind: .grade, ruleID: "grade", message: "一票否决定等次：\(program.bands[set].grade)")) }
      }
      if let cap = capGrade, let current = gradeIndex, current < cap {
        gradeIndex = cap
        if explain { trace.append(TraceEntry(kind: .grade, ruleID: "grade", message: "一票否决限等次：最高为\(program.bands[cap].grade)")) }
      }
      if noGrade {
        gradeIndex = nil
        if explain { trace.append(TraceEntry(kind: .grade, ruleID: "grade", message: "一票否决：不定等次")) }
      }
      // A veto may declare what the new grade does to the total (`"score"`, RulePack+Classes.swift).
      if let grade = gradeIndex, grade != scoredGrade {
        total = try totalFollowingGrade(grade, total: total, fired: fired, explain: explain, trace: &trace) { place, body throws(EvaluationFailure) in try arithmetic(place, body) }
      }
    }
    slots[program.totalSlot] = total
    slots[program.gradeSlot] = ExactDecimal(gradeIndex ?? program.bands.count)

    // Stars.
    var starLevel: Int?
    var earnedItems: [String] = []
    if let stars = program.stars {
      var cap = capStars
      var capReason: String?
      for item in stars.items {
        let earned = try holds(item.earnedWhen, "star item '\(item.id)'")
        if earned { earnedItems.append(item.id) }
        if !earned, let itemCap = item.capIfMissing, itemCap < (cap ?? Int.max) {
          cap = itemCap
          capReason = item.label
        }
        if explain {
          trace.append(
            TraceEntry(kind: .starItem, ruleID: item.id, message: "\(item.label)：\(earned ? "获星 ★" : "未获星")", facts: facts(item.facts, view)))
        }
      }
      var level = 0
      for candidate in stars.levels where earnedItems.count >= candidate.minItems {
        if let when = candidate.when, !(try holds(when, "\(candidate.stars)-star level")) {
          if explain {
            trace.append(TraceEntry(kind: .stars, ruleID: "stars", message: "\(candidate.stars) 星：条件 \(when.source) 不满足，降至下一级"))
          }
          continue
        }
        level = candidate.stars
        break
      }
      var message = "星级：\(level) 星（获 \(earnedItems.count) 项）"
      if let direct = setStars {
        // A direct star level (setStars) replaces the earned one and a missing required star; vetoes' capStars still cap.
        message += "；直接认定为 \(direct) 星"
        level = direct
        cap = capStars
        capReason = nil
      }
      if let cap, level > cap {
        message += "；\(capReason.map { "\($0)未获" } ?? "一票否决")，最高 \(cap) 星 → \(cap) 星"
        level = cap
      }
      starLevel = level
      if explain { trace.append(TraceEntry(kind: .stars, ruleID: "stars", message: message)) }
    }
    slots[program.starsSlot] = ExactDecimal(starLevel ?? 0)

    // Consequences.
    var firedConsequences: [FiredConsequence] = []
    for consequence in program.consequences {
      var reason: String?
      if let grade = gradeIndex, consequence.onGrades.contains(grade) {
        reason = "等次为\(program.bands[grade].grade)"
      } else if consequence.onNoGrade, gradeIndex == nil, !program.bands.isEmpty {
        reason = "不定等次"
      } else if let veto = consequence.onVetoes.first(where: fired.contains) {
        reason = "一票否决：\(program.vetoes[veto].label)"
      } else if let when = consequence.when, try holds(when, "consequence '\(consequence.id)'") {
        reason = when.source
      }
      guard let reason else { continue }
      firedConsequences.append(FiredConsequence(id: consequence.id, label: consequence.label, reason: reason))
      if explain {
        trace.append(TraceEntry(kind: .consequence, ruleID: consequence.id, message: "\(consequence.label)（因\(reason)）"))
      }
    }

    var assessment = Assessment(
      subject: subject, period: period, schemeID: metadata.id, total: total, fullMarks: program.fullMarks,
      components: componentScores, sections: sectionScores, grade: gradeIndex.map { program.bands[$0].grade },
      stars: starLevel, starItems: earnedItems, vetoes: firedVetoes, consequences: firedConsequences, trace: trace)

    // What the cohort stage needs, computed now while the slots are at hand.
    if program.hasCohort {
      assessment.cohortEntry = try cohortEntry(view, stack: stack, subject: subject, gradeIndex: gradeIndex, stars: starLevel)
      if assessment.voidReason != nil { assessment.cohortEntry?.excluded = true }
    }
    return assessment
  }

  /// What the cohort stage needs of a scored subject: its ranking keys, forced labels, exclusion and group.
  func cohortEntry(
    _ view: UnsafeBufferPointer<ExactDecimal>, stack: UnsafeMutablePointer<ExactDecimal>, subject: Subject,
    gradeIndex: Int?, stars: Int?
  ) throws(EvaluationFailure) -> CohortEntry? {
    guard let cohort = program.cohort else { return nil }
    func number(_ formula: Formula, _ place: @autoclosure () -> String) throws(EvaluationFailure) -> ExactDecimal {
      do { return try formula.evaluate(view, stack: stack) } catch {
        throw EvaluationFailure(place: place(), error: error)
      }
    }
    var keys: [ExactDecimal] = []
    keys.reserveCapacity(cohort.keys.count)
    for key in cohort.keys { keys.append(try number(key.formula, "the cohort's ranking key '\(key.label)'")) }
    var forced: [Bool] = []
    for label in cohort.labels {
      forced.append(try label.alsoWhen.map { formula throws(EvaluationFailure) in !(try number(formula, "cohort label '\(label.id)'")).isZero } ?? false)
    }
    let excluded = try cohort.exclude.map { formula throws(EvaluationFailure) in !(try number(formula, "the cohort's 'exclude'")).isZero } ?? false
    let group: String
    switch cohort.groupBy {
    case .whole: group = ""
    case .parent: group = subject.parent ?? ""
    case .kind: group = subject.kind
    case .attribute(let name): group = subject.attributes[name] ?? ""
    case .slot(let slot): group = display(slot: slot, in: view)
    }
    return CohortEntry(
      subjectID: subject.id, group: group, keys: keys, gradeIndex: gradeIndex, stars: stars, excluded: excluded,
      forcedLabels: forced)
  }

  private func missingNames(_ inputs: [Int], _ notGiven: [Int]) -> String {
    inputs.filter(notGiven.contains).map { program.inputs[$0].declaration.label }.joined(separator: "、")
  }

  private func facts(_ slotList: [Int], _ view: UnsafeBufferPointer<ExactDecimal>) -> [Fact] {
    slotList.map { Fact(name: program.symbols[$0].name, label: program.symbolLabels[$0], value: display(slot: $0, in: view)) }
  }

  /// A slot's value as a person reads it: a number, 是/否, or the choice's text.
  func display(slot: Int, in view: UnsafeBufferPointer<ExactDecimal>) -> String {
    let symbol = program.symbols[slot]
    let value = view[slot]
    switch symbol.type {
    case .number: return value.description
    case .boolean: return value.isZero ? "否" : "是"
    case .text:
      guard let choices = symbol.choices, let index = value.intValue, choices.indices.contains(index) else {
        return value.description
      }
      return choices[index]
    }
  }

  static func signed(_ value: ExactDecimal) -> String {
    value.isNegative ? "−\(value.magnitude)" : "+\(value)"
  }

  static func percent(_ weight: ExactDecimal) -> String {
    ((try? weight.multiplying(by: 100)) ?? weight).normalized().description + "%"
  }

  static func roundingName(_ rule: RoundingRule) -> String {
    switch rule {
    case .halfUp: "四舍五入"
    case .halfEven: "四舍六入五成双"
    case .halfDown: "五舍六入"
    case .up: "进一法"
    case .down: "去尾法"
    case .ceiling: "向上取整"
    case .floor: "向下取整"
    }
  }
}
