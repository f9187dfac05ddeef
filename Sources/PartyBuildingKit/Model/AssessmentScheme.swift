/// A scheme that turns one subject's facts into an assessment.
///
/// Rule packs (``RulePack``) are the declarative implementation; a scheme written in Swift conforms to the same
/// protocol and runs through the same ``Evaluator`` and result types.
public protocol AssessmentScheme: Sendable {
  /// What the scheme is and which inputs it reads.
  var info: SchemeInfo { get }
  /// Assesses one subject.
  ///
  /// - Parameters:
  ///   - input: the subject, its period and its facts by input id. Through an ``Evaluator`` the facts have been
  ///     checked against ``info`` (``SchemeInfo/checked(_:)``): each declared input is present (or absent when
  ///     optional without a default), typed and in range.
  ///   - explain: when true, the result carries a full trace; when false, the trace may be left empty
  ///     (faster for large batches).
  /// - Throws: ``AssessmentError`` for a subject that cannot be assessed.
  func assess(_ input: AssessmentInput, explain: Bool) throws(AssessmentError) -> Assessment
}

/// What a scheme is, for people and for input readers.
public struct SchemeInfo: Sendable, Hashable, Codable {
  /// The scheme's id (a pack's `id`), e.g. `dazhou-secretary`; every result carries it as ``Assessment/schemeID``.
  public var id: String
  /// The scheme's version as written (a pack's `version`), e.g. `1.0.0`.
  public var version: String
  /// The scheme's title as a person reads it, e.g. 达州市基层党组织书记党建工作年度考评.
  public var title: String
  /// The facts the scheme reads, in declared order.
  public var inputs: [InputDeclaration]

  /// Describes a scheme; ``Evaluator`` checks every subject's facts against `inputs` (``checked(_:)``).
  public init(id: String, version: String, title: String, inputs: [InputDeclaration]) {
    self.id = id
    self.version = version
    self.title = title
    self.inputs = inputs
  }
}

extension SchemeInfo {
  /// The subject's facts checked against the declared inputs, as a rule pack checks them: every value converted by
  /// the one conversion (text read as a number, 是/否 as yes/no, a choice matched), ranges and
  /// whole numbers checked, a missing input given its default or reported when required, a fact the scheme does not
  /// read reported. Values come back typed: numbers as `.number`, yes/no as `.boolean`, choices as their `.text`.
  ///
  /// ``Evaluator`` checks a Swift scheme's facts this way before calling its ``AssessmentScheme/assess(_:explain:)``.
  ///
  /// - Throws: ``AssessmentError`` with the subject's id and origin:
  ///   ``AssessmentError/Code-swift.struct/missingInput``, ``AssessmentError/Code-swift.struct/invalidValue``,
  ///   ``AssessmentError/Code-swift.struct/outOfRange`` or ``AssessmentError/Code-swift.struct/unknownInput``.
  public func checked(_ input: AssessmentInput) throws(AssessmentError) -> AssessmentInput {
    var checked = input
    checked.values = [:]
    func located(_ error: AssessmentError) -> AssessmentError {
      var error = error
      error.subjectID = input.subject.id
      error.origin = input.origin
      return error
    }
    for declaration in inputs {
      guard let value = input.values[declaration.id] ?? declaration.defaultValue else {
        if declaration.required { throw located(InputCoercion.missingError(declaration)) }
        continue
      }
      switch InputCoercion.slotValue(value, for: declaration) {
      case .failure(let error): throw located(error)
      case .success(let slot):
        switch declaration.type {
        case .number, .integer: checked.values[declaration.id] = .number(slot)
        case .boolean: checked.values[declaration.id] = .boolean(!slot.isZero)
        case .choice: checked.values[declaration.id] = .text(declaration.choices[slot.intValue ?? 0])
        }
      }
    }
    let known = Set(inputs.map(\.id))
    if let unknown = input.values.keys.filter({ !known.contains($0) }).sorted().first {
      throw located(InputCoercion.unknownInputError(unknown, packID: id, known: known))
    }
    return checked
  }
}

