/// A cell's place on a sheet: a 1-based column and row, written like `C5`.
package struct XLSXCellReference: Sendable, Hashable, CustomStringConvertible {
  /// The 1-based column: A is 1, XFD (the last Excel column) is 16,384.
  package var column: Int
  /// The 1-based row number, at most 1,048,576.
  package var row: Int

  /// The last column an Excel sheet has (XFD).
  package static let maxColumn = 16_384
  /// The last row an Excel sheet has.
  package static let maxRow = 1_048_576

  /// Creates a reference; nothing is checked.
  package init(column: Int, row: Int) {
    self.column = column
    self.row = row
  }

  /// Reads a reference like `C5` (letters in either case); `nil` when it is not one or lies beyond XFD1048576.
  package init?(_ text: some StringProtocol) {
    let bytes = Array(text.utf8)
    guard let parsed = XLSXCellReference.parse(bytes[...]), let column = parsed.column, let row = parsed.row else {
      return nil
    }
    self.init(column: column, row: row)
  }

  /// The reference as Excel writes it, like `C5`.
  package var description: String { (XLSXCellReference.letters(forColumn: column) ?? "?") + String(row) }

  /// Reads `letters digits`, either part optional: the column and row found, or `nil` when the text is not of that
  /// form or lies beyond XFD1048576.
  static func parse(_ bytes: ArraySlice<UInt8>) -> (column: Int?, row: Int?)? {
    var column = 0
    var row = 0
    var index = bytes.startIndex
    while index < bytes.endIndex, let value = letterValue(bytes[index]) {
      column = column * 26 + value
      guard column <= maxColumn else { return nil }
      index += 1
    }
    let digitsStart = index
    while index < bytes.endIndex {
      let byte = bytes[index]
      guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
      row = row * 10 + Int(byte - UInt8(ascii: "0"))
      guard row <= maxRow else { return nil }
      index += 1
    }
    let hasColumn = digitsStart > bytes.startIndex
    let hasRow = index > digitsStart
    guard hasColumn || hasRow else { return nil }
    if hasRow && row == 0 { return nil }
    return (hasColumn ? column : nil, hasRow ? row : nil)
  }

  /// The column letters of a 1-based column index (1 → `A`, 27 → `AA`, 16,384 → `XFD`); `nil` below 1.
  package static func letters(forColumn column: Int) -> String? {
    guard column >= 1 else { return nil }
    var remaining = column
    var letters: [UInt8] = []
    while remaining > 0 {
      let digit = (remaining - 1) % 26
      letters.append(UInt8(ascii: "A") + UInt8(digit))
      remaining = (remaining - 1) / 26
    }
    return String(decoding: letters.reversed(), as: UTF8.self)
  }

  /// The 1-based column index of column letters (`A` → 1, `aa` → 27); `nil` when the text is not letters or lies
  /// beyond XFD.
  package static func column(forLetters letters: some StringProtocol) -> Int? {
    let bytes = Array(letters.utf8)
    guard !bytes.isEmpty, let parsed = parse(bytes[...]), parsed.row == nil else { return nil }
    return parsed.column
  }

  /// The value 1…26 of an ASCII letter, or `nil`.
  @inline(__always)
  private static func letterValue(_ byte: UInt8) -> Int? {
    switch byte {
    case UInt8(ascii: "A")...UInt8(ascii: "Z"): Int(byte - UInt8(ascii: "A")) + 1
    case UInt8(ascii: "a")...UInt8(ascii: "z"): Int(byte - UInt8(ascii: "a")) + 1
    default: nil
    }
  }
}
