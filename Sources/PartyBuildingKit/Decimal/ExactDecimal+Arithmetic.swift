// Exact arithmetic on ExactDecimal. The common case (equal scales for + and −,
// a product that fits for ×) stays in Int64 and is inlined; everything else
// goes through Int128 in a non-inlined slow path.

extension ExactDecimal {
  /// The exact sum. When the exact sum needs more digits than fit, it is rounded
  /// half-up to the most fraction digits that fit (about 18 significant digits).
  ///
  /// - Throws: ``ArithmeticError/overflow`` when the integer part does not fit.
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
    return try ExactDecimal._addSlow(self, other, subtract: false)
  }

  /// The exact difference `self − other`, with the same precision rule as
  /// ``adding(_:)``.
  ///
  /// - Throws: ``ArithmeticError/overflow`` when the integer part does not fit.
  @inlinable
  public func subtracting(_ other: ExactDecimal) throws(ArithmeticError) -> ExactDecimal {
    if _scale == other._scale {
      let (difference, overflow) = _significand.subtractingReportingOverflow(
        other._significand)
      if _fastPath(!overflow) { return ExactDecimal(_raw: difference, _scale) }
    }
    return try ExactDecimal._addSlow(self, other, subtract: true)
  }

  /// The exact product. Its scale is the sum of the operands' scales; when that
  /// exceeds 18 fraction digits, or the significand does not fit, the exact
  /// product is rounded half-up to the most fraction digits (at most 18) that
  /// fit. `0.3 × 85.5` is exactly `25.65`.
  ///
  /// - Throws: ``ArithmeticError/overflow`` when the integer part does not fit.
  @inlinable
  public func multiplying(by other: ExactDecimal) throws(ArithmeticError) -> ExactDecimal {
    let scale = _scale &+ other._scale
    let (product, overflow) = _significand.multipliedReportingOverflow(by: other._significand)
    if _fastPath(!overflow && scale <= 18) { return ExactDecimal(_raw: product, scale) }
    return try ExactDecimal._multiplySlow(self, other)
  }

  /// The quotient `self ÷ other`, rounded half-up to ``divisionFractionDigits``
  /// (12) fraction digits, with trailing zeros then removed: `1 ÷ 4 = 0.25`,
  /// `1 ÷ 3 = 0.333333333333`, `2 ÷ 3 = 0.666666666667`. A quotient too large for
  /// 12 fraction digits keeps as many as fit.
  ///
  /// - Throws: ``ArithmeticError/divisionByZero`` when `other` is zero, and
  ///   ``ArithmeticError/overflow`` when the integer part does not fit.
  public func dividing(by other: ExactDecimal) throws(ArithmeticError) -> ExactDecimal {
    if other._significand == 0 { throw .divisionByZero }
    if _significand == 0 { return .zero }
    let negative = (_significand < 0) != (other._significand < 0)
    // self ÷ other = (|self.significand| ÷ |other.significand|) × 10^shift
    let shift = Int(other._scale) - Int(_scale)
    let exponent = ExactDecimal.divisionFractionDigits + shift
    if exponent >= 0 && exponent <= 18 {
      // Fast path: the scaled numerator fits in 64 bits.
      let (scaled, overflow) = _significand.magnitude.multipliedReportingOverflow(
        by: UInt64(ExactDecimal._powerOfTen(exponent)))
      let divisor = other._significand.magnitude
      if !overflow {
        var (quotient, remainder) = scaled.quotientAndRemainder(dividingBy: divisor)
        if remainder >= divisor - remainder { quotient += 1 }
        if quotient <= UInt64(Int64.max) {
          let significand = negative ? -Int64(quotient) : Int64(quotient)
          return ExactDecimal(_raw: significand, UInt8(ExactDecimal.divisionFractionDigits))
            .normalized()
        }
      }
    }
    let numerator = UInt128(_significand.magnitude)
    let denominator = UInt128(other._significand.magnitude)
    var places = ExactDecimal.divisionFractionDigits
    while true {
      if let quotient = ExactDecimal._roundedQuotient(
        numerator, denominator, timesTenToThe: places + shift),
        quotient <= UInt128(UInt64.max),
        let significand = Int64(exactly: negative ? -Int128(quotient) : Int128(quotient))
      {
        return ExactDecimal(_raw: significand, UInt8(places)).normalized()
      }
      if places == 0 { throw .overflow }
      places -= 1
    }
  }

  // MARK: Slow paths

  @usableFromInline
  internal static func _addSlow(
    _ lhs: ExactDecimal, _ rhs: ExactDecimal, subtract: Bool
  ) throws(ArithmeticError) -> ExactDecimal {
    let scale = max(lhs._scale, rhs._scale)
    // Usually both operands align within Int64 (e.g. 85.5 + 25.65).
    let (left64, overflow1) = lhs._significand.multipliedReportingOverflow(
      by: _powerOfTen(Int(scale - lhs._scale)))
    let (right64, overflow2) = rhs._significand.multipliedReportingOverflow(
      by: _powerOfTen(Int(scale - rhs._scale)))
    if !overflow1 && !overflow2 {
      let (result, overflow3) =
        subtract
        ? left64.subtractingReportingOverflow(right64) : left64.addingReportingOverflow(right64)
      if !overflow3 { return ExactDecimal(_raw: result, scale) }
    }
    // Each aligned term is below 9.3 × 10^36, so the sum fits in Int128.
    let left = Int128(lhs._significand) * Int128(_powerOfTen(Int(scale - lhs._scale)))
    let right = Int128(rhs._significand) * Int128(_powerOfTen(Int(scale - rhs._scale)))
    return try _fitting(subtract ? left - right : left + right, scale: Int(scale))
  }

  @usableFromInline
  internal static func _multiplySlow(
    _ lhs: ExactDecimal, _ rhs: ExactDecimal
  ) throws(ArithmeticError) -> ExactDecimal {
    // |Int64| × |Int64| ≤ 2^126, so the exact product fits in Int128.
    let product = Int128(lhs._significand) * Int128(rhs._significand)
    return try _fitting(product, scale: Int(lhs._scale) + Int(rhs._scale))
  }

  /// Turns the exact value `value × 10^−scale` (scale 0...36) into an
  /// `ExactDecimal`: exactly when it fits after removing trailing zeros, else
  /// rounded half-up (from the exact value, so only once) to the largest scale
  /// that fits.
  internal static func _fitting(
    _ value: Int128, scale: Int
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
    var places = min(scale, maxScale)
    while true {
      if let significand = Int64(exactly: _roundHalfUp(value, dropping: scale - places)) {
        return ExactDecimal(_raw: significand, UInt8(places))
      }
      if places == 0 { throw .overflow }
      places -= 1
    }
  }

  /// `value ÷ 10^digits` rounded half-up (ties away from zero); digits 0...36.
  internal static func _roundHalfUp(_ value: Int128, dropping digits: Int) -> Int128 {
    if digits == 0 { return value }
    let divisor = _wideTen(digits)
    let (quotient, remainder) = value.quotientAndRemainder(dividingBy: divisor)
    if remainder.magnitude * 2 >= divisor.magnitude {
      return value < 0 ? quotient - 1 : quotient + 1
    }
    return quotient
  }

  /// `numerator × 10^exponent ÷ denominator` rounded half-up, or nil when it
  /// does not fit in `UInt128`. Both inputs are below 2^64; exponent −18...30.
  internal static func _roundedQuotient(
    _ numerator: UInt128, _ denominator: UInt128, timesTenToThe exponent: Int
  ) -> UInt128? {
    if exponent < 0 {
      let divisor = denominator * UInt128(_wideTen(-exponent))
      let (quotient, remainder) = numerator.quotientAndRemainder(dividingBy: divisor)
      return remainder * 2 >= divisor ? quotient + 1 : quotient
    }
    var (quotient, remainder) = numerator.quotientAndRemainder(dividingBy: denominator)
    var remaining = exponent
    while remaining > 0 {
      // remainder < 2^64 and 10^19 < 2^64, so the shifted remainder fits.
      let step = min(remaining, 19)
      let factor = UInt128(_wideTen(step))
      let (scaled, overflow) = quotient.multipliedReportingOverflow(by: factor)
      if overflow { return nil }
      let (digits, nextRemainder) = (remainder * factor).quotientAndRemainder(
        dividingBy: denominator)
      let (sum, carry) = scaled.addingReportingOverflow(digits)
      if carry { return nil }
      quotient = sum
      remainder = nextRemainder
      remaining -= step
    }
    if remainder * 2 >= denominator {
      let (rounded, carry) = quotient.addingReportingOverflow(1)
      return carry ? nil : rounded
    }
    return quotient
  }
}

