/// Constant folding, applied to each node as it is built (its children are
/// already folded). A step that would fail (overflow, division by zero) is left
/// for run time, so a failure in a branch that is never taken stays harmless.
enum FormulaFolder {
  static func fold(_ expression: FormulaExpression) -> FormulaExpression {
    switch expression {
    case .negate(.constant(let value), _):
      return attempt { () throws(ArithmeticError) in try FormulaMath.negate(value) } ?? expression
    case .absolute(.constant(let value), _):
      return attempt { () throws(ArithmeticError) in try FormulaMath.absolute(value) } ?? expression
    case .arithmetic(let first, let steps):
      return foldArithmetic(first, steps)
    case .minimum(let values):
      if values.count == 1 { return values[0] }
      return constants(values).map { .constant($0.min()!) } ?? expression
    case .maximum(let values):
      if values.count == 1 { return values[0] }
      return constants(values).map { .constant($0.max()!) } ?? expression
    case .sum(let values, _):
      if values.count == 1 { return values[0] }
      guard let numbers = constants(values) else { return expression }
      return attempt { () throws(ArithmeticError) in try sum(numbers) } ?? expression
    case .average(let values, _):
      guard let numbers = constants(values) else { return expression }
      return attempt { () throws(ArithmeticError) in
        try sum(numbers).dividing(by: ExactDecimal(numbers.count))
      } ?? expression
    case .median(let values, _):
      guard var numbers = constants(values) else { return expression }
      return numbers.withUnsafeMutableBufferPointer { buffer in
        attempt { () throws(ArithmeticError) in try FormulaMath.median(buffer) }
      } ?? expression
    case .rank(.constant(let k), let values, let largest, _):
      guard var numbers = constants(values) else { return expression }
      return numbers.withUnsafeMutableBufferPointer { FormulaMath.rank(k, $0, largest: largest) }.map { .constant($0) }
        ?? expression
    case .round(.constant(let value), let places, let rule):
      return .constant(value.rounded(places: places, rule: rule))
    case .clamp(.constant(let value), .constant(let low), .constant(let high), _) where low <= high:
      return .constant(Swift.min(Swift.max(value, low), high))
    case .compare(let op, .constant(let lhs), .constant(let rhs)):
      return .constant(FormulaMath.truth(op.holds(lhs, rhs)))
    case .not(.constant(let value)):
      return .constant(FormulaMath.truth(value.isZero))
    case .remap(.constant(let index), let table):
      return .constant(FormulaMath.remap(index, table))
    case .and(let operands):
      return foldLogical(operands, isAnd: true)
    case .or(let operands):
      return foldLogical(operands, isAnd: false)
    case .choose(let cases, let otherwise):
      return foldChoose(cases, otherwise)
    default:
      return expression
    }
  }

  private static func attempt(
    _ body: () throws(ArithmeticError) -> ExactDecimal
  ) -> FormulaExpression? {
    do { return .constant(try body()) } catch { return nil }
  }

  private static func constants(_ values: [FormulaExpression]) -> [ExactDecimal]? {
    var result: [ExactDecimal] = []
    for value in values {
      guard let constant = value.constant else { return nil }
      result.append(constant)
    }
    return result
  }

  private static func sum(_ values: [ExactDecimal]) throws(ArithmeticError) -> ExactDecimal {
    var total = ExactDecimal.zero
    for value in values { total = try total.adding(value) }
    return total
  }

  /// Folds leading constants: `2 * 3 * x` → `6 * x`; all constants → one constant.
  private static func foldArithmetic(
    _ first: FormulaExpression, _ steps: [FormulaStep]
  ) -> FormulaExpression {
    var head = first
    var index = 0
    while index < steps.count, let left = head.constant, let right = steps[index].operand.constant {
      let op = steps[index].op
      guard
        let folded = attempt({ () throws(ArithmeticError) in try FormulaMath.apply(op, left, right)
        })
      else { break }
      head = folded
      index += 1
    }
    if index == steps.count { return head }
    return .arithmetic(head, Array(steps[index...]))
  }

  /// Drops operands that cannot change the result (true in `and`, false in
  /// `or`) and stops at one that decides it; operands before a deciding constant
  /// are kept so they are still evaluated in order.
  private static func foldLogical(_ operands: [FormulaExpression], isAnd: Bool) -> FormulaExpression
  {
    var kept: [FormulaExpression] = []
    for operand in operands {
      guard let value = operand.constant else {
        kept.append(operand)
        continue
      }
      let decides = isAnd ? value.isZero : !value.isZero
      if decides {
        if kept.isEmpty { return .constant(FormulaMath.truth(!isAnd)) }
        kept.append(operand)
        break
      }
    }
    if kept.isEmpty { return .constant(FormulaMath.truth(isAnd)) }
    if kept.count == 1 { return kept[0] }
    return isAnd ? .and(kept) : .or(kept)
  }

  /// Drops branches whose condition is always false; a branch whose condition
  /// is always true ends the chain.
  private static func foldChoose(
    _ cases: [FormulaCase], _ otherwise: FormulaExpression
  ) -> FormulaExpression {
    var kept: [FormulaCase] = []
    var fallback = otherwise
    for item in cases {
      guard let condition = item.condition.constant else {
        kept.append(item)
        continue
      }
      if !condition.isZero {
        fallback = item.value
        break
      }
    }
    if kept.isEmpty { return fallback }
    return .choose(kept, otherwise: fallback)
  }
}
