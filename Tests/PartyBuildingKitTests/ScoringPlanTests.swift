import SeededRandom
import Testing

@testable import PartyBuildingKit

/// One kernel scores with and without an explanation (ScoringKernel.swift): the observer that builds the explanation
/// must not change the result, to the last field, for any shipped pack.
@Suite struct ScoringPlanTests {
  /// A random but valid value for `input`, biased towards the edges (min, max, 0) where rules and bands turn.
  static func randomValue(_ input: InputDeclaration, _ random: inout SplitMix64) -> InputValue {
    switch input.type {
    case .boolean: return .boolean(random.next(below: 4) == 0)
    case .choice: return .text(input.choices[random.next(below: input.choices.count)])
    case .number, .integer:
      let low = input.minimum ?? 0
      let high = input.maximum ?? ((try? low.adding(200)) ?? low)
      switch random.next(below: 8) {
      case 0: return .number(low)
      case 1: return .number(high)
      default:
        // A point between low and high: whole for integers, with up to two decimals for numbers.
        let places = input.type == .integer ? 0 : min(random.next(below: 3), input.places ?? 2)
        let steps = (try? high.subtracting(low).multiplying(by: ExactDecimal([1, 10, 100][places])))?.intValue ?? 100
        let step = random.next(below: max(steps, 0) + 1)
        let value = (try? low.adding(ExactDecimal(significand: Int64(step), scale: places))) ?? low
        return .number(value > high ? high : value)
      }
    }
  }

  /// Random rater forms for a pack that scores items from them (nil for any other pack): 3–6 forms per rater group
  /// (so that a trimmed mean has marks left), each mark a random valid one, with now and then a blank, a spoiled or an
  /// out-of-range form (void), or an unmarked field.
  static func randomForms(_ pack: RulePack, _ random: inout SplitMix64) -> [RaterForm]? {
    guard let forms = pack.program.ballots?.forms else { return nil }
    var result: [RaterForm] = []
    let groups: [String?] = forms.groups.isEmpty ? [nil] : forms.groups.map(\.id)
    for group in groups {
      for _ in 0..<(3 + random.next(below: 4)) {
        var form = RaterForm(group: group)
        switch random.next(below: 20) {
        case 0: result.append(form)
          continue
        case 1: form.spoiled = true
        default: break
        }
        for field in forms.fields where random.next(below: 30) != 0 {
          form.marks[field.id] = randomValue(field.declaration, &random)
        }
        if random.next(below: 25) == 0, let field = forms.fields.first(where: { $0.declaration.maximum != nil }) {
          form.marks[field.id] = .number((try? field.declaration.maximum!.adding(1)) ?? .zero)
        }
        result.append(form)
      }
    }
    return result
  }

  /// Every shipped pack but the ledger example, whose subjects are scored from events the random inputs do not give.
  static var scoredPacks: [String] { Paths.shippedPacks.filter { !$0.contains("ledger") } }

  @Test(arguments: scoredPacks)
  func explainedAndPlainAgree(_ path: String) throws {
    let pack = try RulePack.load(path: Paths.repository + "/" + path, functions: ExampleHost.functions)
    var random = SplitMix64(seed: 0x5EED_2026)
    var compared = 0
    for index in 0..<3000 {
      var values: [String: InputValue] = [:]
      for (inputIndex, input) in pack.info.inputs.enumerated() {
        // Optional inputs are sometimes left out (their default applies); an input for a class of subject half the
        // time (a subject outside the class that gives it is rejected).
        if !input.required, random.next(below: 3) == 0 { continue }
        if pack.program.inputs[inputIndex].appliesTo != nil, random.next(below: 2) == 0 { continue }
        values[input.id] = Self.randomValue(input, &random)
      }
      let input = AssessmentInput(
        subject: Subject(id: "s\(index)"), values: values, forms: Self.randomForms(pack, &random))
      let explained: Assessment
      do { explained = try pack.assess(input, explain: true) } catch {
        // A subject rejected with an explanation must be rejected the same way without one.
        #expect(throws: error) { try pack.assess(input, explain: false) }
        continue
      }
      var expected = explained
      expected.trace = []
      let plain = try pack.assess(input, explain: false)
      #expect(plain == expected, "\(path), subject \(index): \(values)")
      if plain != expected { return }
      compared += 1
    }
    #expect(compared > 300, "\(path): too few subjects were assessed to compare")
  }

