/// One CSV record: its fields and where it starts.
public struct CSVRecord: Sendable, Equatable {
  /// The field values, with quotes removed and `""` turned into `"`.
  public var fields: [String]
  /// The 1-based physical line where the record starts.
  public var line: Int
  /// The 1-based record number; the header is record 1. Skipped blank lines do not count.
  public var number: Int

  /// Creates a record.
  public init(fields: [String], line: Int, number: Int) {
    self.fields = fields
    self.line = line
    self.number = number
  }

  /// Whether every field is empty, like the `,,,` rows Excel writes for empty rows in a range.
  public var isBlank: Bool { fields.allSatisfy(\.isEmpty) }
}

/// A problem reading CSV, with the line and field where it was found.
///
/// `description` is `line L, column C: message`, or `line L: message` when no
/// single field is to blame. Line 0 means the problem is not at any line (the
/// file could not be opened); then `description` is just the message.
public struct CSVError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What is wrong and how to fix it.
  public var message: String
  /// The 1-based physical line, or 0 for problems with the file as a whole.
  public var line: Int
  /// The 1-based field number (the spreadsheet column), if one field is to blame.
  public var column: Int?

  /// Creates an error.
  public init(message: String, line: Int, column: Int? = nil) {
    self.message = message
    self.line = line
    self.column = column
  }

  /// The error as `line L, column C: message`.
  public var description: String {
    if line <= 0 { return message }
    if let column { return "line \(line), column \(column): \(message)" }
    return "line \(line): \(message)"
  }

  /// The message for bytes that are not UTF-8, worded for files Excel saved as GBK.
  static let notUTF8Message =
    "the file is not UTF-8 text (it may be GBK/GB18030, which Excel uses for 'CSV (逗号分隔)'); "
    + "save it as 'CSV UTF-8 (逗号分隔)' and try again"
}

/// Supplies bytes to a `CSVReader` a chunk at a time.
protocol CSVByteSource: AnyObject {
  /// Reads up to `count` bytes into `buffer`; returns 0 at the end of the input.
  func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int) throws(CSVError) -> Int
}

/// Hands out an in-memory byte array in chunks of a fixed size, to test chunk boundaries.
final class CSVChunkedMemorySource: CSVByteSource {
  private let bytes: [UInt8]
  private let chunkSize: Int
  private var offset = 0

  init(bytes: [UInt8], chunkSize: Int) {
    self.bytes = bytes
    self.chunkSize = max(1, chunkSize)
  }

  func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int) -> Int {
    let n = min(count, chunkSize, bytes.count - offset)
    guard n > 0 else { return 0 }
    for k in 0..<n { buffer[k] = bytes[offset + k] }
    offset += n
    return n
  }
}

/// The reader's byte buffer; a class so the memory is freed exactly once.
private final class CSVByteBuffer {
  var base: UnsafeMutablePointer<UInt8>
  var capacity: Int

  init(capacity: Int) {
    self.capacity = max(4, capacity)
    self.base = .allocate(capacity: self.capacity)
  }

  /// Doubles the capacity, keeping the first `keeping` bytes.
  func grow(keeping: Int) {
    let newCapacity = capacity * 2
    let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
    newBase.update(from: base, count: keeping)
    base.deallocate()
    base = newBase
    capacity = newCapacity
  }

  deinit { base.deallocate() }
}

/// Reads RFC 4180 CSV incrementally: memory stays flat however long the input.
///
/// Accepts LF, CRLF and lone CR line ends, quoted fields with `""` escapes
/// and embedded commas and line breaks, and skips a UTF-8 byte order mark at
/// the start. Lines that are completely empty are skipped (but still counted,
/// so line numbers match the file). The text must be UTF-8; files Excel saved
/// as GBK get an error that says how to save them as UTF-8.
///
/// Copies of a reader share its file and buffer: read from one copy only.
public struct CSVReader {
  /// The chunk size used when reading files.
  static let defaultChunkSize = 256 * 1024

  private let buffer: CSVByteBuffer
  /// Valid bytes are `buffer.base[0..<filled]`; the next unread one is at `position`.
  private var filled: Int
  private var position = 0
  private var reachedEnd: Bool
  private let source: CSVByteSource?

  /// The physical line of `position`.
  private var line = 1
  private var recordCount = 0
  private var checkedStart = false
  private var scratch: [UInt8] = []

  /// Reads CSV from bytes already in memory (tests, small files).
  public init(bytes: [UInt8]) {
    let storage = CSVByteBuffer(capacity: bytes.count)
    bytes.withUnsafeBufferPointer { src in
      if let from = src.baseAddress { storage.base.update(from: from, count: src.count) }
    }
    buffer = storage
    filled = bytes.count
    reachedEnd = true
    source = nil
  }

