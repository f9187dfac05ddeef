extension PackCompiler {
  static let componentKeys = [
    "id", "label", "weight", "fullMarks", "precision", "score", "sections", "appliesTo", "exampleValue", "note",
  ]
  static let sectionKeys = [
    "id", "label", "fullMarks", "startsAt", "startsFrom", "floor", "bonus", "cap", "score", "rules", "exampleValue",
    "note",
  ]
  static let ruleKeys = ["id", "label", "kind", "when", "points", "count", "max", "exampleValue", "note"]

  /// Reads the components and their sections; checks weights and the highest reachable score.
  mutating func readComponents(_ nodes: [Node], weightsNote: String?, at top: ObjectNode) {
    if nodes.isEmpty { top["components"]?.error(Message(.giveAComponent)) }
    let ruleScope = scope(upTo: symbols.count)
    var weightTotal = ExactDecimal.zero
    // A weight that is missing or unreadable is reported once; the sums that depend on it are not checked.
    var weightsKnown = true
    var reachableTotal: ExactDecimal? = .zero
    var pendingSlots: [(component: Int, id: String, label: String, node: Node, max: ExactDecimal?)] = []
    var componentsBroken = false
    for node in nodes {
      guard let object = node.object(Message(.whatComponent), keys: Self.componentKeys) else { continue }
      noteExample(object)
      guard let id = object.requiredString("id", Message(.hintComponentID)) else { continue }
      let label = object.string("label") ?? id
      var weight = ExactDecimal.one
      if let value = object.decimal("weight") {
        weight = value
        if value.isNegative || value.isZero || value > .one {
          object["weight"]?.error(Message(.weightNotAShare, value))
          weightsKnown = false
        }
      } else if !object.has("weight"), nodes.count > 1 {
        object.missing("weight", Message(.hintWeight))
        weightsKnown = false
      } else if object.has("weight") {
        weightsKnown = false
      }
      weightTotal = (try? weightTotal.adding(weight)) ?? weightTotal
      let precision = object["precision"]?.integer(.quoted("precision"), in: 0...6)
      let componentIndex = components.count
      let firstSection = sections.count
      var declaredFull = object.decimal("fullMarks")
      // Full marks that cannot be read, or sections whose numbers cannot, leave the component's range unknown:
      // its name is unknown to formulas and the sums over components are not checked.
      var sectionsBroken = object.has("fullMarks") && declaredFull == nil
      if let full = declaredFull, full.isNegative {
        object["fullMarks"]?.error(Message(.componentFullMarksNegative, full))
        declaredFull = nil
        sectionsBroken = true
      }
      var reachable: ExactDecimal?
      var bonusCaps: ExactDecimal? = .zero  // nil: too large to hold
      // A bonus with no cap whose awards have no bound: the component (and the total) has no highest value.
      var unboundedBonus = false
      var scoreFormula: Formula?
      if let source = object.formula("score") {
        if object.has("sections") { node.error(Message(.componentScoreAndSections)) }
        scoreFormula = compile(source, in: ruleScope, expecting: .number, what: Message(.whatComponentScore, id))
        if declaredFull == nil, !object.has("fullMarks") {
          object.missing("fullMarks", Message(.hintComponentFullMarks))
        }
        if let formula = scoreFormula, let full = declaredFull {
          reachable = checkScoreBounds(formula, full: full, floor: .zero, what: Message(.placeComponent, id), at: object["score"]!)
        }
      } else if let sectionNodes = object.array("sections") {
        if sectionNodes.isEmpty { object["sections"]?.error(Message(.giveASection)) }
        var sumFull = ExactDecimal.zero
        var sumReach: ExactDecimal? = .zero
        for sectionNode in sectionNodes {
          guard let section = readSection(sectionNode, component: componentIndex, scope: ruleScope), !section.broken else {
            sumReach = nil
            sectionsBroken = true
            continue
          }
          if section.isBonus {
            if section.fullMarks == CompiledSection.unbounded {
              unboundedBonus = true
              continue
            }
            bonusCaps = bonusCaps.flatMap { try? $0.adding(section.fullMarks) }
          } else {
            sumFull = (try? sumFull.adding(section.full)) ?? sumFull
            if let reach = section.reachable, let sum = sumReach { sumReach = try? sum.adding(reach) } else {
              sumReach = nil
            }
          }
        }
        if let full = declaredFull, full != sumFull, !sectionNodes.isEmpty, !sectionsBroken {
          object["fullMarks"]?.error(
            Message(.sectionsFullMarksDisagree, sumFull, full))
        }
        declaredFull = declaredFull ?? sumFull
        reachable = sumReach
      } else if !object.has("score") && !object.has("sections") {
        object.missing("score", Message(.hintComponentScore))
      }
      let full = declaredFull ?? .zero
      // The lowest the component can score: the sum of its sections' floors (0 unless a floor is below 0).
      var componentFloor = ExactDecimal.zero
      for section in sections[firstSection...] where !section.isBonus && section.floor.isNegative {
        componentFloor = (try? componentFloor.adding(section.floor)) ?? componentFloor
        negativeFloors.append((section.id, section.floor))
      }
      lowestTotal = (try? lowestTotal.adding(componentFloor.multiplyingOrSame(by: weight))) ?? lowestTotal
      if let reach = reachable, let sum = reachableTotal {
        reachableTotal = try? sum.adding(reach.multiplyingOrSame(by: weight))
      } else {
        reachableTotal = nil
      }
      let componentMax: ExactDecimal
      if let caps = bonusCaps, let sum = try? full.adding(caps) {
        componentMax = sum
      } else {
        object.node.error(
          Message(.componentTooLarge, id))
        componentMax = full
        sectionsBroken = true
      }
      if sectionsBroken {
        sink.markUnknown(.name(id))
        componentsBroken = true
      }
      components.append(
        CompiledComponent(
          id: id, label: label, slot: -1, weight: weight, fullMarks: full, precision: precision, score: scoreFormula,
          scoreFacts: facts(of: [scoreFormula]), sections: firstSection..<sections.count,
          appliesTo: applicability(object, what: Message(.placeComponent, id)),
          site: PackSite(object, condition: "appliesTo")))
      pendingSlots.append((componentIndex, id, label, object["id"] ?? node, unboundedBonus ? nil : componentMax))
      if unboundedBonus { unboundedTotal = true }
    }
    if weightsKnown, weightTotal != .one, weightsNote == nil, !nodes.isEmpty {
      top["components"]?.error(
        Message(.weightsNotOne, weightTotal)
      )
    }
    // Sections and components become names later formulas can use.
    for index in sections.indices {
      let section = sections[index]
      sections[index].slot = declare(
        section.id, label: section.label, type: .number,
        range: section.fullMarks == CompiledSection.unbounded ? nil : (section.floor, section.fullMarks),
        places: Self.places(of: section), at: sectionIDNodes[index])
    }
    for item in pendingSlots {
      components[item.component].slot = declare(
        item.id, label: item.label, type: .number, range: item.max.map { (.zero, $0) },
        places: Self.places(of: components[item.component], sections: sections[components[item.component].sections]),
        at: item.node)
    }
    // The total is only as well known as every component.
    if componentsBroken || !weightsKnown { sink.markUnknown(.name("total")) }
    var declaredTotal = ExactDecimal.zero
    for component in components {
      declaredTotal = (try? declaredTotal.adding(component.fullMarks.multiplyingOrSame(by: component.weight))) ?? declaredTotal
    }
    if !weightsKnown || components.isEmpty || componentsBroken {
      // Reported above.
    } else if components.contains(where: { $0.appliesTo != nil }) {
      // Components for a class of subject: each subject's total is scaled to the full marks over the components
      // that apply to it, so their sum need not be the pack's.
    } else if declaredTotal != fullMarks, top.has("fullMarks") {
      top["fullMarks"]?.error(
        Message(.weightedFullMarksDisagree, declaredTotal, fullMarks)
      )
    } else if let reach = reachableTotal, reach < fullMarks {
      top["fullMarks"]?.error(
        Message(.fullMarksUnreachable, reach, fullMarks)
      )
    }
  }

  /// The most decimal places a section's score can carry, for the range check of formulas that use it: the most
  /// of its full marks, floor, score formula and rules (points × count adds their places).
  static func places(of section: CompiledSection) -> Int {
    var places = max(section.fullMarks.normalized().scale, section.floor.normalized().scale, section.score?.places ?? 0)
    for rule in section.rules {
      places = max(places, (rule.points?.places ?? 0) + (rule.count?.places ?? 0), rule.max?.normalized().scale ?? 0)
    }
    return min(places, ExactDecimal.maxScale)
  }

  /// The most decimal places a component's score can carry: its score formula's or its sections', at most its
  /// `precision`.
  static func places(of component: CompiledComponent, sections: ArraySlice<CompiledSection>) -> Int {
    let places = component.score?.places ?? sections.map(places(of:)).max() ?? 0
    return min(places, component.precision ?? ExactDecimal.maxScale)
  }

  /// What a section contributes to its component's checks.
  struct SectionSummary {
    var isBonus: Bool
    var fullMarks: ExactDecimal
    var full: ExactDecimal
    var reachable: ExactDecimal?
    /// Whether the section's full marks, cap or floor could not be read or are out of order (reported): its range
    /// is unknown, and the sums over its component are not checked.
    var broken = false
  }

  mutating func readSection(_ node: Node, component: Int, scope: FormulaScope) -> SectionSummary? {
    guard let object = node.object(Message(.whatSection), keys: Self.sectionKeys) else { return nil }
    noteExample(object)
    guard let id = object.requiredString("id", Message(.hintSectionID)) else { return nil }
    let errorsBefore = sink.errorCount
    let label = object.string("label") ?? id
    let isBonus = object.bool("bonus") ?? false
    var full: ExactDecimal
    // `"cap": "none"`: a bonus the document does not cap; its most is worked out from its rules below.
    let uncapped = isBonus && object["cap"]?.value.stringValue?.trimmingSpaces == "none"
    if uncapped {
      full = .zero
      if object.has("fullMarks") { object["fullMarks"]?.error(Message(.bonusSectionHasCap)) }
    } else if isBonus, let text = object["cap"]?.value.stringValue,
      let first = text.trimmingSpaces.unicodeScalars.first, !"0123456789０１２３４５６７８９+-.".unicodeScalars.contains(first)
    {
      // Words where a cap belongs (无, 不设上限): the one word for no cap is "none".
      object["cap"]?.error(
        Message(.capNotNumberOrNone, text))
      sink.markUnknown(.name(id))
      return nil
    } else if isBonus {
      guard let cap = object.decimal("cap") else {
        if !object.has("cap") { object.missing("cap", Message(.hintCap)) }
        sink.markUnknown(.name(id))
        return nil
      }
      full = cap
      if object.has("fullMarks") { object["fullMarks"]?.error(Message(.bonusSectionHasCap)) }
    } else {
      guard let value = object.decimal("fullMarks") else {
        if !object.has("fullMarks") { object.missing("fullMarks", Message(.hintSectionFullMarks)) }
        sink.markUnknown(.name(id))
        return nil
      }
      full = value
      if object.has("cap") { object["cap"]?.error(Message(.capOnlyForBonus)) }
    }
    let floorValue = object.decimal("floor")
    let floor = floorValue ?? .zero
    var broken = object.has("floor") && floorValue == nil
    if full.isNegative {
      broken = true
      if isBonus {
        object["cap"]?.error(Message(.capNegative, full))
      } else {
        object["fullMarks"]?.error(Message(.sectionFullMarksNegative, full))
      }
    } else if floor > full {
      broken = true
      object["floor"]?.error(isBonus ? .floorAboveCap : .floorAboveFullMarks, floor, full)
    }
    var startsFull = false
    var startFormula: Formula?
    var score: Formula?
    var rules: [CompiledRule] = []
    var reachable: ExactDecimal?
    if let source = object.formula("score") {
      if object.has("rules") { node.error(Message(.sectionScoreAndRules)) }
      score = compile(source, in: scope, expecting: .number, what: Message(.whatSectionScore, id))
      if let score, !broken {
        reachable = checkScoreBounds(score, full: full, floor: floor, what: Message(.placeSection, id), at: object["score"]!)
      }
    } else if let ruleNodes = object.array("rules") {
      if let source = object.formula("startsFrom") {
        // A computed start (a base carried over): within the section's floor and full marks for every subject.
        if isBonus { object["startsFrom"]?.error(Message(.bonusStartsFrom)) }
        if object.has("startsAt") {
          object["startsAt"]?.error(Message(.startsAtAndStartsFrom))
        }
        startFormula = compile(source, in: scope, expecting: .number, what: Message(.whatSectionStart, id))
        if let startFormula, !broken, !isBonus {
          let bounds = startFormula.bounds()
          if let upper = bounds.upper, upper > full {
            object["startsFrom"]?.error(
              Message(.startAboveFull, id, upper, full, startFormula.source, full))
          } else if let lower = bounds.lower, lower < floor {
            object["startsFrom"]?.error(
              Message(.startBelowFloor, id, lower, floor, startFormula.source, floor))
          } else if bounds.upper == nil || bounds.lower == nil {
            object["startsFrom"]?.error(
              Message(.startUnbounded, id, whyUnbounded(startFormula, floor: floor, full: full)))
          }
        }
      } else if let startNode = object["startsAt"], let text = startNode.string(.quoted("startsAt")) {
        switch text {
        case "full": startsFull = true
        case "zero": startsFull = false
        default: startNode.error(Message(.startsAtValue))
        }
        if isBonus, startsFull { startNode.error(Message(.bonusStartsAt)) }
      } else if !isBonus {
        object.missing(
          "startsAt", Message(.hintStartsAt))
      }
      var awardMax: ExactDecimal? = .zero
      var sureDeduction = ExactDecimal.zero
      var rulesBroken = false
      for ruleNode in ruleNodes {
        guard let rule = readRule(ruleNode, scope: scope, section: id) else {
          awardMax = nil
          rulesBroken = true
          continue
        }
        rules.append(rule.rule)
        if rule.rule.kind.isDeduction {
          sureDeduction = (try? sureDeduction.adding(rule.least)) ?? sureDeduction
        } else if rule.rule.kind != .zero {
          if let most = rule.most, let sum = awardMax { awardMax = try? sum.adding(most) } else { awardMax = nil }
        }
      }
      if uncapped {
        // No cap: the most the awards can add, or no bound at all when an input they use has none.
        full = awardMax ?? CompiledSection.unbounded
      }
      let start = startFormula?.bounds().upper ?? (startsFull ? full : .zero)
      if let raw = try? start.adding(awardMax ?? full).subtracting(sureDeduction) {
        reachable = awardMax == nil && !startsFull && startFormula == nil ? nil : min(full, max(floor, raw))
      }
      if rulesBroken || sink.errorCount != errorsBefore {
        // A rule or the section's own numbers had a problem (reported): the highest score is not known.
        reachable = nil
      } else if reachable == nil, !isBonus {
        object["rules"]?.error(
          Message(.sectionHighestUnknown, id)
        )
      } else if !isBonus, let reach = reachable, reach < full {
        object["rules"]?.error(
          startsFull
            ? Message(.sectionNeverFull, id, full, sureDeduction)
            : Message(.sectionReachesAtMost, id, reach, full, awardMax ?? .zero)
        )
      }
    } else if !object.has("score"), !object.has("rules") {
      object.missing("rules", Message(.hintRules))
    }
    if uncapped, object.has("score") {
      object["cap"]?.error(Message(.capNoneOnlyForRules))
    }
    var compiledSection = CompiledSection(
      id: id, label: label, componentIndex: component, slot: -1, fullMarks: full, floor: floor,
      startsFull: startsFull, isBonus: isBonus, score: score, scoreFacts: facts(of: [score]), rules: rules)
    compiledSection.uncapped = uncapped
    compiledSection.startFormula = startFormula
    if startFormula != nil { compiledSection.scoreFacts = facts(of: [startFormula]) }
    sections.append(compiledSection)
    sectionIDNodes.append(object["id"] ?? node)
    return SectionSummary(
      isBonus: isBonus, fullMarks: full, full: full, reachable: isBonus ? nil : reachable, broken: broken)
  }

  /// Checks a score formula against full marks and floor; returns its highest reachable value.
  func checkScoreBounds(_ formula: Formula, full: ExactDecimal, floor: ExactDecimal, what: Message, at node: Node)
    -> ExactDecimal?
  {
    let bounds = formula.bounds()
    guard let upper = bounds.upper, let lower = bounds.lower else {
      node.error(Message(.scoreUnbounded, what, whyUnbounded(formula, floor: floor, full: full)))
      return nil
    }
    if upper > full {
      node.error(
        Message(.scoreAboveFull, what, upper, full, formula.source, full)
      )
    } else if upper < full {
      node.error(Message(.scoreBelowFull, what, upper, full))
    }
    if lower < floor {
      node.error(Message(.scoreBelowFloor, what, lower, floor, floor))
    }
    return upper
  }

  /// Why a formula's range is open, and what to do: the names it uses that have no range, else a divisor that
  /// can be 0.
  func whyUnbounded(_ formula: Formula, floor: ExactDecimal, full: ExactDecimal) -> Message {
    var inputs: [String] = []
    var others: [String] = []
    for name in formula.references {
      guard let slot = slotByName[name], symbols[slot].type == .number, symbols[slot].range == nil else { continue }
      if self.inputs.contains(where: { $0.slot == slot }) { inputs.append(name) } else { others.append(name) }
    }
    func quoted(_ names: [String]) -> String { names.map { "'\($0)'" }.joined(separator: ", ") }
    if !inputs.isEmpty {
      return Message(.giveMinAndMax, quoted(inputs))
    }
    if !others.isEmpty {
      return Message(others.count == 1 ? .nameHasNoBound : .namesHaveNoBound, quoted(others))
    }
    if let division = formula.divisionsByPossibleZero.first(where: { !$0.alwaysZero }) {
      return
        Message(.divisorNearZero, division.divisor, division.division, floor, full, division.divisor, floor, division.division, floor, full)
    }
    return Message(.boundItClamp, formula.source, floor, full)
  }

  /// `scope` with the ranges of the names `condition` compares with constants narrowed to where it holds.
  func guarded(_ scope: FormulaScope, by condition: Formula) -> FormulaScope {
    var narrowed = scope
    for (slot, interval) in condition.constraintsWhenTrue where slot < symbols.count {
      var symbol = symbols[slot]
      guard symbol.type == .number else { continue }
      let low = max(symbol.range.map { FormulaBound.finite($0.lowerBound) } ?? .negativeInfinity, interval.low)
      let high = min(symbol.range.map { FormulaBound.finite($0.upperBound) } ?? .positiveInfinity, interval.high)
      guard case .finite(let lower) = low, case .finite(let upper) = high, lower <= upper else { continue }
      symbol.range = lower...upper
      narrowed.update(symbol)
    }
    return narrowed
  }

  struct RuleSummary {
    var rule: CompiledRule
    /// The least it always deducts (0 when it has a condition or a count that can be 0).
    var least: ExactDecimal
    /// The most it can award; nil when unbounded.
    var most: ExactDecimal?
  }

  mutating func readRule(_ node: Node, scope: FormulaScope, section: String) -> RuleSummary? {
    guard let object = node.object(Message(.whatRule), keys: Self.ruleKeys) else { return nil }
    noteExample(object)
    let label = object.requiredString("label", Message(.hintRuleLabel))
    let id = object.string("id") ?? "\(section).\(node.pointer.tokens.last ?? "")"
    let kinds = ["award", "deduct", "awardEach", "deductEach", "zero"]
    guard let kindNode = object["kind"], let kindText = kindNode.string(.quoted("kind")) else {
      if !object.has("kind") { object.missing("kind", .oneOf, MessageArgument.list(kinds)) }
      return nil
    }
    guard let kind = RuleKind(rawValue: kindText) else {
      kindNode.error(.unknownRuleKind, kindText, Spelling.didYouMeanMessage(kindText, among: kinds), MessageArgument.list(kinds))
      return nil
    }
    let what = Message(.placeRule, label ?? id)
    let when = object.formula("when").flatMap { compile($0, in: scope, expecting: .boolean, what: what) }
    // Points and counts are judged where the rule applies: under `"when": "x >= 1000"`, `x - 1000` is never negative.
    let scope = when.map { guarded(scope, by: $0) } ?? scope
    var points: Formula?
    var count: Formula?
    let maxPoints = object.decimal("max")
    switch kind {
    case .zero:
      if !object.has("when") { object.missing("when", Message(.hintZeroWhen)) }
      for key in ["points", "count", "max"] where object.has(key) {
        object[key]?.error(Message(.zeroRuleHasNo, key))
      }
    case .award, .deduct:
      points = requiredFormula(object, "points", in: scope, type: .number, what: what, hint: Message(.hintPoints))
      if object.has("count") {
        object["count"]?.error(Message(.ruleHasNoCount, kind.rawValue, kind.rawValue))
      }
    case .awardEach, .deductEach:
      points = requiredFormula(object, "points", in: scope, type: .number, what: what, hint: Message(.hintPointsEach))
      count = requiredFormula(
        object, "count", in: scope, type: .number, what: what, hint: Message(.hintCount))
    }
    if let maxPoints, maxPoints.isNegative || maxPoints.isZero {
      object["max"]?.error(Message(.ruleMaxNotPositive))
    }
    for (key, formula) in [("points", points), ("count", count)] {
      if let formula, let lower = formula.bounds().lower, lower.isNegative {
        object[key]?.error(
          Message(.pointsCanBeNegative, key, lower)
        )
      }
    }
    guard let label, (points != nil) == (kind != .zero), (count != nil) == (kind == .awardEach || kind == .deductEach),
      when != nil || !object.has("when")
    else { return nil }
    var rule = CompiledRule(
      id: id, label: label, kind: kind, when: when, points: points, count: count, max: maxPoints,
      facts: facts(of: [when, count, points]))
    rule.site = PackSite(object, condition: "when")
    // Bounds for the reachability check.
    var least = ExactDecimal.zero
    var most: ExactDecimal?
    if let points {
      let pointBounds = points.bounds()
      let countBounds = count?.bounds() ?? (lower: .one, upper: .one)
      if when == nil, let low = pointBounds.lower, let countLow = countBounds.lower {
        least = low.multiplyingOrSame(by: countLow)
        if let maxPoints { least = min(least, maxPoints) }
      }
      if let high = pointBounds.upper, let countHigh = countBounds.upper {
        most = high.multiplyingOrSame(by: countHigh)
        if let maxPoints, let value = most { most = min(value, maxPoints) }
      } else {
        most = maxPoints
      }
    }
    return RuleSummary(rule: rule, least: least, most: most)
  }
}

extension ExactDecimal {
  /// The product, or self when it would overflow (used only in load-time checks, where a bad bound reports elsewhere).
  func multiplyingOrSame(by other: ExactDecimal) -> ExactDecimal {
    (try? multiplying(by: other)) ?? self
  }
}
