/// An exact decimal number: `significand × 10^−scale`, with a 64-bit significand
/// and a scale (number of fraction digits) from 0 to 18.
///
/// Scores, weights and thresholds are decimal fractions such as `85.5` or `0.3`
/// that binary floating point cannot hold exactly; `ExactDecimal` holds them
/// exactly, so `0.3 × 85.5` is `25.65`, not `25.650000000000002`.
///
/// Values compare, hash and print by value: `1.50 == 1.5`, and both print as
/// `"1.5"`. Operations do not strip trailing zeros (that would cost time on
/// every step); use ``normalized()`` when the shortest representation matters.
///
/// Range: a significand from −9223372036854775808 to 9223372036854775807 (`Int64`) and 0 to 18 decimal places,
/// so at most 19 significant digits, values from about −9.22 × 10¹⁸ to 9.22 × 10¹⁸, and steps of 10⁻¹⁸ at best.
///
/// Exactness: a value is exact, or it is the result of a rounding someone declared — never of a hidden one, and
/// never rounded twice.
/// - ``adding(_:)``, ``subtracting(_:)`` and ``multiplying(by:)`` return the exact result (trailing zeros are
///   dropped when that is what makes it fit) or throw: ``ArithmeticError/overflow`` when the integer part does
///   not fit, ``ArithmeticError/inexact`` when the exact result needs more than 18 decimal places or 19
///   significant digits.
/// - ``dividing(by:)`` is the one built-in rounding: its value is the quotient rounded half-up to exactly
///   ``divisionFractionDigits`` (12) places, trailing zeros then dropped; a 12-place quotient that does not fit
///   throws in the same way.
/// - ``rounded(places:rule:)`` rounds once, by the rule it is given; since every other operation is exact or
///   throws, it always rounds an exact value.
///
/// The throwing methods never trap. The operators `+`, `-` and `*` and ``negated()`` are trapping conveniences
/// for code written in Swift on values known to be small; they crash like `Int` does.
public struct ExactDecimal: Sendable {
  /// The largest number of fraction digits a value can carry.
  public static let maxScale = 18

  /// The number of fraction digits a quotient is rounded to (half-up) before its
  /// trailing zeros are removed: `1 / 3 = 0.333333333333`, `1 / 4 = 0.25`.
  public static let divisionFractionDigits = 12

  @usableFromInline internal var _significand: Int64
  @usableFromInline internal var _scale: UInt8

  /// The integer whose digits make up the value, so that
  /// `value = significand × 10^−scale`. Not normalized: `1.50` may have
  /// significand 150 with scale 2.
  @inlinable public var significand: Int64 { _significand }

  /// The number of fraction digits carried, 0 through 18.
  @inlinable public var scale: Int { Int(_scale) }

  /// Creates the value `significand × 10^−scale` without checking (internal).
  @inlinable @inline(__always)
  internal init(_raw significand: Int64, _ scale: UInt8) {
    _significand = significand
    _scale = scale
  }

  /// Creates the value `significand × 10^−scale`.
  ///
  /// - Precondition: `scale` is between 0 and 18.
  @inlinable
  public init(significand: Int64, scale: Int) {
    precondition(
      scale >= 0 && scale <= ExactDecimal.maxScale,
      "scale must be between 0 and 18, but it is \(scale)")
    self.init(_raw: significand, UInt8(truncatingIfNeeded: scale))
  }

  /// Creates an integer value.
  @inlinable
  public init(_ value: Int) {
    self.init(_raw: Int64(value), 0)
  }

  /// 0
  public static let zero = ExactDecimal(_raw: 0, 0)
  /// 1
  public static let one = ExactDecimal(_raw: 1, 0)
  /// 100
  public static let hundred = ExactDecimal(_raw: 100, 0)

  /// Whether the value is zero (at any scale).
  @inlinable public var isZero: Bool { _significand == 0 }

  /// Whether the value is less than zero.
  @inlinable public var isNegative: Bool { _significand < 0 }

  /// The value with its sign flipped, at the same scale.
  ///
  /// - Precondition: the significand is not `Int64.min` (traps like `-Int64.min`). For a value that comes from
  ///   data, use ``negatedChecked()``, which throws instead.
  @inlinable
  public func negated() -> ExactDecimal {
    ExactDecimal(_raw: -_significand, _scale)
  }

  /// The absolute value, at the same scale.
  ///
  /// - Precondition: the significand is not `Int64.min` (its magnitude does not fit). For a value that comes
  ///   from data, use ``magnitudeChecked()``, which throws instead.
  @inlinable
  public var magnitude: ExactDecimal {
    _significand < 0 ? negated() : self
  }

