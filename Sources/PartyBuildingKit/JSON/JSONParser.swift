/// Parses strict JSON (RFC 8259) into values that remember where they came from.
///
/// Beyond the RFC, a UTF-8 byte order mark at the start is skipped. Mistakes
/// that policy authors commonly make (comments, trailing commas, single
/// quotes, duplicate keys, `True`, unquoted keys, truncated files) get
/// messages that say what to change. Nesting deeper than 256 levels is an
/// error, never a stack overflow: the parser keeps its own stack.
///
/// Number literals are validated against the JSON grammar and kept as text.
package enum JSONParser {
  /// The deepest nesting of lists and objects accepted.
  package static let maximumDepth = 256

  /// Parses UTF-8 bytes holding exactly one JSON value.
  ///
  /// - Parameters:
  ///   - bytes: the UTF-8 text; may start with a byte order mark.
  ///   - firstLine: the line number of the first byte, for JSON Lines input.
  package static func parse(
    _ bytes: UnsafeBufferPointer<UInt8>, firstLine: Int = 1
  ) throws(JSONSyntaxError) -> JSONValue {
    guard let base = bytes.baseAddress, bytes.count > 0 else {
      throw JSONSyntaxError(
        message: emptyInputMessage, location: SourceLocation(line: firstLine, column: 1))
    }
    var parser = JSONParserCore(base: base, count: bytes.count, firstLine: firstLine)
    return try parser.parseDocument()
  }

  /// Parses UTF-8 bytes holding exactly one JSON value.
  package static func parse(_ bytes: [UInt8], firstLine: Int = 1) throws(JSONSyntaxError) -> JSONValue {
    let result: Result<JSONValue, JSONSyntaxError> = bytes.withUnsafeBufferPointer { buffer in
      Result { () throws(JSONSyntaxError) in try parse(buffer, firstLine: firstLine) }
    }
    return try result.get()
  }

  /// Parses text holding exactly one JSON value.
  package static func parse(_ text: String, firstLine: Int = 1) throws(JSONSyntaxError) -> JSONValue {
    var text = text
    let result: Result<JSONValue, JSONSyntaxError> = text.withUTF8 { buffer in
      Result { () throws(JSONSyntaxError) in try parse(buffer, firstLine: firstLine) }
    }
    return try result.get()
  }

  static let emptyInputMessage: Message =
    Message(.jsonEmpty)
}

/// A value just parsed, for the message when what follows it is wrong.
private struct FinishedValue {
  var start: SourceLocation
  var isText = false
  /// Text whose last character is a comma (`"优秀,"`): a comma typed inside the quotes.
  var endsWithComma = false
}

/// One open list or object while parsing.
private struct OpenContainer {
  var isObject: Bool
  var start: SourceLocation
  /// Where this container's items or members begin on the shared stacks.
  var base: Int
  /// For objects: the key whose value is being parsed.
  var key: String = ""
  var keyLocation = SourceLocation(line: 0, column: 0)
  /// For larger objects: key to member position, to find duplicates fast.
  var keyIndex: [String: Int]? = nil

  var kindName: Message { Message(isObject ? .jsonObjectWord : .jsonListWord) }
}

/// Byte values used by the parser.
private enum ASCII {
  static let tab: UInt8 = 0x09
  static let lineFeed: UInt8 = 0x0A
  static let carriageReturn: UInt8 = 0x0D
  static let space: UInt8 = 0x20
  static let quote: UInt8 = 0x22
  static let apostrophe: UInt8 = 0x27
  static let plus: UInt8 = 0x2B
  static let comma: UInt8 = 0x2C
  static let minus: UInt8 = 0x2D
  static let dot: UInt8 = 0x2E
  static let slash: UInt8 = 0x2F
  static let zero: UInt8 = 0x30
  static let nine: UInt8 = 0x39
  static let colon: UInt8 = 0x3A
  static let star: UInt8 = 0x2A
  static let openBracket: UInt8 = 0x5B
  static let backslash: UInt8 = 0x5C
  static let closeBracket: UInt8 = 0x5D
  static let openBrace: UInt8 = 0x7B
  static let closeBrace: UInt8 = 0x7D

