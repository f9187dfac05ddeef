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

  // MARK: Checks across inputs

  /// Two checks: a case with 13 of 12 is rejected by '参加次数'; one with a punishment and an award passes that check
  /// (false) and is rejected by '处分与评优'; a case within both passes them.
  static let checkPack = """
    {"formatVersion": 1, "id": "check-coverage", "version": "1.0.0", "title": "核对覆盖率",
     "source": {"document": "测试用"}, "fullMarks": 100,
     "inputs": [
       {"id": "应参加次数", "type": "integer", "min": 0, "max": 20, "required": true},
       {"id": "实际参加次数", "type": "integer", "min": 0, "max": 20, "required": true},
       {"id": "处分", "type": "boolean", "default": false},
       {"id": "评优", "type": "boolean", "default": false},
       {"id": "得分", "type": "number", "min": 0, "max": 100, "required": true}],
     "checks": [
       {"id": "参加次数", "label": "实际参加次数不超过应参加次数", "rejectWhen": "实际参加次数 > 应参加次数",
        "message": "实际参加组织生活次数多于应参加次数"},
       {"id": "处分与评优", "label": "受处分的党员不能同时获评优秀", "rejectWhen": "处分 and 评优",
        "message": "受处分的党员不能获评优秀"}],
     "components": [{"id": "c", "label": "考核", "fullMarks": 100, "score": "得分"}],
     "grades": {"bands": [{"grade": "好", "min": 90}, {"grade": "差", "min": 0, "below": 90}]},
     "tests": [
       {"name": "参加10次（应12次）：通过核对，90 分", "inputs": {"应参加次数": 12, "实际参加次数": 10, "得分": 90},
        "expect": {"total": 90, "grade": "好"}},
       {"name": "参加13次多于应参加12次：拒绝", "inputs": {"应参加次数": 12, "实际参加次数": 13, "得分": 90},
        "expect": {"error": "实际参加组织生活次数多于应参加次数"}},
       {"name": "受处分又评优：拒绝", "inputs": {"应参加次数": 12, "实际参加次数": 12, "处分": true, "评优": true, "得分": 90},
        "expect": {"error": "受处分的党员不能获评优秀"}}]}
    """

  @Test func aCheckThatRejectedOneCaseAndPassedAnotherIsCovered() throws {
    let pack = try RulePack.load(json: Self.checkPack, file: "checks.json")
    let (results, coverage) = pack.runTestsWithCoverage()
    #expect(results.allSatisfy { $0.passed }, "\(results.flatMap(\.failures))")
    let checks = coverage.items.filter { $0.kind == .check }
    #expect(checks.map(\.id) == ["参加次数", "处分与评优"])
    #expect(checks.map(\.fired) == [true, true])
    let condition = try #require(checks[0].condition)
    #expect(condition.key == "rejectWhen" && condition.formula == "实际参加次数 > 应参加次数")
    #expect(condition.isCovered)
    // '处分与评优' was seen false in the case that was scored: a check passed counts as well as one that rejected.
    #expect(checks[1].condition?.isCovered == true)
    #expect(coverage.gaps.map(\.message) == ["grade band '差' never given"])
    #expect(coverage.summary == "checks 2/2, bands 1/2, conditions 2/2 both ways — 83.3%")
  }

  @Test func aCaseRejectedByACheckCountsOnlyForTheChecks() throws {
    let pack = try RulePack.load(json: Self.checkPack, file: "checks.json")
    // Rejected by the second check: the first was seen false before it, nothing was scored.
    let coverage = pack.coverage(of: [pack.tests[2]])
    let checks = coverage.items.filter { $0.kind == .check }
    #expect(checks.map(\.fired) == [false, true])
    #expect(checks[0].condition.map { !$0.seenTrue && $0.seenFalse } == true)
    #expect(checks[1].condition.map { $0.seenTrue && !$0.seenFalse } == true)
    #expect(coverage.items.filter { $0.kind != .check }.allSatisfy { !$0.fired })
    // Rejected by the first check: the second never ran.
    let first = pack.coverage(of: [pack.tests[1]])
    #expect(first.items.first { $0.id == "处分与评优" }?.condition.map { !$0.seenTrue && !$0.seenFalse } == true)
  }

  @Test func aCaseRejectedBeforeTheChecksRanCountsForNothing() throws {
    let pack = try RulePack.load(json: Self.checkPack, file: "checks.json")
    var outOfRange = pack.tests[0]
    outOfRange.inputs["实际参加次数"] = .number(21)
    let coverage = pack.coverage(of: [outOfRange])
    #expect(coverage.overall.covered == 0)
    #expect(coverage.items.allSatisfy { !$0.fired && $0.condition.map { !$0.seenTrue && !$0.seenFalse } ?? true })
  }

  @Test func aCheckThatNeverRejectedIsAGapAtItsPlace() throws {
    let pack = try RulePack.load(json: Self.checkPack, file: "checks.json")
    // Only the case that passes: both checks seen false, neither rejected anything.
    let coverage = pack.coverage(of: [pack.tests[0]])
    let checkGaps = coverage.gaps.filter { $0.pointer.description.hasPrefix("/checks/0") }
    #expect(
      checkGaps == [
        PackCoverage.Gap(
          pointer: "/checks/0", location: SourceLocation(line: 10, column: 4),
          message: "check '参加次数' (实际参加次数不超过应参加次数) never rejected a case"),
        PackCoverage.Gap(
          pointer: "/checks/0/rejectWhen", location: SourceLocation(line: 10, column: 60),
          message: "condition 'rejectWhen' of check '参加次数' (实际参加次数不超过应参加次数) never seen true"),
      ])
    #expect(coverage.tally(.check) == PackCoverage.Tally(covered: 0, total: 2))
    let chinese = checkGaps.map { $0.detail.text(in: .chinese) }
    #expect(
      chinese == [
        "数据核对“参加次数”（实际参加次数不超过应参加次数）从未拒绝任何用例",
        "数据核对“参加次数”（实际参加次数不超过应参加次数）的条件“rejectWhen”从未见到成立",
      ])
  }

  @Test func aCohortMemberRejectedByACheckCountsForTheChecks() throws {
    let text = Self.cohortPack.replacing(
      #""components":"#,
      with: #""checks": [{"id": "上限", "label": "得分不超过95", "rejectWhen": "score > 95"}], "components":"#)
    let pack = try RulePack.load(json: text, file: "cohort.json")
    // A: 95 passes the check; a member with 99 is rejected by it (the case fails, its coverage counts).
    var testCase = pack.tests[0]
    testCase.members[1].inputs["score"] = .number(99)
    let coverage = pack.coverage(of: [testCase])
    let check = try #require(coverage.items.first { $0.kind == .check })
    #expect(check.fired && check.condition?.isCovered == true)
    // The rejected member alone: the check fired, nothing else counts.
    var rejectedOnly = testCase
    rejectedOnly.members = [testCase.members[1]]
    let alone = pack.coverage(of: [rejectedOnly])
    #expect(alone.items.first { $0.kind == .check }.map { $0.fired && $0.condition?.seenFalse == false } == true)
    #expect(alone.items.filter { $0.kind != .check }.allSatisfy { !$0.fired })
  }

  // MARK: Components for a class of subject

  /// '党建' applies to the 书记 only; '测评' applies to everyone and is not an item.
  static let classPack = """
    {"formatVersion": 1, "id": "class-coverage", "version": "1.0.0", "title": "适用对象覆盖率",
     "source": {"document": "测试用"}, "fullMarks": 100, "weightsNote": "委员只考测评",
     "inputs": [
       {"id": "职务", "type": "choice", "choices": ["书记", "委员"], "required": true},
       {"id": "测评得分", "type": "number", "min": 0, "max": 100, "required": true},
       {"id": "党建得分", "type": "number", "min": 0, "max": 100, "required": true, "appliesTo": "职务 = '书记'"}],
     "components": [
       {"id": "测评", "label": "群众测评", "weight": 0.5, "fullMarks": 100, "score": "测评得分"},
       {"id": "党建", "label": "党建工作（书记）", "weight": 0.5, "fullMarks": 100, "score": "党建得分",
        "appliesTo": "职务 = '书记'"}],
     "tests": [
       {"name": "书记：0.5 × 80 + 0.5 × 90 = 85", "inputs": {"职务": "书记", "测评得分": 80, "党建得分": 90},
        "expect": {"total": 85}},
       {"name": "委员：只有测评，0.5 × 80 × 100 / 50 = 80", "inputs": {"职务": "委员", "测评得分": 80},
        "expect": {"total": 80}}]}
    """

  @Test func aClassComponentSeenInAndOutOfItsClassIsCovered() throws {
    let pack = try RulePack.load(json: Self.classPack, file: "class.json")
    let (results, coverage) = pack.runTestsWithCoverage()
    #expect(results.allSatisfy { $0.passed }, "\(results.flatMap(\.failures))")
    let components = coverage.items.filter { $0.kind == .component }
    #expect(components.map(\.id) == ["党建"])
    let component = try #require(components.first)
    #expect(component.fired && component.label == "党建工作（书记）")
    #expect(component.pointer == "/components/1")
    let condition = try #require(component.condition)
    #expect(condition.key == "appliesTo" && condition.formula == "职务 = '书记'")
    #expect(condition.pointer == "/components/1/appliesTo")
    #expect(condition.isCovered)
    #expect(coverage.gaps.isEmpty)
    #expect(coverage.summary == "class components 1/1, conditions 1/1 both ways — 100.0%")
  }

  @Test func aClassComponentNeverLeftOutHasAConditionGap() throws {
    let pack = try RulePack.load(json: Self.classPack, file: "class.json")
    let coverage = pack.coverage(of: [pack.tests[0]])
    #expect(
      coverage.gaps == [
        PackCoverage.Gap(
          pointer: "/components/1/appliesTo", location: SourceLocation(line: 10, column: 18),
          message: "condition 'appliesTo' of component '党建' (党建工作（书记）) never seen false")
      ])
    #expect(
      coverage.gaps.map { $0.detail.text(in: .chinese) } == ["分项“党建”（党建工作（书记））的条件“appliesTo”从未见到不成立"])
  }

  @Test func aClassComponentNeverInItsClassNeverScored() throws {
    let pack = try RulePack.load(json: Self.classPack, file: "class.json")
    let coverage = pack.coverage(of: [pack.tests[1]])
    #expect(
      coverage.gaps.map(\.message) == [
        "component '党建' (党建工作（书记）) never scored (its class never held)",
        "condition 'appliesTo' of component '党建' (党建工作（书记）) never seen true",
      ])
    #expect(coverage.gaps.first?.location == SourceLocation(line: 9, column: 4))
  }

  @Test func aClassComponentInItsClassButLeftOutForAMissingInputNeverScored() throws {
    // The 书记's 党建得分 is not applicable when missing: in the class, yet left out.
    let text = Self.classPack.replacing(
      #""党建得分", "type": "number", "min": 0, "max": 100, "required": true"#,
      with: #""党建得分", "type": "number", "min": 0, "max": 100, "whenMissing": "notApplicable""#)
    let pack = try RulePack.load(json: text, file: "class.json")
    var missing = pack.tests[0]
    missing.inputs["党建得分"] = nil
    let coverage = pack.coverage(of: [missing, pack.tests[1]])
    let component = try #require(coverage.items.first { $0.kind == .component })
    #expect(!component.fired && component.condition?.isCovered == true)
    #expect(coverage.gaps.map(\.message) == ["component '党建' (党建工作（书记）) never scored"])
  }
}
