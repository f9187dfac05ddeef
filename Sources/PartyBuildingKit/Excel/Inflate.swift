/// Decompresses raw DEFLATE streams (RFC 1951), the compression of ZIP method 8.
///
/// The decoder works on raw buffers for speed; every read of the input and every write of the output is checked
/// against the buffer's end by hand, so hostile input ends in an ``InflateError``, never in a trap or an
/// out-of-bounds access. The output never exceeds the capacity the caller allows.
package enum Inflate {
  /// Decompresses `input`, producing at most `maxOutput` bytes.
  ///
  /// Bytes after the final block are ignored. Throws when the stream is damaged or would produce more than
  /// `maxOutput` bytes. Room for `maxOutput` bytes is reserved up front (the ZIP reader passes the entry's declared
  /// size, already checked against ``ZipLimits``), so pass a bound, not `Int.max`.
  package static func decompress(_ input: ArraySlice<UInt8>, maxOutput: Int) throws(InflateError) -> [UInt8] {
    var failure: InflateError?
    let capacity = max(0, maxOutput)
    let output = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
      input.withUnsafeBufferPointer { source in
        var state = InflateState(input: source, output: buffer)
        do throws(InflateError) {
          try state.run()
        } catch {
          failure = error
        }
        initialized = state.outPosition
      }
    }
    if let failure { throw failure }
    return output
  }

  /// Decompresses a whole array; see ``decompress(_:maxOutput:)-(ArraySlice<UInt8>,_)``.
  package static func decompress(_ input: [UInt8], maxOutput: Int) throws(InflateError) -> [UInt8] {
    try decompress(input[...], maxOutput: maxOutput)
  }
}

/// Why a DEFLATE stream could not be decompressed.
package enum InflateError: Error, Sendable, Equatable {
  /// Which of the three Huffman codes of a block is meant.
  package enum Code: Sendable, Equatable {
    /// The code that encodes the other two codes' lengths.
    case codeLengths
    /// The literal/length code.
    case literalsAndLengths
    /// The distance code.
    case distances
  }

  /// The input ended before the final block did.
  case truncated
  /// A block header has the reserved type 3.
  case reservedBlockType
  /// A stored block's length and its one's complement disagree.
  case storedLengthMismatch
  /// A dynamic block declares more than 286 literal/length or 30 distance codes.
  case tooManyCodes
  /// A code's lengths describe more codes than fit (over-subscribed).
  case oversubscribed(Code)
  /// A code's lengths leave codes unused where that is not allowed (incomplete).
  case incomplete(Code)
  /// A "repeat previous length" comes first, with no previous length.
  case repeatWithoutPrevious
  /// A repeat runs past the number of code lengths the block declared.
  case repeatTooLong
  /// The literal/length code has no end-of-block symbol.
  case missingEndOfBlock
  /// Bits that are no symbol of the code, or a symbol that may not occur (literal/length 286–287, distance 30–31).
  case invalidSymbol(Code)
  /// A back-reference reaches before the start of the output.
  case distanceTooFarBack(distance: Int, available: Int)
  /// The output would exceed the allowed size.
  case outputTooLarge(limit: Int)
}

/// The position of a decoder in its input and output, over raw buffers that live for one decompression.
private struct InflateState {
  /// The compressed bytes.
  let input: UnsafeBufferPointer<UInt8>
  /// The output buffer, uninitialized past ``outPosition``.
  let output: UnsafeMutableBufferPointer<UInt8>
  /// The next input byte to load into the bit buffer.
  var inPosition = 0
  /// The next output byte to write.
  var outPosition = 0
  /// Bits loaded but not consumed, the next one lowest.
  var bitBuffer: UInt64 = 0
  /// How many bits of ``bitBuffer`` are valid.
  var bitCount = 0
  /// How many of the loaded bits are zero padding past the end of the input.
  var padBits = 0

  /// The literal/length code of the current block.
  var literals = HuffmanCode(symbolCapacity: 288)
  /// The distance code of the current block.
  var distances = HuffmanCode(symbolCapacity: 32)
  /// The code-length code of the current dynamic block header.
  var lengthCode = HuffmanCode(symbolCapacity: 19)

