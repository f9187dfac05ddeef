/// One subject's result as a pack that links to its pack reads it (`links`): its id, parent and attributes (what a
/// join compares) and its total, grade, stars, cohort labels and numeric outcomes.
public struct LinkedSubject: Sendable, Hashable, Codable {
  /// The subject's id.
  public var id: String
  /// The subject's parent (上级), when it has one.
  public var parent: String?
  /// The subject's attributes (a CSV file's `#` columns, a JSON record's `attributes`).
  public var attributes: [String: String]
  /// The total; nil when the result is void (无效).
  public var total: ExactDecimal?
  /// The grade; nil when none was given (不定等次) or the result is void.
  public var grade: String?
  /// The star level; nil when the pack rates no stars or the result is void.
  public var stars: Int?
  /// The ids of the cohort labels the subject was given (e.g. 后进).
  public var labels: [String]
  /// The numeric outcomes (`outcomes`) by id.
  public var outcomes: [String: ExactDecimal]

  /// A linked subject with these results (a host that keeps results elsewhere, a test).
  public init(
    id: String, parent: String? = nil, attributes: [String: String] = [:], total: ExactDecimal? = nil,
    grade: String? = nil, stars: Int? = nil, labels: [String] = [], outcomes: [String: ExactDecimal] = [:]
  ) {
    self.id = id
    self.parent = parent
    self.attributes = attributes
    self.total = total
    self.grade = grade
    self.stars = stars
    self.labels = labels
    self.outcomes = outcomes
  }

  /// The results of an assessment, as a linking pack reads them.
  public init(_ assessment: Assessment) {
    let void = assessment.voidReason != nil
    self.init(
      id: assessment.subject.id, parent: assessment.subject.parent, attributes: assessment.subject.attributes,
      total: void ? nil : assessment.total, grade: assessment.grade, stars: assessment.stars,
      labels: assessment.labels.map(\.id),
      outcomes: Dictionary(assessment.outcomes.map { ($0.id, $0.value) }, uniquingKeysWith: { first, _ in first }))
  }

  /// The value of the join key `key` (empty when the subject has none).
  func key(_ key: LinkKey) -> String {
    switch key {
    case .id: id
    case .parent: parent ?? ""
    case .attribute(let name): attributes[name] ?? ""
    }
  }
}

/// The results of one pack's subjects, scored first, for the packs that link to it (`links`).
///
/// Score the linked pack's subjects, add every outcome — each result and each rejection — then give the results to
/// the dependent pack's batch: ``BatchEvaluator/init(pack:linked:options:)`` checks its links against them (the pack
/// id, a declared version requirement, each field's type) and fills each subject's linked inputs before the kernel
/// scores it.
///
/// ```swift
/// var branches = LinkedResults(pack: branchPack)
/// _ = try BatchEvaluator(pack: branchPack).assessments(from: .file("branches.csv")) { branches.add($0) }
/// let secretaries = try BatchEvaluator(pack: secretaryPack, linked: [branches])
/// _ = try secretaries.assessments(from: .file("secretaries.csv")) { outcome in print(outcome) }
/// ```
///
/// ``BatchEvaluator/linkedResults(from:rejected:)`` does both steps' first half in one call, and keeps each rejected
/// record with its id, parent and attributes as read: a subject whose join finds a rejected linked subject is
/// rejected in turn, naming it and why, and the other subjects are scored. A rejection added without its subject (or
/// a record rejected before its fields were read) could be any subject's on a join by `parent` or an attribute, so
/// while there is one, every subject read through such a join is rejected (the results would otherwise miss a
/// subject silently).
public struct LinkedResults: Sendable {
  /// The linked pack's id.
  public let packID: String
  /// The linked pack's version.
  public let version: String
  /// The linked pack's title.
  public let title: String
  /// The linked pack's grades, best first (a grade field's choices must include them).
  let grades: [String]
  let hasStars: Bool
  let labelIDs: [String]
  let outcomeIDs: [String]
  /// The ids of the packs the linked pack itself links to.
  let linkedPackIDs: [String]
  /// The results added, in order.
  public private(set) var subjects: [LinkedSubject] = []
  /// The rejected subjects' messages, by id.
  public private(set) var rejections: [String: String] = [:]

