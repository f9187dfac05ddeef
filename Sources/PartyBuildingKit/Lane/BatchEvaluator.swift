/// Scores every record of an input with a rule pack, on every core, handing back each outcome in input order.
///
/// The one batch path of the library and of `pbk evaluate`: CSV, JSON and JSON Lines input (a file, standard input,
/// or bytes in memory) go through the same reader, the same conversion of each cell and the same scoring kernel,
/// whatever comes out — CSV rows, JSON, a table's cells or ``Assessment`` values — so that every output of the same
/// input has the same results, the same rejected records with the same messages, and the same counts. A pack with a
/// cohort stage reads its input twice (a pipe is copied to a temporary file first): once to rank, once to write.
///
/// ```swift
/// let batch = BatchEvaluator(pack: pack)
/// let summary = try batch.assessments(from: .file("data.csv")) { outcome in
///   switch outcome {
///   case .success(let assessment): print(assessment.subject.id, assessment.total)
///   case .failure(let error): print("error:", error)
///   }
/// }
/// print(summary.counts)   // "11 read: 10 assessed, 1 rejected"
/// ```
public struct BatchEvaluator: Sendable {
  /// The pack every record is scored with.
  public let pack: RulePack
  /// How records are read and scored: threads, block size, the text encoding, a workbook's sheet…
  public var options: BatchOptions
  /// Called on the calling thread after each block of records, with the counts so far (a progress display).
  public var progress: (@Sendable (BatchCounts) -> Void)?
  /// The raters' forms (测评表) of a pack whose ballot items are scored from them: a file (CSV, a workbook, JSON or
  /// JSON Lines) of one form per row, naming the subject it rates by `id`; read whole before the subjects. Each
  /// subject's forms are found by its id; a form whose subject is not in the input is rejected with its row (handed
  /// on like a rejected record, with the code ``AssessmentError/Code-swift.struct/rejectedForm``). nil: the subjects
  /// give their own (a `"forms"` array in JSON, ``AssessmentInput/forms``).
  public var forms: RecordInput?
  /// Last period's results, for a pack that reads them (`"previous"`): each subject's previous fields are filled
  /// from its result there (by id) before it is scored. Nil: no subject has one (each field's `whenMissing` applies,
  /// unless the subject's own data gives the value).
  public var previous: PreviousResults?

  /// The pack's links resolved against the linked results given; nil when none were.
  let links: ResolvedLinks?

  /// A batch of `pack` with `options` (by default: every processor, repeated ids rejected, the encoding detected).
  ///
  /// A pack that reads other packs' results (`links`) needs them: use ``init(pack:linked:options:)``; made with this
  /// initializer, its batch rejects every record, saying so.
  public init(pack: RulePack, options: BatchOptions = BatchOptions()) {
    self.pack = pack
    self.options = options
    links = nil
  }

  /// A batch of `pack` reading the results of the packs it links to (`links`): each record's linked inputs are filled
  /// from `linked` (joined as the link declares) before the kernel scores it, and its explanation names the linked
  /// subject, pack and version.
  ///
  /// Score the linked packs first (their own links first in turn), adding every outcome to a ``LinkedResults``; then
  /// give those here. A record whose join finds no linked subject or several, or finds a rejected one, is rejected
  /// with a message naming the linked subject and why.
  ///
  /// ```swift
  /// var branches = LinkedResults(pack: branchPack)
  /// _ = try BatchEvaluator(pack: branchPack).assessments(from: .file("branches.csv")) { branches.add($0) }
  /// let batch = try BatchEvaluator(pack: secretaryPack, linked: [branches])
  /// ```
  ///
  /// - Throws: the problems of the pack's links with the results given, located in the pack file: a linked pack
  ///   not given, a version that does not meet the link's requirement, a grade, label or outcome the linked pack
  ///   does not have.
  public init(pack: RulePack, linked: [LinkedResults], options: BatchOptions = BatchOptions()) throws(PackLoadError) {
    self.pack = pack
    self.options = options
    links = try ResolvedLinks(pack: pack, linked: linked)
  }

