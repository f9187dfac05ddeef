/// Known bounds of a value; `nil` means unbounded on that side.
struct FormulaInterval: Sendable, Equatable {
  var lower: ExactDecimal?
  var upper: ExactDecimal?

  static let unbounded = FormulaInterval(lower: nil, upper: nil)
  static let truth = FormulaInterval(lower: .zero, upper: .one)

  static func exactly(_ value: ExactDecimal) -> FormulaInterval {
    FormulaInterval(lower: value, upper: value)
  }
}

/// A place where evaluation can fail, kept for the error message: the span of
/// the operation (`a / b`), what it computes and, for `+ - * /`, the span of the
/// right operand (the divisor of a division).
struct FormulaSite: Sendable {
  var span: SourceSpan
  var operation: FormulaSiteOperation
  var operand: SourceSpan?

  /// The divisor of a division.
  var divisor: SourceSpan? { operation == .divide ? operand : nil }
}

/// What a site computes, for the wording of its errors and warnings.
enum FormulaSiteOperation: Sendable, Equatable {
  case add, subtract, multiply, divide
  /// `SUM(…)` or `COUNT(…)`.
  case sum
  case average
  case negate
  case absolute
  case clamp
  case median
  /// `LARGE(k, …)`.
  case large
  /// `SMALL(k, …)`.
  case small
  /// A call to a host function.
  case hostCall

  init(_ op: ArithmeticOperator) {
    switch op {
    case .add: self = .add
    case .subtract: self = .subtract
    case .multiply: self = .multiply
    case .divide: self = .divide
    }
  }
}

/// One step of an arithmetic chain after checking.
struct FormulaStep: Sendable {
  var op: ArithmeticOperator
  var operand: FormulaExpression
  /// Index into the formula's sites, for error messages.
  var site: Int
}

/// One `if … then …` pair after checking.
struct FormulaCase: Sendable {
  var condition: FormulaExpression
  var value: FormulaExpression
}

/// The checked form of a formula: names resolved to slots, text resolved to
/// choice indices, constants folded. Booleans are 1 or 0. Used for constant
/// folding and bounds analysis, then compiled to a ``FormulaProgram``.
indirect enum FormulaExpression: Sendable {
  case constant(ExactDecimal)
  /// A number or text (choice index) slot, with its known bounds and the most decimal places it carries.
  case load(slot: Int, bounds: FormulaInterval, places: Int)
  /// A true/false slot, read as 1 when nonzero, else 0.
  case loadTruth(slot: Int)
  case negate(FormulaExpression, site: Int)
  case absolute(FormulaExpression, site: Int)
  case arithmetic(FormulaExpression, [FormulaStep])
  case minimum([FormulaExpression])
  case maximum([FormulaExpression])
  /// SUM of numbers, or COUNT of conditions (which are 1 or 0).
  case sum([FormulaExpression], site: Int)
  case average([FormulaExpression], site: Int)
  /// MEDIAN: the middle value, or the mean of the two middle values.
  case median([FormulaExpression], site: Int)
  /// LARGE(k, …) (`largest`) or SMALL(k, …): the k-th largest or smallest value.
  case rank(FormulaExpression, [FormulaExpression], largest: Bool, site: Int)
  /// A call of host function number `function` (in the scope's table), with what its declaration says of the result.
  case hostCall(function: Int, [FormulaExpression], site: Int, bounds: FormulaInterval, places: Int)
  case round(FormulaExpression, places: Int, rule: RoundingRule)
  case clamp(FormulaExpression, low: FormulaExpression, high: FormulaExpression, site: Int)
  case compare(ComparisonOperator, FormulaExpression, FormulaExpression)
  case not(FormulaExpression)
  case and([FormulaExpression])
  case or([FormulaExpression])
  case choose([FormulaCase], otherwise: FormulaExpression)
  /// A choice index moved onto another list: `table[index]`, or −1 for an index
  /// outside the table.
  case remap(FormulaExpression, table: [ExactDecimal])

  var constant: ExactDecimal? {
    if case .constant(let value) = self { return value }
    return nil
  }
}

/// The operations shared by constant folding and evaluation.
enum FormulaMath {
  @inline(__always)
  static func truth(_ value: Bool) -> ExactDecimal {
    ExactDecimal(_raw: value ? 1 : 0, 0)
  }

  @inline(__always)
  static func apply(
    _ op: ArithmeticOperator, _ lhs: ExactDecimal, _ rhs: ExactDecimal
  ) throws(ArithmeticError) -> ExactDecimal {
    switch op {
    case .add: try lhs.adding(rhs)
    case .subtract: try lhs.subtracting(rhs)
    case .multiply: try lhs.multiplying(by: rhs)
    case .divide: try lhs.dividing(by: rhs)
    }
  }

  /// −value, as `0 − value`: an error (never a trap) for the significand `Int64.min`, which has no negation.
  @inline(__always)
  static func negate(_ value: ExactDecimal) throws(ArithmeticError) -> ExactDecimal {
    try value.negatedChecked()
  }

  /// `table[index]`, or −1 when `index` is not a whole number inside the table.
  @inline(__always)
  static func remap(_ index: ExactDecimal, _ table: some RandomAccessCollection<ExactDecimal>)
    -> ExactDecimal
  {
    guard let position = index.intValue, position >= 0, position < table.count else {
      return ExactDecimal(_raw: -1, 0)
    }
    return table[table.index(table.startIndex, offsetBy: position)]
  }

  /// The median of `values` (sorted in place): the middle one, or the mean of the two middle ones, exactly
  /// ((a + b) × 0.5, an error when that does not fit).
  @inline(__always)
  static func median(_ values: UnsafeMutableBufferPointer<ExactDecimal>) throws(ArithmeticError) -> ExactDecimal {
    sort(values)
    let middle = values.count / 2
    if values.count % 2 == 1 { return values[middle] }
    return try values[middle - 1].adding(values[middle]).multiplying(by: ExactDecimal(_raw: 5, 1))
  }

  /// The `k`-th largest (`largest`) or smallest of `values` (sorted in place); nil when `k` is not a whole number
  /// from 1 to the number of values.
  @inline(__always)
  static func rank(
    _ k: ExactDecimal, _ values: UnsafeMutableBufferPointer<ExactDecimal>, largest: Bool
  ) -> ExactDecimal? {
    guard let position = k.intValue, position >= 1, position <= values.count else {
      return nil
    }
    sort(values)
    return largest ? values[values.count - position] : values[position - 1]
  }

  /// Insertion sort: the values of one call are at most 64.
  @inline(__always)
  static func sort(_ values: UnsafeMutableBufferPointer<ExactDecimal>) {
    guard values.count > 1 else { return }
    for index in 1..<values.count {
      let value = values[index]
      var position = index
      while position > 0, value < values[position - 1] {
        values[position] = values[position - 1]
        position -= 1
      }
      values[position] = value
    }
  }

  /// |value|: an error (never a trap) for the significand `Int64.min`, whose magnitude does not fit.
  @inline(__always)
  static func absolute(_ value: ExactDecimal) throws(ArithmeticError) -> ExactDecimal {
    try value.magnitudeChecked()
  }
}
