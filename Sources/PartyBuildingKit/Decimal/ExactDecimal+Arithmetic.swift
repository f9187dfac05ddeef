// Exact arithmetic on ExactDecimal. The common case (operands that align in Int64, a product that fits) stays in
// Int64 and is inlined; everything else goes through Int128 in a non-inlined slow path. Either way `+ − ×` give
// the exact result or throw, and `÷` gives the quotient rounded half-up to 12 places or throws: no other rounding
// happens here, so a rounding a pack declares (ROUND, a total's precision) always applies to an exact value.

extension ExactDecimal {
  /// The exact sum, at the larger of the two scales (trailing zeros are dropped when that is what makes it fit).
  ///
  /// - Throws: ``ArithmeticError/overflow`` when the integer part does not fit, and
  ///   ``ArithmeticError/inexact`` when the exact sum needs more than 19 significant digits
  ///   (`93783427088850153 + 679.64`). Never rounds.
  @inlinable
  public func adding(_ other: ExactDecimal) throws(ArithmeticError) -> ExactDecimal {
    if _scale == other._scale {
      let (sum, overflow) = _significand.addingReportingOverflow(other._significand)
      if _fastPath(!overflow) { return ExactDecimal(_raw: sum, _scale) }
    } else if _scale < other._scale {
      // Scores of different scales are added all the time (20 + 7.8): align in Int64 here.
      let (aligned, overflow) = _significand.multipliedReportingOverflow(by: ExactDecimal._powerOfTen(Int(other._scale &- _scale)))
      if _fastPath(!overflow) {
        let (sum, overflow) = aligned.addingReportingOverflow(other._significand)
        if _fastPath(!overflow) { return ExactDecimal(_raw: sum, other._scale) }
      }
    } else {
      let (aligned, overflow) = other._significand.multipliedReportingOverflow(by: ExactDecimal._powerOfTen(Int(_scale &- other._scale)))
      if _fastPath(!overflow) {
        let (sum, overflow) = _significand.addingReportingOverflow(aligned)
        if _fastPath(!overflow) { return ExactDecimal(_raw: sum, _scale) }
      }
    }
    return try ExactDecimal._addSlow(self, other, subtract: false, rounding: nil)
  }

  /// The exact difference `self − other`, with the same rule as ``adding(_:)``: exact, or an error.
  ///
  /// - Throws: ``ArithmeticError/overflow`` when the integer part does not fit, and
  ///   ``ArithmeticError/inexact`` when the exact difference needs more than 19 significant digits. Never rounds.
  @inlinable
  public func subtracting(_ other: ExactDecimal) throws(ArithmeticError) -> ExactDecimal {
    if _scale == other._scale {
      let (difference, overflow) = _significand.subtractingReportingOverflow(other._significand)
      if _fastPath(!overflow) { return ExactDecimal(_raw: difference, _scale) }
    } else if _scale < other._scale {
      // Full marks minus a score of another scale (100 − 7.8): align in Int64 here.
      let (aligned, overflow) = _significand.multipliedReportingOverflow(by: ExactDecimal._powerOfTen(Int(other._scale &- _scale)))
      if _fastPath(!overflow) {
        let (difference, overflow) = aligned.subtractingReportingOverflow(other._significand)
        if _fastPath(!overflow) { return ExactDecimal(_raw: difference, other._scale) }
      }
    } else {
      let (aligned, overflow) = other._significand.multipliedReportingOverflow(by: ExactDecimal._powerOfTen(Int(_scale &- other._scale)))
      if _fastPath(!overflow) {
        let (difference, overflow) = _significand.subtractingReportingOverflow(aligned)
        if _fastPath(!overflow) { return ExactDecimal(_raw: difference, _scale) }
      }
    }
    return try ExactDecimal._addSlow(self, other, subtract: true, rounding: nil)
  }

