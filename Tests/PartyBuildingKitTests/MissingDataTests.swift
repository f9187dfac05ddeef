import Testing

@testable import PartyBuildingKit

/// Inputs declared `"whenMissing": "notApplicable"`: left out, weights re-normalised, refused where they would read as 0.
@Suite struct MissingDataTests {
  static func pack(vetoWhen: String? = nil) throws(PackLoadError) -> RulePack {
    let veto = vetoWhen.map { #", "vetoes": [{"id": "v", "when": "\#($0)", "effect": "noGrade"}]"# } ?? ""
    return try RulePack.load(
      json: """
        {"formatVersion": 1, "id": "t", "version": "1", "title": "t", "source": {"document": "d"}, "fullMarks": 100,
         "inputs": [{"id": "a", "type": "number", "min": 0, "max": 100, "required": true},
                    {"id": "b", "type": "number", "min": 0, "max": 100, "whenMissing": "notApplicable"}],
         "values": [{"id": "bHalf", "formula": "b / 2"}],
         "components": [{"id": "A", "weight": "60%", "fullMarks": 100, "score": "a"},
                        {"id": "B", "weight": "40%", "fullMarks": 100, "score": "bHalf * 2"}]\(veto)}
        """)
  }

  @Test func leftOutComponentIsReweightedAndTraced() throws {
    let pack = try Self.pack()
    let assessment = try pack.assess(AssessmentInput(subject: Subject(id: "s"), values: ["a": .number(70)]))
    // 0.6 × 70 = 42, over the applicable 60: 42 × 100 / 60 = 70.
    #expect(assessment.total == 70)
    #expect(assessment.components.map(\.notApplicable) == [false, true])
    #expect(assessment.trace.contains { $0.kind == .missing && $0.message.contains("权重重新归一") })
    let full = try pack.assess(AssessmentInput(subject: Subject(id: "s"), values: ["a": .number(70), "b": .number(40)]))
    #expect(full.total == 58)
  }

  @Test func aVetoMayNotReadANotApplicableInput() {
    #expect(throws: PackLoadError.self) { try Self.pack(vetoWhen: "bHalf < 10") }
    do {
      _ = try Self.pack(vetoWhen: "bHalf < 10")
    } catch {
      #expect(error.description.contains("veto 'v' uses 'bHalf', which is left out when b is not given"))
    }
  }
}
