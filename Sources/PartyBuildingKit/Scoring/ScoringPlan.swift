/// A compiled pack laid out for scoring: the tables the scoring kernel reads, in plain memory.
///
/// ``PackProgram`` keeps each rule, section and component with its id, label and fact list, which explanations and
/// messages need. The kernel (ScoringKernel.swift) needs none of that: the plan holds the same rules as plain values
/// (numbers, slot indices, and formulas as offsets into one instruction buffer the plan owns), so scoring a subject
/// reads no reference-counted storage, builds no string and allocates nothing. The plan is built for every pack and
/// is shared read-only by every thread; each scorer owns only its buffer:
///
///     [0, slotCount)           the pack's slots (inputs, values, sections, components, total, grade, stars)
///     [stackBase, +stackSize)  the formulas' evaluation stack
///     [weightedBase, …)        per component its weighted score, then per component 1 when it was not applicable
///     [vetoBase, …)            per veto 1/0 (fired), per star item 1/0 (earned), per consequence why it follows
///                              (``ConsequenceReason``), per cohort key its value, per cohort label 1/0 (its
///                              `alsoWhen` held), 1/0 (excluded from the cohort)
///     [notGivenBase, …)        per input 1 when it was not given (not applicable), then how many were not given
///
/// `@unchecked Sendable`: everything is set in `init` and only read afterwards (the tables own their memory).
/// A range of table indices, stored as two 32-bit numbers (a plan's tables are plain values).
struct IndexSpan: BitwiseCopyable {
  var start: Int32
  var end: Int32

  init(_ range: Range<Int>) {
    start = Int32(range.lowerBound)
    end = Int32(range.upperBound)
  }

  /// The indices, as a range to loop over.
  @inline(__always) var range: Range<Int> { Int(start)..<Int(end) }
  var count: Int { Int(end - start) }
  func contains(_ index: Int32) -> Bool { index >= start && index < end }
}

final class ScoringPlan: @unchecked Sendable {
  /// A formula as the plan reads it: the common one-step shapes inline, anything else as code in ``code``.
  struct PlanFormula {
    enum Shape: UInt8 {
      case absent, constant, slot, truth, slotTimesConstant, compareSlotConstant, code
    }
    var shape: Shape = .absent
    var comparison: ComparisonOperator = .equal
    var slot: Int32 = 0
    /// The first instruction (``Shape/code``), or the site of the product (``Shape/slotTimesConstant``).
    var start: Int32 = 0
    var count: Int32 = 0
    /// The formula's index in ``formulas`` (for wording a failure); −1 when absent.
    var formula: Int32 = -1
    var constant: ExactDecimal = .zero

    var isPresent: Bool { shape != .absent }
  }

  /// An input as a scorer fills it: its slot, and what stands in when it is not given.
  struct Input {
    var slot: Int32
    var hasDefault: Bool
    /// Not given, it is left out with what uses it (`"whenMissing": "notApplicable"`, or a period part).
    var notApplicable: Bool
    var defaultValue: ExactDecimal
    /// Flags the input not given when its default stands in: 1 for last period's result (a subject without one is
    /// explained so), 0 for any other input.
    var defaultMark: ExactDecimal = .zero
    /// The class of subject it applies to (`appliesTo`), or absent: every subject.
    var appliesTo: PlanFormula
  }

  /// The not-given flag of an input outside its class (`appliesTo`): not applicable to this subject.
  static let outsideClassMark = ExactDecimal(2)

  struct Value {
    var slot: Int32
    var formula: PlanFormula
    /// The not-applicable inputs it depends on: a range of ``indexPool``.
    var notApplicable: IndexSpan
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
    /// A computed start (`startsFrom`), or absent.
    var startFormula: PlanFormula
    var score: PlanFormula
    var rules: IndexSpan
  }

