/// The words with a fixed meaning in formulas (matched without regard to case).
enum FormulaKeyword: String, CaseIterable {
  case `if`, then, `else`, and, or, not, `true`, `false`
}

/// One piece of formula source.
enum FormulaTokenKind: Equatable {
  case number(ExactDecimal)
  case text(String)
  /// A plain name such as `daily` or `群众满意度`.
  case name(String)
  /// A name written in brackets: `[村(社区)得分]`.
  case bracketedName(String)
  case keyword(FormulaKeyword)
  case plus, minus, star, slash, percent
  case leftParenthesis, rightParenthesis, comma
  case equal, notEqual, less, lessOrEqual, greater, greaterOrEqual
  case doubleAmpersand, doubleBar, bang
  case end
}

struct FormulaToken {
  var kind: FormulaTokenKind
  var span: SourceSpan
}

/// Splits formula source into tokens.
///
/// Outside quotes and brackets, full-width forms that a Chinese input method
/// produces (`（ ） ， ＋ － ＊ ／ ＝ ＜ ＞ ！ ％ ０-９`) and `× ÷ − ≥ ≤ ≠` are read as
/// their ASCII counterparts; the ideographic space counts as a space.
struct FormulaLexer {
  let scalars: [Unicode.Scalar]
  private var position = 0
  private(set) var tokens: [FormulaToken] = []

  init(_ scalars: [Unicode.Scalar]) {
    self.scalars = scalars
  }

  /// Reads all tokens, ending with `.end`; stops at the first malformed token.
  static func tokenize(_ scalars: [Unicode.Scalar]) throws(FormulaDiagnostic) -> [FormulaToken] {
    var lexer = FormulaLexer(scalars)
    try lexer.run()
    return lexer.tokens
  }

  /// The ASCII meaning of a scalar outside quotes and brackets: full-width
  /// punctuation and digits become ASCII; letters are left alone.
  static func canonical(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    switch scalar.value {
    case 0xFF01...0xFF5E:
      let ascii = Unicode.Scalar(UInt8(scalar.value - 0xFEE0))
      return ascii.properties.isAlphabetic ? scalar : ascii
    case 0x3000, 0x00A0: return " "
    case 0x00D7: return "*"  // ×
    case 0x00F7: return "/"  // ÷
    case 0x2212: return "-"  // − minus sign
    default: return scalar
    }
  }

  static func isNameStart(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "_" || scalar.properties.isAlphabetic
  }

  static func isNameContinuation(_ scalar: Unicode.Scalar) -> Bool {
    isNameStart(scalar) || scalar.properties.numericType == .decimal
  }

