#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One thread's scorer for records of a batch: turns a record (a CSV row's cells, a sheet row, a JSON object) into
/// the pack's inputs through the one conversion every reader uses (``InputCoercion``), scores it, and keeps the
/// subject's own fields for the output. Used by one thread at a time.
///
/// Cells that are plainly a number in range, or exactly one of the texts a yes/no or choice input accepts, go
/// straight from their bytes into the scorer; anything else is read by ``InputCoercion`` as text, so that every cell
/// gets the same value and the same error whatever the lane (the fast tables are built from ``InputCoercion``).
final class RecordScorer {
  let pack: RulePack
  let plan: ScoringPlan
  let scorer: PackScorer
  let binding: ColumnBinding?
  let file: String
  /// What a record with a cell that is not text in the input's encoding is told.
  let badCellMessage: Message
  /// The sheet, when the records are rows of a workbook.
  let sheet: String?
  /// A sheet row's cells, as text one after another (read by the CSV path).
  private var rowBytes: [UInt8] = []
  /// The subject's fields of the last record: UTF-8 bytes, one after another in ``fields``.
  // A record scorer belongs to one worker thread: its per-record buffers skip the dynamic exclusivity check.
  @exclusivity(unchecked) private(set) var fields: [UInt8] = []
  /// Where each subject field lies in ``fields``: id, name, kind, parent, period, then each `#` column.
  @exclusivity(unchecked) private(set) var fieldRanges: [Range<Int>] = []
  /// The subject's attributes from a JSON record (a CSV record's are its `#` columns).
  private(set) var jsonAttributes: [(String, String)] = []
  /// The last record's events (JSON), for a points ledger.
  private(set) var events: [LedgerEvent]?
  /// The forms file of the batch, when one is given: each subject's forms are found by its id.
  var formFile: FormFile?
  /// How many forms the last record gave itself (a JSON `"forms"` array, ``AssessmentInput/forms``); nil: none.
  private var ownForms: Int?
  /// Last period's results, when the batch has them: each subject's previous fields are filled from them.
  let previous: PreviousTable?
  /// The row of the previous results the last record's previous fields came from (nil: none).
  private(set) var previousRow: Int?

  /// Per input: its slot, and how its cells are read on the fast path.
  private struct FastRule {
    var slot: Int
    var isNumber: Bool
    var wholeOnly: Bool
    /// The most decimal places a value may have (`"places"`; 18 when not declared).
    var places: Int
    var minimum: ExactDecimal?
    var maximum: ExactDecimal?
  }
  private let rules: [FastRule]
  /// For yes/no and choice inputs: each cell text accepted as written, and its slot value.
  private let cellTexts: [[(bytes: [UInt8], value: ExactDecimal)]]
  /// Where a cell with `""` inside is unescaped.
  private let scratch = ByteScratch()
  /// The pack's links resolved against the linked results given; nil when none were given.
  let links: ResolvedLinks?

  static let idField = 0
  static let nameField = 1
  static let kindField = 2
  static let parentField = 3
  static let periodField = 4
  static let attributeFields = 5

  init(
    pack: RulePack, binding: ColumnBinding?, file: String, badCellMessage: Message = CellText.notUTF8Message,
    sheet: String? = nil, previous: PreviousTable? = nil, links: ResolvedLinks? = nil
  ) {
    self.pack = pack
    self.previous = previous
    self.links = links
    self.badCellMessage = badCellMessage
    self.sheet = sheet
    plan = pack.plan
    scorer = PackScorer(pack: pack)
    self.binding = binding
    self.file = file
    let inputs = pack.info.inputs
    rules = inputs.indices.map { index in
      let input = inputs[index]
      return FastRule(
        slot: pack.program.inputs[index].slot, isNumber: input.type == .number || input.type == .integer,
        wholeOnly: input.type == .integer, places: input.places ?? ExactDecimal.maxScale, minimum: input.minimum,
        maximum: input.maximum)
    }
    cellTexts = inputs.map { input in
      let candidates: [String]
      switch input.type {
      case .number, .integer: candidates = []
      case .boolean: candidates = ["是", "否", "true", "false", "1", "0", "TRUE", "FALSE", "True", "False"]
      case .choice: candidates = input.choices
      }
      // Each accepted exactly as InputCoercion reads it.
      return candidates.compactMap { text in
        guard case .success(let value) = InputCoercion.problemOrValue(.text(text), for: input) else { return nil }
        return (Array(text.utf8), value)
      }
    }
  }

