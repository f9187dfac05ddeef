#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Checks on the bytes of a cell: UTF-8, spaces, and the one message for text that is not UTF-8.
enum CellText {
  /// What a record whose cell is not UTF-8 is told.
  static let notUTF8Message = Message(.cellNotUTF8)

  /// Whether `cell` is valid UTF-8 (ASCII checked eight bytes at a time first).
  @inline(__always)
  static func isUTF8(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = cell.baseAddress, !cell.isEmpty else { return true }
    return TextEncodingCheck.isValidUTF8(base, count: cell.count)
  }

  /// The bytes without leading and trailing spaces and tabs.
  static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
    var start = 0
    var end = bytes.count
    while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
    while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
    return UnsafeBufferPointer(rebasing: bytes[start..<end])
  }
}

/// A cell of digits with an optional `-` and one `.`, read straight from its bytes: the fast lane's numbers.
enum PlainDecimal {
  /// The value, exactly as ``ExactDecimal`` reads the same text (trailing fraction zeros dropped); nil for anything
  /// else (the general path then reads the cell), including more than 18 digits.
  @inline(__always)
  static func read(_ cell: UnsafeBufferPointer<UInt8>) -> ExactDecimal? {
    guard !cell.isEmpty else { return nil }
    var index = 0
    var negative = false
    if cell[0] == 0x2D {
      negative = true
      index = 1
    }
    var significand: Int64 = 0
    var digits = 0
    var integerDigits = 0
    var scale = -1
    while index < cell.count {
      let byte = cell[index]
      if byte >= 0x30, byte <= 0x39 {
        if digits == 18 { return nil }
        significand = significand &* 10 &+ Int64(byte &- 0x30)
        digits += 1
        if scale >= 0 { scale += 1 } else { integerDigits += 1 }
      } else if byte == 0x2E, scale < 0 {
        scale = 0
      } else {
        return nil
      }
      index += 1
    }
    guard integerDigits > 0, scale != 0 else { return nil }
    // As ExactDecimal reads text: trailing zeros of the fraction are dropped ("6.0" is 6).
    while scale > 0, significand % 10 == 0 {
      significand /= 10
      scale -= 1
    }
    return ExactDecimal(significand: negative ? -significand : significand, scale: max(scale, 0))
  }
}

/// A growing buffer of bytes a reader reuses (a cell unescaped, a record's fields), in memory it owns.
final class ByteScratch {
  private var base: UnsafeMutablePointer<UInt8>
  private var capacity: Int

  init(capacity: Int = 256) {
    self.capacity = capacity
    base = .allocate(capacity: capacity)
  }

  deinit { base.deallocate() }

  /// `quoted`'s bytes with every `""` made one `"`; valid until the next call.
  func unescapingQuotes(_ quoted: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
    if quoted.count > capacity {
      base.deallocate()
      capacity = quoted.count
      base = .allocate(capacity: capacity)
    }
    var count = 0
    var index = 0
    while index < quoted.count {
      base[count] = quoted[index]
      count += 1
      index += quoted[index] == CSVTokenizer.quote ? 2 : 1
    }
    return UnsafeBufferPointer(start: base, count: count)
  }
}

/// A 64-bit fingerprint of a subject's id, for the repeated-id check (FNV-1a, then a 64-bit finaliser so that similar
/// ids spread over the table; never 0).
enum IDFingerprint {
  static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in bytes {
      hash ^= UInt64(byte)
      hash &*= 0x0000_0100_0000_01B3
    }
    hash ^= UInt64(bytes.count) &* 0x9E37_79B9_7F4A_7C15
    hash ^= hash >> 33
    hash &*= 0xFF51_AFD7_ED55_8CCD
    hash ^= hash >> 33
    hash &*= 0xC4CE_B9FE_1A85_EC53
    hash ^= hash >> 33
    return hash == 0 ? 1 : hash
  }

  static func of(_ text: String) -> UInt64 {
    var text = text
    return text.withUTF8 { of($0) }
  }
}

/// The ids seen so far in a batch, as 64-bit fingerprints with the line each was first seen on.
///
/// At most 16 bytes per subject: 12 bytes a slot (fingerprint and line), in 256 tables chosen by the fingerprint's top
/// byte, each kept between 75% and 90% full by growing a fifth at a time, so growing never holds more than one small
/// table twice. Two different ids taken for one: with 64-bit fingerprints, about 1 in 5,000 for all 88 million
/// members of the country, below 1 in 10⁹ for 100,000 subjects; the message names both lines so that a person sees it.
struct IDSet {
  private struct Table {
    var fingerprints: [UInt64]
    var lines: [UInt32]
    var count = 0

    init(size: Int) {
      fingerprints = [UInt64](repeating: 0, count: size)
      lines = [UInt32](repeating: 0, count: size)
    }

    /// The slot `fingerprint` starts probing at: its low bits scaled to the table's size.
    @inline(__always) func home(_ fingerprint: UInt64) -> Int {
      Int(truncatingIfNeeded: (fingerprint << 8).multipliedFullWidth(by: UInt64(fingerprints.count)).high)
    }

    mutating func insert(_ fingerprint: UInt64, line: UInt32) -> UInt32? {
      let size = fingerprints.count
      var index = home(fingerprint)
      while true {
        let held = fingerprints[index]
        if held == 0 {
          fingerprints[index] = fingerprint
          lines[index] = line
          count += 1
          return nil
        }
        if held == fingerprint { return lines[index] }
        index += 1
        if index == size { index = 0 }
      }
    }
  }

  private var tables: [Table] = (0..<256).map { _ in Table(size: 16) }
  /// How many ids are held.
  private(set) var count = 0

  init() {}

  /// Records `fingerprint` first seen on `line`; returns the line it was first seen on when it was seen before.
  mutating func insert(_ fingerprint: UInt64, line: Int) -> Int? {
    let which = Int(truncatingIfNeeded: fingerprint >> 56)
    if (tables[which].count + 1) * 10 > tables[which].fingerprints.count * 9 { grow(which) }
    guard let first = tables[which].insert(fingerprint, line: UInt32(clamping: line)) else {
      count += 1
      return nil
    }
    return Int(first)
  }

  /// The bytes the set holds.
  var storageBytes: Int { tables.reduce(0) { $0 + $1.fingerprints.count * 12 } }

  private mutating func grow(_ which: Int) {
    let old = tables[which]
    var table = Table(size: old.fingerprints.count + max(1, old.fingerprints.count / 5))
    for (index, fingerprint) in old.fingerprints.enumerated() where fingerprint != 0 {
      _ = table.insert(fingerprint, line: old.lines[index])
    }
    tables[which] = table
  }
}
