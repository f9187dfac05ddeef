/// A checked piece of a formula: its expression, its type and, for text, the
/// list of choices its index refers to.
struct CheckedExpression {
  var expression: FormulaExpression
  var type: FormulaType
  var textDomain: TextDomain?
}

/// What a text value's index means.
struct TextDomain {
  /// The list the index refers to; `nil` for a text name declared without one.
  var choices: [String]?
  /// How to name the owner of the list in messages, e.g. `类别`.
  var owner: Message
  /// Set when the value is a text literal (its index is resolved in context).
  var literal: String?
}

extension FormulaType {
  /// `a number`, `true/false` or `text`, for messages.
  var phrase: Message {
    switch self {
    case .number: Message(.fxTypeNumber)
    case .boolean: Message(.fxTypeBoolean)
    case .text: Message(.fxTypeText)
    }
  }
}

/// Resolves names, checks types and builds the folded ``FormulaExpression``,
/// collecting every problem it finds.
struct FormulaChecker {
  let scope: FormulaScope
  let scalars: [Unicode.Scalar]
  private(set) var diagnostics: [FormulaDiagnostic] = []
  private(set) var references: [String] = []
  private var referenced: Set<String> = []
  private(set) var sites: [FormulaSite] = []
  /// The host functions called, in order of first call.
  private(set) var calledFunctions: [String] = []
  /// While checking a comparison with a text name: that name, so that an unquoted
  /// choice (`类别 = 一类`) is explained in terms of it.
  private var comparedTextName: String?

  init(scope: FormulaScope, scalars: [Unicode.Scalar]) {
    self.scope = scope
    self.scalars = scalars
  }

  // MARK: Bookkeeping

  mutating func report(_ message: Message, _ span: SourceSpan) {
    diagnostics.append(FormulaDiagnostic(message, at: span))
  }

  /// Notes a call of a host function.
  mutating func noteCall(_ name: String) {
    if !calledFunctions.contains(name) { calledFunctions.append(name) }
  }

  /// Records a place where evaluation may fail; returns its index.
  mutating func site(_ span: SourceSpan, _ operation: FormulaSiteOperation, operand: SourceSpan? = nil) -> Int {
    sites.append(FormulaSite(span: span, operation: operation, operand: operand))
    return sites.count - 1
  }

