#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
#if canImport(FoundationEssentials)
  public import FoundationEssentials
#else
  public import Foundation
#endif

/// Where a batch's records come from.
public enum RecordInput: Sendable, Hashable {
  /// A file; its format comes from its extension (``RecordFormat/init(path:)``: `.json`, `.jsonl`/`.ndjson`,
  /// `.xlsx`/`.xlsm`), CSV otherwise.
  case file(String)
  /// Standard input, in the format given.
  case standardInput(RecordFormat)
  /// Bytes in memory, in the format given; `name` names them in messages.
  case bytes([UInt8], format: RecordFormat, name: String)
  /// An open file descriptor (a `FileHandle`'s `fileDescriptor`, a socket, a pipe), read to its end; not closed.
  case fileDescriptor(Int32, format: RecordFormat, name: String)

  /// The bytes of a `Data` value, in the format given.
  public static func data(_ data: Data, format: RecordFormat, name: String = "data") -> RecordInput {
    .bytes([UInt8](data), format: format, name: name)
  }

  /// The name messages use for the input: the path, `-` for standard input, or the name given.
  public var name: String {
    switch self {
    case .file(let path): path
    case .standardInput: "-"
    case .bytes(_, _, let name), .fileDescriptor(_, _, let name): name
    }
  }

  /// The format of the records.
  public var format: RecordFormat {
    switch self {
    case .file(let path): RecordFormat(path: path)
    case .standardInput(let format), .bytes(_, let format, _), .fileDescriptor(_, let format, _): format
    }
  }
}

/// The formats records are read in.
public enum RecordFormat: String, Sendable, Hashable, CaseIterable {
  /// A header row, then a subject per row: UTF-8 with or without a byte order mark, or GB18030 or UTF-16
  /// (``BatchOptions/encoding``).
  case csv
  /// A JSON array of subject objects (parsed whole).
  case json
  /// A subject object per line (read a line at a time).
  case jsonLines
  /// An Excel workbook: a sheet with a header row, a subject per row.
  case xlsx

  /// The format a file's extension says, in any case: `.json`, `.jsonl`/`.ndjson`, `.xlsx`/`.xlsm`, else CSV.
  public init(path: String) {
    let lower = path.lowercased()
    if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") {
      self = .jsonLines
    } else if lower.hasSuffix(".xlsx") || lower.hasSuffix(".xlsm") {
      self = .xlsx
    } else if lower.hasSuffix(".json") {
      self = .json
    } else {
      self = .csv
    }
  }
}

/// Why an input cannot be read at all (no record follows): it names the input and says what to do.
public struct RecordInputError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What is wrong and what to do, naming the input, as a value rendered in the language it is printed in.
  public var detail: Message
  /// What is wrong and what to do, naming the input, in English, e.g. `data.csv: cannot read the file: no such
  /// file; check the path`.
  public var message: String { detail.text(in: .english) }
  /// An error with this English-only message.
  public init(message: String) { detail = .untranslated(message) }
  /// An error with this message.
  public init(_ detail: Message) { self.detail = detail }
  /// An error with this message.
  public init(message: Message) { detail = message }
  /// The English ``message``.
  public var description: String { message }
  /// The message in `language`.
  public func description(in language: Language) -> String { detail.text(in: language) }
}

/// The SHA-256 digest and the length of an input's bytes as they were read from it — before any transcoding or
/// spooling — so that standard input and a pipe have one too, and a file's is of exactly the bytes scored.
package struct InputDigest: Sendable, Hashable {
  /// 64 lowercase hexadecimal digits, as `sha256sum` prints them.
  package var sha256: String
  /// How many bytes were read.
  package var bytes: Int
}

/// The bytes of an input, read in chunks: a file or standard input (a pipe, a FIFO, a terminal) through its
/// descriptor, or bytes in memory. A regular file can also be read again from an offset (the cohort stage's second
/// pass); anything else is spooled to a temporary file first when it must be read twice.
final class ByteInput {
  private enum Source {
    case descriptor(Int32, owned: Bool)
    case memory([UInt8])
  }
  private var source: Source
  private var memoryOffset = 0
  /// The name in messages.
  let name: String
  /// Whether the input can be read again from an offset.
  let isSeekable: Bool
  /// A temporary file this input was spooled to, removed when the input is closed.
  private var spooledPath: String?
  /// Hashes every byte read from the input's own source, while that is still the source (not a spooled or
  /// transcoded copy); nil when no digest is asked for, or once it is taken.
  private var hasher: BackgroundSHA256?
  /// The digest of the input's bytes, once read to its end (when asked for with `digesting`).
  private(set) var digest: InputDigest?
  /// The bytes handed out so far by an input that cannot be read again, kept (after ``keepWhatIsRead()``) until it is
  /// spooled: the copy then holds the whole input, so that a second pass reads it at the input's own offsets.
  private var kept: [UInt8]?