  /// Starts decoding `input` into `output`, whose capacity is the output limit.
  init(input: UnsafeBufferPointer<UInt8>, output: UnsafeMutableBufferPointer<UInt8>) {
    self.input = input
    self.output = output
  }

  /// Decodes blocks until the final one.
  mutating func run() throws(InflateError) {
    var final = false
    while !final {
      refill()
      final = take(1) == 1
      let type = take(2)
      try checkNotTruncated()
      switch type {
      case 0: try storedBlock()
      case 1:
        try literals.build(lengths: HuffmanCode.fixedLiteralLengths[...], kind: .literalsAndLengths)
        try distances.build(lengths: HuffmanCode.fixedDistanceLengths[...], kind: .distances)
        try huffmanBlock()
      case 2:
        try readDynamicCodes()
        try huffmanBlock()
      default: throw .reservedBlockType
      }
    }
  }

  /// Loads input bytes until at least 57 bits are buffered, padding with zeros past the end.
  @inline(__always)
  mutating func refill() {
    if bitCount <= 56, input.count - inPosition >= 8, let base = input.baseAddress {
      // Eight bytes at once; only the whole bytes that fit are counted as consumed.
      let word = UInt64(littleEndian: UnsafeRawPointer(base + inPosition).loadUnaligned(as: UInt64.self))
      bitBuffer |= word << UInt64(bitCount)
      inPosition += (63 - bitCount) >> 3
      bitCount |= 56
      return
    }
    while bitCount <= 56 {
      if inPosition < input.count {
        bitBuffer |= UInt64(input[inPosition]) << UInt64(bitCount)
        inPosition += 1
      } else {
        padBits += 8
      }
      bitCount += 8
    }
  }

  /// Consumes `count` bits (at most 32) and returns them, first bit lowest. Needs them buffered.
  @inline(__always)
  mutating func take(_ count: Int) -> Int {
    let value = Int(truncatingIfNeeded: bitBuffer & ((1 << UInt64(count)) &- 1))
    bitBuffer >>= UInt64(count)
    bitCount -= count
    return value
  }

  /// Throws when padding past the end of the input has been consumed.
  @inline(__always)
  func checkNotTruncated() throws(InflateError) {
    if padBits > bitCount { throw .truncated }
  }

  /// Copies a stored block.
  mutating func storedBlock() throws(InflateError) {
    _ = take(bitCount & 7)
    refill()
    let length = take(16)
    let complement = take(16)
    try checkNotTruncated()
    guard length == (~complement & 0xFFFF) else { throw .storedLengthMismatch }
    guard length <= output.count - outPosition else { throw .outputTooLarge(limit: output.count) }
    var remaining = length
    // Bytes already in the bit buffer come first.
    while remaining > 0 && bitCount - padBits >= 8 {
      output[outPosition] = UInt8(truncatingIfNeeded: take(8))
      outPosition += 1
      remaining -= 1
    }
    if remaining > 0 {
      bitBuffer = 0
      bitCount = 0
      padBits = 0
      guard remaining <= input.count - inPosition else { throw .truncated }
      for offset in 0..<remaining {
        output[outPosition + offset] = input[inPosition + offset]
      }
      outPosition += remaining
      inPosition += remaining
    }
  }