  /// Reads a CSV file in chunks, so even very large files use little memory.
  ///
  /// Throws if the file cannot be opened, e.g. "cannot open 'x.csv': no such file".
  public init(path: String) throws(CSVError) {
    try self.init(path: path, chunkSize: CSVReader.defaultChunkSize)
  }

  /// Reads a CSV file with a given chunk size (tests use tiny ones).
  init(path: String, chunkSize: Int) throws(CSVError) {
    self.init(source: try CSVFileSource(path: path), chunkSize: chunkSize)
  }

  /// Reads CSV from any byte source, starting with a buffer of `chunkSize` bytes.
  init(source: CSVByteSource, chunkSize: Int) {
    buffer = CSVByteBuffer(capacity: chunkSize)
    filled = 0
    reachedEnd = false
    self.source = source
  }

  /// The current buffer size in bytes; it grows only for records longer than a chunk.
  var bufferCapacity: Int { buffer.capacity }

  /// The next record, or nil at the end of the input.
  public mutating func next() throws(CSVError) -> CSVRecord? {
    if !checkedStart {
      while filled - position < 3 && !reachedEnd { try refill() }
      try checkStart()
      checkedStart = true
    }
    while true {
      switch try scanRecord() {
      case .record(let record): return record
      case .blankLine: continue
      case .needMoreInput: try refill()
      case .endOfInput: return nil
      }
    }
  }

  /// Skips a UTF-8 byte order mark; rejects UTF-16 files.
  private mutating func checkStart() throws(CSVError) {
    let available = filled - position
    if TextEncodingCheck.startsWithUTF16ByteOrderMark(buffer.base, count: available) {
      throw CSVError(
        message: "the file is UTF-16 text (Excel's 'Unicode 文本'), not UTF-8; "
          + "save it as 'CSV UTF-8 (逗号分隔)' and try again", line: 1)
    }
    if TextEncodingCheck.startsWithUTF8ByteOrderMark(buffer.base, count: available) {
      position += 3
    }
  }

  /// Moves the unread bytes to the front and reads more, growing the buffer if it is full.
  private mutating func refill() throws(CSVError) {
    guard let source, !reachedEnd else {
      reachedEnd = true
      return
    }
    if position > 0 {
      let remaining = filled - position
      if remaining > 0 { buffer.base.update(from: buffer.base + position, count: remaining) }
      filled = remaining
      position = 0
    }
    if filled == buffer.capacity { buffer.grow(keeping: filled) }
    let n = try source.read(into: buffer.base + filled, count: buffer.capacity - filled)
    if n == 0 { reachedEnd = true } else { filled += n }
  }

  private enum ScanResult {
    case record(CSVRecord)
    case blankLine
    case needMoreInput
    case endOfInput
  }

  private static let comma: UInt8 = 0x2C
  private static let quote: UInt8 = 0x22
  private static let lineFeed: UInt8 = 0x0A
  private static let carriageReturn: UInt8 = 0x0D

