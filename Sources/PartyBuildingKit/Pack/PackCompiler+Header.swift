extension PackCompiler {
  static let topKeys = [
    "formatVersion", "id", "version", "title", "description", "source", "effective", "subjectKinds", "precision", "displayPlaces",
    "rounding", "fullMarks", "weightsNote", "inputs", "values", "components", "vetoes", "grades", "stars",
    "consequences", "cohort", "ballots", "periods", "ledger", "tests", "note", "$schema", "requires", "outcomes", "checks", "previous",
    "links",
  ]

  /// Reads the whole document; problems go to the sink.
  mutating func read(_ root: Node) {
    guard case .object(let object) = root.value.content else {
      root.error(Message(.packIsNotAnObject, root.value.kindMessage))
      return
    }
    // The format version decides how to read the rest: check it first, alone.
    if let versionValue = object["formatVersion"] {
      let node = Node(value: versionValue, pointer: root.pointer.appending("formatVersion"), sink: sink)
      guard let version = node.integer(.quoted("formatVersion"), in: 1...Int(Int32.max)) else { return }
      if version > Self.supportedFormatVersion {
        node.error(
          Message(.formatVersionTooNew, version, Self.supportedFormatVersion)
        )
        return
      }
      metadata.formatVersion = version
    } else {
      root.error(Message(.formatVersionMissing))
    }
    guard let top = root.object(Message(.whatRulePack), keys: Self.topKeys) else { return }
    readHeader(top)
    if let node = top["requires"] { readRequires(node, provided: provided) }
    if let value = top["precision"] { precision = value.integer(.quoted("precision"), in: 0...6) ?? precision }
    displayPlaces = top["displayPlaces"]?.integer(.quoted("displayPlaces"), in: 0...12)
    if let node = top["rounding"], let text = node.string(.quoted("rounding")) {
      if let rule = RoundingRule(rawValue: text) {
        rounding = rule
      } else {
        node.error(
          Message(.unknownRounding, text, Spelling.didYouMeanMessage(text, among: RoundingRule.allCases.map(\.rawValue)), MessageArgument.list(RoundingRule.allCases.map(\.rawValue)))
        )
      }
    }
    if let value = top.decimal("fullMarks") { fullMarks = value } else if !top.has("fullMarks") {
      top.missing("fullMarks", Message(.hintFullMarks))
    }
    if let nodes = top.array("inputs") { readInputs(nodes) } else if !top.has("inputs") {
      top.missing("inputs", Message(.hintInputs))
    }
    if let nodes = top.array("links") { readLinks(nodes) }
    if let node = top["ballots"] { readBallots(node) }
    if let nodes = top.array("periods") { readPeriods(nodes) }
    if let node = top["ledger"] { readLedger(node) }
    if let node = top["previous"] { readPrevious(node, top: top) }
    if let nodes = top.array("values") { readValues(nodes) }
    if let nodes = top.array("checks") { readChecks(nodes) }
    if let nodes = top.array("components") {
      readComponents(nodes, weightsNote: top.string("weightsNote"), at: top)
    } else if !top.has("components") {
      top.missing("components", Message(.hintComponents))
    }
    declareResults()
    if let nodes = top.array("vetoes") { readVetoes(nodes) }
    if let node = top["grades"] { readGrades(node) }
    resolveVetoGrades()
    declareFinal()
    if let node = top["stars"] { readStars(node) }
    checkStarVetoes()
    if let nodes = top.array("outcomes") { readOutcomes(nodes) }
    let consequenceNodes = top.array("consequences")
    if let nodes = consequenceNodes { readConsequences(nodes) }
    if let node = top["cohort"] { readCohort(node) }
    // `onLabels` names the cohort's labels, read after the consequences.
    if let nodes = consequenceNodes { readConsequenceLabels(nodes, cohortGiven: top.has("cohort")) }
    analyseNotApplicable(top)
    if let nodes = top.array("tests") {
      tests = nodes
      allowedTestInputKeys = inputs.map(\.declaration.id) + inputGroups.keys.sorted()
    }
  }

  mutating func readHeader(_ top: ObjectNode) {
    metadata.id = top.requiredString("id", Message(.hintPackID)) ?? ""
    if !metadata.id.isEmpty,
      !metadata.id.unicodeScalars.allSatisfy({
        ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == "."
      })
    {
      top["id"]?.error(Message(.packIDCharacters, metadata.id))
    }
    metadata.version = top.requiredString("version", Message(.hintPackVersion)) ?? ""
    metadata.title = top.requiredString("title", Message(.hintTitle)) ?? ""
    metadata.description = top.string("description") ?? ""
    if let node = top["source"],
      let source = node.object(Message(.whatSourceDocument), keys: ["document", "issuer", "excerpt", "url", "note"])
    {
      metadata.sourceDocument =
        source.requiredString("document", Message(.hintSourceDocumentTitle)) ?? ""
      metadata.sourceIssuer = source.string("issuer") ?? ""
      metadata.sourceExcerpt = source.string("excerpt") ?? ""
      metadata.sourceURL = source.string("url") ?? ""
    } else if !top.has("source") {
      top.missing("source", Message(.hintSource))
    }
    if let node = top["effective"], let effective = node.object(Message(.whatEffectiveDates), keys: ["from", "until", "note"]) {
      metadata.effectiveFrom = effective.requiredString("from", Message(.hintFromDate)) ?? ""
      metadata.effectiveUntil = effective.string("until") ?? ""
      for (key, text) in [("from", metadata.effectiveFrom), ("until", metadata.effectiveUntil)]
      where !text.isEmpty && !Self.isDate(text) {
        effective[key]?.error(Message(.notADate, text))
      }
      if Self.isDate(metadata.effectiveFrom), Self.isDate(metadata.effectiveUntil),
        metadata.effectiveUntil < metadata.effectiveFrom
      {
        effective["until"]?.error(Message(.packEndsBeforeItStarts, metadata.effectiveUntil, metadata.effectiveFrom))
      }
    }
    if let nodes = top.array("subjectKinds") {
      metadata.subjectKinds = nodes.compactMap { $0.string(Message(.whatSubjectKind)) }
    }
  }

  static func isDate(_ text: String) -> Bool {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let month = Int(parts[1]), let day = Int(parts[2]), Int(parts[0]) != nil
    else { return false }
    return (1...12).contains(month) && (1...31).contains(day)
  }

  // MARK: - Inputs and values

  static let inputKeys = [
    "id", "label", "type", "unit", "min", "max", "places", "choices", "required", "default", "whenMissing", "step",
    "appliesTo", "exampleValue", "note",
  ]

  mutating func readInputs(_ nodes: [Node]) {
    var classInputs: [(ObjectNode, Int)] = []
    for node in nodes {
      guard let object = node.object(Message(.whatInput), keys: Self.inputKeys) else { continue }
      noteExample(object)
      guard let id = object.requiredString("id", Message(.hintInputID)) else {
        continue
      }
      let label = object.string("label") ?? id
      // A problem with the type, range or choices leaves the input's name unknown to formulas.
      let errorsBeforeShape = sink.errorCount
      var type = InputDeclaration.ValueType.number
      if let typeNode = object["type"], let text = typeNode.string(.quoted("type")) {
        if let parsed = InputDeclaration.ValueType(rawValue: text) {
          type = parsed
        } else {
          let names = ["number", "integer", "boolean", "choice"]
          typeNode.error(
            Message(.unknownInputType, text, Spelling.didYouMeanMessage(text, among: names), MessageArgument.list(names))
          )
        }
      } else if !object.has("type") {
        object.missing("type", Message(.hintInputType))
      }
      var declaration = InputDeclaration(id: id, label: label, type: type, unit: object.string("unit") ?? "")
      declaration.minimum = object.decimal("min")
      declaration.maximum = object.decimal("max")
      if type == .integer {
        for (key, bound) in [("min", declaration.minimum), ("max", declaration.maximum)] {
          if let bound, !bound.isInteger { object[key]?.error(Message(.integerBoundNotWhole, key)) }
        }
      }
      if let low = declaration.minimum, let high = declaration.maximum, low > high {
        object["min"]?.error(Message(.minAboveMax, low, high))
      }
      declaration.places = readPlaces(object, type: type, minimum: declaration.minimum, maximum: declaration.maximum)
      if (type == .boolean || type == .choice), object.has("min") || object.has("max") {
        node.error(Message(.noMinMaxForType, type.rawValue))
      }
      if type == .choice {
        if let choiceNodes = object.array("choices") {
          declaration.choices = choiceNodes.compactMap { $0.string(Message(.whatChoice)) }
          if declaration.choices.isEmpty { object["choices"]?.error(Message(.giveAChoice)) }
          if Set(declaration.choices).count != declaration.choices.count {
            object["choices"]?.error(Message(.choicesRepeat))
          }
        } else if !object.has("choices") {
          object.missing("choices", Message(.hintChoices))
        }
      } else if object.has("choices") {
        object["choices"]?.error(Message(.choicesOnlyForChoice))
      }
      if sink.errorCount != errorsBeforeShape { sink.markUnknown(.name(id)) }
      let required = object.bool("required")
      var defaultSlot: ExactDecimal?
      var notApplicable = false
      if let missingNode = object["whenMissing"], let text = missingNode.string(.quoted("whenMissing")) {
        if text == "notApplicable" {
          notApplicable = true
          for key in ["required", "default"] where object.has(key) {
            object[key]?.error(Message(.notApplicableHasNo, key))
          }
        } else {
          missingNode.error(
            Message(.unknownWhenMissing, text, Spelling.didYouMeanMessage(text, among: ["notApplicable"])))
        }
      }
      if notApplicable {
        declaration.required = false
      } else if let defaultNode = object["default"] {
        if required == true {
          defaultNode.error(Message(.requiredAndDefault))
        }
        if let value = Self.inputValue(of: defaultNode) {
          switch InputCoercion.problemOrValue(value, for: declaration) {
          case .success(let slotValue):
            declaration.defaultValue = value
            defaultSlot = slotValue
          case .failure(let problem): defaultNode.error(Message(.theDefault, problem.message))
          }
        } else {
          defaultNode.error(Message(.defaultKind, defaultNode.value.kindMessage))
        }
        declaration.required = false
      } else {
        if required == nil {
          object.missing(
            "required", Message(.hintRequired))
        }
        if required == false {
          object["required"]?.error(
            Message(.optionalNeedsDefault))
        }
        declaration.required = true
      }
      let (formulaType, range, choices) = Self.formulaShape(of: declaration)
      let places = type == .integer ? 0 : (type == .number ? declaration.places : 0)
      let slot = declare(
        id, label: label, type: formulaType, range: range, choices: choices, places: places, at: object["id"] ?? node)
      var compiled = CompiledInput(declaration: declaration, slot: slot, defaultSlotValue: defaultSlot, notApplicable: notApplicable)
      compiled.step = readStep(object, type: type)
      inputs.append(compiled)
      if object.has("appliesTo") {
        classInputs.append((object, inputs.count - 1))
        classInputIDs.insert(id)
      }
    }
    // Which inputs apply only to a class of subject: read once every input is declared (a condition may name a
    // later one).
    for (object, index) in classInputs {
      inputs[index].appliesTo = applicability(object, what: Message(.placeInput, inputs[index].declaration.id))
    }
  }

  /// What formulas know of an input's name: its type, its range (a boolean is 0…1, a choice the index of one of its
  /// choices) and, for a choice, the texts.
  static func formulaShape(of declaration: InputDeclaration) -> (
    type: FormulaType, range: (low: ExactDecimal, high: ExactDecimal)?, choices: [String]?
  ) {
    switch declaration.type {
    case .number, .integer:
      guard let low = declaration.minimum, let high = declaration.maximum else { return (.number, nil, nil) }
      return (.number, (low, high), nil)
    case .boolean:
      return (.boolean, (0, 1), nil)
    case .choice:
      let range = declaration.choices.isEmpty ? nil : (ExactDecimal.zero, ExactDecimal(declaration.choices.count - 1))
      return (.text, range, declaration.choices)
    }
  }

  /// Reads the `appliesTo` of an input or component: a condition on inputs every subject has (required, or with a
  /// default, and applying to everyone), so that whether it holds is known before anything is scored.
  func applicability(_ object: ObjectNode, what: Message) -> Formula? {
    guard let node = object["appliesTo"], let source = object.formula("appliesTo") else { return nil }
    let inputScope = FormulaScope(inputs.map { symbols[$0.slot] }, table: nil)
    guard let formula = compile(source, in: inputScope, expecting: .boolean, what: what) else { return nil }
    for name in formula.references {
      guard let input = inputs.first(where: { $0.declaration.id == name }) else { continue }
      if classInputIDs.contains(name) || input.notApplicable || (input.defaultSlotValue == nil && !input.declaration.required) {
        node.error(Message(.appliesToReadsPartialInput, what, name))
        return nil
      }
    }
    if let constant = formula.constantValue {
      node.error(Message(constant.isZero ? .appliesToNever : .appliesToAlways, what))
      return nil
    }
    return formula
  }

  /// Reads an input's `places`: the most decimal places its values have (0…18). Only numbers have it; an integer
  /// has 0 already, so it may say 0 and nothing else; `min` and `max` must not have more.
  func readPlaces(
    _ object: ObjectNode, type: InputDeclaration.ValueType, minimum: ExactDecimal?, maximum: ExactDecimal?
  ) -> Int? {
    guard let node = object["places"] else { return nil }
    guard type == .number || type == .integer else {
      node.error(Message(.placesOnlyForNumber))
      return nil
    }
    guard let places = node.integer(.quoted("places"), in: 0...ExactDecimal.maxScale) else { return nil }
    if type == .integer, places != 0 {
      node.error(Message(.integerHasNoPlaces))
      return nil
    }
    for (key, bound) in [("min", minimum), ("max", maximum)] {
      if let bound, bound.normalized().scale > places {
        object[key]?.error(
          Message(.boundHasMorePlaces, key, bound, bound.normalized().scale, places))
      }
    }
    return places
  }

  /// A JSON value as an input value (numbers stay exact text).
  static func inputValue(of node: Node) -> InputValue? {
    switch node.value.content {
    case .number(let text): ExactDecimal(text).map(InputValue.number)
    case .bool(let flag): .boolean(flag)
    case .string(let text): .text(text)
    default: nil
    }
  }

  mutating func readValues(_ nodes: [Node]) {
    // Declare every value first, so that values may use each other in any order; then compile them in dependency
    // order, each in one scope that learns each value's type and range as it is compiled (linear in the number of
    // values: no scope is rebuilt and no name is searched for).
    var pending: [(node: ObjectNode, slot: Int, id: String, label: String, source: FormulaSource)] = []
    for node in nodes {
      guard let object = node.object(Message(.whatComputedValue), keys: ["id", "label", "formula", "exampleValue", "note"])
      else { continue }
      noteExample(object)
      guard let id = object.requiredString("id", Message(.hintValueID)) else { continue }
      guard let source = object.formula("formula") else {
        if !object.has("formula") { object.missing("formula", Message(.hintValueFormula)) }
        sink.markUnknown(.name(id))
        continue
      }
      let label = object.string("label") ?? id
      let slot = declare(id, label: label, type: .number, range: nil, at: object["id"] ?? node)
      pending.append((object, slot, id, label, source))
    }
    // Which values each value uses, from its text alone (a formula that does not parse reports when compiled).
    var indexByName: [String: Int] = [:]
    for (index, item) in pending.enumerated() where indexByName[item.id] == nil { indexByName[item.id] = index }
    let dependencies = pending.map { item in
      (Formula.names(in: item.source.text) ?? []).compactMap { indexByName[$0] }
    }
    let order = dependencyOrder(dependencies) { cycle in
      let names = cycle.map { pending[$0].id }.joined(separator: " → ")
      pending[cycle[0]].node.node.error(
        Message(.valuesCircular, names))
      for index in cycle { sink.markUnknown(.name(pending[index].id)) }
    }
    var valueScope = scope(upTo: symbols.count)
    for index in order {
      let item = pending[index]
      guard let formula = compile(item.source, in: valueScope, expecting: nil, what: Message(.whatValueNamed, item.id)) else {
        sink.markUnknown(.name(item.id))
        continue
      }
      symbols[item.slot].type = formula.type
      symbols[item.slot].choices = formula.choices
      let bounds = formula.bounds()
      if formula.type == .number, let low = bounds.lower, let high = bounds.upper, low <= high {
        symbols[item.slot].range = low...high
      }
      if formula.type == .number { symbols[item.slot].places = formula.places }
      if formula.type == .boolean { symbols[item.slot].range = 0...1 }
      valueScope.update(symbols[item.slot])
      values.append(
        CompiledValue(id: item.id, label: item.label, slot: item.slot, formula: formula, facts: facts(of: [formula])))
    }
  }

  /// The items in an order where each comes after those it depends on: a depth-first walk from each item in turn,
  /// without recursion (a chain of thousands of values stays off the call stack). Each circle found is passed to
  /// `cycle` (its items in order, the first repeated at the end) and left out, with what depends on it.
  func dependencyOrder(_ dependencies: [[Int]], cycle: ([Int]) -> Void) -> [Int] {
    var order: [Int] = []
    var done = [Bool](repeating: false, count: dependencies.count)
    var place = [Int](repeating: -1, count: dependencies.count)  // position on the walk's stack, or -1
    var stack: [(item: Int, next: Int)] = []
    for root in dependencies.indices where !done[root] {
      stack.append((root, 0))
      place[root] = 0
      while let top = stack.last {
        let item = top.item
        if top.next < dependencies[item].count {
          let dependency = dependencies[item][top.next]
          stack[stack.count - 1].next += 1
          if done[dependency] { continue }
          if place[dependency] >= 0 {
            // A circle: the walk from `dependency` back to it. Its items are left out; the items below it on the
            // stack use it, so they are compiled later and find it unknown.
            let members = stack[place[dependency]...].map(\.item)
            cycle(members + [dependency])
            for member in members {
              done[member] = true
              place[member] = -1
            }
            stack.removeLast(members.count)
            continue
          }
          place[dependency] = stack.count
          stack.append((dependency, 0))
        } else {
          stack.removeLast()
          place[item] = -1
          done[item] = true
          order.append(item)
        }
      }
    }
    return order
  }

  func compileQuietly(_ text: String, in scope: FormulaScope) -> Formula? {
    try? Formula.compile(text, in: scope).get()
  }
}
