/// An RFC 6901 JSON pointer, e.g. `/components/0/weight`.
///
/// Pointers name a place inside a JSON document independently of its layout,
/// so messages can say *which* value is wrong as well as *where* it is.
/// The root pointer (the whole document) has no tokens and is written as "".
public struct JSONPointer: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringLiteral {
  /// The pointer to the whole document.
  public static let root = JSONPointer(tokens: [])

  /// The reference tokens, unescaped (`~` and `/` appear as themselves).
  public var tokens: [String]

  /// Creates a pointer from unescaped reference tokens.
  public init(tokens: [String]) {
    self.tokens = tokens
  }

  /// Parses the RFC 6901 text form ("" or "/a/0/b~1c"); nil if it is malformed.
  ///
  /// A malformed pointer either does not start with `/` or contains a `~`
  /// that is not followed by `0` or `1`.
  public init?(parsing text: String) {
    if text.isEmpty {
      self.tokens = []
      return
    }
    guard text.first == "/" else { return nil }
    var tokens: [String] = []
    for raw in text.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
      guard let token = JSONPointer.unescape(raw) else { return nil }
      tokens.append(token)
    }
    self.tokens = tokens
  }

  /// Creates a pointer from its text form; the literal must be a valid pointer.
  public init(stringLiteral value: String) {
    guard let pointer = JSONPointer(parsing: value) else {
      preconditionFailure("'\(value)' is not a JSON pointer; write it like \"/components/0/weight\"")
    }
    self = pointer
  }

  /// The pointer with one more object key at the end.
  public func appending(_ key: String) -> JSONPointer {
    var copy = self
    copy.tokens.append(key)
    return copy
  }

  /// The pointer with one more list index (0-based) at the end.
  public func appending(_ index: Int) -> JSONPointer {
    var copy = self
    copy.tokens.append(String(index))
    return copy
  }

  /// The pointer one level up; the root's parent is the root.
  public var parent: JSONPointer {
    var copy = self
    if !copy.tokens.isEmpty { copy.tokens.removeLast() }
    return copy
  }

  /// Whether this is the pointer to the whole document.
  public var isRoot: Bool { tokens.isEmpty }

  /// The RFC 6901 text, e.g. `/components/0/weight`; "" for the root.
  ///
  /// `~` is written as `~0` and `/` as `~1`.
  public var description: String {
    var result = ""
    for token in tokens {
      result.append("/")
      if token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) {
        for ch in token.unicodeScalars {
          switch ch {
          case "~": result.append("~0")
          case "/": result.append("~1")
          default: result.unicodeScalars.append(ch)
          }
        }
      } else {
        result.append(token)
      }
    }
    return result
  }

  /// The pointer for people: the RFC 6901 text, or "(the whole document)" for the root.
  public var displayString: String {
    tokens.isEmpty ? "(the whole document)" : description
  }

  private static func unescape(_ raw: Substring) -> String? {
    guard raw.utf8.contains(UInt8(ascii: "~")) else { return String(raw) }
    var result = ""
    var iterator = raw.unicodeScalars.makeIterator()
    while let ch = iterator.next() {
      if ch == "~" {
        switch iterator.next() {
        case "0": result.append("~")
        case "1": result.append("/")
        default: return nil
        }
      } else {
        result.unicodeScalars.append(ch)
      }
    }
    return result
  }
}
