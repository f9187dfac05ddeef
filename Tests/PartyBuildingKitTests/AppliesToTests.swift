import Testing

@testable import PartyBuildingKit

/// Inputs and components for a class of subject (`appliesTo`): left out outside the class, a value given outside it
/// rejected, required only of the class.
@Suite struct AppliesToTests {
  static let pack = try! RulePack.load(path: Paths.repository + "/RulePacks/examples/applies-to/pack.json")

  static func assess(_ values: [String: InputValue], explain: Bool = true) throws(AssessmentError) -> Assessment {
    try pack.assess(AssessmentInput(subject: Subject(id: "s"), values: values), explain: explain)
  }

  @Test func aComponentOutsideItsClassIsLeftOutAndTheWeightsRescaled() throws {
    let member = try Self.assess(["职务": .text("委员"), "测评得分": .number(75)])
    // 100 × 40% + 75 × 30% = 62.5 over the applicable 70: 62.5 × 100 / 70 = 89.2857… → 89.29.
    #expect(member.total == ExactDecimal("89.29"))
    #expect(member.components.map(\.notApplicable) == [false, false, true, true])
    #expect(member.trace.contains { $0.message == "党建工作（书记） 不适用（仅适用于 职务 = '书记'），权重 30% 不计" })
    #expect(member.trace.contains { $0.message == "党建工作得分：不适用（仅适用于 职务 = '书记'）" })
    // In its class the component counts, and the one for the other class is left out: 38.8 + 26.4 + 27.6.
    let secretary = try Self.assess(["职务": .text("书记"), "约谈次数": .number(1), "测评得分": .number(88), "党建得分": .number(92)])
    #expect(secretary.total == ExactDecimal("92.8"))
    #expect(secretary.components.map(\.notApplicable) == [false, false, false, true])
  }

  @Test func aValueGivenOutsideItsClassIsRejectedNotScored() throws {
    // A score for 党建 from a 委员, and a count the class takes by default (0) from a 主任.
    for (values, input, shown) in [
      (["职务": InputValue.text("委员"), "测评得分": .number(75), "党建得分": .number(90)], "党建得分", "gives 90;"),
      (["职务": .text("主任"), "测评得分": .number(80), "村务得分": .number(70), "约谈次数": .number(2)], "约谈次数", "gives 2次;"),
    ] {
      for explain in [true, false] {
        let error = try #require(throws: AssessmentError.self) { try Self.assess(values, explain: explain) }
        #expect(error.code == .inconsistentInputs)
        #expect(error.inputID == input)
        #expect(error.message.contains("applies only when 职务 = '书记'"), "\(error.message)")
        #expect(error.message.contains(shown), "\(error.message)")
        #expect(error.detail.text(in: .chinese).contains("仅适用于 职务 = '书记'"))
      }
    }
  }

