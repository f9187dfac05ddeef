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

  func error(_ message: String, at pointer: JSONPointer?, _ location: SourceLocation?, snippet: String? = nil) {
    errorCount += 1
    problems.append(
      PackProblem(file: file, pointer: pointer, location: location, message: message, snippet: snippet))
  }

  func note(_ message: String, at pointer: JSONPointer?, _ location: SourceLocation?) {
    problems.append(
      PackProblem(severity: .note, file: file, pointer: pointer, location: location, message: message))
  }

  func warning(_ message: String, at pointer: JSONPointer?, _ location: SourceLocation?, snippet: String? = nil) {
    problems.append(
      PackProblem(
        severity: .warning, file: file, pointer: pointer, location: location, message: message, snippet: snippet))
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

  func error(_ message: String) { sink.error(message, at: pointer, location) }

  /// Reads this node as an object whose keys must be among `keys` (others are reported with a suggestion).
  func object(_ what: String, keys: [String]) -> ObjectNode? {
    guard case .object(let object) = value.content else {
      error("expected \(what) (an object in braces {…}) here, but found \(value.kindDescription)")
      return nil
    }
    // Test inputs allow every input id: look keys up in a set when there are many.
    let allowed: Set<String>? = keys.count > 16 ? Set(keys) : nil
    for member in object.members where !(allowed?.contains(member.key) ?? keys.contains(member.key)) {
      sink.error(
        "unknown key '\(member.key)' in \(what)\(Spelling.didYouMean(member.key, among: keys))"
          + (Spelling.suggestion(for: member.key, among: keys) == nil
            ? "; the keys allowed here are \(keys.joined(separator: ", "))" : ""),
        at: pointer.appending(member.key), member.keyLocation)
    }
    return ObjectNode(object: object, node: self, what: what)
  }

  func array(_ what: String) -> [Node]? {
    guard case .array(let items) = value.content else {
      error("expected \(what) (a list in brackets […]) here, but found \(value.kindDescription)")
      return nil
    }
    return items.enumerated().map { Node(value: $1, pointer: pointer.appending($0), sink: sink) }
  }

  func string(_ what: String) -> String? {
    guard case .string(let text) = value.content else {
      error("expected \(what) as text in double quotes here, but found \(value.kindDescription)")
      return nil
    }
    return text
  }

  func bool(_ what: String) -> Bool? {
    guard case .bool(let flag) = value.content else {
      error("expected \(what) as true or false here, but found \(value.kindDescription)")
      return nil
    }
    return flag
  }

  /// Reads an exact decimal: a JSON number, or text such as "30%" or "0.3".
  func decimal(_ what: String) -> ExactDecimal? {
    let text: String
    switch value.content {
    case .number(let literal): text = literal
    case .string(let literal): text = literal.trimmingSpaces
    default:
      error("expected \(what) as a number here, but found \(value.kindDescription)")
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
  static func numberMessage(_ text: String, _ problem: ExactDecimalParseError, for what: String) -> String {
    switch problem {
    case .empty, .invalidCharacter, .missingDigits:
      return "'\(text)' is not a number; write \(what) as a number such as 100, 85.5 or \"30%\""
    case .tooManyFractionDigits:
      return "'\(text)' has more than 18 decimal places, more than \(what) can hold exactly; round it to 18 places or fewer"
    case .outOfRange:
      // The wording only: whether the integer part itself is too large, or the digits are too many.
      // (Counted from the text, never through binary floating point.)
      let digits = text.hasSuffix("%") ? String(text.dropLast()) : text
      let mantissa = digits.split(whereSeparator: { $0 == "e" || $0 == "E" })
      let whole = mantissa.first.map { $0.split(separator: ".").first.map { $0.filter(\.isNumber).drop { $0 == "0" }.count } ?? 0 } ?? 0
      let exponent = mantissa.count > 1 ? Int(mantissa[1]) ?? Int.max : 0
      if whole + exponent >= 19 {
        return "'\(text)' is too large for \(what); a number in a pack is below about 9.2 × 10¹⁸ — check it for a typing mistake"
      }
      return "'\(text)' has too many digits to hold exactly for \(what) (at most 18 significant digits); shorten it"
    }
  }

  func integer(_ what: String, in range: ClosedRange<Int>) -> Int? {
    guard let value = decimal(what) else { return nil }
    guard let int = value.intValue, range.contains(int) else {
      error("\(what) must be a whole number from \(range.lowerBound) to \(range.upperBound), not \(value)")
      return nil
    }
    return int
  }
}

/// An object being read, key by key.
struct ObjectNode {
  let object: JSONObject
  let node: Node
  let what: String

  var pointer: JSONPointer { node.pointer }
  var location: SourceLocation { node.location }
  var sink: ProblemSink { node.sink }

  subscript(key: String) -> Node? {
    object[key].map { Node(value: $0, pointer: node.pointer.appending(key), sink: node.sink) }
  }

  func has(_ key: String) -> Bool { object[key] != nil }

  func missing(_ key: String, _ hint: String) {
    node.error("\(what) needs '\(key)': \(hint)")
  }

  func requiredString(_ key: String, _ hint: String) -> String? {
    guard let child = self[key] else {
      missing(key, hint)
      return nil
    }
    return child.string("'\(key)'")
  }

  func string(_ key: String) -> String? { self[key]?.string("'\(key)'") }

  func decimal(_ key: String) -> ExactDecimal? { self[key]?.decimal("'\(key)'") }

  func bool(_ key: String) -> Bool? { self[key]?.bool("'\(key)'") }

  func array(_ key: String) -> [Node]? { self[key]?.array("'\(key)'") }

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
      child.error("expected a formula in double quotes for '\(key)', but found \(child.value.kindDescription)")
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
