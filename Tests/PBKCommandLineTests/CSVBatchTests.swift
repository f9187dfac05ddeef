import SeededRandom
import Foundation
import Testing

@testable import PBKCommandLine
@testable import PartyBuildingKit

/// The fast lane (CSVBatch) must write the same bytes and report the same errors as the streaming path, whatever
/// the block size and the number of threads.
@Suite struct CSVBatchTests {
  static let memberPoints = CLIPaths.repository + "/RulePacks/member-points/pack.json"

  /// Rows that take every turn: plain ones, quoted cells, CRLF, blank lines, values to reject, missing values,
  /// padded ids, Chinese text, a last row without a line end.
  static let tricky: String = {
    var rows = ["编号,姓名,学习次数,主题党日,志愿服务,按时交纳党费,缺席次数,违纪,表彰级别,#备注"]
    for index in 0..<300 {
      let id = "M\(index)"
      switch index % 17 {
      case 0: rows.append("\(id),\"张,三\",10,5,12.5,是,0,无,县级,\"说明 \"\"引号\"\"\"")
      case 1: rows.append("\(id),李四,\"12\",5,1,否,1,无,,")
      case 2: rows.append("\(id),王五,abc,5,1,是,0,无,无,")
      case 3: rows.append("\(id),赵六,10,13,1,是,0,无,无,")
      case 4: rows.append("\(id),钱七,3.5,1,1,是,0,无,无,")
      case 5: rows.append("\(id),孙八,1,1,1,,0,无,无,")
      case 6: rows.append(" \(id) ,周九,1,1,1,true,0,无,无,")
      case 7: rows.append("\(id),吴十,1,1,1,yes,0,无, 县级,")
      case 8: rows.append("\(id),郑一,1,1,1,是,0,警告,市级及以上,")
      case 9: rows.append("\(id),冯二,1,1,1,是,0,无,无,多出来,的列")
      case 10: rows.append("")
      case 11: rows.append("\(id),陈三,48,12,500,是,0,无,乡镇,\r")
      case 12: rows.append(",无编号,1,1,1,是,0,无,无,")
      case 13: rows.append("\(id),褚四,-1,1,1,是,0,无,无,")
      case 14: rows.append("\(id),\"卫五\n换行\",1,1,0.25,否,24,无,无,")
      case 15: rows.append("\(id),\(String(repeating: "很长的名字", count: 40)),1,1,1,是,0,无,无,\"\(String(repeating: "备注,", count: 60))\"")
      default: rows.append("\(id),第\(index)号,\(index % 48),\(index % 12),\(index % 50).\(index % 10),\(index % 2 == 0 ? "是" : "否"),\(index % 5),无,无,")
      }
    }
    return rows.joined(separator: "\n")  // the last row has no line end
  }()

  static func write(_ text: String, name: String) -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(name).path
    try? text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  /// Output bytes and error lines of the streaming path.
  static func streamed(_ pack: RulePack, _ input: String) -> (String, [String], Evaluator<RulePack>.Counts) {
    let opened = RecordReader(file: input, inputs: pack.info.inputs)
    var reader = opened
    let writer = ResultWriter(pack: pack, format: .csv, sink: StringSink())
    var output = ""
    var errors: [String] = []
    let counts = StreamingEvaluator(pack: pack, threads: 2, batchSize: 7).run(&reader, format: writer.formatted) {
      switch $0 {
      case .success(let text): output += text
      case .failure(let error): errors.append(PBK.describe(error, reader: opened))
      }
    }
    return (output, errors, counts)
  }

  static func batched(_ pack: RulePack, _ input: String, threads: Int, blockSize: Int)
    -> (String, [String], Evaluator<RulePack>.Counts)
  {
    let reader = RecordReader(file: input, inputs: pack.info.inputs)
    let writer = ResultWriter(pack: pack, format: .csv, sink: StringSink())
    var output: [UInt8] = []
    var errors: [String] = []
    let batch = CSVBatch(pack: pack, threads: threads, blockSize: blockSize)!
    let counts = batch.run(reader, format: writer.formatted, write: { output += Array($0) }) {
      errors.append(PBK.describe($0, reader: reader))
    }
    return (String(decoding: output, as: UTF8.self), errors, counts)
  }

