// GB18030 (which covers GBK and GB2312) is decoded with Foundation's string encodings: FoundationEssentials has only
// the Unicode ones. This is the one file of the library that needs the full Foundation.
import Foundation

/// The text encodings a table is read in: decided once per file from its first 64 KiB (or given with
/// `--encoding`), never flipped by a bad byte later (that byte's record is rejected instead).
public enum InputEncoding: String, Sendable, Hashable, CaseIterable {
  /// UTF-8, with or without a byte order mark: "CSV UTF-8 (逗号分隔)".
  case utf8
  /// GB18030 (GBK, GB2312): what Chinese Excel and WPS write for plain "CSV (逗号分隔)".
  case gb18030
  /// UTF-16 with a byte order mark: Excel's "Unicode 文本" (tab-separated).
  case utf16

  /// How the summary names it.
  package var displayName: String {
    switch self {
    case .utf8: "UTF-8"
    case .gb18030: "GB18030"
    case .utf16: "UTF-16"
    }
  }

  /// How many bytes the encoding is decided from.
  package static let sampleSize = 64 * 1024

  static let gb18030Encoding = String.Encoding(rawValue: 0x8000_0632)

  /// The encoding of a file that starts with `sample` (`atEnd`: the sample is the whole file), or why it is none of
  /// them: a UTF-16 byte order mark; else UTF-8 when the sample is valid UTF-8 (a character cut by its end allowed)
  /// or nine in ten of its lines with non-ASCII bytes are (a stray byte rejects its line, it does not flip the file);
  /// else GB18030 when the sample decodes as GB18030 up to its last line end; else whichever decodes more of its
  /// lines, the others rejected; else, when neither decodes half of them, an error.
  static func detect(_ sample: [UInt8], atEnd: Bool) -> Result<InputEncoding, RecordInputError> {
    if sample.count >= 2, (sample[0] == 0xFF && sample[1] == 0xFE) || (sample[0] == 0xFE && sample[1] == 0xFF) {
      return .success(.utf16)
    }
    if sample.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
      return .failure(
        RecordInputError(
          message:
            Message(.oldXLS)))
    }
    let valid = sample.withUnsafeBufferPointer { buffer -> Bool in
      guard let base = buffer.baseAddress, !buffer.isEmpty else { return true }
      guard let bad = TextEncodingCheck.firstInvalidOffset(base, from: 0, to: buffer.count) else { return true }
      return !atEnd && TextEncodingCheck.isCutOffSequence(base, at: bad, end: buffer.count)
    }
    if valid { return .success(.utf8) }
    // Line by line: how many of the lines with non-ASCII bytes each encoding reads.
    let end = atEnd ? sample.count : (sample.lastIndex(of: 0x0A).map { $0 + 1 } ?? sample.count)
    var lines = 0
    var utf8Lines = 0
    var gbLines = 0
    var start = 0
    while start < end {
      let lineEnd = sample[start..<end].firstIndex(of: 0x0A).map { $0 + 1 } ?? end
      let line = sample[start..<lineEnd]
      start = lineEnd
      guard line.contains(where: { $0 >= 0x80 }) else { continue }
      lines += 1
      if line.withUnsafeBufferPointer({ TextEncodingCheck.isValidUTF8($0.baseAddress!, count: $0.count) }) { utf8Lines += 1 }
      if String(bytes: line, encoding: gb18030Encoding) != nil { gbLines += 1 }
    }
    if utf8Lines * 10 >= lines * 9 { return .success(.utf8) }
    if gbLines == lines { return .success(.gb18030) }
    if max(utf8Lines, gbLines) * 2 >= lines { return .success(utf8Lines >= gbLines ? .utf8 : .gb18030) }
    return .failure(
      RecordInputError(
        message: Message(.neitherUTF8NorGB18030)))
  }

  /// `bytes` (whole lines, or the end of the file) as UTF-8. A line that is not text in this encoding is kept as its
  /// bytes, so that the reader rejects the record it belongs to (and only it).
  func utf8(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
    switch self {
    case .utf8: return Array(bytes)
    case .gb18030:
      if let text = String(bytes: bytes, encoding: Self.gb18030Encoding) { return Array(text.utf8) }
      var output: [UInt8] = []
      var start = bytes.startIndex
      while start < bytes.endIndex {
        let end = bytes[start...].firstIndex(of: 0x0A).map { $0 + 1 } ?? bytes.endIndex
        let line = bytes[start..<end]
        if let text = String(bytes: line, encoding: Self.gb18030Encoding) {
          output += Array(text.utf8)
        } else {
          // Kept as it is: not UTF-8 either, so its record is rejected with the encoding's message.
          output += line.map { $0 < 0x80 ? $0 : 0xFF }
        }
        start = end
      }
      return output
    case .utf16:
      let bigEndian = bytes.count >= 2 && bytes[bytes.startIndex] == 0xFE
      var units: [UInt16] = []
      units.reserveCapacity(bytes.count / 2)
      var index = bytes.startIndex
      while index + 1 < bytes.endIndex {
        let a = UInt16(bytes[index])
        let b = UInt16(bytes[index + 1])
        units.append(bigEndian ? a << 8 | b : b << 8 | a)
        index += 2
      }
      if units.first == 0xFEFF { units.removeFirst() }
      // Unpaired surrogates become U+FFFD here: UTF-16 text has no other way to be wrong.
      return Array(String(decoding: units, as: UTF16.self).utf8)
    }
  }

  /// The message for a cell that is not text in this encoding.
  var badCellMessage: Message {
    switch self {
    case .utf8: CellText.notUTF8Message
    case .gb18030: Message(.lineNotGB18030)
    case .utf16: Message(.cellNotUTF16)
    }
  }
}
