import Foundation
import Testing

@testable import PartyBuildingKit

/// Batches from memory, data and asynchronous sequences give what a file gives, in order, with cancellation.
@Suite struct AsyncBatchTests {
  static let pack = try! RulePack.load(path: Paths.repository + "/RulePacks/dazhou/pack.json")
  static let csv = Array(Paths.read(Paths.repository + "/Examples/data/dazhou.csv")!.utf8)

  static func words(_ outcome: Result<Assessment, AssessmentError>) -> String {
    switch outcome {
    case .success(let a): "\(a.subject.id) \(a.total) \(a.grade ?? "-")"
    case .failure(let e): "error \(e.message)"
    }
  }

  @Test func anAsyncSequenceOfResultsMatchesTheSynchronousBatch() async throws {
    var expected: [String] = []
    _ = try BatchEvaluator(pack: Self.pack).assessments(from: .bytes(Self.csv, format: .csv, name: "d.csv")) {
      expected.append(Self.words($0))
    }
    var got: [String] = []
    for try await outcome in BatchEvaluator(pack: Self.pack).results(.data(Data(Self.csv), format: .csv), buffer: 2) {
      got.append(Self.words(outcome))
    }
    #expect(got == expected)
    #expect(got.count == 11)
  }

  @Test func subjectsInMemoryAndFromAnAsyncSequenceScoreAlike() async throws {
    let inputs = TestInputs.csv(bytes: Self.csv, name: "d.csv", pack: Self.pack)
    var direct: [String] = []
    _ = try BatchEvaluator(pack: Self.pack).assessments(of: inputs + [inputs[0]]) { direct.append(Self.words($0)) }
    // The repeated subject is rejected, as in a file.
    #expect(direct.last?.hasPrefix("error the id appears again") == true)
    let stream = AsyncStream<AssessmentInput> { continuation in
      for input in inputs + [inputs[0]] { continuation.yield(input) }
      continuation.finish()
    }
    var streamed: [String] = []
    for try await outcome in BatchEvaluator(pack: Self.pack).results(of: stream) { streamed.append(Self.words(outcome)) }
    #expect(streamed == direct)
  }

  @Test func stoppingEarlyStopsTheBatch() async throws {
    // A large input, consumed for three results only: the producer is stopped, not left running.
    var text = String(decoding: Self.csv, as: UTF8.self)
    let row = text.split(whereSeparator: \.isNewline)[1]
    let rest = row[row.firstIndex(of: ",")!...]
    for index in 0..<20_000 { text += "X\(index)\(rest)\n" }
    var seen = 0
    for try await _ in BatchEvaluator(pack: Self.pack).results(.bytes(Array(text.utf8), format: .csv, name: "big.csv"), buffer: 4) {
      seen += 1
      if seen == 3 { break }
    }
    #expect(seen == 3)
  }

  @Test func anInputThatCannotBeReadEndsTheSequenceWithItsError() async {
    await #expect(throws: RecordInputError.self) {
      for try await _ in BatchEvaluator(pack: Self.pack).results(.file("/nonexistent/x.csv")) {}
    }
  }

  @Test func aSwiftSchemesInputsAreCheckedLikeAPacks() {
    struct Scheme: AssessmentScheme {
      var info: SchemeInfo {
        SchemeInfo(
          id: "s", version: "1", title: "t",
          inputs: [InputDeclaration(id: "score", label: "得分", type: .number, minimum: 0, maximum: 100)])
      }
      func assess(_ input: AssessmentInput, explain: Bool) throws(AssessmentError) -> Assessment {
        guard case .number(let score)? = input.values["score"] else { preconditionFailure("checked before") }
        return Assessment(subject: input.subject, schemeID: "s", total: score, fullMarks: 100)
      }
    }
    let (assessments, errors, counts) = Evaluator(scheme: Scheme()).evaluate([
      AssessmentInput(subject: Subject(id: "a"), values: ["score": .text("85.5")]),
      AssessmentInput(subject: Subject(id: "b"), values: ["score": .number(120)]),
      AssessmentInput(subject: Subject(id: "c"), values: [:]),
      AssessmentInput(subject: Subject(id: "d"), values: ["score": .number(1), "extra": .number(1)]),
    ])
    #expect(assessments.map(\.total) == [ExactDecimal(exactText: "85.5")!])
    #expect(errors.map(\.message) == [
      "得分(score) is 120, above the most allowed, 100", "得分(score) is required but not given; add it to the input",
      "'extra' is not an input of pack 's'; remove it or correct its name",
    ])
    #expect(counts.read == 4)
  }
}
