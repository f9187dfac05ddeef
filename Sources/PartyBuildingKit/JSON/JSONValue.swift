/// A parsed JSON value with the place where it starts in the file.
///
/// Numbers keep their exact literal text (`"85.50"` stays `"85.50"`); they
/// never pass through binary floating point, so exact decimal parsing can happen later.
package struct JSONValue: Sendable {
  /// The kinds of JSON value and their contents.
  package enum Content: Sendable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number, as its exact literal text, validated against the JSON grammar.
    case number(String)
    /// Text (a JSON string), with escapes resolved.
    case string(String)
    /// A list (a JSON array).
    case array([JSONValue])
    /// An object, with its members in file order.
    case object(JSONObject)
  }

  /// What the value is.
  package var content: Content
  /// Where the value starts: its first character (a quote, bracket, digit...).
  package var location: SourceLocation

  /// Creates a value from its content and location.
  package init(content: Content, location: SourceLocation) {
    self.content = content
    self.location = location
  }

  /// The kind of value for messages: "a number", "text", "true/false", "null", "a list" or "an object".
  package var kindDescription: String {
    switch content {
    case .null: "null"
    case .bool: "true/false"
    case .number: "a number"
    case .string: "text"
    case .array: "a list"
    case .object: "an object"
    }
  }

  /// The text, if this is a string.
  package var stringValue: String? {
    if case .string(let s) = content { s } else { nil }
  }

  /// The exact number literal, if this is a number (e.g. "85.50", "-0", "1e2").
  package var numberText: String? {
    if case .number(let s) = content { s } else { nil }
  }

  /// The truth value, if this is `true` or `false`.
  package var boolValue: Bool? {
    if case .bool(let b) = content { b } else { nil }
  }

  /// The items, if this is a list.
  package var arrayValue: [JSONValue]? {
    if case .array(let items) = content { items } else { nil }
  }

  /// The object, if this is an object.
  package var objectValue: JSONObject? {
    if case .object(let object) = content { object } else { nil }
  }

  /// Whether this is `null`.
  package var isNull: Bool {
    if case .null = content { true } else { false }
  }

  /// The value a pointer leads to, or nil if there is nothing there.
  ///
  /// List indexes must be plain decimal numbers without leading zeros.
  package func value(at pointer: JSONPointer) -> JSONValue? {
    var current = self
    for token in pointer.tokens {
      switch current.content {
      case .object(let object):
        guard let next = object[token] else { return nil }
        current = next
      case .array(let items):
        guard let index = Int(token), index >= 0, index < items.count,
          String(index) == token
        else { return nil }
        current = items[index]
      default:
        return nil
      }
    }
    return current
  }
}

/// A JSON object: its members in file order, looked up by key.
///
/// Parsed objects never hold a key twice (the parser rejects duplicates);
/// if you build one with duplicates yourself, lookups find the first.
package struct JSONObject: Sendable {
  /// Objects with more members than this get a dictionary for lookups.
  static let indexThreshold = 8

  /// The members in file order.
  package var members: [JSONMember] {
    didSet { index = JSONObject.makeIndex(members) }
  }

  /// Key to position in `members`, for larger objects; nil for small ones.
  private var index: [String: Int]?

  /// Creates an object from members in order.
  package init(members: [JSONMember]) {
    self.members = members
    self.index = JSONObject.makeIndex(members)
  }

  /// Creates an object whose index the parser already built.
  init(members: [JSONMember], prebuiltIndex: [String: Int]?) {
    self.members = members
    self.index = prebuiltIndex
  }

  /// The value for a key, or nil if the object has no such key.
  package subscript(key: String) -> JSONValue? {
    member(key)?.value
  }

  /// The member (key, key location and value) for a key, or nil.
  package func member(_ key: String) -> JSONMember? {
    if let index {
      guard let i = index[key] else { return nil }
      return members[i]
    }
    for member in members where member.key == key {
      return member
    }
    return nil
  }

  /// The keys in file order.
  package var keys: [String] { members.map(\.key) }

  /// The number of members.
  package var count: Int { members.count }

  /// Whether the object has no members.
  package var isEmpty: Bool { members.isEmpty }

  private static func makeIndex(_ members: [JSONMember]) -> [String: Int]? {
    guard members.count > indexThreshold else { return nil }
    var index: [String: Int] = [:]
    index.reserveCapacity(members.count)
    for (i, member) in members.enumerated() where index[member.key] == nil {
      index[member.key] = i
    }
    return index
  }
}

/// One `"key": value` pair of a JSON object.
package struct JSONMember: Sendable {
  /// The key, with escapes resolved.
  package var key: String
  /// Where the key's opening quote is.
  package var keyLocation: SourceLocation
  /// The value.
  package var value: JSONValue

  /// Creates a member.
  package init(key: String, keyLocation: SourceLocation, value: JSONValue) {
    self.key = key
    self.keyLocation = keyLocation
    self.value = value
  }
}
