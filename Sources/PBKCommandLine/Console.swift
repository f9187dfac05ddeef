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
}

extension TextSink {
  public func write(bytes: UnsafeBufferPointer<UInt8>) { write(String(decoding: bytes, as: UTF8.self)) }
  public func flush() {}
  public var failure: String? { nil }
}

/// Buffered, checked writing to a file descriptor (standard output, standard error or an output file).
public final class FileSink: TextSink {
  let descriptor: Int32
  var buffer: [UInt8] = []
  let ownsDescriptor: Bool
  public private(set) var failure: String?
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
    guard descriptor >= 0 else { throw FileSinkError(reason: FileSinkError.reason(errno)) }
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
      if failure == nil { failure = "written after the file was closed" }
      return
    }
    writeAll(UnsafeRawBufferPointer(bytes))
  }

  public func flush() {
    guard failure == nil else { return }
    guard !isClosed else {
      if !buffer.isEmpty { failure = "written after the file was closed" }
      return
    }
    buffer.withUnsafeBytes { writeAll($0) }
    buffer.removeAll(keepingCapacity: true)
  }

  /// Flushes and makes the written bytes durable (a regular file about to be renamed into place).
  func synchronize() {
    flush()
    if failure == nil, !isClosed, fsync(descriptor) != 0, errno != EINVAL, errno != EROFS { failure = FileSinkError.reason(errno) }
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
        failure = FileSinkError.reason(errno)
        return
      }
      if written == 0 {
        failure = "nothing could be written"
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
    if closed != 0, failure == nil { failure = FileSinkError.reason(errno) }
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
  public var reason: String

  static func reason(_ code: Int32) -> String {
    switch code {
    case ENOSPC: "no space left on the device"
    case EPIPE: "the reader of the output has gone (a closed pipe)"
    case EACCES: "permission denied"
    case ENOENT: "no such folder"
    default: String(cString: strerror(code))
    }
  }
}

/// Collects text in memory (tests).
public final class StringSink: TextSink {
  public private(set) var text = ""
  public init() {}
  public func write(_ text: String) { self.text += text }
}