  @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- zero < 10 }

  @inline(__always) static func isWordByte(_ b: UInt8) -> Bool {
    (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || isDigit(b) || b == 0x5F
  }

  /// Bytes that end a bare token (a number or a word) in messages.
  @inline(__always) static func endsToken(_ b: UInt8) -> Bool {
    switch b {
    case space, tab, lineFeed, carriageReturn, comma, colon, quote, openBracket, closeBracket,
      openBrace, closeBrace:
      true
    default:
      b < 0x20
    }
  }

  @inline(__always) static func hexValue(_ b: UInt8) -> UInt32? {
    switch b {
    case 0x30...0x39: UInt32(b - 0x30)
    case 0x41...0x46: UInt32(b - 0x41 + 10)
    case 0x61...0x66: UInt32(b - 0x61 + 10)
    default: nil
    }
  }
}

/// A stack that moves its elements out instead of copying them.
///
/// The parser keeps the items of all open lists (and the members of all open
/// objects) on one stack; closing a container moves its elements into an
/// exactly sized array in one step, with no reference counting per element.
private struct MoveOnlyStack<Element>: ~Copyable {
  private var storage: UnsafeMutablePointer<Element>
  private var capacity: Int
  private(set) var count = 0

  init(capacity: Int) {
    self.capacity = capacity
    self.storage = .allocate(capacity: capacity)
  }

  deinit {
    storage.deinitialize(count: count)
    storage.deallocate()
  }

  subscript(i: Int) -> Element {
    _read { yield storage[i] }
  }

  @inline(__always)
  mutating func append(_ element: consuming Element) {
    if count == capacity {
      let newStorage = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
      newStorage.moveInitialize(from: storage, count: count)
      storage.deallocate()
      storage = newStorage
      capacity *= 2
    }
    (storage + count).initialize(to: element)
    count += 1
  }

  /// Removes the elements from `start` on and returns them, in order, in a new array.
  mutating func takeTail(from start: Int) -> [Element] {
    let n = count - start
    if n == 0 { return [] }
    let source = storage + start
    let tail = [Element](unsafeUninitializedCapacity: n) { buffer, initialized in
      buffer.baseAddress!.moveInitialize(from: source, count: n)
      initialized = n
    }
    count = start
    return tail
  }
}

/// The parser's state: a cursor over the bytes plus an explicit container stack.
private struct JSONParserCore: ~Copyable {
  let base: UnsafePointer<UInt8>
  let count: Int
  var pos = 0

  /// The line of `pos`, and the byte offset where that line starts.
  var line: Int
  var lineStart = 0
  /// A known (offset, column) on the current line; columns are found by
  /// counting scalars forward from here, so the total work stays linear.
  var checkpointOffset = 0
  var checkpointColumn = 1

  var open: [OpenContainer] = []
  var items = MoveOnlyStack<JSONValue>(capacity: 16)
  var members = MoveOnlyStack<JSONMember>(capacity: 16)
  var scratch: [UInt8] = []

  init(base: UnsafePointer<UInt8>, count: Int, firstLine: Int) {
    self.base = base
    self.count = count
    self.line = firstLine
    open.reserveCapacity(8)
  }

  // MARK: Locations

  /// The location of byte offset `offset`, which must be on the current line.
  @inline(__always)
  mutating func location(_ offset: Int) -> SourceLocation {
    if offset < checkpointOffset {
      checkpointOffset = lineStart
      checkpointColumn = 1
    }
    var column = checkpointColumn
    var i = checkpointOffset
    while i < offset {
      if base[i] & 0xC0 != 0x80 { column += 1 }
      i += 1
    }
    checkpointOffset = offset
    checkpointColumn = column
    return SourceLocation(line: line, column: column)
  }

  /// The column of `offset` on an earlier line that starts at `lineStart`; for error paths.
  func column(of offset: Int, lineStart: Int) -> Int {
    var column = 1
    for i in lineStart..<offset where base[i] & 0xC0 != 0x80 { column += 1 }
    return column
  }

  @inline(__always)
  mutating func startNewLine() {
    line += 1
    lineStart = pos
    checkpointOffset = pos
    checkpointColumn = 1
  }

  mutating func error(_ message: Message, at offset: Int) -> JSONSyntaxError {
    JSONSyntaxError(message: message, location: location(offset))
  }

  // MARK: Document

