/// Last period's results bound to a pack's previous fields: every value converted once, as an input's value is
/// (``InputCoercion``), into the slot value its field's input takes. Filling a subject's previous fields is then a
/// look-up by id and a copy per field, before the subject is scored like any other: no allocation per subject.
final class PreviousTable: Sendable {
  let source: PreviousResults.Source
  /// What people read for the earlier results (`previous.label`).
  let label: String
  let fields: [CompiledPreviousField]
  let rowByID: [String: Int]
  /// Each row's line in the file (0: not from a file) and period as written.
  let lines: [Int]
  let periods: [String]
  /// Row by row, field by field: the slot value, and whether the row gives it (0: no, 1: yes, 2: it is invalid).
  let values: [ExactDecimal]
  let states: [UInt8]
  /// The error of each invalid value (by its place in ``values``).
  let problems: [Int: AssessmentError]

  static let missing: UInt8 = 0
  static let given: UInt8 = 1
  static let invalid: UInt8 = 2

  /// Binds `results` to the previous fields of `program`.
  ///
  /// - Throws: ``RecordInputError`` naming the file when the pack reads no previous results, when a column a field
  ///   reads is not there, or when the results were written by another pack than the one the pack reads from.
  init(program: PackProgram, results: PreviousResults) throws(RecordInputError) {
    let file = results.source.file
    guard let previous = program.previous else {
      throw RecordInputError(Message(.previousNotRead, file, program.packID))
    }
    for field in previous.fields where !results.fields.contains(field.field) {
      let pack = Message(field.field == .stars ? .previousPackWithStars : field.field == .grade ? .previousPackWithGrades : .previousPackWithColumn)
      throw RecordInputError(Message(.previousNoColumn, file, field.field.columnName, field.label, field.id, pack))
    }
    let source = results.source
    if let packID = source.packID, packID != previous.from, !previous.allowOtherPacks {
      let version = source.packVersion.map { " \($0)" } ?? ""
      let record = source.record.map { Message(.previousAccordingTo, $0) } ?? .verbatim("")
      throw RecordInputError(Message(.previousOtherPack, file, packID, version, record, program.packID, previous.from))
    }
    self.source = source
    label = previous.label
    fields = previous.fields
    rowByID = results.rowByID
    lines = results.rows.map(\.line)
    periods = results.rows.map { $0.values[.period]?.description ?? "" }
    var values = [ExactDecimal](repeating: .zero, count: results.rows.count * previous.fields.count)
    var states = [UInt8](repeating: Self.missing, count: values.count)
    var problems: [Int: AssessmentError] = [:]
    for (rowIndex, row) in results.rows.enumerated() {
      for (offset, field) in previous.fields.enumerated() {
        guard let value = row.values[field.field] else { continue }
        let place = rowIndex * previous.fields.count + offset
        let declaration = program.inputs[field.input].declaration
        switch InputCoercion.problemOrValue(value, for: declaration) {
        case .success(let slotValue):
          values[place] = slotValue
          states[place] = Self.given
        case .failure(let problem):
          states[place] = Self.invalid
          let line = row.line > 0 ? Message(.previousLineComma, row.line) : .verbatim("")
          problems[place] = AssessmentError(
            code: problem.isOutOfRange ? .outOfRange : .invalidValue,
            message: Message(
              .previousValueProblem, declaration.label, declaration.id, problem.message, field.field.headers[0], file, line),
            inputID: declaration.id)
        }
      }
    }
    self.values = values
    self.states = states
    self.problems = problems
  }

