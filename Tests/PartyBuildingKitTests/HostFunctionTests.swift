import Testing

@testable import PartyBuildingKit

private func d(_ text: String) -> ExactDecimal {
  guard let value = ExactDecimal(text) else { fatalError("bad test literal \(text)") }
  return value
}

private let symbols = [
  FormulaSymbol(name: "a", type: .number, slot: 0, range: 0...100, places: 2),
  FormulaSymbol(name: "b", type: .number, slot: 1, range: 0...100, places: 2),
  FormulaSymbol(name: "c", type: .number, slot: 2, range: 0...100, places: 2),
  FormulaSymbol(name: "d", type: .number, slot: 3, range: 0...100, places: 2),
  FormulaSymbol(name: "k", type: .number, slot: 4, range: 0...10, places: 0),
  FormulaSymbol(name: "flag", type: .boolean, slot: 5),
]

private func value(_ source: String, _ slots: [ExactDecimal], functions: [HostFunction] = []) throws -> ExactDecimal {
  let formula = try Formula.compile(source, in: FormulaScope(symbols, functions: functions)).get()
  return try formula.evaluate(slots)
}

private func problems(_ source: String, functions: [HostFunction] = []) -> [String] {
  switch Formula.compile(source, in: FormulaScope(symbols, functions: functions)) {
  case .success: return []
  case .failure(let diagnostics): return diagnostics.map(\.message)
  }
}

@Suite("MEDIAN, LARGE and SMALL")
struct StatisticsFunctionTests {
  let slots: [ExactDecimal] = [d("85.5"), d("90"), d("70.25"), d("88"), 2, 1]

  @Test func medianOfAnOddCountIsTheMiddleValue() throws {
    #expect(try value("MEDIAN(a, b, c)", slots) == d("85.5"))
    #expect(try value("median(c, a, b)", slots) == d("85.5"))
  }

  @Test func medianOfAnEvenCountIsTheExactMeanOfTheTwoMiddleValues() throws {
    // 85.5 and 88 are the middle two of 70.25, 85.5, 88, 90.
    #expect(try value("MEDIAN(a, b, c, d)", slots) == d("86.75"))
    #expect(try value("MEDIAN(a, c)", slots) == d("77.875"))
  }

  @Test func medianOfConstantsFolds() throws {
    let formula = try Formula.compile("MEDIAN(1, 2, 3.5, 4)", in: FormulaScope([])).get()
    #expect(formula.constantValue == d("2.75"))
  }

  @Test func largeAndSmallPickTheKthValue() throws {
    #expect(try value("LARGE(1, a, b, c, d)", slots) == 90)
    #expect(try value("LARGE(2, a, b, c, d)", slots) == 88)
    #expect(try value("SMALL(1, a, b, c, d)", slots) == d("70.25"))
    #expect(try value("SMALL(4, a, b, c, d)", slots) == 90)
    // The best two of four: a common "取最高两项" rule.
    #expect(try value("LARGE(1, a, b, c, d) + LARGE(2, a, b, c, d)", slots) == 178)
    // k from a name.
    #expect(try value("LARGE(k, a, b, c, d)", slots) == 88)
  }

  @Test func repeatedValuesCountOnce() throws {
    #expect(try value("LARGE(2, 5, 5, 3)", []) == 5)
    #expect(try value("SMALL(3, 5, 5, 3)", []) == 5)
  }

  @Test func aConstantKOutsideTheValuesIsReportedAtLoad() {
    #expect(problems("LARGE(5, a, b, c, d)").first?.contains("from 1 to 4") == true)
    #expect(problems("SMALL(0, a, b)").first?.contains("from 1 to 2") == true)
    #expect(problems("LARGE(1.5, a, b)").first?.contains("whole number") == true)
    #expect(problems("LARGE(a)").first?.contains("needs k and at least 1 number") == true)
  }

