/// Which cell styles of a workbook show numbers as dates or times, read from `xl/styles.xml`.
struct XLSXStyles: Sendable {
  /// For each cell format (`cellXfs` index): whether its number format is a date or time format.
  var dateStyles: [Bool] = []

  /// Whether cell style `index` (the `s` attribute) shows a date or time; unknown indexes do not.
  func isDate(style index: Int) -> Bool {
    index >= 0 && index < dateStyles.count && dateStyles[index]
  }

  /// Reads the cell formats and custom number formats of a styles part.
  static func parse(_ bytes: [UInt8], part: String) throws(ExcelError) -> XLSXStyles {
    var scanner = try XMLScanner(bytes: bytes, part: part)
    var customCodes: [Int: String] = [:]
    var formatIDs: [Int] = []
    var inCellFormats = false
    while true {
      switch try scanner.next() {
      case .start(let tag):
        if scanner.isNamed(tag, "numFmt") {
          if let id = try scanner.attributeText("numFmtId", of: tag).flatMap({ Int($0) }),
            let code = try scanner.attributeText("formatCode", of: tag)
          {
            customCodes[id] = code
          }
        } else if scanner.isNamed(tag, "cellXfs") {
          inCellFormats = !tag.selfClosing
        } else if inCellFormats && scanner.isNamed(tag, "xf") {
          formatIDs.append(try scanner.attributeText("numFmtId", of: tag).flatMap { Int($0) } ?? 0)
        }
      case .end(let name):
        if scanner.equals(name, "cellXfs") { inCellFormats = false }
      case .text, .cdata: break
      case .endOfInput:
        return XLSXStyles(dateStyles: formatIDs.map { isDateFormat(id: $0, code: customCodes[$0]) })
      }
    }
  }

  /// Whether number format `id` shows a date or time: by its code when the workbook defines one, else by
  /// Excel's built-in ids (14–22, 27–36, 45–47, 50–58; the CJK locales' date formats included).
  static func isDateFormat(id: Int, code: String?) -> Bool {
    if let code { return isDateFormatCode(code) }
    switch id {
    case 14...22, 27...36, 45...47, 50...58: return true
    default: return false
    }
  }

  /// Whether a format code shows a date or time: it has y, m, d, h or s (either case) outside quoted text,
  /// `[…]` brackets (colours, conditions, locales, elapsed-time units), and backslash, `_` and `*` escapes.
  static func isDateFormatCode(_ code: String) -> Bool {
    var iterator = code.unicodeScalars.makeIterator()
    while let scalar = iterator.next() {
      switch scalar {
      case "\"":
        while let inner = iterator.next(), inner != "\"" {}
      case "[":
        while let inner = iterator.next(), inner != "]" {}
      case "\\", "_", "*":
        _ = iterator.next()
      case "y", "Y", "m", "M", "d", "D", "h", "H", "s", "S":
        return true
      default:
        break
      }
    }
    return false
  }
}

/// The strings of a workbook's shared-string table, read from `xl/sharedStrings.xml`.
enum XLSXSharedStrings {
  /// Reads every `<si>`: its `<t>`, or its rich-text runs' `<t>` joined, leaving out phonetic runs (`<rPh>`);
  /// entities and `_xHHHH_` escapes resolved, white space kept as written.
  static func parse(_ bytes: [UInt8], part: String) throws(ExcelError) -> [String] {
    var scanner = try XMLScanner(bytes: bytes, part: part)
    var strings: [String] = []
    var current: [UInt8] = []
    var inItem = false
    var phoneticDepth = 0
    while true {
      switch try scanner.next() {
      case .start(let tag):
        if scanner.isNamed(tag, "si") {
          inItem = !tag.selfClosing
          current.removeAll(keepingCapacity: true)
          phoneticDepth = 0
          if tag.selfClosing { strings.append("") }
        } else if inItem && scanner.isNamed(tag, "rPh") {
          if !tag.selfClosing { phoneticDepth += 1 }
        } else if inItem && phoneticDepth == 0 && scanner.isNamed(tag, "t") {
          current.append(contentsOf: scanner.contentBytes(try scanner.content(of: tag)))
        }
      case .end(let name):
        if inItem && scanner.equals(name, "rPh") {
          phoneticDepth = max(0, phoneticDepth - 1)
        } else if inItem && scanner.equals(name, "si") {
          inItem = false
          let unescaped = ExcelTextEscape.unescape(current)
          guard let text = String(validating: unescaped, as: UTF8.self) else {
            throw scanner.failure(.notUTF8)
          }
          strings.append(text)
        }
      case .text, .cdata: break
      case .endOfInput:
        if inItem { throw scanner.failure(.unexpectedEnd) }
        return strings
      }
    }
  }
}