  /// The formats results are written in.
  public enum ResultFormat: String, Sendable, CaseIterable {
    /// The result columns (as `pbk evaluate --format csv` writes them), UTF-8 with CRLF, as Excel writes CSV (no
    /// byte order mark: the caller writes one first when the file is for Excel).
    case csv
    /// A JSON array of subject objects, one per line.
    case json
    /// One JSON object per subject, one per line.
    case jsonLines
  }

  /// What a batch did: its counts, and the quota counts of a cohort stage.
  public struct Summary: Sendable {
    /// How many records were read, assessed and rejected.
    public var counts: BatchCounts
    /// The quota counts of the cohort stage, per group; empty when the pack has no quotas.
    public var quotas: [QuotaSummary] = []
    /// Whether repeated ids were checked.
    public var checkedIDs: Bool
    /// The text encoding the input was read in (CSV).
    public var encoding: InputEncoding = .utf8
    /// The sheet read and the row its header was on (a workbook).
    public var sheet: String?
    /// The row (1-based) the header was found on (a workbook), when one was read.
    public var headerRow: Int?
    /// The digest and length of the input's bytes as read, when ``BatchOptions/digestsInput`` asked for it.
    package var inputDigest: InputDigest?
    /// What became of every rater form, when the pack scores items from them: `read == counted + void + rejected`.
    public var forms: FormCounts?
    /// The digest and length of the forms file as read, when one was given and a digest asked for.
    package var formsDigest: InputDigest?

    /// How the input was read, in a few words for the summary line, when there is anything to say: an encoding other
    /// than UTF-8, a workbook's sheet and header row.
    package var readAs: Message? {
      if let sheet { return Message(.readAsSheet, sheet, headerRow ?? 1) }
      return encoding == .utf8 ? nil : Message(.readAsEncoding, encoding.displayName)
    }
  }

  /// Scores every record of `input` and writes each accepted one's result as bytes in `format`, in input order;
  /// each rejected record goes to `reject`, in input order too.
  ///
  /// - Throws: ``RecordInputError`` when the input cannot be read at all (no such file, a bad header), and whatever
  ///   `write` or `reject` throw (a failed write stops the batch).
  public func write(
    _ input: RecordInput, as format: ResultFormat, header: Bool = true, columns extras: Set<ExtraColumn> = [],
    write: (UnsafeBufferPointer<UInt8>) throws -> Void, reject: (AssessmentError) throws -> Void
  ) throws -> Summary {
    let lane = try BatchLane(pack: pack, input: input, options: options)
    try readForms(for: lane)
    let layout = ResultLayout(pack: pack, binding: format == .csv ? lane.binding : nil, extras: extras)
    if header, format == .csv {
      var writer = CSVCellWriter(output: OutputBytes())
      layout.writeHeader(to: &writer)
      try write(writer.output.bytes)
    }
    if header, format == .json { try Self.withBytes("[") { try write($0) } }
    let product: LaneProduct
    switch format {
    case .csv:
      product = .bytes { record, _, output in
        var writer = CSVCellWriter(output: output)
        layout.writeRow(record, to: &writer)
      }
    case .json, .jsonLines:
      let array = format == .json
      product = .bytes { record, _, output in
        var assessment = record.assessment()
        // The cohort entry is what ranking needed, not a result to show.
        assessment.cohortEntry = nil
        let text = (try? ExactJSONEncoder().encode(assessment)) ?? "null"
        output.reserve(text.utf8.count + 2)
        // In an array every object follows ",\n"; the first one's comma is dropped as it is written.
        if array {
          output.append(0x2C)
          output.append(0x0A)
        }
        output.append(contentsOf: text.utf8)
        if !array { output.append(0x0A) }
      }
    }
    var first = true
    let summary = try run(lane: lane, product) { event in
      switch event {
      case .bytes(let bytes):
        if first, format == .json, header {
          first = false
          try write(UnsafeBufferPointer(rebasing: bytes[1...]))
        } else {
          first = false
          try write(bytes)
        }
      case .rejected(let error, _), .rejectedForm(let error): try reject(error)
      default: break
      }
    }
    if header, format == .json { try Self.withBytes(first ? "]\n" : "\n]\n") { try write($0) } }
    return summary
  }

