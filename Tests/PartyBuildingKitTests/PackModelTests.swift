import Foundation
import Testing

@testable import PartyBuildingKit

/// The public pack model: everything a pack declares, readable from Swift, and a model built in Swift compiled the
/// same way as a file.
@Suite struct PackModelTests {
  static var packFiles: [String] {
    Paths.shippedPacks.map { Paths.repository + "/" + $0 }
      + Paths.files(in: Paths.fixtures + "/ValidPacks", suffix: ".json").map { Paths.fixtures + "/ValidPacks/" + $0 }
  }

  /// `value` with notes dropped and every scalar as comparable text: numbers (and text that is a pack number) by
  /// their exact value, true/false as text, so that `"30%"` equals `0.3` and `"points": 2` equals `"2"`.
  static func normalized(_ value: JSONValue) -> NormalJSON {
    switch value.content {
    case .null: return .scalar("null")
    case .bool(let flag): return .scalar(flag ? "true" : "false")
    case .number(let literal):
      return .scalar((try? Node.exactNumber(literal).get()).map { "#" + $0.normalized().description } ?? literal)
    case .string(let text):
      if case .success(let number) = Node.exactNumber(text.trimmingSpaces) { return .scalar("#" + number.normalized().description) }
      return .scalar(text)
    case .array(let items): return .array(items.map(normalized))
    case .object(let object):
      var members: [String: NormalJSON] = [:]
      for member in object.members where member.key != "note" { members[member.key] = normalized(member.value) }
      return .object(members)
    }
  }

  indirect enum NormalJSON: Hashable, CustomStringConvertible {
    case scalar(String)
    case array([NormalJSON])
    case object([String: NormalJSON])

    var description: String {
      switch self {
      case .scalar(let text): text
      case .array(let items): "[" + items.map(\.description).joined(separator: ", ") + "]"
      case .object(let members): "{" + members.keys.sorted().map { "\($0): \(members[$0]!)" }.joined(separator: ", ") + "}"
      }
    }
  }

  /// The first place where two normalized trees differ.
  static func difference(_ a: NormalJSON, _ b: NormalJSON, at path: String = "") -> String? {
    switch (a, b) {
    case (.object(let x), .object(let y)):
      for key in Set(x.keys).union(y.keys).sorted() {
        guard let left = x[key] else { return "\(path)/\(key): only in the model's file" }
        guard let right = y[key] else { return "\(path)/\(key): dropped by the model" }
        if let found = difference(left, right, at: path + "/" + key) { return found }
      }
      return nil
    case (.array(let x), .array(let y)):
      guard x.count == y.count else { return "\(path): \(x.count) items, the model wrote \(y.count)" }
      for index in x.indices {
        if let found = difference(x[index], y[index], at: "\(path)/\(index)") { return found }
      }
      return nil
    default:
      // `"void": false` is written as `"void": ""` (both expect a result that is not void).
      if path.hasSuffix("/void"), Set([a, b]) == Set([.scalar("false"), .scalar("")]) { return nil }
      return a == b ? nil : "\(path): \(a) became \(b)"
    }
  }

  @Test func theCompileDocumentationExampleLoads() throws {
    // RulePack.compile's own example: 日常考核 and 年底考核 at 40% each (the weights still add up to 100%).
    var model = try RulePack.load(path: Paths.repository + "/RulePacks/dazhou/pack.json").model
    model.components[0].weight = ExactDecimal("0.4")
    model.components[1].weight = ExactDecimal("0.4")
    let changed = try RulePack.compile(model, name: "达州（调整权重）")
    #expect(changed.model.components.map(\.weight) == [ExactDecimal("0.4"), ExactDecimal("0.4"), ExactDecimal("0.20")])
  }