  func text(_ span: SourceSpan) -> String {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars[span.offset..<span.end])
    return String(view)
  }

  // MARK: Entry point

  /// Checks the whole formula, and that it gives `expecting` when given.
  mutating func checkRoot(_ syntax: FormulaSyntax, expecting: FormulaType?) -> CheckedExpression? {
    guard let checked = check(syntax) else { return nil }
    if let expecting, checked.type != expecting {
      let hint: Message
      switch (expecting, checked.type) {
      case (.number, .boolean): hint = Message(.fxHintCountCondition)
      case (.number, _): hint = Message(.fxHintGiveNumber)
      case (.boolean, .number): hint = Message(.fxHintCompare)
      case (.boolean, _): hint = Message(.fxHintCompareChoice)
      default: hint = Message(.fxHintGiveText)
      }
      report(
        Message(.fxExpectedType, expecting.phrase, checked.type.phrase, hint),
        syntax.span)
      return nil
    }
    return checked
  }

  // MARK: Requirements

  /// Checks `syntax` and requires a number; `who` names what needs it (`'+'`, `MIN`).
  mutating func number(_ syntax: FormulaSyntax, for who: String) -> FormulaExpression? {
    number(syntax, for: Message.verbatim(who))
  }

  /// Checks `syntax` and requires a number; `who` names what needs it.
  mutating func number(_ syntax: FormulaSyntax, for who: Message) -> FormulaExpression? {
    guard let checked = check(syntax) else { return nil }
    switch checked.type {
    case .number:
      return checked.expression
    case .boolean:
      report(
        Message(.fxNeedsNumberNotBool, who), syntax.span)
    case .text:
      report(
        Message(.fxNeedsNumberNotText, who),
        syntax.span)
    }
    return nil
  }

  /// Checks `syntax` and requires true/false; `who` names what needs it.
  mutating func condition(_ syntax: FormulaSyntax, for who: String) -> FormulaExpression? {
    condition(syntax, for: Message.verbatim(who))
  }

  /// Checks `syntax` and requires true/false; `who` names what needs it.
  mutating func condition(_ syntax: FormulaSyntax, for who: Message) -> FormulaExpression? {
    guard let checked = check(syntax) else { return nil }
    switch checked.type {
    case .boolean:
      return checked.expression
    case .number:
      report(
        Message(.fxNeedsBoolNotNumber, who), syntax.span)
    case .text:
      report(
        Message(.fxNeedsBoolNotText, who), syntax.span)
    }
    return nil
  }

  /// Checks every item with `body`, even after a failure, so that all problems
  /// are reported; `nil` when any failed.
  mutating func all(
    _ items: [FormulaSyntax], _ body: (inout FormulaChecker, FormulaSyntax) -> FormulaExpression?
  ) -> [FormulaExpression]? {
    var results: [FormulaExpression] = []
    var failed = false
    for item in items {
      if let result = body(&self, item) { results.append(result) } else { failed = true }
    }
    return failed ? nil : results
  }

  // MARK: Checking

  mutating func check(_ syntax: FormulaSyntax) -> CheckedExpression? {
    switch syntax.kind {
    case .number(let value):
      return CheckedExpression(expression: .constant(value), type: .number)
    case .boolean(let value):
      return CheckedExpression(expression: .constant(FormulaMath.truth(value)), type: .boolean)
    case .text(let value):
      return CheckedExpression(
        expression: .constant(.zero), type: .text,
        textDomain: TextDomain(choices: [value], owner: .verbatim("'\(value)'"), literal: value))
    case .name(let name):
      return checkName(name, syntax.span)
    case .negate(let operand):
      guard let value = number(operand, for: "'-'") else { return nil }
      let expression = FormulaFolder.fold(.negate(value, site: site(syntax.span, .negate)))
      return CheckedExpression(expression: expression, type: .number)
    case .not(let operand):
      guard let value = condition(operand, for: "'not'") else { return nil }
      return CheckedExpression(expression: FormulaFolder.fold(.not(value)), type: .boolean)
    case .arithmetic(let first, let rest):
      return checkArithmetic(first, rest)
    case .logical(let isAnd, let operands):
      let who = isAnd ? "'and'" : "'or'"
      guard let values = all(operands, { $0.condition($1, for: who) }) else { return nil }
      let expression: FormulaExpression = isAnd ? .and(values) : .or(values)
      return CheckedExpression(expression: FormulaFolder.fold(expression), type: .boolean)
    case .comparison(let op, let lhs, let rhs):
      return checkComparison(op, lhs, rhs, syntax.span)
    case .call(let name, let nameSpan, let arguments):
      return checkCall(name, nameSpan: nameSpan, arguments: arguments, span: syntax.span)
    case .conditional(let branches, let otherwise):
      return checkConditional(
        branches, otherwise: otherwise, conditionOwner: Message(.fxConditionOfIf), word: "'if'")
    }
  }

  private mutating func checkName(_ name: String, _ span: SourceSpan) -> CheckedExpression? {
    guard let symbol = scope[name] else {
      reportUnknownName(name, span)
      return nil
    }
    if referenced.insert(name).inserted { references.append(name) }
    switch symbol.type {
    case .number:
      let bounds = symbol.range.map { FormulaInterval(lower: $0.lowerBound, upper: $0.upperBound) }
      return CheckedExpression(
        expression: .load(
          slot: symbol.slot, bounds: bounds ?? .unbounded, places: symbol.places ?? FormulaSymbol.assumedPlaces),
        type: .number)
    case .boolean:
      return CheckedExpression(expression: .loadTruth(slot: symbol.slot), type: .boolean)
    case .text:
      let count = symbol.choices?.count ?? 0
      let bounds = FormulaInterval(
        lower: .zero, upper: symbol.choices == nil ? nil : ExactDecimal(max(count - 1, 0)))
      return CheckedExpression(
        expression: .load(slot: symbol.slot, bounds: bounds, places: 0), type: .text,
        textDomain: TextDomain(
          choices: symbol.choices, owner: .verbatim(FormulaSuggestions.written(name)), literal: nil))
    }
  }

  private mutating func reportUnknownName(_ name: String, _ span: SourceSpan) {
    let names = scope.names
    if let match = FormulaSuggestions.bestMatch(for: name, among: names) {
      report(
        Message(.fxUnknownNameDidYouMean, name, FormulaSuggestions.written(match)), span)
      return
    }
    for owner in [comparedTextName].compactMap({ $0 }) + names {
      if let symbol = scope[owner], symbol.type == .text, symbol.choices?.contains(name) == true {
        report(
          Message(.fxUnknownNameIsChoice, name, name, FormulaSuggestions.written(owner), name), span)
        return
      }
    }
    if names.isEmpty {
      report(Message(.fxNoNamesHere, name), span)
    } else {
      let list = FormulaSuggestions.listMessage(names.map(FormulaSuggestions.written))
      report(Message(.fxUnknownName, name, list), span)
    }
  }

  private mutating func checkArithmetic(
    _ first: FormulaSyntax, _ rest: [ArithmeticLink]
  ) -> CheckedExpression? {
    let head = number(first, for: "'\(rest[0].op.symbol)'")
    var steps: [FormulaStep] = []
    var failed = head == nil
    for link in rest {
      guard let operand = number(link.operand, for: "'\(link.op.symbol)'") else {
        failed = true
        continue
      }
      let span = first.span.through(link.operand.span)
      let index = site(span, FormulaSiteOperation(link.op), operand: link.operand.span)
      steps.append(FormulaStep(op: link.op, operand: operand, site: index))
    }
    guard let head, !failed else { return nil }
    return CheckedExpression(
      expression: FormulaFolder.fold(.arithmetic(head, steps)), type: .number)
  }

  // MARK: Comparisons

  private mutating func checkComparison(
    _ op: ComparisonOperator, _ lhs: FormulaSyntax, _ rhs: FormulaSyntax, _ span: SourceSpan
  ) -> CheckedExpression? {
    comparedTextName = nil
    for side in [lhs, rhs] {
      if case .name(let name) = side.kind, scope[name]?.type == .text { comparedTextName = name }
    }
    let left = check(lhs)
    let right = check(rhs)
    comparedTextName = nil
    guard let left, let right else { return nil }
    guard left.type == right.type else {
      report(
        Message(.fxCannotCompare, left.type.phrase, right.type.phrase, op.symbol), span)
      return nil
    }
    if op.isOrdering && left.type != .number {
      report(
        Message(.fxComparesNumbersOnly, op.symbol, left.type.phrase, left.type.phrase), span)
      return nil
    }
    guard left.type == .text, let leftDomain = left.textDomain, let rightDomain = right.textDomain
    else {
      let expression = FormulaFolder.fold(.compare(op, left.expression, right.expression))
      return CheckedExpression(expression: expression, type: .boolean)
    }
    let expression: FormulaExpression
    switch (leftDomain.literal, rightDomain.literal) {
    case (let a?, let b?):
      expression = .constant(FormulaMath.truth((a == b) == (op == .equal)))
    case (nil, let literal?):
      guard let index = choiceIndex(literal, in: leftDomain, at: rhs.span) else { return nil }
      expression = FormulaFolder.fold(.compare(op, left.expression, .constant(index)))
    case (let literal?, nil):
      guard let index = choiceIndex(literal, in: rightDomain, at: lhs.span) else { return nil }
      expression = FormulaFolder.fold(.compare(op, .constant(index), right.expression))
    case (nil, nil):
      for domain in [leftDomain, rightDomain] where domain.choices == nil {
        report(
          Message(.fxNoChoicesCannotCompare, domain.owner), span)
        return nil
      }
      let a = leftDomain.choices!
      let b = rightDomain.choices!
      if a.starts(with: b) || b.starts(with: a) {
        expression = FormulaFolder.fold(.compare(op, left.expression, right.expression))
      } else {
        // Different lists: compare the text by moving the left index onto the right list.
        let table = a.map { choice in ExactDecimal(b.firstIndex(of: choice) ?? -1) }
        let moved = FormulaFolder.fold(.remap(left.expression, table: table))
        expression = FormulaFolder.fold(.compare(op, moved, right.expression))
      }
    }
    return CheckedExpression(expression: expression, type: .boolean)
  }

  /// The index of a text literal among a domain's choices, or a diagnostic.
  private mutating func choiceIndex(
    _ literal: String, in domain: TextDomain, at span: SourceSpan
  ) -> ExactDecimal? {
    guard let choices = domain.choices else {
      report(
        Message(.fxLiteralNoChoices, literal, domain.owner), span)
      return nil
    }
    guard let index = choices.firstIndex(of: literal) else {
      report(
        Message(.fxNotAChoice, literal, domain.owner, FormulaSuggestions.listMessage(choices)), span)
      return nil
    }
    return ExactDecimal(index)
  }

  // MARK: Conditionals

  /// `if … then … else …` and `IF(c, a, b)`: true/false conditions, and values
  /// of one type; text values are brought onto one list of choices.
  mutating func checkConditional(
    _ branches: [ConditionalBranch], otherwise: FormulaSyntax, conditionOwner: Message,
    word: String
  ) -> CheckedExpression? {
    var conditions: [FormulaExpression] = []
    var values: [CheckedExpression] = []
    var spans: [SourceSpan] = []
    var failed = false
    for branch in branches {
      if let condition = condition(branch.condition, for: conditionOwner) {
        conditions.append(condition)
      } else {
        failed = true
      }
      if let value = check(branch.value) {
        values.append(value)
        spans.append(branch.value.span)
      } else {
        failed = true
      }
    }
    if let value = check(otherwise) {
      values.append(value)
      spans.append(otherwise.span)
    } else {
      failed = true
    }
    guard let type = values.first?.type else { return nil }
    for (value, span) in zip(values, spans) where value.type != type {
      report(
        Message(.fxBranchesDiffer, word, type.phrase, value.type.phrase), span)
      failed = true
    }
    if failed { return nil }
    var domain: TextDomain?
    if type == .text {
      guard let merged = mergeText(&values, spans: spans, word: word) else { return nil }
      domain = merged
    }
    let cases = zip(conditions, values).map {
      FormulaCase(condition: $0.0, value: $0.1.expression)
    }
    let expression = FormulaFolder.fold(.choose(cases, otherwise: values.last!.expression))
    return CheckedExpression(expression: expression, type: type, textDomain: domain)
  }

  /// Puts text branches on one list of choices: the choices of the first text
  /// name among them, extended by the others' choices and then by the quoted
  /// texts not yet on it. A branch whose list is not a beginning of the result
  /// has its index moved onto it; quoted texts become their index on it.
  private mutating func mergeText(
    _ values: inout [CheckedExpression], spans: [SourceSpan], word: String
  ) -> TextDomain? {
    var choices: [String] = []
    var owner: Message?
    for (value, span) in zip(values, spans) {
      guard let domain = value.textDomain, domain.literal == nil else { continue }
      guard let list = domain.choices else {
        report(
          Message(.fxNoChoicesAsValue, domain.owner, word), span)
        return nil
      }
      if list.starts(with: choices) {
        if list.count > choices.count || owner == nil { owner = domain.owner }
        choices = list
      }
    }
    var extended = false
    for index in values.indices {
      guard let domain = values[index].textDomain, domain.literal == nil,
        let list = domain.choices, !choices.starts(with: list)
      else { continue }
      let table = list.map { choice in
        if let found = choices.firstIndex(of: choice) { return ExactDecimal(found) }
        choices.append(choice)
        extended = true
        return ExactDecimal(choices.count - 1)
      }
      values[index].expression = FormulaFolder.fold(.remap(values[index].expression, table: table))
    }
    for index in values.indices {
      guard let literal = values[index].textDomain?.literal else { continue }
      let position: Int
      if let found = choices.firstIndex(of: literal) {
        position = found
      } else {
        choices.append(literal)
        position = choices.count - 1
        extended = true
      }
      values[index].expression = .constant(ExactDecimal(position))
    }
    let name = (owner == nil || extended) ? Message(.fxResultOf, word) : owner!
    return TextDomain(choices: choices, owner: name, literal: nil)
  }
}
