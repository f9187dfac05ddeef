/// An end of an interval on the number line extended with ±∞.
enum FormulaBound: Comparable {
  case negativeInfinity
  case finite(ExactDecimal)
  case positiveInfinity

  /// −1, 0 or 1.
  var sign: Int {
    switch self {
    case .negativeInfinity: -1
    case .positiveInfinity: 1
    case .finite(let value): value.isZero ? 0 : (value.isNegative ? -1 : 1)
    }
  }

  static func infinity(sign: Int) -> FormulaBound {
    sign < 0 ? .negativeInfinity : .positiveInfinity
  }

  var negated: FormulaBound {
    switch self {
    case .negativeInfinity: return .positiveInfinity
    case .positiveInfinity: return .negativeInfinity
    case .finite(let value):
      do { return .finite(try FormulaMath.negate(value)) } catch { return .positiveInfinity }
    }
  }
}

extension FormulaInterval {
  init(_ lower: FormulaBound, _ upper: FormulaBound) {
    if case .finite(let value) = lower { self.lower = value } else { self.lower = nil }
    if case .finite(let value) = upper { self.upper = value } else { self.upper = nil }
  }

  var low: FormulaBound { lower.map(FormulaBound.finite) ?? .negativeInfinity }
  var high: FormulaBound { upper.map(FormulaBound.finite) ?? .positiveInfinity }
}

/// Interval analysis: the range a formula's value can take, given the ranges of
/// the names it uses. Every operation is monotone in its rounding, so the bounds
/// hold for the rounded results evaluation produces. Overflow widens a bound to ∞.
enum FormulaBounds {
  static func interval(of expression: FormulaExpression) -> FormulaInterval {
    switch expression {
    case .constant(let value):
      return .exactly(value)
    case .load(_, let bounds):
      return bounds
    case .loadTruth, .compare, .not, .and, .or:
      return .truth
    case .negate(let operand, _):
      let value = interval(of: operand)
      return FormulaInterval(value.high.negated, value.low.negated)
    case .absolute(let operand, _):
      let value = interval(of: operand)
      if value.low.sign >= 0 { return value }
      if value.high.sign <= 0 { return FormulaInterval(value.high.negated, value.low.negated) }
      return FormulaInterval(.finite(.zero), max(value.low.negated, value.high))
    case .arithmetic(let first, let steps):
      var result = interval(of: first)
      for step in steps {
        result = combine(step.op, result, interval(of: step.operand))
      }
      return result
    case .minimum(let values):
      let all = values.map(interval(of:))
      return FormulaInterval(all.map(\.low).min()!, all.map(\.high).min()!)
    case .maximum(let values):
      let all = values.map(interval(of:))
      return FormulaInterval(all.map(\.low).max()!, all.map(\.high).max()!)
    case .sum(let values, _):
      return values.dropFirst().reduce(interval(of: values[0])) {
        combine(.add, $0, interval(of: $1))
      }
    case .average(let values, _):
      let total = values.dropFirst().reduce(interval(of: values[0])) {
        combine(.add, $0, interval(of: $1))
      }
      return combine(.divide, total, .exactly(ExactDecimal(values.count)))
    case .round(let operand, let places, let rule):
      let value = interval(of: operand)
      return FormulaInterval(
        lower: value.lower?.rounded(places: places, rule: rule),
        upper: value.upper?.rounded(places: places, rule: rule))
    case .clamp(let operand, let low, let high, _):
      let value = interval(of: operand)
      let lowest = interval(of: low)
      let highest = interval(of: high)
      return FormulaInterval(
        min(max(value.low, lowest.low), highest.low),
        min(max(value.high, lowest.high), highest.high))
    case .remap(_, let table):
      return FormulaInterval(lower: table.min() ?? -1, upper: table.max() ?? -1)
    case .choose(let cases, let otherwise):
      let all = (cases.map(\.value) + [otherwise]).map(interval(of:))
      return FormulaInterval(all.map(\.low).min()!, all.map(\.high).max()!)
    }
  }

