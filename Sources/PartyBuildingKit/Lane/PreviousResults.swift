#if canImport(FoundationEssentials)
  internal import FoundationEssentials
#else
  internal import Foundation
#endif

/// The results of an earlier period (上期结果), read for a pack that declares `previous`: each subject's total,
/// grade, stars, period and whether a veto fired, by subject id.
///
/// Read one from a results file `pbk evaluate` wrote — CSV (with its Chinese headers, or English ones), JSON, JSON
/// Lines or a workbook — with ``load(path:)``, or build one in Swift from last period's ``Assessment``s with
/// ``init(assessments:source:)``; give it to ``BatchEvaluator/previous`` or ``RulePack/assess(_:previous:explain:)``.
/// Each value then goes into its previous field's input slot before the subject is scored, checked as any input's
/// value is (InputCoercion): the previous values are ordinary inputs of the pack.
///
/// ```swift
/// var batch = BatchEvaluator(pack: pack)
/// batch.previous = try PreviousResults.load(path: "2024结果.csv")
/// let summary = try batch.assessments(from: .file("2025.csv")) { print($0) }
/// ```
public struct PreviousResults: Sendable {
  /// Where the results come from, and what produced them, as far as is known.
  public struct Source: Sendable, Hashable {
    /// The results file as named (or a description, e.g. 测试用例).
    public var file: String
    /// The SHA-256 digest of the file's bytes (hex), when read from a file.
    public var sha256: String?
    /// The id of the pack that wrote the results, from the run's record (`FILE.meta.json`, a workbook's properties)
    /// or, for JSON, from the results themselves (`schemeID`); nil: not known.
    public var packID: String?
    /// The version of the pack that wrote the results, from the run's record; nil: not known.
    public var packVersion: String?
    /// The SHA-256 digest (hex) of the pack file that wrote the results, from the run's record; nil: not known.
    public var packSHA256: String?
    /// Where the pack's identity was read, e.g. `2024结果.csv.meta.json`.
    public var record: String?
    /// When the run that wrote them ended (ISO 8601), from its record.
    public var finishedAt: String?

    /// A source named `file`.
    public init(file: String, sha256: String? = nil, packID: String? = nil, packVersion: String? = nil) {
      self.file = file
      self.sha256 = sha256
      self.packID = packID
      self.packVersion = packVersion
    }
  }

  /// One subject's earlier result.
  public struct Row: Sendable, Hashable {
    /// The subject's id (编号).
    public var id: String
    /// Where the row is in the file (a line, a sheet row); 0 when not from a file.
    public var line: Int
    /// The result's values, as the file has them; a part left out is not there (an empty or void cell).
    public var values: [PreviousResultField: InputValue]

    /// A row of subject `id`.
    public init(id: String, line: Int = 0, values: [PreviousResultField: InputValue]) {
      self.id = id
      self.line = line
      self.values = values
    }
  }

  /// Where the results come from.
  public var source: Source
  /// The parts of a result the file has columns for (a needed part without its column is an error when the results
  /// are used).
  public var fields: Set<PreviousResultField>
  /// Each subject's result, in the file's order; every id once.
  public let rows: [Row]
  /// The row of each id.
  let rowByID: [String: Int]

  /// Results from rows; `fields` says which parts the rows may give (all by default).
  ///
  /// - Throws: ``RecordInputError`` when an id is given twice.
  public init(
    rows: [Row], fields: Set<PreviousResultField> = Set(PreviousResultField.allCases), source: Source
  ) throws(RecordInputError) {
    var byID: [String: Int] = [:]
    for (index, row) in rows.enumerated() {
      if let first = byID[row.id] {
        let place = row.line > 0 ? Message(.previousAtLine, row.line) : .verbatim("")
        let firstPlace = rows[first].line > 0 ? Message(.previousFirstAtLine, rows[first].line) : .verbatim("")
        throw RecordInputError(Message(.previousIDAgain, source.file, place, row.id, firstPlace))
      }
      byID[row.id] = index
    }
    self.rows = rows
    self.fields = fields
    self.source = source
    rowByID = byID
  }

