@testable import PartyBuildingKit

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Helpers shared by the Excel tests: fixture paths, and a bit writer for hand-made DEFLATE streams.
enum ExcelFixtures {
  /// The directory of the Excel fixtures.
  static let directory = Paths.fixtures + "/Excel"

  /// The bytes of a fixture file under `Fixtures/Excel/`, or an empty array when it is missing.
  static func bytes(_ relative: String) -> [UInt8] {
    FileManager.default.contents(atPath: directory + "/" + relative).map { [UInt8]($0) } ?? []
  }

  /// The bytes of a file of the repository, like `Examples/data/dazhou.csv`.
  static func repositoryFile(_ relative: String) -> [UInt8] {
    FileManager.default.contents(atPath: Paths.repository + "/" + relative).map { [UInt8]($0) } ?? []
  }
}

/// Writes bits least-significant first, to build DEFLATE streams by hand in tests.
struct TestBitWriter {
  var bytes: [UInt8] = []
  private var buffer: UInt64 = 0
  private var used = 0

  /// Appends the low `count` bits of `value`, first bit lowest (for header fields and extra bits).
  mutating func bits(_ value: Int, _ count: Int) {
    for bit in 0..<count { push((value >> bit) & 1) }
  }

  /// Appends a Huffman code of `length` bits, most significant bit first.
  mutating func code(_ value: Int, _ length: Int) {
    for bit in stride(from: length - 1, through: 0, by: -1) { push((value >> bit) & 1) }
  }

  /// Appends a literal/length symbol with the fixed code.
  mutating func fixedSymbol(_ symbol: Int) {
    switch symbol {
    case 0..<144: code(0x30 + symbol, 8)
    case 144..<256: code(0x190 + symbol - 144, 9)
    case 256..<280: code(symbol - 256, 7)
    default: code(0xC0 + symbol - 280, 8)
    }
  }

  /// Pads to a byte boundary and returns the bytes.
  mutating func finish() -> [UInt8] {
    while used != 0 { push(0) }
    return bytes
  }

  private mutating func push(_ bit: Int) {
    buffer |= UInt64(bit) << UInt64(used)
    used += 1
    if used == 8 {
      bytes.append(UInt8(buffer))
      buffer = 0
      used = 0
    }
  }
}

/// Builds small workbooks in memory from hand-written parts, with the package's own ZIP writer.
enum TestWorkbook {
  static let main = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
  static let relsNS = "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""

  /// A worksheet part around `sheetData` content.
  static func sheet(_ rows: String) -> String {
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<worksheet \(main) \(relsNS)><dimension ref=\"A1\"/>"
      + "<sheetData>\(rows)</sheetData><mergeCells count=\"0\"/></worksheet>"
  }

  /// The parts of a workbook whose sheets have the given names and sheet XML, with optional shared strings and
  /// styles; `extra` parts are added as they are.
  static func parts(
    sheets: [(name: String, xml: String)], sharedStrings: String? = nil, styles: String? = nil,
    extra: [(String, String)] = []
  ) -> [(String, [UInt8])] {
    var workbook = "<workbook \(main) \(relsNS)><sheets>"
    var rels = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    var types =
      "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
      + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
      + "<Override PartName=\"/xl/workbook.xml\" "
      + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
    var parts: [(String, [UInt8])] = []
    let type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    for (index, sheet) in sheets.enumerated() {
      workbook += "<sheet name=\"\(sheet.name)\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
      rels +=
        "<Relationship Id=\"rId\(index + 1)\" Type=\"\(type)worksheet\" Target=\"worksheets/sheet\(index + 1).xml\"/>"
      parts.append(("xl/worksheets/sheet\(index + 1).xml", Array(sheet.xml.utf8)))
    }
    if let sharedStrings {
      rels += "<Relationship Id=\"rId100\" Type=\"\(type)sharedStrings\" Target=\"/xl/sharedStrings.xml\"/>"
      parts.append(("xl/sharedStrings.xml", Array(sharedStrings.utf8)))
    }
    if let styles {
      rels += "<Relationship Id=\"rId101\" Type=\"\(type)styles\" Target=\"./styles.xml\"/>"
      parts.append(("xl/styles.xml", Array(styles.utf8)))
    }
    workbook += "</sheets></workbook>"
    rels += "</Relationships>"
    types += "</Types>"
    let root =
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      + "<Relationship Id=\"rId1\" Type=\"\(type)officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
    return [
      ("[Content_Types].xml", Array(types.utf8)), ("_rels/.rels", Array(root.utf8)),
      ("xl/workbook.xml", Array(workbook.utf8)), ("xl/_rels/workbook.xml.rels", Array(rels.utf8)),
    ] + parts + extra.map { ($0.0, Array($0.1.utf8)) }
  }

  /// A ZIP archive of the parts, stored or deflated.
  static func zip(_ parts: [(String, [UInt8])], compress: Bool = false) throws -> [UInt8] {
    var writer = ZipWriter()
    for (name, contents) in parts { try writer.add(name: name, contents: contents, compress: compress) }
    return try writer.finish()
  }

  /// A one-sheet workbook ("Sheet1") with this sheetData content.
  static func bytes(
    rows: String, sharedStrings: String? = nil, styles: String? = nil, compress: Bool = false
  ) throws -> [UInt8] {
    try zip(
      parts(sheets: [("Sheet1", sheet(rows))], sharedStrings: sharedStrings, styles: styles), compress: compress)
  }

  /// Every row of the default sheet, failing on the first problem.
  static func rows(_ bytes: [UInt8], from firstRow: Int = 1) throws -> [XLSXRow] {
    var reader = try XLSXWorkbook(bytes: bytes).rows(ofSheetNamed: nil, from: firstRow)
    var rows: [XLSXRow] = []
    while let row = try reader.nextRow() { rows.append(row) }
    return rows
  }

  /// Every row of the default sheet, with each problem in place of its row (as `.failure`).
  static func rowsAndProblems(_ bytes: [UInt8]) throws -> [Result<XLSXRow, ExcelError>] {
    var reader = try XLSXWorkbook(bytes: bytes).rows(ofSheetNamed: nil)
    var results: [Result<XLSXRow, ExcelError>] = []
    while !reader.isFinished {
      do {
        guard let row = try reader.nextRow() else { break }
        results.append(.success(row))
      } catch {
        results.append(.failure(error))
      }
    }
    return results
  }
}
