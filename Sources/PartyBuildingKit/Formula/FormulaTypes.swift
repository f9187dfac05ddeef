/// The kind of value a formula or a name gives.
public enum FormulaType: String, Sendable, Codable {
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
  /// The most decimal places a number can carry (0…18), for the check that a formula's exact results fit
  /// (``Formula/warnings``); `nil`: not declared, taken as ``FormulaSymbol/assumedPlaces``. True/false and text
  /// names always have 0.
  public var places: Int?
  /// For text names: the allowed values. At run time the slot holds the 0-based
  /// index of the value in this list.
  public var choices: [String]?

  /// Creates a symbol.
  ///
  /// - Precondition: `slot` is not negative.
  public init(
    name: String, type: FormulaType, slot: Int, range: ClosedRange<ExactDecimal>? = nil,
    choices: [String]? = nil, places: Int? = nil
  ) {
    precondition(slot >= 0, "slot must not be negative, but it is \(slot)")  // not a message: a precondition for programmers
    precondition(
      places.map { (0...ExactDecimal.maxScale).contains($0) } ?? true,
      "places must be between 0 and 18, but it is \(places ?? 0)")  // not a message: a precondition for programmers
    self.name = name
    self.type = type
    self.slot = slot
    self.range = range
    self.choices = choices
    self.places = places
  }

  /// The decimal places a number name without declared ``places`` is taken to carry: 6. Enough for scores
  /// (85.5), shares (0.125) and money in 元 (1234.56) with room to spare; a name that can carry more should say
  /// so, and one that carries fewer can say that too, so that longer chains of products check clean.
  public static let assumedPlaces = 6
}

/// The names a formula may use, and the host functions it may call.
public struct FormulaScope: Sendable {
  private var symbols: [String: FormulaSymbol]
  /// The distinct names, in the order they were given.
  public let names: [String]
  /// The host functions formulas may call, as declared, with their implementations where given.
  let hostFunctions: HostFunctionTable?
  private let hostFunctionIndex: [String: Int]

  /// Creates a scope. When two symbols share a name, the first one is used.
  public init(_ symbols: [FormulaSymbol]) {
    self.init(symbols, table: nil)
  }

  /// Creates a scope whose formulas may also call `functions` (see ``HostFunction``). When two functions share a
  /// name, the first one is used.
  public init(_ symbols: [FormulaSymbol], functions: [HostFunction]) {
    let declarations = functions.map {
      HostFunctionDeclaration(name: $0.name, arguments: $0.arguments, result: $0.result)
    }
    self.init(
      symbols,
      table: functions.isEmpty ? nil : HostFunctionTable(declarations: declarations, bodies: functions.map(\.body)))
  }

  init(_ symbols: [FormulaSymbol], table: HostFunctionTable?) {
    var byName: [String: FormulaSymbol] = [:]
    var names: [String] = []
    for symbol in symbols where byName[symbol.name] == nil {
      byName[symbol.name] = symbol
      // A name starting with ']' is a stage's own slot (the number of rater forms), which no formula can write: it
      // is never offered in a message.
      if !symbol.name.hasPrefix("]") { names.append(symbol.name) }
    }
    self.symbols = byName
    self.names = names
    self.hostFunctions = table
    var index: [String: Int] = [:]
    for (position, declaration) in (table?.declarations ?? []).enumerated() where index[declaration.name] == nil {
      index[declaration.name] = position
    }
    hostFunctionIndex = index
  }

  /// The symbol with exactly this name (case-sensitive), if any.
  public subscript(name: String) -> FormulaSymbol? { symbols[name] }

  /// The position and declaration of the host function with exactly this name, if any.
  func hostFunction(named name: String) -> (index: Int, declaration: HostFunctionDeclaration)? {
    guard let index = hostFunctionIndex[name], let table = hostFunctions else { return nil }
    return (index, table.declarations[index])
  }

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
  /// What is wrong, what was expected and what to do, as a value rendered in the language it is printed in.
  public var detail: Message
  /// What is wrong, what was expected and what to do, in English; starts in lowercase. Setting it replaces
  /// ``detail`` with an English-only message.
  public var message: String {
    get { detail.text(in: .english) }
    set { detail = .untranslated(newValue) }
  }
  /// Where the problem starts: a 0-based offset in Unicode scalars.
  public var offset: Int
  /// How far the problem extends, in Unicode scalars; at least 1, or 0 at the
  /// end of the input.
  public var length: Int