  mutating func parseDocument() throws(JSONSyntaxError) -> JSONValue {
    if TextEncodingCheck.startsWithUTF16ByteOrderMark(base, count: count) {
      throw error(Message(.jsonUTF16), at: 0)
    }
    if TextEncodingCheck.startsWithUTF8ByteOrderMark(base, count: count) {
      pos = 3
      lineStart = 3
      checkpointOffset = 3
    }
    try skipWhitespace()
    guard pos < count else { throw error(JSONParser.emptyInputMessage, at: pos) }
    let rootStart = location(pos)
    let root = try parseNested()
    try skipWhitespace()
    if pos < count {
      if let invalid = encodingOrPunctuationError(at: pos) { throw invalid }
      throw error(
        Message(.jsonAfterValue, describe(pos), rootStart), at: pos)
    }
    return root
  }

  /// Parses one value, including everything nested in it, without recursion.
  mutating func parseNested() throws(JSONSyntaxError) -> JSONValue {
    var value: JSONValue
    expectValue: while true {
      // Whitespace is already skipped; a value must start at `pos`.
      guard pos < count else { throw endOfFileError() }
      let b = base[pos]
      switch b {
      case ASCII.openBrace, ASCII.openBracket:
        let isObject = b == ASCII.openBrace
        let start = location(pos)
        if open.count >= JSONParser.maximumDepth {
          throw error(
            Message(.jsonTooDeep, JSONParser.maximumDepth), at: pos)
        }
        open.append(
          OpenContainer(isObject: isObject, start: start, base: isObject ? members.count : items.count))
        pos += 1
        try skipWhitespace()
        guard pos < count else { throw endOfFileError() }
        if base[pos] == (isObject ? ASCII.closeBrace : ASCII.closeBracket) {
          pos += 1
          value = closeContainer()
        } else {
          if isObject { try parseKeyAndColon(afterComma: false) }
          continue expectValue
        }
      case ASCII.quote:
        let start = location(pos)
        value = JSONValue(content: .string(try parseString(start: start)), location: start)
      case ASCII.minus, ASCII.zero...ASCII.nine:
        value = try parseNumber()
      default:
        value = try parseWordOrFail()
      }

      // Attach the finished value to its container; close containers that end here.
      while !open.isEmpty {
        let topIndex = open.count - 1
        let isObject = open[topIndex].isObject
        // For a message about what follows the value: where it started, if it is text, and how that text ends.
        var finished = FinishedValue(start: value.location)
        if case .string(let text) = value.content {
          finished.isText = true
          // ',' or the full-width '，' (EF BC 8C); the last byte decides cheaply.
          let last = text.utf8.last
          finished.endsWithComma = last == ASCII.comma || (last == 0x8C && text.utf8.suffix(3).elementsEqual([0xEF, 0xBC, 0x8C]))
        }
        if isObject {
          members.append(
            JSONMember(key: open[topIndex].key, keyLocation: open[topIndex].keyLocation, value: consume value))
        } else {
          items.append(consume value)
        }
        try skipWhitespace()
        guard pos < count else { throw endOfFileError() }
        let c = base[pos]
        if c == ASCII.comma {
          let commaOffset = pos
          let commaLine = line
          let commaLineStart = lineStart
          pos += 1
          try skipWhitespace()
          guard pos < count else { throw endOfFileError() }
          let next = base[pos]
          if next == ASCII.closeBrace || next == ASCII.closeBracket {
            let closer = next == ASCII.closeBrace ? "}" : "]"
            let what = Message(isObject ? .jsonMember : .jsonItem)
            throw JSONSyntaxError(
              message: Message(.jsonTrailingComma, what, closer, closer),
              location: SourceLocation(
                line: commaLine, column: column(of: commaOffset, lineStart: commaLineStart)))
          }
          if isObject { try parseKeyAndColon(afterComma: true) }
          continue expectValue
        } else if c == (isObject ? ASCII.closeBrace : ASCII.closeBracket) {
          pos += 1
          value = closeContainer()
        } else {
          throw expectedCommaOrCloser(open[topIndex], after: finished)
        }
      }
      return value
    }
  }

  /// Pops the innermost container and builds its value from the shared stacks.
  mutating func closeContainer() -> JSONValue {
    let container = open.removeLast()
    if container.isObject {
      let ownMembers = members.takeTail(from: container.base)
      let object = JSONObject(
        members: ownMembers,
        prebuiltIndex: ownMembers.count > JSONObject.indexThreshold ? container.keyIndex : nil)
      return JSONValue(content: .object(object), location: container.start)
    } else {
      let ownItems = items.takeTail(from: container.base)
      return JSONValue(content: .array(ownItems), location: container.start)
    }
  }

