/// The columns of a result, defined once: what `pbk evaluate` writes as CSV, as a sheet and as a table, in what
/// order, with what words. A row is written from a scored record (its scorer's buffer and subject fields,
/// with its cohort placement when the pack ranks a cohort) through a ``CellWriter``, which decides only how a cell is
/// spelled in its format.
struct ResultLayout: Sendable {
  /// One column.
  enum Column: Sendable, Equatable {
    case id, name, kind, parent, period
    /// A `#` column of the input, carried through: its place among the input's `#` columns.
    case attribute(Int)
    case total
    case component(Int)
    case section(Int)
    case grade, stars, starItems, vetoes, consequences
    case outcome(Int)
    case rank, cohortSize, labels, quotaMoves
    case voidReason, whatItTakes
  }


  let columns: [Column]
  let header: [String]
  let precision: Int
  /// Places of component scores as shown (``RulePack/displayPlaces``): rounded, trailing zeros dropped.
  let displayPlaces: Int
  let rounding: RoundingRule
  /// Words written as they are, kept as UTF-8 once.
  let grades: [[UInt8]]
  let vetoTexts: [[UInt8]]
  let consequenceTexts: [[UInt8]]
  let starItemTexts: [[UInt8]]
  static let noGrade = Array(ResultWording.noGrade.utf8)
  static let void = Array(ResultWording.void.utf8)
  static let notApplicable = Array(ResultWording.notApplicable.utf8)
  static let notRanked = Array(ResultWording.notRanked.utf8)
  static let separator = Array("；".utf8)

  /// The columns of `pack`'s results, carrying the subject's fields and `#` columns the input has (`binding`; for
  /// a JSON input, 类型 and 上级 always), with the extra columns asked for.
  init(pack: RulePack, binding: ColumnBinding? = nil, extras: Set<ExtraColumn> = []) {
    var columns: [Column] = [.id, .name]
    if binding == nil || binding!.kindColumn >= 0 { columns.append(.kind) }
    if binding == nil || binding!.parentColumn >= 0 { columns.append(.parent) }
    columns.append(.period)
    columns += (binding?.attributeColumns ?? []).indices.map(Column.attribute)
    columns.append(.total)
    columns += pack.program.components.indices.map(Column.component)
    if extras.contains(.sections) { columns += pack.program.sections.indices.map(Column.section) }
    if !pack.grades.isEmpty { columns.append(.grade) }
    if pack.hasStars { columns.append(.stars) }
    if pack.hasStars, extras.contains(.starItems) { columns.append(.starItems) }
    columns += [.vetoes, .consequences]
    columns += pack.program.outcomes.indices.map(Column.outcome)
    if pack.hasCohort { columns += [.rank, .cohortSize, .labels, .quotaMoves] }
    if pack.canBeVoid { columns.append(.voidReason) }
    if pack.findsWhatItTakes { columns.append(.whatItTakes) }
    self.columns = columns
    header = columns.map { column in
      switch column {
      case .id: "编号"
      case .name: "名称"
      case .kind: "类型"
      case .parent: "上级"
      case .period: "考核期"
      case .attribute(let index): "#" + (binding?.attributeColumns[index].name ?? "")
      case .total: "总分"
      case .component(let index): pack.program.components[index].label
      case .section(let index): pack.program.sections[index].label
      case .starItems: "获星项目"
      case .grade: "等次"
      case .stars: "星级"
      case .vetoes: "一票否决"
      case .consequences: "后果"
      case .outcome(let index): pack.program.outcomes[index].label
      case .rank: "排名"
      case .cohortSize: "参评数"
      case .labels: "标签"
      case .quotaMoves: "名额调整"
      case .voidReason: "无效原因"
      case .whatItTakes: "升档所需"
      }
    }
    precision = pack.precision
    displayPlaces = pack.displayPlaces
    rounding = pack.rounding
    grades = pack.grades.map { Array($0.utf8) }
    vetoTexts = pack.plan.firedVetoTemplates.map { Array("\($0.label)（\($0.effect)）".utf8) }
    consequenceTexts = pack.program.consequences.map { Array($0.label.utf8) }
    starItemTexts = (pack.program.stars?.items ?? []).map { Array($0.label.utf8) }
  }

