/// Scores many subjects of one pack on one thread, reading the results as numbers and indices.
///
/// ``RulePack/assess(_:explain:)`` returns an ``Assessment`` with ids, labels and words: right for one subject, and
/// for showing a result. A batch of millions needs only the numbers. A scorer keeps one buffer and fills it in
/// place: set the inputs, ``score(subject:origin:)``, read ``total``, ``gradeIndex``, ``componentScore(_:)`` and
/// the rest — no allocation and no string per subject. ``assessment(subject:period:)`` builds the full value when
/// one is wanted. Every pack has a scorer, whatever building blocks it uses: ballot counts and period values are
/// inputs like any other, and a points ledger's events are given with ``setEvents(_:)``. The results are those of
/// ``RulePack/assess(_:explain:)`` without an explanation: both run the same kernel.
///
/// ```swift
/// let scorer = PackScorer(pack: pack)
/// let daily = try pack.input("daily"), yearEnd = try pack.input("yearEnd")   // handles, resolved once
/// for row in rows {
///   try scorer.set(daily, .number(row.daily))                                // checked as a pack checks data
///   try scorer.set(yearEnd, .text(row.yearEndCell))
///   try scorer.score(subject: Subject(id: row.id))
///   print(scorer.total, scorer.gradeText, scorer.firedVetoes.map(\.label))
/// }
/// ```
///
/// ``set(_:_:)`` converts and checks a fact as every reader does (a number in range, 是/否, one of the choices);
/// ``setInput(_:_:)`` takes a slot value the caller made with ``RulePack/slotValue(_:forInput:)``. An input not set
/// since the last score takes its default; a required one not set makes ``score(subject:origin:)`` throw, as
/// ``RulePack/assess(_:explain:)`` does. A scorer is used by one thread at a time; scorers of one pack on many
/// threads share its compiled plan, read-only.
public final class PackScorer {
  /// The pack this scorer scores with.
  public let pack: RulePack
  let plan: ScoringPlan
  /// The slots, the formulas' stack and the outcome area (ScoringPlan.swift).
  let buffer: PlainTable<ExactDecimal>
  /// Per input: whether it was set since the last score.
  let given: PlainTable<Bool>
  /// The events of the next subject (a points ledger), when set.
  var events: [LedgerEvent]?
  /// The rater forms of the next subject (items scored from forms), when set; those of the last one scored.
  var forms: FormSlice?
  var lastForms: FormSlice?
  /// What became of the last subject's forms (how many were read and counted).
  var formTally = ScoringPlan.FormTally()
  /// Room for one subject's forms given as values, and for an item's marks, reused from subject to subject.
  lazy var formTable: FormTable? = plan.program.ballots?.forms.map { FormTable(forms: $0) }
  let formScratch = ScoringPlan.FormScratch()
  /// Whether the pack scores items from rater forms (known once: asking the program would copy its ballots).
  let scoresForms: Bool
  /// Why the last subject's vote was void, or nil when it was scored.
  public private(set) var voidReason: String?
  /// The cohort stage's verdict for the last subject, once placed.
  var placement: CohortOutcome?
  /// Where the last subject's linked inputs came from, by input number (`links`), for its explanation.
  var linkedSources: [Int: LinkedSource] = [:]

  /// A scorer for `pack`.
  public init(pack: RulePack) {
    self.pack = pack
    plan = pack.plan
    buffer = PlainTable(repeating: .zero, count: plan.bufferSize)
    given = PlainTable(repeating: false, count: plan.inputCount)
    scoresForms = plan.program.ballots?.forms != nil
  }

  /// Sets an input (a handle from ``RulePack/input(_:)``) to a fact, converted and checked as every reader does.
  ///
  /// - Throws: the error a subject with this fact gets (not a number, out of range, not one of the choices…).
  public func set(_ input: InputHandle, _ value: InputValue) throws(AssessmentError) {
    let compiled = plan.program.inputs[input.index]
    setInputUnchecked(input.index, slot: compiled.slot, try InputCoercion.slotValue(value, for: compiled.declaration).get())
  }

  /// Sets input number `index` (declared order) to a slot value.
  public func setInput(_ index: Int, _ value: ExactDecimal) {
    precondition(index >= 0 && index < given.count, "input \(index) is not an input of pack '\(pack.metadata.id)'")  // not a message: a precondition for programmers
    buffer[plan.inputs[index].slot] = value
    given[index] = true
  }

