import Testing

@testable import PartyBuildingKit

/// Period-aware accumulation and the ledger's awards (issue 11, items 2 and 6): caps per period on period records and
/// ledger rules, the running balance checked at each quarter end, awards by level, award expiry, highest-only awards
/// per incident, points by role, suspended awards — and the two bugs (a repeat after an expired deduction, a period
/// part named directly).
@Suite struct LedgerPeriodTests {
  static let ledger: RulePack = {
    try! RulePack.load(path: Paths.repository + "/RulePacks/examples/ledger/pack.json")
  }()
  static let quarters: RulePack = {
    try! RulePack.load(path: Paths.repository + "/RulePacks/examples/ledger-quarters/pack.json")
  }()
  static let periodCaps: RulePack = {
    try! RulePack.load(path: Paths.repository + "/RulePacks/examples/period-caps/pack.json")
  }()

  static func assess(
    _ pack: RulePack, _ events: [LedgerEvent], values: [String: InputValue] = [:]
  ) throws(AssessmentError) -> Assessment {
    var subject = Subject(id: "M1")
    subject.events = events
    return try pack.assess(AssessmentInput(subject: subject, values: values))
  }

  static func lines(_ assessment: Assessment) -> [String] { assessment.trace.map(\.message) }

  // MARK: Bug: a repeat after an expired deduction

  @Test func aRepeatDoublesEvenWhenThePreviousDeductionHasExpired() throws {
    // 05-01 is more than 180 days before 12-31: it no longer counts. 07-20 is 80 days after it, within 90: a repeat,
    // doubled — the repeat is judged on the dates, expiry only on counting.
    let assessment = try Self.assess(
      Self.ledger, [LedgerEvent(date: "2025-05-01", kind: "缺席", severity: "较重"), LedgerEvent(date: "2025-07-20", kind: "缺席", severity: "较重")])
    #expect(assessment.total == 54)
    let lines = Self.lines(assessment)
    #expect(lines.contains("2025-05-01 无故缺席组织生活（较重）：已超过 180 天（截至 2025-12-31），扣分失效，不计"))
    #expect(lines.contains("2025-07-20 无故缺席组织生活（较重） −6（90 天内再次发生，加倍；上次 2025-05-01 的扣分已失效，仍算再次发生）"))
  }

  @Test func anExpiredDeductionOutsideTheWindowDoesNotDouble() throws {
    // 03-01 expired; 07-20 is 141 days after it, outside the 90-day window: counted once.
    let assessment = try Self.assess(
      Self.ledger, [LedgerEvent(date: "2025-03-01", kind: "缺席", severity: "较重"), LedgerEvent(date: "2025-07-20", kind: "缺席", severity: "较重")])
    #expect(assessment.total == 57)
    #expect(Self.lines(assessment).contains("2025-07-20 无故缺席组织生活（较重） −3"))
  }

  // MARK: Caps per period (ledger rules)

  @Test func aLedgerRuleIsCappedPerCalendarQuarterAndMonth() throws {
    let assessment = try Self.assess(
      Self.quarters,
      [
        LedgerEvent(date: "2025-03-31", kind: "信息报送"), LedgerEvent(date: "2025-01-01", kind: "信息报送"),
        LedgerEvent(date: "2025-04-01", kind: "信息报送"),
        LedgerEvent(date: "2025-05-01", kind: "志愿服务", count: 3), LedgerEvent(date: "2025-06-01", kind: "志愿服务"),
      ])
    // Q1: 1 + 0 (capped), Q2: 1; May: 1.5 capped to 1, June 0.5 → 60 + 2 + 1.5 = 63.5.
    #expect(assessment.total == ExactDecimal("63.5"))
    let lines = Self.lines(assessment)
    #expect(lines.contains("2025-03-31 报送信息 +0（按规则计 1 分，本项每季度最多 1 分，超出的 1 分不计）"))
    #expect(lines.contains("2025-04-01 报送信息 +1"))
    #expect(lines.contains("2025-05-01 参加志愿服务 +1（3 次 × 0.5 分）（按规则计 1.5 分，本项每月最多 1 分，超出的 0.5 分不计）"))
    #expect(lines.contains("2025-06-01 参加志愿服务 +0.5"))
  }

  // MARK: The running balance checked at each quarter end

