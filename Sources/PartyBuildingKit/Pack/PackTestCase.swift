/// A test case embedded in a pack: inputs and the result a policy author expects.
public struct PackTestCase: Sendable {
  public var name: String
  public var subject: Subject
  public var inputs: [String: InputValue]
  public var expectation: Expectation
  /// Where the case is in the pack file.
  public var location: SourceLocation
  public var pointer: JSONPointer

  /// What the case expects; a nil field is not checked.
  public struct Expectation: Sendable {
    public var total: ExactDecimal?
    public var components: [String: ExactDecimal] = [:]
    public var sections: [String: ExactDecimal] = [:]
    /// `.some(nil)` expects no grade.
    public var grade: String??
    public var stars: Int?
    public var starItems: [String]?
    public var vetoes: [String]?
    public var consequences: [String]?
    /// Text the error message must contain, when the case expects the subject to be rejected.
    public var error: String?
  }
}

/// The outcome of one embedded test case.
public struct PackTestResult: Sendable {
  public var testCase: PackTestCase
  /// Each difference as "what: expected X, got Y"; empty when the case passed.
  public var failures: [String]
  /// The assessment, when the subject could be assessed.
  public var assessment: Assessment?
  /// The error, when it could not.
  public var error: AssessmentError?

  public var passed: Bool { failures.isEmpty }
}

extension RulePack {
  /// Runs every embedded test case; the same code path serves `pbk test` and `swift test`.
  public func runTests() -> [PackTestResult] {
    tests.map(run)
  }

  /// Runs one test case.
  public func run(_ testCase: PackTestCase) -> PackTestResult {
    let input = AssessmentInput(subject: testCase.subject, values: testCase.inputs)
    let expect = testCase.expectation
    let assessment: Assessment
    do {
      assessment = try assess(input, explain: true)
    } catch {
      if let text = expect.error {
        let failures =
          error.message.contains(text) ? [] : ["error: expected a message containing '\(text)', got '\(error.message)'"]
        return PackTestResult(testCase: testCase, failures: failures, error: error)
      }
      return PackTestResult(testCase: testCase, failures: ["the subject was rejected: \(error.message)"], error: error)
    }
    var failures: [String] = []
    if let text = expect.error {
      failures.append("error: expected the subject to be rejected with '\(text)', but it was assessed")
    }
    if let total = expect.total, total != assessment.total {
      failures.append("总分 total: expected \(total), got \(assessment.total)")
    }
    for (id, expected) in expect.components.sorted(by: { $0.key < $1.key }) {
      let actual = assessment.components.first { $0.id == id }?.score
      if actual != expected { failures.append("component '\(id)': expected \(expected), got \(actual?.description ?? "none")") }
    }
    for (id, expected) in expect.sections.sorted(by: { $0.key < $1.key }) {
      let actual = assessment.sections.first { $0.id == id }?.score
      if actual != expected { failures.append("section '\(id)': expected \(expected), got \(actual?.description ?? "none")") }
    }
    if let grade = expect.grade, grade != assessment.grade {
      failures.append("等次 grade: expected \(grade ?? "no grade"), got \(assessment.grade ?? "no grade")")
    }
    if let stars = expect.stars, stars != assessment.stars {
      failures.append("星级 stars: expected \(stars), got \(assessment.stars.map(String.init) ?? "none")")
    }
    if let items = expect.starItems, Set(items) != Set(assessment.starItems) {
      failures.append("star items: expected \(Self.list(items)), got \(Self.list(assessment.starItems))")
    }
    if let vetoes = expect.vetoes {
      let actual = assessment.vetoes.map(\.id)
      if Set(vetoes) != Set(actual) { failures.append("一票否决 vetoes: expected \(Self.list(vetoes)), got \(Self.list(actual))") }
    }
    if let consequences = expect.consequences {
      let actual = assessment.consequences.map(\.id)
      if Set(consequences) != Set(actual) {
        failures.append("consequences: expected \(Self.list(consequences)), got \(Self.list(actual))")
      }
    }
    return PackTestResult(testCase: testCase, failures: failures, assessment: assessment)
  }

  static func list(_ items: [String]) -> String { items.isEmpty ? "none" : items.joined(separator: ", ") }
}

extension PackCompiler {
  static let testKeys = ["name", "subject", "inputs", "expect", "note"]
  static let expectKeys = [
    "total", "components", "sections", "grade", "stars", "starItems", "vetoes", "consequences", "error", "note",
  ]

