import SeededRandom
import Testing

@testable import PartyBuildingKit

/// Every lane gives the same results, the same rejected rows with the same messages and the same counts, for any
/// input: CSV, JSON, JSON Lines and table output and the library's assessments, with any number of threads and any
/// block size. 200+ seeded files of 50 records each, with every malformed class: bytes that are not UTF-8, lone CR
/// and mixed line ends, unbalanced quotes, wrong field counts, out-of-range and non-numeric values, repeated ids,
/// blank lines, empty and header-only files.
@Suite struct LaneAgreementTests {
  static let memberPoints = try! RulePack.load(path: Paths.repository + "/RulePacks/member-points/pack.json")
  static let cohort = try! RulePack.load(path: Paths.repository + "/RulePacks/examples/cohort/pack.json")
  /// Checks across inputs, numeric outcomes, a computed start and a bonus without a cap.
  static let creditPoints = try! RulePack.load(path: Paths.repository + "/RulePacks/examples/credit-points/pack.json")
  /// Inputs and components for a class of subject (`appliesTo`).
  static let appliesTo = try! RulePack.load(path: Paths.repository + "/RulePacks/examples/applies-to/pack.json")
  /// Head counts per 乡镇 (one group's its own), `alsoWhen`, a fill-up to a share, consequences that follow from labels,
  /// quotas by head count and over several grades.
  static let cohortCounts = try! RulePack.load(path: Paths.repository + "/RulePacks/examples/cohort-counts/pack.json")
  /// Periods counted at most `maxPerPeriod` each, a missing period as 0 and a part named directly by a consequence.
  static let periodCaps = try! RulePack.load(path: Paths.repository + "/RulePacks/examples/period-caps/pack.json")

  /// A seeded CSV file for `pack`, with malformed records mixed in.
  /// With `rareTrue`, a yes/no cell is seldom yes (the head-count example's 书记空缺, so that the fill-up is needed).
  static func file(_ seed: UInt64, pack: RulePack, rareTrue: Bool = false) -> [UInt8] {
    var random = SplitMix64(seed: seed)
    func chance(_ n: Int) -> Bool { random.next(below: n) == 0 }
    let inputs = pack.info.inputs
    if chance(40) { return [] }  // an empty file
    var header = ["编号", "姓名"]
    if pack.hasCohort { header.append("上级") }
    header += inputs.map { chance(2) ? $0.id : $0.label }
    header.append("#备注")
    let lineEnd = ["\n", "\r\n", "\r"][random.next(below: 3)]
    var text = (chance(3) ? "\u{FEFF}" : "") + header.joined(separator: ",") + lineEnd
    if chance(40) { return Array(text.utf8) }  // a header alone
    var bytes = Array(text.utf8)
    text = ""
    for index in 0..<50 {
      var cells = ["S\(seed % 1000)-\(chance(15) ? random.next(below: 5) : index)", ["张三", "李四", "\"王,五\"", "=HYPERLINK(1)", "-赵六", ""][random.next(below: 6)]]
      if pack.hasCohort { cells.append(["甲镇", "乙镇", ""][random.next(below: 3)]) }
      for (inputIndex, input) in inputs.enumerated() {
        // An input for a class of subject is left empty half the time (given outside its class, it is rejected).
        if pack.program.inputs[inputIndex].appliesTo != nil, chance(2) {
          cells.append("")
          continue
        }
        switch input.type {
        case .number, .integer:
          let high = input.maximum ?? 100
          let value = ExactDecimal(random.next(below: (high.intValue ?? 100) + 1))
          switch random.next(below: 30) {
          case 0: cells.append("abc")
          case 1: cells.append("\(high + 1)")
          case 2: cells.append("")
          case 3: cells.append(" \(value) ")
          case 4: cells.append(input.type == .number ? "\(value).5" : "\(value).5")
          case 5: cells.append("\"\(value)\"")
          default: cells.append("\(value)")
          }
        case .boolean:
          let choices = rareTrue ? ["是", "maybe", ""] + Array(repeating: "否", count: 11) : ["是", "否", "true", "0", "yes", "maybe", ""]
          cells.append(choices[random.next(below: choices.count)])
        case .choice:
          let choices = input.choices + ["不存在", ""]
          cells.append(choices[random.next(below: choices.count)])
        }
      }
      cells.append(chance(5) ? "\"多行\n备注\"" : "备注\(index)")
      switch random.next(below: 40) {
      case 0: cells.removeLast()  // too few fields
      case 1: cells.append("多余")  // too many
      case 2: cells[1] = "他说\"好\""  // a quote inside an unquoted cell
      case 3: cells[1] = "\"未闭合"  // a quote never closed
      case 4: cells[0] = ""  // no id
      default: break
      }
      var line = Array(cells.joined(separator: ",").utf8)
      if chance(45) { line.insert(0xFF, at: line.count / 2) }  // a byte that is not UTF-8
      bytes += line
      bytes += Array((chance(25) ? ["\n", "\r\n", "\r"][random.next(below: 3)] : lineEnd).utf8)
      if chance(30) { bytes += Array(lineEnd.utf8) }  // a blank line
    }
    return bytes
  }