  /// Fills the previous fields of subject `subjectID` in `scorer` (whose own inputs are set), and says which row it
  /// came from (`row`, nil: the results have none for it). A field without a value is left to its input's default
  /// — or, when it rejects such a subject, the error is returned, as it is for an invalid value or a field the
  /// subject's own data gives too.
  @inline(__always)
  func fill(_ scorer: PackScorer, subjectID: String, row found: inout Int?) -> AssessmentError? {
    guard let row = rowByID[subjectID] else {
      found = nil
      guard let field = fields.first(where: \.rejects) else { return nil }
      return AssessmentError(
        code: .missingInput, message: Message(.previousNoneForSubject, field.label, field.id, source.file), inputID: field.id)
    }
    found = row
    let base = row * fields.count
    for offset in fields.indices {
      let field = fields[offset]
      switch states[base + offset] {
      case Self.given:
        if scorer.given[field.input] {
          return AssessmentError(
            code: .invalidValue,
            message: Message(.previousGivenTwice, field.label, field.id, source.file, Self.commaLine(lines[row])),
            inputID: field.id)
        }
        scorer.setInputUnchecked(field.input, slot: field.slot, values[base + offset])
      case Self.invalid:
        return problems[base + offset]
      default:
        if field.rejects, !scorer.given[field.input] {
          return AssessmentError(
            code: .missingInput,
            message: Message(
              .previousGivesNo, field.label, field.id, source.file, Self.commaLine(lines[row]), field.field.headers[0]),
            inputID: field.id)
        }
      }
    }
    return nil
  }

  /// ", line N" after a file name, or nothing when the row is not from a file.
  static func commaLine(_ line: Int) -> Message {
    line > 0 ? Message(.previousCommaLine, line) : .verbatim("")
  }

  /// The explanation's line on the earlier run: where the subject's previous result was read (or that there is
  /// none), and what produced the results — the pack, its version, when the run ended and the file's digest.
  func traceEntry(row: Int?) -> TraceEntry {
    TraceWording.previousRun(
      label: label, source: source, line: row.map { lines[$0] }, period: row.map { periods[$0] }, found: row != nil)
  }
}

extension RulePack {
  /// Assesses one subject with its result of the previous period taken from `previous` (by its id), as a batch
  /// with ``BatchEvaluator/previous`` does; the explanation names the earlier run.
  ///
  /// - Throws: what ``assess(_:explain:)`` throws, and an error naming the results when they do not suit the pack
  ///   (a column a previous field reads is missing, or they are another pack's).
  public func assess(
    _ input: AssessmentInput, previous: PreviousResults, explain: Bool = true
  ) throws(AssessmentError) -> Assessment {
    let table: PreviousTable
    do {
      table = try PreviousTable(program: program, results: previous)
    } catch {
      throw AssessmentError(code: .malformedRecord, message: error.detail, subjectID: input.subject.id)
    }
    let scorer = PackScorer(pack: self)
    scorer.setForms(input.forms)
    var row: Int?
    do throws(AssessmentError) {
      try scorer.setInputs(input.values)
      if let failure = table.fill(scorer, subjectID: input.subject.id, row: &row) {
        scorer.discardInputs()
        throw failure
      }
    } catch {
      var located = error
      located.subjectID = input.subject.id
      located.origin = input.origin
      throw located
    }
    var trace: [TraceEntry] = []
    if explain {
      trace = try scorer.scoreExplained(subject: input.subject, origin: input.origin)
      trace.insert(table.traceEntry(row: row), at: 0)
    } else {
      try scorer.score(subject: input.subject, origin: input.origin)
    }
    var assessment = scorer.assessment(subject: input.subject, period: input.period)
    assessment.trace = trace
    if findsWhatItTakes { assessment.whatItTakes = whatItTakes(scorer.buffer.pointer, assessment: assessment) }
    return assessment
  }
}

extension RulePack {
  /// Whether the pack reads last period's results (`"previous"`).
  public var readsPrevious: Bool { program.previous != nil }

  /// Checks that `results` suit the pack: it reads previous results, the columns its fields read are there, and
  /// they were written by the pack it reads from (unless it allows others). A batch checks the same when it starts.
  public func check(_ results: PreviousResults) throws(RecordInputError) {
    _ = try PreviousTable(program: program, results: results)
  }
}
