/// Compresses bytes as one raw DEFLATE block with the fixed Huffman code (RFC 1951 block type 1).
///
/// Greedy LZ77 over a 32 KiB window with hash chains of bounded length: simple, deterministic (the same input
/// always gives the same output), and several times smaller than stored XML. Not tuned to zlib's ratios. The
/// matcher works on raw buffers for speed; every index into them is bounded by the loop that makes it (positions
/// below the input's count, hash keys and window slots masked).
package enum Deflate {
  /// How many earlier positions with the same 3-byte hash are tried for each match.
  static let maxChain = 24
  /// A match this long is taken without looking further.
  static let goodEnough = 64
  /// The window: how far back a match may start.
  static let windowSize = 1 << 15
  /// The number of bits of a hash key.
  static let hashBits = 15

  /// The DEFLATE stream of `input`.
  package static func compress(_ input: [UInt8]) -> [UInt8] {
    let head = UnsafeMutableBufferPointer<Int32>.allocate(capacity: 1 << hashBits)
    let previous = UnsafeMutableBufferPointer<Int32>.allocate(capacity: windowSize)
    defer {
      head.deallocate()
      previous.deallocate()
    }
    head.initialize(repeating: -1)
    previous.initialize(repeating: -1)
    return input.withUnsafeBufferPointer { compress($0, head: head, previous: previous) }
  }

  /// Compresses `input`, using `head` (the latest position of each hash key, or -1) and `previous` (the position
  /// before each window slot's with the same key, or -1) as the hash chains.
  private static func compress(
    _ input: UnsafeBufferPointer<UInt8>, head: UnsafeMutableBufferPointer<Int32>,
    previous: UnsafeMutableBufferPointer<Int32>
  ) -> [UInt8] {
    var writer = BitWriter()
    writer.output.reserveCapacity(input.count / 4 + 16)
    writer.write(1, bits: 1)  // final block
    writer.write(1, bits: 2)  // fixed Huffman codes
    let count = input.count
    let windowMask = windowSize - 1

    /// The hash key of the three bytes at `position` (which must be at most `count - 3`).
    @inline(__always) func hash(_ position: Int) -> Int {
      let value = UInt32(input[position]) << 16 | UInt32(input[position + 1]) << 8 | UInt32(input[position + 2])
      return Int((value &* 2_654_435_761) >> UInt32(32 - hashBits))
    }
    /// Puts `position` at the head of its hash chain.
    @inline(__always) func insert(_ position: Int) {
      let key = hash(position)
      previous[position & windowMask] = head[key]
      head[key] = Int32(truncatingIfNeeded: position)
    }

    var position = 0
    while position < count {
      var bestLength = 0
      var bestDistance = 0
      if position + 3 <= count {
        let limit = min(258, count - position)
        var candidate = Int(head[hash(position)])
        var chain = maxChain
        while candidate >= 0 && position - candidate <= windowSize && chain > 0 {
          if bestLength == 0 || input[candidate + bestLength] == input[position + bestLength] {
            var length = 0
            while length < limit && input[candidate + length] == input[position + length] { length += 1 }
            if length > bestLength {
              bestLength = length
              bestDistance = position - candidate
              if length >= goodEnough || length == limit { break }
            }
          }
          let next = Int(previous[candidate & windowMask])
          if next >= candidate { break }
          candidate = next
          chain -= 1
        }
        insert(position)
      }
      if bestLength >= 3 {
        writer.writeLength(bestLength)
        writer.writeDistance(bestDistance)
        let end = position + bestLength
        position += 1
        while position < end {
          if position + 3 <= count { insert(position) }
          position += 1
        }
      } else {
        writer.writeSymbol(Int(input[position]))
        position += 1
      }
    }
    writer.writeSymbol(256)
    writer.flush()
    return writer.output
  }
}

