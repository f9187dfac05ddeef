import Testing

@testable import PartyBuildingKit

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The sheet reader on hand-made sheet XML: every cell type, numbers, strings, gaps, and cell-level problems.
@Suite struct XLSXReaderTests {
  @Test func numbersAreReadExactly() throws {
    let rows = try TestWorkbook.rows(
      TestWorkbook.bytes(
        rows: """
          <row r="1"><c r="A1"><v>0.57999999999999996</v></c><c r="B1" t="n"><v>85.499999999999986</v></c>\
          <c r="C1"><v>123456789012345678</v></c><c r="D1"><v>1.5E-3</v></c><c r="E1"><v>2E+20</v></c>\
          <c r="F1"><v>-9.9999999999999996</v></c><c r="G1"><v>\n  -0 </v></c></row>
          """))
    #expect(
      rows == [
        XLSXRow(
          number: 1,
          cells: [
            .number("0.58"), .number("85.5"), .number("123456789012346000"), .number("0.0015"),
            .number("200000000000000000000"), .number("-10"), .number("0"),
          ])
      ])
  }

  @Test func anInvalidNumberNamesTheCell() throws {
    let results = try TestWorkbook.rowsAndProblems(
      TestWorkbook.bytes(
        rows: "<row r=\"4\"><c r=\"C4\"><v>1,5</v></c></row><row r=\"5\"><c r=\"A5\"><v>2</v></c></row>"))
    try #require(results.count == 2)
    #expect(results.first == .failure(.invalidNumber(XLSXCellReference(column: 3, row: 4), text: "1,5")))
    #expect(results.last == .success(XLSXRow(number: 5, cells: [.number("2")])))
  }

  @Test func sharedStringsWithRichRunsEntitiesAndEscapes() throws {
    let strings = """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="6" uniqueCount="6">\
      <si><t>编号</t></si>\
      <si><r><rPr><b/><sz val="11"/></rPr><t>王</t></r><r><t xml:space="preserve"> 建国 </t></r></si>\
      <si><t>A &amp; B &lt;c&gt; &quot;d&quot; &apos;e&apos; &#20013;&#x6587; &#x1F600;</t></si>\
      <si><t>line_x000D_&#10;two _x005F_x0041_ _x0041_</t></si>\
      <si><t>達州</t><rPh sb="0" eb="2"><t>ダシュウ</t></rPh><phoneticPr fontId="1"/></si>\
      <si><t/></si><si/>\
      <si><t><![CDATA[<raw & kept>]]></t></si>
      </sst>
      """
    let rows = try TestWorkbook.rows(
      TestWorkbook.bytes(
        rows: (0..<8).map { "<row><c t=\"s\"><v>\($0)</v></c></row>" }.joined(), sharedStrings: strings))
    #expect(
      rows.map(\.cells) == [
        [.text("编号")], [.text("王 建国 ")], [.text("A & B <c> \"d\" 'e' 中文 😀")], [.text("line\r\ntwo _x0041_ A")],
        [.text("達州")], [.text("")], [.text("")], [.text("<raw & kept>")],
      ])
    // Rows without r are numbered one after another.
    #expect(rows.map(\.number) == Array(1...8))
  }

  @Test func inlineStringsAndFormulaStrings() throws {
    let rows = try TestWorkbook.rows(
      TestWorkbook.bytes(
        rows: """
          <row r="1"><c r="A1" t="inlineStr"><is><t>党支部</t></is></c>\
          <c r="B1" t="inlineStr"><is><r><t>书</t></r><r><rPr><i/></rPr><t xml:space="preserve">记 </t></r></is></c>\
          <c r="C1" t="str"><f>A1&amp;"!"</f><v> 党支部! </v></c><c r="D1" t="inlineStr"><is><t>a_x0009_b</t></is></c></row>
          """))
    #expect(rows.first?.cells == [.text("党支部"), .text("书记 "), .text(" 党支部! "), .text("a\tb")])
  }

  @Test func booleansErrorsDatesAndFormulas() throws {
    let styles = """
      <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
      <numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>\
      </numFmts><cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="4">\
      <xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164"><alignment/></xf>\
      <xf numFmtId="2"/></cellXfs></styleSheet>
      """
    let results = try TestWorkbook.rowsAndProblems(
      TestWorkbook.bytes(
        rows: """
          <row r="1"><c r="A1" t="b"><v>1</v></c><c r="B1" t="b"><v>0</v></c><c r="C1" t="e"><v>#DIV/0!</v></c>\
          <c r="D1" t="e"><f>NA()</f><v>#N/A</v></c><c r="E1" s="1"><v>45658</v></c><c r="F1" s="2"><v>45658.5</v></c>\
          <c r="G1" s="3"><v>85.5</v></c><c r="H1" t="d"><v>2025-01-01T00:00:00</v></c>\
          <c r="I1"><f>SUM(G1,1)</f><v>86.5</v></c><c r="J1" s="0"/><c r="K1" s="99"><v>3</v></c></row>\
          <row r="2"><c r="A2"><v>1</v></c><c r="B2"><f>SUM(A2:A3)</f></c><c r="C2"><f t="shared" si="0"/></c></row>\
          <row r="3"><c r="A3" t="b"><v>2</v></c><c r="B3" t="x"><v>1</v></c></row>\
          <row r="4"><c r="A4" t="s"><v>7</v></c></row>\
          <row r="5"><c r="A5" t="str"><f>""</f><v></v></c><c r="B5"><v>5</v></c></row>
          """, styles: styles))
    try #require(results.count == 5)
    #expect(
      results[0]
        == .success(
          XLSXRow(
            number: 1,
            cells: [
              .boolean(true), .boolean(false), .error("#DIV/0!"), .error("#N/A"), .date("45658"), .date("45658.5"),
              .number("85.5"), .date("2025-01-01T00:00:00"), .number("86.5"), .empty, .number("3"),
            ])))
    // The first problem of a row is reported; the reader goes on with the next row.
    #expect(results[1] == .failure(.formulaWithoutValue(XLSXCellReference(column: 2, row: 2), formula: "SUM(A2:A3)")))
    #expect(results[2] == .failure(.invalidBoolean(XLSXCellReference(column: 1, row: 3), text: "2")))
    #expect(results[3] == .failure(.sharedStringOutOfRange(XLSXCellReference(column: 1, row: 4), index: "7", count: 0)))
    #expect(results[4] == .success(XLSXRow(number: 5, cells: [.empty, .number("5")])))
    #expect(
      ExcelError.formulaWithoutValue(XLSXCellReference(column: 2, row: 2), formula: "SUM(A2:A3)").message
        == "cell B2 holds the formula =SUM(A2:A3) but no calculated value (单元格 B2 的公式没有计算结果); open the "
        + "workbook in Excel or WPS, recalculate (公式 → 开始计算, or F9), save it, and try again")
  }

  @Test func sparseRowsAndCellsWithAndWithoutReferences() throws {
    let rows = try TestWorkbook.rows(
      TestWorkbook.bytes(
        rows: """
          <row r="2" spans="1:5"><c r="B2"><v>1</v></c><c><v>2</v></c><c r="E2"><v>5</v></c><c/></row>\
          <row><c><v>1</v></c><c r="AA3"><v>27</v></c></row>\
          <row r="7"/><row r="9" customHeight="1"><c r="C9" s="0"/></row>\
          <row r="10"><c r="A10" t="inlineStr"><is><t></t></is></c><c r="B10"><v>0</v></c></row>
          """))
    // Rows 7 and 9 have no values (row 9 only a formatted empty cell): they are left out like blank rows.
    try #require(rows.map(\.number) == [2, 3, 10])
    #expect(rows[0].cells == [.empty, .number("1"), .number("2"), .empty, .number("5")])
    #expect(rows[1].cells.count == 27)
    #expect(rows[1].value(column: 27) == .number("27"))
    #expect(rows[1].value(column: 28) == .empty)
    #expect(rows[1].reference(ofCellAt: 26).description == "AA3")
    #expect(rows[2].cells == [.text(""), .number("0")])
    #expect(!rows[2].isBlank)
  }

  @Test func aSheetOfFarRightCellsIsRefusedAndOneWideRowIsNot() throws {
    let wide = try TestWorkbook.rows(TestWorkbook.bytes(rows: "<row><c r=\"XFD1\"><v>1</v></c></row>"))
    #expect(wide.first?.cells.count == 16_384)
    let rows = (1...100).map { "<row><c r=\"XFD\($0)\"><v>1</v></c></row>" }.joined()
    var reader = try XLSXWorkbook(bytes: TestWorkbook.bytes(rows: rows)).rows(ofSheetNamed: nil)
    var read = 0
    #expect {
      while try reader.nextRow() != nil { read += 1 }
    } throws: { error in
      guard case .sheetTooSparse(let part, let cells, let bytes) = error as? ExcelError else { return false }
      return part == "xl/worksheets/sheet1.xml" && cells > 4 * bytes + (1 << 20)
        && cells <= 4 * bytes + (1 << 20) + 16_384
    }
    #expect(read == 64)
  }

  @Test func longTextsAreCutInMessages() throws {
    let long = String(repeating: "是", count: 100)
    let results = try TestWorkbook.rowsAndProblems(
      TestWorkbook.bytes(rows: "<row><c t=\"b\"><v>\(long)</v></c><c><f>\(long)</f></c></row>"))
    #expect(
      results == [
        .failure(.invalidBoolean(XLSXCellReference(column: 1, row: 1), text: String(repeating: "是", count: 21) + "…"))
      ])
  }

  @Test func readingFromAHeaderRowSkipsTheRowsAboveAndTheirProblems() throws {
    let bytes = try TestWorkbook.bytes(
      rows: """
        <row r="1"><c r="A1" t="inlineStr"><is><t>标题</t></is></c><c r="B1"><f>NOW()</f></c></row>\
        <row r="2"><c r="A2" t="inlineStr"><is><t>编号</t></is></c><c r="B2" t="inlineStr"><is><t>得分</t></is></c></row>\
        <row r="3"><c r="A3" t="inlineStr"><is><t>DZ001</t></is></c><c r="B3"><v>85.5</v></c></row>
        """)
    let rows = try TestWorkbook.rows(bytes, from: 2)
    #expect(rows.map(\.number) == [2, 3])
    let workbook = try XLSXWorkbook(bytes: bytes)
    // The search passes over a row with a cell it cannot read (a title row's formula without its value): that row
    // is no header, and the rows below are still searched.
    #expect(try workbook.headerRow(expecting: ["编号"]) == 2)
    #expect(XLSXWorkbook.headerRow(in: rows, expecting: [" 编号　"]) == 2)
    #expect(XLSXWorkbook.headerRow(in: rows, expecting: ["ID"]) == nil)
  }

  @Test func headerDetectionWantsAnAllTextRowWithAnExpectedName() {
    let rows = [
      XLSXRow(number: 1, cells: [.text("达州市考核数据")]),
      XLSXRow(number: 2, cells: [.text("编号"), .number("2025")]),
      XLSXRow(number: 3, cells: [.empty, .text("ID"), .text("姓名"), .empty]),
      XLSXRow(number: 4, cells: [.text("编号"), .text("姓名")]),
      XLSXRow(number: 25, cells: [.text("id")]),
    ]
    #expect(XLSXWorkbook.headerRow(in: rows, expecting: ["id", "编号"]) == 3)
    #expect(XLSXWorkbook.headerRow(in: Array(rows[3...]), expecting: ["姓名"]) == 4)
    #expect(XLSXWorkbook.headerRow(in: [rows[4]], expecting: ["id"]) == nil)
    #expect(XLSXWorkbook.headerRow(in: [rows[4]], expecting: ["id"], within: 30) == 25)
  }

  @Test(
    arguments: [
      (
        "<row r=\"3\"><c r=\"A3\"><v>1</v></c></row><row r=\"2\"><c r=\"A2\"><v>1</v></c></row>",
        ExcelError.rowOutOfOrder(row: 2, previous: 3)
      ),
      ("<row r=\"0\"><c><v>1</v></c></row>", ExcelError.invalidReference(part: "xl/worksheets/sheet1.xml", text: "0")),
      (
        "<row r=\"1048577\"><c><v>1</v></c></row>",
        ExcelError.invalidReference(part: "xl/worksheets/sheet1.xml", text: "1048577")
      ),
      (
        "<row r=\"1\"><c r=\"B1\"><v>1</v></c><c r=\"A1\"><v>1</v></c></row>",
        ExcelError.cellOutOfOrder(XLSXCellReference(column: 1, row: 1), previous: XLSXCellReference(column: 2, row: 1))
      ),
      (
        "<row r=\"1\"><c r=\"A2\"><v>1</v></c></row>",
        ExcelError.cellOutOfOrder(XLSXCellReference(column: 1, row: 2), previous: nil)
      ),
      (
        "<row r=\"1\"><c r=\"1A\"><v>1</v></c></row>",
        ExcelError.invalidReference(part: "xl/worksheets/sheet1.xml", text: "1A")
      ),
      (
        "<row r=\"1\"><c r=\"XFD1\"><v>1</v></c><c><v>2</v></c></row>",
        ExcelError.cellOutOfOrder(
          XLSXCellReference(column: 16_385, row: 1), previous: XLSXCellReference(column: 16_384, row: 1))
      ),
      (
        "<row r=\"1\"><c r=\"A1\"><v>1</v>",
        ExcelError.malformedXML(part: "xl/worksheets/sheet1.xml", offset: 0, problem: .unexpectedEnd)
      ),
      (
        "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&nbsp;</t></is></c></row>",
        ExcelError.malformedXML(part: "xl/worksheets/sheet1.xml", offset: 0, problem: .unknownEntity("&nbsp;"))
      ),
      (
        "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&#0;</t></is></c></row>",
        ExcelError.malformedXML(
          part: "xl/worksheets/sheet1.xml", offset: 0, problem: .invalidCharacterReference("&#0;"))
      ),
      (
        "<row r=\"1\"><c r=A1><v>1</v></c></row>",
        ExcelError.malformedXML(part: "xl/worksheets/sheet1.xml", offset: 0, problem: .malformedAttribute)
      ),
    ] as [(String, ExcelError)])
  func structuralProblemsEndTheReading(_ rows: String, _ expected: ExcelError) throws {
    let xml =
      rows.hasSuffix("<v>1</v>") ? TestWorkbook.sheet("").replacingSheetData(with: rows) : TestWorkbook.sheet(rows)
    var reader = try XLSXWorkbook(bytes: TestWorkbook.zip(TestWorkbook.parts(sheets: [("S", xml)]))).rows(
      ofSheetNamed: nil)
    var thrown: ExcelError?
    do {
      while try reader.nextRow() != nil {}
    } catch {
      thrown = error
    }
    #expect(thrown.map(Self.withoutOffset) == expected)
    #expect(reader.isFinished)
    #expect(try reader.nextRow() == nil)
  }

  /// The error with a malformed-XML offset zeroed, since offsets depend on the surrounding XML.
  static func withoutOffset(_ error: ExcelError) -> ExcelError {
    if case .malformedXML(let part, _, let problem) = error {
      return .malformedXML(part: part, offset: 0, problem: problem)
    }
    return error
  }

  @Test func malformedXMLNamesPartAndByte() throws {
    let xml =
      "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a &bogus; b</t></is></c></row></sheetData></worksheet>"
    var reader = try XLSXWorkbook(bytes: TestWorkbook.zip(TestWorkbook.parts(sheets: [("S", xml)]))).rows(
      ofSheetNamed: nil)
    let offset = Array(xml.utf8).firstIndex(of: UInt8(ascii: "&"))!
    #expect(
      throws: ExcelError.malformedXML(
        part: "xl/worksheets/sheet1.xml", offset: offset, problem: .unknownEntity("&bogus;"))
    ) {
      try reader.nextRow()
    }
    #expect(
      ExcelError.malformedXML(part: "xl/worksheets/sheet1.xml", offset: offset, problem: .unknownEntity("&bogus;"))
        .message
        == "part 'xl/worksheets/sheet1.xml', byte \(offset): '&bogus;' is not an XML entity (工作簿内容格式错误); open it in "
        + "Excel or WPS and save it via 文件 → 另存为 → Excel 工作簿 (*.xlsx), or as CSV UTF-8 (逗号分隔)")
  }

  @Test func aDocumentTypeDeclarationIsRefused() throws {
    let xml = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaa\">]><worksheet><sheetData/></worksheet>"
    var reader = try XLSXWorkbook(bytes: TestWorkbook.zip(TestWorkbook.parts(sheets: [("S", xml)]))).rows(
      ofSheetNamed: nil)
    #expect(throws: ExcelError.malformedXML(part: "xl/worksheets/sheet1.xml", offset: 21, problem: .documentType)) {
      try reader.nextRow()
    }
  }

  @Test func namespacePrefixesCommentsAndUTF16Parts() throws {
    let xml = """
      <?xml version="1.0" encoding="UTF-16"?><!-- a comment with <c> inside -->\
      <x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>\
      <x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>前缀</x:t></x:is></x:c><x:c r="B1"><x:v>1</x:v></x:c></x:row>\
      </x:sheetData></x:worksheet>
      """
    var utf16: [UInt8] = [0xFF, 0xFE]
    for unit in xml.utf16 { utf16 += [UInt8(truncatingIfNeeded: unit), UInt8(unit >> 8)] }
    var parts = TestWorkbook.parts(sheets: [("S", "")])
    parts[4] = ("xl/worksheets/sheet1.xml", utf16)
    let rows = try TestWorkbook.rows(TestWorkbook.zip(parts))
    #expect(rows == [XLSXRow(number: 1, cells: [.text("前缀"), .number("1")])])
  }

  @Test func chartSheetsAndSheetsWithoutParts() throws {
    var parts = TestWorkbook.parts(sheets: [("图表", ""), ("数据", TestWorkbook.sheet("<row><c><v>1</v></c></row>"))])
    let rels = String(decoding: parts[3].1, as: UTF8.self)
    parts[3].1 = Array(rels.replacingFirst("relationships/worksheet", with: "relationships/chartsheet").utf8)
    parts.append(("xl/worksheets/sheet3.xml", []))
    let workbook = try XLSXWorkbook(bytes: TestWorkbook.zip(parts))
    #expect(workbook.sheets.map(\.isWorksheet) == [false, true])
    #expect(try workbook.sheet().name == "数据")
    #expect(throws: ExcelError.notAWorksheet("图表")) { try workbook.rows(ofSheetNamed: "图表") }

    var orphan = TestWorkbook.parts(sheets: [("数据", TestWorkbook.sheet(""))])
    let list = String(decoding: orphan[2].1, as: UTF8.self)
    orphan[2].1 = Array(list.replacingFirst("r:id=\"rId1\"", with: "r:id=\"rId9\"").utf8)
    #expect(throws: ExcelError.sheetWithoutPart("数据")) {
      try XLSXWorkbook(bytes: TestWorkbook.zip(orphan)).rows(ofSheetNamed: "数据")
    }
  }

  @Test func sheetsByNameVisibilityAndKinds() throws {
    var parts = TestWorkbook.parts(sheets: [
      ("隐藏", TestWorkbook.sheet("")), ("数据", TestWorkbook.sheet("<row><c><v>1</v></c></row>")),
    ])
    parts[2].1 = Array(
      String(decoding: parts[2].1, as: UTF8.self).replacingFirst(
        "sheetId=\"1\"", with: "sheetId=\"1\" state=\"hidden\""
      ).utf8)
    let workbook = try XLSXWorkbook(bytes: TestWorkbook.zip(parts, compress: true))
    #expect(workbook.sheets.map(\.visibility) == [.hidden, .visible])
    #expect(try workbook.sheet().name == "数据")
    #expect(try TestWorkbook.rows(TestWorkbook.zip(parts)).first?.cells == [.number("1")])
  }

  // MARK: Messages in English and Chinese

  /// One problem of each kind the reader and the writer report (each kind of damage, of DEFLATE and of XML).
  static var oneOfEachProblem: [ExcelError] {
    let cell = XLSXCellReference(column: 2, row: 3)
    var problems: [ExcelError] = [
      .notAWorkbook, .legacyXLS, .encrypted(entry: nil), .encrypted(entry: "xl/workbook.xml"),
      .otherSpreadsheetFormat(.openDocument), .otherSpreadsheetFormat(.binaryWorkbook), .zip64,
      .checksumMismatch(entry: "xl/styles.xml", expected: 0xAB, actual: 0xDEAD_BEEF),
      .sizeMismatch(entry: "xl/styles.xml", declared: 10, actual: 12), .archiveTooLarge(declared: 1000, limit: 500),
      .implausibleRatio(entry: "xl/worksheets/sheet1.xml", compressed: 10, uncompressed: 100_000, limit: 1000),
      .missingPart("xl/workbook.xml"), .noSheets, .sheetNotFound("数据", available: []),
      .sheetNotFound("数据", available: ["Sheet1"]), .sheetWithoutPart("数据"), .notAWorksheet("图表1"),
      .invalidReference(part: "xl/worksheets/sheet1.xml", text: "ZZZZ1"), .rowOutOfOrder(row: 3, previous: 5),
      .cellOutOfOrder(cell, previous: nil), .cellOutOfOrder(cell, previous: XLSXCellReference(column: 4, row: 3)),
      .formulaWithoutValue(cell, formula: "SUM(A1)"), .invalidNumber(cell, text: "1,5"), .invalidBoolean(cell, text: "2"),
      .sharedStringOutOfRange(cell, index: "7", count: 3),
      .sheetTooSparse(part: "xl/worksheets/sheet1.xml", cells: 999, bytes: 10), .unknownCellType(cell, type: "x"),
      .invalidSheetName("a/b"), .invalidNumberText(cell, text: "1e5"), .tooManyDigits(cell, text: "511702199001011234"),
      .unsupportedPlaces(cell, places: 9), .textTooLong(cell, length: 40000), .sheetTooLarge, .invalidPropertyName(""),
      .outputTooLarge,
    ]
    let damages: [ExcelError.ZipDamage] = [
      .noEndRecord, .splitArchive, .centralDirectoryOutOfRange, .badCentralEntry(4), .badLocalHeader("xl/workbook.xml"),
      .dataOutOfRange("xl/workbook.xml"),
    ]
    problems += damages.map { .damagedArchive($0) }
    problems += [0, 1, 6, 9, 12, 14, 93, 95, 99].map { .unsupportedCompression(entry: "xl/workbook.xml", method: $0) }
    let inflate: [InflateError] = [
      .truncated, .reservedBlockType, .storedLengthMismatch, .tooManyCodes, .oversubscribed(.codeLengths),
      .incomplete(.literalsAndLengths), .repeatWithoutPrevious, .repeatTooLong, .missingEndOfBlock,
      .invalidSymbol(.distances), .distanceTooFarBack(distance: 40, available: 3), .outputTooLarge(limit: 77),
    ]
    problems += inflate.map { .damagedCompressedData(entry: "xl/worksheets/sheet1.xml", $0) }
    let xml: [XMLProblem] = [
      .unexpectedEnd, .malformedTag, .malformedAttribute, .unknownEntity("&nbsp;"), .invalidCharacterReference("&#0;"),
      .documentType, .notUTF8, .unexpected(Message(.excelXMLSheetWithoutName)),
    ]
    problems += xml.map { .malformedXML(part: "xl/workbook.xml", offset: 17, problem: $0) }
    return problems
  }

  @Test func everyProblemIsWordedInChineseWithItsFacts() {
    for problem in Self.oneOfEachProblem {
      let chinese = problem.detail.text(in: .chinese)
      #expect(problem.message == problem.detail.text(in: .english))
      #expect(MessageCatalogTests.hasHan(chinese), "\(problem)")
      #expect(!MessageCatalogTests.isEnglish(chinese), "English left in: \(chinese)")
      // The facts — cells, entries, parts, numbers — are given as they are.
      if let cell = problem.cell { #expect(chinese.contains(cell.description), "\(chinese)") }
    }
  }

  @Test func typicalProblemsReadInChinese() {
    let cell = XLSXCellReference(column: 2, row: 2)
    #expect(
      ExcelError.formulaWithoutValue(cell, formula: "SUM(A2:A3)").detail.text(in: .chinese)
        == "单元格 B2 的公式 =SUM(A2:A3) 没有计算结果；请在 Excel 或 WPS 中打开工作簿，重新计算（公式 → 开始计算，或按 F9），保存后再试")
    #expect(
      ExcelError.invalidNumber(XLSXCellReference(column: 3, row: 4), text: "1,5").detail.text(in: .chinese)
        == "单元格 C4 应为数值，实际是“1,5”，数值无法识别；请在 Excel 或 WPS 中重新输入该值，再保存工作簿")
    #expect(
      ExcelError.sheetNotFound("结果", available: ["说明", "考核数据"]).detail.text(in: .chinese)
        == "工作簿中找不到名为“结果”的工作表；其中的工作表为“说明”、“考核数据”：请给出其中一个名称")
    #expect(
      ExcelError.legacyXLS.detail.text(in: .chinese)
        == "文件是 Excel 97–2003 工作簿（.xls），不支持这种旧格式，请另存为 .xlsx；请用 Excel 或 WPS 打开，"
        + "通过“文件 → 另存为 → Excel 工作簿 (*.xlsx)”保存，或另存为 CSV UTF-8（逗号分隔）")
    #expect(
      ExcelError.damagedArchive(.noEndRecord).detail.text(in: .chinese)
        == "工作簿的 ZIP 结构已损坏：没有 ZIP 结束记录，文件可能不完整（被截断）；工作簿文件已损坏：如果是复制或下载来的，"
        + "请重新复制或下载一次；否则请用 Excel 或 WPS 打开，让它修复文件，再通过“文件 → 另存为 → Excel 工作簿 (*.xlsx)”保存")
    #expect(
      ExcelError.encrypted(entry: "xl/workbook.xml").detail.text(in: .chinese).hasPrefix("工作簿已加密（其中“xl/workbook.xml”已加密）；"))
    // The English stays as it was, the nested parts included.
    #expect(
      ExcelError.cellOutOfOrder(cell, previous: XLSXCellReference(column: 4, row: 2)).message
        == "cell B2 comes after cell D2 out of order or outside its row (单元格顺序错误); open it in Excel or WPS and save "
        + "it via 文件 → 另存为 → Excel 工作簿 (*.xlsx), or as CSV UTF-8 (逗号分隔)")
    #expect(
      ExcelError.damagedCompressedData(entry: "xl/styles.xml", .oversubscribed(.literalsAndLengths)).message
        .hasPrefix("the compressed data of entry 'xl/styles.xml' is damaged: the literal/length code is over-subscribed; "))
  }

  @Test func aBatchSaysInChineseWhyAWorkbookOrARowCannotBeRead() throws {
    let pack = try RulePack.load(path: Paths.repository + "/RulePacks/dazhou/pack.json")
    let evaluator = BatchEvaluator(pack: pack, options: BatchOptions(threads: 1))
    // A file that is no workbook at all stops the run.
    #expect {
      try evaluator.assessments(from: .bytes(Array("编号,姓名\n".utf8), format: .xlsx, name: "数据.xlsx")) { _ in }
    } throws: { error in
      (error as? RecordInputError)?.description(in: .chinese) == "数据.xlsx：文件不是 Excel 工作簿（.xlsx）；请用 Excel 或 WPS "
        + "打开，通过“文件 → 另存为 → Excel 工作簿 (*.xlsx)”保存，或另存为 CSV UTF-8（逗号分隔）"
    }
    // A cell that cannot be read rejects its row, named by the sheet and the row — also among the first rows, which
    // are read to find the header, and on the last row.
    let header = ExcelFixtures.repositoryFile("Examples/data/dazhou.csv").split(separator: 0x0A).first.map {
      String(decoding: $0, as: UTF8.self).replacingOccurrences(of: "\u{FEFF}", with: "")
    } ?? ""
    let names = header.split(separator: ",").enumerated().map { index, name in
      "<c r=\"\(XLSXCellReference.letters(forColumn: index + 1) ?? "A")1\" t=\"inlineStr\"><is><t>\(name)</t></is></c>"
    }
    let rows =
      "<row r=\"1\">\(names.joined())</row><row r=\"2\"><c r=\"A2\"><f>SUM(2)</f></c></row>"
      + "<row r=\"21\"><c r=\"A21\" t=\"inlineStr\"><is><t>DZ001</t></is></c></row><row r=\"22\"><c r=\"A22\"><f>SUM(1)</f></c></row>"
      + "<row r=\"23\"><c r=\"A23\" t=\"inlineStr\"><is><t>DZ003</t></is></c></row><row r=\"24\"><c r=\"A24\"><f>SUM(3)</f></c></row>"
    var rejected: [AssessmentError] = []
    let summary = try evaluator.assessments(
      from: .bytes(try TestWorkbook.bytes(rows: rows), format: .xlsx, name: "数据.xlsx")
    ) {
      if case .failure(let error) = $0 { rejected.append(error) }
    }
    // Every row accounted for: the three unreadable rows and the two without their scores are rejected.
    #expect(summary.counts.read == 5)
    #expect(summary.counts.read == summary.counts.assessed + summary.counts.rejected)
    #expect(Set(rejected.compactMap(\.origin?.line)).isSuperset(of: [2, 22, 24]))
    let row = try #require(rejected.first { $0.origin?.line == 22 })
    #expect(row.origin?.sheet == "Sheet1")
    #expect(row.detail.text(in: .chinese).hasPrefix("单元格 A22 的公式 =SUM(1) 没有计算结果；"))
    #expect(row.message.hasPrefix("cell A22 holds the formula =SUM(1) but no calculated value"))
  }
}

extension String {
  /// The string with the first occurrence of `target` replaced.
  func replacingFirst(_ target: String, with replacement: String) -> String {
    guard let range = range(of: target) else { return self }
    return replacingCharacters(in: range, with: replacement)
  }

  /// A worksheet string with its sheetData content replaced by unterminated rows (to test truncated XML).
  func replacingSheetData(with rows: String) -> String {
    guard let range = range(of: "<sheetData>") else { return self }
    return String(self[..<range.upperBound]) + rows
  }
}
