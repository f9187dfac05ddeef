/// A table of plain values in memory it owns and frees: what the scoring plan and a scorer's buffers are made of,
/// so that a hot loop reads them without touching a reference count.
///
/// Noncopyable, so the memory has exactly one owner and is given back exactly once. Elements are bitwise-copyable
/// (nothing to deinitialise). Subscripts are checked in debug builds only: the tables are indexed by the compiled
/// plan's own indices, never by a caller's.
struct PlainTable<Element: BitwiseCopyable>: ~Copyable {
  private let base: UnsafeMutablePointer<Element>
  /// The number of elements.
  let count: Int

  /// A table holding a copy of `elements`.
  init(_ elements: [Element]) {
    count = elements.count
    base = .allocate(capacity: Swift.max(count, 1))
    elements.withUnsafeBufferPointer { source in
      if let start = source.baseAddress { base.initialize(from: start, count: count) }
    }
  }

  /// A table of `count` copies of `value`.
  init(repeating value: Element, count: Int) {
    self.count = count
    base = .allocate(capacity: Swift.max(count, 1))
    base.initialize(repeating: value, count: count)
  }

  deinit { base.deallocate() }

  @inline(__always) subscript(index: Int) -> Element {
    get {
      assert(index >= 0 && index < count, "index \(index) outside a table of \(count)")
      return base[index]
    }
    nonmutating set {
      assert(index >= 0 && index < count, "index \(index) outside a table of \(count)")
      base[index] = newValue
    }
  }

  @inline(__always) subscript(index: Int32) -> Element {
    get { self[Int(index)] }
    nonmutating set { self[Int(index)] = newValue }
  }

  /// The indices, `0..<count`.
  var indices: Range<Int> { 0..<count }

  /// Whether the table is empty.
  var isEmpty: Bool { count == 0 }

  /// The elements from `range` as a buffer to read (valid while the table lives).
  @inline(__always) func buffer(_ range: Range<Int>) -> UnsafeBufferPointer<Element> {
    assert(range.lowerBound >= 0 && range.upperBound <= count)
    return UnsafeBufferPointer(start: base + range.lowerBound, count: range.count)
  }

  /// All elements as a buffer to read (valid while the table lives).
  @inline(__always) var all: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }

  /// The first element's address (valid while the table lives), for a scorer's buffer of slots.
  @inline(__always) var pointer: UnsafeMutablePointer<Element> { base }
}

// The plan's tables and a scorer's buffer hold exact decimals: an Int64 and a UInt8, nothing to deinitialise.
extension ExactDecimal: BitwiseCopyable {}
extension RoundingRule: BitwiseCopyable {}
extension FormulaInstruction: BitwiseCopyable {}