  /// Sets input number `index` unchecked (the caller knows it is an input's number); the batch readers' path.
  @inline(__always) func setInputUnchecked(_ index: Int, slot: Int, _ value: ExactDecimal) {
    buffer[slot] = value
    given[index] = true
  }

  /// Sets inputs from facts by input id (declared order), each checked against its declaration as
  /// ``RulePack/assess(_:explain:)`` does; an id the pack does not read is an error.
  public func setInputs(_ values: [String: InputValue]) throws(AssessmentError) {
    var given = 0
    for (index, input) in plan.program.inputs.enumerated() {
      guard let value = values[input.declaration.id] else { continue }
      given += 1
      switch InputCoercion.slotValue(value, for: input.declaration) {
      case .success(let slotValue): setInputUnchecked(index, slot: input.slot, slotValue)
      case .failure(let error):
        discardInputs()
        throw error
      }
    }
    if given != values.count {
      let known = Set(plan.program.inputs.map(\.declaration.id))
      let unknown = values.keys.filter { !known.contains($0) }.sorted()
      discardInputs()
      throw InputCoercion.unknownInputError(unknown[0], packID: pack.metadata.id, known: known)
    }
  }

  /// Sets the points ledger's events of the next subject (nil: none given, which a ledger pack rejects).
  public func setEvents(_ events: [LedgerEvent]?) {
    self.events = events
  }

  /// Sets the rater forms of the next subject (nil: none given, which a pack scoring items from forms rejects).
  public func setForms(_ forms: [RaterForm]?) {
    guard let forms, let table = formTable else {
      self.forms = nil
      return
    }
    table.removeAll()
    for (index, form) in forms.enumerated() {
      table.append(form, name: form.number.map { "表 \($0)" } ?? form.origin.map { "\($0)" } ?? "第 \(index + 1) 份")
    }
    table.checkRepeatedRaters(in: 0..<table.count)
    self.forms = FormSlice(table: table, range: 0..<table.count)
  }

  /// Forgets the inputs and events set since the last score.
  public func discardInputs() {
    for index in given.indices { given[index] = false }
    events = nil
    forms = nil
  }

  /// Scores the subject whose inputs were set since the last call.
  ///
  /// - Throws: what ``RulePack/assess(_:explain:)`` throws for the same facts (a required input not set, a
  ///   formula that fails), with the subject's id and `origin`.
  public func score(subject: Subject? = nil, origin: InputOrigin? = nil) throws(AssessmentError) {
    var observer = SilentObserver()
    try score(subject: subject, origin: origin, observer: &observer)
  }

  /// Scores the subject whose inputs were set, reporting to `observer` (an explanation, coverage).
  func score<O: ScoringObserver>(subject: Subject?, origin: InputOrigin?, observer: inout O) throws(AssessmentError) {
    placement = nil
    lastForms = forms
    forms = nil
    formTally = ScoringPlan.FormTally()
    do {
      try prepare()
      if scoresForms {
        try plan.computeForms(buffer.pointer, forms: lastForms, scratch: formScratch, tally: &formTally, observer: &observer)
      }
      voidReason = try plan.run(buffer.pointer, events: events ?? subject?.events, observer: &observer)
      events = nil
    } catch {
      events = nil
      voidReason = nil
      var located = error
      if let subject { located.subjectID = subject.id }
      located.origin = origin
      throw located
    }
  }

  /// Scores the subject scored last again (its inputs are still in place), with its explanation, and places it in the
  /// cohort again when it was placed: the trace of ``RulePack/assess(_:explain:)`` with the cohort's verdict.
  func explainAgain(subject: Subject) throws(AssessmentError) -> [TraceEntry] {
    var observer = TracingObserver(
      plan: plan, view: UnsafeBufferPointer(start: buffer.pointer, count: plan.bufferSize), linkedSources: linkedSources)
    let placed = placement
    if scoresForms {
      try plan.computeForms(buffer.pointer, forms: lastForms, scratch: formScratch, tally: &formTally, observer: &observer)
    }
    voidReason = try plan.run(buffer.pointer, events: events ?? subject.events, observer: &observer)
    if let placed { try place(placed, observer: &observer) }
    return observer.entries
  }

  /// Scores the subject with its explanation: the trace of ``RulePack/assess(_:explain:)``.
  func scoreExplained(subject: Subject?, origin: InputOrigin?) throws(AssessmentError) -> [TraceEntry] {
    var observer = TracingObserver(
      plan: plan, view: UnsafeBufferPointer(start: buffer.pointer, count: plan.bufferSize), linkedSources: linkedSources)
    try score(subject: subject, origin: origin, observer: &observer)
    return observer.entries
  }

