/// A test case embedded in a pack: inputs and the result a policy author expects.
public struct PackTestCase: Sendable {
  /// The case's name as the pack gives it (`"name"`), e.g. 满分：各项加满; `pbk test` prints it.
  public var name: String
  /// The subject scored (`"subject"`; by default `test-N`, named after the case). A cohort case scores its
  /// ``members`` instead.
  public var subject: Subject
  /// The facts, by input id (`"inputs"`); a ballot or period input's parts are keyed `id:part`. In a cohort case
  /// every member shares them, each member's own inputs adding to or replacing them.
  public var inputs: [String: InputValue]
  /// What the case expects (`"expect"`).
  public var expectation: Expectation
  /// Where the case is in the pack file.
  public var location: SourceLocation
  /// The case's JSON pointer in the pack, e.g. `/tests/3`.
  public var pointer: JSONPointer
  /// For a cohort case: the subjects scored and ranked together, each with what it expects.
  public var members: [Member] = []
  /// The results of the host functions the case's subjects call (`"functions"`), standing in for the host.
  var hostValues: HostFunctionTestValues? = nil
  /// The raters' forms (`"forms"`), for items scored from them; nil when the case gives none.
  public var forms: [RaterForm]? = nil

  /// The case's subject with its facts and forms, as ``RulePack/assess(_:explain:)`` takes it.
  public var input: AssessmentInput { AssessmentInput(subject: subject, values: inputs, forms: forms) }
  /// Where the values of linked inputs came from (`"linked"`), by input id.
  public var linkedSources: [String: LinkedSource] = [:]
  /// Why the case's inline linked results cannot be read, when they cannot (the case's subject is rejected).
  var linkFailure: AssessmentError? = nil

  /// The subject of a one-subject case as it is scored: its inputs with the values read from its inline linked
  /// results (`"linked"`), and where they came from; or the error the case's subject gets when those results cannot
  /// be read (a linked subject without the grade the link reads…).
  public var assessmentInput: Result<AssessmentInput, AssessmentError> {
    if var failure = linkFailure {
      failure.subjectID = subject.id
      return .failure(failure)
    }
    var input = self.input
    if !linkedSources.isEmpty { input.linkedSources = linkedSources }
    return .success(input)
  }

  /// The subject's result of the previous period, by previous field id (`"previous"`); nil: it has none.
  public var previous: [String: InputValue]? = nil

  /// One subject of a cohort case.
  public struct Member: Sendable {
    /// The member subject.
    public var subject: Subject
    /// Its facts, by input id.
    public var inputs: [String: InputValue]
    /// What it expects.
    public var expectation: Expectation
    /// Its raters' forms (its own, or the case's).
    public var forms: [RaterForm]? = nil

    /// The member with its facts and forms, as ``RulePack/assess(_:explain:)`` takes it.
    public var input: AssessmentInput { AssessmentInput(subject: subject, values: inputs, forms: forms) }
  }

  /// What the case expects; a nil field is not checked.
  public struct Expectation: Sendable {
    /// The total (总分), compared exactly: 85.50 equals 85.5.
    public var total: ExactDecimal?
    /// Component scores by component id, each compared exactly; components not named are not checked.
    public var components: [String: ExactDecimal] = [:]
    /// Section scores by section id, each compared exactly; sections not named are not checked.
    public var sections: [String: ExactDecimal] = [:]
    /// Numeric outcomes (工作经费系数) by outcome id, each compared exactly; outcomes not named are not checked.
    public var outcomes: [String: ExactDecimal] = [:]
    /// The grade (等次) expected; `.some(nil)` expects no grade (不定等次), nil leaves the grade unchecked.
    public var grade: String??
    /// The star level (星级).
    public var stars: Int?
    /// The star items earned, by id, as an exact set.
    public var starItems: [String]?
    /// The vetoes (一票否决) that fire, by id, as an exact set (`[]`: none fires).
    public var vetoes: [String]?
    /// The consequences that follow, by id, as an exact set (`[]`: none follows).
    public var consequences: [String]?
    /// Text the error message must contain, when the case expects the subject to be rejected.
    public var error: String?
    /// The expected rank in its cohort; `.some(nil)` expects no rank (left out).
    public var rank: Int??
    /// The expected size of its cohort group.
    public var cohortSize: Int?
    /// The expected cohort labels, by id, as an exact set.
    public var labels: [String]?
    /// Text the void reason must contain; `""` expects a result that is not void.
    public var void: String?
    /// The "what it takes" summary, exactly (`""`: nothing to lift, e.g. already at the top).
    public var whatItTakes: String?
  }
}