  /// What one lane reports: each accepted subject's result in words, each rejected record's message, the counts.
  struct Report: Equatable {
    var results: [String] = []
    var errors: [String] = []
    var counts = BatchCounts()
  }

  /// The result of a subject as the columns show it: id, total, grade, stars, vetoes and consequences (and rank and
  /// labels for a cohort).
  static func words(
    id: String, total: String, grade: String, stars: String, vetoes: String, consequences: String, outcomes: [String],
    cohort: String
  ) -> String {
    // Outcomes compare by value (1.10 and 1.1 are the same number).
    let values = outcomes.map { ExactDecimal($0).map { "\($0.normalized())" } ?? $0 }
    return "\(id)|\(total)|\(grade)|\(stars)|\(vetoes)|\(consequences)|\(values.joined(separator: ","))|\(cohort)"
  }

  static func viaAssessments(_ pack: RulePack, _ input: RecordInput, _ options: BatchOptions) throws -> Report {
    var report = Report()
    let summary = try BatchEvaluator(pack: pack, options: options).assessments(from: input) { outcome in
      switch outcome {
      case .success(let a):
        report.results.append(
          words(
            id: a.subject.id, total: a.voidReason == nil ? a.total.formatted(places: pack.precision, rule: pack.rounding) : "无效",
            grade: a.grade ?? "不定等次", stars: a.stars.map(String.init) ?? "",
            vetoes: a.vetoes.map { "\($0.label)（\($0.effect)）" }.joined(separator: "；"),
            consequences: a.consequences.map(\.label).joined(separator: "；"),
            outcomes: a.voidReason == nil ? a.outcomes.map { "\($0.value)" } : [],
            cohort: pack.hasCohort ? "\(a.rank.map(String.init) ?? "不排名")/\(a.cohortSize.map(String.init) ?? "")/\(a.labels.map(\.id))" : ""))
      case .failure(let error): report.errors.append(error.description)
      }
    }
    report.counts = summary.counts
    return report
  }

  /// The words of a row of the result columns (CSV cells or table cells).
  static func words(row: [String], header: [String], pack: RulePack) -> String {
    func cell(_ name: String) -> String {
      guard let index = header.firstIndex(of: name) else { return "" }
      let text = row[index]
      return text.hasPrefix("'") ? String(text.dropFirst()) : text
    }
    let labelIDs = cell("标签").split(separator: "；").compactMap { label -> String? in
      pack.cohortLabelNames.first { label.hasPrefix($0.label + "（") }?.id
    }
    return words(
      id: cell("编号"), total: cell("总分"), grade: pack.grades.isEmpty ? "不定等次" : cell("等次"), stars: cell("星级"),
      vetoes: cell("一票否决"), consequences: cell("后果"),
      outcomes: pack.program.outcomes.map { cell($0.label) }.filter { !$0.isEmpty },
      cohort: pack.hasCohort ? "\(cell("排名"))/\(cell("参评数"))/\(labelIDs)" : "")
  }

