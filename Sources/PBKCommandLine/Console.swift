import PartyBuildingKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where a command writes: standard output and standard error, a file, or strings in tests. A write that fails is
/// remembered (the first failure's reason) and every later write is dropped: the command checks ``failure`` when it
/// is done and says so, so that a full disk or a closed pipe never passes for a complete output.
public protocol TextSink: AnyObject {
  func write(_ text: String)
  /// Writes UTF-8 bytes made elsewhere (e.g. result rows written as bytes on worker threads).
  func write(bytes: UnsafeBufferPointer<UInt8>)
  /// Writes out what is buffered.
  func flush()
  /// Why a write failed, when one did (after ``flush()``).
  var failure: String? { get }
  /// Why a write failed, as a message rendered in the language it is printed in.
  var failureDetail: Message? { get }
}

extension TextSink {
  public func write(bytes: UnsafeBufferPointer<UInt8>) { write(String(decoding: bytes, as: UTF8.self)) }
  public func flush() {}
  public var failure: String? { nil }
  public var failureDetail: Message? { failure.map { Message.untranslated($0) } }  // English-only entry point
}

/// Buffered, checked writing to a file descriptor (standard output, standard error or an output file).
public final class FileSink: TextSink {
  let descriptor: Int32
  var buffer: [UInt8] = []
  let ownsDescriptor: Bool
  /// Why a write failed, when one did, in the language it is printed in.
  public private(set) var failureDetail: Message?
  /// Why a write failed, when one did, in English.
  public var failure: String? { failureDetail?.description }
  /// Whether ``close()`` was called: the descriptor is then never used again (its number may belong to another
  /// file by now), and a later write is a failure.
  private var isClosed = false

  public init(descriptor: Int32, owns: Bool = false) {
    self.descriptor = descriptor
    self.ownsDescriptor = owns
    buffer.reserveCapacity(1 << 16)
  }

  /// Opens (creating or truncating) a file for writing.
  public static func create(path: String) throws(FileSinkError) -> FileSink {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw FileSinkError(reason: FileSinkError.why(errno)) }
    return FileSink(descriptor: descriptor, owns: true)
  }

  public func write(_ text: String) {
    guard failure == nil else { return }
    buffer.append(contentsOf: text.utf8)
    if buffer.count >= 1 << 16 { flush() }
  }

  /// Writes a large run of bytes straight to the descriptor (after what is buffered), without copying it.
  public func write(bytes: UnsafeBufferPointer<UInt8>) {
    guard failure == nil else { return }
    guard bytes.count >= 1 << 16 else {
      buffer.append(contentsOf: bytes)
      if buffer.count >= 1 << 16 { flush() }
      return
    }
    flush()
    guard failure == nil, !isClosed else {
      if failure == nil { failureDetail = Message(.writtenAfterClose) }
      return
    }
    writeAll(UnsafeRawBufferPointer(bytes))
  }

  public func flush() {
    guard failure == nil else { return }
    guard !isClosed else {
      if !buffer.isEmpty { failureDetail = Message(.writtenAfterClose) }
      return
    }
    buffer.withUnsafeBytes { writeAll($0) }
    buffer.removeAll(keepingCapacity: true)
  }

  /// Flushes and makes the written bytes durable (a regular file about to be renamed into place).
  func synchronize() {
    flush()
    if failure == nil, !isClosed, fsync(descriptor) != 0, errno != EINVAL, errno != EROFS { failureDetail = FileSinkError.why(errno) }
  }

  private func writeAll(_ raw: UnsafeRawBufferPointer) {
    var offset = 0
    while offset < raw.count {
      #if canImport(Darwin)
        let written = Darwin.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
      #else
        let written = Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
      #endif
      if written < 0 {
        if errno == EINTR { continue }
        failureDetail = FileSinkError.why(errno)
        return
      }
      if written == 0 {
        failureDetail = Message(.nothingWritten)
        return
      }
      offset += written
    }
  }

  public var isTerminal: Bool { isatty(descriptor) == 1 }

  /// Flushes and closes the file (when owned); a failure to close is a failure to write. Closing again does nothing.
  func close() {
    guard !isClosed else { return }
    flush()
    isClosed = true
    guard ownsDescriptor else { return }
    #if canImport(Darwin)
      let closed = Darwin.close(descriptor)
    #else
      let closed = Glibc.close(descriptor)
    #endif
    if closed != 0, failure == nil { failureDetail = FileSinkError.why(errno) }
  }

  deinit {
    guard !isClosed else { return }
    flush()
    if ownsDescriptor {
      #if canImport(Darwin)
        _ = Darwin.close(descriptor)
      #else
        _ = Glibc.close(descriptor)
      #endif
    }
  }
}

/// Why an output file could not be opened or written.
public struct FileSinkError: Error {
  /// Why, rendered in the language it is printed in.
  public var detail: Message
  /// Why, in English.
  public var reason: String { detail.description }

  /// An error saying why.
  public init(reason: Message) { detail = reason }

  /// Why a system call failed with `code`, in a few words.
  static func why(_ code: Int32) -> Message {
    switch code {
    case ENOSPC: Message(.noSpaceLeft)
    case EPIPE: Message(.closedPipe)
    case EACCES: Message(.permissionDenied)
    case ENOENT: Message(.noSuchFolder)
    default: .verbatim(String(cString: strerror(code)))
    }
  }
}

/// Collects text in memory (tests).
public final class StringSink: TextSink {
  public private(set) var text = ""
  public init() {}
  public func write(_ text: String) { self.text += text }
}
