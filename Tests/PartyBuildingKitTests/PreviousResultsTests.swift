import Foundation
import Testing

@testable import PartyBuildingKit

/// Last period's results (上期结果, issue 12 item 2) in the library: ``PreviousResults`` read from the files pbk writes
/// or built from assessments, given to ``BatchEvaluator/previous`` or ``RulePack/assess(_:previous:explain:)``; the
/// values fill the previous fields' input slots before the one kernel scores the subject.
@Suite struct PreviousResultsTests {
  static let folder = Paths.repository + "/RulePacks/examples/previous"
  static func pack() throws -> RulePack { try RulePack.load(path: folder + "/pack.json") }

  /// A pack reading two fields of its own results, one rejecting a subject without one.
  static let strictPack = """
    {"formatVersion": 1, "id": "strict", "version": "2.0", "title": "t", "source": {"document": "d"}, "fullMarks": 100,
     "inputs": [{"id": "score", "label": "得分", "type": "number", "min": 0, "max": 100, "required": true}],
     "previous": {"label": "上年结果", "fields": [
       {"id": "上年总分", "label": "上年总分", "field": "total", "min": 0, "max": 100, "whenMissing": "reject"},
       {"id": "上年否决", "label": "上年被否决", "field": "vetoed", "whenMissing": false}
     ]},
     "components": [{"id": "c", "label": "得分", "fullMarks": 100,
       "score": "IF(上年否决, MIN(score, 60), MIN(100, score + IF(score > 上年总分, 5, 0)))"}],
     "grades": {"bands": [{"grade": "合格", "min": 60}, {"grade": "不合格", "min": 0, "below": 60}]},
     "tests": [
       {"name": "进步加5分", "inputs": {"score": 70}, "previous": {"上年总分": 65, "上年否决": false},
        "expect": {"total": 75, "grade": "合格"}},
       {"name": "上年被否决：最多60分", "inputs": {"score": 90}, "previous": {"上年总分": 0, "上年否决": true},
        "expect": {"total": 60}},
       {"name": "没有上年结果：拒绝", "inputs": {"score": 90}, "expect": {"error": "上年总分"}}
     ]}
    """

  /// Numbers by input id, written as text: `["组织生活": "15.9"]`.
  static func numbers(_ values: [String: String]) -> [String: InputValue] {
    values.mapValues { .number(ExactDecimal($0)!) }
  }

  static func subject(_ id: String, _ score: Int) -> AssessmentInput {
    AssessmentInput(subject: Subject(id: id), values: ["score": .number(ExactDecimal(score))])
  }

  @Test func theExamplesTestsPassAndAreHandWorked() throws {
    let results = try Self.pack().runTests()
    #expect(results.count == 10)
    #expect(results.allSatisfy { $0.passed }, "\(results.filter { !$0.passed })")
    let strict = try RulePack.load(json: Self.strictPack).runTests()
    #expect(strict.count == 3)
    #expect(strict.allSatisfy { $0.passed }, "\(strict.filter { !$0.passed })")
  }

  @Test func aCSVWithEnglishHeadersIsReadAndJoinedByID() throws {
    let results = try PreviousResults.read(
      bytes: Array("id,name,total,grade,stars,period\nA,甲,85.0,良好,4,2024\nB,乙,,,,2024\n\nC,丙,92,优秀,5,2024\n".utf8),
      name: "last.csv", format: .csv)
    #expect(results.rows.map(\.id) == ["A", "B", "C"])
    #expect(results.row(of: "A")?.values[.stars] == .text("4"))
    #expect(results.row(of: "A")?.line == 2)
    #expect(results.row(of: "B")?.values[.stars] == nil)  // an empty cell gives nothing: whenMissing applies
    #expect(results.row(of: "C")?.line == 5)
    #expect(results.source.sha256?.count == 64)
    #expect(results.fields.isSuperset(of: [.total, .grade, .stars, .period]))
  }