  /// The exact product. Its scale is the sum of the operands' scales, less any trailing zeros that must be
  /// dropped for it to fit: `0.3 × 85.5` is exactly `25.65`, `0.5 × 0.2` (scale 18 × scale 1) is `0.1`.
  ///
  /// - Throws: ``ArithmeticError/overflow`` when the integer part does not fit, and
  ///   ``ArithmeticError/inexact`` when the exact product needs more than 18 decimal places
  ///   (`0.000000001 × 0.0000000015`) or more than 19 significant digits. Never rounds.
  @inlinable
  public func multiplying(by other: ExactDecimal) throws(ArithmeticError) -> ExactDecimal {
    let scale = _scale &+ other._scale
    let (product, overflow) = _significand.multipliedReportingOverflow(by: other._significand)
    if _fastPath(!overflow && scale <= 18) { return ExactDecimal(_raw: product, scale) }
    return try ExactDecimal._multiplySlow(self, other, rounding: nil)
  }

  /// The quotient `self ÷ other` rounded half-up (ties away from zero) to exactly
  /// ``divisionFractionDigits`` (12) decimal places, then with its trailing zeros removed: `1 ÷ 4 = 0.25`,
  /// `1 ÷ 3 = 0.333333333333`, `2 ÷ 3 = 0.666666666667`, `−2 ÷ 3 = −0.666666666667`. This 12-place quotient is the
  /// defined value of a division — the one rounding the arithmetic does by itself.
  ///
  /// - Throws: ``ArithmeticError/divisionByZero`` when `other` is zero; ``ArithmeticError/overflow`` when the
  ///   integer part of the quotient does not fit; ``ArithmeticError/inexact`` when the 12-place quotient needs
  ///   more than 19 significant digits (a quotient that does not end within 12 places is then 9,223,372.04 or
  ///   more in magnitude: `10000000 ÷ 3`). Fewer places are never kept silently.
  public func dividing(by other: ExactDecimal) throws(ArithmeticError) -> ExactDecimal {
    if other._significand == 0 { throw .divisionByZero }
    if _significand == 0 { return .zero }
    // self ÷ other = (|self.significand| ÷ |other.significand|) × 10^shift
    let shift = Int(other._scale) - Int(_scale)
    let exponent = ExactDecimal.divisionFractionDigits + shift
    if exponent >= 0 && exponent <= 18 {
      // Fast path: the scaled numerator and the 12-place quotient fit in 64 bits.
      let (scaled, overflow) = _significand.magnitude.multipliedReportingOverflow(
        by: UInt64(ExactDecimal._powerOfTen(exponent)))
      let divisor = other._significand.magnitude
      if !overflow {
        var (quotient, remainder) = scaled.quotientAndRemainder(dividingBy: divisor)
        if remainder >= divisor - remainder { quotient += 1 }
        if quotient <= UInt64(Int64.max) {
          let negative = (_significand < 0) != (other._significand < 0)
          let significand = negative ? -Int64(quotient) : Int64(quotient)
          return ExactDecimal(_raw: significand, UInt8(ExactDecimal.divisionFractionDigits)).normalized()
        }
      }
    }
    return try ExactDecimal._divideSlow(self, other, rounding: nil).normalized()
  }

  /// The value with its sign flipped, at the same scale; the same as `0 − self` (``subtracting(_:)``).
  ///
  /// - Throws: for the values that have no negation, significand `Int64.min` (−9223372036854775808 × 10^−scale):
  ///   ``ArithmeticError/overflow`` at scale 0 (the integer part does not fit), ``ArithmeticError/inexact`` at
  ///   any other scale (9223372036854775.808 has a fitting integer part but needs more digits than a value holds).
  ///   Formulas negate with this; ``negated()`` traps instead.
  @inlinable
  public func negatedChecked() throws(ArithmeticError) -> ExactDecimal {
    if _slowPath(_significand == .min) { throw _scale == 0 ? .overflow : .inexact }
    return ExactDecimal(_raw: -_significand, _scale)
  }

  /// The absolute value, at the same scale.
  ///
  /// - Throws: what ``negatedChecked()`` throws, when the significand is `Int64.min` (its magnitude does not
  ///   fit). Formulas' `ABS` uses this; ``magnitude`` traps instead.
  @inlinable
  public func magnitudeChecked() throws(ArithmeticError) -> ExactDecimal {
    _significand < 0 ? try negatedChecked() : self
  }

  // MARK: Bounds (load-time analysis only)

