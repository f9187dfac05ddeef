/// `links`: results of other packs read as this pack's inputs (关联考核). A link names the pack it reads (by id, with
/// an optional version requirement), how a subject finds its linked subject(s) (`join`), and which of their results
/// fill which of this pack's inputs (`fields`). The inputs are declared in `inputs` as any other, so their type, range
/// and missing-value policy are checked as always; the linked values fill their slots before the kernel runs.
extension PackCompiler {
  static let linkKeys = ["id", "label", "pack", "version", "join", "fields", "note"]
  static let linkJoinKeys = ["subject", "linked", "note"]
  static let linkFieldKeys = ["input", "field", "name", "aggregate", "grades", "atLeast", "note"]

  mutating func readLinks(_ nodes: [Node]) {
    var linkIDs: [String: JSONPointer] = [:]
    var linkedInputs: [Int: JSONPointer] = [:]
    for node in nodes {
      guard let object = node.object(Message(.whatLink), keys: Self.linkKeys) else { continue }
      guard let id = object.requiredString("id", Message(.hintLinkID)) else { continue }
      if let earlier = linkIDs[id] {
        object["id"]?.error(.linkIDAlreadyUsed, id, earlier)
      }
      linkIDs[id] = object.pointer
      let label = object.string("label") ?? id
      guard let packID = object.requiredString("pack", Message(.hintLinkPack))
      else { continue }
      if packID == metadata.id {
        object["pack"]?.error(.linkReadsItsOwnPack, id, packID)
      }
      var requirement: VersionRequirement?
      if let versionNode = object["version"], let text = versionNode.string(.quoted("version")) {
        requirement = VersionRequirement(text)
        if requirement == nil {
          versionNode.error(.notAVersionRequirement, text)
        }
      }
      var subjectKey = LinkKey.parent
      var linkedKey = LinkKey.id
      if let joinNode = object["join"] {
        if let join = joinNode.object(Message(.whatLinkJoin), keys: Self.linkJoinKeys) {
          if let text = join.requiredString("subject", Message(.hintJoinSubject)) {
            subjectKey = LinkKey(text)
          }
          if let text = join.string("linked") { linkedKey = LinkKey(text) }
        }
      } else {
        object.missing("join", .hintLinkJoin)
      }
      var fields: [CompiledLinkField] = []
      var aggregated: [Bool] = []
      for fieldNode in object.array("fields") ?? [] {
        guard let field = readLinkField(fieldNode, linkID: id, linkedInputs: &linkedInputs) else { continue }
        fields.append(field)
        aggregated.append(field.aggregate != nil)
      }
      if !object.has("fields") {
        object.missing("fields", .hintLinkFields)
      } else if fields.isEmpty, object.array("fields")?.isEmpty == true {
        object["fields"]?.error(.linkReadsNoField, id)
      }
      let many = aggregated.contains(true)
      if many, aggregated.contains(false) {
        object["fields"]?.error(.linkMixesAggregates, id)
      }
      links.append(
        CompiledLink(
          id: id, label: label, packID: packID, version: requirement, subjectKey: subjectKey, linkedKey: linkedKey,
          many: many, fields: fields, pointer: object.pointer, location: object.location,
          packLocation: object["pack"]?.location ?? object.location,
          versionLocation: object["version"]?.location ?? object.location))
    }
  }

  private mutating func readLinkField(_ node: Node, linkID: String, linkedInputs: inout [Int: JSONPointer]) -> CompiledLinkField? {
    guard let object = node.object(Message(.whatLinkField), keys: Self.linkFieldKeys) else { return nil }
    guard let inputID = object.requiredString("input", Message(.hintLinkFieldInput)) else { return nil }
    guard let index = inputs.firstIndex(where: { $0.declaration.id == inputID }) else {
      object["input"]?.error(
        .linkInputNotDeclared, inputID, Spelling.didYouMeanMessage(inputID, among: inputs.map(\.declaration.id)))
      return nil
    }
    if let earlier = linkedInputs[index] {
      object["input"]?.error(.linkInputFilledTwice, inputID, earlier)
    }
    linkedInputs[index] = object.pointer
    let declaration = inputs[index].declaration
    var aggregate: LinkAggregate?
    if let text = object.string("aggregate") {
      aggregate = LinkAggregate(rawValue: text)
      if aggregate == nil {
        let names = LinkAggregate.allCases.map(\.rawValue)
        object["aggregate"]?.error(
          .unknownAggregate, text, Spelling.didYouMeanMessage(text, among: names), MessageArgument.list(names))
        return nil
      }
    }
    let fieldText = object.string("field")
    var field: LinkField?
    if let fieldText {
      switch fieldText {
      case "total": field = .total
      case "grade": field = .grade
      case "stars": field = .stars
      case "label", "outcome":
        guard let name = object.requiredString("name", Message(fieldText == "label" ? .hintLinkLabelName : .hintLinkOutcomeName))
        else { return nil }
        field = fieldText == "label" ? .label(name) : .outcome(name)
      default:
        object["field"]?.error(
          .unknownLinkField, fieldText, Spelling.didYouMeanMessage(fieldText, among: ["total", "grade", "stars", "label", "outcome"]))
        return nil
      }
    } else if aggregate != .count {
      object.missing("field", .hintLinkFieldField)
      return nil
    }
    if object.has("name"), field != nil, !(fieldText == "label" || fieldText == "outcome") {
      object["name"]?.error(.linkNameOnlyLabelOutcome)
    }
    let grades = object.array("grades")?.compactMap { $0.string(Message(.whatGrade)) }
    let atLeast = object.decimal("atLeast")
    let counts = aggregate == .count || aggregate == .share
    if grades != nil, !(counts && fieldText == "grade") {
      object["grades"]?.error(.linkGradesMisplaced)
    }
    if atLeast != nil, !(counts && (fieldText == "total" || fieldText == "stars" || fieldText == "outcome")) {
      object["atLeast"]?.error(.linkAtLeastMisplaced)
    }
    if counts, fieldText == "grade", grades == nil {
      object.missing("grades", .hintLinkGrades)
    }
    if counts, fieldText != nil, fieldText != "grade", fieldText != "label", atLeast == nil {
      object.missing("atLeast", .hintLinkAtLeast)
    }
    // The input's type must hold the value read.
    let needed: (types: [InputDeclaration.ValueType], words: MessageKey)
    switch (aggregate, field) {
    case (.count?, _): needed = ([.integer, .number], .linkReadsCount)
    case (.share?, _): needed = ([.number], .linkReadsShare)
    case (.some, .grade?), (.some, .label?):
      object["aggregate"]?.error(.linkAggregateNeedsNumber, aggregate!.rawValue)
      return nil
    case (.some, _): needed = ([.number], .linkReadsNumber)
    case (nil, .total?), (nil, .outcome?): needed = ([.number], .linkReadsNumber)
    case (nil, .stars?): needed = ([.integer, .number], .linkReadsInteger)
    case (nil, .grade?): needed = ([.choice], .linkReadsGrade)
    case (nil, .label?): needed = ([.boolean], .linkReadsLabel)
    case (nil, nil): return nil
    }
    if !needed.types.contains(declaration.type) {
      object["input"]?.error(.linkInputWrongType, inputID, declaration.type.rawValue, Message(needed.words))
      return nil
    }
    return CompiledLinkField(
      input: index, field: field, aggregate: aggregate, grades: grades, atLeast: atLeast, pointer: object.pointer,
      location: object.location)
  }
}

