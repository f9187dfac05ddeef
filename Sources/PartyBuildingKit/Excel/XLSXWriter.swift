/// Writes a one-sheet Excel workbook (`.xlsx`) into memory, row by row.
///
/// Text is written as inline strings, numbers from their exact decimal text (`85.50` is stored as `85.5` and shown
/// with the cell's number of decimal places), Booleans as TRUE/FALSE. The first row can be bold and frozen.
/// Nothing depends on the clock or the machine: the same rows, name, properties and options give the same bytes.
///
/// ```swift
/// var writer = try XLSXWriter(sheetName: "结果", properties: XLSXDocumentProperties(title: "达州 2025"))
/// try writer.appendRow([.text("编号"), .text("总分")])
/// try writer.appendRow([.text("DZ001"), .number("85.50", places: 2)])
/// let bytes = try writer.write()
/// ```
package struct XLSXWriter: Sendable {
  /// A cell to write.
  package enum Cell: Sendable, Equatable {
    /// Text, at most 32,767 characters (UTF-16 units).
    case text(String)
    /// A number as decimal text (`85.5`, `-3`, `0.25`; no exponent, at most 15 significant digits), shown with
    /// `places` decimal places (0…6) or, with `nil`, in Excel's General format.
    case number(String, places: Int?)
    /// TRUE or FALSE.
    case boolean(Bool)
    /// No cell.
    case empty
  }

  /// Choices about the sheet's look and the archive.
  package struct Options: Sendable, Equatable {
    /// Whether text and Boolean cells of the first row are bold.
    package var boldHeader: Bool
    /// Whether the first row stays in view when scrolling.
    package var freezeHeader: Bool
    /// Whether the parts are deflated (smaller files) or stored.
    package var compress: Bool

    /// Creates options; by default a bold, frozen first row and compressed parts.
    package init(boldHeader: Bool = true, freezeHeader: Bool = true, compress: Bool = true) {
      self.boldHeader = boldHeader
      self.freezeHeader = freezeHeader
      self.compress = compress
    }
  }

  /// The most decimal places a number cell can show.
  package static let maxPlaces = 6
  /// The most characters (UTF-16 units) an Excel cell holds.
  package static let maxTextLength = 32_767
  /// The widest a column is made, in characters.
  static let maxColumnWidth = 50

  /// The sheet's name.
  package let sheetName: String
  /// The document properties; they may be changed until ``write()`` (a run's provenance is known only at its end).
  package var properties: XLSXDocumentProperties
  /// The options.
  package let options: Options
  /// The `<row>` elements written so far.
  private var sheetData: [UInt8] = []
  /// The number of rows appended.
  package private(set) var rowCount = 0
  /// The widest row so far, in columns.
  private var columnCount = 0
  /// The display width of each column's widest cell, in characters (CJK characters count two).
  private var widths: [Int] = []
  /// Column letters by 0-based column, grown as needed.
  private var letters: [[UInt8]] = []

  /// Starts a workbook with one sheet; throws when Excel would refuse the sheet name.
  package init(
    sheetName: String = "结果", properties: XLSXDocumentProperties = XLSXDocumentProperties(),
    options: Options = Options()
  ) throws(ExcelError) {
    guard XLSXWriter.isValidSheetName(sheetName) else { throw .invalidSheetName(sheetName) }
    self.sheetName = sheetName
    self.properties = properties
    self.options = options
  }

  /// Appends the next row; its cells start at column A.
  package mutating func appendRow(_ cells: [Cell]) throws(ExcelError) {
    guard rowCount < XLSXCellReference.maxRow, cells.count <= XLSXCellReference.maxColumn else {
      throw .sheetTooLarge
    }
    let number = rowCount + 1
    var row: [UInt8] = []
    let numberText = Array(String(number).utf8)
    let bold = options.boldHeader && number == 1
    for (index, cell) in cells.enumerated() {
      if case .empty = cell { continue }
      while letters.count <= index {
        letters.append(Array((XLSXCellReference.letters(forColumn: letters.count + 1) ?? "A").utf8))
      }
      let reference = XLSXCellReference(column: index + 1, row: number)
      row.append(contentsOf: "<c r=\"".utf8)
      row.append(contentsOf: letters[index])
      row.append(contentsOf: numberText)
      row.append(UInt8(ascii: "\""))
      let width: Int
      switch cell {
      case .text(let text):
        guard text.utf16.count <= XLSXWriter.maxTextLength else {
          throw .textTooLong(reference, length: text.utf16.count)
        }
        row.append(contentsOf: (bold ? " t=\"inlineStr\" s=\"1\"><is><t" : " t=\"inlineStr\"><is><t").utf8)
        if XLSXWriter.needsPreservedSpace(text) { row.append(contentsOf: " xml:space=\"preserve\"".utf8) }
        row.append(UInt8(ascii: ">"))
        ExcelTextEscape.appendEscaped(text, to: &row)
        row.append(contentsOf: "</t></is></c>".utf8)
        width = XLSXWriter.displayWidth(text)
      case .number(let text, let places):
        let decimal = try XLSXWriter.normalizedDecimal(text, at: reference)
        if let places {
          guard (0...XLSXWriter.maxPlaces).contains(places) else { throw .unsupportedPlaces(reference, places: places) }
          row.append(contentsOf: " s=\"\(XLSXWriter.firstNumberStyle + places)\"".utf8)
        }
        row.append(contentsOf: "><v>".utf8)
        row.append(contentsOf: decimal.utf8)
        row.append(contentsOf: "</v></c>".utf8)
        width = decimal.utf8.count + (places ?? 0) + 1
      case .boolean(let value):
        row.append(contentsOf: (bold ? " t=\"b\" s=\"1\"><v>" : " t=\"b\"><v>").utf8)
        row.append(value ? UInt8(ascii: "1") : UInt8(ascii: "0"))
        row.append(contentsOf: "</v></c>".utf8)
        width = 5
      case .empty:
        continue
      }
      while widths.count <= index { widths.append(0) }
      widths[index] = min(XLSXWriter.maxColumnWidth, max(widths[index], width))
      columnCount = max(columnCount, index + 1)
    }
    rowCount = number
    guard !row.isEmpty else { return }
    sheetData.append(contentsOf: "<row r=\"".utf8)  // not a message
    sheetData.append(contentsOf: numberText)
    sheetData.append(contentsOf: "\">".utf8)
    sheetData.append(contentsOf: row)
    sheetData.append(contentsOf: "</row>".utf8)
  }

  /// The finished workbook's bytes.
  package func write() throws(ExcelError) -> [UInt8] {
    var names = Set<String>()
    for property in properties.custom {
      guard !property.name.isEmpty, names.insert(property.name).inserted else {
        throw .invalidPropertyName(property.name)
      }
    }
    let hasCustom = !properties.custom.isEmpty
    var zip = ZipWriter(timestamp: properties.timestamp)
    let compress = options.compress
    try zip.add(name: "[Content_Types].xml", contents: XLSXParts.contentTypes(custom: hasCustom), compress: compress)
    try zip.add(name: "_rels/.rels", contents: XLSXParts.rootRelationships(custom: hasCustom), compress: compress)
    try zip.add(name: "docProps/app.xml", contents: XLSXParts.appProperties, compress: compress)
    try zip.add(name: "docProps/core.xml", contents: XLSXParts.coreProperties(properties), compress: compress)
    if hasCustom {
      try zip.add(
        name: "docProps/custom.xml", contents: XLSXParts.customProperties(properties.custom), compress: compress)
    }
    try zip.add(name: "xl/workbook.xml", contents: XLSXParts.workbook(sheetName: sheetName), compress: compress)
    try zip.add(name: "xl/_rels/workbook.xml.rels", contents: XLSXParts.workbookRelationships, compress: compress)
    try zip.add(name: "xl/styles.xml", contents: XLSXParts.styles, compress: compress)
    try zip.add(name: "xl/worksheets/sheet1.xml", contents: sheetXML(), compress: compress)
    return try zip.finish()
  }

  /// The worksheet part: dimension, frozen pane, widths of the columns with cells, and the rows.
  private func sheetXML() -> [UInt8] {
    var xml: [UInt8] = []
    xml.reserveCapacity(sheetData.count + 1024)
    xml.append(contentsOf: XLSXParts.declaration.utf8)
    xml.append(
      contentsOf: "<worksheet xmlns=\"\(XLSXParts.mainNamespace)\" xmlns:r=\"\(XLSXParts.relationshipNamespace)\">".utf8  // not a message
    )
    let lastColumn = XLSXCellReference.letters(forColumn: max(1, columnCount)) ?? "A"
    let dimension = rowCount > 0 && columnCount > 0 ? "A1:\(lastColumn)\(rowCount)" : "A1"
    xml.append(contentsOf: "<dimension ref=\"\(dimension)\"/>".utf8)  // not a message
    xml.append(contentsOf: "<sheetViews><sheetView tabSelected=\"1\" workbookViewId=\"0\">".utf8)  // not a message
    if options.freezeHeader {
      xml.append(
        contentsOf: ("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"  // not a message
          + "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/>").utf8)  // not a message
    }
    xml.append(contentsOf: "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>".utf8)
    if !widths.isEmpty {
      xml.append(contentsOf: "<cols>".utf8)
      for (index, width) in widths.enumerated() where width > 0 {
        let shown = max(9, width + 2)
        xml.append(
          contentsOf: "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(shown)\" customWidth=\"1\"/>".utf8)  // not a message
      }
      xml.append(contentsOf: "</cols>".utf8)
    }
    if sheetData.isEmpty {
      xml.append(contentsOf: "<sheetData/>".utf8)
    } else {
      xml.append(contentsOf: "<sheetData>".utf8)
      xml.append(contentsOf: sheetData)
      xml.append(contentsOf: "</sheetData>".utf8)
    }
    xml.append(contentsOf: "</worksheet>".utf8)
    return xml
  }

  /// The style index of a number with no decimal places; `places` more gives the style with that many.
  static let firstNumberStyle = 2

  /// Whether Excel would accept the name for a sheet: 1…31 characters, none of `: \ / ? * [ ]` or controls, no
  /// apostrophe first or last, not `History`.
  package static func isValidSheetName(_ name: String) -> Bool {
    let forbidden: Set<Unicode.Scalar> = [":", "\\", "/", "?", "*", "[", "]"]
    return (1...31).contains(name.utf16.count) && !name.hasPrefix("'") && !name.hasSuffix("'")
      && !name.unicodeScalars.contains { forbidden.contains($0) || $0.value < 0x20 || $0.value == 0x7F }
      && name.lowercased() != "history"
  }

  /// The canonical form of a number's decimal text (no leading zeros, no trailing fraction zeros, `0` for `-0`),
  /// or an error naming the cell when it is not decimal text Excel can hold exactly.
  static func normalizedDecimal(_ text: String, at reference: XLSXCellReference) throws(ExcelError) -> String {
    var bytes = Array(text.utf8)[...]
    var negative = false
    if bytes.first == UInt8(ascii: "-") {
      negative = true
      bytes = bytes.dropFirst()
    }
    let point = bytes.firstIndex(of: UInt8(ascii: "."))
    var integer = bytes[..<(point ?? bytes.endIndex)]
    var fraction = point.map { bytes[($0 + 1)...] } ?? []
    let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    guard !integer.isEmpty, integer.allSatisfy(isDigit), fraction.allSatisfy(isDigit), point == nil || !fraction.isEmpty
    else { throw .invalidNumberText(reference, text: text) }
    while integer.count > 1, integer.first == UInt8(ascii: "0") { integer = integer.dropFirst() }
    while fraction.last == UInt8(ascii: "0") { fraction = fraction.dropLast() }
    let digits = Array(integer) + fraction
    guard let firstNonzero = digits.firstIndex(where: { $0 != UInt8(ascii: "0") }),
      let lastNonzero = digits.lastIndex(where: { $0 != UInt8(ascii: "0") })
    else { return "0" }
    guard lastNonzero - firstNonzero < ExcelNumber.significantDigits else {
      throw .tooManyDigits(reference, text: text)
    }
    guard integer.count <= 300, fraction.count <= 300 else { throw .invalidNumberText(reference, text: text) }
    var result = negative ? "-" : ""
    result += String(decoding: integer, as: UTF8.self)
    if !fraction.isEmpty { result += "." + String(decoding: fraction, as: UTF8.self) }
    return result
  }

  /// Whether text needs `xml:space="preserve"`: white space at either end, or a tab or line break inside.
  private static func needsPreservedSpace(_ text: String) -> Bool {
    guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
    return first.properties.isWhitespace || last.properties.isWhitespace
      || text.unicodeScalars.contains { $0 == "\t" || $0 == "\n" || $0 == "\r" }
  }

  /// Roughly how many character widths text takes: two for CJK and other wide characters, one for the rest.
  private static func displayWidth(_ text: String) -> Int {
    var width = 0
    for scalar in text.unicodeScalars {
      width += scalar.value >= 0x1100 ? 2 : 1
      if width >= maxColumnWidth { break }
    }
    return width
  }
}
