#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Dispatch

/// CSV in, CSV out, on every core, for a pack with a scoring plan: the fast lane of `pbk evaluate`.
///
/// The calling thread reads the file in large blocks and cuts each at a record boundary (quote-aware); every core
/// takes a block and goes through its bytes: cells into slot values without making a string, a ``PackScorer``
/// fills its buffer, and the result row is written as bytes. A record that is anything but plain — a quoted cell, a
/// value to reject, an input left empty without a default, a lone CR line end, a formula that fails — is read again
/// from its bytes by ``CSVReader`` and scored by ``RulePack/evaluate(slots:subject:period:origin:explain:notGiven:)``,
/// exactly as ``StreamingEvaluator`` does, so its result or error is the same. Blocks are written in input order:
/// the output bytes do not depend on the number of threads.
public struct CSVBatch {
  public let pack: RulePack
  public let threads: Int
  /// The size of the block one thread scores at a time.
  public let blockSize: Int

  /// A batch for `pack`, or nil when its results need more than the fast lane writes (ballots, periods, a ledger,
  /// a cohort stage, "what it takes"): use ``StreamingEvaluator``.
  public init?(pack: RulePack, threads: Int = StreamingEvaluator.processorCount, blockSize: Int = 1 << 20) {
    guard pack.program.plan != nil, !pack.program.hasCohort, !pack.findsWhatItTakes, !pack.canBeVoid else { return nil }
    self.pack = pack
    self.threads = max(1, threads)
    self.blockSize = max(64, blockSize)
  }

  /// What one block gave: its output bytes, its errors (lines counted from the block's first line), and counts.
  final class BlockResult: @unchecked Sendable {
    var output = OutputBytes()
    var errors: [AssessmentError] = []
    var assessed = 0
    var rejected = 0
    var lines = 0

    deinit { output.release() }
  }

  /// Scores every record of the CSV file `reader` opened (its header already read and checked).
  ///
  /// - Parameters:
  ///   - format: the output text of an assessment (for records that take the general path); it must write the
  ///     columns ``CSVRowLayout`` writes.
  ///   - write: receives output bytes in input order (valid during the call).
  ///   - report: receives each rejected record's error in input order.
  public func run(
    _ reader: RecordReader, format: @escaping @Sendable (Assessment) -> String,
    write: (UnsafeBufferPointer<UInt8>) -> Void,
    report: (AssessmentError) -> Void
  ) -> Evaluator<RulePack>.Counts {
    var counts = Evaluator<RulePack>.Counts()
    guard let file = fopen(reader.file, "rb") else {
      report(AssessmentError(code: .malformedRecord, message: "cannot read the file; check the path", origin: InputOrigin(file: reader.file, line: 0)))
      return counts
    }
    defer { fclose(file) }
    let workers = (0..<threads).map { index in
      BlockWorker(pack: index == 0 ? pack : pack.independentCopy(), reader: reader, format: format)
    }
    var splitter = BlockSplitter(file: file, blockSize: blockSize)
    var line = splitter.skipHeader()
    // Scores one round of blocks, a block per thread, in the background.
    func start(_ blocks: [[UInt8]]) -> (DispatchGroup, [BlockResult]) {
      let group = DispatchGroup()
      let results = blocks.map { _ in BlockResult() }
      for (index, block) in blocks.enumerated() {
        let worker = workers[index]
        let result = results[index]
        DispatchQueue.global().async(group: group) { worker.process(block, into: result) }
      }
      return (group, results)
    }
    var round = start((0..<threads).compactMap { _ in splitter.next() })
    while !round.1.isEmpty {
      // Read the next blocks while these are scored; start them before writing these out.
      let next = (0..<threads).compactMap { _ in splitter.next() }
      round.0.wait()
      let results = round.1
      round = start(next)
      for result in results {
        write(result.output.bytes)
        for var error in result.errors {
          if var origin = error.origin {
            origin.line += line - 1
            error.origin = origin
          }
          report(error)
        }
        counts.read += result.assessed + result.rejected
        counts.assessed += result.assessed
        counts.rejected += result.rejected
        line += result.lines
      }
    }
    return counts
  }
}

/// Cuts a CSV file into blocks of whole records.
struct BlockSplitter {
  let file: UnsafeMutablePointer<FILE>
  let blockSize: Int
  /// Bytes read but not yet handed out (the start of a record cut by the end of the last read).
  var carry: [UInt8] = []
  var atEnd = false

