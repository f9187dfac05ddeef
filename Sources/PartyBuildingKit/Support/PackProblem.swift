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
  /// What is wrong and what to do, as a value rendered in the language it is printed in (``description(in:)``).
  public var detail: Message
  /// What is wrong and what to do, in English, starting lowercase (``detail`` in English). Setting it replaces
  /// ``detail`` with an English-only message.
  public var message: String {
    get { detail.text(in: .english) }
    set { detail = .untranslated(newValue) }
  }
  /// The source line with a caret under the problem, when one helps (formulas).
  public var snippet: String?

  /// A problem in `file`; by default an error, not placed.
  public init(
    severity: Severity = .error, file: String, pointer: JSONPointer? = nil, location: SourceLocation? = nil,
    message: String, snippet: String? = nil
  ) {
    self.init(severity: severity, file: file, pointer: pointer, location: location, detail: .untranslated(message),
      snippet: snippet)
  }

  /// A problem in `file` whose message is a catalogue ``Message``; by default an error, not placed.
  public init(
    severity: Severity = .error, file: String, pointer: JSONPointer? = nil, location: SourceLocation? = nil,
    detail: Message, snippet: String? = nil
  ) {
    self.severity = severity
    self.file = file
    self.pointer = pointer
    self.location = location
    self.detail = detail
    self.snippet = snippet
  }

  /// One line in the form compilers use, in English: `file:line:column: error: message (at /json/pointer)`.
  public var description: String { description(in: .english) }

  /// One line in the form compilers use, in `language`: `file:line:column: error: message (at /json/pointer)`, or
  /// `file:line:column: 错误：message（位置 /json/pointer）`.
  public func description(in language: Language) -> String {
    var text = file
    if let location { text += ":\(location.line):\(location.column)" }
    let severityWord: MessageKey = switch severity {
    case .error: .severityError
    case .warning: .severityWarning
    case .note: .severityNote
    }
    let placed = pointer.map { !$0.tokens.isEmpty } ?? false
    text += Message(placed ? .problemLineAt : .problemLine, Message(severityWord), detail, pointer ?? .root)
      .text(in: language)
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

  /// Every problem's ``PackProblem/description(in:)`` in `language`, one after another, separated by newlines.
  public func description(in language: Language) -> String {
    problems.map { $0.description(in: language) }.joined(separator: "\n")
  }
}
