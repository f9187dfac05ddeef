#if canImport(FoundationEssentials)
  internal import FoundationEssentials
#else
  internal import Foundation
#endif

/// A declarative assessment scheme loaded from a JSON rule pack, compiled once and evaluated many times.
public struct RulePack: AssessmentScheme {
  /// What the pack says about itself.
  public let metadata: PackMetadata
  /// The pack as a scheme: its id, version, title and declared inputs (``AssessmentScheme/info``).
  public let info: SchemeInfo
  /// The file it was loaded from, as named by the caller.
  public let file: String
  /// Values the pack marks as examples, to be replaced by the real document's.
  public let exampleValues: [ExampleValueNote]
  /// What loading found worth saying that does not stop the pack from loading, each with its place: for now,
  /// formulas whose exact results could need more digits than a value holds for some allowed inputs (see
  /// ``Formula/warnings``). `pbk validate` prints them.
  public let warnings: [PackProblem]
  /// The embedded test cases.
  public let tests: [PackTestCase]
  /// Decimal places of the total (pack key `precision`), rounded by ``rounding``.
  public var precision: Int { program.precision }
  /// How the total is rounded to ``precision`` places (pack key `rounding`; 四舍五入 ``RoundingRule/halfUp`` unless the
  /// pack says otherwise). Component scores are rounded the same way when a component declares its own `precision`.
  public var rounding: RoundingRule { program.rounding }
  /// Decimal places component and section scores are shown with in results people read (CSV, tables, sheets; pack
  /// key `displayPlaces`, by default the total's precision + 2), rounded by ``rounding``. JSON and the library keep
  /// the full value: a sum of quotients such as 90.48000000000008 reads 90.48.
  public let displayPlaces: Int
  /// The full marks of the total (满分, without bonuses).
  public var fullMarks: ExactDecimal { program.fullMarks }
  /// The highest total reachable, bonuses included.
  public let highestTotal: ExactDecimal
  /// The grades, best first.
  public var grades: [String] { program.bands.map(\.grade) }
  /// The host functions the pack calls, as it declares them in `"requires"` (see ``HostFunction``).
  public var requiredFunctions: [HostFunctionDeclaration] { program.hostFunctions?.declarations ?? [] }

  /// The compiled pack laid out for scoring: shared read-only by every thread that scores with it.
  let plan: ScoringPlan
  /// The compiled pack: ids, labels and words of everything the plan scores.
  var program: PackProgram { plan.program }
  /// Whether every assessment also carries ``Assessment/whatItTakes`` (off by default: it scores each subject
  /// many times).
  public var findsWhatItTakes = false

  /// Loads and compiles a pack file; every problem found is in the thrown error.
  ///
  /// - Parameters:
  ///   - path: the pack file; messages name it as given.
  ///   - functions: the host functions the program provides (see ``HostFunction``); a pack that calls one
  ///     not provided fails to load, naming it. ``HostFunctions/declarationsOnly`` checks and tests such a pack
  ///     without them.
  /// - Throws: ``PackLoadError`` with every problem found: the file cannot be read, is not JSON, or breaks a rule.
  public static func load(path: String, functions: HostFunctions = .none) throws(PackLoadError) -> RulePack {
    let bytes: [UInt8]
    do {
      bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
    } catch {
      throw PackLoadError(problems: [
        PackProblem(file: path, message: "cannot read the file: \(Self.reason(error)); check the path")
      ])
    }
    return try load(bytes: bytes, file: path, functions: functions)
  }

  /// Loads and compiles a pack from its JSON text; `file` names it in messages.
  public static func load(
    json: String, file: String = "pack.json", functions: HostFunctions = .none
  ) throws(PackLoadError) -> RulePack {
    try load(bytes: Array(json.utf8), file: file, functions: functions)
  }