  init(file: UnsafeMutablePointer<FILE>, blockSize: Int) {
    self.file = file
    self.blockSize = blockSize
  }

  /// Reads up to `count` more bytes onto `buffer`; false at the end of the file.
  mutating func read(into buffer: inout [UInt8], count: Int) -> Bool {
    let old = buffer.count
    buffer.append(contentsOf: repeatElement(0, count: count))
    let got = buffer.withUnsafeMutableBufferPointer { fread($0.baseAddress! + old, 1, count, file) }
    buffer.removeLast(count - got)
    if got == 0 { atEnd = true }
    return got > 0
  }

  /// Skips the byte order mark and the header record; returns the line the data starts on.
  mutating func skipHeader() -> Int {
    var bytes: [UInt8] = []
    while true {
      if let end = Self.recordEnds(bytes, first: true) {
        var lines = 1
        for byte in bytes[0..<end] where byte == 0x0A { lines += 1 }
        carry = Array(bytes[end...])
        return lines
      }
      if !read(into: &bytes, count: 64 * 1024) {
        carry = []
        return 1
      }
    }
  }

  /// The offset just past the first record's line end (LF), quotes respected; nil when no record ends.
  static func recordEnds(_ bytes: [UInt8], first: Bool) -> Int? {
    var quoted = false
    for (index, byte) in bytes.enumerated() {
      if byte == 0x22 { quoted.toggle() } else if byte == 0x0A, !quoted { return index + 1 }
    }
    return nil
  }

  /// The next block of whole records; nil at the end of the file.
  mutating func next() -> [UInt8]? {
    var block = carry
    carry = []
    while true {
      if !atEnd {
        _ = read(into: &block, count: max(blockSize - block.count, blockSize / 4))
      }
      if atEnd {
        return block.isEmpty ? nil : block
      }
      if let cut = Self.lastRecordEnd(block) {
        carry = Array(block[cut...])
        block.removeLast(block.count - cut)
        return block
      }
      // No record ends in the block: a record longer than a block; read on.
    }
  }

  /// The offset just past the last LF that ends a record (outside quotes), or nil.
  static func lastRecordEnd(_ bytes: [UInt8]) -> Int? {
    bytes.withUnsafeBufferPointer { buffer -> Int? in
      guard let base = buffer.baseAddress, !buffer.isEmpty else { return nil }
      // Without a quote, every LF ends a record: the last one is the cut.
      if memchr(base, 0x22, buffer.count) == nil {
        var index = buffer.count - 1
        while index >= 0, buffer[index] != 0x0A { index -= 1 }
        return index >= 0 ? index + 1 : nil
      }
      var quoted = false
      var last: Int?
      for index in 0..<buffer.count {
        let byte = buffer[index]
        if byte == 0x22 { quoted.toggle() } else if byte == 0x0A, !quoted { last = index + 1 }
      }
      return last
    }
  }
}

/// The columns `pbk evaluate` writes for a pack the fast lane takes, written as bytes (the same bytes as the
/// command's own formatter: the tests compare them).
struct CSVRowLayout {
  let precision: Int
  let rounding: RoundingRule
  let hasGrades: Bool
  let hasStars: Bool
  let grades: [[UInt8]]
  let noGrade: [UInt8]
  /// "label（effect）" per veto, and each consequence's label: joined with "；" into one cell.
  let vetoTexts: [[UInt8]]
  let consequenceTexts: [[UInt8]]
  let separator = Array("；".utf8)
  /// The most bytes a row takes besides its id, name and period (and joined veto or consequence texts, which
  /// reserve their own room).
  let fixedBound: Int

  init(pack: RulePack, plan: ScoringPlan) {
    precision = pack.precision
    rounding = pack.rounding
    hasGrades = !pack.grades.isEmpty
    hasStars = pack.hasStars
    grades = pack.grades.map { Array($0.utf8) }
    noGrade = Array("不定等次".utf8)
    vetoTexts = pack.program.vetoes.indices.map {
      Array("\(pack.program.vetoes[$0].label)（\(plan.vetoEffectTexts[$0])）".utf8)
    }
    consequenceTexts = pack.program.consequences.map { Array($0.label.utf8) }
    fixedBound = 256 + 48 * plan.components.count + 2 * (grades.map(\.count).max() ?? 0)
      + 2 * ((vetoTexts + consequenceTexts).map(\.count).max() ?? 0)
  }

