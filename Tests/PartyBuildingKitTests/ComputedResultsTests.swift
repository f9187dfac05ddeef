import Testing

@testable import PartyBuildingKit

private func d(_ text: String) -> ExactDecimal {
  guard let value = ExactDecimal(text) else { fatalError("bad test literal \(text)") }
  return value
}

/// Issue 11's second round of building blocks that work on the result: numeric outcomes, checks across inputs, a
/// section starting from a computed value, a bonus without a cap, and the result before a veto (`gradeByScore`).
/// The worked example is `RulePacks/examples/credit-points/pack.json`.
@Suite struct ComputedResultsTests {
  static let path = Paths.repository + "/RulePacks/examples/credit-points/pack.json"
  static let pack = try! RulePack.load(path: path)

  static func input(_ values: [String: InputValue], id: String = "1") -> AssessmentInput {
    AssessmentInput(subject: Subject(id: id), values: values)
  }

  static let aa: [String: InputValue] = [
    "上年积分": .number(d("92.5")), "应参加次数": .number(24), "实际参加次数": .number(22), "志愿服务次数": .number(30),
    "获评优秀党员": .boolean(true),
  ]

  // MARK: Outcomes

  @Test func outcomesAreWorkedOutFromTheFinalGradeExactlyAndExplained() throws {
    let result = try Self.pack.assess(Self.input(Self.aa))
    #expect(result.total == d("113.5"))
    #expect(result.grade == "AA")
    #expect(result.outcomes.map(\.id) == ["经费系数", "奖励金额"])
    #expect(result.outcomes.map(\.label) == ["党员活动经费系数", "积分奖励（元）"])
    // 110% is exactly 1.1; ROUNDDOWN(113.5 − 100, 0) × 10 = 130.
    #expect(result.outcomes[0].value == d("1.1"))
    #expect(result.outcomes[1].value == 130)
    let line = try #require(result.trace.first { $0.kind == .outcome && $0.ruleID == "奖励金额" })
    #expect(line.message.hasPrefix("积分奖励（元） = 130（"))
    #expect(line.facts.contains { $0.label == "总分" && $0.value == "113.5" })
  }

  @Test func theFastPathGivesTheSameOutcomesAsTheExplainedOne() throws {
    let scorer = PackScorer(pack: Self.pack)
    try scorer.setInputs(Self.aa)
    try scorer.score()
    #expect(scorer.outcome(id: "经费系数") == d("1.1"))
    #expect(scorer.outcome(1) == 130)
    #expect(scorer.outcome(id: "没有") == nil)
    let plain = try Self.pack.assess(Self.input(Self.aa), explain: false)
    #expect(plain.outcomes == (try Self.pack.assess(Self.input(Self.aa))).outcomes)
  }