  /// Parses `"key" :` inside the innermost object and checks the key is new.
  mutating func parseKeyAndColon(afterComma: Bool) throws(JSONSyntaxError) {
    guard pos < count else { throw endOfFileError() }
    let b = base[pos]
    guard b == ASCII.quote else { throw keyExpectedError(afterComma: afterComma) }
    let keyLocation = location(pos)
    let key = try parseString(start: keyLocation)
    let topIndex = open.count - 1
    let memberBase = open[topIndex].base
    let memberCount = members.count - memberBase

    // Duplicate keys: a linear scan for small objects, a dictionary for larger ones.
    if open[topIndex].keyIndex == nil && memberCount >= JSONObject.indexThreshold {
      var index: [String: Int] = [:]
      index.reserveCapacity(memberCount * 2)
      for i in 0..<memberCount { index[members[memberBase + i].key] = i }
      open[topIndex].keyIndex = index
    }
    var firstLocation: SourceLocation? = nil
    if open[topIndex].keyIndex != nil {
      if let i = open[topIndex].keyIndex![key] {
        firstLocation = members[memberBase + i].keyLocation
      } else {
        open[topIndex].keyIndex![key] = memberCount
      }
    } else {
      var i = memberBase
      while i < members.count {
        if members[i].key == key {
          firstLocation = members[i].keyLocation
          break
        }
        i += 1
      }
    }
    if let firstLocation {
      throw JSONSyntaxError(
        message: Message(.jsonDuplicateKey, key, firstLocation),
        location: keyLocation)
    }
    open[topIndex].key = key
    open[topIndex].keyLocation = keyLocation

    try skipWhitespace()
    guard pos < count else { throw endOfFileError() }
    guard base[pos] == ASCII.colon else {
      if let invalid = encodingOrPunctuationError(at: pos) { throw invalid }
      throw error(
        Message(.jsonExpectedColon, key, describe(pos)), at: pos)
    }
    pos += 1
    try skipWhitespace()
  }

  // MARK: Whitespace

  /// Skips JSON whitespace, counting lines; rejects comments.
  @inline(__always)
  mutating func skipWhitespace() throws(JSONSyntaxError) {
    while pos < count {
      switch base[pos] {
      case ASCII.space, ASCII.tab:
        pos += 1
      case ASCII.lineFeed:
        pos += 1
        startNewLine()
      case ASCII.carriageReturn:
        pos += 1
        if pos < count && base[pos] == ASCII.lineFeed { pos += 1 }
        startNewLine()
      case ASCII.slash:
        if pos + 1 < count && (base[pos + 1] == ASCII.slash || base[pos + 1] == ASCII.star) {
          throw error(Message(.jsonComments), at: pos)
        }
        return
      default:
        return
      }
    }
  }

  // MARK: Strings

  /// Parses a string whose opening quote is at `pos`; `start` is that quote's location.
  mutating func parseString(start: SourceLocation) throws(JSONSyntaxError) -> String {
    pos += 1
    let contentStart = pos
    var i = pos
    // Fast path: no escapes, so the bytes can become the String directly.
    while i < count {
      let b = base[i]
      if b == ASCII.quote {
        pos = i + 1
        return String(
          decoding: UnsafeBufferPointer(start: base + contentStart, count: i - contentStart),
          as: UTF8.self)
      }
      if b == ASCII.backslash || b < 0x20 { break }
      if b < 0x80 {
        i += 1
      } else {
        let n = TextEncodingCheck.sequenceLength(base, at: i, end: count)
        if n == 0 { throw badByteInString(at: i, start: start) }
        i += n
      }
    }

    // Slow path: escapes (or an error) ahead; build the bytes in `scratch`.
    scratch.removeAll(keepingCapacity: true)
    scratch.append(contentsOf: UnsafeBufferPointer(start: base + contentStart, count: i - contentStart))
    while true {
      guard i < count else { throw unterminatedStringError(start: start) }
      let b = base[i]
      switch b {
      case ASCII.quote:
        pos = i + 1
        return String(decoding: scratch, as: UTF8.self)
      case ASCII.backslash:
        i = try parseEscape(at: i, stringStart: start)
      case 0..<0x20:
        throw controlCharacterError(b, at: i, stringStart: start, contentStart: contentStart)
      case 0x20..<0x80:
        scratch.append(b)
        i += 1
      default:
        let n = TextEncodingCheck.sequenceLength(base, at: i, end: count)
        if n == 0 { throw badByteInString(at: i, start: start) }
        scratch.append(contentsOf: UnsafeBufferPointer(start: base + i, count: n))
        i += n
      }
    }
  }