  /// Appends `bytes` as one CSV cell, quoted when it holds a comma, a quote, CR or LF, or starts or ends with a
  /// space or tab (as ``CSVWriter/field(_:)``).
  static func appendField(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout OutputBytes) {
    guard CSVWriter.needsQuotes(bytes) else {
      output.append(contentsOf: bytes)
      return
    }
    output.append(0x22)
    for byte in bytes {
      if byte == 0x22 { output.append(0x22) }
      output.append(byte)
    }
    output.append(0x22)
  }

  static func appendField(_ bytes: [UInt8], to output: inout OutputBytes) {
    bytes.withUnsafeBufferPointer { appendField($0, to: &output) }
  }

  /// Appends `significand × 10^−scale` in plain decimal notation (as ``ExactDecimal/description`` writes digits).
  static func appendDigits(_ significand: Int64, scale: Int, to output: inout OutputBytes) {
    output.reserve(ExactDecimal._maximumDigitBytes)
    output.appendWritten { ExactDecimal._writeDigits(significand, scale: scale, to: $0) }
  }

  /// Appends the value as ``ExactDecimal/description`` writes it.
  static func appendDescription(_ value: ExactDecimal, to output: inout OutputBytes) {
    let normalized = value.normalized()
    appendDigits(normalized._significand, scale: Int(normalized._scale), to: &output)
  }

  /// Appends the value as ``ExactDecimal/formatted(places:rule:)`` writes it.
  static func appendFormatted(_ value: ExactDecimal, places: Int, rule: RoundingRule, to output: inout OutputBytes) {
    let rounded = value.rounded(places: places, rule: rule)
    let (padded, overflow) = rounded._significand.multipliedReportingOverflow(
      by: ExactDecimal._powerOfTen(places - Int(rounded._scale)))
    if overflow {
      output.append(contentsOf: value.formatted(places: places, rule: rule).utf8)
    } else {
      appendDigits(padded, scale: places, to: &output)
    }
  }

  /// Appends one result row: id, name, period, total, the components, grade, stars, vetoes, consequences.
  func appendRow(
    id: UnsafeBufferPointer<UInt8>, name: UnsafeBufferPointer<UInt8>, period: UnsafeBufferPointer<UInt8>,
    scorer: PackScorer, plan: ScoringPlan, to output: inout OutputBytes
  ) {
    Self.appendField(id, to: &output)
    output.append(0x2C)
    Self.appendField(name, to: &output)
    output.append(0x2C)
    Self.appendField(period, to: &output)
    output.append(0x2C)
    let buffer = scorer.buffer.baseAddress!
    Self.appendFormatted(buffer[plan.totalSlot], places: precision, rule: rounding, to: &output)
    for component in plan.components {
      output.append(0x2C)
      Self.appendDescription(buffer[Int(component.slot)], to: &output)
    }
    if hasGrades {
      output.append(0x2C)
      let grade = buffer[plan.gradeSlot].intValue ?? grades.count
      Self.appendField(grade < grades.count ? grades[grade] : noGrade, to: &output)
    }
    if hasStars {
      output.append(0x2C)
      Self.appendDigits(Int64(buffer[plan.starsSlot].intValue ?? 0), scale: 0, to: &output)
    }
    output.append(0x2C)
    appendJoined(vetoTexts, base: plan.vetoBase, buffer, to: &output)
    output.append(0x2C)
    appendJoined(consequenceTexts, base: plan.consequenceBase, buffer, to: &output)
    output.append(0x0D)
    output.append(0x0A)
  }

  /// The texts whose outcome (at `base + index`) is nonzero, joined with "；", as one cell.
  private func appendJoined(
    _ texts: [[UInt8]], base: Int, _ buffer: UnsafeMutablePointer<ExactDecimal>, to output: inout OutputBytes
  ) {
    var first = -1
    var several = false
    for index in texts.indices where !buffer[base + index].isZero {
      if first < 0 { first = index } else { several = true }
    }
    guard first >= 0 else { return }
    if !several {
      Self.appendField(texts[first], to: &output)
      return
    }
    var joined: [UInt8] = []
    for index in texts.indices where !buffer[base + index].isZero {
      if !joined.isEmpty { joined += separator }
      joined += texts[index]
    }
    output.reserve(2 * joined.count + 2)
    Self.appendField(joined, to: &output)
  }
}