  /// The sum, rounded by `rule` to the most decimal places (at most 18) that fit when it is not exact. For the
  /// interval analysis of formulas, which needs bounds rounded outward (`.floor` for a lower bound, `.ceiling`
  /// for an upper one), never for a score.
  ///
  /// - Throws: ``ArithmeticError/overflow`` when even the integer part does not fit.
  internal func adding(_ other: ExactDecimal, rounding rule: RoundingRule) throws(ArithmeticError) -> ExactDecimal {
    try ExactDecimal._addSlow(self, other, subtract: false, rounding: rule)
  }

  /// The product, rounded by `rule` when it is not exact (see ``adding(_:rounding:)``).
  internal func multiplying(by other: ExactDecimal, rounding rule: RoundingRule) throws(ArithmeticError)
    -> ExactDecimal
  {
    try ExactDecimal._multiplySlow(self, other, rounding: rule)
  }

  /// The 12-place quotient of ``dividing(by:)``, rounded further by `rule` when it does not fit (see
  /// ``adding(_:rounding:)``).
  internal func dividing(by other: ExactDecimal, rounding rule: RoundingRule) throws(ArithmeticError)
    -> ExactDecimal
  {
    if other._significand == 0 { throw .divisionByZero }
    if _significand == 0 { return .zero }
    return try ExactDecimal._divideSlow(self, other, rounding: rule)
  }

  // MARK: Slow paths

  @usableFromInline
  internal static func _addSlow(
    _ lhs: ExactDecimal, _ rhs: ExactDecimal, subtract: Bool, rounding rule: RoundingRule?
  ) throws(ArithmeticError) -> ExactDecimal {
    let scale = max(lhs._scale, rhs._scale)
    // Each aligned term is below 9.3 × 10^36, so the exact sum fits in Int128.
    let left = Int128(lhs._significand) * Int128(_powerOfTen(Int(scale - lhs._scale)))
    let right = Int128(rhs._significand) * Int128(_powerOfTen(Int(scale - rhs._scale)))
    return try _fitting(subtract ? left - right : left + right, scale: Int(scale), rounding: rule)
  }

  @usableFromInline
  internal static func _multiplySlow(
    _ lhs: ExactDecimal, _ rhs: ExactDecimal, rounding rule: RoundingRule?
  ) throws(ArithmeticError) -> ExactDecimal {
    // |Int64| × |Int64| ≤ 2^126, so the exact product fits in Int128.
    let product = Int128(lhs._significand) * Int128(rhs._significand)
    return try _fitting(product, scale: Int(lhs._scale) + Int(rhs._scale), rounding: rule)
  }

  /// The quotient of two nonzero values rounded half-up to 12 places, as `_fitting` makes it fit.
  internal static func _divideSlow(
    _ lhs: ExactDecimal, _ rhs: ExactDecimal, rounding rule: RoundingRule?
  ) throws(ArithmeticError) -> ExactDecimal {
    let negative = (lhs._significand < 0) != (rhs._significand < 0)
    let shift = Int(rhs._scale) - Int(lhs._scale)
    // A 12-place quotient beyond Int128 is at least 1.7 × 10^26: its integer part does not fit.
    guard
      let quotient = _roundedQuotient(
        UInt128(lhs._significand.magnitude), UInt128(rhs._significand.magnitude),
        timesTenToThe: divisionFractionDigits + shift),
      quotient <= UInt128(Int128.max)
    else { throw .overflow }
    return try _fitting(negative ? -Int128(quotient) : Int128(quotient), scale: divisionFractionDigits, rounding: rule)
  }

  /// Turns the exact value `value × 10^−scale` (scale 0...36) into an `ExactDecimal`, dropping trailing zeros
  /// only as far as needed for it to fit.
  ///
  /// - Parameter rule: `nil` (all arithmetic): a value that does not fit throws. A rule (bounds only): such a
  ///   value is rounded by it to the most decimal places that fit.
  /// - Throws: ``ArithmeticError/overflow`` when the integer part (the value truncated toward zero) is outside
  ///   `Int64`; otherwise, without a rule, ``ArithmeticError/inexact``.
  internal static func _fitting(
    _ value: Int128, scale: Int, rounding rule: RoundingRule?
  ) throws(ArithmeticError) -> ExactDecimal {
    var value = value
    var scale = scale
    while scale > 0 && (scale > maxScale || Int64(exactly: value) == nil) && value % 10 == 0 {
      value /= 10
      scale -= 1
    }
    if scale <= maxScale, let significand = Int64(exactly: value) {
      return ExactDecimal(_raw: significand, UInt8(scale))
    }
    guard let rule else {
      throw Int64(exactly: value / _wideTen(scale)) == nil ? .overflow : .inexact
    }
    var places = min(scale, maxScale)
    while true {
      if let significand = Int64(exactly: _round(value, dropping: scale - places, rule: rule)) {
        return ExactDecimal(_raw: significand, UInt8(places))
      }
      if places == 0 { throw .overflow }
      places -= 1
    }
  }