/// The outcome of one embedded test case.
public struct PackTestResult: Sendable {
  /// The case that was run.
  public var testCase: PackTestCase
  /// Each difference as "what: expected X, got Y", as messages rendered in the language they are printed in; empty
  /// when the case passed.
  public var failureDetails: [Message]
  /// Each difference in English, as "what: expected X, got Y"; empty when the case passed.
  public var failures: [String] { failureDetails.map(\.description) }
  /// The assessment, when the subject could be assessed.
  public var assessment: Assessment?
  /// The error, when it could not (a case may expect one: ``PackTestCase/Expectation/error``).
  public var error: AssessmentError?

  /// Whether everything the case expects came out (no ``failures``).
  public var passed: Bool { failureDetails.isEmpty }
}

extension RulePack {
  /// Runs every embedded test case; the same code path serves `pbk test` and `swift test`.
  public func runTests() -> [PackTestResult] {
    tests.map(run)
  }

  /// Runs one test case.
  public func run(_ testCase: PackTestCase) -> PackTestResult {
    withHostResults(of: testCase) { runCase(testCase) }
  }

  /// Runs `body` with the results of host functions that `testCase` gives (`"functions"`) standing in for the
  /// functions of a pack loaded without them (``HostFunctions/declarationsOnly``): how ``run(_:)`` and
  /// `pbk explain` score a test case's subjects. Functions the pack was loaded with are called as always.
  public func withHostResults<T>(of testCase: PackTestCase, _ body: () throws -> T) rethrows -> T {
    guard program.hostFunctions != nil else { return try body() }
    return try HostFunctionTestValues.$current.withValue(
      testCase.hostValues ?? HostFunctionTestValues(entries: [:]), operation: body)
  }

  private func runCase(_ testCase: PackTestCase) -> PackTestResult {
    if !testCase.members.isEmpty { return runCohort(testCase) }
    let expect = testCase.expectation
    let assessment: Assessment
    let input: AssessmentInput
    // A case's previous result is given as a file's would be: through the previous results (PreviousTable.swift).
    let previous = previousResults(of: testCase)
    func assess(_ input: AssessmentInput, explain: Bool) throws(AssessmentError) -> Assessment {
      if let previous { return try self.assess(input, previous: previous, explain: explain) }
      return try self.assess(input, explain: explain)
    }
    do {
      input = try testCase.assessmentInput.get()
      assessment = try assess(input, explain: true)
    } catch {
      if let text = expect.error {
        let failures =
          error.message.contains(text) ? [] : [Message(.testExpectedMessageContaining, text, error.detail)]
        return PackTestResult(testCase: testCase, failureDetails: failures, error: error)
      }
      return PackTestResult(testCase: testCase, failureDetails: [Message(.testSubjectRejected, error.detail)], error: error)
    }
    var failures: [Message] = []
    if let text = expect.error {
      failures.append(Message(.testExpectedRejection, text))
    }
    failures += compare(expect, assessment)
    // Batches score without an explanation, on the plan's path (ScoringPlan.swift): it must give the same result.
    if let plain = try? assess(input, explain: false) {
      var explained = assessment
      explained.trace = []
      if plain != explained {
        failures.append(Message(.testPlainDiffers, Self.firstDifference(plain, explained)))
      }
    } else {
      failures.append(Message(.testPlainRejected))
    }
    if let expected = expect.whatItTakes {
      var lifting = self
      lifting.findsWhatItTakes = true
      let actual =
        previous.map { (try? lifting.assess(input, previous: $0, explain: false))?.whatItTakes?.summary ?? "" }
        ?? (try? whatItTakes(for: input))??.summary ?? ""
      if actual != expected { failures.append(Message(.testWhatItTakes, expected, actual)) }
    }
    return PackTestResult(testCase: testCase, failureDetails: failures, assessment: assessment)
  }

