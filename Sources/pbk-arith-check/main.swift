// pbk-arith-check — random formulas, evaluated by PartyBuildingKit, for a differential check against an exact
// reference (Scripts/arith-check.py, Python's fractions). Prints one line per formula:
//
//   FORMULA <TAB> NAME=VALUE NAME=VALUE … <TAB> = VALUE        (the result, shortest exact form)
//   FORMULA <TAB> NAME=VALUE NAME=VALUE … <TAB> ! KIND         (inexact, overflow, divisionByZero, invalidArgument)
//   FORMULA <TAB> NAME=VALUE NAME=VALUE … <TAB> ? MESSAGE      (the formula did not compile: always a defect)
//
//   swift run pbk-arith-check --seed 1 --count 100000 | python3 Scripts/arith-check.py
//   Scripts/arith-check.sh 1 100000          # builds, runs both and compares
//
// Operand values are drawn to hit the edges of the rules: mixed scales, ties (x.5 at the rounding digit) and
// near-ties for ROUND/ROUNDUP/ROUNDDOWN at every number of places, magnitudes near 9.22 × 10¹⁸ and near 10⁻¹⁸,
// the smallest value (significand Int64.min), quotients near 9.22 × 10⁶ (the most that keeps 12 places), and
// issue 9's counterexamples. The same seed gives the same lines.
import PartyBuildingKit
import SeededRandom

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The options: `--seed N` (default 1) and `--count N` (default 100000).
struct CheckOptions {
  var seed: UInt64 = 1
  var count = 100_000

  init(_ arguments: [String]) {
    var rest = arguments[...]
    while let option = rest.popFirst() {
      guard let text = rest.popFirst() else { Self.usage("\(option) needs a value") }
      switch option {
      case "--seed":
        guard let value = UInt64(text) else { Self.usage("--seed takes a whole number, not '\(text)'") }
        seed = value
      case "--count":
        guard let value = Int(text), value >= 0 else { Self.usage("--count takes a whole number, not '\(text)'") }
        count = value
      default:
        Self.usage("unknown option '\(option)'")
      }
    }
  }

  static func usage(_ problem: String) -> Never {
    let text = Array("pbk-arith-check: \(problem)\nusage: pbk-arith-check [--seed N] [--count N]\n".utf8)
    _ = text.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count) }
    exit(64)
  }
}

/// Random operands and formulas, drawn from one SplitMix64.
struct FormulaGenerator {
  var random: SplitMix64
  /// The operand names of the current formula and their values (slot = index).
  static let names = ["a", "b", "c", "d", "e", "f"]
  var values: [ExactDecimal] = []

  init(seed: UInt64) { random = SplitMix64(seed: seed) }

  /// A value written in `.description` by both sides; issue 9's operands and the edges of the range among them.
  static let specials: [String] = [
    "0.5", "0.25", "0.249999999999999999", "0.125", "0.005", "0.0049999", "2.5", "-2.5", "0.000000000000000001",
    "0.000000001", "0.0000000015", "679.64", "-93783427088850153", "9223372036854775807", "-9223372036854775807",
    "9.223372036854775807", "0.922337203685477580", "9223372.036854775807", "9223372", "27670116", "3", "0.3",
    "85.5", "1", "-1", "0", "100", "0.333333333333", "-0.000000000000000005", "9223372036.854775807",
  ]

  mutating func below(_ bound: Int) -> Int { random.next(below: bound) }

  /// 10^exponent for exponent 0…18.
  static func ten(_ exponent: Int) -> Int64 {
    var value: Int64 = 1
    for _ in 0..<exponent { value *= 10 }
    return value
  }

  /// A random significand of up to `digits` digits (1…19), either sign.
  mutating func significand(digits: Int) -> Int64 {
    let value: Int64 =
      digits >= 19 ? Int64(bitPattern: random.next() >> 1) : Int64(random.below(UInt64(Self.ten(digits))))
    return below(2) == 0 ? value : -value
  }

