#if canImport(FoundationEssentials)
  internal import FoundationEssentials
#else
  internal import Foundation
#endif

/// A declarative assessment scheme loaded from a JSON rule pack, compiled once and evaluated many times.
public struct RulePack: AssessmentScheme {
  /// What the pack says about itself.
  public let metadata: PackMetadata
  public let info: SchemeInfo
  /// The file it was loaded from, as named by the caller.
  public let file: String
  /// Values the pack marks as examples, to be replaced by the real document's.
  public let exampleValues: [ExampleValueNote]
  /// The embedded test cases.
  public let tests: [PackTestCase]
  /// Decimal places of the total, and how it is rounded.
  public var precision: Int { program.precision }
  public var rounding: RoundingRule { program.rounding }
  /// The full marks of the total (满分, without bonuses).
  public var fullMarks: ExactDecimal { program.fullMarks }
  /// The highest total reachable, bonuses included.
  public let highestTotal: ExactDecimal
  /// The pack's JSON, kept so that each thread of a batch can compile its own copy.
  let source: [UInt8]
  /// The grades, best first.
  public var grades: [String] { program.bands.map(\.grade) }

  var program: PackProgram
  /// Whether every assessment also carries ``Assessment/whatItTakes`` (off by default: it scores each subject
  /// many times).
  public var findsWhatItTakes = false

  /// The largest pack file, in bytes (1 MiB): about 20 times the largest shipped pack (上虞, 52 KB). Loading time
  /// and memory grow about linearly with the size, so a bound on the size is a bound on both.
  public static let maximumBytes = 1 << 20

  /// Loads and compiles a pack file; every problem found is in the thrown error.
  public static func load(path: String) throws(PackLoadError) -> RulePack {
    var isDirectory = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory {
      throw PackLoadError(problems: [
        PackProblem(file: path, message: "'\(path)' is a folder; give the pack.json file in it")
      ])
    }
    let bytes: [UInt8]
    do {
      bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
    } catch {
      throw PackLoadError(problems: [
        PackProblem(file: path, message: "cannot read the file: \(Self.reason(error)); check the path")
      ])
    }
    return try load(bytes: bytes, file: path)
  }

  /// Loads and compiles a pack from its JSON text; `file` names it in messages.
  public static func load(json: String, file: String = "pack.json") throws(PackLoadError) -> RulePack {
    try load(bytes: Array(json.utf8), file: file)
  }

  /// Loads and compiles a pack from the bytes of its JSON (UTF-8); `file` names it in messages.
  public static func load(bytes: [UInt8], file: String) throws(PackLoadError) -> RulePack {
    if bytes.count > maximumBytes {
      throw PackLoadError(problems: [
        PackProblem(
          file: file,
          message:
            "the pack is \(Self.grouped(bytes.count)) bytes, more than the most a pack may be (\(Self.grouped(maximumBytes)) bytes, 1 MiB); split the scheme into several packs, or shorten long texts such as 'excerpt'"
        )
      ])
    }
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
    var compiler = PackCompiler(sink: sink, root: rootNode)
    compiler.read(rootNode)
    let tests = compiler.readTests()
    if !sink.hasErrors, !sink.unknown.isEmpty || sink.gradesUnknown {
      // Something is left unknown only where a problem was reported; a pack must never load without a part.
      sink.error(
        "this pack could not be checked completely (\(sink.unknown.count) parts left unknown without a problem reported); please report it as a bug in PartyBuildingKit",
        at: nil, nil)
    }
    if sink.hasErrors { throw PackLoadError(problems: sink.problems) }
    return RulePack(compiler: compiler, tests: tests, file: file, source: bytes)
  }

