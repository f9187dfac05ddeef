import SeededRandom
import Testing

@testable import PartyBuildingKit

/// Parses text that must be valid, failing the test with the error if it is not.
private func parseOK(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation)
  -> JSONValue?
{
  do {
    return try JSONParser.parse(text)
  } catch {
    Issue.record("unexpected error: \(error)", sourceLocation: sourceLocation)
    return nil
  }
}

/// The error for text that must be invalid, or nil (and a test failure) if it parses.
private func parseError(_ bytes: [UInt8], sourceLocation: Testing.SourceLocation = #_sourceLocation)
  -> JSONSyntaxError?
{
  do {
    _ = try JSONParser.parse(bytes)
    Issue.record("expected an error, but the input parsed", sourceLocation: sourceLocation)
    return nil
  } catch {
    return error
  }
}

private func parseError(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation)
  -> JSONSyntaxError?
{
  parseError(Array(text.utf8), sourceLocation: sourceLocation)
}

/// One invalid input and the exact `line:column: message` it must produce.
struct JSONErrorFixture: CustomTestStringConvertible, Sendable {
  var name: String
  var input: [UInt8]
  var expected: String

  init(_ name: String, _ input: String, _ expected: String) {
    self.name = name
    self.input = Array(input.utf8)
    self.expected = expected
  }

  init(_ name: String, bytes: [UInt8], _ expected: String) {
    self.name = name
    self.input = bytes
    self.expected = expected
  }

  var testDescription: String { name }
}

@Suite struct JSONParserTests {
  // MARK: Values and locations

  @Test func parsesAllKindsWithLocations() throws {
    let text = """
      {
        "名称": "第一党支部",
        "weight": 85.50,
        "items": [true, false, null],
        "nested": {"k": "v"}
      }
      """
    let root = try #require(parseOK(text))
    #expect(root.location == SourceLocation(line: 1, column: 1))
    #expect(root.kindDescription == "an object")
    let object = try #require(root.objectValue)
    #expect(object.keys == ["名称", "weight", "items", "nested"])

    let name = try #require(object.member("名称"))
    #expect(name.keyLocation == SourceLocation(line: 2, column: 3))
    // The key is 4 scalars wide ("名称" plus quotes), then ": ".
    #expect(name.value.location == SourceLocation(line: 2, column: 9))
    #expect(name.value.stringValue == "第一党支部")

    let weight = try #require(object["weight"])
    #expect(weight.numberText == "85.50")
    #expect(weight.location == SourceLocation(line: 3, column: 13))

    let items = try #require(object["items"]?.arrayValue)
    #expect(items.map(\.kindDescription) == ["true/false", "true/false", "null"])
    #expect(items[0].boolValue == true)
    #expect(items[1].boolValue == false)
    #expect(items[2].isNull)
    #expect(items.map(\.location.column) == [13, 19, 26])

    let nested = try #require(object["nested"]?.objectValue)
    #expect(nested["k"]?.stringValue == "v")
    #expect(object["nested"]?.location == SourceLocation(line: 5, column: 13))
    #expect(object["missing"] == nil)
  }

  @Test(arguments: [
    ("\"text\"", "text"),
    ("42", "a number"),
    ("true", "true/false"),
    ("null", "null"),
    ("[]", "a list"),
    ("{}", "an object"),
  ])
  func kindDescriptions(input: String, kind: String) throws {
    #expect(try JSONParser.parse(input).kindDescription == kind)
  }

  @Test(arguments: ["85.50", "-0", "1e2", "0", "-12.340e-05", "1E+2", "100", "0.000", "123456789012345678901234567890.5"])
  func numberLiteralsKeepTheirExactText(literal: String) throws {
    let value = try JSONParser.parse("[\(literal)]")
    #expect(value.arrayValue?.first?.numberText == literal)
    #expect(try JSONParser.parse(literal).numberText == literal)
  }

  @Test func emptyContainersAndWhitespace() throws {
    let value = try JSONParser.parse(" \t\r\n { \"a\" : [ ] , \"b\" : { } } \n")
    let object = try #require(value.objectValue)
    #expect(object["a"]?.arrayValue?.isEmpty == true)
    #expect(object["b"]?.objectValue?.isEmpty == true)
    #expect(value.location == SourceLocation(line: 2, column: 2))
  }

  @Test(arguments: [
    ("\"a\\\"b\\\\c\\/d\"", "a\"b\\c/d"),
    ("\"\\b\\f\\n\\r\\t\"", "\u{8}\u{C}\n\r\t"),
    ("\"\\u4E66\\u8BB0\"", "书记"),
    ("\"\\uD83D\\uDE00\"", "😀"),
    ("\"x\\ud83d\\ude00y\"", "x😀y"),
    ("\"\\u0000\"", "\u{0}"),
    ("\"书记 😀 ok\"", "书记 😀 ok"),
    ("\"前\\n后\"", "前\n后"),
  ])
  func stringEscapesAndSurrogates(input: String, expected: String) throws {
    #expect(try JSONParser.parse(input).stringValue == expected)
  }

  @Test func byteOrderMarkIsSkippedAndNotCounted() throws {
    let value = try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("{\"a\": 1}".utf8))
    #expect(value.location == SourceLocation(line: 1, column: 1))
    #expect(value.objectValue?["a"]?.location == SourceLocation(line: 1, column: 7))
    let error = try #require(parseError([0xEF, 0xBB, 0xBF] + Array("{,}".utf8)))
    #expect(error.location == SourceLocation(line: 1, column: 2))
  }

  @Test func columnsCountUnicodeScalars() throws {
    let value = try JSONParser.parse("{\"书记\": \"张三\", \"😀\": 1}")
    let object = try #require(value.objectValue)
    #expect(object.member("书记")?.value.location.column == 8)
    #expect(object.member("😀")?.keyLocation.column == 14)
    #expect(object["😀"]?.location.column == 19)
  }

  @Test(arguments: ["\n", "\r\n", "\r"])
  func lineEndsAreCounted(lineEnd: String) throws {
    let text = ["[", "  1,", "  2", "]"].joined(separator: lineEnd)
    let items = try #require(try JSONParser.parse(text).arrayValue)
    #expect(items.map(\.location) == [SourceLocation(line: 2, column: 3), SourceLocation(line: 3, column: 3)])
  }

  @Test func firstLineOffsetsLocations() throws {
    let value = try JSONParser.parse("{\"a\": 1}", firstLine: 41)
    #expect(value.location == SourceLocation(line: 41, column: 1))
    do {
      _ = try JSONParser.parse("{\"a\": }", firstLine: 1_000_000)
      Issue.record("expected an error")
    } catch {
      #expect(error.location == SourceLocation(line: 1_000_000, column: 7))
    }
  }

  @Test func parsesSlicesOfABufferLikeJSONLines() throws {
    let lines = "{\"n\": 1}\n{\"n\": 2.50}\n{\"n\": \"三\"}\n"
    let bytes = Array(lines.utf8)
    var values: [JSONValue] = []
    try bytes.withUnsafeBufferPointer { buffer in
      var start = 0
      var lineNumber = 1
      for i in buffer.indices where buffer[i] == 0x0A {
        let slice = UnsafeBufferPointer(rebasing: buffer[start..<i])
        values.append(try JSONParser.parse(slice, firstLine: lineNumber))
        start = i + 1
        lineNumber += 1
      }
    }
    #expect(values.map { $0.location.line } == [1, 2, 3])
    #expect(values[1].objectValue?["n"]?.numberText == "2.50")
    #expect(values[2].objectValue?["n"]?.stringValue == "三")
  }

  @Test func largeObjectsLookUpAndRejectDuplicates() throws {
    let keys = (0..<40).map { "key\($0)" }
    let body = keys.enumerated().map { "\"\($1)\": \($0)" }.joined(separator: ",\n")
    let object = try #require(try JSONParser.parse("{\n\(body)\n}").objectValue)
    #expect(object.keys == keys)
    #expect(object["key37"]?.numberText == "37")
    #expect(object["key40"] == nil)

    let error = try #require(parseError("{\n\(body),\n\"key12\": 1\n}"))
    #expect(error.description == "42:1: duplicate key 'key12'; it was first given at 14:1; keep one")
  }

  @Test func objectsBuiltByHandFindTheFirstOfDuplicateKeys() {
    let at = SourceLocation(line: 1, column: 1)
    func member(_ key: String, _ n: String) -> JSONMember {
      JSONMember(key: key, keyLocation: at, value: JSONValue(content: .number(n), location: at))
    }
    let small = JSONObject(members: [member("a", "1"), member("a", "2")])
    #expect(small["a"]?.numberText == "1")
    var large = JSONObject(members: (0..<20).map { member("k\($0)", "\($0)") } + [member("k3", "x")])
    #expect(large["k3"]?.numberText == "3")
    large.members.removeFirst(4)
    #expect(large["k3"]?.numberText == "x")
    #expect(large["k0"] == nil)
  }

  @Test func valuesAtPointers() throws {
    let root = try JSONParser.parse(#"{"components": [{"weight": 1}, {"weight": "2", "a/b": {"~x": 3}}]}"#)
    #expect(root.value(at: .root)?.kindDescription == "an object")
    #expect(root.value(at: "/components/1/weight")?.stringValue == "2")
    #expect(root.value(at: "/components/1/a~1b/~0x")?.numberText == "3")
    #expect(root.value(at: "/components/2") == nil)
    #expect(root.value(at: "/components/01") == nil)
    #expect(root.value(at: "/components/-1") == nil)
    #expect(root.value(at: "/components/0/weight/x") == nil)
  }

  // MARK: Depth

  @Test func nesting256LevelsIsAccepted() throws {
    let text = String(repeating: "[", count: 256) + "1" + String(repeating: "]", count: 256)
    var value = try JSONParser.parse(text)
    for _ in 0..<256 { value = try #require(value.arrayValue?.first) }
    #expect(value.numberText == "1")
  }

  @Test(arguments: [257, 300, 100_000])
  func deeperNestingIsAnErrorNotACrash(depth: Int) throws {
    let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
    let error = try #require(parseError(text))
    #expect(
      error.description
        == "1:257: lists and objects are nested more than 256 levels deep here; flatten the structure")
  }

  @Test func deepObjectsAreAnErrorToo() throws {
    let text = String(repeating: "{\"a\":", count: 300) + "1" + String(repeating: "}", count: 300)
    let error = try #require(parseError(text))
    #expect(error.location == SourceLocation(line: 1, column: 256 * 5 + 1))
  }

  // MARK: Errors

  static let errorFixtures: [JSONErrorFixture] = [
    // Truncated files name what is still open.
    .init("truncated object", "{\"a\": 1", "1:8: unexpected end of file; the object opened at 1:1 is not closed — the file may be truncated"),
    .init("truncated nested list", "{\n  \"items\": [1, 2,\n", "3:1: unexpected end of file; the list opened at 2:12 is not closed — the file may be truncated"),
    .init("truncated after key", "{\"a\"", "1:5: unexpected end of file; the object opened at 1:1 is not closed — the file may be truncated"),
    .init("truncated inside text", "{\"a\": \"第一", "1:10: unexpected end of file inside the text that starts at 1:7; the closing '\"' is missing — the file may be truncated"),
    .init("truncated inside escape", "[\"a\\", "1:5: unexpected end of file inside the text that starts at 1:2; the closing '\"' is missing — the file may be truncated"),
    .init("truncated inside \\u", "[\"\\u4E", "1:7: unexpected end of file inside the text that starts at 1:2; the closing '\"' is missing — the file may be truncated"),
    .init("truncated after high surrogate", "[\"\\uD83D", "1:9: unexpected end of file inside the text that starts at 1:2; the closing '\"' is missing — the file may be truncated"),
    .init("truncated top-level literal", "tru", "1:4: unexpected end of file; the value that starts at 1:1 is not complete — the file may be truncated"),
    .init("truncated top-level number", "-", "1:2: unexpected end of file; the value that starts at 1:1 is not complete — the file may be truncated"),
    .init("truncated exponent in list", "[1e+", "1:5: unexpected end of file; the list opened at 1:1 is not closed — the file may be truncated"),
    .init("truncated inside a Chinese character", bytes: Array("[\"书".utf8).dropLast(), "1:4: unexpected end of file inside the text that starts at 1:2; the closing '\"' is missing — the file may be truncated"),
    .init("empty input", "", "1:1: no JSON value: the input is empty or holds only whitespace; write a value such as an object { ... }"),
    .init("only whitespace", "  \n ", "2:2: no JSON value: the input is empty or holds only whitespace; write a value such as an object { ... }"),
    .init("only a byte order mark", bytes: [0xEF, 0xBB, 0xBF], "1:1: no JSON value: the input is empty or holds only whitespace; write a value such as an object { ... }"),

    // Duplicate keys name both places.
    .init("duplicate key", "{\n  \"weight\": 1,\n  \"name\": \"x\",\n  \"weight\": 2\n}", "4:3: duplicate key 'weight'; it was first given at 2:3; keep one"),
    .init("duplicate Chinese key", "{\"分值\": 1, \"分值\": 2}", "1:11: duplicate key '分值'; it was first given at 1:2; keep one"),
    .init("duplicate key via escape", "{\"ab\": 1, \"a\\u0062\": 2}", "1:11: duplicate key 'ab'; it was first given at 1:2; keep one"),

    // Trailing commas point at the comma.
    .init("trailing comma in object", "{\n  \"a\": 1,\n}", "2:9: a comma must be followed by another member, but '}' follows; remove the comma before '}'"),
    .init("trailing comma in list", "[1, 2, ]", "1:6: a comma must be followed by another item, but ']' follows; remove the comma before ']'"),

    // Comments.
    .init("line comment", "{\n  // weights from 2024\n  \"a\": 1\n}", "2:3: JSON does not allow comments; put notes in a \"note\" field"),
    .init("block comment", "[1, /* two */ 2]", "1:5: JSON does not allow comments; put notes in a \"note\" field"),
    .init("comment after value", "{} // done", "1:4: JSON does not allow comments; put notes in a \"note\" field"),

    // Quotes.
    .init("single-quoted value", "{\"a\": 'x'}", "1:7: single quotes are not allowed around text; use double quotes (\"...\")"),
    .init("single-quoted key", "{'a': 1}", "1:2: single quotes are not allowed around keys; use double quotes (\"...\")"),
    .init("unquoted key", "{weight: 1}", "1:2: object keys must be in double quotes; write \"weight\""),
    .init("unquoted Chinese key", "{分值: 1}", "1:2: object keys must be in double quotes; write \"分值\""),
    .init("unquoted text", "{\"a\": 优秀}", "1:7: unexpected text '优秀'; put text in double quotes (\"优秀\") — the only words JSON allows without quotes are true, false and null"),
    .init("capitalised True", "[True]", "1:2: 'True' is not a JSON value; write true in lowercase"),
    .init("NULL", "[NULL]", "1:2: 'NULL' is not a JSON value; write null in lowercase"),
    .init("NaN", "[NaN]", "1:2: 'NaN' is not a number JSON allows; use null or write a number"),
    .init("-Infinity", "[-Infinity]", "1:2: '-Infinity' is not a number JSON allows; use null or write a number"),

    // Numbers.
    .init("leading zero", "{\"code\": 007}", "1:10: the number '007' has a leading zero; remove it, or put codes such as \"007\" in double quotes"),
    .init("plus sign", "[+1]", "1:2: a number may not start with '+'; remove the plus sign"),
    .init("bare decimal point", "[.5]", "1:2: a number must start with a digit; write 0.5"),
    .init("trailing decimal point", "[1.]", "1:2: '1.' is not a valid number; a digit must follow the decimal point — write 1 or 1.0"),
    .init("empty exponent", "[1e]", "1:2: '1e' is not a valid number; the exponent needs digits, e.g. 1e2"),
    .init("unit after number", "{\"score\": 85分}", "1:11: '85分' is not a valid number; write digits with an optional '-', decimal point and exponent (e.g. 85.5), or put text in double quotes"),
    .init("percent", "[12.5%]", "1:2: '12.5%' is not a valid number; write digits with an optional '-', decimal point and exponent (e.g. 85.5), or put text in double quotes"),
    .init("two decimal points", "[1.2.3]", "1:2: '1.2.3' is not a valid number; write digits with an optional '-', decimal point and exponent (e.g. 85.5), or put text in double quotes"),
    .init("minus without digits", "[-x]", "1:2: '-x' is not a valid number; a digit must follow '-'"),
    .init("hex", "[0x1F]", "1:2: '0x1F' is not a valid number; write digits with an optional '-', decimal point and exponent (e.g. 85.5), or put text in double quotes"),

    // Strings.
    .init("missing closing quote", "{\"a\": \"x,\n \"b\": 1}", "1:10: line break inside text; the text that starts at 1:7 may be missing its closing '\"' — or, to keep the line break, write it as \\n"),
    // An unclosed or misplaced quote is reported with where the text starts (issue 9), on whatever line that is.
    .init("missing closing quote on line 5", "{\n \"a\": 1,\n \"b\": 2,\n \"c\": 3,\n \"title\": \"最小示例,\n \"d\": 4}", "5:17: line break inside text; the text that starts at 5:11 may be missing its closing '\"' — or, to keep the line break, write it as \\n"),
    .init("a Chinese closing quote", "{\n \"a\": 1,\n \"title\": \"最小示例”,\n \"d\": 4}", "3:18: line break inside text; the text that starts at 3:11 may be missing its closing '\"' (the '”' in it is a Chinese quote; JSON needs the plain '\"') — or, to keep the line break, write it as \\n"),
    .init("a comma inside the quotes", "{\n \"a\": 1,\n \"b\": 2,\n \"c\": 3,\n \"title\": \"最小示例,\"\n \"d\": 4}", "5:11: this text ends with a comma inside its quotes, so no comma follows it (at 6:2 comes '\"' where ',' or '}' should be); put the comma after the closing '\"'"),
    .init("a text ended by the next key's quote", "{\"title\": \"最小示例, \"d\": 4}", "1:19: expected ',' or '}' after the value of 'title', found 'd'; the text that starts at 1:11 may be missing its closing '\"' (it ended at the '\"' just before this), or a comma is missing between members"),
    .init("tab in text", "[\"a\tb\"]", "1:4: tab character inside text; write it as \\t"),
    .init("control character in text", "[\"a\u{1}b\"]", "1:4: control character U+0001 inside text; remove it or write it as \\u0001"),
    .init("backslash in a Windows path", "{\"path\": \"C:\\data\"}", "1:13: invalid escape '\\d' in text; the escapes JSON knows are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX — to write a backslash (as in a Windows path), double it: \\\\"),
    .init("bad \\u digits", "[\"\\u12G4\"]", "1:3: invalid escape '\\u12G4'; \\u must be followed by exactly 4 hex digits (0-9, A-F), e.g. \\u4E66"),
    .init("lone high surrogate", "[\"\\uD83D!\"]", "1:3: the escape \\uD83D is the first half of a surrogate pair, but no second half (\\uDC00 to \\uDFFF) follows; write the character itself or give both halves"),
    .init("high surrogate then non-surrogate", "[\"\\uD83D\\u0041\"]", "1:3: the escape \\uD83D is the first half of a surrogate pair, but no second half (\\uDC00 to \\uDFFF) follows; write the character itself or give both halves"),
    .init("lone low surrogate", "[\"\\uDE00\"]", "1:3: the escape \\uDE00 is the second half of a surrogate pair without a first half (\\uD800 to \\uDBFF) before it; write the character itself or give both halves"),

    // Structure.
    .init("missing comma between members", "{\"a\": 1\n \"b\": 2}", "2:2: expected ',' or '}' after the value of 'a', found '\"'; add a comma between members"),
    .init("missing comma between items", "[1 2]", "1:4: expected ',' or ']' after a list item, found '2'; add a comma between items"),
    .init("wrong closer for list", "[1, 2}", "1:6: expected ',' or ']' after a list item, found '}'; the list opened at 1:1 must be closed with ']'"),
    .init("wrong closer for object", "{\"a\": 1]", "1:8: expected ',' or '}' after the value of 'a', found ']'; the object opened at 1:1 must be closed with '}'"),
    .init("missing colon", "{\"a\" 1}", "1:6: expected ':' after the key 'a', found '1'; put a colon between a key and its value"),
    .init("missing value", "{\"a\": }", "1:7: expected a value (an object, a list, text in double quotes, a number, true, false or null), found '}' as the value of 'a'"),
    .init("double comma", "[1,,2]", "1:4: expected a value (an object, a list, text in double quotes, a number, true, false or null), found ',' in the list opened at 1:1"),
    .init("key expected", "{1: 2}", "1:2: object keys must be in double quotes; write \"1\""),
    .init("key expected after comma", "{\"a\": 1, [", "1:10: expected a key in double quotes, found '['"),
    .init("two top-level values", "{} {}", "1:4: unexpected '{' after the JSON value that starts at 1:1; the input must hold exactly one value — to give several, put them in a list [ ... ] separated by commas"),
    .init("stray closer", "]", "1:1: expected a value (an object, a list, text in double quotes, a number, true, false or null), found ']'"),
    .init("control character outside text", "[\u{1}]", "1:2: expected a value (an object, a list, text in double quotes, a number, true, false or null), found control character U+0001 in the list opened at 1:1"),

    // Punctuation typed with a Chinese input method.
    .init("full-width comma after number", "{\"a\": 85，\"b\": 1}", "1:9: '，' is full-width (Chinese) punctuation; JSON needs the plain ',' here — switch the input method to English (半角) punctuation and retype it"),
    .init("full-width comma after text", "[\"x\"，\"y\"]", "1:5: '，' is full-width (Chinese) punctuation; JSON needs the plain ',' here — switch the input method to English (半角) punctuation and retype it"),
    .init("enumeration comma", "[1、2]", "1:3: '、' is full-width (Chinese) punctuation; JSON needs the plain ',' here — switch the input method to English (半角) punctuation and retype it"),
    .init("full-width colon", "{\"a\"：1}", "1:5: '：' is full-width (Chinese) punctuation; JSON needs the plain ':' here — switch the input method to English (半角) punctuation and retype it"),
    .init("curly quotes around key", "{“名称”: 1}", "1:2: '“' is full-width (Chinese) punctuation; JSON needs the plain '\"' here — switch the input method to English (半角) punctuation and retype it"),
    .init("curly quotes around value", "{\"a\": “优秀”}", "1:7: '“' is full-width (Chinese) punctuation; JSON needs the plain '\"' here — switch the input method to English (半角) punctuation and retype it"),
    .init("full-width brace", "{\"a\": 1｝", "1:8: '｝' is full-width (Chinese) punctuation; JSON needs the plain '}' here — switch the input method to English (半角) punctuation and retype it"),
    .init("lenticular bracket", "【1]", "1:1: '【' is full-width (Chinese) punctuation; JSON needs the plain '[' here — switch the input method to English (半角) punctuation and retype it"),

    // Encodings.
    .init("GBK bytes in text", bytes: Array("{\"职务\": \"".utf8) + [0xCA, 0xE9, 0xBC, 0xC7] + Array("\"}".utf8), "1:9: the text is not valid UTF-8 here (byte 0xCA); the file may be saved as GBK/GB18030 — save it as UTF-8 and try again"),
    .init("GBK bytes outside text", bytes: Array("{\"a\": 1}\n".utf8) + [0xCA, 0xE9], "2:1: the text is not valid UTF-8 here (byte 0xCA); the file may be saved as GBK/GB18030 — save it as UTF-8 and try again"),
    .init("encoded surrogate", bytes: Array("[\"".utf8) + [0xED, 0xA0, 0x80] + Array("\"]".utf8), "1:3: the text is not valid UTF-8 here (byte 0xED); the file may be saved as GBK/GB18030 — save it as UTF-8 and try again"),
    .init("overlong encoding", bytes: Array("[\"".utf8) + [0xC0, 0xAF] + Array("\"]".utf8), "1:3: the text is not valid UTF-8 here (byte 0xC0); the file may be saved as GBK/GB18030 — save it as UTF-8 and try again"),
    .init("UTF-16 file", bytes: [0xFF, 0xFE, 0x7B, 0x00, 0x7D, 0x00], "1:1: the file is UTF-16 text, not UTF-8; save it as UTF-8 and try again"),
  ]

  @Test(arguments: errorFixtures)
  func errorsNameThePlaceAndTheFix(fixture: JSONErrorFixture) throws {
    let error = try #require(parseError(fixture.input))
    #expect(error.description == fixture.expected)
  }

  @Test func errorMessagesStartInLowercaseOrWithAQuotedToken() {
    for fixture in Self.errorFixtures {
      guard let error = parseError(fixture.input) else { continue }
      let first = error.message.unicodeScalars.first!
      #expect(
        first.properties.isLowercase || first == "'" || error.message.hasPrefix("JSON"),
        "\(fixture.name): \(error.message)")
    }
  }

  @Test func everyPrefixOfADocumentIsReportedAsTruncated() throws {
    let text = """
      {"名称": "第一党支部", "weight": -12.5e+3, "ok": [true, false, null],
       "esc": "a\\"b\\u4E66\\uD83D\\uDE00", "nested": {"x": [{}, []]}}
      """
    let bytes = Array(text.utf8)
    _ = try JSONParser.parse(bytes)
    for length in 1..<bytes.count {
      let error = try #require(parseError(Array(bytes[..<length])))
      #expect(error.message.hasPrefix("unexpected end of file"), "prefix \(length): \(error)")
    }
  }

  @Test func mutatedDocumentsNeverCrash() {
    let seed = Array(
      #"{"名称": "第一党支部", "w": [-1.5e3, 0, true, null, {"k": "a\"\u4E66\uD83D\uDE00"}], "x": {}}"#.utf8)
    var random = SplitMix64(seed: 7)
    let replacements = Array("{}[]\",:-0.eE+\\u/ \ntfn'".utf8) + [0x00, 0x80, 0xE4, 0xFF]
    var parsed = 0
    for _ in 0..<5_000 {
      var bytes = seed
      for _ in 0...(random.next() % 3) {
        let i = Int(random.next() % UInt64(bytes.count))
        switch random.next() % 3 {
        case 0: bytes[i] = replacements[Int(random.next() % UInt64(replacements.count))]
        case 1: bytes.remove(at: i)
        default: bytes.insert(replacements[Int(random.next() % UInt64(replacements.count))], at: i)
        }
      }
      do {
        _ = try JSONParser.parse(bytes)
        parsed += 1
      } catch {
        #expect(error.location.line >= 1 && error.location.column >= 1)
        #expect(!error.message.isEmpty)
      }
    }
    #expect(parsed < 5_000)
  }

  @Test func errorsAreThrownAsTypedErrors() {
    #expect(throws: JSONSyntaxError.self) { try JSONParser.parse("[") }
    let error = JSONSyntaxError(message: .verbatim("m"), location: SourceLocation(line: 3, column: 7))
    #expect(error.description == "3:7: m")
  }

  // MARK: Source locations and pointers

  @Test func sourceLocationsOrderAndPrint() {
    #expect(SourceLocation(line: 12, column: 5).description == "12:5")
    #expect(SourceLocation(line: 1, column: 9) < SourceLocation(line: 2, column: 1))
    #expect(SourceLocation(line: 2, column: 1) < SourceLocation(line: 2, column: 3))
    #expect(!(SourceLocation(line: 2, column: 3) < SourceLocation(line: 2, column: 3)))
  }

  @Test func pointersEscapeAndParse() {
    let pointer = JSONPointer.root.appending("components").appending(0).appending("weight")
    #expect(pointer.description == "/components/0/weight")
    #expect(pointer.tokens == ["components", "0", "weight"])
    #expect(JSONPointer.root.description == "")
    #expect(JSONPointer.root.displayString == "(the whole document)")
    #expect(pointer.displayString == "/components/0/weight")
    #expect(pointer.parent.description == "/components/0")
    #expect(JSONPointer.root.parent == .root)

    let tricky = JSONPointer.root.appending("a/b").appending("m~n").appending("").appending("分值")
    #expect(tricky.description == "/a~1b/m~0n//分值")
    #expect(JSONPointer(parsing: tricky.description) == tricky)
    #expect(JSONPointer(parsing: "") == .root)
    #expect(JSONPointer(parsing: "/") == JSONPointer(tokens: [""]))
    #expect(JSONPointer(parsing: "/~01") == JSONPointer(tokens: ["~1"]))
    #expect(JSONPointer(parsing: "a/b") == nil)
    #expect(JSONPointer(parsing: "/a~2") == nil)
    #expect(JSONPointer(parsing: "/a~") == nil)
    let literal: JSONPointer = "/components/0"
    #expect(literal == JSONPointer.root.appending("components").appending(0))
  }

  // MARK: Writing

  @Test(arguments: [
    ("plain", "\"plain\""),
    ("第一党支部", "\"第一党支部\""),
    ("say \"hi\"", "\"say \\\"hi\\\"\""),
    ("C:\\data", "\"C:\\\\data\""),
    ("a\nb\r\tc", "\"a\\nb\\r\\tc\""),
    ("\u{0}\u{1F}\u{8}\u{C}", "\"\\u0000\\u001F\\b\\f\""),
    ("", "\"\""),
    ("😀/</", "\"😀/</\""),
  ])
  func quotedWritesJSONStrings(input: String, expected: String) throws {
    let quoted = JSONText.quoted(input)
    #expect(quoted == expected)
    #expect(try JSONParser.parse(quoted).stringValue == input)
  }
}