  @Test func aFailingFormulaIsReportedWithItsPlace() throws {
    let pack = try RulePack.load(
      json: """
        {"formatVersion": 1, "id": "p", "version": "1", "title": "t", "precision": 2, "fullMarks": 100,
         "source": {"document": "测试"},
         "inputs": [{"id": "a", "label": "甲", "type": "number", "min": 0, "max": 100, "required": true},
                    {"id": "b", "label": "乙", "type": "number", "min": 0, "max": 100, "required": true}],
         "values": [{"id": "v", "label": "比", "formula": "a / b"}],
         "components": [{"id": "c", "label": "丙", "sections": [
           {"id": "s", "label": "丁", "fullMarks": 100, "score": "MIN(MAX(v, 0), 100)"}]}],
         "tests": []}
        """)
    let input = AssessmentInput(subject: Subject(id: "x"), values: ["a": .number(5), "b": .number(0)])
    #expect(throws: AssessmentError.self) { try pack.assess(input, explain: false) }
    do {
      _ = try pack.assess(input, explain: false)
    } catch {
      #expect(error.message.hasPrefix("value 'v': division by zero in 'a / b'"), "\(error.message)")
    }
    let fine = try pack.assess(AssessmentInput(subject: Subject(id: "y"), values: ["a": .number(5), "b": .number(2)]), explain: false)
    #expect(fine.total == ExactDecimal(significand: 25, scale: 1))
  }
}

/// ``PackScorer`` gives the numbers of ``RulePack/assess(_:explain:)`` without building an assessment.
@Suite struct PackScorerTests {
  @Test(arguments: ScoringPlanTests.scoredPacks)
  func scorerAgreesWithAssess(_ path: String) throws {
    let pack = try RulePack.load(path: Paths.repository + "/" + path, functions: ExampleHost.functions)
    let scorer = PackScorer(pack: pack)
    var random = SplitMix64(seed: 0xC0FF_EE26)
    var scored = 0
    for index in 0..<1500 {
      var values: [String: InputValue] = [:]
      for (inputIndex, input) in pack.info.inputs.enumerated() {
        // Optional inputs are sometimes left out; once in a while a required one too; an input for a class of
        // subject half the time.
        if !input.required ? random.next(below: 3) == 0 : random.next(below: 200) == 0 { continue }
        if pack.program.inputs[inputIndex].appliesTo != nil, random.next(below: 2) == 0 { continue }
        let value = ScoringPlanTests.randomValue(input, &random)
        values[input.id] = value
        scorer.setInput(inputIndex, try pack.slotValue(value, forInput: inputIndex).get())
      }
      let subject = Subject(id: "s\(index)")
      let forms = ScoringPlanTests.randomForms(pack, &random)
      scorer.setForms(forms)
      let input = AssessmentInput(subject: subject, values: values, forms: forms)
      let expected: Assessment
      do {
        expected = try pack.assess(input, explain: false)
      } catch {
        #expect(throws: error) { try scorer.score(subject: subject) }
        continue
      }
      try scorer.score(subject: subject)
      scored += 1
      #expect(scorer.assessment(subject: subject) == expected, "\(path), subject \(index)")
      #expect(scorer.total == expected.total)
      #expect(scorer.gradeIndex.map { pack.grades[$0] } == expected.grade)
      #expect(scorer.stars == expected.stars)
      for (componentIndex, component) in expected.components.enumerated() {
        #expect(scorer.componentScore(componentIndex) == (component.notApplicable ? nil : component.score))
      }
      for (sectionIndex, section) in pack.program.sections.enumerated() {
        #expect(scorer.sectionScore(sectionIndex) == expected.sections.first { $0.id == section.id }?.score)
      }
      #expect(scorer.voidReason == expected.voidReason)
      for (vetoIndex, veto) in pack.program.vetoes.enumerated() {
        #expect(scorer.vetoFired(vetoIndex) == expected.vetoes.contains { $0.id == veto.id })
      }
      for (consequenceIndex, consequence) in pack.program.consequences.enumerated() {
        #expect(scorer.consequenceFollows(consequenceIndex) == expected.consequences.contains { $0.id == consequence.id })
      }
    }
    #expect(scored > 150, "\(path): too few subjects were scored to compare")
  }