  static func viaCSV(_ pack: RulePack, _ input: RecordInput, _ options: BatchOptions) throws -> Report {
    var report = Report()
    var bytes: [UInt8] = []
    let summary = try BatchEvaluator(pack: pack, options: options).write(
      input, as: .csv, write: { bytes += $0 }, reject: { report.errors.append($0.description) })
    let rows = CSVTokenizer().readAll(bytes).compactMap { outcome -> [String]? in
      if case .record(let cells, _) = outcome { return cells }
      return nil
    }
    if let header = rows.first {
      report.results = rows.dropFirst().map { words(row: $0, header: header, pack: pack) }
    }
    report.counts = summary.counts
    return report
  }

  static func viaTable(_ pack: RulePack, _ input: RecordInput, _ options: BatchOptions) throws -> Report {
    var report = Report()
    var rows: [[String]] = []
    let summary = try BatchEvaluator(pack: pack, options: options).cells(input, reject: { report.errors.append($0.description) }) {
      rows.append($0.map(\.text))
    }
    report.results = rows.dropFirst().map { words(row: $0, header: rows[0], pack: pack) }
    report.counts = summary.counts
    return report
  }

  static func viaJSON(_ pack: RulePack, _ input: RecordInput, _ options: BatchOptions, lines: Bool) throws -> Report {
    var report = Report()
    var bytes: [UInt8] = []
    let summary = try BatchEvaluator(pack: pack, options: options).write(
      input, as: lines ? .jsonLines : .json, write: { bytes += $0 }, reject: { report.errors.append($0.description) })
    let objects: [JSONValue]
    if lines {
      objects = try bytes.split(separator: 0x0A).map { try JSONParser.parse(Array($0)) }
    } else {
      guard case .array(let items) = try JSONParser.parse(bytes).content else { throw RecordInputError(message: "not an array") }
      objects = items
    }
    for object in objects {
      guard case .object(let members) = object.content else { continue }
      func text(_ key: String) -> String {
        guard let value = members.members.first(where: { $0.key == key })?.value else { return "" }
        switch value.content {
        case .string(let text): return text
        case .number(let text): return text
        case .null: return key == "grade" ? "不定等次" : ""
        default: return ""
        }
      }
      func list(_ key: String, _ render: (ObjectValueView) -> String) -> String {
        guard let value = members.members.first(where: { $0.key == key })?.value, case .array(let items) = value.content else { return "" }
        return items.compactMap { item -> String? in
          guard case .object(let fields) = item.content else { return nil }
          return render(ObjectValueView(fields: fields))
        }.joined(separator: "；")
      }
      let void = members.members.contains { $0.key == "voidReason" }
      let subject = members.members.first { $0.key == "subject" }.flatMap { member -> JSONObject? in
        if case .object(let fields) = member.value.content { return fields }
        return nil
      }
      let labels = list("labels") { $0["id"] }.split(separator: "；").map(String.init)
      report.results.append(
        words(
          id: subject.map { ObjectValueView(fields: $0)["id"] } ?? "", total: void ? "无效" : text("total"),
          grade: pack.grades.isEmpty ? "不定等次" : (text("grade").isEmpty ? "不定等次" : text("grade")),
          stars: text("stars"), vetoes: list("vetoes") { "\($0["label"])（\($0["effect"])）" },
          consequences: list("consequences") { $0["label"] },
          outcomes: list("outcomes") { $0["value"] }.split(separator: "；").map(String.init),
          cohort: pack.hasCohort ? "\(text("rank").isEmpty ? "不排名" : text("rank"))/\(text("cohortSize"))/\(labels.isEmpty ? [] : labels)" : ""))
    }
    report.counts = summary.counts
    return report
  }

  /// Fields of a JSON object by key, as text.
  struct ObjectValueView {
    let fields: JSONObject
    subscript(_ key: String) -> String {
      guard let value = fields.members.first(where: { $0.key == key })?.value else { return "" }
      if case .string(let text) = value.content { return text }
      if case .number(let text) = value.content { return text }
      return ""
    }
  }

  static let seeds = Array(UInt64(1)...110)

