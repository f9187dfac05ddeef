extension PackCompiler {
  /// Declares the names of results (sections and components are declared with them): the total.
  mutating func declareResults() {
    func most(_ component: CompiledComponent) -> ExactDecimal {
      let bonus = sections[component.sections].filter(\.isBonus).reduce(ExactDecimal.zero) {
        (try? $0.adding($1.fullMarks)) ?? $0
      }
      return (try? component.fullMarks.adding(bonus)) ?? component.fullMarks
    }
    var highest = components.reduce(ExactDecimal.zero) { sum, component in
      (try? sum.adding(most(component).multiplyingOrSame(by: component.weight))) ?? sum
    }
    if components.contains(where: { $0.appliesTo != nil }) {
      // Scaled to the full marks over the components that apply: at most the full marks × the largest share of its
      // own full marks a component can reach (above 1 only with a bonus).
      var ratio = ExactDecimal.one
      for component in components where component.fullMarks > .zero {
        if let share = try? most(component).dividing(by: component.fullMarks), share > ratio { ratio = share }
      }
      highest = (try? fullMarks.multiplying(by: ratio)) ?? highest
    }
    highestTotal = highest
    totalSlot = declare(
      "total", label: "总分", type: .number, range: unboundedTotal ? nil : (lowestTotal, highest), places: precision,
      at: rootNode)
  }

  /// Declares the names available once the grade is known: grade and stars.
  mutating func declareFinal() {
    gradeSlot = declare(
      "grade", label: "等次", type: .text, range: (.zero, ExactDecimal(bands.count)),
      choices: bands.map(\.grade) + [Self.noGradeLabel], at: rootNode)
    starsSlot = declare("stars", label: "星级", type: .number, range: (.zero, ExactDecimal(10)), places: 0, at: rootNode)
    // The result before any veto moved it, for consequences and outcomes that depend on it (a D grade marked with the
    // grade it had before the downgrade).
    gradeByScoreSlot = declare(
      "gradeByScore", label: "按分数等次", type: .text, range: (.zero, ExactDecimal(bands.count)),
      choices: bands.map(\.grade) + [Self.noGradeLabel], at: rootNode)
    totalByScoreSlot = declare(
      "totalByScore", label: "否决前总分", type: .number, range: symbols[totalSlot].range.map { ($0.lowerBound, $0.upperBound) },
      places: precision, at: rootNode)
  }

  static let noGradeLabel = "不定等次"

  static let effects = ["zeroTotal", "noGrade", "capGrade", "setGrade", "setStars"]

  mutating func readVetoes(_ nodes: [Node]) {
    let resultScope = scope(upTo: symbols.count)
    var vetoIDs: Set<String> = []
    for node in nodes {
      guard
        let object = node.object(
          Message(.whatVeto), keys: ["id", "label", "when", "effect", "grade", "stars", "score", "capStars", "exampleValue", "note"])
      else { continue }
      noteExample(object)
      guard let id = object.requiredString("id", Message(.hintVetoID)) else { continue }
      if !vetoIDs.insert(id).inserted { object["id"]?.error(Message(.vetoIDTwice, id)) }
      let label = object.string("label") ?? id
      let when = requiredFormula(
        object, "when", in: resultScope, type: .boolean, what: Message(.placeVeto, id), hint: Message(.hintVetoWhen))
      guard let effectNode = object["effect"], let effectText = effectNode.string(.quoted("effect")) else {
        if !object.has("effect") {
          object.missing(
            "effect",
            Message(.hintVetoEffect))
        }
        continue
      }
      var effect: VetoEffect?
      var pendingGrade: (grade: String, node: Node, cap: Bool)?
      switch effectText {
      case "zeroTotal": effect = .zeroTotal
      case "noGrade": effect = .noGrade
      case "capGrade", "setGrade":
        // Grades are read after vetoes; keep the name and resolve it once the bands are known.
        if let grade = object.requiredString("grade", Message(.hintVetoGrade)) {
          pendingGrade = (grade, object["grade"]!, effectText == "capGrade")
          effect = .capGrade(-1)
        }
      case "setStars":
        if let stars = object["stars"]?.integer(.quoted("stars"), in: 0...10) {
          effect = .setStars(stars)
          pendingStarVetoes.append((stars, object["stars"]!))
        } else if !object.has("stars") {
          object.missing("stars", Message(.hintVetoStars))
        }
      default:
        effectNode.error(
          Message(.unknownVetoEffect, effectText, Spelling.didYouMeanMessage(effectText, among: Self.effects), MessageArgument.list(Self.effects))
        )
      }
      if effectText != "capGrade", effectText != "setGrade", object.has("grade") {
        object["grade"]?.error(Message(.gradeOnlyForGradeEffects))
      }
      if effectText != "setStars", object.has("stars") {
        object["stars"]?.error(Message(.starsOnlyForSetStars))
      }
      var score = VetoScore.keep
      if let scoreNode = object["score"], let scoreText = scoreNode.string(.quoted("score")) {
        if let value = VetoScore(rawValue: scoreText) {
          score = value
        } else {
          scoreNode.error(
            Message(.unknownVetoScore, scoreText, Spelling.didYouMeanMessage(scoreText, among: VetoScore.allCases.map(\.rawValue))))
        }
        if effectText != "capGrade", effectText != "setGrade" {
          scoreNode.error(Message(.scoreOnlyForGradeEffects))
        }
      }
      let capStars = object["capStars"]?.integer(.quoted("capStars"), in: 0...10)
      guard let when, let effect else {
        // Reported above (or its condition uses something unknown): what names the veto is not reported again.
        sink.markUnknown(.veto(id))
        if let pendingGrade { pendingVetoGrades.append((nil, pendingGrade.grade, pendingGrade.node, pendingGrade.cap)) }
        continue
      }
      if let pendingGrade { pendingVetoGrades.append((vetoes.count, pendingGrade.grade, pendingGrade.node, pendingGrade.cap)) }
      var veto = CompiledVeto(id: id, label: label, when: when, effect: effect, capStars: capStars, facts: facts(of: [when]))
      veto.score = score
      veto.site = PackSite(object, condition: "when")
      vetoes.append(veto)
    }
  }

  /// Gives each capGrade/setGrade veto the index of the grade it names, or reports the name.
  mutating func resolveVetoGrades() {
    for pending in pendingVetoGrades {
      guard let index = bands.firstIndex(where: { $0.grade == pending.grade }) else {
        if sink.isUnknown(.grade(pending.grade)) { continue }
        if bands.isEmpty, rootNode.value.objectValue?["grades"] == nil {
          pending.node.error(
            Message(.noGradesForVeto, pending.grade))
        } else {
          pending.node.error(
            Message(.noSuchGrade, pending.grade, Spelling.didYouMeanMessage(pending.grade, among: bands.map(\.grade)), MessageArgument.list(bands.map(\.grade))))
        }
        continue
      }
      if let veto = pending.veto { vetoes[veto].effect = pending.cap ? .capGrade(index) : .setGrade(index) }
    }
    pendingVetoGrades = []
  }

  mutating func readGrades(_ node: Node) {
    // Grades that cannot be read leave every grade name unknown: what names a grade is not reported again.
    func unknownGrades() {
      sink.gradesUnknown = true
      sink.markUnknown(.name("grade"))
    }
    guard let object = node.object(Message(.whatGrades), keys: ["bands", "note"]) else { return unknownGrades() }
    guard let bandNodes = object.array("bands") else {
      if !object.has("bands") { object.missing("bands", Message(.hintGrades)) }
      return unknownGrades()
    }
    if bandNodes.isEmpty {
      object["bands"]?.error(
        Message(.giveABand))
      return unknownGrades()
    }
    var seen: Set<String> = []
    // After a band that cannot be read, the next band's 'below' is not compared with an earlier one.
    var previousRead = true
    defer {
      // Formulas comparing 'grade' with a name are checked against the bands: a band not read makes that unknown.
      if sink.gradesUnknown || bands.count != bandNodes.count { sink.markUnknown(.name("grade")) }
    }
    for (index, bandNode) in bandNodes.enumerated() {
      guard
        let band = bandNode.object(
          Message(.whatGradeBand), keys: ["grade", "min", "below", "max", "when", "exampleValue", "note"])
      else {
        sink.gradesUnknown = true
        previousRead = false
        continue
      }
      noteExample(band)
      guard let grade = band.requiredString("grade", Message(.hintGradeName)) else {
        sink.gradesUnknown = true
        previousRead = false
        continue
      }
      guard let minimum = band.decimal("min") ?? { band.missing("min", Message(.hintBandMin)); return nil }()
      else {
        sink.markUnknown(.grade(grade))
        previousRead = false
        continue
      }
      defer { previousRead = bands.last?.grade == grade }
      if !seen.insert(grade).inserted { band["grade"]?.error(Message(.gradeListedTwice, grade)) }
      let below = band.decimal("below")
      let maximum = band.decimal("max")
      if index == 0 {
        if below != nil { band["below"]?.error(Message(.topBandBelow)) }
        if let maximum, unboundedTotal {
          band["max"]?.error(
            Message(.topBandMaxUnbounded, maximum))
        } else if let maximum, maximum < highestTotal, !sink.isUnknown(.name("total")) {
          band["max"]?.error(
            Message(.topBandMaxTooLow, maximum, highestTotal, maximum))
        }
      } else {
        if maximum != nil { band["max"]?.error(Message(.maxOnlyForTopBand)) }
        guard let below else {
          band.missing("below", Message(.hintBandBelow))
          sink.markUnknown(.grade(grade))
          continue
        }
        if let previous = bands.last, previousRead {
          if below < previous.minimum {
            band["below"]?.error(
              Message(.bandGap, below, previous.minimum, previous.minimum))
          } else if below > previous.minimum {
            band["below"]?.error(
              Message(.bandOverlap, previous.minimum, below, previous.grade, grade, previous.minimum))
          }
        }
        if minimum >= below { band["min"]?.error(Message(.minNotBelowBelow, minimum, below)) }
      }
      var compiled = CompiledBand(grade: grade, minimum: minimum, below: below, maximum: maximum)
      if let source = band.formula("when") {
        if index == bandNodes.count - 1 {
          band["when"]?.error(
            Message(.lowestBandWhen, grade))
        }
        compiled.when = compile(source, in: scope(upTo: totalSlot + 1), expecting: .boolean, what: Message(.placeBand, grade))
        compiled.whenFacts = facts(of: [compiled.when])
      }
      compiled.site = PackSite(band, condition: "when")
      bands.append(compiled)
    }
    if let lowest = bands.last, lowest.minimum > .zero, previousRead {
      object["bands"]?.error(
        Message(.bandsDoNotReachZero, lowest.minimum))
    } else if let lowest = bands.last, lowestTotal < lowest.minimum, previousRead, !sink.isUnknown(.name("total")) {
      // A floor below 0 lets the total fall below the lowest band: such a subject would have no grade.
      let floors = negativeFloors.map { "'\($0.id)' \($0.floor)" }.joined(separator: ", ")
      var node = object["bands"]
      if let last = bandNodes.last, let value = last.value.objectValue?["min"] {
        node = Node(value: value, pointer: last.pointer.appending("min"), sink: sink)
      }
      node?.error(
        Message(.totalsBelowLowestBand, lowestTotal, floors, lowest.minimum, lowestTotal))
    }
  }

  mutating func readStars(_ node: Node) {
    guard let object = node.object(Message(.whatStars), keys: ["items", "levels", "note"]) else { return }
    let itemScope = scope(upTo: totalSlot + 1)
    var items: [CompiledStarItem] = []
    var itemNodes: [Node] = []  // parallel to items
    var itemIDs: Set<String> = []
    // An item not read leaves the count of items unknown: levels are not checked against it.
    var itemsBroken = false
    for itemNode in object.array("items") ?? [] {
      guard
        let item = itemNode.object(
          Message(.whatStarItem), keys: ["id", "label", "scope", "earnedWhen", "capIfMissing", "exampleValue", "note"])
      else {
        itemsBroken = true
        continue
      }
      noteExample(item)
      guard let id = item.requiredString("id", Message(.hintStarItemID)) else {
        itemsBroken = true
        continue
      }
      if !itemIDs.insert(id).inserted { item["id"]?.error(Message(.starItemListedTwice, id)) }
      let scopeText = item.string("scope") ?? "common"
      if scopeText != "common", scopeText != "local" {
        item["scope"]?.error(Message(.hintStarScope))
      }
      guard
        let earned = requiredFormula(
          item, "earnedWhen", in: itemScope, type: .boolean, what: Message(.placeStarItem, id), hint: Message(.hintStarEarnedWhen))
      else {
        sink.markUnknown(.starItem(id))
        itemsBroken = true
        continue
      }
      itemNodes.append(itemNode)
      items.append(
        CompiledStarItem(
          id: id, label: item.string("label") ?? id, scope: scopeText, earnedWhen: earned,
          capIfMissing: item["capIfMissing"]?.integer(.quoted("capIfMissing"), in: 0...10), facts: facts(of: [earned]),
          site: PackSite(item, condition: "earnedWhen")))
    }
    var levels: [CompiledStarLevel] = []
    // A level not read leaves the list of levels unknown: 'capIfMissing' and setStars are not checked against it.
    var levelsBroken = false
    let levelScope = scope(upTo: totalSlot + 1)
    for levelNode in object.array("levels") ?? [] {
      guard let level = levelNode.object(Message(.whatStarLevel), keys: ["stars", "minItems", "when", "exampleValue", "note"])
      else {
        levelsBroken = true
        continue
      }
      noteExample(level)
      guard let stars = level["stars"]?.integer(.quoted("stars"), in: 1...10) else {
        if !level.has("stars") { level.missing("stars", Message(.hintStarLevel)) }
        levelsBroken = true
        continue
      }
      let minItems = level["minItems"]?.integer(.quoted("minItems"), in: 0...1000) ?? 0
      if minItems > items.count, !itemsBroken {
        level["minItems"]?.error(Message(.starLevelUnreachable, stars, minItems, items.count))
      }
      if levels.contains(where: { $0.stars == stars }) { level["stars"]?.error(Message(.starLevelListedTwice, stars)) }
      let when = level.formula("when").flatMap { compile($0, in: levelScope, expecting: .boolean, what: Message(.placeStarLevel, stars)) }
      if !level.has("minItems"), !level.has("when") {
        level.missing("minItems", Message(.hintMinItems))
      }
      levels.append(CompiledStarLevel(stars: stars, minItems: minItems, when: when, site: PackSite(level, condition: "when")))
    }
    if !object.has("levels") { object.missing("levels", Message(.hintStarLevels)) }
    levels.sort { $0.stars > $1.stars }
    for (item, itemNode) in zip(items, itemNodes) {
      if let cap = item.capIfMissing, cap != 0, !levels.contains(where: { $0.stars == cap }), !levelsBroken {
        itemNode.error(Message(.capIfMissingNotALevel, cap))
      }
    }
    stars = CompiledStars(items: items, levels: levels)
    starLevelsUnknown = levelsBroken || (object.has("levels") && object["levels"]?.value.arrayValue == nil)
  }

  /// Checks that each `setStars` veto names a star level the pack has (or 0).
  mutating func checkStarVetoes() {
    for pending in pendingStarVetoes {
      guard let stars else {
        pending.node.error(Message(.setStarsWithoutStars))
        continue
      }
      if pending.stars != 0, !stars.levels.contains(where: { $0.stars == pending.stars }), !starLevelsUnknown {
        pending.node.error(
          Message(.noSuchStarLevel, pending.stars, stars.levels.map { String($0.stars) }.joined(separator: ", ")))
      }
    }
    pendingStarVetoes = []
  }

  mutating func readConsequences(_ nodes: [Node]) {
    let finalScope = scope(upTo: symbols.count)
    var vetoIndex: [String: Int] = [:]
    for (index, veto) in vetoes.enumerated() where vetoIndex[veto.id] == nil { vetoIndex[veto.id] = index }
    for node in nodes {
      guard
        let object = node.object(
          Message(.whatConsequence),
          keys: ["id", "label", "onGrades", "onNoGrade", "onVetoes", "onVoid", "onLabels", "when", "exampleValue", "note"])
      else { continue }
      noteExample(object)
      guard let id = object.requiredString("id", Message(.hintConsequenceID)) else { continue }
      let label = object.requiredString("label", Message(.hintConsequenceLabel)) ?? id
      var onGrades: [Int] = []
      for gradeNode in object.array("onGrades") ?? [] {
        guard let grade = gradeNode.string(Message(.whatGrade)) else { continue }
        if let index = bands.firstIndex(where: { $0.grade == grade }) { onGrades.append(index) } else if !sink.isUnknown(.grade(grade)) {
          gradeNode.error(
            Message(.noSuchGrade, grade, Spelling.didYouMeanMessage(grade, among: bands.map(\.grade)), MessageArgument.list(bands.map(\.grade))))
        }
      }
      var onVetoes: [Int] = []
      for vetoNode in object.array("onVetoes") ?? [] {
        guard let veto = vetoNode.string(Message(.whatVetoID)) else { continue }
        if let index = vetoIndex[veto] { onVetoes.append(index) } else if !sink.isUnknown(.veto(veto)) {
          vetoNode.error(
            Message(.noSuchVeto, veto, Spelling.didYouMeanMessage(veto, among: vetoes.map(\.id)), MessageArgument.list(vetoes.map(\.id))))
        }
      }
      let when = object.formula("when").flatMap {
        compile($0, in: finalScope, expecting: .boolean, what: Message(.placeConsequence, id))
      }
      let onNoGrade = object.bool("onNoGrade") ?? false
      let onVoid = object.bool("onVoid") ?? false
      if onVoid, ballots?.quorum == nil, ballots?.issued == nil {
        object["onVoid"]?.error(Message(.noResultCanBeVoid))
      }
      if !object.has("onGrades"), !object.has("onVetoes"), !object.has("when"), !onNoGrade, !onVoid, !object.has("onLabels") {
        node.error(Message(.consequenceNeverFollows, id))
      }
      var compiled = CompiledConsequence(id: id, label: label, onGrades: onGrades, onNoGrade: onNoGrade, onVetoes: onVetoes, when: when)
      compiled.onVoid = onVoid
      compiled.site = PackSite(object, condition: "when")
      consequences.append(compiled)
    }
  }
}