  @Test func aKFromANameOutsideTheValuesFailsWithItsPlace() throws {
    var slots = self.slots
    slots[4] = 7
    #expect {
      try value("LARGE(k, a, b)", slots)
    } throws: { error in
      guard let error = error as? FormulaError else { return false }
      return error.kind == .invalidArgument && error.message.contains("LARGE(k, a, b)")
        && error.message.contains("whole number from 1")
    }
  }

  @Test func boundsAreTheHullOfTheValues() throws {
    let formula = try Formula.compile("MEDIAN(a, b * 2)", in: FormulaScope(symbols)).get()
    #expect(formula.bounds().lower == 0)
    #expect(formula.bounds().upper == 200)
  }

  @Test func aConditionIsNotANumber() {
    #expect(problems("MEDIAN(a, flag)").first?.contains("MEDIAN needs a number here") == true)
  }
}

@Suite("Host functions in formulas")
struct HostFunctionFormulaTests {
  static let rate = HostFunction.number("职级系数", arguments: [.number]) { arguments in
    arguments.number(0) >= 10 ? d("1.2") : 1
  }
  static let veteran = HostFunction.condition("老党员", arguments: [.number, .boolean]) { arguments in
    arguments.number(0) >= 50 && arguments.condition(1)
  }
  static let broken = HostFunction.number("坏函数", arguments: []) { _ in
    struct Unavailable: Error, CustomStringConvertible { var description: String { "表未加载" } }
    throw Unavailable()
  }

  @Test func aCallIsTypeCheckedAndEvaluated() throws {
    let slots: [ExactDecimal] = [d("85.5"), 60, 0, 0, 0, 1]
    #expect(try value("a * 职级系数(b / 6)", slots, functions: [Self.rate]) == d("102.6"))
    #expect(try value("if 老党员(b, flag) then 1 else 0", slots, functions: [Self.veteran]) == 1)
  }

  @Test func wrongArgumentsAreReportedWithTheSignature() {
    let messages = problems("职级系数(a, b)", functions: [Self.rate])
    #expect(messages == ["职级系数 takes 1 argument, but 2 were given; it is declared as 职级系数(number) → number"])
    #expect(problems("职级系数(flag)", functions: [Self.rate]).first?.contains("职级系数 needs a number here") == true)
    #expect(problems("老党员(a, b)", functions: [Self.veteran]).first?.contains("needs true/false here") == true)
    // A condition result is not a number.
    #expect(problems("老党员(a, flag) + 1", functions: [Self.veteran]).first?.contains("needs a number") == true)
  }

  @Test func anUnknownFunctionSuggestsTheHostsToo() {
    #expect(problems("职级系(a)", functions: [Self.rate]).first?.contains("did you mean '职级系数'") == true)
  }

  @Test func aThrowingFunctionRejectsWithItsReason() {
    #expect {
      try value("a + 坏函数()", [1, 0, 0, 0, 0, 0], functions: [Self.broken])
    } throws: { error in
      (error as? FormulaError)?.message == "the host function 坏函数() failed: 表未加载"
    }
  }

  @Test func theFormulaSaysWhichFunctionsItCalls() throws {
    let formula = try Formula.compile(
      "职级系数(a) + 职级系数(b) + MAX(a, b)", in: FormulaScope(symbols, functions: [Self.rate])
    ).get()
    #expect(formula.calledFunctions == ["职级系数"])
    #expect(formula.references == ["a", "b"])
  }
}

