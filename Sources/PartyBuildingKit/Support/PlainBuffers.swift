extension UnsafeMutableBufferPointer {
  /// New memory holding a copy of `array`'s elements, for tables of plain values that a hot loop reads without
  /// touching an array's reference count. The owner gives it back with `baseAddress?.deallocate()`; elements must
  /// be plain values (nothing to deinitialise).
  static func copying(_ array: [Element]) -> UnsafeMutableBufferPointer<Element> {
    let buffer = UnsafeMutableBufferPointer<Element>.allocate(capacity: Swift.max(array.count, 1))
    _ = buffer.initialize(from: array)
    return UnsafeMutableBufferPointer(rebasing: buffer[0..<array.count])
  }
}
