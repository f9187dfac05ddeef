/// Recognises Office compound files (OLE2/CFB): an Excel 97–2003 `.xls`, or an encrypted OOXML workbook.
enum OfficeCompoundFile {
  /// The eight bytes every compound file starts with.
  static let magic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

  /// The error for a compound file: `.encrypted` when it holds an `EncryptedPackage` stream (how Office stores an
  /// encrypted .xlsx), else `.legacyXLS`; `nil` when the bytes are not a compound file.
  static func refusal(for bytes: [UInt8]) -> ExcelError? {
    guard bytes.starts(with: magic) else { return nil }
    let name = Array("EncryptedPackage".utf16.flatMap { [UInt8(truncatingIfNeeded: $0), UInt8($0 >> 8)] })
    var index = 0
    let last = bytes.count - name.count
    while index <= last {
      if bytes[index] == name[0] && bytes[index..<(index + name.count)].elementsEqual(name) {
        return .encrypted(entry: nil)
      }
      index += 1
    }
    return .legacyXLS
  }
}
