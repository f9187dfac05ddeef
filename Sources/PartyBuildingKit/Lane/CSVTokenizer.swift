/// Splits CSV bytes into records and cells: the one CSV tokenizer every lane uses.
///
/// RFC 4180 with what spreadsheets write: LF, CRLF and lone CR line ends (mixed too), quoted cells with `""` escapes,
/// commas and line breaks inside quotes. A completely empty line is not a record (but is counted as a line). A record
/// that is malformed — a quote inside an unquoted cell, text after a closing quote, a quote never closed, a record
/// longer than the limit — is reported with its line and column, and the tokenizer **resynchronises**: it ends the bad
/// record at the end of the physical line where the problem is (for an unclosed quote: the line where the quote
/// opened), so every following record is still read and counted.
///
/// The same scan cuts a file into blocks (at record ends) and reads each block's records, so the two agree on every
/// record boundary by construction.
struct CSVTokenizer {
  static let comma: UInt8 = 0x2C
  static let quote: UInt8 = 0x22
  static let lineFeed: UInt8 = 0x0A
  static let carriageReturn: UInt8 = 0x0D

  /// The longest record read, in bytes; a longer one is rejected (probably an unclosed quote).
  let maxRecordBytes: Int
  /// What separates cells: a comma, or a tab (Excel's "Unicode 文本").
  let separator: UInt8
  /// Every byte above this one is plain text inside an unquoted cell (the separator, the quote and line ends are
  /// all at or below it).
  private let plainAbove: UInt8

  init(maxRecordBytes: Int = CSVTokenizer.defaultMaxRecordBytes, separator: UInt8 = CSVTokenizer.comma) {
    self.maxRecordBytes = max(16, maxRecordBytes)
    self.separator = separator
    plainAbove = max(separator, Self.quote)
  }

  static let tab: UInt8 = 0x09

  /// 1 MiB: far above any real record (a subject's row), far below what would exhaust memory.
  static let defaultMaxRecordBytes = 1 << 20

  /// What went wrong with a malformed record.
  enum Problem: Equatable, Sendable {
    /// A quote inside a cell that does not start with one.
    case quoteInUnquotedCell
    /// Text after the closing quote of a quoted cell.
    case textAfterClosingQuote
    /// A quote opened and never closed before the end of the input.
    case unclosedQuote
    /// The record runs past ``maxRecordBytes`` (a quote opened on its first line may be unclosed).
    case recordTooLong(limit: Int)
  }

  /// The result of scanning from a record's start.
  enum Scan: Equatable {
    /// A record ending at `end`, spanning `lineEnds` line ends (0 for a last record without one); its cells are in
    /// the cell list.
    case record(end: Int, lineEnds: Int)
    /// An empty line (not a record).
    case blank(end: Int)
    /// A malformed record, already resynchronised: skip to `end` (`lineEnds` line ends). The problem is at
    /// `lineOffset` lines after the record's first line, in cell number `column` (1-based).
    case malformed(end: Int, lineEnds: Int, problem: Problem, lineOffset: Int, column: Int)
    /// The bytes end before the record does, and more may follow: read more and scan again from the same start.
    case incomplete
    /// No bytes left.
    case end
  }

  /// Where the cells of the last record scanned lie: `[start, end)` offsets into the bytes, and whether each was
  /// quoted with `""` escapes inside (its text then needs unescaping). Read `starts`, `ends` and `escaped` at
  /// indices below ``count``.
  ///
  /// Kept in memory of its own that grows by doubling, not in arrays: appending a cell is the innermost step of every
  /// record read, and three arrays cost three uniqueness checks a cell.
  struct Cells {
    private final class Storage {
      // Used by one reader at a time (the lane's worker, or one reader of a file).
      @exclusivity(unchecked) var starts: UnsafeMutablePointer<Int>
      @exclusivity(unchecked) var ends: UnsafeMutablePointer<Int>
      @exclusivity(unchecked) var escaped: UnsafeMutablePointer<Bool>
      @exclusivity(unchecked) var capacity: Int

      init(capacity: Int) {
        self.capacity = capacity
        starts = .allocate(capacity: capacity)
        ends = .allocate(capacity: capacity)
        escaped = .allocate(capacity: capacity)
      }