/// One thread's pack, scorer and column map for ``CSVBatch``; used by one thread at a time.
final class BlockWorker: @unchecked Sendable {
  let pack: RulePack
  let plan: ScoringPlan
  let scorer: PackScorer
  let reader: RecordReader
  let format: @Sendable (Assessment) -> String
  let layout: CSVRowLayout
  /// Per column (in ``roles``): an input's number (≥ 0), or one of the roles below.
  static let idRole = -1
  static let nameRole = -2
  static let periodRole = -3
  /// Kind, parent, an attribute: not needed for the row written, only checked to be UTF-8 text.
  static let otherRole = -4
  /// Per input: whether it is a number (else its cells are matched against ``cells``), its range, whole or not,
  /// and the most decimal places it may have (18 when not declared).
  struct NumberRule {
    var isNumber: Bool
    var hasMinimum: Bool
    var hasMaximum: Bool
    var wholeOnly: Bool
    var places: Int
    var minimum: ExactDecimal
    var maximum: ExactDecimal
  }
  let numberRules: UnsafeMutableBufferPointer<NumberRule>
  let roles: UnsafeMutableBufferPointer<Int>
  /// Where each cell of the current record starts and ends in the block.
  let cellStarts: UnsafeMutableBufferPointer<Int>
  let cellEnds: UnsafeMutableBufferPointer<Int>
  /// For yes/no and choice inputs: each cell text accepted as written, and its slot value.
  let cells: [[(bytes: [UInt8], value: ExactDecimal)]]

  init(pack: RulePack, reader: RecordReader, format: @escaping @Sendable (Assessment) -> String) {
    self.pack = pack
    plan = pack.program.plan!
    scorer = PackScorer(pack: pack)!
    self.reader = reader
    self.format = format
    layout = CSVRowLayout(pack: pack, plan: plan)
    let inputs = pack.info.inputs
    let columnRoles = reader.columns.map { column in
      switch column {
      case .id: Self.idRole
      case .name: Self.nameRole
      case .period: Self.periodRole
      case .kind, .parent, .attribute: Self.otherRole
      case .input(let id): inputs.firstIndex { $0.id == id } ?? Self.otherRole
      }
    }
    roles = .copying(columnRoles)
    numberRules = .copying(
      inputs.map { input in
        NumberRule(
          isNumber: input.type == .number || input.type == .integer, hasMinimum: input.minimum != nil,
          hasMaximum: input.maximum != nil, wholeOnly: input.type == .integer, places: input.places ?? ExactDecimal.maxScale,
          minimum: input.minimum ?? .zero, maximum: input.maximum ?? .zero)
      })
    cellStarts = .copying([Int](repeating: 0, count: columnRoles.count + 1))
    cellEnds = .copying([Int](repeating: 0, count: columnRoles.count + 1))
    cells = inputs.indices.map { index in
      let input = inputs[index]
      let candidates: [String]
      switch input.type {
      case .number, .integer: candidates = []
      case .boolean: candidates = ["是", "否", "true", "false", "1", "0", "TRUE", "FALSE", "True", "False"]
      case .choice: candidates = input.choices
      }
      // Each accepted exactly as the general path reads it.
      return candidates.compactMap { text in
        guard case .success(let value) = pack.slotValue(.text(text), forInput: index) else { return nil }
        return (Array(text.utf8), value)
      }
    }
  }

  deinit {
    roles.baseAddress?.deallocate()
    numberRules.baseAddress?.deallocate()
    cellStarts.baseAddress?.deallocate()
    cellEnds.baseAddress?.deallocate()
  }

  /// A cell of digits with an optional '-' and '.', as ``ExactDecimal`` reads it; nil for anything else (the
  /// general path then reads the cell).
  @inline(__always)
  static func plainDecimal(_ cell: UnsafeBufferPointer<UInt8>) -> ExactDecimal? {
    var index = 0
    var negative = false
    if cell[0] == 0x2D {
      negative = true
      index = 1
    }
    var significand: Int64 = 0
    var digits = 0
    var integerDigits = 0
    var scale = -1
    while index < cell.count {
      let byte = cell[index]
      if byte >= 0x30, byte <= 0x39 {
        if digits == 18 { return nil }
        significand = significand &* 10 &+ Int64(byte &- 0x30)
        digits += 1
        if scale >= 0 { scale += 1 } else { integerDigits += 1 }
      } else if byte == 0x2E, scale < 0 {
        scale = 0
      } else {
        return nil
      }
      index += 1
    }
    guard integerDigits > 0, scale != 0 else { return nil }
    // As ExactDecimal reads text: trailing zeros of the fraction are dropped ("6.0" is 6).
    while scale > 0, significand % 10 == 0 {
      significand /= 10
      scale -= 1
    }
    return ExactDecimal(_raw: negative ? -significand : significand, UInt8(max(scale, 0)))
  }

