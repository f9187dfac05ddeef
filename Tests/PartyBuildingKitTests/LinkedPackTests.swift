import Foundation
import Testing

@testable import PartyBuildingKit

/// Linked packs through the library's API: the linked pack's results scored first into ``LinkedResults``, given to
/// the dependent pack's batch; the links checked against them; the order of packs and its cycles.
@Suite struct LinkedPackTests {
  static let folder = Paths.repository + "/RulePacks/examples/linked"
  static let branch = try! RulePack.load(path: folder + "/branch/pack.json")
  static let secretary = try! RulePack.load(path: folder + "/secretary/pack.json")
  static let township = try! RulePack.load(path: folder + "/township/pack.json")

  /// The branches' results, scored from the shipped sample data.
  static func branchResults() throws -> LinkedResults {
    var results = LinkedResults(pack: branch)
    _ = try BatchEvaluator(pack: branch).assessments(from: .file(folder + "/branch/branches.csv")) { results.add($0) }
    return results
  }

  static func secretary(_ id: String, parent: String?, _ 述职: Int, _ 表现: Int) -> AssessmentInput {
    var subject = Subject(id: id)
    subject.parent = parent
    return AssessmentInput(subject: subject, values: ["述职评议": .number(ExactDecimal(述职)), "个人表现": .number(ExactDecimal(表现))])
  }

  @Test func theDependentBatchReadsTheLinkedResults() throws {
    let branches = try Self.branchResults()
    #expect(branches.subjects.map(\.id) == ["ZG001", "ZG002", "ZG003", "ZG004", "ZG005"])
    #expect(branches.subjects[0].stars == 5 && branches.subjects[0].grade == "好" && branches.subjects[0].total == ExactDecimal(exactText: "91.4"))
    let batch = try BatchEvaluator(pack: Self.secretary, linked: [branches])
    var outcomes: [String: Result<Assessment, AssessmentError>] = [:]
    let summary = try batch.assessments(of: [
      Self.secretary("S01", parent: "ZG001", 85, 80), Self.secretary("S03", parent: "ZG003", 95, 92),
      Self.secretary("S09", parent: "ZG009", 80, 80), Self.secretary("S10", parent: nil, 80, 80),
    ]) { outcome in
      switch outcome {
      case .success(let assessment): outcomes[assessment.subject.id] = outcome
      case .failure(let error): outcomes[error.subjectID ?? ""] = outcome
      }
    }
    #expect(summary.counts.read == 4 && summary.counts.assessed == 2 && summary.counts.rejected == 2)
    // ZG001 is five-star: 83 is 原则上优秀; ZG003 has no stars: 93.8 is at most 称职.
    #expect(try outcomes["S01"]?.get().grade == "优秀")
    #expect(try outcomes["S03"]?.get().grade == "称职")
    guard case .failure(let missing)? = outcomes["S09"], case .failure(let noParent)? = outcomes["S10"] else {
      Issue.record("S09 and S10 should be rejected")
      return
    }
    #expect(missing.code == .linkedResult)
    #expect(missing.message.hasPrefix("no subject of pack 'example-linked-branch' has id 'ZG009'"))
    #expect(noParent.message.hasPrefix("the subject has no parent, which the link 'branch'"))
    // The same rejections in Chinese, every word from the catalogue.
    #expect(!missing.detail.isUntranslated && !noParent.detail.isUntranslated)
    #expect(missing.detail.text(in: .chinese).hasPrefix("规则包“example-linked-branch”中没有 id 为“ZG009”（本对象的 parent）的对象，因此通往规则包“example-linked-branch”的关联“branch”"))
    #expect(missing.detail.text(in: .chinese).hasSuffix("找不到对象；请核对编号，或把该对象加入被关联的数据"))
    #expect(noParent.detail.text(in: .chinese).hasPrefix("对象没有 parent，而通往规则包“example-linked-branch”的关联“branch”"))
    #expect(noParent.detail.text(in: .chinese).hasSuffix("按它对应；请给出（上级（parent）列，JSON 中为 \"parent\"）"))
  }

