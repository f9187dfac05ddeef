import Foundation
import Testing

@testable import PartyBuildingKit

/// Ballot items scored from each rater's own form (测评表, issue 12 item 3): the forms are their own stream — a forms
/// file beside the subjects, a `"forms"` array per subject in JSON, ``AssessmentInput/forms`` — and every form is
/// accounted for: counted, void with its reason, or rejected with its file and line.
@Suite struct RaterFormsTests {
  static let pack = try! RulePack.load(path: Paths.repository + "/RulePacks/examples/raters/pack.json")
  static let subjectsPath = Paths.repository + "/Examples/data/raters-subjects.csv"
  static let formsPath = Paths.repository + "/Examples/data/raters-forms.csv"

  /// The forms of the sample file as library values, by subject id (the first column), in file order.
  static func sampleForms() throws -> [String: [RaterForm]] {
    let text = try #require(Paths.read(formsPath))
    var lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    let header = lines.removeFirst()
    var forms: [String: [RaterForm]] = [:]
    for cells in lines {
      var form = RaterForm()
      for (key, cell) in zip(header, cells) where !cell.isEmpty {
        switch key {
        case "编号": continue
        case "表号": form.number = cell
        case "评议人": form.rater = cell
        case "类别": form.group = cell
        case "废票": form.spoiled = cell == "是"
        default: form.marks[key] = ExactDecimal(cell).map(InputValue.number) ?? .text(cell)
        }
      }
      forms[cells[0], default: []].append(form)
    }
    return forms
  }

  static func subjects() throws -> [AssessmentInput] {
    let forms = try sampleForms()
    return [("GB001", 15), ("GB002", 16), ("GB003", 20)].map { id, due in
      AssessmentInput(subject: Subject(id: id), values: ["应到人数": .number(ExactDecimal(due))], forms: forms[id])
    }
  }

  /// The library's assessment from forms given as values: the worked example of the pack's first test, with the
  /// trimmed averages, the median and the void forms in its explanation.
  @Test func formsGivenAsValuesScoreTheWorkedExample() throws {
    let input = try #require(try Self.subjects().first)
    let assessment = try Self.pack.assess(input)
    #expect(assessment.total == ExactDecimal(exactText: "86.92"))
    #expect(assessment.grade == "称职")
    let lines = assessment.trace.map(\.message)
    #expect(lines.contains { $0.hasPrefix("测评表 13 份：计入 10 份，无效 3 份（表 8：标记为废票；表 12：空白票；表 13：无效票，") })
    // 德, per group: the highest and the lowest dropped, the rest averaged; weighted 30/40/30.
    let de = try #require(lines.first { $0.hasPrefix("德：") })
    #expect(de.contains("领导班子成员：打分 95、90、80（由高到低），去掉最高分 95、最低分 80 后平均 90 / 1 = 90 × 30%"))
    #expect(de.contains("中层干部：打分 92、88、85、70（由高到低），去掉最高分 92、最低分 70 后平均 173 / 2 = 86.5 × 40%"))
    #expect(de.contains("党员群众：打分 90、86、60（由高到低），去掉最高分 90、最低分 60 后平均 86 / 1 = 86 × 30%"))
    #expect(de.hasSuffix("→ 德分 = 87.4"))
    #expect(lines.contains("绩（领导班子成员评价）：领导班子成员：打分 92、88、85（由高到低），3 份的中位数（第 2 个）= 88 → 绩分 = 88"))
  }

