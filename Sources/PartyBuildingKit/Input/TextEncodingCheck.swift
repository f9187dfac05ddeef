/// UTF-8 checks shared by the JSON and CSV readers.
///
/// Both readers validate bytes themselves instead of letting `String` repair
/// them, so a file saved as GBK or UTF-16 is reported with its location
/// rather than turned into replacement characters.
enum TextEncodingCheck {
  /// The length of the valid UTF-8 sequence starting at `p[i]` (a byte >= 0x80), or 0 if invalid.
  ///
  /// Rejects overlong forms, surrogates (U+D800...U+DFFF), values above
  /// U+10FFFF and sequences cut off by `end`.
  @inline(__always)
  static func sequenceLength(_ p: UnsafePointer<UInt8>, at i: Int, end: Int) -> Int {
    let b0 = p[i]
    switch b0 {
    case 0xC2...0xDF:
      guard i + 1 < end, isContinuation(p[i + 1]) else { return 0 }
      return 2
    case 0xE0...0xEF:
      guard i + 2 < end else { return 0 }
      let b1 = p[i + 1]
      let lower: UInt8 = b0 == 0xE0 ? 0xA0 : 0x80
      let upper: UInt8 = b0 == 0xED ? 0x9F : 0xBF
      guard b1 >= lower, b1 <= upper, isContinuation(p[i + 2]) else { return 0 }
      return 3
    case 0xF0...0xF4:
      guard i + 3 < end else { return 0 }
      let b1 = p[i + 1]
      let lower: UInt8 = b0 == 0xF0 ? 0x90 : 0x80
      let upper: UInt8 = b0 == 0xF4 ? 0x8F : 0xBF
      guard b1 >= lower, b1 <= upper, isContinuation(p[i + 2]), isContinuation(p[i + 3]) else {
        return 0
      }
      return 4
    default:
      return 0
    }
  }

  /// Whether the bytes from `p[i]` to `end` are the valid beginning of a UTF-8 sequence cut off by `end`.
  ///
  /// This tells a truncated file (cut in the middle of a character) from one
  /// in another encoding.
  static func isCutOffSequence(_ p: UnsafePointer<UInt8>, at i: Int, end: Int) -> Bool {
    let b0 = p[i]
    let length: Int
    switch b0 {
    case 0xC2...0xDF: length = 2
    case 0xE0...0xEF: length = 3
    case 0xF0...0xF4: length = 4
    default: return false
    }
    guard i + length > end else { return false }
    for k in 1..<(end - i) {
      let b = p[i + k]
      guard isContinuation(b) else { return false }
      if k == 1 {
        if b0 == 0xE0 && b < 0xA0 { return false }
        if b0 == 0xED && b > 0x9F { return false }
        if b0 == 0xF0 && b < 0x90 { return false }
        if b0 == 0xF4 && b > 0x8F { return false }
      }
    }
    return true
  }

  /// Whether a byte is a UTF-8 continuation byte (10xxxxxx).
  @inline(__always)
  static func isContinuation(_ b: UInt8) -> Bool { b & 0xC0 == 0x80 }

  /// The offset of the first byte that is not part of valid UTF-8, or nil if all are valid.
  static func firstInvalidOffset(_ p: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int? {
    var i = start
    while i < end {
      if p[i] < 0x80 {
        i += 1
      } else {
        let n = sequenceLength(p, at: i, end: end)
        if n == 0 { return i }
        i += n
      }
    }
    return nil
  }

  /// Whether `count` bytes at `p` are valid UTF-8; checks 8 bytes at a time while they are ASCII.
  @inline(__always)
  static func isValidUTF8(_ p: UnsafePointer<UInt8>, count: Int) -> Bool {
    var i = 0
    let raw = UnsafeRawPointer(p)
    while i + 8 <= count {
      if raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 {
        return firstInvalidOffset(p, from: i, to: count) == nil
      }
      i += 8
    }
    while i < count {
      if p[i] >= 0x80 { return firstInvalidOffset(p, from: i, to: count) == nil }
      i += 1
    }
    return true
  }

  /// The Unicode scalar starting at `p[i]`, or nil if the bytes there are not valid UTF-8.
  static func scalar(_ p: UnsafePointer<UInt8>, at i: Int, end: Int) -> Unicode.Scalar? {
    let b0 = p[i]
    if b0 < 0x80 { return Unicode.Scalar(b0) }
    let n = sequenceLength(p, at: i, end: end)
    var value: UInt32
    switch n {
    case 2: value = UInt32(b0 & 0x1F)
    case 3: value = UInt32(b0 & 0x0F)
    case 4: value = UInt32(b0 & 0x07)
    default: return nil
    }
    for k in 1..<n { value = value << 6 | UInt32(p[i + k] & 0x3F) }
    return Unicode.Scalar(value)
  }

  /// Whether the bytes start with a UTF-16 byte order mark (FF FE or FE FF).
  ///
  /// Excel's "Unicode 文本" format and some Windows editors save UTF-16.
  static func startsWithUTF16ByteOrderMark(_ p: UnsafePointer<UInt8>, count: Int) -> Bool {
    count >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF))
  }

  /// Whether the bytes start with the UTF-8 byte order mark (EF BB BF).
  static func startsWithUTF8ByteOrderMark(_ p: UnsafePointer<UInt8>, count: Int) -> Bool {
    count >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF
  }

  /// Appends the UTF-8 encoding of a scalar to a byte buffer.
  @inline(__always)
  static func appendUTF8(_ scalar: Unicode.Scalar, to bytes: inout [UInt8]) {
    let v = scalar.value
    switch v {
    case 0..<0x80:
      bytes.append(UInt8(v))
    case 0x80..<0x800:
      bytes.append(UInt8(0xC0 | v >> 6))
      bytes.append(UInt8(0x80 | v & 0x3F))
    case 0x800..<0x10000:
      bytes.append(UInt8(0xE0 | v >> 12))
      bytes.append(UInt8(0x80 | v >> 6 & 0x3F))
      bytes.append(UInt8(0x80 | v & 0x3F))
    default:
      bytes.append(UInt8(0xF0 | v >> 18))
      bytes.append(UInt8(0x80 | v >> 12 & 0x3F))
      bytes.append(UInt8(0x80 | v >> 6 & 0x3F))
      bytes.append(UInt8(0x80 | v & 0x3F))
    }
  }
}
