/// A function a host program offers to formulas: a name, a declared signature and a pure implementation.
///
/// Packs call host functions like built-in ones (`津贴系数(党龄)`), and declare each one they need with its
/// signature and the range of its result (`"requires": {"functions": [...]}`), so a pack is checked — types, reachable
/// full marks, bands — without the host. Register implementations when loading:
///
/// ```swift
/// let rate = HostFunction.number("职级系数", arguments: [.number]) { arguments in
///   arguments.number(0) >= 10 ? ExactDecimal(significand: 12, scale: 1) : 1   // 1.2 from 10 years up
/// }
/// let pack = try RulePack.load(path: "pack.json", functions: [rate])
/// ```
///
/// The implementation must be pure: the same arguments give the same result, and it reads no clock, file or
/// shared mutable state that changes while subjects are scored (a lookup in tables the host loaded before is
/// fine). It may be called from many threads at once. A result outside the range the pack declares, or an error
/// it throws, rejects the subject with a message naming the call; every call appears in the explanation with its
/// arguments and result.
public struct HostFunction: Sendable {
  /// The implementation: the arguments (true/false as 1 or 0) to the result (1 or 0 for a condition).
  public typealias Body = @Sendable (HostArguments) throws -> ExactDecimal

  /// The name formulas call it by, matched exactly (e.g. `职级系数`). Built-in names (`MAX`, `ROUND`…) are taken.
  public let name: String
  /// The types of its arguments, in order: ``FormulaType/number`` or ``FormulaType/boolean``.
  public let arguments: [FormulaType]
  /// The type of its result: ``FormulaType/number`` or ``FormulaType/boolean``.
  public let result: FormulaType
  let body: Body

  /// A function that gives a number.
  ///
  /// - Precondition: every argument type is `.number` or `.boolean`.
  public static func number(
    _ name: String, arguments: [FormulaType], _ body: @escaping @Sendable (HostArguments) throws -> ExactDecimal
  ) -> HostFunction {
    HostFunction(name: name, arguments: arguments, result: .number, body: body)
  }

  /// A function that gives true/false.
  ///
  /// - Precondition: every argument type is `.number` or `.boolean`.
  public static func condition(
    _ name: String, arguments: [FormulaType], _ body: @escaping @Sendable (HostArguments) throws -> Bool
  ) -> HostFunction {
    HostFunction(name: name, arguments: arguments, result: .boolean) { FormulaMath.truth(try body($0)) }
  }

  init(name: String, arguments: [FormulaType], result: FormulaType, body: @escaping Body) {
    precondition(
      !arguments.contains(.text) && result != .text,
      "a host function takes and gives numbers and true/false, not text")  // not a message: a precondition for programmers
    self.name = name
    self.arguments = arguments
    self.result = result
    self.body = body
  }

  /// `职级系数(number, true/false) → number`, for messages.
  var signatureText: String { HostFunctionDeclaration.signatureText(name, arguments, result) }
}

/// The arguments of a call to a host function, in order; true/false arguments are 1 or 0.
public struct HostArguments: Sendable, RandomAccessCollection, CustomStringConvertible {
  /// The values, in order.
  public let values: [ExactDecimal]

  /// Wraps the values of a call.
  public init(_ values: [ExactDecimal]) { self.values = values }

  /// The position of the first argument: 0.
  public var startIndex: Int { values.startIndex }
  /// One past the position of the last argument: their count.
  public var endIndex: Int { values.endIndex }
  /// The argument at `position` (true/false as 1 or 0).
  public subscript(position: Int) -> ExactDecimal { values[position] }

  /// The number argument at `position`.
  public func number(_ position: Int) -> ExactDecimal { values[position] }

  /// The true/false argument at `position`.
  public func condition(_ position: Int) -> Bool { !values[position].isZero }

  /// `3, 85.5`.
  public var description: String { values.map(\.description).joined(separator: ", ") }
}

/// A host function as a pack or a formula scope declares it: name, signature and what is known of its result.
public struct HostFunctionDeclaration: Sendable, Hashable {
  /// The name formulas call it by.
  public var name: String
  /// The types of its arguments: ``FormulaType/number`` or ``FormulaType/boolean``.
  public var arguments: [FormulaType]
  /// The type of its result: ``FormulaType/number`` or ``FormulaType/boolean``.
  public var result: FormulaType
  /// The range its number result always lies in, used to check full marks and bands at load; a result outside it
  /// rejects the subject. `nil`: unbounded (checks that need a bound then cannot be made).
  public var range: ClosedRange<ExactDecimal>?
  /// The most decimal places its number result carries (0…18); a result with more rejects the subject. `nil`:
  /// taken as ``FormulaSymbol/assumedPlaces`` by the range check, and not checked at run time.
  public var places: Int?
  /// What it means, for people (e.g. `职级系数：按职级查表`).
  public var label: String

  /// Declares a host function.
  ///
  /// - Precondition: argument and result types are `.number` or `.boolean`; `places` is 0…18.
  public init(
    name: String, arguments: [FormulaType], result: FormulaType, range: ClosedRange<ExactDecimal>? = nil,
    places: Int? = nil, label: String = ""
  ) {
    precondition(
      !arguments.contains(.text) && result != .text,
      "a host function takes and gives numbers and true/false, not text")  // not a message: a precondition for programmers
    precondition(places.map { (0...ExactDecimal.maxScale).contains($0) } ?? true, "places must be 0…18")  // not a message: a precondition for programmers
    self.name = name
    self.arguments = arguments
    self.result = result
    self.range = result == .boolean ? nil : range
    self.places = result == .boolean ? 0 : places
    self.label = label
  }

  /// `职级系数(number, true/false) → number`.
  public var signatureText: String { Self.signatureText(name, arguments, result) }

