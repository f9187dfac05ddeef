import Foundation
import Testing

@testable import PartyBuildingKit

/// Writing workbooks: round trips through the reader, reproducible bytes, the XML written, refusals, and
/// LibreOffice reading the result.
@Suite struct XLSXWriterTests {
  static let header: [XLSXWriter.Cell] = [.text("编号"), .text("姓名"), .text("总分"), .text("等次"), .text("否决")]
  static let rows: [[XLSXWriter.Cell]] = [
    [.text("DZ001"), .text("王建国"), .number("85.50", places: 2), .text("优秀"), .boolean(false)],
    [.text("DZ002"), .text("李春梅, \"梅子\""), .number("-3", places: 0), .empty, .boolean(true)],
    [.text("DZ003"), .text(" 前后空格 "), .number("123456789012345", places: nil), .text("a&b<c>"), .empty],
    [
      .text("DZ004"), .text("第一行\n第二行\t制表"), .number("0.000001", places: 6), .text("😀 _x0041_ \u{1}\r"), .boolean(true),
    ],
  ]

  static func write(
    _ rows: [[XLSXWriter.Cell]], properties: XLSXDocumentProperties = XLSXDocumentProperties(),
    options: XLSXWriter.Options = XLSXWriter.Options()
  ) throws -> [UInt8] {
    var writer = try XLSXWriter(properties: properties, options: options)
    for row in rows { try writer.appendRow(row) }
    return try writer.write()
  }

  /// What the reader gives for a written cell.
  static func expected(_ cell: XLSXWriter.Cell) -> XLSXValue {
    switch cell {
    case .text(let text): .text(text)
    case .number(let text, _): .number(ExcelNumber.decimalText(fromStored: text) ?? "?")
    case .boolean(let value): .boolean(value)
    case .empty: .empty
    }
  }

  @Test(arguments: [true, false])
  func roundTrip(_ compress: Bool) throws {
    let bytes = try Self.write([Self.header] + Self.rows, options: XLSXWriter.Options(compress: compress))
    let workbook = try XLSXWorkbook(bytes: bytes)
    #expect(workbook.sheets.map(\.name) == ["结果"])
    let rows = try TestWorkbook.rows(bytes)
    #expect(rows.map(\.number) == [1, 2, 3, 4, 5])
    for (row, cells) in zip(rows, [Self.header] + Self.rows) {
      var expected = cells.map(Self.expected)
      while expected.last == .empty { expected.removeLast() }
      #expect(row.cells == expected)
    }
    #expect(try workbook.headerRow(expecting: ["编号"]) == 1)
    #expect(try ZipArchive(bytes: bytes).entries.allSatisfy { $0.method == (compress ? 8 : 0) } == true)
  }

  @Test func theSheetXMLAsWritten() throws {
    let bytes = try Self.write([
      [.text("编号"), .text("总分")], [.text("A&1"), .number("085.50", places: 2), .empty, .boolean(true)],
    ])
    let sheet = try #require(try ZipArchive(bytes: bytes).contents(ofEntryNamed: "xl/worksheets/sheet1.xml"))
    let xml = String(decoding: sheet, as: UTF8.self)
    #expect(
      xml == """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><dimension ref="A1:D2"/>\
        <sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="1" topLeftCell="A2" \
        activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView>\
        </sheetViews><sheetFormatPr defaultRowHeight="15"/><cols><col min="1" max="1" width="9" customWidth="1"/>\
        <col min="2" max="2" width="9" customWidth="1"/><col min="4" max="4" width="9" customWidth="1"/></cols>\
        <sheetData><row r="1"><c r="A1" t="inlineStr" s="1"><is><t>编号</t></is></c><c r="B1" t="inlineStr" s="1">\
        <is><t>总分</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>A&amp;1</t></is></c>\
        <c r="B2" s="4"><v>85.5</v></c><c r="D2" t="b"><v>1</v></c></row></sheetData></worksheet>
        """)
    let styles = String(
      decoding: try #require(try ZipArchive(bytes: bytes).contents(ofEntryNamed: "xl/styles.xml")), as: UTF8.self)
    #expect(styles.contains("<numFmt numFmtId=\"166\" formatCode=\"0.00\"/>"))
    // Style 4 is the fifth <xf> of cellXfs: number format 166.
    let cellXfs = try #require(styles.components(separatedBy: "<cellXfs").last)
    #expect(cellXfs.components(separatedBy: "<xf ")[5].hasPrefix("numFmtId=\"166\""))
  }

