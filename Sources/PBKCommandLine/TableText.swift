import PartyBuildingKit

/// A table for people at a terminal: columns padded to the widest cell (Chinese characters count two), numbers
/// aligned right, a rule under the header.
enum TableText {
  static func render(_ rows: [[ResultCell]]) -> String {
    guard let header = rows.first else { return "" }
    var widths = [Int](repeating: 0, count: header.count)
    for row in rows {
      for (index, cell) in row.enumerated() where index < widths.count { widths[index] = max(widths[index], TextWidth.of(cell.text)) }
    }
    var text = ""
    for (rowIndex, row) in rows.enumerated() {
      let line = row.enumerated().map { index, cell in
        let numeric: Bool
        switch cell {
        case .number, .integer: numeric = true
        default: numeric = false
        }
        return TextWidth.pad(cell.text, to: widths[index], alignRight: numeric && rowIndex > 0)
      }.joined(separator: "  ")
      text += line.replacing(/\s+$/, with: "") + "\n"
      if rowIndex == 0 { text += widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n" }
    }
    return text
  }
}
