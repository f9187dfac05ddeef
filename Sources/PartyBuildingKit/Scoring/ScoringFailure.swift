/// Why the kernel could not score a subject: where, and what failed. Worded by ``TraceWording/message(of:)``.
struct ScoringFailure: Error {
  /// The part of the pack being scored.
  enum Place: Equatable {
    case value(Int), rule(Int), section(Int), component(Int), total, veto(Int), band(Int), starItem(Int),
      starLevel(Int), consequence(Int), cohortKey(Int), cohortLabel(Int), cohortExclude, outcome(Int), check(Int)
  }

  /// What failed.
  enum Reason {
    /// A formula (``ScoringPlan/formulas`` index) failed.
    case formula(Int32, FormulaRunFailure)
    /// An arithmetic step of the pack's own (adding a rule's points, weighting a component…).
    case arithmetic(ArithmeticError)
    /// A section's `score` formula gave a score outside floor…full marks.
    case sectionOutOfRange(ExactDecimal)
    /// Every component was left out as not applicable.
    case noComponentApplies
    /// A component's full marks × weight cannot be held exactly, and re-normalising needs it.
    case weightedFullUnrepresentable
    /// The total is below the lowest grade band's `min` (a section floor below 0, or re-normalised weights, let it
    /// fall there): it would have no grade, which is never left silent.
    case belowLowestBand(ExactDecimal)
    /// A check across inputs (`checks`) rejected the subject.
    case checkFailed
    /// A section's computed start (`startsFrom`) is outside its floor…full marks.
    case sectionStartOutOfRange(ExactDecimal)
  }

  var place: Place
  var reason: Reason
}

extension ScoringFailure {
  /// The kind of error a subject gets: contradicting data for a failed check, a computation otherwise.
  var code: AssessmentError.Code {
    if case .checkFailed = reason { return .inconsistentInputs }
    return .arithmetic
  }

  /// The failure as a person reads it: the part of the pack, then what went wrong and what to do.
  func message(plan: ScoringPlan, view: UnsafeBufferPointer<ExactDecimal>) -> String {
    let program = plan.program
    let where_: String
    switch place {
    case .value(let index): where_ = "value '\(program.values[index].id)'"
    case .rule(let index): where_ = "rule '\(program.rule(index).label)'"
    case .section(let index): where_ = "section '\(program.sections[index].id)'"
    case .component(let index): where_ = "component '\(program.components[index].id)'"
    case .total: where_ = "the total"
    case .veto(let index): where_ = "veto '\(program.vetoes[index].id)'"
    case .band(let index): where_ = "grade band '\(program.bands[index].grade)'"
    case .starItem(let index): where_ = "star item '\(program.stars?.items[index].id ?? "")'"
    case .starLevel(let index): where_ = "\(program.stars?.levels[index].stars ?? 0)-star level"
    case .consequence(let index): where_ = "consequence '\(program.consequences[index].id)'"
    case .cohortKey(let index): where_ = "the cohort's ranking key '\(program.cohort?.keys[index].label ?? "")'"
    case .cohortLabel(let index): where_ = "cohort label '\(program.cohort?.labels[index].id ?? "")'"
    case .cohortExclude: where_ = "the cohort's 'exclude'"
    case .outcome(let index): where_ = "outcome '\(program.outcomes[index].id)'"
    case .check(let index): where_ = "check '\(program.checks[index].id)'"
    }
    let what: String
    switch reason {
    case .formula(let index, let failure): what = plan.formulas[Int(index)].makeError(failure, slots: view, table: plan.hostFunctions).message
    case .arithmetic(let error): what = error.reason
    case .sectionOutOfRange(let score):
      if case .section(let index) = place {
        what = "its score \(score) is outside \(program.sections[index].floor)…\(program.sections[index].fullMarks)"
      } else {
        what = "its score \(score) is outside the section's range"
      }
    case .noComponentApplies:
      let leftOut = program.components.indices.filter { !view[plan.notApplicableBase + $0].isZero }
        .map { program.components[$0].label }
      what = "no component applies (\(leftOut.joined(separator: "、")) not applicable); give at least one of their inputs"
    case .weightedFullUnrepresentable:
      what = "its full marks × weight cannot be held exactly, which re-normalising the weights needs; give every input it uses"
    case .checkFailed:
      if case .check(let index) = place {
        let check = program.checks[index]
        let facts = check.facts.map { "\(program.symbolLabels[$0]) = \(TraceWording.display(slot: $0, program: program, in: view))" }
        what = "\(check.message ?? check.label)（\(facts.joined(separator: "，"))）; correct the data"
      } else {
        what = "the data contradict each other"
      }
    case .sectionStartOutOfRange(let start):
      if case .section(let index) = place {
        let section = program.sections[index]
        what = "its start \(start) ('\(section.startFormula?.source ?? "")') is outside \(section.floor)…\(section.fullMarks); check the inputs it uses"
      } else {
        what = "its start \(start) is outside the section's range"
      }
    case .belowLowestBand(let total):
      let lowest = program.bands.last
      what =
        "it is \(total), below the lowest grade band ('\(lowest?.grade ?? "")' from \(lowest?.minimum ?? .zero)), so it "
        + "would have no grade; lower that band's 'min', or raise the section floors that let the total fall below it"
    }
    return "\(where_): \(what)"
  }
}
