import Dispatch
import Foundation
import Testing

@testable import PartyBuildingKit

/// The digest of an input as the lane reads it (what `pbk evaluate` records of a run's input), and a pipe read twice
/// by a cohort pack.
@Suite struct InputDigestTests {
  static let cohortPack = Paths.repository + "/RulePacks/examples/cohort/pack.json"

  /// A cohort input of `count` subjects in three towns, with a header long enough to be read in several pieces.
  static func cohortCSV(_ count: Int) -> [UInt8] {
    var text = "id,name,parent,score,innovation," + (0..<40).map { "#备注\($0)" }.joined(separator: ",") + "\n"
    for index in 0..<count {
      text += "S\(index),村\(index),\(["甲镇", "乙镇", "丙镇"][index % 3]),\(50 + index * 7 % 50),\(index % 4)"
      text += String(repeating: ",x", count: 40) + "\n"
    }
    return Array(text.utf8)
  }

  /// Writes `bytes` into a new pipe on another thread and returns its read end.
  static func pipe(_ bytes: [UInt8]) -> Int32 {
    var ends: [Int32] = [0, 0]
    _ = ends.withUnsafeMutableBufferPointer { Foundation.pipe($0.baseAddress!) }
    let writeEnd = ends[1]
    DispatchQueue.global().async {
      bytes.withUnsafeBytes { raw in
        var offset = 0
        while offset < raw.count {
          let written = write(writeEnd, raw.baseAddress! + offset, raw.count - offset)
          if written <= 0 { break }
          offset += written
        }
      }
      close(writeEnd)
    }
    return ends[0]
  }

  /// The CSV results and the summary of a batch.
  static func results(_ pack: RulePack, _ input: RecordInput, _ options: BatchOptions) throws -> ([UInt8], BatchEvaluator.Summary) {
    var bytes: [UInt8] = []
    let summary = try BatchEvaluator(pack: pack, options: options).write(
      input, as: .csv, write: { bytes += $0 }, reject: { Issue.record("rejected: \($0)") })
    return (bytes, summary)
  }

  @Test func aPipeIntoACohortPackIsReadTwiceWholeAndDigestedOnce() throws {
    let pack = try RulePack.load(path: Self.cohortPack)
    let bytes = Self.cohortCSV(3000)
    var options = BatchOptions(threads: 2, blockSize: 4096)
    options.digestsInput = true
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pbk-digest-\(UInt64.random(in: 0...UInt64.max))")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let file = folder.appendingPathComponent("cohort.csv").path
    #expect(FileManager.default.createFile(atPath: file, contents: Data(bytes)))
    let (fromFile, fileSummary) = try Self.results(pack, .file(file), options)
    let descriptor = Self.pipe(bytes)
    defer { close(descriptor) }
    let (fromPipe, pipeSummary) = try Self.results(pack, .fileDescriptor(descriptor, format: .csv, name: "pipe"), options)
    #expect(fromPipe == fromFile)
    #expect(pipeSummary.counts == BatchCounts(read: 3000, assessed: 3000, rejected: 0))
    let expected = InputDigest(sha256: SHA256.hex(of: bytes), bytes: bytes.count)
    #expect(fileSummary.inputDigest == expected)
    #expect(pipeSummary.inputDigest == expected)
  }

  @Test func theDigestIsOfTheBytesAsReadBeforeTranscoding() throws {
    let pack = try RulePack.load(path: Self.cohortPack)
    let text = String(decoding: Self.cohortCSV(50), as: UTF8.self)
    let gb18030 = try #require(text.data(using: String.Encoding(rawValue: 0x8000_0632)).map { [UInt8]($0) })
    var options = BatchOptions(threads: 2)
    options.digestsInput = true
    let descriptor = Self.pipe(gb18030)
    defer { close(descriptor) }
    let (fromPipe, summary) = try Self.results(pack, .fileDescriptor(descriptor, format: .csv, name: "pipe"), options)
    #expect(summary.encoding == .gb18030)
    #expect(summary.inputDigest == InputDigest(sha256: SHA256.hex(of: gb18030), bytes: gb18030.count))
    let (fromUTF8, _) = try Self.results(pack, .bytes(Array(text.utf8), format: .csv, name: "utf8"), options)
    #expect(fromPipe == fromUTF8)
  }

  @Test func hashingOnAnotherThreadGivesTheSameDigest() {
    var random = SystemRandomNumberGenerator()
    let bytes = (0..<(3 << 20) + 17).map { _ in UInt8.random(in: 0...255, using: &random) }
    let background = BackgroundSHA256(limit: 2)
    var offset = 0
    // Pieces of every size: a byte, less than a run, more than a run.
    for size in [1, 0, 63, 65_536, 100_000, 1 << 20, 7, 300_000].cycled(until: bytes.count) {
      let end = min(bytes.count, offset + size)
      bytes[offset..<end].withUnsafeBytes { background.update(bytes: $0) }
      offset = end
      if offset == bytes.count { break }
    }
    #expect(background.count == bytes.count)
    #expect(background.finalize() == SHA256.hex(of: bytes))
    #expect(background.finalize() == SHA256.hex(of: bytes), "finalizing twice gives the same digest")
    #expect(BackgroundSHA256().finalize() == SHA256.hex(of: []))
  }

  @Test func noDigestUnlessAskedFor() throws {
    let pack = try RulePack.load(path: Self.cohortPack)
    let (_, summary) = try Self.results(pack, .bytes(Self.cohortCSV(5), format: .csv, name: "b"), BatchOptions(threads: 1))
    #expect(summary.inputDigest == nil)
  }

  @Test func aVoidSessionIsCountedAmongTheAssessed() throws {
    let pack = try RulePack.load(path: Paths.repository + "/RulePacks/examples/ballots/pack.json")
    let lines = """
      {"id": "B1", "应到人数": 30, "实到人数": 15, "发出票数": 15, "收回票数": 15, "总体评价:领导:好": 5, "总体评价:群众:好": 10, "作风:无": 15}
      {"id": "B2", "应到人数": 30, "实到人数": 16, "发出票数": 16, "收回票数": 16, "总体评价:领导:好": 5, "总体评价:群众:好": 11, "作风:无": 16}
      {"id": "B3", "应到人数": 30, "实到人数": 16, "发出票数": 16, "收回票数": 17, "总体评价:领导:好": 5, "总体评价:群众:好": 11, "作风:无": 16}

      """
    let input = RecordInput.bytes(Array(lines.utf8), format: .jsonLines, name: "ballots.jsonl")
    let (_, summary) = try Self.results(pack, input, BatchOptions(threads: 2))
    #expect(summary.counts == BatchCounts(read: 3, assessed: 3, rejected: 0, void: 2))
    var voids = 0
    _ = try BatchEvaluator(pack: pack).assessments(from: input) { outcome in
      if case .success(let assessment) = outcome, assessment.voidReason != nil { voids += 1 }
    }
    #expect(voids == 2)
  }
}

extension Array {
  /// The elements repeated as many times as it takes for their sum to reach `total` (pieces of a byte count).
  fileprivate func cycled(until total: Int) -> [Element] where Element == Int {
    var result: [Int] = []
    var sum = 0
    while sum < total, !isEmpty, contains(where: { $0 > 0 }) {
      for element in self {
        result.append(element)
        sum += element
      }
    }
    return result
  }
}
