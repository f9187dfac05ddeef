/// The plain scoring path of a compiled pack, laid out for scoring millions of subjects.
///
/// ``PackProgram`` keeps each rule, section and component with its id, label and fact list, which explanations
/// need. Scoring without an explanation needs none of that: the plan holds the same rules as plain values (numbers,
/// slot indices, and formulas as offsets into one instruction buffer the plan owns), so scoring a subject reads no
/// reference-counted storage, builds no string and allocates nothing. Its results go into the caller's buffer:
///
///     [0, slotCount)          the pack's slots (inputs, values, sections, components, total, grade, stars)
///     [stackBase, +stackSize) the formulas' evaluation stack
///     [outcomeBase, …)        each component's weighted score, then per veto 1/0 (fired), per star item 1/0
///                             (earned), per consequence why it follows (0: it does not; see ``ConsequenceReason``)
///
/// The plan is built only for packs whose every subject can take this path (no ballots, periods or ledger; a cohort
/// stage's per-subject entry is computed after it from the slots it filled) and only when every constant it precomputes is representable. It covers the subject without an
/// explanation and with every input given; anything else (an explanation, a not-applicable input, a formula that
/// fails) goes through ``RulePack``'s general path, which the tests check it against (ScoringPlanTests).
///
/// `@unchecked Sendable`: everything is set in `init` and only read afterwards.
final class ScoringPlan: @unchecked Sendable {
  /// A formula as the plan reads it: the common one-step shapes inline, anything else as code in ``code``.
  struct PlanFormula {
    enum Shape: UInt8 {
      case absent, constant, slot, truth, slotTimesConstant, compareSlotConstant, code
    }
    var shape: Shape = .absent
    var comparison: ComparisonOperator = .equal
    var slot: Int32 = 0
    var start: Int32 = 0
    var count: Int32 = 0
    var constant: ExactDecimal = .zero
  }

  struct Value {
    var slot: Int32
    var formula: PlanFormula
  }

  struct Rule {
    var isZero: Bool
    var isDeduction: Bool
    var hasMax: Bool
    var when: PlanFormula
    var points: PlanFormula
    var count: PlanFormula
    var max: ExactDecimal
  }

  struct Section {
    var slot: Int32
    var fullMarks: ExactDecimal
    var floor: ExactDecimal
    var start: ExactDecimal
    var score: PlanFormula
    var rules: Range<Int32>
  }

  struct Component {
    var slot: Int32
    var weight: ExactDecimal
    /// Decimal places the component's score is rounded to; −1: not rounded.
    var precision: Int32
    var score: PlanFormula
    var sections: Range<Int32>
  }

  struct Veto {
    enum Effect: UInt8 { case zeroTotal, noGrade, capGrade, setGrade, setStars }
    var when: PlanFormula
    var effect: Effect
    /// The grade (capGrade, setGrade) or star level (setStars) of the effect.
    var argument: Int32
    /// −1: no cap on stars.
    var capStars: Int32
    var score: VetoScore
  }

  struct Band {
    var minimum: ExactDecimal
    var when: PlanFormula
    /// The highest score of the band, for a veto whose `score` is `capAtGradeTop`; nil when unbounded.
    var top: ExactDecimal?
  }

  struct StarItem {
    var earnedWhen: PlanFormula
    /// −1: not a required star.
    var capIfMissing: Int32
  }

  struct StarLevel {
    var stars: Int32
    var minItems: Int32
    var when: PlanFormula
  }

  struct Consequence {
    /// Ranges into ``indexPool``.
    var onGrades: Range<Int32>
    var onVetoes: Range<Int32>
    var onNoGrade: Bool
    var when: PlanFormula
  }

  /// Why a consequence follows, as stored in the outcome area (a veto's reason is `vetoBase + its index`).
  enum ConsequenceReason {
    static let none = 0
    static let grade = 1
    static let noGrade = 2
    static let when = 3
    static let vetoBase = 4
  }

  let slotCount: Int
  let stackBase: Int
  let outcomeBase: Int
  /// The number of values a caller's buffer must hold.
  let bufferSize: Int
  let totalSlot: Int
  let gradeSlot: Int
  let starsSlot: Int
  let precision: Int
  let rounding: RoundingRule
  let hasStars: Bool

