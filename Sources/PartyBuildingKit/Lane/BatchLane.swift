import Dispatch

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// How a batch is read and scored.
public struct BatchOptions: Sendable, Hashable {
  /// How many threads score at once (at least 1); by default one per processor (``processorCount``).
  public var threads: Int
  /// The size of the block of input one thread scores at a time, in bytes (at least 64; by default 1 MiB).
  public var blockSize: Int
  /// The longest record read, in bytes (at least 64; by default 1 MiB); a longer one is rejected (probably an
  /// unclosed quote) and reading goes on.
  public var maxRecordBytes: Int
  /// Whether repeated subject ids are rejected (all but the first). The check keeps about 16 bytes per subject;
  /// turn it off only for runs so large that this matters, and say so in their summary.
  public var checksIDs: Bool
  /// The text encoding of a CSV input; nil: decided from its first 64 KiB (UTF-8, else GB18030; UTF-16 by its byte
  /// order mark).
  public var encoding: InputEncoding?
  /// The sheet of a workbook to read; nil: the first visible worksheet.
  public var sheet: String?
  /// The row (1-based) that names the columns — of a workbook, or of a CSV file with title rows above its header;
  /// nil: a workbook's is found (the first of its first 20 rows naming an `id` or 编号 column among text cells), a CSV
  /// file's is its first.
  public var headerRow: Int?
  /// Whether the SHA-256 digest of the input's bytes is taken as they are read (``BatchEvaluator/Summary``'s
  /// `inputDigest`): what `pbk evaluate` records of a run's input, standard input included.
  package var digestsInput = false

  /// Options for a batch; values below the smallest allowed (1 thread, 64 bytes) are raised to it. ``sheet`` and
  /// ``headerRow`` start nil: set them after.
  public init(
    threads: Int = BatchOptions.processorCount, blockSize: Int = 1 << 20,
    maxRecordBytes: Int = 1 << 20, checksIDs: Bool = true, encoding: InputEncoding? = nil
  ) {
    self.threads = max(1, threads)
    self.blockSize = max(64, blockSize)
    self.maxRecordBytes = max(64, maxRecordBytes)
    self.checksIDs = checksIDs
    self.encoding = encoding
  }

  /// The number of processors online: the default number of threads.
  public static var processorCount: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
}

/// How many records a batch read, assessed and rejected: `read == assessed + rejected`, always.
public struct BatchCounts: Sendable, Hashable, CustomStringConvertible {
  /// How many records were read: every record of the input, whatever became of it.
  public var read = 0
  /// How many were scored and handed back as results.
  public var assessed = 0
  /// How many were rejected, each reported with an ``AssessmentError`` (bad data, a repeated id…).
  public var rejected = 0
  /// Of the assessed, how many are void (无效: a ballot session that does not count); they are among the results,
  /// marked void, with no score or grade.
  public var void = 0

  /// Counts to start from (all zero by default).
  public init(read: Int = 0, assessed: Int = 0, rejected: Int = 0, void: Int = 0) {
    self.read = read
    self.assessed = assessed
    self.rejected = rejected
    self.void = void
  }

  /// The counts as `pbk` prints them: `11 read: 10 assessed, 1 rejected`.
  public var description: String { description(in: .english) }

  /// The counts as `pbk` prints them in `language`: `11 read: 10 assessed, 1 rejected`, or
  /// `读入 11 行：评价 10 个，拒绝 1 个`.
  public func description(in language: Language) -> String {
    Message(.countsSummary, read, assessed, rejected).text(in: language)
  }
}

/// What each scored record becomes on the worker threads.
enum LaneProduct {
  /// Output bytes, written by `format` from the record's scorer (and its number among the records read, 0-based).
  case bytes(@Sendable (RecordScorer, Int, OutputBytes) -> Void)
  /// The cells of a result row, in words (a table).
  case rows(ResultLayout)
  /// An ``Assessment`` (without a trace).
  case assessments
  /// An ``Assessment`` with its explanation (the cohort's verdict included, when placed).
  case explainedAssessments
  /// The record's cohort entry.
  case cohortEntries
  /// For the records whose id is the one given: the assessment with its explanation; nothing for the others.
  case explained(String)
}

/// What the lane hands back in input order, on the calling thread.
enum LaneEvent {
  /// Output bytes of one or more accepted records (valid during the call).
  case bytes(UnsafeBufferPointer<UInt8>)
  /// An accepted record's assessment, or cohort entry.
  case assessment(Assessment)
  case row([ResultCell])
  case entry(CohortEntry)
  /// The explained assessment of a record with the id asked for, and the line it starts on.
  case explained(Assessment, line: Int)
  /// The id of a record read while looking for one to explain.
  case seenID(String)
  /// A rejected record (numbered from 0 among the records read).
  case rejected(AssessmentError, record: Int)
  /// A rater form rejected on its own (of no subject in the input, or a row of the forms file that cannot be read).
  case rejectedForm(AssessmentError)
  /// The subject of the rejected record that follows (its id, parent and attributes, when they could be read), for
  /// the packs that link to it (`links`); products of assessments only.
  case rejectedSubject(Subject)
}

