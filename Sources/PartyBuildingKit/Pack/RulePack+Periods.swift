extension RulePack {
  /// Computes every period declaration's aggregate and check counts into their slots, applying each declaration's
  /// policy for a missing period; traced period by period when asked.
  func computePeriods(
    _ slots: inout [ExactDecimal], notGiven: [Int], subject: Subject, origin: InputOrigin?, explain: Bool,
    trace: inout [TraceEntry]
  ) throws(AssessmentError) {
    for period in program.periods {
      func fail(_ message: String, part: Int?) -> AssessmentError {
        AssessmentError(
          code: part == nil ? .arithmetic : .missingInput, message: message, subjectID: subject.id,
          inputID: part.map { program.inputs[period.partInputs[$0]].declaration.id }, origin: origin)
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
        if notGiven.contains(inputIndex) {
          switch period.missing {
          case .error:
            throw fail(
              "\(partName(index)) is not given, and \(period.label)(\(period.id)) declares \"whenMissing\": \"error\"; add the period's value, or declare skip, zero or carryLast",
              part: index)
          case .skip:
            if explain { trace.append(TraceEntry(kind: .period, ruleID: period.id, message: "\(period.label) \(name)：未提供，不计入")) }
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
          value = slots[period.partSlots[index]]
        }
        previous = value
        latest = value
        lowest = Swift.min(lowest ?? value, value)
        highest = Swift.max(highest ?? value, value)
        do { sum = try sum.adding(value) } catch { throw fail("\(period.label)(\(period.id)): a number grew too large to hold exactly", part: nil) }
        counted += 1
        var message = "\(period.label) \(name) = \(value)\(note)"
        for (checkIndex, check) in period.checks.enumerated() where value < check.below {
          failing[checkIndex] += 1
          message += "；低于 \(check.below)（\(check.label)）"
        }
        if explain { trace.append(TraceEntry(kind: .period, ruleID: period.id, message: message)) }
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
        how = "平均（\(sum) / \(counted)）"
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
        if rounded != result { how += "，\(Self.roundingName(program.rounding))保留 \(places) 位小数" }
        result = rounded
      }
      slots[period.slot] = result
      for (checkIndex, check) in period.checks.enumerated() {
        slots[check.slot] = ExactDecimal(failing[checkIndex])
      }
      if explain {
        var message = "\(period.label) = \(result)（\(counted) 期\(how)）"
        for (checkIndex, check) in period.checks.enumerated() {
          message += "；\(check.label) \(failing[checkIndex]) 期"
        }
        trace.append(TraceEntry(kind: .period, ruleID: period.id, message: message))
      }
    }
  }
}
