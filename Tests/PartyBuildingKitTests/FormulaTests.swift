import SeededRandom
import Testing

@testable import PartyBuildingKit

private func d(_ text: String) -> ExactDecimal {
  guard let value = ExactDecimal(text) else { fatalError("bad test literal \(text)") }
  return value
}

/// The names used by most tests, with their slot values.
private enum Fixture {
  static let percent: ClosedRange<ExactDecimal> = 0...100

  static let symbols: [FormulaSymbol] = [
    FormulaSymbol(name: "a", type: .number, slot: 0, range: percent),
    FormulaSymbol(name: "b", type: .number, slot: 1, range: percent),
    FormulaSymbol(name: "c", type: .number, slot: 2, range: percent),
    FormulaSymbol(name: "daily", type: .number, slot: 3, range: percent),
    FormulaSymbol(name: "yearEnd", type: .number, slot: 4, range: percent),
    FormulaSymbol(name: "review", type: .number, slot: 5, range: percent),
    FormulaSymbol(name: "overdueTasks", type: .number, slot: 6, range: 0...1000),
    FormulaSymbol(name: "集体经济收入", type: .number, slot: 7),
    FormulaSymbol(name: "群众满意度", type: .number, slot: 8, range: percent),
    FormulaSymbol(name: "category", type: .text, slot: 9, choices: ["一类", "二类"]),
    FormulaSymbol(name: "类别", type: .text, slot: 10, choices: ["一类", "二类"]),
    FormulaSymbol(name: "村(社区)阵地建设得分", type: .number, slot: 11, range: percent),
    FormulaSymbol(name: "flag", type: .boolean, slot: 12),
    FormulaSymbol(name: "zero", type: .number, slot: 13),
    FormulaSymbol(name: "x", type: .number, slot: 14),
    FormulaSymbol(name: "y", type: .number, slot: 15),
    FormulaSymbol(name: "grade", type: .text, slot: 16, choices: ["优秀", "良好", "一般"]),
    FormulaSymbol(name: "big", type: .number, slot: 17),
    FormulaSymbol(name: "note", type: .text, slot: 18),
    FormulaSymbol(name: "level", type: .text, slot: 19, choices: ["二类", "一类", "三类"]),
  ]

  static let scope = FormulaScope(symbols)

  static let slots: [ExactDecimal] = [
    d("85.5"), 90, 70,  // a, b, c
    80, 90, 100,  // daily, yearEnd, review
    3, 12, 95,  // overdueTasks, 集体经济收入, 群众满意度
    0, 1,  // category = 一类, 类别 = 二类
    65, 1, 0,  // 村(社区)阵地建设得分, flag = true, zero
    2, -3,  // x, y
    1,  // grade = 良好
    ExactDecimal(significand: Int64.max, scale: 0),  // big
    0,  // note
    1,  // level = 一类
  ]
}

private func compile(
  _ source: String, in scope: FormulaScope = Fixture.scope, expecting: FormulaType? = nil
) throws -> Formula {
  try Formula.compile(source, in: scope, expecting: expecting).get()
}

/// The value of a formula over the fixture slots, as text.
private func value(_ source: String, slots: [ExactDecimal] = Fixture.slots) throws -> String {
  try compile(source).evaluate(slots).description
}

/// The diagnostics for a formula that must not compile.
private func problems(
  _ source: String, in scope: FormulaScope = Fixture.scope, expecting: FormulaType? = nil
) -> [FormulaDiagnostic] {
  switch Formula.compile(source, in: scope, expecting: expecting) {
  case .success: return []
  case .failure(let diagnostics): return Array(diagnostics)
  }
}

/// The run-time error of a formula that must fail.
private func failure(_ source: String) throws -> FormulaError? {
  let formula = try compile(source)
  do {
    _ = try formula.evaluate(Fixture.slots)
    return nil
  } catch {
    return error
  }
}

@Suite("Formula")
struct FormulaTests {

  // MARK: Exactness

  @Test func weightTimesScoreIsExact() throws {
    #expect(try value("0.3 * 85.5") == "25.65")
    let formula = try compile("a * 0.3")
    #expect(try formula.evaluate(Fixture.slots) == d("25.65"))
    #expect(try compile("0.3 * 85.5").constantValue == d("25.65"))
  }

  // MARK: Evaluation

  @Test(arguments: [
    ("1 + 2 * 3", "7"), ("(1 + 2) * 3", "9"), ("10 - 4 - 3", "3"), ("100 / 10 / 5", "2"),
    ("2 * 3 - 4 / 2", "4"), ("-2 * 3", "-6"), ("- -2", "2"), ("+5", "5"), ("2 * -3", "-6"),
    ("1 - -1", "2"), ("10 / 4", "2.5"), ("1 / 3", "0.333333333333"),
    ("2 / 3 * 3", "2.000000000001"), ("0.1 + 0.2", "0.3"), ("a * 30% + b * 50% + c * 20%", "84.65"),
    ("daily * 30% + yearEnd * 50% + review * 20%", "89"), ("50%", "0.5"), ("12.5%", "0.125"),
    (".5 + 1", "1.5"), ("(a - b) * 2", "-9"), ("a-b", "-4.5"), ("-a", "-85.5"), ("x - y - 1", "4"),
    ("x * y / 2", "-3"), ("a / 2 / x", "21.375"), ("((((a))))", "85.5"), ("2 * (3 + 4) * 5", "70"),
    ("1 - 2 + 3 - 4", "-2"), ("8 / 4 * 2", "4"), ("100 - a * 2", "-71"),
  ])
  func arithmeticAndPrecedence(source: String, expected: String) throws {
    #expect(try value(source) == expected)
  }

  @Test(arguments: [
    ("1 < 2", "1"), ("1 >= 2", "0"), ("1 = 1.0", "1"), ("1 == 1", "1"), ("1 != 2", "1"),
    ("1 <> 1", "0"), ("2 <= 2", "1"), ("3 > 2", "1"), ("true and false", "0"),
    ("true or false and false", "1"), ("not true or true", "1"), ("not (true or true)", "0"),
    ("not 1 > 2", "1"), ("!false", "1"), ("TRUE AND NOT FALSE", "1"),
    ("true && false || true", "1"),
    ("flag", "1"), ("flag = true", "1"), ("flag != false", "1"), ("true = false", "0"),
    ("集体经济收入 >= 10 and 群众满意度 >= 90", "1"), ("a > b or b > c", "1"),
    ("a + 10 > b and not flag", "0"), ("False Or True", "1"), ("a * 2 = 171", "1"),
    ("(1 < 2) = (3 < 4)", "1"),
  ])
  func logicAndComparisons(source: String, expected: String) throws {
    #expect(try value(source) == expected)
  }