  @Test(arguments: packFiles)
  func theModelKeepsEverythingThePackDeclares(_ path: String) throws {
    let pack = try RulePack.load(path: path, functions: .declarationsOnly)
    let original = try JSONParser.parse(try #require(Paths.read(path)))
    let written = try JSONParser.parse(try ExactJSONEncoder().encode(pack.model))
    let found = Self.difference(Self.normalized(original), Self.normalized(written))
    #expect(found == nil, "\(path): \(found ?? "")")
  }

  @Test(arguments: packFiles)
  func aModelCompilesToTheSamePack(_ path: String) throws {
    let pack = try RulePack.load(path: path, functions: .declarationsOnly)
    let rebuilt = try RulePack.compile(pack.model, name: "rebuilt", functions: .declarationsOnly)
    #expect(rebuilt.model == pack.model)
    #expect(rebuilt.highestTotal == pack.highestTotal)
    #expect(rebuilt.tests.count == pack.tests.count)
    for result in rebuilt.runTests() { #expect(result.failures == [], "\(path): \(result.testCase.name)") }
    // Scored the same, case by case.
    for (a, b) in zip(pack.runTests(), rebuilt.runTests()) {
      var left = a.assessment
      var right = b.assessment
      left?.trace = []
      right?.trace = []
      #expect(left == right, "\(path): \(a.testCase.name)")
    }
  }

  @Test func theModelSaysWherePartsAre() throws {
    let pack = try RulePack.load(path: Paths.repository + "/RulePacks/dazhou/pack.json")
    let model = pack.model
    #expect(model.id == "dazhou-secretary" || !model.id.isEmpty)
    #expect(model.components.count == 3)
    let location = try #require(model.location(of: "/components/1"))
    #expect(location.line > 1)
    #expect(model.location(of: "/components/99") == nil)
    // A copy built in Swift has no file.
    #expect(PackModel().location(of: "/components/0") == nil)
  }

  @Test func aPackBuiltInSwiftScores() throws {
    var model = PackModel()
    model.id = "swift-built"
    model.version = "1"
    model.title = "在 Swift 中编写的规则包"
    model.source = .init(document: "示例")
    model.fullMarks = 100
    var daily = PackModel.Input(id: "daily", label: "日常考核", type: .number)
    daily.min = 0
    daily.max = 100
    daily.required = true
    var overdue = PackModel.Input(id: "overdue", label: "逾期任务", type: .integer)
    overdue.min = 0
    overdue.max = 10
    overdue.default = .number(0)
    model.inputs = [daily, overdue]
    var component = PackModel.Component(id: "日常", weight: 1)
    var section = PackModel.Section(id: "日常得分", fullMarks: 100, startsAt: .full)
    section.rules = [PackModel.Rule(label: "任务逾期", kind: .deductEach, points: "2", count: "overdue", max: 6)]
    var score = PackModel.Section(id: "考核分", fullMarks: 0, startsAt: .zero)
    score.score = "0"
    component.sections = [section]
    model.components = [component]
    model.grades = .init(bands: [
      .init(grade: "好", min: 90, max: 100), .init(grade: "一般", min: 0, below: 90),
    ])
    let pack = try RulePack.compile(model)
    let result = try pack.assess(
      AssessmentInput(subject: Subject(id: "1"), values: ["daily": .number(95), "overdue": .number(4)]))
    #expect(result.total == 94)
    #expect(result.grade == "好")
    #expect(pack.model == model)

    // A mistake is reported at its place, by pointer.
    model.components[0].weight = ExactDecimal(exactText: "1.5")
    #expect {
      try RulePack.compile(model, name: "swift")
    } throws: { error in
      (error as? PackLoadError)?.problems.contains {
        $0.pointer == "/components/0/weight" && $0.message.contains("a weight is a share above 0 and at most 1")
      } == true
    }
  }

  @Test func theModelIsCodableWithTheStandardCoders() throws {
    for path in Self.packFiles {
      let pack = try RulePack.load(path: path, functions: .declarationsOnly)
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys]
      let data = try encoder.encode(pack.model)
      let decoded = try JSONDecoder().decode(PackModel.self, from: data)
      // The same bytes every time.
      #expect(try encoder.encode(decoded) == data, "\(path)")
      // JSONEncoder writes a number as text (it has no exact decimal number), which a pack reads the same way, and
      // sorts an object's keys (the order of ballot points or severities, which messages list): the decoded model
      // compiles to a pack that scores every test case the same.
      let rebuilt = try RulePack.compile(decoded, name: "decoded", functions: .declarationsOnly)
      for (a, b) in zip(pack.runTests(), rebuilt.runTests()) {
        var left = a.assessment
        var right = b.assessment
        left?.trace = []
        right?.trace = []
        #expect(left == right, "\(path): \(a.testCase.name)")
        #expect((a.error == nil) == (b.error == nil), "\(path): \(a.testCase.name)")
      }
      // With ExactJSONEncoder, numbers stay numbers: the model comes back equal.
      let exact = try RulePack.compile(pack.model, name: "exact", functions: .declarationsOnly).model
      #expect(exact == pack.model, "\(path)")
    }
  }
}

