extension PackCompiler {
  /// Declares the names of results (sections and components are declared with them): the total.
  mutating func declareResults() {
    let highest = components.reduce(ExactDecimal.zero) { sum, component in
      let bonus = sections[component.sections].filter(\.isBonus).reduce(ExactDecimal.zero) {
        (try? $0.adding($1.fullMarks)) ?? $0
      }
      let most = (try? component.fullMarks.adding(bonus)) ?? component.fullMarks
      return (try? sum.adding(most.multiplyingOrSame(by: component.weight))) ?? sum
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
          "a veto", keys: ["id", "label", "when", "effect", "grade", "stars", "score", "capStars", "exampleValue", "note"])
      else { continue }
      noteExample(object)
      guard let id = object.requiredString("id", "a short name the tests and consequences use") else { continue }
      if !vetoIDs.insert(id).inserted { object["id"]?.error("the veto id '\(id)' is used twice") }
      let label = object.string("label") ?? id
      let when = requiredFormula(
        object, "when", in: resultScope, type: .boolean, what: "veto '\(id)'", hint: "the condition that fires it")
      guard let effectNode = object["effect"], let effectText = effectNode.string(.quoted("effect")) else {
        if !object.has("effect") {
          object.missing(
            "effect",
            "zeroTotal (总分为0), noGrade (不定等次), capGrade (等次最高为 'grade'), setGrade (直接定为 'grade') or setStars (直接定为 'stars' 星)")
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
        if let grade = object.requiredString("grade", "the grade it caps at or sets, one of the grade bands") {
          pendingGrade = (grade, object["grade"]!, effectText == "capGrade")
          effect = .capGrade(-1)
        }
      case "setStars":
        if let stars = object["stars"]?.integer(.quoted("stars"), in: 0...10) {
          effect = .setStars(stars)
          pendingStarVetoes.append((stars, object["stars"]!))
        } else if !object.has("stars") {
          object.missing("stars", "the star level it sets, e.g. \"stars\": 5")
        }
      default:
        effectNode.error(
          "unknown veto effect '\(effectText)'\(Spelling.didYouMean(effectText, among: Self.effects)); use one of \(Self.effects.joined(separator: ", "))"
        )
      }
      if effectText != "capGrade", effectText != "setGrade", object.has("grade") {
        object["grade"]?.error("only capGrade and setGrade take a 'grade'")
      }
      if effectText != "setStars", object.has("stars") {
        object["stars"]?.error("only setStars takes 'stars'; to cap the star level use 'capStars'")
      }
      var score = VetoScore.keep
      if let scoreNode = object["score"], let scoreText = scoreNode.string(.quoted("score")) {
        if let value = VetoScore(rawValue: scoreText) {
          score = value
        } else {
          scoreNode.error(
            "unknown 'score' '\(scoreText)'\(Spelling.didYouMean(scoreText, among: VetoScore.allCases.map(\.rawValue))); use keep (总分不变), floorOfGrade (总分记为新等次的最低分) or capAtGradeTop (总分不超过新等次的最高分)")
        }
        if effectText != "capGrade", effectText != "setGrade" {
          scoreNode.error("only capGrade and setGrade change the grade, so only they take 'score' (what happens to the total)")
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
            "there is no grade '\(pending.grade)': the pack has no 'grades'; add the grade bands, or use another effect")
        } else {
          pending.node.error(
            "there is no grade '\(pending.grade)'\(Spelling.didYouMean(pending.grade, among: bands.map(\.grade))); the grades are \(bands.map(\.grade).joined(separator: ", "))")
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
    guard let object = node.object("the grades", keys: ["bands", "note"]) else { return unknownGrades() }
    guard let bandNodes = object.array("bands") else {
      if !object.has("bands") { object.missing("bands", "the grade bands, best first") }
      return unknownGrades()
    }
    if bandNodes.isEmpty {
      object["bands"]?.error(
        "give at least one band, e.g. [{\"grade\": \"合格\", \"min\": 60}, {\"grade\": \"不合格\", \"min\": 0, \"below\": 60}], or leave 'grades' out for no grades")
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
          "a grade band", keys: ["grade", "min", "below", "max", "when", "exampleValue", "note"])
      else {
        sink.gradesUnknown = true
        previousRead = false
        continue
      }
      noteExample(band)
      guard let grade = band.requiredString("grade", "the grade's name, e.g. \"优秀\"") else {
        sink.gradesUnknown = true
        previousRead = false
        continue
      }
      guard let minimum = band.decimal("min") ?? { band.missing("min", "the lowest score of the band (inclusive)"); return nil }()
      else {
        sink.markUnknown(.grade(grade))
        previousRead = false
        continue
      }
      defer { previousRead = bands.last?.grade == grade }
      if !seen.insert(grade).inserted { band["grade"]?.error("the grade '\(grade)' is listed twice") }
      let below = band.decimal("below")
      let maximum = band.decimal("max")
      if index == 0 {
        if below != nil { band["below"]?.error("the top band gives 'max' (inclusive), or nothing; not 'below'") }
        if let maximum, unboundedTotal {
          band["max"]?.error(
            "the top band ends at \(maximum), but a bonus without a cap (\"cap\": \"none\") lets totals go higher without bound; remove 'max'")
        } else if let maximum, maximum < highestTotal, !sink.isUnknown(.name("total")) {
          band["max"]?.error(
            "the top band ends at \(maximum), but totals can reach \(highestTotal); scores above \(maximum) would get no grade")
        }
      } else {
        if maximum != nil { band["max"]?.error("only the top band has 'max'; the others give 'below' (exclusive)") }
        guard let below else {
          band.missing("below", "the score this band stays under (exclusive): the 'min' of the band above")
          sink.markUnknown(.grade(grade))
          continue
        }
        if let previous = bands.last, previousRead {
          if below < previous.minimum {
            band["below"]?.error(
              "gap between grade bands: scores from \(below) up to below \(previous.minimum) get no grade; set 'below' to \(previous.minimum)")
          } else if below > previous.minimum {
            band["below"]?.error(
              "grade bands overlap: scores from \(previous.minimum) up to below \(below) are both '\(previous.grade)' and '\(grade)'; set 'below' to \(previous.minimum)")
          }
        }
        if minimum >= below { band["min"]?.error("'min' (\(minimum)) must be below 'below' (\(below)); list bands best first") }
      }
      var compiled = CompiledBand(grade: grade, minimum: minimum, below: below, maximum: maximum)
      if let source = band.formula("when") {
        if index == bandNodes.count - 1 {
          band["when"]?.error(
            "the lowest band '\(grade)' has no band below it to fall to, so it cannot have a 'when'; put the condition on a better band")
        }
        compiled.when = compile(source, in: scope(upTo: totalSlot + 1), expecting: .boolean, what: "grade band '\(grade)'")
        compiled.whenFacts = facts(of: [compiled.when])
      }
      compiled.site = PackSite(band, condition: "when")
      bands.append(compiled)
    }
    if let lowest = bands.last, lowest.minimum > .zero, previousRead {
      object["bands"]?.error(
        "scores from 0 up to below \(lowest.minimum) get no grade; lower the last band's 'min' to 0 or add a band")
    } else if let lowest = bands.last, lowestTotal < lowest.minimum, previousRead, !sink.isUnknown(.name("total")) {
      // A floor below 0 lets the total fall below the lowest band: such a subject would have no grade.
      let floors = negativeFloors.map { "'\($0.id)' \($0.floor)" }.joined(separator: ", ")
      var node = object["bands"]
      if let last = bandNodes.last, let value = last.value.objectValue?["min"] {
        node = Node(value: value, pointer: last.pointer.appending("min"), sink: sink)
      }
      node?.error(
        "totals can fall to \(lowestTotal) (section floors below 0: \(floors)), below the lowest band's 'min' \(lowest.minimum), so such a subject would get no grade; lower this 'min' to \(lowestTotal), or raise the floors to 0")
    }
  }

  mutating func readStars(_ node: Node) {
    guard let object = node.object("the stars", keys: ["items", "levels", "note"]) else { return }
    let itemScope = scope(upTo: totalSlot + 1)
    var items: [CompiledStarItem] = []
    var itemNodes: [Node] = []  // parallel to items
    var itemIDs: Set<String> = []
    // An item not read leaves the count of items unknown: levels are not checked against it.
    var itemsBroken = false
    for itemNode in object.array("items") ?? [] {
      guard
        let item = itemNode.object(
          "a star item", keys: ["id", "label", "scope", "earnedWhen", "capIfMissing", "exampleValue", "note"])
      else {
        itemsBroken = true
        continue
      }
      noteExample(item)
      guard let id = item.requiredString("id", "a short name for the item") else {
        itemsBroken = true
        continue
      }
      if !itemIDs.insert(id).inserted { item["id"]?.error("the star item '\(id)' is listed twice") }
      let scopeText = item.string("scope") ?? "common"
      if scopeText != "common", scopeText != "local" {
        item["scope"]?.error("'scope' is \"common\" (an item every subject has, the 10 of 10+X) or \"local\" (an X item)")
      }
      guard
        let earned = requiredFormula(
          item, "earnedWhen", in: itemScope, type: .boolean, what: "star item '\(id)'", hint: "the condition that earns it")
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
    if !object.has("items") { object.missing("items", "the star items (e.g. the 10 common items and the X local ones)") }
    var levels: [CompiledStarLevel] = []
    // A level not read leaves the list of levels unknown: 'capIfMissing' and setStars are not checked against it.
    var levelsBroken = false
    let levelScope = scope(upTo: totalSlot + 1)
    for levelNode in object.array("levels") ?? [] {
      guard let level = levelNode.object("a star level", keys: ["stars", "minItems", "when", "exampleValue", "note"])
      else {
        levelsBroken = true
        continue
      }
      noteExample(level)
      guard let stars = level["stars"]?.integer(.quoted("stars"), in: 1...10) else {
        if !level.has("stars") { level.missing("stars", "the star level, 1 to 10") }
        levelsBroken = true
        continue
      }
      let minItems = level["minItems"]?.integer(.quoted("minItems"), in: 0...1000) ?? 0
      if minItems > items.count, !itemsBroken {
        level["minItems"]?.error("\(stars) stars need \(minItems) items, but there are only \(items.count); no subject could reach it")
      }
      if levels.contains(where: { $0.stars == stars }) { level["stars"]?.error("the level \(stars) is listed twice") }
      let when = level.formula("when").flatMap { compile($0, in: levelScope, expecting: .boolean, what: "\(stars)-star level") }
      if !level.has("minItems"), !level.has("when") {
        level.missing("minItems", "how many items earn this level (or a 'when' condition)")
      }
      levels.append(CompiledStarLevel(stars: stars, minItems: minItems, when: when, site: PackSite(level, condition: "when")))
    }
    if !object.has("levels") { object.missing("levels", "the star levels, e.g. {\"stars\": 5, \"minItems\": 10}") }
    levels.sort { $0.stars > $1.stars }
    for (item, itemNode) in zip(items, itemNodes) {
      if let cap = item.capIfMissing, cap != 0, !levels.contains(where: { $0.stars == cap }), !levelsBroken {
        itemNode.error("'capIfMissing' is \(cap), which is not one of the levels")
      }
    }
    stars = CompiledStars(items: items, levels: levels)
    starLevelsUnknown = levelsBroken || (object.has("levels") && object["levels"]?.value.arrayValue == nil)
  }

  /// Checks that each `setStars` veto names a star level the pack has (or 0).
  mutating func checkStarVetoes() {
    for pending in pendingStarVetoes {
      guard let stars else {
        pending.node.error("'setStars' sets a star level, but the pack has no 'stars'; add the star items and levels, or use setGrade")
        continue
      }
      if pending.stars != 0, !stars.levels.contains(where: { $0.stars == pending.stars }), !starLevelsUnknown {
        pending.node.error(
          "there is no \(pending.stars)-star level; the levels are \(stars.levels.map { String($0.stars) }.joined(separator: ", ")) (or 0 for no stars)")
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
          "a consequence",
          keys: ["id", "label", "onGrades", "onNoGrade", "onVetoes", "onVoid", "onLabels", "when", "exampleValue", "note"])
      else { continue }
      noteExample(object)
      guard let id = object.requiredString("id", "a short name the tests use") else { continue }
      let label = object.requiredString("label", "what it means for the subject, e.g. \"取消评先评优资格\"") ?? id
      var onGrades: [Int] = []
      for gradeNode in object.array("onGrades") ?? [] {
        guard let grade = gradeNode.string("a grade") else { continue }
        if let index = bands.firstIndex(where: { $0.grade == grade }) { onGrades.append(index) } else if !sink.isUnknown(.grade(grade)) {
          gradeNode.error(
            "there is no grade '\(grade)'\(Spelling.didYouMean(grade, among: bands.map(\.grade))); the grades are \(bands.map(\.grade).joined(separator: ", "))")
        }
      }
      var onVetoes: [Int] = []
      for vetoNode in object.array("onVetoes") ?? [] {
        guard let veto = vetoNode.string("a veto id") else { continue }
        if let index = vetoIndex[veto] { onVetoes.append(index) } else if !sink.isUnknown(.veto(veto)) {
          vetoNode.error(
            "there is no veto '\(veto)'\(Spelling.didYouMean(veto, among: vetoes.map(\.id))); the vetoes are \(vetoes.map(\.id).joined(separator: ", "))")
        }
      }
      let when = object.formula("when").flatMap {
        compile($0, in: finalScope, expecting: .boolean, what: "consequence '\(id)'")
      }
      let onNoGrade = object.bool("onNoGrade") ?? false
      let onVoid = object.bool("onVoid") ?? false
      if onVoid, ballots?.quorum == nil, ballots?.issued == nil {
        object["onVoid"]?.error("no result of this pack can be void: 'onVoid' needs ballots with a 'validity' quorum or issued/returned counts")
      }
      if !object.has("onGrades"), !object.has("onVetoes"), !object.has("when"), !onNoGrade, !onVoid, !object.has("onLabels") {
        node.error("consequence '\(id)' never follows: give 'onGrades', 'onVetoes', 'onNoGrade', 'onVoid', 'onLabels' or 'when'")
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
      guard let object = node.object("an outcome", keys: Self.outcomeKeys) else { continue }
      noteExample(object)
      guard let id = object.requiredString("id", "the name consequences and later outcomes use, e.g. \"经费系数\"") else {
        continue
      }
      let label = object.string("label") ?? id
      // Each outcome sees the result and the outcomes before it.
      let outcomeScope = scope(upTo: symbols.count)
      guard
        let formula = requiredFormula(
          object, "formula", in: outcomeScope, type: .number, what: "outcome '\(id)'",
          hint: "how it is worked out from the result, e.g. \"if grade = '优秀' then 110% else 100%\"")
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
      guard let object = node.object("a check", keys: Self.checkKeys) else { continue }
      noteExample(object)
      guard let id = object.requiredString("id", "a short name for the check, e.g. \"票数不超过实到人数\"") else { continue }
      if !ids.insert(id).inserted { object["id"]?.error("the check id '\(id)' is used twice") }
      let label = object.string("label") ?? id
      guard
        let formula = requiredFormula(
          object, "rejectWhen", in: checkScope, type: .boolean, what: "check '\(id)'",
          hint: "the condition under which the data contradict each other, e.g. \"优秀票 + 合格票 > 实到人数\"")
      else { continue }
      if let constant = formula.constantValue {
        object["rejectWhen"]?.error(
          constant.isZero
            ? "this check never rejects anything (its condition is always false); correct it or remove the check"
            : "this check rejects every subject (its condition is always true); correct it")
        continue
      }
      checks.append(
        CompiledCheck(
          id: id, label: label, rejectWhen: formula, message: object.string("message"), facts: facts(of: [formula])))
    }
  }
}
