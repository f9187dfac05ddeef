import Testing

@testable import PartyBuildingKit

/// Classes of subject, extra conditions on grade bands and star levels, direct star levels, and what a downgrade does
/// to the total (RulePacks/examples/classes).
@Suite struct ClassesTests {
  static let pack: RulePack = {
    try! RulePack.load(path: Paths.repository + "/RulePacks/examples/classes/pack.json")
  }()

  static func assess(_ values: [String: InputValue]) throws -> Assessment {
    try pack.assess(AssessmentInput(subject: Subject(id: "m1"), values: values))
  }

  @Test func classDecidesTheThreshold() throws {
    let probationary = try Self.assess(["类别": .text("预备党员"), "score": .number(70)])
    let full = try Self.assess(["类别": .text("正式党员"), "score": .number(70)])
    #expect(probationary.consequences.map(\.id) == ["loseProbation"])
    #expect(full.consequences.isEmpty)
  }

  @Test func aFailedBandConditionFallsToTheNextBandAndSaysSo() throws {
    let without = try Self.assess(["类别": .text("正式党员"), "score": .number(95)])
    #expect(without.grade == "良好")
    #expect(without.trace.contains { $0.kind == .grade && $0.message.contains("优秀的条件 innovation 不满足，降至良好") })
    let with = try Self.assess(["类别": .text("正式党员"), "score": .number(95), "innovation": .boolean(true)])
    #expect(with.grade == "优秀")
    #expect(!with.trace.contains { $0.message.contains("不满足") })
  }

  @Test func aFailedStarLevelConditionIsTraced() throws {
    let assessment = try Self.assess(["类别": .text("正式党员"), "score": .number(92), "innovation": .boolean(true)])
    #expect(assessment.stars == 4)
    #expect(assessment.trace.contains { $0.kind == .stars && $0.message.contains("5 星：条件 total >= 95 不满足") })
  }

  @Test func aDirectStarLevelReplacesTheEarnedOneButNotAVetoCap() throws {
    let direct = try Self.assess(["类别": .text("正式党员"), "score": .number(70), "award": .text("市级")])
    #expect(direct.stars == 5)
    #expect(direct.trace.contains { $0.kind == .veto && $0.message.hasPrefix("直接认定：获区级以上表彰") })
    let capped = try Self.assess(["类别": .text("正式党员"), "score": .number(70), "award": .text("市级"), "discipline": .boolean(true)])
    #expect(capped.stars == 0)
  }

  @Test func aDowngradeCapsTheTotalAtTheNewGradesTop() throws {
    let assessment = try Self.assess(["类别": .text("正式党员"), "score": .number(88), "discipline": .boolean(true)])
    #expect(assessment.total == ExactDecimal(significand: 5999, scale: 2))
    #expect(assessment.grade == "不合格")
    #expect(assessment.trace.contains { $0.message.contains("总分不超过不合格的最高分 59.99（原 88）") })
  }

  @Test func aDowngradeSetsTheTotalToTheNewGradesFloor() throws {
    let assessment = try Self.assess(["类别": .text("正式党员"), "score": .number(93), "talk": .boolean(true)])
    #expect(assessment.total == 60)
    #expect(assessment.grade == "合格")
    // Already 合格 by score: the grade did not move, so neither does the total.
    let unchanged = try Self.assess(["类别": .text("正式党员"), "score": .number(75), "talk": .boolean(true)])
    #expect(unchanged.total == 75)
  }

  @Test func scoreOnANonGradeVetoIsRefused() {
    do {
      _ = try RulePack.load(
        json: """
          {"formatVersion": 1, "id": "t", "version": "1", "title": "t", "source": {"document": "d"}, "fullMarks": 100,
           "inputs": [{"id": "a", "type": "number", "min": 0, "max": 100, "required": true}],
           "components": [{"id": "A", "fullMarks": 100, "score": "a"}],
           "vetoes": [{"id": "v", "when": "a < 5", "effect": "setStars", "stars": 5}]}
          """)
      Issue.record("a setStars veto without stars loaded")
    } catch {
      #expect(error.description.contains("'setStars' sets a star level, but the pack has no 'stars'"))
    }
  }
}