/// A block of input: whole records as read, where they start, and what scoring them gave.
final class LaneBlock: @unchecked Sendable {
  enum Content {
    /// CSV bytes; `cut`: more follow (the block ends where the tokenizer cut it, not at the end of the input).
    case csv([UInt8], cut: Bool)
    case jsonLines([UInt8])
    case json(ArraySlice<JSONValue>)
    /// Subjects already read (the library's `AssessmentInput` values).
    case inputs(ArraySlice<AssessmentInput>)
    /// Rows of a workbook's sheet (or why a row could not be read).
    case rows(ArraySlice<Result<XLSXRow, ExcelError>>)
    /// A line longer than the longest record allowed: skipped whole, one rejected record.
    case lineTooLong
  }

  let content: Content
  /// Where the block starts in the input (bytes, or the index of its first JSON record).
  let offset: Int
  /// The line the block starts on (set on the calling thread, in order, once the blocks before it are counted).
  var line = 0
  /// The number (0-based, among the records read) of the block's first record, when known before it is scored.
  var firstRecord = 0

  let output = OutputBytes()
  // A block is filled by one worker, then read by the ordering thread after the worker is done (the dispatch group
  // orders the two), never by two at once: its per-record arrays skip the dynamic exclusivity check.
  @exclusivity(unchecked) var records: [LaneRecord] = []
  @exclusivity(unchecked) var assessments: [Assessment] = []
  @exclusivity(unchecked) var rows: [[ResultCell]] = []
  @exclusivity(unchecked) var entries: [CohortEntry] = []
  /// The explained assessments, by record index in the block.
  var explained: [Int: Assessment] = [:]
  /// The ids of the records, end to end (for the repeated-id message).
  @exclusivity(unchecked) var ids: [UInt8] = []
  /// How many line ends the block holds (its last line's number is `line + lineEnds`).
  var lineEnds = 0

  init(_ content: Content, offset: Int) {
    self.content = content
    self.offset = offset
  }

}

/// One record of a block, once scored.
struct LaneRecord {
  /// The record's first line, counted from the block's first line (0 for that line itself).
  var line: Int
  /// The fingerprint of its id; 0 when its id was not read.
  var fingerprint: UInt64
  /// Where its id lies in the block's `ids`.
  var id: Range<Int>
  /// Where its output ends in the block's output (it starts where the previous record's ends).
  var outputEnd: Int
  var failure: LaneFailure?
  /// Whether it was assessed void (a ballot session that does not count).
  var isVoid = false
  /// Its rater forms: the forms-file entry (−1: none), how many it has, how many were counted.
  var formEntry: Int32 = -1
  var formsRead: Int32 = 0
  var formsCounted: Int32 = 0
}

/// Why a record was rejected, before its line numbers are known in the whole input.
/// Boxed (`indirect`): a record keeps it in one word, so the records of a block stay small to append and to read.
indirect enum LaneFailure {
  /// An error whose `origin.line` counts from the block's first line (0-based).
  case error(AssessmentError)
  /// A malformed CSV record: the problem, on the line so many lines after the block's first, in this column.
  case malformed(CSVTokenizer.Problem, problemLine: Int, column: Int)
}

/// Reads a batch of records, scores them on every core and hands back each outcome in input order: the one lane every
/// format and every output goes through, so that they all read the same records, give the same results and the same
/// errors, and count the same.
///
/// The calling thread reads the input in blocks of whole records (cut by the one CSV tokenizer, so the cut and the
/// reading agree); each core scores a block with its own ``RecordScorer``; the blocks are handed back in order while
/// the next ones are scored. Every record ends as a product or a located error; with ``BatchOptions/checksIDs``, a
/// repeated id is rejected (all but the first, naming both lines).
final class BatchLane {
  let pack: RulePack
  let options: BatchOptions
  let input: ByteInput
  let format: RecordFormat
  private(set) var tokenizer: CSVTokenizer
  /// The text encoding the input was read in.
  private(set) var encoding = InputEncoding.utf8
  /// The header's columns (CSV).
  private(set) var binding: ColumnBinding?
  /// The header row's cells (CSV), for a result that carries them.
  private(set) var header: [String] = []
  /// Where the data starts: byte offset and line (after the header and a byte order mark).
  private var dataOffset = 0
  private var dataLine = 1
  /// The blocks of the first run (offset, line, first record), so that a second run reads the same blocks.
  private(set) var blockStarts: [(offset: Int, line: Int, firstRecord: Int, length: Int)] = []
  /// The JSON array's records, parsed once.
  private var jsonItems: [JSONValue] = []
  /// Subjects already read, when the batch is of those.
  private var subjects: [AssessmentInput] = []
  private var subjectNext = 0
  /// A workbook's rows after the header, read whole (the sheet is unpacked whole anyway).
  private var sheetRows: [Result<XLSXRow, ExcelError>] = []
  private var sheetNext = 0
  /// The sheet read, and the row its header was found on.
  private(set) var sheetName: String?
  private(set) var headerRowFound: Int?
  /// Used on the ordering thread only.
  @exclusivity(unchecked) private(set) var ids = IDSet()
  /// The batch's forms file (items scored from rater forms), read before the records; each record finds its forms
  /// by its id.
  var formFile: FormFile?
  /// Whether the batch has read its forms file (or found it needs none).
  var formsRead = false
  /// What became of every rater form so far (RaterRecords.swift): counted, void or rejected.
  private(set) var formCounts = FormCounts()
  /// Which forms-file entries a record has accounted for (the first record with the id).
  private var formEntryUsed: [Bool] = []
  /// Told the counts after each block (a progress display).
  var progress: (@Sendable (BatchCounts) -> Void)?
  /// The pack's links resolved against the linked results given (`links`); nil when none were given.
  var links: ResolvedLinks?
  /// Last period's results bound to the pack, when the batch has them.
  var previous: PreviousTable?

