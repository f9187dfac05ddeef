#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
import SeededRandom
import Testing

@testable import PartyBuildingKit

/// Reads every record, or returns the first error.
private func readAll(_ reader: inout CSVReader) -> Result<[CSVRecord], CSVError> {
  var records: [CSVRecord] = []
  do {
    while let record = try reader.next() { records.append(record) }
    return .success(records)
  } catch {
    return .failure(error)
  }
}

private func readAll(_ bytes: [UInt8]) -> Result<[CSVRecord], CSVError> {
  var reader = CSVReader(bytes: bytes)
  return readAll(&reader)
}

/// Reads the bytes through the chunked path, `chunkSize` bytes per read.
private func readAll(_ bytes: [UInt8], chunkSize: Int) -> Result<[CSVRecord], CSVError> {
  var reader = CSVReader(
    source: CSVChunkedMemorySource(bytes: bytes, chunkSize: chunkSize), chunkSize: chunkSize)
  return readAll(&reader)
}

/// A temporary file that is removed when the test ends.
private struct TemporaryFile: ~Copyable {
  let path: String

  init(_ bytes: [UInt8]) throws {
    path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "pbk-csv-\(UInt64.random(in: 0...UInt64.max)).csv"
    ).path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// A CSV input and the records it must produce: (fields, line, number).
struct CSVFixture: CustomTestStringConvertible, Sendable {
  var name: String
  var input: [UInt8]
  var records: [CSVRecord]

  init(_ name: String, _ input: String, _ records: [([String], Int)]) {
    self.init(name, bytes: Array(input.utf8), records)
  }

  init(_ name: String, bytes: [UInt8], _ records: [([String], Int)]) {
    self.name = name
    self.input = bytes
    self.records = records.enumerated().map { CSVRecord(fields: $1.0, line: $1.1, number: $0 + 1) }
  }

  var testDescription: String { name }
}

/// An invalid CSV input and the exact error description it must produce.
struct CSVErrorFixture: CustomTestStringConvertible, Sendable {
  var name: String
  var input: [UInt8]
  var expected: String
  /// Records that must be read before the error.
  var recordsBefore: Int

  init(_ name: String, _ input: String, _ expected: String, after recordsBefore: Int) {
    self.init(name, bytes: Array(input.utf8), expected, after: recordsBefore)
  }

  init(_ name: String, bytes: [UInt8], _ expected: String, after recordsBefore: Int) {
    self.name = name
    self.input = bytes
    self.expected = expected
    self.recordsBefore = recordsBefore
  }