  // MARK: The subject's fields

  /// The bytes of subject field number `field` (``idField`` … ``attributeFields`` + k).
  func field(_ field: Int) -> UnsafeBufferPointer<UInt8> {
    fields.withUnsafeBufferPointer { buffer in UnsafeBufferPointer(rebasing: buffer[fieldRanges[field]]) }
  }

  /// A subject field as text.
  func text(_ field: Int) -> String { String(decoding: fields[fieldRanges[field]], as: UTF8.self) }

  /// The subject of the last record, with its attributes and events.
  func subject() -> Subject {
    var subject = Subject(id: text(Self.idField), name: text(Self.nameField), kind: text(Self.kindField))
    let parent = text(Self.parentField)
    subject.parent = parent.isEmpty ? nil : parent
    if let binding {
      for (offset, attribute) in binding.attributeColumns.enumerated() {
        subject.attributes[attribute.name] = text(Self.attributeFields + offset)
      }
    }
    for (name, value) in jsonAttributes { subject.attributes[name] = value }
    subject.events = events
    return subject
  }

  /// The subject of the last record when all its fields were read (a rejected record's too), else nil.
  var subjectIfRead: Subject? {
    guard hasID, fieldRanges.count >= Self.attributeFields + (binding?.attributeColumns.count ?? 0) else { return nil }
    return subject()
  }

  /// The attribute `name` of the last record (a `#` column, or a JSON record's `attributes`); empty when absent.
  func attribute(_ name: String) -> String {
    if let binding, let offset = binding.attributeColumns.firstIndex(where: { $0.name == name }) {
      return text(Self.attributeFields + offset)
    }
    return jsonAttributes.first { $0.0 == name }?.1 ?? ""
  }

  /// The assessment of the last record scored (with what it takes, when the pack finds it).
  func assessment() -> Assessment {
    var assessment = scorer.assessment(subject: subject(), period: period())
    if pack.findsWhatItTakes { assessment.whatItTakes = pack.whatItTakes(scorer.buffer.pointer, assessment: assessment) }
    return assessment
  }

  /// The last record scored again with its explanation (and its cohort placement, when placed); nil when scoring it
  /// again fails (it did not the first time: the same inputs give the same result).
  func explainedAgain() -> Assessment? {
    guard var trace = try? scorer.explainAgain(subject: subject()) else { return nil }
    if let previous { trace.insert(previous.traceEntry(row: previousRow), at: 0) }
    var assessment = assessment()
    assessment.trace = trace
    return assessment
  }

  /// The period of the last record, when it gives one.
  func period() -> AssessmentPeriod? {
    let text = text(Self.periodField)
    return text.isEmpty ? nil : AssessmentPeriod(text)
  }

  /// Whether the last record's id was read (a record rejected before it has none).
  var hasID: Bool { fieldRanges.count > Self.idField && !fieldRanges[Self.idField].isEmpty }

  /// The cohort entry of the last record scored.
  func cohortEntry() -> CohortEntry {
    let group = plan.cohortGroup(scorer.buffer.pointer) { key in
      switch key {
      case .parent: text(Self.parentField)
      case .kind: text(Self.kindField)
      case .attribute(let name): attribute(name)
      case .whole, .slot: ""
      }
    }
    guard !scorer.isVoid,
      let entry = plan.cohortEntry(
        scorer.buffer.pointer, subjectID: "", group: group, gradeIndex: scorer.gradeIndex, stars: scorer.stars)
    else {
      return CohortEntry(
        subjectID: text(Self.idField), keys: (pack.program.cohort?.keys ?? []).map { _ in .zero }, excluded: true,
        forcedLabels: (pack.program.cohort?.labels ?? []).map { _ in false })
    }
    return entry
  }

