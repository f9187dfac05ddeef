/// A problem found in a rule pack: where it is and what to do about it.
public struct PackProblem: Sendable, Hashable, CustomStringConvertible {
  /// How serious a problem is: errors stop a pack from loading; notes are for information.
  public enum Severity: String, Sendable, Hashable {
    case error, warning, note
  }

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
  public var problems: [PackProblem]

  public init(problems: [PackProblem]) { self.problems = problems }

  public var description: String { problems.map(\.description).joined(separator: "\n") }
}
