// The code of the DocC articles (Sources/PartyBuildingKit/PartyBuildingKit.docc), run, with its results asserted.
//
// Each `// snippet NAME` … `// end snippet` region holds the code of one block of an article, line for line; only a
// path differs: the articles name files relative to the repository ("RulePacks/…"), these regions prefix
// `Paths.repository + "/`. Scripts/docc.sh fails when an article's Swift block is not found in a region here, so an
// article cannot show code that does not compile or does not do what it says. The import is plain, not @testable:
// the articles use the library as a host program does.
import Dispatch
import Foundation
import PartyBuildingKit
import Synchronization
import Testing

/// The articles print their results for the reader; here they are asserted instead, and the printing, which would
/// fill the test log (with lines such as `draft.json:1:1: error: …`), goes nowhere. The articles' `print` is this
/// one in this file.
private func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {}

// MARK: - Getting started

/// The facts of the 达州 sample 书记 DZ001 (Examples/data/dazhou.csv, line 2).
private let dazhouFacts: [String: InputValue] = [
  "一季度": .number(92), "二季度": .text("90.5"), "三季度": .number(93), "四季度": .number(94),
  "指标1": .number(8), "指标2": .text("7.8"), "指标3": .text("7.5"), "指标4": .number(8), "指标5": .text("7.6"),
  "指标6": .number(7), "指标7": .text("7.8"), "指标8": .number(8), "指标9": .number(8), "指标10": .text("7.5"),
  "指标11": .text("7.2"), "经验推广数": .number(1), "满意度": .text("93.6"), "参会人数": .number(48), "点赞数": .number(44),
]

@Suite("Documentation snippets")
struct DocumentationSnippetTests {
  @Test func gettingStarted() throws {
    // snippet GettingStarted-load
    let pack = try RulePack.load(path: Paths.repository + "/RulePacks/dazhou/pack.json")
    print(pack.metadata.title)   // 达州市基层党组织书记党建工作年度考评
    print(pack.grades)           // ["好", "较好", "一般", "差"]
    for input in pack.info.inputs.prefix(2) {
      print(input.id, input.label, input.type, input.required)   // 一季度 第一季度日常考核得分 number true …
    }
    // end snippet
    #expect(pack.metadata.title == "达州市基层党组织书记党建工作年度考评")
    #expect(pack.grades == ["好", "较好", "一般", "差"])
    #expect(pack.info.inputs[0].id == "一季度" && pack.info.inputs[0].type == .number && pack.info.inputs[0].required)

    // snippet GettingStarted-assess
    let facts: [String: InputValue] = [
      "一季度": .number(92), "二季度": .text("90.5"), "三季度": .number(93), "四季度": .number(94),
      "指标1": .number(8), "指标2": .text("7.8"), "指标3": .text("7.5"), "指标4": .number(8), "指标5": .text("7.6"),
      "指标6": .number(7), "指标7": .text("7.8"), "指标8": .number(8), "指标9": .number(8), "指标10": .text("7.5"),
      "指标11": .text("7.2"), "经验推广数": .number(1), "满意度": .text("93.6"), "参会人数": .number(48), "点赞数": .number(44),
    ]
    let input = AssessmentInput(subject: Subject(id: "DZ001", name: "王建国", kind: "书记"), values: facts)
    let result = try pack.assess(input)
    print(result.total, result.grade ?? "不定等次")   // 96.01 好
    // end snippet
    #expect(facts == dazhouFacts)
    #expect(result.total == ExactDecimal("96.01")!)
    #expect(result.grade == "好")

    // snippet GettingStarted-components
    for component in result.components {
      print(component.label, component.score, "×", component.weight, "=", component.weighted)
    }
    // 日常考核 93.9 × 0.3 = 28.17
    // 年底考核 98.4 × 0.5 = 49.2
    // 述职评议 93.214 × 0.2 = 18.6428
    // end snippet
    #expect(result.components.map(\.label) == ["日常考核", "年底考核", "述职评议"])
    #expect(result.components.map(\.score) == [ExactDecimal("93.9")!, ExactDecimal("98.4")!, ExactDecimal("93.214")!])
    #expect(result.components.map(\.weighted) == [ExactDecimal("28.17")!, ExactDecimal("49.2")!, ExactDecimal("18.6428")!])

    // snippet GettingStarted-trace
    for entry in result.trace where entry.points != nil {
      print(entry.message)
    }
    // …
    // 党建工作经验获市级以上推广 +2（1 次 × 2 分）
    // 年底考核 98.4 × 50% = 49.2
    // …
    // 总分 96.0128 四舍五入保留 2 位小数 = 96.01
    // end snippet
    let scored = result.trace.filter { $0.points != nil }.map(\.message)
    #expect(scored.contains("党建工作经验获市级以上推广 +2（1 次 × 2 分）"))
    #expect(scored.contains("年底考核 98.4 × 50% = 49.2"))
    #expect(scored.last == "总分 96.0128 四舍五入保留 2 位小数 = 96.01")

    // snippet GettingStarted-error
    var wrong = input
    wrong.values["满意度"] = .number(120)
    do {
      _ = try pack.assess(wrong)
    } catch {
      print(error.code, error.inputID ?? "")   // outOfRange 满意度
      print(error)                             // subject 'DZ001': 述职评议平均满意度(满意度) is 120, above the most allowed, 100
    }
    // end snippet
    let outOfRange = #expect(throws: AssessmentError.self) { try pack.assess(wrong) }
    #expect(outOfRange?.code == .outOfRange && outOfRange?.inputID == "满意度")
    #expect(outOfRange?.description.hasPrefix("subject 'DZ001': ") == true)
  }