  let code: UnsafeMutableBufferPointer<FormulaInstruction>
  let remapValues: UnsafeMutableBufferPointer<ExactDecimal>
  let values: UnsafeMutableBufferPointer<Value>
  let rules: UnsafeMutableBufferPointer<Rule>
  let sections: UnsafeMutableBufferPointer<Section>
  let components: UnsafeMutableBufferPointer<Component>
  let vetoes: UnsafeMutableBufferPointer<Veto>
  let bands: UnsafeMutableBufferPointer<Band>
  let starItems: UnsafeMutableBufferPointer<StarItem>
  let starLevels: UnsafeMutableBufferPointer<StarLevel>
  let consequences: UnsafeMutableBufferPointer<Consequence>
  let indexPool: UnsafeMutableBufferPointer<Int32>

  /// Outcome offsets, from the start of the caller's buffer.
  var weightedBase: Int { outcomeBase }
  var vetoBase: Int { outcomeBase + components.count }
  var starItemBase: Int { vetoBase + vetoes.count }
  var consequenceBase: Int { starItemBase + starItems.count }

  /// What a fired veto does, in words (the `effect` of ``FiredVeto``), by veto.
  let vetoEffectTexts: [String]
  /// The result lists with every id and label filled in (scores zero), copied and filled per assessment: copying
  /// them costs one allocation each, not a walk over the compiled program.
  let componentTemplates: [ComponentScore]
  let sectionTemplates: [SectionScore]
  let firedVetoTemplates: [FiredVeto]