  @Test(arguments: [(1, 64), (2, 100), (3, 257), (2, 1 << 20)])
  func sameBytesAndErrorsAsTheStreamingPath(_ threads: Int, _ blockSize: Int) throws {
    let pack = try RulePack.load(path: Self.memberPoints)
    let input = Self.write(Self.tricky, name: "pbk-batch-tricky.csv")
    let (expectedOutput, expectedErrors, expectedCounts) = Self.streamed(pack, input)
    let (output, errors, counts) = Self.batched(pack, input, threads: threads, blockSize: blockSize)
    #expect(output == expectedOutput)
    #expect(errors == expectedErrors)
    #expect(counts.read == expectedCounts.read)
    #expect(counts.assessed == expectedCounts.assessed)
    #expect(counts.rejected == expectedCounts.rejected)
    #expect(counts.read == counts.assessed + counts.rejected)
    // The test means something: the file has both kinds of rows.
    #expect(counts.assessed > 150 && counts.rejected > 50, "\(counts)")
  }

  @Test func theShippedExampleGivesTheSameBytes() throws {
    let pack = try RulePack.load(path: CLIPaths.repository + "/RulePacks/dazhou/pack.json")
    let input = CLIPaths.repository + "/Examples/data/dazhou.csv"
    let (expectedOutput, expectedErrors, _) = Self.streamed(pack, input)
    let (output, errors, _) = Self.batched(pack, input, threads: 2, blockSize: 200)
    #expect(output == expectedOutput)
    #expect(errors == expectedErrors)
  }

  @Test func aCellThatIsNotUTF8IsReportedAndTheRestIsScored() throws {
    let pack = try RulePack.load(path: Self.memberPoints)
    var bytes = Array("编号,按时交纳党费,违纪\nA,是,无\nB,是,".utf8)
    bytes += [0xBE, 0xAF, 0xB8, 0xE6]  // 警告 in GBK
    bytes += Array("\nC,否,无\n".utf8)
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("pbk-batch-gbk.csv").path
    #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
    let (output, errors, counts) = Self.batched(pack, path, threads: 2, blockSize: 64)
    #expect(counts.read == 3 && counts.assessed == 2 && counts.rejected == 1)
    #expect(errors.count == 1 && errors[0].contains("line 3") && errors[0].contains("UTF-8"), "\(errors)")
    #expect(output.hasPrefix("A,") && output.contains("\r\nC,"))
  }

  @Test func aHeaderAloneGivesNoRows() throws {
    let pack = try RulePack.load(path: Self.memberPoints)
    for text in ["\u{FEFF}编号,按时交纳党费", "编号,按时交纳党费\r\n", "编号,按时交纳党费\n\n\n"] {
      let input = Self.write(text, name: "pbk-batch-header.csv")
      let (output, errors, counts) = Self.batched(pack, input, threads: 2, blockSize: 64)
      #expect(output.isEmpty && errors.isEmpty && counts.read == 0, "\(text.debugDescription)")
    }
  }

  @Test func packsThatNeedMoreTakeTheStreamingPath() throws {
    for path in ["RulePacks/zhungeer/pack.json", "RulePacks/shangyu/pack.json"] {
      let pack = try RulePack.load(path: CLIPaths.repository + "/" + path)
      #expect(CSVBatch(pack: pack) == nil, "\(path)")
    }
  }
}

