/// One rater's form (测评表) for one subject: the rater's group, a mark per field (a score, or a choice on a scale),
/// and whether the counters marked it spoiled (废票). A pack's ballot items `"from": "forms"` are scored from a
/// subject's forms (``AssessmentInput/forms``): each mark is read by the one conversion every cell goes through and
/// checked against its field's range; a form is then counted, or void with its reason (blank, spoiled, a mark that
/// cannot be read or is out of range), and the items are aggregated per rater group.
///
/// An embedder gives each subject its forms:
///
///     let forms = [
///       RaterForm(group: "领导", marks: ["德": .number(95), "总体评价": .text("优秀")], number: "1", rater: "R01"),
///       RaterForm(group: "群众", spoiled: true, number: "2"),
///     ]
///     let input = AssessmentInput(subject: Subject(id: "GB001"), values: ["应到人数": .number(15)], forms: forms)
///     let assessment = try pack.assess(input)
///
/// In a batch, ``BatchEvaluator/forms`` names a forms file instead (one form per row, each naming its subject), and
/// ``BatchEvaluator/Summary/forms`` says what became of every form; ``PackScorer/setForms(_:)`` sets them in the
/// hot loop. Marks are keyed by field id or label; keys the pack does not know reject the subject.
public struct RaterForm: Sendable, Hashable, Codable {
  /// The rater group, by its id or its label (e.g. "党员"); nil when the pack declares no groups.
  public var group: String?
  /// The marks, by field id (or label): a number, or a choice's text. A field left out (or empty text) is not marked.
  public var marks: [String: InputValue]
  /// Whether the form was marked spoiled (废票) when it was counted.
  public var spoiled: Bool
  /// The form's own number (表号), when it has one; the explanation names a form by it.
  public var number: String?
  /// Who filled it in (评议人), when the forms say: a code or a name. One rater gives one form per subject: a second
  /// form of the same rater for the same subject rejects the subject (naming both forms), since which of the two
  /// counts cannot be told. Nil: anonymous forms, not checked.
  public var rater: String?
  /// Where the form was read, when it comes from a file.
  public var origin: InputOrigin?

  /// A form of `group` with these marks.
  public init(
    group: String? = nil, marks: [String: InputValue] = [:], spoiled: Bool = false, number: String? = nil,
    rater: String? = nil, origin: InputOrigin? = nil
  ) {
    self.rater = rater
    self.group = group
    self.marks = marks
    self.spoiled = spoiled
    self.number = number
    self.origin = origin
  }
}

extension AssessmentError.Code {
  /// A rater form that belongs to no subject that was scored (its subject is not in the input), or a row of a forms
  /// file that cannot be read: the form is rejected on its own, with its row.
  public static let rejectedForm = AssessmentError.Code(rawValue: "rejectedForm")
}

/// How many rater forms a batch read, and what became of each: `read == counted + void + rejected`, always.
public struct FormCounts: Sendable, Hashable, CustomStringConvertible {
  /// Every form read: from the forms file, or in the subjects' `"forms"` arrays.
  public var read = 0
  /// Forms counted for an assessed subject (their marks are in its items).
  public var counted = 0
  /// Forms of an assessed subject that are void (blank, spoiled, a mark that cannot be read or is out of range),
  /// each listed with its reason in the subject's explanation.
  public var void = 0
  /// Forms rejected: of a subject that was rejected, of no subject in the input, or a row that cannot be read.
  public var rejected = 0

  /// Counts to start from (all zero by default).
  public init(read: Int = 0, counted: Int = 0, void: Int = 0, rejected: Int = 0) {
    self.read = read
    self.counted = counted
    self.void = void
    self.rejected = rejected
  }

  /// As `pbk` prints them: `120 forms: 112 counted, 6 void, 2 rejected`.
  public var description: String { description(in: .english) }

  /// The counts in `language`: `120 forms: 112 counted, 6 void, 2 rejected`, or `测评表 120 份：计入 112 份，…`.
  public func description(in language: Language) -> String {
    Message(.formCountsSummary, read, counted, void, rejected).text(in: language)
  }
}