  /// Builds the plan, or nil when the pack has a stage the plan does not cover or a constant it cannot hold.
  init?(_ program: PackProgram) {
    if program.hasBallots || program.hasLedger || !program.periods.isEmpty { return nil }
    var code: [FormulaInstruction] = []
    var remap: [ExactDecimal] = []
    func plan(_ formula: Formula?) -> PlanFormula {
      guard let formula else { return PlanFormula() }
      let program = formula.program
      if program.code.count == 1 {
        switch program.code[0] {
        case .push(let value): return PlanFormula(shape: .constant, constant: value)
        case .load(let slot): return PlanFormula(shape: .slot, slot: slot)
        case .loadTruth(let slot): return PlanFormula(shape: .truth, slot: slot)
        case .loadTimesConstant(let slot, let factor, _):
          return PlanFormula(shape: .slotTimesConstant, slot: slot, constant: factor)
        case .compareSlotConstant(let op, let slot, let value):
          return PlanFormula(shape: .compareSlotConstant, comparison: op, slot: slot, constant: value)
        default: break
        }
      }
      let start = Int32(code.count)
      let remapBase = Int32(remap.count)
      for instruction in program.code {
        if case .remap(let offset, let count) = instruction {
          code.append(.remap(offset: offset + remapBase, count: count))
        } else {
          code.append(instruction)
        }
      }
      remap += program.remapValues
      return PlanFormula(shape: .code, start: start, count: Int32(program.code.count))
    }

    var plannedRules: [Rule] = []
    var plannedSections: [Section] = []
    for section in program.sections {
      let first = Int32(plannedRules.count)
      for rule in section.rules {
        plannedRules.append(
          Rule(
            isZero: rule.kind == .zero, isDeduction: rule.kind.isDeduction, hasMax: rule.max != nil,
            when: plan(rule.when), points: plan(rule.points), count: plan(rule.count), max: rule.max ?? .zero))
      }
      plannedSections.append(
        Section(
          slot: Int32(section.slot), fullMarks: section.fullMarks, floor: section.floor,
          start: section.startsFull ? section.fullMarks : .zero, score: plan(section.score),
          rules: first..<Int32(plannedRules.count)))
    }
    var plannedComponents: [Component] = []
    for component in program.components {
      // The general path works out each component's weighted full marks and their sum (for re-normalising when
      // an input is not applicable); the plan skips that, so it must not be able to fail.
      guard (try? component.fullMarks.multiplying(by: component.weight)) != nil else { return nil }
      plannedComponents.append(
        Component(
          slot: Int32(component.slot), weight: component.weight, precision: Int32(component.precision ?? -1),
          score: plan(component.score),
          sections: Int32(component.sections.lowerBound)..<Int32(component.sections.upperBound)))
    }
    var fullSum = ExactDecimal.zero
    for component in program.components {
      guard let full = try? component.fullMarks.multiplying(by: component.weight),
        let sum = try? fullSum.adding(full)
      else { return nil }
      fullSum = sum
    }
    var plannedVetoes: [Veto] = []
    var effectTexts: [String] = []
    for veto in program.vetoes {
      let effect: Veto.Effect
      let argument: Int
      let text: String
      switch veto.effect {
      case .zeroTotal: (effect, argument, text) = (.zeroTotal, 0, "总分记为 0")
      case .noGrade: (effect, argument, text) = (.noGrade, 0, "不定等次")
      case .capGrade(let grade): (effect, argument, text) = (.capGrade, grade, "等次最高为\(program.bands[grade].grade)")
      case .setGrade(let grade): (effect, argument, text) = (.setGrade, grade, "等次定为\(program.bands[grade].grade)")
      case .setStars(let stars): (effect, argument, text) = (.setStars, stars, "星级定为 \(stars) 星")
      }
      plannedVetoes.append(
        Veto(when: plan(veto.when), effect: effect, argument: Int32(argument), capStars: Int32(veto.capStars ?? -1), score: veto.score))
      effectTexts.append(text)
    }
    var plannedBands: [Band] = []
    let unit = ExactDecimal(significand: 1, scale: program.precision)
    for (index, band) in program.bands.enumerated() {
      var top = band.maximum
      if index > 0 {
        guard let below = try? program.bands[index - 1].minimum.subtracting(unit) else { return nil }
        top = below
      }
      plannedBands.append(Band(minimum: band.minimum, when: plan(band.when), top: top))
    }
    let plannedItems = (program.stars?.items ?? []).map {
      StarItem(earnedWhen: plan($0.earnedWhen), capIfMissing: Int32($0.capIfMissing ?? -1))
    }
    let plannedLevels = (program.stars?.levels ?? []).map {
      StarLevel(stars: Int32($0.stars), minItems: Int32($0.minItems), when: plan($0.when))
    }
    var pool: [Int32] = []
    var plannedConsequences: [Consequence] = []
    for consequence in program.consequences {
      let grades = Int32(pool.count)
      pool += consequence.onGrades.map(Int32.init)
      let vetoes = Int32(pool.count)
      pool += consequence.onVetoes.map(Int32.init)
      plannedConsequences.append(
        Consequence(
          onGrades: grades..<vetoes, onVetoes: vetoes..<Int32(pool.count), onNoGrade: consequence.onNoGrade,
          when: plan(consequence.when)))
    }
    let values = program.values.map { Value(slot: Int32($0.slot), formula: plan($0.formula)) }

    slotCount = program.slotCount
    stackBase = program.slotCount
    outcomeBase = program.slotCount + program.stackSize
    bufferSize =
      outcomeBase + plannedComponents.count + plannedVetoes.count + plannedItems.count + plannedConsequences.count
    totalSlot = program.totalSlot
    gradeSlot = program.gradeSlot
    starsSlot = program.starsSlot
    precision = program.precision
    rounding = program.rounding
    hasStars = program.stars != nil
    vetoEffectTexts = effectTexts
    componentTemplates = program.components.map {
      ComponentScore(id: $0.id, label: $0.label, score: .zero, weight: $0.weight, weighted: .zero)
    }
    sectionTemplates = program.components.flatMap { component in
      component.sections.map { index in
        SectionScore(
          id: program.sections[index].id, label: program.sections[index].label, componentID: component.id, score: .zero,
          fullMarks: program.sections[index].fullMarks)
      }
    }
    firedVetoTemplates = program.vetoes.indices.map {
      FiredVeto(id: program.vetoes[$0].id, label: program.vetoes[$0].label, effect: effectTexts[$0])
    }

    self.code = .copying(code)
    self.remapValues = .copying(remap)
    self.values = .copying(values)
    self.rules = .copying(plannedRules)
    self.sections = .copying(plannedSections)
    self.components = .copying(plannedComponents)
    self.vetoes = .copying(plannedVetoes)
    self.bands = .copying(plannedBands)
    self.starItems = .copying(plannedItems)
    self.starLevels = .copying(plannedLevels)
    self.consequences = .copying(plannedConsequences)
    self.indexPool = .copying(pool)
  }

  deinit {
    // Every element type is plain data: nothing to deinitialise, only the memory to give back.
    code.baseAddress?.deallocate()
    remapValues.baseAddress?.deallocate()
    values.baseAddress?.deallocate()
    rules.baseAddress?.deallocate()
    sections.baseAddress?.deallocate()
    components.baseAddress?.deallocate()
    vetoes.baseAddress?.deallocate()
    bands.baseAddress?.deallocate()
    starItems.baseAddress?.deallocate()
    starLevels.baseAddress?.deallocate()
    consequences.baseAddress?.deallocate()
    indexPool.baseAddress?.deallocate()
  }
}