  /// A 64-bit fingerprint of the last record's id (never 0), for the repeated-id check.
  func idFingerprint() -> UInt64 {
    IDFingerprint.of(field(Self.idField))
  }

  private func beginFields() {
    fields.removeAll(keepingCapacity: true)
    fieldRanges.removeAll(keepingCapacity: true)
    jsonAttributes.removeAll(keepingCapacity: true)
    events = nil
    ownForms = nil
  }

  /// The last record's rater forms: its forms-file entry (−1: none), how many forms it has, and how many of them were
  /// counted (0 unless it was `scored`).
  func formAccount(scored: Bool) -> (entry: Int, read: Int, counted: Int) {
    var entry = -1
    var read = ownForms ?? 0
    if let formFile, ownForms == nil, hasID, let found = formFile.entries[text(Self.idField)] {
      entry = found.entry
      read = found.range.count
    }
    return (entry, read, scored ? scorer.formTally.counted : 0)
  }

  private func appendField(_ bytes: UnsafeBufferPointer<UInt8>) {
    let start = fields.count
    fields.append(contentsOf: bytes)
    fieldRanges.append(start..<fields.count)
  }

  private func appendField(_ text: String) {
    let start = fields.count
    fields.append(contentsOf: text.utf8)
    fieldRanges.append(start..<fields.count)
  }

  // MARK: CSV records

  /// Reads and scores a CSV record whose cells lie in `bytes`; the error, when it is rejected, names `line` (the
  /// record's first line, counted from wherever the caller counts) and the column.
  func scoreCSV(_ bytes: UnsafeBufferPointer<UInt8>, cells: CSVTokenizer.Cells, line: Int) -> AssessmentError? {
    guard let binding else { return nil }
    let origin = InputOrigin(file: file, line: line, sheet: sheet)
    // The fields are this record's from here on: a record rejected before they are read has none (not the last
    // record's), so that nothing is said of it by another record's id or parent.
    beginFields()
    guard cells.count == binding.roles.count else {
      return AssessmentError(
        code: .malformedRecord,
        message: Message(.rowFieldCount, cells.count, binding.roles.count),
        origin: origin)
    }
    // The subject's fields first: they name the record in every later error.
    for column in binding.subjectColumns {
      guard column >= 0 else {
        fieldRanges.append(fields.count..<fields.count)
        continue
      }
      let cell = self.cell(bytes, cells, column)
      guard CellText.isUTF8(cell) else { return notUTF8(origin: origin, column: column) }
      if column == binding.idColumn {
        appendField(CellText.trimmed(cell))
      } else {
        appendField(cell)
      }
    }
    if fieldRanges[Self.idField].isEmpty {
      return AssessmentError(code: .malformedRecord, message: Message(.rowHasNoID), origin: origin, column: binding.idColumn + 1)
    }
    let subjectID = text(Self.idField)
    for index in rules.indices {
      let column = binding.inputColumns[index]
      guard column >= 0 else { continue }
      let cell = self.cell(bytes, cells, column)
      if cell.isEmpty { continue }
      if let value = fastValue(cell, input: index) {
        scorer.setInputUnchecked(index, slot: rules[index].slot, value)
        continue
      }
      guard CellText.isUTF8(cell) else {
        var error = notUTF8(origin: origin, column: column)
        error.subjectID = subjectID
        return error
      }
      let text = String(decoding: cell, as: UTF8.self)
      if text.trimmingSpaces.isEmpty { continue }
      switch InputCoercion.slotValue(.text(text), for: pack.info.inputs[index]) {
      case .success(let value): scorer.setInputUnchecked(index, slot: rules[index].slot, value)
      case .failure(var error):
        scorer.discardInputs()
        error.subjectID = subjectID
        error.origin = origin
        error.column = column + 1
        return error
      }
    }
    return score(subjectID: subjectID, origin: origin)
  }

