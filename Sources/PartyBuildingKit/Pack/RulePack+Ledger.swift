extension RulePack {
  /// Computes the points ledger from the subject's events into its slot: base + carry-over + awards − deductions,
  /// with per-rule and per-category caps, one deduction per incident, doubled repeats, expired deductions and
  /// resets; every event traced.
  func computeLedger(
    _ slots: inout [ExactDecimal], subject: Subject, origin: InputOrigin?, explain: Bool, trace: inout [TraceEntry]
  ) throws(AssessmentError) {
    guard let ledger = program.ledger else { return }
    func fail(_ message: String, code: AssessmentError.Code = .invalidValue) -> AssessmentError {
      AssessmentError(code: code, message: message, subjectID: subject.id, inputID: ledger.id, origin: origin)
    }
    func exact(_ body: () throws(ArithmeticError) -> ExactDecimal) throws(AssessmentError) -> ExactDecimal {
      do { return try body() } catch { throw fail("\(ledger.label)(\(ledger.id)): \(error.reason)", code: .arithmetic) }
    }
    guard let events = subject.events else {
      throw fail(
        "\(ledger.label)(\(ledger.id)) is built from events, but none are given; give an \"events\" array in JSON or JSON Lines (a CSV row cannot carry events), or \"events\": [] for none",
        code: .missingInput)
    }
    // Check every event and find its rule and day.
    var resolved: [(event: LedgerEvent, day: Int, rule: Int, each: ExactDecimal)] = []
    resolved.reserveCapacity(events.count)
    for (index, event) in events.enumerated() {
      let place = "event \(index + 1) (\(event.date) \(event.kind))"
      guard let day = LedgerEvent.day(event.date) else { throw fail("\(place): '\(event.date)' is not a date written YYYY-MM-DD") }
      if day > ledger.asOfDay { throw fail("\(place) is after the ledger closes on \(ledger.asOf); correct the date or leave it for next year") }
      guard let ruleIndex = ledger.rules.firstIndex(where: { $0.kind == event.kind }) else {
        throw fail(
          "\(place): no ledger rule for the kind '\(event.kind)'\(Spelling.didYouMean(event.kind, among: ledger.rules.map(\.kind))); the kinds are \(ledger.rules.map(\.kind).joined(separator: ", "))")
      }
      var each = ExactDecimal.zero
      switch ledger.rules[ruleIndex].effect {
      case .award(let points): each = points
      case .deduct(let points, let bySeverity):
        each = points
        if !bySeverity.isEmpty {
          guard let entry = bySeverity.first(where: { $0.severity == event.severity }) else {
            throw fail(
              "\(place): the severity '\(event.severity)' is not one of \(bySeverity.map(\.severity).joined(separator: ", ")); give the event's 'severity'")
          }
          each = entry.points
        }
      case .reset: break
      }
      resolved.append((event, day, ruleIndex, each))
    }
    let order = resolved.indices.sorted { (resolved[$0].day, $0) < (resolved[$1].day, $1) }
    var total = ledger.base
    if explain { trace.append(TraceEntry(kind: .start, ruleID: ledger.id, message: "\(ledger.label) 基础分 \(ledger.base)", scope: ledger.id)) }
    // A reset (a veto) voids the whole year's total.
    if let reset = order.first(where: { if case .reset = ledger.rules[resolved[$0].rule].effect { true } else { false } }) {
      let rule = ledger.rules[resolved[reset].rule]
      slots[ledger.slot] = .zero
      if explain {
        trace.append(
          TraceEntry(kind: .veto, ruleID: rule.kind, message: "一票否决：\(rule.label)（\(resolved[reset].event.date)），\(ledger.label)清零 = 0", scope: ledger.id))
      }
      return
    }
    if let carrySlot = ledger.carrySlot {
      let last = slots[carrySlot]
      let carried = try exact { () throws(ArithmeticError) in try last.multiplying(by: ledger.carryShare) }
      total = try exact { () throws(ArithmeticError) in try total.adding(carried) }
      if explain {
        trace.append(
          TraceEntry(
            kind: .award, ruleID: "carryOver", message: "\(ledger.carryLabel) \(last) × \(Self.percent(ledger.carryShare)) 结转 \(Self.signed(carried))",
            points: carried, scope: ledger.id))
      }
    }
    // Amounts: expiry, repeats doubled.
    var amounts = [ExactDecimal](repeating: .zero, count: resolved.count)
    var notes = [String](repeating: "", count: resolved.count)
    var expired = [Bool](repeating: false, count: resolved.count)
    var lastDay: [Int: Int] = [:]
    for index in order {
      let item = resolved[index]
      let rule = ledger.rules[item.rule]
      var amount = try exact { () throws(ArithmeticError) in try item.each.multiplying(by: ExactDecimal(item.event.count)) }
      if item.event.count > 1 { notes[index] = "（\(item.event.count) 次 × \(item.each) 分）" }
      if let window = rule.expiresAfterDays, ledger.asOfDay - item.day > window {
        expired[index] = true
        continue
      }
      if let window = rule.repeatWithinDays {
        if let previous = lastDay[item.rule], item.day - previous <= window {
          amount = try exact { () throws(ArithmeticError) in try amount.multiplying(by: 2) }
          notes[index] += "（\(window) 天内再次发生，加倍）"
        }
        lastDay[item.rule] = item.day
      }
      amounts[index] = amount
    }
    // One incident counts only its highest deduction.
    var bestOfIncident: [String: Int] = [:]
    for index in order where !expired[index] && !resolved[index].event.incident.isEmpty {
      guard case .deduct = ledger.rules[resolved[index].rule].effect else { continue }
      let incident = resolved[index].event.incident
      if let best = bestOfIncident[incident] {
        if amounts[index] > amounts[best] { bestOfIncident[incident] = index }
      } else {
        bestOfIncident[incident] = index
      }
    }
    // Caps per rule and per category, in date order.
    var usedByRule = [ExactDecimal](repeating: .zero, count: ledger.rules.count)
    var addedByCategory = [ExactDecimal](repeating: .zero, count: ledger.categories.count)
    var deductedByCategory = [ExactDecimal](repeating: .zero, count: ledger.categories.count)
    var awards = ExactDecimal.zero
    var deductions = ExactDecimal.zero
    for index in order {
      let item = resolved[index]
      let rule = ledger.rules[item.rule]
      let isDeduction: Bool
      if case .deduct = rule.effect { isDeduction = true } else { isDeduction = false }
      let head = "\(item.event.date) \(rule.label)\(item.event.severity.isEmpty ? "" : "（\(item.event.severity)）")"
      if expired[index] {
        if explain {
          trace.append(
            TraceEntry(kind: .note, ruleID: rule.kind, message: "\(head)：已超过 \(rule.expiresAfterDays ?? 0) 天（截至 \(ledger.asOf)），扣分失效，不计", scope: ledger.id))
        }
        continue
      }
      if isDeduction, !item.event.incident.isEmpty, bestOfIncident[item.event.incident] != index {
        if explain {
          trace.append(
            TraceEntry(kind: .note, ruleID: rule.kind, message: "\(head)：同一事件（\(item.event.incident)）只计最高扣分，本条 \(amounts[index]) 分不计", scope: ledger.id))
        }
        continue
      }
      var amount = amounts[index]
      var limits: [String] = []
      if let most = rule.max {
        let room = Swift.max(try exact { () throws(ArithmeticError) in try most.subtracting(usedByRule[item.rule]) }, .zero)
        if amount > room {
          limits.append("本项全年最多 \(most) 分")
          amount = room
        }
      }
      if let category = rule.category, !rule.exemptFromCap {
        let used = isDeduction ? deductedByCategory[category] : addedByCategory[category]
        let room = Swift.max(try exact { () throws(ArithmeticError) in try ledger.categories[category].max.subtracting(used) }, .zero)
        if amount > room {
          limits.append("\(ledger.categories[category].label)全年最多\(isDeduction ? "扣" : "加") \(ledger.categories[category].max) 分")
          amount = room
        }
        if isDeduction {
          deductedByCategory[category] = try exact { () throws(ArithmeticError) in try used.adding(amount) }
        } else {
          addedByCategory[category] = try exact { () throws(ArithmeticError) in try used.adding(amount) }
        }
      }
      usedByRule[item.rule] = try exact { () throws(ArithmeticError) in try usedByRule[item.rule].adding(amount) }
      let signed = isDeduction ? amount.negated() : amount
      total = try exact { () throws(ArithmeticError) in try total.adding(signed) }
      if isDeduction {
        deductions = try exact { () throws(ArithmeticError) in try deductions.adding(amount) }
      } else {
        awards = try exact { () throws(ArithmeticError) in try awards.adding(amount) }
      }
      if explain {
        var message = "\(head) \(Self.signed(signed))\(notes[index])"
        if !limits.isEmpty {
          message += "（按规则计 \(amounts[index]) 分，\(limits.joined(separator: "，"))，超出的 \(try exact { () throws(ArithmeticError) in try amounts[index].subtracting(amount) }) 分不计）"
        }
        if rule.exemptFromCap { message += "（不受\(ledger.categories[rule.category!].label)上限限制）" }
        trace.append(
          TraceEntry(kind: isDeduction ? .deduction : .award, ruleID: rule.kind, message: message, points: signed, scope: ledger.id))
      }
    }
    slots[ledger.slot] = total
    if explain {
      trace.append(
        TraceEntry(kind: .value, ruleID: ledger.id, message: "\(ledger.label) = \(total)（加 \(awards)，扣 \(deductions)）", scope: ledger.id))
    }
  }
}
