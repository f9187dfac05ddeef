// Fuzz target `json`: bytes → JSONParser.parse; a parsed value is walked to the bottom, and every error must point
// inside the text. Build and run with Scripts/fuzz.sh.
@testable import PartyBuildingKit

/// Stops with the message (kept in optimised builds, unlike precondition's) when a property does not hold.
func require(_ condition: Bool, _ message: @autoclosure () -> String) {
  if !condition { fatalError(message()) }
}

func walk(_ value: JSONValue, depth: Int) -> Int {
  require(depth <= JSONParser.maximumDepth + 1, "nesting deeper than the parser's limit")
  require(value.location.line >= 1 && value.location.column >= 1, "a value without a place")
  switch value.content {
  case .array(let items): return items.reduce(1) { $0 + walk($1, depth: depth + 1) }
  case .object(let object): return object.members.reduce(1) { $0 + walk($1.value, depth: depth + 1) }
  case .number(let literal):
    _ = ExactDecimal(literal)
    return 1
  case .string(let text):
    _ = JSONText.quoted(text)
    return 1
  default: return 1
  }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let bytes = [UInt8](UnsafeRawBufferPointer(start: start, count: count))
  do {
    let value = try JSONParser.parse(bytes)
    _ = walk(value, depth: 0)
  } catch {
    // A line ends at LF, CRLF or a lone CR.
    var lines = 1
    for (index, byte) in bytes.enumerated() where byte == 0x0A || (byte == 0x0D && bytes.dropFirst(index + 1).first != 0x0A) {
      lines += 1
    }
    require(error.location.line >= 1 && error.location.line <= lines + 1, "an error at line \(error.location.line) of \(lines)")
    require(error.location.column >= 1, "an error at column \(error.location.column)")
    _ = error.message
  }
  return 0
}