  /// Opens `input` for `pack`: reads the header (CSV) or the whole document (a JSON array); an input that cannot be
  /// read at all throws, naming it.
  init(pack: RulePack, input: RecordInput, options: BatchOptions = BatchOptions()) throws(RecordInputError) {
    self.pack = pack
    self.options = options
    format = input.format
    tokenizer = CSVTokenizer(maxRecordBytes: options.maxRecordBytes)
    self.input = try ByteInput(input, digesting: options.digestsInput)
    // A cohort's second pass reads CSV and JSON Lines again by offset: a pipe is copied whole, header included.
    if pack.hasCohort, format == .csv || format == .jsonLines { self.input.keepWhatIsRead() }
    switch format {
    case .csv:
      let (sample, atEnd) = try self.input.peek(InputEncoding.sampleSize)
      if sample.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
        throw RecordInputError(
          message: Message(.zipNotCSVNameXLSX, input.name))
      }
      if let forced = options.encoding {
        encoding = forced
      } else {
        switch InputEncoding.detect(sample, atEnd: atEnd) {
        case .success(let found): encoding = found
        case .failure(let error): throw RecordInputError(Message(.fileProblem, input.name, error.detail))
        }
      }
      if encoding != .utf8 { try self.input.transcode(from: encoding) }
      // A header with tabs and no comma is tab-separated (Excel's "Unicode 文本").
      let firstLine = sample.prefix { $0 != 0x0A && $0 != 0x0D }
      if encoding == .utf16 || (firstLine.contains(CSVTokenizer.tab) && !firstLine.contains(CSVTokenizer.comma)) {
        tokenizer = CSVTokenizer(maxRecordBytes: options.maxRecordBytes, separator: CSVTokenizer.tab)
      }
      try readHeader()
    case .json: try readJSONDocument()
    case .jsonLines: break
    case .xlsx: try readWorkbook()
    }
  }

  /// Reads a workbook: the sheet, its header row (given or found), and every row after it.
  private func readWorkbook() throws(RecordInputError) {
    var bytes: [UInt8] = []
    while try readMore(&bytes, count: 1 << 20) > 0 {}
    do {
      let workbook = try XLSXWorkbook(bytes: bytes)
      var sheet = try workbook.sheet(named: options.sheet)
      var found = options.headerRow == nil ? try workbook.headerRow(ofSheetNamed: sheet.name, expecting: ["id", "编号"]) : nil
      if options.sheet == nil, let given = options.headerRow {
        // A given header row and no sheet: the first worksheet whose row names the id column (a 说明 sheet first is
        // passed over, as when the row is found).
        func namesID(_ name: String) throws -> Bool {
          var rows = try workbook.rows(ofSheetNamed: name, from: given)
          guard let row = try rows.nextRow(), row.number == given else { return false }
          return row.cells.contains { ["id", "编号"].contains($0.text.trimmingSpaces) }
        }
        if try !namesID(sheet.name) {
          for other in workbook.sheets where other.isWorksheet && other.name != sheet.name {
            if try namesID(other.name) {
              sheet = try workbook.sheet(named: other.name)
              break
            }
          }
        }
      }
      if options.sheet == nil, options.headerRow == nil, found == nil {
        // The first sheet names no id column (a 说明 sheet?): the first sheet that does is the data.
        for other in workbook.sheets where other.isWorksheet && other.name != sheet.name {
          if let row = try workbook.headerRow(ofSheetNamed: other.name, expecting: ["id", "编号"]) {
            sheet = try workbook.sheet(named: other.name)
            found = row
            break
          }
        }
      }
      sheetName = sheet.name
      let headerNumber = options.headerRow ?? found ?? 1
      headerRowFound = headerNumber
      var reader = try workbook.rows(ofSheetNamed: sheet.name, from: headerNumber)
      guard let headerCells = try reader.nextRow(), headerCells.number == headerNumber else {
        throw RecordInputError(message: Message(.headerRowEmpty, input.name, sheet.name, headerNumber))
      }
      let names = headerCells.cells.map(\.text)
      switch ColumnBinding.bind(names, inputs: pack.info.inputs) {
      case .success(let bound): binding = bound
      case .failure(let problem):
        let place =
          problem.column.flatMap { XLSXCellReference.letters(forColumn: $0) }.map {
            Message(.placeSheetCell, input.name, sheet.name, "\($0)\(headerNumber)")
          } ?? Message(.placeSheetRow, input.name, sheet.name, headerNumber)
        throw RecordInputError(Message(.placedProblem, place, problem.message))
      }
      header = names
      dataLine = headerNumber + 1
      while !reader.isFinished {
        do {
          guard let row = try reader.nextRow() else { break }
          if !row.isBlank { sheetRows.append(.success(row)) }
        } catch {
          // A cell that could not be read rejects its row; a sheet whose XML is broken ends the reading.
          if reader.isFinished { throw error }
          sheetRows.append(.failure(error))
        }
      }
    } catch let error as RecordInputError {
      throw error
    } catch let error as ExcelError {
      throw RecordInputError(Message(.fileProblem, input.name, error.detail))
    } catch {
      throw RecordInputError(Message(.fileProblem, input.name, Message.untranslated("\(error)")))  // English-only: unexpected errors
    }
  }

  /// A batch of subjects already read (facts by input id), in memory.
  init(pack: RulePack, subjects: [AssessmentInput], options: BatchOptions = BatchOptions()) throws(RecordInputError) {
    self.pack = pack
    self.options = options
    format = .json
    tokenizer = CSVTokenizer(maxRecordBytes: options.maxRecordBytes)
    input = try ByteInput(.bytes([], format: .json, name: "subjects"))
    self.subjects = subjects
    fromSubjects = true
  }

  /// Whether the records are subjects already read.
  private var fromSubjects = false

  /// Makes the input readable twice (a second pass), spooling a pipe to a temporary file.
  func prepareToReadTwice() throws(RecordInputError) {
    try input.spool()
  }

  // MARK: The header and the document

  private func readHeader() throws(RecordInputError) {
    var bytes: [UInt8] = []
    var atEnd = false
    var cells = CSVTokenizer.Cells()
    var start = 0
    var line = 1
    while true {
      let scan = bytes.withUnsafeBufferPointer { tokenizer.scan($0, from: start, atEnd: atEnd, cells: &cells) }
      switch scan {
      case .incomplete:
        if bytes.count - start > options.maxRecordBytes {
          throw RecordInputError(message: Message(.headerRowTooLong, input.name, line, options.maxRecordBytes))
        }
        atEnd = try readMore(&bytes, count: 64 * 1024) == 0
        if start == 0, bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
          throw RecordInputError(
            message: Message(.fileIsUTF16, input.name))
        }
        if start == 0, bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        if start == 0, bytes.count >= 4, bytes[0] == 0x50, bytes[1] == 0x4B, bytes[2] == 0x03, bytes[3] == 0x04 {
          throw RecordInputError(
            message: Message(.zipNotCSV, input.name))
        }
      case .end:
        throw RecordInputError(message: Message(.fileIsEmpty, input.name))
      case .blank(let end):
        start = end
        line += 1
      case .record(let end, let lineEnds) where (options.headerRow ?? 1) > line:
        // Title rows above the header (--header-row): skipped.
        start = end
        line += lineEnds
      case .malformed(let end, let lineEnds, _, _, _) where (options.headerRow ?? 1) > line:
        start = end
        line += lineEnds
      case .malformed(_, _, let problem, let lineOffset, let column):
        throw RecordInputError(
          message: Message(.headerRowMalformed, input.name, line + lineOffset, column, problem.message(openedOn: line + lineOffset)))
      case .record(let end, let lineEnds):
        var names: [String] = []
        for index in 0..<cells.count {
          let cell = bytes[cells.starts[index]..<cells.ends[index]]
          guard let text = cell.withUnsafeBufferPointer({ CellText.isUTF8($0) ? String(decoding: $0, as: UTF8.self) : nil }) else {
            throw RecordInputError(Message(.placedProblem, Message(.placeLineColumn, input.name, line, index + 1), CellText.notUTF8Message))
          }
          names.append(cells.escaped[index] ? text.replacing("\"\"", with: "\"") : text)
        }
        switch ColumnBinding.bind(names, inputs: pack.info.inputs) {
        case .success(let bound): binding = bound
        case .failure(let problem):
          let place = problem.column.map { Message(.placeLineColumn, input.name, line, $0) } ?? Message(.placeLine, input.name, line)
          throw RecordInputError(Message(.placedProblem, place, problem.message))
        }
        header = names
        dataOffset = end
        dataLine = line + lineEnds
        pending = Array(bytes[end...])
        pendingOffset = end
        pendingAtEnd = atEnd
        return
      }
    }
  }

  private func readJSONDocument() throws(RecordInputError) {
    var bytes: [UInt8] = []
    while try readMore(&bytes, count: 1 << 20) > 0 {}
    do {
      let root = try JSONParser.parse(bytes)
      guard case .array(let items) = root.content else {
        throw RecordInputError(
          message: Message(.expectedListOfSubjects, input.name, root.kindMessage))
      }
      jsonItems = items
    } catch let error as RecordInputError {
      throw error
    } catch let error as JSONSyntaxError {
      throw RecordInputError(
        Message(.placedProblem, Message(.placeLineColumn, input.name, error.location.line, error.location.column), error.detail))
    } catch {
      throw RecordInputError(Message(.fileProblem, input.name, Message.untranslated("\(error)")))  // English-only: unexpected errors
    }
  }

  /// Reads up to `count` more bytes onto `bytes`; returns how many.
  private func readMore(_ bytes: inout [UInt8], count: Int) throws(RecordInputError) -> Int {
    var failure: RecordInputError?
    let chunk = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
      do throws(RecordInputError) {
        initialized = try input.read(into: buffer.baseAddress!, count: count)
      } catch {
        failure = error
        initialized = 0
      }
    }
    if let failure { throw failure }
    bytes.append(contentsOf: chunk)
    return chunk.count
  }

  // MARK: Blocks

  /// Bytes read past the header (or past the last block cut), and where they start.
  private var pending: [UInt8] = []
  private var pendingOffset = 0
  private var pendingAtEnd = false
  private var jsonNext = 0

  /// The next block of the first run; nil at the end.
  private func nextBlock() throws(RecordInputError) -> LaneBlock? {
    if format == .xlsx {
      guard sheetNext < sheetRows.count else { return nil }
      let count = max(1, min(sheetRows.count - sheetNext, options.blockSize / 256))
      let block = LaneBlock(.rows(sheetRows[sheetNext..<sheetNext + count]), offset: sheetNext)
      sheetNext += count
      return block
    }
    if fromSubjects {
      guard subjectNext < subjects.count else { return nil }
      let count = max(1, min(subjects.count - subjectNext, options.blockSize / 256))
      let block = LaneBlock(.inputs(subjects[subjectNext..<subjectNext + count]), offset: subjectNext)
      subjectNext += count
      return block
    }
    switch format {
    case .xlsx: return nil
    case .json:
      guard jsonNext < jsonItems.count else { return nil }
      let count = max(1, min(jsonItems.count - jsonNext, options.blockSize / 256))
      let block = LaneBlock(.json(jsonItems[jsonNext..<jsonNext + count]), offset: jsonNext)
      jsonNext += count
      return block
    case .csv, .jsonLines:
      var bytes = pending
      let offset = pendingOffset
      var atEnd = pendingAtEnd
      pending = []
      while true {
        if !atEnd, bytes.count < options.blockSize {
          atEnd = try readMore(&bytes, count: max(options.blockSize - bytes.count, options.blockSize / 4)) == 0
          continue
        }
        if bytes.isEmpty { return nil }
        if atEnd {
          pendingAtEnd = true
          pendingOffset = offset + bytes.count
          return LaneBlock(format == .csv ? .csv(bytes, cut: false) : .jsonLines(bytes), offset: offset)
        }
        var cells = CSVTokenizer.Cells()
        let cut = bytes.withUnsafeBufferPointer { buffer -> Int? in
          format == .csv
            ? tokenizer.lastRecordEnd(buffer, from: 0, cells: &cells) : Self.lastLineEnd(buffer)
        }
        if let cut {
          pending = Array(bytes[cut...])
          pendingOffset = offset + cut
          pendingAtEnd = false
          bytes.removeLast(bytes.count - cut)
          return LaneBlock(format == .csv ? .csv(bytes, cut: true) : .jsonLines(bytes), offset: offset)
        }
        if bytes.count > options.maxRecordBytes + options.blockSize {
          // One line longer than any record may be: skip it to its end, as one rejected record.
          var skipped = bytes.count
          while true {
            var more: [UInt8] = []
            let got = try readMore(&more, count: 1 << 20)
            if got == 0 {
              atEnd = true
              break
            }
            if let end = more.withUnsafeBufferPointer({ CSVTokenizer.lineEnd($0, from: 0, atEnd: false) }) {
              pending = Array(more[end...])
              pendingOffset = offset + skipped + end
              pendingAtEnd = false
              skipped += end
              break
            }
            skipped += got
          }
          if atEnd {
            pendingAtEnd = true
            pendingOffset = offset + skipped
          }
          return LaneBlock(.lineTooLong, offset: offset)
        }
        atEnd = try readMore(&bytes, count: options.blockSize) == 0
      }
    }
  }

  /// The offset just past the last LF or CR of `bytes` (a JSON Lines cut), nil when there is none.
  private static func lastLineEnd(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    var index = bytes.count - 1
    while index >= 0 {
      if bytes[index] == 0x0A { return index + 1 }
      if bytes[index] == 0x0D, index + 1 < bytes.count { return index + 1 }
      index -= 1
    }
    return nil
  }

  /// Block number `index` of the first run, read again from the input.
  private func rereadBlock(_ index: Int) throws(RecordInputError) -> LaneBlock {
    let start = blockStarts[index]
    if fromSubjects {
      let block = LaneBlock(.inputs(subjects[start.offset..<start.offset + start.length]), offset: start.offset)
      block.firstRecord = start.firstRecord
      return block
    }
    if format == .xlsx {
      let block = LaneBlock(.rows(sheetRows[start.offset..<start.offset + start.length]), offset: start.offset)
      block.firstRecord = start.firstRecord
      return block
    }
    switch format {
    case .json, .xlsx:
      let block = LaneBlock(.json(jsonItems[start.offset..<start.offset + start.length]), offset: start.offset)
      block.firstRecord = start.firstRecord
      return block
    case .csv, .jsonLines:
      if start.length < 0 {
        let block = LaneBlock(.lineTooLong, offset: start.offset)
        block.line = start.line
        block.firstRecord = start.firstRecord
        return block
      }
      var bytes = [UInt8](repeating: 0, count: start.length)
      let got = try bytes.withUnsafeMutableBufferPointer { (buffer) throws(RecordInputError) -> Int in
        try input.read(into: buffer.baseAddress!, count: start.length, at: start.offset)
      }
      guard got == start.length else {
        throw RecordInputError(message: Message(.inputChangedWhileRead, input.name))
      }
      // Every block of the first run but the last ended at a cut.
      let cut = index + 1 < blockStarts.count
      let block = LaneBlock(format == .csv ? .csv(bytes, cut: cut) : .jsonLines(bytes), offset: start.offset)
      block.line = start.line
      block.firstRecord = start.firstRecord
      return block
    }
  }

  // MARK: Running

  /// Reads every record (or, with `again`, the same records as the first run) and hands each outcome to `consume`
  /// in input order, on the calling thread. With `again`, records the first run rejected (`skipping`, their numbers
  /// in increasing order) are skipped without a word: they were reported then.
  /// `place`, when given, places each scored record (its number among the records read) before its product is made:
  /// the cohort stage's second pass.
  func run(
    _ product: LaneProduct, again: Bool = false, skipping rejected: [Int] = [],
    place: (@Sendable (RecordScorer, Int) -> AssessmentError?)? = nil, consume: (LaneEvent) throws -> Void
  ) throws -> BatchCounts {
    var counts = BatchCounts()
    let workers = (0..<options.threads).map { _ in
      LaneWorker(
        scorer: RecordScorer(
          pack: pack, binding: binding, file: input.name, badCellMessage: encoding.badCellMessage, sheet: sheetName,
          previous: previous, links: links),
        tokenizer: tokenizer, product: product,
        place: place)
    }
    for worker in workers { worker.scorer.formFile = formFile }
    if !again, let formFile, formEntryUsed.isEmpty { formEntryUsed = [Bool](repeating: false, count: formFile.entryIDs.count) }
    /// Accounts for a record's forms once: counted and void when it is assessed, rejected when it is not.
    func accountForms(_ record: LaneRecord, assessed: Bool) {
      let read = Int(record.formsRead)
      if record.formEntry >= 0 {
        if formEntryUsed[Int(record.formEntry)] { return }
        formEntryUsed[Int(record.formEntry)] = true
      } else {
        formCounts.read += read
      }
      if assessed {
        formCounts.counted += Int(record.formsCounted)
        formCounts.void += read - Int(record.formsCounted)
      } else {
        formCounts.rejected += read
      }
    }
    var blockIndex = 0
    var recordNumber = 0
    var line = dataLine
    func readRound() throws(RecordInputError) -> [LaneBlock] {
      var blocks: [LaneBlock] = []
      while blocks.count < options.threads {
        if again {
          guard blockIndex < blockStarts.count else { break }
          blocks.append(try rereadBlock(blockIndex))
          blockIndex += 1
        } else {
          guard let block = try nextBlock() else { break }
          blocks.append(block)
        }
      }
      return blocks
    }
    func start(_ blocks: [LaneBlock]) -> DispatchGroup {
      let group = DispatchGroup()
      for (index, block) in blocks.enumerated() {
        let worker = workers[index]
        DispatchQueue.global().async(group: group) { worker.process(block) }
      }
      return group
    }
    var round = try readRound()
    var group = start(round)
    // However the run ends (a consumer that throws, a failed read), no worker is left scoring behind it.
    defer { group.wait() }
    var skipIndex = 0
    while !round.isEmpty {
      // Read the next blocks while these are scored; start them before handing these back.
      var next: [LaneBlock] = []
      var readError: RecordInputError?
      do { next = try readRound() } catch { readError = error }
      group.wait()
      let done = round
      round = next
      group = start(round)
      for block in done {
        if !again {
          block.line = line
          let length: Int
          switch block.content {
          case .csv(let bytes, _), .jsonLines(let bytes): length = bytes.count
          case .json(let items): length = items.count
          case .inputs(let items): length = items.count
          case .rows(let items): length = items.count
          case .lineTooLong: length = -1
          }
          blockStarts.append((block.offset, block.line, recordNumber, length))
          block.firstRecord = recordNumber
        }
        var written = 0
        for (index, record) in block.records.enumerated() {
          let number = recordNumber
          recordNumber += 1
          let outputStart = index == 0 ? 0 : block.records[index - 1].outputEnd
          if again {
            // The first run's verdict stands: a record it rejected is skipped (its bytes too).
            while skipIndex < rejected.count, rejected[skipIndex] < number { skipIndex += 1 }
            if skipIndex < rejected.count, rejected[skipIndex] == number {
              try flush(block, from: &written, to: outputStart, consume)
              written = record.outputEnd
              continue
            }
            if record.failure != nil {
              // Accepted by the first pass, rejected by the placing: its forms move from counted and void to rejected.
              let read = Int(record.formsRead)
              formCounts.counted -= Int(record.formsCounted)
              formCounts.void -= read - Int(record.formsCounted)
              formCounts.rejected += read
            }
          }
          counts.read += 1
          let recordLine = (format == .json || format == .xlsx ? 0 : block.line) + record.line
          if let failure = record.failure {
            if !again { accountForms(record, assessed: false) }
            counts.rejected += 1
            if record.fingerprint != 0, options.checksIDs, !again { _ = ids.insert(record.fingerprint, line: recordLine) }
            try flush(block, from: &written, to: outputStart, consume)
            written = record.outputEnd
            if let subject = rejectedSubject(block, index) { try consume(.rejectedSubject(subject)) }
            try consume(.rejected(located(failure, block: block), record: number))
            continue
          }
          if options.checksIDs, !again, record.fingerprint != 0,
            let first = ids.insert(record.fingerprint, line: recordLine)
          {
            accountForms(record, assessed: false)
            counts.rejected += 1
            try flush(block, from: &written, to: outputStart, consume)
            written = record.outputEnd
            let id = String(decoding: block.ids[record.id], as: UTF8.self)
            let origin = fromSubjects && recordLine == 0 ? nil : InputOrigin(file: input.name, line: recordLine, sheet: sheetName)
            if let subject = rejectedSubject(block, index) { try consume(.rejectedSubject(subject)) }
            try consume(.rejected(InputCoercion.repeatedIDError(id, firstLine: first, origin: origin), record: number))
            continue
          }
          if !again { accountForms(record, assessed: true) }
          counts.assessed += 1
          if record.isVoid { counts.void += 1 }
          switch product {
          case .bytes: break
          case .assessments, .explainedAssessments: try consume(.assessment(block.assessments[index]))
          case .rows: try consume(.row(block.rows[index]))
          case .explained:
            if let assessment = block.explained[index] {
              try consume(.explained(assessment, line: recordLine))
            } else {
              try consume(.seenID(String(decoding: block.ids[record.id], as: UTF8.self)))
            }
          case .cohortEntries: try consume(.entry(block.entries[index]))
          }
        }
        try flush(block, from: &written, to: block.output.count, consume)
        line = block.line + block.lineEnds
        progress?(counts)
      }
      if let readError { throw readError }
    }
    // Forms no record took (their subject is not in the input), and rows of the forms file that cannot be read: each
    // rejected on its own, in the file's order.
    if !again, let formFile {
      formCounts.read = formFile.read
      var errors = formFile.unreadable
      for entry in formEntryUsed.indices where !formEntryUsed[entry] {
        let lost = formFile.unknownSubjectErrors(entry, file: formFile.name)
        formCounts.rejected += lost.count
        errors += lost
      }
      formCounts.rejected += formFile.unreadable.count
      for error in errors.sorted(by: { ($0.origin?.line ?? 0) < ($1.origin?.line ?? 0) }) { try consume(.rejectedForm(error)) }
    }
    return counts
  }


  /// Hands `block`'s output bytes from `written` to `end` to `consume` (when there are any) and moves `written` on.
  private func flush(_ block: LaneBlock, from written: inout Int, to end: Int, _ consume: (LaneEvent) throws -> Void) throws {
    guard end > written else { return }
    try consume(.bytes(UnsafeBufferPointer(rebasing: block.output.bytes[written..<end])))
    written = end
  }

  /// A record's failure with its lines counted in the whole input.
  /// The subject of record `index` of `block`, rejected, when the product keeps assessments and its fields were read.
  private func rejectedSubject(_ block: LaneBlock, _ index: Int) -> Subject? {
    guard index < block.assessments.count else { return nil }
    let subject = block.assessments[index].subject
    return subject.id.isEmpty ? nil : subject
  }

  private func located(_ failure: LaneFailure, block: LaneBlock) -> AssessmentError {
    let base = format == .json || format == .xlsx ? 0 : block.line
    switch failure {
    case .error(var error):
      if var origin = error.origin {
        origin.line += base
        error.origin = origin
      }
      return error
    case .malformed(let problem, let problemLine, let column):
      let line = base + problemLine
      return AssessmentError(
        code: .malformedRecord, message: problem.message(openedOn: line), origin: InputOrigin(file: input.name, line: line),
        column: column)
    }
  }
}

