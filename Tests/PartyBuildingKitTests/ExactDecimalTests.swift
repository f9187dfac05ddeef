import SeededRandom
import Testing

@testable import PartyBuildingKit

/// Shorthand for tests: a decimal from text, crashing on bad test data.
private func d(_ text: String) -> ExactDecimal {
  guard let value = ExactDecimal(text) else { fatalError("bad test literal \(text)") }
  return value
}

@Suite("ExactDecimal")
struct ExactDecimalTests {

  // MARK: Headline

  @Test func weightTimesScoreIsExact() throws {
    let product = try d("0.3").multiplying(by: d("85.5"))
    #expect(product == d("25.65"))
    #expect(product.description == "25.65")
    #expect(product.significand == 2565)
    #expect(product.scale == 2)
    #expect(d("0.3") * d("85.5") == d("25.65"))
  }

  @Test func layoutIsCompact() {
    #expect(MemoryLayout<ExactDecimal>.size <= 16)
  }

  @Test func constantsAndInitializers() {
    #expect(ExactDecimal.zero.description == "0")
    #expect(ExactDecimal.one.description == "1")
    #expect(ExactDecimal.hundred.description == "100")
    #expect(ExactDecimal(42) == 42)
    #expect(ExactDecimal(-7).description == "-7")
    let literal: ExactDecimal = 60
    #expect(literal == ExactDecimal(significand: 6000, scale: 2))
    #expect(ExactDecimal.maxScale == 18)
    #expect(ExactDecimal.divisionFractionDigits == 12)
  }

  // MARK: Parsing

  @Test(arguments: [
    ("85", "85"), ("-3", "-3"), ("+2", "2"), ("85.50", "85.5"), (".5", "0.5"),
    ("5.", "5"), ("-.25", "-0.25"), ("1.5e2", "150"), ("25e-2", "0.25"), ("25E-2", "0.25"),
    ("1E+2", "100"), ("0", "0"), ("-0", "0"), ("0.000", "0"), ("000123.4500", "123.45"),
    ("1e18", "1000000000000000000"), ("9223372036854775807", "9223372036854775807"),
    ("-9223372036854775808", "-9223372036854775808"),
    ("0.000000000000000001", "0.000000000000000001"),
    ("1.000000000000000000000000", "1"), ("100e-20", "0.000000000000000001"),
    ("123456789012345678900e-2", "1234567890123456789"), ("0e999999999999", "0"),
    ("9.223372036854775807", "9.223372036854775807"), ("12e0", "12"), ("0.1e1", "1"),
  ])
  func parsesValidText(text: String, expected: String) throws {
    let value = try ExactDecimal.parse(text).get()
    #expect(value.description == expected)
    #expect(ExactDecimal(text) == value)
    #expect(ExactDecimal(Substring(text)) == value)
  }

  @Test(arguments: [
    ("", ExactDecimalParseError.empty),
    ("-", .missingDigits), ("+", .missingDigits), (".", .missingDigits), ("-.", .missingDigits),
    ("e5", .missingDigits), ("1e", .missingDigits), ("1e+", .missingDigits),
    ("-e5", .missingDigits), (".e1", .missingDigits),
    (" 1", .invalidCharacter(offset: 0)), ("1 ", .invalidCharacter(offset: 1)),
    ("1,000", .invalidCharacter(offset: 1)), ("0x10", .invalidCharacter(offset: 1)),
    ("inf", .invalidCharacter(offset: 0)), ("nan", .invalidCharacter(offset: 0)),
    ("NaN", .invalidCharacter(offset: 0)), ("1.2.3", .invalidCharacter(offset: 3)),
    ("--1", .invalidCharacter(offset: 1)), ("+-1", .invalidCharacter(offset: 1)),
    ("1e5e", .invalidCharacter(offset: 3)), ("1e5.5", .invalidCharacter(offset: 3)),
    ("1_000", .invalidCharacter(offset: 1)), ("１", .invalidCharacter(offset: 0)),
    ("1-", .invalidCharacter(offset: 1)), ("１2", .invalidCharacter(offset: 0)),
    ("分5", .invalidCharacter(offset: 0)), ("5分", .invalidCharacter(offset: 1)),
    ("0.0000000000000000001", .tooManyFractionDigits), ("1e-19", .tooManyFractionDigits),
    ("1.0000000000000000001", .tooManyFractionDigits),
    ("9223372036854775808", .outOfRange), ("-9223372036854775809", .outOfRange),
    ("1e19", .outOfRange), ("99999999999999999999999", .outOfRange),
    ("1.5e1000000000000", .outOfRange), ("12.345678901234567891", .outOfRange),
    ("92233720368547758.08", .outOfRange),
  ])
  func rejectsInvalidText(text: String, expected: ExactDecimalParseError) {
    #expect(ExactDecimal.parse(text) == .failure(expected))
    #expect(ExactDecimal(text) == nil)
  }

