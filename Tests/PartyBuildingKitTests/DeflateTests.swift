import Testing

@testable import PartyBuildingKit

/// Inflating, against zlib's raw DEFLATE output and hand-made streams; and the compressor round trip.
@Suite struct DeflateTests {
  static let input = ExcelFixtures.bytes("deflate/input.bin")

  @Test(arguments: ["level0", "level1", "level6", "level9", "fixed", "huffman-only"])
  func inflatesZlibOutput(_ name: String) throws {
    let compressed = ExcelFixtures.bytes("deflate/\(name).deflate")
    #expect(Self.input.count == 36_674)
    #expect(!compressed.isEmpty)
    let output = try Inflate.decompress(compressed, maxOutput: Self.input.count)
    #expect(output == Self.input)
  }

  @Test func refusesOutputBeyondTheLimit() {
    let compressed = ExcelFixtures.bytes("deflate/level6.deflate")
    #expect(throws: InflateError.outputTooLarge(limit: 1000)) {
      try Inflate.decompress(compressed, maxOutput: 1000)
    }
  }

  @Test func everyTruncationIsAnError() {
    let compressed = ExcelFixtures.bytes("deflate/level1.deflate")
    for length in stride(from: 0, to: compressed.count - 1, by: 97) {
      #expect(throws: InflateError.self) {
        try Inflate.decompress(compressed[0..<length], maxOutput: Self.input.count)
      }
    }
  }

  @Test func emptyInputIsTruncated() {
    #expect(throws: InflateError.truncated) { try Inflate.decompress([], maxOutput: 10) }
  }

  /// A fixed block: literal "a", then a copy of length 258 at distance 1, then end of block.
  @Test func fixedBlockWithARun() throws {
    var writer = TestBitWriter()
    writer.bits(1, 1)
    writer.bits(1, 2)
    writer.fixedSymbol(Int(UInt8(ascii: "a")))
    writer.fixedSymbol(285)
    writer.code(0, 5)
    writer.fixedSymbol(256)
    let output = try Inflate.decompress(writer.finish(), maxOutput: 1000)
    #expect(output == [UInt8](repeating: UInt8(ascii: "a"), count: 259))
  }

  /// A stored block of 32,768 bytes, then a fixed block that copies 258 bytes from 32,768 back.
  @Test func longestBackReference() throws {
    let stored = (0..<32_768).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 8) }
    var writer = TestBitWriter()
    writer.bits(0, 1)
    writer.bits(0, 2)
    var bytes = writer.finish()
    bytes += [0x00, 0x80, 0xFF, 0x7F] + stored
    var second = TestBitWriter()
    second.bits(1, 1)
    second.bits(1, 2)
    second.fixedSymbol(285)
    second.code(29, 5)
    second.bits(32_768 - 24_577, 13)
    second.fixedSymbol(256)
    bytes += second.finish()
    let output = try Inflate.decompress(bytes, maxOutput: 40_000)
    #expect(output == stored + stored[0..<258])
  }

  @Test func distanceTooFarBack() {
    var writer = TestBitWriter()
    writer.bits(1, 1)
    writer.bits(1, 2)
    writer.fixedSymbol(Int(UInt8(ascii: "a")))
    writer.fixedSymbol(257)
    writer.code(1, 5)  // distance 2, but only 1 byte written
    writer.fixedSymbol(256)
    #expect(throws: InflateError.distanceTooFarBack(distance: 2, available: 1)) {
      try Inflate.decompress(writer.finish(), maxOutput: 100)
    }
  }

  @Test func reservedBlockType() {
    #expect(throws: InflateError.reservedBlockType) { try Inflate.decompress([0b111], maxOutput: 100) }
  }

  @Test func storedLengthCheck() {
    #expect(throws: InflateError.storedLengthMismatch) {
      try Inflate.decompress([0x01, 0x05, 0x00, 0xFA, 0xEE, 1, 2, 3, 4, 5], maxOutput: 100)
    }
    #expect(throws: Never.self) {
      try Inflate.decompress([0x01, 0x05, 0x00, 0xFA, 0xFF, 1, 2, 3, 4, 5], maxOutput: 100)
    }
    #expect(throws: InflateError.truncated) {
      try Inflate.decompress([0x01, 0x05, 0x00, 0xFA, 0xFF, 1, 2, 3], maxOutput: 100)
    }
  }

  @Test func fixedDistanceSymbolsThirtyAndThirtyOneAreInvalid() {
    for symbol in [30, 31] {
      var writer = TestBitWriter()
      writer.bits(1, 1)
      writer.bits(1, 2)
      writer.fixedSymbol(Int(UInt8(ascii: "a")))
      writer.fixedSymbol(257)
      writer.code(symbol, 5)
      writer.fixedSymbol(256)
      #expect(throws: InflateError.invalidSymbol(.distances)) {
        try Inflate.decompress(writer.finish(), maxOutput: 100)
      }
    }
  }

  @Test func fixedLengthSymbol286IsInvalid() {
    var writer = TestBitWriter()
    writer.bits(1, 1)
    writer.bits(1, 2)
    writer.fixedSymbol(286)
    #expect(throws: InflateError.invalidSymbol(.literalsAndLengths)) {
      try Inflate.decompress(writer.finish(), maxOutput: 100)
    }
  }

  /// Writes a dynamic block header with the given code-length-code lengths (in the RFC's permuted order) and
  /// then code-length symbols (each a (symbol, extra value, extra bits) triple, written with `codeOf`).
  private static func dynamicHeader(
    literals: Int, distances: Int, lengthLengths: [Int], symbols: [(Int, Int, Int)], codeOf: (Int) -> (Int, Int)
  ) -> TestBitWriter {
    var writer = TestBitWriter()
    writer.bits(1, 1)
    writer.bits(2, 2)
    writer.bits(literals - 257, 5)
    writer.bits(distances - 1, 5)
    writer.bits(lengthLengths.count - 4, 4)
    for length in lengthLengths { writer.bits(length, 3) }
    for (symbol, extra, extraBits) in symbols {
      let (code, length) = codeOf(symbol)
      writer.code(code, length)
      writer.bits(extra, extraBits)
    }
    return writer
  }

  @Test func oversubscribedCodeLengthCode() {
    // Three code-length symbols (16, 17, 18) of length 1: over-subscribed.
    var writer = Self.dynamicHeader(
      literals: 257, distances: 1, lengthLengths: [1, 1, 1, 0], symbols: [], codeOf: { _ in (0, 1) })
    #expect(throws: InflateError.oversubscribed(.codeLengths)) {
      try Inflate.decompress(writer.finish() + [0, 0, 0, 0], maxOutput: 100)
    }
  }

  @Test func incompleteCodeLengthCode() {
    // Symbols 16 and 17 of length 2: half the code space unused.
    var writer = Self.dynamicHeader(
      literals: 257, distances: 1, lengthLengths: [2, 2, 0, 0], symbols: [], codeOf: { _ in (0, 1) })
    #expect(throws: InflateError.incomplete(.codeLengths)) {
      try Inflate.decompress(writer.finish() + [0, 0, 0, 0], maxOutput: 100)
    }
  }

  /// A code-length code where 18 (zeros), 1 and 2 have lengths 1, 2, 2: 18 = "0", 1 = "10", 2 = "11".
  private static let smallLengthCode: [Int] = {
    // Permuted order: 16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1
    var lengths = [Int](repeating: 0, count: 18)
    lengths[2] = 1  // symbol 18
    lengths[15] = 2  // symbol 2
    lengths[17] = 2  // symbol 1
    return lengths
  }()

  private static func smallCode(_ symbol: Int) -> (Int, Int) {
    switch symbol {
    case 18: (0, 1)
    case 1: (0b10, 2)
    default: (0b11, 2)
    }
  }

  @Test func missingEndOfBlock() {
    // All 257 literal/length lengths zero (138 + 119 zeros), one distance length 1.
    var writer = Self.dynamicHeader(
      literals: 257, distances: 1, lengthLengths: Self.smallLengthCode,
      symbols: [(18, 127, 7), (18, 108, 7), (1, 0, 0)], codeOf: Self.smallCode)
    #expect(throws: InflateError.missingEndOfBlock) {
      try Inflate.decompress(writer.finish() + [0, 0, 0, 0], maxOutput: 100)
    }
  }

  @Test func oversubscribedLiteralCode() {
    // Literals 0, 1, 2 of length 1 (over-subscribed), zeros up to 256, end-of-block of length 1.
    var writer = Self.dynamicHeader(
      literals: 257, distances: 1, lengthLengths: Self.smallLengthCode,
      symbols: [(1, 0, 0), (1, 0, 0), (1, 0, 0), (18, 127, 7), (18, 104, 7), (1, 0, 0), (1, 0, 0)],
      codeOf: Self.smallCode)
    #expect(throws: InflateError.oversubscribed(.literalsAndLengths)) {
      try Inflate.decompress(writer.finish() + [0, 0, 0, 0], maxOutput: 100)
    }
  }

  @Test func incompleteLiteralCode() {
    // Literal 0 of length 2 and end-of-block of length 2: half the code space unused, which zlib refuses.
    var writer = Self.dynamicHeader(
      literals: 257, distances: 1, lengthLengths: Self.smallLengthCode,
      symbols: [(2, 0, 0), (18, 127, 7), (18, 106, 7), (2, 0, 0), (1, 0, 0)],
      codeOf: Self.smallCode)
    #expect(throws: InflateError.incomplete(.literalsAndLengths)) {
      try Inflate.decompress(writer.finish() + [0, 0, 0, 0], maxOutput: 100)
    }
  }

  @Test func singleLengthOneCodesAreAllowed() throws {
    // Literal 65 and end-of-block of length 1 (complete), one distance code of length 1 (incomplete but allowed).
    var writer = Self.dynamicHeader(
      literals: 257, distances: 1, lengthLengths: Self.smallLengthCode,
      symbols: [(18, 54, 7), (1, 0, 0), (18, 127, 7), (18, 41, 7), (1, 0, 0), (1, 0, 0)],
      codeOf: Self.smallCode)
    writer.code(0, 1)  // 'A'
    writer.code(0, 1)  // 'A'
    writer.code(1, 1)  // end of block
    #expect(try Inflate.decompress(writer.finish(), maxOutput: 100) == Array("AA".utf8))
  }

  @Test func repeatWithoutPreviousLength() {
    // Code-length code: 16 and 18 of length 1.
    var lengths = [Int](repeating: 0, count: 4)
    lengths[0] = 1
    lengths[2] = 1
    var writer = Self.dynamicHeader(
      literals: 257, distances: 1, lengthLengths: lengths, symbols: [(16, 0, 2)],
      codeOf: { $0 == 16 ? (0, 1) : (1, 1) })
    #expect(throws: InflateError.repeatWithoutPrevious) {
      try Inflate.decompress(writer.finish() + [0, 0, 0, 0], maxOutput: 100)
    }
  }

  @Test func repeatPastTheDeclaredLengths() {
    // 258 lengths declared; 138 + 127 zeros overrun them.
    var writer = Self.dynamicHeader(
      literals: 257, distances: 1, lengthLengths: Self.smallLengthCode,
      symbols: [(18, 127, 7), (18, 116, 7)], codeOf: Self.smallCode)
    #expect(throws: InflateError.repeatTooLong) {
      try Inflate.decompress(writer.finish() + [0, 0, 0, 0], maxOutput: 100)
    }
  }

  @Test func tooManyLengthCodes() {
    var writer = TestBitWriter()
    writer.bits(1, 1)
    writer.bits(2, 2)
    writer.bits(30, 5)  // 287 literal/length codes
    writer.bits(0, 5)
    writer.bits(0, 4)
    #expect(throws: InflateError.tooManyCodes) { try Inflate.decompress(writer.finish() + [0, 0], maxOutput: 100) }
  }

  @Test(arguments: [0, 1, 100, 5_000, 70_000])
  func compressorRoundTrips(_ size: Int) throws {
    var bytes: [UInt8] = []
    var state: UInt32 = 12_345
    while bytes.count < size {
      state = state &* 1_103_515_245 &+ 12_345
      let row = "DZ\(state % 997),\(state % 101).\(state % 10),否,示例数据\n"
      bytes += Array(row.utf8)
    }
    bytes = Array(bytes.prefix(size))
    let compressed = Deflate.compress(bytes)
    if size >= 5_000 { #expect(compressed.count * 2 < bytes.count) }
    #expect(try Inflate.decompress(compressed, maxOutput: size) == bytes)
  }

  @Test func compressorIsDeterministicAndInflatesZlibInput() throws {
    let once = Deflate.compress(Self.input)
    #expect(once == Deflate.compress(Self.input))
    #expect(try Inflate.decompress(once, maxOutput: Self.input.count) == Self.input)
  }
}
