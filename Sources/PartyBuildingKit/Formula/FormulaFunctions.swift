/// The built-in functions (names matched without regard to case).
enum FormulaFunction: String, CaseIterable {
  case abs = "ABS"
  case and = "AND"
  case average = "AVERAGE"
  case clamp = "CLAMP"
  case count = "COUNT"
  case `if` = "IF"
  case large = "LARGE"
  case max = "MAX"
  case median = "MEDIAN"
  case min = "MIN"
  case not = "NOT"
  case or = "OR"
  case round = "ROUND"
  case roundDown = "ROUNDDOWN"
  case roundUp = "ROUNDUP"
  case small = "SMALL"
  case sum = "SUM"

  /// The most arguments a variadic function takes.
  static let maximumArguments = 64

  /// The exact number of arguments, or `nil` for variadic functions (1…64).
  var arity: Int? {
    switch self {
    case .abs, .not: 1
    case .round, .roundDown, .roundUp: 2
    case .clamp, .if: 3
    case .and, .average, .count, .max, .median, .min, .or, .sum, .large, .small: nil
    }
  }

  /// How to write a call, for messages.
  var usage: String {
    switch self {
    case .abs: "ABS(number)"
    case .not: "NOT(condition)"
    case .round, .roundDown, .roundUp: "\(rawValue)(number, places)"
    case .clamp: "CLAMP(number, lowest, highest)"
    case .if: "IF(condition, value if true, value if false)"
    case .and, .or, .count: "\(rawValue)(condition, …)"
    case .average, .max, .median, .min, .sum: "\(rawValue)(number, …)"
    case .large: "LARGE(k, number, …), the k-th largest"
    case .small: "SMALL(k, number, …), the k-th smallest"
    }
  }
}

extension FormulaChecker {
  /// Checks a function call: the name, the number of arguments and their types.
  mutating func checkCall(
    _ name: String, nameSpan: SourceSpan, arguments: [FormulaSyntax], span: SourceSpan
  ) -> CheckedExpression? {
    guard let function = FormulaFunction(rawValue: name.uppercased()) else {
      if let (index, declaration) = scope.hostFunction(named: name) {
        return checkHostCall(index, declaration, arguments: arguments, span: span)
      }
      for argument in arguments { _ = check(argument) }
      reportUnknownFunction(name, nameSpan)
      return nil
    }
    let label = function.rawValue
    if let arity = function.arity, arguments.count != arity {
      let given = arguments.count == 1 ? "1 was" : "\(arguments.count) were"
      report(
        "\(label) takes \(arity) argument\(arity == 1 ? "" : "s"), but \(given) given; write it "
          + "as \(function.usage)", span)
      return nil
    }
    if function.arity == nil && arguments.isEmpty {
      report("\(label) needs at least 1 argument; write it as \(function.usage)", span)
      return nil
    }
    if (function == .large || function == .small) && arguments.count < 2 {
      report("\(label) needs k and at least 1 number; write it as \(function.usage)", span)
      return nil
    }
    if arguments.count > FormulaFunction.maximumArguments {
      report(
        "\(label) takes at most \(FormulaFunction.maximumArguments) arguments, but "
          + "\(arguments.count) were given; split it, e.g. \(label)(\(label)(…), \(label)(…))", span
      )
      return nil
    }

    switch function {
    case .if:
      return checkConditional(
        [ConditionalBranch(condition: arguments[0], value: arguments[1])],
        otherwise: arguments[2], conditionOwner: "the condition of IF", word: "IF")
    case .min, .max, .sum, .average:
      guard let values = all(arguments, { $0.number($1, for: label) }) else { return nil }
      let expression: FormulaExpression
      switch function {
      case .min: expression = .minimum(values)
      case .max: expression = .maximum(values)
      case .sum: expression = .sum(values, site: site(span, .sum))
      default: expression = .average(values, site: site(span, .average))
      }
      return CheckedExpression(expression: FormulaFolder.fold(expression), type: .number)
    case .median:
      guard let values = all(arguments, { $0.number($1, for: label) }) else { return nil }
      if values.count == 1 { return CheckedExpression(expression: values[0], type: .number) }
      return CheckedExpression(
        expression: FormulaFolder.fold(.median(values, site: site(span, .median))), type: .number)
    case .large, .small:
      guard let values = all(arguments, { $0.number($1, for: label) }) else { return nil }
      let count = values.count - 1
      if let k = values[0].constant, !(k.intValue.map { (1...count).contains($0) } ?? false) {
        report(
          "\(label)'s k is \(k), but it must be a whole number from 1 to \(count) (the number of values after it); "
            + "write it as \(function.usage)", arguments[0].span)
        return nil
      }
      let expression = FormulaExpression.rank(
        values[0], Array(values.dropFirst()), largest: function == .large,
        site: site(span, function == .large ? .large : .small))
      return CheckedExpression(expression: FormulaFolder.fold(expression), type: .number)
    case .count:
      guard let values = all(arguments, { $0.condition($1, for: label) }) else { return nil }
      return CheckedExpression(
        expression: FormulaFolder.fold(.sum(values, site: site(span, .sum))), type: .number)
    case .and, .or:
      guard let values = all(arguments, { $0.condition($1, for: label) }) else { return nil }
      let expression: FormulaExpression = function == .and ? .and(values) : .or(values)
      return CheckedExpression(expression: FormulaFolder.fold(expression), type: .boolean)
    case .not:
      guard let value = condition(arguments[0], for: label) else { return nil }
      return CheckedExpression(expression: FormulaFolder.fold(.not(value)), type: .boolean)
    case .abs:
      guard let value = number(arguments[0], for: label) else { return nil }
      return CheckedExpression(
        expression: FormulaFolder.fold(.absolute(value, site: site(span, .absolute))), type: .number)
    case .round, .roundUp, .roundDown:
      let value = number(arguments[0], for: label)
      guard case .number(let digits) = arguments[1].kind, let places = digits.intValue,
        (0...ExactDecimal.maxScale).contains(places)
      else {
        report(
          "\(label) needs the number of decimal places as a whole number from 0 to 18 written "
            + "directly, e.g. \(label)(x, 2)", arguments[1].span)
        return nil
      }
      guard let value else { return nil }
      let rule: RoundingRule =
        function == .round ? .halfUp : (function == .roundUp ? .up : .down)
      return CheckedExpression(
        expression: FormulaFolder.fold(.round(value, places: places, rule: rule)), type: .number)
    case .clamp:
      guard let values = all(arguments, { $0.number($1, for: label) }) else { return nil }
      if let low = values[1].constant, let high = values[2].constant, low > high {
        report(
          "CLAMP's lowest value \(low) is greater than its highest value \(high); swap them", span)
        return nil
      }
      let expression = FormulaExpression.clamp(
        values[0], low: values[1], high: values[2], site: site(span, .clamp))
      return CheckedExpression(expression: FormulaFolder.fold(expression), type: .number)
    }
  }