// MARK: - Trapping operators

extension ExactDecimal {
  /// The exact sum (see ``adding(_:)``). Traps on overflow; use ``adding(_:)``
  /// where overflow must be handled.
  @inlinable
  public static func + (lhs: ExactDecimal, rhs: ExactDecimal) -> ExactDecimal {
    do { return try lhs.adding(rhs) } catch {
      fatalError("ExactDecimal overflow in \(lhs) + \(rhs)")
    }
  }

  /// The exact difference (see ``subtracting(_:)``). Traps on overflow.
  @inlinable
  public static func - (lhs: ExactDecimal, rhs: ExactDecimal) -> ExactDecimal {
    do { return try lhs.subtracting(rhs) } catch {
      fatalError("ExactDecimal overflow in \(lhs) - \(rhs)")
    }
  }

  /// The exact product (see ``multiplying(by:)``). Traps on overflow.
  @inlinable
  public static func * (lhs: ExactDecimal, rhs: ExactDecimal) -> ExactDecimal {
    do { return try lhs.multiplying(by: rhs) } catch {
      fatalError("ExactDecimal overflow in \(lhs) * \(rhs)")
    }
  }

  /// Adds in place. Traps on overflow.
  @inlinable
  public static func += (lhs: inout ExactDecimal, rhs: ExactDecimal) { lhs = lhs + rhs }

  /// Subtracts in place. Traps on overflow.
  @inlinable
  public static func -= (lhs: inout ExactDecimal, rhs: ExactDecimal) { lhs = lhs - rhs }

  /// Multiplies in place. Traps on overflow.
  @inlinable
  public static func *= (lhs: inout ExactDecimal, rhs: ExactDecimal) { lhs = lhs * rhs }

  /// The negated value (see ``negated()``).
  @inlinable
  public static prefix func - (operand: ExactDecimal) -> ExactDecimal { operand.negated() }
}
