/// Conditions on grade bands, direct grades and stars, and what a grade-changing veto does to the total.
extension VetoEffect {
  /// Whether the effect awards a result directly (直接认定) rather than vetoing one.
  var isDirect: Bool {
    if case .setStars = self { return true }
    return false
  }
}

extension RulePack {
  /// The first band from `scored` downward whose `when` holds; each failed condition is traced.
  func bandMeetingConditions(
    from scored: Int, view: UnsafeBufferPointer<ExactDecimal>, explain: Bool, trace: inout [TraceEntry],
    holds: (Formula, String) throws(EvaluationFailure) -> Bool
  ) throws(EvaluationFailure) -> Int {
    var index = scored
    while index < program.bands.count - 1, let when = program.bands[index].when {
      if try holds(when, "grade band '\(program.bands[index].grade)'") { break }
      if explain {
        trace.append(
          TraceEntry(
            kind: .grade, ruleID: "grade",
            message: "\(program.bands[index].grade)的条件 \(when.source) 不满足，降至\(program.bands[index + 1].grade)",
            facts: program.bands[index].whenFacts.map { slot in
              Fact(name: program.symbols[slot].name, label: program.symbolLabels[slot], value: display(slot: slot, in: view))
            }))
      }
      index += 1
    }
    return index
  }

  /// The total after a veto moved the grade: unchanged, the new grade's lowest score, or capped at its highest
  /// (one unit of the total's precision below the band above), as the veto that decided the grade declares.
  func totalFollowingGrade(
    _ grade: Int, total: ExactDecimal, fired: [Int], explain: Bool, trace: inout [TraceEntry],
    arithmetic: (String, () throws(ArithmeticError) -> ExactDecimal) throws(EvaluationFailure) -> ExactDecimal
  ) throws(EvaluationFailure) -> ExactDecimal {
    guard
      let veto = fired.lazy.map({ program.vetoes[$0] }).first(where: { veto in
        switch veto.effect {
        case .capGrade(let g), .setGrade(let g): g == grade && veto.score != .keep
        default: false
        }
      })
    else { return total }
    let band = program.bands[grade]
    var adjusted = total
    var how = ""
    switch veto.score {
    case .keep: return total
    case .floorOfGrade:
      adjusted = band.minimum
      how = "按\(band.grade)的最低分记"
    case .capAtGradeTop:
      let top: ExactDecimal?
      if grade > 0 {
        let unit = ExactDecimal(significand: 1, scale: program.precision)
        top = try arithmetic("veto '\(veto.id)'") { () throws(ArithmeticError) in try program.bands[grade - 1].minimum.subtracting(unit) }
      } else {
        top = band.maximum
      }
      guard let top, total > top else { return total }
      adjusted = top
      how = "不超过\(band.grade)的最高分"
    }
    if explain, adjusted != total {
      trace.append(
        TraceEntry(
          kind: .veto, ruleID: veto.id, message: "\(veto.label)：等次为\(band.grade)，总分\(how) \(adjusted)（原 \(total)）",
          points: try arithmetic("veto '\(veto.id)'") { () throws(ArithmeticError) in try adjusted.subtracting(total) }))
    }
    return adjusted
  }
}