  /// Scans one record from `position`; commits the new position only if the record is complete.
  ///
  /// If the buffered bytes end before the record does, returns `.needMoreInput`
  /// without consuming anything, and the record is scanned again after a refill.
  private mutating func scanRecord() throws(CSVError) -> ScanResult {
    let p = UnsafePointer(buffer.base)
    let n = filled
    let atEnd = reachedEnd
    var i = position
    var ln = line
    let recordLine = ln

    guard i < n else { return atEnd ? .endOfInput : .needMoreInput }
    // A completely empty line is skipped, but still counted.
    if p[i] == CSVReader.lineFeed {
      position = i + 1
      line = ln + 1
      return .blankLine
    }
    if p[i] == CSVReader.carriageReturn {
      if i + 1 >= n && !atEnd { return .needMoreInput }
      position = (i + 1 < n && p[i + 1] == CSVReader.lineFeed) ? i + 2 : i + 1
      line = ln + 1
      return .blankLine
    }

    var fields: [String] = []
    while true {
      let fieldNumber = fields.count + 1
      if i < n && p[i] == CSVReader.quote {
        // A quoted field: runs to the next lone quote, across commas and line breaks.
        let openLine = ln
        i += 1
        let contentStart = i
        var segmentStart = i
        var hasEscapedQuotes = false
        while true {
          guard i < n else {
            if !atEnd { return .needMoreInput }
            throw CSVError(
              message: "the quoted field that starts on line \(openLine) is never closed; add the "
                + "closing double quote (the file may be truncated)", line: openLine,
              column: fieldNumber)
          }
          let b = p[i]
          if b > CSVReader.quote {
            i += 1
            continue
          }
          if b == CSVReader.quote {
            if i + 1 >= n && !atEnd { return .needMoreInput }
            if i + 1 < n && p[i + 1] == CSVReader.quote {
              if !hasEscapedQuotes {
                scratch.removeAll(keepingCapacity: true)
                hasEscapedQuotes = true
              }
              scratch.append(contentsOf: UnsafeBufferPointer(start: p + segmentStart, count: i + 1 - segmentStart))
              i += 2
              segmentStart = i
              continue
            }
            break
          } else if b == CSVReader.lineFeed {
            ln += 1
            i += 1
          } else if b == CSVReader.carriageReturn {
            if i + 1 >= n && !atEnd { return .needMoreInput }
            i += (i + 1 < n && p[i + 1] == CSVReader.lineFeed) ? 2 : 1
            ln += 1
          } else {
            i += 1
          }
        }
        // `i` is at the closing quote.
        let value: String?
        if hasEscapedQuotes {
          scratch.append(contentsOf: UnsafeBufferPointer(start: p + segmentStart, count: i - segmentStart))
          value = scratch.withUnsafeBufferPointer { CSVReader.makeString($0) }
        } else {
          value = CSVReader.makeString(UnsafeBufferPointer(start: p + segmentStart, count: i - segmentStart))
        }
        guard let value else {
          throw CSVReader.encodingError(
            in: p, quotedFieldFrom: contentStart, to: i, openLine: openLine, column: fieldNumber)
        }
        fields.append(value)
        i += 1
        if i >= n && !atEnd { return .needMoreInput }
        if i < n {
          let c = p[i]
          if c == CSVReader.comma {
            i += 1
            continue
          }
          if c != CSVReader.lineFeed && c != CSVReader.carriageReturn {
            throw CSVError(
              message: "text follows the closing quote of a quoted field; put the whole field in "
                + "double quotes and double every quote inside it (\"\")", line: ln,
              column: fieldNumber)
          }
        }
      } else {
        // An unquoted field: runs to the next comma or line end.
        let start = i
        while i < n {
          let b = p[i]
          if b > CSVReader.comma {
            i += 1
            continue
          }
          if b == CSVReader.comma || b == CSVReader.lineFeed || b == CSVReader.carriageReturn { break }
          if b == CSVReader.quote {
            throw CSVError(
              message: "a quote inside a field that does not start with one; wrap the field in "
                + "double quotes and double the inner quote", line: ln, column: fieldNumber)
          }
          i += 1
        }
        if i >= n && !atEnd { return .needMoreInput }
        guard let value = CSVReader.makeString(UnsafeBufferPointer(start: p + start, count: i - start)) else {
          throw CSVError(message: CSVError.notUTF8Message, line: ln, column: fieldNumber)
        }
        fields.append(value)
        if i < n && p[i] == CSVReader.comma {
          i += 1
          continue
        }
      }
      // End of the record: a line end or the end of the input.
      if i < n {
        if p[i] == CSVReader.carriageReturn {
          if i + 1 >= n && !atEnd { return .needMoreInput }
          i += (i + 1 < n && p[i + 1] == CSVReader.lineFeed) ? 2 : 1
        } else {
          i += 1
        }
        ln += 1
      }
      position = i
      line = ln
      recordCount += 1
      return .record(CSVRecord(fields: fields, line: recordLine, number: recordCount))
    }
  }

  /// The error for a quoted field with invalid UTF-8, naming the line of the first bad byte.
  private static func encodingError(
    in p: UnsafePointer<UInt8>, quotedFieldFrom start: Int, to end: Int, openLine: Int, column: Int
  ) -> CSVError {
    let bad = TextEncodingCheck.firstInvalidOffset(p, from: start, to: end) ?? start
    var line = openLine
    var i = start
    while i < bad {
      if p[i] == lineFeed {
        line += 1
      } else if p[i] == carriageReturn && !(i + 1 < bad && p[i + 1] == lineFeed) {
        line += 1
      }
      i += 1
    }
    return CSVError(message: CSVError.notUTF8Message, line: line, column: column)
  }

  /// A String from UTF-8 bytes, or nil if they are not valid UTF-8.
  @inline(__always)
  private static func makeString(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return "" }
    guard TextEncodingCheck.isValidUTF8(base, count: bytes.count) else { return nil }
    return String(decoding: bytes, as: UTF8.self)
  }
}
