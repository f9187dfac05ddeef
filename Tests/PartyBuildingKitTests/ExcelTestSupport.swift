#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

@testable import PartyBuildingKit

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