/// Rater forms checked against a pack's forms, end to end: each form's marks as slot values, its group and what it
/// is (counted, void with its reason, or a problem that rejects its subject). One table holds a forms file (grouped
/// by subject), or — reused from subject to subject — one subject's forms.
final class FormTable: @unchecked Sendable {
  enum Status: UInt8 {
    case counted, blank, spoiled, invalid
    /// The form cannot be read as a form of this pack (an unknown group, key or marker): its subject is rejected.
    case problem
  }
  let forms: CompiledForms
  let fieldCount: Int
  /// Form × field: the mark's slot value, and whether it is given.
  private(set) var marks: [ExactDecimal] = []
  private(set) var given: [Bool] = []
  /// The group of each form (an index into the forms' groups), −1 when none.
  private(set) var groups: [Int32] = []
  private(set) var status: [Status] = []
  /// Why a form is void (invalid), in the explanation's words; empty otherwise.
  private(set) var notes: [String] = []
  /// Why a form rejects its subject (problem); nil otherwise.
  private(set) var problems: [Message?] = []
  /// How the explanation and messages name each form: 表 12, or "forms.csv:17".
  private(set) var names: [String] = []
  /// Who filled in each form (评议人), empty when the form does not say.
  private(set) var raters: [String] = []
  private var spoiledFlag = false
  private var problem: Message?
  private var invalid: String?

  init(forms: CompiledForms) {
    self.forms = forms
    fieldCount = forms.fields.count
  }

  var count: Int { status.count }

  func removeAll() {
    marks.removeAll(keepingCapacity: true)
    given.removeAll(keepingCapacity: true)
    groups.removeAll(keepingCapacity: true)
    status.removeAll(keepingCapacity: true)
    notes.removeAll(keepingCapacity: true)
    problems.removeAll(keepingCapacity: true)
    names.removeAll(keepingCapacity: true)
    raters.removeAll(keepingCapacity: true)
  }

  // MARK: Building a form

  /// Starts a form named `name` in messages and the explanation.
  func begin(name: String) {
    marks.append(contentsOf: repeatElement(.zero, count: fieldCount))
    given.append(contentsOf: repeatElement(false, count: fieldCount))
    groups.append(-1)
    names.append(name)
    raters.append("")
    spoiledFlag = false
    problem = nil
    invalid = nil
  }

  /// Marks the form's problem (the first one stands): the form cannot be read, and its subject is rejected.
  func fail(_ message: Message) {
    if problem == nil { problem = message }
  }

  /// Sets the form's group from its id or label.
  func setGroup(_ text: String) {
    let name = text.trimmingSpaces
    if name.isEmpty { return }
    if forms.groups.isEmpty {
      fail(Message(.formNamesGroupWithoutGroups, name))
      return
    }
    guard let index = forms.group(named: name) else {
      let known = forms.groups.map(\.id)
      fail(
        Message(
          .formGroupUnknown, name, MessageArgument.list(known),
          Spelling.didYouMeanMessage(name, among: known + forms.groups.map(\.label))))
      return
    }
    groups[groups.count - 1] = Int32(index)
  }

  /// Sets who filled in the form (评议人).
  func setRater(_ text: String) {
    raters[raters.count - 1] = text.trimmingSpaces
  }

  /// Rejects, within `range` (one subject's forms), every form whose rater already gave an earlier one: one rater,
  /// one form per subject. The earlier form is named, so that the person checking the forms finds both.
  func checkRepeatedRaters(in range: Range<Int>) {
    var first: [String: Int] = [:]
    for form in range where !raters[form].isEmpty {
      if let earlier = first[raters[form]] {
        if status[form] != .problem {
          status[form] = .problem
          problems[form] = Message(.raterGaveTwice, raters[form], names[earlier])
        }
      } else {
        first[raters[form]] = form
      }
    }
  }

  /// Sets the spoiled marker from a yes/no value (是/否, true/false, 1/0, as any yes/no cell); empty: not spoiled.
  func setSpoiled(_ value: InputValue) {
    if case .text(let text) = value, text.trimmingSpaces.isEmpty { return }
    let declaration = InputDeclaration(id: "spoiled", label: "废票", type: .boolean, required: false)
    switch InputCoercion.problemOrValue(value, for: declaration) {
    case .success(let flag): spoiledFlag = !flag.isZero
    case .failure(let failure): fail(Message(.spoiledMarkerProblem, failure.message))
    }
  }

  /// Sets field `field`'s mark, read and checked as any cell of its declaration; a mark that does not fit makes the
  /// form void (the first reason stands). Empty text is no mark.
  func setMark(_ field: Int, _ value: InputValue) {
    if case .text(let text) = value, text.trimmingSpaces.isEmpty { return }
    let declaration = forms.fields[field].declaration
    switch InputCoercion.problemOrValue(value, for: declaration) {
    case .success(let slot):
      marks[marks.count - fieldCount + field] = slot
      given[given.count - fieldCount + field] = true
    case .failure:
      if invalid == nil { invalid = TraceWording.invalidMark(value, declaration: declaration) }
    }
  }

