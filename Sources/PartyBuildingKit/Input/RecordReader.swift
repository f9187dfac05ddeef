#if canImport(FoundationEssentials)
  internal import FoundationEssentials
#else
  internal import Foundation
#endif

/// Reads subjects and their facts from a CSV, JSON or JSON Lines file, a record at a time.
///
/// CSV: a header row, then a subject per row. The columns `id` (or 编号) and optionally `name` (名称/姓名),
/// `kind` (类型), `parent` (上级), `period` (考核期); every other column is an input, named by its id or its label;
/// a column whose header starts with `#` is carried through as an attribute and not read by the scheme.
/// An empty cell means the fact is not given (the input's default applies, or it is reported as missing).
///
/// JSON: an array of objects, or JSON Lines (an object per line). Each object has `id` and optionally `name`,
/// `kind`, `parent`, `period`, `attributes` (an object of texts); the inputs either sit beside them or in an
/// `inputs` object.
///
/// CSV and JSON Lines are read as records are asked for, so memory stays flat however long the file; a JSON array
/// is parsed whole. Copies of a reader share the file being read: read from one copy only (open another reader to
/// read the file again).
public struct RecordReader {
  /// The input file formats.
  public enum Format: String, Sendable {
    case csv, json, jsonLines
  }

  public let file: String
  public let format: Format
  let inputs: [InputDeclaration]
  var csv: CSVReader?
  var columns: [Column] = []
  /// A JSON file's records, parsed whole (one JSON document); a JSON Lines file is read a line at a time instead.
  var jsonRecords: [(value: JSONValue, line: Int)] = []
  var jsonIndex = 0
  var jsonLines: JSONLineSource?
  /// Problems with the file as a whole (unreadable, bad header); no records follow.
  public private(set) var fileProblem: String?

  enum Column {
    case id, name, kind, parent, period, attribute(String), input(String)
  }

  static let subjectColumns: [String: Column] = [
    "id": .id, "编号": .id, "name": .name, "名称": .name, "姓名": .name, "kind": .kind, "类型": .kind,
    "parent": .parent, "上级": .parent, "period": .period, "考核期": .period,
  ]

