/// Writes CSV that Excel opens correctly, Chinese text included.
package enum CSVWriter {
  /// One field, quoted only when needed.
  ///
  /// A field is quoted when it holds a comma, a double quote, CR or LF, or
  /// starts or ends with a space or tab; inner quotes are doubled.
  package static func field(_ s: String) -> String {
    guard needsQuotes(s.utf8) else { return s }
    var result = "\""
    result.reserveCapacity(s.utf8.count + 2)
    for ch in s.unicodeScalars {
      if ch == "\"" { result.append("\"\"") } else { result.unicodeScalars.append(ch) }
    }
    result.append("\"")
    return result
  }

  /// Whether a cell's UTF-8 must be quoted: it holds a comma, a double quote, CR or LF, or starts or ends with a
  /// space or tab. (The fast CSV lane writes cells as bytes by the same rule.)
  @inline(__always)
  static func needsQuotes<Bytes: Collection<UInt8>>(_ utf8: Bytes) -> Bool {
    guard let first = utf8.first else { return false }
    var last = first
    for byte in utf8 {
      if byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D { return true }
      last = byte
    }
    return first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09
  }

  /// One row: the fields joined with ',' and terminated with "\r\n", as Excel writes them.
  ///
  /// A row with a single empty field is written as `""` so that readers do
  /// not take it for a blank line and skip it.
  package static func row(_ fields: [String]) -> String {
    if fields.count == 1 && fields[0].isEmpty { return "\"\"\r\n" }
    var result = ""
    for (i, value) in fields.enumerated() {
      if i > 0 { result.append(",") }
      result.append(field(value))
    }
    result.append("\r\n")
    return result
  }

  /// The UTF-8 byte order mark; write it first so Excel reads UTF-8 (and Chinese) correctly.
  package static let byteOrderMark: String = "\u{FEFF}"
}