  @Test func gettingStartedLoadError() throws {
    // snippet GettingStarted-loadError
    do {
      _ = try RulePack.load(json: #"{"formatVersion": 1, "id": "draft"}"#, file: "draft.json")
    } catch {
      for problem in error.problems { print(problem) }
      // draft.json:1:1: error: the rule pack needs 'version': the pack's own version, e.g. "1.0.0"
      // draft.json:1:1: error: the rule pack needs 'title': …
    }
    // end snippet
    let loadError = #expect(throws: PackLoadError.self) {
      try RulePack.load(json: #"{"formatVersion": 1, "id": "draft"}"#, file: "draft.json")
    }
    let problems = loadError?.problems ?? []
    #expect(!problems.isEmpty && problems.allSatisfy { $0.file == "draft.json" })
    #expect(problems.contains { $0.severity == .error && $0.description.hasPrefix("draft.json:1:1: error: ") })
  }

  // MARK: - Writing a scheme in Swift

  @Test func writingASchemeInSwift() throws {
    // snippet WritingASchemeInSwift-evaluate
    let evaluator = Evaluator(scheme: MemberReviewScheme())
    let (assessments, errors, counts) = evaluator.evaluate(
      [
        AssessmentInput(
          subject: Subject(id: "M01", name: "张三"),
          values: ["self": .number(95), "peers": .text("91.5"), "branch": .number(93)]),
        AssessmentInput(
          subject: Subject(id: "M02", name: "李四"),
          values: ["self": .number(90), "peers": .number(88), "branch": .number(85), "disciplined": .boolean(true)]),
        AssessmentInput(
          subject: Subject(id: "M03", name: "王五"),
          values: ["self": .number(101), "peers": .number(80), "branch": .number(80)]),
      ], explain: true)
    print(counts)   // 3 read: 2 assessed, 1 rejected
    for assessment in assessments {
      print(assessment.subject.name, assessment.total, assessment.grade ?? "不定等次")
    }
    // 张三 92.95 优秀
    // 李四 0 不合格
    for error in errors { print(error) }
    // subject 'M03': 自评(self) is 101, above the most allowed, 100
    // end snippet
    #expect(counts.read == 3 && counts.assessed == 2 && counts.rejected == 1)
    #expect(assessments.map(\.total) == [ExactDecimal("92.95")!, 0])
    #expect(assessments.map(\.grade) == ["优秀", "不合格"])
    #expect(assessments[1].vetoes.map(\.id) == ["disciplined"])
    #expect(assessments[1].consequences.map(\.id) == ["noAwards"])
    #expect(assessments[0].trace.map(\.kind) == [.component, .component, .component, .grade])
    #expect(errors.count == 1 && errors[0].code == .outOfRange && errors[0].inputID == "self")
    #expect(errors[0].description.hasPrefix("subject 'M03': "))

    // A rule pack goes through the same evaluator.
    // snippet WritingASchemeInSwift-pack
    let pack = try RulePack.load(path: Paths.repository + "/RulePacks/member-points/pack.json")
    let packCounts = Evaluator(scheme: pack).evaluate(
      [AssessmentInput(subject: Subject(id: "P01"), values: ["学习次数": .number(30), "按时交纳党费": .boolean(true)])]
    ).counts
    print(packCounts)   // 1 read: 1 assessed, 0 rejected
    // end snippet
    #expect(packCounts.assessed == 1)
  }

  // MARK: - Scoring millions

  @Test func scoringMillionsHotLoop() throws {
    // snippet ScoringMillions-handles
    let pack = try RulePack.load(path: Paths.repository + "/RulePacks/member-points/pack.json")
    let study = try pack.input("学习次数"), days = try pack.input("主题党日"), hours = try pack.input("志愿服务")
    let dues = try pack.input("按时交纳党费"), absences = try pack.input("缺席次数")
    // end snippet

    // snippet ScoringMillions-loop
    // Rows as they come from a database: 编号, 学习次数, 主题党日, 志愿服务 (hours, as text), 按时交纳党费, 缺席次数.
    let rows: [(id: String, study: Int, days: Int, hours: String, dues: Bool, absences: Int)] = [
      ("M001", 30, 12, "50", true, 0),
      ("M002", 20, 8, "12.5", true, 2),
      ("M003", 6, 3, "-1", false, 5),
      ("M004", 4, 2, "0", false, 6),
    ]
    let scorer = PackScorer(pack: pack)
    var byGrade: [String: Int] = [:]
    var rejected: [AssessmentError] = []
    for row in rows {
      do {
        try scorer.set(study, .number(ExactDecimal(row.study)))
        try scorer.set(days, .number(ExactDecimal(row.days)))
        try scorer.set(hours, .text(row.hours))
        try scorer.set(dues, .boolean(row.dues))
        try scorer.set(absences, .number(ExactDecimal(row.absences)))
        try scorer.score(subject: Subject(id: row.id))
        byGrade[scorer.gradeText, default: 0] += 1
        print(row.id, scorer.total, scorer.gradeText, scorer.consequences.map(\.label))
      } catch {
        scorer.discardInputs()   // forget what this row set before its bad value
        rejected.append(error)
      }
    }
    // M001 100 优秀 []
    // M002 79.5 合格 []
    // M004 60 基本合格 ["列为帮扶教育对象"]
    print(byGrade.values.reduce(0, +) + rejected.count == rows.count)   // true: every row accounted for
    print(rejected[0].inputID ?? "", rejected[0].code)                    // 志愿服务 outOfRange
    // end snippet
    #expect(byGrade == ["优秀": 1, "合格": 1, "基本合格": 1])
    #expect(rejected.count == 1 && rejected[0].inputID == "志愿服务" && rejected[0].code == .outOfRange)
    #expect(byGrade.values.reduce(0, +) + rejected.count == rows.count)

    // The same rows through RulePack.assess give the same numbers.
    for row in rows where row.id != "M003" {
      let assessment = try pack.assess(
        AssessmentInput(
          subject: Subject(id: row.id),
          values: [
            "学习次数": .number(ExactDecimal(row.study)), "主题党日": .number(ExactDecimal(row.days)),
            "志愿服务": .text(row.hours), "按时交纳党费": .boolean(row.dues), "缺席次数": .number(ExactDecimal(row.absences)),
          ]), explain: false)
      try scorer.set(study, .number(ExactDecimal(row.study)))
      try scorer.set(days, .number(ExactDecimal(row.days)))
      try scorer.set(hours, .text(row.hours))
      try scorer.set(dues, .boolean(row.dues))
      try scorer.set(absences, .number(ExactDecimal(row.absences)))
      try scorer.score(subject: Subject(id: row.id))
      #expect(scorer.total == assessment.total && scorer.grade == assessment.grade)
      #expect(scorer.assessment(subject: Subject(id: row.id)) == assessment)
    }
    #expect(scorer.grade == "基本合格" && scorer.gradeIndex == 2 && scorer.follows(consequence: "帮扶"))

    // snippet ScoringMillions-threads
    let threads = 2
    let shared = Mutex([String: ExactDecimal]())
    DispatchQueue.concurrentPerform(iterations: threads) { part in
      let scorer = PackScorer(pack: pack)   // one scorer per thread; all share the pack's compiled plan
      var mine: [String: ExactDecimal] = [:]
      for row in rows.enumerated() where row.offset % threads == part {
        do {
          try scorer.set(study, .number(ExactDecimal(row.element.study)))
          try scorer.set(days, .number(ExactDecimal(row.element.days)))
          try scorer.set(hours, .text(row.element.hours))
          try scorer.set(dues, .boolean(row.element.dues))
          try scorer.set(absences, .number(ExactDecimal(row.element.absences)))
          try scorer.score(subject: Subject(id: row.element.id))
          mine[row.element.id] = scorer.total
        } catch {
          scorer.discardInputs()
        }
      }
      shared.withLock { $0.merge(mine) { first, _ in first } }
    }
    print(shared.withLock { $0.count })   // 3
    // end snippet
    #expect(shared.withLock { $0 } == ["M001": 100, "M002": ExactDecimal("79.5")!, "M004": 60])
  }

  @Test func scoringMillionsBatch() throws {
    let pack = try RulePack.load(path: Paths.repository + "/RulePacks/member-points/pack.json")
    // snippet ScoringMillions-batch
    let batch = BatchEvaluator(pack: pack)
    let csv = """
      编号,学习次数,主题党日,志愿服务,按时交纳党费,缺席次数
      M001,30,12,50,是,0
      M002,20,8,12.5,是,2
      M003,六,3,0,否,5
      M002,10,2,0,是,0
      """
    var totals: [String: ExactDecimal] = [:]
    var problems: [AssessmentError] = []
    let summary = try batch.assessments(from: .bytes(Array(csv.utf8), format: .csv, name: "members.csv")) { outcome in
      switch outcome {
      case .success(let assessment): totals[assessment.subject.id] = assessment.total
      case .failure(let error): problems.append(error)
      }
    }
    print(summary.counts)   // 4 read: 2 assessed, 2 rejected
    for problem in problems { print(problem) }
    // members.csv: line 4, column 2: subject 'M003': 参加集中学习次数(学习次数) is '六', which is not a number; …
    // members.csv: line 5: subject 'M002': the id appears again (first at line 3); give each subject once
    // end snippet
    #expect(summary.counts == BatchCounts(read: 4, assessed: 2, rejected: 2))
    #expect(totals == ["M001": 100, "M002": ExactDecimal("79.5")!])
    #expect(problems.map(\.origin?.line) == [4, 5])
    #expect(problems[0].description.hasPrefix("members.csv: line 4, column 2: subject 'M003': "))
    #expect(problems[1].description.hasPrefix("members.csv: line 5"))

    // snippet ScoringMillions-write
    let dazhou = try RulePack.load(path: Paths.repository + "/RulePacks/dazhou/pack.json")
    var output: [UInt8] = []
    let written = try BatchEvaluator(pack: dazhou).write(
      .file(Paths.repository + "/Examples/data/dazhou.csv"), as: .csv,
      write: { bytes in output.append(contentsOf: bytes) },
      reject: { error in print(error) })
    print(written.counts)   // 11 read: 11 assessed, 0 rejected
    print(String(decoding: output, as: UTF8.self).split(separator: "\r\n")[1])
    // DZ001,王建国,书记,北外镇党委,2025,通川区北外镇石岭村党支部,示例数据，非真实人员,96.01,93.9,98.4,93.214,好,,
    // end snippet
    #expect(written.counts == BatchCounts(read: 11, assessed: 11, rejected: 0))
    #expect(
      String(decoding: output, as: UTF8.self).split(separator: "\r\n")[1]
        == "DZ001,王建国,书记,北外镇党委,2025,通川区北外镇石岭村党支部,示例数据，非真实人员,96.01,93.9,98.4,93.214,好,,")
  }