  // MARK: Text

  @Test(arguments: [
    (Int64(2565), 2, "25.65"), (-3, 0, "-3"), (50, 2, "0.5"), (100, 0, "100"),
    (10000, 2, "100"), (-5, 3, "-0.005"), (0, 5, "0"), (Int64.min, 0, "-9223372036854775808"),
    (Int64.min, 18, "-9.223372036854775808"), (1, 18, "0.000000000000000001"),
    (Int64.max, 18, "9.223372036854775807"), (-120, 1, "-12"),
  ])
  func descriptionIsShortestExactForm(significand: Int64, scale: Int, expected: String) {
    #expect(ExactDecimal(significand: significand, scale: scale).description == expected)
  }

  @Test(arguments: [
    ("85.5", 2, RoundingRule.halfUp, "85.50"), ("2.345", 2, .halfUp, "2.35"),
    ("-2.345", 2, .halfUp, "-2.35"), ("0", 2, .halfUp, "0.00"), ("100", 0, .halfUp, "100"),
    ("2.5", 0, .halfUp, "3"), ("-0.004", 2, .halfUp, "0.00"), ("1.005", 2, .halfEven, "1.00"),
    ("12", 3, .halfUp, "12.000"), ("-0.5", 3, .halfUp, "-0.500"), ("0.05", 1, .down, "0.0"),
    ("9223372036854775807", 18, .halfUp, "9223372036854775807.000000000000000000"),
    ("0.000000000000000001", 18, .halfUp, "0.000000000000000001"),
    ("99.995", 2, .halfUp, "100.00"), ("-1.25", 1, .floor, "-1.3"),
  ])
  func formatsWithFixedPlaces(text: String, places: Int, rule: RoundingRule, expected: String) {
    #expect(d(text).formatted(places: places, rule: rule) == expected)
  }

  @Test func formattedDefaultsToHalfUp() {
    #expect(d("2.345").formatted(places: 2) == "2.35")
    #expect(d("2.344").formatted(places: 2) == "2.34")
  }

  // MARK: Rounding

  static let roundingInputs = [
    "2.5", "-2.5", "3.5", "-3.5", "2.1", "-2.1", "2.9", "-2.9", "2", "-2", "0.5", "-0.5",
  ]

  @Test(arguments: [
    (RoundingRule.halfUp, ["3", "-3", "4", "-4", "2", "-2", "3", "-3", "2", "-2", "1", "-1"]),
    (.halfEven, ["2", "-2", "4", "-4", "2", "-2", "3", "-3", "2", "-2", "0", "0"]),
    (.halfDown, ["2", "-2", "3", "-3", "2", "-2", "3", "-3", "2", "-2", "0", "0"]),
    (.up, ["3", "-3", "4", "-4", "3", "-3", "3", "-3", "2", "-2", "1", "-1"]),
    (.down, ["2", "-2", "3", "-3", "2", "-2", "2", "-2", "2", "-2", "0", "0"]),
    (.ceiling, ["3", "-2", "4", "-3", "3", "-2", "3", "-2", "2", "-2", "1", "0"]),
    (.floor, ["2", "-3", "3", "-4", "2", "-3", "2", "-3", "2", "-2", "0", "-1"]),
  ])
  func roundsToWholeNumbers(rule: RoundingRule, expected: [String]) {
    let inputs = ExactDecimalTests.roundingInputs
    for (input, output) in zip(inputs, expected) {
      let rounded = d(input).rounded(places: 0, rule: rule)
      #expect(rounded == d(output), "\(input) rounded \(rule) should be \(output)")
      #expect(rounded.scale == 0 || d(input).scale == 0)
    }
  }