  /// The sites of the divisions in `expression` whose divisor's interval includes 0, in source order, and whether
  /// that interval is 0 alone.
  static func divisionsByRangesWithZero(in expression: FormulaExpression) -> [(site: Int, always: Bool)] {
    var found: [(site: Int, always: Bool)] = []
    func visit(_ expression: FormulaExpression) {
      switch expression {
      case .constant, .load, .loadTruth: return
      case .negate(let operand, _), .absolute(let operand, _), .round(let operand, _, _), .not(let operand),
        .remap(let operand, _):
        visit(operand)
      case .arithmetic(let first, let steps):
        visit(first)
        for step in steps {
          visit(step.operand)
          if step.op == .divide {
            let divisor = interval(of: step.operand)
            if divisor.low.sign <= 0 && divisor.high.sign >= 0 {
              found.append((step.site, divisor.low.sign == 0 && divisor.high.sign == 0))
            }
          }
        }
      case .minimum(let values), .maximum(let values), .sum(let values, _), .average(let values, _), .and(let values),
        .or(let values):
        for value in values { visit(value) }
      case .clamp(let operand, let low, let high, _):
        visit(operand)
        visit(low)
        visit(high)
      case .compare(_, let lhs, let rhs):
        visit(lhs)
        visit(rhs)
      case .choose(let cases, let otherwise):
        for item in cases {
          visit(item.condition)
          visit(item.value)
        }
        visit(otherwise)
      }
    }
    visit(expression)
    return found.sorted { $0.site < $1.site }
  }

  static func combine(
    _ op: ArithmeticOperator, _ a: FormulaInterval, _ b: FormulaInterval
  ) -> FormulaInterval {
    switch op {
    case .add:
      return FormulaInterval(
        add(a.low, b.low, towardNegative: true), add(a.high, b.high, towardNegative: false))
    case .subtract:
      return FormulaInterval(
        add(a.low, b.high.negated, towardNegative: true),
        add(a.high, b.low.negated, towardNegative: false))
    case .multiply:
      let products = [
        multiply(a.low, b.low), multiply(a.low, b.high), multiply(a.high, b.low),
        multiply(a.high, b.high),
      ]
      return FormulaInterval(products.min()!, products.max()!)
    case .divide:
      // A divisor that can be 0 (or come arbitrarily close to it from both
      // sides) makes the quotient unbounded.
      if b.low.sign <= 0 && b.high.sign >= 0 { return .unbounded }
      var quotients: [FormulaBound] = []
      for x in [a.low, a.high] {
        for y in [b.low, b.high] { quotients.append(contentsOf: divide(x, y)) }
      }
      return FormulaInterval(quotients.min()!, quotients.max()!)
    }
  }

  private static func add(_ x: FormulaBound, _ y: FormulaBound, towardNegative: Bool)
    -> FormulaBound
  {
    guard case .finite(let a) = x, case .finite(let b) = y else {
      // Lower bounds are never +∞ and upper bounds never −∞, so no ∞ − ∞ here.
      if case .finite = x { return y }
      return x
    }
    do { return .finite(try a.adding(b)) } catch {
      return towardNegative ? .negativeInfinity : .positiveInfinity
    }
  }

  private static func multiply(_ x: FormulaBound, _ y: FormulaBound) -> FormulaBound {
    if case .finite(let a) = x, case .finite(let b) = y {
      do { return .finite(try a.multiplying(by: b)) } catch {
        return .infinity(sign: x.sign * y.sign)
      }
    }
    // 0 × ∞ is taken as 0: the interval [0, 0] times anything is [0, 0].
    if x.sign == 0 || y.sign == 0 { return .finite(.zero) }
    return .infinity(sign: x.sign * y.sign)
  }

  /// The candidate quotients of two ends; `y` is never 0.
  private static func divide(_ x: FormulaBound, _ y: FormulaBound) -> [FormulaBound] {
    switch (x, y) {
    case (.finite(let a), .finite(let b)):
      do { return [.finite(try a.dividing(by: b))] } catch {
        return [.infinity(sign: x.sign * y.sign)]
      }
    case (.finite, _):
      return [.finite(.zero)]
    case (_, .finite):
      return [.infinity(sign: x.sign * y.sign)]
    default:
      // ∞ / ∞: anything between 0 and ∞ of that sign.
      return [.finite(.zero), .infinity(sign: x.sign * y.sign)]
    }
  }
}