      deinit {
        starts.deallocate()
        ends.deallocate()
        escaped.deallocate()
      }

      /// Twice the room, keeping the first `count` cells.
      func grow(keeping count: Int) {
        let larger = capacity * 2
        let newStarts = UnsafeMutablePointer<Int>.allocate(capacity: larger)
        let newEnds = UnsafeMutablePointer<Int>.allocate(capacity: larger)
        let newEscaped = UnsafeMutablePointer<Bool>.allocate(capacity: larger)
        newStarts.moveInitialize(from: starts, count: count)
        newEnds.moveInitialize(from: ends, count: count)
        newEscaped.moveInitialize(from: escaped, count: count)
        starts.deallocate()
        ends.deallocate()
        escaped.deallocate()
        starts = newStarts
        ends = newEnds
        escaped = newEscaped
        capacity = larger
      }
    }

    private let storage = Storage(capacity: 64)
    /// How many cells the last record has.
    private(set) var count = 0

    init() {}

    /// Where each cell starts (at indices below ``count``).
    var starts: UnsafeMutablePointer<Int> { storage.starts }
    /// Where each cell ends.
    var ends: UnsafeMutablePointer<Int> { storage.ends }
    /// Whether each cell was quoted with `""` inside.
    var escaped: UnsafeMutablePointer<Bool> { storage.escaped }

    mutating func removeAll() { count = 0 }

    @inline(__always) mutating func append(_ start: Int, _ end: Int, escaped isEscaped: Bool) {
      if count == storage.capacity { storage.grow(keeping: count) }
      storage.starts[count] = start
      storage.ends[count] = end
      storage.escaped[count] = isEscaped
      count += 1
    }
  }

  /// Scans one record starting at `start` in `bytes`. `atEnd`: no bytes follow these. `endIsCut`: bytes do follow,
  /// but these end where ``lastRecordEnd(_:from:cells:)`` cut a block, so they are scanned as if at the end; a quoted
  /// cell still open at such a cut was cut there because it ran past ``maxRecordBytes`` (the cut never ends a record
  /// at the end of what it read), and is reported so, as a scan of the whole input reports it.
  func scan(
    _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, atEnd: Bool, endIsCut: Bool = false, cells: inout Cells
  ) -> Scan {
    let n = bytes.count
    guard start < n else { return atEnd ? .end : .incomplete }
    let p = bytes.baseAddress!
    cells.removeAll()
    if p[start] == Self.lineFeed { return .blank(end: start + 1) }
    if p[start] == Self.carriageReturn {
      if start + 1 == n, !atEnd { return .incomplete }
      return .blank(end: start + 1 < n && p[start + 1] == Self.lineFeed ? start + 2 : start + 1)
    }
    var i = start
    var lines = 0
    let limit = start + maxRecordBytes
    while true {
      let column = cells.count + 1
      if i < n, p[i] == Self.quote {
        // A quoted cell: runs to the next lone quote, across commas and line breaks.
        let openLines = lines
        let contentStart = i + 1
        i = contentStart
        var escaped = false
        while true {
          if i > limit {
            return resync(bytes, from: contentStart, lines: openLines, atEnd: atEnd, problem: .recordTooLong(limit: maxRecordBytes), lineOffset: openLines, column: column)
          }
          guard i < n else {
            if !atEnd { return .incomplete }
            let problem: Problem = endIsCut ? .recordTooLong(limit: maxRecordBytes) : .unclosedQuote
            return resync(bytes, from: contentStart, lines: openLines, atEnd: atEnd, problem: problem, lineOffset: openLines, column: column)
          }
          let b = p[i]
          if b > Self.quote {
            i += 1
            continue
          }
          if b == Self.quote {
            if i + 1 == n, !atEnd { return .incomplete }
            if i + 1 < n, p[i + 1] == Self.quote {
              escaped = true
              i += 2
              continue
            }
            break
          }
          if b == Self.lineFeed {
            lines += 1
            i += 1
          } else if b == Self.carriageReturn {
            if i + 1 == n, !atEnd { return .incomplete }
            i += i + 1 < n && p[i + 1] == Self.lineFeed ? 2 : 1
            lines += 1
          } else {
            i += 1
          }
        }
        cells.append(contentStart, i, escaped: escaped)
        i += 1  // past the closing quote
        if i == n, !atEnd { return .incomplete }
        if i < n {
          let c = p[i]
          if c == separator {
            i += 1
            continue
          }
          if c != Self.lineFeed && c != Self.carriageReturn {
            return resync(bytes, from: i, lines: lines, atEnd: atEnd, problem: .textAfterClosingQuote, lineOffset: lines, column: column)
          }
        }
      } else {
        // An unquoted cell: runs to the next comma or line end.
        let cellStart = i
        while i < n {
          let b = p[i]
          if b > plainAbove {
            i += 1
            continue
          }
          if b == separator || b == Self.lineFeed || b == Self.carriageReturn { break }
          if b == Self.quote {
            return resync(bytes, from: i, lines: lines, atEnd: atEnd, problem: .quoteInUnquotedCell, lineOffset: lines, column: column)
          }
          i += 1
        }
        if i > limit {
          return resync(bytes, from: i, lines: lines, atEnd: atEnd, problem: .recordTooLong(limit: maxRecordBytes), lineOffset: lines, column: column)
        }
        if i == n, !atEnd { return .incomplete }
        cells.append(cellStart, i, escaped: false)
        if i < n, p[i] == separator {
          i += 1
          continue
        }
      }
      // The end of the record: a line end, or the end of the input.
      if i < n {
        if p[i] == Self.carriageReturn {
          if i + 1 == n, !atEnd { return .incomplete }
          i += i + 1 < n && p[i + 1] == Self.lineFeed ? 2 : 1
        } else {
          i += 1
        }
        lines += 1
      }
      return .record(end: i, lineEnds: lines)
    }
  }

