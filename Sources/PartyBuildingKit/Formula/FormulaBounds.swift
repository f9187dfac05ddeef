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
/// the names it uses. Every operation is monotone in its rounding (a quotient is
/// rounded to 12 places, ROUND by its rule), so the bounds hold for the results
/// evaluation produces. A bound that is not exact is rounded outward (a lower
/// bound down, an upper bound up); overflow widens it to ∞.
enum FormulaBounds {
  static func interval(of expression: FormulaExpression) -> FormulaInterval {
    switch expression {
    case .constant(let value):
      return .exactly(value)
    case .load(_, let bounds, _):
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
    case .median(let values, _), .rank(_, let values, _, _):
      let all = values.map(interval(of:))
      return FormulaInterval(all.map(\.low).min()!, all.map(\.high).max()!)
    case .hostCall(_, _, _, let bounds, _):
      return bounds
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
      // Each branch under what its guard says (FormulaNarrowing): `if x >= 10 then x - 10 else 0` is never negative.
      let all = FormulaNarrowing.branches(cases, otherwise: otherwise).map(interval(of:))
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
        .or(let values), .median(let values, _), .hostCall(_, let values, _, _, _):
        for value in values { visit(value) }
      case .rank(let k, let values, _, _):
        visit(k)
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
      var lowest = FormulaBound.positiveInfinity
      var highest = FormulaBound.negativeInfinity
      for x in [a.low, a.high] {
        for y in [b.low, b.high] {
          lowest = min(lowest, multiply(x, y, towardNegative: true))
          highest = max(highest, multiply(x, y, towardNegative: false))
        }
      }
      return FormulaInterval(lowest, highest)
    case .divide:
      // A divisor that can be 0 (or come arbitrarily close to it from both
      // sides) makes the quotient unbounded.
      if b.low.sign <= 0 && b.high.sign >= 0 { return .unbounded }
      var lowest = FormulaBound.positiveInfinity
      var highest = FormulaBound.negativeInfinity
      for x in [a.low, a.high] {
        for y in [b.low, b.high] {
          lowest = min(lowest, divide(x, y, towardNegative: true).min()!)
          highest = max(highest, divide(x, y, towardNegative: false).max()!)
        }
      }
      return FormulaInterval(lowest, highest)
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
    do { return .finite(try a.adding(b, rounding: towardNegative ? .floor : .ceiling)) } catch {
      return towardNegative ? .negativeInfinity : .positiveInfinity
    }
  }

  private static func multiply(_ x: FormulaBound, _ y: FormulaBound, towardNegative: Bool) -> FormulaBound {
    if case .finite(let a) = x, case .finite(let b) = y {
      do { return .finite(try a.multiplying(by: b, rounding: towardNegative ? .floor : .ceiling)) } catch {
        return .infinity(sign: x.sign * y.sign)
      }
    }
    // 0 × ∞ is taken as 0: the interval [0, 0] times anything is [0, 0].
    if x.sign == 0 || y.sign == 0 { return .finite(.zero) }
    return .infinity(sign: x.sign * y.sign)
  }

  /// The candidate quotients of two ends; `y` is never 0.
  private static func divide(_ x: FormulaBound, _ y: FormulaBound, towardNegative: Bool) -> [FormulaBound] {
    switch (x, y) {
    case (.finite(let a), .finite(let b)):
      do { return [.finite(try a.dividing(by: b, rounding: towardNegative ? .floor : .ceiling))] } catch {
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

// MARK: - Will the exact results fit?

/// What the range check knows of a part of a formula: the interval its value lies in, and the most decimal
/// places its exact value can need (more than 18 means it may not fit; a negative number −k means a multiple of
/// 10^k, as for the constant 1000000, so that `x * 1000000` needs 6 places fewer than `x`).
struct FormulaReach {
  var interval: FormulaInterval
  var places: Int
  /// Whether a warning was already given inside this part: one cause, one warning.
  var warned = false

  /// Whether every value in the interval, with `places` decimal places, fits a value: at most 18 places and
  /// |value| × 10^places ≤ Int64.max. An unbounded interval is not judged (nothing is known to judge it by).
  var fits: Bool {
    if places > ExactDecimal.maxScale { return false }
    let highest = ExactDecimal(_raw: Int64.max, UInt8(max(places, 0)))
    let lowest = ExactDecimal(_raw: -Int64.max, UInt8(max(places, 0)))
    for end in [interval.lower, interval.upper] {
      if let end, end > highest || end < lowest { return false }
    }
    return true
  }
}

/// The range check behind ``Formula/warnings``: from the ranges and declared decimal places of the names a
/// formula uses, it works out for each operation that can fail the interval of its exact result and the decimal
/// places that result can need, and warns where that could leave what a value holds (more than 18 places, or
/// more than 19 digits in all) — so that an author learns it when the pack loads, not when a row fails.
///
/// Places: a constant has its own; a name has its declared places (``FormulaSymbol/places``, else
/// ``FormulaSymbol/assumedPlaces``); `+ −`, MIN, MAX, CLAMP and IF take the most of their operands; `×` adds
/// them; a quotient has 12 (fewer when dividing by a constant such as 4 or 100 ends sooner); ROUND(x, d) at most
/// d; conditions and choices 0. A divisor that can be 0 is, when it is not 0, at least 10^−places in size, which
/// bounds the quotient where the plain interval analysis cannot.
struct FormulaRangeCheck {
  let sites: [FormulaSite]
  let text: (SourceSpan) -> String
  private(set) var warnings: [FormulaDiagnostic] = []

  init(sites: [FormulaSite], text: @escaping (SourceSpan) -> String) {
    self.sites = sites
    self.text = text
  }

  /// Checks the whole expression; returns what is known of its value.
  mutating func reach(_ expression: FormulaExpression) -> FormulaReach {
    switch expression {
    case .constant(let value):
      return FormulaReach(interval: .exactly(value), places: Self.places(of: value))
    case .load(_, let bounds, let places):
      return FormulaReach(interval: bounds, places: places)
    case .loadTruth:
      return FormulaReach(interval: .truth, places: 0)
    case .negate(let operand, let site), .absolute(let operand, let site):
      let value = reach(operand)
      var result = value
      result.interval = FormulaBounds.interval(of: rebuilt(expression, value.interval))
      return checked(result, at: site)
    case .arithmetic(let first, let steps):
      var result = reach(first)
      for step in steps {
        result = checked(combine(step.op, result, reach(step.operand)), at: step.site)
      }
      return result
    case .minimum(let values), .maximum(let values):
      let all = values.map { reach($0) }
      let interval = FormulaBounds.interval(
        of: rebuilt(expression, all.map(\.interval)))
      return FormulaReach(
        interval: interval, places: all.map(\.places).max()!, warned: all.contains(where: \.warned))
    case .sum(let values, let site), .average(let values, let site):
      var result = reach(values[0])
      for value in values.dropFirst() { result = checked(combine(.add, result, reach(value)), at: site) }
      if case .average = expression {
        result = checked(
          combine(.divide, result, FormulaReach(interval: .exactly(ExactDecimal(values.count)), places: 0)), at: site)
      }
      return result
    case .median(let values, let site):
      let all = values.map { reach($0) }
      let interval = FormulaBounds.interval(of: expression)
      var hull = FormulaReach(
        interval: interval, places: all.map(\.places).max()!, warned: all.contains(where: \.warned))
      // Two middle values are added and halved: (a + b) × 0.5.
      hull = checked(combine(.add, hull, hull), at: site)
      return checked(combine(.multiply, hull, FormulaReach(interval: .exactly(ExactDecimal(_raw: 5, 1)), places: 1)), at: site)
    case .rank(let k, let values, _, _):
      let warned = reach(k).warned
      let all = values.map { reach($0) }
      return FormulaReach(
        interval: FormulaBounds.interval(of: expression), places: all.map(\.places).max()!,
        warned: warned || all.contains(where: \.warned))
    case .hostCall(_, let arguments, _, let bounds, let places):
      let warned = arguments.map { reach($0).warned }.contains(true)
      return FormulaReach(interval: bounds, places: places, warned: warned)
    case .round(let operand, let places, let rule):
      let value = reach(operand)
      return FormulaReach(
        interval: FormulaInterval(
          lower: value.interval.lower?.rounded(places: places, rule: rule),
          upper: value.interval.upper?.rounded(places: places, rule: rule)),
        places: min(value.places, places), warned: value.warned)
    case .clamp(let operand, let low, let high, _):
      let all = [reach(operand), reach(low), reach(high)]
      let interval = FormulaBounds.interval(of: rebuilt(expression, all.map(\.interval)))
      return FormulaReach(
        interval: interval, places: all.map(\.places).max()!, warned: all.contains(where: \.warned))
    case .compare(_, let lhs, let rhs):
      // Both sides are checked, each with its own warnings.
      let left = reach(lhs)
      let right = reach(rhs)
      return FormulaReach(interval: .truth, places: 0, warned: left.warned || right.warned)
    case .not(let operand):
      return FormulaReach(interval: .truth, places: 0, warned: reach(operand).warned)
    case .and(let operands), .or(let operands):
      let warned = operands.map { reach($0).warned }.contains(true)
      return FormulaReach(interval: .truth, places: 0, warned: warned)
    case .remap(let operand, _):
      let warned = reach(operand).warned
      return FormulaReach(interval: FormulaBounds.interval(of: expression), places: 0, warned: warned)
    case .choose(let cases, let otherwise):
      var warned = false
      var values: [FormulaReach] = []
      for item in cases { warned = reach(item.condition).warned || warned }
      // Each branch under what its guard says, as in FormulaBounds.
      for branch in FormulaNarrowing.branches(cases, otherwise: otherwise) { values.append(reach(branch)) }
      let low = values.map(\.interval.low).min()!
      let high = values.map(\.interval.high).max()!
      return FormulaReach(
        interval: FormulaInterval(low, high), places: values.map(\.places).max()!,
        warned: warned || values.contains(where: \.warned))
    }
  }

  /// `expression` with its operands replaced by loads of the given intervals, so that the interval rules of
  /// ``FormulaBounds`` apply to what the range check found for them.
  private func rebuilt(_ expression: FormulaExpression, _ interval: FormulaInterval) -> FormulaExpression {
    rebuilt(expression, [interval])
  }

  private func rebuilt(_ expression: FormulaExpression, _ intervals: [FormulaInterval]) -> FormulaExpression {
    let loads = intervals.map { FormulaExpression.load(slot: 0, bounds: $0, places: 0) }
    switch expression {
    case .negate(_, let site): return .negate(loads[0], site: site)
    case .absolute(_, let site): return .absolute(loads[0], site: site)
    case .minimum: return .minimum(loads)
    case .maximum: return .maximum(loads)
    case .clamp(_, _, _, let site): return .clamp(loads[0], low: loads[1], high: loads[2], site: site)
    default: return expression
    }
  }

  /// The result of one operation on two checked parts (not yet checked itself).
  private func combine(_ op: ArithmeticOperator, _ a: FormulaReach, _ b: FormulaReach) -> FormulaReach {
    let warned = a.warned || b.warned
    switch op {
    case .add, .subtract:
      return FormulaReach(
        interval: FormulaBounds.combine(op, a.interval, b.interval), places: max(a.places, b.places), warned: warned)
    case .multiply:
      return FormulaReach(
        interval: FormulaBounds.combine(op, a.interval, b.interval), places: a.places + b.places, warned: warned)
    case .divide:
      var places = ExactDecimal.divisionFractionDigits
      if let divisor = b.interval.lower, divisor == b.interval.upper, !divisor.isZero {
        places = min(places, Self.quotientPlaces(a.places, dividingBy: divisor))
      }
      return FormulaReach(interval: quotient(a, b), places: places, warned: warned)
    }
  }

  /// The interval of `a ÷ b` when `b` is not 0: a divisor whose interval holds 0 is split into its negative and
  /// positive parts, each at least 10^−places away from 0.
  private func quotient(_ a: FormulaReach, _ b: FormulaReach) -> FormulaInterval {
    let divisor = b.interval
    if !(divisor.low.sign <= 0 && divisor.high.sign >= 0) {
      return FormulaBounds.combine(.divide, a.interval, divisor)
    }
    let smallest = ExactDecimal(_raw: 1, UInt8(min(max(b.places, 0), ExactDecimal.maxScale)))
    var parts: [FormulaInterval] = []
    if divisor.low.sign < 0 {
      parts.append(FormulaInterval(divisor.low, min(divisor.high, .finite(smallest.negated()))))
    }
    if divisor.high.sign > 0 {
      parts.append(FormulaInterval(max(divisor.low, .finite(smallest)), divisor.high))
    }
    // A divisor that is always 0 fails with its own error; its quotient is not judged.
    guard !parts.isEmpty else { return .unbounded }
    let quotients = parts.filter { $0.low <= $0.high }.map { FormulaBounds.combine(.divide, a.interval, $0) }
    guard !quotients.isEmpty else { return .unbounded }
    return FormulaInterval(quotients.map(\.low).min()!, quotients.map(\.high).max()!)
  }

  /// The decimal places of a constant: its scale once trailing zeros are dropped, or −k for a whole number that
  /// ends in k zeros (1000000: −6).
  static func places(of value: ExactDecimal) -> Int {
    let normalized = value.normalized()
    if normalized.scale > 0 || normalized.isZero { return normalized.scale }
    var significand = normalized.significand
    var zeros = 0
    while significand % 10 == 0 {
      significand /= 10
      zeros += 1
    }
    return -zeros
  }

  /// The most decimal places of `x ÷ divisor` for an `x` with `places`, when the quotient ends (the divisor's
  /// digits have no prime factor but 2 and 5): 7.5 ÷ 4 = 1.875. Otherwise more than 12.
  static func quotientPlaces(_ places: Int, dividingBy divisor: ExactDecimal) -> Int {
    let value = divisor.normalized()
    var digits = value.significand.magnitude
    var twos = 0
    var fives = 0
    while digits % 2 == 0 {
      digits /= 2
      twos += 1
    }
    while digits % 5 == 0 {
      digits /= 5
      fives += 1
    }
    if digits != 1 { return Int.max }
    // x ÷ (m × 10^−s) = x × 10^s ÷ m, with m = 2^twos × 5^fives.
    return max(0, places - value.scale) + max(twos, fives)
  }

  /// Warns at `site` when `result` may not fit, unless a part of it already warned; then goes on as if it fit.
  private mutating func checked(_ result: FormulaReach, at site: Int) -> FormulaReach {
    if result.fits { return result }
    var next = result
    next.places = min(result.places, ExactDecimal.maxScale)
    if result.warned { return next }
    next.warned = true
    warnings.append(FormulaDiagnostic(message(result, at: sites[site]), at: sites[site].span))
    return next
  }

  private func message(_ result: FormulaReach, at site: FormulaSite) -> Message {
    let part = text(site.span)
    let what: Message
    if result.places > ExactDecimal.maxScale {
      what = Message(.fxResultTooManyPlaces, part, result.places)
    } else {
      let places = max(result.places, 0)
      let largest = [result.interval.lower, result.interval.upper].compactMap { $0 }.map { end in
        end.isNegative ? ((try? end.negatedChecked()) ?? end) : end
      }.max() ?? .zero
      let whole = largest.rounded(places: 0, rule: .down)
      let digits = (whole.isZero ? 0 : whole.description.count) + places
      let subject =
        site.operation == .divide || site.operation == .average
        ? Message(.fxQuotientOf, part) : Message(.fxExactResultOf, part)
      what = Message(
        digits > 19 ? .fxReachTooManyDigits : .fxReachTooLarge, subject, largest, places, digits)
    }
    return Message(.fxMayFail, what, FormulaSymbol.assumedPlaces)
  }
}
