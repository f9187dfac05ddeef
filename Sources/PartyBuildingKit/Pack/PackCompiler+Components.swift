extension PackCompiler {
  static let componentKeys = [
    "id", "label", "weight", "fullMarks", "precision", "score", "sections", "exampleValue", "note",
  ]
  static let sectionKeys = [
    "id", "label", "fullMarks", "startsAt", "startsFrom", "floor", "bonus", "cap", "score", "rules", "exampleValue",
    "note",
  ]
  static let ruleKeys = ["id", "label", "kind", "when", "points", "count", "max", "exampleValue", "note"]

  /// Reads the components and their sections; checks weights and the highest reachable score.
  mutating func readComponents(_ nodes: [Node], weightsNote: String?, at top: ObjectNode) {
    if nodes.isEmpty { top["components"]?.error("give at least one component") }
    let ruleScope = scope(upTo: symbols.count)
    var weightTotal = ExactDecimal.zero
    // A weight that is missing or unreadable is reported once; the sums that depend on it are not checked.
    var weightsKnown = true
    var reachableTotal: ExactDecimal? = .zero
    var pendingSlots: [(component: Int, id: String, label: String, node: Node, max: ExactDecimal?)] = []
    var componentsBroken = false
    for node in nodes {
      guard let object = node.object("a component", keys: Self.componentKeys) else { continue }
      noteExample(object)
      guard let id = object.requiredString("id", "a short name such as \"daily\" or \"日常考核\"") else { continue }
      let label = object.string("label") ?? id
      var weight = ExactDecimal.one
      if let value = object.decimal("weight") {
        weight = value
        if value.isNegative || value.isZero || value > .one {
          object["weight"]?.error("a weight is a share above 0 and at most 1 (or 100%), not \(value)")
          weightsKnown = false
        }
      } else if !object.has("weight"), nodes.count > 1 {
        object.missing("weight", "its share of the total, e.g. 0.3 or \"30%\"")
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
        object["fullMarks"]?.error("a component's 'fullMarks' is what it is worth, 0 or more, not \(full)")
        declaredFull = nil
        sectionsBroken = true
      }
      var reachable: ExactDecimal?
      var bonusCaps: ExactDecimal? = .zero  // nil: too large to hold
      // A bonus with no cap whose awards have no bound: the component (and the total) has no highest value.
      var unboundedBonus = false
      var scoreFormula: Formula?
      if let source = object.formula("score") {
        if object.has("sections") { node.error("a component has either a 'score' formula or 'sections', not both") }
        scoreFormula = compile(source, in: ruleScope, expecting: .number, what: "the score of component '\(id)'")
        if declaredFull == nil, !object.has("fullMarks") {
          object.missing("fullMarks", "the component's full marks, e.g. 100")
        }
        if let formula = scoreFormula, let full = declaredFull {
          reachable = checkScoreBounds(formula, full: full, floor: .zero, what: "component '\(id)'", at: object["score"]!)
        }
      } else if let sectionNodes = object.array("sections") {
        if sectionNodes.isEmpty { object["sections"]?.error("give at least one section") }
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
            "the sections' full marks add up to \(sumFull), not the component's \(full); make them agree")
        }
        declaredFull = declaredFull ?? sumFull
        reachable = sumReach
      } else if !object.has("score") && !object.has("sections") {
        object.missing("score", "a formula for its score (e.g. \"score\": \"daily\"), or a list of 'sections'")
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
          "the full marks of component '\(id)' and its bonus caps add up to more than a pack can hold (about 9.2 × 10¹⁸); lower them")
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
          scoreFacts: facts(of: [scoreFormula]), sections: firstSection..<sections.count))
      pendingSlots.append((componentIndex, id, label, object["id"] ?? node, unboundedBonus ? nil : componentMax))
      if unboundedBonus { unboundedTotal = true }
    }
    if weightsKnown, weightTotal != .one, weightsNote == nil, !nodes.isEmpty {
      top["components"]?.error(
        "the components' weights add up to \(weightTotal), not 1 (100%); correct them, or if the scheme means it, say why in \"weightsNote\""
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
    } else if declaredTotal != fullMarks, top.has("fullMarks") {
      top["fullMarks"]?.error(
        "the components' weighted full marks add up to \(declaredTotal), not the pack's fullMarks \(fullMarks); make them agree"
      )
    } else if let reach = reachableTotal, reach < fullMarks {
      top["fullMarks"]?.error(
        "the highest reachable total is \(reach), below the pack's fullMarks \(fullMarks): no subject can ever get full marks; check the sections' rules"
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
    guard let object = node.object("a section", keys: Self.sectionKeys) else { return nil }
    noteExample(object)
    guard let id = object.requiredString("id", "a short name such as \"duties\" or \"履职指标\"") else { return nil }
    let errorsBefore = sink.errorCount
    let label = object.string("label") ?? id
    let isBonus = object.bool("bonus") ?? false
    var full: ExactDecimal
    // `"cap": "none"`: a bonus the document does not cap; its most is worked out from its rules below.
    let uncapped = isBonus && object["cap"]?.value.stringValue?.trimmingSpaces == "none"
    if uncapped {
      full = .zero
      if object.has("fullMarks") { object["fullMarks"]?.error("a bonus section has a 'cap', not 'fullMarks'") }
    } else if isBonus, let text = object["cap"]?.value.stringValue,
      let first = text.trimmingSpaces.unicodeScalars.first, !"0123456789０１２３４５６７８９+-.".unicodeScalars.contains(first)
    {
      // Words where a cap belongs (无, 不设上限): the one word for no cap is "none".
      object["cap"]?.error(
        "'\(text)' is neither a number nor \"none\"; write the most its bonuses can add, e.g. 5, or \"none\" for a bonus the document does not cap (不设上限)")
      sink.markUnknown(.name(id))
      return nil
    } else if isBonus {
      guard let cap = object.decimal("cap") else {
        if !object.has("cap") { object.missing("cap", "the most its bonuses can add (加分上限), e.g. 5") }
        sink.markUnknown(.name(id))
        return nil
      }
      full = cap
      if object.has("fullMarks") { object["fullMarks"]?.error("a bonus section has a 'cap', not 'fullMarks'") }
    } else {
      guard let value = object.decimal("fullMarks") else {
        if !object.has("fullMarks") { object.missing("fullMarks", "the section's full marks (满分), e.g. 20") }
        sink.markUnknown(.name(id))
        return nil
      }
      full = value
      if object.has("cap") { object["cap"]?.error("only a bonus section (\"bonus\": true) has a 'cap'") }
    }
    let floorValue = object.decimal("floor")
    let floor = floorValue ?? .zero
    var broken = object.has("floor") && floorValue == nil
    if full.isNegative {
      broken = true
      if isBonus {
        object["cap"]?.error("a bonus section's 'cap' is the most its bonuses can add, 0 or more, not \(full)")
      } else {
        object["fullMarks"]?.error("a section's 'fullMarks' is what it is worth, 0 or more, not \(full)")
      }
    } else if floor > full {
      broken = true
      object["floor"]?.error(
        "the floor (\(floor)) is above the section's \(isBonus ? "cap" : "full marks") (\(full)); a section scores between its floor and its \(isBonus ? "cap" : "full marks"): lower 'floor'"
      )
    }
    var startsFull = false
    var startFormula: Formula?
    var score: Formula?
    var rules: [CompiledRule] = []
    var reachable: ExactDecimal?
    if let source = object.formula("score") {
      if object.has("rules") { node.error("a section has either a 'score' formula or 'rules', not both") }
      score = compile(source, in: scope, expecting: .number, what: "the score of section '\(id)'")
      if let score, !broken {
        reachable = checkScoreBounds(score, full: full, floor: floor, what: "section '\(id)'", at: object["score"]!)
      }
    } else if let ruleNodes = object.array("rules") {
      if let source = object.formula("startsFrom") {
        // A computed start (a base carried over): within the section's floor and full marks for every subject.
        if isBonus { object["startsFrom"]?.error("a bonus section starts at 0; remove 'startsFrom'") }
        if object.has("startsAt") {
          object["startsAt"]?.error("give either 'startsAt' or 'startsFrom' (a computed start), not both")
        }
        startFormula = compile(source, in: scope, expecting: .number, what: "the start of section '\(id)'")
        if let startFormula, !broken, !isBonus {
          let bounds = startFormula.bounds()
          if let upper = bounds.upper, upper > full {
            object["startsFrom"]?.error(
              "the start of section '\(id)' can reach \(upper), above its full marks \(full); cap it, e.g. MIN(\(startFormula.source), \(full))")
          } else if let lower = bounds.lower, lower < floor {
            object["startsFrom"]?.error(
              "the start of section '\(id)' can fall to \(lower), below its floor \(floor); bound it, e.g. MAX(\(startFormula.source), \(floor))")
          } else if bounds.upper == nil || bounds.lower == nil {
            object["startsFrom"]?.error(
              "cannot tell the highest and lowest start of section '\(id)': \(whyUnbounded(startFormula, floor: floor, full: full))")
          }
        }
      } else if let startNode = object["startsAt"], let text = startNode.string(.quoted("startsAt")) {
        switch text {
        case "full": startsFull = true
        case "zero": startsFull = false
        default: startNode.error("'startsAt' is \"full\" (扣分制: start at full marks and deduct) or \"zero\" (start at 0 and award)")
        }
        if isBonus, startsFull { startNode.error("a bonus section starts at zero; remove 'startsAt'") }
      } else if !isBonus {
        object.missing(
          "startsAt", "\"full\" to start at full marks and deduct (扣分制), or \"zero\" to start at 0 and award points")
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
          "cannot tell the highest score of section '\(id)': an award has no upper bound; give the inputs it uses a 'max', or the rule a 'max'"
        )
      } else if !isBonus, let reach = reachable, reach < full {
        object["rules"]?.error(
          startsFull
            ? "section '\(id)' can never reach its full marks \(full): some deductions always apply (at least \(sureDeduction)); give them a 'when' or lower them"
            : "section '\(id)' can reach at most \(reach), below its full marks \(full): its awards add up to \(awardMax ?? .zero); raise them or lower 'fullMarks'"
        )
      }
    } else if !object.has("score"), !object.has("rules") {
      object.missing("rules", "a list of rules (award, deduct, awardEach, deductEach, zero), or a 'score' formula")
    }
    if uncapped, object.has("score") {
      object["cap"]?.error("\"cap\": \"none\" is for a bonus section of rules; a 'score' formula gives its own bound")
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
  func checkScoreBounds(_ formula: Formula, full: ExactDecimal, floor: ExactDecimal, what: String, at node: Node)
    -> ExactDecimal?
  {
    let bounds = formula.bounds()
    guard let upper = bounds.upper, let lower = bounds.lower else {
      node.error("cannot tell the highest and lowest score of \(what): \(whyUnbounded(formula, floor: floor, full: full))")
      return nil
    }
    if upper > full {
      node.error(
        "the score of \(what) can reach \(upper), above its full marks \(full); cap it, e.g. MIN(\(formula.source), \(full)), or correct the inputs' 'max'"
      )
    } else if upper < full {
      node.error("the score of \(what) can reach at most \(upper), below its full marks \(full); no subject could get full marks")
    }
    if lower < floor {
      node.error("the score of \(what) can fall to \(lower), below its floor \(floor); bound it, e.g. MAX(…, \(floor))")
    }
    return upper
  }

  /// Why a formula's range is open, and what to do: the names it uses that have no range, else a divisor that
  /// can be 0.
  func whyUnbounded(_ formula: Formula, floor: ExactDecimal, full: ExactDecimal) -> String {
    var inputs: [String] = []
    var others: [String] = []
    for name in formula.references {
      guard let slot = slotByName[name], symbols[slot].type == .number, symbols[slot].range == nil else { continue }
      if self.inputs.contains(where: { $0.slot == slot }) { inputs.append(name) } else { others.append(name) }
    }
    func quoted(_ names: [String]) -> String { names.map { "'\($0)'" }.joined(separator: ", ") }
    if !inputs.isEmpty {
      return "give \(quoted(inputs)) a 'min' and a 'max'"
    }
    if !others.isEmpty {
      return "\(quoted(others)) \(others.count == 1 ? "has" : "have") no highest or lowest value; bound \(others.count == 1 ? "it" : "them"), e.g. with MIN, MAX or CLAMP"
    }
    if let division = formula.divisionsByPossibleZero.first(where: { !$0.alwaysZero }) {
      return
        "the divisor '\(division.divisor)' in '\(division.division)' can be 0 (or come near it), so the quotient has no bound; keep the score between \(floor) and \(full), e.g. CLAMP(if \(division.divisor) = 0 then \(floor) else \(division.division), \(floor), \(full))"
    }
    return "bound it, e.g. CLAMP(\(formula.source), \(floor), \(full))"
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
    guard let object = node.object("a rule", keys: Self.ruleKeys) else { return nil }
    noteExample(object)
    let label = object.requiredString("label", "what a person reads in the trace, e.g. \"阵地建设任务未按时完成\"")
    let id = object.string("id") ?? "\(section).\(node.pointer.tokens.last ?? "")"
    let kinds = ["award", "deduct", "awardEach", "deductEach", "zero"]
    guard let kindNode = object["kind"], let kindText = kindNode.string(.quoted("kind")) else {
      if !object.has("kind") { object.missing("kind", "one of \(kinds.joined(separator: ", "))") }
      return nil
    }
    guard let kind = RuleKind(rawValue: kindText) else {
      kindNode.error("unknown rule kind '\(kindText)'\(Spelling.didYouMean(kindText, among: kinds)); use one of \(kinds.joined(separator: ", "))")
      return nil
    }
    let what = "rule '\(label ?? id)'"
    let when = object.formula("when").flatMap { compile($0, in: scope, expecting: .boolean, what: what) }
    // Points and counts are judged where the rule applies: under `"when": "x >= 1000"`, `x - 1000` is never negative.
    let scope = when.map { guarded(scope, by: $0) } ?? scope
    var points: Formula?
    var count: Formula?
    let maxPoints = object.decimal("max")
    switch kind {
    case .zero:
      if !object.has("when") { object.missing("when", "the serious case that zeroes the section, as a condition") }
      for key in ["points", "count", "max"] where object.has(key) {
        object[key]?.error("a 'zero' rule sets the section to 0 and has no '\(key)'")
      }
    case .award, .deduct:
      points = requiredFormula(object, "points", in: scope, type: .number, what: what, hint: "how many points, e.g. 5")
      if object.has("count") {
        object["count"]?.error("a '\(kind.rawValue)' rule has no 'count'; use '\(kind.rawValue)Each' to count occurrences")
      }
    case .awardEach, .deductEach:
      points = requiredFormula(object, "points", in: scope, type: .number, what: what, hint: "points per occurrence, e.g. 2")
      count = requiredFormula(
        object, "count", in: scope, type: .number, what: what, hint: "how many times it happened, e.g. \"overdueTasks\"")
    }
    if let maxPoints, maxPoints.isNegative || maxPoints.isZero {
      object["max"]?.error("'max' is the most the rule adds or deducts in all, a number above 0")
    }
    for (key, formula) in [("points", points), ("count", count)] {
      if let formula, let lower = formula.bounds().lower, lower.isNegative {
        object[key]?.error(
          "'\(key)' can be negative (as low as \(lower)); points and counts are never negative: write a deduction as a 'deduct' rule with positive points"
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
