import PBKCommandLine
import Testing

/// `pbk evaluate` and `pbk explain` on a pack with a cohort stage (RulePacks/examples/cohort).
@Suite struct CohortCommandTests {
  static let pack = CLIPaths.repository + "/RulePacks/examples/cohort/pack.json"
  static let input = CLIPaths.fixtures + "/cohort.csv"

  @Test func evaluatePrintsRanksLabelsAndQuotaMoves() {
    let run = Run("evaluate", "--pack", Self.pack, "--input", Self.input, "--format", "csv")
    #expect(run.code == 0)
    let rows = run.out.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    #expect(rows[0].suffix(4) == ["排名", "参评数", "标签", "名额调整"])
    let byID = Dictionary(uniqueKeysWithValues: rows.dropFirst().map { ($0[0].replacing("\u{FEFF}", with: ""), $0) })
    // 6 ranked: A 95, C 92 (创新 3), B 92 (创新 1), D 91, E 70, F 69.
    #expect(byID["A"]?[byID["A"]!.count - 4] == "1")
    #expect(byID["C"]?[byID["C"]!.count - 4] == "2")
    #expect(byID["B"]?[byID["B"]!.count - 4] == "3")
    #expect(byID["F"]?[byID["F"]!.count - 3] == "6")
    // 优秀 at most floor(6/3) = 2: B and D (4 优秀 by score) fall to 良好, and say why.
    #expect(byID["B"]?.contains("良好") == true)
    #expect(byID["B"]?.last?.contains("由优秀调为良好") == true)
    #expect(byID["A"]?.last == "")
    // Bottom ceil(20% × 6) = 2: E and F, with the share worked out.
    #expect(byID["E"]?[byID["E"]!.count - 2].hasPrefix("相对后进（倒数 20%") == true)
    #expect(byID["F"]?[byID["F"]!.count - 2].contains("ceil(20% × 6 = 1.2) = 2") == true)
    #expect(byID["D"]?[byID["D"]!.count - 2] == "")
    #expect(run.err.contains("名额 quota: 甲镇：优秀 名额上限 2（共 6 个，floor(1/3 × 6 = 2) = 2）；评定 4 个，按排名调出 2 个，现 2 个"))
    #expect(run.err.contains("良好 指导数 2"))
  }

  @Test func evaluateJSONCarriesRankAndLabels() {
    let run = Run("evaluate", "--pack", Self.pack, "--input", Self.input, "--format", "json")
    #expect(run.code == 0)
    #expect(run.out.contains("\"id\":\"F\""))
    #expect(run.out.contains("\"rank\":6,\"cohortSize\":6,\"cohortGroup\":\"甲镇\",\"labels\":[{\"id\":\"后进\""))
  }

  @Test func explainShowsTheRankAndWhyALabel() {
    let run = Run("explain", "--pack", Self.pack, "--input", Self.input, "--subject", "D")
    #expect(run.code == 0)
    #expect(run.out.contains("排名：上级“甲镇” 6 个中第 4 名"))
    #expect(run.out.contains("本单位在优秀中排第 4 位，超出名额，由优秀调为良好"))
    #expect(run.out.contains("排名 4/6"))
  }

  /// Rejected rows hold no cohort entry: the second pass finds each other row's outcome by its record number.
  @Test(arguments: ["1", "3"])
  func rejectedRowsAreSkippedWhenOutcomesAreMatched(_ threads: String) {
    let withRejected = CLIPaths.fixtures + "/cohort-rejected.csv"
    let run = Run("evaluate", "--pack", Self.pack, "--input", withRejected, "--format", "csv", "--threads", threads)
    #expect(run.code == 1)
    #expect(run.err.contains("9 read: 6 assessed, 3 rejected"))
    let clean = Run("evaluate", "--pack", Self.pack, "--input", Self.input, "--format", "csv", "--threads", threads)
    // The same six subjects, with the same ranks, labels and quota moves, as without the rejected rows.
    #expect(run.out == clean.out)
    #expect(Run("explain", "--pack", Self.pack, "--input", withRejected, "--subject", "F").out.contains("排名：上级“甲镇” 6 个中第 6 名"))
  }

  /// RulePacks/examples/cohort-counts: head counts, a fill-up to a share, quotas by head count and over several grades,
  /// consequences that follow from a label.
  @Test func evaluateAndExplainHeadCountsFillUpsAndConsequencesFromLabels() {
    let pack = CLIPaths.repository + "/RulePacks/examples/cohort-counts/pack.json"
    let input = CLIPaths.fixtures + "/cohort-counts.csv"
    let run = Run("evaluate", "--pack", pack, "--input", input, "--format", "csv")
    #expect(run.code == 0)
    let rows = run.out.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    let header = rows[0]
    let byID = Dictionary(uniqueKeysWithValues: rows.dropFirst().map { ($0[0], $0) })
    func cell(_ id: String, _ column: String) -> String? {
      guard let index = header.firstIndex(where: { $0.hasSuffix(column) }) else { return nil }
      return byID[id]?[index]
    }
    // The last by rank, the 10th by the fill-up to ceil(10% × 11) = 2; both on the list because of the label.
    #expect(cell("A11", "标签") == "软弱涣散整顿对象（倒数 1 名：上级“甲镇” 共 11 个，排第 11 名）")
    #expect(cell("A10", "标签")?.hasPrefix("软弱涣散整顿对象（倒数补足至 10%") == true)
    #expect(cell("A10", "后果") == "列入软弱涣散村党组织整顿名单；取消评先评优资格")
    // Left out: not ranked and not labelled, on the list by its condition (书记空缺).
    #expect(cell("A12", "排名") == "不排名" && cell("A12", "标签") == "")
    #expect(cell("A12", "后果") == "列入软弱涣散村党组织整顿名单；取消评先评优资格")
    #expect(cell("A3", "名额调整") == "名额：优秀不超过 2 个，上级“甲镇” 共 11 个；本单位在优秀中排第 3 位，超出名额，由优秀调为良好")
    #expect(run.err.contains("名额 quota: 甲镇：优秀 名额上限 2（共 11 个，定额 2 个）；评定 4 个，按排名调出 2 个，现 2 个"))
    #expect(run.err.contains("名额 quota: 甲镇：良好及以上 名额上限 6"))
    let explained = Run("explain", "--pack", pack, "--input", input, "--subject", "A10")
    #expect(explained.out.contains("取消评先评优资格（因标签：软弱涣散整顿对象）"))
    #expect(Run("explain", "--pack", pack, "--input", input, "--subject", "A12").out.contains("不给软弱涣散整顿对象：不参加排名的不计数、不给标签（vacant 虽成立）"))
  }
}
