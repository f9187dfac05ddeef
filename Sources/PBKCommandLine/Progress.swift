import PartyBuildingKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A long run's progress on a terminal's standard error: rows read, rows a second, rejected so far — on one line,
/// redrawn at most five times a second and cleared at the end. Nothing when standard error is not a terminal.
final class Progress: @unchecked Sendable {
  let sink: TextSink
  private let started = Progress.now()
  private var lastShown: UInt64 = 0
  private var shown = false

  init(sink: TextSink) { self.sink = sink }

  static func now() -> UInt64 {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
  }

  func show(_ counts: BatchCounts) {
    let now = Progress.now()
    guard now - lastShown >= 200_000_000, now - started >= 500_000_000 else { return }
    lastShown = now
    let milliseconds = max(1, (now - started) / 1_000_000)
    let rate = UInt64(counts.read) * 1000 / milliseconds
    sink.write("\r\u{1B}[K已读 \(counts.read) 行 read，每秒 \(rate) 行/s，拒绝 \(counts.rejected) rejected")
    sink.flush()
    shown = true
  }

  /// Clears the line (before an error or the summary is written).
  func clear() {
    guard shown else { return }
    sink.write("\r\u{1B}[K")
    shown = false
  }
}