/// What of a subject a join compares: its id, its parent, or one of its attributes.
enum LinkKey: Sendable, Hashable, CustomStringConvertible {
  case id, parent
  case attribute(String)

  init(_ text: String) {
    switch text {
    case "id": self = .id
    case "parent": self = .parent
    default: self = .attribute(text)
    }
  }

  var description: String {
    switch self {
    case .id: "id"
    case .parent: "parent"
    case .attribute(let name): name
    }
  }
}

/// A result of a linked subject read into an input.
enum LinkField: Sendable, Hashable {
  case total, grade, stars
  case label(String)
  case outcome(String)
}

/// How the values of many joined subjects become one input.
enum LinkAggregate: String, Sendable, CaseIterable {
  case average, sum, min, max, count, share
}

/// One field of a link: which result fills which input.
struct CompiledLinkField: Sendable {
  /// The input's number (declared order).
  var input: Int
  /// The result read; nil for a plain count of the joined subjects.
  var field: LinkField?
  var aggregate: LinkAggregate?
  /// For count/share of grades: the grades counted.
  var grades: [String]?
  /// For count/share of a number: the least value counted.
  var atLeast: ExactDecimal?
  var pointer: JSONPointer
  var location: SourceLocation
}

/// A link as compiled: the pack read, the join, and the fields.
struct CompiledLink: Sendable {
  var id: String
  var label: String
  var packID: String
  var version: VersionRequirement?
  var subjectKey: LinkKey
  var linkedKey: LinkKey
  /// Whether the link aggregates over all the subjects it joins (every field has `aggregate`).
  var many: Bool
  var fields: [CompiledLinkField]
  var pointer: JSONPointer
  var location: SourceLocation
  /// Where the linked pack's id and the version requirement are written, for problems found when results are given.
  var packLocation: SourceLocation
  var versionLocation: SourceLocation
}

/// A declared version requirement: `1.2.0` (exactly) or comparisons such as `>=1.0.0 <2.0.0`.
struct VersionRequirement: Sendable, Hashable, CustomStringConvertible {
  enum Comparison: String, Sendable, CaseIterable { case atLeast = ">=", above = ">", atMost = "<=", below = "<", exactly = "=" }
  var terms: [(comparison: Comparison, version: String)]
  let description: String

  init?(_ text: String) {
    description = text.trimmingSpaces
    terms = []
    for part in text.split(separator: " ").map(String.init) where !part.isEmpty {
      // Longest operator first: ">=" before ">".
      let comparison = [Comparison.atLeast, .atMost, .above, .below, .exactly].first { part.hasPrefix($0.rawValue) }
      let version = String(part.dropFirst(comparison?.rawValue.count ?? 0))
      guard !version.isEmpty, version.first!.isNumber else { return nil }
      terms.append((comparison ?? .exactly, version))
    }
    if terms.isEmpty { return nil }
  }

  /// Whether `version` meets every comparison.
  func admits(_ version: String) -> Bool {
    let given = Version(version)
    return terms.allSatisfy { term in
      let wanted = Version(term.version)
      switch term.comparison {
      case .atLeast: return !(given < wanted)
      case .above: return wanted < given
      case .atMost: return !(wanted < given)
      case .below: return given < wanted
      case .exactly: return !(given < wanted) && !(wanted < given)
      }
    }
  }

  static func == (a: VersionRequirement, b: VersionRequirement) -> Bool { a.description == b.description }
  func hash(into hasher: inout Hasher) { hasher.combine(description) }
}
