/// The value of one cell as read from a sheet.
package enum XLSXValue: Sendable, Equatable {
  /// No value (a missing cell, or a cell with formatting only).
  case empty
  /// Text: a shared string, an inline string, or a formula's text result.
  case text(String)
  /// A number as exact decimal text, rounded to 15 significant digits as Excel shows it (see ``ExcelNumber``).
  case number(String)
  /// TRUE or FALSE.
  case boolean(Bool)
  /// A number shown as a date or time: the serial number as decimal text (days since 1899-12-30, the fraction the
  /// time of day), or the ISO 8601 text of a cell of type `d`.
  case date(String)
  /// An error value such as `#DIV/0!` or `#N/A`, as its text.
  case error(String)

  /// The value as text: a number's or date's decimal text, `TRUE`/`FALSE`, an error's text, or the empty string.
  package var text: String {
    switch self {
    case .empty: ""
    case .text(let text), .number(let text), .date(let text), .error(let text): text
    case .boolean(let value): value ? "TRUE" : "FALSE"
    }
  }

  /// Whether the cell is empty, or text that is empty.
  package var isEmpty: Bool {
    switch self {
    case .empty: true
    case .text(let text): text.isEmpty
    default: false
    }
  }
}

/// One row of a sheet: its number and its cells from column A, gaps filled with ``XLSXValue/empty``.
package struct XLSXRow: Sendable, Equatable {
  /// The 1-based row number as Excel shows it.
  package var number: Int
  /// The cells from column A on; trailing empty cells are dropped, so rows differ in length.
  package var cells: [XLSXValue]

  /// Creates a row.
  package init(number: Int, cells: [XLSXValue]) {
    self.number = number
    self.cells = cells
  }

  /// The value in a 1-based column; ``XLSXValue/empty`` beyond the last cell.
  package func value(column: Int) -> XLSXValue {
    column >= 1 && column <= cells.count ? cells[column - 1] : .empty
  }

  /// The reference of the cell at a 0-based index of ``cells``, like `C5`.
  package func reference(ofCellAt index: Int) -> XLSXCellReference {
    XLSXCellReference(column: index + 1, row: number)
  }

  /// Whether every cell is empty.
  package var isBlank: Bool { cells.allSatisfy(\.isEmpty) }
}

/// A sheet of a workbook as its `workbook.xml` lists it.
package struct XLSXSheetInfo: Sendable, Equatable {
  /// Whether a sheet is shown.
  package enum Visibility: Sendable, Equatable {
    /// Shown as a tab.
    case visible
    /// Hidden, but the user can unhide it.
    case hidden
    /// Hidden so that only a macro can unhide it.
    case veryHidden
  }

  /// The sheet's name as its tab shows it.
  package var name: String
  /// Whether the sheet is shown.
  package var visibility: Visibility
  /// Whether the sheet is a worksheet (with cells), not a chart or dialog sheet.
  package var isWorksheet: Bool
  /// The sheet's part inside the archive, like `xl/worksheets/sheet1.xml`; `nil` when its relationship is missing.
  package var part: String?
}