  /// Checks a call to a host function against its declaration: the number and types of the arguments.
  private mutating func checkHostCall(
    _ index: Int, _ declaration: HostFunctionDeclaration, arguments: [FormulaSyntax], span: SourceSpan
  ) -> CheckedExpression? {
    let name = declaration.name
    guard arguments.count == declaration.arguments.count else {
      for argument in arguments { _ = check(argument) }
      let count = declaration.arguments.count
      let given = arguments.count == 1 ? "1 was" : "\(arguments.count) were"
      report(
        "\(name) takes \(count) argument\(count == 1 ? "" : "s"), but \(given) given; it is declared as "
          + declaration.signatureText, span)
      return nil
    }
    var values: [FormulaExpression] = []
    var failed = false
    for (argument, type) in zip(arguments, declaration.arguments) {
      let value = type == .boolean ? condition(argument, for: name) : number(argument, for: name)
      if let value { values.append(value) } else { failed = true }
    }
    if failed { return nil }
    noteCall(name)
    let bounds: FormulaInterval
    if declaration.result == .boolean {
      bounds = .truth
    } else if let range = declaration.range {
      bounds = FormulaInterval(lower: range.lowerBound, upper: range.upperBound)
    } else {
      bounds = .unbounded
    }
    let places = declaration.result == .boolean ? 0 : (declaration.places ?? FormulaSymbol.assumedPlaces)
    return CheckedExpression(
      expression: .hostCall(
        function: index, values, site: site(span, .hostCall), bounds: bounds, places: places),
      type: declaration.result)
  }

  private mutating func reportUnknownFunction(_ name: String, _ span: SourceSpan) {
    if scope[name] != nil {
      report(
        "'\(name)' is a name, not a function; put an operator between it and '(', e.g. "
          + "\(FormulaSuggestions.written(name)) * (…)", span)
      return
    }
    let functions = FormulaFunction.allCases.map(\.rawValue) + (scope.hostFunctions?.declarations.map(\.name) ?? [])
    if let match = FormulaSuggestions.bestMatch(for: name, among: functions) {
      report("unknown function '\(name)'; did you mean '\(match)'?", span)
    } else {
      report(
        "unknown function '\(name)'; the functions are \(functions.joined(separator: ", "))", span)
    }
  }
}