  private static func withBytes(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
    try Array(text.utf8).withUnsafeBufferPointer { try body($0) }
  }

  /// Finds the subject `id` in `input` and scores it with its explanation (placed in its cohort when the pack ranks
  /// one: the whole input is scored to rank it); nil when no record has that id. The ids of the records read are
  /// handed to `seen` (for a suggestion when the id is not found).
  public func explain(
    _ id: String, in input: RecordInput, seen: (String) -> Void = { _ in }
  ) throws -> (assessment: Assessment, line: Int)? {
    var found: (Assessment, Int)?
    var failure: AssessmentError?
    _ = try run(input, .explained(id)) { event in
      switch event {
      case .explained(let assessment, let line): if found == nil { found = (assessment, line) }
      case .rejected(let error, _): if error.subjectID == id, failure == nil { failure = error }
      case .seenID(let other): seen(other)
      default: break
      }
    }
    if let found { return found }
    if let failure { throw failure }
    return nil
  }

  /// Scores every record of `input` and hands each outcome to `handle` in input order: the assessment (with its
  /// explanation when `explain` is true — slower: each subject is scored twice) or why the record was rejected.
  public func assessments(
    from input: RecordInput, explain: Bool = false, _ handle: (Result<Assessment, AssessmentError>) throws -> Void
  ) throws -> Summary {
    try run(input, explain ? .explainedAssessments : .assessments) { event in
      switch event {
      case .assessment(let assessment): try handle(.success(assessment))
      case .rejected(let error, _), .rejectedForm(let error): try handle(.failure(error))
      default: break
      }
    }
  }

  /// Scores every record of `input` into the results that packs linking to this one read (`links`): each
  /// assessment, and each rejected record with its id — and its parent and attributes when they could be read, so
  /// that a join on them finds it and rejects only the subjects it concerns. Each rejection also goes to `rejected`.
  ///
  /// ```swift
  /// let (branches, summary) = try BatchEvaluator(pack: branchPack).linkedResults(from: .file("branches.csv"))
  /// let secretaries = try BatchEvaluator(pack: secretaryPack, linked: [branches])
  /// ```
  public func linkedResults(
    from input: RecordInput, rejected: (AssessmentError) throws -> Void = { _ in }
  ) throws -> (results: LinkedResults, summary: Summary) {
    var results = LinkedResults(pack: pack)
    var subject: Subject?
    let summary = try run(input, .assessments) { event in
      switch event {
      case .assessment(let assessment): results.add(assessment)
      case .rejectedSubject(let read): subject = read
      case .rejected(let error, _):
        results.reject(error, subject: subject)
        subject = nil
        try rejected(error)
      default: break
      }
    }
    return (results, summary)
  }

  /// Scores subjects already read (facts by input id), on every core, and hands each outcome to `handle` in their
  /// order: the same checks and results as a file of the same subjects (a repeated id is rejected; a cohort pack
  /// ranks them all).
  public func assessments(
    of subjects: [AssessmentInput], _ handle: (Result<Assessment, AssessmentError>) throws -> Void
  ) throws -> Summary {
    try run(lane: try BatchLane(pack: pack, subjects: subjects, options: options), .assessments) { event in
      switch event {
      case .assessment(let assessment): try handle(.success(assessment))
      case .rejected(let error, _), .rejectedForm(let error): try handle(.failure(error))
      default: break
      }
    }
  }

  /// Scores every record of `input` into the typed cells of the result columns (header first: text), for a sheet;
  /// rejected records go to `reject`.
  package func cells(
    _ input: RecordInput, columns extras: Set<ExtraColumn> = [], reject: (AssessmentError) throws -> Void,
    row: ([ResultCell]) throws -> Void
  ) throws -> Summary {
    let lane = try BatchLane(pack: pack, input: input, options: options)
    try readForms(for: lane)
    let layout = ResultLayout(pack: pack, binding: lane.binding, extras: extras)
    try row(layout.header.map(ResultCell.text))
    return try run(lane: lane, .rows(layout)) { event in
      switch event {
      case .row(let cells): try row(cells)
      case .rejected(let error, _), .rejectedForm(let error): try reject(error)
      default: break
      }
    }
  }