  var testDescription: String { name }
}

/// "书记" (party secretary) as Excel saves it in GBK.
private let shujiInGBK: [UInt8] = [0xCA, 0xE9, 0xBC, 0xC7]

private let gbkMessage =
  "the file is not UTF-8 text (it may be GBK/GB18030, which Excel uses for 'CSV (逗号分隔)'); "
  + "save it as 'CSV UTF-8 (逗号分隔)' and try again"

@Suite struct CSVTests {
  static let fixtures: [CSVFixture] = [
    .init("simple LF", "id,name\n1,张三\n2,李四\n", [(["id", "name"], 1), (["1", "张三"], 2), (["2", "李四"], 3)]),
    .init("CRLF", "id,name\r\n1,张三\r\n", [(["id", "name"], 1), (["1", "张三"], 2)]),
    .init("lone CR", "id,name\r1,张三\r", [(["id", "name"], 1), (["1", "张三"], 2)]),
    .init("no final line end", "a,b\n1,2", [(["a", "b"], 1), (["1", "2"], 2)]),
    .init("byte order mark", bytes: [0xEF, 0xBB, 0xBF] + Array("支部,得分\r\n一支部,85.50\r\n".utf8), [(["支部", "得分"], 1), (["一支部", "85.50"], 2)]),
    .init("empty fields", "a,,c\n,,\n,x\n", [(["a", "", "c"], 1), (["", "", ""], 2), (["", "x"], 3)]),
    .init("trailing comma", "a,b,\n1,2,\n", [(["a", "b", ""], 1), (["1", "2", ""], 2)]),
    .init("quoted comma", "name,note\n\"张三\",\"优秀, 按时\"\n", [(["name", "note"], 1), (["张三", "优秀, 按时"], 2)]),
    .init("doubled quotes", "a\n\"say \"\"hi\"\"\"\n\"\"\"\"\n", [(["a"], 1), (["say \"hi\""], 2), (["\""], 3)]),
    .init("empty quoted field", "\"\",\"\"\n\"\"\n", [(["", ""], 1), ([""], 2)]),
    .init("embedded LF and following lines", "id,note\n1,\"line one\nline two\nline three\"\n2,ok\n3,\"x\"\n", [(["id", "note"], 1), (["1", "line one\nline two\nline three"], 2), (["2", "ok"], 5), (["3", "x"], 6)]),
    .init("embedded CRLF kept", "a,\"x\r\ny\"\r\nb,c\r\n", [(["a", "x\r\ny"], 1), (["b", "c"], 3)]),
    .init("embedded lone CR counts a line", "\"x\ry\",1\nz,2\n", [(["x\ry", "1"], 1), (["z", "2"], 3)]),
    .init("blank lines skipped but counted", "a\n\n\nb\r\n\r\nc\n", [(["a"], 1), (["b"], 4), (["c"], 6)]),
    .init("blank lines at start", "\n\r\nh\n", [(["h"], 3)]),
    .init("blank last lines", "a\n\n\n", [(["a"], 1)]),
    .init("whitespace is data", "  ,\t\n a , b \n", [(["  ", "\t"], 1), ([" a ", " b "], 2)]),
    .init("empty input", "", []),
    .init("only a byte order mark", bytes: [0xEF, 0xBB, 0xBF], []),
    .init("only line ends", "\r\n\n\r", []),
    .init("quoted field at end without line end", "a,\"b\"", [(["a", "b"], 1)]),
    .init("quoted then empty last field", "\"a\",\n", [(["a", ""], 1)]),
    .init("Chinese and emoji", "党支部,评语\n第一党支部,\"好😀,很好\"\n", [(["党支部", "评语"], 1), (["第一党支部", "好😀,很好"], 2)]),
  ]

  @Test(arguments: fixtures)
  func readsRecordsWithLinesAndNumbers(fixture: CSVFixture) throws {
    let records = try readAll(fixture.input).get()
    #expect(records == fixture.records)
  }

  @Test(arguments: fixtures)
  func recordsMaySpanChunkBoundaries(fixture: CSVFixture) throws {
    for chunkSize in [1, 2, 3, 4, 5, 7, 16] {
      let records = try readAll(fixture.input, chunkSize: chunkSize).get()
      #expect(records == fixture.records, "chunk size \(chunkSize)")
    }
  }

  static let errorFixtures: [CSVErrorFixture] = [
    .init("quote inside unquoted field", "name,note\n张三,他说\"好\"\n", "line 2, column 2: a quote inside a field that does not start with one; wrap the field in double quotes and double the inner quote", after: 1),
    .init("space before opening quote", "a, \"b\"\n", "line 1, column 2: a quote inside a field that does not start with one; wrap the field in double quotes and double the inner quote", after: 0),
    .init("text after closing quote", "a,\"b\"c\n", "line 1, column 2: text follows the closing quote of a quoted field; put the whole field in double quotes and double every quote inside it (\"\")", after: 0),
    .init("unterminated quoted field", "id,note\n1,ok\n2,\"never closed\n3,x\n4,y\n", "line 3, column 2: the quoted field that starts on line 3 is never closed; add the closing double quote (the file may be truncated)", after: 2),
    .init("unterminated at the very end", "a,\"", "line 1, column 2: the quoted field that starts on line 1 is never closed; add the closing double quote (the file may be truncated)", after: 0),
    .init("GBK on line 3", bytes: Array("name,role\nzhang,member\nli,".utf8) + shujiInGBK + Array("\n".utf8), "line 3, column 2: " + gbkMessage, after: 2),
    .init("GBK in a quoted field after a line break", bytes: Array("a,b\n1,\"x\n".utf8) + shujiInGBK + Array("\"\n".utf8), "line 3, column 2: " + gbkMessage, after: 1),
    .init("GBK in a quoted field with doubled quotes", bytes: Array("\"\"\"".utf8) + shujiInGBK + Array("\"\n".utf8), "line 1, column 1: " + gbkMessage, after: 0),
    .init("GBK header", bytes: shujiInGBK + Array(",x\n".utf8), "line 1, column 1: " + gbkMessage, after: 0),
    .init("UTF-16 file", bytes: [0xFF, 0xFE, 0x61, 0x00, 0x0A, 0x00], "line 1: the file is UTF-16 text (Excel's 'Unicode 文本'), not UTF-8; save it as 'CSV UTF-8 (逗号分隔)' and try again", after: 0),
  ]

