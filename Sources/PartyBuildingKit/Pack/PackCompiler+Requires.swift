/// The host functions a pack is loaded with: the implementations a program registers, or none with the pack only
/// checked (``declarationsOnly``).
public struct HostFunctions: Sendable, ExpressibleByArrayLiteral {
  /// The implementations, by name.
  public let functions: [HostFunction]
  /// Whether the pack is loaded without implementations, to be checked and tested: its declarations stand in for
  /// them, a test case gives their results (`"functions"`), and any other call fails with a message.
  public let isDeclarationsOnly: Bool

  /// The host provides `functions`; a pack that requires one it does not provide fails to load.
  public init(_ functions: [HostFunction]) {
    self.functions = functions
    isDeclarationsOnly = false
  }

  /// The host provides `elements`.
  public init(arrayLiteral elements: HostFunction...) {
    self.init(elements)
  }

  private init(declarationsOnly: Bool) {
    functions = []
    isDeclarationsOnly = declarationsOnly
  }

  /// No host functions: a pack that requires any fails to load, naming them.
  public static let none = HostFunctions([])

  /// Load the pack to check and test it without its host: `pbk validate` and `pbk test` load packs this way.
  /// Full marks, bands and types are checked from the declarations; a test case gives the results of the calls it
  /// makes; scoring outside a test fails on the first call, saying the function is not provided.
  public static let declarationsOnly = HostFunctions(declarationsOnly: true)
}

extension PackCompiler {
  /// Reads `"requires": {"functions": […]}`: each host function the pack calls, with its signature and the range of
  /// its result, matched against what the host provides.
  mutating func readRequires(_ node: Node, provided: HostFunctions) {
    guard let object = node.object(.quoted("requires"), keys: ["functions"]) else { return }
    guard let items = object.array("functions") else {
      if !object.has("functions") {
        object.missing("functions", Message(.hintRequires))
      }
      return
    }
    var declarations: [HostFunctionDeclaration] = []
    var bodies: [HostFunction.Body?] = []
    var seen: [String: JSONPointer] = [:]
    for item in items {
      guard let declaration = readHostFunction(item) else { continue }
      if let earlier = seen[declaration.name] {
        item.error(Message(.hostFunctionTwice, declaration.name, earlier))
        continue
      }
      seen[declaration.name] = item.pointer
      declarations.append(declaration)
      if provided.isDeclarationsOnly {
        bodies.append(nil)
        continue
      }
      guard let function = provided.functions.first(where: { $0.name == declaration.name }) else {
        item.error(
          Message(.hostFunctionNotProvided, declaration.signatureText))
        bodies.append(nil)
        continue
      }
      if !declaration.matches(function) {
        item.error(
          Message(.hostFunctionMismatch, declaration.signatureText, function.signatureText))
      }
      bodies.append(function.body)
    }
    if !declarations.isEmpty {
      hostFunctions = HostFunctionTable(declarations: declarations, bodies: bodies)
    }
  }

  private func readHostFunction(_ node: Node) -> HostFunctionDeclaration? {
    guard
      let object = node.object(
        Message(.whatHostFunction), keys: ["name", "label", "arguments", "result", "note"])
    else { return nil }
    guard let name = object.requiredString("name", Message(.hintHostFunctionName)) else { return nil }
    var valid = true
    if FormulaFunction(rawValue: name.uppercased()) != nil {
      object["name"]?.error(
        Message(.hostFunctionBuiltIn, name))
      valid = false
    } else if !Self.isCallable(name) {
      object["name"]?.error(
        Message(.hostFunctionBadName, name))
      valid = false
    }
    var arguments: [FormulaType] = []
    if let nodes = object.array("arguments") {
      for item in nodes {
        guard let text = item.string(Message(.whatArgumentType)) else {
          valid = false
          continue
        }
        guard let type = Self.hostType(text) else {
          item.error(Message(.unknownArgumentType, text))
          valid = false
          continue
        }
        arguments.append(type)
      }
    } else if !object.has("arguments") {
      object.missing("arguments", Message(.hintArguments))
      valid = false
    }
    var result = FormulaType.number
    var range: ClosedRange<ExactDecimal>?
    var places: Int?
    if let resultNode = object["result"] {
      if case .string = resultNode.value.content, let text = resultNode.string(.quoted("result")) {
        if let type = Self.hostType(text) { result = type } else {
          resultNode.error(Message(.unknownResultType, text))
          valid = false
        }
      } else if let resultObject = resultNode.object(Message(.whatResult), keys: ["type", "min", "max", "places"]) {
        if let text = resultObject.string("type") {
          if let type = Self.hostType(text) { result = type } else {
            resultObject["type"]?.error(Message(.unknownResultTypeShort, text))
            valid = false
          }
        }
        let low = resultObject.decimal("min")
        let high = resultObject.decimal("max")
        if result == .boolean, low != nil || high != nil || resultObject.has("places") {
          resultObject.node.error(Message(.booleanResultNoRange))
          valid = false
        }
        switch (low, high) {
        case (let low?, let high?):
          if low > high {
            resultObject.node.error(Message(.resultMinAboveMax, low, high))
            valid = false
          } else {
            range = low...high
          }
        case (nil, nil): break
        default:
          resultObject.node.error(
            Message(.resultMinAndMax))
          valid = false
        }
        if let node = resultObject["places"] { places = node.integer(.quoted("places"), in: 0...ExactDecimal.maxScale) }
      } else {
        valid = false
      }
    } else {
      object.missing(
        "result", Message(.hintResult))
      valid = false
    }
    guard valid else { return nil }
    return HostFunctionDeclaration(
      name: name, arguments: arguments, result: result, range: range, places: places,
      label: object.string("label") ?? "")
  }

  static func hostType(_ text: String) -> FormulaType? {
    switch text {
    case "number": .number
    case "boolean": .boolean
    default: nil
    }
  }

  /// Whether `name(…)` reads as a call of `name` in a formula.
  static func isCallable(_ name: String) -> Bool {
    let scalars = Array(name.unicodeScalars)
    guard let first = scalars.first, FormulaLexer.isNameStart(first),
      scalars.dropFirst().allSatisfy(FormulaLexer.isNameContinuation)
    else { return false }
    let probe = HostFunctionTable(
      declarations: [HostFunctionDeclaration(name: name, arguments: [], result: .number)], bodies: [nil])
    guard case .success(let formula) = Formula.compile("\(name)()", in: FormulaScope([], table: probe)) else {
      return false
    }
    return formula.calledFunctions == [name]
  }
}