/// One fact a scheme reads, with its type, range and whether it must be given.
public struct InputDeclaration: Sendable, Hashable, Codable {
  /// The kinds of value an input takes.
  public enum ValueType: String, Sendable, Hashable, Codable {
    /// A decimal number (e.g. a score 85.5).
    case number
    /// A whole number (e.g. a count of occurrences).
    case integer
    /// 是/否.
    case boolean
    /// One of a declared list of texts (e.g. 一类 / 二类).
    case choice
  }

  /// The input's id: the key of its fact in ``AssessmentInput/values``, a CSV header or a JSON key, and the name
  /// formulas use. Unique within the scheme.
  public var id: String
  /// The name a person reads, e.g. 第一季度日常考核得分; a CSV header may use it instead of the id.
  public var label: String
  /// The kind of value the input takes; a fact of another kind is rejected
  /// (``AssessmentError/Code-swift.struct/invalidValue``).
  public var type: ValueType
  /// The unit shown after the value in an explanation (e.g. 分, 次, 人); empty for none. It does not change the value.
  public var unit: String
  /// The smallest allowed value (numbers), inclusive.
  public var minimum: ExactDecimal?
  /// The largest allowed value (numbers), inclusive.
  public var maximum: ExactDecimal?
  /// The most decimal places a value may have (numbers, 0…18), when declared; a value with more is rejected,
  /// never rounded. `nil`: not declared (integers always have 0).
  public var places: Int?
  /// The allowed texts (choices).
  public var choices: [String]
  /// Whether a subject without this value is an error.
  public var required: Bool
  /// The value used when the input is not given (only when not required).
  public var defaultValue: InputValue?

  /// Declares an input; by default it is required, unbounded, with no places declared and no default.
  public init(
    id: String, label: String, type: ValueType, unit: String = "", minimum: ExactDecimal? = nil,
    maximum: ExactDecimal? = nil, choices: [String] = [], required: Bool = true, defaultValue: InputValue? = nil,
    places: Int? = nil
  ) {
    self.id = id
    self.label = label
    self.type = type
    self.unit = unit
    self.minimum = minimum
    self.maximum = maximum
    self.choices = choices
    self.required = required
    self.defaultValue = defaultValue
    self.places = places
  }
}

/// A failure to assess one subject: bad or missing data, or arithmetic that cannot be done exactly.
public struct AssessmentError: Error, Sendable, Hashable, Codable, CustomStringConvertible {
  /// An extensible error code: new codes can be added without breaking the API.
  public struct Code: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The code as text, e.g. `missingInput`: what JSON results and ``description`` show.
    public var rawValue: String
    /// A code with this text; the library's codes are the static members below.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// The code's text (``rawValue``).
    public var description: String { rawValue }