  @Test func sameInputsSameBytes() throws {
    let properties = XLSXDocumentProperties(
      title: "达州 2025 年度考核结果",
      timestamp: try #require(ExcelTimestamp(year: 2026, month: 1, day: 15, hour: 9, minute: 30, second: 0)),
      custom: [
        XLSXCustomProperty(name: "pack", value: "dazhou"), XLSXCustomProperty(name: "digest", value: "sha256:ab12"),
      ])
    let first = try Self.write([Self.header] + Self.rows, properties: properties)
    let second = try Self.write([Self.header] + Self.rows, properties: properties)
    #expect(first == second)
    var later = properties
    later.timestamp = try #require(ExcelTimestamp(year: 2026, month: 1, day: 15, hour: 9, minute: 30, second: 2))
    #expect(try Self.write([Self.header] + Self.rows, properties: later) != first)

    let workbook = try XLSXWorkbook(bytes: first)
    let read = try workbook.documentProperties()
    #expect(read.title == "达州 2025 年度考核结果")
    #expect(read.creator == "PartyBuildingKit pbk")
    #expect(read.custom == properties.custom)
    let core = String(
      decoding: try #require(try workbook.archive.contents(ofEntryNamed: "docProps/core.xml")), as: UTF8.self)
    #expect(core.contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2026-01-15T09:30:00Z</dcterms:created>"))
    #expect(core.contains("<dcterms:modified xsi:type=\"dcterms:W3CDTF\">2026-01-15T09:30:00Z</dcterms:modified>"))
    #expect(try ZipArchive(bytes: first).entry(named: "docProps/custom.xml") != nil)
    #expect(try ZipArchive(bytes: Self.write([Self.header])).entry(named: "docProps/custom.xml") == nil)
  }

  @Test func timestampsAreChecked() {
    #expect(ExcelTimestamp(year: 1979, month: 12, day: 31) == nil)
    #expect(ExcelTimestamp(year: 2108, month: 1, day: 1) == nil)
    #expect(ExcelTimestamp(year: 2025, month: 2, day: 29) == nil)
    #expect(ExcelTimestamp(year: 2024, month: 2, day: 29) != nil)
    #expect(ExcelTimestamp(year: 2025, month: 13, day: 1) == nil)
    #expect(ExcelTimestamp(year: 2025, month: 1, day: 1, hour: 24) == nil)
    #expect(ExcelTimestamp.fixed.w3cText == "1980-01-01T00:00:00Z")
  }

  @Test(arguments: [
    "", "a:b", "a/b", "a\\b", "a?", "a*", "[a]", "'a", "a'", "History", "history", String(repeating: "长", count: 32),
    "a\u{1}",
  ])
  func invalidSheetNames(_ name: String) {
    #expect(throws: ExcelError.invalidSheetName(name)) { try XLSXWriter(sheetName: name) }
  }

  @Test func validSheetNames() throws {
    for name in ["结果", "Sheet 1", "a'b", String(repeating: "长", count: 31), "2025年度(含附加分)"] {
      let bytes = try XLSXWriter(sheetName: name).write()
      #expect(try XLSXWorkbook(bytes: bytes).sheets.map(\.name) == [name])
    }
  }

  @Test func refusals() throws {
    var writer = try XLSXWriter()
    let b2 = XLSXCellReference(column: 2, row: 1)
    for bad in ["", "-", "1e5", "1,000", ".5", "1.", "abc", "+1", "1 ", "--1", "0x1F"] {
      #expect(throws: ExcelError.invalidNumberText(b2, text: bad)) {
        try writer.appendRow([.empty, .number(bad, places: nil)])
      }
    }
    for long in ["110101199003071234", "0.1234567890123456", "-1234567890.123456"] {
      #expect(throws: ExcelError.tooManyDigits(b2, text: long)) {
        try writer.appendRow([.empty, .number(long, places: nil)])
      }
    }
    #expect(throws: ExcelError.unsupportedPlaces(b2, places: 7)) {
      try writer.appendRow([.empty, .number("1", places: 7)])
    }
    #expect(throws: ExcelError.unsupportedPlaces(b2, places: -1)) {
      try writer.appendRow([.empty, .number("1", places: -1)])
    }
    let long = String(repeating: "党", count: 32_768)
    #expect(throws: ExcelError.textTooLong(b2, length: 32_768)) { try writer.appendRow([.empty, .text(long)]) }
    // Nothing was appended by the failed calls.
    #expect(writer.rowCount == 0)
    try writer.appendRow([
      .number("1000000000000000000000", places: 0), .number("-0.00", places: 2), .number("007", places: nil),
    ])
    let rows = try TestWorkbook.rows(writer.write())
    #expect(rows.first?.cells == [.number("1000000000000000000000"), .number("0"), .number("7")])

    for properties in [
      [XLSXCustomProperty(name: "", value: "x")],
      [XLSXCustomProperty(name: "pack", value: "a"), XLSXCustomProperty(name: "pack", value: "b")],
    ] {
      let writer = try XLSXWriter(properties: XLSXDocumentProperties(custom: properties))
      #expect(throws: ExcelError.invalidPropertyName(properties.last?.name ?? "")) { try writer.write() }
    }
    #expect(
      ExcelError.tooManyDigits(b2, text: "110101199003071234").message
        == "the number '110101199003071234' for cell B1 has more than the 15 significant digits Excel keeps, so Excel "
        + "would change it (超过 15 位有效数字); write an identifier such as an ID-card number as text, or round the value")
  }

  // MARK: LibreOffice

  /// The path of LibreOffice's `soffice`, when it is installed.
  static let soffice: String? = {
    let candidates =
      (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { $0 + "/soffice" }
      + ["/usr/bin/soffice", "/usr/local/bin/soffice", "/Applications/LibreOffice.app/Contents/MacOS/soffice"]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
  }()

  @Test(
    "LibreOffice Calc reads a written workbook (skipped when soffice is not installed, except under PBK_REQUIRE_TOOLS=1, which .ci/run sets)",
    .enabled(
      if: soffice != nil || ProcessInfo.processInfo.environment["PBK_REQUIRE_TOOLS"] == "1",
      "LibreOffice (soffice) is not installed: apt-get install -y libreoffice-calc"),
    .timeLimit(.minutes(2)))
  func libreOfficeReadsTheWorkbook() throws {
    let soffice = try #require(Self.soffice, "PBK_REQUIRE_TOOLS=1 and LibreOffice (soffice) is not installed")
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "pbk-xlsx-\(UInt64.random(in: 0...UInt64.max))")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let rows: [[XLSXWriter.Cell]] = [
      Self.header,
      [.text("DZ001"), .text("王建国"), .number("85.50", places: 2), .text("优秀"), .boolean(false)],
      [.text("DZ002"), .text("李春梅, \"梅子\""), .number("-3", places: 0), .empty, .boolean(true)],
      [.text("DZ003"), .text("a&b<c> _x0041_"), .number("123456789012345", places: nil), .text("一般"), .empty],
      [.text("DZ004"), .text("赵"), .number("0.25", places: nil), .text("较好"), .empty],
      [.text("DZ005"), .text("钱"), .number("7.5", places: 3), .text("差"), .empty],
    ]
    let input = directory.appendingPathComponent("结果.xlsx")
    try Data(Self.write(rows)).write(to: input)

    let process = Process()
    process.executableURL = URL(fileURLWithPath: soffice)
    process.arguments = [
      "--headless", "-env:UserInstallation=" + directory.appendingPathComponent("profile").absoluteString,
      "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", directory.path, input.path,
    ]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    let csv = try #require(FileManager.default.contents(atPath: directory.appendingPathComponent("结果.csv").path))
    let records: [[String]] = CSVTokenizer().readAll([UInt8](csv)).compactMap { outcome in
      if case .record(let cells, _) = outcome { return cells }
      return nil
    }
    #expect(
      records == [
        ["编号", "姓名", "总分", "等次", "否决"],
        ["DZ001", "王建国", "85.50", "优秀", "FALSE"],
        ["DZ002", "李春梅, \"梅子\"", "-3", "", "TRUE"],
        ["DZ003", "a&b<c> _x0041_", "123456789012345", "一般", ""],
        ["DZ004", "赵", "0.25", "较好", ""],
        ["DZ005", "钱", "7.500", "差", ""],
      ])
  }
}
