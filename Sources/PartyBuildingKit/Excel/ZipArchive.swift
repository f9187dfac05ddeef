/// Limits that keep reading a hostile archive bounded in memory and time.
package struct ZipLimits: Sendable, Equatable {
  /// The most bytes all entries together may declare uncompressed.
  package var maxTotalUncompressed: Int
  /// The most times larger than its compressed data an entry may declare itself. DEFLATE cannot exceed about
  /// 1,032:1, so a larger claim is a forged header.
  package var maxRatio: Int

  /// Creates limits.
  package init(maxTotalUncompressed: Int, maxRatio: Int) {
    self.maxTotalUncompressed = maxTotalUncompressed
    self.maxRatio = maxRatio
  }

  /// 1 GiB in all, at most 1,100:1 per entry: far beyond any workbook a clerk makes.
  package static let standard = ZipLimits(maxTotalUncompressed: 1 << 30, maxRatio: 1_100)
}

/// One file in a ZIP archive, as its central directory describes it.
package struct ZipEntry: Sendable, Equatable {
  /// The entry's path inside the archive, like `xl/workbook.xml`.
  package var name: String
  /// The general-purpose flags (bit 0: encrypted; bit 3: sizes in a data descriptor; bit 11: UTF-8 name).
  package var flags: UInt16
  /// The compression method: 0 stored, 8 deflate.
  package var method: UInt16
  /// The CRC-32 of the uncompressed data.
  package var crc32: UInt32
  /// The size of the stored (compressed) data, in bytes.
  package var compressedSize: Int
  /// The size of the uncompressed data, in bytes.
  package var uncompressedSize: Int
  /// Where the entry's local header starts in the archive.
  package var localHeaderOffset: Int
}

