/// Turns given facts into slot values, checking them against their declarations: the one conversion every reader
/// and the library use, with one wording for each kind of bad value.
enum InputCoercion {
  /// Why a value does not fit its input.
  struct Problem: Error {
    /// Starts lowercase, e.g. "is 120, above the most allowed, 100".
    var message: String
    var isOutOfRange = false
  }

  /// The slot value of `value` for `declaration`, or the error naming the input.
  static func slotValue(_ value: InputValue, for declaration: InputDeclaration) -> Result<ExactDecimal, AssessmentError> {
    problemOrValue(value, for: declaration).mapError { problem in
      AssessmentError(
        code: problem.isOutOfRange ? .outOfRange : .invalidValue,
        message: "\(declaration.label)(\(declaration.id)) \(problem.message)", inputID: declaration.id)
    }
  }

  /// The error for a required input a subject does not give.
  static func missingError(_ declaration: InputDeclaration) -> AssessmentError {
    AssessmentError(
      code: .missingInput, message: "\(declaration.label)(\(declaration.id)) is required but not given; add it to the input",
      inputID: declaration.id)
  }

  /// The error for a fact a pack does not read.
  static func unknownInputError(_ id: String, packID: String, known: Set<String>) -> AssessmentError {
    AssessmentError(
      code: .unknownInput,
      message: "'\(id)' is not an input of pack '\(packID)'\(Spelling.didYouMean(id, among: known)); remove it or correct its name",
      inputID: id)
  }

  /// The error for a subject whose id was given before (first on line `firstLine`, when known; 0 when not).
  static func repeatedIDError(_ id: String, firstLine: Int, origin: InputOrigin?) -> AssessmentError {
    AssessmentError(
      code: .malformedRecord,
      message: "the id appears again\(firstLine > 0 ? " (first at line \(firstLine))" : ""); give each subject once",
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
          return .failure(Problem(message: "is '\(text)', which is not a number; write digits such as 85.5 (no units, no thousands separators)"))
        }
        number = parsed
      case .boolean:
        return .failure(Problem(message: "is a yes/no value, but a number is expected"))
      }
      if declaration.type == .integer, !number.isInteger {
        return .failure(Problem(message: "is \(number), but a whole number is expected"))
      }
      if let places = declaration.places, number.scale > places, number.normalized().scale > places {
        let given = number.normalized().scale
        return .failure(Problem(message:
          "is \(number), with \(given) decimal places, but at most \(places) \(places == 1 ? "is" : "are") declared ('places': \(places)); give it rounded as the document rounds it, or correct the input's 'places'"
        ))
      }
      if let minimum = declaration.minimum, number < minimum {
        return .failure(Problem(message: "is \(number), below the least allowed, \(minimum)", isOutOfRange: true))
      }
      if let maximum = declaration.maximum, number > maximum {
        return .failure(Problem(message: "is \(number), above the most allowed, \(maximum)", isOutOfRange: true))
      }
      return .success(number)
    case .boolean:
      switch value {
      case .boolean(let flag): return .success(flag ? ExactDecimal.one : ExactDecimal.zero)
      case .number(let number) where number == .one || number.isZero: return .success(number.isZero ? ExactDecimal.zero : ExactDecimal.one)
      case .text(let text):
        if let flag = parseBoolean(text) { return .success(flag ? ExactDecimal.one : ExactDecimal.zero) }
        return .failure(Problem(message: "is '\(text)', but 是/否 (or true/false, 1/0) is expected"))
      default: return .failure(Problem(message: "is \(value), but 是/否 (or true/false, 1/0) is expected"))
      }
    case .choice:
      let text: String
      switch value {
      case .text(let given): text = given.trimmingSpaces
      case .number(let number): text = number.description
      case .boolean: return .failure(Problem(message: "is a yes/no value, but one of \(declaration.choices.joined(separator: ", ")) is expected"))
      }
      if let index = declaration.choices.firstIndex(of: text) { return .success(ExactDecimal(index)) }
      return .failure(Problem(message:
        "is '\(text)', which is not one of the choices \(declaration.choices.joined(separator: ", "))\(Spelling.didYouMean(text, among: declaration.choices))"
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