/// Writes bits least-significant first, and the fixed Huffman codes of DEFLATE.
private struct BitWriter {
  /// The bytes completed so far.
  var output: [UInt8] = []
  /// Bits not yet written out, the next one lowest.
  private var buffer: UInt64 = 0
  /// How many bits of ``buffer`` are used.
  private var used = 0

  /// Appends the low `bits` bits of `value`.
  @inline(__always)
  mutating func write(_ value: Int, bits: Int) {
    buffer |= UInt64(truncatingIfNeeded: value) << UInt64(used)
    used += bits
    while used >= 8 {
      output.append(UInt8(truncatingIfNeeded: buffer))
      buffer >>= 8
      used -= 8
    }
  }

  /// Writes out the last partial byte, padded with zeros.
  mutating func flush() {
    if used > 0 { output.append(UInt8(truncatingIfNeeded: buffer)) }
    buffer = 0
    used = 0
  }

  /// Writes a literal/length symbol 0…287 with the fixed code.
  @inline(__always)
  mutating func writeSymbol(_ symbol: Int) {
    let code = FixedCodes.literals[symbol]
    write(Int(code >> 4), bits: Int(code & 0xF))
  }

  /// Writes a match length 3…258 as its symbol and extra bits.
  @inline(__always)
  mutating func writeLength(_ length: Int) {
    let entry = FixedCodes.lengths[length]
    writeSymbol(257 + Int(entry & 0xFF))
    let extraBits = Int(entry >> 8 & 0xF)
    if extraBits > 0 { write(Int(entry >> 16), bits: extraBits) }
  }

  /// Writes a distance 1…32,768 as its 5-bit fixed code and extra bits.
  @inline(__always)
  mutating func writeDistance(_ distance: Int) {
    var symbol = 0
    while symbol < 29 && FixedCodes.distanceBase[symbol + 1] <= distance { symbol += 1 }
    write(FixedCodes.reversed(symbol, bits: 5), bits: 5)
    let extraBits = FixedCodes.distanceExtra[symbol]
    if extraBits > 0 { write(distance - FixedCodes.distanceBase[symbol], bits: extraBits) }
  }
}

/// The fixed Huffman code of DEFLATE, ready to write.
private enum FixedCodes {
  /// For each literal/length symbol: its code bit-reversed, shifted left 4, with its length in the low 4 bits.
  static let literals: [UInt32] = (0..<288).map { symbol in
    let (code, bits): (Int, Int) =
      switch symbol {
      case 0..<144: (0x30 + symbol, 8)
      case 144..<256: (0x190 + symbol - 144, 9)
      case 256..<280: (symbol - 256, 7)
      default: (0xC0 + symbol - 280, 8)
      }
    return UInt32(reversed(code, bits: bits)) << 4 | UInt32(bits)
  }

  /// For each length 0…258: the length symbol's index (0…28) | extra bit count << 8 | extra value << 16.
  static let lengths: [UInt32] = (0...258).map { length in
    guard length >= 3 else { return 0 }
    if length == 258 { return 28 }
    var index = 0
    while index < 27 && lengthBase[index + 1] <= length { index += 1 }
    return UInt32(index) | UInt32(lengthExtra[index]) << 8 | UInt32(length - lengthBase[index]) << 16
  }

  /// The shortest length of each length symbol 257…284 (285 is exactly 258).
  static let lengthBase = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115,
    131, 163, 195, 227,
  ]
  /// The extra bits of each length symbol 257…284.
  static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5]
  /// The shortest distance of each distance symbol 0…29, and a sentinel.
  static let distanceBase = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025,
    1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577, 32769,
  ]
  /// The extra bits of each distance symbol 0…29.
  static let distanceExtra = [
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12,
    12, 13, 13,
  ]

  /// `code`'s low `bits` bits in reverse order (Huffman codes are sent most significant bit first).
  static func reversed(_ code: Int, bits: Int) -> Int {
    var result = 0
    for bit in 0..<bits where code & (1 << bit) != 0 { result |= 1 << (bits - 1 - bit) }
    return result
  }
}
