import Foundation
import Testing

@testable import PartyBuildingKit

/// Ballots: counts per choice as inputs "item:choice", averages, shares without abstentions, rater weights,
/// trimming, likes per voter, and void votes.
@Suite struct BallotTests {
  static let pack: RulePack = {
    try! RulePack.load(path: Paths.repository + "/RulePacks/examples/ballots/pack.json")
  }()

  static func input(_ values: [String: Int], id: String = "s") -> AssessmentInput {
    AssessmentInput(subject: Subject(id: id), values: values.mapValues { .number(ExactDecimal($0)) })
  }

  static let session = ["应到人数": 30, "实到人数": 28, "发出票数": 28, "收回票数": 28]

  @Test func countInputsAreOrdinaryIntegerInputs() {
    let ids = Self.pack.info.inputs.map(\.id)
    #expect(ids.contains("总体评价:领导:好"))
    #expect(ids.contains("总体评价:群众:差"))
    #expect(ids.contains("作风:不了解"))
    let count = Self.pack.info.inputs.first { $0.id == "作风:有" }
    #expect(count?.type == .integer)
    #expect(count?.defaultValue == .number(.zero))
  }

  @Test func weightedTrimmedAverageIsExact() throws {
    var values = Self.session
    values.merge(["总体评价:领导:好": 5, "总体评价:领导:较好": 2, "总体评价:领导:一般": 1,
                  "总体评价:群众:好": 10, "总体评价:群众:较好": 6, "总体评价:群众:一般": 3, "总体评价:群众:差": 1,
                  "作风:有": 3, "作风:无": 20, "作风:不了解": 5, "点赞数": 18]) { $1 }
    let assessment = try Self.pack.assess(Self.input(values))
    // Leaders 560/6 = 93.333333333333 (12 places), masses 1530/18 = 85; 0.7 and 0.3.
    #expect(assessment.sections.first { $0.id == "评价" }?.score == ExactDecimal("72.66666666666648"))
    #expect(assessment.total == ExactDecimal("85.52"))
    let ballotLines = assessment.trace.filter { $0.kind == .ballot }.map(\.message)
    #expect(ballotLines.contains { $0.contains("去掉最高 1 票（好）") && $0.contains("去掉最低 1 票（一般）") })
    // 3 of 23 counted (不了解 left out): 13.043478260870%.
    #expect(ballotLines.contains { $0.contains("有 3 / 计入 23 票 = 13.04347826087%") })
  }

  @Test func abstentionsAreLeftOutOfTheShare() throws {
    var values = Self.session
    values.merge(["总体评价:领导:好": 8, "总体评价:群众:好": 20, "作风:有": 10, "作风:无": 10, "作风:不了解": 8]) { $1 }
    let assessment = try Self.pack.assess(Self.input(values))
    // 10 / 20 = 50% fires the veto; 10 / 28 would not.
    #expect(assessment.vetoes.map(\.id) == ["作风问题"])
  }

  @Test(arguments: [(15, 15, 15, "未超过应到人数 30 人的 1/2"), (28, 28, 29, "多于发出票数 28 张")])
  func voidVotesAreResultsWithAReason(attended: Int, issued: Int, returned: Int, reason: String) throws {
    let values = ["应到人数": 30, "实到人数": attended, "发出票数": issued, "收回票数": returned, "总体评价:领导:好": 5]
    let assessment = try Self.pack.assess(Self.input(values))
    #expect(assessment.voidReason?.contains(reason) == true)
    #expect(assessment.grade == nil)
    #expect(assessment.consequences.map(\.id) == ["重测"])
    #expect(assessment.components.allSatisfy { $0.notApplicable })
  }

  @Test func noCountedBallotIsAnErrorNamingTheSubjectAndItem() {
    var values = Self.session
    values.merge(["总体评价:领导:好": 8, "总体评价:群众:好": 20, "作风:不了解": 28]) { $1 }
    do {
      _ = try Self.pack.assess(Self.input(values, id: "X9"))
      Issue.record("assessed without a counted ballot")
    } catch {
      #expect(error.subjectID == "X9")
      #expect(error.inputID == "作风:有")
      #expect(error.message.contains("ballot item 作风漂浮（反向测评）(作风): no counted ballot"))
    }
  }

  @Test func theBatchPathScoresBallotColumnsLikeAssess() throws {
    let csv = """
      id,应到人数,实到人数,发出票数,收回票数,点赞数,总体评价:领导:好,总体评价:领导:较好,总体评价:领导:一般,总体评价:群众:好,总体评价:群众:较好,总体评价:群众:一般,总体评价:群众:差,作风:有,作风:无,作风:不了解
      A,30,28,28,28,18,5,2,1,10,6,3,1,3,20,5
      B,30,15,15,15,,5,,,10,,,,,15,

      """
    var outputs: [String] = []
    let batch = BatchEvaluator(pack: Self.pack, options: BatchOptions(threads: 2))
    _ = try batch.assessments(from: .bytes(Array(csv.utf8), format: .csv, name: "ballots.csv")) {
      if case .success(let assessment) = $0 {
        outputs.append("\(assessment.subject.id):\(assessment.voidReason == nil ? assessment.total.description : "void")")
      }
    }
    #expect(outputs == ["A:85.52", "B:void"])
  }
}
