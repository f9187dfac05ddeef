import PartyBuildingKit

/// A formula or a condition as a reader meets it in a 考核细则: in words where its shape says plainly what it does,
/// else the formula as written.
enum Phrase: Equatable {
  /// Words that say exactly what the formula does: 村集体经济年经营性收入不低于 10 万元.
  case words(String)
  /// The formula as written, shown as code: a shape the translator does not put into words.
  case formula(String)

  /// The phrase as plain text (a formula as written), for a table cell of words.
  var plainText: String {
    switch self {
    case .words(let text): text
    case .formula(let formula): formula
    }
  }
}

/// Puts the common shapes of formulas into Chinese words, reading the library's syntax tree; anything else is left as
/// the formula's text (never a paraphrase that could be wrong).
///
/// In words: a number (30% stays 30%) and a name (by its label); `+ - * /` between them (× ÷); comparisons
/// (不低于, 超过, 不超过, 低于, 等于, 不等于), with the unit of the name compared (不低于 10 万元); a yes/no name alone
/// (its label) or negated (“…”为否); a choice compared with a text (类别为“一类”; ≠ lists the other choices);
/// `and`, `or`, `not` of these (且, 或; a nested group in （）). At the top of an amount also `MIN`/`MAX` with a number
/// (…，最高 20), `CLAMP` with two numbers, `ROUND`/`ROUNDUP`/`ROUNDDOWN` with the places, and `AVERAGE`/`SUM` of names
/// and numbers. Everything else — `IF` and `if … then … else`, `COUNT`, `ABS`, `MEDIAN`, `LARGE`, `SMALL`, host
/// functions, these functions inside arithmetic, `not` of a group — stays a formula.
struct FormulaWords {
  let names: RenderNames

  /// A condition (`when`, `earnedWhen`, `alsoWhen`, `exclude`).
  func condition(_ source: String) -> Phrase {
    guard let reader = Reader(source: source, names: names), let words = reader.condition(reader.syntax) else {
      return .formula(source.trimmingSpaces)
    }
    return .words(words)
  }

  /// A number (`points`, `count`, `score`, a value's `formula`, a cohort's `rankBy`); `unit` follows the bounds of
  /// `MIN`, `MAX` and `CLAMP` (最高 20 分).
  func amount(_ source: String, unit: String = "") -> Phrase {
    guard let reader = Reader(source: source, names: names), let words = reader.amount(reader.syntax, unit: unit) else {
      return .formula(source.trimmingSpaces)
    }
    return .words(words)
  }

  /// The number a formula is, when it is only a number written directly (`5`, `0.5`, `30%`), as written.
  func literal(_ source: String) -> String? {
    guard let reader = Reader(source: source, names: names), case .number = reader.syntax.kind else { return nil }
    return reader.number(reader.syntax)
  }

  /// The name a formula is, when it is only a name (`通报批评次数`).
  func name(_ source: String) -> String? {
    guard let reader = Reader(source: source, names: names), case .name(let name) = reader.syntax.kind else {
      return nil
    }
    return name
  }

  /// Whether a formula gives true/false (a comparison, `and`, `or`, `not`, or a yes/no name).
  static func isCondition(_ source: String, names: RenderNames) -> Bool {
    guard let reader = Reader(source: source, names: names) else { return false }
    switch reader.syntax.kind {
    case .comparison, .logical, .not, .boolean: return true
    case .name(let name):
      if case .boolean = names[name]?.kind { return true }
      return false
    case .call(let function, _, _): return ["AND", "OR", "NOT"].contains(function.uppercased())
    default: return false
    }
  }

  /// One parsed formula and its source, for the text of a span.
  private struct Reader {
    let scalars: [Unicode.Scalar]
    let syntax: FormulaSyntax
    let names: RenderNames

    init?(source: String, names: RenderNames) {
      scalars = Array(source.unicodeScalars)
      guard let parsed = try? FormulaParser.parse(scalars) else { return nil }
      syntax = parsed
      self.names = names
    }

    func text(_ span: SourceSpan) -> String {
      var view = String.UnicodeScalarView()
      view.append(contentsOf: scalars[span.offset..<span.end])
      return String(view)
    }

    // MARK: Numbers

    /// A number as written: `30%` stays 30%, `0.50` is 0.5.
    func number(_ syntax: FormulaSyntax) -> String? {
      guard case .number(let value) = syntax.kind else { return nil }
      let written = text(syntax.span).unicodeScalars.filter { !$0.properties.isWhitespace && $0 != ")" && $0 != "）" }
      if let last = written.last, last == "%" || last == "％", value.scale >= 2 {
        return ExactDecimal(significand: value.significand, scale: value.scale - 2).description + "%"
      }
      return value.description
    }