  /// Empty results of `pack`, to add its subjects' outcomes to.
  public init(pack: RulePack) {
    packID = pack.metadata.id
    version = pack.metadata.version
    title = pack.metadata.title
    grades = pack.program.bands.map(\.grade)
    hasStars = pack.program.stars != nil
    labelIDs = pack.program.cohort?.labels.map(\.id) ?? []
    outcomeIDs = pack.program.outcomes.map(\.id)
    linkedPackIDs = pack.program.links.map(\.packID)
  }

  /// Adds a subject's result.
  public mutating func add(_ subject: LinkedSubject) { subjects.append(subject) }

  /// Adds an assessment of the linked pack.
  public mutating func add(_ assessment: Assessment) { add(LinkedSubject(assessment)) }

  /// Every rejection, with the rejected subject's id, parent and attributes when they are known.
  private(set) var rejected: [(subject: Subject?, id: String, detail: Message)] = []
  /// The rejected subjects' messages as values (rendered in the language a dependent's rejection is printed in), by id.
  private(set) var rejectionDetails: [String: Message] = [:]

  /// Adds a rejected subject of the linked pack: its ``AssessmentError/subjectID`` and message, and the subject as
  /// read when it is known (its parent and attributes: ``BatchEvaluator/linkedResults(from:rejected:)`` gives them).
  /// A join on the linked subjects' parent or an attribute then rejects only the subjects whose key it shares; a
  /// rejection without the subject (or without an id) leaves such a join unable to tell, so it rejects every subject
  /// it would read.
  public mutating func reject(_ error: AssessmentError, subject: Subject? = nil) {
    let id = error.subjectID ?? subject?.id ?? ""
    rejections[id] = error.message
    rejectionDetails[id] = error.detail
    rejected.append((subject, id, error.detail))
  }

  /// Adds one outcome of a batch of the linked pack: its result or its rejection.
  public mutating func add(_ outcome: Result<Assessment, AssessmentError>) {
    switch outcome {
    case .success(let assessment): add(assessment)
    case .failure(let error): reject(error)
    }
  }
}

/// Where a linked input's value came from: the link, the linked pack and version, and the subjects read. Explanations
/// show it beside the value ("所在村党组织星级 = 4（关联 example-linked-branch 1.0.0，ZG001）").
public struct LinkedSource: Sendable, Hashable, Codable {
  /// The link's id in the dependent pack.
  public var link: String
  /// The linked pack's id.
  public var packID: String
  /// The linked pack's version; nil when not known (a pack test's inline result that gives none).
  public var packVersion: String?
  /// The linked subjects the value was read from (several when it is aggregated).
  public var subjectIDs: [String]
  /// The result read: `total`, `grade`, `stars`, `label:ID` or `outcome:ID`; nil for a plain count.
  public var field: String?
  /// How the joined subjects' values were combined (`average`, `sum`, `min`, `max`, `count`, `share`); nil for one
  /// linked subject.
  public var aggregate: String?
  /// What a count or share counted: the grades (`好、较好`) or the least value (`5`); nil otherwise.
  public var counted: String?

  /// A source naming these.
  public init(
    link: String, packID: String, packVersion: String?, subjectIDs: [String], field: String? = nil,
    aggregate: String? = nil, counted: String? = nil
  ) {
    self.link = link
    self.packID = packID
    self.packVersion = packVersion
    self.subjectIDs = subjectIDs
    self.field = field
    self.aggregate = aggregate
    self.counted = counted
  }

  /// The source of `field`'s value, read through `link` from `subjects`.
  init(_ link: CompiledLink, _ field: CompiledLinkField, version: String?, subjects: [LinkedSubject]) {
    var fieldText: String?
    switch field.field {
    case .total?: fieldText = "total"
    case .grade?: fieldText = "grade"
    case .stars?: fieldText = "stars"
    case .label(let name)?: fieldText = "label:" + name
    case .outcome(let name)?: fieldText = "outcome:" + name
    case nil: fieldText = nil
    }
    self.init(
      link: link.id, packID: link.packID, packVersion: version, subjectIDs: subjects.map(\.id), field: fieldText,
      aggregate: field.aggregate?.rawValue,
      counted: field.grades?.joined(separator: "、") ?? field.atLeast.map { "≥ \($0)" })
  }
}