  /// Fills every input not set with its default, or flags it not given (not applicable), or throws (required). An
  /// input for a class of subject (`appliesTo`) is decided after the others, which its condition reads: outside the
  /// class it must not be given, and then takes its default or is not applicable.
  @inline(__always) func prepare() throws(AssessmentError) {
    var notGiven = 0
    for index in 0..<plan.inputCount where !plan.inputs[index].appliesTo.isPresent {
      try settle(index, inClass: true, notGiven: &notGiven)
    }
    for position in 0..<plan.classInputs.count {
      let index = Int(plan.classInputs[position])
      let inClass: Bool
      do { inClass = try plan.inClass(ofInput: index, buffer.pointer) } catch {
        clearGiven()
        let view = UnsafeBufferPointer(start: UnsafePointer(buffer.pointer), count: plan.bufferSize)
        throw AssessmentError(code: error.code, detail: error.message(plan: plan, view: view))
      }
      try settle(index, inClass: inClass, notGiven: &notGiven)
    }
    buffer[plan.notGivenCountSlot] = ExactDecimal(notGiven)
  }

  /// Input number `index` given or not: a given value stands (outside its class it is refused); one not given takes
  /// its default, or is flagged not applicable (outside its class too), or is missing.
  @inline(__always) private func settle(_ index: Int, inClass: Bool, notGiven: inout Int) throws(AssessmentError) {
    let input = plan.inputs[index]
    if given[index] {
      guard inClass else { throw outsideClass(index) }
      given[index] = false
      buffer[plan.notGivenBase + index] = .zero
    } else if input.hasDefault {
      buffer[input.slot] = input.defaultValue
      buffer[plan.notGivenBase + index] = input.defaultMark
    } else if input.notApplicable || !inClass {
      buffer[input.slot] = .zero
      buffer[plan.notGivenBase + index] = inClass ? .one : ScoringPlan.outsideClassMark
      notGiven += 1
    } else {
      throw missing(index)
    }
  }

  /// The error for input number `index`, given by a subject outside its class; forgets which inputs were given.
  private func outsideClass(_ index: Int) -> AssessmentError {
    let declaration = plan.program.inputs[index].declaration
    let view = UnsafeBufferPointer(start: UnsafePointer(buffer.pointer), count: plan.bufferSize)
    let shown = TraceWording.display(slot: Int(plan.inputs[index].slot), program: plan.program, in: view)
    clearGiven()
    return AssessmentError(
      code: .inconsistentInputs,
      detail: Message(
        .inputOnlyForClass, declaration.label, declaration.id, plan.program.inputs[index].appliesTo?.source ?? "",
        shown + declaration.unit),
      inputID: declaration.id)
  }

  /// Forgets which inputs were given (the subject is rejected before all were read).
  private func clearGiven() {
    for index in 0..<plan.inputCount { given[index] = false }
  }

  /// The error for required input number `index`, not given; forgets which inputs were given.
  private func missing(_ index: Int) -> AssessmentError {
    clearGiven()
    let declaration = plan.program.inputs[index].declaration
    if plan.program.inputs[index].previousField != nil {
      return AssessmentError(
        code: .missingInput, message: Message(.previousResultNotGiven, declaration.label, declaration.id),
        inputID: declaration.id)
    }
    return InputCoercion.missingError(declaration)
  }

  /// Whether the last subject's result is void (a vote without a quorum…): it has no score, grade or stars.
  public var isVoid: Bool { voidReason != nil }

  /// The total of the last subject scored (0 when void).
  public var total: ExactDecimal { isVoid ? .zero : buffer[plan.totalSlot] }

  /// The grade (an index into ``RulePack/grades``, best first) of the last subject; nil: no grade.
  public var gradeIndex: Int? {
    if isVoid { return nil }
    let index = buffer[plan.gradeSlot].intValue ?? plan.bands.count
    return index < plan.bands.count ? index : nil
  }

  /// The grade of the last subject, by name (nil: no grade, or void).
  public var grade: String? { gradeIndex.map { plan.program.bands[$0].grade } }

  /// The grade as the result columns show it: its name, 不定等次 when none is given, 无效 when the vote is void.
  public var gradeText: String { isVoid ? ResultWording.void : grade ?? ResultWording.noGrade }

  /// The vetoes that fired for the last subject, with what each did, in declared order.
  public var firedVetoes: [FiredVeto] {
    plan.vetoes.indices.filter { vetoFired($0) }.map { plan.firedVetoTemplates[$0] }
  }