  /// The bytes of cell `column` (unescaped into a scratch buffer when it has `""` inside).
  private func cell(_ bytes: UnsafeBufferPointer<UInt8>, _ cells: CSVTokenizer.Cells, _ column: Int) -> UnsafeBufferPointer<UInt8> {
    let raw = UnsafeBufferPointer(rebasing: bytes[cells.starts[column]..<cells.ends[column]])
    guard cells.escaped[column] else { return raw }
    return scratch.unescapingQuotes(raw)
  }

  private func notUTF8(origin: InputOrigin, column: Int) -> AssessmentError {
    scorer.discardInputs()
    return AssessmentError(code: .malformedRecord, message: badCellMessage, origin: origin, column: column + 1)
  }

  /// A cell's slot value on the fast path, or nil when the cell is not plainly valid (the general path then reads it).
  @inline(__always) private func fastValue(_ cell: UnsafeBufferPointer<UInt8>, input: Int) -> ExactDecimal? {
    let rule = rules[input]
    if rule.isNumber {
      guard let number = PlainDecimal.read(cell) else { return nil }
      if let minimum = rule.minimum, number < minimum { return nil }
      if let maximum = rule.maximum, number > maximum { return nil }
      if rule.wholeOnly, !number.isInteger { return nil }
      // PlainDecimal drops trailing fraction zeros, as ExactDecimal does: the scale is the places the value needs.
      if number.scale > rule.places { return nil }
      return number
    }
    for candidate in cellTexts[input] where candidate.bytes.count == cell.count {
      if candidate.bytes.withUnsafeBufferPointer({ memcmp($0.baseAddress!, cell.baseAddress!, cell.count) == 0 }) {
        return candidate.value
      }
    }
    return nil
  }

  /// Scores the record whose inputs are set: every input not given takes its default or is checked as required.
  private func score(subjectID: String, origin: InputOrigin?) -> AssessmentError? {
    if !pack.program.links.isEmpty, let failure = fillLinks() {
      scorer.discardInputs()
      var located = failure
      located.subjectID = subjectID
      located.origin = origin
      if let input = located.inputID, let index = pack.info.inputs.firstIndex(where: { $0.id == input }) {
        located.column = binding?.column(ofInput: index)
      }
      return located
    }
    if let previous, var failure = previous.fill(scorer, subjectID: subjectID, row: &previousRow) {
      scorer.discardInputs()
      failure.subjectID = subjectID
      failure.origin = origin
      return failure
    }
    do {
      scorer.setEvents(events)
      if scorer.scoresForms {
        if let formFile {
          if ownForms != nil {
            scorer.discardInputs()
            return AssessmentError(
              code: .malformedRecord,
              message: Message(.formsInTwoPlaces),
              subjectID: subjectID, origin: origin)
          }
          let range = formFile.entries[subjectID]?.range ?? 0..<0
          scorer.forms = FormSlice(table: formFile.table, range: range)
        }
      }
      try scorer.score(subject: nil, origin: origin)
      return nil
    } catch {
      var located = error
      located.subjectID = subjectID
      if located.column == nil, let input = located.inputID, let index = pack.info.inputs.firstIndex(where: { $0.id == input }) {
        located.column = binding?.column(ofInput: index)
      }
      return located
    }
  }

  /// Fills the record's linked inputs from the linked results (`links`); why the record is rejected, or nil.
  private func fillLinks() -> AssessmentError? {
    guard let links else { return LinkFill.notGiven(pack) }
    return links.fill(
      subjectKey: { key in
        switch key {
        case .id: text(Self.idField)
        case .parent: text(Self.parentField)
        case .attribute(let name): attribute(name)
        }
      }, into: scorer)
  }

  // MARK: Sheet rows