  static func signatureText(_ name: String, _ arguments: [FormulaType], _ result: FormulaType) -> String {
    "\(name)(\(arguments.map(\.rawValue).joined(separator: ", "))) → \(result.rawValue)"
  }

  /// Whether `function` has this declaration's name, argument types and result type.
  func matches(_ function: HostFunction) -> Bool {
    function.name == name && function.arguments == arguments && function.result == result
  }

  /// Checks a result against what is declared: nil when it is allowed, else why not.
  func problem(with value: ExactDecimal) -> Message? {
    if result == .boolean {
      return value == .zero || value == .one ? nil : Message(.hostGaveForCondition, value)
    }
    if let range, !range.contains(value) {
      return Message(.hostGaveOutsideRange, value, range.lowerBound, range.upperBound)
    }
    if let places, value.normalized().scale > places {
      return Message(.hostGaveTooManyPlaces, value, places)
    }
    return nil
  }
}

/// The host functions a compiled formula or pack calls, by position: each declaration with its implementation, or
/// none (a pack checked without its host: ``RulePack/load(contentsOf:functions:)`` with `.declarationsOnly`).
///
/// `@unchecked Sendable`: set in `init` and only read afterwards.
final class HostFunctionTable: @unchecked Sendable {
  let declarations: [HostFunctionDeclaration]
  let bodies: [HostFunction.Body?]

  init(declarations: [HostFunctionDeclaration], bodies: [HostFunction.Body?]) {
    precondition(declarations.count == bodies.count)
    self.declarations = declarations
    self.bodies = bodies
  }

  /// Calls function `index`: its result, checked against the declaration. Records the call when `log` is given.
  func call(_ index: Int, _ arguments: HostArguments, log: HostCallLog?) -> Result<ExactDecimal, HostCallFailure> {
    let declaration = declarations[index]
    let outcome: Result<ExactDecimal, HostCallFailure>
    if let body = bodies[index] ?? HostFunctionTestValues.current?.body(for: declaration) {
      do {
        let value = try body(arguments)
        if let problem = declaration.problem(with: value) {
          outcome = .failure(HostCallFailure(function: declaration.name, arguments: arguments, reason: problem))
        } else {
          outcome = .success(value)
        }
      } catch let error as HostTestValueMissing {
        outcome = .failure(HostCallFailure(function: declaration.name, arguments: arguments, reason: error.message))
      } catch {
        outcome = .failure(
          HostCallFailure(function: declaration.name, arguments: arguments, reason: Message(.hostCallFailed, "\(error)")))
      }
    } else {
      outcome = .failure(
        HostCallFailure(
          function: declaration.name, arguments: arguments,
          reason: Message(.hostNotProvided)))
    }
    log?.calls.append(HostCallRecord(function: index, arguments: arguments, outcome: outcome))
    return outcome
  }
}

/// Why a call to a host function gave no value.
struct HostCallFailure: Error, Sendable, Equatable {
  var function: String
  var arguments: HostArguments
  var reason: Message

  static func == (a: HostCallFailure, b: HostCallFailure) -> Bool {
    a.function == b.function && a.arguments.values == b.arguments.values && a.reason == b.reason
  }

  /// `the host function 职级系数(12) gave 3, outside the declared range 0…2`.
  var message: Message { Message(.hostCallFailure, function, "\(arguments)", reason) }
}

/// One call made while a subject was scored.
struct HostCallRecord: Sendable {
  var function: Int
  var arguments: HostArguments
  var outcome: Result<ExactDecimal, HostCallFailure>
}

/// The calls made while one subject is scored, kept when it is explained.
final class HostCallLog {
  var calls: [HostCallRecord] = []
}

/// What a formula's host calls need while it runs: the functions, and where to record the calls (when explaining).
struct HostCallContext {
  let table: HostFunctionTable
  let log: HostCallLog?
}

/// The results of host functions a pack test case gives (`"functions"`), for a pack checked without its host:
/// while a test case is scored they stand in for the functions the pack was loaded without.
struct HostFunctionTestValues: Sendable {
  /// What one function gives in a test case.
  enum Entry: Sendable, Equatable {
    /// The same result for every call.
    case always(ExactDecimal)
    /// A result for each list of arguments.
    case byArguments([(arguments: [ExactDecimal], result: ExactDecimal)])

    static func == (a: Entry, b: Entry) -> Bool {
      switch (a, b) {
      case (.always(let x), .always(let y)): x == y
      case (.byArguments(let x), .byArguments(let y)):
        x.count == y.count && zip(x, y).allSatisfy { $0.arguments == $1.arguments && $0.result == $1.result }
      default: false
      }
    }
  }

  /// The values of the test case being scored on this task.
  @TaskLocal static var current: HostFunctionTestValues?

  var entries: [String: Entry]

  /// The stand-in for `declaration`: its test values, or an error saying what the test case should give.
  func body(for declaration: HostFunctionDeclaration) -> HostFunction.Body {
    let name = declaration.name
    guard let entry = entries[name] else {
      return { _ in
        throw HostTestValueMissing(message: Message(.hostTestNoValue, name))
      }
    }
    switch entry {
    case .always(let value):
      return { _ in value }
    case .byArguments(let results):
      return { arguments in
        guard let match = results.first(where: { $0.arguments == arguments.values }) else {
          throw HostTestValueMissing(
            message: Message(
              .hostTestArgumentsNotListed, "\(arguments)", arguments.values.map(\.description).joined(separator: ", ")))
        }
        return match.result
      }
    }
  }
}

/// A test case that does not give a host function's result for a call.
struct HostTestValueMissing: Error, CustomStringConvertible {
  var message: Message
  var description: String { message.description }
}
