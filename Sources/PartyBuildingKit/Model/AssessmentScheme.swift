/// A scheme that turns one subject's facts into an assessment.
///
/// Rule packs (``RulePack``) are the declarative implementation; a scheme written in Swift conforms to the same
/// protocol and runs through the same ``Evaluator`` and result types.
public protocol AssessmentScheme: Sendable {
  /// What the scheme is and which inputs it reads.
  var info: SchemeInfo { get }
  /// Assesses one subject.
  ///
  /// - Parameter explain: when true, the result carries a full trace; when false, the trace may be left empty
  ///   (faster for large batches).
  func assess(_ input: AssessmentInput, explain: Bool) throws(AssessmentError) -> Assessment
}

/// What a scheme is, for people and for input readers.
public struct SchemeInfo: Sendable, Hashable, Codable {
  public var id: String
  public var version: String
  public var title: String
  public var inputs: [InputDeclaration]

  public init(id: String, version: String, title: String, inputs: [InputDeclaration]) {
    self.id = id
    self.version = version
    self.title = title
    self.inputs = inputs
  }
}

extension SchemeInfo {
  /// The subject's facts checked against the declared inputs, as a rule pack checks them: every value converted by
  /// the one conversion (``InputCoercion``: text read as a number, 是/否 as yes/no, a choice matched), ranges and
  /// whole numbers checked, a missing input given its default or reported when required, a fact the scheme does not
  /// read reported. Values come back typed: numbers as `.number`, yes/no as `.boolean`, choices as their `.text`.
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

  public var id: String
  public var label: String
  public var type: ValueType
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
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
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
    /// The record itself is malformed (no id, wrong number of columns…).
    public static let malformedRecord = Code(rawValue: "malformedRecord")
  }

  public var code: Code
  /// What went wrong and what to do, in a sentence that starts lowercase.
  public var message: String
  /// The subject concerned, when known.
  public var subjectID: String?
  /// The input concerned, when one is.
  public var inputID: String?
  /// Where the record came from, when it was read from a file.
  public var origin: InputOrigin?
  /// The 1-based column (CSV field) concerned, when known.
  public var column: Int?

  public init(
    code: Code, message: String, subjectID: String? = nil, inputID: String? = nil, origin: InputOrigin? = nil,
    column: Int? = nil
  ) {
    self.code = code
    self.message = message
    self.subjectID = subjectID
    self.inputID = inputID
    self.origin = origin
    self.column = column
  }

  public var description: String {
    var place = ""
    if let origin, let sheet = origin.sheet {
      // A workbook's cell by its name, as Excel shows it: C5.
      place = "\(origin.file) [\(sheet)]: row \(origin.line)"
      if let column, let letters = XLSXCellReference.letters(forColumn: column) { place += ", cell \(letters)\(origin.line)" }
      place += ": "
    } else if let origin {
      place = "\(origin.file): line \(origin.line)"
      if let column { place += ", column \(column)" }
      place += ": "
    }
    var who = ""
    if let subjectID { who = "subject '\(subjectID)': " }
    return place + who + message
  }
}
