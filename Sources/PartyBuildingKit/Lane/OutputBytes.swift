/// A growing run of bytes in memory it owns and frees: a block's output rows, written with stores (room is reserved
/// once per cell or row) without the checks an array append makes.
final class OutputBytes {
  private var base: UnsafeMutablePointer<UInt8>
  private(set) var count = 0
  private var capacity: Int

  init(capacity: Int = 4096) {
    self.capacity = max(16, capacity)
    base = .allocate(capacity: self.capacity)
  }

  deinit { base.deallocate() }

  /// Makes room for `extra` more bytes.
  @inline(__always) func reserve(_ extra: Int) {
    guard count + extra > capacity else { return }
    grow(to: count + extra)
  }

  private func grow(to needed: Int) {
    let newCapacity = max(capacity * 2, needed)
    let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
    newBase.update(from: base, count: count)
    base.deallocate()
    base = newBase
    capacity = newCapacity
  }

  /// Lets `write` put bytes at the end (room reserved by the caller) and counts the bytes it says it wrote.
  @inline(__always) func appendWritten(_ write: (UnsafeMutablePointer<UInt8>) -> Int) {
    count += write(base + count)
  }

  /// Appends one byte (room reserved by the caller).
  @inline(__always) func append(_ byte: UInt8) {
    assert(count < capacity, "room was not reserved")
    base[count] = byte
    count += 1
  }

  /// Appends bytes, making room for them.
  @inline(__always) func append(contentsOf bytes: UnsafeBufferPointer<UInt8>) {
    guard let source = bytes.baseAddress else { return }
    reserve(bytes.count)
    (base + count).update(from: source, count: bytes.count)
    count += bytes.count
  }

  func append(contentsOf bytes: [UInt8]) {
    bytes.withUnsafeBufferPointer { append(contentsOf: $0) }
  }

  func append(contentsOf bytes: String.UTF8View) {
    reserve(bytes.count)
    for byte in bytes { append(byte) }
  }

  /// The bytes written so far (valid until the next write).
  var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

  /// Forgets the bytes written, keeping the memory.
  func removeAll() { count = 0 }
}
