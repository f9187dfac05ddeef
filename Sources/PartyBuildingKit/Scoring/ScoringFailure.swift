/// Why the kernel could not score a subject: where, and what failed. Worded by ``TraceWording/message(of:)``.
struct ScoringFailure: Error {
  /// The part of the pack being scored.
  enum Place: Equatable {
    case input(Int), value(Int), rule(Int), section(Int), component(Int), total, veto(Int), band(Int), starItem(Int),
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
  func message(plan: ScoringPlan, view: UnsafeBufferPointer<ExactDecimal>) -> Message {
    let program = plan.program
    let where_: Message
    switch place {
    case .input(let index): where_ = Message(.placeInput, program.inputs[index].declaration.id)
    case .value(let index): where_ = Message(.placeValue, program.values[index].id)
    case .rule(let index): where_ = Message(.placeRule, program.rule(index).label)
    case .section(let index): where_ = Message(.placeSection, program.sections[index].id)
    case .component(let index): where_ = Message(.placeComponent, program.components[index].id)
    case .total: where_ = Message(.placeTotal)
    case .veto(let index): where_ = Message(.placeVeto, program.vetoes[index].id)
    case .band(let index): where_ = Message(.placeBand, program.bands[index].grade)
    case .starItem(let index): where_ = Message(.placeStarItem, program.stars?.items[index].id ?? "")
    case .starLevel(let index): where_ = Message(.placeStarLevel, program.stars?.levels[index].stars ?? 0)
    case .consequence(let index): where_ = Message(.placeConsequence, program.consequences[index].id)
    case .cohortKey(let index): where_ = Message(.placeCohortKey, program.cohort?.keys[index].label ?? "")
    case .cohortLabel(let index): where_ = Message(.placeCohortLabel, program.cohort?.labels[index].id ?? "")
    case .cohortExclude: where_ = Message(.placeCohortExclude)
    case .outcome(let index): where_ = Message(.placeOutcome, program.outcomes[index].id)
    case .check(let index): where_ = Message(.placeCheck, program.checks[index].id)
    }
    let what: Message
    switch reason {
    case .formula(let index, let failure):
      what = plan.formulas[Int(index)].makeError(failure, slots: view, table: plan.hostFunctions).detail
    case .arithmetic(let error): what = error.reasonMessage
    case .sectionOutOfRange(let score):
      if case .section(let index) = place {
        what = Message(.scoreOutsideRange, score, program.sections[index].floor, program.sections[index].fullMarks)
      } else {
        what = Message(.scoreOutsideSectionRange, score)
      }
    case .noComponentApplies:
      let leftOut = program.components.indices.filter { !view[plan.notApplicableBase + $0].isZero }
        .map { program.components[$0].label }
      what = Message(.noComponentApplies, leftOut.joined(separator: "、"))
    case .weightedFullUnrepresentable:
      what = Message(.weightedFullUnrepresentable)
    case .checkFailed:
      if case .check(let index) = place {
        let check = program.checks[index]
        let facts = check.facts.map { "\(program.symbolLabels[$0]) = \(TraceWording.display(slot: $0, program: program, in: view))" }
        what = Message(.checkFailed, check.message ?? check.label, facts.joined(separator: "，"))
      } else {
        what = Message(.dataContradict)
      }
    case .sectionStartOutOfRange(let start):
      if case .section(let index) = place {
        let section = program.sections[index]
        what = Message(.startOutsideRange, start, section.startFormula?.source ?? "", section.floor, section.fullMarks)
      } else {
        what = Message(.startOutsideSectionRange, start)
      }
    case .belowLowestBand(let total):
      let lowest = program.bands.last
      what = Message(.belowLowestBand, total, lowest?.grade ?? "", lowest?.minimum ?? .zero)
    }
    return Message(.failureAt, where_, what)
  }
}