  mutating func unterminatedStringError(start: SourceLocation) -> JSONSyntaxError {
    error(
      Message(.jsonUnclosedText, start), at: count)
  }

  /// The error for a byte in a string that does not start a valid UTF-8 sequence.
  mutating func badByteInString(at i: Int, start: SourceLocation) -> JSONSyntaxError {
    if TextEncodingCheck.isCutOffSequence(base, at: i, end: count) {
      return unterminatedStringError(start: start)
    }
    return invalidUTF8Error(at: i)!
  }

  /// Decodes the escape whose backslash is at `i` into `scratch`; returns the offset after it.
  mutating func parseEscape(at i: Int, stringStart: SourceLocation) throws(JSONSyntaxError) -> Int {
    guard i + 1 < count else { throw unterminatedStringError(start: stringStart) }
    let e = base[i + 1]
    switch e {
    case ASCII.quote, ASCII.backslash, ASCII.slash:
      scratch.append(e)
    case UInt8(ascii: "b"): scratch.append(0x08)
    case UInt8(ascii: "f"): scratch.append(0x0C)
    case UInt8(ascii: "n"): scratch.append(0x0A)
    case UInt8(ascii: "r"): scratch.append(0x0D)
    case UInt8(ascii: "t"): scratch.append(0x09)
    case UInt8(ascii: "u"):
      let first = try hexEscape(at: i, stringStart: stringStart)
      switch first {
      case 0xD800...0xDBFF:
        let j = i + 6
        if j >= count || (j + 1 == count && base[j] == ASCII.backslash) {
          throw unterminatedStringError(start: stringStart)
        }
        if j + 1 < count && base[j] == ASCII.backslash && base[j + 1] == UInt8(ascii: "u") {
          let second = try hexEscape(at: j, stringStart: stringStart)
          if (0xDC00...0xDFFF).contains(second) {
            let value = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            TextEncodingCheck.appendUTF8(Unicode.Scalar(value)!, to: &scratch)
            return j + 6
          }
        }
        throw error(
          Message(.jsonFirstHalfSurrogate, hex4(first)),
          at: i)
      case 0xDC00...0xDFFF:
        throw error(
          Message(.jsonSecondHalfSurrogate, hex4(first)),
          at: i)
      default:
        TextEncodingCheck.appendUTF8(Unicode.Scalar(first)!, to: &scratch)
      }
      return i + 6
    default:
      if let invalid = invalidUTF8Error(at: i + 1) { throw invalid }
      let shown: Message
      if e >= 0x20 && e != 0x7F {
        shown = .verbatim("'\\" + String(TextEncodingCheck.scalar(base, at: i + 1, end: count)!) + "'")
      } else {
        shown = Message(.jsonBackslashFollowedBy, describe(i + 1))
      }
      throw error(
        Message(.jsonInvalidEscape, shown), at: i)
    }
    return i + 2
  }

  /// Reads the 4 hex digits of a `\u` escape whose backslash is at `i`.
  mutating func hexEscape(at i: Int, stringStart: SourceLocation) throws(JSONSyntaxError) -> UInt32 {
    var value: UInt32 = 0
    for k in 2..<6 {
      guard i + k < count else { throw unterminatedStringError(start: stringStart) }
      guard let digit = ASCII.hexValue(base[i + k]) else {
        var shown = ""
        var j = i
        while j < count && j < i + 6 && base[j] >= 0x20 && base[j] < 0x7F {
          shown.unicodeScalars.append(Unicode.Scalar(base[j]))
          j += 1
        }
        throw error(
          Message(.jsonInvalidUnicodeEscape, shown), at: i)
      }
      value = value << 4 | digit
    }
    return value
  }