  @Test(arguments: [
    ("2.345", RoundingRule.halfUp, "2.35"), ("-2.345", .halfUp, "-2.35"),
    ("2.345", .halfEven, "2.34"), ("2.355", .halfEven, "2.36"), ("-2.345", .halfEven, "-2.34"),
    ("-2.355", .halfEven, "-2.36"), ("2.345", .halfDown, "2.34"), ("-2.345", .halfDown, "-2.34"),
    ("2.346", .halfDown, "2.35"), ("2.344", .halfUp, "2.34"), ("-2.346", .halfEven, "-2.35"),
    ("2.341", .up, "2.35"), ("-2.341", .up, "-2.35"), ("2.349", .down, "2.34"),
    ("-2.349", .down, "-2.34"), ("2.341", .ceiling, "2.35"), ("-2.349", .ceiling, "-2.34"),
    ("2.349", .floor, "2.34"), ("-2.341", .floor, "-2.35"), ("2.3450000001", .halfEven, "2.35"),
    ("2.3449999999", .halfUp, "2.34"), ("0.005", .halfUp, "0.01"), ("-0.005", .halfUp, "-0.01"),
    ("0.004", .up, "0.01"), ("-0.004", .ceiling, "0"), ("2.35", .halfEven, "2.35"),
  ])
  func roundsToTwoPlaces(input: String, rule: RoundingRule, expected: String) {
    let rounded = d(input).rounded(places: 2, rule: rule)
    #expect(rounded == d(expected))
    #expect(rounded.scale <= 2)
  }

  @Test func roundingIsANoOpWhenThereAreFewerDigits() {
    let value = ExactDecimal(significand: 15, scale: 1)
    let rounded = value.rounded(places: 3, rule: .up)
    #expect(rounded.significand == 15)
    #expect(rounded.scale == 1)
    #expect(d("7").rounded(places: 0) == 7)
  }

  @Test func roundingAtTheExtremes() {
    #expect(d("9.99999999999999999").rounded(places: 0) == 10)
    #expect(d("0.123456789012345678").rounded(places: 17) == d("0.12345678901234568"))
    #expect(d("-0.999999999999999999").rounded(places: 0, rule: .down) == 0)
    let big = ExactDecimal(significand: Int64.max, scale: 1)
    #expect(big.rounded(places: 0).description == "922337203685477581")
    let small = ExactDecimal(significand: Int64.min, scale: 1)
    #expect(small.rounded(places: 0, rule: .floor).description == "-922337203685477581")
  }

  @Test func defaultRuleIsHalfUp() {
    #expect(d("2.5").rounded(places: 0) == 3)
    #expect(d("-2.5").rounded(places: 0) == -3)
    #expect(RoundingRule.allCases.count == 7)
    #expect(RoundingRule(rawValue: "halfEven") == .halfEven)
  }

  // MARK: Equality, hashing, ordering

  @Test(arguments: [
    ("1.50", "1.5"), ("100", "100.00"), ("0", "0.000"), ("-0.5", "-0.50"), ("2e2", "200.0"),
  ])
  func equalAcrossScales(left: String, right: String) {
    let a = d(left)
    let b = d(right)
    #expect(a == b)
    #expect(a.hashValue == b.hashValue)
    #expect(!(a < b) && !(b < a))
  }