    /// A number as an operand: a number or a numeric name (atomic), or an arithmetic chain of them.
    func arithmetic(_ syntax: FormulaSyntax) -> (words: String, level: Int)? {
      switch syntax.kind {
      case .number: return number(syntax).map { ($0, 3) }
      case .name(let name):
        guard let entry = names[name], case .number = entry.kind else { return nil }
        return (entry.words, 3)
      case .negate(let operand):
        guard let inner = arithmetic(operand), inner.level == 3 else { return nil }
        return ("−" + inner.words, 3)
      case .arithmetic(let first, let rest):
        guard let head = rest.first else { return arithmetic(first) }
        let level = head.op == .add || head.op == .subtract ? 1 : 2
        func operand(_ syntax: FormulaSyntax) -> String? {
          guard let inner = arithmetic(syntax) else { return nil }
          return inner.level > level ? inner.words : "（\(inner.words)）"
        }
        guard var words = operand(first) else { return nil }
        for link in rest {
          guard let next = operand(link.operand) else { return nil }
          let symbol: String
          switch link.op {
          case .add: symbol = "+"
          case .subtract: symbol = "−"
          case .multiply: symbol = "×"
          case .divide: symbol = "÷"
          }
          words += " \(symbol) \(next)"
        }
        return (words, level)
      default:
        return nil
      }
    }

    /// A whole amount: arithmetic, or one of the functions that read plainly at the top.
    func amount(_ syntax: FormulaSyntax, unit: String) -> String? {
      if let plain = arithmetic(syntax) { return plain.words }
      guard case .call(let function, _, let arguments) = syntax.kind else { return nil }
      switch (function.uppercased(), arguments.count) {
      case ("MIN", 2), ("MAX", 2):
        let bound = function.uppercased() == "MIN" ? "最高" : "最低"
        if let limit = number(arguments[1]), let value = arithmetic(arguments[0]) {
          return "\(value.words)，\(bound) \(limit)\(unit)"
        }
        if let limit = number(arguments[0]), let value = arithmetic(arguments[1]) {
          return "\(value.words)，\(bound) \(limit)\(unit)"
        }
        return list(arguments, "中的较\(function.uppercased() == "MIN" ? "小" : "大")值")
      case ("MIN", _), ("MAX", _):
        return list(arguments, "中的最\(function.uppercased() == "MIN" ? "小" : "大")值")
      case ("CLAMP", 3):
        guard let value = arithmetic(arguments[0]), let low = number(arguments[1]), let high = number(arguments[2])
        else {
          return nil
        }
        return "\(value.words)，最低 \(low)\(unit)、最高 \(high)\(unit)"
      case ("ROUND", 2), ("ROUNDUP", 2), ("ROUNDDOWN", 2):
        guard let value = arithmetic(arguments[0]), case .number(let places) = arguments[1].kind,
          let count = places.intValue
        else { return nil }
        let how = ["ROUND": "四舍五入", "ROUNDUP": "进一法", "ROUNDDOWN": "去尾法"][function.uppercased()]!
        return "\(value.words)，\(how)\(count == 0 ? "取整" : "保留 \(count) 位小数")"
      case ("AVERAGE", _): return list(arguments, "的平均值")
      case ("SUM", _): return list(arguments, "之和")
      default: return nil
      }
    }

    /// `a、b、c` followed by `ending`, when every argument is a number or a name.
    private func list(_ arguments: [FormulaSyntax], _ ending: String) -> String? {
      var parts: [String] = []
      for argument in arguments {
        guard let part = arithmetic(argument), part.level == 3 else { return nil }
        parts.append(part.words)
      }
      return parts.joined(separator: "、") + ending
    }

    // MARK: Conditions

    func condition(_ syntax: FormulaSyntax) -> String? {
      switch syntax.kind {
      case .name(let name):
        guard let entry = names[name], case .boolean = entry.kind else { return nil }
        return entry.words
      case .not(let operand): return negated(operand)
      case .logical(let isAnd, let operands): return logical(isAnd, operands)
      case .call(let function, _, let arguments):
        switch function.uppercased() {
        case "AND" where arguments.count >= 1: return logical(true, arguments)
        case "OR" where arguments.count >= 1: return logical(false, arguments)
        default: return nil
        }
      case .comparison(let op, let lhs, let rhs): return comparison(op, lhs, rhs)
      default: return nil
      }
    }

    private func logical(_ isAnd: Bool, _ operands: [FormulaSyntax]) -> String? {
      var parts: [String] = []
      for operand in operands {
        guard let part = condition(operand) else { return nil }
        parts.append(isGroup(operand) ? "（\(part)）" : part)
      }
      return parts.joined(separator: isAnd ? "且" : "或")
    }