  /// Loads and compiles a pack from the bytes of its JSON (UTF-8); `file` names it in messages.
  public static func load(
    bytes: [UInt8], file: String, functions: HostFunctions = .none
  ) throws(PackLoadError) -> RulePack {
    let text = String(decoding: bytes, as: UTF8.self)
    let sink = ProblemSink(file: file, text: text)
    let root: JSONValue
    do {
      root = try JSONParser.parse(bytes)
    } catch {
      sink.error(
        error.message, at: nil, error.location,
        snippet: sink.snippet(line: error.location.line, column: error.location.column, length: 1))
      throw PackLoadError(problems: sink.problems)
    }
    let rootNode = Node(value: root, pointer: .root, sink: sink)
    var compiler = PackCompiler(sink: sink, root: rootNode, provided: functions)
    compiler.read(rootNode)
    let tests = compiler.readTests()
    if sink.hasErrors { throw PackLoadError(problems: sink.problems) }
    return RulePack(compiler: compiler, tests: tests, file: file, warnings: sink.problems.filter { $0.severity == .warning })
  }

  static func reason(_ error: any Error) -> String {
    let text = "\(error)"
    if text.contains("NoSuchFile") || text.contains("No such file") || text.contains("error 4") { return "no such file" }
    return text
  }

  init(compiler: PackCompiler, tests: [PackTestCase], file: String, warnings: [PackProblem] = []) {
    self.warnings = warnings
    displayPlaces = compiler.displayPlaces ?? compiler.precision + 2
    metadata = compiler.metadata
    info = SchemeInfo(
      id: compiler.metadata.id, version: compiler.metadata.version, title: compiler.metadata.title,
      inputs: compiler.inputs.map(\.declaration))
    self.file = file
    exampleValues = compiler.exampleValues
    self.tests = tests
    highestTotal = compiler.highestTotal
    var program = PackProgram(
      inputs: compiler.inputs, values: compiler.values, components: compiler.components, sections: compiler.sections,
      vetoes: compiler.vetoes, bands: compiler.bands, stars: compiler.stars, consequences: compiler.consequences, cohort: compiler.cohort,
      notApplicableByValue: compiler.notApplicableByValue, notApplicableByComponent: compiler.notApplicableByComponent,
      slotCount: compiler.symbols.count, totalSlot: compiler.totalSlot, gradeSlot: compiler.gradeSlot,
      starsSlot: compiler.starsSlot, precision: compiler.precision, rounding: compiler.rounding,
      fullMarks: compiler.fullMarks, symbols: compiler.symbols, symbolLabels: compiler.symbolLabels)
    program.packID = compiler.metadata.id
    program.hostFunctions = compiler.hostFunctions
    program.ballots = compiler.ballots
    program.periods = compiler.periods
    program.ledger = compiler.ledger
    program.stackSize = program.largestStack()
    program.hasBallots = program.ballots != nil
    program.hasLedger = program.ledger != nil
    program.hasCohort = program.cohort != nil
    program.rules = program.sections.flatMap(\.rules)
    plan = ScoringPlan(program)
  }

  /// Assesses one subject from its facts by input id.
  public func assess(_ input: AssessmentInput, explain: Bool = true) throws(AssessmentError) -> Assessment {
    let scorer = PackScorer(pack: self)
    do {
      try scorer.setInputs(input.values)
    } catch {
      var located = error
      located.subjectID = input.subject.id
      located.origin = input.origin
      throw located
    }
    var trace: [TraceEntry] = []
    if explain {
      trace = try scorer.scoreExplained(subject: input.subject, origin: input.origin)
    } else {
      try scorer.score(subject: input.subject, origin: input.origin)
    }
    var assessment = scorer.assessment(subject: input.subject, period: input.period)
    assessment.trace = trace
    // "What it takes" (RulePack+WhatItTakes.swift), only when asked for: it scores the subject many times.
    if findsWhatItTakes { assessment.whatItTakes = whatItTakes(scorer.buffer.pointer, assessment: assessment) }
    return assessment
  }

  /// Checks a value for input number `index` (declared order) and returns what goes in its slot.
  public func slotValue(_ value: InputValue, forInput index: Int) -> Result<ExactDecimal, AssessmentError> {
    InputCoercion.slotValue(value, for: program.inputs[index].declaration)
  }

  /// The default slot value of input number `index`, or nil when it is required.
  public func defaultSlotValue(forInput index: Int) -> ExactDecimal? { program.inputs[index].defaultSlotValue }
}

extension RulePack {
  /// The components' labels, in declared order.
  public var componentLabels: [String] { program.components.map(\.label) }
  /// Whether the pack rates stars.
  public var hasStars: Bool { program.stars != nil }
}
