import Foundation
import Testing

@testable import PBKCommandLine
@testable import PartyBuildingKit

/// The data sets Excel and WPS write — GB18030 CSV, UTF-16 text, .xlsx workbooks — give the same results as the
/// UTF-8 CSV of the same data.
@Suite struct ExcelInputTests {
  static let pack = CLIPaths.repository + "/RulePacks/dazhou/pack.json"
  static let utf8 = CLIPaths.repository + "/Examples/data/dazhou.csv"
  static let workbooks = CLIPaths.repository + "/Tests/PartyBuildingKitTests/Fixtures/Excel"

  static func text(_ path: String) -> String {
    String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
  }

  static func write(_ data: Data, _ name: String) -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pbk-excel-\(UInt64.random(in: 0...UInt64.max))")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let path = folder.appendingPathComponent(name).path
    FileManager.default.createFile(atPath: path, contents: data)
    return path
  }

  static var expected: Run { Run("evaluate", "--pack", pack, "--input", utf8, "--format", "csv") }

  @Test(arguments: ["dazhou-libreoffice.xlsx", "dazhou-openpyxl.xlsx", "dazhou-title.xlsx"])
  func aWorkbookGivesTheSameResultsAsTheCSV(_ name: String) {
    let run = Run("evaluate", "--pack", Self.pack, "--input", Self.workbooks + "/" + name, "--format", "csv")
    #expect(run.code == 0)
    #expect(run.out == Self.expected.out)
    #expect(run.err.contains("11 read: 11 assessed, 0 rejected (sheet '"))
  }

  @Test func aWorkbooksTitleRowsAndSheetAreSaid() {
    let run = Run("evaluate", "--pack", Self.pack, "--input", Self.workbooks + "/dazhou-title.xlsx", "--format", "csv")
    #expect(run.err.hasSuffix("(sheet '考核数据', header on row 3)\n"))
    let given = Run(
      "evaluate", "--pack", Self.pack, "--input", Self.workbooks + "/dazhou-title.xlsx", "--sheet", "考核数据", "--header-row", "3",
      "--format", "csv")
    #expect(given.out == Self.expected.out)
  }

  @Test func aGB18030FileGivesTheSameResults() throws {
    let text = Self.text(Self.utf8).replacingOccurrences(of: "\u{FEFF}", with: "")
    let gbk = try #require(text.data(using: String.Encoding(rawValue: 0x8000_0632)))
    let run = Run("evaluate", "--pack", Self.pack, "--input", Self.write(gbk, "gbk.csv"), "--format", "csv")
    #expect(run.code == 0)
    #expect(run.out == Self.expected.out)
    #expect(run.err.hasSuffix("11 read: 11 assessed, 0 rejected (read as GB18030)\n"))
  }

  @Test func unicodeTextFromExcelGivesTheSameResults() throws {
    let text = Self.text(Self.utf8).replacingOccurrences(of: "\u{FEFF}", with: "").replacingOccurrences(of: ",", with: "\t")
    let utf16 = try #require(text.data(using: .utf16))
    let run = Run("evaluate", "--pack", Self.pack, "--input", Self.write(utf16, "unicode.txt"), "--format", "csv")
    #expect(run.out == Self.expected.out)
    #expect(run.err.hasSuffix("(read as UTF-16)\n"))
  }

  @Test func aStrayByteInAUTF8FileRejectsItsRowOnly() {
    var bytes = [UInt8](Self.text(Self.utf8).utf8)
    let third = bytes.indices.filter { bytes[$0] == 0x0A }[2] + 8
    bytes.insert(0xFF, at: third)
    let run = Run("evaluate", "--pack", Self.pack, "--input", Self.write(Data(bytes), "stray.csv"), "--format", "csv")
    #expect(run.err.contains("line 4, column 2: the cell is not UTF-8 text"))
    #expect(run.err.hasSuffix("11 read: 10 assessed, 1 rejected\n"))
  }

  @Test func anOldExcelFileIsRefusedWithWhatToDo() {
    let xls = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504))
    let run = Run("evaluate", "--pack", Self.pack, "--input", Self.write(xls, "old.xls"), "--format", "csv")
    #expect(run.code == 1)
    #expect(run.err.contains("this is an old Excel workbook (.xls)"))
    #expect(run.err.contains("Excel 工作簿 (*.xlsx)"))
  }

  @Test func aWorkbookOfTextCellsReadsAsTheCSV() throws {
    var writer = try XLSXWriter(sheetName: "数据", properties: XLSXDocumentProperties(title: "t", creator: "c"))
    let header = Self.text(Self.utf8).replacingOccurrences(of: "\u{FEFF}", with: "").split(whereSeparator: \.isNewline)
    let names = header[0].split(separator: ",").map(String.init)
    try writer.appendRow(names.map { .text($0) })
    for line in header.dropFirst() {
      try writer.appendRow(line.split(separator: ",", omittingEmptySubsequences: false).map { .text(String($0)) })
    }
    let path = Self.write(Data(try writer.write()), "written.xlsx")
    let run = Run("evaluate", "--pack", Self.pack, "--input", path, "--format", "csv")
    // Cells written as text read as the CSV's text does.
    #expect(run.out == Self.expected.out)
  }
}