  @Test func scoringMillionsAsync() async throws {
    let dazhou = try RulePack.load(path: Paths.repository + "/RulePacks/dazhou/pack.json")
    // snippet ScoringMillions-async
    var best: Assessment?
    var failures = 0
    for try await outcome in BatchEvaluator(pack: dazhou).results(.file(Paths.repository + "/Examples/data/dazhou.csv")) {
      switch outcome {
      case .success(let assessment): if assessment.total > best?.total ?? -1 { best = assessment }
      case .failure: failures += 1
      }
    }
    print(best?.subject.name ?? "", best?.total ?? 0, failures)   // 刘志强 96.05 0
    // end snippet
    #expect(best?.subject.id == "DZ004" && best?.total == ExactDecimal("96.05")!)
    #expect(failures == 0)
  }

  // MARK: - Host functions

  @Test func hostFunctions() throws {
    // snippet HostFunctions-register
    let studyPoints = HostFunction.number("学习积分折算", arguments: [.number]) { arguments in
      // The platform's table: 1 point per 1,500 学习强国 points, rounded down to 1 place, at most 20.
      min(try arguments.number(0).dividing(by: 1500).rounded(places: 1, rule: .down), 20)
    }
    let pack = try RulePack.load(
      path: Paths.repository + "/RulePacks/examples/host-functions/pack.json", functions: [studyPoints])
    let scores: [String: InputValue] = [
      "评议1": .number(92), "评议2": .number(88), "评议3": .number(95), "评议4": .number(70), "评议5": .number(90),
    ]
    let result = try pack.assess(
      AssessmentInput(
        subject: Subject(id: "P01"),
        values: scores.merging(["学习强国积分": .number(12000), "志愿服务": .number(8)]) { $1 }))
    print(result.total, result.grade ?? "不定等次")   // 78 合格
    for entry in result.trace where entry.kind == .function {
      print(entry.message)   // 外部函数 学习积分折算(12000) = 8（按平台年度折算表折算学习强国积分）
    }
    // end snippet
    #expect(result.total == 78 && result.grade == "合格")
    #expect(
      result.trace.filter { $0.kind == .function }.map(\.message) == ["外部函数 学习积分折算(12000) = 8（按平台年度折算表折算学习强国积分）"])
    #expect(pack.requiredFunctions.map(\.signatureText) == ["学习积分折算(number) → number"])