  @Test(arguments: errorFixtures)
  func errorsNameTheLineAndField(fixture: CSVErrorFixture) throws {
    for chunkSize in [nil, 1, 2, 3, 8, 64] {
      var reader =
        chunkSize.map {
          CSVReader(source: CSVChunkedMemorySource(bytes: fixture.input, chunkSize: $0), chunkSize: $0)
        } ?? CSVReader(bytes: fixture.input)
      var read = 0
      do {
        while try reader.next() != nil { read += 1 }
        Issue.record("expected an error (chunk size \(String(describing: chunkSize)))")
      } catch {
        #expect(error.description == fixture.expected, "chunk size \(String(describing: chunkSize))")
        #expect(read == fixture.recordsBefore)
      }
    }
  }

  @Test func gbkErrorReadsLikeTheBrief() {
    let bytes = Array("姓名,职务\n张三,党员\n李四,".utf8) + shujiInGBK + Array("\n".utf8)
    guard case .failure(let error) = readAll(bytes) else {
      Issue.record("expected an error")
      return
    }
    #expect(error.line == 3)
    #expect(error.column == 2)
    #expect(error.message == gbkMessage)
  }

  @Test func recordsOfEmptyFieldsAreBlank() throws {
    let records = try readAll(Array("a,b\n,\n1,\n".utf8)).get()
    #expect(records.map(\.isBlank) == [false, true, false])
  }

  @Test func errorDescriptions() {
    #expect(CSVError(message: "m", line: 3, column: 2).description == "line 3, column 2: m")
    #expect(CSVError(message: "m", line: 3).description == "line 3: m")
    #expect(CSVError(message: "cannot open 'x.csv': no such file", line: 0).description == "cannot open 'x.csv': no such file")
  }

  // MARK: Files

  @Test func readsFilesInChunks() throws {
    var text = "\u{FEFF}编号,支部,备注\r\n"
    var expected = [CSVRecord(fields: ["编号", "支部", "备注"], line: 1, number: 1)]
    var line = 2
    for i in 1...300 {
      let note = i % 7 == 0 ? "第\(i)条\n换行, \"引号\"" : "备注\(i)"
      text += "\(i),第\(i)党支部,\(CSVWriter.field(note))\r\n"
      expected.append(CSVRecord(fields: ["\(i)", "第\(i)党支部", note], line: line, number: i + 1))
      line += i % 7 == 0 ? 2 : 1
    }
    let file = try TemporaryFile(Array(text.utf8))
    for chunkSize in [1, 3, 64, 1000, CSVReader.defaultChunkSize] {
      var reader = try CSVReader(path: file.path, chunkSize: chunkSize)
      #expect(try readAll(&reader).get() == expected, "chunk size \(chunkSize)")
    }
    var reader = try CSVReader(path: file.path)
    #expect(try readAll(&reader).get() == expected)
  }

  @Test func bufferStaysSmallForShortRecords() throws {
    var text = ""
    for i in 0..<5_000 { text += "\(i),abc,\"d,e\"\n" }
    var reader = CSVReader(
      source: CSVChunkedMemorySource(bytes: Array(text.utf8), chunkSize: 64), chunkSize: 64)
    var count = 0
    while try reader.next() != nil { count += 1 }
    #expect(count == 5_000)
    #expect(reader.bufferCapacity == 64)
  }