  /// Reads the embedded tests, checking that they name real inputs, components, grades, vetoes and consequences.
  func readTests() -> [PackTestCase] {
    var cases: [PackTestCase] = []
    let inputIDs = inputs.map(\.declaration.id)
    for (index, node) in tests.enumerated() {
      guard let object = node.object("a test case", keys: Self.testKeys) else { continue }
      let name = object.requiredString("name", "what the case checks, e.g. \"恰好90分为优秀\"") ?? "test \(index + 1)"
      var subject = Subject(id: "test-\(index + 1)", name: name)
      if let subjectNode = object["subject"],
        let subjectObject = subjectNode.object("the test's subject", keys: ["id", "name", "kind", "parent", "note"])
      {
        subject.id = subjectObject.string("id") ?? subject.id
        subject.name = subjectObject.string("name") ?? subject.name
        subject.kind = subjectObject.string("kind") ?? ""
        subject.parent = subjectObject.string("parent")
      }
      var values: [String: InputValue] = [:]
      if let inputsNode = object["inputs"], let inputsObject = inputsNode.object("the test's inputs", keys: inputIDs) {
        for member in inputsObject.object.members where inputIDs.contains(member.key) {
          let valueNode = inputsObject[member.key]!
          guard let value = Self.inputValue(of: valueNode) else {
            if case .number(let literal) = valueNode.value.content {
              valueNode.error(
                "the number \(literal) cannot be held exactly (more than 18 decimal places, or too large); write it as the document gives it — a value converted from binary floating point, such as 7.59999999999999964, is a sign of a spreadsheet or script export that lost exactness")
            } else {
              valueNode.error("an input value is a number, true/false or text, not \(valueNode.value.kindDescription)")
            }
            continue
          }
          values[member.key] = value
        }
      } else if !object.has("inputs") {
        object.missing("inputs", "the facts of the case, e.g. {\"daily\": 90}")
      }
      var expectation = PackTestCase.Expectation()
      if let expectNode = object["expect"], let expect = expectNode.object("the expected result", keys: Self.expectKeys) {
        expectation.total = expect.decimal("total")
        expectation.components = readScores(expect["components"], known: components.map(\.id), what: "component")
        expectation.sections = readScores(expect["sections"], known: sections.map(\.id), what: "section")
        if let gradeNode = expect["grade"] {
          if case .null = gradeNode.value.content {
            expectation.grade = .some(nil)
          } else if let grade = gradeNode.string("'grade'") {
            if !bands.contains(where: { $0.grade == grade }) {
              gradeNode.error(
                "there is no grade '\(grade)'\(Spelling.didYouMean(grade, among: bands.map(\.grade))); the grades are \(bands.map(\.grade).joined(separator: ", ")), or null for no grade"
              )
            }
            expectation.grade = .some(grade)
          }
        }
        expectation.stars = expect["stars"]?.integer("'stars'", in: 0...10)
        expectation.starItems = readIDs(expect["starItems"], known: stars?.items.map(\.id) ?? [], what: "star item")
        expectation.vetoes = readIDs(expect["vetoes"], known: vetoes.map(\.id), what: "veto")
        expectation.consequences = readIDs(expect["consequences"], known: consequences.map(\.id), what: "consequence")
        expectation.error = expect.string("error")
        if expect.object.members.isEmpty {
          expectNode.error("the case expects nothing; give at least 'total' or 'grade'")
        }
      } else if !object.has("expect") {
        object.missing("expect", "the expected result, e.g. {\"total\": 85.5, \"grade\": \"良好\"}")
      }
      cases.append(
        PackTestCase(
          name: name, subject: subject, inputs: values, expectation: expectation, location: node.location,
          pointer: node.pointer))
    }
    return cases
  }

  private func readScores(_ node: Node?, known: [String], what: String) -> [String: ExactDecimal] {
    guard let node, let object = node.object("expected \(what) scores", keys: known) else { return [:] }
    var scores: [String: ExactDecimal] = [:]
    for member in object.object.members where known.contains(member.key) {
      if let value = object.decimal(member.key) { scores[member.key] = value }
    }
    return scores
  }

  private func readIDs(_ node: Node?, known: [String], what: String) -> [String]? {
    guard let node, let items = node.array("the expected \(what)s") else { return nil }
    return items.compactMap { item in
      guard let id = item.string("a \(what) id") else { return nil }
      if !known.contains(id) {
        item.error("there is no \(what) '\(id)'\(Spelling.didYouMean(id, among: known)); the \(what)s are \(known.isEmpty ? "none" : known.joined(separator: ", "))")
      }
      return id
    }
  }
}