  mutating func controlCharacterError(
    _ b: UInt8, at i: Int, stringStart: SourceLocation, contentStart: Int
  ) -> JSONSyntaxError {
    switch b {
    case ASCII.lineFeed, ASCII.carriageReturn:
      // A Chinese closing quote typed for the plain one is the usual reason the text runs on.
      let text = UnsafeBufferPointer(start: base + contentStart, count: i - contentStart)
      let chineseQuote = text.indices.contains { k in
        k + 2 < text.count && text[k] == 0xE2 && text[k + 1] == 0x80 && (text[k + 2] == 0x9C || text[k + 2] == 0x9D)
      }
      let hint = chineseQuote ? Message(.jsonChineseQuoteHint) : .verbatim("")
      return error(
        Message(.jsonLineBreakInText, stringStart, hint), at: i)
    case ASCII.tab:
      return error(Message(.jsonTabInText), at: i)
    default:
      return error(
        Message(.jsonControlInText, hex4(UInt32(b)), hex4(UInt32(b))), at: i)
    }
  }

  // MARK: Numbers

  /// Parses a number starting at `pos` (a '-' or a digit), keeping its exact text.
  mutating func parseNumber() throws(JSONSyntaxError) -> JSONValue {
    let start = pos
    var i = pos
    if base[i] == ASCII.minus {
      i += 1
      guard i < count else { throw endOfFileError(valueStart: start) }
      guard ASCII.isDigit(base[i]) else {
        let token = tokenText(from: start)
        if token == "-Infinity" {
          throw error(Message(.jsonMinusInfinity), at: start)
        }
        if let invalid = invalidUTF8Error(at: i) { throw invalid }
        throw error(Message(.jsonDigitAfterMinus, token), at: start)
      }
    }
    if base[i] == ASCII.zero {
      i += 1
      if i < count && ASCII.isDigit(base[i]) {
        let token = tokenText(from: start)
        throw error(
          Message(.jsonLeadingZero, token, token), at: start)
      }
    } else {
      while i < count && ASCII.isDigit(base[i]) { i += 1 }
    }
    if i < count && base[i] == ASCII.dot {
      i += 1
      guard i < count else { throw endOfFileError(valueStart: start) }
      guard ASCII.isDigit(base[i]) else {
        if ASCII.endsToken(base[i]) {
          let token = tokenText(from: start)
          throw error(
            Message(.jsonDigitAfterPoint, token, token.dropLast(), token), at: start)
        }
        throw badNumberError(from: start)
      }
      while i < count && ASCII.isDigit(base[i]) { i += 1 }
    }
    if i < count && (base[i] | 0x20) == UInt8(ascii: "e") {
      i += 1
      if i < count && (base[i] == ASCII.plus || base[i] == ASCII.minus) { i += 1 }
      guard i < count else { throw endOfFileError(valueStart: start) }
      guard ASCII.isDigit(base[i]) else {
        if ASCII.endsToken(base[i]) {
          throw error(
            Message(.jsonExponentDigits, tokenText(from: start)), at: start)
        }
        throw badNumberError(from: start)
      }
      while i < count && ASCII.isDigit(base[i]) { i += 1 }
    }
    if i < count && !ASCII.endsToken(base[i]) && base[i] != ASCII.slash {
      if let fullWidth = fullWidthPunctuationError(at: i) { throw fullWidth }
      throw badNumberError(from: start)
    }
    let location = location(start)
    pos = i
    let text = String(decoding: UnsafeBufferPointer(start: base + start, count: i - start), as: UTF8.self)
    return JSONValue(content: .number(text), location: location)
  }

  mutating func badNumberError(from start: Int) -> JSONSyntaxError {
    var i = start
    while i < count && !ASCII.endsToken(base[i]) {
      if let invalid = invalidUTF8Error(at: i) { return invalid }
      i += base[i] < 0x80 ? 1 : TextEncodingCheck.sequenceLength(base, at: i, end: count)
    }
    return error(
      Message(.jsonInvalidNumber, tokenText(from: start)), at: start)
  }

  // MARK: Words and unexpected characters

  /// Parses `true`, `false` or `null` at `pos`, or throws the most helpful error.
  mutating func parseWordOrFail() throws(JSONSyntaxError) -> JSONValue {
    let start = pos
    var i = pos
    while i < count && ASCII.isWordByte(base[i]) { i += 1 }
    let length = i - start
    if length == 4 || length == 5 {
      let b0 = base[start]
      let content: JSONValue.Content?
      if length == 4 && b0 == UInt8(ascii: "t") && matches("true", at: start) {
        content = .bool(true)
      } else if length == 5 && b0 == UInt8(ascii: "f") && matches("false", at: start) {
        content = .bool(false)
      } else if length == 4 && b0 == UInt8(ascii: "n") && matches("null", at: start) {
        content = .null
      } else {
        content = nil
      }
      if let content {
        let location = location(start)
        pos = i
        return JSONValue(content: content, location: location)
      }
    }
    throw unexpectedValueError(at: start, wordEnd: i)
  }