  @Test func equalityAndHashUseValueNotRepresentation() {
    let a = ExactDecimal(significand: 150, scale: 2)
    let b = ExactDecimal(significand: 15, scale: 1)
    let c = ExactDecimal(significand: 1_500_000_000_000_000_000, scale: 18)
    #expect(a == b && b == c)
    #expect(a.hashValue == b.hashValue && b.hashValue == c.hashValue)
    #expect(Set([a, b, c]).count == 1)
    #expect(ExactDecimal(significand: 0, scale: 7).hashValue == ExactDecimal.zero.hashValue)
    #expect(d("1.5") != d("1.51"))
    // Aligning Int64.max to 18 places overflows Int64; still compared correctly.
    #expect(
      ExactDecimal(significand: Int64.max, scale: 0) != ExactDecimal(significand: 1, scale: 18))
    #expect([a: "x"][b] == "x")
  }

  @Test func orderingAcrossScales() {
    let texts = ["3", "-2.5", "0.25", "0.3", "-2.51", "100", "99.999", "0", "-0.000001", "2.5"]
    let sorted = texts.map(d).sorted().map(\.description)
    #expect(
      sorted == ["-2.51", "-2.5", "-0.000001", "0", "0.25", "0.3", "2.5", "3", "99.999", "100"])
    #expect(
      ExactDecimal(significand: Int64.max, scale: 0)
        > ExactDecimal(significand: Int64.max, scale: 18))
    #expect(
      ExactDecimal(significand: -Int64.max, scale: 0) < ExactDecimal(significand: 1, scale: 18))
    #expect(
      ExactDecimal(significand: Int64.min, scale: 3)
        < ExactDecimal(significand: Int64.min, scale: 4))
    #expect(d("1.5") <= d("1.50") && d("1.5") >= d("1.50"))
    #expect(d("85.5") > d("85.49"))
  }

  // MARK: Properties

  @Test func signAndMagnitude() {
    #expect(d("-2.5").isNegative && !d("2.5").isNegative && !ExactDecimal.zero.isNegative)
    #expect(ExactDecimal(significand: 0, scale: 4).isZero && !d("0.0001").isZero)
    #expect(d("-2.5").negated() == d("2.5"))
    #expect(-d("2.5") == d("-2.5"))
    #expect(d("-2.5").magnitude == d("2.5"))
    #expect(d("2.5").magnitude == d("2.5"))
  }

  @Test(arguments: [
    ("3", 3 as Int?), ("3.00", 3), ("-12", -12), ("3.5", nil), ("0.000", 0),
    ("9223372036854775807", Int(Int64.max)), ("-0.1", nil),
  ])
  func integerConversion(text: String, expected: Int?) {
    #expect(d(text).intValue == expected)
    #expect(d(text).isInteger == (expected != nil))
  }

  @Test func normalizedStripsTrailingZeros() {
    let value = ExactDecimal(significand: 1500, scale: 3).normalized()
    #expect(value.significand == 15 && value.scale == 1)
    let zero = ExactDecimal(significand: 0, scale: 9).normalized()
    #expect(zero.significand == 0 && zero.scale == 0)
    let whole = ExactDecimal(significand: 2000, scale: 0).normalized()
    #expect(whole.significand == 2000 && whole.scale == 0)
  }

  // MARK: Arithmetic

  @Test func additionAlignsScales() throws {
    #expect(try d("1.5").adding(d("0.25")) == d("1.75"))
    #expect(try d("1.5").subtracting(d("0.25")) == d("1.25"))
    #expect(try d("0.1").adding(d("0.2")) == d("0.3"))
    #expect(try d("-5").subtracting(d("-5.000")) == 0)
    #expect(d("85.5") + d("14.5") == 100)
    #expect(d("10") - d("0.01") == d("9.99"))
    var total = ExactDecimal.zero
    total += d("0.5")
    total -= d("0.25")
    total *= d("4")
    #expect(total == 1)
    // Aligning 9e18 to one place overflows Int64, but the exact sum fits.
    let big = ExactDecimal(significand: 9_000_000_000_000_000_000, scale: 0)
    #expect(try big.adding(ExactDecimal(significand: 0, scale: 1)) == big)
  }

  @Test func additionOverflowAndPrecision() throws {
    let max = ExactDecimal(significand: Int64.max, scale: 0)
    let min = ExactDecimal(significand: Int64.min, scale: 0)
    #expect(throws: ArithmeticError.overflow) { try max.adding(1) }
    #expect(throws: ArithmeticError.overflow) { try min.subtracting(1) }
    #expect(throws: ArithmeticError.overflow) { try max.adding(max) }
    // 9223372036854775807.5: the integer part fits, the exact sum needs 20 digits.
    #expect(throws: ArithmeticError.inexact) { try max.adding(d("0.5")) }
    // The exact sum 85.611111111110888889 needs 20 digits: an error, not 85.61111111111088889.
    #expect(throws: ArithmeticError.inexact) { try d("85.5").adding(d("0.111111111110888889")) }
    #expect(throws: ArithmeticError.inexact) { try d("85.5").subtracting(d("-0.111111111110888889")) }
    // Issue 9: 679.64 − (−93783427088850153) = 93783427088850832.64 needs 19 digits plus 2 places.
    #expect(throws: ArithmeticError.inexact) { try d("679.64").subtracting(d("-93783427088850153")) }
    #expect(throws: ArithmeticError.inexact) { try d("679.64").adding(d("93783427088850153")) }
    // Trailing zeros are dropped when that makes the exact result fit.
    let wide = ExactDecimal(significand: 9_000_000_000_000_000_000, scale: 18)  // 9 at 18 places
    let sum = try wide.adding(wide)
    #expect(sum == 18 && sum.scale == 17)
    // The smallest value is reachable by subtraction, and its negation is not.
    #expect(try ExactDecimal.zero.subtracting(max).subtracting(1) == min)
    #expect(throws: ArithmeticError.overflow) { try ExactDecimal.zero.subtracting(min) }
  }

  @Test func multiplication() throws {
    #expect(try d("1.5").multiplying(by: d("-2")) == -3)
    #expect(try d("0.1").multiplying(by: d("0.1")) == d("0.01"))
    #expect(try d("-0.5").multiplying(by: d("-0.5")) == d("0.25"))
    let big = ExactDecimal(significand: 9_000_000_000_000_000_000, scale: 0)
    #expect(try big.multiplying(by: d("1.0")) == big)
    #expect(throws: ArithmeticError.overflow) {
      try ExactDecimal(significand: Int64.max, scale: 0).multiplying(by: 2)
    }
    #expect(throws: ArithmeticError.overflow) {
      try d("1e18").multiplying(by: d("10"))
    }
  }

  @Test func multiplicationIsExactOrThrows() throws {
    // Issue 9: a product below 10⁻¹⁸ is not 0 (so a * b < 0 cannot flip, a * b / (b * b) cannot divide by 0).
    #expect(throws: ArithmeticError.inexact) { try d("0.000000001").multiplying(by: d("0.0000000015")) }
    #expect(throws: ArithmeticError.inexact) { try d("-0.000000001").multiplying(by: d("0.0000000001")) }
    #expect(throws: ArithmeticError.inexact) { try d("0.0000000001").multiplying(by: d("0.00000000001")) }
    // 10⁻⁹ × 10⁻⁹ = 10⁻¹⁸ is still exact.
    #expect(try d("0.000000001").multiplying(by: d("-0.000000001")) == d("-0.000000000000000001"))
    // 24 and 20 places: errors, where the old engine kept 0.111111111110888889 and 28.44444444441588889.
    #expect(throws: ArithmeticError.inexact) { try d("0.333333333333").multiplying(by: d("0.333333333333")) }
    #expect(throws: ArithmeticError.inexact) { try d("0.333333333333").multiplying(by: d("85.333333333333")) }
    #expect(throws: ArithmeticError.inexact) {
      try d("123456789.123456789").multiplying(by: d("123456789.123456789"))
    }
    // 21 places that end in zeros: 0.5 (at 18 places) × 0.002 = 0.001.
    let half = ExactDecimal(significand: 500_000_000_000_000_000, scale: 18)
    let product = try half.multiplying(by: d("0.002"))
    #expect(product == d("0.001") && product.scale == 18)
    // 19 digits with 2 places: 92233720368547758.07 fits; 93156057572233335.6507 (21 digits) does not.
    #expect(try d("9223372036854775.807").multiplying(by: 10) == d("92233720368547758.07"))
    #expect(throws: ArithmeticError.inexact) { try d("9223372036854775.807").multiplying(by: d("10.1")) }
  }

  @Test func negationAndMagnitudeOfTheSmallestValue() throws {
    // −(−9223372036854775808): the integer part does not fit.
    let smallest = ExactDecimal(significand: Int64.min, scale: 0)
    #expect(throws: ArithmeticError.overflow) { try smallest.negatedChecked() }
    #expect(throws: ArithmeticError.overflow) { try smallest.magnitudeChecked() }
    #expect(throws: ArithmeticError.overflow) { try ExactDecimal.zero.subtracting(smallest) }
    // −(−9223372036854775.808): the integer part fits, the digits do not — as for 0 − x.
    let scaled = ExactDecimal(significand: Int64.min, scale: 3)
    #expect(throws: ArithmeticError.inexact) { try scaled.negatedChecked() }
    #expect(throws: ArithmeticError.inexact) { try scaled.magnitudeChecked() }
    #expect(throws: ArithmeticError.inexact) { try ExactDecimal.zero.subtracting(scaled) }
    let next = ExactDecimal(significand: Int64.min + 1, scale: 3)
    #expect(try next.negatedChecked() == ExactDecimal(significand: Int64.max, scale: 3))
    #expect(try next.magnitudeChecked() == ExactDecimal(significand: Int64.max, scale: 3))
    #expect(try d("-2.5").magnitudeChecked() == d("2.5"))
    #expect(try d("2.5").magnitudeChecked() == d("2.5"))
    #expect(try d("2.5").negatedChecked() == d("-2.5"))
  }

  @Test func roundingAppliesOnceToTheExactValue() throws {
    // Issue 9: 0.5 × 0.249999999999999999 = 0.1249999999999999995 (19 places) used to become 0.125 first, and
    // then ROUND(…, 2) gave 0.13. Now the product is an error and nothing is rounded twice; at 18 places or fewer
    // the exact product is what ROUND sees.
    #expect(throws: ArithmeticError.inexact) { try d("0.5").multiplying(by: d("0.249999999999999999")) }
    let exact = try d("0.5").multiplying(by: d("0.24999999999999999"))  // 0.124999999999999995
    #expect(exact == d("0.124999999999999995"))
    #expect(exact.rounded(places: 2, rule: .halfUp) == d("0.12"))
    #expect(exact.rounded(places: 17, rule: .down) == d("0.12499999999999999"))
    #expect(exact.rounded(places: 17, rule: .down) <= exact)
    #expect(exact.rounded(places: 17, rule: .up) == d("0.125"))
  }

  @Test(arguments: [
    ("1", "4", "0.25"), ("1", "3", "0.333333333333"), ("2", "3", "0.666666666667"),
    ("-2", "3", "-0.666666666667"), ("2", "-3", "-0.666666666667"), ("-2", "-3", "0.666666666667"),
    ("10", "4", "2.5"), ("100", "0.5", "200"), ("1", "0.000000000001", "1000000000000"),
    ("0.000000000001", "3", "0"), ("0.0000000000005", "1", "0.000000000001"),
    ("0", "5", "0"), ("9000000000000000000", "3", "3000000000000000000"),
    ("255.5", "3", "85.166666666667"), ("9223372", "3", "3074457.333333333333"),
    ("27670116", "3", "9223372"), ("100000000000000000", "4", "25000000000000000"),
    ("-9223372.036854775807", "1", "-9223372.036854775807"), ("0.5", "0.003", "166.666666666667"),
    ("1", "7", "0.142857142857"),
    ("0.000000000000000001", "0.000000000000000003", "0.333333333333"),
    ("5", "0.000000000000000002", "2500000000000000000"),
    ("-9223372036854775808", "1", "-9223372036854775808"),
    // Just past the 64-bit fast path: the quotient needs the wide path.
    ("10000000", "1", "10000000"), ("-15000000", "1", "-15000000"),
    ("18000000.5", "0.5", "36000001"), ("9223372036854775807", "1", "9223372036854775807"),
  ])
  func divisionRule(dividend: String, divisor: String, expected: String) throws {
    let quotient = try d(dividend).dividing(by: d(divisor))
    #expect(quotient.description == expected)
    #expect(quotient == quotient.normalized())
    #expect(quotient.scale == quotient.normalized().scale)
  }

  @Test func divisionErrors() throws {
    #expect(throws: ArithmeticError.divisionByZero) { try d("1").dividing(by: 0) }
    #expect(throws: ArithmeticError.divisionByZero) { try d("0").dividing(by: d("0.00")) }
    #expect(throws: ArithmeticError.overflow) {
      try ExactDecimal(significand: Int64.max, scale: 0).dividing(by: d("0.5"))
    }
    #expect(throws: ArithmeticError.overflow) { try d("1e18").dividing(by: d("1e-18")) }
    // Issue 9: a quotient of 9.22 × 10⁶ or more that does not end within 12 places kept fewer places silently.
    #expect(throws: ArithmeticError.inexact) { try d("27670117").dividing(by: 3) }
    #expect(throws: ArithmeticError.inexact) { try d("100000000").dividing(by: 3) }
    #expect(try d("10000000").dividing(by: 3) == d("3333333.333333333333"))
    #expect(throws: ArithmeticError.inexact) { try d("100000000000000000").dividing(by: 3) }
    #expect(throws: ArithmeticError.inexact) { try d("-100000000000000000").dividing(by: d("0.3")) }
  }

  @Test(arguments: [
    ("2", "3", 2, RoundingRule.halfUp, "0.67"), ("1", "8", 2, .halfEven, "0.12"), ("3", "8", 2, .halfEven, "0.38"),
    ("1", "8", 2, .halfDown, "0.12"), ("-1", "8", 2, .halfUp, "-0.13"), ("-2", "3", 2, .down, "-0.66"),
    ("-2", "3", 2, .floor, "-0.67"), ("-2", "3", 2, .ceiling, "-0.66"), ("2", "3", 0, .up, "1"),
    ("20000000", "3", 3, .halfUp, "6666666.667"), ("1", "4", 18, .halfUp, "0.25"), ("0", "7", 5, .up, "0"),
    // One rounding from the exact quotient: 0.0049999999999996 → 0, where the 12-place quotient 0.005 would give 0.01.
    ("49999999999996", "10000000000000000", 2, .halfUp, "0"),
    ("1", "0.000000000000000003", 0, .halfUp, "333333333333333333"),
  ] as [(String, String, Int, RoundingRule, String)])
  func divisionWithDeclaredRounding(dividend: String, divisor: String, places: Int, rule: RoundingRule, expected: String)
    throws
  {
    #expect(try d(dividend).dividing(by: d(divisor), places: places, rule: rule).description == expected)
  }

  @Test func divisionWithDeclaredRoundingErrors() {
    #expect(throws: ArithmeticError.divisionByZero) { try d("1").dividing(by: 0, places: 2) }
    #expect(throws: ArithmeticError.overflow) { try d("10").dividing(by: d("0.000000000000000001"), places: 1) }
    #expect(throws: ArithmeticError.inexact) { try d("200000000").dividing(by: 3, places: 12) }
    #expect(throws: ArithmeticError.overflow) {
      try ExactDecimal(significand: Int64.max, scale: 0).dividing(by: d("0.1"), places: 0)
    }
  }

  // MARK: Property test against Int128 reference arithmetic


  /// Checks `result` against the exact value `exact × 10^−exactScale`: equal when it fits (after dropping
  /// trailing zeros), otherwise `.overflow` when its integer part is outside `Int64` and `.inexact` when not.
  static func check(
    _ result: Result<ExactDecimal, ArithmeticError>, exact: Int128, exactScale: Int
  ) -> Bool {
    var (v, s) = (exact, exactScale)
    while s > 0 && v % 10 == 0 {
      v /= 10
      s -= 1
    }
    if s <= 18, let significand = Int64(exactly: v) {
      guard case .success(let value) = result else { return false }
      return value == ExactDecimal(significand: significand, scale: s)
    }
    let integerPart = v / ExactDecimal._wideTen(s)
    return result == .failure(Int64(exactly: integerPart) == nil ? .overflow : .inexact)
  }

  @Test(arguments: [1 as UInt64, 42, 20_240_601])
  func matchesInt128Reference(seed: UInt64) {
    var random = SplitMix64(state: seed)
    for _ in 0..<5_000 {
      let a = random.decimal()
      let b = random.next(below: 4) == 0 ? a : random.decimal()
      let scale = max(a.scale, b.scale)
      let left = Int128(a.significand) * ExactDecimal._wideTen(scale - a.scale)
      let right = Int128(b.significand) * ExactDecimal._wideTen(scale - b.scale)

      let sum = Result { () throws(ArithmeticError) in try a.adding(b) }
      #expect(Self.check(sum, exact: left + right, exactScale: scale), "\(a) + \(b)")
      let difference = Result { () throws(ArithmeticError) in try a.subtracting(b) }
      #expect(Self.check(difference, exact: left - right, exactScale: scale), "\(a) - \(b)")
      let product = Result { () throws(ArithmeticError) in try a.multiplying(by: b) }
      let exactProduct = Int128(a.significand) * Int128(b.significand)
      #expect(
        Self.check(product, exact: exactProduct, exactScale: a.scale + b.scale), "\(a) * \(b)")

      #expect((a < b) == (left < right), "\(a) < \(b)")
      #expect((a == b) == (left == right), "\(a) == \(b)")
      if a == b { #expect(a.hashValue == b.hashValue) }
    }
  }

  @Test(arguments: [7 as UInt64, 99])
  func divisionMatchesInt128Reference(seed: UInt64) throws {
    var random = SplitMix64(state: seed)
    for _ in 0..<5_000 {
      let a = random.decimal(maxDigits: 12)
      let b = random.decimal(maxDigits: 12)
      if b.isZero { continue }
      // q = round(a.sig × 10^(12 + b.scale − a.scale) / b.sig), then at 12 places.
      let exponent = 12 + b.scale - a.scale
      if exponent > 25 { continue }  // keep the reference inside Int128
      var numerator = Int128(a.significand)
      var denominator = Int128(b.significand)
      if exponent >= 0 {
        numerator *= ExactDecimal._wideTen(exponent)
      } else {
        denominator *= ExactDecimal._wideTen(-exponent)
      }
      let (quotient, remainder) = numerator.quotientAndRemainder(dividingBy: denominator)
      var rounded = quotient
      if remainder.magnitude * 2 >= denominator.magnitude {
        rounded += (numerator < 0) != (denominator < 0) ? -1 : 1
      }
      let result = Result { () throws(ArithmeticError) in try a.dividing(by: b) }
      #expect(Self.check(result, exact: rounded, exactScale: 12), "\(a) / \(b)")
      let declared = Result { () throws(ArithmeticError) in try a.dividing(by: b, places: 12, rule: .halfUp) }
      #expect(declared == result, "\(a) / \(b) to 12 places")
      if case .success(let quotient) = result { #expect(quotient.scale == quotient.normalized().scale) }
    }
  }
}