    /// A required input is missing.
    public static let missingInput = Code(rawValue: "missingInput")
    /// An input has a value of the wrong kind (text where a number is expected…).
    public static let invalidValue = Code(rawValue: "invalidValue")
    /// An input is outside its declared range.
    public static let outOfRange = Code(rawValue: "outOfRange")
    /// A fact is given that the scheme does not read.
    public static let unknownInput = Code(rawValue: "unknownInput")
    /// A computation could not be done exactly: it overflowed, divided by zero, or its exact result needed more
    /// digits than a number holds (a formula error names the part that failed).
    public static let arithmetic = Code(rawValue: "arithmetic")
    /// The inputs contradict each other: a check of the pack (`checks`) rejected them (e.g. more votes than voters).
    public static let inconsistentInputs = Code(rawValue: "inconsistentInputs")
    /// The record itself is malformed (no id, wrong number of columns…).
    public static let malformedRecord = Code(rawValue: "malformedRecord")
    /// The result the subject reads from a linked pack (`links`) could not be found: the join found no linked
    /// subject or several, the linked subject was rejected, or it has no such result.
    public static let linkedResult = Code(rawValue: "linkedResult")
  }

  /// What kind of failure it is, for a program to act on; ``message`` says it for a person.
  public var code: Code
  /// What went wrong and what to do, as a value rendered in the language it is printed in (``description(in:)``).
  public var detail: Message
  /// What went wrong and what to do, in English, in a sentence that starts lowercase (``detail`` in English).
  /// Setting it replaces ``detail`` with an English-only message.
  public var message: String {
    get { detail.text(in: .english) }
    set { detail = .untranslated(newValue) }
  }
  /// The subject concerned, when known.
  public var subjectID: String?
  /// The input concerned, when one is.
  public var inputID: String?
  /// Where the record came from, when it was read from a file.
  public var origin: InputOrigin?
  /// The 1-based column (CSV field) concerned, when known.
  public var column: Int?

  /// Creates an error; a scheme written in Swift throws these for data it cannot assess.
  public init(
    code: Code, message: String, subjectID: String? = nil, inputID: String? = nil, origin: InputOrigin? = nil,
    column: Int? = nil
  ) {
    self.init(
      code: code, detail: .untranslated(message), subjectID: subjectID, inputID: inputID, origin: origin, column: column)
  }

  /// Creates an error whose message is a catalogue ``Message``.
  public init(
    code: Code, message: Message, subjectID: String? = nil, inputID: String? = nil, origin: InputOrigin? = nil,
    column: Int? = nil
  ) {
    self.init(code: code, detail: message, subjectID: subjectID, inputID: inputID, origin: origin, column: column)
  }

  /// Creates an error whose message is a catalogue ``Message``.
  public init(
    code: Code, detail: Message, subjectID: String? = nil, inputID: String? = nil, origin: InputOrigin? = nil,
    column: Int? = nil
  ) {
    self.code = code
    self.detail = detail
    self.subjectID = subjectID
    self.inputID = inputID
    self.origin = origin
    self.column = column
  }

  /// The error as one line for a person: where (file, line and column; a workbook's sheet, row and cell), which
  /// subject, then ``message``, e.g. `data.csv: line 4, column 3: subject 'DZ003': …`.
  public var description: String { description(in: .english) }

  /// The error as one line in `language`: in Chinese, e.g. `data.csv：第 4 行第 3 列：对象“DZ003”：…`.
  public func description(in language: Language) -> String {
    var place = ""
    if let origin, let sheet = origin.sheet {
      // A workbook's cell by its name, as Excel shows it: C5.
      if let column, let letters = XLSXCellReference.letters(forColumn: column) {
        place = Message(.placeSheetRowCell, origin.file, sheet, origin.line, letters + String(origin.line)).text(in: language)
      } else {
        place = Message(.placeSheetRow, origin.file, sheet, origin.line).text(in: language)
      }
    } else if let origin {
      if let column {
        place = Message(.placeLineColumn, origin.file, origin.line, column).text(in: language)
      } else {
        place = Message(.placeLine, origin.file, origin.line).text(in: language)
      }
    }
    var who = ""
    if let subjectID { who = Message(.placeSubject, subjectID).text(in: language) }
    return place + who + detail.text(in: language)
  }

  private enum CodingKeys: String, CodingKey {
    case code, message, subjectID, inputID, origin, column
  }

  /// Reads an error as ``encode(to:)`` writes it (its message as English text).
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      code: try container.decode(Code.self, forKey: .code),
      message: try container.decode(String.self, forKey: .message),
      subjectID: try container.decodeIfPresent(String.self, forKey: .subjectID),
      inputID: try container.decodeIfPresent(String.self, forKey: .inputID),
      origin: try container.decodeIfPresent(InputOrigin.self, forKey: .origin),
      column: try container.decodeIfPresent(Int.self, forKey: .column))
  }

  /// Writes the code, the English message and, when known, the subject, input, origin and column.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(code, forKey: .code)
    try container.encode(message, forKey: .message)
    try container.encodeIfPresent(subjectID, forKey: .subjectID)
    try container.encodeIfPresent(inputID, forKey: .inputID)
    try container.encodeIfPresent(origin, forKey: .origin)
    try container.encodeIfPresent(column, forKey: .column)
  }
}
