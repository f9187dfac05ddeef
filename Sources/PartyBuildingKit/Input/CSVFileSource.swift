#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#elseif canImport(Android)
  import Android
#elseif canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

#if canImport(Glibc) || canImport(Musl) || canImport(Darwin) || canImport(Android)
  /// Reads a file with POSIX `open`/`read`, for `CSVReader(path:)`.
  final class CSVFileSource: CSVByteSource {
    private let descriptor: Int32
    private let path: String

    /// Opens a file for reading; throws "cannot open 'x.csv': no such file" and the like.
    init(path: String) throws(CSVError) {
      self.path = path
      let fd = open(path, O_RDONLY | O_CLOEXEC)
      guard fd >= 0 else {
        throw CSVError(message: "cannot open '\(path)': \(CSVFileSource.reason(errno))", line: 0)
      }
      var info = stat()
      if fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
        close(fd)
        throw CSVError(message: "cannot open '\(path)': it is a folder, not a file", line: 0)
      }
      descriptor = fd
    }

    func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int) throws(CSVError) -> Int {
      while true {
        #if canImport(Glibc)
          let n = Glibc.read(descriptor, buffer, count)
        #elseif canImport(Musl)
          let n = Musl.read(descriptor, buffer, count)
        #elseif canImport(Darwin)
          let n = Darwin.read(descriptor, buffer, count)
        #else
          let n = Android.read(descriptor, buffer, count)
        #endif
        if n >= 0 { return n }
        let code = errno
        if code == EINTR { continue }
        throw CSVError(message: "cannot read '\(path)': \(CSVFileSource.reason(code))", line: 0)
      }
    }

    deinit { close(descriptor) }

    private static func reason(_ code: Int32) -> String {
      switch code {
      case ENOENT: "no such file"
      case EACCES: "permission denied"
      case EISDIR: "it is a folder, not a file"
      default: String(cString: strerror(code))
      }
    }
  }
#else
  /// Reads a file with `FileHandle`, for `CSVReader(path:)` where POSIX is not available.
  final class CSVFileSource: CSVByteSource {
    private let handle: FileHandle
    private let path: String

    /// Opens a file for reading; throws "cannot open 'x.csv': no such file" and the like.
    init(path: String) throws(CSVError) {
      self.path = path
      guard let handle = FileHandle(forReadingAtPath: path) else {
        let reason = FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file"
        throw CSVError(message: "cannot open '\(path)': \(reason)", line: 0)
      }
      self.handle = handle
    }

    func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int) throws(CSVError) -> Int {
      do {
        guard let data = try handle.read(upToCount: count), !data.isEmpty else { return 0 }
        data.copyBytes(to: buffer, count: data.count)
        return data.count
      } catch {
        throw CSVError(message: "cannot read '\(path)': \(error)", line: 0)
      }
    }

    deinit { try? handle.close() }
  }
#endif