/// A pack that calls a host function, with its declaration and test cases.
private let hostPack = #"""
  {
    "formatVersion": 1, "id": "host-test", "version": "1", "title": "外部函数测试", "source": {"document": "测试"},
    "requires": {"functions": [
      {"name": "职级系数", "label": "按职级查表", "arguments": ["number"],
       "result": {"type": "number", "min": 0.5, "max": 1.5, "places": 2}}
    ]},
    "fullMarks": 100,
    "inputs": [
      {"id": "服务次数", "type": "integer", "min": 0, "max": 20, "required": true},
      {"id": "职级", "type": "integer", "min": 1, "max": 12, "required": true}
    ],
    "components": [
      {"id": "服务", "weight": 1, "sections": [
        {"id": "服务得分", "fullMarks": 100, "startsAt": "zero", "rules": [
          {"id": "每次服务", "label": "每次服务", "kind": "awardEach", "points": "5 * 职级系数(职级)", "count": "服务次数"}
        ]}
      ]}
    ],
    "grades": {"bands": [{"grade": "优秀", "min": 90}, {"grade": "合格", "min": 0, "below": 90}]},
    "tests": [
      {"name": "职级 12 按 1.2", "inputs": {"服务次数": 10, "职级": 12}, "functions": {"职级系数": 1.2},
       "expect": {"total": 60}},
      {"name": "按参数给结果", "inputs": {"服务次数": 10, "职级": 3},
       "functions": {"职级系数": [{"arguments": [3], "result": 0.8}, {"arguments": [12], "result": 1.2}]},
       "expect": {"total": 40}}
    ]
  }
  """#

@Suite("Host functions in packs")
struct HostFunctionPackTests {
  static let rate = HostFunction.number("职级系数", arguments: [.number]) { arguments in
    arguments.number(0) >= 10 ? d("1.2") : d("0.8")
  }

  @Test func aPackWhoseFunctionIsNotRegisteredFailsToLoadWithItsPlace() {
    #expect {
      try RulePack.load(json: hostPack, file: "host.json")
    } throws: { error in
      guard let error = error as? PackLoadError else { return false }
      let problem = error.problems.first { $0.pointer?.description == "/requires/functions/0" }
      return problem?.message.contains("职级系数(number) → number") == true
        && problem?.message.contains("does not provide") == true && problem?.location?.line == 4
    }
  }

  @Test func aRegisteredFunctionWithAnotherSignatureIsReported() {
    let wrong = HostFunction.number("职级系数", arguments: [.number, .number]) { _ in 1 }
    #expect {
      try RulePack.load(json: hostPack, file: "host.json", functions: [wrong])
    } throws: { error in
      (error as? PackLoadError)?.problems.contains {
        $0.message.contains("the host's function is 职级系数(number, number) → number")
      } == true
    }
  }

  @Test func registeredItScoresAndEveryCallIsInTheTrace() throws {
    let pack = try RulePack.load(json: hostPack, file: "host.json", functions: [Self.rate])
    let input = AssessmentInput(subject: Subject(id: "1"), values: ["服务次数": .number(10), "职级": .number(12)])
    let assessment = try pack.assess(input, explain: true)
    #expect(assessment.total == 60)
    let calls = assessment.trace.filter { $0.kind == .function }
    #expect(calls.map(\.message) == ["外部函数 职级系数(12) = 1.2（按职级查表）"])
    // The call is explained before the rule that used it.
    let callIndex = assessment.trace.firstIndex { $0.kind == .function }!
    let ruleIndex = assessment.trace.firstIndex { $0.ruleID == "每次服务" && $0.points != nil }!
    #expect(callIndex < ruleIndex)
    // Without an explanation the same result.
    #expect(try pack.assess(input, explain: false).total == 60)
  }

  @Test func aResultOutsideTheDeclaredRangeRejectsTheSubject() throws {
    let tooHigh = HostFunction.number("职级系数", arguments: [.number]) { _ in 2 }
    let pack = try RulePack.load(json: hostPack, file: "host.json", functions: [tooHigh])
    let input = AssessmentInput(subject: Subject(id: "1"), values: ["服务次数": .number(1), "职级": .number(12)])
    #expect {
      try pack.assess(input, explain: false)
    } throws: { error in
      (error as? AssessmentError)?.message.contains(
        "the host function 职级系数(12) gave 2, outside the declared range 0.5…1.5") == true
    }
    let tooPrecise = HostFunction.number("职级系数", arguments: [.number]) { _ in d("1.125") }
    let precise = try RulePack.load(json: hostPack, file: "host.json", functions: [tooPrecise])
    #expect {
      try precise.assess(input, explain: true)
    } throws: { error in
      (error as? AssessmentError)?.message.contains("more than the declared 2 decimal places") == true
    }
  }

  @Test func checkedWithoutItsHostTheTestCasesGiveTheResults() throws {
    let pack = try RulePack.load(json: hostPack, file: "host.json", functions: .declarationsOnly)
    #expect(pack.requiredFunctions.map(\.signatureText) == ["职级系数(number) → number"])
    // The declared range bounds the highest total: 20 × 5 × 1.5 = 150, capped at 100.
    #expect(pack.highestTotal == 100)
    let results = pack.runTests()
    #expect(results.count == 2)
    for result in results { #expect(result.failures == [], "\(result.testCase.name)") }
    // Outside a test case, a call fails saying the function is not provided.
    let input = AssessmentInput(subject: Subject(id: "1"), values: ["服务次数": .number(1), "职级": .number(3)])
    #expect {
      try pack.assess(input, explain: false)
    } throws: { error in
      (error as? AssessmentError)?.message.contains("职级系数(3) is not provided") == true
    }
  }

  @Test func aTestCaseWithoutTheCallsResultFailsSayingWhatToAdd() throws {
    let json = hostPack.replacingOccurrences(
      of: #""functions": {"职级系数": 1.2},"#, with: "")
    let pack = try RulePack.load(json: json, file: "host.json", functions: .declarationsOnly)
    let failures = pack.runTests()[0].failures
    #expect(failures.count == 1)
    #expect(failures[0].contains("the test case gives no value for it; add \"functions\": {\"职级系数\": …}"))
    let unlisted = hostPack.replacingOccurrences(of: #"{"arguments": [3], "result": 0.8}, "#, with: "")
    let other = try RulePack.load(json: unlisted, file: "host.json", functions: .declarationsOnly)
    #expect(other.runTests()[1].failures.first?.contains("is called with (3), which the test case's") == true)
  }

  @Test func badDeclarationsAreLocated() {
    let cases: [(String, String)] = [
      (#""name": "职级系数""#, #""name": "MAX""#),
      (#""arguments": ["number"]"#, #""arguments": ["text"]"#),
      (#""min": 0.5, "max": 1.5"#, #""min": 2, "max": 1.5"#),
      (#""min": 0.5, "max": 1.5"#, #""min": 0.5"#),
    ]
    let expected = [
      "'MAX' is a built-in function", "unknown argument type 'text'", "is greater than its 'max'",
      "give the result both 'min' and 'max'",
    ]
    for ((old, new), message) in zip(cases, expected) {
      let json = hostPack.replacingOccurrences(of: old, with: new)
      #expect {
        try RulePack.load(json: json, file: "host.json", functions: .declarationsOnly)
      } throws: { error in
        (error as? PackLoadError)?.problems.contains {
          $0.message.contains(message) && $0.pointer?.description.hasPrefix("/requires/functions/0") == true
        } == true
      }
    }
  }

  @Test func aTestResultOutsideTheDeclarationIsLocated() {
    let json = hostPack.replacingOccurrences(of: #""functions": {"职级系数": 1.2}"#, with: #""functions": {"职级系数": 3}"#)
    #expect {
      try RulePack.load(json: json, file: "host.json", functions: .declarationsOnly)
    } throws: { error in
      (error as? PackLoadError)?.problems.contains {
        $0.pointer?.description == "/tests/0/functions/职级系数" && $0.message.contains("outside the declared range")
      } == true
    }
  }

  @Test func batchesCallTheFunctionFromEveryThread() throws {
    let pack = try RulePack.load(json: hostPack, file: "host.json", functions: [Self.rate])
    var csv = "id,服务次数,职级\n"
    for index in 0..<2000 { csv += "\(index),\(index % 21),\(index % 12 + 1)\n" }
    var options = BatchOptions()
    options.threads = 2
    let evaluator = BatchEvaluator(pack: pack, options: options)
    var assessed = 0
    var wrong: [String] = []
    let summary = try evaluator.assessments(from: .bytes(Array(csv.utf8), format: .csv, name: "subjects.csv")) {
      outcome in
      guard case .success(let assessment) = outcome else { return }
      assessed += 1
      let id = Int(assessment.subject.id)!
      let each = (id % 12 + 1) >= 10 ? d("6") : d("4")
      let expected = min(try each.multiplying(by: ExactDecimal(id % 21)), 100)
      if assessment.total != expected { wrong.append(assessment.subject.id) }
    }
    #expect(assessed == 2000)
    #expect(summary.counts.assessed == 2000 && summary.counts.read == 2000)
    #expect(wrong == [])
  }
}
