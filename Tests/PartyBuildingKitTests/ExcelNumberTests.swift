import Testing

@testable import PartyBuildingKit

/// The stored-number conversion, cell references, date formats and text escapes.
@Suite struct ExcelNumberTests {
  @Test(arguments: [
    // Excel's shortest round-trip texts of typed decimals.
    ("0.57999999999999996", "0.58"),
    ("85.499999999999986", "85.5"),
    ("92.40000000000001", "92.4"),
    ("0.30000000000000004", "0.3"),
    ("25.649999999999999", "25.65"),
    ("-0.57999999999999996", "-0.58"),
    ("-85.499999999999986", "-85.5"),
    // Carries.
    ("9.9999999999999996", "10"),
    ("99999999999999.996", "100000000000000"),
    ("-9.9999999999999996", "-10"),
    ("0.99999999999999994", "1"),
    ("999999999999999.5", "1000000000000000"),
    ("0.0099999999999999985", "0.01"),
    // 16–18 digits.
    ("123456789012345678", "123456789012346000"),
    ("1234567890123456", "1234567890123460"),
    ("1234567890123454", "1234567890123450"),
    ("1234567890123455", "1234567890123460"),
    ("12345678901234.55", "12345678901234.6"),
    ("0.12345678901234549", "0.123456789012345"),
    ("0.1234567890123455", "0.123456789012346"),
    ("123456789012345", "123456789012345"),
    // E-notation.
    ("1.5E-3", "0.0015"),
    ("1.5e-3", "0.0015"),
    ("2E+20", "200000000000000000000"),
    ("2E20", "200000000000000000000"),
    ("-2.5E+2", "-250"),
    ("1E0", "1"),
    ("1E-7", "0.0000001"),
    ("12.5E-1", "1.25"),
    ("0.0005E+4", "5"),
    ("1.2345678901234567E+25", "12345678901234600000000000"),
    ("4.9406564584124654E-324", "0." + String(repeating: "0", count: 323) + "494065645841247"),
    // Zeros, signs, leading and trailing zeros.
    ("0", "0"),
    ("-0", "0"),
    ("+0", "0"),
    ("0.0", "0"),
    ("-0.000E5", "0"),
    ("007", "7"),
    ("-007.50", "-7.5"),
    ("+3", "3"),
    ("100", "100"),
    ("2025", "2025"),
    ("90.5", "90.5"),
    (".5", "0.5"),
    ("5.", "5"),
    ("0.000123", "0.000123"),
  ])
  func convertsStoredNumbers(_ stored: String, _ shown: String) {
    #expect(ExcelNumber.decimalText(fromStored: stored) == shown)
  }

  @Test(arguments: [
    "", "-", "+", ".", "-.", "e5", "1e", "1e+", "1e-", "1.2.3", "1,5", " 1", "1 ", "1e5.5", "--1", "1-", "0x10",
    "INF", "NaN", "1E400", "1E-400", "1e99999999999999999999", "١٢", "1.5E+3x",
  ])
  func refusesWhatIsNoNumber(_ stored: String) {
    #expect(ExcelNumber.decimalText(fromStored: stored) == nil)
  }

  @Test func agreesWithExactDecimalOnTheResult() throws {
    // The converted text is what ExactDecimal reads, so the lead can hand it straight to the scorer.
    for stored in ["0.57999999999999996", "85.499999999999986", "1.5E-3", "-2.5E+2"] {
      let text = try #require(ExcelNumber.decimalText(fromStored: stored))
      let decimal = try #require(ExactDecimal(text))
      #expect(decimal.description == text)
    }
  }

  @Test(arguments: [
    (1, "A"), (26, "Z"), (27, "AA"), (52, "AZ"), (53, "BA"), (702, "ZZ"), (703, "AAA"), (16_384, "XFD"),
  ])
  func columnLettersBothWays(_ index: Int, _ letters: String) {
    #expect(XLSXCellReference.letters(forColumn: index) == letters)
    #expect(XLSXCellReference.column(forLetters: letters) == index)
    #expect(XLSXCellReference.column(forLetters: letters.lowercased()) == index)
  }

  @Test func invalidColumnsAndReferences() {
    #expect(XLSXCellReference.letters(forColumn: 0) == nil)
    #expect(XLSXCellReference.column(forLetters: "XFE") == nil)
    #expect(XLSXCellReference.column(forLetters: "") == nil)
    #expect(XLSXCellReference.column(forLetters: "A1") == nil)
    #expect(XLSXCellReference("C5") == XLSXCellReference(column: 3, row: 5))
    #expect(XLSXCellReference("XFD1048576")?.description == "XFD1048576")
    for bad in ["", "C", "5", "C0", "XFE1", "A1048577", "5C", "C-5", "C 5"] {
      #expect(XLSXCellReference(bad) == nil, "\(bad)")
    }
  }

  @Test(arguments: [
    ("yyyy-mm-dd", true), ("m/d/yyyy", true), ("[$-804]yyyy\"年\"m\"月\"d\"日\"", true), ("h:mm:ss", true),
    ("[h]:mm", true), ("mm:ss.0", true), ("yyyy/m/d h:mm AM/PM", true), ("DD.MM.YYYY", true),
    ("0.00", false), ("General", false), ("#,##0.00_);[Red](#,##0.00)", false), ("0.00\"分\"", false),
    ("\"days\" 0", false), ("0.00E+00", false), ("[Red]0.0", false), ("@", false), ("0%", false),
    ("\\d0", false), ("_m0.0", false), ("*s0", false), ("[DBNum1][$-804]General", false),
  ])
  func dateFormatCodes(_ code: String, _ isDate: Bool) {
    #expect(XLSXStyles.isDateFormatCode(code) == isDate)
  }

  @Test func builtInDateFormats() {
    let dates = Array(14...22) + Array(27...36) + Array(45...47) + Array(50...58)
    for id in 0...200 { #expect(XLSXStyles.isDateFormat(id: id, code: nil) == dates.contains(id), "\(id)") }
    // A workbook's own code for an id wins over the built-in meaning.
    #expect(!XLSXStyles.isDateFormat(id: 14, code: "0.00"))
    #expect(XLSXStyles.isDateFormat(id: 2, code: "yyyy"))
  }

  @Test func excelEscapesBothWays() throws {
    let unescaped = ExcelTextEscape.unescape(Array("a_x000D_b_x005F_x0041_ _xD83D__xDE00_ _xD800_ _x12_".utf8))
    #expect(String(decoding: unescaped, as: UTF8.self) == "a\rb_x0041_ 😀 \u{FFFD} _x12_")
    var written: [UInt8] = []
    ExcelTextEscape.appendEscaped("a\rb_x0041_<&>\"\u{1}\t\n", to: &written)
    #expect(String(decoding: written, as: UTF8.self) == "a_x000D_b_x005F_x0041_&lt;&amp;&gt;\"_x0001_\t\n")
    var attribute: [UInt8] = []
    ExcelTextEscape.appendEscaped("a\"b\tc_x0041_", to: &attribute, context: .attribute)
    #expect(String(decoding: attribute, as: UTF8.self) == "a&quot;b&#x9;c_x0041_")
    // What is written reads back as it was.
    #expect(ExcelTextEscape.unescape(written) == Array("a\rb_x0041_&lt;&amp;&gt;\"\u{1}\t\n".utf8))
  }
}