    private func isGroup(_ syntax: FormulaSyntax) -> Bool {
      switch syntax.kind {
      case .logical: return true
      case .call(let function, _, _): return ["AND", "OR"].contains(function.uppercased())
      default: return false
      }
    }

    /// `not x`: a yes/no name is “…”为否, a comparison turns round; a group stays a formula.
    private func negated(_ syntax: FormulaSyntax) -> String? {
      switch syntax.kind {
      case .name(let name):
        guard let entry = names[name], case .boolean = entry.kind else { return nil }
        return "\(entry.words.inQuotes)为否"
      case .not(let operand): return condition(operand)
      case .comparison(let op, let lhs, let rhs):
        let opposite: ComparisonOperator
        switch op {
        case .equal: opposite = .notEqual
        case .notEqual: opposite = .equal
        case .less: opposite = .greaterOrEqual
        case .lessOrEqual: opposite = .greater
        case .greater: opposite = .lessOrEqual
        case .greaterOrEqual: opposite = .less
        }
        return comparison(opposite, lhs, rhs)
      default: return nil
      }
    }

    private func comparison(_ op: ComparisonOperator, _ lhs: FormulaSyntax, _ rhs: FormulaSyntax) -> String? {
      // A choice (or the grade) compared with a text.
      if case .name(let name) = lhs.kind, case .text(let value) = rhs.kind { return choice(name, op, value) }
      if case .text(let value) = lhs.kind, case .name(let name) = rhs.kind { return choice(name, op, value) }
      // A yes/no name compared with true or false.
      if case .name(let name) = lhs.kind, case .boolean(let flag) = rhs.kind { return flagged(name, op, flag) }
      if case .boolean(let flag) = lhs.kind, case .name(let name) = rhs.kind { return flagged(name, op, flag) }
      // Numbers: the name's unit follows a number written directly on the other side.
      if case .number = lhs.kind, !isNumber(rhs) {
        return comparison(mirrored(op), rhs, lhs)
      }
      guard let left = arithmetic(lhs), let right = arithmetic(rhs) else { return nil }
      var bound = right.words
      if case .number = rhs.kind, case .name(let name) = lhs.kind, let unit = names[name]?.unit, !unit.isEmpty {
        bound += unit == "%" ? unit : " " + unit
      }
      let word: String
      switch op {
      case .greaterOrEqual: word = "不低于"
      case .greater: word = "超过"
      case .lessOrEqual: word = "不超过"
      case .less: word = "低于"
      case .equal: word = "等于"
      case .notEqual: word = "不等于"
      }
      return "\(left.words)\(word) \(bound)"
    }

    private func isNumber(_ syntax: FormulaSyntax) -> Bool {
      if case .number = syntax.kind { return true }
      return false
    }

    private func mirrored(_ op: ComparisonOperator) -> ComparisonOperator {
      switch op {
      case .less: .greater
      case .lessOrEqual: .greaterOrEqual
      case .greater: .less
      case .greaterOrEqual: .lessOrEqual
      default: op
      }
    }

    private func choice(_ name: String, _ op: ComparisonOperator, _ value: String) -> String? {
      guard let entry = names[name], case .choice(let choices) = entry.kind else { return nil }
      switch op {
      case .equal: return "\(entry.words)为\(value.inQuotes)"
      case .notEqual:
        let others = choices.filter { $0 != value }
        // The grade may also be none (不定等次): only a choice input lists every other value.
        guard name != "grade", !others.isEmpty, choices.contains(value) else {
          return "\(entry.words)不为\(value.inQuotes)"
        }
        // Quoted items take no 顿号 between them (GB/T 15834): “警告”“严重警告”或“留党察看”.
        let quoted = others.map(\.inQuotes)
        let listed = quoted.count == 1 ? quoted[0] : quoted.dropLast().joined() + "或" + quoted.last!
        return "\(entry.words)为\(listed)"
      default: return nil
      }
    }

    private func flagged(_ name: String, _ op: ComparisonOperator, _ flag: Bool) -> String? {
      guard let entry = names[name], case .boolean = entry.kind else { return nil }
      switch op {
      case .equal: return flag ? entry.words : "\(entry.words.inQuotes)为否"
      case .notEqual: return flag ? "\(entry.words.inQuotes)为否" : entry.words
      default: return nil
      }
    }
  }
}

extension String {
  /// Without leading and trailing white space.
  var trimmingSpaces: String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    return String(String.UnicodeScalarView(scalars[first...last]))
  }
}