  /// Reads a dynamic block's header and builds its two codes.
  mutating func readDynamicCodes() throws(InflateError) {
    refill()
    let literalCount = take(5) + 257
    let distanceCount = take(5) + 1
    let lengthCodeCount = take(4) + 4
    guard literalCount <= 286, distanceCount <= 30 else { throw .tooManyCodes }
    var codeLengthLengths = [UInt8](repeating: 0, count: 19)
    for index in 0..<lengthCodeCount {
      refill()
      codeLengthLengths[HuffmanCode.codeLengthOrder[index]] = UInt8(take(3))
    }
    try checkNotTruncated()
    try lengthCode.build(lengths: codeLengthLengths[...], kind: .codeLengths)

    let total = literalCount + distanceCount
    var lengths = [UInt8](repeating: 0, count: total)
    var index = 0
    while index < total {
      refill()
      let symbol = try decode(.codeLengths)
      if symbol < 16 {
        lengths[index] = UInt8(symbol)
        index += 1
        continue
      }
      var value: UInt8 = 0
      let repeatCount: Int
      switch symbol {
      case 16:
        guard index > 0 else { throw .repeatWithoutPrevious }
        value = lengths[index - 1]
        repeatCount = 3 + take(2)
      case 17: repeatCount = 3 + take(3)
      default: repeatCount = 11 + take(7)
      }
      try checkNotTruncated()
      guard repeatCount <= total - index else { throw .repeatTooLong }
      for _ in 0..<repeatCount {
        lengths[index] = value
        index += 1
      }
    }
    guard lengths[256] != 0 else { throw .missingEndOfBlock }
    try literals.build(lengths: lengths[0..<literalCount], kind: .literalsAndLengths)
    try distances.build(lengths: lengths[literalCount..<total], kind: .distances)
  }

  /// Decodes one symbol of the block's code of this kind; needs at least 15 bits buffered (padding counts).
  @inline(__always)
  mutating func decode(_ kind: InflateError.Code) throws(InflateError) -> Int {
    let slot = Int(truncatingIfNeeded: bitBuffer) & HuffmanCode.fastMask
    let entry: Int
    switch kind {
    case .literalsAndLengths: entry = Int(literals.fast[slot])
    case .distances: entry = Int(distances.fast[slot])
    case .codeLengths: entry = Int(lengthCode.fast[slot])
    }
    if entry != 0 {
      let length = entry >> 9
      bitBuffer >>= UInt64(length)
      bitCount -= length
      return entry & 0x1FF
    }
    switch kind {
    case .literalsAndLengths: return try decodeSlowly(literals, kind: kind)
    case .distances: return try decodeSlowly(distances, kind: kind)
    case .codeLengths: return try decodeSlowly(lengthCode, kind: kind)
    }
  }

  /// Decodes a symbol longer than the fast table, or fails on bits that are no code, walking the canonical code.
  mutating func decodeSlowly(_ code: HuffmanCode, kind: InflateError.Code) throws(InflateError) -> Int {
    var bits = bitBuffer
    var value = 0
    var first = 0
    var index = 0
    for length in 1...15 {
      value |= Int(truncatingIfNeeded: bits & 1)
      bits >>= 1
      let count = Int(code.counts[length])
      if value - first < count {
        bitBuffer >>= UInt64(length)
        bitCount -= length
        return Int(code.symbols[index + value - first])
      }
      index += count
      first = (first + count) << 1
      value <<= 1
    }
    throw .invalidSymbol(kind)
  }

  /// Decodes a block coded with ``literals`` and ``distances`` up to its end-of-block symbol.
  mutating func huffmanBlock() throws(InflateError) {
    let limit = output.count
    while true {
      refill()
      let symbol = try decode(.literalsAndLengths)
      if symbol < 256 {
        try checkNotTruncated()
        guard outPosition < limit else { throw .outputTooLarge(limit: limit) }
        output[outPosition] = UInt8(truncatingIfNeeded: symbol)
        outPosition += 1
        continue
      }
      if symbol == 256 {
        try checkNotTruncated()
        return
      }
      let lengthSymbol = symbol - 257
      guard lengthSymbol < 29 else { throw .invalidSymbol(.literalsAndLengths) }
      let length = Int(HuffmanCode.lengthBase[lengthSymbol]) + take(Int(HuffmanCode.lengthExtra[lengthSymbol]))
      let distanceSymbol = try decode(.distances)
      guard distanceSymbol < 30 else { throw .invalidSymbol(.distances) }
      let distance =
        Int(HuffmanCode.distanceBase[distanceSymbol]) + take(Int(HuffmanCode.distanceExtra[distanceSymbol]))
      try checkNotTruncated()
      guard distance <= outPosition else {
        throw .distanceTooFarBack(distance: distance, available: outPosition)
      }
      guard length <= limit - outPosition else { throw .outputTooLarge(limit: limit) }
      var source = outPosition - distance
      let end = outPosition + length
      while outPosition < end {
        output[outPosition] = output[source]
        outPosition += 1
        source += 1
      }
    }
  }
}