  /// The first part of two assessments that differs, with both values.
  static func firstDifference(_ a: Assessment, _ b: Assessment) -> String {
    let parts: [(String, String, String)] = [
      ("total", "\(a.total)", "\(b.total)"), ("components", "\(a.components.map(\.score))", "\(b.components.map(\.score))"),
      ("sections", "\(a.sections.map(\.score))", "\(b.sections.map(\.score))"), ("grade", "\(a.grade ?? "-")", "\(b.grade ?? "-")"),
      ("stars", "\(a.stars ?? -1) \(a.starItems)", "\(b.stars ?? -1) \(b.starItems)"),
      ("vetoes", "\(a.vetoes.map(\.id))", "\(b.vetoes.map(\.id))"),
      ("outcomes", "\(a.outcomes.map(\.value))", "\(b.outcomes.map(\.value))"),
      ("consequences", "\(a.consequences.map { "\($0.id):\($0.reason)" })", "\(b.consequences.map { "\($0.id):\($0.reason)" })"),
    ]
    for (name, left, right) in parts where left != right { return "\(name): \(left) ≠ \(right)" }
    return "details"
  }

  /// Scores every member of a cohort case, runs the cohort stage, and checks each member.
  func runCohort(_ testCase: PackTestCase) -> PackTestResult {
    let inputs = testCase.members.map(\.input)
    let ranked = assessCohort(inputs, explain: true).results
    var failures: [Message] = []
    for (member, result) in zip(testCase.members, ranked) {
      switch result {
      case .failure(let error):
        failures.append(Message(.testMemberFailure, member.subject.id, Message(.testSubjectRejected, error.detail)))
      case .success(let assessment):
        failures += compare(member.expectation, assessment).map { Message(.testMemberFailure, member.subject.id, $0) }
      }
    }
    // The trace shown for a failed cohort case is the first failing member's.
    let shown = ranked.compactMap { try? $0.get() }.first {
      !failures.isEmpty && failures[0].description.hasPrefix($0.subject.id + ":")
    }
    return PackTestResult(testCase: testCase, failureDetails: failures, assessment: shown)
  }

  func compare(_ expect: PackTestCase.Expectation, _ assessment: Assessment) -> [Message] {
    var failures: [Message] = []
    func number(_ value: Int?, _ absent: MessageKey) -> Message { value.map { .verbatim(String($0)) } ?? Message(absent) }
    func decimal(_ value: ExactDecimal?) -> Message { value.map { .verbatim($0.description) } ?? Message(.noneWord) }
    if let rank = expect.rank, rank != assessment.rank {
      failures.append(Message(.testRank, number(rank, .noRank), number(assessment.rank, .noRank)))
    }
    if let size = expect.cohortSize, size != assessment.cohortSize {
      failures.append(Message(.testCohortSize, size, number(assessment.cohortSize, .noneWord)))
    }
    if let labels = expect.labels, Set(labels) != Set(assessment.labels.map(\.id)) {
      failures.append(Message(.testLabels, Self.list(labels), Self.list(assessment.labels.map(\.id))))
    }
    if let void = expect.void {
      if void.isEmpty, let reason = assessment.voidReason {
        failures.append(Message(.testExpectedValid, reason))
      } else if !void.isEmpty, !(assessment.voidReason ?? "").contains(void) {
        failures.append(
          Message(.testExpectedVoid, void, assessment.voidReason.map { Message(.voidWithReason, $0) } ?? Message(.aValidResult)))
      }
    }
    if let total = expect.total, total != assessment.total {
      failures.append(Message(.testTotal, total, assessment.total))
    }
    for (id, expected) in expect.components.sorted(by: { $0.key < $1.key }) {
      let actual = assessment.components.first { $0.id == id }?.score
      if actual != expected { failures.append(Message(.testComponent, id, expected, decimal(actual))) }
    }
    for (id, expected) in expect.sections.sorted(by: { $0.key < $1.key }) {
      let actual = assessment.sections.first { $0.id == id }?.score
      if actual != expected { failures.append(Message(.testSection, id, expected, decimal(actual))) }
    }
    for (id, expected) in expect.outcomes.sorted(by: { $0.key < $1.key }) {
      let actual = assessment.outcomes.first { $0.id == id }?.value
      if actual != expected { failures.append(Message(.testOutcome, id, expected, decimal(actual))) }
    }
    if let grade = expect.grade, grade != assessment.grade {
      failures.append(
        Message(.testGrade, grade.map { Message.verbatim($0) } ?? Message(.noGrade),
          assessment.grade.map { Message.verbatim($0) } ?? Message(.noGrade)))
    }
    if let stars = expect.stars, stars != assessment.stars {
      failures.append(Message(.testStars, stars, number(assessment.stars, .noneWord)))
    }
    if let items = expect.starItems, Set(items) != Set(assessment.starItems) {
      failures.append(Message(.testStarItems, Self.list(items), Self.list(assessment.starItems)))
    }
    if let vetoes = expect.vetoes {
      let actual = assessment.vetoes.map(\.id)
      if Set(vetoes) != Set(actual) { failures.append(Message(.testVetoes, Self.list(vetoes), Self.list(actual))) }
    }
    if let consequences = expect.consequences {
      let actual = assessment.consequences.map(\.id)
      if Set(consequences) != Set(actual) {
        failures.append(Message(.testConsequences, Self.list(consequences), Self.list(actual)))
      }
    }
    return failures
  }

