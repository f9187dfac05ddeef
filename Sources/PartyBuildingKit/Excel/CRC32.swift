/// The CRC-32 checksum of ZIP archives (IEEE 802.3, reflected polynomial 0xEDB88320), computed with tables.
///
/// Feed bytes in any number of pieces with ``update(_:)-(UnsafeRawBufferPointer)``; ``value`` is the checksum of
/// all of them. Eight bytes are folded in per step ("slicing by 8") over raw buffers whose bounds the loops respect.
package struct CRC32: Sendable, Equatable {
  /// The running register, inverted as the algorithm keeps it.
  private var register: UInt32 = 0xFFFF_FFFF

  /// Creates a checksum of no bytes (its ``value`` is 0).
  package init() {}

  /// The checksum of the bytes fed so far.
  package var value: UInt32 { register ^ 0xFFFF_FFFF }

  /// Adds bytes to the checksum.
  package mutating func update(_ bytes: UnsafeRawBufferPointer) {
    var crc = register
    let count = bytes.count
    CRC32.tables.withUnsafeBufferPointer { table in
      var index = 0
      while count - index >= 8 {
        let low =
          (UInt32(bytes[index]) | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2]) << 16
            | UInt32(bytes[index + 3]) << 24) ^ crc
        let high =
          UInt32(bytes[index + 4]) | UInt32(bytes[index + 5]) << 8 | UInt32(bytes[index + 6]) << 16
          | UInt32(bytes[index + 7]) << 24
        crc =
          table[7 * 256 + Int(low & 0xFF)] ^ table[6 * 256 + Int(low >> 8 & 0xFF)]
          ^ table[5 * 256 + Int(low >> 16 & 0xFF)] ^ table[4 * 256 + Int(low >> 24)]
          ^ table[3 * 256 + Int(high & 0xFF)] ^ table[2 * 256 + Int(high >> 8 & 0xFF)]
          ^ table[256 + Int(high >> 16 & 0xFF)] ^ table[Int(high >> 24)]
        index += 8
      }
      while index < count {
        crc = table[Int((crc ^ UInt32(bytes[index])) & 0xFF)] ^ (crc >> 8)
        index += 1
      }
    }
    register = crc
  }

  /// Adds the bytes of an array to the checksum.
  package mutating func update(_ bytes: [UInt8]) {
    bytes.withUnsafeBytes { update($0) }
  }

  /// The checksum of an array of bytes.
  package static func checksum(_ bytes: [UInt8]) -> UInt32 {
    var crc = CRC32()
    crc.update(bytes)
    return crc.value
  }

  /// Eight tables of 256 entries: the first the remainders of each byte value, each next one the previous shifted
  /// by a further byte.
  private static let tables: [UInt32] = {
    var tables = [UInt32](repeating: 0, count: 8 * 256)
    for index in 0..<256 {
      var value = UInt32(index)
      for _ in 0..<8 { value = (value & 1) != 0 ? (0xEDB8_8320 ^ (value >> 1)) : (value >> 1) }
      tables[index] = value
    }
    for slice in 1..<8 {
      for index in 0..<256 {
        let previous = tables[(slice - 1) * 256 + index]
        tables[slice * 256 + index] = (previous >> 8) ^ tables[Int(previous & 0xFF)]
      }
    }
    return tables
  }()
}
