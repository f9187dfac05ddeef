import SeededRandom
import Testing

@testable import PartyBuildingKit

/// A CSV input and what reading it must give, record by record (or problem by problem).
struct CSVFixture: CustomTestStringConvertible, Sendable {
  var name: String
  var input: [UInt8]
  var expected: [String]

  init(_ name: String, _ input: String, _ expected: [String]) {
    self.init(name, bytes: Array(input.utf8), expected)
  }

  init(_ name: String, bytes: [UInt8], _ expected: [String]) {
    self.name = name
    self.input = bytes
    self.expected = expected
  }

  var testDescription: String { name }
}

/// "书记" (party secretary) as Excel saves it in GBK.
private let shujiInGBK: [UInt8] = [0xCA, 0xE9, 0xBC, 0xC7]

/// The one CSV tokenizer (CSVTokenizer.swift): records, lines, and resynchronising after a malformed record.
@Suite struct CSVTests {
  static func read(_ bytes: [UInt8], blockSize: Int? = nil, maxRecordBytes: Int = 1 << 20) -> [String] {
    CSVTokenizer(maxRecordBytes: maxRecordBytes).readAll(bytes, blockSize: blockSize).map(\.description)
  }

  static let fixtures: [CSVFixture] = [
    .init("simple LF", "id,name\n1,张三\n2,李四\n", [#"1: ["id", "name"]"#, #"2: ["1", "张三"]"#, #"3: ["2", "李四"]"#]),
    .init("CRLF", "id,name\r\n1,张三\r\n", [#"1: ["id", "name"]"#, #"2: ["1", "张三"]"#]),
    .init("lone CR", "id,name\r1,张三\r", [#"1: ["id", "name"]"#, #"2: ["1", "张三"]"#]),
    .init("mixed line ends", "a\r\nb\rc\nd", [#"1: ["a"]"#, #"2: ["b"]"#, #"3: ["c"]"#, #"4: ["d"]"#]),
    .init("no final line end", "a,b\n1,2", [#"1: ["a", "b"]"#, #"2: ["1", "2"]"#]),
    .init("byte order mark", bytes: [0xEF, 0xBB, 0xBF] + Array("支部,得分\r\n一支部,85.50\r\n".utf8), [#"1: ["支部", "得分"]"#, #"2: ["一支部", "85.50"]"#]),
    .init("empty fields", "a,,c\n,,\n,x\n", [#"1: ["a", "", "c"]"#, #"2: ["", "", ""]"#, #"3: ["", "x"]"#]),
    .init("quoted comma", "name,note\n\"张三\",\"优秀, 按时\"\n", [#"1: ["name", "note"]"#, #"2: ["张三", "优秀, 按时"]"#]),
    .init("doubled quotes", "a\n\"say \"\"hi\"\"\"\n\"\"\"\"\n", [#"1: ["a"]"#, #"2: ["say \"hi\""]"#, #"3: ["\""]"#]),
    .init("embedded LF and following lines", "id,note\n1,\"line one\nline two\"\n2,ok\n", [#"1: ["id", "note"]"#, #"2: ["1", "line one\nline two"]"#, #"4: ["2", "ok"]"#]),
    .init("embedded lone CR counts a line", "\"x\ry\",1\nz,2\n", [#"1: ["x\ry", "1"]"#, #"3: ["z", "2"]"#]),
    .init("blank lines skipped but counted", "a\n\n\nb\r\n\r\nc\n", [#"1: ["a"]"#, #"4: ["b"]"#, #"6: ["c"]"#]),
    .init("whitespace is data", "  ,\t\n a , b \n", [#"1: ["  ", "\t"]"#, #"2: [" a ", " b "]"#]),
    .init("empty input", "", []),
    .init("only line ends", "\r\n\n\r", []),
    .init("quoted field at end without line end", "a,\"b\"", [#"1: ["a", "b"]"#]),
    // Malformed records: reported with their line and column, and reading goes on with the next line.
    .init(
      "quote inside an unquoted cell", "name,note\n张三,他说\"好\"\n李四,x\n",
      [#"1: ["name", "note"]"#, "2:2: a quote inside a cell that does not start with one; wrap the cell in double quotes and double the inner quote (\"\")", #"3: ["李四", "x"]"#]),
    .init(
      "text after a closing quote", "a,\"b\"c\nd,e\n",
      ["1:2: text follows the closing quote of a quoted cell; put the whole cell in double quotes and double every quote inside it (\"\")", #"2: ["d", "e"]"#]),
    .init(
      "an unclosed quote names the line it opens on, and the rows after it are read",
      "id,note\n1,ok\n2,\"never closed\n3,x\n4,y\n",
      [#"1: ["id", "note"]"#, #"2: ["1", "ok"]"#,
       "3:2: the quoted cell that opens on line 3 is never closed; add the closing double quote (the file may be truncated). The rest of line 3 is skipped and reading goes on with the next line",
       #"4: ["3", "x"]"#, #"5: ["4", "y"]"#]),
    .init(
      "an unclosed quote on a later line of a record", "a,\"x\ny\",\"open\nb,c\n",
      ["2:3: the quoted cell that opens on line 2 is never closed; add the closing double quote (the file may be truncated). The rest of line 2 is skipped and reading goes on with the next line", #"3: ["b", "c"]"#]),
    .init(
      "an unclosed quote at the very end", "a,\"",
      ["1:2: the quoted cell that opens on line 1 is never closed; add the closing double quote (the file may be truncated). The rest of line 1 is skipped and reading goes on with the next line"]),
    .init("GBK on line 3 rejects that record only", bytes: Array("name,role\nzhang,member\nli,".utf8) + shujiInGBK + Array("\nwang,x\n".utf8), [#"1: ["name", "role"]"#, #"2: ["zhang", "member"]"#, "3:2: not UTF-8", #"4: ["wang", "x"]"#]),
  ]

  @Test(arguments: fixtures)
  func readsRecordsWithTheirLines(fixture: CSVFixture) {
    #expect(Self.read(fixture.input) == fixture.expected)
  }

  @Test(arguments: fixtures)
  func blocksCutAtRecordEndsReadTheSame(fixture: CSVFixture) {
    for blockSize in [1, 2, 3, 5, 8, 16] {
      #expect(Self.read(fixture.input, blockSize: blockSize) == fixture.expected, "block size \(blockSize)")
    }
  }

  @Test func aRecordLongerThanTheLimitIsRejectedAndTheNextLineRead() {
    let text = "a,\"" + String(repeating: "x", count: 100) + "\nb,c\n\"d\",e\n"
    let read = Self.read(Array(text.utf8), maxRecordBytes: 40)
    #expect(read.count == 3)
    #expect(read[0].hasPrefix("1:2: the record is longer than 40 bytes, probably because a quote opened on line 1 is never closed"))
    #expect(read[1] == #"2: ["b", "c"]"#)
    #expect(read[2] == #"3: ["d", "e"]"#)
    // Cut into blocks, the record is rejected for the same reason: the cut at its end is not the end of the input.
    for blockSize in [1, 7, 40, 64] {
      #expect(Self.read(Array(text.utf8), blockSize: blockSize, maxRecordBytes: 40) == read, "block size \(blockSize)")
    }
  }

  @Test func randomInputsReadTheSameInEveryBlockSize() {
    var random = SplitMix64(seed: 42)
    let pieces = ["a", "bc", ",", "\"", "\"\"", "\n", "\r", "\r\n", "书", " "]
    for _ in 0..<3_000 {
      let length = Int(random.next() % 40)
      let text = (0..<length).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
      let bytes = Array(text.utf8)
      // The smallest limit too, so that records run past it (in one block or cut into several).
      for maxRecordBytes in [1 << 20, 16] {
        let whole = Self.read(bytes, maxRecordBytes: maxRecordBytes)
        for blockSize in [1, 2, 3, 7] {
          #expect(
            Self.read(bytes, blockSize: blockSize, maxRecordBytes: maxRecordBytes) == whole,
            "\(text.debugDescription), limit \(maxRecordBytes)")
        }
      }
      // Every line is accounted for: no outcome starts on a line beyond the input's last.
      let lines = 1 + text.utf8.count { $0 == 0x0A } + text.replacing("\r\n", with: "\n").utf8.count { $0 == 0x0D }
      for outcome in CSVTokenizer().readAll(bytes) {
        switch outcome {
        case .record(_, let line), .malformed(_, let line, _), .notUTF8(let line, _): #expect(line <= lines, "\(text.debugDescription)")
        }
      }
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

  @Test(arguments: [
    ("=1+2", "'=1+2"), ("+86 138", "'+86 138"), ("-3", "'-3"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "\"'\tx\""),
    ("a=b", "a=b"), ("张三", "张三"),
  ])
  func textThatLooksLikeAFormulaIsWrittenAsText(input: String, expected: String) {
    let output = OutputBytes()
    var text = input
    text.withUTF8 { CSVText.appendCell($0, guardingFormulas: true, to: output) }
    #expect(String(decoding: output.bytes, as: UTF8.self) == expected)
  }

  @Test func rowsUseCRLF() {
    #expect(CSVWriter.row(["a", "b,c", "书记"]) == "a,\"b,c\",书记\r\n")
    #expect(CSVWriter.row([]) == "\r\n")
    #expect(CSVWriter.row([""]) == "\"\"\r\n")
    #expect(CSVWriter.row(["", ""]) == ",\r\n")
    #expect(CSVWriter.byteOrderMark.utf8.elementsEqual([0xEF, 0xBB, 0xBF]))
  }

  @Test func writtenRowsReadBackUnchanged() {
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
    let bytes = Array((CSVWriter.byteOrderMark + rows.map(CSVWriter.row).joined()).utf8)
    for blockSize in [nil, 1, 5] {
      let outcomes = CSVTokenizer().readAll(bytes, blockSize: blockSize)
      let read = outcomes.compactMap { outcome -> ([String], Int)? in
        if case .record(let cells, let line) = outcome { return (cells, line) }
        return nil
      }
      #expect(read.map(\.0) == rows)
      #expect(read.map(\.1) == [1, 2, 3, 4, 5, 8, 9, 10])
    }
  }
}
