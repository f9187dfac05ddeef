extension ExactDecimal {
  /// The value rounded to `places` fraction digits by `rule` (default half-up,
  /// 四舍五入). A value that already has `places` or fewer fraction digits is
  /// returned unchanged (its scale is not padded).
  ///
  /// Examples with 2 places: `2.345` → `2.35` (halfUp), `−2.345` → `−2.35`
  /// (halfUp), `2.345` → `2.34` (halfEven), `2.355` → `2.36` (halfEven).
  ///
  /// - Precondition: `places` is between 0 and 18.
  public func rounded(places: Int, rule: RoundingRule = .halfUp) -> ExactDecimal {
    precondition(
      places >= 0 && places <= ExactDecimal.maxScale,
      "places must be between 0 and 18, but it is \(places)")
    let scale = Int(_scale)
    if scale <= places { return self }
    let divisor = ExactDecimal._powerOfTen(scale - places)
    // Truncating division: the remainder has the sign of the value.
    let (quotient, remainder) = _significand.quotientAndRemainder(dividingBy: divisor)
    if remainder == 0 { return ExactDecimal(_raw: quotient, UInt8(places)) }
    let twice = remainder.magnitude * 2  // < 2 × 10^18, fits in UInt64
    let whole = UInt64(divisor)
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
    // |quotient| ≤ 9.3 × 10^17, so one more step cannot overflow.
    let result = awayFromZero ? (remainder > 0 ? quotient + 1 : quotient - 1) : quotient
    return ExactDecimal(_raw: result, UInt8(places))
  }

  /// The same value written with at least `places` fraction digits (`95` → `95.0` for 1), when the significand
  /// holds them; unchanged otherwise. Equal by value either way.
  public func padded(toPlaces places: Int) -> ExactDecimal {
    guard places > Int(_scale), places <= ExactDecimal.maxScale else { return self }
    let (padded, overflow) = _significand.multipliedReportingOverflow(by: ExactDecimal._powerOfTen(places - Int(_scale)))
    return overflow ? self : ExactDecimal(_raw: padded, UInt8(places))
  }
}
