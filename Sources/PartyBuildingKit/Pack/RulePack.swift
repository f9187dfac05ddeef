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
  /// The highest total reachable, bonuses included; nil when a bonus section has no cap (`"cap": "none"`) and an
  /// input its awards use has no `max`, so the total has no highest value.
  public let highestTotal: ExactDecimal?
  /// The grades, best first.
  public var grades: [String] { program.bands.map(\.grade) }
  /// Everything the pack declares, as written: its inputs, components, sections, rules, vetoes, bands, stars, cohort,
  /// ballots, periods, ledger, consequences and tests, with where each is in the file (``PackModel/location(of:)``).
  public let model: PackModel
  /// The host functions the pack calls, as it declares them in `"requires"` (see ``HostFunction``).
  public var requiredFunctions: [HostFunctionDeclaration] { program.hostFunctions?.declarations ?? [] }

  /// The compiled pack laid out for scoring: shared read-only by every thread that scores with it.
  let plan: ScoringPlan
  /// The compiled pack: ids, labels and words of everything the plan scores.
  var program: PackProgram { plan.program }
  /// Whether every assessment also carries ``Assessment/whatItTakes`` (off by default: it scores each subject
  /// many times).
  public var findsWhatItTakes = false

  /// The largest pack file, in bytes (1 MiB): about 20 times the largest shipped pack (上虞, 52 KB). Loading time
  /// and memory grow about linearly with the size, so a bound on the size is a bound on both.
  public static let maximumBytes = 1 << 20

  /// Loads and compiles a pack file; every problem found is in the thrown error.
  ///
  /// - Parameters:
  ///   - path: the pack file; messages name it as given.
  ///   - functions: the host functions the program provides (see ``HostFunction``); a pack that calls one
  ///     not provided fails to load, naming it. ``HostFunctions/declarationsOnly`` checks and tests such a pack
  ///     without them.
  /// - Throws: ``PackLoadError`` with every problem found: the file cannot be read, is not JSON, or breaks a rule.
  public static func load(path: String, functions: HostFunctions = .none) throws(PackLoadError) -> RulePack {
    var isDirectory = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory {
      throw PackLoadError(problems: [
        PackProblem(file: path, detail: Message(.packPathIsFolder, path))
      ])
    }
    let bytes: [UInt8]
    do {
      bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
    } catch {
      throw PackLoadError(problems: [
        PackProblem(file: path, detail: Message(.cannotReadPackFile, Self.reason(error)))
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
    if bytes.count > maximumBytes {
      throw PackLoadError(problems: [
        PackProblem(
          file: file,
          detail: Message(.packTooLarge, Self.grouped(bytes.count), Self.grouped(maximumBytes)))
      ])
    }
    let text = String(decoding: bytes, as: UTF8.self)
    let sink = ProblemSink(file: file, text: text)
    let root: JSONValue
    do {
      root = try JSONParser.parse(bytes)
    } catch {
      sink.error(
        error.detail, at: nil, error.location,
        snippet: sink.snippet(line: error.location.line, column: error.location.column, length: 1))
      throw PackLoadError(problems: sink.problems)
    }
    let rootNode = Node(value: root, pointer: .root, sink: sink)
    var compiler = PackCompiler(sink: sink, root: rootNode, provided: functions)
    compiler.read(rootNode)
    let tests = compiler.readTests()
    if !sink.hasErrors, !sink.unknown.isEmpty || sink.gradesUnknown {
      // Something is left unknown only where a problem was reported; a pack must never load without a part.
      sink.error(
        Message(.packNotCheckedCompletely, sink.unknown.count),
        at: nil, nil)
    }
    if sink.hasErrors { throw PackLoadError(problems: sink.problems) }
    let model: PackModel
    do {
      model = try PackModel.read(from: root)
    } catch {
      // The loader and the model read the same format; a pack one accepts and the other does not is a bug.
      throw PackLoadError(problems: [
        PackProblem(
          file: file,
          detail: Message(.packModelUnreadable, "\(error)"))
      ])
    }
    return RulePack(
      compiler: compiler, tests: tests, file: file, warnings: sink.problems.filter { $0.severity == .warning },
      model: model)
  }

  /// Compiles a pack built or changed in Swift: the model is written as a pack file (``ExactJSONEncoder``, indented)
  /// and loaded through the same checks, so it scores exactly as that file would. Problems name their place by JSON
  /// pointer (e.g. `/components/0/weight`) and by line in that file, called `name`; write it out with
  /// `ExactJSONEncoder(indentation: 2)` to read it there.
  ///
  /// ```swift
  /// var model = try RulePack.load(path: "RulePacks/dazhou/pack.json").model
  /// model.components[0].weight = ExactDecimal("0.4")   // 日常考核 40%
  /// model.components[1].weight = ExactDecimal("0.4")   // 年底考核 40%: the weights still add up to 100%
  /// let changed = try RulePack.compile(model, name: "达州（调整权重）")
  /// ```
  public static func compile(
    _ model: PackModel, name: String = "model.pack.json", functions: HostFunctions = .none
  ) throws(PackLoadError) -> RulePack {
    let text: String
    do {
      text = try ExactJSONEncoder(indentation: 2).encode(model) + "\n"
    } catch {
      throw PackLoadError(problems: [PackProblem(file: name, detail: Message(.modelNotWritten, "\(error)"))])
    }
    return try load(bytes: Array(text.utf8), file: name, functions: functions)
  }

  /// Why a file could not be read, in a few words (never the raw error dump).
  static func reason(_ error: any Error) -> Message {
    let text = "\(error)"
    // The system's own words, matched (not messages):
    if text.contains("NoSuchFile") || text.contains("No such file") || text.contains("error 4") { return Message(.noSuchFile) }  // not a message
    if text.contains("Is a directory") { return Message(.itIsAFolderShort) }  // not a message
    if text.contains("Permission denied") || text.contains("NoPermission") { return Message(.permissionDenied) }  // not a message
    if let posix = text.firstRange(of: "NSPOSIXErrorDomain Code="),
      let code = Int(text[posix.upperBound...].prefix { $0.isNumber })
    {
      return Message(.systemGaveError, code)
    }
    return Message(.systemCouldNotRead)
  }

  /// `1048576` as `1,048,576`.
  static func grouped(_ number: Int) -> String {
    var digits = String(number)
    var index = digits.endIndex
    while digits.distance(from: digits.startIndex, to: index) > 3 {
      index = digits.index(index, offsetBy: -3)
      digits.insert(",", at: index)
    }
    return digits
  }

  init(compiler: PackCompiler, tests: [PackTestCase], file: String, warnings: [PackProblem] = [], model: PackModel) {
    self.warnings = warnings
    self.model = model
    displayPlaces = compiler.displayPlaces ?? compiler.precision + 2
    metadata = compiler.metadata
    info = SchemeInfo(
      id: compiler.metadata.id, version: compiler.metadata.version, title: compiler.metadata.title,
      inputs: compiler.inputs.map(\.declaration))
    self.file = file
    exampleValues = compiler.exampleValues
    self.tests = tests
    highestTotal = compiler.unboundedTotal ? nil : compiler.highestTotal
    var program = PackProgram(
      inputs: compiler.inputs, values: compiler.values, components: compiler.components, sections: compiler.sections,
      vetoes: compiler.vetoes, bands: compiler.bands, stars: compiler.stars, consequences: compiler.consequences, cohort: compiler.cohort,
      notApplicableByValue: compiler.notApplicableByValue, notApplicableByComponent: compiler.notApplicableByComponent,
      slotCount: compiler.symbols.count, totalSlot: compiler.totalSlot, gradeSlot: compiler.gradeSlot,
      starsSlot: compiler.starsSlot, precision: compiler.precision, rounding: compiler.rounding,
      fullMarks: compiler.fullMarks, symbols: compiler.symbols, symbolLabels: compiler.symbolLabels)
    program.packID = compiler.metadata.id
    program.hostFunctions = compiler.hostFunctions
    program.outcomes = compiler.outcomes
    program.checks = compiler.checks
    program.gradeByScoreSlot = compiler.gradeByScoreSlot
    program.totalByScoreSlot = compiler.totalByScoreSlot
    program.ballots = compiler.ballots
    program.periods = compiler.periods
    program.ledger = compiler.ledger
    program.links = compiler.links
    program.previous = compiler.previous
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
    scorer.setForms(input.forms)
    do {
      try scorer.setInputs(input.values)
    } catch {
      var located = error
      located.subjectID = input.subject.id
      located.origin = input.origin
      throw located
    }
    if let sources = input.linkedSources {
      for (id, source) in sources {
        if let index = program.inputs.firstIndex(where: { $0.declaration.id == id }) { scorer.linkedSources[index] = source }
      }
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