  /// Whether the veto with this id fired for the last subject.
  public func vetoFired(id: String) -> Bool {
    plan.program.vetoes.firstIndex { $0.id == id }.map(vetoFired) ?? false
  }

  /// The consequences that follow for the last subject, each with why, in declared order.
  public var consequences: [FiredConsequence] { assessment(subject: Subject(id: "")).consequences }

  /// Whether the consequence with this id follows for the last subject.
  public func follows(consequence id: String) -> Bool {
    plan.program.consequences.firstIndex { $0.id == id }.map(consequenceFollows) ?? false
  }

  /// The star level of the last subject, when the pack rates stars (nil when void).
  public var stars: Int? { plan.hasStars && !isVoid ? buffer[plan.starsSlot].intValue : nil }

  /// The score of component number `index` (declared order); nil when it was not applicable or the result is void.
  public func componentScore(_ index: Int) -> ExactDecimal? {
    precondition(index >= 0 && index < plan.components.count, "component \(index) is not a component of the pack")  // not a message: a precondition for programmers
    if isVoid || !buffer[plan.notApplicableBase + index].isZero { return nil }
    return buffer[Int(plan.components[index].slot)]
  }

  /// The score of section number `index` (declared order, all components' sections in turn); nil when its component
  /// was not applicable or the result is void.
  public func sectionScore(_ index: Int) -> ExactDecimal? {
    precondition(index >= 0 && index < plan.sections.count, "section \(index) is not a section of the pack")  // not a message: a precondition for programmers
    if isVoid { return nil }
    for component in plan.components.indices where plan.components[component].sections.contains(Int32(index)) {
      if !buffer[plan.notApplicableBase + component].isZero { return nil }
    }
    return buffer[Int(plan.sections[index].slot)]
  }

  /// Whether veto number `index` (declared order) fired for the last subject.
  public func vetoFired(_ index: Int) -> Bool {
    precondition(index >= 0 && index < plan.vetoes.count, "veto \(index) is not a veto of the pack")  // not a message: a precondition for programmers
    return !isVoid && !buffer[plan.vetoBase + index].isZero
  }

  /// The value of outcome number `index` (declared order, `outcomes`) for the last subject.
  public func outcome(_ index: Int) -> ExactDecimal {
    precondition(index >= 0 && index < plan.outcomeValues.count, "outcome \(index) is not an outcome of the pack")  // not a message: a precondition for programmers
    return buffer[plan.outcomeValues[index].slot]
  }

  /// The value of the outcome with this id for the last subject, or nil when the pack has none by that id.
  public func outcome(id: String) -> ExactDecimal? {
    plan.program.outcomes.firstIndex { $0.id == id }.map(outcome)
  }

  /// Whether consequence number `index` (declared order) follows for the last subject.
  public func consequenceFollows(_ index: Int) -> Bool {
    precondition(index >= 0 && index < plan.consequences.count, "consequence \(index) is not a consequence of the pack")  // not a message: a precondition for programmers
    if isVoid { return plan.program.consequences[index].onVoid }
    return buffer[plan.consequenceBase + index].intValue != ScoringPlan.ConsequenceReason.none
  }

  /// The full assessment of the last subject scored (the same as ``RulePack/assess(_:explain:)`` without an
  /// explanation).
  public func assessment(subject: Subject, period: AssessmentPeriod? = nil) -> Assessment {
    var assessment = plan.assessment(buffer.pointer, subject: subject, period: period, voidReason: voidReason)
    if let placement {
      assessment.rank = placement.rank
      assessment.cohortSize = placement.cohortSize
      assessment.cohortGroup = placement.group
      assessment.labels = placement.labels
      assessment.quotaMoves = placement.quotaMoves
    }
    return assessment
  }
}

/// An input of a pack, resolved once by its id (``RulePack/input(_:)``), for ``PackScorer/set(_:_:)``.
public struct InputHandle: Sendable, Hashable {
  /// The input's number in declared order.
  public let index: Int
  /// The input's id.
  public let id: String
}

extension RulePack {
  /// The handle of the input with this id.
  ///
  /// - Throws: an error naming the id, with the closest input id, when the pack has no such input.
  public func input(_ id: String) throws(AssessmentError) -> InputHandle {
    guard let index = program.inputs.firstIndex(where: { $0.declaration.id == id }) else {
      throw InputCoercion.unknownInputError(id, packID: metadata.id, known: Set(program.inputs.map(\.declaration.id)))
    }
    return InputHandle(index: index, id: id)
  }
}