  @Test func bufferGrowsForOneLongRecordOnly() throws {
    let long = String(repeating: "长文本,\"\"", count: 2_000)
    let text = "a,b\n1,\(CSVWriter.field(long))\n2,x\n"
    var reader = CSVReader(
      source: CSVChunkedMemorySource(bytes: Array(text.utf8), chunkSize: 100), chunkSize: 100)
    let records = try readAll(&reader).get()
    #expect(records.map(\.fields) == [["a", "b"], ["1", long], ["2", "x"]])
    #expect(reader.bufferCapacity >= long.utf8.count)
    #expect(reader.bufferCapacity <= 4 * long.utf8.count)
  }

  @Test func randomInputsReadTheSameInEveryChunkSize() {
    var random = SplitMix64(seed: 42)
    let pieces = ["a", "bc", ",", "\"", "\"\"", "\n", "\r", "\r\n", "书", " "]
    for _ in 0..<3_000 {
      let length = Int(random.next() % 24)
      let text = (0..<length).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
      let bytes = Array(text.utf8)
      let whole = readAll(bytes)
      for chunkSize in [1, 2, 3] {
        #expect(readAll(bytes, chunkSize: chunkSize) == whole, "\(text.debugDescription)")
      }
      if case .success(let records) = whole {
        // Every record read back must write and read again to the same fields.
        let rewritten = Array(records.map { CSVWriter.row($0.fields) }.joined().utf8)
        #expect((try? readAll(rewritten).get().map(\.fields)) == records.map(\.fields))
      }
    }
  }

  @Test func missingFileIsReported() {
    #expect(throws: CSVError(message: "cannot open '/nonexistent/x.csv': no such file", line: 0)) {
      _ = try CSVReader(path: "/nonexistent/x.csv")
    }
  }

  @Test func folderIsReported() {
    let folder = FileManager.default.temporaryDirectory.path
    #expect(throws: CSVError(message: "cannot open '\(folder)': it is a folder, not a file", line: 0)) {
      _ = try CSVReader(path: folder)
    }
  }

  // MARK: Writing

  @Test(arguments: [
    ("plain", "plain"),
    ("第一党支部", "第一党支部"),
    ("", ""),
    ("a,b", "\"a,b\""),
    ("say \"hi\"", "\"say \"\"hi\"\"\""),
    ("line\nbreak", "\"line\nbreak\""),
    ("cr\rhere", "\"cr\rhere\""),
    (" leading", "\" leading\""),
    ("trailing ", "\"trailing \""),
    ("\ttab", "\"\ttab\""),
    ("in side", "in side"),
    ("85.50", "85.50"),
  ])
  func fieldsAreQuotedOnlyWhenNeeded(input: String, expected: String) {
    #expect(CSVWriter.field(input) == expected)
  }

  @Test func rowsUseCRLF() {
    #expect(CSVWriter.row(["a", "b,c", "书记"]) == "a,\"b,c\",书记\r\n")
    #expect(CSVWriter.row([]) == "\r\n")
    #expect(CSVWriter.row([""]) == "\"\"\r\n")
    #expect(CSVWriter.row(["", ""]) == ",\r\n")
    #expect(CSVWriter.byteOrderMark.utf8.elementsEqual([0xEF, 0xBB, 0xBF]))
  }

  @Test func writtenRowsReadBackUnchanged() throws {
    let rows: [[String]] = [
      ["编号", "支部", "评语"],
      ["1", "第一党支部", "优秀, 按时完成"],
      ["2", "", "他说\"好\""],
      [""],
      ["3", " 前后有空格 ", "多行\n文本\r\n第三行"],
      ["", "", ""],
      ["\"", "\"\"", ","],
      ["4", "😀", "end"],
    ]
    let text = CSVWriter.byteOrderMark + rows.map(CSVWriter.row).joined()
    let bytes = Array(text.utf8)
    for chunkSize in [nil, 1, 5] {
      let records =
        try (chunkSize.map { readAll(bytes, chunkSize: $0) } ?? readAll(bytes)).get()
      #expect(records.map(\.fields) == rows)
      #expect(records.map(\.line) == [1, 2, 3, 4, 5, 8, 9, 10])
      #expect(records.map(\.number) == Array(1...8))
    }
  }
}