  @Test(arguments: seeds)
  func everyLaneReportsTheSame(_ seed: UInt64) throws {
    for (index, pack) in [
      Self.memberPoints, Self.cohort, Self.cohortCounts, Self.creditPoints, Self.periodCaps, Self.appliesTo,
    ].enumerated() {
      let bytes = Self.file(seed &* 7919 &+ UInt64(index), pack: pack, rareTrue: index == 2)
      let input = RecordInput.bytes(bytes, format: .csv, name: "s\(seed).csv")
      let reference: Report
      do {
        reference = try Self.viaAssessments(pack, input, BatchOptions(threads: 1))
      } catch let error as RecordInputError {
        // A file that cannot be read at all (empty, a bad header) is refused the same way by every lane.
        for options in [BatchOptions(threads: 2, blockSize: 64)] {
          #expect(throws: error) { try Self.viaCSV(pack, input, options) }
          #expect(throws: error) { try Self.viaTable(pack, input, options) }
        }
        continue
      }
      // Every record is accounted for.
      #expect(reference.counts.read == reference.counts.assessed + reference.counts.rejected)
      #expect(reference.results.count == reference.counts.assessed)
      #expect(reference.errors.count == reference.counts.rejected)
      // Each file with other threads and block sizes (blocks of 64 bytes cut nearly every record apart).
      let option = [
        BatchOptions(threads: 2, blockSize: 64), BatchOptions(threads: 3, blockSize: 257),
        BatchOptions(threads: 2, blockSize: 1 << 20), BatchOptions(threads: 1, blockSize: 100),
      ][Int(seed % 4)]
      do {
        #expect(try Self.viaAssessments(pack, input, option) == reference, "seed \(seed), \(option)")
        #expect(try Self.viaCSV(pack, input, option) == reference, "seed \(seed), CSV, \(option)")
        #expect(try Self.viaTable(pack, input, option) == reference, "seed \(seed), table, \(option)")
        #expect(try Self.viaJSON(pack, input, option, lines: false) == reference, "seed \(seed), JSON, \(option)")
        #expect(try Self.viaJSON(pack, input, option, lines: true) == reference, "seed \(seed), JSON Lines, \(option)")
      }
      // The library's own path (facts by id, assess) agrees with the lane on every subject the lane accepted.
      if !pack.hasCohort {
        var viaAssess: [String: String] = [:]
        for input in TestInputs.csv(bytes: bytes, name: "s\(seed).csv", pack: pack) {
          // The first subject of an id is the one scored; a repeat is rejected.
          if viaAssess[input.subject.id] == nil, let a = try? pack.assess(input, explain: false) {
            viaAssess[a.subject.id] = a.total.formatted(places: pack.precision, rule: pack.rounding)
          } else if viaAssess[input.subject.id] == nil {
            viaAssess[input.subject.id] = "rejected"
          }
        }
        for result in reference.results {
          let parts = result.split(separator: "|", omittingEmptySubsequences: false)
          #expect(viaAssess[String(parts[0])] == String(parts[1]), "seed \(seed): \(result)")
        }
      }
    }
  }

  /// A quote never closed within the longest record allowed is rejected for that reason however the lane cuts the
  /// input into blocks (a cut at the end of such a record is not the end of the input; found by the csv fuzz target).
  @Test func aQuoteRunningPastTheLimitIsRejectedAlikeInEveryBlockSize() throws {
    // Past the first 64 KiB (read whole to decide the encoding), so that the lane cuts blocks where it reads on; the
    // line after the quote's is long, so that a block may end just after the quote's line.
    let rows = (1...700).map { "B\($0),\(String(repeating: "乙", count: 32))\n" }.joined()
    let text = "id,name\n" + rows + "A2,\"乙\n" + String(repeating: "x", count: 300) + "\n" + rows.replacing("B", with: "C")
    let input = RecordInput.bytes(Array(text.utf8), format: .csv, name: "quote.csv")
    // A cohort pack reads its blocks twice (ranks first, results after).
    for pack in [Self.memberPoints, Self.cohort] {
      let reference = try Self.viaAssessments(pack, input, BatchOptions(threads: 1, maxRecordBytes: 64))
      #expect(reference.errors.contains { $0.contains("longer than 64 bytes") }, "\(reference.errors)")
      for blockSize in [64, 100, 128, 257] {
        let options = BatchOptions(threads: 1 + blockSize % 2, blockSize: blockSize, maxRecordBytes: 64)
        #expect(try Self.viaAssessments(pack, input, options) == reference, "\(pack.file), \(options)")
        #expect(try Self.viaCSV(pack, input, options) == reference, "\(pack.file), CSV, \(options)")
      }
    }
  }

