import PartyBuildingKit

/// A table for people at a terminal: columns padded to the widest cell (Chinese characters count two), numbers
/// aligned right, a rule under the header.
enum TableText {
  static func render(_ rows: [[String]], numericColumns: Set<Int>) -> String {
    guard let header = rows.first else { return "" }
    var widths = [Int](repeating: 0, count: header.count)
    for row in rows {
      for (index, field) in row.enumerated() where index < widths.count { widths[index] = max(widths[index], TextWidth.of(field)) }
    }
    var text = ""
    for (rowIndex, row) in rows.enumerated() {
      let line = row.enumerated().map { index, field in
        TextWidth.pad(field, to: widths[index], alignRight: numericColumns.contains(index) && rowIndex > 0)
      }.joined(separator: "  ")
      text += line.replacing(/\s+$/, with: "") + "\n"
      if rowIndex == 0 { text += widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n" }
    }
    return text
  }
}
