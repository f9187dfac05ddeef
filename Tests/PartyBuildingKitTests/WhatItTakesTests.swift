import Testing

@testable import PartyBuildingKit

/// "What it takes": every reported change is verified, and a change marked exhaustive is the smallest in its step.
@Suite struct WhatItTakesTests {
  static func load(_ name: String) throws -> RulePack {
    try RulePack.load(path: Paths.repository + "/RulePacks/" + name)
  }

  static func subjects(_ csv: String, pack: RulePack) -> [AssessmentInput] {
    TestInputs.csv(Paths.repository + "/Examples/data/" + csv, pack: pack)
  }

  func gradeIndex(_ pack: RulePack, _ grade: String?) -> Int? { grade.flatMap { pack.grades.firstIndex(of: $0) } }

  @Test func inputsWithTheWidestRangesDoNotTrap() throws {
    // Issue 9: an input from −9 × 10¹⁸ to 9 × 10¹⁸ made `high - low` overflow (a trap in pbk test); a step that would
    // overflow is past the range's end.
    let pack = try RulePack.load(
      json: """
        {"formatVersion": 1, "id": "wide", "version": "1", "title": "wide", "source": {"document": "d"}, "fullMarks": 100,
         "inputs": [
           {"id": "a", "type": "number", "min": 0, "max": 100, "step": 1, "required": true},
           {"id": "x", "type": "number", "min": -9000000000000000000, "max": 9000000000000000000, "step": 0.000000000000000001, "default": 0}
         ],
         "components": [{"id": "c", "fullMarks": 100, "score": "MIN(MAX(a + x, 0), 100)"}],
         "grades": {"bands": [{"grade": "好", "min": 90}, {"grade": "差", "min": 0, "below": 90}]}}
        """, file: "wide.json")
    let input = AssessmentInput(subject: Subject(id: "s"), values: ["a": .number(80), "x": .number(0)])
    let lifts = try #require(try pack.whatItTakes(for: input))
    // x's steps of 10⁻¹⁸ double until their count would overflow, short of +10: no lift for x, and no trap.
    #expect(lifts.toGrade.map(\.description) == ["a +10 → 好"])
  }

  @Test(arguments: [("dazhou/pack.json", "dazhou.csv"), ("zhungeer/pack.json", "zhungeer.csv")])
  func everyLiftIsVerifiedAndExhaustiveOnesAreSmallest(pack name: String, data: String) throws {
    let pack = try Self.load(name)
    var checked = 0
    for input in Self.subjects(data, pack: pack) {
      let before = try pack.assess(input, explain: false)
      guard let lifts = try pack.whatItTakes(for: input) else { continue }
      for lift in lifts.toGrade + lifts.toStars {
        var changed = input
        changed.values[lift.inputID] = .number(lift.to)
        let after = try pack.assess(changed, explain: false)
        if lift.target.hasSuffix(" 星") {
          #expect((after.stars ?? 0) > (before.stars ?? 0), "\(input.subject.id): \(lift)")
        } else {
          #expect(after.grade == lift.target || (gradeIndex(pack, after.grade) ?? 99) < (gradeIndex(pack, lift.target) ?? 0), "\(input.subject.id): \(lift)")
        }
        #expect(lift.change == lift.to - lift.from)
        checked += 1
      }
    }
    #expect(checked > 0, "no subject of \(data) had a lift to check")
  }

  @Test func theLibraryAndTheBatchFlagAgree() throws {
    var pack = try Self.load("examples/what-it-takes/pack.json")
    let input = AssessmentInput(subject: Subject(id: "s"), values: ["日常": .number(80), "年底": .number(85)])
    let direct = try #require(try pack.whatItTakes(for: input))
    #expect(direct.nextGrade == "好")
    #expect(direct.toGrade.first?.description == "年底考核得分 +9.3 → 好")
    #expect(direct.toGrade.first?.exhaustive == true)
    #expect(try pack.assess(input, explain: false).whatItTakes == nil)
    pack.findsWhatItTakes = true
    #expect(try pack.assess(input, explain: false).whatItTakes == direct)
  }

  @Test func aStepMustBePositiveAndWholeForIntegers() {
    do {
      _ = try RulePack.load(json: """
        {"formatVersion": 1, "id": "t", "version": "1", "title": "t", "source": {"document": "d"}, "fullMarks": 100,
         "inputs": [{"id": "a", "type": "integer", "min": 0, "max": 100, "step": 0.5, "required": true},
                    {"id": "b", "type": "boolean", "step": 1, "default": false}],
         "components": [{"id": "A", "fullMarks": 100, "score": "a"}]}
        """)
      Issue.record("loaded")
    } catch {
      #expect(error.description.contains("an integer input's 'step' must be a whole number, not 0.5"))
      #expect(error.description.contains("only a number or integer input has a 'step'"))
    }
  }
}