  /// A malformed record that ends at the first line end at or after `from` (quotes no longer count); `lines` line
  /// ends were already passed before `from`.
  private func resync(
    _ bytes: UnsafeBufferPointer<UInt8>, from: Int, lines: Int, atEnd: Bool, problem: Problem, lineOffset: Int,
    column: Int
  ) -> Scan {
    let n = bytes.count
    let p = bytes.baseAddress!
    var i = from
    while i < n, p[i] != Self.lineFeed, p[i] != Self.carriageReturn { i += 1 }
    if i == n {
      // The line goes on past what is read: the caller skips to its end (``skipLine``) if it cannot read more.
      return atEnd ? .malformed(end: n, lineEnds: lines, problem: problem, lineOffset: lineOffset, column: column) : .incomplete
    }
    if p[i] == Self.carriageReturn {
      if i + 1 == n, !atEnd { return .incomplete }
      i += i + 1 < n && p[i + 1] == Self.lineFeed ? 2 : 1
    } else {
      i += 1
    }
    return .malformed(end: i, lineEnds: lines + 1, problem: problem, lineOffset: lineOffset, column: column)
  }

  /// Where a line that began at `start` ends in `bytes` (just past its line end), or nil when it runs past them:
  /// how a reader skips a line longer than it will hold.
  static func lineEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, atEnd: Bool) -> Int? {
    let n = bytes.count
    var i = start
    while i < n, bytes[i] != lineFeed, bytes[i] != carriageReturn { i += 1 }
    if i == n { return nil }
    if bytes[i] == carriageReturn {
      if i + 1 == n, !atEnd { return nil }
      return i + 1 < n && bytes[i + 1] == lineFeed ? i + 2 : i + 1
    }
    return i + 1
  }

  /// The offset just past the last record that ends in `bytes` (a block cut), scanning from `start` (a record
  /// start), and how many line ends lie before it; nil when no record ends there. With no quote in the bytes every
  /// line end ends a record, so the last one is found from the back.
  func lastRecordEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, cells: inout Cells) -> Int? {
    let n = bytes.count
    guard start < n else { return nil }
    let p = bytes.baseAddress!
    if memchrQuote(p + start, n - start) == nil {
      var i = n - 1
      // A CR as the very last byte may be followed by an LF not yet read: cut before it.
      while i >= start {
        if p[i] == Self.lineFeed { return i + 1 }
        if p[i] == Self.carriageReturn, i + 1 < n { return i + 1 }
        i -= 1
      }
      return nil
    }
    var position = start
    var last: Int?
    while true {
      switch scan(bytes, from: position, atEnd: false, cells: &cells) {
      case .record(let end, _), .blank(let end), .malformed(let end, _, _, _, _):
        position = end
        last = end
      case .incomplete, .end:
        return last
      }
    }
  }

  @inline(__always) private func memchrQuote(_ start: UnsafePointer<UInt8>, _ count: Int) -> Int? {
    var i = 0
    let raw = UnsafeRawPointer(start)
    // Eight bytes at a time: a byte equal to 0x22 makes (word ^ 0x2222…) have a zero byte.
    while i + 8 <= count {
      let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) ^ 0x2222_2222_2222_2222
      if (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 != 0 { break }
      i += 8
    }
    while i < count {
      if start[i] == Self.quote { return i }
      i += 1
    }
    return nil
  }
}

