/// The stages before the kernel: ballots, periods and a points ledger turn counts, period values and events into
/// the slots the kernel reads, reporting what they did through the same observer. Their errors are the subject's
/// (the caller adds the subject and where its record came from).
extension ScoringPlan {
  /// Runs every stage the pack has on the subject whose inputs are in `buffer`; returns why the vote is void, or nil.
  @inline(__always)
  func runStages<O: ScoringObserver>(
    _ buffer: UnsafeMutablePointer<ExactDecimal>, events: [LedgerEvent]?, observer: inout O
  ) throws(AssessmentError) -> String? {
    if program.hasBallots {
      if let reason = try ballotVoidReason(buffer) {
        if O.records, let ballots = program.ballots {
          for count in [ballots.due, ballots.attended, ballots.issued, ballots.returned].compactMap({ $0 }) {
            observer.record(.voteCount(id: count.id, label: count.label, value: buffer[count.slot]))
          }
        }
        observer.record(.voidVote(reason: reason))
        for (index, consequence) in program.consequences.enumerated() where consequence.onVoid {
          observer.record(.consequence(consequence: index, reason: ConsequenceReason.void))
        }
        return reason
      }
      try computeBallots(buffer, observer: &observer)
    }
    if !program.periods.isEmpty { try computePeriods(buffer, observer: &observer) }
    if program.hasLedger { try computeLedger(buffer, events: events, observer: &observer) }
    return nil
  }

  // MARK: Ballots

  /// Why the vote is void, or nil when it is valid; an error when the session's counts contradict each other.
  func ballotVoidReason(_ buffer: UnsafeMutablePointer<ExactDecimal>) throws(AssessmentError) -> String? {
    guard let ballots = program.ballots else { return nil }
    if let due = ballots.due, let attended = ballots.attended {
      let dueCount = buffer[due.slot]
      let attendedCount = buffer[attended.slot]
      if attendedCount > dueCount {
        throw AssessmentError(
          code: .invalidValue,
          message: "\(attended.label)(\(attended.id)) is \(attendedCount), more than \(due.label)(\(due.id)), \(dueCount); check the two counts",
          inputID: attended.id)
      }
      if let quorum = ballots.quorum {
        // attended / due against numerator / denominator, in whole numbers.
        let left = (try? attendedCount.multiplying(by: ExactDecimal(quorum.share.denominator))) ?? attendedCount
        let right = (try? dueCount.multiplying(by: ExactDecimal(quorum.share.numerator))) ?? dueCount
        let met = quorum.strict ? left > right : left >= right
        if !met || dueCount.isZero {
          return "\(attended.label) \(attendedCount) 人，\(quorum.strict ? "未超过" : "不足")\(due.label) \(dueCount) 人的 \(quorum.share.text)，\(ballots.label)无效"
        }
      }
    }
    if let issued = ballots.issued, let returned = ballots.returned {
      let issuedCount = buffer[issued.slot]
      let returnedCount = buffer[returned.slot]
      if returnedCount > issuedCount {
        return "\(returned.label) \(returnedCount) 张，多于\(issued.label) \(issuedCount) 张，\(ballots.label)无效"
      }
    }
    return nil
  }