/// A pack's links resolved against the results given: checked once, then used for every subject.
struct ResolvedLinks: Sendable {
  struct Entry: Sendable {
    var link: CompiledLink
    var results: LinkedResults
    /// The linked subjects by the value of the link's linked key.
    var index: [String: [Int]]
  }
  let entries: [Entry]
  let pack: RulePack

  /// Checks `pack`'s links against `linked` (the pack of each link given, its version as required, each field's
  /// result there) and indexes the results for the joins.
  ///
  /// - Throws: every problem, located at the link in the pack file: a linked pack not given, a version that does
  ///   not meet the requirement, a grade, label or outcome the linked pack does not have.
  init(pack: RulePack, linked: [LinkedResults]) throws(PackLoadError) {
    var problems: [PackProblem] = []
    var entries: [Entry] = []
    func problem(_ message: Message, _ pointer: JSONPointer, _ location: SourceLocation) {
      problems.append(PackProblem(file: pack.file, pointer: pointer, location: location, detail: message))
    }
    for link in pack.program.links {
      let candidates = linked.filter { $0.packID == link.packID }
      let linkPlace = (link.pointer.appending("pack"), link.packLocation)
      guard !candidates.isEmpty else {
        let given = linked.map { "\($0.packID) \($0.version)" }
        problem(
          Message(
            .linkedPackNotGiven, link.id, link.packID, LinkFill.given(given),
            Spelling.didYouMeanMessage(link.packID, among: linked.map(\.packID))),
          linkPlace.0, linkPlace.1)
        continue
      }
      guard candidates.count == 1 else {
        problem(
          Message(
            .linkedPackGivenTimes, link.id, link.packID, candidates.count, MessageArgument.list(candidates.map(\.version))),
          linkPlace.0, linkPlace.1)
        continue
      }
      let results = candidates[0]
      if let requirement = link.version, !requirement.admits(results.version) {
        problem(
          Message(.linkVersionNotMet, link.id, link.packID, requirement.description, results.version),
          link.pointer.appending("version"), link.versionLocation)
      }
      for (number, field) in link.fields.enumerated() {
        let input = pack.program.inputs[field.input].declaration
        let place = link.pointer.appending("fields").appending(number)
        switch field.field {
        case .grade?:
          if results.grades.isEmpty {
            problem(Message(.linkedPackNoGrades, link.packID, link.id), place, field.location)
          } else if field.aggregate == nil {
            let missing = results.grades.filter { !input.choices.contains($0) }
            if !missing.isEmpty {
              problem(
                Message(
                  .linkGradeNotAChoice, input.id, link.packID, results.grades.joined(separator: "、"),
                  missing.joined(separator: "、")),
                place, field.location)
            }
          }
          for grade in field.grades ?? [] where !results.grades.contains(grade) {
            problem(
              Message(
                .linkNotAGrade, grade, link.packID, Spelling.didYouMeanMessage(grade, among: results.grades),
                results.grades.joined(separator: "、")),
              place.appending("grades"), field.location)
          }
        case .stars?:
          if !results.hasStars {
            problem(Message(.linkedPackNoStars, link.packID, link.id), place, field.location)
          }
        case .label(let name)?:
          if !results.labelIDs.contains(name) {
            problem(
              Message(
                .linkNotALabel, name, link.packID, Spelling.didYouMeanMessage(name, among: results.labelIDs),
                LinkFill.listOrNone(results.labelIDs)),
              place.appending("name"), field.location)
          }
        case .outcome(let name)?:
          if !results.outcomeIDs.contains(name) {
            problem(
              Message(
                .linkNotAnOutcome, name, link.packID, Spelling.didYouMeanMessage(name, among: results.outcomeIDs),
                LinkFill.listOrNone(results.outcomeIDs)),
              place.appending("name"), field.location)
          }
        case .total?, nil: break
        }
      }
      var index: [String: [Int]] = [:]
      for (number, subject) in results.subjects.enumerated() {
        let key = subject.key(link.linkedKey)
        if !key.isEmpty { index[key, default: []].append(number) }
      }
      entries.append(Entry(link: link, results: results, index: index))
    }
    if !problems.isEmpty { throw PackLoadError(problems: problems) }
    self.entries = entries
    self.pack = pack
  }