  struct Component {
    var slot: Int32
    var weight: ExactDecimal
    /// Decimal places the component's score is rounded to; −1: not rounded.
    var precision: Int32
    var score: PlanFormula
    var sections: IndexSpan
    /// The not-applicable inputs it depends on: a range of ``indexPool``.
    var notApplicable: IndexSpan
    /// Full marks × weight, for re-normalising when a component is left out; nil when it cannot be held exactly
    /// (a subject that needs it is then rejected with the reason).
    var weightedFull: ExactDecimal?
    /// The class of subject it applies to (`appliesTo`), or absent: every subject.
    var appliesTo: PlanFormula
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
    /// The highest score of the band (for a veto whose `score` is `capAtGradeTop`): the top band's `max`, or one unit
    /// of the total's precision below the band above; nil when unbounded or not representable.
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
    var onGrades: IndexSpan
    var onVetoes: IndexSpan
    var onNoGrade: Bool
    var when: PlanFormula
    /// Cohort labels (indices into the cohort's labels), in ``indexPool``; decided when the subject is placed.
    var onLabels = IndexSpan(0..<0)
  }

  /// Why a consequence follows, as stored in the outcome area (a veto's reason is `vetoBase + its index`).
  enum ConsequenceReason {
    static let none = 0
    static let grade = 1
    static let noGrade = 2
    static let when = 3
    /// The grade a quota moved the subject to (set by the cohort stage, never by the kernel).
    static let gradeAfterQuota = 4
    /// The vote is void (a consequence with `onVoid`).
    static let void = 5
    static let vetoBase = 6
    /// A cohort label the subject was given (`onLabels`), set when the cohort stage places it: −1 − the label's
    /// index, below every other reason.
    static func label(_ index: Int) -> Int { -1 - index }
  }

  /// The compiled pack the tables were made from: ids, labels and words, read by the wording catalogue and the
  /// stages, never by the kernel's loops.
  let program: PackProgram
  /// Every formula the tables refer to, by ``PlanFormula/formula``: read only to word a failure.
  let formulas: [Formula]
  /// The host functions the formulas call, or nil when they call none.
  let hostFunctions: HostFunctionTable?

  let slotCount: Int
  let stackBase: Int
  let weightedBase: Int
  let notApplicableBase: Int
  let vetoBase: Int
  let starItemBase: Int
  let consequenceBase: Int
  let cohortKeyBase: Int
  let cohortLabelBase: Int
  let cohortExcludedSlot: Int
  let notGivenBase: Int
  let notGivenCountSlot: Int
  /// The number of values a scorer's buffer holds.
  let bufferSize: Int
  let totalSlot: Int
  let gradeSlot: Int
  let starsSlot: Int
  let gradeByScoreSlot: Int
  let totalByScoreSlot: Int
  let precision: Int
  let rounding: RoundingRule
  let fullMarks: ExactDecimal
  let hasStars: Bool
  /// The inputs for a class of subject (`appliesTo`), decided once the others are in place.
  let classInputs: PlainTable<Int32>
  /// Whether a component is for a class of subject (and so may be left out).
  let hasClassComponents: Bool
  let hasCohort: Bool
  /// Whether a consequence follows from cohort labels (`onLabels`).
  let hasLabelConsequences: Bool
  let inputCount: Int

  let inputs: PlainTable<Input>
  let code: PlainTable<FormulaInstruction>
  let remapValues: PlainTable<ExactDecimal>
  let values: PlainTable<Value>
  /// The checks across inputs (`checks`): each one's `rejectWhen`.
  let checks: PlainTable<PlanFormula>
  /// The outcomes (`outcomes`), worked out after the grade and stars.
  let outcomeValues: PlainTable<Value>
  /// The outcomes in the results, filled per assessment.
  let outcomeTemplates: [OutcomeValue]
  let rules: PlainTable<Rule>
  let sections: PlainTable<Section>
  let components: PlainTable<Component>
  let vetoes: PlainTable<Veto>
  let bands: PlainTable<Band>
  let starItems: PlainTable<StarItem>
  let starLevels: PlainTable<StarLevel>
  let consequences: PlainTable<Consequence>
  /// The cohort stage's per-subject formulas: ranking keys, then each label's `alsoWhen`, then `exclude`.
  let cohortFormulas: PlainTable<PlanFormula>
  let indexPool: PlainTable<Int32>

  /// The result lists with every id and label filled in (scores zero), copied and filled per assessment: copying
  /// them costs one allocation each, not a walk over the compiled program.
  let componentTemplates: [ComponentScore]
  let sectionTemplates: [SectionScore]
  let firedVetoTemplates: [FiredVeto]