  /// A value for an operand or a literal; `literal` excludes the smallest value (it cannot be written).
  mutating func value(literal: Bool) -> ExactDecimal {
    switch below(12) {
    case 0, 1:  // scores and weights: few places
      return ExactDecimal(significand: significand(digits: 1 + below(6)), scale: below(4))
    case 2:  // whole numbers of any size
      return ExactDecimal(significand: significand(digits: 1 + below(19)), scale: 0)
    case 3, 4:  // any digits at any scale
      return ExactDecimal(significand: significand(digits: 1 + below(19)), scale: below(19))
    case 5:  // near the top of the range, at any scale
      let offset = Int64(below(1000))
      let high = below(2) == 0
      var significand = high ? Int64.max - offset : Int64.min + offset
      if literal && significand == .min { significand += 1 }
      return ExactDecimal(significand: significand, scale: below(19))
    case 6:  // near 10⁻¹⁸
      return ExactDecimal(significand: significand(digits: 1 + below(4)), scale: 15 + below(4))
    case 7:  // a tie or near-tie at a random digit
      let places = below(18)
      let whole = significand(digits: 1 + below(6))
      // whole.5 at `places` places, i.e. (10 × whole + 5) × 10^−(places + 1), nudged by a unit of a later digit.
      let scale = min(18, places + 1 + below(3))
      let unit = Self.ten(scale - places - 1)
      var value = (whole.multipliedReportingOverflow(by: 10).partialValue + (whole < 0 ? -5 : 5))
        .multipliedReportingOverflow(by: unit).partialValue
      switch below(3) {
      case 0: value += 1
      case 1: value -= 1
      default: break
      }
      return ExactDecimal(significand: value, scale: scale)
    case 8:  // near the largest quotient that keeps 12 places (9223372.036854775807)
      return ExactDecimal(significand: 9_223_372 + Int64(below(5)) - 2, scale: 0)
        .adding(ExactDecimal(significand: Int64(below(1000)), scale: 3), or: .zero)
    case 9:
      return ExactDecimal(Self.specials[below(Self.specials.count)])!
    case 10:  // small whole numbers, often divisors
      return ExactDecimal(below(13) - 3)
    default:  // medium
      return ExactDecimal(significand: significand(digits: 1 + below(10)), scale: below(10))
    }
  }

  /// A literal as written in a formula: negative ones in parentheses, sometimes as a percentage.
  mutating func literal() -> String {
    let value = value(literal: true)
    if below(10) == 0, value.scale <= 16, !value.isNegative, value.significand.magnitude < 1_000_000_000 {
      // Written as a percentage: 12.5% is 0.125 (the digits move two places).
      return "\(value)%"
    }
    return value.isNegative ? "(\(value))" : "\(value)"
  }

  /// A number expression of at most `depth` levels.
  mutating func number(_ depth: Int) -> String {
    if depth == 0 || below(5) == 0 {
      return below(4) == 0 ? literal() : Self.names[below(values.count)]
    }
    switch below(22) {
    case 0...7:
      let op = ["+", "-", "*", "/"][below(4)]
      return "\(operand(depth - 1)) \(op) \(operand(depth - 1))"
    case 8: return "-\(operand(depth - 1))"
    case 9: return "ABS(\(number(depth - 1)))"
    case 10, 11:
      let function = ["ROUND", "ROUNDUP", "ROUNDDOWN"][below(3)]
      return "\(function)(\(number(depth - 1)), \(below(19)))"
    case 12: return "MIN(\(arguments(depth - 1)))"
    case 13: return "MAX(\(arguments(depth - 1)))"
    case 14: return "SUM(\(arguments(depth - 1)))"
    case 15: return "AVERAGE(\(arguments(depth - 1)))"
    case 16: return "IF(\(condition(depth - 1)), \(number(depth - 1)), \(number(depth - 1)))"
    case 17: return "(if \(condition(depth - 1)) then \(number(depth - 1)) else \(number(depth - 1)))"
    case 18:
      // The highest is a name: two constants the wrong way round are rejected when the formula compiles.
      let name = Self.names[below(values.count)]
      return "CLAMP(\(number(depth - 1)), \(number(depth - 1)), \(name))"
    case 19: return "COUNT(\(condition(depth - 1)), \(condition(depth - 1)))"
    default:
      // Issue 9's shapes: a product rounded, a product compared, a product over a square.
      let x = operand(depth - 1)
      let y = operand(depth - 1)
      switch below(3) {
      case 0: return "ROUND(\(x) * \(y), \(below(19)))"
      case 1: return "IF(\(x) * \(y) < 0, 1, 0)"
      default: return "\(x) * \(y) / (\(y) * \(y))"
      }
    }
  }