  /// Creates a diagnostic worded in English only.
  public init(message: String, offset: Int, length: Int) {
    self.init(detail: .untranslated(message), offset: offset, length: length)
  }

  /// Creates a diagnostic whose message is a catalogue ``Message``.
  public init(detail: Message, offset: Int, length: Int) {
    self.detail = detail
    self.offset = offset
    self.length = length
  }

  /// `"at 12: message"`.
  public var description: String { "at \(offset): \(message)" }

  /// Two diagnostics are equal when they say the same (in English) at the same place, whichever way their message
  /// was made.
  public static func == (a: FormulaDiagnostic, b: FormulaDiagnostic) -> Bool {
    a.offset == b.offset && a.length == b.length && a.message == b.message
  }
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

  /// The position of the first diagnostic: 0.
  public var startIndex: Int { diagnostics.startIndex }
  /// One past the position of the last diagnostic: their count.
  public var endIndex: Int { diagnostics.endIndex }
  /// The diagnostic at `position` (0-based, in source order).
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
    /// A result whose integer part fits but whose exact value needs more digits than a value holds (more than 18
    /// decimal places, or more than 19 digits in all; for a division: the quotient at 12 places). Nothing is
    /// rounded to make it fit: round an operand with ROUND(…) where the document says so.
    case inexact
    /// A division whose divisor was 0.
    case divisionByZero
    /// A function received values it cannot work with, e.g. CLAMP with its
    /// lowest value above its highest.
    case invalidArgument
    /// A host function threw, gave a result outside what its declaration allows, or is not provided.
    case hostFunction
  }

  /// What went wrong.
  public var kind: Kind
  /// Names the part of the formula that failed, as a value rendered in the language it is printed in.
  public var detail: Message
  /// Names the part of the formula that failed, in English, e.g. `division by zero in 'a / b'; …`.
  public var message: String {
    get { detail.text(in: .english) }
    set { detail = .untranslated(newValue) }
  }

  /// Creates an error of `kind` worded in English only; `message` names the part of the formula that failed.
  public init(kind: Kind, message: String) {
    self.init(kind: kind, detail: .untranslated(message))
  }

  /// Creates an error of `kind` whose message is a catalogue ``Message``.
  public init(kind: Kind, detail: Message) {
    self.kind = kind
    self.detail = detail
  }

  /// Two errors are equal when they are of one kind and say the same (in English), whichever way their message was
  /// made.
  public static func == (a: FormulaError, b: FormulaError) -> Bool { a.kind == b.kind && a.message == b.message }

  /// The message.
  public var description: String { message }
}

extension FormulaError.Kind {
  /// The kind of a failed exact operation.
  init(_ error: ArithmeticError) {
    switch error {
    case .overflow: self = .overflow
    case .divisionByZero: self = .divisionByZero
    case .inexact: self = .inexact
    }
  }
}

/// A stretch of formula source, in Unicode scalars.
package struct SourceSpan: Sendable, Equatable, BitwiseCopyable {
  package var offset: Int
  package var length: Int

  package var end: Int { offset + length }

  /// The span from the start of `self` to the end of `other`.
  func through(_ other: SourceSpan) -> SourceSpan {
    SourceSpan(offset: offset, length: max(other.end, end) - offset)
  }
}

extension FormulaDiagnostic {
  /// A diagnostic worded in English only (listed by `MessageCatalogTests`).
  init(_ message: String, at span: SourceSpan) {
    self.init(message: message, offset: span.offset, length: span.length)
  }

  /// A diagnostic with the catalogue message `message` at `span`.
  init(_ message: Message, at span: SourceSpan) {
    self.init(detail: message, offset: span.offset, length: span.length)
  }

  /// A diagnostic with a catalogue message at an offset.
  init(message: Message, offset: Int, length: Int) {
    self.init(detail: message, offset: offset, length: length)
  }
}
