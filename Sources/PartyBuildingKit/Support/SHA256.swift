#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The SHA-256 digest of FIPS 180-4, taken over bytes fed in any number of pieces: what a run's provenance records of
/// its pack file and its input file.
///
/// ```swift
/// var hasher = SHA256()
/// hasher.update(bytes: header)
/// hasher.update(bytes: body)
/// let digest = hasher.finalize()   // 32 bytes; digest.hex is 64 lowercase hexadecimal digits
/// ```
///
/// Whole 64-byte blocks are compressed straight from the caller's buffer; only a partial block is copied, into a
/// fixed 64-byte store inside the value (no allocation per update).
package struct SHA256: Sendable {
  /// The eight working words H0…H7 of the hash value.
  private var h0: UInt32 = 0x6A09_E667
  private var h1: UInt32 = 0xBB67_AE85
  private var h2: UInt32 = 0x3C6E_F372
  private var h3: UInt32 = 0xA54F_F53A
  private var h4: UInt32 = 0x510E_527F
  private var h5: UInt32 = 0x9B05_688C
  private var h6: UInt32 = 0x1F83_D9AB
  private var h7: UInt32 = 0x5BE0_CD19
  /// The bytes of a block not yet full, in its first `pendingCount` bytes.
  private var pending: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
  /// How many bytes of `pending` are filled, 0…63.
  private var pendingCount = 0
  /// How many bytes have been fed in all.
  private var length: UInt64 = 0

  /// A hasher that has been fed no bytes.
  package init() {}

  /// Feeds bytes to the hasher.
  package mutating func update(bytes: UnsafeRawBufferPointer) {
    guard var source = bytes.baseAddress, bytes.count > 0 else { return }
    var remaining = bytes.count
    length &+= UInt64(remaining)
    if pendingCount > 0 {
      let taken = Swift.min(64 - pendingCount, remaining)
      let offset = pendingCount
      withUnsafeMutableBytes(of: &pending) { store in
        (store.baseAddress! + offset).copyMemory(from: source, byteCount: taken)
      }
      pendingCount += taken
      source += taken
      remaining -= taken
      guard pendingCount == 64 else { return }
      let block = pending
      withUnsafeBytes(of: block) { compress($0.baseAddress!, blocks: 1) }
      pendingCount = 0
    }
    let blocks = remaining / 64
    if blocks > 0 {
      compress(source, blocks: blocks)
      source += blocks * 64
      remaining -= blocks * 64
    }
    if remaining > 0 {
      withUnsafeMutableBytes(of: &pending) { store in
        store.baseAddress!.copyMemory(from: source, byteCount: remaining)
      }
      pendingCount = remaining
    }
  }

  /// Feeds the bytes of an array to the hasher.
  package mutating func update(bytes: [UInt8]) {
    bytes.withUnsafeBytes { update(bytes: $0) }
  }

  /// The digest of every byte fed so far. The hasher itself is left as it was, so more bytes can still be fed.
  package func finalize() -> Digest {
    var copy = self
    let bitLength = length &* 8
    // 0x80, then zeros up to 56 bytes into a block, then the length in bits as a big-endian 64-bit number.
    var padding = [UInt8](repeating: 0, count: 72)
    padding[0] = 0x80
    let zeros = (55 - pendingCount + 64) % 64
    for index in 0..<8 { padding[1 + zeros + index] = UInt8(truncatingIfNeeded: bitLength >> (56 - 8 * index)) }
    padding.withUnsafeBytes { copy.update(bytes: UnsafeRawBufferPointer(rebasing: $0[0..<(1 + zeros + 8)])) }
    assert(copy.pendingCount == 0)
    var bytes = [UInt8]()
    bytes.reserveCapacity(32)
    for word in [copy.h0, copy.h1, copy.h2, copy.h3, copy.h4, copy.h5, copy.h6, copy.h7] {
      bytes += [UInt8(word >> 24), UInt8(word >> 16 & 0xFF), UInt8(word >> 8 & 0xFF), UInt8(word & 0xFF)]
    }
    return Digest(bytes: bytes)
  }

  /// A SHA-256 digest: 32 bytes.
  package struct Digest: Sendable, Hashable, CustomStringConvertible {
    /// The 32 bytes of the digest, in the order FIPS 180-4 writes them.
    package let bytes: [UInt8]

    /// The digest as 64 lowercase hexadecimal digits, as `sha256sum` prints it.
    package var hex: String {
      let digits = Array("0123456789abcdef".utf8)
      var text = [UInt8]()
      text.reserveCapacity(2 * bytes.count)
      for byte in bytes {
        text.append(digits[Int(byte >> 4)])
        text.append(digits[Int(byte & 0x0F)])
      }
      return String(decoding: text, as: UTF8.self)
    }

    package var description: String { hex }
  }

  /// The digest of `bytes` as 64 lowercase hexadecimal digits.
  package static func hex(of bytes: [UInt8]) -> String {
    var hasher = SHA256()
    hasher.update(bytes: bytes)
    return hasher.finalize().hex
  }

  /// The digest of a file's bytes as 64 lowercase hexadecimal digits, as `sha256sum` prints it; the file is read in
  /// chunks of 1 MiB, so its size does not matter.
  package static func hexOfFile(path: String) throws(FileError) -> String {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw FileError(path: path, reason: ByteInput.reason(errno).description) }
    defer { close(descriptor) }
    let chunkSize = 1 << 20
    let chunk = UnsafeMutableRawPointer.allocate(byteCount: chunkSize, alignment: 16)
    defer { chunk.deallocate() }
    var hasher = SHA256()
    while true {
      let count = posixRead(descriptor, chunk, chunkSize)
      if count == 0 { break }
      if count < 0 {
        if errno == EINTR { continue }
        throw FileError(path: path, reason: ByteInput.reason(errno).description)
      }
      hasher.update(bytes: UnsafeRawBufferPointer(start: chunk, count: count))
    }
    return hasher.finalize().hex
  }

  /// Why a file's digest cannot be taken: the file and the reason, e.g. "no such file".
  package struct FileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The path as given.
    package var path: String
    /// Why it cannot be read, in words.
    package var reason: String

    package init(path: String, reason: String) {
      self.path = path
      self.reason = reason
    }

    package var description: String { "\(path): cannot read the file to take its SHA-256 digest: \(reason)" }
  }

  // MARK: Compression

  /// Runs the compression function over `blocks` whole 64-byte blocks starting at `start` (any alignment).
  private mutating func compress(_ start: UnsafeRawPointer, blocks: Int) {
    // The hash value in locals for the run over all blocks.
    var (s0, s1, s2, s3, s4, s5, s6, s7) = (h0, h1, h2, h3, h4, h5, h6, h7)
    Self.constants.withUnsafeBufferPointer { k in
      withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
        for block in 0..<blocks {
          let base = start + block * 64
          for t in 0..<16 {
            w[t] = UInt32(bigEndian: base.loadUnaligned(fromByteOffset: 4 * t, as: UInt32.self))
          }
          for t in 16..<64 {
            let x = w[t &- 15]
            let y = w[t &- 2]
            let sigma0 = Self.rotate(x, 7) ^ Self.rotate(x, 18) ^ (x &>> 3)
            let sigma1 = Self.rotate(y, 17) ^ Self.rotate(y, 19) ^ (y &>> 10)
            w[t] = w[t &- 16] &+ sigma0 &+ w[t &- 7] &+ sigma1
          }
          var (a, b, c, d, e, f, g, h) = (s0, s1, s2, s3, s4, s5, s6, s7)
          // Eight rounds per step, the roles of the eight words turning instead of their values moving.
          for t in stride(from: 0, to: 64, by: 8) {
            Self.round(a, b, c, &d, e, f, g, &h, k[t] &+ w[t])
            Self.round(h, a, b, &c, d, e, f, &g, k[t &+ 1] &+ w[t &+ 1])
            Self.round(g, h, a, &b, c, d, e, &f, k[t &+ 2] &+ w[t &+ 2])
            Self.round(f, g, h, &a, b, c, d, &e, k[t &+ 3] &+ w[t &+ 3])
            Self.round(e, f, g, &h, a, b, c, &d, k[t &+ 4] &+ w[t &+ 4])
            Self.round(d, e, f, &g, h, a, b, &c, k[t &+ 5] &+ w[t &+ 5])
            Self.round(c, d, e, &f, g, h, a, &b, k[t &+ 6] &+ w[t &+ 6])
            Self.round(b, c, d, &e, f, g, h, &a, k[t &+ 7] &+ w[t &+ 7])
          }
          s0 &+= a
          s1 &+= b
          s2 &+= c
          s3 &+= d
          s4 &+= e
          s5 &+= f
          s6 &+= g
          s7 &+= h
        }
      }
    }
    (h0, h1, h2, h3, h4, h5, h6, h7) = (s0, s1, s2, s3, s4, s5, s6, s7)
  }

  /// One round of FIPS 180-4 §6.2.2 step 3, written for the words in the roles they have in this round: `d` becomes
  /// the next round's `e` and `h` its `a`; `kw` is K[t] + W[t].
  @inline(__always) private static func round(
    _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
    _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32, _ kw: UInt32
  ) {
    let sum1 = rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)
    let choice = g ^ (e & (f ^ g))
    let t1 = h &+ sum1 &+ choice &+ kw
    let sum0 = rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)
    let majority = ((a ^ b) & (b ^ c)) ^ b
    d &+= t1
    h = t1 &+ sum0 &+ majority
  }

  /// `value` rotated right by `count` bits, 0 < count < 32.
  @inline(__always) private static func rotate(_ value: UInt32, _ count: UInt32) -> UInt32 {
    (value &>> count) | (value &<< (32 &- count))
  }

  /// The 64 round constants K0…K63: the first 32 bits of the fractional parts of the cube roots of the first 64
  /// primes.
  private static let constants: [UInt32] = [
    0x428A_2F98, 0x7137_4491, 0xB5C0_FBCF, 0xE9B5_DBA5, 0x3956_C25B, 0x59F1_11F1, 0x923F_82A4, 0xAB1C_5ED5,
    0xD807_AA98, 0x1283_5B01, 0x2431_85BE, 0x550C_7DC3, 0x72BE_5D74, 0x80DE_B1FE, 0x9BDC_06A7, 0xC19B_F174,
    0xE49B_69C1, 0xEFBE_4786, 0x0FC1_9DC6, 0x240C_A1CC, 0x2DE9_2C6F, 0x4A74_84AA, 0x5CB0_A9DC, 0x76F9_88DA,
    0x983E_5152, 0xA831_C66D, 0xB003_27C8, 0xBF59_7FC7, 0xC6E0_0BF3, 0xD5A7_9147, 0x06CA_6351, 0x1429_2967,
    0x27B7_0A85, 0x2E1B_2138, 0x4D2C_6DFC, 0x5338_0D13, 0x650A_7354, 0x766A_0ABB, 0x81C2_C92E, 0x9272_2C85,
    0xA2BF_E8A1, 0xA81A_664B, 0xC24B_8B70, 0xC76C_51A3, 0xD192_E819, 0xD699_0624, 0xF40E_3585, 0x106A_A070,
    0x19A4_C116, 0x1E37_6C08, 0x2748_774C, 0x34B0_BCB5, 0x391C_0CB3, 0x4ED8_AA4A, 0x5B9C_CA4F, 0x682E_6FF3,
    0x748F_82EE, 0x78A5_636F, 0x84C8_7814, 0x8CC7_0208, 0x90BE_FFFA, 0xA450_6CEB, 0xBEF9_A3F7, 0xC671_78F2,
  ]
}