  /// Fills the linked inputs of the subject whose join keys `key` gives, into `scorer`; returns why the subject is
  /// rejected, or nil. An input the record gave itself is an error: a linked input is filled from one place.
  func fill(subjectKey key: (LinkKey) -> String, into scorer: PackScorer) -> AssessmentError? {
    scorer.linkedSources = [:]
    for entry in entries {
      switch joined(entry, key: key) {
      case .failure(let failure): return failure
      case .success(let joined):
        if let failure = LinkFill.set(entry.link, joined: joined, version: entry.results.version, into: scorer) {
          return failure
        }
      }
    }
    return nil
  }

  /// `input` with its linked inputs' values (and where they came from) added: the same joins and values as a
  /// batch's record, for the paths that score ``AssessmentInput`` values whole (a cohort of an asynchronous
  /// sequence, ``RulePack/linkedInput(_:from:)``).
  func filled(_ input: AssessmentInput) -> Result<AssessmentInput, AssessmentError> {
    var filled = input
    var sources = input.linkedSources ?? [:]
    let inputs = pack.program.inputs
    func located(_ error: AssessmentError) -> AssessmentError {
      var error = error
      error.subjectID = input.subject.id
      error.origin = input.origin
      return error
    }
    for entry in entries {
      let joined: [LinkedSubject]
      switch self.joined(entry, key: { input.subject.key($0) }) {
      case .failure(let failure): return .failure(located(failure))
      case .success(let found): joined = found
      }
      switch LinkFill.values(entry.link, joined: joined, inputs: inputs) {
      case .failure(let failure): return .failure(located(failure))
      case .success(let values):
        for (index, value) in values {
          let declaration = inputs[index].declaration
          if input.values[declaration.id] != nil {
            return .failure(
              located(
                LinkFill.error(
                  Message(.linkInputGivenLeaveOut, declaration.label, declaration.id, entry.link.packID, entry.link.id),
                  input: declaration.id)))
          }
          guard let value else { continue }
          filled.values[declaration.id] = value
          if let field = entry.link.fields.first(where: { $0.input == index }) {
            sources[declaration.id] = LinkedSource(entry.link, field, version: entry.results.version, subjects: joined)
          }
        }
      }
    }
    filled.linkedSources = sources.isEmpty ? nil : sources
    return .success(filled)
  }

  /// The linked subjects `entry`'s join finds for the subject whose join keys `key` gives, or why it is rejected:
  /// no key, no subject or several (one-to-one), a rejected one.
  private func joined(_ entry: Entry, key: (LinkKey) -> String) -> Result<[LinkedSubject], AssessmentError> {
    let link = entry.link
    let results = entry.results
    let what = Message(.linkWhat, link.id, link.label, link.packID)
    let value = key(link.subjectKey)
    guard !value.isEmpty else {
      return .failure(
        LinkFill.error(Message(.linkSubjectHasNoKey, link.subjectKey.description, what, Self.column(link.subjectKey))))
    }
    let matches = entry.index[value] ?? []
    if link.linkedKey == .id, let message = results.rejectionDetails[value] {
      return .failure(LinkFill.error(Message(.linkedSubjectRejected, value, link.packID, message)))
    }
    if link.linkedKey != .id {
      // A rejected subject whose key is known is found by it; one whose key is not known could be any subject's.
      let unknown = results.rejected.filter { $0.subject == nil }
      if !unknown.isEmpty {
        let ids = unknown.map { $0.id.isEmpty ? "?" : $0.id }
        return .failure(
          LinkFill.error(
            Message(.linkRejectedUnknownKeys, link.packID, ids.count, LinkFill.list(ids), link.linkedKey.description, what)))
      }
      if let hit = results.rejected.first(where: { $0.subject?.key(link.linkedKey) == value }) {
        return .failure(
          LinkFill.error(
            Message(.linkedSubjectRejectedByKey, hit.id, link.packID, link.linkedKey.description, value, hit.detail)))
      }
    }
    if matches.isEmpty {
      return .failure(
        LinkFill.error(
          Message(.linkFindsNothing, link.packID, link.linkedKey.description, value, link.subjectKey.description, what)))
    }
    if !link.many, matches.count > 1 {
      let ids = matches.map { results.subjects[$0].id }
      return .failure(
        LinkFill.error(
          Message(.linkAmbiguous, matches.count, link.packID, link.linkedKey.description, value, LinkFill.list(ids), what)))
    }
    return .success(matches.map { results.subjects[$0] })
  }