  /// Computes every ballot item into its slot (exact; division to 12 places).
  func computeBallots<O: ScoringObserver>(_ buffer: UnsafeMutablePointer<ExactDecimal>, observer: inout O) throws(AssessmentError) {
    guard let ballots = program.ballots else { return }
    func fail(_ item: CompiledBallotItem, _ message: String, input: String? = nil) -> AssessmentError {
      AssessmentError(
        code: .invalidValue, message: "ballot item \(item.label)(\(item.id)): \(message)",
        inputID: input ?? item.groups.first?.countIDs.first)
    }
    func exact(_ item: CompiledBallotItem, _ body: () throws(ArithmeticError) -> ExactDecimal) throws(AssessmentError) -> ExactDecimal {
      do { return try body() } catch {
        throw fail(item, error.reason)
      }
    }
    let returned = ballots.returned.map { buffer[$0.slot] }
    for (itemIndex, item) in ballots.items.enumerated() {
      if case .perVoter(let slot, let id) = item.score {
        let attended = buffer[ballots.attended!.slot]
        let count = buffer[slot]
        if count > attended {
          throw fail(item, "\(id) is \(count), more than the \(attended) who attended; one voter gives at most one", input: id)
        }
        if attended.isZero { throw fail(item, "nobody attended, so there is no count per voter", input: ballots.attended!.id) }
        let value = try exact(item) { () throws(ArithmeticError) in try count.multiplying(by: .hundred).dividing(by: attended) }
        buffer[item.slot] = value
        observer.record(
          .ballot(item: itemIndex, working: "\(item.label) = \(count) × 100 / \(attended)（\(ballots.attended!.label)）= \(value)"))
        continue
      }
      var result = ExactDecimal.zero
      var parts: [String] = []
      var allCast = ExactDecimal.zero
      var noneCounted = false
      for group in item.groups {
        // Counted ballots (abstentions left out), and all ballots cast on the item.
        var counted = ExactDecimal.zero
        var sum = ExactDecimal.zero
        var chosen = ExactDecimal.zero
        var tally: [String] = []
        for (index, slot) in group.countSlots.enumerated() {
          let count = buffer[slot]
          allCast = try exact(item) { () throws(ArithmeticError) in try allCast.adding(count) }
          if O.records, !count.isZero { tally.append("\(item.choices[index]) \(count)") }
          if item.abstain[index] { continue }
          counted = try exact(item) { () throws(ArithmeticError) in try counted.adding(count) }
          if case .share(let choice) = item.score, choice == index { chosen = count }
          if let points = item.points[index], case .average = item.score {
            sum = try exact(item) { () throws(ArithmeticError) in try sum.adding(count.multiplying(by: points)) }
          }
        }
        let groupName = group.label.isEmpty ? "" : "\(group.label)："
        // Trimming: drop the highest and the lowest ballots.
        var trimmedText = ""
        if item.trim > 0 {
          let drop = ExactDecimal(item.trim)
          if counted <= (try exact(item) { () throws(ArithmeticError) in try drop.multiplying(by: 2) }) {
            throw fail(
              item, "\(groupName)\(counted) counted ballots; dropping the \(item.trim) highest and \(item.trim) lowest needs more than \(item.trim * 2)",
              input: group.countIDs.first)
          }
          let order = item.points.indices.filter { !item.abstain[$0] }.sorted { item.points[$0]! > item.points[$1]! }
          for descending in [true, false] {
            var left = drop
            for index in (descending ? order : order.reversed()) where !left.isZero {
              let count = buffer[group.countSlots[index]]
              let taken = Swift.min(count, left)
              if taken.isZero { continue }
              left = try exact(item) { () throws(ArithmeticError) in try left.subtracting(taken) }
              sum = try exact(item) { () throws(ArithmeticError) in try sum.subtracting(taken.multiplying(by: item.points[index]!)) }
              if O.records { trimmedText += "，去掉\(descending ? "最高" : "最低") \(taken) 票（\(item.choices[index])）" }
            }
          }
          counted = try exact(item) { () throws(ArithmeticError) in try counted.subtracting(drop.multiplying(by: 2)) }
        }
        var value: ExactDecimal
        if counted.isZero {
          guard let none = item.whenNoneCounted else {
            throw fail(
              item,
              "\(groupName)no counted ballot (\(tally.isEmpty ? "every count is 0" : tally.joined(separator: "，"))); give the counts per choice (\(group.countIDs.joined(separator: ", "))), or declare \"whenNoneCounted\"",
              input: group.countIDs.first)
          }
          value = none
          noneCounted = true
        } else {
          switch item.score {
          case .average: value = try exact(item) { () throws(ArithmeticError) in try sum.dividing(by: counted) }
          case .share: value = try exact(item) { () throws(ArithmeticError) in try chosen.multiplying(by: .hundred).dividing(by: counted) }
          case .perVoter: value = .zero
          }
        }
        if item.groups.count > 1 {
          let weighted = try exact(item) { () throws(ArithmeticError) in try value.multiplying(by: group.weight) }
          result = try exact(item) { () throws(ArithmeticError) in try result.adding(weighted) }
        } else {
          result = value
        }
        if O.records {
          parts.append(
            TraceWording.ballotGroup(
              groupName: groupName, tally: tally, trimmed: trimmedText, noneCounted: noneCounted, value: value,
              score: item.score, choices: item.choices, counted: counted, sum: sum, chosen: chosen,
              weight: item.groups.count > 1 ? group.weight : nil))
        }
      }
      if let returned, allCast > returned {
        throw fail(item, "\(allCast) ballots are counted, more than the \(returned) returned; check the counts")
      }
      buffer[item.slot] = result
      observer.record(.ballot(item: itemIndex, working: "\(item.label)：\(parts.joined(separator: "；")) → \(item.id) = \(result)"))
    }
  }