  /// Sets a mark or the form's own key `key` (group, spoiled, number; a field by id or label); an unknown key is the
  /// form's problem.
  func set(_ key: String, _ value: InputValue, allowsSubject: Bool = false) {
    if CompiledForms.groupKeys.contains(key) {
      switch value {
      case .text(let text): setGroup(text)
      case .number(let number): setGroup(number.description)
      case .boolean: fail(Message(.formGroupNotYesNo))
      }
    } else if CompiledForms.spoiledKeys.contains(key) {
      setSpoiled(value)
    } else if CompiledForms.raterKeys.contains(key) {
      if case .boolean = value {
        fail(Message(.formRaterNotYesNo))
      } else {
        setRater(value.description)
      }
    } else if CompiledForms.numberKeys.contains(key) || key == "note" || (allowsSubject && CompiledForms.subjectKeys.contains(key)) {
      return
    } else if let field = forms.field(named: key) {
      setMark(field, value)
    } else {
      let known = forms.fields.map(\.id)
      fail(
        Message(
          .formKeyNotAField, key, MessageArgument.list(known),
          Spelling.didYouMeanMessage(key, among: known + ["group", "spoiled", "form", "rater"])))
    }
  }

  /// Ends the form: a problem, else spoiled, else a mark that does not fit (invalid), else blank when nothing is
  /// marked, else counted. A form of a pack with rater groups must name its group.
  func finish() {
    if problem == nil, !forms.groups.isEmpty, groups[groups.count - 1] < 0 {
      problem = Message(.formNamesNoGroup, MessageArgument.list(forms.groups.map(\.id)))
    }
    let start = given.count - fieldCount
    let marked = given[start...].contains(true)
    problems.append(problem)
    if problem != nil {
      status.append(.problem)
      notes.append("")
    } else if spoiledFlag {
      status.append(.spoiled)
      notes.append("")
    } else if let invalid {
      status.append(.invalid)
      notes.append(invalid)
    } else if !marked {
      status.append(.blank)
      notes.append("")
    } else {
      status.append(.counted)
      notes.append("")
    }
  }

  /// Adds a form given as a value (the library's, a test case's).
  func append(_ form: RaterForm, name: String) {
    begin(name: name)
    if let group = form.group { setGroup(group) }
    if let rater = form.rater { setRater(rater) }
    if form.spoiled { spoiledFlag = true }
    for (key, value) in form.marks.sorted(by: { $0.key < $1.key }) {
      if let field = forms.field(named: key) {
        setMark(field, value)
      } else {
        set(key, value)
      }
    }
    finish()
  }

  /// Adds a form given as a JSON object (in a subject's `"forms"` array, or a line of a forms file: then its `id`
  /// names the subject, returned).
  @discardableResult
  func append(json value: JSONValue, name: String, allowsSubject: Bool = false) -> String? {
    begin(name: name)
    var subject: String?
    guard case .object(let object) = value.content else {
      fail(Message(.formNotAnObject, value.kindMessage))
      finish()
      return nil
    }
    for member in object.members {
      let input: InputValue
      switch member.value.content {
      case .null: continue
      case .number(let literal):
        guard let number = ExactDecimal(literal) else {
          fail(Message(.markNotExact, member.key, literal))
          continue
        }
        input = .number(number)
      case .bool(let flag): input = .boolean(flag)
      case .string(let text): input = .text(text)
      default:
        fail(Message(.markWrongKind, member.key, member.value.kindMessage))
        continue
      }
      if allowsSubject, CompiledForms.subjectKeys.contains(member.key) {
        subject = input.description.trimmingSpaces
        continue
      }
      set(member.key, input, allowsSubject: false)
    }
    finish()
    return subject
  }

  /// The same forms in another order: `order` lists every form's index once.
  func reordered(_ order: [Int]) -> FormTable {
    let table = FormTable(forms: forms)
    table.marks.reserveCapacity(marks.count)
    for index in order {
      let start = index * fieldCount
      table.marks.append(contentsOf: marks[start..<start + fieldCount])
      table.given.append(contentsOf: given[start..<start + fieldCount])
      table.groups.append(groups[index])
      table.status.append(status[index])
      table.notes.append(notes[index])
      table.problems.append(problems[index])
      table.names.append(names[index])
      table.raters.append(raters[index])
    }
    return table
  }

