import Testing

@testable import PartyBuildingKit

/// A workbook generated from one of the sample CSV files, and where its data sits.
struct XLSXFixture: CustomTestStringConvertible, Sendable {
  var file: String
  var csv: String
  var sheet: String?
  var headerRow: Int
  var testDescription: String { file }
}

/// Workbooks written by LibreOffice Calc and openpyxl from Examples/data/*.csv, compared cell by cell with the CSV.
@Suite struct XLSXFixtureTests {
  static let fixtures = [
    XLSXFixture(file: "dazhou-libreoffice.xlsx", csv: "dazhou.csv", sheet: nil, headerRow: 1),
    XLSXFixture(file: "dazhou-openpyxl.xlsx", csv: "dazhou.csv", sheet: nil, headerRow: 1),
    XLSXFixture(file: "dazhou-title.xlsx", csv: "dazhou.csv", sheet: "考核数据", headerRow: 3),
    XLSXFixture(file: "zhungeer-openpyxl.xlsx", csv: "zhungeer.csv", sheet: nil, headerRow: 1),
  ]

  /// The CSV file's records (the header first), read with the package's CSV reader; blank lines skipped.
  static func csvRecords(_ name: String) throws -> [[String]] {
    CSVTokenizer().readAll(ExcelFixtures.repositoryFile("Examples/data/" + name)).compactMap { outcome in
      guard case .record(let cells, _) = outcome, !cells.allSatisfy(\.isEmpty) else { return nil }
      return cells
    }
  }

  @Test(arguments: fixtures)
  func everyCellMatchesTheCSV(_ fixture: XLSXFixture) throws {
    let expected = try Self.csvRecords(fixture.csv)
    #expect(expected.count >= 12)
    let workbook = try XLSXWorkbook(bytes: ExcelFixtures.bytes(fixture.file))
    let found = try workbook.headerRow(ofSheetNamed: fixture.sheet, expecting: ["id", "编号"])
    #expect(found == fixture.headerRow)
    var reader = try workbook.rows(ofSheetNamed: fixture.sheet, from: fixture.headerRow)
    var rows: [XLSXRow] = []
    while let row = try reader.nextRow() { rows.append(row) }
    #expect(rows.count == expected.count)
    #expect(rows.first?.number == fixture.headerRow)
    for (row, record) in zip(rows, expected) {
      #expect(row.cells.count <= record.count)
      for (index, field) in record.enumerated() {
        let value = row.value(column: index + 1)
        #expect(value.text == field, "\(fixture.file) \(row.reference(ofCellAt: index))")
        // Numbers in the CSV are numeric cells in the workbook; everything else (but the header) is text.
        if row.number > fixture.headerRow, !field.isEmpty {
          if ExactDecimal(field) != nil {
            #expect(value == .number(field), "\(fixture.file) \(row.reference(ofCellAt: index))")
          } else {
            #expect(value == .text(field), "\(fixture.file) \(row.reference(ofCellAt: index))")
          }
        }
      }
    }
  }

  @Test func aGivenHeaderRowPassesOverAnInstructionsSheet() throws {
    // dazhou-title.xlsx: a 说明 sheet first, then 考核数据 with two title rows. --header-row 3 without --sheet used to
    // read row 3 of 说明 (empty): the first worksheet whose row 3 names the id column is taken.
    let pack = try RulePack.load(path: Paths.repository + "/RulePacks/dazhou/pack.json")
    var options = BatchOptions(threads: 1)
    options.headerRow = 3
    var totals: [String] = []
    let summary = try BatchEvaluator(pack: pack, options: options).assessments(
      from: .bytes(ExcelFixtures.bytes("dazhou-title.xlsx"), format: .xlsx, name: "dazhou-title.xlsx")
    ) { outcome in
      if case .success(let assessment) = outcome { totals.append("\(assessment.subject.id) \(assessment.total)") }
    }
    #expect(summary.counts.read == 11)
    #expect(summary.counts.assessed == 11)
    #expect(summary.sheet == "考核数据")
    #expect(totals.first == "DZ001 96.01")
  }

  @Test func sheetsAndDefaultSheet() throws {
    let workbook = try XLSXWorkbook(bytes: ExcelFixtures.bytes("dazhou-title.xlsx"))
    #expect(workbook.sheets.map(\.name) == ["说明", "考核数据"])
    #expect(workbook.sheets.map(\.part) == ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"])
    #expect(try workbook.sheet().name == "说明")
    #expect(throws: ExcelError.sheetNotFound("结果", available: ["说明", "考核数据"])) {
      try workbook.sheet(named: "结果")
    }
    let message = ExcelError.sheetNotFound("结果", available: ["说明", "考核数据"]).message
    #expect(
      message
        == "the workbook has no sheet named '结果' (找不到名为“结果”的工作表); its sheets are '说明', '考核数据': pass one of these names")
    // The title row reads as one text cell, the rest of the merged range empty.
    var reader = try workbook.rows(ofSheetNamed: "考核数据")
    let title = try #require(try reader.nextRow())
    #expect(title.number == 1)
    #expect(title.cells == [.text("达州市2025年度村(社区)党组织书记考核数据")])
    #expect(try reader.nextRow()?.number == 3)
  }

  @Test func libreOfficeSharedStringsAndOpenpyxlInlineStringsAgree() throws {
    func allRows(_ file: String) throws -> [[XLSXValue]] {
      var reader = try XLSXWorkbook(bytes: ExcelFixtures.bytes(file)).rows(ofSheetNamed: nil)
      var rows: [[XLSXValue]] = []
      while let row = try reader.nextRow() { rows.append(row.cells) }
      return rows
    }
    let libre = try allRows("dazhou-libreoffice.xlsx")
    let openpyxl = try allRows("dazhou-openpyxl.xlsx")
    #expect(libre == openpyxl)
    // DZ010 has empty fields: openpyxl leaves those cells out, the reader fills the gaps.
    #expect(openpyxl[10][9] == .empty)
    #expect(openpyxl[10][25] == .number("92.4"))
  }

  @Test func documentPropertiesOfAnOpenpyxlWorkbook() throws {
    let workbook = try XLSXWorkbook(bytes: ExcelFixtures.bytes("dazhou-openpyxl.xlsx"))
    let properties = try workbook.documentProperties()
    #expect(properties.creator == "make-fixtures.py")
    #expect(properties.custom.isEmpty)
  }
}