  // MARK: Periods

  /// Computes every period declaration's aggregate and check counts into their slots, applying each declaration's
  /// policy for a missing period.
  func computePeriods<O: ScoringObserver>(_ buffer: UnsafeMutablePointer<ExactDecimal>, observer: inout O) throws(AssessmentError) {
    for (declaration, period) in program.periods.enumerated() {
      func fail(_ message: String, part: Int?) -> AssessmentError {
        AssessmentError(
          code: part == nil ? .arithmetic : .missingInput, message: message,
          inputID: part.map { program.inputs[period.partInputs[$0]].declaration.id })
      }
      func partName(_ index: Int) -> String {
        "\(program.inputs[period.partInputs[index]].declaration.label)(\(program.inputs[period.partInputs[index]].declaration.id))"
      }
      var sum = ExactDecimal.zero
      var counted = 0
      var lowest: ExactDecimal?
      var highest: ExactDecimal?
      var latest: ExactDecimal?
      var previous: ExactDecimal?
      var failing = [Int](repeating: 0, count: period.checks.count)
      for (index, inputIndex) in period.partInputs.enumerated() {
        let name = period.partLabels[index]
        var value: ExactDecimal
        var note = ""
        if !buffer[notGivenBase + inputIndex].isZero {
          switch period.missing {
          case .error:
            throw fail(
              "\(partName(index)) is not given, and \(period.label)(\(period.id)) declares \"whenMissing\": \"error\"; add the period's value, or declare skip, zero or carryLast",
              part: index)
          case .skip:
            observer.record(.period(declaration: declaration, working: "\(period.label) \(name)：未提供，不计入"))
            continue
          case .zero:
            value = .zero
            note = "（未提供，按 0 计）"
          case .carryLast:
            guard let carried = previous else {
              throw fail(
                "\(partName(index)) is not given and there is no earlier period to carry from (\(period.label)(\(period.id)) declares \"whenMissing\": \"carryLast\"); add the first period's value",
                part: index)
            }
            value = carried
            note = "（未提供，沿用上一期）"
          }
        } else {
          value = buffer[period.partSlots[index]]
        }
        previous = value
        latest = value
        lowest = Swift.min(lowest ?? value, value)
        highest = Swift.max(highest ?? value, value)
        do { sum = try sum.adding(value) } catch {
          throw fail("\(period.label)(\(period.id)): a number grew too large to hold exactly", part: nil)
        }
        counted += 1
        var message = O.records ? "\(period.label) \(name) = \(value)\(note)" : ""
        for (checkIndex, check) in period.checks.enumerated() where value < check.below {
          failing[checkIndex] += 1
          if O.records { message += "；低于 \(check.below)（\(check.label)）" }
        }
        observer.record(.period(declaration: declaration, working: message))
      }
      guard counted > 0 else {
        throw fail(
          "no period of \(period.label)(\(period.id)) is given; add at least one of \(period.partLabels.joined(separator: "、"))",
          part: 0)
      }
      var result: ExactDecimal
      var how: String
      switch period.aggregate {
      case .sum:
        result = sum
        how = "合计"
      case .average:
        do { result = try sum.dividing(by: ExactDecimal(counted)) } catch {
          throw fail("\(period.label)(\(period.id)): the average could not be worked out: \(error.reason)", part: nil)
        }
        how = O.records ? "平均（\(sum) / \(counted)）" : ""
      case .minimum:
        result = lowest!
        how = "最低"
      case .maximum:
        result = highest!
        how = "最高"
      case .latest:
        result = latest!
        how = "最近一期"
      }
      if let places = period.precision {
        let rounded = result.rounded(places: places, rule: program.rounding)
        if O.records, rounded != result { how += "，\(TraceWording.roundingName(program.rounding))保留 \(places) 位小数" }
        result = rounded
      }
      buffer[period.slot] = result
      for (checkIndex, check) in period.checks.enumerated() {
        buffer[check.slot] = ExactDecimal(failing[checkIndex])
      }
      if O.records {
        var message = "\(period.label) = \(result)（\(counted) 期\(how)）"
        for (checkIndex, check) in period.checks.enumerated() {
          message += "；\(check.label) \(failing[checkIndex]) 期"
        }
        observer.record(.period(declaration: declaration, working: message))
      }
    }
  }

