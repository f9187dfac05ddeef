/// Writes any `Encodable` value as JSON with its keys in the order it encodes them and every ``ExactDecimal`` as a
/// JSON number of its exact digits (`96.00`, not `"96.00"` and never `96.000000000000014`): the one writer of
/// `pbk evaluate --format json`, and what a host uses for the same JSON.
///
/// `JSONEncoder` writes a decimal as text (it has no way to write a number's digits as they are) and sorts or
/// scatters keys; this encoder is for output people and programs read as numbers, in a stable order.
public struct ExactJSONEncoder: Sendable {
  /// Spaces per level of nesting: 0 (the default) writes the whole value on one line; more puts each member and
  /// item on its own line, indented (`"key": value`), and an empty object or list as `{}` or `[]`.
  public var indentation: Int

  /// An encoder that writes one line, or with `indentation` spaces per level.
  public init(indentation: Int = 0) {
    self.indentation = max(0, indentation)
  }

  /// The JSON text of `value`: on one line, or indented (without a final line break).
  public func encode<Value: Encodable>(_ value: Value) throws -> String {
    let encoder = ExactJSONEncoding()
    try value.encode(to: encoder)
    guard let root = encoder.root else { return "null" }
    guard indentation > 0 else { return root.text }
    var text = ""
    root.write(to: &text, indentation: indentation, depth: 0)
    return text
  }
}

/// A value being written: text already made, or a container still being filled.
private final class JSONNode {
  enum Kind {
    case text(String)
    case object([(String, JSONNode)])
    case array([JSONNode])
  }
  var kind: Kind

  init(_ kind: Kind) { self.kind = kind }

  var text: String {
    switch kind {
    case .text(let text): return text
    case .object(let members):
      return "{" + members.map { JSONText.quoted($0.0) + ":" + $0.1.text }.joined(separator: ",") + "}"
    case .array(let items): return "[" + items.map(\.text).joined(separator: ",") + "]"
    }
  }

  /// Writes the value with each member and item on its own line, `indentation` spaces per level from `depth`.
  func write(to text: inout String, indentation: Int, depth: Int) {
    let inner = String(repeating: " ", count: indentation * (depth + 1))
    let outer = String(repeating: " ", count: indentation * depth)
    switch kind {
    case .text(let value): text += value
    case .object(let members) where members.isEmpty: text += "{}"
    case .array(let items) where items.isEmpty: text += "[]"
    case .object(let members):
      text += "{\n"
      for (index, (key, node)) in members.enumerated() {
        text += inner + JSONText.quoted(key) + ": "
        node.write(to: &text, indentation: indentation, depth: depth + 1)
        text += index == members.count - 1 ? "\n" : ",\n"
      }
      text += outer + "}"
    case .array(let items):
      text += "[\n"
      for (index, node) in items.enumerated() {
        text += inner
        node.write(to: &text, indentation: indentation, depth: depth + 1)
        text += index == items.count - 1 ? "\n" : ",\n"
      }
      text += outer + "]"
    }
  }

  func append(key: String, _ node: JSONNode) {
    guard case .object(var members) = kind else { return }
    if let index = members.firstIndex(where: { $0.0 == key }) {
      members[index].1 = node
    } else {
      members.append((key, node))
    }
    kind = .object(members)
  }

  func append(_ node: JSONNode) {
    guard case .array(var items) = kind else { return }
    items.append(node)
    kind = .array(items)
  }

  var count: Int {
    if case .array(let items) = kind { return items.count }
    return 0
  }
}

private final class ExactJSONEncoding: Encoder {
  var codingPath: [any CodingKey] = []
  var userInfo: [CodingUserInfoKey: Any] { [:] }
  /// What this encoder wrote (set by the first container it hands out).
  var root: JSONNode?
  private let attach: (JSONNode) -> Void

  init(codingPath: [any CodingKey] = [], attach: @escaping (JSONNode) -> Void = { _ in }) {
    self.codingPath = codingPath
    self.attach = attach
  }

