/// A tag as the scanner found it: byte ranges into the part, resolved lazily.
struct XMLTag {
  /// Where the local name (after any `prefix:`) lies.
  var localName: Range<Int>
  /// Where the attributes lie: the bytes between the name and `>` or `/>`.
  var attributes: Range<Int>
  /// Whether the tag ends with `/>` (an element with no content).
  var selfClosing: Bool
}

/// One piece of an XML part, as the scanner hands them out.
enum XMLToken {
  /// A start tag, or an empty-element tag when `selfClosing`.
  case start(XMLTag)
  /// An end tag; the range is its local name.
  case end(Range<Int>)
  /// Character data, with entities still unresolved.
  case text(Range<Int>)
  /// The content of a CDATA section, taken verbatim.
  case cdata(Range<Int>)
  /// The end of the part.
  case endOfInput
}

/// The character content of an element.
enum XMLContent {
  /// Content that is one run of bytes without entities, left in place.
  case raw(Range<Int>)
  /// Content assembled from several pieces, entities resolved.
  case decoded([UInt8])
}

/// A small pull scanner for the XML of workbook parts: tags, attributes, text and entities, no DTDs.
///
/// It does not check that tags nest, and it resolves no namespaces: elements and attributes are matched by
/// local name, which is how OOXML readers commonly work. Processing instructions and comments are skipped; a
/// document type declaration is refused (Excel never writes one, and refusing it rules out entity expansion).
/// Every index into the bytes is checked, so hostile input ends in an ``ExcelError``.
struct XMLScanner {
  /// The part's bytes, as UTF-8 (see ``init(bytes:part:)``).
  let bytes: [UInt8]
  /// The part's name inside the archive, for messages.
  let part: String
  /// The next byte to scan.
  private(set) var position: Int

