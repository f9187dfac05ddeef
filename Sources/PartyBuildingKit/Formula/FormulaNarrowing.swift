/// What a condition says about single names, so that the range of a guarded part is judged under its guard:
/// in `if x >= 1000 then x - 1000 else 0` the first branch only runs for x ≥ 1000, so it is never negative, and a
/// rule `"when": "x >= 1000", "points": "x - 1000"` never gives negative points.
///
/// Only what is certain is used: a conjunction of comparisons of a name with a constant (`x >= 60 and y < 3`), its
/// negation (the `else` of `x >= 60` is x < 60), `not`, and the negation of a disjunction. Anything else says
/// nothing, and the ranges stay as declared. Intervals are closed, so `x > 5` narrows to x ≥ 5: a little wider than
/// exact, never narrower.
enum FormulaNarrowing {
  /// Per slot, the interval a name is known to lie in.
  typealias Constraints = [Int: FormulaInterval]

  /// What `condition` says of single names when it holds (`holds`) or fails.
  static func constraints(of condition: FormulaExpression, holds: Bool) -> Constraints {
    switch condition {
    case .compare(let op, .load(let slot, _, _), .constant(let value)):
      return interval(op, value, holds: holds).map { [slot: $0] } ?? [:]
    case .compare(let op, .constant(let value), .load(let slot, _, _)):
      return interval(op.flipped, value, holds: holds).map { [slot: $0] } ?? [:]
    case .not(let operand):
      return constraints(of: operand, holds: !holds)
    case .and(let operands) where holds:
      return operands.reduce(into: [:]) { merge(&$0, constraints(of: $1, holds: true)) }
    case .or(let operands) where !holds:
      return operands.reduce(into: [:]) { merge(&$0, constraints(of: $1, holds: false)) }
    default:
      return [:]
    }
  }

  /// The interval of a name compared with `value` by `op` when the comparison holds or fails; nil when it says
  /// nothing an interval can hold (`!=`, or `=` failing).
  private static func interval(_ op: ComparisonOperator, _ value: ExactDecimal, holds: Bool) -> FormulaInterval? {
    let effective = holds ? op : op.negated
    switch effective {
    case .equal: return .exactly(value)
    case .notEqual: return nil
    case .less, .lessOrEqual: return FormulaInterval(lower: nil, upper: value)
    case .greater, .greaterOrEqual: return FormulaInterval(lower: value, upper: nil)
    }
  }

  /// Adds `other` to `constraints`, intersecting where both know a slot.
  static func merge(_ constraints: inout Constraints, _ other: Constraints) {
    for (slot, interval) in other {
      constraints[slot] = constraints[slot].map { intersect($0, interval) } ?? interval
    }
  }

  static func intersect(_ a: FormulaInterval, _ b: FormulaInterval) -> FormulaInterval {
    FormulaInterval(max(a.low, b.low), min(a.high, b.high))
  }

  /// Whether the constraints leave some slot no value at all (a branch that can never run).
  static func isEmpty(_ constraints: Constraints) -> Bool {
    constraints.values.contains { $0.low > $0.high }
  }

  /// `expression` with the bounds of every name it reads narrowed by `constraints`.
  static func narrowed(_ expression: FormulaExpression, by constraints: Constraints) -> FormulaExpression {
    guard !constraints.isEmpty else { return expression }
    func go(_ e: FormulaExpression) -> FormulaExpression { narrowed(e, by: constraints) }
    switch expression {
    case .constant, .loadTruth: return expression
    case .load(let slot, let bounds, let places):
      guard let constraint = constraints[slot] else { return expression }
      return .load(slot: slot, bounds: intersect(bounds, constraint), places: places)
    case .negate(let operand, let site): return .negate(go(operand), site: site)
    case .absolute(let operand, let site): return .absolute(go(operand), site: site)
    case .arithmetic(let first, let steps):
      return .arithmetic(go(first), steps.map { FormulaStep(op: $0.op, operand: go($0.operand), site: $0.site) })
    case .minimum(let values): return .minimum(values.map(go))
    case .maximum(let values): return .maximum(values.map(go))
    case .sum(let values, let site): return .sum(values.map(go), site: site)
    case .average(let values, let site): return .average(values.map(go), site: site)
    case .median(let values, let site): return .median(values.map(go), site: site)
    case .rank(let k, let values, let largest, let site):
      return .rank(go(k), values.map(go), largest: largest, site: site)
    case .hostCall(let function, let arguments, let site, let bounds, let places):
      return .hostCall(function: function, arguments.map(go), site: site, bounds: bounds, places: places)
    case .round(let operand, let places, let rule): return .round(go(operand), places: places, rule: rule)
    case .clamp(let operand, let low, let high, let site):
      return .clamp(go(operand), low: go(low), high: go(high), site: site)
    case .compare(let op, let lhs, let rhs): return .compare(op, go(lhs), go(rhs))
    case .not(let operand): return .not(go(operand))
    case .and(let operands): return .and(operands.map(go))
    case .or(let operands): return .or(operands.map(go))
    case .choose(let cases, let otherwise):
      return .choose(
        cases.map { FormulaCase(condition: go($0.condition), value: go($0.value)) }, otherwise: go(otherwise))
    case .remap(let operand, let table): return .remap(go(operand), table: table)
    }
  }

  /// The branches of `if … then … else …` with what is known in each: a case's value runs when its condition holds
  /// and every earlier one failed; the `else` when all failed. Branches that can never run are left out (unless all
  /// would be, when every branch is kept as it is).
  static func branches(_ cases: [FormulaCase], otherwise: FormulaExpression) -> [FormulaExpression] {
    var failedSoFar: Constraints = [:]
    var result: [FormulaExpression] = []
    for item in cases {
      var known = failedSoFar
      merge(&known, constraints(of: item.condition, holds: true))
      if !isEmpty(known) { result.append(narrowed(item.value, by: known)) }
      merge(&failedSoFar, constraints(of: item.condition, holds: false))
    }
    if !isEmpty(failedSoFar) { result.append(narrowed(otherwise, by: failedSoFar)) }
    return result.isEmpty ? cases.map(\.value) + [otherwise] : result
  }
}

extension ComparisonOperator {
  /// The operator with its operands swapped: `c < x` is `x > c`.
  var flipped: ComparisonOperator {
    switch self {
    case .equal, .notEqual: self
    case .less: .greater
    case .lessOrEqual: .greaterOrEqual
    case .greater: .less
    case .greaterOrEqual: .lessOrEqual
    }
  }

  /// The operator that holds exactly when this one fails.
  var negated: ComparisonOperator {
    switch self {
    case .equal: .notEqual
    case .notEqual: .equal
    case .less: .greaterOrEqual
    case .lessOrEqual: .greater
    case .greater: .lessOrEqual
    case .greaterOrEqual: .less
    }
  }
}