  /// The items, or "none".
  static func list(_ items: [String]) -> Message { items.isEmpty ? Message(.noneWord) : Message(.listOf, MessageArgument.list(items)) }
}

extension PackCompiler {
  static let testKeys = [
    "name", "subject", "inputs", "linked", "events", "forms", "functions", "expect", "cohort", "previous", "note",
  ]
  static let linkedSubjectKeys = ["id", "version", "total", "grade", "stars", "labels", "outcomes", "note"]
  static let expectKeys = [
    "total", "components", "sections", "outcomes", "grade", "stars", "starItems", "vetoes", "consequences", "error", "rank",
    "cohortSize", "labels", "void", "whatItTakes", "note",
  ]
  static let memberKeys = ["id", "name", "kind", "parent", "attributes", "inputs", "events", "forms", "expect", "note"]

  /// Reads the embedded tests, checking that they name real inputs, components, grades, vetoes and consequences.
  func readTests() -> [PackTestCase] {
    var cases: [PackTestCase] = []
    for (index, node) in tests.enumerated() {
      guard let object = node.object(Message(.whatTestCase), keys: Self.testKeys) else { continue }
      let name = object.requiredString("name", Message(.hintTestName)) ?? "test \(index + 1)"
      var subject = Subject(id: "test-\(index + 1)", name: name)
      if let subjectNode = object["subject"],
        let subjectObject = subjectNode.object(Message(.whatTestSubject), keys: ["id", "name", "kind", "parent", "note"])
      {
        subject.id = subjectObject.string("id") ?? subject.id
        subject.name = subjectObject.string("name") ?? subject.name
        subject.kind = subjectObject.string("kind") ?? ""
        subject.parent = subjectObject.string("parent")
      }
      if let eventsNode = object["events"] { subject.events = readTestEvents(eventsNode) }
      let forms = object["forms"].flatMap(readTestForms)
      var values: [String: InputValue] = [:]
      if let inputsNode = object["inputs"] {
        values = readTestInputs(inputsNode)
      } else if !object.has("inputs"), !object.has("cohort") {
        object.missing("inputs", Message(.hintTestInputs))
      }
      var linkedSources: [String: LinkedSource] = [:]
      var linkFailure: AssessmentError?
      if let linkedNode = object["linked"] {
        readTestLinked(linkedNode, into: &values, sources: &linkedSources, failure: &linkFailure)
      }
      let hostValues = object["functions"].map(readTestFunctions)
      var members: [PackTestCase.Member] = []
      if let memberNodes = object.array("cohort") {
        if cohort == nil {
          object["cohort"]?.error(Message(.cohortCaseWithoutCohort))
        }
        if memberNodes.isEmpty { object["cohort"]?.error(Message(.hintCohortMembers)) }
        var seen: Set<String> = []
        for (memberIndex, memberNode) in memberNodes.enumerated() {
          guard let member = memberNode.object(Message(.whatCohortMember), keys: Self.memberKeys) else { continue }
          var memberSubject = Subject(id: member.string("id") ?? "m\(memberIndex + 1)")
          if !seen.insert(memberSubject.id).inserted { member["id"]?.error(Message(.memberIDTwice, memberSubject.id)) }
          memberSubject.name = member.string("name") ?? ""
          memberSubject.kind = member.string("kind") ?? ""
          memberSubject.parent = member.string("parent")
          // A member's events replace the case's.
          memberSubject.events = member["events"].map(readTestEvents) ?? subject.events
          if let attributes = member["attributes"], let attributeObject = attributes.object(Message(.whatMemberAttributes), keys: attributes.value.objectValue?.members.map(\.key) ?? []) {
            for item in attributeObject.object.members { memberSubject.attributes[item.key] = attributeObject.string(item.key) ?? "" }
          }
          // The case's own inputs are shared by every member; a member's inputs add to or replace them.
          var memberValues = values
          if let inputsNode = member["inputs"] {
            for (key, value) in readTestInputs(inputsNode) { memberValues[key] = value }
          }
          var expectation = PackTestCase.Expectation()
          if let expectNode = member["expect"] { expectation = readExpectation(expectNode) }
          // A member's forms replace the case's.
          let memberForms = member["forms"].map(readTestForms) ?? forms
          members.append(
            PackTestCase.Member(subject: memberSubject, inputs: memberValues, expectation: expectation, forms: memberForms))
        }
      }
      var expectation = PackTestCase.Expectation()
      if let expectNode = object["expect"] {
        expectation = readExpectation(expectNode)
      } else if !object.has("expect"), !object.has("cohort") {
        object.missing("expect", Message(.hintExpect))
      }
      var testCase = PackTestCase(
        name: name, subject: subject, inputs: values, expectation: expectation, location: node.location,
        pointer: node.pointer, members: members, hostValues: hostValues, forms: forms)
      testCase.linkedSources = linkedSources
      testCase.linkFailure = linkFailure
      if let previousNode = object["previous"] { testCase.previous = readTestPrevious(previousNode, cohort: object.has("cohort")) }
      cases.append(testCase)
    }
    return cases
  }