  /// The lane files for the head-count example give every kind of label and every consequence by label somewhere, so
  /// that `everyLaneReportsTheSame` compares them; the batch lane's words are the ones `assessCohort` gives.
  @Test func theHeadCountFilesExerciseEveryLabelAndConsequence() throws {
    var reasons = Set<String>()
    var consequences = Set<String>()
    for seed in Self.seeds {
      let bytes = Self.file(seed &* 7919 &+ 2, pack: Self.cohortCounts, rareTrue: true)
      let input = RecordInput.bytes(bytes, format: .csv, name: "s\(seed).csv")
      guard
        (try? BatchEvaluator(pack: Self.cohortCounts, options: BatchOptions(threads: 2, blockSize: 64)).assessments(from: input, { outcome in
          guard case .success(let assessment) = outcome else { return }
          for label in assessment.labels {
            let kind =
              label.reason.contains("补足至") ? "fill" : label.reason.contains("不论排名") ? "alsoWhen" : label.reason.hasPrefix("倒数 2 名：上级“乙镇”") ? "乙镇" : "rank"
            reasons.insert("\(label.id)/\(kind)")
          }
          for consequence in assessment.consequences { consequences.insert("\(consequence.id)/\(consequence.reason)") }
        })) != nil
      else { continue }
    }
    #expect(reasons.isSuperset(of: ["整顿/fill", "整顿/alsoWhen", "整顿/乙镇", "整顿/rank", "先进/rank"]), "\(reasons.sorted())")
    #expect(
      consequences.isSuperset(of: [
        "整顿名单/vacant", "整顿名单/标签：软弱涣散整顿对象", "不得评先/标签：软弱涣散整顿对象", "不得评先/等次为较差", "表扬/标签：先进村党组织",
      ]), "\(consequences.sorted())")
  }

  @Test func theFilesCoverEnoughRecordsAndEveryClass() throws {
    var records = 0
    var rejected = 0
    var messages = Set<String>()
    for seed in Self.seeds {
      for pack in [Self.memberPoints, Self.cohort] {
        let input = RecordInput.bytes(Self.file(seed &* 7919 &+ (pack.hasCohort ? 1 : 0), pack: pack), format: .csv, name: "x.csv")
        guard let report = try? Self.viaAssessments(pack, input, BatchOptions(threads: 1)) else { continue }
        records += report.counts.read
        rejected += report.counts.rejected
        for error in report.errors {
          for key in ["not UTF-8", "never closed", "a quote inside", "fields but the header", "appears again", "no id", "above the most", "not a number", "whole number", "not one of the choices"]
          where error.contains(key) {
            messages.insert(key)
          }
        }
      }
    }
    #expect(Self.seeds.count * 2 >= 200)
    #expect(records >= 10_000, "\(records) records")
    #expect(messages.count == 10, "classes seen: \(messages.sorted())")
    #expect(rejected > 100)
  }

  /// The files for the `appliesTo` example give subjects of every class, scored, and values outside their class,
  /// rejected, so that `everyLaneReportsTheSame` compares both.
  @Test func theClassFilesScoreAndRejectByClass() throws {
    var assessed = 0
    var outsideClass = 0
    let index = UInt64(5)  // the example's place in everyLaneReportsTheSame
    for seed in Self.seeds {
      let input = RecordInput.bytes(Self.file(seed &* 7919 &+ index, pack: Self.appliesTo), format: .csv, name: "x.csv")
      guard let report = try? Self.viaAssessments(Self.appliesTo, input, BatchOptions(threads: 1)) else { continue }
      assessed += report.counts.assessed
      outsideClass += report.errors.count { $0.contains("applies only when") }
    }
    #expect(assessed > 200, "\(assessed) assessed")
    #expect(outsideClass > 200, "\(outsideClass) rejected outside their class")
  }
}
