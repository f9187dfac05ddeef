import Dispatch

/// A SHA-256 digest taken on another thread: the bytes fed are copied and hashed, in order, on a serial queue while
/// the caller goes on, so that the digest of what a batch reads and writes costs the thread that reads and writes
/// only a copy (hashing in software runs at roughly 100–150 MiB/s; a CSV batch reads and writes faster than that).
///
/// Small pieces are gathered into runs of 64 KiB first; at most `limit` runs wait at once (the caller then waits), so
/// memory stays bounded when hashing falls behind. Used from one thread at a time.
package final class BackgroundSHA256: @unchecked Sendable {
  private let queue = DispatchQueue(label: "PartyBuildingKit.SHA256")
  private let room: DispatchSemaphore
  /// Touched only on `queue`.
  private var hasher = SHA256()
  /// Bytes fed and not yet handed to the queue (the caller's side).
  private var pending: [UInt8] = []
  /// How many bytes were fed.
  package private(set) var count = 0

  /// A hasher with at most `limit` runs of bytes waiting to be hashed.
  package init(limit: Int = 8) {
    room = DispatchSemaphore(value: max(1, limit))
  }

  /// Feeds bytes (copied: the buffer may be reused as soon as this returns).
  package func update(bytes: UnsafeRawBufferPointer) {
    guard bytes.count > 0 else { return }
    count += bytes.count
    if pending.isEmpty, bytes.count >= Self.run {
      send([UInt8](bytes))
      return
    }
    pending.append(contentsOf: bytes)
    if pending.count >= Self.run { sendPending() }
  }

  /// The digest of every byte fed: 64 lowercase hexadecimal digits (waits for the queue).
  package func finalize() -> String {
    sendPending()
    return queue.sync { hasher.finalize().hex }
  }

  /// The size of a run handed to the queue.
  private static let run = 1 << 16

  private func sendPending() {
    guard !pending.isEmpty else { return }
    send(pending)
    pending = []
    pending.reserveCapacity(Self.run)
  }

  private func send(_ bytes: [UInt8]) {
    room.wait()
    queue.async {
      bytes.withUnsafeBytes { self.hasher.update(bytes: $0) }
      self.room.signal()
    }
  }
}
