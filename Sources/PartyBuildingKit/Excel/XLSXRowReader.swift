/// Reads a worksheet's rows one at a time from its unpacked XML.
///
/// Rows come in sheet order with their numbers; rows the sheet does not list (blank rows) and rows without cells
/// are not returned. Within a row, cells are placed by their references (or one after another when a cell has
/// none) and gaps are filled with ``XLSXValue/empty``.
///
/// A problem with one cell (a formula without a calculated value, a number that is not one, a missing shared
/// string) is thrown after the whole row has been read, so the caller may report it and call ``nextRow()``
/// again for the next row. A problem with the XML itself ends the reading: ``isFinished`` becomes true and
/// ``nextRow()`` returns `nil` from then on.
package struct XLSXRowReader: Sendable {
  /// The scanner over the sheet's XML.
  private var scanner: XMLScanner
  /// The workbook's shared strings.
  private let sharedStrings: [String]
  /// The workbook's date styles.
  private let styles: XLSXStyles
  /// The first row returned; rows above it are skipped.
  package let firstRow: Int
  /// The number of the last row read, 0 before the first.
  private var lastRow = 0
  /// How many cells (gaps filled included) the rows may still produce: keeps a hostile sheet whose every row
  /// has one value in column XFD from costing thousands of cells per byte.
  private var cellBudget: Int
  /// The number of cells the rows may produce in all: four per byte of sheet XML, and a million more.
  private let cellsAllowed: Int
  /// The widest row so far (up to 1,024 cells), to reserve room for the next row's cells.
  private var widthHint = 0
  /// Whether `<sheetData>` has been entered.
  private var inSheetData = false
  /// Whether the rows are exhausted or reading failed for good.
  package private(set) var isFinished = false

  /// Creates a reader over a sheet's XML.
  init(scanner: XMLScanner, sharedStrings: [String], styles: XLSXStyles, firstRow: Int) {
    self.scanner = scanner
    self.sharedStrings = sharedStrings
    self.styles = styles
    self.firstRow = firstRow
    self.cellsAllowed = 4 * scanner.bytes.count + (1 << 20)
    self.cellBudget = cellsAllowed
  }

  /// The sheet's part inside the archive.
  package var part: String { scanner.part }

  /// The next row at or below ``firstRow`` that has cells, or `nil` after the last one.
  package mutating func nextRow() throws(ExcelError) -> XLSXRow? {
    while !isFinished {
      let row: (row: XLSXRow, problem: ExcelError?)?
      do throws(ExcelError) {
        row = try readRow()
      } catch {
        isFinished = true
        throw error
      }
      guard let row else {
        isFinished = true
        return nil
      }
      guard row.row.number >= firstRow else { continue }
      if let problem = row.problem { throw problem }
      if !row.row.cells.isEmpty { return row.row }
    }
    return nil
  }

  /// Reads the next `<row>` element: the row, and the first problem with one of its cells.
  private mutating func readRow() throws(ExcelError) -> (row: XLSXRow, problem: ExcelError?)? {
    while true {
      let token = try scanner.next()
      switch token {
      case .start(let tag):
        if !inSheetData {
          if scanner.isNamed(tag, "sheetData") {
            if tag.selfClosing { return nil }
            inSheetData = true
          }
        } else if scanner.isNamed(tag, "row") {
          return try readCells(of: tag)
        } else {
          try scanner.skipElement(tag)
        }
      case .end(let name):
        if inSheetData && scanner.equals(name, "sheetData") { return nil }
      case .text, .cdata:
        break
      case .endOfInput:
        if inSheetData { throw scanner.failure(.unexpectedEnd) }
        return nil
      }
    }
  }

  /// Reads the cells of a `<row>` whose start tag was just read.
  private mutating func readCells(of tag: XMLTag) throws(ExcelError) -> (row: XLSXRow, problem: ExcelError?) {
    var number = lastRow + 1
    if let range = try scanner.attribute("r", of: tag) {
      guard let parsed = XLSXCellReference.parse(scanner.bytes[range]), parsed.column == nil, let row = parsed.row
      else {
        throw .invalidReference(part: part, text: ExcelError.sample(scanner.bytes[range]))
      }
      number = row
    }
    guard number > lastRow, number <= XLSXCellReference.maxRow else {
      throw .rowOutOfOrder(row: number, previous: lastRow)
    }
    lastRow = number
    var cells: [XLSXValue] = []
    var problem: ExcelError?
    if tag.selfClosing { return (XLSXRow(number: number, cells: cells), nil) }
    cells.reserveCapacity(widthHint)
    defer { widthHint = min(1_024, max(widthHint, cells.count)) }
    var previous: XLSXCellReference?
    while true {
      switch try scanner.next() {
      case .start(let inner):
        guard scanner.isNamed(inner, "c") else {
          try scanner.skipElement(inner)
          continue
        }
        let (referenceText, style, type) = try scanner.attributes("r", "s", "t", of: inner)
        var reference = XLSXCellReference(column: (previous?.column ?? 0) + 1, row: number)
        if let range = referenceText {
          guard let parsed = XLSXCellReference.parse(scanner.bytes[range]), let column = parsed.column,
            let row = parsed.row
          else {
            throw .invalidReference(part: part, text: ExcelError.sample(scanner.bytes[range]))
          }
          reference = XLSXCellReference(column: column, row: row)
        }
        guard reference.row == number, reference.column > (previous?.column ?? 0),
          reference.column <= XLSXCellReference.maxColumn
        else {
          throw .cellOutOfOrder(reference, previous: previous)
        }
        previous = reference
        let value: XLSXValue
        do throws(ExcelError) {
          value = try readValue(of: inner, at: reference, type: type, style: style)
        } catch {
          if case .malformedXML = error { throw error }
          if problem == nil { problem = error }
          value = .empty
        }
        if value != .empty {
          cellBudget -= reference.column - cells.count
          guard cellBudget >= 0 else {
            throw .sheetTooSparse(part: part, cells: cellsAllowed - cellBudget, bytes: scanner.bytes.count)
          }
          if cells.count < reference.column - 1 {
            cells.append(contentsOf: repeatElement(.empty, count: reference.column - 1 - cells.count))
          }
          cells.append(value)
        }
      case .end:
        return (XLSXRow(number: number, cells: cells), problem)
      case .text, .cdata:
        break
      case .endOfInput:
        throw scanner.failure(.unexpectedEnd)
      }
    }
  }

  /// Reads the content of a `<c>` element whose start tag was just read, and works out its value from it and the
  /// cell's type (`t`) and style (`s`) attributes.
  private mutating func readValue(
    of tag: XMLTag, at reference: XLSXCellReference, type: Range<Int>?, style styleText: Range<Int>?
  ) throws(ExcelError) -> XLSXValue {
    let style = styleText.flatMap { XLSXRowReader.integer(scanner.bytes[$0]) } ?? 0
    var value: XMLContent?
    var inline: [UInt8]?
    var formula: String?
    if !tag.selfClosing {
      readChildren: while true {
        switch try scanner.next() {
        case .start(let child):
          if scanner.isNamed(child, "v") {
            value = try scanner.content(of: child)
          } else if scanner.isNamed(child, "f") {
            formula = ExcelError.sample(scanner.contentBytes(try scanner.content(of: child)))
          } else if scanner.isNamed(child, "is") {
            inline = try readInlineString(child)
          } else {
            try scanner.skipElement(child)
          }
        case .end:
          break readChildren
        case .text, .cdata:
          break
        case .endOfInput:
          throw scanner.failure(.unexpectedEnd)
        }
      }
    }

    if let type, scanner.equals(type, "inlineStr"), let inline {
      return .text(try scanner.contentText(.decoded(inline), excelEscapes: true))
    }
    guard let value else {
      if let formula { throw .formulaWithoutValue(reference, formula: formula.isEmpty ? "…" : formula) }
      return .empty
    }
    if scanner.contentBytes(value).isEmpty { return .empty }
    if let type, scanner.equals(type, "str") || scanner.equals(type, "inlineStr") {
      return .text(try scanner.contentText(value, excelEscapes: true))  // text keeps its white space
    }
    // Numbers, indexes and Booleans may be surrounded by white space in pretty-printed XML.
    var bytes = scanner.contentBytes(value)
    while let first = bytes.first, XMLScanner.isSpace(first) { bytes = bytes.dropFirst() }
    while let last = bytes.last, XMLScanner.isSpace(last) { bytes = bytes.dropLast() }
    if bytes.isEmpty { return .empty }
    guard let type else { return try number(bytes, style: style, at: reference) }
    if scanner.equals(type, "n") { return try number(bytes, style: style, at: reference) }
    if scanner.equals(type, "s") {
      guard let index = XLSXRowReader.integer(bytes), index < sharedStrings.count else {
        throw .sharedStringOutOfRange(
          reference, index: ExcelError.sample(bytes), count: sharedStrings.count)
      }
      return .text(sharedStrings[index])
    }
    if scanner.equals(type, "b") {
      if bytes.elementsEqual("1".utf8) { return .boolean(true) }
      if bytes.elementsEqual("0".utf8) { return .boolean(false) }
      throw .invalidBoolean(reference, text: ExcelError.sample(bytes))
    }
    if scanner.equals(type, "e") { return .error(try scanner.contentText(value)) }
    if scanner.equals(type, "d") { return .date(try scanner.contentText(value)) }
    throw .unknownCellType(reference, type: ExcelError.sample(scanner.bytes[type]))
  }

  /// A number cell's value: ``XLSXValue/date(_:)`` when its style is a date format, else ``XLSXValue/number(_:)``.
  private func number(_ bytes: ArraySlice<UInt8>, style: Int, at reference: XLSXCellReference) throws(ExcelError)
    -> XLSXValue
  {
    guard let decimal = ExcelNumber.decimalText(utf8: bytes) else {
      throw .invalidNumber(reference, text: ExcelError.sample(bytes))
    }
    return styles.isDate(style: style) ? .date(decimal) : .number(decimal)
  }

  /// Reads an `<is>` element: its `<t>`, or its runs' `<t>` joined, leaving out phonetic runs.
  private mutating func readInlineString(_ tag: XMLTag) throws(ExcelError) -> [UInt8] {
    var text: [UInt8] = []
    if tag.selfClosing { return text }
    var depth = 1
    var phoneticDepth = 0
    while depth > 0 {
      switch try scanner.next() {
      case .start(let child):
        if scanner.isNamed(child, "t") && phoneticDepth == 0 {
          text.append(contentsOf: scanner.contentBytes(try scanner.content(of: child)))
        } else if !child.selfClosing {
          depth += 1
          if scanner.isNamed(child, "rPh") { phoneticDepth += 1 }
        }
      case .end(let name):
        depth -= 1
        if scanner.equals(name, "rPh") { phoneticDepth = max(0, phoneticDepth - 1) }
      case .text, .cdata:
        break
      case .endOfInput:
        throw scanner.failure(.unexpectedEnd)
      }
    }
    return text
  }

  /// A non-negative decimal integer of at most 9 digits, or `nil`.
  private static func integer(_ bytes: ArraySlice<UInt8>) -> Int? {
    guard !bytes.isEmpty, bytes.count <= 9 else { return nil }
    var value = 0
    for byte in bytes {
      guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
      value = value * 10 + Int(byte - UInt8(ascii: "0"))
    }
    return value
  }
}
