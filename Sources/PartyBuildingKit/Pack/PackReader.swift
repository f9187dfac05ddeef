/// Collects the problems of one pack file while it is read and compiled.
final class ProblemSink {
  let file: String
  private let text: String
  /// The text's lines, split when the first snippet is made (most packs have no problem to show).
  private lazy var lines: [Substring] = text.split(separator: "\n", omittingEmptySubsequences: false)
  private(set) var problems: [PackProblem] = []

  init(file: String, text: String) {
    self.file = file
    self.text = text
  }

  /// The number of errors reported so far: a part whose reading added none read cleanly.
  private(set) var errorCount = 0

  var hasErrors: Bool { errorCount > 0 }

  /// Something a broken definition leaves unknown. Its problem is reported where it is defined; what uses it is
  /// not reported again (one root cause, one message).
  enum Unknown: Hashable {
    /// A name formulas use (an input, value, section, component…) whose type or range is not known.
    case name(String)
    case veto(String)
    case grade(String)
    case consequence(String)
    case starItem(String)
    case cohortLabel(String)
  }

  private(set) var unknown: Set<Unknown> = []
  /// Set when the grade bands themselves are broken: no grade name can be checked.
  var gradesUnknown = false

  func markUnknown(_ item: Unknown) { unknown.insert(item) }

  func isUnknown(_ item: Unknown) -> Bool {
    if case .grade = item, gradesUnknown { return true }
    return unknown.contains(item)
  }

  /// Whether any of `names` is unknown.
  func usesUnknown(_ names: [String]) -> Bool {
    !unknown.isEmpty && names.contains { unknown.contains(.name($0)) }
  }

  func error(_ message: Message, at pointer: JSONPointer?, _ location: SourceLocation?, snippet: String? = nil) {
    errorCount += 1
    problems.append(
      PackProblem(file: file, pointer: pointer, location: location, detail: message, snippet: snippet))
  }

  func note(_ message: Message, at pointer: JSONPointer?, _ location: SourceLocation?) {
    problems.append(
      PackProblem(severity: .note, file: file, pointer: pointer, location: location, detail: message))
  }

  func warning(_ message: Message, at pointer: JSONPointer?, _ location: SourceLocation?, snippet: String? = nil) {
    problems.append(
      PackProblem(
        severity: .warning, file: file, pointer: pointer, location: location, detail: message, snippet: snippet))
  }

  /// An error worded in English only (code not yet using the message catalogue; listed by `MessageCatalogTests`).
  func error(_ message: String, at pointer: JSONPointer?, _ location: SourceLocation?, snippet: String? = nil) {
    error(Message.untranslated(message), at: pointer, location, snippet: snippet)  // English-only entry point
  }

  /// A note worded in English only (listed by `MessageCatalogTests`).
  func note(_ message: String, at pointer: JSONPointer?, _ location: SourceLocation?) {
    note(Message.untranslated(message), at: pointer, location)  // English-only entry point
  }

  /// A warning worded in English only (listed by `MessageCatalogTests`).
  func warning(_ message: String, at pointer: JSONPointer?, _ location: SourceLocation?, snippet: String? = nil) {
    warning(Message.untranslated(message), at: pointer, location, snippet: snippet)  // English-only entry point
  }

  /// The source line with a caret line under `column` spanning `length` scalars.
  func snippet(line: Int, column: Int, length: Int) -> String? {
    guard line >= 1, line <= lines.count else { return nil }
    let text = lines[line - 1].replacing("\r", with: "")
    let number = String(line)
    let gutter = String(repeating: " ", count: number.count)
    // Each CJK character is two cells wide in a terminal: pad the caret line to match.
    var pad = ""
    for (index, scalar) in text.unicodeScalars.enumerated() where index < column - 1 {
      pad += scalar == "\t" ? "\t" : (TextWidth.isWide(scalar) ? "  " : " ")
    }
    let carets = String(repeating: "^", count: max(1, length))
    return " \(number) | \(text)\n \(gutter) | \(pad)\(carets)"
  }
}

/// A JSON value being read, with where it is.
struct Node {
  let value: JSONValue
  let pointer: JSONPointer
  let sink: ProblemSink

  var location: SourceLocation { value.location }

  /// Reports the catalogue message `key` with its arguments here.
  func error(_ key: MessageKey, _ arguments: any MessageArgumentConvertible...) {
    sink.error(Message(key, arguments: arguments.map(\.messageArgument)), at: pointer, location)
  }

  /// Reports `message` here.
  func error(_ message: Message) { sink.error(message, at: pointer, location) }

  /// Reports an English-only message here (code not yet using the catalogue; listed by `MessageCatalogTests`).
  func error(_ message: String) { sink.error(message, at: pointer, location) }

