/// How a period declaration combines its parts into one value.
enum PeriodAggregate: String, Sendable, CaseIterable {
  case average, sum, minimum, maximum, latest
}

/// What a missing period (an empty part) does.
enum PeriodMissing: String, Sendable, CaseIterable {
  /// The subject is rejected, naming the period.
  case error
  /// Left out of the aggregate and the checks (at least one period must be given).
  case skip
  /// Counted as 0.
  case zero
  /// The previous period's value is used (the first period cannot be carried).
  case carryLast
}

struct CompiledPeriodCheck: Sendable {
  var id: String
  var label: String
  /// The slot holding how many periods are below the threshold.
  var slot: Int
  var below: ExactDecimal
}

struct CompiledPeriod: Sendable {
  var id: String
  var label: String
  var slot: Int
  var partLabels: [String]
  /// The parts' declared input indices and slots, in period order.
  var partInputs: [Int]
  var partSlots: [Int]
  var aggregate: PeriodAggregate
  var missing: PeriodMissing
  /// Places the aggregate is rounded to (with the pack's rounding); nil: exact (division to 12 places).
  var precision: Int?
  var checks: [CompiledPeriodCheck]
  /// The most one period counts toward the aggregate and the checks ("每季度 1 篇"); nil: every period as given.
  var maxPerPeriod: ExactDecimal? = nil
}

extension PackCompiler {
  static let periodKeys = [
    "id", "label", "parts", "type", "unit", "min", "max", "maxPerPeriod", "aggregate", "whenMissing", "precision", "checks",
    "exampleValue", "note",
  ]

  /// Whether input number `index` is left out when it is not given, with what uses it: an input declared
  /// `"whenMissing": "notApplicable"`, or a period part whose declaration skips a missing period. A part of a
  /// declaration that counts a missing period as 0, carries the last one or rejects the subject is never left out:
  /// a formula naming it reads what the declaration's policy gives.
  func leftOutWhenMissing(_ index: Int) -> Bool {
    // An input for a class of subject, without a default, is not applicable to the subjects outside the class.
    if inputs[index].appliesTo != nil, inputs[index].defaultSlotValue == nil { return true }
    guard inputs[index].notApplicable else { return false }
    guard inputs[index].periodPart else { return true }
    return periods.first { $0.partInputs.contains(index) }?.missing ?? .skip == .skip
  }

  /// What the pack declares for a missing input number `index`, as a message quotes it.
  func missingPolicyText(_ index: Int) -> Message {
    if inputs[index].periodPart, let period = periods.first(where: { $0.partInputs.contains(index) }) {
      return Message(.onePeriodOf, period.label, period.id, period.missing.rawValue)
    }
    if let condition = inputs[index].appliesTo, !inputs[index].notApplicable {
      return .verbatim("\"appliesTo\": \"\(condition.source)\"")
    }
    return .verbatim("\"whenMissing\": \"notApplicable\"")
  }