  static func column(_ key: LinkKey) -> Message {
    switch key {
    case .id: Message(.linkColumnID)
    case .parent: Message(.linkColumnParent)
    case .attribute(let name): Message(.linkColumnAttribute, name)
    }
  }
}

extension Subject {
  /// The value of the join key `key` (empty when the subject has none).
  func key(_ key: LinkKey) -> String {
    switch key {
    case .id: id
    case .parent: parent ?? ""
    case .attribute(let name): attributes[name] ?? ""
    }
  }
}

extension RulePack {
  /// `input` with the values of this pack's linked inputs (`links`) read from `linked` — joined, aggregated and
  /// checked as a batch does — and where each came from (``AssessmentInput/linkedSources``), for
  /// ``assess(_:explain:)`` of one subject: its explanation then names the linked subject, pack and version.
  ///
  /// ```swift
  /// let input = try secretaryPack.linkedInput(AssessmentInput(subject: secretary, values: facts), from: [branches]).get()
  /// let assessment = try secretaryPack.assess(input)
  /// ```
  ///
  /// - Throws: the pack's link problems with `linked` (as ``BatchEvaluator/init(pack:linked:options:)``); the
  ///   subject's own problem (no linked subject, several, a rejected one) is the result's failure.
  public func linkedInput(_ input: AssessmentInput, from linked: [LinkedResults]) throws(PackLoadError)
    -> Result<AssessmentInput, AssessmentError>
  {
    try ResolvedLinks(pack: self, linked: linked).filled(input)
  }
}

/// Turns the results of joined subjects into a link's input values: one path for a batch and for a pack test's
/// inline results.
enum LinkFill {
  /// What a subject of a pack with links is told when the linked results were not given.
  static func notGiven(_ pack: RulePack) -> AssessmentError {
    let packs = Set(pack.program.links.map(\.packID)).sorted()
    return error(Message(.linkedResultsNotGiven, pack.metadata.id, MessageArgument.list(packs.map { "'\($0)'" })))
  }

  static func error(_ message: Message, input: String? = nil) -> AssessmentError {
    AssessmentError(code: .linkedResult, message: message, inputID: input)
  }

  /// " (given: a 1.0.0, b 2.0.0)", or nothing when no pack is given.
  static func given(_ packs: [String]) -> Message {
    packs.isEmpty ? .verbatim("") : Message(.linkPacksGiven, MessageArgument.list(packs))
  }

  /// The ids, or "none".
  static func listOrNone(_ ids: [String]) -> any MessageArgumentConvertible {
    ids.isEmpty ? Message(.noneWord) : MessageArgument.list(ids)
  }

  static func list(_ ids: [String]) -> String {
    ids.count <= 5 ? ids.joined(separator: ", ") : ids.prefix(5).joined(separator: ", ") + " … (\(ids.count))"
  }