extension PackCompiler {
  static let outcomeKeys = ["id", "label", "formula", "exampleValue", "note"]

  /// Reads the numeric outcomes: numbers worked out from the result once the grade and stars are known (工作经费系数,
  /// 奖励金额), each usable by later outcomes and by consequences, written as a result column and explained.
  mutating func readOutcomes(_ nodes: [Node]) {
    for node in nodes {
      guard let object = node.object(Message(.whatOutcome), keys: Self.outcomeKeys) else { continue }
      noteExample(object)
      guard let id = object.requiredString("id", Message(.hintOutcomeID)) else {
        continue
      }
      let label = object.string("label") ?? id
      // Each outcome sees the result and the outcomes before it.
      let outcomeScope = scope(upTo: symbols.count)
      guard
        let formula = requiredFormula(
          object, "formula", in: outcomeScope, type: .number, what: Message(.placeOutcome, id),
          hint: Message(.hintOutcomeFormula))
      else {
        sink.markUnknown(.name(id))
        _ = declare(id, label: label, type: .number, range: nil, at: object["id"] ?? node)
        continue
      }
      let bounds = formula.bounds()
      let range = bounds.lower.flatMap { low in bounds.upper.map { (low, $0) } }
      let slot = declare(id, label: label, type: .number, range: range, places: formula.places, at: object["id"] ?? node)
      outcomes.append(CompiledValue(id: id, label: label, slot: slot, formula: formula, facts: facts(of: [formula])))
    }
  }
}