    // snippet HostFunctions-missing
    do {
      _ = try RulePack.load(path: Paths.repository + "/RulePacks/examples/host-functions/pack.json")
    } catch {
      let problem = error.problems[0]
      print(problem.pointer?.description ?? "", problem.message)
      // /requires/functions/0 this pack calls the host function 学习积分折算(number) → number, which the program
      // loading it does not provide; …
    }
    // end snippet
    let missing = #expect(throws: PackLoadError.self) {
      try RulePack.load(path: Paths.repository + "/RulePacks/examples/host-functions/pack.json")
    }
    #expect(missing?.problems.first?.pointer == "/requires/functions/0")
    #expect(missing?.problems.first?.message.contains("学习积分折算") == true)

    // snippet HostFunctions-declarationsOnly
    let checked = try RulePack.load(
      path: Paths.repository + "/RulePacks/examples/host-functions/pack.json", functions: .declarationsOnly)
    let results = checked.runTests()
    print(results.filter(\.passed).count, "of", results.count, "passed")   // 4 of 4 passed
    print(checked.requiredFunctions.map(\.signatureText))                 // ["学习积分折算(number) → number"]
    // end snippet
    #expect(results.count == 4 && results.allSatisfy(\.passed))

    // snippet HostFunctions-throws
    struct TableUnavailable: Error {}
    let unavailable = HostFunction.number("学习积分折算", arguments: [.number]) { _ in
      throw TableUnavailable()   // the platform's table could not be read
    }
    let strict = try RulePack.load(
      path: Paths.repository + "/RulePacks/examples/host-functions/pack.json", functions: [unavailable])
    do {
      _ = try strict.assess(
        AssessmentInput(subject: Subject(id: "P02"), values: scores.merging(["学习强国积分": .number(3000)]) { $1 }))
    } catch {
      print(error.code, error.message)
      // arithmetic component '学习': the host function 学习积分折算(3000) failed: TableUnavailable()
    }
    // end snippet
    let thrown = #expect(throws: AssessmentError.self) {
      try strict.assess(
        AssessmentInput(subject: Subject(id: "P02"), values: scores.merging(["学习强国积分": .number(3000)]) { $1 }))
    }
    #expect(thrown?.message.contains("学习积分折算(3000)") == true && thrown?.subjectID == "P02")
  }

  @Test func hostFunctionsInAFormula() throws {
    // snippet HostFunctions-formula
    let veteran = HostFunction.condition("老党员", arguments: [.number]) { arguments in
      arguments.number(0) >= 50   // 党龄 of 50 years or more
    }
    let scope = FormulaScope(
      [FormulaSymbol(name: "党龄", type: .number, slot: 0, range: 0...80, places: 0)], functions: [veteran])
    let formula = try Formula.compile("IF(老党员(党龄), 5, 0)", in: scope).get()
    print(try formula.evaluate([52]), try formula.evaluate([12]))   // 5 0
    // end snippet
    #expect(try formula.evaluate([52]) == 5)
    #expect(try formula.evaluate([12]) == 0)
    #expect(formula.calledFunctions == ["老党员"])
  }

  // MARK: - The result model

  @Test func resultModel() throws {
    // snippet ResultModel-explain
    var pack = try RulePack.load(path: Paths.repository + "/RulePacks/dazhou/pack.json")
    pack.findsWhatItTakes = true
    let batch = BatchEvaluator(pack: pack)
    guard let found = try batch.explain("DZ006", in: .file(Paths.repository + "/Examples/data/dazhou.csv")) else {
      fatalError("no subject DZ006")
    }
    let result = found.assessment
    print(result.total, result.grade ?? "不定等次")                  // 90.24 一般
    for veto in result.vetoes { print(veto.label, veto.effect) }  // 党建绩效查核不过关 等次最高为一般
    for consequence in result.consequences { print(consequence.label, "—", consequence.reason) }
    // 选任过程中“放下”，中止提拔程序 — 一票否决：党建绩效查核不过关
    // …
    // end snippet
    #expect(found.line == 7)
    #expect(result.total == ExactDecimal("90.24")! && result.grade == "一般")
    #expect(result.vetoes.map(\.id) == ["perfFail"])
    #expect(result.vetoes[0].effect == "等次最高为一般")
    #expect(result.consequences.map(\.id) == ["hold", "noAwards", "noNomination"])
    #expect(result.consequences[0].reason == "一票否决：党建绩效查核不过关")

    // snippet ResultModel-trace
    for entry in result.trace where entry.kind == .veto || entry.kind == .grade {
      print(entry.kind, entry.ruleID, entry.message, entry.facts.map(\.description))
    }
    // veto perfFail 一票否决：党建绩效查核不过关，等次最高为一般 ["党建绩效查核不过关(查核不过关) = 是"]
    // grade grade 按分数：好（90 ≤ 90.24） []
    // grade grade 一票否决限等次：最高为一般 []
    // end snippet
    let decisions = result.trace.filter { $0.kind == .veto || $0.kind == .grade }
    #expect(decisions.map(\.message) == ["一票否决：党建绩效查核不过关，等次最高为一般", "按分数：好（90 ≤ 90.24）", "一票否决限等次：最高为一般"])
    #expect(decisions[0].facts.map(\.description) == ["党建绩效查核不过关(查核不过关) = 是"])

    // snippet ResultModel-whatItTakes
    let lower = try batch.explain("DZ009", in: .file(Paths.repository + "/Examples/data/dazhou.csv"))!.assessment
    print(lower.total, lower.grade ?? "", lower.whatItTakes?.nextGrade ?? "")   // 89.27 较好 好
    print(lower.whatItTakes?.summary ?? "")   // 述职微信群无记名获赞数 +9 → 好
    // end snippet
    #expect(lower.whatItTakes?.nextGrade == "好")
    #expect(lower.whatItTakes?.summary == "述职微信群无记名获赞数 +9 → 好")
    #expect(lower.whatItTakes?.toGrade.isEmpty == false)

    // snippet ResultModel-json
    let exact = try ExactJSONEncoder().encode(result)
    print(exact.prefix(120))
    // {"subject":{"id":"DZ006","name":"杨光明","kind":"书记","parent":"三汇镇党委","attributes":{…}},"period":"2025",
    //  "schemeID":"dazhou-secretary","total":90.24,"fullMarks":100,…
    let data = try JSONEncoder().encode(result)      // decimals as text: "total":"90.24"
    let decoded = try JSONDecoder().decode(Assessment.self, from: data)
    print(decoded == result)                           // true
    // end snippet
    #expect(exact.contains(#""schemeID":"dazhou-secretary","total":90.24,"fullMarks":100,"#))
    #expect(String(decoding: data, as: UTF8.self).contains(#""total":"90.24""#))
    #expect(decoded == result)
  }

  // MARK: - Reading and building packs

  @Test func readingAPacksModel() throws {
    // snippet ReadingAndBuildingPacks-rubric
    let pack = try RulePack.load(path: Paths.repository + "/RulePacks/dazhou/pack.json")
    let model = pack.model
    var rubric: [String] = []   // the 评分细则, one line per component, section, rule and grade
    for component in model.components {
      rubric.append("\(component.label ?? component.id)（权重 \(component.weight ?? 1)）")
      for section in component.sections ?? [] {
        let marks = section.bonus == true ? "加分上限 \(section.cap?.description ?? "0")" : "满分 \(section.fullMarks ?? 0)"
        rubric.append("  \(section.label ?? section.id)（\(marks)）\(section.score.map { " = " + $0 } ?? "")")
        for rule in section.rules ?? [] {
          rubric.append("    \(rule.label)：\(rule.kind.rawValue) \(rule.points ?? "")\(rule.count.map { " × " + $0 } ?? "")")
        }
      }
    }
    for band in model.grades?.bands ?? [] {
      rubric.append("\(band.grade)：\(band.min) 分及以上\(band.below.map { "，不满 \($0) 分" } ?? "")")
    }
    print(rubric.joined(separator: "\n"))
    // 日常考核（权重 0.3）
    //   季度考评（四个季度平均分折算为80分）（满分 80） = 日常平均 * 80%
    //   日常纪实（满分 20）
    //     因党建工作被市县督查通报批评：deductEach 5 × 通报批评次数
    // …
    //   党建创新加分（加分上限 5）
    //     党建工作经验获市级以上推广：awardEach 2 × 经验推广数
    // …
    // 好：90 分及以上
    // 较好：80 分及以上，不满 90 分
    // …
    // end snippet
    #expect(rubric.count == 3 + 7 + 16 + 4)
    #expect(rubric[0] == "日常考核（权重 0.3）")
    #expect(rubric[1] == "  季度考评（四个季度平均分折算为80分）（满分 80） = 日常平均 * 80%")
    #expect(rubric[2] == "  日常纪实（满分 20）")
    #expect(rubric[3] == "    因党建工作被市县督查通报批评：deductEach 5 × 通报批评次数")
    #expect(rubric.contains("  党建创新加分（加分上限 5）"))
    #expect(rubric.contains("    党建工作经验获市级以上推广：awardEach 2 × 经验推广数"))
    #expect(rubric.suffix(4) == ["好：90 分及以上", "较好：80 分及以上，不满 90 分", "一般：60 分及以上，不满 80 分", "差：0 分及以上，不满 60 分"])

    // snippet ReadingAndBuildingPacks-form
    var form: [String] = []   // one field per input, in the pack's order
    for input in model.inputs {
      var field = input.label ?? input.id
      switch input.type {
      case .number, .integer: field += " [\(input.min ?? 0)–\(input.max ?? 0)\(input.unit ?? "")]"
      case .boolean: field += " [是/否]"
      case .choice: field += " [\((input.choices ?? []).joined(separator: "/"))]"
      }
      if input.required == true {
        field += " 必填"
      } else if let value = input.default {
        field += " 默认 \(value.inputValue)"
      }
      form.append(field)
    }
    print(form[0])    // 第一季度日常考核得分 [0–100分] 必填
    print(form[4])    // 因党建工作被市县督查通报批评次数 [0–20次] 默认 0
    print(form[23])   // 党建绩效查核不过关 [是/否] 默认 否
    print(form[24])   // 本年度受到党纪处分 [无/警告/严重警告/撤销党内职务/留党察看] 默认 无
    // end snippet
    #expect(form.count == 26)
    #expect(form[0] == "第一季度日常考核得分 [0–100分] 必填")
    #expect(form[4] == "因党建工作被市县督查通报批评次数 [0–20次] 默认 0")
    #expect(form[23] == "党建绩效查核不过关 [是/否] 默认 否")
    #expect(form[24] == "本年度受到党纪处分 [无/警告/严重警告/撤销党内职务/留党察看] 默认 无")
    #expect(model.inputs.map(\.id) == pack.info.inputs.map(\.id))

    // snippet ReadingAndBuildingPacks-location
    let pointer: JSONPointer = "/components/1/sections/1/rules/0"
    let rule = model.components[1].sections?[1].rules?[0]
    print(rule?.label ?? "", model.location(of: pointer)?.description ?? "")   // 村(社区)阵地建设任务未按时完成 245:13
    print(model.location(of: "/components/9") == nil)                           // true: the pack has no such part
    // end snippet
    #expect(rule?.label == "村(社区)阵地建设任务未按时完成")
    #expect(model.location(of: pointer) == SourceLocation(line: 245, column: 13))
    #expect(model.location(of: "/components/9") == nil)

    // snippet ReadingAndBuildingPacks-change
    var stricter = pack.model
    stricter.version = "1.1.0"
    stricter.grades?.bands[0].min = 92   // 好 from 92 instead of 90
    do {
      _ = try RulePack.compile(stricter, name: "dazhou-92.json")
    } catch {
      let problem = error.problems[0]
      print(problem.pointer?.description ?? "", problem.message)
      // /grades/bands/1/below gap between grade bands: scores from 90 up to below 92 get no grade; set 'below' to 92
    }
    stricter.grades?.bands[1].below = 92   // 较好 now reaches up to 92
    let changed = try RulePack.compile(stricter, name: "dazhou-92.json")
    let csv = RecordInput.file(Paths.repository + "/Examples/data/dazhou.csv")
    let before = try BatchEvaluator(pack: pack).explain("DZ002", in: csv)!.assessment
    let after = try BatchEvaluator(pack: changed).explain("DZ002", in: csv)!.assessment
    print(before.total, before.grade ?? "", "→", after.total, after.grade ?? "")   // 90.36 好 → 90.36 较好
    // end snippet
    var gap = stricter
    gap.grades?.bands[1].below = 90
    let gapError = #expect(throws: PackLoadError.self) { try RulePack.compile(gap, name: "dazhou-92.json") }
    #expect(gapError?.problems.count == 1)
    #expect(gapError?.problems.first?.pointer == "/grades/bands/1/below")
    #expect(
      gapError?.problems.first?.message
        == "gap between grade bands: scores from 90 up to below 92 get no grade; set 'below' to 92")
    #expect(changed.model == stricter && changed.metadata.version == "1.1.0")
    #expect(before.total == ExactDecimal("90.36")! && before.grade == "好")
    #expect(after.total == ExactDecimal("90.36")! && after.grade == "较好")
    // The changed model's parts are at their lines in the file it was written as.
    let written = try ExactJSONEncoder(indentation: 2).encode(stricter).split(separator: "\n", omittingEmptySubsequences: false)
    let minLocation = try #require(changed.model.location(of: "/grades/bands/0/min"))
    #expect(written[minLocation.line - 1].contains(#""min": 92"#))
  }

  @Test func buildingAPackInSwift() throws {
    // snippet ReadingAndBuildingPacks-build
    var model = PackModel()
    model.id = "branch-review"
    model.version = "1.0.0"
    model.title = "支部书记年度考核（示例）"
    model.source = PackModel.Source(document: "《示例考核办法》")
    model.fullMarks = 100
    var daily = PackModel.Input(id: "daily", label: "日常考核得分", type: .number)
    daily.min = 0
    daily.max = 100
    daily.required = true
    var overdue = PackModel.Input(id: "overdue", label: "阵地建设任务未按时完成个数", type: .integer)
    overdue.min = 0
    overdue.max = 10
    overdue.default = .number(0)
    model.inputs = [daily, overdue]
    var duties = PackModel.Section(id: "履职", label: "履职情况", fullMarks: 100, startsAt: .full)
    duties.rules = [
      PackModel.Rule(label: "日常考核失分", kind: .deduct, points: "100 - daily"),
      PackModel.Rule(label: "村(社区)阵地建设任务未按时完成", kind: .deductEach, points: "5", count: "overdue", max: 10),
    ]
    var year = PackModel.Component(id: "年度", label: "年度考核", weight: 1)
    year.sections = [duties]
    model.components = [year]
    model.grades = PackModel.Grades(bands: [
      PackModel.GradeBand(grade: "优秀", min: 90),
      PackModel.GradeBand(grade: "合格", min: 60, below: 90),
      PackModel.GradeBand(grade: "不合格", min: 0, below: 60),
    ])

    let review = try RulePack.compile(model, name: "branch-review.json")
    let input = AssessmentInput(subject: Subject(id: "B01"), values: ["daily": .number(96), "overdue": .number(1)])
    let result = try review.assess(input)
    print(result.total, result.grade ?? "")   // 91 优秀
    for entry in result.trace where entry.kind == .deduction {
      print(entry.message)
    }
    // 日常考核失分 −4
    // 村(社区)阵地建设任务未按时完成 −5（1 次 × 5 分）
    // end snippet
    #expect(result.total == 91 && result.grade == "优秀")
    #expect(
      result.trace.filter { $0.kind == .deduction }.map(\.message)
        == ["日常考核失分 −4", "村(社区)阵地建设任务未按时完成 −5（1 次 × 5 分）"])
    #expect(review.model == model)

    // snippet ReadingAndBuildingPacks-file
    let text = try ExactJSONEncoder(indentation: 2).encode(model)
    print(text)
    // {
    //   "formatVersion": 1,
    //   "id": "branch-review",
    //   "version": "1.0.0",
    //   "title": "支部书记年度考核（示例）",
    //   "source": {
    //     "document": "《示例考核办法》"
    //   },
    //   "fullMarks": 100,
    //   "inputs": [
    //     {
    //       "id": "daily",
    // …
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("branch-review.pack.json")
    try text.write(to: file, atomically: true, encoding: .utf8)
    let reloaded = try RulePack.load(path: file.path)
    print(reloaded.model == model, try reloaded.assess(input).total)   // true 91
    // end snippet
    #expect(
      text.hasPrefix(
        """
        {
          "formatVersion": 1,
          "id": "branch-review",
          "version": "1.0.0",
          "title": "支部书记年度考核（示例）",
          "source": {
            "document": "《示例考核办法》"
          },
          "fullMarks": 100,
          "inputs": [
            {
              "id": "daily",
        """))
    #expect(text.contains(#""default": 0"#) && text.contains(#""points": "100 - daily""#))
    #expect(reloaded.model == model)
    #expect(try reloaded.assess(input).total == 91)
    try? FileManager.default.removeItem(at: file)

    // snippet ReadingAndBuildingPacks-coders
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let data = try encoder.encode(model)   // every number as text: "fullMarks":"100"
    let decoded = try JSONDecoder().decode(PackModel.self, from: data)
    let again = try RulePack.compile(decoded, name: "branch-review.json")
    print(try again.assess(input) == result, try encoder.encode(decoded) == data)   // true true
    // end snippet
    let json = String(decoding: data, as: UTF8.self)
    #expect(json.contains(#""fullMarks":"100""#) && json.contains(#""default":"0""#))
    #expect(try again.assess(input) == result)
    #expect(try encoder.encode(decoded) == data)
    // What the article says: a PackValue comes back as text, everything else equal.
    #expect(decoded.inputs[1].default == .text("0"))
    var restored = decoded
    restored.inputs[1].default = .number(0)
    #expect(restored == model)
  }
}