  /// A test's inline results of linked packs (`"linked"`): by link id, the linked subject's result (an object), or
  /// the joined subjects' results (an array) for a link that aggregates. They become the link's input values through
  /// the one path a batch uses (``LinkFill``); a result the link cannot read becomes the case's rejection.
  func readTestLinked(
    _ node: Node, into values: inout [String: InputValue], sources: inout [String: LinkedSource],
    failure: inout AssessmentError?
  ) {
    guard let object = node.object(Message(.whatTestLinked), keys: links.map(\.id)) else { return }
    for link in links {
      guard let resultNode = object[link.id] else { continue }
      var subjectNodes: [Node] = []
      if link.many {
        guard let items = resultNode.array(Message(.whatLinkJoined, link.id)) else { continue }
        if items.isEmpty { resultNode.error(.linkJoinsAtLeastOne, link.id) }
        subjectNodes = items
      } else {
        if case .array = resultNode.value.content {
          resultNode.error(.linkReadsOne, link.id)
          continue
        }
        subjectNodes = [resultNode]
      }
      var joined: [LinkedSubject] = []
      var version: String?
      for subjectNode in subjectNodes {
        guard let item = subjectNode.object(Message(.whatLinkedSubject), keys: Self.linkedSubjectKeys) else { continue }
        var subject = LinkedSubject(id: item.requiredString("id", Message(.hintLinkedSubjectID)) ?? "")
        version = version ?? item.string("version")
        subject.total = item.decimal("total")
        subject.grade = item.string("grade")
        subject.stars = item["stars"]?.integer("'stars'", in: 0...100)
        subject.labels = item.array("labels")?.compactMap { $0.string(Message(.whatLabelID)) } ?? []
        if let outcomesNode = item["outcomes"], let outcomes = outcomesNode.object(Message(.whatOutcomes), keys: outcomesNode.value.objectValue?.members.map(\.key) ?? []) {
          for member in outcomes.object.members { subject.outcomes[member.key] = outcomes.decimal(member.key) }
        }
        joined.append(subject)
      }
      guard joined.count == subjectNodes.count, !joined.isEmpty else { continue }
      switch LinkFill.values(link, joined: joined, inputs: inputs) {
      case .failure(let error): failure = failure ?? error
      case .success(let read):
        for (index, value) in read {
          let id = inputs[index].declaration.id
          if values[id] != nil {
            resultNode.error(.inputReadThroughLink, id, link.id)
          }
          guard let value else { continue }
          values[id] = value
          if let field = link.fields.first(where: { $0.input == index }) {
            sources[id] = LinkedSource(link, field, version: version, subjects: joined)
          }
        }
      }
    }
  }