/// JSON Lines is read a line at a time (memory flat): every line is a record or an error with its line number,
/// across the reader's chunk boundaries.
@Suite struct JSONLinesStreamingTests {
  @Test func everyLineIsARecordOrAnError() throws {
    let pack = try RulePack.load(path: CSVBatchTests.memberPoints)
    var lines: [String] = []
    for index in 0..<6000 {
      switch index % 1000 {
      case 7: lines.append("")
      case 8: lines.append("{\"id\": \"bad\", \"按时交纳党费\": }")
      case 9: lines.append("{\"id\": \"M\(index)\", \"按时交纳党费\": true, \"学习次数\": 3}\r")
      default: lines.append("{\"id\": \"M\(index)\", \"name\": \"\(String(repeating: "党员", count: 10))\", \"按时交纳党费\": \(index % 2 == 0), \"学习次数\": \(index % 48)}")
      }
    }
    let path = CSVBatchTests.write(lines.joined(separator: "\n"), name: "pbk-stream.jsonl")
    var reader = RecordReader(file: path, inputs: pack.info.inputs)
    #expect(reader.fileProblem == nil)
    var assessed = 0
    var errorLines: [Int] = []
    while let record = reader.next() {
      switch record {
      case .success(let input):
        _ = try pack.assess(input, explain: false)
        assessed += 1
      case .failure(let error): errorLines.append(error.origin?.line ?? -1)
      }
    }
    #expect(assessed == 6000 - 12)
    #expect(errorLines == (0..<6).map { $0 * 1000 + 9 })
  }
}

/// Random well-formed CSV (quoted cells with commas, quotes and line breaks; odd numbers; padded and empty cells;
/// blank lines; CRLF) scored by the fast lane and by the streaming path: the same bytes and the same errors.
@Suite struct CSVBatchRandomTests {
  static func randomCell(_ random: inout SplitMix64) -> String {
    let pieces = [
      "0", "1", "7", "12", "48", "3.5", "0.25", "-1", "007", "1.", ".5", "1e3", "9999999999999999999", "是", "否",
      "true", "yes", "无", "警告", "县级", "乡镇", " 县级", "县级 ", "", "", "", "abc", "第一", "１２",
    ]
    var text = pieces[random.next(below: pieces.count)]
    if random.next(below: 6) == 0 { text += pieces[random.next(below: pieces.count)] }
    switch random.next(below: 12) {
    case 0: return "\"\(text),\(text)\""
    case 1: return "\"\(text)\"\"\(text)\""
    case 2: return "\"\(text)\n\(text)\""
    case 3: return "\"\(text)\""
    default: return text
    }
  }

  @Test(arguments: [1, 2, 3])
  func fastLaneAgreesWithTheStreamingPath(_ seed: UInt64) throws {
    let pack = try RulePack.load(path: CSVBatchTests.memberPoints)
    var random = SplitMix64(seed: seed)
    var text = "编号,名称,学习次数,主题党日,志愿服务,按时交纳党费,缺席次数,违纪,表彰级别\n"
    for index in 0..<400 {
      if random.next(below: 40) == 0 {
        text += random.next(below: 2) == 0 ? "\n" : "\r\n"
        continue
      }
      var cells = [random.next(below: 30) == 0 ? "" : "R\(index)", random.next(below: 5) == 0 ? Self.randomCell(&random) : "名\(index)"]
      // Mostly plain values that fit their column, so that both lanes score many rows.
      let plain = [["3", "12", ""], ["1", "5", ""], ["2.5", "10", ""], ["是", "否"], ["0", "2", ""], ["无", ""], ["县级", "无", ""]]
      for column in plain {
        cells.append(random.next(below: 12) == 0 ? Self.randomCell(&random) : column[random.next(below: column.count)])
      }
      if random.next(below: 25) == 0 { cells.removeLast() }
      text += cells.joined(separator: ",") + (random.next(below: 5) == 0 ? "\r\n" : "\n")
    }
    let input = CSVBatchTests.write(text, name: "pbk-batch-random-\(seed).csv")
    let (expectedOutput, expectedErrors, expectedCounts) = CSVBatchTests.streamed(pack, input)
    for (threads, blockSize) in [(1, 64), (2, 200), (3, 1 << 20)] {
      let (output, errors, counts) = CSVBatchTests.batched(pack, input, threads: threads, blockSize: blockSize)
      #expect(output == expectedOutput, "seed \(seed), \(threads) threads, blocks of \(blockSize)")
      #expect(errors == expectedErrors, "seed \(seed), \(threads) threads, blocks of \(blockSize)")
      #expect(counts.read == expectedCounts.read && counts.assessed == expectedCounts.assessed)
    }
    #expect(expectedCounts.assessed > 100 && expectedCounts.rejected > 20, "\(expectedCounts)")
  }
}