  @Test func aRepeatedOrAnonymousRowIsALocatedError() {
    let again = #expect(throws: RecordInputError.self) {
      try PreviousResults.read(bytes: Array("编号,星级\nA,1\nB,2\nA,3\n".utf8), name: "last.csv", format: .csv)
    }
    #expect(
      again?.message
        == "last.csv: line 4: the id 'A' appears again (first at line 2); results give each subject once — is this a results file pbk wrote?")
    #expect(
      again?.description(in: .chinese)
        == "last.csv：第 4 行：编号“A”再次出现（首次出现在第 2 行）；结果中每个对象只出现一次——这是 pbk 写出的结果文件吗？")
    let anonymous = #expect(throws: RecordInputError.self) {
      try PreviousResults.read(bytes: Array("编号,星级\nA,1\n,2\n".utf8), name: "last.csv", format: .csv)
    }
    #expect(anonymous?.message == "last.csv: line 3: the row has no id (编号)")
    #expect(anonymous?.description(in: .chinese) == "last.csv：第 3 行：该行没有编号（id）")
    let noID = #expect(throws: RecordInputError.self) {
      try PreviousResults.read(
        bytes: Array("{\"subject\": {\"id\": \"A\"}, \"total\": 1}\n{\"total\": 2}\n".utf8), name: "last.jsonl", format: .jsonLines)
    }
    #expect(noID?.message == "last.jsonl: line 2: the result has no subject id (\"subject\": {\"id\": …})")
    #expect(noID?.description(in: .chinese) == "last.jsonl：第 2 行：该结果没有对象编号（\"subject\": {\"id\": …}）")
    // A workbook's rows are rows, not lines.
    let table = [(cells: ["编号", "星级"], line: 1), (cells: ["", "2"], line: 2)]
    let sheet = #expect(throws: RecordInputError.self) {
      try PreviousResults.readTable(table, name: "last.xlsx [结果]", source: .init(file: "last.xlsx"), lineWord: .previousPlaceRow)
    }
    #expect(sheet?.message == "last.xlsx [结果]: row 2: the row has no id (编号)")
    #expect(sheet?.description(in: .chinese) == "last.xlsx [结果]：第 2 行：该行没有编号（id）")
  }

  @Test func jsonResultsGiveTheirPackAndAVoidResultOnlyItsPeriod() throws {
    let json = """
      [{"subject": {"id": "A"}, "schemeID": "strict", "period": "2024", "total": "85.0", "grade": "合格", "vetoes": []},
       {"subject": {"id": "B"}, "schemeID": "strict", "period": "2024", "total": "0", "grade": "不合格",
        "vetoes": [{"id": "v"}]},
       {"subject": {"id": "C"}, "schemeID": "strict", "period": "2024", "voidReason": "未达到法定人数"}]
      """
    let results = try PreviousResults.read(bytes: Array(json.utf8), name: "last.json", format: .json)
    #expect(results.source.packID == "strict")
    #expect(results.row(of: "A")?.values == [.period: .text("2024"), .total: .text("85.0"), .grade: .text("合格"), .vetoed: .boolean(false)])
    #expect(results.row(of: "B")?.values[.vetoed] == .boolean(true))
    #expect(results.row(of: "C")?.values == [.period: .text("2024")])
    let pack = try RulePack.load(json: Self.strictPack)
    #expect(try pack.assess(Self.subject("A", 90), previous: results).total == 95)
    #expect(try pack.assess(Self.subject("B", 90), previous: results).total == 60)
    // C's result is void: it has no total, and the pack rejects a subject without one, naming where it looked.
    let error = #expect(throws: AssessmentError.self) { try pack.assess(Self.subject("C", 90), previous: results) }
    #expect(error?.code == .missingInput)
    #expect(error?.subjectID == "C")
    #expect(
      error?.message
        == "上年总分(上年总分): the previous result (last.json, line 4) gives no 总分, and the pack rejects a subject without one (\"whenMissing\": \"reject\")")
    let absent = #expect(throws: AssessmentError.self) { try pack.assess(Self.subject("D", 90), previous: results) }
    #expect(
      absent?.message
        == "上年总分(上年总分): last.json has no previous result for this subject, and the pack rejects a subject without one (\"whenMissing\": \"reject\")")
    #expect(
      error?.detail.text(in: .chinese)
        == "上年总分(上年总分)：上期结果（last.json，第 4 行）中没有总分，而规则包拒绝缺少它的对象（\"whenMissing\": \"reject\"）")
    #expect(
      absent?.detail.text(in: .chinese)
        == "上年总分(上年总分)：last.json 中没有该对象的上期结果，而规则包拒绝没有上期结果的对象（\"whenMissing\": \"reject\"）")
  }

  /// Results built from last period's assessments (as a platform stores them) score like a file's.
  @Test func lastPeriodsAssessmentsAreResultsForTheNext() throws {
    let pack = try RulePack.load(json: Self.strictPack)
    let lastYear = try [("A", 65), ("B", 95)].map { (id: String, score: Int) throws(AssessmentError) -> Assessment in
      try pack.assess(
        AssessmentInput(subject: Subject(id: id), values: ["score": .number(ExactDecimal(score)), "上年总分": .number(0), "上年否决": .boolean(false)]))
    }
    #expect(lastYear.map(\.total) == [70, 100])
    let previous = try PreviousResults(assessments: lastYear)
    #expect(previous.source.packID == "strict")
    let a = try pack.assess(Self.subject("A", 72), previous: previous)
    // 72 is above last year's 70: 72 + 5 = 77. B's 99 is not above its 100: 99.
    #expect(a.total == 77)
    #expect(a.trace.first?.message == "上年结果：取自 assessments（规则包 strict）")
    #expect(try pack.assess(Self.subject("B", 99), previous: previous).total == 99)
  }

  @Test func aValueGivenTwiceOrByAnotherPackIsRefused() throws {
    let pack = try RulePack.load(json: Self.strictPack)
    let previous = try PreviousResults(
      rows: [.init(id: "A", line: 2, values: [.total: .number(70), .vetoed: .boolean(false)])],
      source: .init(file: "last.csv", packID: "strict"))
    var both = Self.subject("A", 80)
    both.values["上年总分"] = .number(70)
    let twice = #expect(throws: AssessmentError.self) { try pack.assess(both, previous: previous) }
    #expect(twice?.message == "上年总分(上年总分) is given by the subject's own data and by the previous results (last.csv, line 2); give it in one place")
    #expect(twice?.detail.text(in: .chinese) == "上年总分(上年总分) 既由对象自己的数据给出，又由上期结果给出（last.csv，第 2 行）；请只在一处给出")
    var other = previous
    other.source.packID = "another"
    other.source.packVersion = "1.0"
    let otherPack = #expect(throws: RecordInputError.self) { try pack.check(other) }
    #expect(
      otherPack?.message
        == "last.csv: these results were written by pack 'another' 1.0, but pack 'strict' reads the results of 'strict'; give the results of 'strict', or read other packs' results too (\"allowOtherPacks\": true in \"previous\")")
    #expect(
      otherPack?.description(in: .chinese)
        == "last.csv：这些结果由规则包“another” 1.0写出，而规则包“strict”读取的是“strict”的结果；请给出“strict”的结果，或允许读取其他规则包的结果（在 \"previous\" 中写 \"allowOtherPacks\": true）")
    // A value last period's results hold that the field does not allow rejects the subject, naming file, line and column.
    let wrong = try PreviousResults(
      rows: [.init(id: "A", line: 3, values: [.total: .text("八十"), .vetoed: .boolean(false)])],
      source: .init(file: "last.csv", packID: "strict"))
    let invalid = #expect(throws: AssessmentError.self) { try pack.assess(Self.subject("A", 80), previous: wrong) }
    #expect(invalid?.message.hasSuffix(" — last period's 总分 in the previous results (last.csv, line 3, column 总分)") == true)
    #expect(invalid?.detail.text(in: .chinese).hasSuffix("——上期结果中的上期总分（last.csv，第 3 行，“总分”列）") == true)
    #expect(invalid?.detail.isUntranslated == false)
    var noTotals = previous
    noTotals.fields = [.vetoed]
    #expect(throws: RecordInputError.self) { try pack.check(noTotals) }
    let plain = try RulePack.load(path: Paths.repository + "/RulePacks/dazhou/pack.json")
    #expect(!plain.readsPrevious)
    #expect(throws: RecordInputError.self) { try plain.check(previous) }
  }

  /// Every lane fills the previous fields the same way: a file's batch, an array's, an async stream's and one subject
  /// at a time agree, and every subject ends as a result or a rejection.
  @Test func everyLaneAgreesWithPrevious() async throws {
    let pack = try Self.pack()
    let previous = try PreviousResults.load(path: Self.folder + "/2024结果.csv")
    #expect(previous.source.packID == "example-five-star-branch")
    #expect(previous.source.packVersion == "1.0.0")
    #expect(previous.source.record == Self.folder + "/2024结果.csv.meta.json")
    let subjects = TestInputs.csv(Self.folder + "/2025.csv", pack: pack)
    #expect(subjects.count == 7)
    var batch = BatchEvaluator(pack: pack)
    batch.previous = previous
    var fromFile: [Result<Assessment, AssessmentError>] = []
    let summary = try batch.assessments(from: .file(Self.folder + "/2025.csv")) { fromFile.append($0) }
    #expect(summary.counts.read == 7)
    #expect(summary.counts.assessed == 6)
    #expect(summary.counts.rejected == 1)
    let stars = fromFile.compactMap { try? $0.get() }.map { "\($0.subject.id):\($0.stars ?? -1)" }
    #expect(stars == ["ZB001:5", "ZB002:4", "ZB003:3", "ZB004:2", "ZB005:0", "ZB007:1"])
    var fromArray: [Result<Assessment, AssessmentError>] = []
    _ = try batch.assessments(of: subjects) { fromArray.append($0) }
    var fromStream: [Result<Assessment, AssessmentError>] = []
    let stream = AsyncStream<AssessmentInput> { continuation in
      for subject in subjects { continuation.yield(subject) }
      continuation.finish()
    }
    for try await outcome in batch.results(of: stream) { fromStream.append(outcome) }
    let oneByOne = subjects.map { input in
      Result { () throws(AssessmentError) in try pack.assess(input, previous: previous, explain: false) }
    }
    func totals(_ outcomes: [Result<Assessment, AssessmentError>]) -> [String] {
      outcomes.map {
        switch $0 {
        case .success(let a): "\(a.subject.id) \(a.total) \(a.grade ?? "-") \(a.stars ?? -1) \(a.consequences.map(\.id))"
        case .failure(let e): "\(e.subjectID ?? "?") rejected"
        }
      }
    }
    #expect(totals(fromArray) == totals(fromFile))
    #expect(totals(fromStream) == totals(fromFile))
    #expect(totals(oneByOne) == totals(fromFile))
    // The same subjects with last year's values given as their own inputs, without previous results: the same.
    let withOwn = subjects.map { input in
      var input = input
      if let row = previous.row(of: input.subject.id) {
        input.values["上年星级"] = row.values[.stars]
        input.values["上年等次"] = row.values[.grade]
      }
      return Result { () throws(AssessmentError) in try pack.assess(input, explain: false) }
    }
    #expect(totals(withOwn) == totals(fromFile))
  }

  /// A previous field is a fact of the past: what it takes to reach the next level never asks to change it. ZB002
  /// has all five items and 3 stars last year: only a 4-star last year would give it 5 now, so nothing can.
  @Test func whatItTakesNeverChangesLastYearsResult() throws {
    var pack = try Self.pack()
    pack.findsWhatItTakes = true
    let previous = try PreviousResults.load(path: Self.folder + "/2024结果.csv")
    let limited = try pack.assess(
      AssessmentInput(
        subject: Subject(id: "ZB002"), values: Self.numbers(["组织建设": "20", "党员队伍": "20", "组织生活": "19", "阵地建设": "18", "作用发挥": "19"])),
      previous: previous, explain: false)
    #expect(limited.stars == 4)
    #expect(limited.whatItTakes?.toStars.isEmpty ?? true, "\(String(describing: limited.whatItTakes))")
    // ZB004 (2 stars last year, two items now) reaches 3 stars with a third item, never by a better last year.
    let input = AssessmentInput(
      subject: Subject(id: "ZB004"), values: Self.numbers(["组织建设": "16", "党员队伍": "16", "组织生活": "15.9", "阵地建设": "10", "作用发挥": "10"]))
    let assessment = try pack.assess(input, previous: previous, explain: false)
    #expect(assessment.stars == 2)
    let lifts = try #require(assessment.whatItTakes)
    #expect(lifts.nextStars == 3)
    let changed = Set(lifts.toStars.map(\.inputID))
    #expect(changed.contains("组织生活"))
    #expect(!changed.contains("上年星级"))
  }
}
