import Testing

@testable import PartyBuildingKit

/// The cohort stage from the library: ranks, labels by share with declared rounding, quotas.
@Suite struct CohortTests {
  static func pack(_ cohort: String) throws -> RulePack {
    try RulePack.load(
      json: """
        {"formatVersion": 1, "id": "t", "version": "1", "title": "t", "source": {"document": "d"}, "fullMarks": 100,
         "inputs": [{"id": "s", "type": "number", "min": 0, "max": 100, "required": true}],
         "components": [{"id": "c", "fullMarks": 100, "score": "s"}],
         "grades": {"bands": [{"grade": "优秀", "min": 90}, {"grade": "良好", "min": 60, "below": 90}, {"grade": "差", "min": 0, "below": 60}]},
         "cohort": \(cohort)}
        """)
  }

  /// Scores and ranks subjects with these scores, ids v1, v2, …
  static func ranked(_ pack: RulePack, _ scores: [Int]) throws -> (assessments: [Assessment], quotas: [QuotaSummary]) {
    let inputs = scores.enumerated().map { index, score in
      AssessmentInput(subject: Subject(id: "v\(index + 1)"), values: ["s": .number(ExactDecimal(score))])
    }
    let (results, quotas) = pack.assessCohort(inputs)
    return (try results.map { try $0.get() }, quotas)
  }

  @Test(arguments: [("up", 5), ("down", 4), ("nearest", 5)])
  func bottomFivePercentOf92(_ rounding: String, _ expected: Int) throws {
    let pack = try Self.pack(#"{"labels": [{"id": "后进", "bottom": "5%", "rounding": "\#(rounding)"}]}"#)
    // 92 villages with distinct scores 8…99: 5% × 92 = 4.6.
    let ranked = try Self.ranked(pack, (0..<92).map { 99 - $0 }).assessments
    let labelled = ranked.filter { !$0.labels.isEmpty }.map(\.subject.id)
    #expect(labelled.count == expected)
    #expect(labelled == (92 - expected + 1...92).map { "v\($0)" })
    #expect(ranked[91].rank == 92 && ranked[91].cohortSize == 92)
  }

  @Test func tiesShareARankAndTheNextIsSkipped() throws {
    let pack = try Self.pack("{}")
    let ranked = try Self.ranked(pack, [80, 90, 80, 70]).assessments
    #expect(ranked.map(\.rank) == [2, 1, 2, 4])
  }

  @Test func hardCapMovesTheLowestRankedDownAndTheConsequencesFollow() throws {
    let pack = try Self.pack(#"{"quotas": [{"grade": "优秀", "atMost": "1/3", "rounding": "down"}]}"#)
    let (ranked, quotas) = try Self.ranked(pack, [99, 91, 95, 93, 50, 60])
    #expect(ranked.map(\.grade) == ["优秀", "良好", "优秀", "良好", "差", "良好"])
    #expect(ranked[1].quotaMoves.count == 1)
    #expect(quotas.first?.before == 4 && quotas.first?.after == 2 && quotas.first?.count == 2)
  }

  @Test func guideReportsTheDeviationAndChangesNothing() throws {
    let pack = try Self.pack(#"{"quotas": [{"grade": "优秀", "guide": "10%", "rounding": "nearest"}]}"#)
    let (ranked, quotas) = try Self.ranked(pack, [99, 91, 95, 93, 50, 60])
    #expect(ranked.map(\.grade) == ["优秀", "优秀", "优秀", "优秀", "差", "良好"])
    #expect(quotas.first?.deviation == 3)
    #expect(quotas.first?.description.contains("比指导数多 3 个") == true)
  }

  @Test func compactEntriesRankWithoutTheAssessments() throws {
    let pack = try Self.pack(#"{"labels": [{"id": "前", "top": "50%", "rounding": "up", "ties": "none"}]}"#)
    let entries = [
      CohortEntry(subjectID: "a", keys: [80]), CohortEntry(subjectID: "b", keys: [90]),
      CohortEntry(subjectID: "c", keys: [80]), CohortEntry(subjectID: "d", keys: [70], excluded: true),
    ]
    let result = pack.rankCohort(entries)
    #expect(result.outcomes.map(\.rank) == [2, 1, 2, nil])
    // ceil(50% × 3) = 2, but a and c tie across the limit and "ties": "none" gives it to neither.
    #expect(result.outcomes.map { $0.labels.map(\.id) } == [[], ["前"], [], []])
  }
}
