extension PackCompiler {
  /// Works out, for each value and component, which not-applicable inputs it depends on (directly or through
  /// values), and checks that nothing decided after the total (vetoes, stars, consequences, cohort) depends on one.
  mutating func analyseNotApplicable(_ top: ObjectNode) {
    // A period part is left out only when its declaration skips a missing period; under zero, carryLast or error a
    // formula naming it reads what the declaration's policy gives.
    let inputIndexBySlot = Dictionary(
      uniqueKeysWithValues: inputs.indices.filter { leftOutWhenMissing($0) }.map { (inputs[$0].slot, $0) })
    // A component for a class of subject (`appliesTo`) is left out, with its sections, outside the class.
    var classComponentBySlot: [Int: Int] = [:]
    for (index, component) in components.enumerated() where component.appliesTo != nil {
      classComponentBySlot[component.slot] = index
      for section in sections[component.sections] { classComponentBySlot[section.slot] = index }
    }
    guard !inputIndexBySlot.isEmpty || !classComponentBySlot.isEmpty else { return }
    var dependsBySlot: [Int: Set<Int>] = [:]
    for (slot, index) in inputIndexBySlot { dependsBySlot[slot] = [index] }
    func dependencies(_ formulas: [Formula?]) -> Set<Int> {
      var found: Set<Int> = []
      for formula in formulas.compactMap({ $0 }) {
        for name in formula.references {
          if let slot = symbols.firstIndex(where: { $0.name == name }), let set = dependsBySlot[slot] { found.formUnion(set) }
        }
      }
      return found
    }
    notApplicableByValue = values.map { value in
      let set = dependencies([value.formula])
      if !set.isEmpty { dependsBySlot[value.slot] = set }
      return set.sorted()
    }
    notApplicableByComponent = components.map { component in
      var formulas: [Formula?] = [component.score]
      for section in sections[component.sections] {
        formulas.append(section.score)
        for rule in section.rules { formulas += [rule.when, rule.points, rule.count] }
      }
      let set = dependencies(formulas)
      if !set.isEmpty {
        dependsBySlot[component.slot] = set
        for section in sections[component.sections] { dependsBySlot[section.slot] = set }
      }
      return set.sorted()
    }
    // After the total, a left-out part would read as 0: refuse that at load time.
    // The key of the part of the pack each is under, what it is, and its formula.
    var later: [(String, Message, Formula?)] = vetoes.map { ("vetoes", Message(.placeVeto, $0.id), $0.when) }
    later += consequences.map { ("consequences", Message(.placeConsequence, $0.id), $0.when) }
    later += (stars?.items ?? []).map { ("stars", Message(.placeStarItem, $0.id), $0.earnedWhen) }
    later += (stars?.levels ?? []).map { ("stars", Message(.theStarLevel, $0.stars), $0.when) }
    later += bands.map { ("grades", Message(.placeBand, $0.grade), $0.when) }
    later += (cohort?.keys ?? []).map { ("cohort", Message(.placeCohortKey, $0.label), $0.formula) }
    for (key, what, formula) in later {
      guard let formula else { continue }
      for name in formula.references {
        if let slot = symbols.firstIndex(where: { $0.name == name }), let index = classComponentBySlot[slot],
          let condition = components[index].appliesTo
        {
          (formulaNode(formula.source, under: key) ?? top.node).error(
            .usesClassComponent, what, name, condition.source)
          break
        }
        guard let slot = symbols.firstIndex(where: { $0.name == name }), let set = dependsBySlot[slot] else { continue }
        let causes = set.sorted()
        let inputNames = causes.map { inputs[$0].declaration.id }.joined(separator: ", ")
        // Point at the formula itself (found by its text under the part of the pack it belongs to).
        let place = formulaNode(formula.source, under: key) ?? top.node
        if causes.allSatisfy({ inputs[$0].periodPart }) {
          let declarations = periods.filter { period in causes.contains { period.partInputs.contains($0) } }
          place.error(
            .usesSkippedPeriod, what, name, inputNames, missingPolicyText(causes[0]),
            declarations.map { "'\($0.id)'" }.joined(separator: ", "))
        } else {
          var policies: [Message] = []
          for policy in causes.map(missingPolicyText) where !policies.contains(policy) { policies.append(policy) }
          place.error(.usesLeftOutInput, what, name, inputNames, policies.joined())
        }
        break
      }
    }
  }

  /// The node of the formula whose text is `source`, searched for under the part of the pack `what` names (vetoes,
  /// consequences, stars, grades, cohort); nil when it is not found there.
  /// The node of the formula `source` under the top-level `key` (e.g. `vetoes`).
  func formulaNode(_ source: String, under key: String) -> Node? {
    guard let start = rootNode.value.objectValue?[key] else { return nil }
    func search(_ value: JSONValue, _ pointer: JSONPointer) -> Node? {
      switch value.content {
      case .string(let text) where text == source: return Node(value: value, pointer: pointer, sink: sink)
      case .object(let object):
        for member in object.members {
          if let found = search(member.value, pointer.appending(member.key)) { return found }
        }
      case .array(let items):
        for (index, item) in items.enumerated() {
          if let found = search(item, pointer.appending(index)) { return found }
        }
      default: break
      }
      return nil
    }
    return search(start, JSONPointer.root.appending(key))
  }
}

extension [Message] {
  /// The messages one after another, separated by "; " (Chinese "；").
  func joined() -> Message {
    guard var result = first else { return .verbatim("") }
    for next in dropFirst() { result = Message(.semicolonJoined, result, next) }
    return result
  }
}
