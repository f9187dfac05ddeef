/// The first part of the ballot stage, for a pack that scores items from rater forms (测评表): it accounts for every
/// form of the subject (counted, or void with its reason), counts those who attended and the forms returned when
/// the validity leaves them to the forms, and — unless the vote is void — aggregates each item's marks per rater
/// group into the item's slot. The rest of the ballot stage and the kernel then read those slots like any other.
extension ScoringPlan {
  /// What became of a subject's forms.
  struct FormTally {
    var read = 0
    var counted = 0
  }

  /// A scorer's reusable room for one item's marks.
  final class FormScratch {
    var values: [ExactDecimal] = []
  }

  /// Accounts for the subject's forms and fills the slots of the items scored from them.
  func computeForms<O: ScoringObserver>(
    _ buffer: UnsafeMutablePointer<ExactDecimal>, forms slice: FormSlice?, scratch: FormScratch, tally: inout FormTally,
    observer: inout O
  ) throws(AssessmentError) {
    tally = FormTally()
    guard let ballots = program.ballots, let declared = ballots.forms else { return }
    guard let slice else {
      throw AssessmentError(
        code: .missingInput,
        message: Message(.formsNotGiven, ballots.label, declared.label))
    }
    let table = slice.table
    // A form that cannot be read as one of this pack's rejects its subject: what it says is unknown.
    for form in slice.range where table.status[form] == .problem {
      throw AssessmentError(
        code: .invalidValue, message: Message(.raterFormProblem, table.names[form], table.problems[form] ?? .verbatim("")))
    }
    var counted = 0
    for form in slice.range where table.status[form] == .counted { counted += 1 }
    let read = slice.range.count
    tally = FormTally(read: read, counted: counted)
    if O.records {
      var voidForms: [String] = []
      for form in slice.range {
        switch table.status[form] {
        case .counted, .problem: continue
        case .blank: voidForms.append(TraceWording.voidForm(table.names[form], reason: .blank))
        case .spoiled: voidForms.append(TraceWording.voidForm(table.names[form], reason: .spoiled))
        case .invalid: voidForms.append(TraceWording.voidForm(table.names[form], reason: .invalid(table.notes[form])))
        }
      }
      observer.record(.forms(ruleID: "forms", working: TraceWording.formsTally(declared.label, read: read, counted: counted, void: voidForms)))
    }
    // The counts the forms give, and the counts given checked against them.
    let readCount = ExactDecimal(read)
    if let slot = declared.countSlot {
      buffer[slot] = readCount
      if O.records {
        observer.record(
          .forms(
            ruleID: "forms",
            working: TraceWording.formsCounted(
              declared.label, read: read, attended: declared.attendedFromForms, returned: declared.returnedFromForms)))
      }
    }
    if !declared.returnedFromForms, let returned = ballots.returned {
      let given = buffer[returned.slot]
      if given != readCount {
        throw AssessmentError(
          code: .invalidValue,
          message: Message(.formsNotReturnedCount, read, declared.label, returned.label, returned.id, given),
          inputID: returned.id)
      }
    }
    if !declared.attendedFromForms, let attended = ballots.attended {
      let given = buffer[attended.slot]
      if readCount > given {
        throw AssessmentError(
          code: .invalidValue,
          message: Message(.formsMoreThanAttended, read, declared.label, given, attended.label, attended.id),
          inputID: attended.id)
      }
    }
    // A void vote has nothing to aggregate: the ballot stage says why.
    if try ballotVoidReason(buffer) != nil { return }
    for item in ballots.formItems {
      try computeFormItem(item, buffer, slice: slice, forms: declared, scratch: scratch, observer: &observer)
    }
  }