  @Test func outcomesAreResultColumnsHeadedByTheirLabels() throws {
    let csv = "编号,上年积分,应参加次数,实际参加次数,志愿服务次数,获评优秀党员\nA1,92.5,24,22,30,是\n"
    var bytes: [UInt8] = []
    let summary = try BatchEvaluator(pack: Self.pack).write(
      .bytes(Array(csv.utf8), format: .csv, name: "a.csv"), as: .csv, write: { bytes += $0 }, reject: { _ in })
    #expect(summary.counts.assessed == 1)
    let rows = String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline).map { $0.split(separator: ",", omittingEmptySubsequences: false) }
    let header = rows[0].map(String.init)
    let coefficient = try #require(header.firstIndex(of: "党员活动经费系数"))
    let bonus = try #require(header.firstIndex(of: "积分奖励（元）"))
    #expect(d(String(rows[1][coefficient])) == d("1.1"))
    #expect(rows[1][bonus] == "130")
  }

  @Test func consequencesMayUseOutcomes() throws {
    var values = Self.aa
    values["上年积分"] = .number(100)
    values["应参加次数"] = .number(12)
    values["实际参加次数"] = .number(12)
    values["志愿服务次数"] = .number(100)
    let result = try Self.pack.assess(Self.input(values))
    // 100 + 50 + 10 = 160, AAA; 600 元 ≥ 300: 信用示范.
    #expect(result.total == 160)
    #expect(result.outcomes[1].value == 600)
    #expect(result.consequences.map(\.id) == ["信用示范"])
  }

  // MARK: Checks across inputs

  @Test func aCheckRejectsContradictoryDataNamingWhatItRead() throws {
    var values = Self.aa
    values["实际参加次数"] = .number(25)
    #expect {
      try Self.pack.assess(Self.input(values))
    } throws: { error in
      guard let error = error as? AssessmentError else { return false }
      return error.code == .inconsistentInputs
        && error.message.contains("check '参加次数': 实际参加组织生活次数多于应参加次数")
        && error.message.contains("实际参加组织生活次数 = 25") && error.message.contains("应参加组织生活次数 = 24")
        && error.message.contains("correct the data")
    }
    // The fast path refuses the same subject with the same words.
    let scorer = PackScorer(pack: Self.pack)
    try scorer.setInputs(values)
    #expect(throws: AssessmentError.self) { try scorer.score() }
  }

  @Test func aCheckedRowIsAReportedRejectionAndTheCountsAddUp() throws {
    let csv = "编号,上年积分,应参加次数,实际参加次数\nA1,90,12,12\nA2,90,12,13\nA3,70,10,9\n"
    var rejected: [String] = []
    let summary = try BatchEvaluator(pack: Self.pack).write(
      .bytes(Array(csv.utf8), format: .csv, name: "a.csv"), as: .csv, write: { _ in },
      reject: { rejected.append($0.description) })
    #expect(summary.counts.read == 3)
    #expect(summary.counts.assessed == 2)
    #expect(summary.counts.rejected == 1)
    #expect(rejected.count == 1)
    #expect(rejected[0].contains("line 3") && rejected[0].contains("A2") && rejected[0].contains("实际参加组织生活次数多于应参加次数"))
  }

  // MARK: A computed start

  @Test func aSectionStartsFromItsComputedValueWithinItsBounds() throws {
    let base = ["应参加次数": InputValue.number(12), "实际参加次数": .number(12)]
    func start(_ last: String) throws -> ExactDecimal {
      var values = base
      values["上年积分"] = .number(d(last))
      return try #require(Self.pack.assess(Self.input(values)).sections.first { $0.id == "基础积分" }).score
    }
    // CLAMP(上年积分, 60, 100): below 60 starts at 60, above 100 at 100.
    #expect(try start("50") == 60)
    #expect(try start("77.5") == d("77.5"))
    #expect(try start("130") == 100)
    var values = base
    values["上年积分"] = .number(50)
    let trace = try Self.pack.assess(Self.input(values)).trace
    #expect(trace.contains { $0.message.contains("从 60 分起计：CLAMP(上年积分, 60, 100)") })
  }

  @Test func aComputedStartOfADeepFormulaDoesNotOverrunTheEvaluationStack() throws {
    // Regression: the kernel's stack was sized without the start formulas, outcomes and checks, so a start formula
    // deeper than every other formula wrote over the component results (a component shown as not applicable).
    let result = try Self.pack.assess(
      Self.input(["上年积分": .number(d("92.5")), "应参加次数": .number(24), "实际参加次数": .number(22)]), explain: false)
    #expect(result.components.map(\.notApplicable) == [false])
    #expect(result.components[0].score == d("88.5"))
    #expect(result.sections.map(\.id) == ["基础积分", "加分"])
  }

  @Test func aStartOutsideTheSectionIsALoadError() throws {
    let text = try #require(Paths.read(Self.path)).replacingOccurrences(
      of: #""startsFrom": "CLAMP(上年积分, 60, 100)""#, with: #""startsFrom": "上年积分""#)
    #expect {
      try RulePack.load(json: text)
    } throws: { error in
      (error as? PackLoadError)?.problems.contains {
        $0.pointer == "/components/0/sections/0/startsFrom" && $0.message.contains("can reach 200, above its full marks 100")
          && $0.message.contains("MIN(上年积分, 100)")
      } == true
    }
  }

  // MARK: A bonus without a cap

  @Test func aBonusWithoutACapIsNotCappedAndItsMostIsWorkedOutFromBoundedInputs() throws {
    // 志愿服务次数 ≤ 100: 100 × 0.5 + 10 = 60 on top of 100.
    #expect(Self.pack.highestTotal == 160)
    let result = try Self.pack.assess(
      Self.input([
        "上年积分": .number(100), "应参加次数": .number(12), "实际参加次数": .number(12), "志愿服务次数": .number(100),
        "获评优秀党员": .boolean(true),
      ]))
    #expect(result.sections.first { $0.id == "加分" }?.score == 60)
    #expect(result.trace.contains { $0.message.contains("加分项，不设上限") })
    // Without a bound on the count, the total has no highest value, and a top band may not end anywhere.
    let unbounded = try #require(Paths.read(Self.path)).replacingOccurrences(
      of: #""type": "integer", "min": 0, "max": 100, "default": 0"#, with: #""type": "integer", "min": 0, "default": 0"#)
    #expect(try RulePack.load(json: unbounded).highestTotal == nil)
    let withMax = unbounded.replacingOccurrences(of: #"{"grade": "AAA", "min": 120}"#, with: #"{"grade": "AAA", "min": 120, "max": 1000}"#)
    #expect {
      try RulePack.load(json: withMax)
    } throws: { error in
      (error as? PackLoadError)?.problems.contains {
        $0.pointer == "/grades/bands/0/max" && $0.message.contains("\"cap\": \"none\"")
      } == true
    }
  }

  // MARK: The result before a veto

  @Test func consequencesSeeTheGradeBeforeTheVeto() throws {
    let values: [String: InputValue] = [
      "上年积分": .number(98), "应参加次数": .number(12), "实际参加次数": .number(12), "志愿服务次数": .number(50),
      "党纪处分": .text("严重警告"),
    ]
    let result = try Self.pack.assess(Self.input(values))
    #expect(result.total == 123)
    #expect(result.grade == "D")
    #expect(Set(result.consequences.map(\.id)) == ["约谈", "重点帮教"])
    // With a score of B, the same veto does not mark 重点帮教.
    var lower = values
    lower["志愿服务次数"] = .number(0)
    lower["上年积分"] = .number(70)
    let b = try Self.pack.assess(Self.input(lower))
    #expect(b.grade == "D")
    #expect(b.consequences.map(\.id) == ["约谈"])
  }

  @Test func theModelCarriesTheNewBlocksAndWritesThemBack() throws {
    let model = Self.pack.model
    #expect(model.checks?.map(\.id) == ["参加次数", "处分与评优"])
    #expect(model.outcomes?.count == 2)
    let base = try #require(model.components.first?.sections?.first)
    #expect(base.startsFrom == "CLAMP(上年积分, 60, 100)")
    #expect(model.components.first?.sections?.last?.cap == PackModel.Cap.uncapped)
    let rebuilt = try RulePack.compile(model, name: "credit.pack.json")
    #expect(rebuilt.model == model)
    #expect(try rebuilt.assess(Self.input(Self.aa)).outcomes == (try Self.pack.assess(Self.input(Self.aa))).outcomes)
  }
}
