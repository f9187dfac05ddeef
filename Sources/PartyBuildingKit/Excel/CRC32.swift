/// The CRC-32 checksum of ZIP archives (IEEE 802.3, reflected polynomial 0xEDB88320), computed with a table.
///
/// Feed bytes in any number of pieces with ``update(_:)``; ``value`` is the checksum of all of them.
package struct CRC32: Sendable, Equatable {
  /// The running register, inverted as the algorithm keeps it.
  private var register: UInt32 = 0xFFFF_FFFF

  /// Creates a checksum of no bytes (its ``value`` is 0).
  package init() {}

  /// The checksum of the bytes fed so far.
  package var value: UInt32 { register ^ 0xFFFF_FFFF }

  /// Adds bytes to the checksum.
  package mutating func update(_ bytes: some Sequence<UInt8>) {
    let table = CRC32.table
    var crc = register
    for byte in bytes {
      crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
    }
    register = crc
  }

  /// The checksum of one run of bytes.
  package static func checksum(_ bytes: some Sequence<UInt8>) -> UInt32 {
    var crc = CRC32()
    crc.update(bytes)
    return crc.value
  }

  /// The 256 remainders of the reflected polynomial, one per byte value.
  private static let table: [UInt32] = (0..<256).map { index in
    var value = UInt32(index)
    for _ in 0..<8 {
      value = (value & 1) != 0 ? (0xEDB8_8320 ^ (value >> 1)) : (value >> 1)
    }
    return value
  }
}