  private func set(_ node: JSONNode) -> JSONNode {
    if let root { return root }
    root = node
    attach(node)
    return node
  }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    KeyedEncodingContainer(KeyedWriter<Key>(node: set(JSONNode(.object([]))), codingPath: codingPath))
  }

  func unkeyedContainer() -> any UnkeyedEncodingContainer {
    UnkeyedWriter(node: set(JSONNode(.array([]))), codingPath: codingPath)
  }

  func singleValueContainer() -> any SingleValueEncodingContainer {
    SingleWriter(encoder: self, codingPath: codingPath)
  }

  func setValue(_ node: JSONNode) {
    root = node
    attach(node)
  }

  /// Binary floating point is not written: no score may pass through it.
  static func floatingPoint(_ value: Double, _ codingPath: [any CodingKey]) -> EncodingError {
    EncodingError.invalidValue(
      value, EncodingError.Context(codingPath: codingPath, debugDescription: "a binary floating-point value is not written; use ExactDecimal"))
  }

  /// The node of a nested value: an exact decimal as its digits, anything else by its own encoding.
  static func node<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws -> JSONNode {
    if let decimal = value as? ExactDecimal { return JSONNode(.text(decimal.exactText)) }
    let encoder = ExactJSONEncoding(codingPath: codingPath)
    try value.encode(to: encoder)
    return encoder.root ?? JSONNode(.text("null"))
  }
}

private struct KeyedWriter<Key: CodingKey>: KeyedEncodingContainerProtocol {
  let node: JSONNode
  var codingPath: [any CodingKey]

  mutating func encodeNil(forKey key: Key) throws { node.append(key: key.stringValue, JSONNode(.text("null"))) }
  mutating func encode(_ value: Bool, forKey key: Key) throws { node.append(key: key.stringValue, JSONNode(.text(value ? "true" : "false"))) }
  mutating func encode(_ value: String, forKey key: Key) throws { node.append(key: key.stringValue, JSONNode(.text(JSONText.quoted(value)))) }
  mutating func encode(_ value: Int, forKey key: Key) throws { node.append(key: key.stringValue, JSONNode(.text(String(value)))) }
  mutating func encode(_ value: Int64, forKey key: Key) throws { node.append(key: key.stringValue, JSONNode(.text(String(value)))) }
  mutating func encode(_ value: Int8, forKey key: Key) throws { node.append(key: key.stringValue, JSONNode(.text(String(value)))) }
  mutating func encode(_ value: Int16, forKey key: Key) throws { node.append(key: key.stringValue, JSONNode(.text(String(value)))) }
  mutating func encode(_ value: Int32, forKey key: Key) throws { node.append(key: key.stringValue, JSONNode(.text(String(value)))) }
  mutating func encode(_ value: UInt, forKey key: Key) throws { node.append(key: key.stringValue, JSONNode(.text(String(value)))) }
  mutating func encode(_ value: UInt8, forKey key: Key) throws { node.append(key: key.stringValue, JSONNode(.text(String(value)))) }
  mutating func encode(_ value: UInt16, forKey key: Key) throws { node.append(key: key.stringValue, JSONNode(.text(String(value)))) }
  mutating func encode(_ value: UInt32, forKey key: Key) throws { node.append(key: key.stringValue, JSONNode(.text(String(value)))) }
  mutating func encode(_ value: UInt64, forKey key: Key) throws { node.append(key: key.stringValue, JSONNode(.text(String(value)))) }
  mutating func encode(_ value: Double, forKey key: Key) throws { throw ExactJSONEncoding.floatingPoint(value, codingPath + [key]) }
  mutating func encode(_ value: Float, forKey key: Key) throws { throw ExactJSONEncoding.floatingPoint(Double(value), codingPath + [key]) }
  mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
    node.append(key: key.stringValue, try ExactJSONEncoding.node(value, codingPath: codingPath + [key]))
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
    let nested = JSONNode(.object([]))
    node.append(key: key.stringValue, nested)
    return KeyedEncodingContainer(KeyedWriter<NestedKey>(node: nested, codingPath: codingPath + [key]))
  }

  mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
    let nested = JSONNode(.array([]))
    node.append(key: key.stringValue, nested)
    return UnkeyedWriter(node: nested, codingPath: codingPath + [key])
  }

  mutating func superEncoder() -> any Encoder { superEncoder(forKey: Key(stringValue: "super")!) }

  mutating func superEncoder(forKey key: Key) -> any Encoder {
    let node = self.node
    return ExactJSONEncoding(codingPath: codingPath + [key]) { node.append(key: key.stringValue, $0) }
  }
}

private struct UnkeyedWriter: UnkeyedEncodingContainer {
  let node: JSONNode
  var codingPath: [any CodingKey]
  var count: Int { node.count }