  /// A test's results of host functions: `{"职级系数": 1.2}` for every call, or a list of
  /// `{"arguments": [12], "result": 1.2}` matched by the arguments.
  func readTestFunctions(_ node: Node) -> HostFunctionTestValues {
    let declarations = hostFunctions?.declarations ?? []
    var entries: [String: HostFunctionTestValues.Entry] = [:]
    guard let object = node.object(Message(.whatTestFunctions), keys: declarations.map(\.name)) else {
      return HostFunctionTestValues(entries: entries)
    }
    if declarations.isEmpty {
      node.error(Message(.functionsWithoutRequires))
    }
    func result(_ node: Node, _ declaration: HostFunctionDeclaration) -> ExactDecimal? {
      let value: ExactDecimal?
      if declaration.result == .boolean {
        value = node.bool(Message(.theResultOf, declaration.name)).map(FormulaMath.truth)
      } else {
        value = node.decimal(Message(.theResultOf, declaration.name))
      }
      guard let value else { return nil }
      if let problem = declaration.problem(with: value) {
        node.error(.hostResultNotAllowed, declaration.name, problem)
        return nil
      }
      return value
    }
    for declaration in declarations {
      guard let valueNode = object[declaration.name] else { continue }
      guard case .array(let items) = valueNode.value.content else {
        if let value = result(valueNode, declaration) { entries[declaration.name] = .always(value) }
        continue
      }
      var calls: [(arguments: [ExactDecimal], result: ExactDecimal)] = []
      for (index, _) in items.enumerated() {
        let itemNode = Node(value: items[index], pointer: valueNode.pointer.appending(index), sink: sink)
        guard let call = itemNode.object(Message(.whatCallResult), keys: ["arguments", "result", "note"]) else { continue }
        var arguments: [ExactDecimal] = []
        if let argumentNodes = call.array("arguments") {
          if argumentNodes.count != declaration.arguments.count {
            call["arguments"]?.error(
              Message(.callArgumentCount, declaration.name, declaration.arguments.count, argumentNodes.count, declaration.signatureText))
            continue
          }
          for (argumentNode, type) in zip(argumentNodes, declaration.arguments) {
            let value =
              type == .boolean
              ? argumentNode.bool(Message(.anArgumentOf, declaration.name)).map(FormulaMath.truth)
              : argumentNode.decimal(Message(.anArgumentOf, declaration.name))
            if let value { arguments.append(value) }
          }
          if arguments.count != declaration.arguments.count { continue }
        } else if !call.has("arguments") {
          call.missing("arguments", Message(.hintCallArguments))
          continue
        }
        guard let resultNode = call["result"] else {
          call.missing("result", Message(.hintCallResult))
          continue
        }
        guard let value = result(resultNode, declaration) else { continue }
        if calls.contains(where: { $0.arguments == arguments }) {
          itemNode.error(Message(.callArgumentsTwice))
          continue
        }
        calls.append((arguments, value))
      }
      entries[declaration.name] = .byArguments(calls)
    }
    return HostFunctionTestValues(entries: entries)
  }

