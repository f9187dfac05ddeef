import Foundation
import Testing

@testable import PartyBuildingKit

/// Points ledgers (积分制) from events (RulePacks/examples/ledger).
@Suite struct LedgerTests {
  static let pack: RulePack = {
    try! RulePack.load(path: Paths.repository + "/RulePacks/examples/ledger/pack.json")
  }()

  static func assess(_ events: [LedgerEvent]?, lastYear: Int = 0) throws(AssessmentError) -> Assessment {
    var subject = Subject(id: "M1")
    subject.events = events
    return try pack.assess(AssessmentInput(subject: subject, values: ["上年积分": .number(ExactDecimal(lastYear))]))
  }

  @Test func capsPerRuleAndCategoryWithAnExemptAward() throws {
    let assessment = try Self.assess([
      LedgerEvent(date: "2025-05-01", kind: "表彰"),
      LedgerEvent(date: "2025-03-01", kind: "学习", count: 6),
      LedgerEvent(date: "2025-04-01", kind: "志愿", count: 8),
    ])
    // 60 + 10 (rule cap) + 5 (category cap 15) + 10 (exempt) = 85.
    #expect(assessment.total == 85)
    let lines = assessment.trace.map(\.message)
    #expect(lines.contains("2025-03-01 参加集中学习 +10（6 次 × 2 分）（按规则计 12 分，本项全年最多 10 分，超出的 2 分不计）"))
    #expect(lines.contains("2025-05-01 获市级以上表彰 +10（不受日常表现上限限制）"))
  }

  @Test func eventsAreTakenInDateOrderForRepeats() throws {
    // Given out of order: the later one doubles, whichever is written first.
    let assessment = try Self.assess([
      LedgerEvent(date: "2025-10-01", kind: "缺席", severity: "一般"),
      LedgerEvent(date: "2025-08-01", kind: "缺席", severity: "较重"),
    ])
    // 3 (08-01) + 1 × 2 (10-01, within 90 days) = 5.
    #expect(assessment.total == 55)
  }

  @Test func oneIncidentCountsItsHighestDeductionOnly() throws {
    let assessment = try Self.assess([
      LedgerEvent(date: "2025-09-01", kind: "违规", incident: "A"),
      LedgerEvent(date: "2025-09-01", kind: "缺席", severity: "严重", incident: "A"),
      LedgerEvent(date: "2025-09-20", kind: "违规", incident: "B"),
    ])
    #expect(assessment.total == 51)
    #expect(assessment.trace.contains { $0.message.contains("同一事件（A）只计最高扣分，本条 4 分不计") })
  }

  @Test func resetVoidsEverythingIncludingTheCarryOver() throws {
    let assessment = try Self.assess([LedgerEvent(date: "2025-01-05", kind: "处分"), LedgerEvent(date: "2025-03-01", kind: "表彰")], lastYear: 100)
    #expect(assessment.total == 0)
    #expect(assessment.trace.contains { $0.kind == .veto && $0.message.contains("年度积分清零") })
  }

  @Test func noEventsIsAnErrorNotZero() {
    do {
      _ = try Self.assess(nil)
      Issue.record("a subject without events was scored")
    } catch {
      #expect(error.subjectID == "M1")
      #expect(error.code == .missingInput)
      #expect(error.message.contains("a CSV row cannot carry events"))
    }
  }

  @Test func jsonLinesCarryEvents() throws {
    let record = #"{"id": "J1", "events": [{"date": "2025-06-01", "kind": "学习", "count": 2, "note": "x"}]}"#
    var results: [Assessment] = []
    _ = try BatchEvaluator(pack: Self.pack).assessments(from: .bytes(Array((record + "\n").utf8), format: .jsonLines, name: "ledger.jsonl")) {
      results.append(try $0.get())
    }
    #expect(results.map(\.subject.events) == [[LedgerEvent(date: "2025-06-01", kind: "学习", count: 2)]])
    #expect(results.map(\.total) == [64])
  }

  @Test func dayCountsAreCalendarDays() {
    #expect(LedgerEvent.day("1970-01-01") == 0)
    #expect(LedgerEvent.day("2024-03-01")! - LedgerEvent.day("2024-02-28")! == 2)
    #expect(LedgerEvent.day("2025-03-01")! - LedgerEvent.day("2025-02-28")! == 1)
    #expect(LedgerEvent.day("2025-02-29") == nil)
  }
}
