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

  static let farPack = """
    {"formatVersion": 1, "id": "far", "version": "1", "title": "far", "source": {"document": "d"}, "fullMarks": 100,
     "precision": 2,
     "inputs": [{"id": "a", "type": "number", "min": 0, "max": 100, "places": 2, "required": true},
                {"id": "b", "type": "number", "min": 0, "max": 100, "places": 2, "required": true}],
     "components": [{"id": "c", "fullMarks": 100, "score": "a"}],
     "grades": {"bands": [{"grade": "好", "min": 90, "when": "b < 40 or b >= 60"}, {"grade": "差", "min": 0, "below": 90}]}}
    """

  @Test func aLiftBeyondTheWindowIsConfirmedTheSmallest() throws {
    // Issue 11: a lift of 25.00 in steps of 0.01 is 2500 steps, beyond the 200 tried one by one; the steps between
    // are tried too, so it is the smallest and not marked 未穷举.
    let pack = try RulePack.load(json: Self.farPack, file: "far.json")
    let input = AssessmentInput(subject: Subject(id: "s"), values: ["a": .number(65), "b": .number(70)])
    let lifts = try #require(try pack.whatItTakes(for: input))
    #expect(lifts.toGrade.map(\.description) == ["a +25 → 好"])
    #expect(lifts.toGrade.first?.exhaustive == true)
    // With 95 but b = 50, the grade's condition needs b below 40 or at least 60: +10.00 (1000 steps) and −10.01
    // both lift; the confirmation tries both directions step by step, so the smaller, +10, is the one given.
    let held = try #require(
      try pack.whatItTakes(for: AssessmentInput(subject: Subject(id: "s"), values: ["a": .number(95), "b": .number(50)])))
    let b = try #require(held.toGrade.first { $0.inputID == "b" })
    #expect(b.description == "b +10 → 好")
    #expect(b.exhaustive == true)
  }

  @Test func aLiftTooFarToConfirmIsMarkedNotExhaustive() throws {
    // 80.00 in steps of 0.0001 is 800000 steps: found by bisection, marked 未穷举.
    let text = Self.farPack.replacingOccurrences(of: #""places": 2, "required": true},"#, with: #""places": 4, "required": true},"#)
      .replacingOccurrences(of: #""min": 90, "when""#, with: #""min": 90, "when""#)
    let pack = try RulePack.load(json: text.replacingOccurrences(of: #""precision": 2"#, with: #""precision": 4"#), file: "far.json")
    let input = AssessmentInput(subject: Subject(id: "s"), values: ["a": .number(10), "b": .number(70)])
    let lifts = try #require(try pack.whatItTakes(for: input))
    let a = try #require(lifts.toGrade.first { $0.inputID == "a" })
    #expect(a.to == 90)
    #expect(a.exhaustive == false)
    #expect(a.description.contains("（未穷举）"))
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
