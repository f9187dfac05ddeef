/// `+ − × ÷` in a chain such as `a + b − c` or `a * b / c`.
package enum ArithmeticOperator: Sendable, BitwiseCopyable {
  case add, subtract, multiply, divide

  var symbol: String {
    switch self {
    case .add: "+"
    case .subtract: "-"
    case .multiply: "*"
    case .divide: "/"
    }
  }
}

/// The six comparisons.
package enum ComparisonOperator: Sendable, BitwiseCopyable {
  case equal, notEqual, less, lessOrEqual, greater, greaterOrEqual

  var symbol: String {
    switch self {
    case .equal: "="
    case .notEqual: "!="
    case .less: "<"
    case .lessOrEqual: "<="
    case .greater: ">"
    case .greaterOrEqual: ">="
    }
  }

  /// Whether the comparison orders values (`<`, `<=`, `>`, `>=`), which only
  /// numbers support.
  var isOrdering: Bool { self != .equal && self != .notEqual }

  /// Compares two numbers (or indices).
  @inline(__always)
  func holds(_ lhs: ExactDecimal, _ rhs: ExactDecimal) -> Bool {
    switch self {
    case .equal: lhs == rhs
    case .notEqual: lhs != rhs
    case .less: lhs < rhs
    case .lessOrEqual: lhs <= rhs
    case .greater: lhs > rhs
    case .greaterOrEqual: lhs >= rhs
    }
  }
}

/// One step of an arithmetic chain: the operator and its right operand.
package struct ArithmeticLink {
  package var op: ArithmeticOperator
  var operatorSpan: SourceSpan
  package var operand: FormulaSyntax
}

/// One `if … then …` pair of a conditional.
package struct ConditionalBranch {
  var condition: FormulaSyntax
  var value: FormulaSyntax
}

/// The parsed, not yet checked form of a formula. Chains of one operator level
/// (`a + b − c`, `x and y and z`) are kept flat, so the tree is only as deep as
/// the formula's nesting.
///
/// `package`, read-only outside the library: `pbk render` reads the tree to put formulas into words.
package indirect enum FormulaSyntaxKind {
  case number(ExactDecimal)
  case boolean(Bool)
  case text(String)
  case name(String)
  case negate(FormulaSyntax)
  case not(FormulaSyntax)
  case arithmetic(first: FormulaSyntax, rest: [ArithmeticLink])
  /// `and` (`isAnd`) or `or` over two or more operands.
  case logical(isAnd: Bool, operands: [FormulaSyntax])
  case comparison(ComparisonOperator, FormulaSyntax, FormulaSyntax)
  case call(name: String, nameSpan: SourceSpan, arguments: [FormulaSyntax])
  /// `if c1 then v1 else if c2 then v2 else w`, flattened.
  case conditional(branches: [ConditionalBranch], otherwise: FormulaSyntax)
}

package struct FormulaSyntax {
  package var kind: FormulaSyntaxKind
  package var span: SourceSpan
}

extension FormulaSyntax {
  /// The names the formula uses, in order of first use (each once). The tree is at most
  /// ``FormulaParser/maximumDepth`` deep, so the walk recurses only that far.
  var names: [String] {
    var found: [String] = []
    var seen: Set<String> = []
    func visit(_ syntax: FormulaSyntax) {
      switch syntax.kind {
      case .number, .boolean, .text: return
      case .name(let name): if seen.insert(name).inserted { found.append(name) }
      case .negate(let operand), .not(let operand): visit(operand)
      case .arithmetic(let first, let rest):
        visit(first)
        for link in rest { visit(link.operand) }
      case .logical(_, let operands): for operand in operands { visit(operand) }
      case .comparison(_, let lhs, let rhs):
        visit(lhs)
        visit(rhs)
      case .call(_, _, let arguments): for argument in arguments { visit(argument) }
      case .conditional(let branches, let otherwise):
        for branch in branches {
          visit(branch.condition)
          visit(branch.value)
        }
        visit(otherwise)
      }
    }
    visit(self)
    return found
  }
}
