/// Writes a ZIP archive into memory: local headers, data, central directory, end record.
///
/// Every entry gets the same caller-given timestamp and the UTF-8 name flag, and entries appear in the order
/// they are added, so the same inputs give the same bytes. Entries are stored (method 0) or, when asked,
/// deflated (method 8) with ``Deflate``. No ZIP64: an archive that would need it is refused.
package struct ZipWriter: Sendable {
  /// The archive written so far: local headers and data.
  private var output: [UInt8] = []
  /// The central directory records written so far.
  private var directory: [UInt8] = []
  /// How many entries have been added.
  private var entryCount = 0
  /// The timestamp of every entry.
  package let timestamp: ExcelTimestamp

  /// Starts an empty archive whose entries carry `timestamp`.
  package init(timestamp: ExcelTimestamp = .fixed) {
    self.timestamp = timestamp
  }

  /// Adds an entry; with `compress`, its data is deflated unless that would not make it smaller.
  package mutating func add(name: String, contents: [UInt8], compress: Bool = false) throws(ExcelError) {
    let crc = CRC32.checksum(contents)
    var method: UInt16 = 0
    var stored = contents
    if compress {
      let deflated = Deflate.compress(contents)
      if deflated.count < contents.count {
        method = 8
        stored = deflated
      }
    }
    let nameBytes = Array(name.utf8)
    let offset = output.count
    guard entryCount < 0xFFFF, nameBytes.count <= 0xFFFF, contents.count < 0xFFFF_FFFF,
      offset + 30 + nameBytes.count + stored.count < 0xFFFF_FFFF
    else { throw .outputTooLarge }
    let version: UInt16 = method == 8 ? 20 : 10
    let flags: UInt16 = 0x0800

    output.appendUInt32(0x0403_4B50)
    output.appendUInt16(version)
    output.appendUInt16(flags)
    output.appendUInt16(method)
    output.appendUInt16(timestamp.dosTime)
    output.appendUInt16(timestamp.dosDate)
    output.appendUInt32(crc)
    output.appendUInt32(UInt32(stored.count))
    output.appendUInt32(UInt32(contents.count))
    output.appendUInt16(UInt16(nameBytes.count))
    output.appendUInt16(0)
    output.append(contentsOf: nameBytes)
    output.append(contentsOf: stored)

    directory.appendUInt32(0x0201_4B50)
    directory.appendUInt16(0x0300 | 20)  // made by: Unix, ZIP 2.0
    directory.appendUInt16(version)
    directory.appendUInt16(flags)
    directory.appendUInt16(method)
    directory.appendUInt16(timestamp.dosTime)
    directory.appendUInt16(timestamp.dosDate)
    directory.appendUInt32(crc)
    directory.appendUInt32(UInt32(stored.count))
    directory.appendUInt32(UInt32(contents.count))
    directory.appendUInt16(UInt16(nameBytes.count))
    directory.appendUInt16(0)  // extra field length
    directory.appendUInt16(0)  // comment length
    directory.appendUInt16(0)  // disk number start
    directory.appendUInt16(0)  // internal attributes
    directory.appendUInt32(0o100644 << 16)  // external attributes: a regular file, rw-r--r--
    directory.appendUInt32(UInt32(offset))
    directory.append(contentsOf: nameBytes)
    entryCount += 1
  }

  /// The finished archive.
  package func finish() throws(ExcelError) -> [UInt8] {
    guard output.count + directory.count < 0xFFFF_FFFF else { throw .outputTooLarge }
    var archive = output
    archive.reserveCapacity(output.count + directory.count + 22)
    archive.append(contentsOf: directory)
    archive.appendUInt32(0x0605_4B50)
    archive.appendUInt16(0)  // this disk
    archive.appendUInt16(0)  // the directory's disk
    archive.appendUInt16(UInt16(entryCount))
    archive.appendUInt16(UInt16(entryCount))
    archive.appendUInt32(UInt32(directory.count))
    archive.appendUInt32(UInt32(output.count))
    archive.appendUInt16(0)  // comment length
    return archive
  }
}

/// Appending little-endian integers to the bytes of an archive.
extension [UInt8] {
  /// Appends a 16-bit value, little-endian.
  mutating func appendUInt16(_ value: UInt16) {
    append(UInt8(truncatingIfNeeded: value))
    append(UInt8(truncatingIfNeeded: value >> 8))
  }

  /// Appends a 32-bit value, little-endian.
  mutating func appendUInt32(_ value: UInt32) {
    for shift in stride(from: 0, to: 32, by: 8) { append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
  }
}