  // MARK: Reading

  @inline(__always) func mark(_ form: Int, _ field: Int) -> ExactDecimal { marks[form * fieldCount + field] }
  @inline(__always) func isGiven(_ form: Int, _ field: Int) -> Bool { given[form * fieldCount + field] }
}

/// One subject's forms: a range of a table.
struct FormSlice {
  let table: FormTable
  let range: Range<Int>
}

/// The forms of a whole batch, read from a forms file before the subjects: grouped by subject (each subject's forms
/// a range of one table, in file order), with the rows that could not be read kept as rejected forms.
final class FormFile: @unchecked Sendable {
  let table: FormTable
  /// Each subject's forms, by subject id: the entry number and its range.
  let entries: [String: (entry: Int, range: Range<Int>)]
  /// Per entry: the subject id and the line of its first form (for the message when no subject has the id).
  let entryIDs: [(id: String, lines: [Int])]
  /// Rows that could not be read, each with its error; they count as rejected forms.
  let unreadable: [AssessmentError]
  /// How many forms (rows) were read, unreadable ones included.
  var read: Int { table.count + unreadable.count }
  /// The digest and length of the file's bytes, when asked for.
  let digest: InputDigest?
  /// The file's name in messages.
  let name: String

  /// The forms of `input` for `pack`: a CSV file (a header row naming `id`/编号, `group`/类别, `spoiled`/废票,
  /// `form`/表号 and each field by id or label; `#` columns unread), JSON (an array of form objects with `id`), JSON
  /// Lines, or a workbook's first sheet with such a header.
  init(pack: RulePack, input: RecordInput, digesting: Bool = false) throws(RecordInputError) {
    guard let forms = pack.program.ballots?.forms else {
      throw RecordInputError(Message(.formsFileWithoutForms, input.name, pack.metadata.id))
    }
    let source = try ByteInput(input, digesting: digesting)
    var bytes: [UInt8] = []
    let chunk = UnsafeMutablePointer<UInt8>.allocate(capacity: 1 << 20)
    defer { chunk.deallocate() }
    while true {
      let n = try source.read(into: chunk, count: 1 << 20)
      if n == 0 { break }
      bytes.append(contentsOf: UnsafeBufferPointer(start: chunk, count: n))
    }
    // One more read at the end, so that the digest is taken.
    _ = try source.read(into: chunk, count: 1)
    digest = source.digest
    let name = input.name
    self.name = name
    let raw = FormTable(forms: forms)
    var subjects: [String] = []
    var lines: [Int] = []
    var unreadable: [AssessmentError] = []
    func reject(_ message: Message, line: Int, column: Int? = nil, subject: String? = nil) {
      unreadable.append(
        AssessmentError(
          code: .rejectedForm, message: message, subjectID: subject, origin: InputOrigin(file: name, line: line),
          column: column))
    }
    /// Reads one row of cells under `header`.
    func readRow(_ cells: [String], header: [String], roles: [Int], line: Int) {
      guard cells.count == header.count else {
        reject(Message(.rowFieldCount, cells.count, header.count), line: line)
        return
      }
      guard let idColumn = roles.firstIndex(of: -2) else { return }
      let subject = cells[idColumn].trimmingSpaces
      if subject.isEmpty {
        reject(Message(.formNamesNoSubject), line: line, column: idColumn + 1)
        return
      }
      let number = roles.firstIndex(of: -3).map { cells[$0].trimmingSpaces } ?? ""
      raw.begin(name: number.isEmpty ? "\(name):\(line)" : "表 \(number)（\(name):\(line)）")
      for (column, role) in roles.enumerated() where role >= 0 || role == -4 || role == -5 || role == -6 {
        let text = cells[column]
        switch role {
        case -4: raw.setGroup(text)
        case -5: raw.setSpoiled(.text(text))
        case -6: raw.setRater(text)
        default: raw.setMark(role, .text(text))
        }
      }
      raw.finish()
      subjects.append(subject)
      lines.append(line)
    }
    /// The role of each header cell: a field's index, or −1 unread, −2 id, −3 form number, −4 group, −5 spoiled,
    /// −6 rater.
    func bind(_ header: [String], place: (Int) -> Message) throws(RecordInputError) -> [Int] {
      var roles: [Int] = []
      var seen: [Int: Int] = [:]
      for (index, rawName) in header.enumerated() {
        let cell = rawName.trimmingSpaces
        let role: Int
        if cell.hasPrefix("#") {
          role = -1
        } else if CompiledForms.subjectKeys.contains(cell) {
          role = -2
        } else if CompiledForms.numberKeys.contains(cell) {
          role = -3
        } else if CompiledForms.groupKeys.contains(cell) {
          if forms.groups.isEmpty {
            throw RecordInputError(Message(.formsColumnGroupsWithoutGroups, name, place(index), cell))
          }
          role = -4
        } else if CompiledForms.spoiledKeys.contains(cell) {
          role = -5
        } else if CompiledForms.raterKeys.contains(cell) {
          role = -6
        } else if let field = forms.field(named: cell) {
          role = field
        } else {
          let known = forms.fields.map(\.id) + ["id", "group", "spoiled", "form", "rater"]
          throw RecordInputError(
            Message(.formsColumnUnknown, name, place(index), cell, Spelling.didYouMeanMessage(cell, among: known)))
        }
        if role != -1, let earlier = seen[role] {
          throw RecordInputError(
            Message(.formsColumnsSame, name, place(index), earlier + 1, index + 1, header[earlier], rawName))
        }
        seen[role] = index
        roles.append(role)
      }
      if !roles.contains(-2) { throw RecordInputError(Message(.formsNoIDColumn, name, place(0))) }
      if !forms.groups.isEmpty, !roles.contains(-4) {
        throw RecordInputError(Message(.formsNoGroupColumn, name, place(0), MessageArgument.list(forms.groups.map(\.id))))
      }
      for (index, field) in forms.fields.enumerated() where !roles.contains(index) {
        throw RecordInputError(Message(.formsNoFieldColumn, name, place(0), field.label, field.id))
      }
      return roles
    }
    switch input.format {
    case .csv:
      let (sample, atEnd) = (Array(bytes.prefix(InputEncoding.sampleSize)), bytes.count <= InputEncoding.sampleSize)
      let encoding: InputEncoding
      switch InputEncoding.detect(sample, atEnd: atEnd) {
      case .success(let found): encoding = found
      case .failure(let error): throw RecordInputError(Message(.fileProblem, name, error.detail))
      }
      let text = encoding == .utf8 ? bytes : encoding.utf8(bytes[...])
      let firstLine = text.prefix { $0 != 0x0A && $0 != 0x0D }
      let separator =
        encoding == .utf16 || (firstLine.contains(CSVTokenizer.tab) && !firstLine.contains(CSVTokenizer.comma))
        ? CSVTokenizer.tab : CSVTokenizer.comma
      let outcomes = CSVTokenizer(separator: separator).readAll(text)
      guard let first = outcomes.first else {
        throw RecordInputError(Message(.formsFileEmpty, name))
      }
      guard case .record(let header, let headerLine) = first else {
        let problem =
          switch first {
          case .malformed(let message, let line, let column): Message(.formsOutcomeAt, line, column, message)
          case .notUTF8(let line, let column): Message(.formsOutcomeAt, line, column, Message(.formsNotUTF8))
          case .record: Message.verbatim("")
          }
        throw RecordInputError(Message(.formsHeaderUnreadable, name, problem))
      }
      let roles = try bind(header) { Message(.formsPlaceLineColumn, headerLine, $0 + 1) }
      for outcome in outcomes.dropFirst() {
        switch outcome {
        case .record(let cells, let line): readRow(cells, header: header, roles: roles, line: line)
        case .malformed(let message, let line, let column): reject(message, line: line, column: column)
        case .notUTF8(let line, let column): reject(encoding.badCellMessage, line: line, column: column)
        }
      }
    case .xlsx:
      do {
        let workbook = try XLSXWorkbook(bytes: bytes)
        let sheet = try workbook.sheet(named: nil)
        let headerNumber = try workbook.headerRow(ofSheetNamed: sheet.name, expecting: ["id", "编号"]) ?? 1
        var reader = try workbook.rows(ofSheetNamed: sheet.name, from: headerNumber)
        guard let headerRow = try reader.nextRow() else {
          throw RecordInputError(Message(.formsSheetNoHeader, name, sheet.name))
        }
        let header = headerRow.cells.map(\.text)
        let roles = try bind(header) { Message(.formsPlaceRowColumn, headerNumber, $0 + 1) }
        while !reader.isFinished {
          guard let row = try reader.nextRow() else { break }
          if row.isBlank { continue }
          var cells = (0..<header.count).map { $0 < row.cells.count ? row.cells[$0].text : "" }
          if row.cells.count > header.count, row.cells[header.count...].contains(where: { !$0.isEmpty }) { cells.append("") }
          readRow(cells, header: header, roles: roles, line: row.number)
        }
      } catch let error as RecordInputError {
        throw error
      } catch let error as ExcelError {
        throw RecordInputError(Message(.fileProblem, name, error.detail))
      } catch {
        throw RecordInputError(Message(.fileProblem, name, Message.untranslated("\(error)")))  // English-only: unexpected errors
      }
    case .json, .jsonLines:
      var items: [(JSONValue, Int)] = []
      if input.format == .json {
        do {
          let root = try JSONParser.parse(bytes)
          guard case .array(let values) = root.content else {
            throw RecordInputError(Message(.formsJSONNotList, name, root.kindMessage))
          }
          items = values.map { ($0, $0.location.line) }
        } catch let error as RecordInputError {
          throw error
        } catch let error as JSONSyntaxError {
          throw RecordInputError(
            Message(.placedProblem, Message(.placeLineColumn, name, error.location.line, error.location.column), error.detail))
        } catch {
          throw RecordInputError(Message(.fileProblem, name, Message.untranslated("\(error)")))  // English-only: unexpected errors
        }
      } else {
        var line = 1
        for content in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
          defer { line += 1 }
          guard content.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { continue }
          do {
            items.append((try JSONParser.parse(Array(content)), line))
          } catch {
            reject(Message(.columnProblem, error.location.column, error.detail), line: line)
          }
        }
      }
      for (value, line) in items {
        let number: String
        if case .object(let object) = value.content,
          let member = object.members.first(where: { CompiledForms.numberKeys.contains($0.key) })
        {
          switch member.value.content {
          case .string(let text): number = text
          case .number(let literal): number = literal
          default: number = ""
          }
        } else {
          number = ""
        }
        let before = raw.count
        let subject = raw.append(json: value, name: number.isEmpty ? "\(name):\(line)" : "表 \(number)（\(name):\(line)）", allowsSubject: true)
        guard let subject, !subject.isEmpty else {
          // Not a form of any subject: taken out again, rejected on its own.
          raw.dropLast(raw.count - before)
          reject(Message(.formJSONNamesNoSubject), line: line)
          continue
        }
        subjects.append(subject)
        lines.append(line)
      }
    }
    // Grouped by subject, in the order each subject first appears; each subject's forms in file order.
    var firstSeen: [String: Int] = [:]
    var order: [[Int]] = []
    for (index, subject) in subjects.enumerated() {
      if let entry = firstSeen[subject] {
        order[entry].append(index)
      } else {
        firstSeen[subject] = order.count
        order.append([index])
      }
    }
    table = raw.reordered(order.flatMap { $0 })
    var entries: [String: (entry: Int, range: Range<Int>)] = [:]
    var entryIDs: [(id: String, lines: [Int])] = []
    var start = 0
    for (subject, entry) in firstSeen.sorted(by: { $0.value < $1.value }) {
      let count = order[entry].count
      entries[subject] = (entry, start..<start + count)
      table.checkRepeatedRaters(in: start..<start + count)
      entryIDs.append((subject, order[entry].map { lines[$0] }))
      start += count
    }
    self.entries = entries
    self.entryIDs = entryIDs
    self.unreadable = unreadable
  }

  /// The errors of the forms of entry `entry`, whose subject no record of the input has: each form rejected with
  /// its row.
  func unknownSubjectErrors(_ entry: Int, file: String) -> [AssessmentError] {
    let (id, lines) = entryIDs[entry]
    return lines.map { line in
      AssessmentError(
        code: .rejectedForm,
        message: Message(.formOfNoSubject, id),
        subjectID: id, origin: InputOrigin(file: file, line: line))
    }
  }
}

extension FormTable {
  /// Removes the last `count` forms (a form that turned out to belong to no subject).
  func dropLast(_ count: Int) {
    guard count > 0 else { return }
    marks.removeLast(count * fieldCount)
    given.removeLast(count * fieldCount)
    groups.removeLast(count)
    status.removeLast(count)
    notes.removeLast(count)
    problems.removeLast(count)
    names.removeLast(count)
    raters.removeLast(count)
  }
}