/// The fast writer of digits agrees with the general one on every shape of number.
@Test(arguments: [
  (Int64(0), 0), (0, 2), (5, 1), (-5, 1), (5, 3), (-5, 3), (12345, 2), (-12345, 2), (100, 0), (7, 18),
  (Int64.max, 0), (Int64.max, 18), (Int64.min, 0), (Int64.min, 18), (Int64.min + 1, 5), (999_999, 6),
])
func fastDigitsMatchTheGeneralWriter(significand: Int64, scale: Int) {
  #expect(ExactDecimal._digits(significand, scale: scale) == ExactDecimal._digits(Int128(significand), scale: scale))
}

@Test func formattedPadsAndRoundsWithTheFastWriter() {
  #expect(ExactDecimal("85.5")!.formatted(places: 2) == "85.50")
  #expect(ExactDecimal("-0.005")!.formatted(places: 2) == "-0.01")
  #expect(ExactDecimal("0.004")!.formatted(places: 2) == "0.00")
  #expect(ExactDecimal(significand: 9_223_372_036_854_775_807, scale: 0).formatted(places: 2) == "9223372036854775807.00")
}

extension SplitMix64 {
  /// A value with a random number of digits (1...19) and a random scale.
  mutating func decimal(maxDigits: Int = 19) -> ExactDecimal {
    let digits = 1 + next(below: maxDigits)
    var significand = Int64(truncatingIfNeeded: next() % UInt64(ExactDecimal._wideTen(digits)))
    if digits == 19 { significand = Int64(truncatingIfNeeded: next() >> 1) }
    if next() & 1 == 1 { significand = -significand }
    return ExactDecimal(significand: significand, scale: next(below: 19))
  }
}