  /// Results from last period's assessments (e.g. stored by a platform): total, grade (不定等次 when none), stars,
  /// period and vetoes of each; a void result gives only its period. The pack id is the assessments' `schemeID`
  /// when they share one.
  public init(assessments: [Assessment], source: Source? = nil) throws(RecordInputError) {
    var source = source ?? Source(file: "assessments")
    let schemes = Set(assessments.map(\.schemeID))
    if source.packID == nil, schemes.count == 1 { source.packID = schemes.first }
    let rows = assessments.map { assessment in
      var values: [PreviousResultField: InputValue] = [:]
      if let period = assessment.period?.label, !period.isEmpty { values[.period] = .text(period) }
      if assessment.voidReason == nil {
        values[.total] = .number(assessment.total)
        values[.grade] = .text(assessment.grade ?? ResultWording.noGrade)
        if let stars = assessment.stars { values[.stars] = .number(ExactDecimal(stars)) }
        values[.vetoed] = .boolean(!assessment.vetoes.isEmpty)
      }
      return Row(id: assessment.subject.id, values: values)
    }
    try self.init(rows: rows, source: source)
  }

  /// The row of subject `id`, if the results have one.
  public func row(of id: String) -> Row? { rowByID[id].map { rows[$0] } }

  // MARK: Reading a results file

  /// Reads a results file `pbk evaluate` wrote: `.csv` (UTF-8), `.json`, `.jsonl` or `.xlsx` (by its extension, or
  /// by its first bytes), with the record of the run beside it (`FILE.meta.json`) when there is one.
  ///
  /// - Throws: ``RecordInputError`` naming the file (and the line) when it cannot be read, has no id column, gives an
  ///   id twice, or has changed since the run recorded beside it wrote it.
  public static func load(path: String) throws(RecordInputError) -> PreviousResults {
    let bytes: [UInt8]
    do {
      bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
    } catch {
      throw RecordInputError(Message(.previousCannotRead, path, RulePack.reason(error)))
    }
    var record: [UInt8]?
    let recordPath = path + ".meta.json"
    if FileManager.default.fileExists(atPath: recordPath) {
      do {
        record = try [UInt8](Data(contentsOf: URL(fileURLWithPath: recordPath)))
      } catch {
        throw RecordInputError(Message(.previousCannotReadRecord, recordPath, RulePack.reason(error)))
      }
    }
    return try read(bytes: bytes, name: path, format: RecordFormat(path: path), record: record, recordName: recordPath)
  }