/// One thread's scorer and tokenizer for a ``BatchLane``; used by one thread at a time.
final class LaneWorker: @unchecked Sendable {
  let scorer: RecordScorer
  let tokenizer: CSVTokenizer
  let product: LaneProduct
  let place: (@Sendable (RecordScorer, Int) -> AssessmentError?)?
  /// Used by this worker's thread only.
  @exclusivity(unchecked) var cells = CSVTokenizer.Cells()

  init(
    scorer: RecordScorer, tokenizer: CSVTokenizer, product: LaneProduct,
    place: (@Sendable (RecordScorer, Int) -> AssessmentError?)?
  ) {
    self.scorer = scorer
    self.tokenizer = tokenizer
    self.product = product
    self.place = place
  }

  /// Scores every record of `block`, keeping each outcome in the block.
  func process(_ block: LaneBlock) {
    switch block.content {
    case .csv(let bytes, let cut): processCSV(bytes, cut: cut, into: block)
    case .jsonLines(let bytes): processJSONLines(bytes, into: block)
    case .json(let items):
      for item in items {
        let failure = scorer.scoreJSON(item, line: item.location.line)
        finish(block, line: item.location.line, failure: failure.map(LaneFailure.error))
      }
    case .inputs(let items):
      for item in items {
        let failure = scorer.score(item)
        finish(block, line: item.origin?.line ?? 0, failure: failure.map(LaneFailure.error))
      }
    case .rows(let rows):
      for row in rows {
        switch row {
        case .success(let row):
          let failure = scorer.scoreSheetRow(row, tokenizerCells: &cells)
          finish(block, line: row.number, failure: failure.map(LaneFailure.error))
        case .failure(let error):
          finish(block, line: error.row ?? 0, failure: .error(scorer.sheetError(error)), readID: false)
        }
      }
    case .lineTooLong:
      finish(block, line: 0, failure: .malformed(.recordTooLong(limit: tokenizer.maxRecordBytes), problemLine: 0, column: 1), readID: false)
      block.lineEnds = 1
    }
  }

