/// Why text could not be read as an ``ExactDecimal``.
public enum ExactDecimalParseError: Error, Sendable, Equatable {
  /// The text is empty.
  case empty
  /// The character at this 0-based offset (in Unicode scalars) cannot appear
  /// there: spaces, thousands separators, letters other than an exponent `e`.
  case invalidCharacter(offset: Int)
  /// A sign, point or exponent is not followed or preceded by digits: `"-"`,
  /// `"."`, `"1e"`, `"e5"`.
  case missingDigits
  /// The value needs more than 18 fraction digits, even after dropping
  /// trailing zeros.
  case tooManyFractionDigits
  /// The value is too large for the 64-bit significand.
  case outOfRange
}

/// Where the number parser is within the text.
private enum _NumberPart { case start, mantissa, exponentStart, exponentSign, exponent }

extension ExactDecimal {
  /// Reads a decimal number; `nil` when the text is not a number or the value
  /// cannot be held exactly. See ``parse(_:)`` for the accepted syntax.
  public init?(_ text: some StringProtocol) {
    guard case .success(let value) = ExactDecimal.parse(text) else { return nil }
    self = value
  }

  /// Reads a decimal number exactly, never through binary floating point.
  ///
  /// Accepted: JSON number syntax with an optional leading `+`, and a point
  /// without digits on one side: `85`, `-3`, `+2`, `85.50`, `.5`, `5.`,
  /// `1.5e2` (= 150), `25E-2` (= 0.25). Rejected: spaces, `,`, hexadecimal,
  /// `inf`, `nan`. Exponents are applied exactly. The result is normalized
  /// (`85.50` reads as `85.5`).
  public static func parse(
    _ text: some StringProtocol
  ) -> Result<ExactDecimal, ExactDecimalParseError> {
    _parse(text.unicodeScalars)
  }

  /// The parser behind ``parse(_:)``, over any sequence of scalars (the
  /// formula lexer passes a slice of its source).
  internal static func _parse<Scalars: Sequence<Unicode.Scalar>>(
    _ scalars: Scalars
  ) -> Result<ExactDecimal, ExactDecimalParseError> {
    var part = _NumberPart.start
    var offset = 0
    var negative = false
    var sawPoint = false
    var mantissaDigits = 0
    var fractionDigits = 0
    // The digits from the first to the last nonzero one, as an integer.
    var significant: UInt64 = 0
    var significantCount = 0
    var significantOverflow = false
    var pendingZeros = 0  // zeros seen since the last nonzero digit
    var exponent = 0
    var exponentNegative = false

    func push(_ digit: UInt64) {
      if significantOverflow { return }
      let (shifted, overflow1) = significant.multipliedReportingOverflow(by: 10)
      let (sum, overflow2) = shifted.addingReportingOverflow(digit)
      if overflow1 || overflow2 { significantOverflow = true } else { significant = sum }
    }

    for scalar in scalars {
      defer { offset += 1 }
      switch scalar {
      case "0"..."9":
        let digit = UInt64(scalar.value - 0x30)
        switch part {
        case .start, .mantissa:
          part = .mantissa
          mantissaDigits += 1
          if sawPoint { fractionDigits += 1 }
          if digit == 0 {
            if significantCount > 0 { pendingZeros += 1 }
          } else {
            for _ in 0..<pendingZeros { push(0) }
            significantCount += pendingZeros + 1
            pendingZeros = 0
            push(digit)
          }
        case .exponentStart, .exponentSign, .exponent:
          part = .exponent
          exponent = min(exponent * 10 + Int(digit), 100_000)
        }
      case ".":
        guard part == .start || part == .mantissa, !sawPoint else {
          return .failure(.invalidCharacter(offset: offset))
        }
        sawPoint = true
        part = .mantissa
      case "+", "-":
        if part == .start && offset == 0 {
          negative = scalar == "-"
          part = .mantissa
        } else if part == .exponentStart {
          exponentNegative = scalar == "-"
          part = .exponentSign
        } else {
          return .failure(.invalidCharacter(offset: offset))
        }
      case "e", "E":
        guard part == .start || part == .mantissa else {
          return .failure(.invalidCharacter(offset: offset))
        }
        if mantissaDigits == 0 { return .failure(.missingDigits) }
        part = .exponentStart
      default:
        return .failure(.invalidCharacter(offset: offset))
      }
    }

    if offset == 0 { return .failure(.empty) }
    if mantissaDigits == 0 || part == .exponentStart || part == .exponentSign {
      return .failure(.missingDigits)
    }
    if significantCount == 0 { return .success(.zero) }
    // value = significant × 10^power
    let power = pendingZeros - fractionDigits + (exponentNegative ? -exponent : exponent)
    if significantCount + power > 19 { return .failure(.outOfRange) }
    if -power > maxScale { return .failure(.tooManyFractionDigits) }
    if significantOverflow { return .failure(.outOfRange) }
    let magnitude = UInt128(significant) * UInt128(_wideTen(max(power, 0)))
    guard magnitude <= UInt128(UInt64.max),
      let value = Int64(exactly: negative ? -Int128(magnitude) : Int128(magnitude))
    else { return .failure(.outOfRange) }
    return .success(ExactDecimal(_raw: value, UInt8(max(-power, 0))))
  }
}