  /// The same value with trailing fraction zeros removed: `1.500` → `1.5`,
  /// `2.00` → `2`, and zero always has scale 0.
  public func normalized() -> ExactDecimal {
    var significand = _significand
    var scale = _scale
    if significand == 0 { return ExactDecimal(_raw: 0, 0) }
    while scale > 0 && significand % 10 == 0 {
      significand /= 10
      scale -= 1
    }
    return ExactDecimal(_raw: significand, scale)
  }

  /// Whether the value has no fractional part.
  public var isInteger: Bool {
    _scale == 0 || _significand % ExactDecimal._powerOfTen(Int(_scale)) == 0
  }

  /// The value as an `Int` when it is a whole number that fits, else `nil`.
  public var intValue: Int? {
    let divisor = ExactDecimal._powerOfTen(Int(_scale))
    let (quotient, remainder) = _significand.quotientAndRemainder(dividingBy: divisor)
    return remainder == 0 ? Int(exactly: quotient) : nil
  }
}

// MARK: - Powers of ten

extension ExactDecimal {
  /// 10^exponent for exponent 0...18 (the largest power of ten in `Int64`).
  @inlinable @inline(__always)
  internal static func _powerOfTen(_ exponent: Int) -> Int64 {
    switch exponent {
    case 0: 1
    case 1: 10
    case 2: 100
    case 3: 1_000
    case 4: 10_000
    case 5: 100_000
    case 6: 1_000_000
    case 7: 10_000_000
    case 8: 100_000_000
    case 9: 1_000_000_000
    case 10: 10_000_000_000
    case 11: 100_000_000_000
    case 12: 1_000_000_000_000
    case 13: 10_000_000_000_000
    case 14: 100_000_000_000_000
    case 15: 1_000_000_000_000_000
    case 16: 10_000_000_000_000_000
    case 17: 100_000_000_000_000_000
    default: 1_000_000_000_000_000_000
    }
  }

  /// 10^exponent for exponent 0...38 as `Int128` (10^38 < Int128.max).
  @usableFromInline
  internal static func _wideTen(_ exponent: Int) -> Int128 {
    if exponent <= 18 { return Int128(_powerOfTen(exponent)) }
    var value = Int128(_powerOfTen(18))
    var remaining = exponent - 18
    while remaining > 0 {
      let step = min(remaining, 18)
      value *= Int128(_powerOfTen(step))
      remaining -= step
    }
    return value
  }
}

// MARK: - Literals

extension ExactDecimal: ExpressibleByIntegerLiteral {
  /// Creates an integer value from a literal: `let pass: ExactDecimal = 60`.
  @inlinable
  public init(integerLiteral value: Int) {
    self.init(value)
  }
}

// MARK: - Equality, hashing and ordering (by value)

extension ExactDecimal: Hashable {
  /// Whether two values are equal by value, whatever their scales: `1.50 == 1.5`.
  @inlinable
  public static func == (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
    if lhs._scale == rhs._scale { return lhs._significand == rhs._significand }
    return _compareSlow(lhs, rhs) == 0
  }

  /// Hashes the normalized value, so equal values hash equally.
  public func hash(into hasher: inout Hasher) {
    let value = normalized()
    hasher.combine(value._significand)
    hasher.combine(value._scale)
  }
}

extension ExactDecimal: Comparable {
  /// Orders by value, whatever the scales.
  @inlinable
  public static func < (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
    if lhs._scale == rhs._scale { return lhs._significand < rhs._significand }
    // Scores are compared with constants of another scale all the time (85.5 < 100): align in Int64 here.
    if lhs._scale < rhs._scale {
      let (left, overflow) = lhs._significand.multipliedReportingOverflow(by: _powerOfTen(Int(rhs._scale &- lhs._scale)))
      if _fastPath(!overflow) { return left < rhs._significand }
    } else {
      let (right, overflow) = rhs._significand.multipliedReportingOverflow(by: _powerOfTen(Int(lhs._scale &- rhs._scale)))
      if _fastPath(!overflow) { return lhs._significand < right }
    }
    return _compareSlow(lhs, rhs) < 0
  }

  /// −1, 0 or 1 as `lhs` is less than, equal to or greater than `rhs`; the
  /// scales may differ. Aligns both in `Int64` when they fit, else in `Int128`,
  /// which always fits.
  @usableFromInline
  internal static func _compareSlow(_ lhs: ExactDecimal, _ rhs: ExactDecimal) -> Int {
    let scale = max(lhs._scale, rhs._scale)
    let (left64, overflow1) = lhs._significand.multipliedReportingOverflow(
      by: _powerOfTen(Int(scale - lhs._scale)))
    let (right64, overflow2) = rhs._significand.multipliedReportingOverflow(
      by: _powerOfTen(Int(scale - rhs._scale)))
    if !overflow1 && !overflow2 {
      return left64 < right64 ? -1 : (left64 == right64 ? 0 : 1)
    }
    let left = Int128(lhs._significand) * Int128(_powerOfTen(Int(scale - lhs._scale)))
    let right = Int128(rhs._significand) * Int128(_powerOfTen(Int(scale - rhs._scale)))
    return left < right ? -1 : (left == right ? 0 : 1)
  }
}