  /// Reads this node as an object whose keys must be among `keys` (others are reported with a suggestion).
  func object(_ what: Message, keys: [String]) -> ObjectNode? {
    guard case .object(let object) = value.content else {
      error(.expectedObject, what, value.kindMessage)
      return nil
    }
    // Test inputs allow every input id: look keys up in a set when there are many.
    let allowed: Set<String>? = keys.count > 16 ? Set(keys) : nil
    for member in object.members where !(allowed?.contains(member.key) ?? keys.contains(member.key)) {
      let suggestion = Spelling.suggestion(for: member.key, among: keys)
      sink.error(
        suggestion.map { Message(.unknownKeyDidYouMean, member.key, what, $0) }
          ?? Message(.unknownKeyAllowed, member.key, what, keys.joined(separator: ", ")),
        at: pointer.appending(member.key), member.keyLocation)
    }
    return ObjectNode(object: object, node: self, what: what)
  }

  /// Reads this node as an object, with `what` worded in English only (listed by `MessageCatalogTests`).
  func object(_ what: String, keys: [String]) -> ObjectNode? { object(Message.untranslated(what), keys: keys) }  // English-only entry point

  /// `what` worded in English only (listed by `MessageCatalogTests`).
  func array(_ what: String) -> [Node]? { array(Message.untranslated(what)) }  // English-only entry point
  /// `what` worded in English only (listed by `MessageCatalogTests`).
  func string(_ what: String) -> String? { string(Message.untranslated(what)) }  // English-only entry point
  /// `what` worded in English only (listed by `MessageCatalogTests`).
  func bool(_ what: String) -> Bool? { bool(Message.untranslated(what)) }  // English-only entry point
  /// `what` worded in English only (listed by `MessageCatalogTests`).
  func decimal(_ what: String) -> ExactDecimal? { decimal(Message.untranslated(what)) }  // English-only entry point
  /// `what` worded in English only (listed by `MessageCatalogTests`).
  func integer(_ what: String, in range: ClosedRange<Int>) -> Int? { integer(Message.untranslated(what), in: range) }  // English-only entry point

  func array(_ what: Message) -> [Node]? {
    guard case .array(let items) = value.content else {
      error(.expectedList, what, value.kindMessage)
      return nil
    }
    return items.enumerated().map { Node(value: $1, pointer: pointer.appending($0), sink: sink) }
  }

  func string(_ what: Message) -> String? {
    guard case .string(let text) = value.content else {
      error(.expectedText, what, value.kindMessage)
      return nil
    }
    return text
  }

  func bool(_ what: Message) -> Bool? {
    guard case .bool(let flag) = value.content else {
      error(.expectedBool, what, value.kindMessage)
      return nil
    }
    return flag
  }

  /// Reads an exact decimal: a JSON number, or text such as "30%" or "0.3".
  func decimal(_ what: Message) -> ExactDecimal? {
    let text: String
    switch value.content {
    case .number(let literal): text = literal
    case .string(let literal): text = literal.trimmingSpaces
    default:
      error(.expectedNumber, what, value.kindMessage)
      return nil
    }
    switch Self.exactNumber(text) {
    case .success(let value): return value
    case .failure(let problem):
      error(Self.numberMessage(text, problem, for: what))
      return nil
    }
  }

  /// Reads a number as a pack writes it: a decimal (`85.5`, `1e2`) or a percentage (`"30%"`), exactly.
  static func exactNumber(_ text: String) -> Result<ExactDecimal, ExactDecimalParseError> {
    guard text.hasSuffix("%") else { return ExactDecimal.parse(text) }
    switch ExactDecimal.parse(text.dropLast()) {
    case .success(let percent):
      // A hundredth is two more places: exact, or too many places.
      let value = percent.normalized()
      guard value.scale + 2 <= ExactDecimal.maxScale else { return .failure(.tooManyFractionDigits) }
      return .success(ExactDecimal(significand: value.significand, scale: value.scale + 2))
    case .failure(let problem): return .failure(problem)
    }
  }

  /// Why `text` is not a number a pack can hold, for `what` (e.g. `'fullMarks'`), and what to write instead.
  /// `what` worded in English only (listed by `MessageCatalogTests`).
  static func numberMessage(_ text: String, _ problem: ExactDecimalParseError, for what: String) -> Message {
    numberMessage(text, problem, for: Message.untranslated(what))  // English-only entry point
  }

  static func numberMessage(_ text: String, _ problem: ExactDecimalParseError, for what: Message) -> Message {
    switch problem {
    case .empty, .invalidCharacter, .missingDigits:
      return Message(.notANumber, text, what)
    case .tooManyFractionDigits:
      return Message(.tooManyDecimalPlaces, text, what)
    case .outOfRange:
      // The wording only: whether the integer part itself is too large, or the digits are too many.
      // (Counted from the text, never through binary floating point.)
      let digits = text.hasSuffix("%") ? String(text.dropLast()) : text
      let mantissa = digits.split(whereSeparator: { $0 == "e" || $0 == "E" })
      let whole = mantissa.first.map { $0.split(separator: ".").first.map { $0.filter(\.isNumber).drop { $0 == "0" }.count } ?? 0 } ?? 0
      let exponent = mantissa.count > 1 ? Int(mantissa[1]) ?? Int.max : 0
      if whole + exponent >= 19 {
        return Message(.numberTooLarge, text, what)
      }
      return Message(.tooManyDigits, text, what)
    }
  }