extension CSVTokenizer.Problem {
  /// What is wrong and what to do, for a record starting on `line`; the problem itself is on `problemLine`.
  func message(openedOn problemLine: Int) -> Message {
    switch self {
    case .quoteInUnquotedCell:
      return Message(.quoteInsideCell)
    case .textAfterClosingQuote:
      return Message(.textAfterClosingQuote)
    case .unclosedQuote:
      return Message(.quoteNeverClosed, problemLine, problemLine)
    case .recordTooLong(let limit):
      return Message(.recordTooLong, limit, problemLine, problemLine)
    }
  }
}

extension CSVTokenizer {
  /// One outcome of reading CSV bytes: a record (its cells as text, its first line) or a malformed one (its message
  /// and where).
  enum Outcome: Equatable, CustomStringConvertible {
    case record([String], line: Int)
    case malformed(Message, line: Int, column: Int)
    /// A cell that is not UTF-8 (line, column): the record is rejected by whoever reads its cells.
    case notUTF8(line: Int, column: Int)

    var description: String {
      switch self {
      case .record(let cells, let line): "\(line): \(cells)"
      case .malformed(let message, let line, let column): "\(line):\(column): \(message)"
      case .notUTF8(let line, let column): "\(line):\(column): not UTF-8"
      }
    }
  }

  /// Every outcome of `bytes`, read the way a batch reads them: cut into blocks of about `blockSize` bytes at record
  /// ends (nil: one block), each block then scanned on its own. A byte order mark at the start is skipped.
  func readAll(_ bytes: [UInt8], blockSize: Int? = nil) -> [Outcome] {
    var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    var outcomes: [Outcome] = []
    var line = 1
    var cells = Cells()
    while start < bytes.count {
      // The next block: grow until a record ends in it (or the bytes end), as the batch's reader does.
      var end = bytes.count
      if let blockSize {
        var size = blockSize
        while true {
          let limit = min(bytes.count, start + size)
          if limit == bytes.count {
            end = limit
            break
          }
          let cut = bytes[start..<limit].withUnsafeBufferPointer { lastRecordEnd($0, from: 0, cells: &cells) }
          if let cut {
            end = start + cut
            break
          }
          size += blockSize
        }
      }
      bytes[start..<end].withUnsafeBufferPointer { block in
        var position = 0
        while true {
          switch scan(block, from: position, atEnd: true, endIsCut: end < bytes.count, cells: &cells) {
          case .record(let next, let lineEnds):
            var texts: [String] = []
            var bad: Int?
            for index in 0..<cells.count {
              let cell = UnsafeBufferPointer(rebasing: block[cells.starts[index]..<cells.ends[index]])
              guard CellText.isUTF8(cell) else {
                bad = bad ?? index + 1
                continue
              }
              let text = String(decoding: cell, as: UTF8.self)
              texts.append(cells.escaped[index] ? text.replacing("\"\"", with: "\"") : text)
            }
            outcomes.append(bad.map { .notUTF8(line: line, column: $0) } ?? .record(texts, line: line))
            line += lineEnds
            position = next
          case .blank(let next):
            line += 1
            position = next
          case .malformed(let next, let lineEnds, let problem, let lineOffset, let column):
            outcomes.append(.malformed(problem.message(openedOn: line + lineOffset), line: line + lineOffset, column: column))
            line += lineEnds
            position = next
          case .incomplete, .end:
            return
          }
        }
      }
      start = end
    }
    return outcomes
  }
}
