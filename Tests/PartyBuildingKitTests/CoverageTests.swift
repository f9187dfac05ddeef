import Testing

@testable import PartyBuildingKit

/// Test coverage (`pbk test --coverage`): what a pack's embedded test cases exercise, measured by the kernel's own
/// events.
@Suite struct CoverageTests {
  /// The scheme packs: every rule and every veto is fired by some embedded test case.
  static let shippedPacks = [
    "RulePacks/dazhou/pack.json", "RulePacks/shangyu/pack.json", "RulePacks/zhungeer/pack.json",
    "RulePacks/member-points/pack.json",
  ]

  @Test(arguments: shippedPacks)
  func everyRuleAndVetoOfAShippedPackIsFiredByATest(_ path: String) throws {
    let pack = try RulePack.load(path: Paths.repository + "/" + path)
    let coverage = pack.coverage(of: pack.tests)
    let gaps = coverage.gaps.filter { $0.message.hasPrefix("rule ") || $0.message.hasPrefix("veto ") }
    #expect(
      gaps.isEmpty,
      "\(path): \(gaps.map { "\($0.location) (at \($0.pointer)): \($0.message)" }.joined(separator: "\n"))")
    for kind in [PackCoverage.Kind.rule, .veto] {
      let tally = coverage.tally(kind)
      #expect(
        tally.total > 0 && tally.covered == tally.total, "\(path): \(kind.plural) \(tally.covered)/\(tally.total)")
    }
  }

  // MARK: The observer on a small pack

  /// `coverage.pack.json`: '加分' is given in every case (its condition is never false); the only case with a serious
  /// problem has already lost the section's 10 points to deductions, so the `zero` rule never takes anything away.
  static func fixture() throws -> RulePack {
    try RulePack.load(path: Paths.fixtures + "/ValidPacks/coverage.pack.json")
  }

  @Test func aRuleWhoseConditionHoldsButThatNeverZeroesItsSectionNeverFired() throws {
    let pack = try Self.fixture()
    let coverage = pack.coverage(of: pack.tests)
    let zeroed = try #require(coverage.items.first { $0.id == "zeroed" })
    #expect(zeroed.kind == .rule)
    #expect(!zeroed.fired)
    // Its condition was seen true (the second case) and false (the others): covered, though the rule never fired.
    #expect(zeroed.condition?.seenTrue == true && zeroed.condition?.seenFalse == true)
    #expect(zeroed.pointer == "/components/0/sections/1/rules/1")
    #expect(zeroed.location == SourceLocation(line: 23, column: 7))
    #expect(coverage.tally(.rule) == PackCoverage.Tally(covered: 3, total: 4))
  }

  @Test func aConditionSeenOnlyTrueIsNotCovered() throws {
    let pack = try Self.fixture()
    let coverage = pack.coverage(of: pack.tests)
    let extra = try #require(coverage.items.first { $0.id == "extra" })
    #expect(extra.fired)
    let condition = try #require(extra.condition)
    #expect(condition.key == "when" && condition.formula == "bonus")
    #expect(condition.seenTrue && !condition.seenFalse && !condition.isCovered)
    #expect(condition.pointer == "/components/0/sections/0/rules/1/when")
    // The veto's condition was seen both ways; the unconditional rules have no condition.
    #expect(coverage.items.first { $0.id == "fraudVeto" }?.condition?.isCovered == true)
    #expect(coverage.items.first { $0.id == "base" }?.condition == nil)
  }

  @Test func theGapsNameThePlaceAndWhatIsMissingInFileOrder() throws {
    let pack = try Self.fixture()
    let coverage = pack.coverage(of: pack.tests)
    #expect(
      coverage.gaps == [
        PackCoverage.Gap(
          pointer: "/components/0/sections/0/rules/1/when", location: SourceLocation(line: 19, column: 63),
          message: "condition of rule '加分' never seen false"),
        PackCoverage.Gap(
          pointer: "/components/0/sections/1/rules/1", location: SourceLocation(line: 23, column: 7),
          message: "rule '严重问题本项不得分' never fired"),
      ])
    // 6 of 7 parts fired, 2 of 3 conditions seen both ways: 8/10.
    #expect(coverage.summary == "rules 3/4, vetoes 1/1, bands 2/2, conditions 2/3 both ways — 80.0%")
    #expect(coverage.overall.meets(80) && !coverage.overall.meets(ExactDecimal("80.1")!))
  }

  @Test func aZeroRuleFiresWhenItTakesPointsAway() throws {
    let pack = try Self.fixture()
    var serious = pack.tests[1]
    serious.inputs["problems"] = .number(1)
    let coverage = pack.coverage(of: [serious])
    #expect(coverage.items.first { $0.id == "zeroed" }?.fired == true)
    #expect(coverage.items.first { $0.id == "problem" }?.fired == true)
  }

  @Test func aBandFiresOnTheFinalGradeNotOnTheScore() throws {
    let pack = try Self.fixture()
    // 弄虚作假: 100 points, set to 差 by the veto; 好 was reached by the score but never given.
    let coverage = pack.coverage(of: [pack.tests[2]])
    #expect(coverage.items.filter { $0.kind == .band }.map(\.fired) == [false, true])
    #expect(coverage.items.first { $0.id == "fraudVeto" }?.fired == true)
  }

  @Test func aRejectedSubjectCountsForNothing() throws {
    let pack = try Self.fixture()
    let coverage = pack.coverage(of: [pack.tests[3]])
    #expect(coverage.overall.covered == 0)
    #expect(coverage.items.allSatisfy { !$0.fired && $0.condition.map { !$0.seenTrue && !$0.seenFalse } ?? true })
  }

  // MARK: Cohort labels and quotas

  static let cohortPack = """
    {"formatVersion": 1, "id": "cohort-coverage", "version": "1.0.0", "title": "群体覆盖率",
     "source": {"document": "测试用"}, "fullMarks": 100,
     "inputs": [{"id": "score", "label": "得分", "type": "number", "min": 0, "max": 100, "required": true}],
     "components": [{"id": "c", "label": "考核", "fullMarks": 100, "score": "score"}],
     "grades": {"bands": [
       {"grade": "好", "min": 90}, {"grade": "一般", "min": 60, "below": 90}, {"grade": "差", "min": 0, "below": 60}]},
     "consequences": [{"id": "noAwards", "label": "取消评先", "onGrades": ["一般"]}],
     "cohort": {
       "labels": [
         {"id": "后进", "label": "相对后进", "bottom": "1/3", "rounding": "up"},
         {"id": "先进", "label": "先进", "top": "10%", "rounding": "nearest"}],
       "quotas": [{"grade": "好", "atMost": "1/3", "rounding": "down"}]},
     "tests": [{"name": "三个单位：好不超过 floor(3/3)=1 个，B 调为一般；先进 round(10%×3)=0 个", "cohort": [
       {"id": "A", "inputs": {"score": 95}, "expect": {"rank": 1, "labels": [], "grade": "好"}},
       {"id": "B", "inputs": {"score": 92},
        "expect": {"rank": 2, "labels": [], "grade": "一般", "consequences": ["noAwards"]}},
       {"id": "C", "inputs": {"score": 50}, "expect": {"rank": 3, "labels": ["后进"], "grade": "差"}}]}]}
    """

  @Test func aCohortLabelNeverGivenAndAQuotaThatMovedASubject() throws {
    let pack = try RulePack.load(json: Self.cohortPack, file: "cohort.json")
    let (results, coverage) = pack.runTestsWithCoverage()
    #expect(results.allSatisfy { $0.passed }, "\(results.flatMap(\.failures))")
    let labels = coverage.items.filter { $0.kind == .cohortLabel }
    #expect(labels.map(\.id) == ["后进", "先进"])
    #expect(labels.map(\.fired) == [true, false])
    #expect(labels[1].pointer == "/cohort/labels/1")
    let quota = try #require(coverage.items.first { $0.kind == .quota })
    #expect(quota.fired && quota.isCap && quota.label == "好 atMost 1/3")
    // 一般 was never scored: only the quota gave it, and the consequence of 一般 followed from the moved grade.
    #expect(coverage.items.filter { $0.kind == .band }.allSatisfy { $0.fired })
    #expect(coverage.items.first { $0.kind == .consequence }?.fired == true)
    #expect(coverage.gaps.map(\.message) == ["cohort label '先进' never given"])
    #expect(coverage.summary == "bands 3/3, consequences 1/1, cohort labels 1/2, quotas 1/1 — 85.7%")
  }

  @Test func aGuideIsCoveredWhenACountDiffersFromIt() throws {
    let text = Self.cohortPack.replacing(
      #"{"grade": "好", "atMost": "1/3", "rounding": "down"}"#,
      with: #"{"grade": "好", "guide": "1/3", "rounding": "down"}"#)
    let pack = try RulePack.load(json: text, file: "cohort.json")
    // Two of three hold 好 against a guide of 1: reported, nothing moved.
    let coverage = pack.coverage(of: pack.tests)
    let quota = try #require(coverage.items.first { $0.kind == .quota })
    #expect(quota.fired && !quota.isCap)
    #expect(coverage.items.first { $0.id == "一般" }?.fired == false)
  }
}
