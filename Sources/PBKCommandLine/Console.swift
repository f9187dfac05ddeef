#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where a command writes: standard output and standard error, or strings in tests.
public protocol TextSink: AnyObject {
  func write(_ text: String)
  /// Writes UTF-8 bytes made elsewhere (e.g. result rows written as bytes on worker threads).
  func write(bytes: UnsafeBufferPointer<UInt8>)
}

extension TextSink {
  public func write(bytes: UnsafeBufferPointer<UInt8>) { write(String(decoding: bytes, as: UTF8.self)) }
}

/// Buffered writing to a file descriptor (standard output, standard error or an output file).
public final class FileSink: TextSink {
  let descriptor: Int32
  var buffer: [UInt8] = []
  let ownsDescriptor: Bool

  public init(descriptor: Int32, owns: Bool = false) {
    self.descriptor = descriptor
    self.ownsDescriptor = owns
    buffer.reserveCapacity(1 << 16)
  }

  /// Opens (creating or truncating) a file for writing; nil with the reason when it cannot.
  public static func create(path: String) throws(FileSinkError) -> FileSink {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard descriptor >= 0 else { throw FileSinkError(reason: String(cString: strerror(errno))) }
    return FileSink(descriptor: descriptor, owns: true)
  }

  public func write(_ text: String) {
    buffer.append(contentsOf: text.utf8)
    if buffer.count >= 1 << 16 { flush() }
  }

  /// Writes a large run of bytes straight to the descriptor (after what is buffered), without copying it.
  public func write(bytes: UnsafeBufferPointer<UInt8>) {
    guard bytes.count >= 1 << 16 else {
      buffer.append(contentsOf: bytes)
      if buffer.count >= 1 << 16 { flush() }
      return
    }
    flush()
    writeAll(UnsafeRawBufferPointer(bytes))
  }

  public func flush() {
    buffer.withUnsafeBytes { writeAll($0) }
    buffer.removeAll(keepingCapacity: true)
  }

  private func writeAll(_ raw: UnsafeRawBufferPointer) {
    var offset = 0
    while offset < raw.count {
      #if canImport(Darwin)
        let written = Darwin.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
      #else
        let written = Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
      #endif
      if written <= 0 { break }
      offset += written
    }
  }

  public var isTerminal: Bool { isatty(descriptor) == 1 }

  deinit {
    flush()
    if ownsDescriptor { close(descriptor) }
  }
}

/// Why an output file could not be opened.
public struct FileSinkError: Error {
  public var reason: String
}

/// Collects text in memory (tests).
public final class StringSink: TextSink {
  public private(set) var text = ""
  public init() {}
  public func write(_ text: String) { self.text += text }
}