  private func processCSV(_ bytes: [UInt8], cut: Bool, into block: LaneBlock) {
    block.output.reserve(bytes.count + bytes.count / 2)
    bytes.withUnsafeBufferPointer { buffer in
      var position = 0
      var line = 0
      while true {
        switch tokenizer.scan(buffer, from: position, atEnd: true, endIsCut: cut, cells: &cells) {
        case .record(let end, let lineEnds):
          let failure = scorer.scoreCSV(buffer, cells: cells, line: line)
          finish(block, line: line, failure: failure.map(LaneFailure.error))
          line += lineEnds
          position = end
        case .blank(let end):
          line += 1
          position = end
        case .malformed(let end, let lineEnds, let problem, let lineOffset, let column):
          finish(block, line: line, failure: .malformed(problem, problemLine: line + lineOffset, column: column), readID: false)
          line += lineEnds
          position = end
        case .incomplete, .end:
          block.lineEnds = line
          return
        }
      }
    }
  }

  private func processJSONLines(_ bytes: [UInt8], into block: LaneBlock) {
    var start = 0
    var line = 0
    while start < bytes.count {
      var end = start
      while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
      let content = bytes[start..<end]
      var next = end
      if next < bytes.count { next += bytes[next] == 0x0D && next + 1 < bytes.count && bytes[next + 1] == 0x0A ? 2 : 1 }
      defer {
        start = next
        line += 1
      }
      guard content.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { continue }
      let value: JSONValue
      do {
        value = try JSONParser.parse(Array(content))
      } catch {
        finish(
          block, line: line,
          failure: .error(
            AssessmentError(
              code: .malformedRecord, message: Message(.columnProblem, error.location.column, error.detail),
              origin: InputOrigin(file: scorer.file, line: line))))
        continue
      }
      finish(block, line: line, failure: scorer.scoreJSON(value, line: line).map(LaneFailure.error))
    }
    block.lineEnds = line
  }

