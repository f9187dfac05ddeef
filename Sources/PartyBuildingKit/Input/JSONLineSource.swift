/// Reads a JSON Lines file a line at a time, so that memory holds one line however long the file.
///
/// Copies of a source share its file: read from one copy only (as with ``CSVReader``).
final class JSONLineSource {
  private let source: CSVByteSource
  private var buffer: [UInt8] = []
  private var position = 0
  private var reachedEnd = false
  /// The 1-based line of the next line handed out.
  private(set) var line = 1

  init(path: String) throws(CSVError) {
    source = try CSVFileSource(path: path)
  }

  /// The next line's bytes (without its LF) and its 1-based number; nil at the end of the file.
  func nextLine() throws(CSVError) -> (bytes: ArraySlice<UInt8>, line: Int)? {
    while true {
      if let end = buffer[position...].firstIndex(of: 0x0A) {
        let bytes = buffer[position..<end]
        position = end + 1
        defer { line += 1 }
        return (bytes, line)
      }
      if reachedEnd {
        guard position < buffer.count else { return nil }
        let bytes = buffer[position...]
        position = buffer.count
        defer { line += 1 }
        return (bytes, line)
      }
      // Keep the unread part and read another chunk after it.
      buffer.removeFirst(position)
      position = 0
      let old = buffer.count
      let chunk = 256 * 1024
      buffer.append(contentsOf: repeatElement(0, count: chunk))
      let read = try buffer.withUnsafeMutableBufferPointer { (pointer) throws(CSVError) -> Int in
        try source.read(into: pointer.baseAddress! + old, count: chunk)
      }
      buffer.removeLast(chunk - read)
      if read == 0 { reachedEnd = true }
    }
  }
}
