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
  var usage: Message {
    switch self {
    case .abs: Message(.fxUsageAbs)
    case .not: Message(.fxUsageNot)
    case .round, .roundDown, .roundUp: Message(.fxUsageRound, rawValue)
    case .clamp: Message(.fxUsageClamp)
    case .if: Message(.fxUsageIf)
    case .and, .or, .count: Message(.fxUsageConditions, rawValue)
    case .average, .max, .median, .min, .sum: Message(.fxUsageNumbers, rawValue)
    case .large: Message(.fxUsageLarge)
    case .small: Message(.fxUsageSmall)
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
      report(Message(.fxArity, label, arity, Self.plural(arity), Self.given(arguments.count), function.usage), span)
      return nil
    }
    if function.arity == nil && arguments.isEmpty {
      report(Message(.fxNeedsOneArgument, label, function.usage), span)
      return nil
    }
    if (function == .large || function == .small) && arguments.count < 2 {
      report(Message(.fxNeedsKAndNumber, label, function.usage), span)
      return nil
    }
    if arguments.count > FormulaFunction.maximumArguments {
      report(
        Message(.fxTooManyArguments, label, FormulaFunction.maximumArguments, arguments.count, label, label, label), span)
      return nil
    }

    switch function {
    case .if:
      return checkConditional(
        [ConditionalBranch(condition: arguments[0], value: arguments[1])],
        otherwise: arguments[2], conditionOwner: Message(.fxConditionOfIF), word: "IF")
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
        report(Message(.fxBadK, label, k, count, function.usage), arguments[0].span)
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
        report(Message(.fxPlacesArgument, label, label), arguments[1].span)
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
        report(Message(.fxClampOrder, low, high), span)
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
      report(
        Message(.fxHostArity, name, count, Self.plural(count), Self.given(arguments.count), declaration.signatureText), span)
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

  /// "s" after a count other than 1 (English); nothing in Chinese.
  static func plural(_ count: Int) -> Message { count == 1 ? .verbatim("") : Message(.pluralS) }

  /// "1 was" / "3 were" (English), "1 个" / "3 个" (Chinese).
  static func given(_ count: Int) -> Message { count == 1 ? Message(.oneWasGiven) : Message(.manyWereGiven, count) }

  private mutating func reportUnknownFunction(_ name: String, _ span: SourceSpan) {
    if scope[name] != nil {
      report(Message(.fxNameNotFunction, name, FormulaSuggestions.written(name)), span)
      return
    }
    let functions = FormulaFunction.allCases.map(\.rawValue) + (scope.hostFunctions?.declarations.map(\.name) ?? [])
    if let match = FormulaSuggestions.bestMatch(for: name, among: functions) {
      report(Message(.fxUnknownFunctionDidYouMean, name, match), span)
    } else {
      report(Message(.fxUnknownFunction, name, MessageArgument.list(functions)), span)
    }
  }
}