  init(_ input: RecordInput, digesting: Bool = false) throws(RecordInputError) {
    name = input.name
    if digesting { hasher = BackgroundSHA256() }
    switch input {
    case .file(let path):
      let descriptor = open(path, O_RDONLY | O_CLOEXEC)
      guard descriptor >= 0 else {
        throw RecordInputError(message: Message(.cannotReadFile, path, Self.reason(errno)))
      }
      var info = stat()
      if fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
        close(descriptor)
        throw RecordInputError(message: Message(.inputIsFolder, path))
      }
      source = .descriptor(descriptor, owned: true)
      isSeekable = (info.st_mode & S_IFMT) == S_IFREG
    case .standardInput:
      source = .descriptor(0, owned: false)
      var info = stat()
      isSeekable = fstat(0, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG && lseek(0, 0, SEEK_CUR) == 0
    case .fileDescriptor(let descriptor, _, _):
      source = .descriptor(descriptor, owned: false)
      var info = stat()
      // Read from its current place: only a regular file at its start can be read again by offset.
      isSeekable = fstat(descriptor, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG && lseek(descriptor, 0, SEEK_CUR) == 0
    case .bytes(let bytes, _, _):
      source = .memory(bytes)
      isSeekable = true
    }
  }

  deinit {
    if case .descriptor(let descriptor, true) = source { close(descriptor) }
    if let spooledPath { unlink(spooledPath) }
  }

  /// Bytes read ahead (to decide the encoding) and not yet handed out.
  private var pushback: [UInt8] = []

  /// The first bytes of the input (up to `count`), read ahead and handed out again by the next reads; and whether
  /// they are the whole input.
  func peek(_ count: Int) throws(RecordInputError) -> (bytes: [UInt8], atEnd: Bool) {
    var bytes = [UInt8](repeating: 0, count: count)
    var filled = 0
    while filled < count {
      let got = try bytes.withUnsafeMutableBufferPointer { (buffer) throws(RecordInputError) -> Int in
        try readSource(into: buffer.baseAddress! + filled, count: count - filled)
      }
      if got == 0 { break }
      filled += got
    }
    bytes.removeLast(count - filled)
    pushback = bytes
    return (bytes, filled < count)
  }

  /// Reads the rest of the input in `encoding` and keeps it as UTF-8 in a temporary file, read from there on (and
  /// again from an offset when a second pass needs it).
  func transcode(from encoding: InputEncoding) throws(RecordInputError) {
    // The copy is the whole input, read again by offset: nothing needs keeping.
    kept = nil
    var template = Array("\(TemporaryFiles.directory)/pbk-input-XXXXXX".utf8CString)
    let spooled = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard spooled >= 0 else { throw RecordInputError(message: Message(.cannotMakeUTF8Copy, name, Self.reason(errno))) }
    let path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    func fail(_ code: Int32) -> RecordInputError {
      close(spooled)
      unlink(path)
      return RecordInputError(message: Message(.cannotMakeUTF8Copy, name, Self.reason(code)))
    }
    var carry: [UInt8] = []
    let chunk = UnsafeMutablePointer<UInt8>.allocate(capacity: 1 << 20)
    defer { chunk.deallocate() }
    while true {
      let n = try read(into: chunk, count: 1 << 20)
      carry += UnsafeBufferPointer(start: chunk, count: n)
      // Whole lines (UTF-16: an even number of bytes ending after a line feed) go through; the rest waits.
      var cut = carry.count
      if n > 0 {
        switch encoding {
        case .utf16: cut = (carry.lastIndex(of: 0x0A).map { $0 + 2 } ?? 0) & ~1
        default: cut = carry.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        }
        cut = min(cut, carry.count)
      }
      let converted = encoding.utf8(carry[..<cut])
      carry.removeFirst(cut)
      var written = 0
      while written < converted.count {
        let w = converted.withUnsafeBufferPointer { posixWrite(spooled, $0.baseAddress! + written, converted.count - written) }
        if w < 0 {
          if errno == EINTR { continue }
          throw fail(errno)
        }
        written += w
      }
      if n == 0 { break }
    }
    if case .descriptor(let descriptor, true) = source { close(descriptor) }
    lseek(spooled, 0, SEEK_SET)
    source = .descriptor(spooled, owned: true)
    spooledPath = path
    pushback = []
    // The source was read to its end (its digest taken); the copy is not hashed.
    hasher = nil
  }

  /// Reads up to `count` bytes into `buffer`; 0 at the end.
  func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int) throws(RecordInputError) -> Int {
    let n: Int
    if !pushback.isEmpty {
      n = min(count, pushback.count)
      pushback.withUnsafeBufferPointer { buffer.update(from: $0.baseAddress!, count: n) }
      pushback.removeFirst(n)
    } else {
      n = try readSource(into: buffer, count: count)
    }
    if kept != nil { kept!.append(contentsOf: UnsafeBufferPointer(start: buffer, count: n)) }
    return n
  }

  /// Keeps what is read from now on (an input that cannot be read again, not yet spooled) for ``spool()``: call it
  /// before the first read of an input that a second pass reads by offset (CSV, JSON Lines).
  func keepWhatIsRead() {
    if !isSeekable, spooledPath == nil { kept = [] }
  }