  /// Reads results from their bytes (`name` names them in messages); `record` is the bytes of the run's record
  /// (`.meta.json`), when there is one.
  public static func read(
    bytes: [UInt8], name: String, format: RecordFormat, record: [UInt8]? = nil, recordName: String? = nil
  ) throws(RecordInputError) -> PreviousResults {
    var source = Source(file: name, sha256: SHA256.hex(of: bytes))
    // The first bytes decide over the extension: a workbook is a ZIP archive, JSON starts with [ or {.
    var format = format
    if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
      format = .xlsx
    } else if let first = bytes.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF }) {
      if first == 0x5B { format = .json } else if first == 0x7B { format = .jsonLines } else if format != .csv { format = .csv }
    }
    if let record { try readRecord(record, name: recordName ?? "\(name).meta.json", into: &source) }
    switch format {
    case .csv: return try readTable(try csvRows(bytes, name: name), name: name, source: source, lineWord: .placeLine)
    case .xlsx: return try readWorkbook(bytes, name: name, source: source, hasRecord: record != nil)
    case .json, .jsonLines: return try readJSON(bytes, name: name, lines: format == .jsonLines, source: source)
    }
  }

  /// Reads the pack's identity from the run's record, and checks that it describes these very results.
  static func readRecord(_ bytes: [UInt8], name: String, into source: inout Source) throws(RecordInputError) {
    let root: JSONValue
    do {
      root = try JSONParser.parse(bytes)
    } catch {
      throw RecordInputError(Message(.previousRecordNotJSON, name, error.location.line, error.detail))
    }
    guard let object = root.objectValue, let pack = object["pack"]?.objectValue else {
      throw RecordInputError(Message(.previousNotARecord, name))
    }
    source.packID = pack["id"]?.stringValue
    source.packVersion = pack["version"]?.stringValue
    source.packSHA256 = pack["sha256"]?.stringValue
    source.finishedAt = object["finishedAt"]?.stringValue
    source.record = name
    if let written = object["output"]?.objectValue?["sha256"]?.stringValue, !written.isEmpty, written != source.sha256 {
      throw RecordInputError(Message(.previousFileChanged, source.file, name, source.sha256 ?? "?", written))
    }
  }

  /// A CSV file's rows as text, with the line each starts on (UTF-8, with or without a byte order mark).
  static func csvRows(_ bytes: [UInt8], name: String) throws(RecordInputError) -> [(cells: [String], line: Int)] {
    var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    guard String(validating: bytes[start...], as: UTF8.self) != nil else {
      throw RecordInputError(Message(.previousNotUTF8, name))
    }
    let tokenizer = CSVTokenizer(maxRecordBytes: Swift.max(bytes.count, 64))
    var cells = CSVTokenizer.Cells()
    var rows: [(cells: [String], line: Int)] = []
    var line = 1
    let outcome: RecordInputError? = bytes.withUnsafeBufferPointer { buffer in
      while true {
        switch tokenizer.scan(buffer, from: start, atEnd: true, cells: &cells) {
        case .record(let end, let lineEnds):
          rows.append(
            ((0..<cells.count).map { index in
              let text = String(decoding: buffer[cells.starts[index]..<cells.ends[index]], as: UTF8.self)
              return cells.escaped[index] ? text.replacing("\"\"", with: "\"") : text
            }, line))
          line += lineEnds
          start = end
        case .blank(let end):
          line += 1
          start = end
        case .malformed(_, _, let problem, let lineOffset, let column):
          return RecordInputError(
            Message(
              .placedProblem, Message(.placeLineColumn, name, line + lineOffset, column),
              problem.message(openedOn: line + lineOffset)))
        case .incomplete, .end:
          return nil
        }
      }
    }
    if let outcome { throw outcome }
    return rows
  }

  /// Results from a table's rows (a CSV file's or a sheet's), the first being the header.
  static func readTable(
    _ table: [(cells: [String], line: Int)], name: String, source: Source, lineWord: MessageKey
  ) throws(RecordInputError) -> PreviousResults {
    guard let header = table.first else {
      throw RecordInputError(Message(.previousEmpty, name))
    }
    // "NAME: line N: " (a CSV file) or "NAME: row N: " (a sheet).
    func at(_ line: Int) -> Message { Message(lineWord, name, line) }
    func column(_ names: [String]) -> Int? {
      header.cells.firstIndex { names.contains($0.trimmingSpaces) }
    }
    guard let idColumn = column(["编号", "id"]) else {
      throw RecordInputError(Message(.placedProblem, at(header.line), Message(.previousNoIDColumn)))
    }
    var columns: [(PreviousResultField, Int)] = []
    for field in PreviousResultField.allCases {
      if let index = column(field.headers) { columns.append((field, index)) }
    }
    let totalColumn = column(PreviousResultField.total.headers)
    let gradeColumn = column(PreviousResultField.grade.headers)
    var rows: [Row] = []
    for (cells, line) in table.dropFirst() {
      func cell(_ index: Int) -> String { index < cells.count ? cells[index].trimmingSpaces : "" }
      let id = cell(idColumn)
      if id.isEmpty {
        if cells.allSatisfy({ $0.trimmingSpaces.isEmpty }) { continue }
        throw RecordInputError(Message(.placedProblem, at(line), Message(.previousRowHasNoID)))
      }
      let void = totalColumn.map { cell($0) == ResultWording.void } == true || gradeColumn.map { cell($0) == ResultWording.void } == true
      var values: [PreviousResultField: InputValue] = [:]
      for (field, index) in columns {
        let text = cell(index)
        if field == .period {
          if !text.isEmpty { values[.period] = .text(text) }
          continue
        }
        if void { continue }
        if field == .vetoed {
          values[.vetoed] = .boolean(!text.isEmpty)
          continue
        }
        if text.isEmpty || text == ResultWording.void { continue }
        values[field] = .text(text)
      }
      rows.append(Row(id: id, line: line, values: values))
    }
    return try PreviousResults(rows: rows, fields: Set(columns.map(\.0)), source: source)
  }

  /// Results from a workbook pbk wrote: the sheet with an id column, and the run's record from its properties.
  static func readWorkbook(
    _ bytes: [UInt8], name: String, source: Source, hasRecord: Bool
  ) throws(RecordInputError) -> PreviousResults {
    var source = source
    do {
      let workbook = try XLSXWorkbook(bytes: bytes)
      var chosen: (name: String, header: Int)?
      for sheet in workbook.sheets where sheet.isWorksheet {
        if let row = try workbook.headerRow(ofSheetNamed: sheet.name, expecting: ["id", "编号"]) {
          chosen = (sheet.name, row)
          break
        }
      }
      guard let chosen else {
        throw RecordInputError(Message(.previousNoSheetWithID, name))
      }
      if !hasRecord {
        let properties = try workbook.documentProperties().custom
        func property(_ key: String) -> String? { properties.first { $0.name == key }?.value }
        if let id = property("pack.id") {
          source.packID = id
          source.packVersion = property("pack.version")
          source.packSHA256 = property("pack.sha256")
          source.finishedAt = property("finishedAt")
          source.record = "\(name) (文档属性)"
        }
      }
      var reader = try workbook.rows(ofSheetNamed: chosen.name, from: chosen.header)
      var table: [(cells: [String], line: Int)] = []
      while let row = try reader.nextRow() {
        table.append((row.cells.map(\.text), row.number))
      }
      return try readTable(table, name: "\(name) [\(chosen.name)]", source: source, lineWord: .previousPlaceRow)
    } catch let error as RecordInputError {
      throw error
    } catch let error as ExcelError {
      throw RecordInputError(Message(.fileProblem, name, error.detail))
    } catch {
      throw RecordInputError(Message(.fileProblem, name, Message.untranslated("\(error)")))  // English-only: unexpected errors
    }
  }

  /// Results from JSON (an array) or JSON Lines, as `pbk evaluate --format json|jsonl` writes them.
  static func readJSON(_ bytes: [UInt8], name: String, lines: Bool, source: Source) throws(RecordInputError) -> PreviousResults {
    var source = source
    var items: [JSONValue] = []
    do {
      if lines {
        var lineStart = 0
        var line = 1
        while lineStart < bytes.count {
          var end = lineStart
          while end < bytes.count, bytes[end] != 0x0A { end += 1 }
          let content = Array(bytes[lineStart..<end])
          if content.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) {
            items.append(try JSONParser.parse(content, firstLine: line))
          }
          lineStart = end + 1
          line += 1
        }
      } else {
        let root = try JSONParser.parse(bytes)
        guard let array = root.arrayValue else {
          throw RecordInputError(Message(.previousExpectedList, name, root.kindMessage))
        }
        items = array
      }
    } catch let error as RecordInputError {
      throw error
    } catch let error as JSONSyntaxError {
      throw RecordInputError(
        Message(.placedProblem, Message(.placeLineColumn, name, error.location.line, error.location.column), error.detail))
    } catch {
      throw RecordInputError(Message(.fileProblem, name, Message.untranslated("\(error)")))  // English-only: unexpected errors
    }
    var rows: [Row] = []
    var fields: Set<PreviousResultField> = [.total, .vetoed]
    var schemes: Set<String> = []
    for item in items {
      guard let object = item.objectValue else {
        throw RecordInputError(
          Message(.placedProblem, Message(.placeLine, name, item.location.line), Message(.previousExpectedObject, item.kindMessage)))
      }
      func text(_ value: JSONValue?) -> String? {
        switch value?.content {
        case .string(let text)?: text
        case .number(let text)?: text
        default: nil
        }
      }
      guard let id = text(object["subject"]?.objectValue?["id"]) ?? text(object["id"]), !id.trimmingSpaces.isEmpty else {
        throw RecordInputError(Message(.placedProblem, Message(.placeLine, name, item.location.line), Message(.previousNoSubjectID)))
      }
      if let scheme = object["schemeID"]?.stringValue { schemes.insert(scheme) }
      var values: [PreviousResultField: InputValue] = [:]
      if let period = text(object["period"]), !period.isEmpty {
        values[.period] = .text(period)
        fields.insert(.period)
      }
      if object["grade"] != nil { fields.insert(.grade) }
      if object["stars"] != nil { fields.insert(.stars) }
      if object["voidReason"] == nil {
        if let total = text(object["total"]) { values[.total] = .text(total) }
        if let grade = object["grade"] {
          if let name = text(grade) { values[.grade] = .text(name) }
        } else {
          values[.grade] = .text(ResultWording.noGrade)
        }
        if let stars = text(object["stars"]) { values[.stars] = .text(stars) }
        values[.vetoed] = .boolean(!(object["vetoes"]?.arrayValue ?? []).isEmpty)
      }
      rows.append(Row(id: id.trimmingSpaces, line: item.location.line, values: values))
    }
    // A result without a grade leaves "grade" out: the column exists when any result has one.
    if !fields.contains(.grade) {
      for index in rows.indices { rows[index].values[.grade] = nil }
    }
    if source.packID == nil, schemes.count == 1 {
      source.packID = schemes.first
      source.record = "\(name) (schemeID)"
    }
    return try PreviousResults(rows: rows, fields: fields, source: source)
  }
}