// MARK: - Text

extension ExactDecimal: CustomStringConvertible {
  /// The shortest exact form: `"25.65"`, `"-3"`, `"0.5"`, `"100"`. Never uses an
  /// exponent and never ends in fraction zeros.
  public var description: String {
    let value = normalized()
    return ExactDecimal._digits(value._significand as Int64, scale: Int(value._scale))
  }

  /// The value with exactly `places` fraction digits, rounded by `rule` when it
  /// has more: `85.5` with 2 places is `"85.50"`, `2.345` with 2 places is
  /// `"2.35"`.
  ///
  /// - Precondition: `places` is between 0 and 18.
  public func formatted(places: Int, rule: RoundingRule = .halfUp) -> String {
    precondition(
      places >= 0 && places <= ExactDecimal.maxScale,
      "places must be between 0 and 18, but it is \(places)")
    let value = rounded(places: places, rule: rule)
    let padding = places - Int(value._scale)
    let (narrow, overflow) = value._significand.multipliedReportingOverflow(by: ExactDecimal._powerOfTen(padding))
    if !overflow { return ExactDecimal._digits(narrow, scale: places) }
    let padded = Int128(value._significand) * ExactDecimal._wideTen(padding)
    return ExactDecimal._digits(padded, scale: places)
  }

  /// The most bytes ``_writeDigits(_:scale:to:)`` writes: a sign, 19 digits or 18 places with a leading 0, a point.
  static let _maximumDigitBytes = 22

  /// Writes `significand × 10^−scale` in plain decimal notation (at most ``_maximumDigitBytes`` bytes) to `output`
  /// and returns how many bytes it wrote. Shared by `description`, `formatted` and the CSV writers that write
  /// rows as bytes: scores are written millions of times in a batch.
  @inline(__always)
  static func _writeDigits(_ significand: Int64, scale: Int, to output: UnsafeMutablePointer<UInt8>) -> Int {
    var magnitude = significand.magnitude
    var reversed: (UInt64, UInt64, UInt64) = (0, 0, 0)  // up to 24 digit bytes, least significant first
    var count = 0
    withUnsafeMutableBytes(of: &reversed) { digits in
      repeat {
        digits[count] = UInt8(truncatingIfNeeded: magnitude % 10) &+ 0x30
        magnitude /= 10
        count += 1
      } while magnitude > 0
      while count <= scale {
        digits[count] = 0x30
        count += 1
      }
    }
    var position = 0
    if significand < 0 {
      output[0] = 0x2D
      position = 1
    }
    withUnsafeBytes(of: &reversed) { digits in
      for index in stride(from: count - 1, through: 0, by: -1) {
        output[position] = digits[index]
        position += 1
        if index == scale, scale > 0 {
          output[position] = 0x2E
          position += 1
        }
      }
    }
    return position
  }

  /// `significand × 10^−scale` in plain decimal notation, written straight into the string's storage.
  internal static func _digits(_ significand: Int64, scale: Int) -> String {
    // Written on the stack first, so that the string is made at its exact length (short ones stay inline).
    var bytes: (UInt64, UInt64, UInt64) = (0, 0, 0)
    let length = withUnsafeMutableBytes(of: &bytes) { raw in
      _writeDigits(significand, scale: scale, to: raw.baseAddress!.assumingMemoryBound(to: UInt8.self))
    }
    return withUnsafeBytes(of: &bytes) { raw in
      String(unsafeUninitializedCapacity: length) { buffer in
        _ = buffer.initialize(from: raw[0..<length])
        return length
      }
    }
  }

  /// Writes `significand × 10^−scale` in plain decimal notation.
  internal static func _digits<T: BinaryInteger>(_ significand: T, scale: Int) -> String {
    let digits = String(significand.magnitude)
    var result = significand < 0 ? "-" : ""
    if scale == 0 {
      result += digits
    } else if digits.count > scale {
      let split = digits.index(digits.endIndex, offsetBy: -scale)
      result += digits[..<split]
      result += "."
      result += digits[split...]
    } else {
      result += "0."
      result += String(repeating: "0", count: scale - digits.count)
      result += digits
    }
    return result
  }
}