  /// Keeps the outcome of the record just scored (its product, or its failure).
  private func finish(_ block: LaneBlock, line: Int, failure scoringFailure: LaneFailure?, readID: Bool = true) {
    var failure = scoringFailure
    var fingerprint: UInt64 = 0
    var idRange = 0..<0
    if readID, scorer.hasID {
      fingerprint = scorer.idFingerprint()
      let id = scorer.field(RecordScorer.idField)
      let start = block.ids.count
      block.ids.append(contentsOf: id)
      idRange = start..<block.ids.count
    }
    let number = block.firstRecord + block.records.count
    if failure == nil, let place, let error = place(scorer, number) {
      var located = error
      located.origin = InputOrigin(file: scorer.file, line: line)
      failure = .error(located)
    }
    if failure == nil {
      switch product {
      case .bytes(let format): format(scorer, number, block.output)
      case .rows(let layout):
        var writer = TypedCellWriter()
        layout.writeRow(scorer, to: &writer)
        block.rows.append(writer.rows[0])
      case .assessments: block.assessments.append(scorer.assessment())
      case .explainedAssessments: block.assessments.append(scorer.explainedAgain() ?? scorer.assessment())
      case .cohortEntries: block.entries.append(scorer.cohortEntry())
      case .explained(let id):
        if scorer.text(RecordScorer.idField) == id, let assessment = scorer.explainedAgain() {
          block.explained[block.records.count] = assessment
        }
      }
    } else {
      // Placeholders keep the products in step with the records.
      switch product {
      case .bytes: break
      case .rows: block.rows.append([])
      case .assessments, .explainedAssessments:
        // The subject as read (for the packs that link to this one), or none when its fields were not all read.
        let subject = readID ? scorer.subjectIfRead ?? Subject(id: "") : Subject(id: "")
        block.assessments.append(Assessment(subject: subject, schemeID: "", total: .zero, fullMarks: .zero))
      case .cohortEntries: block.entries.append(CohortEntry(subjectID: "", keys: [], excluded: true))
      case .explained: break
      }
    }
    var record = LaneRecord(
      line: line, fingerprint: fingerprint, id: idRange, outputEnd: block.output.count, failure: failure,
      isVoid: failure == nil && scorer.scorer.isVoid)
    if scorer.scorer.scoresForms {
      let account = scorer.formAccount(scored: failure == nil)
      record.formEntry = Int32(account.entry)
      record.formsRead = Int32(account.read)
      record.formsCounted = Int32(account.counted)
    }
    block.records.append(record)
  }
}
