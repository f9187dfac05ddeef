/// Turns given facts into slot values, checking them against their declarations: the one conversion every reader
/// and the library use, with one wording for each kind of bad value.
enum InputCoercion {
  /// Why a value does not fit its input.
  struct Problem: Error {
    /// Starts lowercase, e.g. "is 120, above the most allowed, 100".
    var message: Message
    var isOutOfRange = false
  }

  /// The slot value of `value` for `declaration`, or the error naming the input.
  static func slotValue(_ value: InputValue, for declaration: InputDeclaration) -> Result<ExactDecimal, AssessmentError> {
    problemOrValue(value, for: declaration).mapError { problem in
      AssessmentError(
        code: problem.isOutOfRange ? .outOfRange : .invalidValue,
        detail: Message(.inputProblem, declaration.label, declaration.id, problem.message), inputID: declaration.id)
    }
  }

  /// The error for a required input a subject does not give.
  static func missingError(_ declaration: InputDeclaration) -> AssessmentError {
    AssessmentError(
      code: .missingInput, detail: Message(.inputRequiredNotGiven, declaration.label, declaration.id),
      inputID: declaration.id)
  }

  /// The error for a fact a pack does not read.
  static func unknownInputError(_ id: String, packID: String, known: Set<String>) -> AssessmentError {
    AssessmentError(
      code: .unknownInput,
      detail: Message(.notAnInputOfPack, id, packID, Spelling.didYouMeanMessage(id, among: known)),
      inputID: id)
  }

  /// The error for a subject whose id was given before (first on line `firstLine`, when known; 0 when not).
  static func repeatedIDError(_ id: String, firstLine: Int, origin: InputOrigin?) -> AssessmentError {
    AssessmentError(
      code: .malformedRecord,
      detail: firstLine > 0 ? Message(.idAppearsAgainAtLine, firstLine) : Message(.idAppearsAgain),
      subjectID: id, origin: origin)
  }

  /// The slot value of `value` for `declaration`, or a message that starts lowercase (e.g. "is 120, above the
  /// most allowed, 100").
  static func problemOrValue(_ value: InputValue, for declaration: InputDeclaration) -> Result<ExactDecimal, Problem> {
    switch declaration.type {
    case .number, .integer:
      let number: ExactDecimal
      switch value {
      case .number(let given): number = given
      case .text(let text):
        guard let parsed = parseNumber(text) else {
          return .failure(Problem(message: Message(.valueNotANumber, text)))
        }
        number = parsed
      case .boolean:
        return .failure(Problem(message: Message(.valueYesNoNotNumber)))
      }
      if declaration.type == .integer, !number.isInteger {
        return .failure(Problem(message: Message(.valueNotWhole, number)))
      }
      if let places = declaration.places, number.scale > places, number.normalized().scale > places {
        let given = number.normalized().scale
        return .failure(Problem(message: Message(places == 1 ? .valueHasMorePlace : .valueHasMorePlaces, number, given, places, places)))
      }
      if let minimum = declaration.minimum, number < minimum {
        return .failure(Problem(message: Message(.valueBelowMinimum, number, minimum), isOutOfRange: true))
      }
      if let maximum = declaration.maximum, number > maximum {
        return .failure(Problem(message: Message(.valueAboveMaximum, number, maximum), isOutOfRange: true))
      }
      return .success(number)
    case .boolean:
      switch value {
      case .boolean(let flag): return .success(flag ? ExactDecimal.one : ExactDecimal.zero)
      case .number(let number) where number == .one || number.isZero: return .success(number.isZero ? ExactDecimal.zero : ExactDecimal.one)
      case .text(let text):
        if let flag = parseBoolean(text) { return .success(flag ? ExactDecimal.one : ExactDecimal.zero) }
        return .failure(Problem(message: Message(.valueTextNotYesNo, text)))
      default: return .failure(Problem(message: Message(.valueNotYesNo, "\(value)")))
      }
    case .choice:
      let text: String
      switch value {
      case .text(let given): text = given.trimmingSpaces
      case .number(let number): text = number.description
      case .boolean: return .failure(Problem(message: Message(.valueYesNoNotChoice, MessageArgument.list(declaration.choices))))
      }
      if let index = declaration.choices.firstIndex(of: text) { return .success(ExactDecimal(index)) }
      return .failure(Problem(message:
        Message(.valueNotAChoice, text, MessageArgument.list(declaration.choices), Spelling.didYouMeanMessage(text, among: declaration.choices))
      ))
    }
  }

  /// A number as people type it in a spreadsheet cell: "85.5", " 90 ", "+3". Never through binary floating point.
  static func parseNumber(_ text: String) -> ExactDecimal? {
    if let value = ExactDecimal(text) { return value }
    let trimmed = text.trimmingSpaces
    return trimmed.isEmpty || trimmed.utf8.count == text.utf8.count ? nil : ExactDecimal(trimmed)
  }

  static func parseBoolean(_ text: String) -> Bool? {
    // The usual cells first, without making a lowercased copy.
    switch text {
    case "是", "否", "true", "false", "1", "0": return text == "是" || text == "true" || text == "1"
    default: break
    }
    switch text.trimmingSpaces.lowercased() {
    case "是", "true", "1", "y", "yes", "有", "√": return true
    case "否", "false", "0", "n", "no", "无", "×": return false
    default: return nil
    }
  }
}