  private func readSource(into buffer: UnsafeMutablePointer<UInt8>, count: Int) throws(RecordInputError) -> Int {
    let n = try readSourceBytes(into: buffer, count: count)
    if let hasher {
      if n > 0 {
        hasher.update(bytes: UnsafeRawBufferPointer(start: buffer, count: n))
      } else if count > 0 {
        digest = InputDigest(sha256: hasher.finalize(), bytes: hasher.count)
        self.hasher = nil
      }
    }
    return n
  }

  private func readSourceBytes(into buffer: UnsafeMutablePointer<UInt8>, count: Int) throws(RecordInputError) -> Int {
    switch source {
    case .memory(let bytes):
      let n = min(count, bytes.count - memoryOffset)
      if n > 0 {
        bytes.withUnsafeBufferPointer { buffer.update(from: $0.baseAddress! + memoryOffset, count: n) }
        memoryOffset += n
      }
      return max(n, 0)
    case .descriptor(let descriptor, _):
      while true {
        let n = posixRead(descriptor, buffer, count)
        if n >= 0 { return n }
        if errno == EINTR { continue }
        throw RecordInputError(message: Message(.cannotRead, name, Self.reason(errno)))
      }
    }
  }

  /// Reads up to `count` bytes from `offset` (a seekable input), without moving the sequential position.
  func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int, at offset: Int) throws(RecordInputError) -> Int {
    switch source {
    case .memory(let bytes):
      let n = min(count, bytes.count - offset)
      if n > 0 { bytes.withUnsafeBufferPointer { buffer.update(from: $0.baseAddress! + offset, count: n) } }
      return max(n, 0)
    case .descriptor(let descriptor, _):
      var done = 0
      while done < count {
        let n = pread(descriptor, buffer + done, count - done, off_t(offset + done))
        if n == 0 { break }
        if n < 0 {
          if errno == EINTR { continue }
          throw RecordInputError(message: Message(.cannotRead, name, Self.reason(errno)))
        }
        done += n
      }
      return done
    }
  }

  /// Copies a non-seekable input to a temporary file — what was kept of it (``keepWhatIsRead()``), then the rest —
  /// and reads from there from now on (where it had got to), so that it can be read again at its own offsets. A
  /// transcoded input is in such a file already.
  func spool() throws(RecordInputError) {
    guard !isSeekable, spooledPath == nil, case .descriptor(let descriptor, let owned) = source else { return }
    let head = kept ?? []
    kept = nil
    var template = Array("\(TemporaryFiles.directory)/pbk-input-XXXXXX".utf8CString)
    let spooled = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard spooled >= 0 else { throw RecordInputError(message: Message(.cannotMakeCopyToReadTwice, name, Self.reason(errno))) }
    let path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    /// Writes `count` bytes at `start` to the copy.
    func copy(_ start: UnsafePointer<UInt8>, _ count: Int) throws(RecordInputError) {
      var written = 0
      while written < count {
        let w = posixWrite(spooled, start + written, count - written)
        if w < 0 {
          if errno == EINTR { continue }
          let reason = Self.reason(errno)
          close(spooled)
          unlink(path)
          throw RecordInputError(message: Message(.cannotMakeCopyToReadTwice, name, reason))
        }
        written += w
      }
    }
    // What was read before first: the copy starts where the input starts.
    try head.withUnsafeBufferPointer { (buffer) throws(RecordInputError) in
      if let start = buffer.baseAddress { try copy(start, buffer.count) }
    }
    let chunk = UnsafeMutablePointer<UInt8>.allocate(capacity: 1 << 20)
    defer { chunk.deallocate() }
    while true {
      let n = try read(into: chunk, count: 1 << 20)
      if n == 0 { break }
      try copy(chunk, n)
    }
    if owned { close(descriptor) }
    // Sequential reads go on from where they had got to.
    lseek(spooled, off_t(head.count), SEEK_SET)
    source = .descriptor(spooled, owned: true)
    spooledPath = path
    hasher = nil
  }

  /// Whether reads from an offset work (a regular file, a spooled copy, bytes in memory).
  var canReadAgain: Bool { isSeekable || spooledPath != nil }

  /// Whether the input was copied to a temporary file (reads by offset then read that copy).
  var isSpooled: Bool { spooledPath != nil }

  static func reason(_ code: Int32) -> Message {
    switch code {
    case ENOENT: Message(.noSuchFile)
    case EACCES: Message(.permissionDenied)
    case EISDIR: Message(.itIsAFolder)
    default: .verbatim(String(cString: strerror(code)))
    }
  }
}

/// Where temporary files go: `$TMPDIR`, else /tmp.
enum TemporaryFiles {
  static var directory: String {
    if let value = getenv("TMPDIR"), let text = String(validatingCString: value), !text.isEmpty { return text }
    return "/tmp"
  }
}

/// `read(2)`, named apart from the methods called `read`.
@inline(__always) func posixRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
  read(descriptor, buffer, count)
}

/// `write(2)`, named apart from the methods called `write`.
@inline(__always) func posixWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
  write(descriptor, buffer, count)
}
