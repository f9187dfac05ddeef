/// The number Excel shows for the text it stores in a cell's `<v>`, read exactly.
///
/// Excel keeps a number as a binary64 value and stores the shortest text that reads back to it, so a typed 0.58 may
/// be stored as `0.57999999999999996`, and very large or small values in E-notation (`1.5E-3`, `2E+20`). Excel
/// shows at most 15 significant digits. This reads the stored digits exactly (never through binary
/// floating point) and rounds them to 15 significant digits, half-up on the exact decimal digits, as Excel's
/// display does.
package enum ExcelNumber {
  /// How many significant digits Excel shows and keeps when a number is typed.
  package static let significantDigits = 15
  /// The largest decimal exponent accepted; Excel's numbers lie within about 1E-308…1E+308.
  package static let exponentLimit = 330

  /// The decimal text of a stored number, rounded to 15 significant digits (half-up) without trailing fraction
  /// zeros and without an exponent; `nil` when the text is not a number or lies far outside Excel's range.
  ///
  /// `0.57999999999999996` → `0.58`, `85.499999999999986` → `85.5`, `1.5E-3` → `0.0015`,
  /// `123456789012345678` → `123456789012346000`, `9.9999999999999996` → `10`, `-0` → `0`. Accepted: an optional
  /// sign, digits with at most one point (at least one digit), and an optional exponent `e`/`E` with an optional
  /// sign and at least one digit. No spaces, thousands separators, `INF` or `NaN`.
  package static func decimalText(fromStored text: some StringProtocol) -> String? {
    decimalText(utf8: text.utf8)
  }

  /// ``decimalText(fromStored:)`` over UTF-8 bytes.
  package static func decimalText(utf8 bytes: some Collection<UInt8>) -> String? {
    if isCanonical(bytes) { return String(decoding: bytes, as: UTF8.self) }
    var negative = false
    var digits: [UInt8] = []  // the first 16 significant digits, as values 0…9
    digits.reserveCapacity(significantDigits + 1)
    var digitCount = 0  // all mantissa digits, leading zeros included
    var integerDigits = -1  // digits before the point, once the point (or the end of the mantissa) is reached
    var firstNonzero = -1  // index among all mantissa digits of the first nonzero one
    var exponent = 0
    var state = 0  // 0 sign, 1 mantissa, 2 exponent sign, 3 exponent digits
    var sawExponentDigit = false
    var exponentNegative = false
    var isFirst = true

    for byte in bytes {
      defer { isFirst = false }
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        let value = byte - UInt8(ascii: "0")
        switch state {
        case 0, 1:
          state = 1
          if value != 0 && firstNonzero < 0 { firstNonzero = digitCount }
          if firstNonzero >= 0 && digits.count <= significantDigits { digits.append(value) }
          digitCount += 1
        default:
          state = 3
          sawExponentDigit = true
          if exponent < 100_000 { exponent = exponent * 10 + Int(value) }
        }
      case UInt8(ascii: "-") where isFirst, UInt8(ascii: "+") where isFirst:
        negative = byte == UInt8(ascii: "-")
      case UInt8(ascii: "-") where state == 2, UInt8(ascii: "+") where state == 2:
        exponentNegative = byte == UInt8(ascii: "-")
        state = 3
      case UInt8(ascii: "."):
        guard state <= 1, integerDigits < 0 else { return nil }
        state = 1
        integerDigits = digitCount
      case UInt8(ascii: "e"), UInt8(ascii: "E"):
        guard state == 1, digitCount > 0 else { return nil }
        state = 2
      default:
        return nil
      }
    }
    guard digitCount > 0, state == 1 || (state == 3 && sawExponentDigit) else { return nil }
    if integerDigits < 0 { integerDigits = digitCount }
    guard firstNonzero >= 0 else { return "0" }

    // The value is 0.d₁d₂… × 10^scale, d₁ the first nonzero digit.
    var scale = integerDigits - firstNonzero + (exponentNegative ? -exponent : exponent)
    if digits.count > significantDigits {
      let roundsUp = digits[significantDigits] >= 5
      digits.removeLast(digits.count - significantDigits)
      if roundsUp {
        var index = significantDigits - 1
        while index >= 0 && digits[index] == 9 {
          digits[index] = 0
          index -= 1
        }
        if index >= 0 {
          digits[index] += 1
        } else {
          digits.insert(1, at: 0)
          digits.removeLast()
          scale += 1
        }
      }
    }
    while let last = digits.last, last == 0 { digits.removeLast() }
    guard scale <= exponentLimit, scale >= -exponentLimit else { return nil }

    var output: [UInt8] = []
    output.reserveCapacity(digits.count + max(0, scale) + max(0, -scale) + 3)
    if negative { output.append(UInt8(ascii: "-")) }
    let zero = UInt8(ascii: "0")
    if scale <= 0 {
      output.append(zero)
      output.append(UInt8(ascii: "."))
      output.append(contentsOf: repeatElement(zero, count: -scale))
      for digit in digits { output.append(zero + digit) }
    } else if scale >= digits.count {
      for digit in digits { output.append(zero + digit) }
      output.append(contentsOf: repeatElement(zero, count: scale - digits.count))
    } else {
      for (index, digit) in digits.enumerated() {
        if index == scale { output.append(UInt8(ascii: ".")) }
        output.append(zero + digit)
      }
    }
    return String(decoding: output, as: UTF8.self)
  }

  /// Whether the text already is its own result: an optional `-`, an integer part without leading zeros (or a
  /// single `0`), an optional fraction not ending in `0`, at most 15 significant digits, not zero. Most stored
  /// numbers are (`92`, `90.5`), and then no digit needs to be copied.
  private static func isCanonical(_ bytes: some Collection<UInt8>) -> Bool {
    var index = bytes.startIndex
    guard index != bytes.endIndex else { return false }
    if bytes[index] == UInt8(ascii: "-") { index = bytes.index(after: index) }
    var integerDigits = 0
    var leadingZero = false
    var significant = 0
    var sawNonzero = false
    while index != bytes.endIndex, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
      if integerDigits == 0 && bytes[index] == UInt8(ascii: "0") { leadingZero = true }
      if bytes[index] != UInt8(ascii: "0") { sawNonzero = true }
      if sawNonzero { significant += 1 }
      integerDigits += 1
      index = bytes.index(after: index)
    }
    guard integerDigits > 0, !(leadingZero && integerDigits > 1) else { return false }
    if index != bytes.endIndex {
      guard bytes[index] == UInt8(ascii: ".") else { return false }
      index = bytes.index(after: index)
      var last: UInt8 = 0
      var fractionDigits = 0
      while index != bytes.endIndex, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
        last = bytes[index]
        if last != UInt8(ascii: "0") { sawNonzero = true }
        if sawNonzero { significant += 1 }
        fractionDigits += 1
        index = bytes.index(after: index)
      }
      guard index == bytes.endIndex, fractionDigits > 0, last != UInt8(ascii: "0") else { return false }
    }
    return sawNonzero && significant <= significantDigits
  }
}
