/// The kind of value a formula or a name gives.
public enum FormulaType: String, Sendable {
  /// An exact decimal number.
  case number
  /// true/false; evaluated as 1 or 0.
  case boolean
  /// Text from a fixed list of choices; evaluated as the 0-based index of the choice.
  case text
}

/// A name a formula may use; built by the pack loader.
public struct FormulaSymbol: Sendable {
  /// The name as written in formulas, e.g. `daily` or `群众满意度`. Names that are
  /// not plain identifiers are written in square brackets: `[村(社区)得分]`.
  public var name: String
  /// The kind of value the name holds.
  public var type: FormulaType
  /// The index of the name's value in the slot buffer passed to
  /// ``Formula/evaluate(_:)-(UnsafeBufferPointer<ExactDecimal>)``.
  public var slot: Int
  /// Known bounds of a number, used by ``Formula/bounds()``; `nil` = unbounded.
  public var range: ClosedRange<ExactDecimal>?
  /// For text names: the allowed values. At run time the slot holds the 0-based
  /// index of the value in this list.
  public var choices: [String]?

  /// Creates a symbol.
  ///
  /// - Precondition: `slot` is not negative.
  public init(
    name: String, type: FormulaType, slot: Int, range: ClosedRange<ExactDecimal>? = nil,
    choices: [String]? = nil
  ) {
    precondition(slot >= 0, "slot must not be negative, but it is \(slot)")
    self.name = name
    self.type = type
    self.slot = slot
    self.range = range
    self.choices = choices
  }
}

/// The names a formula may use.
public struct FormulaScope: Sendable {
  private var symbols: [String: FormulaSymbol]
  /// The distinct names, in the order they were given.
  public let names: [String]

  /// Creates a scope. When two symbols share a name, the first one is used.
  public init(_ symbols: [FormulaSymbol]) {
    var table: [String: FormulaSymbol] = [:]
    var names: [String] = []
    for symbol in symbols where table[symbol.name] == nil {
      table[symbol.name] = symbol
      names.append(symbol.name)
    }
    self.symbols = table
    self.names = names
  }

  /// The symbol with exactly this name (case-sensitive), if any.
  public subscript(name: String) -> FormulaSymbol? { symbols[name] }

  /// Replaces the symbol of the same name and slot (its type, range or choices became known), in constant time.
  /// A symbol the scope does not hold, or holds for another slot (a repeated name), is left alone.
  mutating func update(_ symbol: FormulaSymbol) {
    guard symbols[symbol.name]?.slot == symbol.slot else { return }
    symbols[symbol.name] = symbol
  }
}

/// A problem found while compiling a formula, with its place in the source so a
/// caller can print a caret under it.
public struct FormulaDiagnostic: Error, Sendable, Equatable, CustomStringConvertible {
  /// What is wrong, what was expected and what to do; starts in lowercase.
  public var message: String
  /// Where the problem starts: a 0-based offset in Unicode scalars.
  public var offset: Int
  /// How far the problem extends, in Unicode scalars; at least 1, or 0 at the
  /// end of the input.
  public var length: Int

  /// Creates a diagnostic.
  public init(message: String, offset: Int, length: Int) {
    self.message = message
    self.offset = offset
    self.length = length
  }

  /// `"at 12: message"`.
  public var description: String { "at \(offset): \(message)" }
}

/// Every problem found while compiling a formula, ordered by position; never
/// empty. A collection of ``FormulaDiagnostic`` (an array cannot be a `Result`
/// failure, because `Array` is not an `Error`).
public struct FormulaDiagnostics: Error, Sendable, Equatable, RandomAccessCollection,
  ExpressibleByArrayLiteral, CustomStringConvertible
{
  /// The diagnostics, ordered by position.
  public var diagnostics: [FormulaDiagnostic]

  /// Wraps a list of diagnostics.
  public init(_ diagnostics: [FormulaDiagnostic]) {
    self.diagnostics = diagnostics
  }

  /// Wraps a list of diagnostics written as an array literal.
  public init(arrayLiteral elements: FormulaDiagnostic...) {
    self.diagnostics = elements
  }

  public var startIndex: Int { diagnostics.startIndex }
  public var endIndex: Int { diagnostics.endIndex }
  public subscript(position: Int) -> FormulaDiagnostic { diagnostics[position] }

  /// One diagnostic per line.
  public var description: String {
    diagnostics.map(\.description).joined(separator: "\n")
  }
}

/// A failure while evaluating a compiled formula.
public struct FormulaError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What went wrong.
  public enum Kind: Sendable, Equatable {
    /// A result too large for an exact decimal (about 9.22 × 10¹⁸).
    case overflow
    /// A division whose divisor was 0.
    case divisionByZero
    /// A function received values it cannot work with, e.g. CLAMP with its
    /// lowest value above its highest.
    case invalidArgument
  }

  /// What went wrong.
  public var kind: Kind
  /// Names the part of the formula that failed, e.g. `division by zero in 'a / b'; …`.
  public var message: String

  /// Creates an error.
  public init(kind: Kind, message: String) {
    self.kind = kind
    self.message = message
  }

  /// The message.
  public var description: String { message }
}

/// A stretch of formula source, in Unicode scalars.
struct SourceSpan: Sendable, Equatable {
  var offset: Int
  var length: Int

  var end: Int { offset + length }

  /// The span from the start of `self` to the end of `other`.
  func through(_ other: SourceSpan) -> SourceSpan {
    SourceSpan(offset: offset, length: max(other.end, end) - offset)
  }
}

extension FormulaDiagnostic {
  init(_ message: String, at span: SourceSpan) {
    self.init(message: message, offset: span.offset, length: span.length)
  }
}