  /// One item: each rater group's counted marks (abstentions and unmarked fields left out), aggregated, weighted.
  private func computeFormItem<O: ScoringObserver>(
    _ item: CompiledFormItem, _ buffer: UnsafeMutablePointer<ExactDecimal>, slice: FormSlice, forms: CompiledForms,
    scratch: FormScratch, observer: inout O
  ) throws(AssessmentError) {
    let table = slice.table
    let field = forms.fields[item.field]
    func fail(_ message: Message) -> AssessmentError {
      AssessmentError(code: .invalidValue, message: Message(.ballotItemProblem, item.label, item.id, message), inputID: item.id)
    }
    func exact(_ body: () throws(ArithmeticError) -> ExactDecimal) throws(AssessmentError) -> ExactDecimal {
      do { return try body() } catch { throw fail(error.reasonMessage) }
    }
    let pooled = item.groups.isEmpty
    var result = ExactDecimal.zero
    var parts: [String] = []
    for position in 0..<(pooled ? 1 : item.groups.count) {
      let group = pooled ? -1 : item.groups[position].group
      let groupName = pooled ? "" : "\(forms.groups[group].label)："
      var values = scratch.values
      values.removeAll(keepingCapacity: true)
      scratch.values = []
      defer { scratch.values = values }
      var unmarked = 0
      var abstained = 0
      var chosen = 0
      for form in slice.range where table.status[form] == .counted && (pooled || table.groups[form] == Int32(group)) {
        guard table.isGiven(form, item.field) else {
          unmarked += 1
          continue
        }
        let mark = table.mark(form, item.field)
        if field.isChoice {
          let choice = mark.intValue ?? 0
          if field.abstain[choice] {
            abstained += 1
            continue
          }
          if case .share(let index) = item.aggregate {
            if index == choice { chosen += 1 }
            values.append(.zero)
          } else {
            values.append(field.points[choice] ?? .zero)
          }
        } else {
          values.append(mark)
        }
      }
      var value: ExactDecimal
      var working = TraceWording.FormWorking(marks: [], unmarked: unmarked, abstained: abstained)
      if values.isEmpty {
        guard let none = item.whenNoneCounted else {
          let left: Message? =
            unmarked > 0 && abstained > 0
            ? Message(.formsUnmarkedAndAbstained, unmarked, abstained)
            : unmarked > 0 ? Message(.formsUnmarked, unmarked) : abstained > 0 ? Message(.formsAbstained, abstained) : nil
          let leftOut = left.map { Message(.formsLeftOut, $0) } ?? .verbatim("")
          throw fail(Message(.formsNoCountedMark, groupName, field.label, field.id, leftOut))
        }
        value = none
        working.noneCounted = true
      } else {
        let count = values.count
        switch item.aggregate {
        case .share(let index):
          value = try exact { () throws(ArithmeticError) in
            try ExactDecimal(chosen).multiplying(by: .hundred).dividing(by: ExactDecimal(count))
          }
          working.share = (field.declaration.choices[index], chosen, count)
        case .average:
          var sum = ExactDecimal.zero
          for mark in values { sum = try exact { () throws(ArithmeticError) in try sum.adding(mark) } }
          value = try exact { () throws(ArithmeticError) in try sum.dividing(by: ExactDecimal(count)) }
          if O.records {
            working.marks = values
            working.sum = sum
            working.kept = count
          }
        case .trimmedMean(let trim):
          guard count > 2 * trim else {
            throw fail(Message(.formsTooFewToTrim, groupName, count, trim, trim, 2 * trim))
          }
          values.sort(by: >)
          var sum = ExactDecimal.zero
          for mark in values[trim..<count - trim] { sum = try exact { () throws(ArithmeticError) in try sum.adding(mark) } }
          let kept = count - 2 * trim
          value = try exact { () throws(ArithmeticError) in try sum.dividing(by: ExactDecimal(kept)) }
          if O.records {
            working.marks = values
            working.sorted = true
            working.highest = Array(values[..<trim])
            working.lowest = Array(values[(count - trim)...])
            working.sum = sum
            working.kept = kept
          }
        case .median:
          values.sort(by: >)
          if count % 2 == 1 {
            value = values[count / 2]
          } else {
            let (upper, lower) = (values[count / 2 - 1], values[count / 2])
            value = try exact { () throws(ArithmeticError) in try upper.adding(lower).dividing(by: ExactDecimal(2)) }
          }
          if O.records {
            working.marks = values
            working.sorted = true
            working.median = true
          }
        }
      }
      if pooled {
        result = value
      } else if item.groups.count == 1 {
        result = value
      } else {
        let weight = item.groups[position].weight
        let weighted = try exact { () throws(ArithmeticError) in try value.multiplying(by: weight) }
        result = try exact { () throws(ArithmeticError) in try result.adding(weighted) }
      }
      if O.records {
        parts.append(
          TraceWording.formGroup(
            groupName, working, value: value, weight: item.groups.count > 1 ? item.groups[position].weight : nil))
      }
    }
    buffer[item.slot] = result
    if O.records {
      observer.record(.forms(ruleID: item.id, working: TraceWording.formItem(item.label, id: item.id, parts: parts, result: result)))
    }
  }
}