  /// Reads `periods`: each declares one input per part (`id:part`), a value `id` and a count per check.
  mutating func readPeriods(_ nodes: [Node]) {
    var pending: [(ObjectNode, CompiledPeriod, [(ObjectNode, String, String, ExactDecimal)], ExactDecimal, ExactDecimal)] = []
    for node in nodes {
      guard let object = node.object(Message(.whatPeriodDeclaration), keys: Self.periodKeys) else { continue }
      noteExample(object)
      guard let id = object.requiredString("id", Message(.hintPeriodID)) else { continue }
      let label = object.string("label") ?? id
      let partNodes = object.array("parts")
      let parts = (partNodes ?? []).compactMap { $0.string(Message(.whatPeriodName)) }
      // A declaration that cannot be read leaves its names unknown (reported once, here).
      func unknown() {
        sink.markUnknown(.name(id))
        for check in object.array("checks") ?? [] {
          if let checkID = check.value.objectValue?["id"]?.stringValue { sink.markUnknown(.name(checkID)) }
        }
      }
      var broken = false
      if !object.has("parts") {
        object.missing("parts", Message(.hintPeriodParts))
        broken = true
      } else if parts.isEmpty {
        if partNodes?.isEmpty == true { object["parts"]?.error(Message(.giveAPeriod)) }
        broken = true
      } else if Set(parts).count != parts.count {
        object["parts"]?.error(Message(.periodListedTwice, MessageArgument.list(parts)))
        broken = true
      }
      let typeText = object.string("type") ?? "number"
      guard typeText == "number" || typeText == "integer" else {
        object["type"]?.error(Message(.periodTypeValue, typeText))
        unknown()
        continue
      }
      var aggregate = PeriodAggregate.average
      if let node = object["aggregate"], let text = node.string(.quoted("aggregate")) {
        if let value = PeriodAggregate(rawValue: text) { aggregate = value } else {
          node.error(
            Message(.unknownAggregate, text, Spelling.didYouMeanMessage(text, among: PeriodAggregate.allCases.map(\.rawValue)), MessageArgument.list(PeriodAggregate.allCases.map(\.rawValue))))
        }
      } else if !object.has("aggregate") {
        object.missing("aggregate", Message(.hintAggregate))
      }
      var missing = PeriodMissing.error
      if let node = object["whenMissing"], let text = node.string(.quoted("whenMissing")) {
        if let value = PeriodMissing(rawValue: text) { missing = value } else {
          node.error(
            Message(.unknownPeriodWhenMissing, text, Spelling.didYouMeanMessage(text, among: PeriodMissing.allCases.map(\.rawValue)), MessageArgument.list(PeriodMissing.allCases.map(\.rawValue))))
        }
      } else if !object.has("whenMissing") {
        object.missing(
          "whenMissing",
          Message(.hintPeriodWhenMissing))
      }
      let precision = object["precision"]?.integer(.quoted("precision"), in: 0...6)
      var checks: [(ObjectNode, String, String, ExactDecimal)] = []
      for checkNode in object.array("checks") ?? [] {
        guard let check = checkNode.object(Message(.whatPeriodCheck), keys: ["id", "label", "below", "exampleValue", "note"]) else { continue }
        noteExample(check)
        guard let checkID = check.requiredString("id", Message(.hintPeriodCheckID)) else { continue }
        guard let below = check.decimal("below") else {
          if !check.has("below") { check.missing("below", Message(.hintPeriodCheckBelow)) }
          continue
        }
        checks.append((check, checkID, check.string("label") ?? checkID, below))
      }
      let perPeriod = object.decimal("maxPerPeriod")
      guard let minimum = object.decimal("min"), let maximum = object.decimal("max") else {
        if !object.has("min") { object.missing("min", Message(.hintPeriodMin)) }
        if !object.has("max") { object.missing("max", Message(.hintPeriodMax)) }
        unknown()
        continue
      }
      if minimum > maximum {
        object["min"]?.error(Message(.minAboveMaxPlain, minimum, maximum))
        broken = true
      }
      var maxPerPeriod: ExactDecimal?
      if let perPeriod, minimum <= maximum {
        if perPeriod >= maximum {
          object["maxPerPeriod"]?.error(
            Message(.maxPerPeriodNotBelowMax, perPeriod, maximum))
        } else if perPeriod <= minimum {
          object["maxPerPeriod"]?.error(
            Message(.maxPerPeriodNotAboveMin, perPeriod, minimum, perPeriod))
        } else {
          maxPerPeriod = perPeriod
          for (check, _, _, below) in checks where below > perPeriod {
            check["below"]?.error(
              Message(.checkBelowUnreachable, perPeriod, below, perPeriod))
          }
        }
      }
      if broken {
        unknown()
        continue
      }
      if namesExhausted { break }
      let unit = object.string("unit") ?? ""
      var compiled = CompiledPeriod(
        id: id, label: label, slot: 0, partLabels: parts, partInputs: [], partSlots: [], aggregate: aggregate,
        missing: missing, precision: precision, checks: [], maxPerPeriod: maxPerPeriod)
      let declarationType: InputDeclaration.ValueType = typeText == "integer" ? .integer : .number
      for part in parts {
        let inputID = "\(id):\(part)"
        var declaration = InputDeclaration(
          id: inputID, label: "\(label)：\(part)", type: declarationType, unit: unit, minimum: minimum, maximum: maximum,
          required: false, defaultValue: nil)
        declaration.required = false
        let slot = declare(
          inputID, label: declaration.label, type: .number, range: (minimum, maximum),
          places: declarationType == .integer ? 0 : nil, at: object["parts"] ?? node)
        var input = CompiledInput(declaration: declaration, slot: slot, defaultSlotValue: nil)
        input.notApplicable = true
        input.periodPart = true
        compiled.partInputs.append(inputs.count)
        compiled.partSlots.append(slot)
        inputs.append(input)
      }
      inputGroups[id] = parts
      pending.append((object, compiled, checks, minimum, maximum))
    }
    for (object, compiledPeriod, checks, minimum, maximum) in pending {
      var compiled = compiledPeriod
      // A missing period counted as 0 can pull the aggregate down to 0.
      let lowest = compiled.missing == .zero ? Swift.min(ExactDecimal.zero, minimum) : minimum
      // A period counts at most `maxPerPeriod`.
      let highest = Swift.max(lowest, compiled.maxPerPeriod.map { Swift.min($0, maximum) } ?? maximum)
      let count = ExactDecimal(compiled.partSlots.count)
      let range: (ExactDecimal, ExactDecimal)
      if compiled.aggregate == .sum {
        // A sum of n parts lies between n × the least and n × the most (either may be negative).
        let ends = [lowest.multiplyingOrSame(by: count), lowest, highest.multiplyingOrSame(by: count), highest]
        range = (ends.min()!, ends.max()!)
      } else {
        range = (lowest, highest)
      }
      let partPlaces = compiled.partSlots.first.flatMap { symbols[$0].places }
      let places =
        compiled.precision ?? (compiled.aggregate == .average ? ExactDecimal.divisionFractionDigits : partPlaces)
      compiled.slot = declare(
        compiled.id, label: compiled.label, type: .number, range: range, places: places, at: object["id"] ?? object.node)
      for (check, checkID, checkLabel, below) in checks {
        let slot = declare(
          checkID, label: checkLabel, type: .number, range: (.zero, count), places: 0, at: check["id"] ?? check.node)
        compiled.checks.append(CompiledPeriodCheck(id: checkID, label: checkLabel, slot: slot, below: below))
      }
      periods.append(compiled)
    }
  }
}
