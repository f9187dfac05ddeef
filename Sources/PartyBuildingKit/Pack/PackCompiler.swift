/// Reads a rule pack's JSON, checks it, and compiles it; collects every problem rather than stopping at the first.
struct PackCompiler {
  static let supportedFormatVersion = 1

  let sink: ProblemSink
  var metadata = PackMetadata()
  var exampleValues: [ExampleValueNote] = []
  var symbols: [FormulaSymbol] = []
  var symbolLabels: [String] = []
  var symbolPointers: [String: JSONPointer] = [:]
  var inputs: [CompiledInput] = []
  var values: [CompiledValue] = []
  var components: [CompiledComponent] = []
  var sections: [CompiledSection] = []
  var vetoes: [CompiledVeto] = []
  var bands: [CompiledBand] = []
  var stars: CompiledStars?
  var consequences: [CompiledConsequence] = []
  var cohort: CompiledCohort?
  var ballots: CompiledBallots?
  var periods: [CompiledPeriod] = []
  var ledger: CompiledLedger?
  /// Inputs given in parts (ballot counts per choice, period values): the group id and its part names.
  /// The parts are ordinary inputs named "group:part".
  var inputGroups: [String: [String]] = [:]
  var notApplicableByValue: [[Int]] = []
  var notApplicableByComponent: [[Int]] = []
  var precision = 2
  /// Decimal places component and section scores are shown with (`displayPlaces`); nil: the total's + 2.
  var displayPlaces: Int?
  var rounding = RoundingRule.halfUp
  var fullMarks = ExactDecimal(100)
  var tests: [Node] = []
  var pendingSectionNodes: [String: Node] = [:]
  var pendingVetoGrades: [(veto: Int, grade: String, node: Node, cap: Bool)] = []
  /// `setStars` vetoes, checked once the star levels are read.
  var pendingStarVetoes: [(veto: Int, stars: Int, node: Node)] = []
  var highestTotal = ExactDecimal.zero
  var totalSlot = 0
  var gradeSlot = 0
  var starsSlot = 0
  var rootNode: Node
  /// The host functions the pack requires, with what the host provides (nil: it requires none).
  var hostFunctions: HostFunctionTable?
  /// What the program loading the pack provides.
  let provided: HostFunctions

  init(sink: ProblemSink, root: Node, provided: HostFunctions = .none) {
    self.sink = sink
    self.rootNode = root
    self.provided = provided
  }

  // MARK: - Names and formulas

  /// Adds a name formulas can use; reports a clash with an earlier one.
  mutating func declare(
    _ id: String, label: String, type: FormulaType, range: ClosedRange<ExactDecimal>?, choices: [String]? = nil,
    places: Int? = nil, at node: Node
  ) -> Int {
    if let earlier = symbolPointers[id] {
      node.error("the id '\(id)' is already used at \(earlier); every id in a pack must be different")
    }
    if id.isEmpty || id.contains("]") {
      node.error("an id must not be empty or contain ']'; formulas write an id with punctuation in brackets, e.g. [村(社区)得分]")
    }
    if hostFunctions?.declarations.contains(where: { $0.name == id }) == true {
      node.error("the id '\(id)' is also the name of a host function in 'requires'; give them different names")
    }
    symbolPointers[id] = node.pointer
    let slot = symbols.count
    symbols.append(FormulaSymbol(name: id, type: type, slot: slot, range: range, choices: choices, places: places))
    symbolLabels.append(label)
    return slot
  }

  func scope(upTo slotCount: Int, plus extra: [Int] = []) -> FormulaScope {
    FormulaScope(Array(symbols[0..<slotCount]) + extra.map { symbols[$0] }, table: hostFunctions)
  }

  /// Compiles a formula, reporting its problems at their place in the file, and its warnings (exact results that
  /// could need more digits than a value holds) as warnings.
  func compile(_ source: FormulaSource, in scope: FormulaScope, expecting type: FormulaType, what: String)
    -> Formula?
  {
    switch Formula.compile(source.text, in: scope, expecting: type) {
    case .success(let formula):
      for warning in formula.warnings {
        let location = source.location(ofOffset: warning.offset)
        sink.warning(
          "\(warning.message) (in \(what))", at: source.pointer, location,
          snippet: sink.snippet(line: location.line, column: location.column, length: warning.length))
      }
      return formula
    case .failure(let diagnostics):
      for diagnostic in diagnostics {
        let location = source.location(ofOffset: diagnostic.offset)
        sink.error(
          "\(diagnostic.message) (in \(what))", at: source.pointer, location,
          snippet: sink.snippet(line: location.line, column: location.column, length: diagnostic.length))
      }
      return nil
    }
  }

  func requiredFormula(
    _ object: ObjectNode, _ key: String, in scope: FormulaScope, type: FormulaType, what: String, hint: String
  ) -> Formula? {
    guard let source = object.formula(key) else {
      if !object.has(key) { object.missing(key, hint) }
      return nil
    }
    return compile(source, in: scope, expecting: type, what: what)
  }

  func facts(of formulas: [Formula?]) -> [Int] {
    var slots: [Int] = []
    for formula in formulas.compactMap({ $0 }) {
      for name in formula.references {
        if let slot = symbols.firstIndex(where: { $0.name == name }), !slots.contains(slot) { slots.append(slot) }
      }
    }
    return slots
  }

  mutating func noteExample(_ object: ObjectNode) {
    guard let node = object["exampleValue"] else { return }
    guard let text = node.string("'exampleValue'") else { return }
    exampleValues.append(ExampleValueNote(pointer: object.pointer, location: object.location, note: text))
  }
}

/// What a pack says about itself.
public struct PackMetadata: Sendable, Hashable, Codable {
  public var formatVersion = 1
  public var id = ""
  public var version = ""
  public var title = ""
  public var description = ""
  /// The document the pack encodes, e.g. 《达州市基层党建质效考评暂行办法》.
  public var sourceDocument = ""
  /// Who issued the document.
  public var sourceIssuer = ""
  /// The passage of the source the pack follows, quoted.
  public var sourceExcerpt = ""
  /// Where the source can be read.
  public var sourceURL = ""
  /// The first day the pack applies, as written (YYYY-MM-DD).
  public var effectiveFrom = ""
  /// The last day the pack applies, as written (YYYY-MM-DD), or empty when open-ended.
  public var effectiveUntil = ""
  /// The kinds of subject the pack assesses (e.g. 书记, 嘎查村党组织).
  public var subjectKinds: [String] = []
}

/// A value in a pack marked as an example, to be replaced by the real document's value.
public struct ExampleValueNote: Sendable, Hashable {
  public var pointer: JSONPointer
  public var location: SourceLocation
  /// Why it is an example, e.g. "原文未给出分值，此为示例值".
  public var note: String
}