  // MARK: The points ledger

  /// Computes the points ledger from the subject's events into its slot: base + carry-over + awards − deductions,
  /// with per-rule and per-category caps, one deduction per incident, doubled repeats, expired deductions and
  /// resets; every event reported.
  func computeLedger<O: ScoringObserver>(
    _ buffer: UnsafeMutablePointer<ExactDecimal>, events: [LedgerEvent]?, observer: inout O
  ) throws(AssessmentError) {
    guard let ledger = program.ledger else { return }
    func fail(_ message: String, code: AssessmentError.Code = .invalidValue) -> AssessmentError {
      AssessmentError(code: code, message: message, inputID: ledger.id)
    }
    func exact(_ body: () throws(ArithmeticError) -> ExactDecimal) throws(AssessmentError) -> ExactDecimal {
      do { return try body() } catch { throw fail("\(ledger.label)(\(ledger.id)): \(error.reason)", code: .arithmetic) }
    }
    guard let events else {
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
    observer.record(.ledger(kind: .start, ruleID: ledger.id, message: "\(ledger.label) 基础分 \(ledger.base)", points: nil))
    // A reset (a veto) voids the whole year's total.
    if let reset = order.first(where: { if case .reset = ledger.rules[resolved[$0].rule].effect { true } else { false } }) {
      let rule = ledger.rules[resolved[reset].rule]
      buffer[ledger.slot] = .zero
      observer.record(
        .ledger(kind: .veto, ruleID: rule.kind, message: "一票否决：\(rule.label)（\(resolved[reset].event.date)），\(ledger.label)清零 = 0", points: nil))
      return
    }
    if let carrySlot = ledger.carrySlot {
      let last = buffer[carrySlot]
      let carried = try exact { () throws(ArithmeticError) in try last.multiplying(by: ledger.carryShare) }
      total = try exact { () throws(ArithmeticError) in try total.adding(carried) }
      observer.record(
        .ledger(
          kind: .award, ruleID: "carryOver",
          message: "\(ledger.carryLabel) \(last) × \(TraceWording.percent(ledger.carryShare)) 结转 \(TraceWording.signedText(carried))",
          points: carried))
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
        observer.record(
          .ledger(kind: .note, ruleID: rule.kind, message: "\(head)：已超过 \(rule.expiresAfterDays ?? 0) 天（截至 \(ledger.asOf)），扣分失效，不计", points: nil))
        continue
      }
      if isDeduction, !item.event.incident.isEmpty, bestOfIncident[item.event.incident] != index {
        observer.record(
          .ledger(kind: .note, ruleID: rule.kind, message: "\(head)：同一事件（\(item.event.incident)）只计最高扣分，本条 \(amounts[index]) 分不计", points: nil))
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
      let signed = isDeduction ? try exact { () throws(ArithmeticError) in try amount.negatedChecked() } : amount
      total = try exact { () throws(ArithmeticError) in try total.adding(signed) }
      if isDeduction {
        deductions = try exact { () throws(ArithmeticError) in try deductions.adding(amount) }
      } else {
        awards = try exact { () throws(ArithmeticError) in try awards.adding(amount) }
      }
      if O.records {
        var message = "\(head) \(TraceWording.signedText(signed))\(notes[index])"
        if !limits.isEmpty {
          message += "（按规则计 \(amounts[index]) 分，\(limits.joined(separator: "，"))，超出的 \(try exact { () throws(ArithmeticError) in try amounts[index].subtracting(amount) }) 分不计）"
        }
        if rule.exemptFromCap { message += "（不受\(ledger.categories[rule.category!].label)上限限制）" }
        observer.record(.ledger(kind: isDeduction ? .deduction : .award, ruleID: rule.kind, message: message, points: signed))
      }
    }
    buffer[ledger.slot] = total
    observer.record(.ledger(kind: .value, ruleID: ledger.id, message: "\(ledger.label) = \(total)（加 \(awards)，扣 \(deductions)）", points: nil))
  }
}