  func integer(_ what: Message, in range: ClosedRange<Int>) -> Int? {
    guard let value = decimal(what) else { return nil }
    guard let int = value.intValue, range.contains(int) else {
      error(.wholeNumberFromTo, what, range.lowerBound, range.upperBound, value)
      return nil
    }
    return int
  }
}

/// An object being read, key by key.
struct ObjectNode {
  let object: JSONObject
  let node: Node
  /// What the object is, e.g. "an input", for messages.
  let what: Message

  var pointer: JSONPointer { node.pointer }
  var location: SourceLocation { node.location }
  var sink: ProblemSink { node.sink }

  subscript(key: String) -> Node? {
    object[key].map { Node(value: $0, pointer: node.pointer.appending(key), sink: node.sink) }
  }

  func has(_ key: String) -> Bool { object[key] != nil }

  /// Reports that the object lacks `key`, with a hint worded in English only (listed by `MessageCatalogTests`).
  func missing(_ key: String, _ hint: String) {
    missing(key, Message.untranslated(hint))  // English-only entry point
  }

  /// Reports that the object lacks `key`, with the catalogue hint `hint` of what to write.
  func missing(_ key: String, _ hint: MessageKey, _ arguments: any MessageArgumentConvertible...) {
    missing(key, Message(hint, arguments: arguments.map(\.messageArgument)))
  }

  /// Reports that the object lacks `key`, with a hint of what to write.
  func missing(_ key: String, _ hint: Message) {
    node.error(.objectNeedsKey, what, key, hint)
  }

  func requiredString(_ key: String, _ hint: Message) -> String? {
    guard let child = self[key] else {
      missing(key, hint)
      return nil
    }
    return child.string(.quoted(key))
  }

  /// A hint worded in English only (listed by `MessageCatalogTests`).
  func requiredString(_ key: String, _ hint: String) -> String? { requiredString(key, Message.untranslated(hint)) }  // English-only entry point

  func string(_ key: String) -> String? { self[key]?.string(.quoted(key)) }

  func decimal(_ key: String) -> ExactDecimal? { self[key]?.decimal(.quoted(key)) }

  func bool(_ key: String) -> Bool? { self[key]?.bool(.quoted(key)) }

  func array(_ key: String) -> [Node]? { self[key]?.array(.quoted(key)) }

  /// Reads a formula's text and where it starts.
  func formula(_ key: String) -> FormulaSource? {
    guard let child = self[key] else { return nil }
    switch child.value.content {
    case .string(let text):
      return FormulaSource(text: text, pointer: child.pointer, location: child.location, isString: true)
    case .number(let literal):
      return FormulaSource(text: literal, pointer: child.pointer, location: child.location, isString: false)
    case .bool(let flag):
      return FormulaSource(
        text: flag ? "true" : "false", pointer: child.pointer, location: child.location, isString: false)
    default:
      child.error(.expectedFormula, key, child.value.kindMessage)
      return nil
    }
  }
}

/// A formula as written in the pack, with where it is.
struct FormulaSource {
  var text: String
  var pointer: JSONPointer
  var location: SourceLocation
  /// Whether it was written as a JSON string (its first character is one column after the quote).
  var isString: Bool

  /// The file location of a formula offset (exact when the text has no escapes before it).
  func location(ofOffset offset: Int) -> SourceLocation {
    SourceLocation(line: location.line, column: location.column + (isString ? 1 : 0) + offset)
  }
}

extension String {
  /// The text without leading and trailing spaces and tabs; cheap when there are none (the usual case).
  var trimmingSpaces: String {
    let bytes = utf8
    guard let first = bytes.first, let last = bytes.last else { return "" }
    let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 }
    if !isSpace(first), !isSpace(last) { return String(self) }
    guard let start = bytes.firstIndex(where: { !isSpace($0) }), let end = bytes.lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(decoding: bytes[start...end], as: UTF8.self)
  }
}

extension Substring {
  /// The text without leading and trailing spaces and tabs.
  var trimmingSpaces: String { String(self).trimmingSpaces }
}

extension Message {
  /// A key of the pack format as written, in single quotes: `'label'`.
  package static func quoted(_ key: String) -> Message { .verbatim("'\(key)'") }
}

extension JSONValue {
  /// What kind of value this is, for messages: "a number", "text", "a list"…
  var kindMessage: Message {
    switch content {
    case .null: Message(.kindNull)
    case .bool: Message(.kindBool)
    case .number: Message(.kindNumber)
    case .string: Message(.kindText)
    case .array: Message(.kindList)
    case .object: Message(.kindObject)
    }
  }
}