extension PackCompiler {
  static let checkKeys = ["id", "label", "rejectWhen", "message", "exampleValue", "note"]

  /// Reads the checks across inputs: conditions on the inputs and values that reject a subject whose data
  /// contradict each other (优秀票 + 合格票 + … more than 实到人数), with a message naming what it read.
  mutating func readChecks(_ nodes: [Node]) {
    let checkScope = scope(upTo: symbols.count)
    var ids: Set<String> = []
    for node in nodes {
      guard let object = node.object(Message(.whatCheck), keys: Self.checkKeys) else { continue }
      noteExample(object)
      guard let id = object.requiredString("id", Message(.hintCheckLabel)) else { continue }
      if !ids.insert(id).inserted { object["id"]?.error(Message(.checkIDTwice, id)) }
      let label = object.string("label") ?? id
      guard
        let formula = requiredFormula(
          object, "rejectWhen", in: checkScope, type: .boolean, what: Message(.placeCheck, id),
          hint: Message(.hintCheckWhen))
      else { continue }
      if let constant = formula.constantValue {
        object["rejectWhen"]?.error(
          constant.isZero
            ? Message(.checkNeverRejects)
            : Message(.checkRejectsAll))
        continue
      }
      checks.append(
        CompiledCheck(
          id: id, label: label, rejectWhen: formula, message: object.string("message"), facts: facts(of: [formula]),
          site: PackSite(object, condition: "rejectWhen")))
    }
  }
}
