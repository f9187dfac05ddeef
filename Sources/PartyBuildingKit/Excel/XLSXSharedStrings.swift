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