  /// One rater, one form per subject: a second form of the same rater rejects the subject, naming both forms.
  @Test func aRepeatedRaterRejectsTheSubject() throws {
    var input = try #require(try Self.subjects().first)
    var repeated = input.forms![1]
    repeated.number = "99"
    input.forms!.append(repeated)
    #expect {
      try Self.pack.assess(input)
    } throws: { error in
      (error as? AssessmentError)?.message
        == "rater form 表 99: the rater 'R02' already gave 表 2 for this subject; a rater gives one form per subject: remove the repeated form, or correct its rater"
        && (error as? AssessmentError)?.detail.text(in: .chinese)
          == "测评表 表 99：评议人“R02”已为该对象交过表 2；每位评议人对每个对象只交一张测评表：请删去重复的测评表，或改正其评议人"
    }
    // Anonymous forms are not checked: the same marks twice are two raters.
    var anonymous = try #require(try Self.subjects().first)
    anonymous.forms = anonymous.forms!.map { form in
      var form = form
      form.rater = nil
      return form
    }
    #expect(try Self.pack.assess(anonymous).total == ExactDecimal(exactText: "86.92"))
  }

  /// A pack scoring from forms rejects a subject given none, saying where they go; `[]` is no form at all.
  @Test func aSubjectWithoutFormsIsRejected() throws {
    let input = AssessmentInput(subject: Subject(id: "x"), values: ["应到人数": .number(10)])
    #expect {
      try Self.pack.assess(input)
    } throws: { error in
      (error as? AssessmentError)?.message.contains("none are given; give them in a forms file (pbk evaluate --forms)") == true
    }
    // No form at all: nobody attended, below the quorum: void, not an error.
    var none = input
    none.forms = []
    #expect(try Self.pack.assess(none).voidReason == "实到人数（按收回的测评表计） 0 人，不足应到人数 10 人的 2/3，民主测评无效")
  }

  /// A forms file beside a CSV of subjects: every form counted or void, the same results as the forms given as values.
  @Test func aFormsFileScoresTheSampleSubjects() throws {
    var batch = BatchEvaluator(pack: Self.pack)
    batch.forms = .file(Self.formsPath)
    var results: [Assessment] = []
    let summary = try batch.assessments(from: .file(Self.subjectsPath)) { results.append(try $0.get()) }
    #expect(summary.counts.read == 3 && summary.counts.assessed == 3)
    #expect(summary.forms == FormCounts(read: 41, counted: 38, void: 3, rejected: 0))
    #expect(results.map(\.total) == ["86.92", "84.22", "69.08"].map { ExactDecimal(exactText: $0)! })
    let fromValues = try Self.subjects().map { try Self.pack.assess($0, explain: false) }
    #expect(results.map(\.total) == fromValues.map(\.total))
    #expect(results.map(\.grade) == fromValues.map(\.grade))
    #expect(results.map { $0.vetoes.map(\.id) } == fromValues.map { $0.vetoes.map(\.id) })
  }

  /// The same subjects and forms in every lane and format: a CSV with a forms file (CSV, JSON Lines, a JSON list, a
  /// workbook), JSON subjects each with its "forms" array, in-memory subjects; with one thread and many, any block
  /// size.
  @Test(arguments: [1, 4])
  func everyLaneGivesTheSameResults(_ threads: Int) throws {
    var options = BatchOptions()
    options.threads = threads
    options.blockSize = 2
    func run(_ input: RecordInput, forms: RecordInput?) throws -> ([String], FormCounts?) {
      var batch = BatchEvaluator(pack: Self.pack, options: options)
      batch.forms = forms
      var words: [String] = []
      let summary = try batch.assessments(from: input) { outcome in
        switch outcome {
        case .success(let a): words.append("\(a.subject.id) \(a.total) \(a.grade ?? "-") \(a.vetoes.map(\.id))")
        case .failure(let error): words.append(error.message)
        }
      }
      return (words, summary.forms)
    }
    let expected = try run(.file(Self.subjectsPath), forms: .file(Self.formsPath))
    #expect(expected.0.count == 3)
    // The forms file as JSON Lines and as a JSON list.
    let forms = try Self.sampleForms()
    func formObject(_ id: String?, _ form: RaterForm) -> String {
      var members: [String] = []
      if let id { members.append("\"编号\": \"\(id)\"") }
      if let number = form.number { members.append("\"表号\": \"\(number)\"") }
      if let rater = form.rater { members.append("\"评议人\": \"\(rater)\"") }
      if let group = form.group { members.append("\"类别\": \"\(group)\"") }
      if form.spoiled { members.append("\"废票\": true") }
      for (key, value) in form.marks.sorted(by: { $0.key < $1.key }) {
        switch value {
        case .number(let number): members.append("\"\(key)\": \(number)")
        default: members.append("\"\(key)\": \"\(value)\"")
        }
      }
      return "{" + members.joined(separator: ", ") + "}"
    }
    let ids = ["GB001", "GB002", "GB003"]
    let lines = ids.flatMap { id in forms[id]!.map { formObject(id, $0) } }
    let jsonl = try run(
      .file(Self.subjectsPath), forms: .bytes(Array(lines.joined(separator: "\n").utf8), format: .jsonLines, name: "f.jsonl"))
    #expect(jsonl.0 == expected.0 && jsonl.1 == expected.1)
    let list = try run(
      .file(Self.subjectsPath), forms: .bytes(Array("[\(lines.joined(separator: ",\n"))]".utf8), format: .json, name: "f.json"))
    #expect(list.0 == expected.0 && list.1 == expected.1)
    // The forms file as a workbook (numbers as numbers, text inline).
    let csv = try #require(Paths.read(Self.formsPath))
    var rowsXML = ""
    for (rowIndex, line) in csv.split(separator: "\n").enumerated() {
      rowsXML += "<row r=\"\(rowIndex + 1)\">"
      for (column, cell) in line.split(separator: ",", omittingEmptySubsequences: false).enumerated() where !cell.isEmpty {
        let reference = "\(Character(UnicodeScalar(UInt8(65 + column))))\(rowIndex + 1)"
        if rowIndex > 0, column >= 5, Double(cell) != nil {
          rowsXML += "<c r=\"\(reference)\"><v>\(cell)</v></c>"
        } else {
          rowsXML += "<c r=\"\(reference)\" t=\"inlineStr\"><is><t>\(cell)</t></is></c>"
        }
      }
      rowsXML += "</row>"
    }
    let workbook = try run(
      .file(Self.subjectsPath), forms: .bytes(try TestWorkbook.bytes(rows: rowsXML), format: .xlsx, name: "f.xlsx"))
    #expect(workbook.0 == expected.0 && workbook.1 == expected.1)
    // JSON subjects, each with its own forms.
    let dues = ["GB001": 15, "GB002": 16, "GB003": 20]
    let subjects = ids.map { id in
      "{\"id\": \"\(id)\", \"应到人数\": \(dues[id]!), \"forms\": [\(forms[id]!.map { formObject(nil, $0) }.joined(separator: ", "))]}"
    }
    let inline = try run(.bytes(Array("[\(subjects.joined(separator: ",\n"))]".utf8), format: .json, name: "s.json"), forms: nil)
    #expect(inline.0 == expected.0 && inline.1 == expected.1)
    let inlineLines = try run(.bytes(Array(subjects.joined(separator: "\n").utf8), format: .jsonLines, name: "s.jsonl"), forms: nil)
    #expect(inlineLines.0 == expected.0 && inlineLines.1 == expected.1)
    // Subjects in memory.
    var memory: [String] = []
    let summary = try BatchEvaluator(pack: Self.pack, options: options).assessments(of: try Self.subjects()) { outcome in
      let a = try outcome.get()
      memory.append("\(a.subject.id) \(a.total) \(a.grade ?? "-") \(a.vetoes.map(\.id))")
    }
    #expect(memory == expected.0)
    #expect(summary.forms == expected.1)
  }

  /// Every form ends counted, void or rejected (`read == counted + void + rejected`): a form of a subject not in the
  /// input and a row that cannot be read are rejected with their file and line; the forms of a subject rejected for
  /// another reason, and of a repeated subject id, are rejected with it; a repeated rater rejects its subject.
  @Test func everyFormIsAccountedFor() throws {
    var forms = try #require(Paths.read(Self.formsPath))
    let headerAndGB001 = forms.split(separator: "\n").prefix(14).joined(separator: "\n") + "\n"
    forms = headerAndGB001
      + "GB009,1,R01,领导,,90,90,90,90,90,优秀\n"  // line 15: no such subject
      + "GB001,14,R14,群众,,90,90\n"  // line 16: too few cells
      + "GB002,1,R01,领导,,80,80,80,80,80,称职\n"  // GB002: rejected (its 应到人数 is not a number)
      + "GB002,2,R02,干部,,80,80,80,,80,称职\n"
    let subjects = "编号,姓名,应到人数\nGB001,张明华,15\nGB002,刘晓燕,很多\nGB001,重复,15\n"
    var batch = BatchEvaluator(pack: Self.pack)
    batch.forms = .bytes(Array(forms.utf8), format: .csv, name: "forms.csv")
    var totals: [String] = []
    var errors: [AssessmentError] = []
    let summary = try batch.assessments(from: .bytes(Array(subjects.utf8), format: .csv, name: "subjects.csv")) { outcome in
      switch outcome {
      case .success(let a): totals.append("\(a.subject.id) \(a.total)")
      case .failure(let error): errors.append(error)
      }
    }
    #expect(totals == ["GB001 86.92"])
    #expect(summary.counts.read == 3 && summary.counts.assessed == 1 && summary.counts.rejected == 2)
    // 17 forms: GB001's 13 (10 counted, 3 void), GB009's, the unreadable row, GB002's two.
    let counts = try #require(summary.forms)
    #expect(counts == FormCounts(read: 17, counted: 10, void: 3, rejected: 4))
    #expect(counts.read == counts.counted + counts.void + counts.rejected)
    let formErrors = errors.filter { $0.code == .rejectedForm }
    #expect(formErrors.count == 2)
    #expect(formErrors.map { "\($0.origin?.file ?? ""):\($0.origin?.line ?? 0)" } == ["forms.csv:15", "forms.csv:16"])
    #expect(formErrors[0].message.hasPrefix("no subject 'GB009' in the input"))
    #expect(formErrors[1].message.contains("the row has 7 fields but the header has 11"))
    #expect(formErrors[0].detail.text(in: .chinese).hasPrefix("输入中没有对象“GB009”"))
    #expect(formErrors[1].detail.text(in: .chinese) == "该行有 7 个字段，而表头有 11 列；请检查是否多了逗号或少了单元格")
    #expect(counts.description == "17 forms: 10 counted, 3 void, 4 rejected")
    #expect(counts.description(in: .chinese) == "测评表 17 份：计入 10 份，无效 3 份，拒绝 4 份")
  }

  /// A subject that gives its own forms while a forms file is given too is rejected: each subject's forms in one place.
  @Test func formsInTwoPlacesRejectTheSubject() throws {
    var batch = BatchEvaluator(pack: Self.pack)
    batch.forms = .file(Self.formsPath)
    let json = #"[{"id": "GB001", "应到人数": 15, "forms": [{"类别": "领导", "德": 90}]}]"#
    var messages: [String] = []
    _ = try batch.assessments(from: .bytes(Array(json.utf8), format: .json, name: "s.json")) { outcome in
      if case .failure(let error) = outcome { messages.append(error.message) }
    }
    #expect(messages.first == "the subject gives its own rater forms, and a forms file is given too; give each subject's forms in one place")
  }

  /// A CSV of subjects cannot carry forms: without a forms file the batch stops before reading, saying what to give;
  /// a forms file for a pack that scores nothing from forms is refused too.
  @Test func aTableOfSubjectsNeedsAFormsFile() throws {
    #expect {
      try BatchEvaluator(pack: Self.pack).assessments(from: .file(Self.subjectsPath)) { _ in }
    } throws: { error in
      (error as? RecordInputError)?.message.contains("give them in a forms file (pbk evaluate --forms FILE)") == true
    }
    let other = try RulePack.load(path: Paths.repository + "/RulePacks/examples/ballots/pack.json")
    var batch = BatchEvaluator(pack: other)
    batch.forms = .file(Self.formsPath)
    #expect {
      try batch.assessments(from: .bytes(Array("[]".utf8), format: .json, name: "s.json")) { _ in }
    } throws: { error in
      (error as? RecordInputError)?.message.contains("scores nothing from rater forms") == true
    }
  }

  /// A forms file whose header names something that is not a field stops the batch at that column.
  @Test func anUnknownColumnIsNamedWithItsPlace() throws {
    var batch = BatchEvaluator(pack: Self.pack)
    batch.forms = .bytes(Array("编号,类别,德,能,勤,绩,廉,总评\n".utf8), format: .csv, name: "forms.csv")
    #expect {
      try batch.assessments(from: .file(Self.subjectsPath)) { _ in }
    } throws: { error in
      (error as? RecordInputError)?.message
        == "forms.csv: line 1, column 8: the column '总评' is not a field of the forms; rename it, or start its header with # to leave it unread"
        && (error as? RecordInputError)?.description(in: .chinese)
          == "forms.csv：第 1 行第 8 列：“总评”列不是测评表的打分项；请改列名，或在列名前加 # 使其不被读取"
    }
  }

  /// What is wrong with a form, or with a forms file, is said in Chinese too, with the same names and places.
  @Test func formProblemsAreWordedInChinese() throws {
    func problem(_ form: RaterForm) throws -> AssessmentError {
      var input = try #require(try Self.subjects().first)
      input.forms = [form]
      do {
        _ = try Self.pack.assess(input)
      } catch {
        return error
      }
      Issue.record("the form was not refused")
      return AssessmentError(code: .invalidValue, message: "")
    }
    let unknownGroup = try problem(RaterForm(group: "领号", marks: ["德": .number(90)], number: "7"))
    #expect(unknownGroup.message == "rater form 表 7: the rater group '领号' is not one of 领导, 干部, 群众; did you mean '领导'?")
    #expect(unknownGroup.detail.text(in: .chinese) == "测评表 表 7：评议人类别“领号”不在 领导、干部、群众 之中（是不是“领导”？）")
    let noGroup = try problem(RaterForm(marks: ["德": .number(90)], number: "8"))
    #expect(noGroup.detail.text(in: .chinese) == "测评表 表 8：测评表没有填评议人类别；请填 领导、干部、群众 之一")
    let unknownField = try problem(RaterForm(group: "领导", marks: ["总评": .number(90)], number: "9"))
    #expect(unknownField.detail.text(in: .chinese).hasPrefix("测评表 表 9：“总评”不是测评表的打分项（德、能、勤、绩、廉、总体评价）"))
    let spoiled = try problem(RaterForm(group: "领导", marks: ["废票": .text("也许")], number: "10"))
    #expect(spoiled.message == "rater form 表 10: the spoiled marker 废票(spoiled) is '也许', but 是/否 (or true/false, 1/0) is expected")
    #expect(spoiled.detail.text(in: .chinese) == "测评表 表 10：废票标记（spoiled）为“也许”，但这里应为 是/否（或 true/false、1/0）")
    // A forms file: its header, a JSON list, a workbook that cannot be read.
    func fileProblem(_ text: String, format: RecordFormat, name: String) throws -> RecordInputError? {
      var batch = BatchEvaluator(pack: Self.pack)
      batch.forms = .bytes(Array(text.utf8), format: format, name: name)
      do {
        _ = try batch.assessments(from: .file(Self.subjectsPath)) { _ in }
      } catch let error as RecordInputError {
        return error
      }
      return nil
    }
    #expect(
      try fileProblem("编号,德,能,勤,绩,廉,总体评价\n", format: .csv, name: "forms.csv")?.description(in: .chinese)
        == "forms.csv：第 1 行第 1 列：没有“类别”（group）列；每张测评表都要填评议人类别（领导、干部、群众）")
    #expect(
      try fileProblem("{\"id\": 1}", format: .json, name: "forms.json")?.description(in: .chinese)
        == "forms.json：应为测评表的列表 [ … ]，但文件中是对象")
    #expect(
      try fileProblem("编号,类别\n", format: .xlsx, name: "forms.xlsx")?.description(in: .chinese)
        .hasPrefix("forms.xlsx：文件不是 Excel 工作簿（.xlsx）；") == true)
  }

  /// A pack that ranks a cohort scores from forms in both of its passes (scoring, then placing), in the library and
  /// in a batch: the forms are given again to the pass that places each subject.
  @Test func aCohortPackScoresFromFormsInBothPasses() throws {
    let text = try #require(Paths.read(Paths.repository + "/RulePacks/examples/raters/pack.json"))
    let cohort = #""cohort": {"labels": [{"id": "先进", "label": "先进", "top": "1/3", "rounding": "down", "ties": "none"}]},"#
    // After the pack's own full marks (the first), not a component's.
    var changed = text
    let place = try #require(changed.range(of: "\"fullMarks\": 100,"))
    changed.replaceSubrange(place, with: "\"fullMarks\": 100,\n " + cohort)
    let pack = try RulePack.load(json: changed)
    let ranked = pack.assessCohort(try Self.subjects(), explain: true).results.map { try? $0.get() }
    #expect(ranked.map { $0?.total } == ["86.92", "84.22", "69.08"].map { ExactDecimal(exactText: $0) })
    #expect(ranked.map { $0?.labels.map(\.id) ?? [] } == [["先进"], [], []])
    var batch = BatchEvaluator(pack: pack)
    batch.forms = .file(Self.formsPath)
    var labels: [[String]] = []
    let summary = try batch.assessments(from: .file(Self.subjectsPath)) { labels.append(try $0.get().labels.map(\.id)) }
    #expect(labels == [["先进"], [], []])
    #expect(summary.forms == FormCounts(read: 41, counted: 38, void: 3, rejected: 0))
  }

  /// A void form says why in the words of the form: a mark out of range, with too many places, not a number, not a
  /// choice; blank and spoiled forms too. Each counts as returned (attended), in no item.
  @Test func voidFormsSayWhy() throws {
    var forms = try #require(try Self.sampleForms()["GB001"]).filter { !$0.spoiled && !$0.marks.isEmpty }
    #expect(forms.count == 11)  // 表 13 (德 105) among them
    forms.append(RaterForm(group: "群众", marks: ["德": .number(ExactDecimal(exactText: "88.25")!)], number: "a"))
    forms.append(RaterForm(group: "群众", marks: ["能": .text("八十")], number: "b"))
    forms.append(RaterForm(group: "群众", marks: ["总体评价": .text("很好")], number: "c"))
    forms.append(RaterForm(group: "群众", marks: [:], number: "d"))
    forms.append(RaterForm(group: "群众", marks: ["德": .number(90)], spoiled: true, number: "e"))
    let input = AssessmentInput(subject: Subject(id: "GB001"), values: ["应到人数": .number(16)], forms: forms)
    let assessment = try Self.pack.assess(input)
    #expect(
      assessment.trace.first?.message
        == "测评表 16 份：计入 10 份，无效 6 份（表 13：无效票，德（政治品德）打分 105，超出 0–100；表 a：无效票，德（政治品德）打分 88.25，超过 1 位小数；表 b：无效票，能（工作能力）填“八十”，不是分数；表 c：无效票，总体评价填“很好”，不是选项（优秀、称职、基本称职、不称职、不了解）之一；表 d：空白票；表 e：标记为废票）")
    // The ten counted forms are those of the worked example: the same total.
    #expect(assessment.total == ExactDecimal(exactText: "86.92"))
  }

  /// With `attended` an input, the forms are checked against it (no more forms than those who attended) and the
  /// quorum reads it; with `returned` an input, the forms given must be exactly those returned.
  @Test func headCountsGivenAsInputsAreCheckedAgainstTheForms() throws {
    let text = try #require(Paths.read(Paths.repository + "/RulePacks/examples/raters/pack.json"))
    func variant(_ validity: String, _ inputs: String) throws -> RulePack {
      var changed = text
      let place = try #require(changed.range(of: "\"due\": \"应到人数\","))
      changed.replaceSubrange(place, with: validity)
      let input = try #require(changed.range(of: "\"inputs\": [\n"))
      changed.replaceSubrange(input, with: "\"inputs\": [\n" + inputs)
      return try RulePack.load(json: changed)
    }
    let count = #"{"id": "%@", "type": "integer", "min": 0, "max": 1000, "required": true},"#
    let attendedPack = try variant(
      #""due": "应到人数", "attended": "实到人数","#, count.replacingOccurrences(of: "%@", with: "实到人数"))
    var input = try #require(try Self.subjects().first)  // 13 forms, 应到 15
    input.values["实到人数"] = .number(12)
    #expect {
      try attendedPack.assess(input)
    } throws: { error in
      (error as? AssessmentError)?.message
        == "13 rater forms (测评表) are given, more than the 12 who attended (实到人数(实到人数)); check the forms and the count"
    }
    input.values["实到人数"] = .number(14)
    #expect(try attendedPack.assess(input).total == ExactDecimal(exactText: "86.92"))
    // 实到 9 would be below the quorum, but 13 forms contradict it: the counts are checked first, the subject rejected.
    input.values["实到人数"] = .number(9)
    #expect {
      try attendedPack.assess(input)
    } throws: { error in (error as? AssessmentError)?.message.contains("more than the 9 who attended") == true }
    let returnedPack = try variant(
      #""due": "应到人数", "issued": "发出票数", "returned": "收回票数","#,
      count.replacingOccurrences(of: "%@", with: "发出票数") + count.replacingOccurrences(of: "%@", with: "收回票数"))
    var returned = try #require(try Self.subjects().first)
    returned.values["发出票数"] = .number(15)
    returned.values["收回票数"] = .number(14)
    #expect {
      try returnedPack.assess(returned)
    } throws: { error in
      (error as? AssessmentError)?.message
        == "13 rater forms (测评表) are given, but 收回票数(收回票数) is 14; give every form returned — blank and spoiled ones too — or correct the count"
    }
    returned.values["收回票数"] = .number(13)
    #expect(try returnedPack.assess(returned).total == ExactDecimal(exactText: "86.92"))
  }
}