/// The model's properties are the schema's keys (notes aside): a key added to the format is added to the model.
@Suite struct PackModelSchemaAgreementTests {
  static let samples: [(definition: String, value: any Sendable)] = [
    (SchemaAgreementTests.root, PackModel()),
    ("source", PackModel.Source()),
    ("effective", PackModel.Effective(from: "")),
    ("hostFunction", PackModel.HostFunctionSpec(name: "", arguments: [], result: .init(type: .number))),
    ("input", PackModel.Input(id: "", type: .number)),
    ("value", PackModel.Value(id: "", formula: "")),
    ("component", PackModel.Component(id: "")),
    ("section", PackModel.Section(id: "")),
    ("rule", PackModel.Rule(label: "", kind: .award)),
    ("veto", PackModel.Veto(id: "", when: "", effect: .noGrade)),
    ("grades", PackModel.Grades(bands: [])),
    ("gradeBand", PackModel.GradeBand(grade: "", min: 0)),
    ("stars", PackModel.Stars(items: [], levels: [])),
    ("starItem", PackModel.StarItem(id: "", earnedWhen: "")),
    ("starLevel", PackModel.StarLevel(stars: 1)),
    ("consequence", PackModel.Consequence(id: "", label: "")),
    ("cohort", PackModel.Cohort()),
    ("tieBreaker", PackModel.TieBreaker(by: "")),
    ("cohortLabel", PackModel.CohortLabel(id: "", rounding: "")),
    ("quota", PackModel.Quota(rounding: "")),
    ("ballots", PackModel.Ballots(items: [])),
    ("ballotScale", PackModel.BallotScale(id: "", choices: [])),
    ("ballotValidity", PackModel.BallotValidity()),
    ("quorum", PackModel.Quorum()),
    ("ballotItem", PackModel.BallotItem(id: "", score: "")),
    ("raterGroup", PackModel.RaterGroup(id: "", weight: 1)),
    ("raterForms", PackModel.RaterForms(fields: [])),
    ("raterFormGroup", PackModel.RaterFormGroup(id: "")),
    ("raterFormField", PackModel.RaterFormField(id: "")),
    ("period", PackModel.Period(id: "", parts: [], min: 0, max: 0, aggregate: "", whenMissing: "")),
    ("periodCheck", PackModel.PeriodCheck(id: "", below: 0)),
    ("check", PackModel.Check(id: "", rejectWhen: "")),
    ("ledger", PackModel.Ledger(id: "", asOf: "", base: 0, rules: [])),
    ("carryOver", PackModel.CarryOver(input: "", share: 0)),
    ("ledgerCategory", PackModel.LedgerCategory(id: "", max: 0)),
    ("ledgerRule", PackModel.LedgerRule(kind: "")),
    ("ledgerCheck", PackModel.LedgerCheck(id: "", checkAt: "", below: 0)),
    ("previous", PackModel.Previous(fields: [])),
    ("previousField", PackModel.PreviousField(id: "", field: "", whenMissing: .number(0))),
    ("test", PackModel.TestCase(name: "")),
    ("testSubject", PackModel.TestSubject()),
    ("event", PackModel.Event(date: "", kind: "")),
    ("expect", PackModel.Expectation()),
    ("cohortMember", PackModel.CohortMember()),
    ("link", PackModel.Link(id: "", pack: "", join: .init(subject: "parent"), fields: [])),
    ("linkJoin", PackModel.Join(subject: "parent")),
    ("linkField", PackModel.LinkField(input: "")),
    ("linkedSubject", PackModel.LinkedTestSubject(id: "")),
  ]

  @Test func everySchemaObjectHasAModelType() throws {
    let names = SchemaAgreementTests.objectNames(in: try SchemaAgreementTests.schema())
    #expect(Set(names) == Set(Self.samples.map(\.definition)))
  }

  @Test func theModelsPropertiesAreTheSchemasKeys() throws {
    let schema = try SchemaAgreementTests.schema()
    for (definition, sample) in Self.samples {
      let keys = Set(SchemaAgreementTests.propertyKeys(definition, in: schema)).subtracting(["note"])
      let properties = Set(
        Mirror(reflecting: sample).children.compactMap(\.label).filter { $0 != "tree" }.map {
          $0 == "schema" ? "$schema" : $0
        })
      #expect(properties == keys, "\(definition): model only \(properties.subtracting(keys).sorted()), schema only \(keys.subtracting(properties).sorted())")
    }
  }
}
