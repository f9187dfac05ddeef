extension PackCompiler {
  /// Works out, for each value and component, which not-applicable inputs it depends on (directly or through
  /// values), and checks that nothing decided after the total (vetoes, stars, consequences, cohort) depends on one.
  mutating func analyseNotApplicable(_ top: ObjectNode) {
    let inputIndexBySlot = Dictionary(uniqueKeysWithValues: inputs.enumerated().filter(\.element.notApplicable).map { ($1.slot, $0) })
    guard !inputIndexBySlot.isEmpty else { return }
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
    var later: [(String, Formula?)] = vetoes.map { ("veto '\($0.id)'", $0.when) }
    later += consequences.map { ("consequence '\($0.id)'", $0.when) }
    later += (stars?.items ?? []).map { ("star item '\($0.id)'", $0.earnedWhen) }
    later += (stars?.levels ?? []).map { ("the \($0.stars)-star level", $0.when) }
    later += bands.map { ("grade band '\($0.grade)'", $0.when) }
    later += (cohort?.keys ?? []).map { ("the cohort's ranking key '\($0.label)'", $0.formula) }
    for (what, formula) in later {
      guard let formula else { continue }
      for name in formula.references {
        guard let slot = symbols.firstIndex(where: { $0.name == name }), let set = dependsBySlot[slot] else { continue }
        let inputNames = set.sorted().map { inputs[$0].declaration.id }.joined(separator: ", ")
        top.node.error(
          "\(what) uses '\(name)', which is left out when \(inputNames) is not given (\"whenMissing\": \"notApplicable\"); use it only in components, or give the input a default"
        )
        break
      }
    }
  }
}