  @Test(arguments: [
    ("if overdueTasks > 0 then 5 * overdueTasks else 0", "15"), ("IF(a > 80, 1, 2)", "1"),
    ("if (a > 80) then 1 else 2", "1"), ("if (a > 80) and b < 50 then 1 else 2", "2"),
    ("if a >= 90 then 3 else if a >= 80 then 2 else if a >= 60 then 1 else 0", "2"),
    ("1 + if flag then 1 else 2", "2"), ("if false then 1 else 2 + 3", "5"),
    ("IF(flag, IF(a > 90, 1, 2), 3)", "2"), ("if x > 0 then x else -x", "2"),
    ("If a > 1 THEN 1 ELSE 0", "1"), ("if(flag, 7, 8)", "7"),
    ("if flag then a > 1 else false", "1"),
    ("MIN(if flag then 5 else 50, 10)", "5"), ("if (flag) then (1) else (2)", "1"),
  ])
  func conditionals(source: String, expected: String) throws {
    #expect(try value(source) == expected)
  }

  @Test(arguments: [
    ("MIN(100, SUM(a, b, c))", "100"), ("MIN(3, 1, 2)", "1"), ("max(3, 1, 2)", "3"),
    ("MIN(5)", "5"), ("MIN(a, b)", "85.5"), ("MAX(x, y, 0)", "2"), ("MIN(x, y)", "-3"),
    ("SUM(1, 2.5, -1)", "2.5"), ("SUM(a)", "85.5"), ("Sum(a, b, c)", "245.5"),
    ("AVERAGE(1, 2)", "1.5"), ("AVERAGE(1, 2, 2)", "1.666666666667"), ("AVERAGE(a, b)", "87.75"),
    ("AVERAGE(a)", "85.5"), ("COUNT(a > 80, b > 80, c > 80)", "2"), ("COUNT(false)", "0"),
    ("COUNT(flag, flag)", "2"), ("ROUND(2.345, 2)", "2.35"), ("ROUND(-2.345, 2)", "-2.35"),
    ("ROUND(2.5, 0)", "3"), ("ROUND(1 / 3, 4)", "0.3333"), ("round(a * 30%, 1)", "25.7"),
    ("ROUND(2.3, 5)", "2.3"), ("ROUND(a, 0)", "86"), ("ROUNDUP(2.341, 2)", "2.35"),
    ("ROUNDUP(-2.341, 2)", "-2.35"), ("ROUNDUP(a, 0)", "86"), ("ROUNDDOWN(2.349, 2)", "2.34"),
    ("ROUNDDOWN(-2.349, 2)", "-2.34"), ("ROUNDDOWN(a, 0)", "85"), ("CLAMP(150, 0, 100)", "100"),
    ("CLAMP(-5, 0, 100)", "0"), ("CLAMP(a, 0, 100)", "85.5"), ("CLAMP(5, 5, 5)", "5"),
    ("CLAMP(y, x, 10)", "2"), ("ABS(-3.5)", "3.5"), ("ABS(y)", "3"), ("ABS(x)", "2"),
    ("AND(true, a > 80)", "1"), ("AND(flag)", "1"), ("OR(false, false)", "0"),
    ("OR(false, a > 80, 1 / zero > 0)", "1"), ("NOT(flag)", "0"), ("not(flag) or true", "1"),
    ("NOT(flag) = false", "1"),
    ("not (a + b) > 100", "0"), ("NOT (a) > 100", "1"), ("not(flag) and false", "0"),
    ("ROUND(MIN(x / 3, 1) * 100, 2)", "66.67"),
  ])
  func functions(source: String, expected: String) throws {
    #expect(try value(source) == expected)
  }

  @Test(arguments: [
    ("[村(社区)阵地建设得分] >= 60", "1"), ("【村(社区)阵地建设得分】 + 1", "66"),
    ("[ 村(社区)阵地建设得分 ]", "65"), ("［村(社区)阵地建设得分］ * 2", "130"),
    ("集体经济收入 * 2", "24"), ("category = '一类'", "1"), ("category = \"二类\"", "0"),
    ("类别 = “二类”", "1"), ("类别 != ‘一类’", "1"), ("类别 <> '二类'", "0"), ("'一类' = category", "1"),
    ("category = 类别", "0"), ("'a' = 'a'", "1"), ("'a' != 'b'", "1"), ("[a] + [b]", "175.5"),
    ("grade = '良好'", "1"), ("category = grade", "0"), ("category = level", "1"),
    ("level != category", "0"), ("level = '三类'", "0"), ("类别 = level", "0"),
  ])
  func namesAndText(source: String, expected: String) throws {
    #expect(try value(source) == expected)
  }

  @Test(arguments: [
    ("a ＋ b", "175.5"), ("（a － b）＊ 2", "-9"), ("a ≥ 85", "1"), ("a ≤ 85", "0"), ("a ≠ b", "1"),
    ("2 × 3 ÷ 4", "1.5"), ("MIN（a，b）", "85.5"), ("a ＝ 85.5", "1"), ("a ＜ b", "1"), ("a ＞ b", "0"),
    ("！flag", "0"), ("３０％", "0.3"), ("a\u{3000}+\u{3000}1", "86.5"), ("5 − 2", "3"),
    ("a ／ x", "42.75"), ("a ＞＝ 85.5", "1"), ("category ＝ ＇一类＇", "1"), ("８５．５ ＝ a", "1"),
  ])
  func inputMethodForms(source: String, expected: String) throws {
    #expect(try value(source) == expected)
  }

  @Test func evaluatesThroughUnsafeBufferPointer() throws {
    let formula = try compile("a * 30% + b * 50% + c * 20%")
    let result = try Fixture.slots.withUnsafeBufferPointer { buffer in
      try formula.evaluate(buffer)
    }
    #expect(result == d("84.65"))
    let check = try compile("a * 30% + b * 50% + c * 20% >= 80")
    let passed = try Fixture.slots.withUnsafeBufferPointer { buffer in try check.isTrue(buffer) }
    #expect(passed)
    #expect(try check.isTrue(Fixture.slots))
    #expect(formula.minimumSlotCount == 3)
    // Repeated evaluation with changing inputs.
    var slots = Fixture.slots
    for score in 0...100 {
      slots[0] = ExactDecimal(score)
      slots[1] = ExactDecimal(score)
      slots[2] = ExactDecimal(score)
      let total = try slots.withUnsafeBufferPointer { try formula.evaluate($0) }
      #expect(total == ExactDecimal(score))
    }
  }

  // MARK: Scope, diagnostics, layout

  @Test func scopeKeepsTheFirstOfDuplicateNames() {
    let scope = FormulaScope([
      FormulaSymbol(name: "a", type: .number, slot: 0),
      FormulaSymbol(name: "a", type: .boolean, slot: 5),
      FormulaSymbol(name: "得分", type: .number, slot: 1, range: 0...10),
    ])
    #expect(scope.names == ["a", "得分"])
    #expect(scope["a"]?.slot == 0)
    #expect(scope["a"]?.type == .number)
    #expect(scope["A"] == nil)
    #expect(scope["得分"]?.range == 0...10)
  }

