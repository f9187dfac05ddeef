/// Parses the formula language into a syntax tree.
///
/// # The formula language
///
/// Formulas are short expressions written by policy authors inside rule packs,
/// in the style of spreadsheet formulas without the leading `=`:
/// `daily * 30% + yearEnd * 50% + review * 20%`.
///
/// **Values**
/// - Numbers: `85`, `85.5`, `.5`; exact decimals (at most 18 decimal places),
///   never binary floating point. A number followed by `%` is a percentage:
///   `30%` is exactly 0.3 (`%` may only follow a number written directly).
/// - `true`, `false` (any case).
/// - Text in `'…'`, `"…"`, `“…”` or `‘…’`, compared with text names: `类别 = '一类'`.
///   There are no escapes; to include a quote, use another kind of quotes.
/// - Names: a letter (any script, Chinese included) or `_`, then letters,
///   digits or `_`: `daily`, `群众满意度`, `n1`. Any other name is written in
///   square brackets: `[村(社区)阵地建设得分]` (also `【…】` or `［…］`), as is a name
///   that is a keyword (`[if]`). Names are case-sensitive; keywords and function
///   names are not.
///
/// **Operators**, from lowest to highest precedence:
///
/// | operators | meaning |
/// | --- | --- |
/// | `if C then A else B` | choose; `else if` chains are allowed; needs the `else` |
/// | `or`, `\|\|` | either condition |
/// | `and`, `&&` | both conditions |
/// | `not`, `!` (prefix) | the opposite condition; `not a = b` means `not (a = b)` |
/// | `=` `==` `!=` `<>` `<` `<=` `>` `>=` | comparisons; they cannot be chained (`a < b < c` is an error) |
/// | `+` `-` | add, subtract (left to right) |
/// | `*` `/` | multiply, divide (left to right) |
/// | `-` `+` (prefix) | negate |
/// | `( … )` | grouping |
///
/// The branches of `if … then … else …` reach as far right as possible:
/// `if c then 1 else 2 + 3` means `if c then 1 else (2 + 3)`. `if` may appear
/// wherever a value may (`1 + if c then 1 else 2`); `if (c) then …` is the
/// keyword form, `IF(c, a, b)` the function form. `NOT(c)` and `not (c)` are the
/// same: `not` applies to a comparison, so `not (a + b) > 100` negates the
/// comparison.
///
/// Input-method forms are accepted outside quotes and brackets: `≥ ≤ ≠ × ÷ −`,
/// full-width `（ ） ， ＋ － ＊ ／ ＝ ＜ ＞ ！ ％`, full-width digits, and the
/// ideographic space.
///
/// **Functions** (names in any case; variadic ones take 1 to 64 arguments):
///
/// | function | result |
/// | --- | --- |
/// | `IF(c, a, b)` | `a` when `c` holds, else `b` (same as `if c then a else b`) |
/// | `MIN(n, …)`, `MAX(n, …)` | the smallest / largest number |
/// | `SUM(n, …)` | the exact sum |
/// | `AVERAGE(n, …)` | the exact sum divided by the count (division rule below) |
/// | `COUNT(c, …)` | how many of the conditions hold |
/// | `ROUND(x, d)` | `x` rounded half-up (四舍五入) to `d` places; `d` a whole number 0…18 written directly |
/// | `ROUNDUP(x, d)`, `ROUNDDOWN(x, d)` | rounded away from / toward zero |
/// | `CLAMP(x, lo, hi)` | `x` kept between `lo` and `hi`; an error at run time if `lo > hi` |
/// | `ABS(x)` | the absolute value |
/// | `AND(c, …)`, `OR(c, …)`, `NOT(c)` | as `and`, `or`, `not` |
///
/// **Types.** Arithmetic and the number functions need numbers; `and`, `or`,
/// `not` and conditions need true/false; both branches of an `if` give the same
/// kind of value. Numbers compare with all six comparisons; true/false with
/// true/false and text with text only with `=` and `!=`. Quoted text compared
/// with a text name must be one of the name's choices (`类别 = '三类'` is an error
/// when 三类 is not a choice); two text names compare by their text. An `if`
/// that gives text gives a choice of its branches (see ``Formula/choices``).
///
/// **Exactness.** `+ - *` give the exact result; one that needs more than 18
/// decimal places or 19 significant digits is a run-time error
/// (``FormulaError/Kind-swift.enum/inexact``), never a rounded value. `/` and
/// `AVERAGE` give the quotient rounded half-up to exactly 12 decimal places (an
/// error when that does not fit either); `ROUND`, `ROUNDUP` and `ROUNDDOWN` round
/// once, the exact value. Results too large (about 9.22 × 10¹⁸), division by zero
/// and CLAMP with its lowest value above its highest are run-time errors naming
/// the part of the formula that failed. Untaken `if` branches and the rest of a
/// decided `and`/`or` are not evaluated.
///
/// **Safety.** A formula is at most 4,000 characters and nests at most 32 levels
/// (parentheses, function calls, `if`, operators); it cannot loop, call itself,
/// define functions, or read anything but the names in its scope.
package struct FormulaParser {
  static let maximumLength = 4_000
  static let maximumDepth = 32

  let scalars: [Unicode.Scalar]
  let tokens: [FormulaToken]
  private var index = 0
  private var depth = 0

  private init(scalars: [Unicode.Scalar], tokens: [FormulaToken]) {
    self.scalars = scalars
    self.tokens = tokens
  }

  /// Parses a whole formula; throws the first syntax error.
  package static func parse(_ scalars: [Unicode.Scalar]) throws(FormulaDiagnostic) -> FormulaSyntax {
    if scalars.count > maximumLength {
      throw FormulaDiagnostic(
        Message(.fxTooLong, scalars.count, maximumLength),
        at: SourceSpan(offset: maximumLength, length: scalars.count - maximumLength))
    }
    let tokens = try FormulaLexer.tokenize(scalars)
    if tokens.count == 1 {
      throw FormulaDiagnostic(
        Message(.fxEmpty),
        at: SourceSpan(offset: 0, length: 0))
    }
    var parser = FormulaParser(scalars: scalars, tokens: tokens)
    let syntax = try parser.parseExpression()
    let token = parser.current
    switch token.kind {
    case .end:
      try checkNesting(syntax, level: 0)
      return syntax
    case .rightParenthesis:
      throw FormulaDiagnostic(Message(.fxUnmatchedParen), at: token.span)
    default:
      throw FormulaDiagnostic(
        Message(.fxExpectedOperatorOrEnd, parser.describe(token)),
        at: token.span)
    }
  }

  // MARK: Tokens

  private var current: FormulaToken { tokens[index] }

  private func peekKind(_ ahead: Int = 1) -> FormulaTokenKind {
    tokens[min(index + ahead, tokens.count - 1)].kind
  }

  @discardableResult
  private mutating func advance() -> FormulaToken {
    let token = tokens[index]
    if index < tokens.count - 1 { index += 1 }
    return token
  }

  /// The source text of a span.
  func text(_ span: SourceSpan) -> String {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars[span.offset..<span.end])
    return String(view)
  }

  /// `'x'` for a token, or `the end of the formula`.
  private func describe(_ token: FormulaToken) -> Message {
    token.kind == .end ? Message(.fxEndOfFormula) : .verbatim("'\(text(token.span))'")
  }

  /// Enters one level of nesting at `token`; throws when the limit is passed.
  private mutating func enter(at token: FormulaToken) throws(FormulaDiagnostic) {
    depth += 1
    if depth > FormulaParser.maximumDepth { throw FormulaParser.tooDeep(at: token.span) }
  }

  private mutating func leave() { depth -= 1 }

  private static func tooDeep(at span: SourceSpan) -> FormulaDiagnostic {
    FormulaDiagnostic(
      Message(.fxTooDeep, maximumDepth),
      at: span)
  }

  /// Checks that operators and calls nest at most `maximumDepth` deep, so that
  /// every later pass over the tree recurses only that far. (Parsing limits
  /// the nesting of parentheses and right operands; this also limits operators
  /// nesting on the left, as in `(a * 2 + 1) * 2 + 1`.) Flat chains such as
  /// `a + b + c` count as one level.
  private static func checkNesting(
    _ syntax: FormulaSyntax, level: Int
  ) throws(FormulaDiagnostic) {
    let children: [FormulaSyntax]
    switch syntax.kind {
    case .number, .boolean, .text, .name:
      return
    case .negate(let operand), .not(let operand):
      children = [operand]
    case .arithmetic(let first, let rest):
      children = [first] + rest.map(\.operand)
    case .logical(_, let operands):
      children = operands
    case .comparison(_, let lhs, let rhs):
      children = [lhs, rhs]
    case .call(_, _, let arguments):
      children = arguments
    case .conditional(let branches, let otherwise):
      children = branches.flatMap { [$0.condition, $0.value] } + [otherwise]
    }
    if level + 1 > maximumDepth { throw tooDeep(at: syntax.span) }
    for child in children { try checkNesting(child, level: level + 1) }
  }

  // MARK: Binary operators

  private static let orLevel = 1
  private static let andLevel = 2
  private static let notLevel = 3
  private static let comparisonLevel = 4
  private static let additiveLevel = 5
  private static let multiplicativeLevel = 6

  private static func level(of kind: FormulaTokenKind) -> Int? {
    switch kind {
    case .keyword(.or), .doubleBar: orLevel
    case .keyword(.and), .doubleAmpersand: andLevel
    case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: comparisonLevel
    case .plus, .minus: additiveLevel
    case .star, .slash: multiplicativeLevel
    default: nil
    }
  }

  mutating func parseExpression() throws(FormulaDiagnostic) -> FormulaSyntax {
    try parseBinary(FormulaParser.orLevel)
  }

  private mutating func parseBinary(_ minimumLevel: Int) throws(FormulaDiagnostic) -> FormulaSyntax
  {
    let left = try parsePrefix()
    return try continueBinary(left, minimumLevel)
  }

  /// A chain of operators of one level being collected, kept flat.
  private struct Chain {
    var level: Int
    var first: FormulaSyntax
    var operatorToken: FormulaToken
    var links: [ArithmeticLink] = []
    var operands: [FormulaSyntax] = []

    /// Adds the operand after `operatorToken`: as a signed link in a sum or product, else as one more operand.
    mutating func append(_ operand: FormulaSyntax, after operatorToken: FormulaToken) {
      if level >= FormulaParser.additiveLevel {
        links.append(
          ArithmeticLink(
            op: FormulaParser.arithmetic(operatorToken.kind), operatorSpan: operatorToken.span, operand: operand))
      } else {
        operands.append(operand)
      }
    }

    func build() -> FormulaSyntax {
      let last = operands.last ?? links.last!.operand
      let span = first.span.through(last.span)
      switch level {
      case FormulaParser.orLevel, FormulaParser.andLevel:
        return FormulaSyntax(
          kind: .logical(isAnd: level == FormulaParser.andLevel, operands: [first] + operands),
          span: span)
      case FormulaParser.comparisonLevel:
        return FormulaSyntax(
          kind: .comparison(FormulaParser.comparison(operatorToken.kind), first, operands[0]),
          span: span)
      default:
        return FormulaSyntax(kind: .arithmetic(first: first, rest: links), span: span)
      }
    }
  }

  private static func comparison(_ kind: FormulaTokenKind) -> ComparisonOperator {
    switch kind {
    case .equal: .equal
    case .notEqual: .notEqual
    case .less: .less
    case .lessOrEqual: .lessOrEqual
    case .greater: .greater
    default: .greaterOrEqual
    }
  }

  private static func arithmetic(_ kind: FormulaTokenKind) -> ArithmeticOperator {
    switch kind {
    case .plus: .add
    case .minus: .subtract
    case .star: .multiply
    default: .divide
    }
  }

  /// Extends `start` with binary operators of at least `minimumLevel`.
  private mutating func continueBinary(
    _ start: FormulaSyntax, _ minimumLevel: Int
  ) throws(FormulaDiagnostic) -> FormulaSyntax {
    var left = start
    var chain: Chain?
    while let level = FormulaParser.level(of: current.kind), level >= minimumLevel {
      let operatorToken = advance()
      try enter(at: operatorToken)
      let right = try parseBinary(level + 1)
      leave()
      if var building = chain, building.level == level {
        if level == FormulaParser.comparisonLevel {
          let first = building.build()
          throw FormulaDiagnostic(
            Message(.fxChainedComparison, text(first.span), text(building.operands[0].span), text(operatorToken.span), text(right.span)), at: operatorToken.span)
        }
        building.append(right, after: operatorToken)
        chain = building
      } else {
        if let built = chain { left = built.build() }
        var building = Chain(level: level, first: left, operatorToken: operatorToken)
        building.append(right, after: operatorToken)
        chain = building
      }
    }
    if let built = chain { left = built.build() }
    return left
  }

  // MARK: Prefix operators

  private mutating func parsePrefix() throws(FormulaDiagnostic) -> FormulaSyntax {
    let token = current
    switch token.kind {
    case .minus, .plus:
      advance()
      try enter(at: token)
      let operand = try parsePrefix()
      leave()
      let span = token.span.through(operand.span)
      return FormulaSyntax(kind: token.kind == .minus ? .negate(operand) : operand.kind, span: span)
    case .bang, .keyword(.not):
      return try parseNot(token)
    default:
      let primary = try parsePrimary()
      if current.kind == .percent {
        throw FormulaDiagnostic(
          Message(.fxPercentAfterNumber), at: current.span)
      }
      return primary
    }
  }

  /// `not x` or `!x`: applies to a comparison or anything tighter, so
  /// `not a = b` is `not (a = b)`. `NOT(x)` reads the same way; with other than
  /// one argument it is a call, so the argument count is reported.
  private mutating func parseNot(_ token: FormulaToken) throws(FormulaDiagnostic) -> FormulaSyntax {
    advance()
    try enter(at: token)
    let operand: FormulaSyntax
    if token.kind == .keyword(.not) && current.kind == .leftParenthesis {
      let open = current
      let (arguments, close) = try parseArguments(of: text(token.span))
      guard arguments.count == 1 else {
        leave()
        return FormulaSyntax(
          kind: .call(name: text(token.span), nameSpan: token.span, arguments: arguments),
          span: token.span.through(close.span))
      }
      let group = FormulaSyntax(kind: arguments[0].kind, span: open.span.through(close.span))
      operand = try continueBinary(group, FormulaParser.notLevel)
    } else {
      operand = try parseBinary(FormulaParser.notLevel)
    }
    leave()
    return FormulaSyntax(kind: .not(operand), span: token.span.through(operand.span))
  }

  // MARK: Primaries

  private mutating func parsePrimary() throws(FormulaDiagnostic) -> FormulaSyntax {
    let token = current
    switch token.kind {
    case .number(let value):
      advance()
      guard current.kind == .percent else {
        return FormulaSyntax(kind: .number(value), span: token.span)
      }
      let percent = advance()
      let span = token.span.through(percent.span)
      guard value.scale + 2 <= ExactDecimal.maxScale else {
        throw FormulaDiagnostic(
          Message(.fxPercentDecimals), at: span)
      }
      return FormulaSyntax(
        kind: .number(ExactDecimal(significand: value.significand, scale: value.scale + 2)),
        span: span)
    case .text(let text):
      advance()
      return FormulaSyntax(kind: .text(text), span: token.span)
    case .keyword(.true), .keyword(.false):
      advance()
      return FormulaSyntax(kind: .boolean(token.kind == .keyword(.true)), span: token.span)
    case .name(let name):
      advance()
      if current.kind == .leftParenthesis { return try parseCall(name, nameToken: token) }
      return FormulaSyntax(kind: .name(name), span: token.span)
    case .bracketedName(let name):
      advance()
      return FormulaSyntax(kind: .name(name), span: token.span)
    case .keyword(.and), .keyword(.or):
      guard peekKind() == .leftParenthesis else { throw expectedValue(token) }
      advance()
      return try parseCall(text(token.span), nameToken: token)
    case .keyword(.if):
      return try parseIf()
    case .leftParenthesis:
      advance()
      try enter(at: token)
      let inner = try parseExpression()
      leave()
      guard current.kind == .rightParenthesis else { throw unclosed(token, after: nil) }
      let close = advance()
      return FormulaSyntax(kind: inner.kind, span: token.span.through(close.span))
    default:
      throw expectedValue(token)
    }
  }

  private func expectedValue(_ token: FormulaToken) -> FormulaDiagnostic {
    if token.kind == .end {
      let previous = tokens[max(index - 1, 0)]
      return FormulaDiagnostic(
        Message(.fxEndsEarlyAfter, text(previous.span)), at: token.span)
    }
    return FormulaDiagnostic(
      Message(.fxExpectedValue, describe(token)), at: token.span)
  }

  /// The error for a `(` whose `)` is missing, reported where parsing stopped.
  private func unclosed(_ open: FormulaToken, after function: String?) -> FormulaDiagnostic {
    if current.kind == .end {
      let owner = function.map { Message(.fxParenAfter, $0) } ?? Message(.fxThisParen)
      return FormulaDiagnostic(Message(.fxNeverClosed, owner), at: open.span)
    }
    let expected = function == nil ? Message(.fxOperatorOrParen) : Message(.fxCommaOrParen)
    return FormulaDiagnostic(
      Message(.fxExpectedHere, expected, describe(current)), at: current.span)
  }

  /// Parses `(arguments)` after a function name; `current` is the `(`.
  private mutating func parseArguments(
    of function: String
  ) throws(FormulaDiagnostic) -> (arguments: [FormulaSyntax], close: FormulaToken) {
    let open = advance()
    try enter(at: open)
    var arguments: [FormulaSyntax] = []
    if current.kind != .rightParenthesis {
      while true {
        arguments.append(try parseExpression())
        if current.kind == .comma {
          advance()
          continue
        }
        if current.kind == .rightParenthesis { break }
        throw unclosed(open, after: function)
      }
    }
    leave()
    return (arguments, advance())
  }

  private mutating func parseCall(
    _ name: String, nameToken: FormulaToken
  ) throws(FormulaDiagnostic) -> FormulaSyntax {
    let (arguments, close) = try parseArguments(of: name)
    return FormulaSyntax(
      kind: .call(name: name, nameSpan: nameToken.span, arguments: arguments),
      span: nameToken.span.through(close.span))
  }

  /// `if … then … else …`, or the function form `IF(c, a, b)`. `if (c) then …`
  /// and `if (c) and d then …` are the keyword form with a parenthesised start.
  private mutating func parseIf() throws(FormulaDiagnostic) -> FormulaSyntax {
    let ifToken = advance()
    guard current.kind == .leftParenthesis else {
      return try parseConditional(ifToken, firstCondition: nil)
    }
    let open = current
    let (arguments, close) = try parseArguments(of: text(ifToken.span))
    if arguments.count == 1
      && (current.kind == .keyword(.then) || FormulaParser.level(of: current.kind) != nil)
    {
      let group = FormulaSyntax(kind: arguments[0].kind, span: open.span.through(close.span))
      let condition = try continueBinary(group, FormulaParser.orLevel)
      return try parseConditional(ifToken, firstCondition: condition)
    }
    return FormulaSyntax(
      kind: .call(name: text(ifToken.span), nameSpan: ifToken.span, arguments: arguments),
      span: ifToken.span.through(close.span))
  }

  private mutating func parseConditional(
    _ ifToken: FormulaToken, firstCondition: FormulaSyntax?
  ) throws(FormulaDiagnostic) -> FormulaSyntax {
    try enter(at: ifToken)
    var branches: [ConditionalBranch] = []
    var condition: FormulaSyntax
    if let firstCondition {
      condition = firstCondition
    } else {
      condition = try parseExpression()
    }
    while true {
      guard current.kind == .keyword(.then) else {
        if current.kind == .end {
          throw FormulaDiagnostic(
            Message(.fxIfNeedsThenElse), at: current.span)
        }
        throw FormulaDiagnostic(
          Message(.fxExpectedThen, describe(current)),
          at: current.span)
      }
      advance()
      let value = try parseExpression()
      branches.append(ConditionalBranch(condition: condition, value: value))
      guard current.kind == .keyword(.else) else {
        throw FormulaDiagnostic(
          Message(.fxExpectedElse, describe(current)), at: current.span)
      }
      advance()
      if current.kind == .keyword(.if) && peekKind() != .leftParenthesis {
        advance()
        condition = try parseExpression()
        continue
      }
      let otherwise = try parseExpression()
      leave()
      return FormulaSyntax(
        kind: .conditional(branches: branches, otherwise: otherwise),
        span: ifToken.span.through(otherwise.span))
    }
  }
}