  /// Reads the forms file into the lane (once), or says why a pack scoring items from rater forms cannot read a
  /// table's rows without one.
  private func readForms(for lane: BatchLane) throws(RecordInputError) {
    guard !lane.formsRead else { return }
    lane.formsRead = true
    if let forms {
      lane.formFile = try FormFile(pack: pack, input: forms, digesting: options.digestsInput)
    } else if pack.program.ballots?.forms != nil, lane.format == .csv || lane.format == .xlsx {
      throw RecordInputError(Message(.formsRowCannotCarry, lane.input.name, pack.metadata.id))
    }
  }

  /// Runs the lane: one pass, or for a cohort pack the ranking pass and the pass that places each subject.
  private func run(_ input: RecordInput, _ product: LaneProduct, consume: (LaneEvent) throws -> Void) throws -> Summary {
    try run(lane: try BatchLane(pack: pack, input: input, options: options), product, consume: consume)
  }

  private func run(lane: BatchLane, _ product: LaneProduct, consume: (LaneEvent) throws -> Void) throws -> Summary {
    lane.progress = progress
    lane.links = links
    let scoresForms = pack.program.ballots?.forms != nil
    try readForms(for: lane)
    func finished(_ summary: Summary) -> Summary {
      var summary = summary
      if scoresForms { summary.forms = lane.formCounts }
      summary.formsDigest = lane.formFile?.digest
      return summary
    }
    if let previous { lane.previous = try PreviousTable(program: pack.program, results: previous) }
    guard pack.hasCohort else {
      let counts = try lane.run(product, consume: consume)
      return finished(Summary(
        counts: counts, checkedIDs: options.checksIDs, encoding: lane.encoding, sheet: lane.sheetName,
        headerRow: lane.headerRowFound, inputDigest: lane.input.digest))
    }
    try lane.prepareToReadTwice()
    var entries = CohortEntries(for: pack)
    var rejected: [Int] = []
    let firstCounts = try lane.run(.cohortEntries) { event in
      switch event {
      case .entry(let entry): entries.append(entry)
      case .rejected(let error, let record):
        rejected.append(record)
        try consume(.rejected(error, record: record))
      case .rejectedForm, .rejectedSubject: try consume(event)
      default: break
      }
    }
    let ranking = pack.rankCohort(entries)
    entries = CohortEntries(for: pack)
    let skipped = rejected
    // Only an explanation shows the cohort's verdict line by line.
    var withTrace = false
    if case .explained = product { withTrace = true }
    if case .explainedAssessments = product { withTrace = true }
    let traced = withTrace
    let place: @Sendable (RecordScorer, Int) -> AssessmentError? = { record, number in
      guard let index = CohortRanking.entryIndex(ofRecord: number, skipping: skipped), index < ranking.count else { return nil }
      do throws(AssessmentError) {
        try record.scorer.place(ranking.outcome(at: index, trace: traced))
        return nil
      } catch {
        var located = error
        located.subjectID = record.text(RecordScorer.idField)
        return located
      }
    }
    // The records the first pass rejected are skipped (reported then); one the placing rejects is reported now.
    var counts = firstCounts
    _ = try lane.run(product, again: true, skipping: skipped, place: place) { event in
      if case .rejected = event {
        counts.assessed -= 1
        counts.rejected += 1
      }
      try consume(event)
    }
    return finished(Summary(
      counts: counts, quotas: ranking.quotas, checkedIDs: options.checksIDs, encoding: lane.encoding,
      sheet: lane.sheetName, headerRow: lane.headerRowFound, inputDigest: lane.input.digest))
  }
}

extension CohortRanking {
  /// The place among the first pass's entries of the record numbered `record`, or nil when the record was rejected.
  /// `rejected` lists the rejected records' numbers in increasing order.
  static func entryIndex(ofRecord record: Int, skipping rejected: [Int]) -> Int? {
    guard !rejected.isEmpty else { return record }
    // How many rejected records come before this one.
    var low = 0
    var high = rejected.count
    while low < high {
      let middle = (low + high) / 2
      if rejected[middle] < record { low = middle + 1 } else { high = middle }
    }
    if low < rejected.count, rejected[low] == record { return nil }
    return record - low
  }
}