  /// A test's ledger events (`"events": […]`), each checked as a data file's would be.
  func readTestEvents(_ eventsNode: Node) -> [LedgerEvent]? {
    guard let items = eventsNode.array(Message(.whatTestEvents)) else { return nil }
    if ledger == nil { eventsNode.error(Message(.eventsWithoutLedger)) }
    var events: [LedgerEvent] = []
    for (eventIndex, item) in items.enumerated() {
      switch LedgerEvent.read(item.value, at: eventIndex) {
      case .success(let event): events.append(event)
      case .failure(let problem): item.error(problem.message)
      }
    }
    return events
  }

  /// A test's rater forms (`"forms": [{"group": "党员", "德": 90, …}]`): each key a field (by id or label) or the
  /// form's own `group`, `spoiled`, `form` or `rater`; the marks are read when the case is scored, as a forms file's are.
  func readTestForms(_ formsNode: Node) -> [RaterForm]? {
    guard let items = formsNode.array(Message(.whatTestForms)) else { return nil }
    guard let declared = ballots?.forms else {
      formsNode.error(.formsWithoutDeclaration)
      return nil
    }
    let keys = declared.fields.map(\.id) + declared.fields.map(\.label) + ["group", "spoiled", "form", "rater", "note"]
    var forms: [RaterForm] = []
    for item in items {
      guard let object = item.object(Message(.whatRaterForm), keys: Array(Set(keys)).sorted()) else { continue }
      var form = RaterForm()
      for member in object.object.members where member.key != "note" {
        let valueNode = object[member.key]!
        if member.key == "group" {
          form.group = valueNode.string(Message(.whatFormGroup))
          continue
        }
        if member.key == "form" {
          form.number = Self.inputValue(of: valueNode)?.description
          continue
        }
        if member.key == "rater" {
          form.rater = Self.inputValue(of: valueNode)?.description
          continue
        }
        if case .null = valueNode.value.content { continue }
        guard let value = Self.inputValue(of: valueNode) else {
          valueNode.error(.markNotNumberOrText, valueNode.value.kindMessage)
          continue
        }
        form.marks[member.key] = value
      }
      forms.append(form)
    }
    return forms
  }

  /// A test's inputs by id. A ballot or period input may be given as an object ({"好": 12, "较好": 3}).
  func readTestInputs(_ inputsNode: Node) -> [String: InputValue] {
    let inputIDs = Set(inputs.map(\.declaration.id))
    let groupIDs = Set(inputGroups.keys)
    var values: [String: InputValue] = [:]
    guard let inputsObject = inputsNode.object(Message(.whatTestInputs), keys: allowedTestInputKeys) else { return values }
    for member in inputsObject.object.members where inputIDs.contains(member.key) || groupIDs.contains(member.key) {
      let valueNode = inputsObject[member.key]!
      if groupIDs.contains(member.key), case .object(let parts) = valueNode.value.content {
        let partKeys = inputGroups[member.key] ?? []
        let partsNode = valueNode.object(Message(.thePartsOf, member.key), keys: partKeys)
        for part in parts.members where partKeys.contains(part.key) {
          if let value = partsNode.flatMap({ Self.inputValue(of: $0[part.key]!) }) { values["\(member.key):\(part.key)"] = value }
        }
        continue
      }
      guard let value = Self.inputValue(of: valueNode) else {
        if case .number(let literal) = valueNode.value.content, case .failure(let problem) = ExactDecimal.parse(literal) {
          let message = Node.numberMessage(literal, problem, for: Message(.whatInputValue))
          if problem == .tooManyFractionDigits {
            valueNode.error(.numberLostExactness, message)
          } else {
            valueNode.error(message)
          }
        } else {
          valueNode.error(.inputValueKind, valueNode.value.kindMessage)
        }
        continue
      }
      values[member.key] = value
    }
    return values
  }