  /// `value ÷ 10^digits` rounded by `rule`; digits 0...36.
  internal static func _round(_ value: Int128, dropping digits: Int, rule: RoundingRule) -> Int128 {
    if digits == 0 { return value }
    let divisor = _wideTen(digits)
    // Truncating division: the remainder has the sign of the value.
    let (quotient, remainder) = value.quotientAndRemainder(dividingBy: divisor)
    if remainder == 0 { return quotient }
    let twice = remainder.magnitude * 2
    let whole = divisor.magnitude
    let awayFromZero: Bool
    switch rule {
    case .up: awayFromZero = true
    case .down: awayFromZero = false
    case .ceiling: awayFromZero = remainder > 0
    case .floor: awayFromZero = remainder < 0
    case .halfUp: awayFromZero = twice >= whole
    case .halfDown: awayFromZero = twice > whole
    case .halfEven: awayFromZero = twice > whole || (twice == whole && quotient % 2 != 0)
    }
    return awayFromZero ? (remainder > 0 ? quotient + 1 : quotient - 1) : quotient
  }

  /// `numerator × 10^exponent ÷ denominator` truncated, with the remainder and the divisor it is a remainder of
  /// (the quotient's fraction is `remainder ÷ divisor`), or nil when the quotient does not fit in `UInt128`. Both
  /// inputs are below 2^64; exponent −18...36.
  internal static func _quotient(
    _ numerator: UInt128, _ denominator: UInt128, timesTenToThe exponent: Int
  ) -> (quotient: UInt128, remainder: UInt128, divisor: UInt128)? {
    if exponent < 0 {
      // denominator × 10^18 < 2^64 × 10^18 < 2^124.
      let divisor = denominator * UInt128(_wideTen(-exponent))
      let (quotient, remainder) = numerator.quotientAndRemainder(dividingBy: divisor)
      return (quotient, remainder, divisor)
    }
    var (quotient, remainder) = numerator.quotientAndRemainder(dividingBy: denominator)
    var remaining = exponent
    while remaining > 0 {
      // remainder < 2^64 and 10^19 < 2^64, so the shifted remainder fits.
      let step = min(remaining, 19)
      let factor = UInt128(_wideTen(step))
      let (scaled, overflow) = quotient.multipliedReportingOverflow(by: factor)
      if overflow { return nil }
      let (digits, nextRemainder) = (remainder * factor).quotientAndRemainder(dividingBy: denominator)
      let (sum, carry) = scaled.addingReportingOverflow(digits)
      if carry { return nil }
      quotient = sum
      remainder = nextRemainder
      remaining -= step
    }
    return (quotient, remainder, denominator)
  }

  /// `numerator × 10^exponent ÷ denominator` rounded half-up, or nil when it does not fit in `UInt128`.
  internal static func _roundedQuotient(
    _ numerator: UInt128, _ denominator: UInt128, timesTenToThe exponent: Int
  ) -> UInt128? {
    guard let (quotient, remainder, divisor) = _quotient(numerator, denominator, timesTenToThe: exponent) else {
      return nil
    }
    // remainder < divisor < 2^124, so twice it fits.
    if remainder * 2 >= divisor {
      let (rounded, carry) = quotient.addingReportingOverflow(1)
      return carry ? nil : rounded
    }
    return quotient
  }
}

