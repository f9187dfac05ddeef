/// How a value is rounded to a number of fraction digits.
///
/// Every rule looks only at the exact digits being dropped, so rounding never
/// goes through binary floating point. `halfUp` (四舍五入) is the default
/// everywhere in PartyBuildingKit.
public enum RoundingRule: String, Sendable, Codable, CaseIterable {
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
///
/// `+`, `−` and `×` give the exact result or one of these errors, never a rounded value; `÷` gives the quotient
/// rounded half-up to 12 decimal places or one of these errors (see ``ExactDecimal/dividing(by:)``).
public enum ArithmeticError: Error, Sendable, Equatable {
  /// The integer part of the result does not fit in the 64-bit significand
  /// (magnitude of about 9.22 × 10¹⁸ or more).
  case overflow
  /// The divisor was zero.
  case divisionByZero
  /// The integer part fits, but the exact result (for a quotient: the quotient rounded half-up to 12 decimal
  /// places) needs more digits than a value holds: more than 18 decimal places, or a significand beyond the
  /// 64-bit range (about 19 significant digits). `0.000000001 × 0.0000000015` (= 1.5 × 10⁻¹⁸, 19 places) and
  /// `679.64 − (−93783427088850153)` (20 digits) are inexact; like Python's `decimal` with its `Inexact` trap set,
  /// the operation stops instead of rounding where nobody asked for it.
  case inexact
}

extension ArithmeticError {
  /// What happened, for a message about a step that is not a formula (a section's sum, a weighted component, a
  /// ballot average): starts lowercase, says what to do when something can be done.
  /// Why, in English.
  var reason: String { reasonMessage.description }

  /// Why, in the language it is printed in.
  var reasonMessage: Message {
    switch self {
    case .overflow: Message(.arithmeticOverflow)
    case .divisionByZero: Message(.arithmeticDivisionByZero)
    case .inexact: Message(.arithmeticInexact)
    }
  }
}
