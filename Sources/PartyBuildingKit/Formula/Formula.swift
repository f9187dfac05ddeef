/// A compiled formula: parsed and type-checked once, then evaluated many times
/// without allocation, string hashing or name look-up.
///
/// ```swift
/// let scope = FormulaScope([
///   FormulaSymbol(name: "daily", type: .number, slot: 0, range: 0...100),
///   FormulaSymbol(name: "yearEnd", type: .number, slot: 1, range: 0...100),
/// ])
/// let formula = try Formula.compile("daily * 30% + yearEnd * 70%", in: scope).get()
/// let score = try formula.evaluate([ExactDecimal("85.5")!, 90])   // exactly 88.65
/// ```
///
/// The language is described in `RulePacks/README.md` §4 (Formulas). Numbers are exact decimals; results
/// follow ``ExactDecimal``'s rules: `+ - *` exact or an error, division rounded
/// half-up to 12 places, ROUND and its kin applied once to the exact value.
public struct Formula: Sendable {
  /// Everything a formula holds, behind one reference: copying a formula (into a rule, a list, a parameter)
  /// costs one reference count, which matters on the per-subject evaluation path.
  ///
  /// `@unchecked Sendable`: everything is set in `init` and only read afterwards, including the instruction memory.
  final class Storage: @unchecked Sendable {
    let source: String
    let type: FormulaType
    let references: [String]
    let choices: [String]?
    let constantValue: ExactDecimal?
    let program: FormulaProgram
    let sites: [FormulaSite]
    let interval: FormulaInterval
    let warnings: [FormulaDiagnostic]
    let places: Int
    /// The host functions the formula may call (from its scope), or nil.
    let hostFunctions: HostFunctionTable?
    /// The host functions it calls, in order of first call.
    let calledFunctions: [String]
    /// For a condition: what it says of single names when it holds (FormulaNarrowing).
    let constraintsWhenTrue: FormulaNarrowing.Constraints
    /// The divisions whose divisor's range includes 0 (their sites, and whether the divisor is always 0): the usual
    /// reason ``Formula/bounds()`` is open.
    let zeroDivisorSites: [(site: Int, always: Bool)]
    /// The program's instructions in memory this storage owns: they are plain values, so evaluation reads them
    /// without retaining the instruction array.
    let code: UnsafeMutableBufferPointer<FormulaInstruction>

    init(
      source: String, type: FormulaType, references: [String], choices: [String]?, constantValue: ExactDecimal?,
      program: FormulaProgram, sites: [FormulaSite], interval: FormulaInterval, warnings: [FormulaDiagnostic],
      places: Int, hostFunctions: HostFunctionTable?, calledFunctions: [String],
      zeroDivisorSites: [(site: Int, always: Bool)], constraintsWhenTrue: FormulaNarrowing.Constraints
    ) {
      self.source = source
      self.type = type
      self.references = references
      self.choices = choices
      self.constantValue = constantValue
      self.program = program
      self.sites = sites
      self.interval = interval
      self.warnings = warnings
      self.places = places
      self.hostFunctions = calledFunctions.isEmpty ? nil : hostFunctions
      self.calledFunctions = calledFunctions
      self.zeroDivisorSites = zeroDivisorSites
      self.constraintsWhenTrue = constraintsWhenTrue
      code = .allocate(capacity: program.code.count)
      _ = code.initialize(from: program.code)
    }

    deinit {
      code.deallocate()
    }
  }

  private let storage: Storage

  /// The formula as written.
  public var source: String { storage.source }
  /// The kind of value the formula gives.
  public var type: FormulaType { storage.type }
  /// The distinct names the formula uses, in order of first use.
  public var references: [String] { storage.references }
  /// The distinct host functions the formula calls (see ``HostFunction``), in order of first call.
  public var calledFunctions: [String] { storage.calledFunctions }
  /// For a text formula: the list its result indexes into (the choices of the
  /// text names it gives, then the quoted texts it gives). `nil` otherwise, or
  /// when it gives a text name that has no list of choices.
  public var choices: [String]? { storage.choices }
  /// The value, when the formula uses no names and folds to a constant.
  public var constantValue: ExactDecimal? { storage.constantValue }
  /// The fewest slots a buffer passed to `evaluate` must hold (one more than the
  /// highest slot the formula reads).
  public var minimumSlotCount: Int { storage.program.slotCount }

