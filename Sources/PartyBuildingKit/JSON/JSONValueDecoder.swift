/// Decodes a `Decodable` value from a parsed ``JSONValue`` tree, reading numbers from their exact literal text.
///
/// Unlike `JSONDecoder`, a number never passes through binary floating point: asked for a `String`, a number gives
/// its literal (`85.50`), so ``ExactDecimal`` and formula texts read it exactly; ``JSONNumberLiteral`` tells a number
/// from text. `true`/`false` also read as the text `"true"`/`"false"` (a formula may be written as a bare `true`).
///
/// An ``ExactDecimal`` is read as a pack writes numbers: a JSON number, or text of a decimal or a percentage
/// (`"30%"` is 0.3), exactly.
struct JSONValueDecoder {
  static func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws -> T {
    try TreeDecoder(value: value, codingPath: []).decode(T.self)
  }
}

/// A JSON number's exact literal text; only ``JSONValueDecoder`` decodes one (other decoders throw), so a type can
/// tell a number from text when it is decoded from a pack.
struct JSONNumberLiteral: Decodable {
  var text: String

  init(from decoder: any Decoder) throws {
    guard let tree = decoder as? TreeDecoder, case .number(let literal) = tree.value.content else {
      throw DecodingError.typeMismatch(
        JSONNumberLiteral.self, .init(codingPath: decoder.codingPath, debugDescription: "not a number literal"))
    }
    text = literal
  }
}

private struct TreeDecoder: Decoder {
  let value: JSONValue
  let codingPath: [any CodingKey]
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func mismatch(_ expected: String) -> DecodingError {
    .typeMismatch(
      Any.self,
      .init(codingPath: codingPath, debugDescription: "expected \(expected), found \(value.kindDescription)"))
  }

  func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
    guard case .object(let object) = value.content else { throw mismatch("an object") }
    return KeyedDecodingContainer(TreeKeyed<Key>(object: object, codingPath: codingPath))
  }

  func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
    guard case .array(let items) = value.content else { throw mismatch("a list") }
    return TreeUnkeyed(items: items, codingPath: codingPath)
  }

  func singleValueContainer() throws -> any SingleValueDecodingContainer { TreeSingle(decoder: self) }

  /// Decodes a value of any type here: text, numbers and decimals as a pack writes them, anything else by its own
  /// `init(from:)`.
  func decode<T: Decodable>(_ type: T.Type) throws -> T {
    let single = TreeSingle(decoder: self)
    if T.self == String.self { return try single.decode(String.self) as! T }
    if T.self == Bool.self { return try single.decode(Bool.self) as! T }
    if T.self == Int.self { return try single.decode(Int.self) as! T }
    if T.self == Int64.self { return try single.decode(Int64.self) as! T }
    if T.self == ExactDecimal.self {
      let text: String
      switch value.content {
      case .number(let literal): text = literal
      case .string(let literal): text = literal.trimmingSpaces
      default: throw mismatch("a number")
      }
      guard case .success(let decimal) = Node.exactNumber(text) else { throw mismatch("an exact number") }
      return decimal as! T
    }
    return try T(from: self)
  }
}

private struct AnyCodingKey: CodingKey {
  var stringValue: String
  var intValue: Int?
  init(stringValue: String) { self.stringValue = stringValue }
  init(intValue: Int) {
    stringValue = String(intValue)
    self.intValue = intValue
  }
}