  /// Builds the plan of a compiled pack. Never fails: a constant that cannot be held exactly is left out, and a
  /// subject whose scoring needs it is rejected with the reason.
  init(_ program: PackProgram) {
    var code: [FormulaInstruction] = []
    var remap: [ExactDecimal] = []
    var formulas: [Formula] = []
    func plan(_ formula: Formula?) -> PlanFormula {
      guard let formula else { return PlanFormula() }
      let index = Int32(formulas.count)
      formulas.append(formula)
      let compiled = formula.program
      if compiled.code.count == 1 {
        switch compiled.code[0] {
        case .push(let value): return PlanFormula(shape: .constant, formula: index, constant: value)
        case .load(let slot): return PlanFormula(shape: .slot, slot: slot, formula: index)
        case .loadTruth(let slot): return PlanFormula(shape: .truth, slot: slot, formula: index)
        case .loadTimesConstant(let slot, let factor, let site):
          return PlanFormula(shape: .slotTimesConstant, slot: slot, start: site, formula: index, constant: factor)
        case .compareSlotConstant(let op, let slot, let value):
          return PlanFormula(shape: .compareSlotConstant, comparison: op, slot: slot, formula: index, constant: value)
        default: break
        }
      }
      let start = Int32(code.count)
      let remapBase = Int32(remap.count)
      for instruction in compiled.code {
        if case .remap(let offset, let count) = instruction {
          code.append(.remap(offset: offset + remapBase, count: count))
        } else {
          code.append(instruction)
        }
      }
      remap += compiled.remapValues
      return PlanFormula(shape: .code, start: start, count: Int32(compiled.code.count), formula: index)
    }
    var pool: [Int32] = []
    func pooled(_ indices: [Int]) -> IndexSpan {
      let start = pool.count
      pool += indices.map(Int32.init)
      return IndexSpan(start..<pool.count)
    }

    let plannedChecks = program.checks.map { plan($0.rejectWhen) }
    let plannedOutcomes = program.outcomes.map { outcome in
      Value(slot: Int32(outcome.slot), formula: plan(outcome.formula), notApplicable: IndexSpan(0..<0))
    }
    let plannedValues = program.values.indices.map { index in
      Value(
        slot: Int32(program.values[index].slot), formula: plan(program.values[index].formula),
        notApplicable: pooled(program.notApplicableByValue.isEmpty ? [] : program.notApplicableByValue[index]))
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
          start: section.startsFull ? section.fullMarks : .zero, startFormula: plan(section.startFormula),
          score: plan(section.score),
          rules: IndexSpan(Int(first)..<plannedRules.count)))
    }
    let plannedComponents = program.components.indices.map { index in
      let component = program.components[index]
      return Component(
        slot: Int32(component.slot), weight: component.weight, precision: Int32(component.precision ?? -1),
        score: plan(component.score),
        sections: IndexSpan(component.sections),
        notApplicable: pooled(program.notApplicableByComponent.isEmpty ? [] : program.notApplicableByComponent[index]),
        weightedFull: try? component.fullMarks.multiplying(by: component.weight), appliesTo: plan(component.appliesTo))
    }
    let plannedVetoes = program.vetoes.map { veto in
      let (effect, argument): (Veto.Effect, Int)
      switch veto.effect {
      case .zeroTotal: (effect, argument) = (.zeroTotal, 0)
      case .noGrade: (effect, argument) = (.noGrade, 0)
      case .capGrade(let grade): (effect, argument) = (.capGrade, grade)
      case .setGrade(let grade): (effect, argument) = (.setGrade, grade)
      case .setStars(let stars): (effect, argument) = (.setStars, stars)
      }
      return Veto(
        when: plan(veto.when), effect: effect, argument: Int32(argument), capStars: Int32(veto.capStars ?? -1),
        score: veto.score)
    }
    let unit = ExactDecimal(significand: 1, scale: program.precision)
    let plannedBands = program.bands.indices.map { index in
      let top = index == 0 ? program.bands[0].maximum : try? program.bands[index - 1].minimum.subtracting(unit)
      return Band(minimum: program.bands[index].minimum, when: plan(program.bands[index].when), top: top)
    }
    let plannedItems = (program.stars?.items ?? []).map {
      StarItem(earnedWhen: plan($0.earnedWhen), capIfMissing: Int32($0.capIfMissing ?? -1))
    }
    let plannedLevels = (program.stars?.levels ?? []).map {
      StarLevel(stars: Int32($0.stars), minItems: Int32($0.minItems), when: plan($0.when))
    }
    let plannedConsequences = program.consequences.map { consequence in
      Consequence(
        onGrades: pooled(consequence.onGrades), onVetoes: pooled(consequence.onVetoes),
        onNoGrade: consequence.onNoGrade, when: plan(consequence.when), onLabels: pooled(consequence.onLabels))
    }
    var plannedCohort: [PlanFormula] = []
    if let cohort = program.cohort {
      plannedCohort = cohort.keys.map { plan($0.formula) } + cohort.labels.map { plan($0.alsoWhen) } + [plan(cohort.exclude)]
    }

    self.program = program
    self.formulas = formulas
    hostFunctions = program.hostFunctions
    slotCount = program.slotCount
    stackBase = program.slotCount
    // The stack is as deep as the deepest formula the kernel evaluates: every one of them was planned above.
    weightedBase = program.slotCount + formulas.reduce(program.stackSize) { max($0, $1.stackSize) }
    notApplicableBase = weightedBase + plannedComponents.count
    vetoBase = notApplicableBase + plannedComponents.count
    starItemBase = vetoBase + plannedVetoes.count
    consequenceBase = starItemBase + plannedItems.count
    cohortKeyBase = consequenceBase + plannedConsequences.count
    cohortLabelBase = cohortKeyBase + (program.cohort?.keys.count ?? 0)
    cohortExcludedSlot = cohortLabelBase + (program.cohort?.labels.count ?? 0)
    notGivenBase = cohortExcludedSlot + 1
    notGivenCountSlot = notGivenBase + program.inputs.count
    bufferSize = notGivenCountSlot + 1
    totalSlot = program.totalSlot
    gradeSlot = program.gradeSlot
    starsSlot = program.starsSlot
    gradeByScoreSlot = program.gradeByScoreSlot
    totalByScoreSlot = program.totalByScoreSlot
    precision = program.precision
    rounding = program.rounding
    fullMarks = program.fullMarks
    hasStars = program.stars != nil
    hasCohort = program.cohort != nil
    hasLabelConsequences = program.consequences.contains { !$0.onLabels.isEmpty }
    inputCount = program.inputs.count
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
    firedVetoTemplates = program.vetoes.map {
      FiredVeto(id: $0.id, label: $0.label, effect: ResultWording.effect(of: $0.effect, program: program))
    }

    self.inputs = PlainTable(
      program.inputs.map {
        Input(
          slot: Int32($0.slot), hasDefault: $0.defaultSlotValue != nil, notApplicable: $0.notApplicable,
          defaultValue: $0.defaultSlotValue ?? .zero, defaultMark: $0.previousField == nil ? .zero : .one,
          appliesTo: plan($0.appliesTo))
      })
    classInputs = PlainTable(program.inputs.indices.filter { program.inputs[$0].appliesTo != nil }.map(Int32.init))
    hasClassComponents = program.components.contains { $0.appliesTo != nil }
    self.code = PlainTable(code)
    self.remapValues = PlainTable(remap)
    self.values = PlainTable(plannedValues)
    self.outcomeValues = PlainTable(plannedOutcomes)
    self.checks = PlainTable(plannedChecks)
    outcomeTemplates = program.outcomes.map { OutcomeValue(id: $0.id, label: $0.label, value: .zero) }
    self.rules = PlainTable(plannedRules)
    self.sections = PlainTable(plannedSections)
    self.components = PlainTable(plannedComponents)
    self.vetoes = PlainTable(plannedVetoes)
    self.bands = PlainTable(plannedBands)
    self.starItems = PlainTable(plannedItems)
    self.starLevels = PlainTable(plannedLevels)
    self.consequences = PlainTable(plannedConsequences)
    self.cohortFormulas = PlainTable(plannedCohort)
    self.indexPool = PlainTable(pool)
  }

}
