extension RulePack {
  /// Whether a result of this pack can be void (its ballots declare a quorum or a check of ballots returned).
  public var canBeVoid: Bool {
    guard let ballots = program.ballots else { return false }
    return ballots.quorum != nil || ballots.issued != nil
  }

  /// Why the vote is void, or nil when it is valid; an error when the session's counts contradict each other.
  func ballotVoidReason(_ slots: [ExactDecimal], subject: Subject, origin: InputOrigin?) throws(AssessmentError) -> String? {
    guard let ballots = program.ballots else { return nil }
    if let due = ballots.due, let attended = ballots.attended {
      let dueCount = slots[due.slot]
      let attendedCount = slots[attended.slot]
      if attendedCount > dueCount {
        throw AssessmentError(
          code: .invalidValue,
          message: "\(attended.label)(\(attended.id)) is \(attendedCount), more than \(due.label)(\(due.id)), \(dueCount); check the two counts",
          subjectID: subject.id, inputID: attended.id, origin: origin)
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
      let issuedCount = slots[issued.slot]
      let returnedCount = slots[returned.slot]
      if returnedCount > issuedCount {
        return "\(returned.label) \(returnedCount) 张，多于\(issued.label) \(issuedCount) 张，\(ballots.label)无效"
      }
    }
    return nil
  }

  /// Computes every ballot item into its slot (exact; division to 12 places), tracing each when asked.
  func computeBallots(
    _ slots: inout [ExactDecimal], subject: Subject, origin: InputOrigin?, explain: Bool, trace: inout [TraceEntry]
  ) throws(AssessmentError) {
    guard let ballots = program.ballots else { return }
    func fail(_ item: CompiledBallotItem, _ message: String, input: String? = nil) -> AssessmentError {
      AssessmentError(
        code: .invalidValue, message: "ballot item \(item.label)(\(item.id)): \(message)", subjectID: subject.id,
        inputID: input ?? item.groups.first?.countIDs.first, origin: origin)
    }
    func exact(_ item: CompiledBallotItem, _ body: () throws(ArithmeticError) -> ExactDecimal) throws(AssessmentError) -> ExactDecimal {
      do { return try body() } catch {
        throw fail(item, error.reason)
      }
    }
    let returned = ballots.returned.map { slots[$0.slot] }
    for item in ballots.items {
      if case .perVoter(let slot, let id) = item.score {
        let attended = slots[ballots.attended!.slot]
        let count = slots[slot]
        if count > attended {
          throw fail(item, "\(id) is \(count), more than the \(attended) who attended; one voter gives at most one", input: id)
        }
        if attended.isZero { throw fail(item, "nobody attended, so there is no count per voter", input: ballots.attended!.id) }
        let value = try exact(item) { () throws(ArithmeticError) in try count.multiplying(by: .hundred).dividing(by: attended) }
        slots[item.slot] = value
        if explain {
          trace.append(TraceEntry(kind: .ballot, ruleID: item.id, message: "\(item.label) = \(count) × 100 / \(attended)（\(ballots.attended!.label)）= \(value)"))
        }
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
          let count = slots[slot]
          allCast = try exact(item) { () throws(ArithmeticError) in try allCast.adding(count) }
          if explain, !count.isZero { tally.append("\(item.choices[index]) \(count)") }
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
              let count = slots[group.countSlots[index]]
              let taken = Swift.min(count, left)
              if taken.isZero { continue }
              left = left - taken
              sum = try exact(item) { () throws(ArithmeticError) in try sum.subtracting(taken.multiplying(by: item.points[index]!)) }
              trimmedText += "，去掉\(descending ? "最高" : "最低") \(taken) 票（\(item.choices[index])）"
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
        if explain {
          var text = "\(groupName)\(tally.isEmpty ? "无票" : tally.joined(separator: "，"))\(trimmedText)"
          if noneCounted {
            text += "；无计入的票，按规定记 \(value)"
          } else {
            switch item.score {
            case .average: text += "；\(counted) 票平均 \(sum) / \(counted) = \(value)"
            case .share(let choice): text += "；\(item.choices[choice]) \(chosen) / 计入 \(counted) 票 = \(value)%"
            case .perVoter: break
            }
          }
          if item.groups.count > 1 { text += " × \(Self.percent(group.weight))" }
          parts.append(text)
        }
      }
      if let returned, allCast > returned {
        throw fail(item, "\(allCast) ballots are counted, more than the \(returned) returned; check the counts")
      }
      slots[item.slot] = result
      if explain {
        trace.append(TraceEntry(kind: .ballot, ruleID: item.id, message: "\(item.label)：\(parts.joined(separator: "；")) → \(item.id) = \(result)"))
      }
    }
  }

  /// The result of a subject whose vote is void: no score, no grade, no stars; the reason says why.
  func voidAssessment(
    _ slots: [ExactDecimal], reason: String, subject: Subject, period: AssessmentPeriod?, explain: Bool,
    trace: [TraceEntry]
  ) -> Assessment {
    var trace = trace
    if explain, let ballots = program.ballots {
      for count in [ballots.due, ballots.attended, ballots.issued, ballots.returned].compactMap({ $0 }) {
        trace.append(TraceEntry(kind: .input, ruleID: count.id, message: "\(count.label) = \(slots[count.slot])"))
      }
      trace.append(TraceEntry(kind: .ballot, ruleID: "void", message: "测评无效：\(reason)；不计分、不定等次"))
    }
    var components: [ComponentScore] = []
    for component in program.components {
      var score = ComponentScore(id: component.id, label: component.label, score: .zero, weight: component.weight, weighted: .zero)
      score.notApplicable = true
      components.append(score)
    }
    var consequences: [FiredConsequence] = []
    for consequence in program.consequences where consequence.onVoid {
      consequences.append(FiredConsequence(id: consequence.id, label: consequence.label, reason: "测评无效"))
      if explain { trace.append(TraceEntry(kind: .consequence, ruleID: consequence.id, message: "\(consequence.label)（因测评无效）")) }
    }
    var assessment = Assessment(
      subject: subject, period: period, schemeID: metadata.id, total: .zero, fullMarks: program.fullMarks,
      components: components, grade: nil, stars: nil, consequences: consequences, trace: trace)
    assessment.voidReason = reason
    if let cohort = program.cohort {
      assessment.cohortEntry = CohortEntry(
        subjectID: subject.id, keys: cohort.keys.map { _ in .zero }, excluded: true,
        forcedLabels: cohort.labels.map { _ in false })
    }
    return assessment
  }
}