  /// Opens `file` for a scheme that reads `inputs`; the format comes from the extension (.csv, .json, .jsonl).
  public init(file: String, inputs: [InputDeclaration]) {
    self.file = file
    self.inputs = inputs
    let lower = file.lowercased()
    if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") {
      format = .jsonLines
    } else if lower.hasSuffix(".json") {
      format = .json
    } else {
      format = .csv
    }
    switch format {
    case .csv: openCSV()
    case .json, .jsonLines: openJSON()
    }
  }

  private mutating func openCSV() {
    do {
      var reader = try CSVReader(path: file)
      guard let header = try reader.next() else {
        fileProblem = "\(file): the file is empty; the first row must name the columns (id, then the inputs)"
        return
      }
      var byName: [String: String] = [:]
      for input in inputs {
        byName[input.id] = input.id
        byName[input.label] = byName[input.label] ?? input.id
      }
      var seen: [String: Int] = [:]
      for (index, rawName) in header.fields.enumerated() {
        let name = rawName.trimmingSpaces
        if let first = seen[name] {
          fileProblem =
            "\(file): line \(header.line), column \(index + 1): the column '\(name)' repeats column \(first); name each column once"
          return
        }
        seen[name] = index + 1
        if let column = Self.subjectColumns[name] {
          columns.append(column)
        } else if name.hasPrefix("#") {
          columns.append(.attribute(String(name.dropFirst())))
        } else if let id = byName[name] {
          columns.append(.input(id))
        } else {
          let known = inputs.map(\.id) + inputs.map(\.label) + ["id", "name", "kind", "parent", "period"]
          fileProblem =
            "\(file): line \(header.line), column \(index + 1): the column '\(name)' is not an input of the scheme\(Spelling.didYouMean(name, among: known)); rename it, or start its header with # to carry it through unread"
          return
        }
      }
      if !columns.contains(where: { if case .id = $0 { true } else { false } }) {
        fileProblem = "\(file): line \(header.line): no 'id' (编号) column; add one naming each subject"
        return
      }
      csv = reader
    } catch {
      fileProblem = "\(file): \(error)"
    }
  }

  private mutating func openJSON() {
    if format == .jsonLines {
      // Streamed: a line is read and parsed when its record is asked for.
      do {
        jsonLines = try JSONLineSource(path: file)
      } catch {
        fileProblem = "\(file): \(error)"
      }
      return
    }
    guard let data = FileManager.default.contents(atPath: file) else {
      fileProblem = "\(file): cannot read the file; check the path"
      return
    }
    do {
      let root = try JSONParser.parse([UInt8](data))
      guard case .array(let items) = root.content else {
        fileProblem = "\(file): expected a list [ … ] of subjects, but the file holds \(root.kindDescription); for an object per line name the file .jsonl"
        return
      }
      jsonRecords = items.map { ($0, $0.location.line) }
    } catch {
      fileProblem = "\(file): line \(error.location.line), column \(error.location.column): \(error.message)"
    }
  }

  /// The next non-blank line of a JSON Lines file, parsed; a line that is not JSON comes back as its error message
  /// with the line negated.
  private mutating func nextJSONLine() -> (value: JSONValue, line: Int)? {
    guard let source = jsonLines else { return nil }
    while true {
      let next: (bytes: ArraySlice<UInt8>, line: Int)
      do {
        guard let read = try source.nextLine() else { return nil }
        next = read
      } catch {
        jsonLines = nil
        return (JSONValue(content: .string(error.message), location: SourceLocation(line: source.line, column: 1)), -source.line)
      }
      guard next.bytes.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { continue }
      do {
        return (try JSONParser.parse(Array(next.bytes), firstLine: next.line), next.line)
      } catch {
        return (JSONValue(content: .string(error.description), location: error.location), -next.line)
      }
    }
  }

  /// The next record, or an error naming its line (and column); nil at the end of the file.
  public mutating func next() -> Result<AssessmentInput, AssessmentError>? {
    if fileProblem != nil { return nil }
    switch format {
    case .csv: return nextCSV()
    case .json, .jsonLines: return nextJSON()
    }
  }

  private mutating func nextCSV() -> Result<AssessmentInput, AssessmentError>? {
    guard let raw = nextRawCSV() else { return nil }
    switch raw {
    case .failure(let error): return .failure(error)
    case .success(let record): return buildInput(record.fields, line: record.line)
    }
  }

  /// The next CSV record as its fields, checked for its number of fields; nil at the end.
  mutating func nextRawCSV() -> Result<(fields: [String], line: Int), AssessmentError>? {
    guard csv != nil else { return nil }
    let record: CSVRecord
    do {
      // Read in place: copying the reader out and back would copy its buffer on every record.
      guard let next = try csv!.next() else { return nil }
      record = next
    } catch {
      csv = nil
      return .failure(
        AssessmentError(
          code: .malformedRecord, message: error.message, origin: InputOrigin(file: file, line: error.line),
          column: error.column))
    }
    guard record.fields.count == columns.count else {
      return .failure(fieldCountError(record.fields.count, line: record.line))
    }
    return .success((record.fields, record.line))
  }

  /// The error for a CSV row whose number of fields is not the header's.
  func fieldCountError(_ count: Int, line: Int) -> AssessmentError {
    AssessmentError(
      code: .malformedRecord,
      message: "the row has \(count) fields but the header has \(columns.count); check for a stray comma or a missing cell",
      origin: InputOrigin(file: file, line: line))
  }

  /// The subject and facts of a CSV row whose fields match the header.
  func buildInput(_ fields: [String], line: Int) -> Result<AssessmentInput, AssessmentError> {
    let origin = InputOrigin(file: file, line: line)
    var subject = Subject(id: "")
    var period: AssessmentPeriod?
    var values: [String: InputValue] = [:]
    for (column, field) in zip(columns, fields) {
      switch column {
      case .input(let id): if !field.trimmingSpaces.isEmpty { values[id] = .text(field) }
      default: applySubjectField(column, field, to: &subject, period: &period)
      }
    }
    if subject.id.isEmpty {
      return .failure(
        AssessmentError(code: .malformedRecord, message: "the row has no id; give every subject an id", origin: origin))
    }
    return .success(AssessmentInput(subject: subject, period: period, values: values, origin: origin))
  }

  /// Puts a subject column's field where it belongs (inputs are left to the caller).
  func applySubjectField(_ column: Column, _ field: String, to subject: inout Subject, period: inout AssessmentPeriod?) {
    switch column {
    case .id: subject.id = field.trimmingSpaces
    case .name: subject.name = field
    case .kind: subject.kind = field
    case .parent: subject.parent = field.isEmpty ? nil : field
    case .period: period = field.isEmpty ? nil : AssessmentPeriod(field)
    case .attribute(let name): subject.attributes[name] = field
    case .input: break
    }
  }

  /// The column number (1-based) of an input, for error messages.
  public func column(of inputID: String) -> Int? {
    columns.firstIndex { if case .input(inputID) = $0 { true } else { false } }.map { $0 + 1 }
  }

  private mutating func nextJSON() -> Result<AssessmentInput, AssessmentError>? {
    let value: JSONValue
    let line: Int
    if format == .jsonLines {
      guard let next = nextJSONLine() else { return nil }
      (value, line) = next
    } else {
      guard jsonIndex < jsonRecords.count else { return nil }
      (value, line) = jsonRecords[jsonIndex]
      jsonIndex += 1
    }
    let origin = InputOrigin(file: file, line: abs(line))
    if line < 0, case .string(let message) = value.content {
      return .failure(AssessmentError(code: .malformedRecord, message: message, origin: origin))
    }
    guard case .object(let object) = value.content else {
      return .failure(
        AssessmentError(code: .malformedRecord, message: "expected a subject as an object {…}, found \(value.kindDescription)", origin: origin))
    }
    var subject = Subject(id: "")
    var period: AssessmentPeriod?
    var values: [String: InputValue] = [:]
    func fail(_ message: String) -> Result<AssessmentInput, AssessmentError> {
      .failure(AssessmentError(code: .malformedRecord, message: message, subjectID: subject.id.isEmpty ? nil : subject.id, origin: origin))
    }
    func text(_ value: JSONValue) -> String? {
      switch value.content {
      case .string(let text): text
      case .number(let text): text
      default: nil
      }
    }
    func add(_ key: String, _ value: JSONValue) -> String? {
      switch value.content {
      case .null: return nil
      case .number(let literal):
        guard let number = ExactDecimal(literal) else { return "'\(key)' is \(literal), which cannot be held exactly" }
        values[key] = .number(number)
      case .bool(let flag): values[key] = .boolean(flag)
      case .string(let text): if !text.isEmpty { values[key] = .text(text) }
      default: return "'\(key)' is \(value.kindDescription); an input is a number, true/false or text"
      }
      return nil
    }
    for member in object.members {
      switch member.key {
      case "id": subject.id = text(member.value) ?? ""
      case "name": subject.name = text(member.value) ?? ""
      case "kind": subject.kind = text(member.value) ?? ""
      case "parent": subject.parent = text(member.value)
      case "period": period = text(member.value).map(AssessmentPeriod.init)
      case "attributes":
        guard case .object(let attributes) = member.value.content else { return fail("'attributes' must be an object of texts") }
        for attribute in attributes.members { subject.attributes[attribute.key] = text(attribute.value) ?? "" }
      case "events":
        guard case .array(let items) = member.value.content else { return fail("'events' must be an array of events") }
        var events: [LedgerEvent] = []
        for (index, item) in items.enumerated() {
          switch LedgerEvent.read(item, at: index) {
          case .success(let event): events.append(event)
          case .failure(let problem): return fail(problem.message)
          }
        }
        subject.events = events
      case "inputs":
        guard case .object(let nested) = member.value.content else { return fail("'inputs' must be an object") }
        for input in nested.members { if let problem = add(input.key, input.value) { return fail(problem) } }
      default:
        if let problem = add(member.key, member.value) { return fail(problem) }
      }
    }
    if subject.id.isEmpty { return fail("the record has no 'id'; give every subject an id") }
    return .success(AssessmentInput(subject: subject, period: period, values: values, origin: origin))
  }
}
