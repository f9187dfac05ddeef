/// Reads a rule pack's JSON, checks it, and compiles it; collects every problem rather than stopping at the first.
struct PackCompiler {
  static let supportedFormatVersion = 1

  let sink: ProblemSink
  var metadata = PackMetadata()
  var exampleValues: [ExampleValueNote] = []
  var symbols: [FormulaSymbol] = []
  var symbolLabels: [String] = []
  var symbolPointers: [String: JSONPointer] = [:]
  /// The slot of each name (the first, when an id is declared twice): finding a name's slot is one look-up.
  var slotByName: [String: Int] = [:]
  var inputs: [CompiledInput] = []
  var values: [CompiledValue] = []
  var components: [CompiledComponent] = []
  var sections: [CompiledSection] = []
  var vetoes: [CompiledVeto] = []
  var bands: [CompiledBand] = []
  var stars: CompiledStars?
  var consequences: [CompiledConsequence] = []
  var cohort: CompiledCohort?
  var outcomes: [CompiledValue] = []
  var checks: [CompiledCheck] = []
  var ballots: CompiledBallots?
  var periods: [CompiledPeriod] = []
  var ledger: CompiledLedger?
  var links: [CompiledLink] = []
  var previous: CompiledPrevious?
  /// Inputs given in parts (ballot counts per choice, period values): the group id and its part names.
  /// The parts are ordinary inputs named "group:part".
  var inputGroups: [String: [String]] = [:]
  var notApplicableByValue: [[Int]] = []
  var notApplicableByComponent: [[Int]] = []
  /// The inputs that apply only to a class of subject (`appliesTo`).
  var classInputIDs: Set<String> = []
  var precision = 2
  /// Decimal places component and section scores are shown with (`displayPlaces`); nil: the total's + 2.
  var displayPlaces: Int?
  var rounding = RoundingRule.halfUp
  var fullMarks = ExactDecimal(100)
  var tests: [Node] = []
  /// The keys a test's inputs may have (every input id and input group), worked out once for all tests.
  var allowedTestInputKeys: [String] = []
  /// Where each section's id is written (parallel to `sections`), for problems found when it is declared.
  var sectionIDNodes: [Node] = []
  /// Grades named by capGrade/setGrade vetoes, resolved once the bands are read; `veto` is nil when the veto itself
  /// could not be compiled (the name is still checked).
  var pendingVetoGrades: [(veto: Int?, grade: String, node: Node, cap: Bool)] = []
  /// `setStars` vetoes, checked once the star levels are read.
  var pendingStarVetoes: [(stars: Int, node: Node)] = []
  /// Set when a star level could not be read: star levels named elsewhere are not checked against the list.
  var starLevelsUnknown = false
  var highestTotal = ExactDecimal.zero
  /// Whether a bonus without a cap has no bound, so the total has no highest value.
  var unboundedTotal = false
  /// The lowest total the components' floors allow (below 0 only when a section's floor is), and the sections whose
  /// floors are below 0, for the check that the lowest band reaches it.
  var lowestTotal = ExactDecimal.zero
  var negativeFloors: [(id: String, floor: ExactDecimal)] = []
  var totalSlot = 0
  var gradeSlot = 0
  var starsSlot = 0
  var gradeByScoreSlot = 0
  var totalByScoreSlot = 0
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

  /// The most names a pack may declare: inputs (with every ballot count and period part), values, sections,
  /// components and the few result names together. The largest shipped pack declares about 100; the limit keeps a
  /// pack whose ballots multiply items by choices by rater groups from taking unbounded time and memory to load.
  static let maximumNames = 10_000

  /// Whether the pack has declared more names than it may (reported once, by `declare`); readers that declare names
  /// in loops stop there.
  var namesExhausted: Bool { symbols.count > Self.maximumNames }

  /// Adds a name formulas can use; reports a clash with an earlier one. A range whose ends are out of order (a
  /// problem reported where the ends are read) leaves the name unknown rather than trapping.
  mutating func declare(
    _ id: String, label: String, type: FormulaType, range: (low: ExactDecimal, high: ExactDecimal)?,
    choices: [String]? = nil, places: Int? = nil, at node: Node
  ) -> Int {
    if symbols.count == Self.maximumNames {
      node.error(Message(.packDeclaresTooManyNames, Self.maximumNames, Self.maximumNames)
      )
    }
    if let earlier = symbolPointers[id] {
      node.error(Message(.idAlreadyUsed, id, earlier))
    }
    if id.isEmpty || id.contains("]") {
      node.error(Message(.idEmptyOrBracket))
    }
    if hostFunctions?.declarations.contains(where: { $0.name == id }) == true {
      node.error(Message(.idIsHostFunction, id))
    }
    symbolPointers[id] = node.pointer
    let slot = symbols.count
    if slotByName[id] == nil { slotByName[id] = slot }
    var bounds: ClosedRange<ExactDecimal>?
    if let range {
      if range.low <= range.high { bounds = range.low...range.high } else { sink.markUnknown(.name(id)) }
    }
    symbols.append(FormulaSymbol(name: id, type: type, slot: slot, range: bounds, choices: choices, places: places))
    symbolLabels.append(label)
    return slot
  }