/// A ZIP archive in memory: its central directory read and checked, its entries unpacked on request.
///
/// Reads stored (0) and deflate (8) entries and checks their CRC-32 and sizes. Refuses ZIP64, split archives,
/// encrypted entries and other methods with an ``ExcelError`` that says so. The declared sizes are checked against
/// ``ZipLimits`` before anything is unpacked, and an entry never unpacks to more than it declared.
package struct ZipArchive: Sendable {
  /// The whole archive.
  package let bytes: [UInt8]
  /// The entries in central-directory order.
  package let entries: [ZipEntry]
  /// The limits the archive was opened with.
  package let limits: ZipLimits
  /// Entry indexes by ASCII-lower-cased name (part names are case-insensitive in OOXML); the first of duplicates.
  private let index: [String: Int]

  /// Reads an archive's central directory.
  package init(bytes: [UInt8], limits: ZipLimits = .standard) throws(ExcelError) {
    self.bytes = bytes
    self.limits = limits
    let end = try ZipArchive.findEndRecord(bytes)
    let diskNumber = bytes.uint16(at: end + 4)
    let directoryDisk = bytes.uint16(at: end + 6)
    let entriesOnDisk = Int(bytes.uint16(at: end + 8))
    let entryCount = Int(bytes.uint16(at: end + 10))
    let directorySize = Int(bytes.uint32(at: end + 12))
    let directoryOffset = Int(bytes.uint32(at: end + 16))
    if entryCount == 0xFFFF || entriesOnDisk == 0xFFFF || directorySize == 0xFFFF_FFFF
      || directoryOffset == 0xFFFF_FFFF || (end >= 20 && bytes.uint32(at: end - 20) == 0x0706_4B50)
    {
      throw .zip64
    }
    guard diskNumber == 0, directoryDisk == 0, entriesOnDisk == entryCount else {
      throw .damagedArchive(.splitArchive)
    }
    guard directoryOffset <= end, directorySize <= end - directoryOffset else {
      throw .damagedArchive(.centralDirectoryOutOfRange)
    }

    var entries: [ZipEntry] = []
    entries.reserveCapacity(entryCount)
    var index: [String: Int] = [:]
    var position = directoryOffset
    let directoryEnd = directoryOffset + directorySize
    var totalDeclared = 0
    for number in 0..<entryCount {
      guard directoryEnd - position >= 46, bytes.uint32(at: position) == 0x0201_4B50 else {
        throw .damagedArchive(.badCentralEntry(number))
      }
      let flags = bytes.uint16(at: position + 8)
      let method = bytes.uint16(at: position + 10)
      let crc = bytes.uint32(at: position + 16)
      let compressed = bytes.uint32(at: position + 20)
      let uncompressed = bytes.uint32(at: position + 24)
      let nameLength = Int(bytes.uint16(at: position + 28))
      let extraLength = Int(bytes.uint16(at: position + 30))
      let commentLength = Int(bytes.uint16(at: position + 32))
      let localOffset = bytes.uint32(at: position + 42)
      let recordLength = 46 + nameLength + extraLength + commentLength
      guard directoryEnd - position >= recordLength else { throw .damagedArchive(.badCentralEntry(number)) }
      if compressed == 0xFFFF_FFFF || uncompressed == 0xFFFF_FFFF || localOffset == 0xFFFF_FFFF { throw .zip64 }
      let nameBytes = bytes[(position + 46)..<(position + 46 + nameLength)]
      let name = ZipArchive.decodeName(nameBytes, utf8: flags & 0x0800 != 0)
      let entry = ZipEntry(
        name: name, flags: flags, method: method, crc32: crc, compressedSize: Int(compressed),
        uncompressedSize: Int(uncompressed), localHeaderOffset: Int(localOffset))
      totalDeclared += entry.uncompressedSize
      let key = ZipArchive.key(name)
      if index[key] == nil { index[key] = entries.count }
      entries.append(entry)
      position += recordLength
    }
    guard totalDeclared <= limits.maxTotalUncompressed else {
      throw .archiveTooLarge(declared: totalDeclared, limit: limits.maxTotalUncompressed)
    }
    self.entries = entries
    self.index = index
  }

  /// The entry with this name (compared ignoring ASCII case), if any.
  package func entry(named name: String) -> ZipEntry? {
    index[ZipArchive.key(name)].map { entries[$0] }
  }

  /// The uncompressed bytes of an entry, checked against its CRC-32 and declared size.
  package func contents(of entry: ZipEntry) throws(ExcelError) -> [UInt8] {
    if entry.flags & 0x0041 != 0 || entry.method == 99 { throw .encrypted(entry: entry.name) }
    guard entry.method == 0 || entry.method == 8 else {
      throw .unsupportedCompression(entry: entry.name, method: Int(entry.method))
    }
    let header = entry.localHeaderOffset
    guard header <= bytes.count - 30, bytes.uint32(at: header) == 0x0403_4B50 else {
      throw .damagedArchive(.badLocalHeader(entry.name))
    }
    let dataStart = header + 30 + Int(bytes.uint16(at: header + 26)) + Int(bytes.uint16(at: header + 28))
    guard dataStart <= bytes.count, entry.compressedSize <= bytes.count - dataStart else {
      throw .damagedArchive(.dataOutOfRange(entry.name))
    }
    let data = bytes[dataStart..<(dataStart + entry.compressedSize)]
    let output: [UInt8]
    if entry.method == 0 {
      guard entry.compressedSize == entry.uncompressedSize else {
        throw .sizeMismatch(entry: entry.name, declared: entry.uncompressedSize, actual: entry.compressedSize)
      }
      output = Array(data)
    } else {
      guard entry.uncompressedSize <= max(1, entry.compressedSize) * limits.maxRatio else {
        throw .implausibleRatio(
          entry: entry.name, compressed: entry.compressedSize, uncompressed: entry.uncompressedSize,
          limit: limits.maxRatio)
      }
      do throws(InflateError) {
        output = try Inflate.decompress(data, maxOutput: entry.uncompressedSize)
      } catch {
        throw .damagedCompressedData(entry: entry.name, error)
      }
      guard output.count == entry.uncompressedSize else {
        throw .sizeMismatch(entry: entry.name, declared: entry.uncompressedSize, actual: output.count)
      }
    }
    let actual = CRC32.checksum(output)
    guard actual == entry.crc32 else {
      throw .checksumMismatch(entry: entry.name, expected: entry.crc32, actual: actual)
    }
    return output
  }

  /// The uncompressed bytes of the named entry, or `nil` when the archive has no such entry.
  package func contents(ofEntryNamed name: String) throws(ExcelError) -> [UInt8]? {
    guard let entry = entry(named: name) else { return nil }
    return try contents(of: entry)
  }

  /// The offset of the end-of-central-directory record: the last one whose comment reaches the end of the file
  /// exactly, else the last one whose comment fits in the file.
  private static func findEndRecord(_ bytes: [UInt8]) throws(ExcelError) -> Int {
    guard bytes.count >= 22 else { throw .damagedArchive(.noEndRecord) }
    var candidate = bytes.count - 22
    let lowest = max(0, bytes.count - 22 - 0xFFFF)
    var loose: Int?
    while candidate >= lowest {
      if bytes[candidate] == 0x50 && bytes.uint32(at: candidate) == 0x0605_4B50 {
        let commentLength = Int(bytes.uint16(at: candidate + 20))
        let room = bytes.count - candidate - 22
        if commentLength == room { return candidate }
        if commentLength < room && loose == nil { loose = candidate }
      }
      candidate -= 1
    }
    if let loose { return loose }
    throw .damagedArchive(.noEndRecord)
  }

  /// A name's bytes as text: UTF-8 when flagged (or when it is plain ASCII), otherwise code page 437.
  private static func decodeName(_ bytes: ArraySlice<UInt8>, utf8: Bool) -> String {
    if utf8 || bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
    var scalars = String.UnicodeScalarView()
    for byte in bytes {
      if byte < 0x80 {
        scalars.append(Unicode.Scalar(byte))
      } else {
        scalars.append(Unicode.Scalar(CodePage437.upperHalf[Int(byte) - 0x80]) ?? "\u{FFFD}")
      }
    }
    return String(scalars)
  }

  /// The lookup key of a name: ASCII letters lower-cased, a leading `/` dropped.
  static func key(_ name: String) -> String {
    var bytes = Array(name.utf8)
    if bytes.first == UInt8(ascii: "/") { bytes.removeFirst() }
    for index in bytes.indices where bytes[index] >= UInt8(ascii: "A") && bytes[index] <= UInt8(ascii: "Z") {
      bytes[index] += 32
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}

/// The characters of code page 437 (the original IBM PC set), which ZIP names use unless flagged UTF-8.
private enum CodePage437 {
  /// The Unicode scalar values of bytes 0x80…0xFF.
  static let upperHalf: [UInt32] = [
    0xC7, 0xFC, 0xE9, 0xE2, 0xE4, 0xE0, 0xE5, 0xE7, 0xEA, 0xEB, 0xE8, 0xEF,
    0xEE, 0xEC, 0xC4, 0xC5, 0xC9, 0xE6, 0xC6, 0xF4, 0xF6, 0xF2, 0xFB, 0xF9,
    0xFF, 0xD6, 0xDC, 0xA2, 0xA3, 0xA5, 0x20A7, 0x192, 0xE1, 0xED, 0xF3, 0xFA,
    0xF1, 0xD1, 0xAA, 0xBA, 0xBF, 0x2310, 0xAC, 0xBD, 0xBC, 0xA1, 0xAB, 0xBB,
    0x2591, 0x2592, 0x2593, 0x2502, 0x2524, 0x2561, 0x2562, 0x2556, 0x2555, 0x2563, 0x2551, 0x2557,
    0x255D, 0x255C, 0x255B, 0x2510, 0x2514, 0x2534, 0x252C, 0x251C, 0x2500, 0x253C, 0x255E, 0x255F,
    0x255A, 0x2554, 0x2569, 0x2566, 0x2560, 0x2550, 0x256C, 0x2567, 0x2568, 0x2564, 0x2565, 0x2559,
    0x2558, 0x2552, 0x2553, 0x256B, 0x256A, 0x2518, 0x250C, 0x2588, 0x2584, 0x258C, 0x2590, 0x2580,
    0x3B1, 0xDF, 0x393, 0x3C0, 0x3A3, 0x3C3, 0xB5, 0x3C4, 0x3A6, 0x398, 0x3A9, 0x3B4,
    0x221E, 0x3C6, 0x3B5, 0x2229, 0x2261, 0xB1, 0x2265, 0x2264, 0x2320, 0x2321, 0xF7, 0x2248,
    0xB0, 0x2219, 0xB7, 0x221A, 0x207F, 0xB2, 0x25A0, 0xA0,
  ]
}

/// Reading little-endian integers from the bytes of an archive.
extension [UInt8] {
  /// The little-endian 16-bit value at `offset`; 0 for bytes past the end (callers check lengths first).
  @inline(__always)
  func uint16(at offset: Int) -> UInt16 {
    guard offset >= 0, offset <= count - 2 else { return 0 }
    return UInt16(self[offset]) | UInt16(self[offset + 1]) << 8
  }

  /// The little-endian 32-bit value at `offset`; 0 for bytes past the end (callers check lengths first).
  @inline(__always)
  func uint32(at offset: Int) -> UInt32 {
    guard offset >= 0, offset <= count - 4 else { return 0 }
    return UInt32(self[offset]) | UInt32(self[offset + 1]) << 8 | UInt32(self[offset + 2]) << 16
      | UInt32(self[offset + 3]) << 24
  }
}