  func readExpectation(_ expectNode: Node) -> PackTestCase.Expectation {
    var expectation = PackTestCase.Expectation()
    guard let expect = expectNode.object(Message(.whatExpectedResult), keys: Self.expectKeys) else { return expectation }
    expectation.total = expect.decimal("total")
    expectation.components = readScores(expect["components"], known: components.map(\.id), what: Message(.nounComponent))
    expectation.sections = readScores(expect["sections"], known: sections.map(\.id), what: Message(.nounSection))
    expectation.outcomes = readScores(expect["outcomes"], known: outcomes.map(\.id), what: Message(.nounOutcome))
    if let gradeNode = expect["grade"] {
      if case .null = gradeNode.value.content {
        expectation.grade = .some(nil)
      } else if let grade = gradeNode.string(.quoted("grade")) {
        if !bands.contains(where: { $0.grade == grade }), !sink.isUnknown(.grade(grade)) {
          gradeNode.error(
            .noSuchGradeOrNull, grade, Spelling.didYouMeanMessage(grade, among: bands.map(\.grade)),
            MessageArgument.list(bands.map(\.grade)))
        }
        expectation.grade = .some(grade)
      }
    }
    expectation.stars = expect["stars"]?.integer(.quoted("stars"), in: 0...10)
    expectation.starItems = readIDs(
      expect["starItems"], known: stars?.items.map(\.id) ?? [], what: Message(.nounStarItem), unknown: SinkUnknown.starItem)
    expectation.vetoes = readIDs(expect["vetoes"], known: vetoes.map(\.id), what: Message(.nounVeto), unknown: SinkUnknown.veto)
    expectation.consequences = readIDs(
      expect["consequences"], known: consequences.map(\.id), what: Message(.nounConsequence), unknown: SinkUnknown.consequence)
    expectation.error = expect.string("error")
    if let rankNode = expect["rank"] {
      if case .null = rankNode.value.content { expectation.rank = .some(nil) } else {
        expectation.rank = rankNode.integer(.quoted("rank"), in: 1...1_000_000).map { .some($0) }
      }
    }
    expectation.cohortSize = expect["cohortSize"]?.integer(.quoted("cohortSize"), in: 0...1_000_000)
    expectation.labels = readIDs(
      expect["labels"], known: cohort?.labels.map(\.id) ?? [], what: Message(.nounCohortLabel), unknown: SinkUnknown.cohortLabel)
    if let voidNode = expect["void"] {
      if case .bool(false) = voidNode.value.content { expectation.void = "" } else { expectation.void = voidNode.string(Message(.whatVoid)) }
    }
    expectation.whatItTakes = expect.string("whatItTakes")
    if expect.object.members.isEmpty {
      expectNode.error(.caseExpectsNothing)
    }
    return expectation
  }

  private func readScores(_ node: Node?, known: [String], what: Message) -> [String: ExactDecimal] {
    // A section or component left unknown by a problem is not reported again here.
    let unknown = node?.value.objectValue?.members.map(\.key).filter { sink.isUnknown(.name($0)) } ?? []
    guard let node, let object = node.object(Message(.expectedScoresOf, what), keys: known + unknown) else { return [:] }
    var scores: [String: ExactDecimal] = [:]
    let readable = Set(known + unknown)
    for member in object.object.members where readable.contains(member.key) {
      if let value = object.decimal(member.key) { scores[member.key] = value }
    }
    return scores
  }

  private typealias SinkUnknown = ProblemSink.Unknown

  private func readIDs(
    _ node: Node?, known: [String], what: Message, unknown: (String) -> ProblemSink.Unknown
  ) -> [String]? {
    guard let node, let items = node.array(Message(.theExpectedPlural, what)) else { return nil }
    let knownIDs = Set(known)
    return items.compactMap { item in
      guard let id = item.string(Message(.anIDOf, what)) else { return nil }
      if !knownIDs.contains(id), !sink.isUnknown(unknown(id)) {
        item.error(
          .noSuchExpectedID, what, id, Spelling.didYouMeanMessage(id, among: known), what,
          known.isEmpty ? Message(.noneWord) : Message(.listOf, MessageArgument.list(known)))
      }
      return id
    }
  }
}