private struct TreeKeyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
  let object: JSONObject
  let codingPath: [any CodingKey]

  var allKeys: [Key] { object.members.compactMap { Key(stringValue: $0.key) } }

  func contains(_ key: Key) -> Bool { object[key.stringValue] != nil }

  private func child(_ key: Key) throws -> TreeDecoder {
    guard let value = object[key.stringValue] else {
      throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "no '\(key.stringValue)'"))
    }
    return TreeDecoder(value: value, codingPath: codingPath + [key])
  }

  func decodeNil(forKey key: Key) throws -> Bool { object[key.stringValue]?.isNull ?? true }

  func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try child(key).decode(T.self) }

  func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
    guard let value = object[key.stringValue], !value.isNull else { return nil }
    return try TreeDecoder(value: value, codingPath: codingPath + [key]).decode(T.self)
  }

  func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try TreeSingle(decoder: child(key)).decode(Bool.self) }
  func decode(_ type: String.Type, forKey key: Key) throws -> String {
    try TreeSingle(decoder: child(key)).decode(String.self)
  }
  func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try TreeSingle(decoder: child(key)).decode(Int.self) }

  func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
    -> KeyedDecodingContainer<NestedKey>
  {
    try child(key).container(keyedBy: type)
  }

  func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
    try child(key).unkeyedContainer()
  }

  func superDecoder() throws -> any Decoder {
    TreeDecoder(value: JSONValue(content: .object(object), location: SourceLocation(line: 1, column: 1)), codingPath: codingPath)
  }

  func superDecoder(forKey key: Key) throws -> any Decoder { try child(key) }
}

private struct TreeUnkeyed: UnkeyedDecodingContainer {
  let items: [JSONValue]
  let codingPath: [any CodingKey]
  var currentIndex = 0

  init(items: [JSONValue], codingPath: [any CodingKey]) {
    self.items = items
    self.codingPath = codingPath
  }

  var count: Int? { items.count }
  var isAtEnd: Bool { currentIndex >= items.count }

  private mutating func next() throws -> TreeDecoder {
    guard !isAtEnd else {
      throw DecodingError.valueNotFound(
        Any.self, .init(codingPath: codingPath, debugDescription: "the list has no more items"))
    }
    defer { currentIndex += 1 }
    return TreeDecoder(value: items[currentIndex], codingPath: codingPath + [AnyCodingKey(intValue: currentIndex)])
  }

  mutating func decodeNil() throws -> Bool {
    guard !isAtEnd, items[currentIndex].isNull else { return false }
    currentIndex += 1
    return true
  }

  mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next().decode(T.self) }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
    -> KeyedDecodingContainer<NestedKey>
  {
    try next().container(keyedBy: type)
  }

  mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try next().unkeyedContainer() }

  mutating func superDecoder() throws -> any Decoder { try next() }
}

private struct TreeSingle: SingleValueDecodingContainer {
  let decoder: TreeDecoder
  var codingPath: [any CodingKey] { decoder.codingPath }
  private var content: JSONValue.Content { decoder.value.content }

  init(decoder: TreeDecoder) { self.decoder = decoder }

  func decodeNil() -> Bool { decoder.value.isNull }

  func decode(_ type: Bool.Type) throws -> Bool {
    guard case .bool(let flag) = content else { throw decoder.mismatch("true or false") }
    return flag
  }

  func decode(_ type: String.Type) throws -> String {
    switch content {
    case .string(let text): return text
    case .number(let literal): return literal
    case .bool(let flag): return flag ? "true" : "false"
    default: throw decoder.mismatch("text")
    }
  }

  /// A whole number: a JSON number or text such as "2" (a pack may write either).
  private func whole() throws -> Int64 {
    let text: String
    switch content {
    case .number(let literal): text = literal
    case .string(let literal): text = literal.trimmingSpaces
    default: throw decoder.mismatch("a whole number")
    }
    guard let value = ExactDecimal(text)?.int64Value else { throw decoder.mismatch("a whole number") }
    return value
  }

  func decode(_ type: Int.Type) throws -> Int { Int(try whole()) }
  func decode(_ type: Int64.Type) throws -> Int64 { try whole() }
  func decode(_ type: Int32.Type) throws -> Int32 {
    guard let value = Int32(exactly: try whole()) else { throw decoder.mismatch("a smaller whole number") }
    return value
  }

  func decode(_ type: Double.Type) throws -> Double {
    // Nothing in a pack is read as binary floating point.
    throw decoder.mismatch("an exact number (binary floating point is not read)")
  }

  func decode(_ type: Float.Type) throws -> Float {
    throw decoder.mismatch("an exact number (binary floating point is not read)")
  }

  func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decode(T.self) }
}