/// A canonical Huffman code as DEFLATE defines it: a fast lookup table for short codes, and the counts and
/// symbols of the canonical order for the rest.
private struct HuffmanCode {
  /// How many bits the fast table looks at.
  static let fastBits = 10
  /// The mask of ``fastBits`` bits.
  static let fastMask = (1 << fastBits) - 1

  /// Indexed by the next ``fastBits`` input bits: `length << 9 | symbol`, or 0 for a longer code (or no code).
  var fast: [UInt16]
  /// How many codes have each length 0…15.
  var counts: [UInt16]
  /// The symbols in canonical order (by length, then by symbol).
  var symbols: [UInt16]

  /// Creates an empty code with room for `symbolCapacity` symbols.
  init(symbolCapacity: Int) {
    fast = [UInt16](repeating: 0, count: 1 << HuffmanCode.fastBits)
    counts = [UInt16](repeating: 0, count: 16)
    symbols = [UInt16](repeating: 0, count: symbolCapacity)
  }

  /// Rebuilds the code from the code lengths of its symbols (0 = unused), checking the lengths form a valid code.
  ///
  /// Over-subscribed lengths are an error. Incomplete lengths are an error except, as zlib allows, a literal or
  /// distance code with a single code of length 1, and a distance code with no codes at all (a block of only
  /// literals); decoding an unused code is then an error.
  mutating func build(lengths: ArraySlice<UInt8>, kind: InflateError.Code) throws(InflateError) {
    for index in counts.indices { counts[index] = 0 }
    var longest = 0
    for length in lengths {
      counts[Int(length)] += 1
      longest = max(longest, Int(length))
    }
    counts[0] = 0
    var left = 1
    for length in 1...15 {
      left <<= 1
      left -= Int(counts[length])
      if left < 0 { throw .oversubscribed(kind) }
    }
    if left > 0 && longest > 0 && (kind == .codeLengths || longest != 1) { throw .incomplete(kind) }

    var offsets = [Int](repeating: 0, count: 16)
    for length in 1..<15 { offsets[length + 1] = offsets[length] + Int(counts[length]) }
    var nextCode = [Int](repeating: 0, count: 16)
    var code = 0
    for length in 1...15 {
      code = (code + Int(counts[length - 1])) << 1
      nextCode[length] = code
    }
    for index in fast.indices { fast[index] = 0 }
    for (position, length) in lengths.enumerated() where length != 0 {
      let bits = Int(length)
      symbols[offsets[bits]] = UInt16(position)
      offsets[bits] += 1
      let assigned = nextCode[bits]
      nextCode[bits] += 1
      guard bits <= HuffmanCode.fastBits else { continue }
      var reversed = 0
      for bit in 0..<bits where assigned & (1 << bit) != 0 { reversed |= 1 << (bits - 1 - bit) }
      let entry = UInt16(bits << 9 | position)
      var slot = reversed
      while slot < fast.count {
        fast[slot] = entry
        slot += 1 << bits
      }
    }
  }

  /// The order in which a dynamic header lists the code-length code's lengths.
  static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
  /// The fixed literal/length code lengths (block type 1).
  static let fixedLiteralLengths: [UInt8] =
    [UInt8](repeating: 8, count: 144) + [UInt8](repeating: 9, count: 112) + [UInt8](repeating: 7, count: 24)
    + [UInt8](repeating: 8, count: 8)
  /// The fixed distance code lengths (block type 1); symbols 30 and 31 are invalid when decoded.
  static let fixedDistanceLengths = [UInt8](repeating: 5, count: 32)
  /// The shortest length of each length symbol 257…285.
  static let lengthBase: [UInt16] = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258,
  ]
  /// The extra bits of each length symbol 257…285.
  static let lengthExtra: [UInt8] = [
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
  ]
  /// The shortest distance of each distance symbol 0…29.
  static let distanceBase: [UInt16] = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097,
    6145, 8193, 12289, 16385, 24577,
  ]
  /// The extra bits of each distance symbol 0…29.
  static let distanceExtra: [UInt8] = [
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
  ]
}