// MARK: - The scheme of WritingASchemeInSwift.md

// snippet WritingASchemeInSwift-scheme
/// 党员民主评议: 自评 20%, 党员互评 30%, 支部评价 50%; a party discipline (党纪处分) makes the grade 不合格 (一票否决).
struct MemberReviewScheme: AssessmentScheme {
  static let parts: [(id: String, label: String, weight: ExactDecimal)] = [
    ("self", "自评", ExactDecimal(significand: 2, scale: 1)),
    ("peers", "党员互评", ExactDecimal(significand: 3, scale: 1)),
    ("branch", "支部评价", ExactDecimal(significand: 5, scale: 1)),
  ]

  var info: SchemeInfo {
    var inputs = Self.parts.map { part in
      InputDeclaration(id: part.id, label: part.label, type: .number, unit: "分", minimum: 0, maximum: 100, places: 1)
    }
    inputs.append(
      InputDeclaration(
        id: "disciplined", label: "受到党纪处分", type: .boolean, required: false, defaultValue: .boolean(false)))
    return SchemeInfo(id: "member-review", version: "1.0.0", title: "党员民主评议（Swift 示例）", inputs: inputs)
  }

  func assess(_ input: AssessmentInput, explain: Bool) throws(AssessmentError) -> Assessment {
    // The Evaluator has checked the facts against `info.inputs`: each one is here, typed and in range.
    var components: [ComponentScore] = []
    var trace: [TraceEntry] = []
    var sum = ExactDecimal.zero
    for part in Self.parts {
      guard case .number(let score)? = input.values[part.id] else { continue }
      let weighted = score * part.weight   // at most 100 × 0.5 with 2 places: cannot overflow
      sum += weighted
      components.append(ComponentScore(id: part.id, label: part.label, score: score, weight: part.weight, weighted: weighted))
      trace.append(
        TraceEntry(
          kind: .component, ruleID: part.id, message: "\(part.label) \(score) × \(part.weight) = \(weighted)",
          points: weighted, facts: [Fact(name: part.id, label: part.label, value: score.description)]))
    }
    var total = sum.rounded(places: 2, rule: .halfUp)
    var grade = total >= 90 ? "优秀" : total >= 70 ? "合格" : total >= 60 ? "基本合格" : "不合格"
    var vetoes: [FiredVeto] = []
    var consequences: [FiredConsequence] = []
    if case .boolean(true)? = input.values["disciplined"] {
      vetoes.append(FiredVeto(id: "disciplined", label: "受到党纪处分", effect: "总分记为0，等次为不合格"))
      trace.append(TraceEntry(kind: .veto, ruleID: "disciplined", message: "一票否决：受到党纪处分", points: total.negated()))
      total = .zero
      grade = "不合格"
    }
    if grade == "不合格" {
      consequences.append(FiredConsequence(id: "noAwards", label: "取消评先评优资格", reason: "等次为不合格"))
    }
    trace.append(TraceEntry(kind: .grade, ruleID: "grade", message: "等次：\(grade)"))
    return Assessment(
      subject: input.subject, period: input.period, schemeID: info.id, total: total, fullMarks: 100,
      components: components, grade: grade, vetoes: vetoes, consequences: consequences, trace: explain ? trace : [])
  }
}
// end snippet