  /// Writes the header row.
  func writeHeader<W: CellWriter>(to writer: inout W) {
    for text in header { writer.text(text) }
    writer.endRow()
  }

  /// Writes the row of the record `record` scored last (with its cohort placement, when it was placed).
  func writeRow<W: CellWriter>(_ record: RecordScorer, to writer: inout W) {
    let scorer = record.scorer
    let placement = scorer.placement
    let plan = record.plan
    let void = scorer.isVoid
    for column in columns {
      switch column {
      case .id: writer.text(record.field(RecordScorer.idField))
      case .name: writer.text(record.field(RecordScorer.nameField))
      case .kind: writer.text(record.field(RecordScorer.kindField))
      case .parent: writer.text(record.field(RecordScorer.parentField))
      case .period: writer.text(record.field(RecordScorer.periodField))
      case .attribute(let index): writer.text(record.field(RecordScorer.attributeFields + index))
      case .total:
        if void { Self.void.withUnsafeBufferPointer { writer.word($0) } } else {
          writer.decimal(scorer.total, places: precision, rule: rounding)
        }
      case .component(let index):
        if void {
          writer.empty()
        } else if let score = scorer.componentScore(index) {
          writer.decimal(score.rounded(places: displayPlaces, rule: rounding), places: nil, rule: rounding)
        } else {
          Self.notApplicable.withUnsafeBufferPointer { writer.word($0) }
        }
      case .section(let index):
        if let score = scorer.sectionScore(index) {
          writer.decimal(score.rounded(places: displayPlaces, rule: rounding), places: nil, rule: rounding)
        } else {
          writer.empty()
        }
      case .starItems:
        joined(starItemTexts, writer: &writer) { !void && !scorer.buffer[plan.starItemBase + $0].isZero }
      case .grade:
        let words = void ? Self.void : scorer.gradeIndex.map { grades[$0] } ?? Self.noGrade
        words.withUnsafeBufferPointer { writer.word($0) }
      case .stars:
        if let stars = scorer.stars { writer.integer(stars) } else { writer.empty() }
      case .vetoes:
        joined(vetoTexts, writer: &writer) { !void && !scorer.buffer[plan.vetoBase + $0].isZero }
      case .consequences:
        joined(consequenceTexts, writer: &writer) { scorer.consequenceFollows($0) }
      case .outcome(let index):
        if void { writer.empty() } else { writer.decimal(scorer.outcome(index), places: nil, rule: rounding) }
      case .rank:
        if let rank = placement?.rank { writer.integer(rank) } else { Self.notRanked.withUnsafeBufferPointer { writer.word($0) } }
      case .cohortSize:
        if let size = placement?.cohortSize { writer.integer(size) } else { writer.empty() }
      case .labels: writer.text((placement?.labels ?? []).map { "\($0.label)（\($0.reason)）" }.joined(separator: "；"))
      case .quotaMoves: writer.text((placement?.quotaMoves ?? []).joined(separator: "；"))
      case .voidReason: writer.text(scorer.voidReason ?? "")
      case .whatItTakes:
        if void {
          writer.empty()
        } else {
          let assessment = scorer.assessment(subject: Subject(id: ""))
          writer.text(record.pack.whatItTakes(scorer.buffer.pointer, assessment: assessment)?.summary ?? "")
        }
      }
    }
    writer.endRow()
  }

