import Testing

@testable import PartyBuildingKit

/// Period declarations: parts aggregated into one value, a declared policy for a missing period, per-period checks
/// (RulePacks/examples/periods).
@Suite struct PeriodTests {
  static let pack: RulePack = {
    try! RulePack.load(path: Paths.repository + "/RulePacks/examples/periods/pack.json")
  }()

  static func assess(_ values: [String: ExactDecimal]) throws(AssessmentError) -> Assessment {
    var all: [String: InputValue] = ["学习:1月": .number(0), "评议:一季度": .number(80), "最低:一季度": .number(60)]
    for (key, value) in values { all[key] = .number(value) }
    return try pack.assess(AssessmentInput(subject: Subject(id: "p1"), values: all))
  }

  static let fullYear: [String: ExactDecimal] = ["日常:一季度": 90, "日常:二季度": 55, "日常:三季度": 70, "日常:四季度": 61]

  @Test func averageAndAFailingQuarterAreTracedWithThePeriod() throws {
    let assessment = try Self.assess(Self.fullYear)
    #expect(assessment.components.first?.score == 69)
    #expect(assessment.consequences.map(\.id) == ["talk"])
    let periodLines = assessment.trace.filter { $0.kind == .period }.map(\.message)
    #expect(periodLines.contains("日常考核 二季度 = 55；低于 60（季度得分低于60分）"))
    #expect(periodLines.contains("日常考核 = 69（4 期平均（276 / 4））；季度得分低于60分 1 期"))
  }

  @Test func theCheckCountIsAFormulaValue() throws {
    var values = Self.fullYear
    values["日常:四季度"] = 50
    let assessment = try Self.assess(values)
    #expect(assessment.consequences.map(\.id) == ["talk"])
    #expect(assessment.trace.contains { $0.kind == .period && $0.message.hasSuffix("季度得分低于60分 2 期") })
  }

  @Test func carryLastUsesThePreviousPeriodNotZero() throws {
    var values = Self.fullYear
    values["评议:一季度"] = 95
    values["评议:二季度"] = 72
    let assessment = try Self.assess(values)
    #expect(assessment.components.first { $0.id == "评议情况" }?.score == 72)
    #expect(assessment.trace.contains { $0.message == "季度评议 三季度 = 72（未提供，沿用上一期）" })
  }

  @Test func aMissingPeriodUnderErrorNamesTheSubjectAndPeriod() {
    var values = Self.fullYear
    values.removeValue(forKey: "日常:三季度")
    do {
      _ = try Self.assess(values)
      Issue.record("a missing quarter was scored")
    } catch {
      #expect(error.subjectID == "p1")
      #expect(error.inputID == "日常:三季度")
      #expect(error.code == .missingInput)
    }
  }

  @Test func skipLeavesOutMissingPeriods() throws {
    // 最低 (minimum, skip): only 三季度 45 given besides the helper's 一季度 60 — the others are not read as 0.
    var values = Self.fullYear
    values["最低:三季度"] = 45
    let assessment = try Self.assess(values)
    #expect(assessment.consequences.map(\.id).contains("watch"))
    #expect(assessment.trace.contains { $0.message == "季度最低分 二季度：未提供，不计入" })
    #expect(assessment.trace.contains { $0.message == "季度最低分 = 45（2 期最低）" })
  }
}