  /// Scores every record of `block` into `result`.
  func process(_ block: [UInt8], into result: CSVBatch.BlockResult) {
    result.output.reserve(block.count + block.count / 2)
    let columnCount = roles.count
    let starts = cellStarts
    let ends = cellEnds
    block.withUnsafeBufferPointer { bytes in
      let count = bytes.count
      var position = 0
      var line = 1
      while position < count {
        let recordStart = position
        let recordLine = line
        // A line with nothing on it is skipped (and counted), as CSVReader does.
        if bytes[position] == 0x0A {
          position += 1
          line += 1
          continue
        }
        if bytes[position] == 0x0D, position + 1 < count, bytes[position + 1] == 0x0A {
          position += 2
          line += 1
          continue
        }
        var field = 0
        var plain = true
        var fieldStart = position
        while true {
          if position == count {
            if field < columnCount + 1 {
              starts[field] = fieldStart
              ends[field] = position > fieldStart && bytes[position - 1] == 0x0D ? position - 1 : position
            }
            field += 1
            break
          }
          let byte = bytes[position]
          if byte == 0x2C {
            if field < columnCount + 1 {
              starts[field] = fieldStart
              ends[field] = position
            }
            field += 1
            fieldStart = position + 1
          } else if byte == 0x0A {
            if field < columnCount + 1 {
              starts[field] = fieldStart
              ends[field] = position > fieldStart && bytes[position - 1] == 0x0D ? position - 1 : position
            }
            field += 1
            position += 1
            line += 1
            break
          } else if byte == 0x22 || (byte == 0x0D && (position + 1 == count || bytes[position + 1] != 0x0A)) {
            // A quoted cell or a lone CR: CSVReader reads this record.
            plain = false
            position = recordStart
            var quoted = false
            while position < count {
              let byte = bytes[position]
              position += 1
              if byte == 0x22 {
                quoted.toggle()
              } else if byte == 0x0A {
                line += 1
                if !quoted { break }
              }
            }
            break
          }
          position += 1
        }
        let record = UnsafeBufferPointer(rebasing: bytes[recordStart..<position])
        if !plain || field != columnCount
          || !scorePlain(bytes, starts: starts, ends: ends, line: recordLine, into: result)
        {
          readGenerally(record, line: recordLine, into: result)
        }
      }
      result.lines = line - 1
    }
  }

  /// Scores a record whose cells are at `starts`/`ends` on the fast lane; false when it is not plain (nothing
  /// written: the record then takes the general path).
  private func scorePlain(
    _ bytes: UnsafeBufferPointer<UInt8>, starts: UnsafeMutableBufferPointer<Int>, ends: UnsafeMutableBufferPointer<Int>,
    line: Int, into result: CSVBatch.BlockResult
  ) -> Bool {
    var id = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    var name = id
    var period = id
    var plain = true
    for column in roles.indices {
      let cell = UnsafeBufferPointer(start: bytes.baseAddress! + starts[column], count: ends[column] - starts[column])
      let role = roles[column]
      if role >= 0 {
        if cell.isEmpty { continue }
        var value: ExactDecimal?
        let rule = numberRules[role]
        if rule.isNumber {
          if let number = Self.plainDecimal(cell), !rule.hasMinimum || number >= rule.minimum,
            !rule.hasMaximum || number <= rule.maximum, !rule.wholeOnly || number.isInteger,
            number.scale <= rule.places || number.normalized().scale <= rule.places
          {
            value = number
          }
        } else {
          for candidate in cells[role] where candidate.bytes.count == cell.count {
            if candidate.bytes.withUnsafeBufferPointer({ memcmp($0.baseAddress!, cell.baseAddress!, cell.count) == 0 }) {
              value = candidate.value
              break
            }
          }
        }
        guard let value else {
          plain = false
          break
        }
        scorer.setInput(role, value)
        continue
      }
      // Text cells must be UTF-8 (the general path says so when they are not); an id must not be blank or
      // padded with spaces (the general path trims it).
      if !Self.isUTF8(cell) {
        plain = false
        break
      }
      switch role {
      case Self.idRole:
        if cell.isEmpty || cell.first == 0x20 || cell.first == 0x09 || cell.last == 0x20 || cell.last == 0x09 {
          plain = false
        }
        id = cell
      case Self.nameRole: name = cell
      case Self.periodRole: period = cell
      default: break
      }
      if !plain { break }
    }
    guard plain else {
      scorer.discardInputs()
      return false
    }
    // An input left empty without a default, or a formula that fails, makes the scorer throw or take the general
    // path: either way the record is read again the general way, which gives its result or error.
    do {
      try scorer.score(subject: Subject(id: ""))
    } catch {
      return false
    }
    guard scorer.general == nil else { return false }
    result.output.reserve(2 * (ends[roles.count - 1] - starts[0]) + layout.fixedBound)
    layout.appendRow(id: id, name: name, period: period, scorer: scorer, plan: plan, to: &result.output)
    result.assessed += 1
    return true
  }