  /// Where an exact result could need more digits than a value holds, found from the ranges and decimal places
  /// of the names the formula uses (see ``FormulaSymbol/places``): each names the part of the formula, ordered
  /// by position. A formula with warnings still runs; for some inputs it would stop with a
  /// ``FormulaError/Kind-swift.enum/inexact`` or ``FormulaError/Kind-swift.enum/overflow`` error.
  public var warnings: [FormulaDiagnostic] { storage.warnings }

  /// The most decimal places the formula's value can carry, as the range check works it out (0…18).
  var places: Int { storage.places }

  var program: FormulaProgram { storage.program }
  private var sites: [FormulaSite] { storage.sites }
  private var interval: FormulaInterval { storage.interval }

  /// Parses and checks `source` against the names in `scope`.
  ///
  /// - Parameters:
  ///   - source: the formula as written, e.g. `daily * 30% + yearEnd * 70%`.
  ///   - scope: the names it may use and the host functions it may call.
  ///   - expecting: the type the formula must give, if any.
  /// - Returns: the formula, or every problem found (at least one), ordered by
  ///   position; a syntax error stops at the first one.
  public static func compile(
    _ source: String, in scope: FormulaScope, expecting: FormulaType? = nil
  ) -> Result<Formula, FormulaDiagnostics> {
    let scalars = Array(source.unicodeScalars)
    let syntax: FormulaSyntax
    do {
      syntax = try FormulaParser.parse(scalars)
    } catch {
      return .failure(FormulaDiagnostics([error]))
    }
    var checker = FormulaChecker(scope: scope, scalars: scalars)
    let checked = checker.checkRoot(syntax, expecting: expecting)
    guard let checked, checker.diagnostics.isEmpty else {
      if checker.diagnostics.isEmpty {
        checker.report(
          Message(.fxCouldNotCheck),
          SourceSpan(offset: 0, length: scalars.count))
      }
      let diagnostics = checker.diagnostics.enumerated().sorted {
        ($0.element.offset, $0.offset) < ($1.element.offset, $1.offset)
      }.map(\.element)
      return .failure(FormulaDiagnostics(diagnostics))
    }
    return .success(
      Formula(
        source: source, scalars: scalars, checked: checked, references: checker.references,
        sites: checker.sites, hostFunctions: scope.hostFunctions, calledFunctions: checker.calledFunctions))
  }

  /// The names `source` uses, in order of first use, whether or not they are in a scope; nil when it does not
  /// parse. A caller that knows some names to be broken can tell whether a formula's problems follow from them.
  static func names(in source: String) -> [String]? {
    try? FormulaParser.parse(Array(source.unicodeScalars)).names
  }

  private init(
    source: String, scalars: [Unicode.Scalar], checked: CheckedExpression, references: [String],
    sites: [FormulaSite], hostFunctions: HostFunctionTable?, calledFunctions: [String]
  ) {
    var rangeCheck = FormulaRangeCheck(sites: sites) { span in
      var view = String.UnicodeScalarView()
      view.append(contentsOf: scalars[span.offset..<span.end])
      return String(view)
    }
    let reach = rangeCheck.reach(checked.expression)
    storage = Storage(
      source: source, type: checked.type, references: references,
      choices: checked.type == .text ? checked.textDomain?.choices : nil,
      constantValue: references.isEmpty ? checked.expression.constant : nil,
      program: FormulaCompiler.compile(checked.expression), sites: sites,
      interval: FormulaBounds.interval(of: checked.expression),
      warnings: rangeCheck.warnings.sorted { $0.offset < $1.offset },
      places: min(max(reach.places, 0), ExactDecimal.maxScale), hostFunctions: hostFunctions,
      calledFunctions: calledFunctions,
      zeroDivisorSites: FormulaBounds.divisionsByRangesWithZero(in: checked.expression),
      constraintsWhenTrue: checked.type == .boolean
        ? FormulaNarrowing.constraints(of: checked.expression, holds: true) : [:])
  }

  /// For a condition: the range each name it compares with a constant is known to lie in when it holds (e.g.
  /// `x >= 1000` gives x ≥ 1000), by slot; empty when it says nothing certain.
  var constraintsWhenTrue: FormulaNarrowing.Constraints { storage.constraintsWhenTrue }