  func matches(_ word: StaticString, at start: Int) -> Bool {
    let p = word.utf8Start
    for k in 0..<word.utf8CodeUnitCount where base[start + k] != p[k] { return false }
    return true
  }

  /// The error for a byte at `start` that cannot begin a value.
  mutating func unexpectedValueError(at start: Int, wordEnd: Int) -> JSONSyntaxError {
    if let invalid = encodingOrPunctuationError(at: start) { return invalid }
    let b = base[start]
    if wordEnd > start {
      let word = String(decoding: UnsafeBufferPointer(start: base + start, count: wordEnd - start), as: UTF8.self)
      if wordEnd == count && ["true", "false", "null"].contains(where: { $0.hasPrefix(word) }) {
        return endOfFileError(valueStart: start)
      }
      switch word.lowercased() {
      case "true", "false", "null":
        return error(Message(.jsonWriteLowercase, word, word.lowercased()), at: start)
      case "nan", "infinity":
        return error(Message(.jsonNotANumberWord, word), at: start)
      default:
        break
      }
    }
    if b == ASCII.apostrophe {
      return error(Message(.jsonSingleQuotedText), at: start)
    }
    if b == ASCII.plus {
      return error(Message(.jsonPlusSign), at: start)
    }
    if b == ASCII.dot && start + 1 < count && ASCII.isDigit(base[start + 1]) {
      let token = tokenText(from: start)
      return error(Message(.jsonStartWithDigit, token), at: start)
    }
    if wordEnd > start || b >= 0x80 {
      let token = tokenText(from: start)
      return error(
        Message(.jsonBareText, token, token), at: start)
    }
    return error(
      Message(.jsonExpectedValue, describe(start), valueContext()), at: start)
  }

  /// Says what the missing value belonged to, for "expected a value" messages.
  func valueContext() -> Message {
    guard let top = open.last else { return .verbatim("") }
    return top.isObject ? Message(.jsonAsValueOf, top.key) : Message(.jsonInListOpenedAt, top.start)
  }

  /// The error when a key was expected in an object.
  mutating func keyExpectedError(afterComma: Bool) -> JSONSyntaxError {
    if let invalid = encodingOrPunctuationError(at: pos) { return invalid }
    let b = base[pos]
    if b == ASCII.apostrophe {
      return error(
        Message(.jsonSingleQuotedKey), at: pos)
    }
    if ASCII.isWordByte(b) || b >= 0x80 {
      let token = tokenText(from: pos)
      return error(Message(.jsonUnquotedKey, token), at: pos)
    }
    let orClose = afterComma ? Message.verbatim("") : Message(.jsonOrCloseBrace)
    return error(Message(.jsonExpectedKey, orClose, describe(pos)), at: pos)
  }

  /// The error when neither ',' nor the right closing bracket follows a value.
  ///
  /// A misplaced quote is the usual cause after text, and the place to fix is where that text starts, perhaps lines
  /// earlier: the message names it.
  mutating func expectedCommaOrCloser(_ top: OpenContainer, after finished: FinishedValue) -> JSONSyntaxError {
    if let invalid = encodingOrPunctuationError(at: pos) { return invalid }
    let c = base[pos]
    let closer = top.isObject ? "}" : "]"
    let what = top.isObject ? Message(.jsonTheValueOf, top.key) : Message(.jsonAListItem)
    var message = Message(.jsonExpectedCommaOrCloser, closer, what, describe(pos))
    if c == ASCII.closeBrace || c == ASCII.closeBracket {
      message = Message(.jsonThen, message, Message(.jsonCloseWith, top.kindName, top.start, closer))
    } else if finished.isText, finished.endsWithComma {
      // The mistake is where the text is, maybe lines before what was found: report it there.
      let found = location(pos)
      return JSONSyntaxError(
        message:
          Message(.jsonCommaInsideQuotes, found, describe(pos), closer),
        location: finished.start)
    } else if finished.isText, ASCII.isWordByte(c) || c >= 0x80 {
      message = Message(
        .jsonThen, message, Message(top.isObject ? .jsonTextUnclosedMembers : .jsonTextUnclosedItems, finished.start))
    } else if c == ASCII.quote || c == ASCII.openBrace || c == ASCII.openBracket
      || ASCII.isWordByte(c) || c == ASCII.minus
    {
      message = Message(.jsonThen, message, Message(top.isObject ? .jsonAddCommaMembers : .jsonAddCommaItems))
    }
    return error(message, at: pos)
  }

