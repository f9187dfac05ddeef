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
  /// The slot of ``SignalCleanup`` that removes the temporary file on a signal.
  private var cleanupSlot: Int?
  /// Whether ``commit()`` put the output in place.
  private(set) var isCommitted = false
  /// What the file is, in messages: "the output", or "the record" of the run (`--meta`).
  private var noun = Message(.nounTheOutput)

  /// Whether the target is a regular file (or not there yet), replaced as a whole; false for a device or a FIFO,
  /// written directly.
  var replacesFile: Bool { temporary != nil }

  /// Why an output cannot be opened or completed.
  struct Problem: Error {
    var message: Message
  }

  /// Opens `path` for writing; `option` names it in messages (`--output`, `--errors`, `--meta`).
  static func open(path: String, input: RecordInput, option: String = "--output") throws(Problem) -> OutputFile {
    var target = stat()
    let exists = stat(path, &target) == 0
    if exists, case .file(let inputPath) = input {
      var source = stat()
      if stat(inputPath, &source) == 0, source.st_dev == target.st_dev, source.st_ino == target.st_ino {
        throw Problem(message: Message(.outputIsInput, option, path))
      }
    }
    if exists, (target.st_mode & S_IFMT) == S_IFDIR {
      throw Problem(message: Message(.outputIsFolder, option, path, path, option == "--meta" ? "结果.meta.json" : "结果.csv"))
    }
    if exists, (target.st_mode & S_IFMT) != S_IFREG {
      // A device or a FIFO: written as it is.
      let descriptor = openFile(path, O_WRONLY | O_CLOEXEC)
      guard descriptor >= 0 else { throw Problem(message: Message(.cannotWrite, path, FileSinkError.why(errno))) }
      let file = OutputFile(path: path, sink: FileSink(descriptor: descriptor, owns: true), temporary: nil)
      if option == "--meta" { file.noun = Message(.nounTheRecord) }
      return file
    }
    let (folder, name) = split(path)
    removeStaleTemporaries(in: folder, name: name)
    let temporary = (folder.isEmpty ? "" : folder + "/") + ".\(name).pbk-unfinished-\(getpid())"
    // The handlers first: a signal that arrives once the file exists finds them in place.
    let slot = SignalCleanup.remove(onSignal: temporary)
    let descriptor = openFile(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      let reason = FileSinkError.why(errno)
      if let slot { SignalCleanup.forget(slot) }
      throw Problem(message: Message(.cannotWrite, path, reason))
    }
    let file = OutputFile(path: path, sink: FileSink(descriptor: descriptor, owns: true), temporary: temporary)
    file.cleanupSlot = slot
    if option == "--meta" { file.noun = Message(.nounTheRecord) }
    return file
  }

  private init(path: String, sink: FileSink, temporary: String?) {
    self.path = path
    self.sink = sink
    self.temporary = temporary
  }

  /// No longer removed on a signal.
  private func forgetCleanup() {
    if let cleanupSlot { SignalCleanup.forget(cleanupSlot) }
    cleanupSlot = nil
  }

  /// Finishes the output: every byte written and synced, then renamed into place. Throws, leaving no partial file
  /// under the output's name, when anything fails.
  func commit() throws(Problem) {
    if temporary != nil { sink.synchronize() }
    sink.close()
    if let failure = sink.failureDetail {
      abandon()
      throw Problem(message: Message(.cannotWriteNotWritten, path, failure, noun))
    }
    guard let temporary else {
      isCommitted = true
      return
    }
    if rename(temporary, path) != 0 {
      let reason = FileSinkError.why(errno)
      abandon()
      throw Problem(message: Message(.cannotWriteNotWritten, path, reason, noun))
    }
    isCommitted = true
    forgetCleanup()
  }

  /// Gives up the output: the temporary file is removed; an existing output is left as it was. Does nothing to an
  /// output already committed.
  func abandon() {
    sink.close()
    if let temporary, !isCommitted { unlink(temporary) }
    forgetCleanup()
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

/// Removes the outputs' temporary files (results, rejected rows, the run's sidecar) when the process is interrupted or
/// terminated, then dies of the signal.
enum SignalCleanup {
  /// How many temporary files can be registered at once.
  static let slotCount = 8
  /// The temporary files to remove, as C strings the signal handler reads; nil in a free slot.
  nonisolated(unsafe) static let paths: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
    let slots = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: slotCount)
    slots.initialize(repeating: nil, count: slotCount)
    return slots
  }()

  /// Registers `file` to be removed on a signal; returns its slot for ``forget(_:)``, or nil when every slot is
  /// taken (the file is then not removed on a signal; the next run into its folder removes it).
  @discardableResult
  static func remove(onSignal file: String) -> Int? {
    guard let slot = (0..<slotCount).first(where: { paths[$0] == nil }) else { return nil }
    paths[slot] = strdup(file)
    // A process started with these signals blocked (as some launchers do) would never see them: unblock them.
    var unblocked = sigset_t()
    sigemptyset(&unblocked)
    for signal in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&unblocked, signal) }
    pthread_sigmask(SIG_UNBLOCK, &unblocked, nil)
    for signal in [SIGINT, SIGTERM, SIGHUP] {
      setSignal(signal) { received in
        for slot in 0..<SignalCleanup.slotCount {
          if let path = SignalCleanup.paths[slot] { unlink(path) }
        }
        setSignal(received, SIG_DFL)
        raise(received)
      }
    }
    return slot
  }

  /// No longer removes the file registered in `slot`.
  static func forget(_ slot: Int) {
    guard (0..<slotCount).contains(slot), let old = paths[slot] else { return }
    paths[slot] = nil
    free(old)
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