  /// Whether `cell` is valid UTF-8 (ASCII is checked first, byte by byte).
  @inline(__always)
  static func isUTF8(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
    for byte in cell where byte >= 0x80 {
      return String(validating: cell, as: UTF8.self) != nil
    }
    return true
  }

  /// Reads `record` (one or more records' bytes) with ``CSVReader`` and scores each as ``StreamingEvaluator``
  /// does: the same results and the same errors.
  private func readGenerally(_ record: UnsafeBufferPointer<UInt8>, line: Int, into result: CSVBatch.BlockResult) {
    var csv = CSVReader(bytes: Array(record))
    while true {
      let next: CSVRecord
      do {
        guard let read = try csv.next() else { return }
        next = read
      } catch {
        result.errors.append(
          AssessmentError(
            code: .malformedRecord, message: error.message,
            origin: InputOrigin(file: reader.file, line: line + max(error.line, 1) - 1), column: error.column))
        result.rejected += 1
        return
      }
      let recordLine = line + next.line - 1
      guard next.fields.count == reader.columns.count else {
        result.errors.append(reader.fieldCountError(next.fields.count, line: recordLine))
        result.rejected += 1
        continue
      }
      switch reader.buildInput(next.fields, line: recordLine) {
      case .failure(let error):
        result.errors.append(error)
        result.rejected += 1
      case .success(let input):
        do {
          let assessment = try pack.assess(input, explain: false)
          let text = format(assessment)
          result.output.reserve(text.utf8.count)
          result.output.append(contentsOf: text.utf8)
          result.assessed += 1
        } catch {
          result.errors.append(error)
          result.rejected += 1
        }
      }
    }
  }
}

/// A growing run of bytes in plain memory: a row is written with stores, without the checks an array append makes
/// (room is reserved once per row).
struct OutputBytes {
  private(set) var base: UnsafeMutablePointer<UInt8>
  private(set) var count = 0
  private(set) var capacity: Int

  init(capacity: Int = 4096) {
    self.capacity = capacity
    base = .allocate(capacity: capacity)
  }

  /// Makes room for `extra` more bytes.
  mutating func reserve(_ extra: Int) {
    guard count + extra > capacity else { return }
    let newCapacity = max(capacity * 2, count + extra)
    let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
    newBase.update(from: base, count: count)
    base.deallocate()
    base = newBase
    capacity = newCapacity
  }

  /// Lets `write` put bytes at the end (room reserved by the caller) and counts the bytes it says it wrote.
  @inline(__always) mutating func appendWritten(_ write: (UnsafeMutablePointer<UInt8>) -> Int) {
    count += write(base + count)
  }

  @inline(__always) mutating func append(_ byte: UInt8) {
    base[count] = byte
    count += 1
  }

  @inline(__always) mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>) {
    guard let source = bytes.baseAddress else { return }
    (base + count).update(from: source, count: bytes.count)
    count += bytes.count
  }

  mutating func append(contentsOf bytes: [UInt8]) {
    bytes.withUnsafeBufferPointer { append(contentsOf: $0) }
  }

  mutating func append(contentsOf bytes: String.UTF8View) {
    for byte in bytes { append(byte) }
  }

  /// The bytes written so far (valid until the next write).
  var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

  /// Gives the memory back (the owner calls this once, when done).
  func release() { base.deallocate() }
}
