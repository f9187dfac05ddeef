/// A problem found in a rule pack: where it is and what to do about it.
public struct PackProblem: Sendable, Hashable, CustomStringConvertible {
  /// How serious a problem is: errors stop a pack from loading; notes are for information.
  public enum Severity: String, Sendable, Hashable {
    /// The pack cannot be loaded until this is corrected.
    case error
    /// The pack loads, but something deserves a look (``RulePack/warnings``; `pbk validate` prints them).
    case warning
    /// Information: worth knowing, nothing to correct.
    case note
  }

  /// How serious it is; ``PackLoadError`` holds at least one ``Severity-swift.enum/error``.
  public var severity: Severity
  /// The file as the user named it.
  public var file: String
  /// Where in the JSON document, when the problem belongs to a value.
  public var pointer: JSONPointer?
  /// The line and column in the file.
  public var location: SourceLocation?
  /// What is wrong and what to do, starting lowercase.
  public var message: String
  /// The source line with a caret under the problem, when one helps (formulas).
  public var snippet: String?

  /// A problem in `file`; by default an error, not placed.
  public init(
    severity: Severity = .error, file: String, pointer: JSONPointer? = nil, location: SourceLocation? = nil,
    message: String, snippet: String? = nil
  ) {
    self.severity = severity
    self.file = file
    self.pointer = pointer
    self.location = location
    self.message = message
    self.snippet = snippet
  }

  /// One line in the form compilers use: `file:line:column: error: message (at /json/pointer)`.
  public var description: String {
    var text = file
    if let location { text += ":\(location.line):\(location.column)" }
    text += ": \(severity.rawValue): \(message)"
    if let pointer, !pointer.tokens.isEmpty { text += " (at \(pointer))" }
    if let snippet { text += "\n" + snippet }
    return text
  }
}

/// All the problems found in a rule pack; thrown when a pack cannot be loaded.
public struct PackLoadError: Error, Sendable, CustomStringConvertible {
  /// Every problem found, in the order found: at least one error, and the warnings and notes found with them.
  public var problems: [PackProblem]

  /// An error made of these problems.
  public init(problems: [PackProblem]) { self.problems = problems }

  /// Every problem's ``PackProblem/description``, one after another, separated by newlines.
  public var description: String { problems.map(\.description).joined(separator: "\n") }
}