  @Test func theBalanceIsCheckedAtEveryQuarterEndInOneRun() throws {
    let assessment = try Self.assess(
      Self.quarters,
      [
        LedgerEvent(date: "2025-02-01", kind: "缺席"), LedgerEvent(date: "2025-03-01", kind: "缺席"),
        LedgerEvent(date: "2025-04-15", kind: "表彰", level: "县级"), LedgerEvent(date: "2025-08-01", kind: "信息报送"),
        LedgerEvent(date: "2025-10-01", kind: "表彰", level: "市级"),
      ])
    #expect(assessment.total == 63)
    #expect(assessment.grade == "合格")
    #expect(assessment.consequences.map(\.id) == ["约谈", "帮扶"])
    let checkpoints = assessment.trace.filter { $0.kind == .period }.map(\.message)
    #expect(
      checkpoints == [
        "2025-03-31（季度末）年度积分 54；低于 60（季度末积分低于60分）",
        "2025-06-30（季度末）年度积分 57；低于 60（季度末积分低于60分）",
        "2025-09-30（季度末）年度积分 58；低于 60（季度末积分低于60分）",
        "2025-12-31（季度末）年度积分 63",
        "季度末积分低于60分 3 次（4 个季度末中）",
      ])
  }

  @Test func aResetVoidsTheBalanceFromItsDayOnlyAtEarlierQuarterEnds() throws {
    let json = Self.checkedLedger(rules: #"{"kind": "学习", "award": 5}, {"kind": "处分", "reset": true}"#)
    let pack = try RulePack.load(json: json)
    let assessment = try Self.assess(
      pack, [LedgerEvent(date: "2025-02-01", kind: "学习"), LedgerEvent(date: "2025-08-01", kind: "处分")])
    #expect(assessment.total == 0)
    let checkpoints = assessment.trace.filter { $0.kind == .period }.map(\.message)
    #expect(checkpoints.first == "2025-06-30（半年末）年度积分 65")
    #expect(checkpoints.dropFirst().first == "2025-12-31（半年末）年度积分 0；低于 60（半年末积分低于60分）")
  }

  // MARK: Awards: by level, expiry, highest only, by role, suspended

  @Test func awardsByLevelCountOnlyTheHighestOfAnIncident() throws {
    let assessment = try Self.assess(
      Self.quarters,
      [
        LedgerEvent(date: "2025-04-01", kind: "表彰", incident: "抗洪", level: "县级"),
        LedgerEvent(date: "2025-06-01", kind: "表彰", incident: "抗洪", level: "市级"),
        LedgerEvent(date: "2025-09-01", kind: "表彰", incident: "助学", level: "县级"),
      ])
    #expect(assessment.total == 68)
    let lines = Self.lines(assessment)
    #expect(lines.contains("2025-04-01 获得表彰（县级）：同一事件（抗洪）只计最高加分，本条 3 分不计"))
    #expect(lines.contains("2025-06-01 获得表彰（市级） +5"))
    // At the end of Q2 the county award was already outranked: 65, not 68.
    #expect(assessment.trace.contains { $0.message == "2025-06-30（季度末）年度积分 65" })
  }

  @Test func anAwardOfALevelNotListedIsRejected() {
    #expect {
      try Self.assess(Self.quarters, [LedgerEvent(date: "2025-06-01", kind: "表彰", level: "乡级")])
    } throws: { error in
      (error as? AssessmentError)?.message.contains("the level '乡级' is not one of 国家级, 省级, 市级, 县级") == true
    }
  }

  @Test func anAwardExpiresCountedBackFromTheDayTheBalanceIsTaken() throws {
    // 2024-11-01 is 425 days before 12-31 (expired) but 150 days before 03-31 (still counted at Q1's end).
    let assessment = try Self.assess(
      Self.quarters, [LedgerEvent(date: "2024-11-01", kind: "表彰", level: "省级"), LedgerEvent(date: "2025-01-10", kind: "表彰", level: "省级")])
    #expect(assessment.total == 68)
    let lines = Self.lines(assessment)
    #expect(lines.contains("2024-11-01 获得表彰（省级）：已超过 365 天（截至 2025-12-31），加分失效，不计"))
    #expect(lines.contains("2025-03-31（季度末）年度积分 76"))
  }

  @Test func pointsDependOnTheSubjectsRole() throws {
    let events = [LedgerEvent(date: "2025-12-10", kind: "缺席")]
    let member = try Self.assess(Self.quarters, events)
    let committee = try Self.assess(Self.quarters, events, values: ["职务": .text("支部委员")])
    #expect(member.total == 58)
    #expect(committee.total == 56)
    #expect(Self.lines(committee).contains("2025-12-10 无故缺席组织生活（支部委员） −4（适用：职务 = '支部委员'）"))
  }

  @Test func anEventNoRuleAppliesToForThisSubjectIsRejectedNotScored() throws {
    let pack = try RulePack.load(json: Self.checkedLedger(rules: #"{"kind": "讲党课", "when": "职务 = '书记'", "award": 3}"#))
    #expect(try Self.assess(pack, [LedgerEvent(date: "2025-03-01", kind: "讲党课")], values: ["职务": .text("书记")]).total == 63)
    #expect {
      try Self.assess(pack, [LedgerEvent(date: "2025-03-01", kind: "讲党课")])
    } throws: { error in
      (error as? AssessmentError)?.message.contains("no rule for the kind '讲党课' applies to this subject (职务 = '书记' does not hold)") == true
    }
  }

  @Test func awardsAreRecordedButNotCountedWhileSuspended() throws {
    let events = [LedgerEvent(date: "2025-03-01", kind: "表彰", level: "国家级"), LedgerEvent(date: "2025-02-01", kind: "信息报送")]
    let suspended = try Self.assess(Self.quarters, events, values: ["处分影响期": .boolean(true)])
    #expect(suspended.total == 61)
    #expect(Self.lines(suspended).contains("2025-03-01 获得表彰（国家级）：暂停加分（因处分影响期），本条 10 分记录在案，不计"))
    #expect(suspended.vetoes.map(\.id) == ["处分"])
    let free = try Self.assess(Self.quarters, events)
    #expect(free.total == 71)
  }

  // MARK: Caps per period (period records)

  @Test func aPeriodCountsAtMostItsCapTowardTheAggregateAndTheChecks() throws {
    let assessment = try Self.periodCaps.assess(
      AssessmentInput(
        subject: Subject(id: "b1"),
        values: ["信息:一季度": .number(3), "信息:二季度": .number(0), "信息:三季度": .number(2), "志愿:1月": .number(10)]))
    #expect(assessment.components.first { $0.id == "信息报送" }?.score == 50)
    #expect(assessment.components.first { $0.id == "志愿服务" }?.score == 10)
    let lines = Self.lines(assessment)
    #expect(lines.contains("信息报送 一季度 = 3，计 1（每期最多计 1，超出的 2 不计）"))
    #expect(lines.contains { $0.hasPrefix("信息报送 = 2（4 期合计") && $0.contains("其中 2 期按每期最多 1 计") })
  }

  // MARK: Bug: a period part named directly

  static let directReference = #"""
    {"formatVersion": 1, "id": "direct", "version": "1", "title": "t", "source": {"document": "d"}, "fullMarks": 100,
     "inputs": [],
     "periods": [
       {"id": "信息", "parts": ["一季度", "二季度"], "type": "integer", "min": 0, "max": 5, "aggregate": "sum", "whenMissing": "zero"},
       {"id": "评议", "parts": ["一季度", "二季度"], "min": 0, "max": 100, "aggregate": "latest", "whenMissing": "carryLast"}
     ],
     "components": [{"id": "c", "fullMarks": 100, "score": "MIN(信息 * 10, 100)"}],
     "consequences": [
       {"id": "late", "label": "二季度未报送", "when": "[信息:二季度] = 0"},
       {"id": "good", "label": "二季度评议好", "when": "[评议:二季度] >= 90"}
     ]}
    """#

  @Test func aPartNamedDirectlyReadsWhatItsDeclarationsPolicyGives() throws {
    // Before the fix this pack was refused ("left out … notApplicable … give the input a default", at 1:1).
    let pack = try RulePack.load(json: Self.directReference)
    let assessment = try pack.assess(
      AssessmentInput(subject: Subject(id: "s"), values: ["信息:一季度": .number(2), "评议:一季度": .number(95)]))
    // 信息:二季度 missing under zero reads 0; 评议:二季度 missing under carryLast reads 95.
    #expect(assessment.consequences.map(\.id) == ["late", "good"])
    let given = try pack.assess(
      AssessmentInput(
        subject: Subject(id: "s"),
        values: ["信息:一季度": .number(2), "信息:二季度": .number(1), "评议:一季度": .number(95), "评议:二季度": .number(80)]))
    #expect(given.consequences.isEmpty)
  }

  @Test func aSkippedPartNamedDirectlyIsReportedWhereThePackNamesIt() {
    let json = Self.directReference.replacingOccurrences(of: #""whenMissing": "zero""#, with: #""whenMissing": "skip""#)
    do {
      _ = try RulePack.load(json: json)
      Issue.record("a skipped period part named after the total was accepted")
    } catch {
      #expect(error.problems.count == 1)
      let problem = error.problems[0]
      #expect(problem.pointer?.description == "/consequences/0/when")
      // The consequence is on line 9 of the pack, not 1:1.
      #expect(problem.location?.line == 9)
      #expect(problem.message.contains(#"which declares "whenMissing": "skip""#))
      #expect(!problem.message.contains("notApplicable"))
      #expect(!problem.message.contains("default"))
      #expect(problem.message.contains("use the aggregate '信息'"))
    }
  }

  /// A pack with a ledger (base 60, closing 2025-12-31) checked at each half-year end below 60, and a role input.
  static func checkedLedger(rules: String) -> String {
    #"""
    {"formatVersion": 1, "id": "checked", "version": "1", "title": "t", "source": {"document": "d"}, "fullMarks": 100,
     "inputs": [{"id": "职务", "type": "choice", "choices": ["党员", "书记"], "default": "党员"}],
     "ledger": {"id": "积分", "label": "年度积分", "asOf": "2025-12-31", "base": 60, "rules": [\#(rules)],
       "checks": [{"id": "低分半年数", "label": "半年末积分低于60分", "checkAt": "halfYearEnds", "below": 60}]},
     "components": [{"id": "c", "fullMarks": 100, "score": "CLAMP(积分, 0, 100)"}],
     "consequences": [{"id": "warn", "label": "提醒", "when": "低分半年数 > 0"}]}
    """#
  }
}
