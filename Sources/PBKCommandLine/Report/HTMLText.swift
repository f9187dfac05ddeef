/// Text made safe for an HTML page: every piece of data a report shows goes through here.
///
/// Text and attribute values are escaped the same way (`&`, `<`, `>`, `"`, `'`), so a value is safe in either place;
/// control characters other than tab and newline, which HTML does not allow, become U+FFFD.
enum HTMLText {
  /// `text` escaped for an element's content or a quoted attribute value.
  static func escape(_ text: String) -> String {
    // Most report text needs nothing: return it untouched without building a new string.
    guard text.utf8.contains(where: { needsEscape($0) }) else { return text }
    var result = ""
    result.reserveCapacity(text.utf8.count + 16)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&#39;"
      case "\t", "\n": result.unicodeScalars.append(scalar)
      case "\r": break
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) {
          result += "\u{FFFD}"
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result
  }

  private static func needsEscape(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"): true
    case 0x0A, 0x09: false
    // C1 controls are two bytes in UTF-8 starting 0xC2 0x80…0x9F: checked in the slow path.
    case 0xC2: true
    default: byte < 0x20 || byte == 0x7F
    }
  }
}

/// A page being written: appends markup and escaped text.
struct HTMLWriter {
  private(set) var text = ""

  init(capacity: Int = 1 << 16) { text.reserveCapacity(capacity) }

  /// Appends markup as it is (written by the report code, never data).
  mutating func raw(_ markup: String) { text += markup }

  /// Appends data as escaped text.
  mutating func escaped(_ data: String) { text += HTMLText.escape(data) }

  /// Appends `<tag attributes>escaped content</tag>`.
  mutating func element(_ tag: String, _ content: String, attributes: String = "") {
    text += "<\(tag)\(attributes.isEmpty ? "" : " " + attributes)>"
    text += HTMLText.escape(content)
    text += "</\(tag)>"
  }

  /// Takes what has been written so far and starts empty again (to hand a large page to its sink in parts).
  mutating func take() -> String {
    defer { text = "" }
    return text
  }
}

/// `name="value"` with the value escaped.
func htmlAttribute(_ name: String, _ value: String) -> String { "\(name)=\"\(HTMLText.escape(value))\"" }