  @Test func aRequiredInputNotSetIsAnError() throws {
    let pack = try RulePack.load(path: Paths.repository + "/RulePacks/member-points/pack.json")
    let scorer = PackScorer(pack: pack)
    let paid = try #require(pack.info.inputs.firstIndex { $0.id == "按时交纳党费" })
    scorer.setInput(paid, .one)
    try scorer.score(subject: Subject(id: "a"))
    #expect(scorer.total == 65)
    // The next subject does not inherit the last one's facts.
    #expect(throws: AssessmentError.self) { try scorer.score(subject: Subject(id: "b")) }
  }

  @Test func aLedgerPackTakesItsEventsThroughTheScorer() throws {
    let pack = try RulePack.load(path: Paths.repository + "/RulePacks/examples/ledger/pack.json")
    let scorer = PackScorer(pack: pack)
    for testCase in pack.tests where testCase.members.isEmpty && testCase.expectation.error == nil {
      for (index, input) in pack.info.inputs.enumerated() {
        if let value = testCase.inputs[input.id] { scorer.setInput(index, try pack.slotValue(value, forInput: index).get()) }
      }
      scorer.setEvents(testCase.subject.events)
      try scorer.score(subject: testCase.subject)
      let expected = try pack.assess(AssessmentInput(subject: testCase.subject, values: testCase.inputs), explain: false)
      #expect(scorer.assessment(subject: testCase.subject) == expected, "\(testCase.name)")
    }
    // Without events a ledger pack rejects the subject, as assess does.
    #expect(throws: AssessmentError.self) { try scorer.score(subject: Subject(id: "x")) }
  }
}

@Suite struct PlainDecimalCellTests {
  /// Whatever the fast lane reads from a cell is what ExactDecimal reads from the same text, to the scale.
  @Test func readsWhatExactDecimalReads() {
    var random = SplitMix64(seed: 0xCE11)
    let alphabet = Array("-0123456789.".utf8) + Array("0123456789".utf8)
    var read = 0
    var mismatches: [String] = []
    for _ in 0..<100_000 {
      let length = 1 + random.next(below: 22)
      let cell = (0..<length).map { _ in alphabet[random.next(below: alphabet.count)] }
      let fast = cell.withUnsafeBufferPointer { PlainDecimal.read($0) }
      guard let fast else { continue }
      read += 1
      let text = String(decoding: cell, as: UTF8.self)
      let general = ExactDecimal(text)
      if general == nil || general!.significand != fast.significand || general!.scale != fast.scale {
        mismatches.append("\(text): \(general.map { "\($0.significand)e-\($0.scale)" } ?? "nil") vs \(fast.significand)e-\(fast.scale)")
      }
    }
    #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    #expect(read > 10_000)
  }
}

@Suite struct PackScorerHandleTests {
  @Test func inputsByIdAndResultsByName() throws {
    let pack = try RulePack.load(path: Paths.repository + "/RulePacks/member-points/pack.json")
    let scorer = PackScorer(pack: pack)
    let paid = try pack.input("按时交纳党费")
    let discipline = try pack.input("违纪")
    try scorer.set(paid, .text("是"))
    try scorer.set(discipline, .text("警告"))
    try scorer.score(subject: Subject(id: "a"))
    let expected = try pack.assess(AssessmentInput(subject: Subject(id: "a"), values: ["按时交纳党费": .text("是"), "违纪": .text("警告")]), explain: false)
    #expect(scorer.grade == expected.grade)
    #expect(scorer.gradeText == expected.grade ?? "不定等次")
    #expect(scorer.firedVetoes == expected.vetoes)
    #expect(scorer.consequences == expected.consequences)
    for veto in pack.program.vetoes { #expect(scorer.vetoFired(id: veto.id) == expected.vetoes.contains { $0.id == veto.id }) }
    // A fact that does not fit is the error a subject gets; an unknown id names the closest.
    #expect(throws: AssessmentError.self) { try scorer.set(discipline, .text("不存在")) }
    #expect(throws: AssessmentError.self) { try pack.input("按时交纳党") }
  }
}
