import PBKCommandLine
import Testing

/// `pbk evaluate` and `pbk explain` on the periods and ledger example packs.
@Suite struct BuildingBlockCommandTests {
  static let ledger = CLIPaths.repository + "/RulePacks/examples/ledger/pack.json"

  @Test func evaluateReadsEventsFromJSONLinesAndRejectsASubjectWithout() {
    let run = Run("evaluate", "--pack", Self.ledger, "--input", CLIPaths.fixtures + "/ledger.jsonl", "--format", "csv")
    #expect(run.code == 1)
    // M1: 60 + 5 (carry) + 10 (rule cap) − 5 (incident A1: the highest deduction only) = 70; M2: the base.
    // The columns of a JSON input's results: 编号, 名称, 类型, 上级, 考核期, then the scores.
    #expect(run.out.contains("M1,张三,,,,70.00,"))
    #expect(run.out.contains("M2,李四,,,,60.00,"))
    #expect(run.err.contains("subject 'M3': 年度积分(积分) is built from events, but none are given"))
    #expect(run.err.contains("3 read: 2 assessed, 1 rejected"))
  }

  @Test func aCSVRowCannotCarryEvents() {
    let run = Run("evaluate", "--pack", Self.ledger, "--input", CLIPaths.fixtures + "/ledger.csv", "--format", "csv")
    #expect(run.code == 1)
    #expect(run.err.contains("a CSV row cannot carry events"))
  }

  @Test func explainTracesEveryEvent() {
    let run = Run("explain", "--pack", Self.ledger, "--input", CLIPaths.fixtures + "/ledger.jsonl", "--subject", "M1")
    #expect(run.code == 0)
    #expect(run.out.contains("2025-03-01 参加集中学习 +10（6 次 × 2 分）（按规则计 12 分，本项全年最多 10 分，超出的 2 分不计）"))
    #expect(run.out.contains("2025-09-01 违反工作纪律：同一事件（A1）只计最高扣分，本条 4 分不计"))
  }
}