  /// The divisions whose divisor can be 0 by the ranges of the names it uses (or is always 0), in source order.
  /// A quotient by a divisor that can come near 0 has no bound, so these explain an open ``bounds()`` when every
  /// name has a range; a divisor that is always 0 fails on every subject that reaches it.
  var divisionsByPossibleZero: [FormulaDivision] {
    let scalars = Array(source.unicodeScalars)
    func text(_ span: SourceSpan) -> String {
      var view = String.UnicodeScalarView()
      view.append(contentsOf: scalars[span.offset..<span.end])
      return String(view)
    }
    return storage.zeroDivisorSites.compactMap { item in
      let site = sites[item.site]
      guard let divisor = site.divisor else { return nil }
      return FormulaDivision(
        division: text(site.span), divisor: text(divisor), divisorOffset: divisor.offset,
        divisorLength: divisor.length, alwaysZero: item.always)
    }
  }

  /// The host functions the formula calls, with the context to call them (nil when it calls none).
  var hostContext: HostCallContext? { storage.hostFunctions.map { HostCallContext(table: $0, log: nil) } }
  var hostFunctions: HostFunctionTable? { storage.hostFunctions }

  /// Evaluates the formula. Booleans give 1 or 0; text gives the index of the
  /// choice in ``choices``.
  ///
  /// - Parameter slots: the values of the names, at their symbols' slots. A
  ///   true/false slot counts as true when nonzero; a text slot holds a choice index.
  /// - Precondition: `slots` holds at least ``minimumSlotCount`` values.
  /// - Throws: ``FormulaError`` naming the part of the formula that failed.
  public func evaluate(_ slots: UnsafeBufferPointer<ExactDecimal>) throws(FormulaError)
    -> ExactDecimal
  {
    precondition(
      slots.count >= program.slotCount,
      "the slot buffer holds \(slots.count) values, but this formula reads slot \(program.slotCount - 1)"  // not a message: a precondition for programmers
    )
    do {
      return try withUnsafeTemporaryAllocation(of: ExactDecimal.self, capacity: program.stackSize) {
        (stack) throws(FormulaRunFailure) -> ExactDecimal in
        try program.run(slots, stack: stack.baseAddress!, host: hostContext)
      }
    } catch {
      throw makeError(error, slots: slots)
    }
  }

  /// The most values the formula's stack holds at once: the size of the stack a caller lends to
  /// ``evaluate(_:stack:)``.
  public var stackSize: Int { program.stackSize }

  /// Evaluates the formula on a stack the caller lends (at least ``stackSize`` values), so that a hot loop
  /// evaluating many formulas allocates nothing and looks up no generic metadata per formula.
  public func evaluate(_ slots: UnsafeBufferPointer<ExactDecimal>, stack: UnsafeMutablePointer<ExactDecimal>)
    throws(FormulaError) -> ExactDecimal
  {
    do {
      return try storage.program.run(slots, stack: stack, code: UnsafeBufferPointer(storage.code), host: hostContext)
    } catch {
      throw makeError(error, slots: slots)
    }
  }

  /// Evaluates the formula with the slot values in an array (see
  /// ``evaluate(_:)-(UnsafeBufferPointer<ExactDecimal>)``).
  public func evaluate(_ slots: [ExactDecimal]) throws(FormulaError) -> ExactDecimal {
    let result = slots.withUnsafeBufferPointer { buffer in
      Result { () throws(FormulaError) -> ExactDecimal in try evaluate(buffer) }
    }
    return try result.get()
  }

  /// Whether the formula's value is nonzero (true for a true/false formula that holds).
  public func isTrue(_ slots: UnsafeBufferPointer<ExactDecimal>) throws(FormulaError) -> Bool {
    !(try evaluate(slots)).isZero
  }

  /// Whether the formula's value is nonzero, with the slot values in an array.
  public func isTrue(_ slots: [ExactDecimal]) throws(FormulaError) -> Bool {
    !(try evaluate(slots)).isZero
  }

