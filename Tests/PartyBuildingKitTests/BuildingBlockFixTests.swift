import Testing

@testable import PartyBuildingKit

private func d(_ text: String) -> ExactDecimal {
  guard let value = ExactDecimal(text) else { fatalError("bad test literal \(text)") }
  return value
}

/// Regression tests for the bugs issue 11 found on the way.
@Suite struct BuildingBlockFixTests {
  @Test func everyExampleValueIsListedRulesIncluded() throws {
    let pack = try RulePack.load(path: Paths.repository + "/RulePacks/member-points/pack.json")
    let rules = pack.exampleValues.filter { $0.pointer.description.contains("/rules/") }
    #expect(rules.count == 3)
    #expect(rules.map(\.note).contains("每次0.5分、最多15分为示例值"))
  }

  static let floorPack = #"""
    {
      "formatVersion": 1, "id": "floor-below", "version": "1", "title": "扣分可低于0", "source": {"document": "测试"},
      "fullMarks": 100,
      "inputs": [{"id": "问题数", "type": "integer", "min": 0, "max": 30, "default": 0}],
      "components": [
        {"id": "c", "weight": 1, "sections": [
          {"id": "扣分项", "fullMarks": 100, "startsAt": "full", "floor": -20, "rules": [
            {"label": "每个问题扣5分", "kind": "deductEach", "points": 5, "count": "问题数"}
          ]}
        ]}
      ],
      "grades": {"bands": [{"grade": "合格", "min": 60}, {"grade": "不合格", "min": -20, "below": 60}]}
    }
    """#

  @Test func aFloorBelowZeroIsCoveredByTheBandsOrReported() throws {
    // The lowest band reaches the lowest total: 24 problems take the section to its floor −20, graded 不合格.
    let pack = try RulePack.load(json: Self.floorPack)
    let result = try pack.assess(AssessmentInput(subject: Subject(id: "1"), values: ["问题数": .number(24)]))
    #expect(result.total == -20)
    #expect(result.grade == "不合格")
    // A lowest band from 0 leaves −20…0 without a grade: reported at the band's 'min'.
    let uncovered = Self.floorPack.replacingOccurrences(of: #""min": -20"#, with: #""min": 0"#)
    #expect {
      try RulePack.load(json: uncovered)
    } throws: { error in
      (error as? PackLoadError)?.problems.contains {
        $0.pointer == "/grades/bands/1/min" && $0.message.contains("totals can fall to -20")
          && $0.message.contains("'扣分项' -20")
      } == true
    }
  }

  @Test func aTotalBelowEveryBandIsRejectedWithItsReasonNeverSilentlyUngraded() throws {
    // A pack in Swift whose lowest band starts at 0 while a not-applicable component re-normalises the rest: the
    // kernel itself refuses to leave a subject without a grade silently.
    let pack = try RulePack.load(json: Self.floorPack)
    let plan = pack.plan
    var bands = plan.program.bands
    bands[bands.count - 1].minimum = -10
    var program = plan.program
    program.bands = bands
    let strict = ScoringPlan(program)
    let buffer = UnsafeMutablePointer<ExactDecimal>.allocate(capacity: strict.bufferSize)
    defer { buffer.deallocate() }
    buffer.initialize(repeating: .zero, count: strict.bufferSize)
    buffer[Int(strict.inputs[0].slot)] = 24
    var observer = SilentObserver()
    #expect {
      try strict.score(buffer, observer: &observer)
    } throws: { error in
      guard let failure = error as? ScoringFailure, case .belowLowestBand(let total) = failure.reason else { return false }
      let message = failure.message(plan: strict, view: UnsafeBufferPointer(start: buffer, count: strict.bufferSize)).description
      return total == -20 && message.contains("below the lowest grade band ('不合格' from -10)")
    }
  }

  @Test func guardedPartsAreJudgedUnderTheirGuard() throws {
    // `x - 1000` under "when": "x >= 1000" is never negative; in an if-branch likewise.
    let json = #"""
      {
        "formatVersion": 1, "id": "guarded", "version": "1", "title": "条件下的范围", "source": {"document": "测试"},
        "fullMarks": 100,
        "inputs": [{"id": "收入", "type": "number", "min": 0, "max": 2000, "required": true}],
        "components": [
          {"id": "c", "weight": 1, "sections": [
            {"id": "基础", "fullMarks": 90, "score": "if 收入 >= 1000 then MIN((收入 - 1000) / 10, 90) else 0"},
            {"id": "增收", "fullMarks": 10, "startsAt": "zero", "rules": [
              {"label": "超过1000元的部分每100元加1分", "kind": "award", "when": "收入 >= 1000",
               "points": "MIN((收入 - 1000) / 100, 10)"}
            ]}
          ]}
        ],
        "grades": {"bands": [{"grade": "好", "min": 60}, {"grade": "一般", "min": 0, "below": 60}]}
      }
      """#
    let pack = try RulePack.load(json: json)
    #expect(pack.highestTotal == 100)
    let result = try pack.assess(AssessmentInput(subject: Subject(id: "1"), values: ["收入": .number(1500)]))
    #expect(result.total == 55)
    // Without the guard the same points can be negative, and that is still reported.
    let unguarded = json.replacingOccurrences(of: #""when": "收入 >= 1000","#, with: "")
    #expect {
      try RulePack.load(json: unguarded)
    } throws: { error in
      (error as? PackLoadError)?.problems.contains { $0.message.contains("'points' can be negative") } == true
    }
  }

  @Test func narrowingTakesEachBranchUnderWhatIsKnownThere() throws {
    let scope = FormulaScope([FormulaSymbol(name: "x", type: .number, slot: 0, range: 0...100)])
    func bounds(_ source: String) throws -> (ExactDecimal?, ExactDecimal?) {
      let formula = try Formula.compile(source, in: scope).get()
      let range = formula.bounds()
      return (range.lower, range.upper)
    }
    #expect(try bounds("if x >= 60 then x - 60 else 60 - x") == (0, 60))
    #expect(try bounds("if x < 10 then 0 else x - 10") == (0, 90))
    #expect(try bounds("if x > 50 and x <= 80 then x - 50 else 0") == (0, 30))
    #expect(try bounds("if not (x < 20) then x - 20 else 0") == (0, 80))
    // Nothing certain: the declared range.
    #expect(try bounds("if x != 5 then x - 5 else 0") == (-5, 95))
    // A branch that can never run (x ≥ 60 after x ≥ 50 failed) is left out.
    #expect(try bounds("if x < 50 then x else if x >= 40 then 50 else -1000") == (0, 50))
  }
}