  /// The value of each field of `link` from `joined`: nil for a value the linked subject does not have (left to the
  /// input's default or missing-value policy), or why the subject is rejected.
  static func values(_ link: CompiledLink, joined: [LinkedSubject], inputs: [CompiledInput])
    -> Result<[(input: Int, value: InputValue?)], AssessmentError>
  {
    var values: [(input: Int, value: InputValue?)] = []
    for field in link.fields {
      let input = inputs[field.input].declaration
      func read(_ subject: LinkedSubject) -> InputValue? {
        switch field.field {
        case .total?: subject.total.map(InputValue.number)
        case .grade?: subject.grade.map(InputValue.text)
        case .stars?: subject.stars.map { .number(ExactDecimal($0)) }
        case .label(let name)?: .boolean(subject.labels.contains(name))
        case .outcome(let name)?: subject.outcomes[name].map(InputValue.number)
        case nil: .boolean(true)
        }
      }
      func missing(_ subject: LinkedSubject) -> AssessmentError {
        let what: Message
        switch field.field {
        case .grade?: what = Message(.linkedHasNoGrade)
        case .stars?: what = Message(.linkedHasNoStars)
        case .outcome(let name)?: what = Message(.linkedHasNoOutcome, name)
        default: what = Message(.linkedHasNoTotal)
        }
        return error(
          Message(.linkedSubjectLacks, subject.id, link.packID, what, input.label, input.id, link.id), input: input.id)
      }
      guard let aggregate = field.aggregate else {
        let value = read(joined[0])
        if value == nil, input.required { return .failure(missing(joined[0])) }
        values.append((field.input, value))
        continue
      }
      switch aggregate {
      case .count, .share:
        var counted = 0
        for subject in joined {
          let value = read(subject)
          let hit: Bool
          switch (field.field, value) {
          case (nil, _): hit = true
          case (.label?, .boolean(let flag)?): hit = flag
          case (.grade?, .text(let grade)?): hit = field.grades?.contains(grade) ?? false
          case (_, .number(let number)?): hit = field.atLeast.map { number >= $0 } ?? true
          case (_, nil): hit = false
          default: hit = false
          }
          if hit { counted += 1 }
        }
        if aggregate == .count {
          values.append((field.input, .number(ExactDecimal(counted))))
        } else {
          guard let share = try? ExactDecimal(counted).dividing(by: ExactDecimal(joined.count)) else {
            return .failure(error(Message(.linkShareNotExact, counted, joined.count), input: input.id))
          }
          values.append((field.input, .number(share)))
        }
      case .average, .sum, .min, .max:
        var numbers: [ExactDecimal] = []
        for subject in joined {
          guard case .number(let number)? = read(subject) else { return .failure(missing(subject)) }
          numbers.append(number)
        }
        var result = numbers[0]
        do throws(ArithmeticError) {
          switch aggregate {
          case .min: result = numbers.min()!
          case .max: result = numbers.max()!
          default:
            result = .zero
            for number in numbers { result = try result.adding(number) }
            if aggregate == .average { result = try result.dividing(by: ExactDecimal(numbers.count)) }
          }
        } catch {
          return .failure(
            LinkFill.error(
              Message(.linkAggregateNotExact, aggregate.rawValue, numbers.count, error.reasonMessage), input: input.id))
        }
        values.append((field.input, .number(result)))
      }
    }
    return .success(values)
  }

  /// Reads `link`'s fields from `joined` into `scorer`'s input slots, checked as any input's value; the subject's
  /// error, or nil.
  static func set(_ link: CompiledLink, joined: [LinkedSubject], version: String, into scorer: PackScorer) -> AssessmentError? {
    let inputs = scorer.plan.program.inputs
    switch values(link, joined: joined, inputs: inputs) {
    case .failure(let failure): return failure
    case .success(let values):
      for (index, value) in values {
        let declaration = inputs[index].declaration
        if scorer.given[index] {
          return error(
            Message(.linkInputGivenInData, declaration.label, declaration.id, link.packID, link.id), input: declaration.id)
        }
        guard let value else { continue }
        switch InputCoercion.slotValue(value, for: declaration) {
        case .success(let slotValue):
          scorer.setInputUnchecked(index, slot: inputs[index].slot, slotValue)
          if let field = link.fields.first(where: { $0.input == index }) {
            scorer.linkedSources[index] = LinkedSource(link, field, version: version, subjects: joined)
          }
        case .failure(let failure):
          return error(
            Message(.linkedValueProblem, failure.detail, LinkFill.list(joined.map(\.id)), link.packID, link.id),
            input: declaration.id)
        }
      }
      return nil
    }
  }
}

