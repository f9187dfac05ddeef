/// Writing JSON text.
package enum JSONText {
  /// A JSON string literal for `s`, with its double quotes.
  ///
  /// Quotes, backslashes and control characters are escaped; everything else,
  /// including Chinese text, is kept as UTF-8 so the output stays readable.
  package static func quoted(_ s: String) -> String {
    let needsEscaping = s.utf8.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }
    guard needsEscaping else { return "\"" + s + "\"" }
    var result = "\""
    result.reserveCapacity(s.utf8.count + 8)
    for scalar in s.unicodeScalars {
      switch scalar.value {
      case 0x22: result.append("\\\"")
      case 0x5C: result.append("\\\\")
      case 0x0A: result.append("\\n")
      case 0x0D: result.append("\\r")
      case 0x09: result.append("\\t")
      case 0x08: result.append("\\b")
      case 0x0C: result.append("\\f")
      case 0..<0x20:
        let hex = String(scalar.value, radix: 16, uppercase: true)
        result.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
      default:
        result.unicodeScalars.append(scalar)
      }
    }
    result.append("\"")
    return result
  }
}
