import SeededRandom
import Testing

@testable import PartyBuildingKit

/// ZIP reading and writing, and every way a file can fail to be a readable workbook.
@Suite struct ZipArchiveTests {
  /// A raw archive whose entries carry the given method, data, CRC-32 and declared size, as a test wants them.
  static func rawZip(_ entries: [(name: String, method: UInt16, data: [UInt8], crc: UInt32, size: Int)]) -> [UInt8] {
    var archive: [UInt8] = []
    var directory: [UInt8] = []
    for entry in entries {
      let name = Array(entry.name.utf8)
      let offset = archive.count
      for (target, signature) in [(0, 0x0403_4B50), (1, 0x0201_4B50)] as [(Int, UInt32)] {
        var record: [UInt8] = []
        record.appendUInt32(signature)
        if target == 1 { record.appendUInt16(20) }
        record.appendUInt16(20)
        record.appendUInt16(0x0800)
        record.appendUInt16(entry.method)
        record.appendUInt16(0)
        record.appendUInt16(0x21)
        record.appendUInt32(entry.crc)
        record.appendUInt32(UInt32(entry.data.count))
        record.appendUInt32(UInt32(entry.size))
        record.appendUInt16(UInt16(name.count))
        record.appendUInt16(0)
        if target == 1 {
          record += [UInt8](repeating: 0, count: 10)  // comment length, disk, attributes
          record.appendUInt32(UInt32(offset))
          directory += record + name
        } else {
          archive += record + name + entry.data
        }
      }
    }
    let directoryOffset = archive.count
    archive += directory
    archive.appendUInt32(0x0605_4B50)
    archive += [0, 0, 0, 0]
    archive.appendUInt16(UInt16(entries.count))
    archive.appendUInt16(UInt16(entries.count))
    archive.appendUInt32(UInt32(directory.count))
    archive.appendUInt32(UInt32(directoryOffset))
    archive.appendUInt16(0)
    return archive
  }

  /// The offset of the central directory record of the named entry.
  static func centralRecord(of name: String, in bytes: [UInt8]) -> Int? {
    let wanted = Array(name.utf8)
    for offset in 0..<(bytes.count - 46) where bytes.uint32(at: offset) == 0x0201_4B50 {
      let length = Int(bytes.uint16(at: offset + 28))
      if Array(bytes[(offset + 46)..<min(bytes.count, offset + 46 + length)]) == wanted { return offset }
    }
    return nil
  }

  static func sampleWorkbook(compress: Bool = false) throws -> [UInt8] {
    try TestWorkbook.bytes(rows: "<row r=\"1\"><c r=\"A1\"><v>12345</v></c></row>", compress: compress)
  }

