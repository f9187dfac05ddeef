import PartyBuildingKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The file `--output` names, written so that it is complete or not there at all.
///
/// A regular file (or one not there yet) is written to a temporary file beside it, named so that nobody takes it for
/// a result (`.结果.csv.pbk-unfinished-PID`), and renamed over the target only once every byte is written and
/// synced; an existing output is untouched until then. On SIGINT, SIGTERM or SIGHUP the temporary file is removed;
/// after `kill -9` it may remain, and the next run into the same folder removes it. A target that is not a regular
/// file (a device such as /dev/full, a FIFO) is written directly, never replaced. An output that is the input (the
/// same file, through links too) is refused before anything is read.
final class OutputFile {
  let path: String
  let sink: FileSink
  /// The temporary file being written, renamed to `path` on ``commit()``; nil when writing directly.
  private let temporary: String?

  /// Why an output cannot be opened or completed.
  struct Problem: Error {
    var message: String
  }

  static func open(path: String, input: RecordInput) throws(Problem) -> OutputFile {
    var target = stat()
    let exists = stat(path, &target) == 0
    if exists, case .file(let inputPath) = input {
      var source = stat()
      if stat(inputPath, &source) == 0, source.st_dev == target.st_dev, source.st_ino == target.st_ino {
        throw Problem(message: "--output '\(path)' is the input file; writing it would destroy the data before it is read. Write to another file")
      }
    }
    if exists, (target.st_mode & S_IFMT) == S_IFDIR {
      throw Problem(message: "--output '\(path)' is a folder; give a file name such as \(path)/结果.csv")
    }
    if exists, (target.st_mode & S_IFMT) != S_IFREG {
      // A device or a FIFO: written as it is.
      let descriptor = openFile(path, O_WRONLY | O_CLOEXEC)
      guard descriptor >= 0 else { throw Problem(message: "cannot write '\(path)': \(FileSinkError.reason(errno))") }
      return OutputFile(path: path, sink: FileSink(descriptor: descriptor, owns: true), temporary: nil)
    }
    let (folder, name) = split(path)
    removeStaleTemporaries(in: folder, name: name)
    let temporary = (folder.isEmpty ? "" : folder + "/") + ".\(name).pbk-unfinished-\(getpid())"
    // The handlers first: a signal that arrives once the file exists finds them in place.
    SignalCleanup.remove(onSignal: temporary)
    let descriptor = openFile(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      SignalCleanup.forget()
      throw Problem(message: "cannot write '\(path)': \(FileSinkError.reason(errno))")
    }
    return OutputFile(path: path, sink: FileSink(descriptor: descriptor, owns: true), temporary: temporary)
  }

  private init(path: String, sink: FileSink, temporary: String?) {
    self.path = path
    self.sink = sink
    self.temporary = temporary
  }

  /// Finishes the output: every byte written and synced, then renamed into place. Throws, leaving no partial file
  /// under the output's name, when anything fails.
  func commit() throws(Problem) {
    if temporary != nil { sink.synchronize() }
    sink.close()
    if let failure = sink.failure {
      abandon()
      throw Problem(message: "cannot write '\(path)': \(failure); the output was not written")
    }
    guard let temporary else { return }
    if rename(temporary, path) != 0 {
      let reason = FileSinkError.reason(errno)
      abandon()
      throw Problem(message: "cannot write '\(path)': \(reason); the output was not written")
    }
    SignalCleanup.forget()
  }

  /// Gives up the output: the temporary file is removed; an existing output is left as it was.
  func abandon() {
    sink.close()
    if let temporary { unlink(temporary) }
    SignalCleanup.forget()
  }

  /// The folder and the file name of a path.
  static func split(_ path: String) -> (folder: String, name: String) {
    guard let slash = path.lastIndex(of: "/") else { return ("", path) }
    return (String(path[..<slash]), String(path[path.index(after: slash)...]))
  }

  /// Removes temporary files of earlier runs into the same output whose process is gone (killed with `kill -9`).
  static func removeStaleTemporaries(in folder: String, name: String) {
    guard let directory = opendir(folder.isEmpty ? "." : folder) else { return }
    defer { closedir(directory) }
    let prefix = ".\(name).pbk-unfinished-"
    while let entry = readdir(directory) {
      let file = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      guard file.hasPrefix(prefix), let pid = Int32(file.dropFirst(prefix.count)) else { continue }
      if kill(pid, 0) != 0, errno == ESRCH { unlink((folder.isEmpty ? "" : folder + "/") + file) }
    }
  }
}

/// Removes the output's temporary file when the process is interrupted or terminated, then dies of the signal.
enum SignalCleanup {
  /// The temporary file to remove, as a C string the signal handler reads.
  nonisolated(unsafe) static var path: UnsafeMutablePointer<CChar>?

  static func remove(onSignal file: String) {
    forget()
    path = strdup(file)
    // A process started with these signals blocked (as some launchers do) would never see them: unblock them.
    var unblocked = sigset_t()
    sigemptyset(&unblocked)
    for signal in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&unblocked, signal) }
    pthread_sigmask(SIG_UNBLOCK, &unblocked, nil)
    for signal in [SIGINT, SIGTERM, SIGHUP] {
      setSignal(signal) { received in
        if let path = SignalCleanup.path { unlink(path) }
        setSignal(received, SIG_DFL)
        raise(received)
      }
    }
  }

  static func forget() {
    if let old = path {
      path = nil
      free(old)
    }
  }
}

/// `open(2)`, named apart from ``OutputFile/open(path:input:)``.
private func openFile(_ path: String, _ flags: Int32, _ mode: mode_t = 0) -> Int32 { open(path, flags, mode) }

/// `signal(3)` with a C handler.
private func setSignal(_ number: Int32, _ handler: @convention(c) (Int32) -> Void) {
  _ = signal(number, handler)
}

private func setSignal(_ number: Int32, _ disposition: sighandler_t?) {
  _ = signal(number, disposition)
}