extension ExactDecimal {
  /// The quotient `self ÷ other` rounded once, by `rule`, to `places` decimal places (0…18), straight from the
  /// exact quotient — without the 12-place step of ``dividing(by:)``; trailing zeros are then dropped. For a ratio
  /// whose rounding is declared: `2 ÷ 3` to 2 places is `0.67`, `1 ÷ 8` to 2 places `.halfEven` is `0.12`,
  /// `20000000 ÷ 3` to 3 places is `6666666.667` (where ``dividing(by:)`` would need more digits than fit).
  ///
  /// - Precondition: `places` is between 0 and 18.
  /// - Throws: ``ArithmeticError/divisionByZero`` when `other` is zero; ``ArithmeticError/overflow`` when the
  ///   integer part does not fit; ``ArithmeticError/inexact`` when the rounded quotient needs more than 19 digits.
  public func dividing(by other: ExactDecimal, places: Int, rule: RoundingRule = .halfUp) throws(ArithmeticError)
    -> ExactDecimal
  {
    precondition(
      places >= 0 && places <= ExactDecimal.maxScale, "places must be between 0 and 18, but it is \(places)")
    if other._significand == 0 { throw .divisionByZero }
    if _significand == 0 { return .zero }
    let negative = (_significand < 0) != (other._significand < 0)
    guard
      let (quotient, remainder, divisor) = ExactDecimal._quotient(
        UInt128(_significand.magnitude), UInt128(other._significand.magnitude),
        timesTenToThe: places + Int(other._scale) - Int(_scale))
    else { throw .overflow }
    var magnitude = quotient
    if remainder != 0 {
      let twice = remainder * 2
      let awayFromZero: Bool
      switch rule {
      case .up: awayFromZero = true
      case .down: awayFromZero = false
      case .ceiling: awayFromZero = !negative
      case .floor: awayFromZero = negative
      case .halfUp: awayFromZero = twice >= divisor
      case .halfDown: awayFromZero = twice > divisor
      case .halfEven: awayFromZero = twice > divisor || (twice == divisor && quotient % 2 != 0)
      }
      if awayFromZero {
        let (next, carry) = magnitude.addingReportingOverflow(1)
        if carry { throw .overflow }
        magnitude = next
      }
    }
    // A quotient beyond Int128 is at least 1.7 × 10^20: its integer part does not fit.
    guard magnitude <= UInt128(Int128.max) else { throw .overflow }
    let signed = negative ? -Int128(magnitude) : Int128(magnitude)
    return try ExactDecimal._fitting(signed, scale: places, rounding: nil).normalized()
  }
}

// MARK: - Trapping operators

extension ExactDecimal {
  /// The exact sum (see ``adding(_:)``). Traps when it cannot be held exactly (overflow or inexact); use
  /// ``adding(_:)`` for any value that comes from data.
  @inlinable
  public static func + (lhs: ExactDecimal, rhs: ExactDecimal) -> ExactDecimal {
    do { return try lhs.adding(rhs) } catch {
      fatalError("ExactDecimal: \(lhs) + \(rhs) cannot be held exactly (\(error))")
    }
  }

  /// The exact difference (see ``subtracting(_:)``). Traps when it cannot be held exactly.
  @inlinable
  public static func - (lhs: ExactDecimal, rhs: ExactDecimal) -> ExactDecimal {
    do { return try lhs.subtracting(rhs) } catch {
      fatalError("ExactDecimal: \(lhs) - \(rhs) cannot be held exactly (\(error))")
    }
  }

  /// The exact product (see ``multiplying(by:)``). Traps when it cannot be held exactly.
  @inlinable
  public static func * (lhs: ExactDecimal, rhs: ExactDecimal) -> ExactDecimal {
    do { return try lhs.multiplying(by: rhs) } catch {
      fatalError("ExactDecimal: \(lhs) * \(rhs) cannot be held exactly (\(error))")
    }
  }

  /// Adds in place. Traps when the sum cannot be held exactly.
  @inlinable
  public static func += (lhs: inout ExactDecimal, rhs: ExactDecimal) { lhs = lhs + rhs }

  /// Subtracts in place. Traps when the difference cannot be held exactly.
  @inlinable
  public static func -= (lhs: inout ExactDecimal, rhs: ExactDecimal) { lhs = lhs - rhs }

  /// Multiplies in place. Traps when the product cannot be held exactly.
  @inlinable
  public static func *= (lhs: inout ExactDecimal, rhs: ExactDecimal) { lhs = lhs * rhs }

  /// The negated value (see ``negated()``; traps for significand `Int64.min`, see ``negatedChecked()``).
  @inlinable
  public static prefix func - (operand: ExactDecimal) -> ExactDecimal { operand.negated() }
}