  /// The error for the end of the input while something is still open.
  mutating func endOfFileError(valueStart: Int? = nil) -> JSONSyntaxError {
    if let top = open.last {
      return error(
        Message(.jsonUnclosedContainer, top.kindName, top.start), at: count)
    }
    let start = valueStart.map { location($0) }
    let what = start.map { Message(.jsonValueIncomplete, $0) } ?? Message(.jsonValueMissing)
    return error(Message(.jsonUnexpectedEnd, what), at: count)
  }

  /// An error if the bytes at `i` are not UTF-8 or are full-width punctuation; nil otherwise.
  ///
  /// Used where JSON punctuation or a value must start, which is where text
  /// typed with a Chinese input method goes wrong.
  mutating func encodingOrPunctuationError(at i: Int) -> JSONSyntaxError? {
    invalidUTF8Error(at: i) ?? fullWidthPunctuationError(at: i)
  }

  /// An error if the character at `i` is full-width (Chinese input method) punctuation.
  mutating func fullWidthPunctuationError(at i: Int) -> JSONSyntaxError? {
    guard base[i] >= 0x80, let scalar = TextEncodingCheck.scalar(base, at: i, end: count) else {
      return nil
    }
    let ascii: String
    switch scalar.value {
    case 0xFF0C, 0x3001: ascii = ","
    case 0xFF1A: ascii = ":"
    case 0x201C, 0x201D, 0x2018, 0x2019, 0xFF02: ascii = "\""
    case 0xFF5B: ascii = "{"
    case 0xFF5D: ascii = "}"
    case 0xFF3B, 0x3010: ascii = "["
    case 0xFF3D, 0x3011: ascii = "]"
    default: return nil
    }
    return error(
      Message(.jsonFullWidth, Character(scalar), ascii), at: i)
  }

  /// An error if the bytes at `i` are not valid UTF-8; nil if they are (or are ASCII).
  mutating func invalidUTF8Error(at i: Int) -> JSONSyntaxError? {
    guard base[i] >= 0x80, TextEncodingCheck.sequenceLength(base, at: i, end: count) == 0 else {
      return nil
    }
    if TextEncodingCheck.isCutOffSequence(base, at: i, end: count) {
      return endOfFileError()
    }
    return error(
      Message(.jsonNotUTF8, hex2(base[i])), at: i)
  }

  /// The character at `i` for messages: 'x', '中', or a named control character.
  func describe(_ i: Int) -> Message {
    let b = base[i]
    if b >= 0x20 && b < 0x7F { return .verbatim("'\(Character(Unicode.Scalar(b)))'") }
    if b < 0x80 { return Message(.jsonControlCharacter, hex4(UInt32(b))) }
    if let scalar = TextEncodingCheck.scalar(base, at: i, end: count) {
      return .verbatim("'\(Character(scalar))'")
    }
    return Message(.jsonByte, hex2(b))
  }

  /// The bare token starting at `start` (up to whitespace or punctuation), shortened if long.
  func tokenText(from start: Int) -> String {
    var scalars = String.UnicodeScalarView()
    var i = start
    while i < count && !ASCII.endsToken(base[i]) {
      guard let scalar = TextEncodingCheck.scalar(base, at: i, end: count) else { break }
      if scalars.count == 40 {
        scalars.append("…")
        break
      }
      scalars.append(scalar)
      i += max(1, TextEncodingCheck.sequenceLength(base, at: i, end: count))
    }
    return String(scalars)
  }
}

private func hex4(_ v: UInt32) -> String {
  let s = String(v, radix: 16, uppercase: true)
  return String(repeating: "0", count: max(0, 4 - s.count)) + s
}

private func hex2(_ b: UInt8) -> String {
  let s = String(b, radix: 16, uppercase: true)
  return s.count == 1 ? "0" + s : s
}