  func scope(upTo slotCount: Int, plus extra: [Int] = []) -> FormulaScope {
    FormulaScope(Array(symbols[0..<slotCount]) + extra.map { symbols[$0] }, table: hostFunctions)
  }

  /// Compiles a formula, reporting its problems at their place in the file, and its warnings (exact results that
  /// could need more digits than a value holds) as warnings.
  ///
  /// A formula that uses a name left unknown by an earlier problem gives nil without a message of its own (that
  /// problem is the one to fix); its caller treats it as failed, and leaves unknown what it defines in turn.
  /// `what` worded in English only (listed by `MessageCatalogTests`).
  func compile(_ source: FormulaSource, in scope: FormulaScope, expecting type: FormulaType?, what: String)
    -> Formula?
  {
    compile(source, in: scope, expecting: type, what: Message.untranslated(what))  // English-only entry point
  }

  func compile(_ source: FormulaSource, in scope: FormulaScope, expecting type: FormulaType?, what: Message)
    -> Formula?
  {
    switch Formula.compile(source.text, in: scope, expecting: type) {
    case .success(let formula):
      if sink.usesUnknown(formula.references) { return nil }
      // The formula language leaves a division by 0 to fail when it is reached; in a pack it is always a mistake.
      if let division = formula.divisionsByPossibleZero.first(where: \.alwaysZero) {
        let location = source.location(ofOffset: division.divisorOffset)
        sink.error(
          Message(.divisionByAlwaysZero, division.divisor, division.division, what),
          at: source.pointer, location,
          snippet: sink.snippet(line: location.line, column: location.column, length: division.divisorLength))
        return nil
      }
      for warning in formula.warnings {
        let location = source.location(ofOffset: warning.offset)
        sink.warning(
          Message(.formulaProblemIn, warning.detail, what), at: source.pointer, location,
          snippet: sink.snippet(line: location.line, column: location.column, length: warning.length))
      }
      return formula
    case .failure(let diagnostics):
      if !sink.unknown.isEmpty, let names = Formula.names(in: source.text), sink.usesUnknown(names) { return nil }
      for diagnostic in diagnostics {
        let location = source.location(ofOffset: diagnostic.offset)
        sink.error(
          Message(.formulaProblemIn, diagnostic.detail, what), at: source.pointer, location,
          snippet: sink.snippet(line: location.line, column: location.column, length: diagnostic.length))
      }
      return nil
    }
  }

  /// `what` and `hint` worded in English only (listed by `MessageCatalogTests`).
  func requiredFormula(
    _ object: ObjectNode, _ key: String, in scope: FormulaScope, type: FormulaType, what: String, hint: String
  ) -> Formula? {
    requiredFormula(object, key, in: scope, type: type, what: Message.untranslated(what), hint: Message.untranslated(hint))  // English-only entry point
  }

  func requiredFormula(
    _ object: ObjectNode, _ key: String, in scope: FormulaScope, type: FormulaType, what: Message, hint: Message
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
        if let slot = slotByName[name], !slots.contains(slot) { slots.append(slot) }
      }
    }
    return slots
  }

  mutating func noteExample(_ object: ObjectNode) {
    guard let node = object["exampleValue"] else { return }
    guard let text = node.string(.quoted("exampleValue")) else { return }
    exampleValues.append(ExampleValueNote(pointer: object.pointer, location: object.location, note: text))
  }
}

/// What a pack says about itself.
public struct PackMetadata: Sendable, Hashable, Codable {
  /// The version of the pack format the pack is written in (`formatVersion`).
  ///
  /// This library reads format version 1; a pack written in a later format fails to load, with a message to update
  /// PartyBuildingKit to read it.
  public var formatVersion = 1
  /// The pack's id (`id`), e.g. `dazhou-secretary`: lowercase letters, digits, `-`, `_` and `.`.
  ///
  /// It is ``SchemeInfo/id`` and every result's ``Assessment/schemeID``; ``PackLibrary`` finds packs by it, with
  /// ``version``.
  public var id = ""
  /// The pack's own version (`version`), e.g. `1.0.0`.
  ///
  /// ``PackLibrary`` holds several versions of one id, each in force on its own days (``effectiveFrom`` …
  /// ``effectiveUntil``).
  public var version = ""
  /// The title a person reads (`title`), e.g. 达州市基层党组织书记党建工作年度考评.
  public var title = ""
  /// What the pack assesses and how, in a paragraph for people (`description`); empty when the pack gives none.
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
  /// Where the example value is, as a JSON pointer into the pack, e.g. `/inputs/6`.
  public var pointer: JSONPointer
  /// The line and column in the pack file where the object holding the example value starts.
  public var location: SourceLocation
  /// Why it is an example, e.g. "原文未给出分值，此为示例值".
  public var note: String
}
