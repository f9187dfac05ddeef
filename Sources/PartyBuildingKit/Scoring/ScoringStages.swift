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
          message: Message(.attendedMoreThanDue, attended.label, attended.id, attendedCount, due.label, due.id, dueCount),
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
    func fail(_ item: CompiledBallotItem, _ message: Message, input: String? = nil) -> AssessmentError {
      AssessmentError(
        code: .invalidValue, message: Message(.ballotItemProblem, item.label, item.id, message),
        inputID: input ?? item.groups.first?.countIDs.first)
    }
    func exact(_ item: CompiledBallotItem, _ body: () throws(ArithmeticError) -> ExactDecimal) throws(AssessmentError) -> ExactDecimal {
      do { return try body() } catch {
        throw fail(item, error.reasonMessage)
      }
    }
    let returned = ballots.returned.map { buffer[$0.slot] }
    for (itemIndex, item) in ballots.items.enumerated() {
      if case .perVoter(let slot, let id) = item.score {
        let attended = buffer[ballots.attended!.slot]
        let count = buffer[slot]
        if count > attended {
          throw fail(item, Message(.countMoreThanAttended, id, count, attended), input: id)
        }
        if attended.isZero { throw fail(item, Message(.nobodyAttended), input: ballots.attended!.id) }
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
              item, Message(.tooFewToTrim, groupName, counted, item.trim, item.trim, item.trim * 2),
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
              Message(
                .noCountedBallot, groupName, tally.isEmpty ? Message(.everyCountIsZero) : Message.verbatim(tally.joined(separator: "，")),
                MessageArgument.list(group.countIDs)),
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
        throw fail(item, Message(.moreCountedThanReturned, allCast, returned))
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
      func fail(_ message: Message, part: Int?) -> AssessmentError {
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
      var cappedPeriods = 0
      for (index, inputIndex) in period.partInputs.enumerated() {
        let name = period.partLabels[index]
        var value: ExactDecimal
        var note = ""
        if !buffer[notGivenBase + inputIndex].isZero {
          switch period.missing {
          case .error:
            throw fail(
              Message(.periodMissingError, partName(index), period.label, period.id),
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
                Message(.periodNothingToCarry, partName(index), period.label, period.id),
                part: index)
            }
            value = carried
            // A formula naming this part directly reads the carried value too.
            buffer[period.partSlots[index]] = carried
            note = "（未提供，沿用上一期）"
          }
        } else {
          value = buffer[period.partSlots[index]]
        }
        previous = value
        // The most one period counts ("每季度 1 篇"): the excess is not counted.
        var excess: ExactDecimal?
        if let most = period.maxPerPeriod, value > most {
          excess = try? value.subtracting(most)
          value = most
          cappedPeriods += 1
        }
        latest = value
        lowest = Swift.min(lowest ?? value, value)
        highest = Swift.max(highest ?? value, value)
        do { sum = try sum.adding(value) } catch {
          throw fail(Message(.periodNumberTooLarge, period.label, period.id), part: nil)
        }
        counted += 1
        var message = ""
        if O.records {
          if let excess, let most = period.maxPerPeriod {
            message = "\(period.label) \(name) = \((try? most.adding(excess)) ?? most)\(note)，计 \(most)（每期最多计 \(most)，超出的 \(excess) 不计）"
          } else {
            message = "\(period.label) \(name) = \(value)\(note)"
          }
        }
        for (checkIndex, check) in period.checks.enumerated() where value < check.below {
          failing[checkIndex] += 1
          if O.records { message += "；低于 \(check.below)（\(check.label)）" }
        }
        observer.record(.period(declaration: declaration, working: message))
      }
      guard counted > 0 else {
        throw fail(
          Message(.noPeriodGiven, period.label, period.id, period.partLabels.joined(separator: "、")),
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
          throw fail(Message(.periodAverageFailed, period.label, period.id, error.reasonMessage), part: nil)
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
        if cappedPeriods > 0, let most = period.maxPerPeriod { how += "，其中 \(cappedPeriods) 期按每期最多 \(most) 计" }
        var message = "\(period.label) = \(result)（\(counted) 期\(how)）"
        for (checkIndex, check) in period.checks.enumerated() {
          message += "；\(check.label) \(failing[checkIndex]) 期"
        }
        observer.record(.period(declaration: declaration, working: message))
      }
    }
  }

  // MARK: The points ledger

  /// One event of the subject, checked and with its rule: what it is worth before caps.
  struct LedgerItem {
    /// Its place in the subject's events.
    var event: Int
    var day: Int
    var rule: Int
    /// Points each time (by level or severity), and each × count, doubled for a repeat.
    var each: ExactDecimal
    var amount: ExactDecimal
    /// The previous event of its kind (an index into the items) when this one is a repeat within the rule's window
    /// (it counts double); nil otherwise.
    var repeatOf: Int?
    /// Its rule's `suspendedWhile` holds for the subject: recorded, not counted.
    var suspended: Bool
    /// The first item of its incident (deductions, or awards of `highestOnly` rules, naming one incident); −1: none.
    var incident: Int
    /// Its calendar period for the rule's `maxPerPeriod` (months since year 0 divided by the period's months).
    var period: Int
  }

  /// An incident's name, deductions and awards apart: one incident counts only its highest of each.
  struct IncidentKey: Hashable {
    var name: String
    var deduction: Bool
  }

  /// What a rule has counted so far in one tally.
  struct LedgerRuleTally {
    var used = ExactDecimal.zero
    var period = Int.min
    var usedInPeriod = ExactDecimal.zero
  }

  /// Computes the points ledger from the subject's events into its slot: base + carry-over + awards − deductions,
  /// with per-period, per-rule and per-category caps, one deduction (and one `highestOnly` award) per incident, doubled
  /// repeats, expired and suspended events and resets; every event reported. Then each check takes the balance at
  /// its period ends, the ledger worked out as if it closed on that day.
  func computeLedger<O: ScoringObserver>(
    _ buffer: UnsafeMutablePointer<ExactDecimal>, events: [LedgerEvent]?, observer: inout O
  ) throws(AssessmentError) {
    guard let ledger = program.ledger else { return }
    func fail(_ message: Message, code: AssessmentError.Code = .invalidValue) -> AssessmentError {
      AssessmentError(code: code, message: message, inputID: ledger.id)
    }
    func exact(_ body: () throws(ArithmeticError) -> ExactDecimal) throws(AssessmentError) -> ExactDecimal {
      do { return try body() } catch {
        throw fail(Message(.labelledProblem, ledger.label, ledger.id, error.reasonMessage), code: .arithmetic)
      }
    }
    guard let events else {
      throw fail(
        Message(.ledgerNoEvents, ledger.label, ledger.id),
        code: .missingInput)
    }
    let slots = UnsafeBufferPointer(start: UnsafePointer(buffer), count: slotCount)
    /// Whether a rule's condition holds for the subject (decided on its inputs, ballots and periods).
    func holds(_ formula: Formula, _ key: String, _ rule: CompiledLedgerRule) throws(AssessmentError) -> Bool {
      do { return !(try formula.evaluate(slots, stack: buffer + stackBase)).isZero } catch {
        throw fail(Message(.ledgerRuleUndecided, ledger.label, ledger.id, key, rule.kind, formula.source, error.detail))
      }
    }
    // Check every event and find its rule (the first of its kind whose `when` holds), day and points.
    var items: [LedgerItem] = []
    items.reserveCapacity(events.count)
    /// The first item of each incident, deductions and awards apart.
    var firstOfIncident: [IncidentKey: Int] = [:]
    for (index, event) in events.enumerated() {
      let place = Message(.eventPlace, index + 1, event.date, event.kind)
      guard let day = LedgerEvent.day(event.date) else { throw fail(Message(.eventDateInvalid, place, event.date)) }
      if day > ledger.asOfDay { throw fail(Message(.eventAfterLedgerCloses, place, ledger.asOf)) }
      var found: Int?
      var ofKind = false
      for candidate in ledger.rules.indices where ledger.rules[candidate].kind == event.kind {
        ofKind = true
        if let when = ledger.rules[candidate].when, !(try holds(when, "when", ledger.rules[candidate])) { continue }
        found = candidate
        break
      }
      guard ofKind else {
        throw fail(
          Message(
            .noLedgerRuleForKind, place, event.kind, Spelling.didYouMeanMessage(event.kind, among: ledger.rules.map(\.kind)),
            MessageArgument.list(ledger.rules.map(\.kind))))
      }
      guard let ruleIndex = found else {
        let conditions = ledger.rules.filter { $0.kind == event.kind }.compactMap { $0.when?.source }
        throw fail(
          Message(.noLedgerRuleApplies, place, event.kind, conditions.joined(separator: "; ")))
      }
      let rule = ledger.rules[ruleIndex]
      var each = ExactDecimal.zero
      switch rule.effect {
      case .award(let points, let byLevel):
        each = points
        if !byLevel.isEmpty {
          guard let entry = byLevel.first(where: { $0.level == event.level }) else {
            throw fail(
              Message(.eventLevelUnknown, place, event.level, MessageArgument.list(byLevel.map(\.level))))
          }
          each = entry.points
        }
      case .deduct(let points, let bySeverity):
        each = points
        if !bySeverity.isEmpty {
          guard let entry = bySeverity.first(where: { $0.severity == event.severity }) else {
            throw fail(
              Message(.eventSeverityUnknown, place, event.severity, MessageArgument.list(bySeverity.map(\.severity))))
          }
          each = entry.points
        }
      case .reset: break
      }
      let amount = try exact { () throws(ArithmeticError) in try each.multiplying(by: ExactDecimal(event.count)) }
      var suspended = false
      if let condition = rule.suspendedWhile { suspended = try holds(condition, "suspendedWhile", rule) }
      // One incident: the deductions naming it, or the awards of `highestOnly` rules naming it (apart).
      var incident = -1
      if !event.incident.isEmpty, rule.effect.isDeduction || rule.highestOnly {
        let key = IncidentKey(name: event.incident, deduction: rule.effect.isDeduction)
        incident = firstOfIncident[key] ?? items.count
        if firstOfIncident[key] == nil { firstOfIncident[key] = items.count }
      }
      let period = rule.period.map { (LedgerEvent.monthNumber(event.date) ?? 0) / $0.months } ?? 0
      items.append(
        LedgerItem(
          event: index, day: day, rule: ruleIndex, each: each, amount: amount, repeatOf: nil, suspended: suspended,
          incident: incident, period: period))
    }
    let order = items.indices.sorted { (items[$0].day, $0) < (items[$1].day, $1) }
    // Repeats are judged on the dates alone: the previous event of the kind makes this one a repeat even when it has
    // expired or does not count (expiry only decides what counts).
    // A subject's events of one kind all have the same rule (`when` is decided on the subject), so the previous event
    // of the rule is the previous one of the kind.
    var previousOfRule = [Int?](repeating: nil, count: ledger.rules.count)
    for index in order {
      let rule = items[index].rule
      guard let window = ledger.rules[rule].repeatWithinDays else { continue }
      if let previous = previousOfRule[rule], items[index].day - items[previous].day <= window {
        let amount = items[index].amount
        items[index].amount = try exact { () throws(ArithmeticError) in try amount.multiplying(by: 2) }
        items[index].repeatOf = previous
      }
      previousOfRule[rule] = index
    }
    var rules = [LedgerRuleTally](repeating: LedgerRuleTally(), count: ledger.rules.count)
    var categories = [(added: ExactDecimal, deducted: ExactDecimal)](repeating: (.zero, .zero), count: ledger.categories.count)
    var best = [Int](repeating: -1, count: items.count)

    /// The balance on `cutoff`: the ledger as if it closed that day (events after it not yet there, expiry counted
    /// back from it). With `recording`, every event is reported (the closing day).
    func tally(upTo cutoff: Int, recording: Bool) throws(AssessmentError) -> ExactDecimal {
      let records = O.records && recording
      func expired(_ item: LedgerItem) -> Bool {
        guard let window = ledger.rules[item.rule].expiresAfterDays else { return false }
        return cutoff - item.day > window
      }
      if records { observer.record(.ledger(kind: .start, ruleID: ledger.id, message: "\(ledger.label) 基础分 \(ledger.base)", points: nil)) }  // not a message: trace wording
      // A reset (a veto) voids the whole total from its day on.
      for index in order where items[index].day <= cutoff {
        guard case .reset = ledger.rules[items[index].rule].effect else { continue }
        if records {
          let rule = ledger.rules[items[index].rule]
          observer.record(
            .ledger(kind: .veto, ruleID: rule.kind, message: "一票否决：\(rule.label)（\(events[items[index].event].date)），\(ledger.label)清零 = 0", points: nil))  // not a message: trace wording
        }
        return .zero
      }
      var total = ledger.base
      if let carrySlot = ledger.carrySlot {
        let last = buffer[carrySlot]
        let carried = try exact { () throws(ArithmeticError) in try last.multiplying(by: ledger.carryShare) }
        total = try exact { () throws(ArithmeticError) in try total.adding(carried) }
        if records {
          observer.record(
            .ledger(
              kind: .award, ruleID: "carryOver",
              message: "\(ledger.carryLabel) \(last) × \(TraceWording.percent(ledger.carryShare)) 结转 \(TraceWording.signedText(carried))",  // not a message: trace wording
              points: carried))
        }
      }
      // One incident counts only its highest amount (after doubling), among the events that count on the day.
      for index in best.indices { best[index] = -1 }
      for index in order where items[index].day <= cutoff && items[index].incident >= 0 {
        let item = items[index]
        if expired(item) || item.suspended { continue }
        let current = best[item.incident]
        if current < 0 || item.amount > items[current].amount { best[item.incident] = index }
      }
      for index in rules.indices { rules[index] = LedgerRuleTally() }
      for index in categories.indices { categories[index] = (.zero, .zero) }
      var awards = ExactDecimal.zero
      var deductions = ExactDecimal.zero
      for index in order {
        let item = items[index]
        if item.day > cutoff { break }
        let rule = ledger.rules[item.rule]
        let isDeduction = rule.effect.isDeduction
        let event = events[item.event]
        let head =
          records
          ? "\(event.date) \(rule.label)\(event.severity.isEmpty ? "" : "（\(event.severity)）")\(event.level.isEmpty ? "" : "（\(event.level)）")"
          : ""
        if expired(item) {
          if records {
            observer.record(.ledger(kind: .note, ruleID: rule.kind, message: TraceWording.ledgerExpired(head, days: rule.expiresAfterDays ?? 0, asOf: ledger.asOf, deduction: isDeduction), points: nil))
          }
          continue
        }
        if item.suspended {
          if records {
            observer.record(.ledger(kind: .note, ruleID: rule.kind, message: TraceWording.ledgerSuspended(head, amount: item.amount, condition: rule.suspendedWhile?.source ?? ""), points: nil))
          }
          continue
        }
        if item.incident >= 0, best[item.incident] != index {
          if records {
            observer.record(.ledger(kind: .note, ruleID: rule.kind, message: TraceWording.ledgerNotHighest(head, incident: event.incident, amount: item.amount, deduction: isDeduction), points: nil))
          }
          continue
        }
        var amount = item.amount
        var limits: [String] = []
        if let most = rule.maxPerPeriod, let period = rule.period {
          if rules[item.rule].period != item.period {
            rules[item.rule].period = item.period
            rules[item.rule].usedInPeriod = .zero
          }
          let room = Swift.max(try exact { () throws(ArithmeticError) in try most.subtracting(rules[item.rule].usedInPeriod) }, .zero)
          if amount > room {
            if records { limits.append("本项\(period.each)最多 \(most) 分") }
            amount = room
          }
        }
        if let most = rule.max {
          let room = Swift.max(try exact { () throws(ArithmeticError) in try most.subtracting(rules[item.rule].used) }, .zero)
          if amount > room {
            if records { limits.append("本项全年最多 \(most) 分") }
            amount = room
          }
        }
        if let category = rule.category, !rule.exemptFromCap {
          let used = isDeduction ? categories[category].deducted : categories[category].added
          let room = Swift.max(try exact { () throws(ArithmeticError) in try ledger.categories[category].max.subtracting(used) }, .zero)
          if amount > room {
            if records { limits.append("\(ledger.categories[category].label)全年最多\(isDeduction ? "扣" : "加") \(ledger.categories[category].max) 分") }
            amount = room
          }
          let now = try exact { () throws(ArithmeticError) in try used.adding(amount) }
          if isDeduction { categories[category].deducted = now } else { categories[category].added = now }
        }
        let counted = amount
        rules[item.rule].used = try exact { () throws(ArithmeticError) in try rules[item.rule].used.adding(counted) }
        rules[item.rule].usedInPeriod = try exact { () throws(ArithmeticError) in try rules[item.rule].usedInPeriod.adding(counted) }
        let signed = isDeduction ? try exact { () throws(ArithmeticError) in try counted.negatedChecked() } : counted
        total = try exact { () throws(ArithmeticError) in try total.adding(signed) }
        if isDeduction {
          deductions = try exact { () throws(ArithmeticError) in try deductions.adding(counted) }
        } else {
          awards = try exact { () throws(ArithmeticError) in try awards.adding(counted) }
        }
        if records {
          var message = "\(head) \(TraceWording.signedText(signed))"
          if event.count > 1 { message += "（\(event.count) 次 × \(item.each) 分）" }
          if let previous = item.repeatOf, let window = rule.repeatWithinDays {
            message += TraceWording.ledgerRepeat(
              window: window, previousDate: events[items[previous].event].date, previousExpired: expired(items[previous]))
          }
          if let when = rule.when { message += "（适用：\(when.source)）" }
          if !limits.isEmpty {
            message += "（按规则计 \(item.amount) 分，\(limits.joined(separator: "，"))，超出的 \(try exact { () throws(ArithmeticError) in try item.amount.subtracting(counted) }) 分不计）"
          }
          if rule.exemptFromCap { message += "（不受\(ledger.categories[rule.category!].label)上限限制）" }
          observer.record(.ledger(kind: isDeduction ? .deduction : .award, ruleID: rule.kind, message: message, points: signed))
        }
      }
      if records {
        observer.record(.ledger(kind: .value, ruleID: ledger.id, message: "\(ledger.label) = \(total)（加 \(awards)，扣 \(deductions)）", points: nil))  // not a message: trace wording
      }
      return total
    }

    let total = try tally(upTo: ledger.asOfDay, recording: true)
    buffer[ledger.slot] = total
    // Each check: the balance at every period end of the year, below the threshold or not.
    for check in ledger.checks {
      var failing = 0
      for (point, day) in check.days.enumerated() {
        let balance = day == ledger.asOfDay ? total : try tally(upTo: day, recording: false)
        let below = balance < check.below
        if below { failing += 1 }
        if O.records {
          observer.record(
            .ledger(
              kind: .period, ruleID: check.id,
              message: TraceWording.ledgerCheckpoint(
                date: check.dates[point], word: check.at.word, ledger: ledger.label, balance: balance,
                below: below ? check.below : nil, check: check.label),
              points: nil))
        }
      }
      buffer[check.slot] = ExactDecimal(failing)
      if O.records {
        observer.record(
          .ledger(
            kind: .period, ruleID: check.id,
            message: "\(check.label) \(failing) 次（\(check.days.count) 个\(check.at.word)中）", points: nil))  // not a message: trace wording
      }
    }
  }
}