  /// Reads and scores a workbook's row: its cells as text (a number as Excel shows it, to 15 significant digits;
  /// TRUE/FALSE), read exactly as a CSV row's are. A date or an error in a cell rejects the row, naming the cell.
  func scoreSheetRow(_ row: XLSXRow, tokenizerCells cells: inout CSVTokenizer.Cells) -> AssessmentError? {
    guard let binding else { return nil }
    let origin = InputOrigin(file: file, line: row.number, sheet: sheet)
    beginFields()
    let width = binding.roles.count
    if let extra = row.cells.indices.first(where: { $0 >= width && !row.cells[$0].isEmpty }) {
      return AssessmentError(
        code: .malformedRecord,
        message: Message(.rowBeyondHeader, width),
        origin: origin, column: extra + 1)
    }
    rowBytes.removeAll(keepingCapacity: true)
    cells.removeAll()
    for column in 0..<width {
      let value = column < row.cells.count ? row.cells[column] : .empty
      switch value {
      case .date(let text):
        return AssessmentError(
          code: .invalidValue,
          message: Message(.cellHoldsDate, text),
          origin: origin, column: column + 1)
      case .error(let text):
        return AssessmentError(
          code: .invalidValue, message: Message(.cellHoldsExcelError, text),
          origin: origin, column: column + 1)
      default:
        let start = rowBytes.count
        rowBytes += Array(value.text.utf8)
        cells.append(start, rowBytes.count, escaped: false)
      }
    }
    let bytes = rowBytes
    return bytes.withUnsafeBufferPointer { scoreCSV($0, cells: cells, line: row.number) }
  }

  /// The error of a row a workbook reader could not read (a cell it could not make sense of).
  func sheetError(_ error: ExcelError) -> AssessmentError {
    AssessmentError(
      code: .malformedRecord, message: error.detail,
      origin: InputOrigin(file: file, line: error.row ?? 0, sheet: sheet))
  }

  // MARK: JSON records