  @Test func aRequiredInputIsRequiredOfItsClassOnly() throws {
    let error = try #require(throws: AssessmentError.self) {
      try Self.assess(["职务": .text("书记"), "测评得分": .number(88)])
    }
    #expect(error.code == .missingInput)
    #expect(error.inputID == "党建得分")
    // The other classes do without it.
    #expect(try Self.assess(["职务": .text("主任"), "测评得分": .number(80), "村务得分": .number(70)]).total == 85)  // 40 + 24 + 21
  }

  @Test func theBatchLocatesAValueOutsideItsClassAndCountsEveryRow() throws {
    let csv = """
      编号,职务,约谈次数,测评得分,党建得分,村务得分
      S1,书记,1,88,92,
      W1,委员,,75,,
      W2,委员,,75,90,
      Z1,主任,2,80,,70

      """
    var rejected: [AssessmentError] = []
    var totals: [String: ExactDecimal] = [:]
    let summary = try BatchEvaluator(pack: Self.pack, options: BatchOptions(threads: 1)).assessments(
      from: .bytes(Array(csv.utf8), format: .csv, name: "两委.csv")
    ) { outcome in
      switch outcome {
      case .success(let assessment): totals[assessment.subject.id] = assessment.total
      case .failure(let error): rejected.append(error)
      }
    }
    #expect(summary.counts == BatchCounts(read: 4, assessed: 2, rejected: 2))
    #expect(totals == ["S1": ExactDecimal("92.8"), "W1": ExactDecimal("89.29")])
    #expect(rejected.map(\.description) == [
      "两委.csv: line 4, column 5: subject 'W2': 党建工作得分(党建得分) applies only when 职务 = '书记', which this subject is not, yet it gives 90; leave it empty, or correct the class",
      "两委.csv: line 5, column 3: subject 'Z1': 抓党建工作被约谈次数(约谈次数) applies only when 职务 = '书记', which this subject is not, yet it gives 2次; leave it empty, or correct the class",
    ])
  }

  @Test func thePackModelAndTheHighestTotalKnowTheClasses() throws {
    let model = Self.pack.model
    #expect(model.inputs.first { $0.id == "党建得分" }?.appliesTo == "职务 = '书记'")
    #expect(model.components.map(\.appliesTo) == [nil, nil, "职务 = '书记'", "职务 = '主任'"])
    // Scaled to the full marks over the components that apply: never above 100, though the weights add up to 1.3.
    #expect(Self.pack.highestTotal == 100)
  }

  @Test func aComponentForAClassAloneNeedsNoInputForTheClass() throws {
    // A component whose inputs every subject gives, counted for 书记 only.
    let pack = try RulePack.load(
      json: """
        {"formatVersion": 1, "id": "t", "version": "1", "title": "t", "source": {"document": "d"}, "fullMarks": 100,
         "weightsNote": "示范带动只考书记",
         "inputs": [{"id": "职务", "type": "choice", "choices": ["书记", "委员"], "required": true},
                    {"id": "a", "type": "number", "min": 0, "max": 100, "required": true}],
         "components": [{"id": "A", "weight": "50%", "fullMarks": 100, "score": "a"},
                        {"id": "B", "label": "示范带动", "weight": "50%", "fullMarks": 100, "score": "MIN(a + 10, 100)",
                         "appliesTo": "职务 = '书记'"}]}
        """)
    let secretary = try pack.assess(AssessmentInput(subject: Subject(id: "s"), values: ["职务": .text("书记"), "a": .number(80)]))
    #expect(secretary.total == 85)  // 40 + 45
    let member = try pack.assess(AssessmentInput(subject: Subject(id: "m"), values: ["职务": .text("委员"), "a": .number(80)]))
    #expect(member.total == 80)  // 40 × 100 / 50
  }

  @Test func whatItTakesNeverSuggestsTheClassOrAnInputOutsideIt() throws {
    // 示范次数 counts for 书记 only (default 0); 工龄 decides the class; a 委员 at 85 is one step below 优秀.
    var pack = try RulePack.load(
      json: """
        {"formatVersion": 1, "id": "t", "version": "1", "title": "t", "source": {"document": "d"}, "fullMarks": 100,
         "inputs": [{"id": "工龄", "type": "integer", "min": 0, "max": 40, "required": true},
                    {"id": "a", "type": "number", "min": 0, "max": 100, "places": 0, "required": true},
                    {"id": "示范次数", "type": "integer", "min": 0, "max": 10, "default": 0, "appliesTo": "工龄 >= 10"}],
         "components": [{"id": "A", "fullMarks": 100, "sections": [
           {"id": "s", "fullMarks": 100, "startsAt": "zero", "rules": [
             {"id": "base", "label": "得分", "kind": "award", "points": "a"},
             {"id": "demo", "label": "示范", "kind": "awardEach", "count": "示范次数", "points": 5}]}]}],
         "grades": {"bands": [{"grade": "优秀", "min": 90}, {"grade": "合格", "min": 0, "below": 90}]}}
        """)
    pack.findsWhatItTakes = true
    let member = try pack.assess(AssessmentInput(subject: Subject(id: "m"), values: ["工龄": .number(3), "a": .number(85)]))
    let lifts = try #require(member.whatItTakes).toGrade.map(\.inputID)
    #expect(lifts == ["a"])
    let senior = try pack.assess(AssessmentInput(subject: Subject(id: "s"), values: ["工龄": .number(12), "a": .number(85)]))
    #expect(Set(try #require(senior.whatItTakes).toGrade.map(\.inputID)) == ["a", "示范次数"])
  }
}