extension PackLibrary {
  /// The packs `pack` reads through its links (`links`) — and those they read in turn — found in this library, in
  /// the order to score them: each pack after the packs it reads. Each link takes the newest version of its pack that
  /// meets the link's version requirement.
  ///
  /// - Throws: every problem, located at the link in its pack's file: a pack the library does not hold, no version
  ///   meeting a requirement, links that form a cycle.
  public func linkedPacks(of pack: RulePack) throws(PackLoadError) -> [RulePack] {
    var found: [String: RulePack] = [:]
    var problems: [PackProblem] = []
    var pending = [pack]
    while let next = pending.popLast() {
      for link in next.program.links where found[link.packID] == nil && link.packID != pack.metadata.id {
        let versions = versions(of: link.packID)
        guard let chosen = versions.last(where: { link.version?.admits($0.metadata.version) ?? true }) else {
          let message =
            versions.isEmpty
            ? Message(
              .linkPackNotInLibrary, link.id, link.packID, Spelling.didYouMeanMessage(link.packID, among: packs.map(\.metadata.id)))
            : Message(
              .linkLibraryVersionNotMet, link.id, link.packID, link.version?.description ?? "",
              MessageArgument.list(versions.map(\.metadata.version)))
          problems.append(
            PackProblem(
              file: next.file, pointer: link.pointer.appending(versions.isEmpty ? "pack" : "version"),
              location: versions.isEmpty ? link.packLocation : link.versionLocation, detail: message))
          continue
        }
        found[link.packID] = chosen
        pending.append(chosen)
      }
    }
    if !problems.isEmpty { throw PackLoadError(problems: problems) }
    return try Self.scoringOrder(of: pack, linked: Array(found.values))
  }

  /// The packs of `linked` that `pack` reads through its links (and those they read in turn), in the order to score
  /// them: each pack after the packs it reads (`pack` itself is not among them). Give each one's results, as a
  /// ``LinkedResults``, to the batches of the packs that read it.
  ///
  /// - Throws: every problem, located at the link in its pack's file (a JSON pointer such as `/links/0/pack`): a
  ///   pack no link can find among `linked`, links that form a cycle (a pack reading its own results, directly or
  ///   through others), one id given twice.
  public static func scoringOrder(of pack: RulePack, linked: [RulePack]) throws(PackLoadError) -> [RulePack] {
    var problems: [PackProblem] = []
    var byID: [String: RulePack] = [:]
    for other in linked {
      if let earlier = byID[other.metadata.id] {
        problems.append(
          PackProblem(file: other.file, detail: Message(.linkedPackGivenTwice, other.metadata.id, earlier.file, other.file)))
      }
      byID[other.metadata.id] = other
    }
    byID[pack.metadata.id] = pack
    var order: [RulePack] = []
    var done: Set<String> = []
    var path: [String] = []
    func visit(_ current: RulePack) {
      path.append(current.metadata.id)
      defer { path.removeLast() }
      for (number, link) in current.program.links.enumerated() {
        let place = link.pointer.appending("pack")
        if let start = path.firstIndex(of: link.packID) {
          let cycle = (path[start...] + [link.packID]).joined(separator: " → ")
          problems.append(
            PackProblem(
              file: current.file, pointer: place, location: link.packLocation,
              detail: Message(.linkCycle, cycle, link.id, number)))
          continue
        }
        if done.contains(link.packID) { continue }
        guard let next = byID[link.packID] else {
          let given = linked.map { "\($0.metadata.id) \($0.metadata.version)" }
          problems.append(
            PackProblem(
              file: current.file, pointer: place, location: link.packLocation,
              detail: Message(
                .linkedPackNotGiven, link.id, link.packID, LinkFill.given(given),
                Spelling.didYouMeanMessage(link.packID, among: byID.keys))))
          continue
        }
        visit(next)
        if !done.contains(link.packID) {
          done.insert(link.packID)
          order.append(next)
        }
      }
    }
    visit(pack)
    if !problems.isEmpty { throw PackLoadError(problems: problems) }
    return order
  }
}
