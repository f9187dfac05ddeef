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