  @Test func aRejectedLinkedSubjectIsNamedInTheLanguageOfTheDependentsRejection() throws {
    // ZG002's 发展经济 is 120, above its maximum 100: the branch is rejected, and so is its secretary, quoting why.
    let csv = "id,name,parent,组织建设,发展经济,基层治理\nZG001,沙圪堵村党支部,T01,95,90,88\nZG002,纳林村党支部,T01,85,120,80\n"
    let (branches, _) = try BatchEvaluator(pack: Self.branch).linkedResults(
      from: .bytes(Array(csv.utf8), format: .csv, name: "branches.csv"))
    var rejection: AssessmentError?
    _ = try BatchEvaluator(pack: Self.secretary, linked: [branches]).assessments(of: [Self.secretary("S02", parent: "ZG002", 85, 80)]) {
      if case .failure(let error) = $0 { rejection = error }
    }
    let error = try #require(rejection)
    #expect(
      error.message
        == "the linked subject 'ZG002' of pack 'example-linked-branch' was rejected (发展经济得分(发展经济) is 120, above the most allowed, 100); correct it there first")
    #expect(!error.detail.isUntranslated)
    let chinese = error.detail.text(in: .chinese)
    #expect(chinese.hasPrefix("规则包“example-linked-branch”的被关联对象“ZG002”已被拒绝（"))
    #expect(chinese.hasSuffix("）；请先在那里改正"))
    // The linked subject's own rejection is rendered in Chinese too, not quoted in English.
    #expect(!chinese.contains("above the most allowed"))
  }

  @Test func oneSubjectIsScoredWithItsLinkedInput() throws {
    let branches = try Self.branchResults()
    let input = try Self.secretary.linkedInput(Self.secretary("S01", parent: "ZG001", 85, 80), from: [branches]).get()
    #expect(input.values["所在党组织星级"] == .number(5))
    #expect(input.values["所在党组织等次"] == .text("好"))
    #expect(input.linkedSources?["所在党组织星级"]?.subjectIDs == ["ZG001"])
    let assessment = try Self.secretary.assess(input)
    #expect(assessment.grade == "优秀")
    #expect(assessment.trace.contains { $0.message == "所在村党组织等次 = 好（关联 example-linked-branch 1.0.0，ZG001）" })
    // The same subject through the batch: the same result.
    var batched: Assessment?
    _ = try BatchEvaluator(pack: Self.secretary, linked: [branches]).assessments(of: [Self.secretary("S01", parent: "ZG001", 85, 80)]) {
      batched = try? $0.get()
    }
    var plain = assessment
    plain.trace = []
    #expect(batched == plain)
    // A subject whose join finds nothing: the failure names it.
    guard case .failure(let error) = try Self.secretary.linkedInput(Self.secretary("S09", parent: "ZG009", 85, 80), from: [branches]) else {
      Issue.record("S09 has no branch")
      return
    }
    #expect(error.subjectID == "S09" && error.code == .linkedResult)
  }

  @Test func anAsynchronousSequenceFillsTheLinkedInputs() async throws {
    let branches = try Self.branchResults()
    let subjects = AsyncStream<AssessmentInput> { continuation in
      continuation.yield(Self.secretary("S01", parent: "ZG001", 85, 80))
      continuation.yield(Self.secretary("S09", parent: "ZG009", 85, 80))
      continuation.finish()
    }
    var outcomes: [String] = []
    for try await outcome in try BatchEvaluator(pack: Self.secretary, linked: [branches]).results(of: subjects) {
      switch outcome {
      case .success(let assessment): outcomes.append("\(assessment.subject.id) \(assessment.grade ?? "-")")
      case .failure(let error): outcomes.append("\(error.subjectID ?? "?") \(error.code)")
      }
    }
    #expect(outcomes == ["S01 优秀", "S09 linkedResult"])
  }

  /// A pack built in Swift that reads, by the same id, the cohort pack's label 后进 and grade (defaulting to 合格).
  static func readerOfCohort() throws -> RulePack {
    var model = PackModel()
    model.id = "cohort-reader"
    model.version = "1"
    model.title = "读取群体评价标签"
    model.source = .init(document: "d")
    model.fullMarks = 100
    var score = PackModel.Input(id: "得分", type: .number)
    score.min = 0
    score.max = 100
    score.required = true
    var behind = PackModel.Input(id: "后进", type: .boolean)
    behind.required = true
    var grade = PackModel.Input(id: "上级等次", type: .choice)
    grade.choices = ["优秀", "良好", "一般", "较差"]
    grade.default = .text("良好")
    model.inputs = [score, behind, grade]
    model.components = [PackModel.Component(id: "c", weight: 1)]
    model.components[0].fullMarks = 100
    model.components[0].score = "得分"
    var labelField = PackModel.LinkField(input: "后进", field: "label")
    labelField.name = "后进"
    model.links = [
      .init(
        id: "cohort", pack: "example-cohort", join: .init(subject: "id"),
        fields: [labelField, .init(input: "上级等次", field: "grade")])
    ]
    return try RulePack.compile(model, name: "reader.json")
  }

  @Test func aCohortLabelIsReadAfterRankingAndAMissingGradeTakesTheDefault() throws {
    let cohortPack = try RulePack.load(path: Paths.repository + "/RulePacks/examples/cohort/pack.json")
    var cohort = LinkedResults(pack: cohortPack)
    _ = try BatchEvaluator(pack: cohortPack).assessments(from: .file(Paths.repository + "/Tests/PBKCommandLineTests/Fixtures/cohort.csv")) {
      cohort.add($0)
    }
    // E and F are the bottom 20% of 甲镇 (后进), A is not.
    #expect(cohort.subjects.first { $0.id == "E" }?.labels == ["后进"])
    // A grade the cohort pack did not give: the input's default applies.
    cohort.add(LinkedSubject(id: "Z", grade: nil))
    let reader = try Self.readerOfCohort()
    var found: [String: Assessment] = [:]
    _ = try BatchEvaluator(pack: reader, linked: [cohort]).assessments(of: ["A", "E", "Z"].map {
      AssessmentInput(subject: Subject(id: $0), values: ["得分": .number(80)])
    }) { if let assessment = try? $0.get() { found[assessment.subject.id] = assessment } }
    #expect(found.count == 3)
    let explain = try reader.linkedInput(AssessmentInput(subject: Subject(id: "E"), values: ["得分": .number(80)]), from: [cohort]).get()
    #expect(explain.values["后进"] == .boolean(true))
    #expect(explain.values["上级等次"] == .text("一般"))
    let zed = try reader.linkedInput(AssessmentInput(subject: Subject(id: "Z"), values: ["得分": .number(80)]), from: [cohort]).get()
    #expect(zed.values["后进"] == .boolean(false))
    #expect(zed.values["上级等次"] == nil)
    #expect(try reader.assess(zed).trace.contains { $0.message == "上级等次 = 良好" })
  }

  @Test func withoutTheLinkedResultsEveryRecordIsRejected() throws {
    var messages: [String] = []
    let summary = try BatchEvaluator(pack: Self.secretary).assessments(of: [Self.secretary("S01", parent: "ZG001", 85, 80)]) {
      if case .failure(let error) = $0 { messages.append(error.message) }
    }
    #expect(summary.counts.rejected == 1)
    #expect(messages.first?.contains("reads the results of 'example-linked-branch' (links), which were not given") == true)
    let error = LinkFill.notGiven(Self.secretary)
    #expect(error.message == messages.first)
    #expect(
      error.detail.text(in: .chinese)
        == "规则包“example-linked-secretary”要读取 'example-linked-branch' 的结果（links），但没有给出这些结果；请连同它们一起评分：pbk evaluate --linked PACK=DATA，或 BatchEvaluator(pack:linked:)")
  }

  @Test func theLinksAreCheckedAgainstTheLinkedPack() throws {
    // The same pack id with other grades: the secretary's grade input cannot hold them.
    var model = Self.branch.model
    model.grades = .init(bands: [.init(grade: "优秀", min: 90), .init(grade: "合格", min: 0, below: 90)])
    model.tests = nil
    let regraded = try RulePack.compile(model, name: "regraded.json")
    #expect {
      _ = try BatchEvaluator(pack: Self.secretary, linked: [LinkedResults(pack: regraded)])
    } throws: { error in
      let problems = (error as? PackLoadError)?.problems ?? []
      return problems.count == 1 && problems[0].pointer == "/links/0/fields/1"
        && problems[0].message
          == "the input '所在党组织等次' reads the grade of pack 'example-linked-branch', whose grades are 优秀、合格; add 优秀、合格 to its choices"
        && problems[0].detail.text(in: .chinese)
          == "输入项“所在党组织等次”读取规则包“example-linked-branch”的等次，该规则包的等次为 优秀、合格；请把 优秀、合格 加入该输入项的选项"
    }
  }

  @Test func aTestGivesTheLinkedResultsInline() throws {
    let results = Self.secretary.runTests()
    #expect(results.allSatisfy { $0.passed })
    // The inline result filled the linked inputs, and says where it came from.
    let first = try #require(results.first?.assessment)
    let facts = first.trace.filter { $0.kind == .input }.map(\.message)
    #expect(facts.contains("所在村党组织星级 = 5星（关联 example-linked-branch 1.0.0，ZG001）"))
    // An aggregate over the inline villages: (91.4 + 82.6 + 65.5) / 3 to 12 places.
    let township = try #require(Self.township.runTests().first)
    #expect(township.passed)
    #expect(township.testCase.inputs["村平均分"] == .number(ExactDecimal(exactText: "79.833333333333")!))
    #expect(township.testCase.inputs["五星村数"] == .number(1))
    #expect(township.testCase.inputs["好村占比"] == .number(ExactDecimal(exactText: "0.333333333333")!))
  }

  @Test func aTestGivingALinkedInputTwiceIsALoadError() throws {
    var model = Self.secretary.model
    model.tests = [model.tests![0]]
    model.tests![0].inputs?["所在党组织星级"] = .value(.number(3))
    #expect {
      try RulePack.compile(model, name: "twice.json")
    } throws: { error in
      (error as? PackLoadError)?.problems.contains {
        $0.pointer == "/tests/0/linked/branch" && $0.message.contains("the input '所在党组织星级' is read through the link 'branch'; give it there only")
      } == true
    }
  }

  @Test func theOrderOfPacksPutsTheReadPacksFirst() throws {
    #expect(try PackLibrary.scoringOrder(of: Self.secretary, linked: [Self.township, Self.branch]).map(\.metadata.id) == ["example-linked-branch"])
    let library = try PackLibrary.load(folder: Paths.repository + "/RulePacks", functions: .declarationsOnly)
    #expect(try library.linkedPacks(of: Self.township).map(\.metadata.id) == ["example-linked-branch"])
    #expect(try library.linkedPacks(of: Self.branch).isEmpty)
  }

  @Test func aCycleThroughTwoPacksIsFound() throws {
    func pack(_ id: String, reads other: String) throws -> RulePack {
      var model = PackModel()
      model.id = id
      model.version = "1"
      model.title = id
      model.source = .init(document: "d")
      model.fullMarks = 100
      var input = PackModel.Input(id: "x", type: .number)
      input.min = 0
      input.max = 100
      input.required = true
      model.inputs = [input]
      model.components = [PackModel.Component(id: "c", weight: 1)]
      model.components[0].fullMarks = 100
      model.components[0].score = "x"
      model.links = [.init(id: "l", pack: other, join: .init(subject: "id"), fields: [.init(input: "x", field: "total")])]
      return try RulePack.compile(model, name: id + ".json")
    }
    let a = try pack("a", reads: "b")
    let b = try pack("b", reads: "a")
    #expect {
      try PackLibrary.scoringOrder(of: a, linked: [b])
    } throws: { error in
      let problems = (error as? PackLoadError)?.problems ?? []
      return problems.count == 1 && problems[0].file == "b.json" && problems[0].pointer == "/links/0/pack"
        && problems[0].message.hasPrefix("the links form a cycle: a → b → a")
        && problems[0].detail.text(in: .chinese)
          == "关联形成了循环：a → b → a（关联“l”，/links/0）；规则包不能直接或经由其他规则包读取自己的结果：请删去其中一个关联"
    }
  }

  @Test func csvAndJSONLinesGiveTheSameResults() throws {
    let branches = try Self.branchResults()
    let batch = try BatchEvaluator(pack: Self.secretary, linked: [branches])
    let jsonLines = """
      {"id": "S01", "name": "沙圪堵村书记", "parent": "ZG001", "述职评议": 85, "个人表现": 80}
      {"id": "S02", "name": "纳林村书记", "parent": "ZG002", "述职评议": 85, "个人表现": 80}
      {"id": "S03", "name": "龙口村书记", "parent": "ZG003", "述职评议": 95, "个人表现": 92}
      {"id": "S04", "name": "薛家湾村书记", "parent": "ZG004", "述职评议": 78, "个人表现": 76}
      {"id": "S05", "name": "大路村书记", "parent": "ZG005", "述职评议": 90, "个人表现": 88}
      {"id": "S06", "name": "新民村书记", "parent": "ZG006", "述职评议": 88, "个人表现": 90}

      """
    func outcomes(_ input: RecordInput) throws -> [String] {
      var found: [String] = []
      _ = try batch.assessments(from: input) { outcome in
        switch outcome {
        case .success(let assessment): found.append("\(assessment.subject.id) \(assessment.total) \(assessment.grade ?? "-")")
        case .failure(let error): found.append("\(error.subjectID ?? "?") \(error.message)")
        }
      }
      return found
    }
    let csv = try outcomes(.file(Self.folder + "/secretary/secretaries.csv"))
    let json = try outcomes(.bytes(Array(jsonLines.utf8), format: .jsonLines, name: "s.jsonl"))
    #expect(csv == json)
    #expect(csv.count == 6)
  }
}