  private struct Index: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(_ value: Int) {
      stringValue = String(value)
      intValue = value
    }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.init(intValue) }
  }

  mutating func encodeNil() throws { node.append(JSONNode(.text("null"))) }
  mutating func encode(_ value: Bool) throws { node.append(JSONNode(.text(value ? "true" : "false"))) }
  mutating func encode(_ value: String) throws { node.append(JSONNode(.text(JSONText.quoted(value)))) }
  mutating func encode(_ value: Int) throws { node.append(JSONNode(.text(String(value)))) }
  mutating func encode(_ value: Int8) throws { node.append(JSONNode(.text(String(value)))) }
  mutating func encode(_ value: Int16) throws { node.append(JSONNode(.text(String(value)))) }
  mutating func encode(_ value: Int32) throws { node.append(JSONNode(.text(String(value)))) }
  mutating func encode(_ value: UInt) throws { node.append(JSONNode(.text(String(value)))) }
  mutating func encode(_ value: UInt8) throws { node.append(JSONNode(.text(String(value)))) }
  mutating func encode(_ value: UInt16) throws { node.append(JSONNode(.text(String(value)))) }
  mutating func encode(_ value: UInt32) throws { node.append(JSONNode(.text(String(value)))) }
  mutating func encode(_ value: UInt64) throws { node.append(JSONNode(.text(String(value)))) }
  mutating func encode(_ value: Int64) throws { node.append(JSONNode(.text(String(value)))) }
  mutating func encode(_ value: Double) throws { throw ExactJSONEncoding.floatingPoint(value, codingPath) }
  mutating func encode(_ value: Float) throws { throw ExactJSONEncoding.floatingPoint(Double(value), codingPath) }
  mutating func encode<T: Encodable>(_ value: T) throws {
    node.append(try ExactJSONEncoding.node(value, codingPath: codingPath + [Index(count)]))
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
    let nested = JSONNode(.object([]))
    node.append(nested)
    return KeyedEncodingContainer(KeyedWriter<NestedKey>(node: nested, codingPath: codingPath + [Index(count)]))
  }

  mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
    let nested = JSONNode(.array([]))
    node.append(nested)
    return UnkeyedWriter(node: nested, codingPath: codingPath + [Index(count)])
  }

  mutating func superEncoder() -> any Encoder {
    let node = self.node
    return ExactJSONEncoding(codingPath: codingPath + [Index(count)]) { node.append($0) }
  }
}

private struct SingleWriter: SingleValueEncodingContainer {
  let encoder: ExactJSONEncoding
  var codingPath: [any CodingKey]

  mutating func encodeNil() throws { encoder.setValue(JSONNode(.text("null"))) }
  mutating func encode(_ value: Bool) throws { encoder.setValue(JSONNode(.text(value ? "true" : "false"))) }
  mutating func encode(_ value: String) throws { encoder.setValue(JSONNode(.text(JSONText.quoted(value)))) }
  mutating func encode(_ value: Int) throws { encoder.setValue(JSONNode(.text(String(value)))) }
  mutating func encode(_ value: Int64) throws { encoder.setValue(JSONNode(.text(String(value)))) }
  mutating func encode(_ value: Int8) throws { encoder.setValue(JSONNode(.text(String(value)))) }
  mutating func encode(_ value: Int16) throws { encoder.setValue(JSONNode(.text(String(value)))) }
  mutating func encode(_ value: Int32) throws { encoder.setValue(JSONNode(.text(String(value)))) }
  mutating func encode(_ value: UInt) throws { encoder.setValue(JSONNode(.text(String(value)))) }
  mutating func encode(_ value: UInt8) throws { encoder.setValue(JSONNode(.text(String(value)))) }
  mutating func encode(_ value: UInt16) throws { encoder.setValue(JSONNode(.text(String(value)))) }
  mutating func encode(_ value: UInt32) throws { encoder.setValue(JSONNode(.text(String(value)))) }
  mutating func encode(_ value: UInt64) throws { encoder.setValue(JSONNode(.text(String(value)))) }
  mutating func encode(_ value: Double) throws { throw ExactJSONEncoding.floatingPoint(value, codingPath) }
  mutating func encode(_ value: Float) throws { throw ExactJSONEncoding.floatingPoint(Double(value), codingPath) }
  mutating func encode<T: Encodable>(_ value: T) throws {
    encoder.setValue(try ExactJSONEncoding.node(value, codingPath: codingPath))
  }
}
