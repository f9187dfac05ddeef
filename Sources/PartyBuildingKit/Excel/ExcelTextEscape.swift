/// Excel's `_xHHHH_` escapes for characters XML cannot hold, and XML escaping for writing text.
///
/// In cell text Excel writes a control character such as a carriage return as `_x000D_`, and protects a literal
/// `_xHHHH_` by escaping its underscore as `_x005F_`. Readers undo both; writers do both.
enum ExcelTextEscape {
  /// Decodes `_xHHHH_` escapes in UTF-8 bytes; a surrogate pair of escapes makes one character, a lone surrogate
  /// becomes U+FFFD.
  static func unescape(_ bytes: [UInt8]) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
      guard let unit = codeUnit(bytes, at: index) else {
        output.append(bytes[index])
        index += 1
        continue
      }
      index += 7
      var scalar = Unicode.Scalar(unit)
      if (0xD800..<0xDC00).contains(unit) {
        if let low = codeUnit(bytes, at: index), (0xDC00..<0xE000).contains(low) {
          let value = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
          scalar = Unicode.Scalar(value)
          index += 7
        }
      }
      output.append(contentsOf: String(Character(scalar ?? "\u{FFFD}")).utf8)
    }
    return output
  }

  /// The code unit of an `_xHHHH_` escape starting at `index`, or `nil` when there is none.
  private static func codeUnit(_ bytes: [UInt8], at index: Int) -> UInt16? {
    guard bytes.count - index >= 7, bytes[index] == UInt8(ascii: "_"), bytes[index + 1] == UInt8(ascii: "x"),
      bytes[index + 6] == UInt8(ascii: "_")
    else { return nil }
    var value: UInt32 = 0
    for offset in 2..<6 {
      guard let digit = hexValue(bytes[index + offset]) else { return nil }
      value = value << 4 | digit
    }
    return UInt16(truncatingIfNeeded: value)
  }

  /// The value of a hexadecimal digit byte, or `nil`.
  static func hexValue(_ byte: UInt8) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
    default: nil
    }
  }

  /// Where escaped text goes, which decides how characters XML cannot hold are written.
  enum Context {
    /// A cell's text (`<t>` of a string): controls as `_xHHHH_`, a literal `_xHHHH_` protected as `_x005F_xHHHH_`.
    case cellText
    /// Other element content (document properties): controls other than tab and line breaks become U+FFFD.
    case plainText
    /// A double-quoted attribute value: `"` as `&quot;`, tab and line breaks as character references, other
    /// controls as U+FFFD.
    case attribute
  }

  /// Appends `text` XML-escaped for `context`: `&`, `<` and `>` always as entities, the rest as ``Context`` says.
  /// U+FFFE and U+FFFF count as controls.
  static func appendEscaped(_ text: String, to output: inout [UInt8], context: Context = .cellText) {
    let utf8 = Array(text.utf8)
    var index = 0
    for scalar in text.unicodeScalars {
      let width = UTF8.width(scalar)
      defer { index += width }
      let value = scalar.value
      switch value {
      case 0x26: output.append(contentsOf: "&amp;".utf8)
      case 0x3C: output.append(contentsOf: "&lt;".utf8)
      case 0x3E: output.append(contentsOf: "&gt;".utf8)
      case 0x22 where context == .attribute: output.append(contentsOf: "&quot;".utf8)
      case 0x09, 0x0A, 0x0D:
        switch context {
        case .attribute: output.append(contentsOf: "&#x\(String(value, radix: 16, uppercase: true));".utf8)
        case .cellText where value == 0x0D: appendCodeUnitEscape(UInt16(value), to: &output)
        case .plainText where value == 0x0D: output.append(contentsOf: "&#xD;".utf8)
        default: output.append(UInt8(value))
        }
      case 0x00..<0x20, 0xFFFE, 0xFFFF:
        if context == .cellText {
          appendCodeUnitEscape(UInt16(value), to: &output)
        } else {
          output.append(contentsOf: "\u{FFFD}".utf8)
        }
      case 0x5F where context == .cellText && codeUnit(utf8, at: index) != nil:
        output.append(contentsOf: "_x005F_".utf8)
      default: output.append(contentsOf: utf8[index..<(index + width)])
      }
    }
  }

  /// Appends `_xHHHH_` for a code unit, with upper-case hexadecimal digits as Excel writes them.
  private static func appendCodeUnitEscape(_ unit: UInt16, to output: inout [UInt8]) {
    let digits: [UInt8] = Array("0123456789ABCDEF".utf8)
    output.append(contentsOf: "_x".utf8)
    for shift in stride(from: 12, through: 0, by: -4) { output.append(digits[Int((unit >> UInt16(shift)) & 0xF)]) }
    output.append(UInt8(ascii: "_"))
  }
}