  /// Starts scanning a part; a UTF-8 byte-order mark is skipped, a UTF-16 part is converted to UTF-8 first.
  init(bytes: [UInt8], part: String) throws(ExcelError) {
    self.part = part
    if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
      guard let converted = XMLScanner.utf8(fromUTF16: bytes) else {
        throw .malformedXML(part: part, offset: 0, problem: .notUTF8)
      }
      self.bytes = converted
      self.position = 0
    } else {
      self.bytes = bytes
      let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
      self.position = bytes.starts(with: bom) ? 3 : 0
    }
  }

  /// An error at the current position.
  func failure(_ problem: XMLProblem, at offset: Int? = nil) -> ExcelError {
    .malformedXML(part: part, offset: offset ?? position, problem: problem)
  }

  /// The next token.
  mutating func next() throws(ExcelError) -> XMLToken {
    let count = bytes.count
    while position < count {
      let start = position
      if bytes[start] != UInt8(ascii: "<") {
        var end = start + 1
        while end < count && bytes[end] != UInt8(ascii: "<") { end += 1 }
        position = end
        return .text(start..<end)
      }
      guard start + 1 < count else { throw failure(.unexpectedEnd) }
      switch bytes[start + 1] {
      case UInt8(ascii: "?"):
        position = try endOf("?>", from: start + 2)
      case UInt8(ascii: "!"):
        if matches("<!--", at: start) {
          position = try endOf("-->", from: start + 4)
        } else if matches("<![CDATA[", at: start) {
          let contentStart = start + 9
          position = try endOf("]]>", from: contentStart)
          return .cdata(contentStart..<(position - 3))
        } else {
          throw failure(.documentType, at: start)
        }
      case UInt8(ascii: "/"):
        let name = try scanName(from: start + 2)
        var end = name.end
        while end < count && bytes[end] != UInt8(ascii: ">") { end += 1 }
        guard end < count else { throw failure(.unexpectedEnd, at: start) }
        position = end + 1
        return .end(name.local)
      default:
        let name = try scanName(from: start + 1)
        var end = name.end
        while end < count && bytes[end] != UInt8(ascii: ">") {
          let byte = bytes[end]
          if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
            end += 1
            while end < count && bytes[end] != byte { end += 1 }
          }
          end += 1
        }
        guard end < count else { throw failure(.unexpectedEnd, at: start) }
        position = end + 1
        let selfClosing = end > name.end && bytes[end - 1] == UInt8(ascii: "/")
        return .start(
          XMLTag(localName: name.local, attributes: name.end..<(selfClosing ? end - 1 : end), selfClosing: selfClosing))
      }
    }
    return .endOfInput
  }

  /// Skips the content of the element whose start tag was just read, through its matching end tag.
  mutating func skipElement(_ tag: XMLTag) throws(ExcelError) {
    if tag.selfClosing { return }
    var depth = 1
    while depth > 0 {
      switch try next() {
      case .start(let inner): if !inner.selfClosing { depth += 1 }
      case .end: depth -= 1
      case .text, .cdata: break
      case .endOfInput: throw failure(.unexpectedEnd)
      }
    }
  }

  /// Reads the character content of the element whose start tag was just read, through its end tag; text of
  /// nested elements is skipped. Content without entities or CDATA comes back as a range of ``bytes``.
  mutating func content(of tag: XMLTag) throws(ExcelError) -> XMLContent {
    if tag.selfClosing { return .raw(position..<position) }
    var single: Range<Int>?
    var decoded: [UInt8]?
    var depth = 1
    while true {
      let token = try next()
      switch token {
      case .text(let range):
        if depth != 1 { continue }
        if decoded == nil && single == nil && !range.contains(where: { bytes[$0] == UInt8(ascii: "&") }) {
          single = range
          continue
        }
        var buffer = decoded ?? []
        if let pending = single {
          buffer.append(contentsOf: bytes[pending])
          single = nil
        }
        try appendText(range, to: &buffer)
        decoded = buffer
      case .cdata(let range):
        if depth != 1 { continue }
        var buffer = decoded ?? []
        if let pending = single {
          buffer.append(contentsOf: bytes[pending])
          single = nil
        }
        buffer.append(contentsOf: bytes[range])
        decoded = buffer
      case .start(let inner):
        if !inner.selfClosing { depth += 1 }
      case .end:
        depth -= 1
        if depth == 0 {
          if let decoded { return .decoded(decoded) }
          return .raw(single ?? position..<position)
        }
      case .endOfInput:
        throw failure(.unexpectedEnd)
      }
    }
  }

  /// The bytes of element content, entities resolved.
  func contentBytes(_ content: XMLContent) -> ArraySlice<UInt8> {
    switch content {
    case .raw(let range): bytes[range]
    case .decoded(let decoded): decoded[...]
    }
  }

  /// The text of element content; with `excelEscapes`, `_xHHHH_` escapes are decoded too.
  func contentText(_ content: XMLContent, excelEscapes: Bool = false) throws(ExcelError) -> String {
    switch content {
    case .raw(let range): return try text(range, excelEscapes: excelEscapes)
    case .decoded(let decoded):
      let unescaped = excelEscapes ? ExcelTextEscape.unescape(decoded) : decoded
      guard let text = String(validating: unescaped, as: UTF8.self) else { throw failure(.notUTF8) }
      return text
    }
  }

  /// Reads a tag name starting at `from`: returns the local name's range and where the name ends.
  private func scanName(from: Int) throws(ExcelError) -> (local: Range<Int>, end: Int) {
    var end = from
    var localStart = from
    while end < bytes.count {
      let byte = bytes[end]
      if byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") || XMLScanner.isSpace(byte) { break }
      if byte == UInt8(ascii: ":") { localStart = end + 1 }
      end += 1
    }
    guard end > from, localStart < end else { throw failure(.malformedTag, at: from) }
    return (localStart..<end, end)
  }

  /// The position just after the next occurrence of `terminator` at or after `from`.
  private func endOf(_ terminator: StaticString, from: Int) throws(ExcelError) -> Int {
    var index = from
    while index < bytes.count {
      if matches(terminator, at: index) { return index + terminator.utf8CodeUnitCount }
      index += 1
    }
    throw failure(.unexpectedEnd, at: from)
  }

  /// Whether the bytes at `offset` spell `literal`.
  func matches(_ literal: StaticString, at offset: Int) -> Bool {
    let length = literal.utf8CodeUnitCount
    guard offset >= 0, length <= bytes.count - offset else { return false }
    return literal.withUTF8Buffer { expected in
      for index in 0..<length where bytes[offset + index] != expected[index] { return false }
      return true
    }
  }

  /// Whether the bytes in `range` spell `name` exactly.
  func equals(_ range: Range<Int>, _ name: StaticString) -> Bool {
    range.count == name.utf8CodeUnitCount && matches(name, at: range.lowerBound)
  }

  /// Whether a tag's local name is `name`.
  func isNamed(_ tag: XMLTag, _ name: StaticString) -> Bool { equals(tag.localName, name) }

  /// The raw value range of an attribute, matched by local name; `prefixed` asks for a `prefix:name` attribute
  /// (like `r:id`), otherwise only an unprefixed one matches.
  func attribute(_ name: StaticString, of tag: XMLTag, prefixed: Bool = false) throws(ExcelError) -> Range<Int>? {
    var index = tag.attributes.lowerBound
    while let found = try nextAttribute(from: &index, before: tag.attributes.upperBound) {
      if found.prefixed == prefixed && equals(found.localName, name) { return found.value }
    }
    return nil
  }

  /// The raw value ranges of three unprefixed attributes, found in one pass (for the attributes of every cell).
  func attributes(
    _ first: StaticString, _ second: StaticString, _ third: StaticString, of tag: XMLTag
  ) throws(ExcelError) -> (Range<Int>?, Range<Int>?, Range<Int>?) {
    var result: (Range<Int>?, Range<Int>?, Range<Int>?) = (nil, nil, nil)
    var index = tag.attributes.lowerBound
    while let found = try nextAttribute(from: &index, before: tag.attributes.upperBound) {
      if found.prefixed { continue }
      if equals(found.localName, first) {
        result.0 = found.value
      } else if equals(found.localName, second) {
        result.1 = found.value
      } else if equals(found.localName, third) {
        result.2 = found.value
      }
    }
    return result
  }

  /// Reads the attribute starting at or after `index` (advancing it past the attribute): its local name, whether
  /// it has a prefix, and its raw value; `nil` when no attribute is left before `end`.
  private func nextAttribute(
    from index: inout Int, before end: Int
  ) throws(ExcelError) -> (localName: Range<Int>, prefixed: Bool, value: Range<Int>)? {
    while index < end && XMLScanner.isSpace(bytes[index]) { index += 1 }
    if index >= end { return nil }
    let nameStart = index
    var localStart = index
    while index < end && bytes[index] != UInt8(ascii: "=") && !XMLScanner.isSpace(bytes[index]) {
      if bytes[index] == UInt8(ascii: ":") { localStart = index + 1 }
      index += 1
    }
    let nameEnd = index
    while index < end && XMLScanner.isSpace(bytes[index]) { index += 1 }
    guard index < end, bytes[index] == UInt8(ascii: "=") else { throw failure(.malformedAttribute, at: nameStart) }
    index += 1
    while index < end && XMLScanner.isSpace(bytes[index]) { index += 1 }
    guard index < end, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else {
      throw failure(.malformedAttribute, at: nameStart)
    }
    let quote = bytes[index]
    index += 1
    let valueStart = index
    while index < end && bytes[index] != quote { index += 1 }
    guard index < end else { throw failure(.malformedAttribute, at: nameStart) }
    let value = valueStart..<index
    index += 1
    return (localStart..<nameEnd, localStart > nameStart, value)
  }

  /// An attribute's value with entities resolved, or `nil` when the tag has no such attribute.
  func attributeText(_ name: StaticString, of tag: XMLTag, prefixed: Bool = false) throws(ExcelError) -> String? {
    guard let range = try attribute(name, of: tag, prefixed: prefixed) else { return nil }
    return try text(range)
  }

  /// The text of a byte range with entities resolved; with `excelEscapes`, `_xHHHH_` escapes too.
  func text(_ range: Range<Int>, excelEscapes: Bool = false) throws(ExcelError) -> String {
    var needsWork = false
    for index in range where bytes[index] == UInt8(ascii: "&") || (excelEscapes && bytes[index] == UInt8(ascii: "_")) {
      needsWork = true
      break
    }
    if !needsWork {
      guard let text = String(validating: bytes[range], as: UTF8.self) else {
        throw failure(.notUTF8, at: range.lowerBound)
      }
      return text
    }
    var decoded: [UInt8] = []
    decoded.reserveCapacity(range.count)
    try appendText(range, to: &decoded)
    if excelEscapes { decoded = ExcelTextEscape.unescape(decoded) }
    guard let text = String(validating: decoded, as: UTF8.self) else { throw failure(.notUTF8, at: range.lowerBound) }
    return text
  }

  /// Appends the bytes of a text range to `output`, resolving the five predefined entities and character
  /// references.
  func appendText(_ range: Range<Int>, to output: inout [UInt8]) throws(ExcelError) {
    var index = range.lowerBound
    while index < range.upperBound {
      let byte = bytes[index]
      guard byte == UInt8(ascii: "&") else {
        output.append(byte)
        index += 1
        continue
      }
      var end = index + 1
      while end < range.upperBound && end - index <= 12 && bytes[end] != UInt8(ascii: ";") { end += 1 }
      guard end < range.upperBound, bytes[end] == UInt8(ascii: ";") else {
        throw failure(.unknownEntity(XMLScanner.sample(bytes, from: index, upTo: end)), at: index)
      }
      let name = (index + 1)..<end
      if equals(name, "amp") {
        output.append(UInt8(ascii: "&"))
      } else if equals(name, "lt") {
        output.append(UInt8(ascii: "<"))
      } else if equals(name, "gt") {
        output.append(UInt8(ascii: ">"))
      } else if equals(name, "quot") {
        output.append(UInt8(ascii: "\""))
      } else if equals(name, "apos") {
        output.append(UInt8(ascii: "'"))
      } else if name.count >= 2 && bytes[name.lowerBound] == UInt8(ascii: "#") {
        guard let scalar = XMLScanner.characterReference(bytes[(name.lowerBound + 1)..<name.upperBound]) else {
          throw failure(.invalidCharacterReference(XMLScanner.sample(bytes, from: index, upTo: end + 1)), at: index)
        }
        output.append(contentsOf: String(Character(scalar)).utf8)
      } else {
        throw failure(.unknownEntity(XMLScanner.sample(bytes, from: index, upTo: end + 1)), at: index)
      }
      index = end + 1
    }
  }

  /// The scalar of a character reference's body (`65` or `x41`), or `nil` when it names no XML character.
  private static func characterReference(_ body: ArraySlice<UInt8>) -> Unicode.Scalar? {
    var digits = body
    var radix: UInt32 = 10
    if let first = digits.first, first == UInt8(ascii: "x") {
      radix = 16
      digits = digits.dropFirst()
    }
    guard !digits.isEmpty, digits.count <= 8 else { return nil }
    var value: UInt32 = 0
    for byte in digits {
      guard let digit = ExcelTextEscape.hexValue(byte), digit < radix else { return nil }
      value = value * radix + digit
    }
    guard value != 0, let scalar = Unicode.Scalar(value) else { return nil }
    return scalar
  }

  /// Up to a few bytes of input as text, for a message.
  private static func sample(_ bytes: [UInt8], from: Int, upTo: Int) -> String {
    let end = min(bytes.count, upTo, from + 16)
    return String(decoding: bytes[from..<max(from, end)], as: UTF8.self)
  }

  /// Whether a byte is XML white space.
  @inline(__always)
  static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
  }

  /// UTF-8 bytes of a UTF-16 part with a byte-order mark, or `nil` when it is not valid UTF-16.
  private static func utf8(fromUTF16 bytes: [UInt8]) -> [UInt8]? {
    let littleEndian = bytes[0] == 0xFF
    guard bytes.count % 2 == 0 else { return nil }
    var units: [UInt16] = []
    units.reserveCapacity(bytes.count / 2 - 1)
    var index = 2
    while index + 1 < bytes.count {
      let low = UInt16(bytes[littleEndian ? index : index + 1])
      let high = UInt16(bytes[littleEndian ? index + 1 : index])
      units.append(high << 8 | low)
      index += 2
    }
    guard let text = String(validating: units, as: UTF16.self) else { return nil }
    return Array(text.utf8)
  }
}

/// What is wrong with an XML part, at a byte offset the error gives.
package enum XMLProblem: Sendable, Equatable {
  /// The part ends inside a tag, comment, CDATA section or element.
  case unexpectedEnd
  /// A tag has no name or a broken name.
  case malformedTag
  /// An attribute lacks `=` or quotes.
  case malformedAttribute
  /// An entity other than the five XML predefines (`&amp;` and so on); the text shows it.
  case unknownEntity(String)
  /// A character reference (`&#…;`) that names no XML character.
  case invalidCharacterReference(String)
  /// A document type declaration (`<!DOCTYPE`), which workbooks never contain.
  case documentType
  /// Bytes that are not UTF-8 (or a UTF-16 part that is not valid UTF-16).
  case notUTF8
  /// The structure is not what the part must hold; the message says what was expected.
  case unexpected(Message)
}