/// The plan cannot score this subject (a formula failed): the general path will, and will say why.
struct PlanFailure: Error {}

extension ScoringPlan {
  @inline(__always)
  private func value(_ formula: PlanFormula, _ buffer: UnsafeMutablePointer<ExactDecimal>) throws(PlanFailure)
    -> ExactDecimal
  {
    switch formula.shape {
    case .constant: return formula.constant
    case .slot: return buffer[Int(formula.slot)]
    case .truth: return FormulaMath.truth(!buffer[Int(formula.slot)].isZero)
    case .slotTimesConstant:
      do { return try buffer[Int(formula.slot)].multiplying(by: formula.constant) } catch { throw PlanFailure() }
    case .compareSlotConstant:
      return FormulaMath.truth(formula.comparison.holds(buffer[Int(formula.slot)], formula.constant))
    case .code: return try run(formula, buffer)
    case .absent: preconditionFailure("an absent formula is never evaluated")
    }
  }

  /// A formula that is more than one step, run by the bytecode interpreter (kept out of line, so that the
  /// one-step shapes above inline where they are read).
  @inline(never)
  private func run(_ formula: PlanFormula, _ buffer: UnsafeMutablePointer<ExactDecimal>) throws(PlanFailure)
    -> ExactDecimal
  {
    do {
      return try FormulaProgram.execute(
        UnsafeBufferPointer(start: buffer, count: slotCount), stack: buffer + stackBase,
        code: UnsafeBufferPointer(rebasing: code[Int(formula.start)..<Int(formula.start + formula.count)]),
        remapValues: UnsafeBufferPointer(remapValues))
    } catch { throw PlanFailure() }
  }

  @inline(__always)
  private func holds(_ formula: PlanFormula, _ buffer: UnsafeMutablePointer<ExactDecimal>) throws(PlanFailure) -> Bool {
    !(try value(formula, buffer)).isZero
  }

  @inline(__always)
  private func sum(_ a: ExactDecimal, _ b: ExactDecimal) throws(PlanFailure) -> ExactDecimal {
    do { return try a.adding(b) } catch { throw PlanFailure() }
  }