  /// The range the formula's value can take, from the ranges of the names it
  /// uses (interval arithmetic); `nil` means unbounded on that side. True/false
  /// formulas give 0…1; a division by something that can be 0 is unbounded.
  public func bounds() -> (lower: ExactDecimal?, upper: ExactDecimal?) {
    (interval.lower, interval.upper)
  }

  /// What to say when the exact result of `part` needs more digits than a value holds.
  /// `operand` is the right operand of `+ - *`, named in the example of what to do.
  static func inexactMessage(_ part: String, _ operation: FormulaSiteOperation, operand: String?) -> Message {
    let example = "ROUND(\(operand ?? "x"), 2)"
    switch operation {
    case .multiply:
      return Message(.fxRunProductInexact, part, example)
    case .divide:
      return Message(.fxRunQuotientInexact, part)
    case .average:
      return Message(.fxRunAverageInexact, part)
    case .sum:
      return Message(.fxRunSumInexact, part)
    default:
      return operand == nil ? Message(.fxRunInexactRoundParts, part) : Message(.fxRunInexactRoundOperand, part, example)
    }
  }

  /// Runs the formula again on `slots`, recording its host calls: the calls in order, up to the one that failed.
  /// Host functions are pure, so the run repeats the failed one; used to word a failure, never on the scoring path.
  func hostCalls(_ slots: UnsafeBufferPointer<ExactDecimal>, table: HostFunctionTable? = nil) -> [HostCallRecord] {
    guard let table = table ?? storage.hostFunctions else { return [] }
    let log = HostCallLog()
    _ = withUnsafeTemporaryAllocation(of: ExactDecimal.self, capacity: program.stackSize) { stack in
      try? program.run(slots, stack: stack.baseAddress!, host: HostCallContext(table: table, log: log))
    }
    return log.calls
  }

  /// Builds the error for a failed run on `slots`: what failed and where.
  func makeError(
    _ failure: FormulaRunFailure, slots: UnsafeBufferPointer<ExactDecimal>, table: HostFunctionTable? = nil
  ) -> FormulaError {
    guard failure.kind == .hostFunction else { return makeError(failure) }
    let failed = hostCalls(slots, table: table).last { if case .failure = $0.outcome { true } else { false } }
    if let failed, case .failure(let reason) = failed.outcome {
      return FormulaError(kind: .hostFunction, detail: reason.message)
    }
    return makeError(failure)
  }

  /// Builds the error for a failed run: what failed and where.
  func makeError(_ failure: FormulaRunFailure) -> FormulaError {
    let scalars = Array(source.unicodeScalars)
    func text(_ span: SourceSpan) -> String {
      var view = String.UnicodeScalarView()
      view.append(contentsOf: scalars[span.offset..<span.end])
      return String(view)
    }
    let site = sites[Int(failure.site)]
    let part = text(site.span)
    switch failure.kind {
    case .divisionByZero:
      if let divisor = site.divisor.map(text) {
        return FormulaError(kind: .divisionByZero, detail: Message(.fxRunDivisionByZeroDivisor, part, divisor, divisor, part))
      }
      return FormulaError(kind: .divisionByZero, detail: Message(.fxRunDivisionByZero, part))
    case .overflow:
      return FormulaError(kind: .overflow, detail: Message(.fxRunOverflow, part))
    case .inexact:
      return FormulaError(kind: .inexact, detail: Self.inexactMessage(part, site.operation, operand: site.operand.map(text)))
    case .invalidArgument:
      if site.operation == .large || site.operation == .small {
        return FormulaError(
          kind: .invalidArgument, detail: Message(site.operation == .large ? .fxRunBadLargeK : .fxRunBadSmallK, part))
      }
      return FormulaError(kind: .invalidArgument, detail: Message(.fxRunClampOrder, part))
    case .hostFunction:
      return FormulaError(kind: .hostFunction, detail: Message(.fxRunHostNoValue, part))
    }
  }
}

/// A division in a formula whose divisor can be 0, as written.
struct FormulaDivision {
  /// The whole division, e.g. `a / b`.
  var division: String
  /// The divisor, e.g. `b`.
  var divisor: String
  /// Where the divisor is in the formula, in Unicode scalars.
  var divisorOffset: Int
  var divisorLength: Int
  /// Whether the divisor is 0 whatever the inputs (e.g. `0`, `(1 - 1)`, `0 * x`).
  var alwaysZero: Bool
}