  /// The texts whose index passes `fired`, joined with "；" into one cell.
  private func joined<W: CellWriter>(_ texts: [[UInt8]], writer: inout W, fired: (Int) -> Bool) {
    var first = -1
    var several = false
    for index in texts.indices where fired(index) {
      if first < 0 { first = index } else { several = true }
    }
    guard first >= 0 else {
      writer.empty()
      return
    }
    if !several {
      texts[first].withUnsafeBufferPointer { writer.word($0) }
      return
    }
    var joined: [UInt8] = []
    for index in texts.indices where fired(index) {
      if !joined.isEmpty { joined += Self.separator }
      joined += texts[index]
    }
    joined.withUnsafeBufferPointer { writer.word($0) }
  }
}

/// Columns a result may carry besides those every result has (`pbk evaluate --columns`).
public enum ExtraColumn: String, Sendable, CaseIterable {
  /// Each section's score.
  case sections
  /// The star items earned.
  case starItems
}

/// Spells the cells of a result row in one format: CSV bytes, a table's strings, a sheet's cells.
protocol CellWriter {
  /// Text from the input or the pack (an id, a name, a label): a spreadsheet must show it as text.
  mutating func text(_ bytes: UnsafeBufferPointer<UInt8>)
  mutating func text(_ string: String)
  /// A word of the result (a grade, 不定等次, 无效): text that never starts with a formula character.
  mutating func word(_ bytes: UnsafeBufferPointer<UInt8>)
  /// A score: with exactly `places` decimals (rounded by `rule` when it has more), or as it is when nil.
  mutating func decimal(_ value: ExactDecimal, places: Int?, rule: RoundingRule)
  mutating func integer(_ value: Int)
  mutating func empty()
  mutating func endRow()
}

extension CellWriter {
  mutating func text(_ string: String) {
    var string = string
    string.withUTF8 { text($0) }
  }
}

/// Writes cells as CSV that Excel and WPS open cleanly: UTF-8, CRLF, quoted only when needed, and text that starts
/// with `=`, `+`, `-`, `@`, a tab or CR prefixed with an apostrophe, so that a spreadsheet shows it as text instead of
/// running it as a formula.
struct CSVCellWriter: CellWriter {
  let output: OutputBytes
  private var first = true

  init(output: OutputBytes) {
    self.output = output
  }

  @inline(__always) private mutating func separate() {
    if first { first = false } else {
      output.reserve(1)
      output.append(0x2C)
    }
  }

  mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) {
    separate()
    CSVText.appendCell(bytes, guardingFormulas: true, to: output)
  }

  mutating func word(_ bytes: UnsafeBufferPointer<UInt8>) {
    separate()
    CSVText.appendCell(bytes, guardingFormulas: false, to: output)
  }

  mutating func decimal(_ value: ExactDecimal, places: Int?, rule: RoundingRule) {
    separate()
    output.reserve(ExactDecimal._maximumDigitBytes + 20)
    if let places {
      CSVText.appendFormatted(value, places: places, rule: rule, to: output)
    } else {
      CSVText.appendDescription(value, to: output)
    }
  }

  mutating func integer(_ value: Int) {
    separate()
    output.reserve(ExactDecimal._maximumDigitBytes)
    output.appendWritten { ExactDecimal._writeDigits(Int64(value), scale: 0, to: $0) }
  }

  mutating func empty() { separate() }

  mutating func endRow() {
    output.reserve(2)
    output.append(0x0D)
    output.append(0x0A)
    first = true
  }
}

/// One cell of a result row, typed: what a sheet writes as a number or as text.
package enum ResultCell: Sendable, Hashable {
  case text(String)
  /// A score: with exactly `places` decimals, or as it is when nil.
  case number(ExactDecimal, places: Int?)
  case integer(Int)
  case empty

  /// The cell as a table shows it.
  package var text: String {
    switch self {
    case .text(let text): text
    case .number(let value, let places): places.map { value.formatted(places: $0) } ?? value.description
    case .integer(let value): String(value)
    case .empty: ""
    }
  }
}

/// Collects a row's cells, typed (a sheet; a table for people at a terminal).
struct TypedCellWriter: CellWriter {
  var rows: [[ResultCell]] = []
  private var row: [ResultCell] = []

  mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) { row.append(.text(String(decoding: bytes, as: UTF8.self))) }
  mutating func word(_ bytes: UnsafeBufferPointer<UInt8>) { row.append(.text(String(decoding: bytes, as: UTF8.self))) }
  mutating func decimal(_ value: ExactDecimal, places: Int?, rule: RoundingRule) {
    row.append(.number(places.map { value.rounded(places: $0, rule: rule) } ?? value, places: places))
  }
  mutating func integer(_ value: Int) { row.append(.integer(value)) }
  mutating func empty() { row.append(.empty) }
  mutating func endRow() {
    rows.append(row)
    row = []
  }
}

/// Collects a row's cells as strings (a table for people at a terminal).
struct StringCellWriter: CellWriter {
  var rows: [[String]] = []
  private var row: [String] = []

  mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) { row.append(String(decoding: bytes, as: UTF8.self)) }
  mutating func word(_ bytes: UnsafeBufferPointer<UInt8>) { row.append(String(decoding: bytes, as: UTF8.self)) }
  mutating func decimal(_ value: ExactDecimal, places: Int?, rule: RoundingRule) {
    row.append(places.map { value.formatted(places: $0, rule: rule) } ?? value.description)
  }
  mutating func integer(_ value: Int) { row.append(String(value)) }
  mutating func empty() { row.append("") }
  mutating func endRow() {
    rows.append(row)
    row = []
  }
}

/// CSV spelling: when a cell is quoted, and how numbers are written as bytes.
enum CSVText {
  /// Appends `bytes` as one CSV cell: quoted when it holds a comma, a quote, CR or LF, or starts or ends with a space
  /// or tab; with `guardingFormulas`, a cell starting with `=`, `+`, `-`, `@`, a tab or CR gets a leading apostrophe.
  static func appendCell(_ bytes: UnsafeBufferPointer<UInt8>, guardingFormulas: Bool, to output: OutputBytes) {
    output.reserve(2 * bytes.count + 3)
    let guarded = guardingFormulas && startsLikeAFormula(bytes)
    guard CSVWriter.needsQuotes(bytes) || (guarded && bytes.first == 0x09) else {
      if guarded { output.append(0x27) }
      output.append(contentsOf: bytes)
      return
    }
    output.append(0x22)
    if guarded { output.append(0x27) }
    for byte in bytes {
      if byte == 0x22 { output.append(0x22) }
      output.append(byte)
    }
    output.append(0x22)
  }

  /// Whether a spreadsheet would take text starting this way for a formula: `=`, `+`, `-`, `@`, a tab or CR.
  @inline(__always) static func startsLikeAFormula(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = bytes.first else { return false }
    return first == 0x3D || first == 0x2B || first == 0x2D || first == 0x40 || first == 0x09 || first == 0x0D
  }

  /// Appends the value as ``ExactDecimal/description`` writes it (room reserved by the caller).
  static func appendDescription(_ value: ExactDecimal, to output: OutputBytes) {
    let normalized = value.normalized()
    output.appendWritten { ExactDecimal._writeDigits(normalized.significand, scale: normalized.scale, to: $0) }
  }

  /// Appends the value as ``ExactDecimal/formatted(places:rule:)`` writes it.
  static func appendFormatted(_ value: ExactDecimal, places: Int, rule: RoundingRule, to output: OutputBytes) {
    let rounded = value.rounded(places: places, rule: rule)
    let (padded, overflow) = rounded.significand.multipliedReportingOverflow(
      by: ExactDecimal._powerOfTen(places - rounded.scale))
    if overflow {
      let text = value.formatted(places: places, rule: rule)
      output.reserve(text.utf8.count)
      for byte in text.utf8 { output.append(byte) }
    } else {
      output.appendWritten { ExactDecimal._writeDigits(padded, scale: places, to: $0) }
    }
  }
}