  /// Scores the subject whose inputs are in `buffer` (``bufferSize`` values); returns false when a formula
  /// failed (the general path then gives the error). Mirrors `RulePack.run` without explanation, step by step.
  // swiftlint:disable:next cyclomatic_complexity function_body_length
  func score(_ buffer: UnsafeMutablePointer<ExactDecimal>) -> Bool {
    do throws(PlanFailure) {
      for value in values { buffer[Int(value.slot)] = try self.value(value.formula, buffer) }

      var total = ExactDecimal.zero
      for (componentIndex, component) in components.enumerated() {
        for section in sections[Int(component.sections.lowerBound)..<Int(component.sections.upperBound)] {
          var score: ExactDecimal
          if section.score.shape != .absent {
            score = try value(section.score, buffer)
            if score > section.fullMarks || score < section.floor { throw PlanFailure() }
          } else {
            score = section.start
            var zeroed = false
            for rule in rules[Int(section.rules.lowerBound)..<Int(section.rules.upperBound)] {
              if rule.when.shape != .absent, !(try holds(rule.when, buffer)) { continue }
              if rule.isZero {
                zeroed = true
                continue
              }
              if rule.points.shape == .absent { continue }
              var amount = try value(rule.points, buffer)
              if rule.count.shape != .absent {
                let count = try value(rule.count, buffer)
                if count.isZero { continue }
                do { amount = try amount.multiplying(by: count) } catch { throw PlanFailure() }
              }
              if amount.isZero { continue }
              if rule.hasMax, amount > rule.max { amount = rule.max }
              score = try sum(score, rule.isDeduction ? amount.negated() : amount)
            }
            if score > section.fullMarks {
              score = section.fullMarks
            } else if score < section.floor {
              score = section.floor
            }
            if zeroed { score = .zero }
          }
          buffer[Int(section.slot)] = score
        }
        var score: ExactDecimal
        if component.score.shape != .absent {
          score = try value(component.score, buffer)
        } else {
          score = .zero
          for section in sections[Int(component.sections.lowerBound)..<Int(component.sections.upperBound)] {
            score = try sum(score, buffer[Int(section.slot)])
          }
        }
        if component.precision >= 0 { score = score.rounded(places: Int(component.precision), rule: rounding) }
        let weighted: ExactDecimal
        do { weighted = try score.multiplying(by: component.weight) } catch { throw PlanFailure() }
        total = try sum(total, weighted)
        buffer[Int(component.slot)] = score
        buffer[weightedBase + componentIndex] = weighted
      }
      total = total.rounded(places: precision, rule: rounding)
      buffer[totalSlot] = total

      // Vetoes: every condition on the total before any applies.
      for (index, veto) in vetoes.enumerated() {
        buffer[vetoBase + index] = FormulaMath.truth(try holds(veto.when, buffer))
      }
      var noGrade = false
      var setGrade = -1
      var capGrade = -1
      var capStars = Int.max
      var setStars = Int.max
      for (index, veto) in vetoes.enumerated() where !buffer[vetoBase + index].isZero {
        let argument = Int(veto.argument)
        switch veto.effect {
        case .zeroTotal: total = .zero
        case .noGrade: noGrade = true
        case .capGrade: capGrade = max(capGrade, argument)
        case .setGrade: setGrade = max(setGrade, argument)
        case .setStars: setStars = min(setStars, argument)
        }
        if veto.capStars >= 0 { capStars = min(capStars, Int(veto.capStars)) }
      }
      buffer[totalSlot] = total

      // Grade.
      var grade = -1
      if !bands.isEmpty {
        grade = bands.firstIndex { total >= $0.minimum } ?? -1
        if grade >= 0 {
          while grade < bands.count - 1, bands[grade].when.shape != .absent {
            if try holds(bands[grade].when, buffer) { break }
            grade += 1
          }
        }
        let scored = grade
        if setGrade >= 0 { grade = setGrade }
        if capGrade >= 0, grade >= 0, grade < capGrade { grade = capGrade }
        if noGrade { grade = -1 }
        if grade >= 0, grade != scored { total = totalFollowingGrade(grade, total: total, buffer) }
      }
      buffer[totalSlot] = total
      buffer[gradeSlot] = ExactDecimal(grade >= 0 ? grade : bands.count)

      // Stars.
      var level = 0
      if hasStars {
        var cap = capStars
        var earnedCount = 0
        for (index, item) in starItems.enumerated() {
          let earned = try holds(item.earnedWhen, buffer)
          buffer[starItemBase + index] = FormulaMath.truth(earned)
          if earned { earnedCount += 1 }
          if !earned, item.capIfMissing >= 0, Int(item.capIfMissing) < cap { cap = Int(item.capIfMissing) }
        }
        for candidate in starLevels where earnedCount >= Int(candidate.minItems) {
          if candidate.when.shape != .absent, !(try holds(candidate.when, buffer)) { continue }
          level = Int(candidate.stars)
          break
        }
        if setStars != Int.max {
          level = setStars
          cap = capStars
        }
        if level > cap { level = cap }
      }
      buffer[starsSlot] = ExactDecimal(level)

      // Consequences.
      for (index, consequence) in consequences.enumerated() {
        var reason = ConsequenceReason.none
        if grade >= 0, indexPool[Int(consequence.onGrades.lowerBound)..<Int(consequence.onGrades.upperBound)].contains(Int32(grade)) {
          reason = ConsequenceReason.grade
        } else if consequence.onNoGrade, grade < 0, !bands.isEmpty {
          reason = ConsequenceReason.noGrade
        } else if let veto = indexPool[Int(consequence.onVetoes.lowerBound)..<Int(consequence.onVetoes.upperBound)]
          .first(where: { !buffer[vetoBase + Int($0)].isZero })
        {
          reason = ConsequenceReason.vetoBase + Int(veto)
        } else if consequence.when.shape != .absent, try holds(consequence.when, buffer) {
          reason = ConsequenceReason.when
        }
        buffer[consequenceBase + index] = ExactDecimal(reason)
      }
      return true
    } catch {
      return false
    }
  }

  /// The total after a veto moved the grade (see `RulePack.totalFollowingGrade`).
  private func totalFollowingGrade(_ grade: Int, total: ExactDecimal, _ buffer: UnsafeMutablePointer<ExactDecimal>)
    -> ExactDecimal
  {
    for (index, veto) in vetoes.enumerated() where !buffer[vetoBase + index].isZero {
      guard veto.effect == .capGrade || veto.effect == .setGrade, Int(veto.argument) == grade, veto.score != .keep
      else { continue }
      switch veto.score {
      case .keep: return total
      case .floorOfGrade: return bands[grade].minimum
      case .capAtGradeTop:
        guard let top = bands[grade].top, total > top else { return total }
        return top
      }
    }
    return total
  }
}