  @Test func diagnosticsAreACollection() throws {
    guard case .failure(let found) = Formula.compile("dialy + zz", in: Fixture.scope) else {
      Issue.record("expected diagnostics")
      return
    }
    #expect(found.count == 2)
    #expect(found[0].offset == 0 && found[1].offset == 8)
    #expect(found.description == found.map(\.description).joined(separator: "\n"))
    #expect(found == FormulaDiagnostics(Array(found)))
    #expect(throws: FormulaDiagnostics.self) { try Formula.compile("(", in: Fixture.scope).get() }
  }

  @Test func instructionsStaySmall() {
    #expect(MemoryLayout<FormulaInstruction>.stride <= 24)
  }

  // MARK: Compiled properties

  @Test func typesReferencesAndConstants() throws {
    let weighted = try compile("b + a + b * c")
    #expect(weighted.type == .number)
    #expect(weighted.references == ["b", "a", "c"])
    #expect(weighted.constantValue == nil)
    #expect(weighted.source == "b + a + b * c")
    let condition = try compile("[村(社区)阵地建设得分] >= 60 and flag")
    #expect(condition.type == .boolean)
    #expect(condition.references == ["村(社区)阵地建设得分", "flag"])
    #expect(try compile("1 + 2").constantValue == 3)
    #expect(try compile("true").constantValue == 1)
    #expect(try compile("ROUND(10 / 3, 2)").constantValue == d("3.33"))
    #expect(try compile("if true then 1 else a").constantValue == nil)
    #expect(try compile("1 / 0").constantValue == nil)
    #expect(try compile("category").type == .text)
    #expect(try compile("category").choices == ["一类", "二类"])
    #expect(try compile("a").choices == nil)
  }

  @Test func textResults() throws {
    let rating = try compile("if a > 80 then '优秀' else '合格'", expecting: .text)
    #expect(rating.choices == ["优秀", "合格"])
    #expect(try rating.evaluate(Fixture.slots) == 0)
    let fallback = try compile("if flag then grade else '不合格'")
    #expect(fallback.choices == ["优秀", "良好", "一般", "不合格"])
    #expect(try fallback.evaluate(Fixture.slots) == 1)
    var slots = Fixture.slots
    slots[12] = 0
    #expect(try fallback.evaluate(slots) == 3)
    let known = try compile("if flag then '良好' else grade")
    #expect(known.choices == ["优秀", "良好", "一般"])
    #expect(try value("(if a > 80 then '优秀' else '合格') = '优秀'") == "1")
    #expect(try value("IF(a > 90, '优秀', IF(a > 80, '良好', '一般')) = grade") == "1")
    #expect(try compile("'一类'").choices == ["一类"])
    // Branches with different lists: the second is moved onto the merged list.
    let merged = try compile("if flag then category else level")
    #expect(merged.choices == ["一类", "二类", "三类"])
    #expect(try merged.evaluate(Fixture.slots) == 0)
    slots = Fixture.slots
    slots[12] = 0
    #expect(try merged.evaluate(slots) == 0)
    slots[19] = 2
    #expect(try merged.evaluate(slots) == 2)
    slots[19] = 0
    #expect(try merged.evaluate(slots) == 1)
    #expect(merged.bounds() == (lower: 0, upper: 2))
  }

  @Test func choiceSlotsCompareByIndex() throws {
    let formula = try compile("category = '二类'")
    var slots = Fixture.slots
    #expect(try !formula.isTrue(slots))
    slots[9] = 1
    #expect(try formula.isTrue(slots))
    #expect(formula.bounds() == (lower: 0, upper: 1))
  }

  // MARK: Short-circuit and run-time errors

  @Test(arguments: [
    ("if zero > 0 then 1 / zero else 0", "0"), ("zero = 0 or 1 / zero > 1", "1"),
    ("zero != 0 and 1 / zero > 1", "0"), ("IF(zero = 0, 0, a / zero)", "0"),
    ("if zero = 0 then 0 else if 1 / zero > 1 then 1 else 2", "0"),
    ("OR(zero = 0, 1 / zero > 1)", "1"), ("AND(zero != 0, big + 1 > 0)", "0"),
    ("if false then 1 / 0 else 5", "5"),
  ])
  func untakenBranchesDoNotFail(source: String, expected: String) throws {
    #expect(try value(source) == expected)
  }

  @Test(arguments: [
    (
      "a / zero", FormulaError.Kind.divisionByZero,
      "division by zero in 'a / zero'; the divisor 'zero' is 0 — guard it, e.g. "
        + "'if zero = 0 then 0 else a / zero'"
    ),
    (
      "1 + a / (zero * 2)", .divisionByZero,
      "division by zero in 'a / (zero * 2)'; the divisor '(zero * 2)' is 0 — guard it, e.g. "
        + "'if (zero * 2) = 0 then 0 else a / (zero * 2)'"
    ),
    (
      "1 / 0", .divisionByZero,
      "division by zero in '1 / 0'; the divisor '0' is 0 — guard it, e.g. 'if 0 = 0 then 0 else 1 / 0'"
    ),
    (
      "big + 1", .overflow,
      "overflow in 'big + 1': the result is too large to hold exactly; check the inputs"
    ),
    (
      "x + big * 2", .overflow,
      "overflow in 'big * 2': the result is too large to hold exactly; check the inputs"
    ),
    (
      "y - big * 2", .overflow,
      "overflow in 'big * 2': the result is too large to hold exactly; check the inputs"
    ),
    (
      "big * 1 + 1", .overflow,
      "overflow in 'big * 1 + 1': the result is too large to hold exactly; check the inputs"
    ),
    (
      "x + SUM(a * 2, big * 2, c * 3)", .overflow,
      "overflow in 'big * 2': the result is too large to hold exactly; check the inputs"
    ),
    (
      "SUM(big, big)", .overflow,
      "overflow in 'SUM(big, big)': the result is too large to hold exactly; check the inputs"
    ),
    (
      "AVERAGE(big, 1)", .overflow,
      "overflow in 'AVERAGE(big, 1)': the result is too large to hold exactly; check the inputs"
    ),
    (
      "CLAMP(a, b, zero)", .invalidArgument,
      "invalid argument in 'CLAMP(a, b, zero)': the lowest value is greater than the highest; "
        + "check the inputs or swap them"
    ),
    (
      "-(big + 0) - 2", .overflow,
      "overflow in '-(big + 0) - 2': the result is too large to hold exactly; check the inputs"
    ),
  ])
  func runTimeErrorsNameTheFailingPart(
    source: String, kind: FormulaError.Kind, message: String
  ) throws {
    let error = try failure(source)
    #expect(error == FormulaError(kind: kind, message: message))
  }

  @Test func runTimeErrorIsTypedAndDescribed() throws {
    let formula = try compile("a / zero")
    #expect(throws: FormulaError.self) { try formula.evaluate(Fixture.slots) }
    do {
      _ = try formula.evaluate(Fixture.slots)
    } catch {
      #expect(error.kind == .divisionByZero)
      #expect(error.description == error.message)
    }
  }