  private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
    let index = position + ahead
    return index < scalars.count ? FormulaLexer.canonical(scalars[index]) : nil
  }

  private mutating func add(_ kind: FormulaTokenKind, from start: Int) {
    tokens.append(
      FormulaToken(kind: kind, span: SourceSpan(offset: start, length: position - start)))
  }

  private mutating func run() throws(FormulaDiagnostic) {
    while let scalar = peek() {
      let start = position
      switch scalar {
      case " ", "\t", "\n", "\r":
        position += 1
      case "0"..."9":
        try number()
      case "." where peek(1).map { ("0"..."9").contains($0) } ?? false:
        try number()
      case "'", "\"", "\u{201C}", "\u{2018}":
        try text()
      case "[", "\u{3010}":
        try bracketedName()
      case "+":
        position += 1
        add(.plus, from: start)
      case "-":
        position += 1
        add(.minus, from: start)
      case "*":
        position += 1
        add(.star, from: start)
      case "/":
        position += 1
        add(.slash, from: start)
      case "%":
        position += 1
        add(.percent, from: start)
      case "(":
        position += 1
        add(.leftParenthesis, from: start)
      case ")":
        position += 1
        add(.rightParenthesis, from: start)
      case ",":
        position += 1
        add(.comma, from: start)
      case "=":
        position += peek(1) == "=" ? 2 : 1
        add(.equal, from: start)
      case "!":
        if peek(1) == "=" {
          position += 2
          add(.notEqual, from: start)
        } else {
          position += 1
          add(.bang, from: start)
        }
      case "<":
        switch peek(1) {
        case "=":
          position += 2
          add(.lessOrEqual, from: start)
        case ">":
          position += 2
          add(.notEqual, from: start)
        default:
          position += 1
          add(.less, from: start)
        }
      case ">":
        if peek(1) == "=" {
          position += 2
          add(.greaterOrEqual, from: start)
        } else {
          position += 1
          add(.greater, from: start)
        }
      case "\u{2265}":
        position += 1
        add(.greaterOrEqual, from: start)  // ≥
      case "\u{2264}":
        position += 1
        add(.lessOrEqual, from: start)  // ≤
      case "\u{2260}":
        position += 1
        add(.notEqual, from: start)  // ≠
      case "&" where peek(1) == "&":
        position += 2
        add(.doubleAmpersand, from: start)
      case "|" where peek(1) == "|":
        position += 2
        add(.doubleBar, from: start)
      default:
        if FormulaLexer.isNameStart(scalars[position]) {
          name()
        } else {
          throw unexpected(scalars[position], at: start)
        }
      }
    }
    add(.end, from: position)
  }

  private func unexpected(_ scalar: Unicode.Scalar, at offset: Int) -> FormulaDiagnostic {
    let span = SourceSpan(offset: offset, length: 1)
    switch FormulaLexer.canonical(scalar) {
    case "&":
      return FormulaDiagnostic(
        Message(.fxAmpersand), at: span)
    case "|":
      return FormulaDiagnostic(
        Message(.fxBar), at: span)
    case "^":
      return FormulaDiagnostic(
        Message(.fxPower), at: span)
    case ";":
      return FormulaDiagnostic(Message(.fxSemicolon), at: span)
    case "]", "\u{3011}":
      return FormulaDiagnostic(Message(.fxNoOpenBracket, scalar), at: span)
    default:
      return FormulaDiagnostic(
        Message(.fxUnexpectedCharacter, scalar, scalar), at: span)
    }
  }

  private mutating func name() {
    let start = position
    while position < scalars.count && FormulaLexer.isNameContinuation(scalars[position]) {
      position += 1
    }
    var text = String.UnicodeScalarView()
    text.append(contentsOf: scalars[start..<position])
    let word = String(text)
    if let keyword = FormulaKeyword(rawValue: word.lowercased()),
      word.unicodeScalars.allSatisfy(\.isASCII)
    {
      add(.keyword(keyword), from: start)
    } else {
      add(.name(word), from: start)
    }
  }

  private mutating func number() throws(FormulaDiagnostic) {
    let start = position
    var digits: [Unicode.Scalar] = []
    var sawPoint = false
    while let scalar = peek() {
      if ("0"..."9").contains(scalar) {
        digits.append(scalar)
      } else if scalar == "." && !sawPoint && peek(1).map({ ("0"..."9").contains($0) }) == true {
        sawPoint = true
        digits.append(scalar)
      } else {
        break
      }
      position += 1
    }
    let span = SourceSpan(offset: start, length: position - start)
    switch ExactDecimal._parse(digits) {
    case .success(let value):
      add(.number(value), from: start)
    case .failure(.tooManyFractionDigits):
      throw FormulaDiagnostic(
        Message(.fxTooManyDecimals), at: span)
    case .failure:
      throw FormulaDiagnostic(
        Message(.fxNumberTooLarge), at: span)
    }
  }

  private mutating func text() throws(FormulaDiagnostic) {
    let start = position
    let opening = scalars[position]
    let closers: [Unicode.Scalar]
    switch FormulaLexer.canonical(opening) {
    case "\u{201C}": closers = ["\u{201D}"]
    case "\u{2018}": closers = ["\u{2019}"]
    case "'": closers = ["'", "\u{FF07}"]
    default: closers = ["\"", "\u{FF02}"]
    }
    position += 1
    var content = String.UnicodeScalarView()
    while position < scalars.count, !closers.contains(scalars[position]) {
      content.append(scalars[position])
      position += 1
    }
    if position == scalars.count {
      throw FormulaDiagnostic(
        Message(.fxTextUnclosed, closers[0]),
        at: SourceSpan(offset: start, length: 1))
    }
    position += 1
    add(.text(String(content)), from: start)
  }

  private mutating func bracketedName() throws(FormulaDiagnostic) {
    let start = position
    let opening = scalars[position]
    let closers: [Unicode.Scalar] = ["]", "\u{FF3D}", "\u{3011}"]
    position += 1
    var content: [Unicode.Scalar] = []
    while position < scalars.count, !closers.contains(scalars[position]) {
      content.append(scalars[position])
      position += 1
    }
    if position == scalars.count {
      let closer = opening == "\u{3010}" ? "】" : "]"
      throw FormulaDiagnostic(
        Message(.fxBracketUnclosed, opening, closer, closer),
        at: SourceSpan(offset: start, length: 1))
    }
    position += 1
    let isSpace = { (scalar: Unicode.Scalar) in scalar.properties.isWhitespace }
    while let first = content.first, isSpace(first) { content.removeFirst() }
    while let last = content.last, isSpace(last) { content.removeLast() }
    if content.isEmpty {
      throw FormulaDiagnostic(
        Message(.fxEmptyBrackets),
        at: SourceSpan(offset: start, length: position - start))
    }
    var text = String.UnicodeScalarView()
    text.append(contentsOf: content)
    add(.bracketedName(String(text)), from: start)
  }
}
