/// How a value is rounded to a number of fraction digits.
///
/// Every rule looks only at the exact digits being dropped, so rounding never
/// goes through binary floating point. `halfUp` (四舍五入) is the default
/// everywhere in PartyBuildingKit.
public enum RoundingRule: String, Sendable, CaseIterable {
  /// 四舍五入: to the nearest value; ties away from zero (2.5 → 3, −2.5 → −3).
  case halfUp
  /// To the nearest value; ties to the even neighbour (2.5 → 2, 3.5 → 4).
  case halfEven
  /// To the nearest value; ties toward zero (2.5 → 2, −2.5 → −2).
  case halfDown
  /// 进一法: away from zero whenever anything is dropped (2.1 → 3, −2.1 → −3).
  case up
  /// 去尾法: toward zero; the dropped digits are discarded (2.9 → 2, −2.9 → −2).
  case down
  /// Toward +∞ (2.1 → 3, −2.9 → −2).
  case ceiling
  /// Toward −∞ (2.9 → 2, −2.1 → −3).
  case floor
}

/// Why an exact decimal operation could not produce a result.
public enum ArithmeticError: Error, Sendable, Equatable {
  /// The integer part of the result does not fit in the 64-bit significand
  /// (magnitude of about 9.22 × 10¹⁸ or more).
  case overflow
  /// The divisor was zero.
  case divisionByZero
}
