/// An Excel workbook (`.xlsx`, `.xlsm`) opened from its bytes: its sheets listed, its rows read on request.
///
/// Opening reads the ZIP directory, the workbook's sheet list, the shared strings and the styles. A sheet's XML is
/// unpacked when ``rows(of:from:)`` is called and then scanned one row at a time, so memory stays at the file, the
/// shared strings, one unpacked sheet and one row. Every problem is an ``ExcelError`` that names the place.
package struct XLSXWorkbook: Sendable {
  /// The archive the workbook was read from.
  package let archive: ZipArchive
  /// The sheets in workbook order.
  package let sheets: [XLSXSheetInfo]
  /// The shared-string table.
  let sharedStrings: [String]
  /// Which cell styles are date or time formats.
  let styles: XLSXStyles
  /// The workbook part's path, like `xl/workbook.xml`.
  let workbookPart: String

  /// Opens a workbook. Refuses `.xls`, encrypted workbooks, `.ods`, `.xlsb` and non-workbooks with a message
  /// that says how to save the file as `.xlsx` or CSV.
  package init(bytes: [UInt8], limits: ZipLimits = .standard) throws(ExcelError) {
    if let refusal = OfficeCompoundFile.refusal(for: bytes) { throw refusal }
    let archive: ZipArchive
    do throws(ExcelError) {
      archive = try ZipArchive(bytes: bytes, limits: limits)
    } catch .damagedArchive(.noEndRecord) where !bytes.starts(with: [0x50, 0x4B]) {
      throw .notAWorkbook
    }
    self.archive = archive
    if archive.entry(named: "mimetype") != nil || archive.entry(named: "content.xml") != nil {
      throw .otherSpreadsheetFormat(.openDocument)
    }
    if archive.entry(named: "xl/workbook.bin") != nil { throw .otherSpreadsheetFormat(.binaryWorkbook) }

    let typesPart = "[Content_Types].xml"
    guard let typesBytes = try archive.contents(ofEntryNamed: typesPart) else { throw .missingPart(typesPart) }
    let types = try XLSXPackage.contentTypes(typesBytes, part: typesPart)
    if types.values.contains(XLSXPackage.binaryWorkbookContentType) { throw .otherSpreadsheetFormat(.binaryWorkbook) }

    var workbookPart = types.first { XLSXPackage.workbookContentTypes.contains($0.value) }?.key ?? "xl/workbook.xml"
    if let rootRels = try archive.contents(ofEntryNamed: "_rels/.rels") {
      let relationships = try XLSXPackage.relationships(rootRels, part: "_rels/.rels", source: "")
      if let target = relationships.first(where: { $0.kind == "officeDocument" })?.target { workbookPart = target }
    }
    guard let workbookBytes = try archive.contents(ofEntryNamed: workbookPart) else {
      throw .missingPart(workbookPart)
    }
    self.workbookPart = workbookPart

    let relsPart = XLSXPackage.relationshipsPart(of: workbookPart)
    let relationships =
      try archive.contents(ofEntryNamed: relsPart).map { bytes throws(ExcelError) in
        try XLSXPackage.relationships(bytes, part: relsPart, source: workbookPart)
      } ?? []
    sheets = try XLSXWorkbook.readSheets(workbookBytes, part: workbookPart, relationships: relationships)

    if let part = relationships.first(where: { $0.kind == "sharedStrings" })?.target,
      let bytes = try archive.contents(ofEntryNamed: part)
    {
      sharedStrings = try XLSXSharedStrings.parse(bytes, part: part)
    } else {
      sharedStrings = []
    }
    if let part = relationships.first(where: { $0.kind == "styles" })?.target,
      let bytes = try archive.contents(ofEntryNamed: part)
    {
      styles = try XLSXStyles.parse(bytes, part: part)
    } else {
      styles = XLSXStyles()
    }
  }

  /// The sheet with this name, or with `nil` the first visible worksheet (the first sheet when none is visible).
  package func sheet(named name: String? = nil) throws(ExcelError) -> XLSXSheetInfo {
    guard let first = sheets.first else { throw .noSheets }
    guard let name else {
      return sheets.first { $0.isWorksheet && $0.visibility == .visible } ?? first
    }
    guard let sheet = sheets.first(where: { $0.name == name }) else {
      throw .sheetNotFound(name, available: sheets.map(\.name))
    }
    return sheet
  }

  /// A reader of a sheet's rows, starting at row `firstRow` (say, the header row below a title): rows above it are
  /// skipped, and so are their problems.
  package func rows(of sheet: XLSXSheetInfo, from firstRow: Int = 1) throws(ExcelError) -> XLSXRowReader {
    guard sheet.isWorksheet else { throw .notAWorksheet(sheet.name) }
    guard let part = sheet.part else { throw .sheetWithoutPart(sheet.name) }
    guard let bytes = try archive.contents(ofEntryNamed: part) else { throw .missingPart(part) }
    let scanner = try XMLScanner(bytes: bytes, part: part)
    return XLSXRowReader(
      scanner: scanner, sharedStrings: sharedStrings, styles: styles, firstRow: firstRow)
  }

  /// A reader of the rows of the sheet with this name (or, with `nil`, of the default sheet; see ``sheet(named:)``).
  package func rows(ofSheetNamed name: String? = nil, from firstRow: Int = 1) throws(ExcelError) -> XLSXRowReader {
    try rows(of: sheet(named: name), from: firstRow)
  }

  /// The sheets listed by a workbook part, their parts found through its relationships.
  private static func readSheets(
    _ bytes: [UInt8], part: String, relationships: [XLSXPackage.Relationship]
  ) throws(ExcelError) -> [XLSXSheetInfo] {
    var scanner = try XMLScanner(bytes: bytes, part: part)
    var sheets: [XLSXSheetInfo] = []
    while true {
      switch try scanner.next() {
      case .start(let tag) where scanner.isNamed(tag, "sheet"):
        guard let name = try scanner.attributeText("name", of: tag) else {
          throw scanner.failure(.unexpected(Message(.excelXMLSheetWithoutName)))
        }
        let visibility: XLSXSheetInfo.Visibility =
          switch try scanner.attributeText("state", of: tag) {
          case "hidden": .hidden
          case "veryHidden": .veryHidden
          default: .visible
          }
        let id = try scanner.attributeText("id", of: tag, prefixed: true)
        let relationship = relationships.first { $0.id == id }
        sheets.append(
          XLSXSheetInfo(
            name: name, visibility: visibility, isWorksheet: relationship.map { $0.kind == "worksheet" } ?? true,
            part: relationship?.target))
      case .endOfInput: return sheets
      default: break
      }
    }
  }
}