  /// An operand of `+ - * /`: in parentheses unless it is a name, a literal or a call (and sometimes even then,
  /// so that both sides' precedence rules are exercised by the unparenthesised ones).
  mutating func operand(_ depth: Int) -> String {
    let text = number(depth)
    let plain = text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "." || $0 == "%" }
    let call = text.first!.isUppercase && text.hasSuffix(")")
    if plain || (call && below(2) == 0) { return text }
    // A bare `a + b` as an operand: its meaning then follows precedence, on both sides alike.
    let binary = !call && !text.hasPrefix("(") && !text.hasPrefix("-")
    return binary && below(3) == 0 ? text : "(\(text))"
  }

  mutating func arguments(_ depth: Int) -> String {
    (0..<(1 + below(3))).map { _ in number(depth) }.joined(separator: ", ")
  }

  /// A true/false expression of at most `depth` levels.
  mutating func condition(_ depth: Int) -> String {
    if depth == 0 || below(3) == 0 {
      let op = ["<", "<=", ">", ">=", "=", "!="][below(6)]
      return "\(operand(max(depth - 1, 0))) \(op) \(operand(max(depth - 1, 0)))"
    }
    switch below(7) {
    case 0: return "(\(condition(depth - 1))) and (\(condition(depth - 1)))"
    case 1: return "(\(condition(depth - 1))) or (\(condition(depth - 1)))"
    case 2: return "not (\(condition(depth - 1)))"
    case 3: return "AND(\(condition(depth - 1)), \(condition(depth - 1)))"
    case 4: return "OR(\(condition(depth - 1)), \(condition(depth - 1)))"
    case 5: return "NOT(\(condition(depth - 1)))"
    default: return ["true", "false"][below(2)]
    }
  }

  /// The next formula and its operands' values.
  mutating func next() -> (formula: String, values: [ExactDecimal]) {
    values = (0..<(1 + below(Self.names.count))).map { _ in value(literal: false) }
    while true {
      let formula = number(1 + below(4))
      // Within the language's limit of 4,000 characters (a rare deep draw is drawn again).
      if formula.unicodeScalars.count <= 3_000 { return (formula, values) }
    }
  }
}

extension ExactDecimal {
  /// The sum, or `fallback` when it cannot be held exactly (the generator's own arithmetic).
  func adding(_ other: ExactDecimal, or fallback: ExactDecimal) -> ExactDecimal {
    (try? adding(other)) ?? fallback
  }
}

let options = CheckOptions(Array(CommandLine.arguments.dropFirst()))
var generator = FormulaGenerator(seed: options.seed)
let scope = FormulaScope(
  FormulaGenerator.names.enumerated().map { FormulaSymbol(name: $1, type: .number, slot: $0) })
var output: [UInt8] = []
output.reserveCapacity(1 << 20)
/// Writes the lines so far to standard output (all of them, even when a pipe takes them in parts).
func flush(_ output: inout [UInt8]) {
  output.withUnsafeBufferPointer { buffer in
    var offset = 0
    while offset < buffer.count {
      let written = write(1, buffer.baseAddress! + offset, buffer.count - offset)
      if written <= 0 { exit(1) }
      offset += written
    }
  }
  output.removeAll(keepingCapacity: true)
}
for _ in 0..<options.count {
  let (formula, values) = generator.next()
  var line = formula + "\t"
  line += zip(FormulaGenerator.names, values).map { "\($0)=\($1)" }.joined(separator: " ")
  line += "\t"
  switch Formula.compile(formula, in: scope) {
  case .failure(let diagnostics):
    line += "? \(diagnostics.map(\.description).joined(separator: " | "))"
  case .success(let compiled):
    let slots = values + [ExactDecimal](repeating: .zero, count: FormulaGenerator.names.count - values.count)
    do {
      line += "= \(try compiled.evaluate(slots))"
    } catch {
      line += "! \(error.kind)"
    }
  }
  output.append(contentsOf: line.utf8)
  output.append(0x0A)
  if output.count > 1 << 20 { flush(&output) }
}
flush(&output)