  @Test func writerAndReaderAgree() throws {
    var writer = ZipWriter(
      timestamp: try #require(ExcelTimestamp(year: 2025, month: 3, day: 31, hour: 17, minute: 5, second: 59)))
    try writer.add(name: "a.txt", contents: Array("hello".utf8))
    try writer.add(name: "目录/数据.xml", contents: [UInt8](repeating: 0x41, count: 10_000), compress: true)
    try writer.add(name: "empty", contents: [], compress: true)
    let bytes = try writer.finish()
    let archive = try ZipArchive(bytes: bytes)
    #expect(archive.entries.map(\.name) == ["a.txt", "目录/数据.xml", "empty"])
    #expect(archive.entries.map(\.method) == [0, 8, 0])
    #expect(archive.entries.allSatisfy { $0.flags == 0x0800 })
    #expect(try archive.contents(ofEntryNamed: "A.TXT") == Array("hello".utf8))
    #expect(try archive.contents(ofEntryNamed: "目录/数据.xml") == [UInt8](repeating: 0x41, count: 10_000))
    #expect(try archive.contents(ofEntryNamed: "empty") == [])
    #expect(try archive.contents(ofEntryNamed: "missing") == nil)
    // DOS time 17:05:58 and date 2025-03-31 in the first local header.
    #expect(bytes.uint16(at: 10) == UInt16(17 << 11 | 5 << 5 | 29))
    #expect(bytes.uint16(at: 12) == UInt16(45 << 9 | 3 << 5 | 31))
    #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
  }

  @Test func endRecordWithACommentIsFound() throws {
    var bytes = try Self.sampleWorkbook()
    let comment = Array("written by a tool that leaves comments; PK\u{5}\u{6} inside".utf8)
    bytes[bytes.count - 2] = UInt8(comment.count)
    bytes += comment
    #expect(try TestWorkbook.rows(bytes).first?.cells == [.number("12345")])
  }

  @Test func truncatedFiles() throws {
    let bytes = ExcelFixtures.bytes("dazhou-openpyxl.xlsx")
    #expect(throws: ExcelError.damagedArchive(.noEndRecord)) { try XLSXWorkbook(bytes: Array(bytes.dropLast(10))) }
    for length in stride(from: 0, to: bytes.count, by: 211) {
      #expect(throws: ExcelError.self) { try XLSXWorkbook(bytes: Array(bytes.prefix(length))) }
    }
    // A central directory that points past its own end record, and one that points into the data.
    var shifted = bytes
    shifted[shifted.count - 4] &+= 0x10
    #expect(throws: ExcelError.damagedArchive(.centralDirectoryOutOfRange)) { try XLSXWorkbook(bytes: shifted) }
    shifted = bytes
    shifted[shifted.count - 6] &+= 0x40
    #expect(throws: ExcelError.damagedArchive(.badCentralEntry(0))) { try XLSXWorkbook(bytes: shifted) }
  }

  @Test func badChecksum() throws {
    var bytes = try Self.sampleWorkbook()
    let digits = Array("12345".utf8)
    let offset = try #require((0..<bytes.count).first { Array(bytes[$0..<min(bytes.count, $0 + 5)]) == digits })
    bytes[offset] = UInt8(ascii: "9")
    let workbook = try XLSXWorkbook(bytes: bytes)
    #expect {
      try workbook.rows(ofSheetNamed: nil)
    } throws: { error in
      guard case .checksumMismatch(let entry, let expected, let actual) = error as? ExcelError else { return false }
      return entry == "xl/worksheets/sheet1.xml" && expected != actual
    }
    #expect(
      ExcelError.checksumMismatch(entry: "xl/worksheets/sheet1.xml", expected: 0xAB, actual: 0x1234_5678).message
        == "entry 'xl/worksheets/sheet1.xml' fails its CRC-32 check (expected 0x000000AB, computed 0x12345678); the "
        + "file is damaged (工作簿文件已损坏): if it was copied or downloaded, copy it again; otherwise open it in Excel "
        + "or WPS, let it repair the file, and save it via 文件 → 另存为 → Excel 工作簿 (*.xlsx)")
  }

  @Test func encryptedEntry() throws {
    var bytes = try Self.sampleWorkbook()
    let record = try #require(Self.centralRecord(of: "[Content_Types].xml", in: bytes))
    bytes[record + 8] |= 1
    #expect(throws: ExcelError.encrypted(entry: "[Content_Types].xml")) { try XLSXWorkbook(bytes: bytes) }
  }

  @Test func unknownMethod() throws {
    var bytes = try Self.sampleWorkbook()
    let record = try #require(Self.centralRecord(of: "xl/workbook.xml", in: bytes))
    bytes[record + 10] = 12
    #expect(throws: ExcelError.unsupportedCompression(entry: "xl/workbook.xml", method: 12)) {
      try XLSXWorkbook(bytes: bytes)
    }
    #expect(
      ExcelError.unsupportedCompression(entry: "xl/workbook.xml", method: 12).message
        == "entry 'xl/workbook.xml' is compressed with method 12 (bzip2), but only stored (0) and deflate (8) are "
        + "supported (压缩方式不受支持); open it in Excel or WPS and save it via 文件 → 另存为 → Excel 工作簿 (*.xlsx), or as "
        + "CSV UTF-8 (逗号分隔)")
  }

  @Test func legacyAndEncryptedCompoundFiles() {
    let header = OfficeCompoundFile.magic + [UInt8](repeating: 0, count: 504)
    func stream(_ name: String) -> [UInt8] { name.utf16.flatMap { [UInt8(truncatingIfNeeded: $0), UInt8($0 >> 8)] } }
    #expect(throws: ExcelError.legacyXLS) { try XLSXWorkbook(bytes: header + stream("Workbook")) }
    #expect(throws: ExcelError.encrypted(entry: nil)) {
      try XLSXWorkbook(bytes: header + stream("EncryptionInfo") + stream("EncryptedPackage"))
    }
    #expect(
      ExcelError.legacyXLS.message
        == "the file is an Excel 97–2003 workbook (.xls), which is not supported (不支持 .xls 旧格式, 请另存为 .xlsx); open "
        + "it in Excel or WPS and save it via 文件 → 另存为 → Excel 工作簿 (*.xlsx), or as CSV UTF-8 (逗号分隔)")
    #expect(
      ExcelError.encrypted(entry: nil).message
        == "the workbook is encrypted (工作簿已加密, 请去掉密码后另存); open it in Excel or WPS with its password, remove the "
        + "password, and save an unencrypted copy via 文件 → 另存为 → Excel 工作簿 (*.xlsx), or as CSV UTF-8")
  }

  @Test func randomBytesAndOtherFiles() throws {
    var random = SplitMix64(seed: 7)
    for length in [0, 1, 21, 22, 100, 5_000] {
      let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: random.next()) }
      #expect(throws: ExcelError.notAWorkbook) { try XLSXWorkbook(bytes: bytes) }
      #expect(throws: ExcelError.damagedArchive(.noEndRecord)) { try XLSXWorkbook(bytes: [0x50, 0x4B, 3, 4] + bytes) }
    }
    #expect(throws: ExcelError.notAWorkbook) {
      try XLSXWorkbook(bytes: ExcelFixtures.repositoryFile("Examples/data/dazhou.csv"))
    }
    #expect(
      ExcelError.notAWorkbook.message
        == "the file is not an Excel workbook (.xlsx) (文件不是 Excel 工作簿); open it in Excel or WPS and save it via 文件 "
        + "→ 另存为 → Excel 工作簿 (*.xlsx), or as CSV UTF-8 (逗号分隔)")
  }

  @Test func otherZipFormats() throws {
    let ods = try TestWorkbook.zip([("mimetype", Array("application/vnd.oasis.opendocument.spreadsheet".utf8))])
    #expect(throws: ExcelError.otherSpreadsheetFormat(.openDocument)) { try XLSXWorkbook(bytes: ods) }
    let xlsb = try TestWorkbook.zip([("[Content_Types].xml", []), ("xl/workbook.bin", [1, 2, 3])])
    #expect(throws: ExcelError.otherSpreadsheetFormat(.binaryWorkbook)) { try XLSXWorkbook(bytes: xlsb) }
    let empty = try TestWorkbook.zip([("readme.txt", [])])
    #expect(throws: ExcelError.missingPart("[Content_Types].xml")) { try XLSXWorkbook(bytes: empty) }
    var parts = TestWorkbook.parts(sheets: [])
    #expect(throws: ExcelError.noSheets) { try XLSXWorkbook(bytes: TestWorkbook.zip(parts)).sheet() }
    parts.remove(at: 2)
    #expect(throws: ExcelError.missingPart("xl/workbook.xml")) { try XLSXWorkbook(bytes: TestWorkbook.zip(parts)) }
  }

  @Test func zip64AndSplitArchivesAreRefused() throws {
    var bytes = try Self.sampleWorkbook()
    let end = bytes.count - 22
    bytes[end + 10] = 0xFF
    bytes[end + 11] = 0xFF
    #expect(throws: ExcelError.zip64) { try XLSXWorkbook(bytes: bytes) }
    var split = try Self.sampleWorkbook()
    split[split.count - 22 + 4] = 1
    #expect(throws: ExcelError.damagedArchive(.splitArchive)) { try XLSXWorkbook(bytes: split) }
  }

  /// A deflate stream of `1 + 258 × runs` bytes "a": a literal, then `runs` copies of 258 at distance 1.
  static func run(_ runs: Int) -> [UInt8] {
    var writer = TestBitWriter()
    writer.bits(1, 1)
    writer.bits(1, 2)
    writer.fixedSymbol(Int(UInt8(ascii: "a")))
    for _ in 0..<runs {
      writer.fixedSymbol(285)
      writer.code(0, 5)
    }
    writer.fixedSymbol(256)
    return writer.finish()
  }

  @Test func zipBombs() throws {
    let stream = Self.run(1_000)
    let output = [UInt8](repeating: UInt8(ascii: "a"), count: 258_001)
    let crc = CRC32.checksum(output)
    // Honest headers: reads, at a ratio of about 800:1.
    let honest = Self.rawZip([("bomb.xml", 8, stream, crc, output.count)])
    #expect(try ZipArchive(bytes: honest).contents(ofEntryNamed: "bomb.xml") == output)
    // Unpacking is capped at the declared size.
    let understated = Self.rawZip([("bomb.xml", 8, stream, crc, 1_000)])
    #expect(throws: ExcelError.damagedCompressedData(entry: "bomb.xml", .outputTooLarge(limit: 1_000))) {
      try ZipArchive(bytes: understated).contents(ofEntryNamed: "bomb.xml")
    }
    // A declared size no DEFLATE stream of that length can produce.
    let forged = Self.rawZip([("bomb.xml", 8, stream, crc, 500_000_000)])
    #expect(
      throws: ExcelError.implausibleRatio(
        entry: "bomb.xml", compressed: stream.count, uncompressed: 500_000_000, limit: 1_100)
    ) { try ZipArchive(bytes: forged).contents(ofEntryNamed: "bomb.xml") }
    // More than the total allowed, before anything is unpacked.
    let huge = Self.rawZip([("a", 8, stream, crc, 600_000_000), ("b", 8, stream, crc, 600_000_000)])
    #expect(throws: ExcelError.archiveTooLarge(declared: 1_200_000_000, limit: 1 << 30)) { try ZipArchive(bytes: huge) }
    let small = ZipLimits(maxTotalUncompressed: 100_000, maxRatio: 1_100)
    #expect(throws: ExcelError.archiveTooLarge(declared: 258_001, limit: 100_000)) {
      try ZipArchive(bytes: honest, limits: small)
    }
    // A stored entry whose sizes disagree.
    let stored = Self.rawZip([("s", 0, [1, 2, 3], CRC32.checksum([1, 2, 3]), 4)])
    #expect(throws: ExcelError.sizeMismatch(entry: "s", declared: 4, actual: 3)) {
      try ZipArchive(bytes: stored).contents(ofEntryNamed: "s")
    }
    // Deflate data that ends early.
    let cut = Self.rawZip([("c", 8, Array(stream.prefix(400)), crc, output.count)])
    #expect(throws: ExcelError.damagedCompressedData(entry: "c", .truncated)) {
      try ZipArchive(bytes: cut).contents(ofEntryNamed: "c")
    }
  }

  @Test func fuzzEntrySurvivesMutations() throws {
    let originals = [ExcelFixtures.bytes("dazhou-openpyxl.xlsx"), try Self.sampleWorkbook(compress: true)]
    var random = SplitMix64(seed: 2025)
    var survived = 0
    for original in originals {
      for round in 0..<150 {
        var bytes = original
        for _ in 0..<(1 + round % 8) {
          let position = random.next(below: bytes.count)
          bytes[position] ^= UInt8(truncatingIfNeeded: 1 << random.next(below: 8))
        }
        if round % 10 == 0 { bytes = Array(bytes.prefix(random.next(below: bytes.count))) }
        bytes.withUnsafeBytes { fuzzXLSX($0) }
        survived += 1
      }
    }
    #expect(survived == 300)
  }
}