  /// Why a file could not be read, in a few words (never the raw error dump).
  static func reason(_ error: any Error) -> String {
    let text = "\(error)"
    if text.contains("NoSuchFile") || text.contains("No such file") || text.contains("error 4") { return "no such file" }
    if text.contains("Is a directory") { return "it is a folder" }
    if text.contains("Permission denied") || text.contains("NoPermission") { return "permission denied" }
    if let posix = text.firstRange(of: "NSPOSIXErrorDomain Code="),
      let code = Int(text[posix.upperBound...].prefix { $0.isNumber })
    {
      return "the system gave error \(code)"
    }
    return "the system could not read it"
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

  init(compiler: PackCompiler, tests: [PackTestCase], file: String, source: [UInt8]) {
    self.source = source
    metadata = compiler.metadata
    info = SchemeInfo(
      id: compiler.metadata.id, version: compiler.metadata.version, title: compiler.metadata.title,
      inputs: compiler.inputs.map(\.declaration))
    self.file = file
    exampleValues = compiler.exampleValues
    self.tests = tests
    highestTotal = compiler.highestTotal
    program = PackProgram(
      inputs: compiler.inputs, values: compiler.values, components: compiler.components, sections: compiler.sections,
      vetoes: compiler.vetoes, bands: compiler.bands, stars: compiler.stars, consequences: compiler.consequences, cohort: compiler.cohort,
      notApplicableByValue: compiler.notApplicableByValue, notApplicableByComponent: compiler.notApplicableByComponent,
      slotCount: compiler.symbols.count, totalSlot: compiler.totalSlot, gradeSlot: compiler.gradeSlot,
      starsSlot: compiler.starsSlot, precision: compiler.precision, rounding: compiler.rounding,
      fullMarks: compiler.fullMarks, symbols: compiler.symbols, symbolLabels: compiler.symbolLabels)
    program.ballots = compiler.ballots
    program.periods = compiler.periods
    program.ledger = compiler.ledger
    program.stackSize = program.largestStack()
    program.hasBallots = program.ballots != nil
    program.hasLedger = program.ledger != nil
    program.hasCohort = program.cohort != nil
    program.plan = ScoringPlan(program)
  }

  /// Assesses one subject from its facts by input id.
  public func assess(_ input: AssessmentInput, explain: Bool = true) throws(AssessmentError) -> Assessment {
    var (slots, notGiven) = try slots(for: input)
    return try evaluate(
      slots: &slots, subject: input.subject, period: input.period, origin: input.origin, explain: explain,
      notGiven: notGiven)
  }

  /// The slot buffer of a subject's facts (checked against their declarations) and the not-applicable inputs it
  /// does not give.
  func slots(for input: AssessmentInput) throws(AssessmentError) -> (slots: [ExactDecimal], notGiven: [Int]) {
    var slots = [ExactDecimal](repeating: .zero, count: program.slotCount)
    var given = 0
    var notGiven: [Int] = []
    for (index, compiled) in program.inputs.enumerated() {
      let declaration = compiled.declaration
      if let value = input.values[declaration.id] {
        given += 1
        switch InputCoercion.slotValue(value, for: declaration) {
        case .success(let slotValue): slots[compiled.slot] = slotValue
        case .failure(let problem):
          throw AssessmentError(
            code: problem.isOutOfRange ? .outOfRange : .invalidValue,
            message: "\(declaration.label)(\(declaration.id)) \(problem.message)", subjectID: input.subject.id,
            inputID: declaration.id, origin: input.origin)
        }
      } else if let defaultValue = compiled.defaultSlotValue {
        slots[compiled.slot] = defaultValue
      } else if compiled.notApplicable {
        notGiven.append(index)
      } else {
        throw Self.missingInputError(declaration, subjectID: input.subject.id, origin: input.origin)
      }
    }
    if given != input.values.count {
      let known = Set(program.inputs.map(\.declaration.id))
      let unknown = input.values.keys.filter { !known.contains($0) }.sorted()
      throw AssessmentError(
        code: .unknownInput,
        message:
          "'\(unknown[0])' is not an input of pack '\(metadata.id)'\(Spelling.didYouMean(unknown[0], among: known)); remove it or correct its name",
        subjectID: input.subject.id, inputID: unknown[0], origin: input.origin)
    }
    return (slots, notGiven)
  }

  /// The error for a required input a subject does not give.
  static func missingInputError(_ declaration: InputDeclaration, subjectID: String, origin: InputOrigin?) -> AssessmentError {
    AssessmentError(
      code: .missingInput, message: "\(declaration.label)(\(declaration.id)) is required but not given; add it to the input",
      subjectID: subjectID, inputID: declaration.id, origin: origin)
  }

  /// The number of slots a caller-filled buffer needs (see ``evaluate(slots:subject:period:origin:explain:)``).
  public var slotCount: Int { program.slotCount }

  /// The slot of each input, in declared order, for callers that fill the buffer themselves (fast batch paths).
  public var inputSlots: [Int] { program.inputs.map(\.slot) }

  /// Checks a value for input number `index` (declared order) and returns what goes in its slot.
  public func slotValue(_ value: InputValue, forInput index: Int) -> Result<ExactDecimal, AssessmentError> {
    let declaration = program.inputs[index].declaration
    return InputCoercion.slotValue(value, for: declaration).mapError {
      AssessmentError(
        code: $0.isOutOfRange ? .outOfRange : .invalidValue,
        message: "\(declaration.label)(\(declaration.id)) \($0.message)", inputID: declaration.id)
    }
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

extension RulePack {
  /// The same pack compiled anew: a copy that shares no storage with this one.
  ///
  /// Threads that evaluate in parallel each use their own copy, so they never contend for the reference counts
  /// of shared formulas.
  public func independentCopy() -> RulePack {
    // The bytes compiled once already; compiling them again gives the same pack.
    guard var copy = try? RulePack.load(bytes: source, file: file) else { return self }
    copy.findsWhatItTakes = findsWhatItTakes
    return copy
  }
}