  // MARK: Diagnostics

  @Test(arguments: [
    ("dialy * 2", "unknown name 'dialy'; did you mean 'daily'?", 0, 5),
    ("DAILY + 1", "unknown name 'DAILY'; did you mean 'daily'?", 0, 5),
    ("1 + yearend", "unknown name 'yearend'; did you mean 'yearEnd'?", 4, 7),
    ("群众满意率 > 90", "unknown name '群众满意率'; did you mean '群众满意度'?", 0, 5),
    (
      "[村（社区）阵地建设得分] > 1",
      "unknown name '村（社区）阵地建设得分'; did you mean '[村(社区)阵地建设得分]'?", 0, 13
    ),
    (
      "类别 = 一类",
      "unknown name '一类'; to compare with the choice 一类 of 类别, put it in quotes: '一类'", 5, 2
    ),
    ("category = '三类'", "'三类' is not a choice of category; the choices are 一类, 二类", 11, 4),
    ("'三类' = 类别", "'三类' is not a choice of 类别; the choices are 一类, 二类", 0, 4),
    (
      "a + true",
      "'+' needs a number here, but this is true/false; to count a condition as 1 or 0, write "
        + "'if … then 1 else 0'", 4, 4
    ),
    (
      "a + category",
      "'+' needs a number here, but this is text; text can only be compared with '=' or '!='", 4, 8
    ),
    (
      "a and b > 1",
      "'and' needs true/false here, but this is a number; compare it to get true/false, e.g. "
        + "'… > 0'", 0, 1
    ),
    (
      "flag or category",
      "'or' needs true/false here, but this is text; compare it with one of its choices using '='",
      8, 8
    ),
    (
      "if a then 1 else 2",
      "the condition of 'if' needs true/false here, but this is a number; compare it to get "
        + "true/false, e.g. '… > 0'", 3, 1
    ),
    (
      "if flag then 1 else 'x'",
      "every branch of 'if' must give the same kind of value, but the first gives a number and "
        + "this one gives text", 20, 3
    ),
    (
      "IF(flag, true, 2)",
      "every branch of IF must give the same kind of value, but the first gives true/false and "
        + "this one gives a number", 15, 1
    ),
    (
      "a = true",
      "cannot compare a number with true/false; both sides of '=' must be the same kind of value",
      0, 8
    ),
    (
      "flag < true",
      "'<' compares numbers only, but these are true/false; use '=' or '!=' to compare true/false",
      0, 11
    ),
    (
      "category >= '一类'",
      "'>=' compares numbers only, but these are text; use '=' or '!=' to compare text", 0, 16
    ),
    (
      "note = category",
      "note has no list of choices, so it cannot be compared with other text; add the choices to "
        + "its definition", 0, 15
    ),
    (
      "if flag then note else '是'",
      "note has no list of choices, so 'if' cannot give it as a value; add the choices to its "
        + "definition", 13, 4
    ),
    (
      "note = 'x'",
      "'x' cannot be compared with note, which has no list of choices; add the choices to its "
        + "definition", 7, 3
    ),
    (
      "(if a > 80 then '优秀' else '合格') = '差'",
      "'差' is not a choice of the result of 'if'; the choices are 优秀, 合格", 34, 3
    ),
    ("SUMM(a, b)", "unknown function 'SUMM'; did you mean 'SUM'?", 0, 4),
    ("averge(a, b)", "unknown function 'averge'; did you mean 'AVERAGE'?", 0, 6),
    (
      "FOO(a)",
      "unknown function 'FOO'; the functions are ABS, AND, AVERAGE, CLAMP, COUNT, IF, LARGE, MAX, MEDIAN, "
        + "MIN, NOT, OR, ROUND, ROUNDDOWN, ROUNDUP, SMALL, SUM", 0, 3
    ),
    (
      "daily(2)",
      "'daily' is a name, not a function; put an operator between it and '(', e.g. daily * (…)",
      0, 5
    ),
    (
      "ROUND(a)", "ROUND takes 2 arguments, but 1 was given; write it as ROUND(number, places)", 0,
      8
    ),
    ("ABS(a, b)", "ABS takes 1 argument, but 2 were given; write it as ABS(number)", 0, 9),
    (
      "NOT(flag, flag)", "NOT takes 1 argument, but 2 were given; write it as NOT(condition)", 0, 15
    ),
    (
      "IF(flag, 1)",
      "IF takes 3 arguments, but 2 were given; write it as IF(condition, value if true, value if "
        + "false)", 0, 11
    ),
    (
      "ROUND(a, b)",
      "ROUND needs the number of decimal places as a whole number from 0 to 18 written directly, "
        + "e.g. ROUND(x, 2)", 9, 1
    ),
    (
      "ROUNDUP(a, 19)",
      "ROUNDUP needs the number of decimal places as a whole number from 0 to 18 written "
        + "directly, e.g. ROUNDUP(x, 2)", 11, 2
    ),
    (
      "ROUND(a, 1.5)",
      "ROUND needs the number of decimal places as a whole number from 0 to 18 written directly, "
        + "e.g. ROUND(x, 2)", 9, 3
    ),
    ("MIN()", "MIN needs at least 1 argument; write it as MIN(number, …)", 0, 5),
    (
      "CLAMP(a, 10, 5)", "CLAMP's lowest value 10 is greater than its highest value 5; swap them",
      0, 15
    ),
    (
      "MIN(a, true)",
      "MIN needs a number here, but this is true/false; to count a condition as 1 or 0, write "
        + "'if … then 1 else 0'", 7, 4
    ),
    (
      "IF(a, 1, 2)",
      "the condition of IF needs true/false here, but this is a number; compare it to get "
        + "true/false, e.g. '… > 0'", 3, 1
    ),
    (
      "COUNT(a)",
      "COUNT needs true/false here, but this is a number; compare it to get true/false, e.g. "
        + "'… > 0'", 6, 1
    ),
    (
      "-true",
      "'-' needs a number here, but this is true/false; to count a condition as 1 or 0, write "
        + "'if … then 1 else 0'", 1, 4
    ),
    (
      "not a",
      "'not' needs true/false here, but this is a number; compare it to get true/false, e.g. "
        + "'… > 0'", 4, 1
    ),
  ])
  func typeAndNameDiagnostics(source: String, message: String, offset: Int, length: Int) {
    #expect(
      problems(source) == [FormulaDiagnostic(message: message, offset: offset, length: length)])
  }

  @Test func unknownNameListsTheNamesWhenNothingIsClose() {
    let small = FormulaScope([
      FormulaSymbol(name: "a", type: .number, slot: 0),
      FormulaSymbol(name: "b", type: .number, slot: 1),
      FormulaSymbol(name: "[c]", type: .number, slot: 2),
    ])
    #expect(
      problems("qq + 1", in: small) == [
        FormulaDiagnostic(
          message: "unknown name 'qq'; the names you can use here are a, b, [[c]]", offset: 0,
          length: 2)
      ])
    #expect(
      problems("x", in: FormulaScope([])) == [
        FormulaDiagnostic(
          message: "unknown name 'x'; no names can be used here", offset: 0, length: 1)
      ])
    let many = FormulaScope((1...12).map { FormulaSymbol(name: "n\($0)", type: .number, slot: $0) })
    #expect(
      problems("zzz", in: many).first?.message
        == "unknown name 'zzz'; the names you can use here are n1, n2, n3, n4, n5, n6, n7, n8, n9, "
        + "n10 and 2 more")
  }

  @Test func collectsEveryProblem() {
    let found = problems("dialy + true + zz")
    #expect(found.map(\.offset) == [0, 8, 15])
    #expect(found.map(\.length) == [5, 4, 2])
    #expect(found[0].message == "unknown name 'dialy'; did you mean 'daily'?")
    #expect(found[2].message.hasPrefix("unknown name 'zz'; "))
    let branches = problems("if a then dialy else true + 1")
    #expect(branches.map(\.offset) == [3, 10, 21])
  }

  @Test(arguments: [
    (
      "a + b", FormulaType.boolean,
      "expected true/false here, but this formula gives a number; compare it to get true/false, "
        + "e.g. '… >= 60'", 0, 5
    ),
    (
      " a > 1 ", .number,
      "expected a number here, but this formula gives true/false; to count a condition as 1 or 0, "
        + "write 'if … then 1 else 0'", 1, 5
    ),
    (
      "category", .boolean,
      "expected true/false here, but this formula gives text; compare it with one of its choices "
        + "using '='", 0, 8
    ),
    (
      "a", .text,
      "expected text here, but this formula gives a number; give text in quotes, e.g. "
        + "'if … then '优秀' else '合格''", 0, 1
    ),
    (
      "'x'", .number,
      "expected a number here, but this formula gives text; use a formula that gives a number", 0, 3
    ),
  ])
  func expectedTypeMustMatch(
    source: String, expecting: FormulaType, message: String, offset: Int, length: Int
  ) {
    #expect(
      problems(source, expecting: expecting) == [
        FormulaDiagnostic(message: message, offset: offset, length: length)
      ])
  }

  @Test func expectedTypeAccepted() throws {
    #expect(try compile("a > 1", expecting: .boolean).type == .boolean)
    #expect(try compile("a + 1", expecting: .number).type == .number)
  }

  @Test(arguments: [
    ("", "the formula is empty; write an expression such as 'a + b'", 0, 0),
    ("   ", "the formula is empty; write an expression such as 'a + b'", 0, 0),
    ("a +", "the formula ends too early; expected a number, a name or '(' after '+'", 3, 0),
    ("(a + b", "this '(' is never closed; add ')'", 0, 1),
    ("a + b)", "unexpected ')'; it has no matching '('", 5, 1),
    ("a b", "expected an operator or the end of the formula, but found 'b'", 2, 1),
    ("60分", "expected an operator or the end of the formula, but found '分'", 2, 1),
    ("(a b)", "expected an operator or ')' here, but found 'b'", 3, 1),
    ("MIN(a b)", "expected ',' or ')' here, but found 'b'", 6, 1),
    ("MIN(a, b", "the '(' after MIN is never closed; add ')'", 3, 1),
    ("SUM(a,)", "expected a number, a name, text or '(' here, but found ')'", 6, 1),
    ("a * * b", "expected a number, a name, text or '(' here, but found '*'", 4, 1),
    ("then", "expected a number, a name, text or '(' here, but found 'then'", 0, 4),
    (
      "if a > 1 then 2",
      "expected 'else' here, but found the end of the formula; every 'if' needs an 'else' part, "
        + "e.g. 'if x > 0 then 1 else 0'", 15, 0
    ),
    ("if a > 1 2 else 3", "expected 'then' after the condition of 'if', but found '2'", 9, 1),
    (
      "if a > 1",
      "the formula ends too early; 'if' needs 'then' and 'else', e.g. 'if x > 0 then 1 else 0'", 8,
      0
    ),
    ("'abc", "this text has no closing quote; add ' at its end", 0, 1),
    ("“abc", "this text has no closing quote; add ” at its end", 0, 1),
    ("[abc", "this '[' has no closing ']'; add ']' after the name", 0, 1),
    ("【abc", "this '【' has no closing '】'; add '】' after the name", 0, 1),
    (
      "[]", "there is no name between the brackets; write the name inside them, e.g. [村(社区)得分]",
      0, 2
    ),
    (
      "a # b",
      "unexpected character '#'; if it is part of a name, write the whole name in square "
        + "brackets, e.g. [a#b]", 2, 1
    ),
    ("a & b", "unexpected '&'; write 'and' (or '&&') to combine conditions", 2, 1),
    ("a | b", "unexpected '|'; write 'or' (or '||') to combine conditions", 2, 1),
    ("a ^ 2", "'^' (power) is not supported; multiply instead, e.g. x * x", 2, 1),
    ("MIN(a; b)", "unexpected ';'; separate function arguments with ','", 5, 1),
    ("a]", "unexpected ']'; there is no '[' before it", 1, 1),
    (
      "a%",
      "'%' can only follow a number written directly, as in 30%; to take a percentage of this, "
        + "multiply it, e.g. (…) * 30%", 1, 1
    ),
    (
      "(a + b)%",
      "'%' can only follow a number written directly, as in 30%; to take a percentage of this, "
        + "multiply it, e.g. (…) * 30%", 7, 1
    ),
    (
      "1.0000000000000000001",
      "this number has more than 18 decimal places; shorten it to at most 18",
      0, 21
    ),
    (
      "99999999999999999999",
      "this number is too large; numbers must stay below 9223372036854775808 (at most 19 digits "
        + "in all)", 0, 20
    ),
    ("a < b < c", "comparisons cannot be chained; write 'a < b and b < c' instead", 6, 1),
    ("1 = a >= 2", "comparisons cannot be chained; write '1 = a and a >= 2' instead", 6, 2),
    ("not", "the formula ends too early; expected a number, a name or '(' after 'not'", 3, 0),
  ])
  func syntaxDiagnostics(source: String, message: String, offset: Int, length: Int) {
    #expect(
      problems(source) == [FormulaDiagnostic(message: message, offset: offset, length: length)])
  }

  @Test func diagnosticOffsetsCountUnicodeScalars() {
    // 群众满意度 is 5 scalars; the unknown name starts after "群众满意度 + ".
    let found = problems("群众满意度 + 未知")
    #expect(found.count == 1)
    #expect(found.first?.offset == 8)
    #expect(found.first?.length == 2)
    #expect(found.first?.description == "at 8: " + (found.first?.message ?? ""))
  }

  // MARK: Limits

  static let depthMessage =
    "this formula is nested too deeply (more than 32 levels of parentheses, functions and "
    + "operators); split it into several named values"

  @Test(arguments: [40, 33, 1_000])
  func deepParenthesesAreRejected(levels: Int) {
    let source = String(repeating: "(", count: levels) + "1" + String(repeating: ")", count: levels)
    #expect(
      problems(source) == [FormulaDiagnostic(message: Self.depthMessage, offset: 32, length: 1)])
  }

  @Test func nestingUpToTheLimitIsAccepted() throws {
    let source = String(repeating: "(", count: 32) + "a" + String(repeating: ")", count: 32)
    #expect(try value(source) == "85.5")
    let calls = String(repeating: "ABS(", count: 32) + "y" + String(repeating: ")", count: 32)
    #expect(try value(calls) == "3")
  }

  @Test func otherDeepNestingIsRejected() {
    let calls = String(repeating: "ABS(", count: 40) + "1" + String(repeating: ")", count: 40)
    #expect(problems(calls).first?.message == Self.depthMessage)
    let negations = String(repeating: "-", count: 40) + "1"
    #expect(problems(negations).first?.message == Self.depthMessage)
    let nots = String(repeating: "not ", count: 500) + "true"
    #expect(problems(nots).first?.message == Self.depthMessage)
    let ifs =
      String(repeating: "if flag then ", count: 40) + "1" + String(repeating: " else 0", count: 40)
    #expect(problems(ifs).first?.message == Self.depthMessage)
  }

  @Test func operatorsNestingOnTheLeftCountToo() throws {
    // 20 parentheses (within the limit), but operators nest 40 deep.
    var source = "a"
    for _ in 0..<20 { source = "(" + source + " * 2 + 1)" }
    let found = problems(source)
    #expect(found.map(\.message) == [Self.depthMessage])
    #expect(found.first?.offset == 16)
    // 16 levels of parentheses hold 32 operators: accepted.
    var fits = "a"
    for _ in 0..<16 { fits = "(" + fits + " * 2 + 1)" }
    #expect(try compile(fits).type == .number)
  }

  @Test func longFlatChainsAreFine() throws {
    let source = Array(repeating: "1", count: 1_000).joined(separator: "+")
    #expect(try value(source) == "1000")
    let conditions = Array(repeating: "flag", count: 400).joined(separator: " and ")
    #expect(try value(conditions) == "1")
    let grades = (1...40).map { "if a > \(100 - $0) then \($0) else " }.joined() + "0"
    #expect(try value(grades) == "15")
  }

  @Test func lengthLimit() throws {
    let longest = String(repeating: "1+", count: 1_999) + "10"
    #expect(longest.unicodeScalars.count == 4_000)
    #expect(try value(longest) == "2009")
    let tooLong = longest + "0"
    #expect(
      problems(tooLong) == [
        FormulaDiagnostic(
          message: "this formula is too long (4001 characters; the limit is 4000); split it into "
            + "several named values", offset: 4_000, length: 1)
      ])
  }

  @Test func tooManyArguments() {
    let source = "SUM(" + Array(repeating: "1", count: 65).joined(separator: ", ") + ")"
    #expect(
      problems(source).first?.message
        == "SUM takes at most 64 arguments, but 65 were given; split it, e.g. SUM(SUM(…), SUM(…))")
    let most = "SUM(" + Array(repeating: "1", count: 64).joined(separator: ", ") + ")"
    #expect(problems(most).isEmpty)
  }

  // MARK: Bounds

  @Test(
    arguments: [
      ("a * 30% + b * 50% + c * 20%", "0", "100"), ("a - b", "-100", "100"),
      ("a * b", "0", "10000"),
      ("(a - 50) * (b - 50)", "-2500", "2500"), ("a / (b + 1)", "0", "100"),
      ("MIN(x, 100)", nil, "100"),
      ("MAX(x, 0)", "0", nil), ("CLAMP(x, 0, 100)", "0", "100"), ("a > 50", "0", "1"),
      ("if flag then a else -a", "-100", "100"), ("ABS(a - 150)", "50", "150"), ("-a", "-100", "0"),
      ("ROUND(a / 3, 0)", "0", "33"), ("AVERAGE(a, b, c)", "0", "100"),
      ("COUNT(a > 1, b > 1)", "0", "2"),
      ("category", "0", "1"), ("grade", "0", "2"), ("5", "5", "5"), ("x * 0", "0", "0"),
      ("100 / (a + 1)", "0.990099009901", "100"),
      ("(a - 200) / (b + 1)", "-200", "-0.990099009901"),
      ("a * -2", "-200", "0"), ("ABS(x)", "0", nil), ("x / (a + 1)", nil, nil), ("flag", "0", "1"),
      ("MIN(a, b) - MAX(a, c)", "-100", "100"), ("x * x", nil, nil), ("a * 30%", "0", "30"),
      ("ROUNDUP(a / 7, 1)", "0", "14.3"), ("集体经济收入 + 1", nil, nil), ("SUM(a, b, 5)", "5", "205"),
    ] as [(String, String?, String?)])
  func boundsByIntervalArithmetic(source: String, lower: String?, upper: String?) throws {
    let bounds = try compile(source).bounds()
    #expect(bounds.lower == lower.map(d))
    #expect(bounds.upper == upper.map(d))
  }

  @Test func divisionByAnIntervalContainingZeroIsUnbounded() throws {
    let bounds = try compile("a / b").bounds()
    #expect(bounds.lower == nil && bounds.upper == nil)
    let negative = try compile("a / (b - 200)").bounds()
    #expect(negative.lower == d("-1") && negative.upper == 0)
  }

  // MARK: Exactness (issue 9): exact or a located error, one rounding, no trap

  /// Names holding the values of issue 9's counterexamples.
  private static let exactness = FormulaScope([
    FormulaSymbol(name: "p", type: .number, slot: 0),
    FormulaSymbol(name: "q", type: .number, slot: 1),
    FormulaSymbol(name: "h", type: .number, slot: 2),
    FormulaSymbol(name: "s", type: .number, slot: 3),
    FormulaSymbol(name: "m", type: .number, slot: 4),
    FormulaSymbol(name: "lo", type: .number, slot: 5),
    FormulaSymbol(name: "g", type: .number, slot: 6),
    FormulaSymbol(name: "t", type: .number, slot: 7),
  ])
  private static let exactnessSlots: [ExactDecimal] = [
    d("-0.000000001"), d("0.0000000001"),  // p, q: p × q = −10⁻¹⁹
    d("0.5"), d("0.249999999999999999"),  // h, s: h × s = 0.1249999999999999995
    100_000_000,  // m: m ÷ 3 = 33333333.333333333333 needs 20 digits
    ExactDecimal(significand: Int64.min, scale: 0),  // lo
    d("-93783427088850153"),  // g
    d("0.24999999999999999"),  // t: h × t = 0.124999999999999995 (18 places)
  ]

  private static func outcome(_ source: String) throws -> Result<ExactDecimal, FormulaError> {
    let formula = try Formula.compile(source, in: exactness).get()
    return Result { () throws(FormulaError) in try formula.evaluate(exactnessSlots) }
  }

  @Test(arguments: [
    (
      "679.64 - g", FormulaError.Kind.inexact,
      "the exact result of '679.64 - g' needs more than 19 digits (its whole part and its decimal places together), "
        + "so it cannot be held exactly; round the operand with the most decimal places first where the document "
        + "rounds, e.g. ROUND(g, 2)"
    ),
    // Was 0: the comparison flipped.
    (
      "IF(p * q < 0, 1, 0)", .inexact,
      "the exact result of 'p * q' needs more than 18 decimal places (or 19 digits), so it cannot be held exactly; "
        + "round an operand first where the document rounds, e.g. ROUND(q, 2)"
    ),
    // Was a division by zero in '(q * q)'.
    (
      "p * q / (q * q)", .inexact,
      "the exact result of 'p * q' needs more than 18 decimal places (or 19 digits), so it cannot be held exactly; "
        + "round an operand first where the document rounds, e.g. ROUND(q, 2)"
    ),
    // Was 0.13: rounded at 18 places first, then by ROUND.
    (
      "ROUND(h * s, 2)", .inexact,
      "the exact result of 'h * s' needs more than 18 decimal places (or 19 digits), so it cannot be held exactly; "
        + "round an operand first where the document rounds, e.g. ROUND(s, 2)"
    ),
    // Was 33333333.33333333: fewer than 12 places, silently.
    (
      "m / 3", .inexact,
      "the quotient of 'm / 3' at 12 decimal places needs more than 19 digits (a quotient that does not end within "
        + "12 places must stay below 9223372.04), so it cannot be held exactly; divide smaller numbers, e.g. in 万元 rather than 元"
    ),
    (
      "AVERAGE(m, 0, 0) + 1", .inexact,
      "the exact result of 'AVERAGE(m, 0, 0)' (its sum, or the sum divided at 12 decimal places) needs more than 19 "
        + "digits (its whole part and its decimal places together), so it cannot be held exactly; round the values "
        + "with the most decimal places first where the document rounds, with ROUND(…)"
    ),
    (
      "SUM(g, 0.05)", .inexact,
      "the exact result of 'SUM(g, 0.05)' needs more than 19 digits (its whole part and its decimal places "
        + "together), so it cannot be held exactly; round the values with the most decimal places first where the "
        + "document rounds, with ROUND(…)"
    ),
    // −x of −9223372036854775.808, like 0 − x: the integer part fits, the digits do not.
    (
      "-(lo / 1000)", .inexact,
      "the exact result of '-(lo / 1000)' needs more than 19 digits (its whole part and its decimal places "
        + "together), so it cannot be held exactly; round what it is made of first where the document rounds, with "
        + "ROUND(…)"
    ),
    // Trapped: negation and ABS of the smallest value, while 0 - lo did not.
    ("-lo", .overflow, "overflow in '-lo': the result is too large to hold exactly; check the inputs"),
    ("ABS(lo)", .overflow, "overflow in 'ABS(lo)': the result is too large to hold exactly; check the inputs"),
    ("0 - lo", .overflow, "overflow in '0 - lo': the result is too large to hold exactly; check the inputs"),
    ("-(lo * 1)", .overflow, "overflow in '-(lo * 1)': the result is too large to hold exactly; check the inputs"),
  ] as [(String, FormulaError.Kind, String)])
  func inexactResultsAreLocatedErrors(source: String, kind: FormulaError.Kind, message: String) throws {
    #expect(try Self.outcome(source) == .failure(FormulaError(kind: kind, message: message)))
  }

  @Test(arguments: [
    // Exact products and quotients that fit are kept exactly.
    ("h * t", "0.124999999999999995"), ("ROUND(h * t, 2)", "0.12"), ("ROUNDUP(h * t, 17)", "0.125"),
    ("ROUNDDOWN(h * t, 17)", "0.12499999999999999"), ("ROUNDDOWN(h * t, 2)", "0.12"),
    ("ROUND(-(h * t), 17)", "-0.125"), ("ROUNDDOWN(-(h * t), 17)", "-0.12499999999999999"),
    ("p * 0.000000001", "-0.000000000000000001"), ("IF(p * 0.000000001 < 0, 1, 0)", "1"),
    ("m / 4", "25000000"), ("(m - 99000000) / 3", "333333.333333333333"), ("lo + 1 - 1", "-9223372036854775808"),
    ("ABS(lo + 1)", "9223372036854775807"), ("MIN(lo, 0)", "-9223372036854775808"), ("0 - g", "93783427088850153"),
  ])
  func exactResultsAreKept(source: String, expected: String) throws {
    #expect(try Self.outcome(source).get().description == expected)
  }

  @Test func roundDownNeverEndsAboveTheExactValue() throws {
    // The 18-place exact product, rounded down, is at most it (issue 9: it ended above after a first rounding).
    let exact = try Self.outcome("h * t").get()
    for places in 0...18 {
      let down = try Self.outcome("ROUNDDOWN(h * t, \(places))").get()
      let up = try Self.outcome("ROUNDUP(h * t, \(places))").get()
      #expect(down <= exact && exact <= up, "places \(places)")
      #expect(down == exact.rounded(places: places, rule: .down))
    }
  }

  // MARK: Range check (warnings)

  @Test(arguments: [
    // Three inputs of up to 6 places: 18 places, up to 10⁶ — 25 digits.
    (
      "a * b * c", [
        "the exact result of 'a * b * c' can reach 1000000 with up to 18 decimal places: 25 digits, more than the 19 "
          + "a value holds; some allowed inputs would make it fail. Round an operand first with ROUND(…) where the "
          + "document rounds, narrow the inputs' 'min' and 'max', or declare their 'places' (a number input without "
          + "'places' counts as having 6)"
      ]
    ),
    ("ROUND(a * b, 2) * c", []), ("a * b", []), ("a * 30% + b * 70%", []),
    // × 10⁷ takes 7 places off the quotient's 12.
    ("a / 3 * 1000000", []), ("a / 3 * 10000000", []),
    (
      "a / 3 * 12345678", [
        "the exact result of 'a / 3 * 12345678' can reach 411522599.9999958848 with up to 12 decimal places: 21 "
          + "digits, more than the 19 a value holds; some allowed inputs would make it fail. Round an operand first "
          + "with ROUND(…) where the document rounds, narrow the inputs' 'min' and 'max', or declare their 'places' (a "
          + "number input without 'places' counts as having 6)"
      ]
    ),
    // A quotient that ends: a ÷ 4 has at most 8 places, so × b (6) needs 14.
    ("a / 4 * b", []),
    (
      "a / 3 * b", [
        "the exact result of 'a / 3 * b' can reach 3333.3333333333 with up to 18 decimal places: 22 digits, more "
          + "than the 19 a value holds; some allowed inputs would make it fail. Round an operand first with ROUND(…) "
          + "where the document rounds, narrow the inputs' 'min' and 'max', or declare their 'places' (a number input "
          + "without 'places' counts as having 6)"
      ]
    ),
    // A divisor that can be 0 but has no places: a nonzero one is at least 1.
    ("a / n * 100", []), ("a / n * 1000000000", []),
    (
      "a / n * 1234567891", [
        "the exact result of 'a / n * 1234567891' can reach 123456789100 with up to 12 decimal places: 24 digits, "
          + "more than the 19 a value holds; some allowed inputs would make it fail. Round an operand first with "
          + "ROUND(…) where the document rounds, narrow the inputs' 'min' and 'max', or declare their 'places' (a "
          + "number input without 'places' counts as having 6)"
      ]
    ),
    // Inside a condition, and one warning per cause (not again for the sum around it).
    (
      "if a * b * c + 1 > 0 then 1 else 0", [
        "the exact result of 'a * b * c' can reach 1000000 with up to 18 decimal places: 25 digits, more than the 19 "
          + "a value holds; some allowed inputs would make it fail. Round an operand first with ROUND(…) where the "
          + "document rounds, narrow the inputs' 'min' and 'max', or declare their 'places' (a number input without "
          + "'places' counts as having 6)"
      ]
    ),
    // Both sides of a comparison are checked.
    (
      "a * b * c < a * b * c", [
        "the exact result of 'a * b * c' can reach 1000000 with up to 18 decimal places: 25 digits, more than the 19 "
          + "a value holds; some allowed inputs would make it fail. Round an operand first with ROUND(…) where the "
          + "document rounds, narrow the inputs' 'min' and 'max', or declare their 'places' (a number input without "
          + "'places' counts as having 6)",
        "the exact result of 'a * b * c' can reach 1000000 with up to 18 decimal places: 25 digits, more than the 19 "
          + "a value holds; some allowed inputs would make it fail. Round an operand first with ROUND(…) where the "
          + "document rounds, narrow the inputs' 'min' and 'max', or declare their 'places' (a number input without "
          + "'places' counts as having 6)",
      ]
    ),
    // Declared places: two places each.
    ("k * k * k * k", []),
    (
      "0.000000001 * 0.0000000015", [
        "the exact result of '0.000000001 * 0.0000000015' can need up to 19 decimal places, more than the 18 a value "
          + "holds; some allowed inputs would make it fail. Round an operand first with ROUND(…) where the document "
          + "rounds, narrow the inputs' 'min' and 'max', or declare their 'places' (a number input without 'places' "
          + "counts as having 6)"
      ]
    ),
  ] as [(String, [String])])
  func rangeCheckWarnsWhereAnExactResultMayNotFit(source: String, messages: [String]) throws {
    let scope = FormulaScope([
      FormulaSymbol(name: "a", type: .number, slot: 0, range: 0...100),
      FormulaSymbol(name: "b", type: .number, slot: 1, range: 0...100),
      FormulaSymbol(name: "c", type: .number, slot: 2, range: 0...100),
      FormulaSymbol(name: "n", type: .number, slot: 3, range: 0...1000, places: 0),
      FormulaSymbol(name: "k", type: .number, slot: 4, range: 0...100, places: 2),
    ])
    let formula = try Formula.compile(source, in: scope).get()
    #expect(formula.warnings.map(\.message) == messages)
  }

  @Test func rangeWarningsPointAtThePart() throws {
    let scope = FormulaScope([FormulaSymbol(name: "a", type: .number, slot: 0, range: 0...100)])
    let formula = try Formula.compile("if a * a * a + 1 > 0 then 1 else 0", in: scope).get()
    #expect(formula.warnings.map(\.offset) == [3])
    #expect(formula.warnings.map(\.length) == [9])
    // A formula with warnings still runs.
    #expect(try formula.evaluate([d("1.5")]) == 1)
  }

  // MARK: Property test: run-time evaluation agrees with constant folding


  /// A random number expression over the names a, b, c, x, y, written twice:
  /// with the names, and with their values in their place.
  static func expression(_ random: inout SplitMix64, depth: Int) -> (named: String, literal: String) {
    let leaves = [("a", "85.5"), ("b", "90"), ("c", "70"), ("x", "2"), ("y", "(-3)")]
    if depth == 0 || random.next(below: 4) == 0 {
      if random.next(below: 2) == 0 { return leaves[random.next(below: leaves.count)] }
      let number = "\(random.next(below: 200)).\(random.next(below: 100))"
      return (number, number)
    }
    let left = expression(&random, depth: depth - 1)
    let right = expression(&random, depth: depth - 1)
    switch random.next(below: 8) {
    case 0, 1, 2, 3:
      let op = ["+", "-", "*", "/"][random.next(below: 4)]
      return ("(\(left.named) \(op) \(right.named))", "(\(left.literal) \(op) \(right.literal))")
    case 4:
      let function = ["MIN", "MAX", "SUM", "AVERAGE"][random.next(below: 4)]
      return (
        "\(function)(\(left.named), \(right.named))",
        "\(function)(\(left.literal), \(right.literal))"
      )
    case 5:
      let places = random.next(below: 4)
      return ("ROUND(\(left.named), \(places))", "ROUND(\(left.literal), \(places))")
    case 6:
      return ("ABS(\(left.named))", "ABS(\(left.literal))")
    default:
      let op = ["<", ">=", "=", "!="][random.next(below: 4)]
      return (
        "(if \(left.named) \(op) \(right.named) then \(left.named) else \(right.named))",
        "(if \(left.literal) \(op) \(right.literal) then \(left.literal) else \(right.literal))"
      )
    }
  }

  @Test(arguments: [3 as UInt64, 17, 2024])
  func evaluationAgreesWithConstantFolding(seed: UInt64) throws {
    var random = SplitMix64(state: seed)
    for _ in 0..<300 {
      let (named, literal) = Self.expression(&random, depth: 4)
      let runtime = try compile(named)
      let folded = try compile(literal)
      let runResult = Result { () throws(FormulaError) in try runtime.evaluate(Fixture.slots) }
      let foldResult = Result { () throws(FormulaError) in try folded.evaluate([]) }
      switch (runResult, foldResult) {
      case (.success(let a), .success(let b)):
        #expect(a == b, "\(named)")
        if let constant = folded.constantValue { #expect(constant == b) }
        let (lower, upper) = runtime.bounds()
        if let lower { #expect(lower <= a, "lower bound of \(named)") }
        if let upper { #expect(a <= upper, "upper bound of \(named)") }
      case (.failure(let a), .failure(let b)):
        #expect(a.kind == b.kind, "\(named)")
      default:
        Issue.record(
          "run-time and folded results differ for \(named): \(runResult) vs \(foldResult)")
      }
    }
  }
}
