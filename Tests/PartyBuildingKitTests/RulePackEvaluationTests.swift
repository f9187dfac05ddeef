import Testing

@testable import PartyBuildingKit

@Suite struct RulePackEvaluationTests {
  let pack: RulePack

  init() throws {
    pack = try RulePack.load(path: Paths.fixtures + "/ValidPacks/minimal.pack.json")
  }

  func assess(_ values: [String: InputValue], explain: Bool = true) throws(AssessmentError) -> Assessment {
    try pack.assess(AssessmentInput(subject: Subject(id: "S1", name: "张三"), values: values), explain: explain)
  }

  @Test func weightedTotalIsExact() throws {
    // 0.3 × 85.5 + 0.7 × 100 = 25.65 + 70 = 95.65, exactly.
    let result = try assess(["daily": .number(ExactDecimal("85.5")!), "yearEnd": .number(100)])
    #expect(result.total == ExactDecimal("95.65")!)
    #expect(result.components.map(\.weighted) == [ExactDecimal("25.65")!, ExactDecimal(70)])
    #expect(result.grade == "优秀")
  }

  @Test func deductionPerOccurrenceIsTracedToRuleAndFact() throws {
    let result = try assess(["daily": .number(90), "yearEnd": .number(90), "overdue": .number(1)])
    // 年底: 100 − 10 − 5 = 85; total 27 + 59.5 = 86.5.
    #expect(result.sections.map(\.score) == [ExactDecimal(85)])
    #expect(result.total == ExactDecimal("86.5")!)
    let entry = try #require(result.trace.first { $0.message.hasPrefix("村(社区)阵地建设任务未按时完成") })
    #expect(entry.message == "村(社区)阵地建设任务未按时完成 −5（1 次 × 5 分）")
    #expect(entry.points == ExactDecimal(-5))
    #expect(entry.kind == .deduction)
    #expect(entry.facts == [Fact(name: "overdue", label: "阵地建设任务未按时完成", value: "1")])
  }

  @Test func deductionsStopAtTheFloor() throws {
    // 100 − 100 (yearEnd 0) − 50 (10 overdue) would be −50: 扣完为止 keeps 0 and says so.
    let result = try assess(["daily": .number(100), "yearEnd": .number(0), "overdue": .number(10)])
    #expect(result.sections[0].score == .zero)
    let floor = try #require(result.trace.first { $0.kind == .floor })
    #expect(floor.message == "履职 扣完为止：最低 0 分，超扣的 50 分不计")
    #expect(floor.points == ExactDecimal(50))
    #expect(result.total == ExactDecimal(30))
    #expect(result.grade == "不合格")
  }

  @Test func gradeBoundaryIsInclusiveAtMin() throws {
    // 0.3 × 90 + 0.7 × 90 = 90 exactly → 优秀; 89.99 stays 合格.
    #expect(try assess(["daily": .number(90), "yearEnd": .number(90)]).grade == "优秀")
    let below = try assess(["daily": .number(ExactDecimal("89.97")!), "yearEnd": .number(90)])
    #expect(below.total == ExactDecimal("89.99")!)
    #expect(below.grade == "合格")
  }

  @Test func totalRoundsHalfUpAtDeclaredPrecision() throws {
    // 0.3 × 85.55 = 25.665; + 0.7 × 90 = 88.665 → 88.67 (half-up), never 88.66.
    let result = try assess(["daily": .number(ExactDecimal("85.55")!), "yearEnd": .number(90)])
    #expect(result.total == ExactDecimal("88.67")!)
    #expect(result.trace.contains { $0.message == "总分 88.665 四舍五入保留 2 位小数 = 88.67" })
  }

  @Test func missingRequiredInputIsAnError() {
    #expect(throws: AssessmentError.self) { try assess(["daily": .number(90)]) }
    do {
      _ = try assess(["daily": .number(90)])
    } catch {
      #expect(error.code == .missingInput)
      #expect(error.inputID == "yearEnd")
      #expect(error.message == "年底考核得分(yearEnd) is required but not given; add it to the input")
    }
  }

  @Test func outOfRangeIsRejectedNotClamped() {
    do {
      _ = try assess(["daily": .number(101), "yearEnd": .number(90)])
      Issue.record("101 was accepted")
    } catch {
      #expect(error.code == .outOfRange)
      #expect(error.message == "日常考核得分(daily) is 101, above the most allowed, 100")
    }
  }

  @Test func unknownInputIsRejectedWithSuggestion() {
    do {
      _ = try assess(["daily": .number(90), "yearEnd": .number(90), "yaerEnd2": .number(1)])
      Issue.record("an unknown input was accepted")
    } catch {
      #expect(error.code == .unknownInput)
      #expect(error.message.hasPrefix("'yaerEnd2' is not an input of pack 'minimal'"))
    }
  }

  @Test func textValuesAreParsedExactly() throws {
    let result = try assess(["daily": .text(" 85.5 "), "yearEnd": .text("100"), "overdue": .text("0")])
    #expect(result.total == ExactDecimal("95.65")!)
    do {
      _ = try assess(["daily": .text("85,5"), "yearEnd": .text("100")])
      Issue.record("85,5 was accepted")
    } catch {
      #expect(error.code == .invalidValue)
    }
  }

  @Test func explainOffLeavesTraceEmptyButScoresSame() throws {
    let quick = try assess(["daily": .number(77), "yearEnd": .number(66), "overdue": .number(2)], explain: false)
    let full = try assess(["daily": .number(77), "yearEnd": .number(66), "overdue": .number(2)], explain: true)
    #expect(quick.trace.isEmpty)
    #expect(!full.trace.isEmpty)
    #expect(quick.total == full.total)
    #expect(quick.grade == full.grade)
  }

  @Test func evaluatorCountsAddUp() {
    let inputs = [
      AssessmentInput(subject: Subject(id: "a"), values: ["daily": .number(90), "yearEnd": .number(90)]),
      AssessmentInput(subject: Subject(id: "b"), values: ["daily": .number(90)]),
      AssessmentInput(subject: Subject(id: "a"), values: ["daily": .number(90), "yearEnd": .number(90)]),
    ]
    let (assessments, errors, counts) = Evaluator(scheme: pack).evaluate(inputs)
    #expect(counts == Evaluator<RulePack>.Counts(read: 3, assessed: 1, rejected: 2))
    #expect(assessments.map(\.subject.id) == ["a"])
    #expect(errors.map(\.code) == [.missingInput, .malformedRecord])
  }
}