  /// Reads and scores a JSON record (an object: `id`, `name`, `kind`, `parent`, `period`, `attributes`, `events`,
  /// and the inputs beside them or inside `inputs`).
  func scoreJSON(_ value: JSONValue, line: Int) -> AssessmentError? {
    let origin = InputOrigin(file: file, line: line)
    beginFields()
    guard case .object(let object) = value.content else {
      return AssessmentError(code: .malformedRecord, message: Message(.expectedSubjectObject, value.kindMessage), origin: origin)
    }
    var subjectFields = ["", "", "", "", ""]
    var values: [(key: String, value: JSONValue, nested: Bool)] = []
    func text(_ value: JSONValue) -> String? {
      switch value.content {
      case .string(let text): text
      case .number(let text): text
      default: nil
      }
    }
    var failure: Message?
    for member in object.members {
      switch member.key {
      case "id": subjectFields[Self.idField] = (text(member.value) ?? "").trimmingSpaces
      case "name": subjectFields[Self.nameField] = text(member.value) ?? ""
      case "kind": subjectFields[Self.kindField] = text(member.value) ?? ""
      case "parent": subjectFields[Self.parentField] = text(member.value) ?? ""
      case "period": subjectFields[Self.periodField] = text(member.value) ?? ""
      case "attributes":
        guard case .object(let attributes) = member.value.content else {
          failure = failure ?? Message(.attributesNotTexts)
          continue
        }
        for attribute in attributes.members { jsonAttributes.append((attribute.key, text(attribute.value) ?? "")) }
      case "events":
        guard case .array(let items) = member.value.content else {
          failure = failure ?? Message(.eventsNotArray)
          continue
        }
        var read: [LedgerEvent] = []
        for (index, item) in items.enumerated() {
          switch LedgerEvent.read(item, at: index) {
          case .success(let event): read.append(event)
          case .failure(let problem): failure = failure ?? problem.message
          }
        }
        events = read
      case "forms" where scorer.formTable != nil:
        guard case .array(let items) = member.value.content, let table = scorer.formTable else {
          failure = failure ?? Message(.formsNotArray)
          continue
        }
        table.removeAll()
        for (index, item) in items.enumerated() {
          let number: String
          if case .object(let form) = item.content,
            let member = form.members.first(where: { CompiledForms.numberKeys.contains($0.key) })
          {
            number = member.value.stringValue ?? ""
          } else {
            number = ""
          }
          table.append(json: item, name: number.isEmpty ? "第 \(index + 1) 份" : "表 \(number)")
        }
        table.checkRepeatedRaters(in: 0..<table.count)
        ownForms = items.count
        scorer.forms = FormSlice(table: table, range: 0..<table.count)
      case "inputs":
        guard case .object(let nested) = member.value.content else {
          failure = failure ?? Message(.inputsNotObject)
          continue
        }
        for input in nested.members { values.append((input.key, input.value, true)) }
      default: values.append((member.key, member.value, false))
      }
    }
    for field in subjectFields { appendField(field) }
    let subjectID = subjectFields[Self.idField]
    func fail(_ message: Message, code: AssessmentError.Code = .malformedRecord, input: String? = nil) -> AssessmentError {
      scorer.discardInputs()
      return AssessmentError(code: code, message: message, subjectID: subjectID.isEmpty ? nil : subjectID, inputID: input, origin: origin)
    }
    if let failure { return fail(failure) }
    if subjectID.isEmpty { return fail(Message(.recordHasNoID)) }
    // Each input once: beside the subject's fields or inside "inputs", not both.
    var byKey: [String: (value: JSONValue, nested: Bool)] = [:]
    for item in values {
      if let earlier = byKey[item.key] {
        let places = [earlier.nested, item.nested].map { Message($0 ? .insideInputs : .besideID) }
        return fail(Message(.inputGivenTwice, item.key, places[0], places[1]), input: item.key)
      }
      byKey[item.key] = (item.value, item.nested)
    }
    var given = 0
    for (index, input) in pack.info.inputs.enumerated() {
      guard let item = byKey[input.id] else { continue }
      given += 1
      let inputValue: InputValue
      switch item.value.content {
      case .null: continue
      case .number(let literal):
        guard let number = ExactDecimal(literal) else {
          return fail(Message(.inputNotExact, input.id, literal), code: .invalidValue, input: input.id)
        }
        inputValue = .number(number)
      case .bool(let flag): inputValue = .boolean(flag)
      case .string(let text):
        if text.trimmingSpaces.isEmpty { continue }
        inputValue = .text(text)
      default:
        return fail(Message(.inputWrongKind, input.id, item.value.kindMessage), input: input.id)
      }
      switch InputCoercion.slotValue(inputValue, for: input) {
      case .success(let slotValue): scorer.setInputUnchecked(index, slot: rules[index].slot, slotValue)
      case .failure(var error):
        scorer.discardInputs()
        error.subjectID = subjectID
        error.origin = origin
        return error
      }
    }
    if given != byKey.count {
      let known = Set(pack.info.inputs.map(\.id))
      let unknown = byKey.keys.filter { !known.contains($0) }.sorted()
      var error = InputCoercion.unknownInputError(unknown[0], packID: pack.metadata.id, known: known)
      error.subjectID = subjectID
      error.origin = origin
      scorer.discardInputs()
      return error
    }
    return score(subjectID: subjectID, origin: origin)
  }

  // MARK: Values already read (the library's subjects)

  /// Scores a subject given as an ``AssessmentInput`` (facts by input id).
  func score(_ input: AssessmentInput) -> AssessmentError? {
    beginFields()
    appendField(input.subject.id)
    appendField(input.subject.name)
    appendField(input.subject.kind)
    appendField(input.subject.parent ?? "")
    appendField(input.period?.label ?? "")
    for (name, value) in input.subject.attributes.sorted(by: { $0.key < $1.key }) { jsonAttributes.append((name, value)) }
    events = input.subject.events
    do {
      try scorer.setInputs(input.values)
    } catch {
      var located = error
      located.subjectID = input.subject.id
      located.origin = input.origin
      return located
    }
    if let forms = input.forms, scorer.scoresForms {
      scorer.setForms(forms)
      ownForms = forms.count
    }
    return score(subjectID: input.subject.id, origin: input.origin)
  }
}
