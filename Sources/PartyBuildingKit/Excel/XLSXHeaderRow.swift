/// Finding the header row below the title rows Chinese workbooks usually carry.
extension XLSXWorkbook {
  /// How many rows from the top ``headerRow(ofSheetNamed:expecting:within:)`` looks at by default.
  package static let headerSearchRows = 20

  /// The number of the header row of a sheet (see ``XLSXWorkbook/headerRow(in:expecting:within:)``), or `nil` when
  /// none of the first `within` rows is one.
  ///
  /// This unpacks the sheet once more; to read a large sheet once, keep the first rows of one reader and pass them
  /// to ``XLSXWorkbook/headerRow(in:expecting:within:)``.
  package func headerRow(
    ofSheetNamed name: String? = nil, expecting names: [String], within limit: Int = headerSearchRows
  ) throws(ExcelError) -> Int? {
    var reader = try rows(ofSheetNamed: name)
    var rows: [XLSXRow] = []
    while !reader.isFinished {
      let next: XLSXRow?
      do throws(ExcelError) { next = try reader.nextRow() } catch {
        // A cell that cannot be read (a formula without its value…) is not a header's: its row is passed over here
        // and rejected when the rows are read. Only a sheet that cannot be read on stops the search.
        if reader.isFinished { throw error }
        continue
      }
      guard let row = next, row.number <= limit else { break }
      rows.append(row)
    }
    return XLSXWorkbook.headerRow(in: rows, expecting: names, within: limit)
  }

  /// The number of the first row within the first `limit` rows whose non-empty cells are all text and one of
  /// which is one of `names` (compared after trimming white space, letters in either case); `nil` if none.
  package static func headerRow(in rows: [XLSXRow], expecting names: [String], within limit: Int = headerSearchRows)
    -> Int?
  {
    let wanted = Set(names.map(normalized))
    for row in rows where row.number <= limit {
      var allText = true
      var found = false
      for cell in row.cells where !cell.isEmpty {
        guard case .text(let text) = cell else {
          allText = false
          break
        }
        if wanted.contains(normalized(text)) { found = true }
      }
      if allText && found { return row.number }
    }
    return nil
  }

  /// A header for comparison: surrounding white space (ideographic spaces included) trimmed, ASCII lower-cased.
  private static func normalized(_ text: String) -> String {
    let scalars = text.unicodeScalars
    guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    return String(String.UnicodeScalarView(scalars[start...end])).lowercased()
  }
}
