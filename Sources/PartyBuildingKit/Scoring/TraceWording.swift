/// How people read a scored subject: every line of an explanation and every word of a result, in one place.
///
/// The kernel and the stages say what happened (``ScoringEvent``); this catalogue says it in Chinese, the language of
/// the people assessed. Code elsewhere does not spell out trace or result text.
package enum TraceWording {
  /// The explanation line of `event`, or nil when the event is not shown (a condition that held, say).
  /// A call of a host function: `外部函数 职级系数(12, 是) = 1.2`, or what went wrong; the arguments as facts.
  static func hostCall(_ call: HostCallRecord, table: HostFunctionTable) -> TraceEntry {
    let declaration = table.declarations[call.function]
    let arguments = zip(call.arguments.values, declaration.arguments).map { value, type in
      type == .boolean ? (value.isZero ? "否" : "是") : value.description
    }
    let written = "\(declaration.name)(\(arguments.joined(separator: ", ")))"
    let message: String
    switch call.outcome {
    case .success(let value):
      let result = declaration.result == .boolean ? (value.isZero ? "否" : "是") : value.description
      message = "外部函数 \(written) = \(result)" + (declaration.label.isEmpty ? "" : "（\(declaration.label)）")
    case .failure(let failure):
      message = "外部函数 \(written) 未得到结果：\(failure.reason)"
    }
    let facts = arguments.indices.map { Fact(name: "#\($0 + 1)", label: "参数\($0 + 1)", value: arguments[$0]) }
    return TraceEntry(kind: .function, ruleID: declaration.name, message: message, facts: facts)
  }

  /// Where a linked input's value came from, after the value: `（关联 example-linked-branch 1.0.0，ZG001）`; an
  /// aggregate says what it combined: `（关联 example-linked-branch 1.0.0 的 3 个对象，总分平均：ZG001、ZG002、ZG003）`.
  static func linkedSource(_ source: LinkedSource) -> String {
    let pack = source.packID + (source.packVersion.map { " \($0)" } ?? "")
    let ids =
      source.subjectIDs.count <= 5
      ? source.subjectIDs.joined(separator: "、") : source.subjectIDs.prefix(5).joined(separator: "、") + "等"
    guard let aggregate = source.aggregate else { return "（关联 \(pack)，\(ids)）" }
    var field = ""
    switch source.field {
    case "total"?: field = "总分"
    case "grade"?: field = "等次"
    case "stars"?: field = "星级"
    case let text? where text.hasPrefix("label:"): field = "标签" + text.dropFirst(6)
    case let text? where text.hasPrefix("outcome:"): field = String(text.dropFirst(8))
    default: field = ""
    }
    // What was counted: 等次为好、较好 / 星级 ≥ 5.
    let counted = source.counted.map { source.field == "grade" ? "为\($0)" : " \($0)" } ?? ""
    let how: String
    switch aggregate {
    case "average": how = "\(field)平均"
    case "sum": how = "\(field)合计"
    case "min": how = "\(field)最低"
    case "max": how = "\(field)最高"
    case "count": how = field.isEmpty ? "个数" : "\(field)\(counted)的个数"
    default: how = "\(field)\(counted)的占比"
    }
    return "（关联 \(pack) 的 \(source.subjectIDs.count) 个对象，\(how)：\(ids)）"
  }

  /// The first line of a subject's explanation for a pack that reads last period's results: where its previous
  /// result was read (file, line, period) or that the results have none for it, and the earlier run — the pack and
  /// its version, when the run ended, the file's SHA-256 digest.
  static func previousRun(
    label: String, source: PreviousResults.Source, line: Int?, period: String?, found: Bool
  ) -> TraceEntry {
    var facts: [String] = []
    if let packID = source.packID {
      facts.append("规则包 \(packID)\(source.packVersion.map { " \($0)" } ?? "")")
    }
    if let finished = source.finishedAt { facts.append("运行结束于 \(finished)") }
    if let sha256 = source.sha256 { facts.append("文件 SHA-256 \(sha256)") }
    let place: String
    if found {
      let lineText = (line ?? 0) > 0 ? " 第 \(line ?? 0) 行" : ""
      let periodText = (period ?? "").isEmpty ? "" : "，考核期 \(period ?? "")"
      place = "取自 \(source.file)\(lineText)\(periodText)"
    } else {
      place = "\(source.file) 中没有本对象的结果"
    }
    return TraceEntry(
      kind: .input, ruleID: "previous",
      message: "\(label)：\(place)\(facts.isEmpty ? "" : "（\(facts.joined(separator: "；"))）")")
  }

  /// A previous field's value, read from last period's results: `上年评定星级 = 3星（上期结果）`.
  static let previousMark = "（上期结果）"

  static func entry(_ event: ScoringEvent, plan: ScoringPlan, view: UnsafeBufferPointer<ExactDecimal>) -> TraceEntry? {
    let program = plan.program
    func facts(_ slots: [Int]) -> [Fact] {
      slots.map {
        Fact(name: program.symbols[$0].name, label: program.symbolLabels[$0], value: display(slot: $0, program: program, in: view))
      }
    }
    switch event {
    case .input(let index):
      let input = program.inputs[index]
      return TraceEntry(
        kind: .input, ruleID: input.declaration.id,
        message: "\(input.declaration.label) = \(display(slot: input.slot, program: program, in: view))\(input.declaration.unit)\(input.previousField == nil ? "" : previousMark)")
    case .inputNotGiven(let index):
      let input = program.inputs[index]
      if input.previousField != nil {
        return TraceEntry(
          kind: .input, ruleID: input.declaration.id,
          message: "\(input.declaration.label)：无上期结果，按 \(display(slot: input.slot, program: program, in: view))\(input.declaration.unit) 计")
      }
      if view[plan.notGivenBase + index] == ScoringPlan.outsideClassMark {
        return TraceEntry(
          kind: .input, ruleID: input.declaration.id,
          message: "\(input.declaration.label)：不适用（仅适用于 \(input.appliesTo?.source ?? "")）")
      }
      return TraceEntry(
        kind: .input, ruleID: input.declaration.id, message: "\(input.declaration.label)：未提供\(input.periodPart ? "" : "（不适用）")")
    case .value(let index):
      let value = program.values[index]
      return TraceEntry(
        kind: .value, ruleID: value.id, message: "\(value.label) = \(view[value.slot])（\(value.formula.source)）",
        facts: facts(value.facts))
    case .valueNotApplicable(let index):
      let value = program.values[index]
      return TraceEntry(
        kind: .missing, ruleID: value.id,
        message: "\(value.label)：不适用（\(notApplicableReason(program.notApplicableByValue[index], plan: plan, view: view))）")
    case .outcome(let index):
      let outcome = program.outcomes[index]
      return TraceEntry(
        kind: .outcome, ruleID: outcome.id, message: "\(outcome.label) = \(view[outcome.slot])（\(outcome.formula.source)）",
        points: nil, facts: facts(outcome.facts))
    case .sectionScored(let index, let score):
      let section = program.sections[index]
      return TraceEntry(
        kind: .section, ruleID: section.id, message: "\(section.label) 得分 \(score)（\(section.score?.source ?? "")）",
        points: score, facts: facts(section.scoreFacts), scope: section.id)
    case .sectionStarts(let index, let start):
      let section = program.sections[index]
      if let formula = section.startFormula {
        return TraceEntry(
          kind: .start, ruleID: section.id,
          message: "\(section.label)（满分 \(section.fullMarks) 分，从 \(start) 分起计：\(formula.source)）",
          facts: facts(section.scoreFacts), scope: section.id)
      }
      let message =
        section.isBonus
        ? (section.uncapped ? "\(section.label)（加分项，不设上限）" : "\(section.label)（加分项，上限 \(section.fullMarks) 分）")
        : "\(section.label)（满分 \(section.fullMarks) 分，\(section.startsFull ? "从满分起扣" : "从 0 分起计")）"
      return TraceEntry(kind: .start, ruleID: section.id, message: message, scope: section.id)
    case .rule(let ruleIndex, let sectionIndex, let signed, let each, let times, let limited):
      let section = program.sections[sectionIndex]
      let rule = program.rule(ruleIndex)
      var message = "\(rule.label) \(signedText(signed))"
      if let times { message += "（\(times) 次 × \(each) 分）" }
      if let limited {
        message += "（按规则计 \(limited) 分，本项最多\(rule.kind.isDeduction ? "扣" : "加") \(unsigned(signed)) 分）"
      }
      return TraceEntry(
        kind: rule.kind.isDeduction ? .deduction : (section.isBonus ? .bonus : .award), ruleID: rule.id,
        message: message, points: signed, facts: facts(rule.facts), scope: section.id)
    case .sectionCapped(let index, let excess):
      let section = program.sections[index]
      return TraceEntry(
        kind: .cap, ruleID: section.id,
        message: "\(section.label) \(section.isBonus ? "加分上限" : "封顶") \(section.fullMarks) 分，超出的 \(excess) 分不计",
        points: opposite(excess), scope: section.id)
    case .sectionFloored(let index, let short):
      let section = program.sections[index]
      return TraceEntry(
        kind: .floor, ruleID: section.id, message: "\(section.label) 扣完为止：最低 \(section.floor) 分，超扣的 \(short) 分不计",
        points: short, scope: section.id)
    case .sectionZeroed(let index, let ruleIndex, let lost):
      let section = program.sections[index]
      let rule = program.rule(ruleIndex)
      return TraceEntry(
        kind: .zeroed, ruleID: rule.id, message: "\(rule.label)：\(section.label) 记 0 分", points: opposite(lost),
        facts: facts(rule.facts), scope: section.id)
    case .sectionEnds(let index, let score):
      let section = program.sections[index]
      let of = section.uncapped ? "" : " / \(section.fullMarks)"
      return TraceEntry(kind: .section, ruleID: section.id, message: "= \(score)\(of)", scope: section.id)
    case .componentNotApplicable(let index):
      let component = program.components[index]
      return TraceEntry(
        kind: .missing, ruleID: component.id,
        message: "\(component.label) 不适用（\(notApplicableReason(program.notApplicableByComponent[index], plan: plan, view: view))），权重 \(percent(component.weight)) 不计",
        scope: component.id)
    case .componentOutsideClass(let index):
      let component = program.components[index]
      return TraceEntry(
        kind: .missing, ruleID: component.id,
        message: "\(component.label) 不适用（仅适用于 \(component.appliesTo?.source ?? "")），权重 \(percent(component.weight)) 不计",
        scope: component.id)
    case .componentRounded(let index, let from, let to):
      let component = program.components[index]
      return TraceEntry(
        kind: .rounding, ruleID: component.id,
        message: "\(component.label) \(from) \(roundingName(program.rounding))保留 \(component.precision ?? 0) 位小数 = \(to)",
        scope: component.id)
    case .componentScored(let index, let score, let weighted):
      let component = program.components[index]
      let message =
        component.weight == .one
        ? "\(component.label) \(score) 分" : "\(component.label) \(score) × \(percent(component.weight)) = \(weighted)"
      return TraceEntry(
        kind: .component, ruleID: component.id, message: message, points: weighted, facts: facts(component.scoreFacts),
        scope: component.id)
    case .renormalised(let sum, let applicableFull, let scaled):
      return TraceEntry(
        kind: .missing, ruleID: "total",
        message: "不适用项不计，其余权重重新归一：加权和 \(sum) × \(program.fullMarks) / \(applicableFull)（适用部分的加权满分）= \(scaled)")
    case .total(let sum, let total):
      var message = "总分 \(sum)"
      if total != sum { message += " \(roundingName(program.rounding))保留 \(program.precision) 位小数 = \(total)" }
      return TraceEntry(kind: .total, ruleID: "total", message: message, points: total)
    case .vetoCondition, .ruleCondition, .starLevelCondition(_, true), .consequenceCondition, .bandCondition(_, true),
      .checkCondition, .componentClass:
      return nil
    case .vetoZeroedTotal(let index, let lost):
      let veto = program.vetoes[index]
      return TraceEntry(
        kind: .veto, ruleID: veto.id, message: "一票否决：\(veto.label)，总分记为 0", points: opposite(lost), facts: facts(veto.facts))
    case .vetoFired(let index):
      let veto = program.vetoes[index]
      return TraceEntry(
        kind: .veto, ruleID: veto.id,
        message: "\(veto.effect.isDirect ? "直接认定" : "一票否决")：\(veto.label)，\(ResultWording.effect(of: veto.effect, program: program))\(veto.capStars.map { "，星级最高 \($0) 星" } ?? "")",
        facts: facts(veto.facts))
    case .gradeByScore(let index, let total):
      let band = program.bands[index]
      let upper = band.below.map { " < \($0)" } ?? band.maximum.map { " ≤ \($0)" } ?? ""
      return TraceEntry(kind: .grade, ruleID: "grade", message: "按分数：\(band.grade)（\(band.minimum) ≤ \(total)\(upper)）")
    case .bandCondition(let index, _):
      let band = program.bands[index]
      return TraceEntry(
        kind: .grade, ruleID: "grade",
        message: "\(band.grade)的条件 \(band.when?.source ?? "") 不满足，降至\(program.bands[index + 1].grade)",
        facts: facts(band.whenFacts))
    case .gradeSet(let index):
      return TraceEntry(kind: .grade, ruleID: "grade", message: "一票否决定等次：\(program.bands[index].grade)")
    case .gradeCapped(let index):
      return TraceEntry(kind: .grade, ruleID: "grade", message: "一票否决限等次：最高为\(program.bands[index].grade)")
    case .gradeWithheld:
      return TraceEntry(kind: .grade, ruleID: "grade", message: "一票否决：不定等次")
    case .totalFollowsGrade(let vetoIndex, let bandIndex, let total, let original):
      let veto = program.vetoes[vetoIndex]
      let band = program.bands[bandIndex]
      let how = veto.score == .floorOfGrade ? "按\(band.grade)的最低分记" : "不超过\(band.grade)的最高分"
      return TraceEntry(
        kind: .veto, ruleID: veto.id, message: "\(veto.label)：等次为\(band.grade)，总分\(how) \(total)（原 \(original)）",
        points: try? total.subtracting(original))
    case .starItem(let index, let earned):
      let item = program.stars!.items[index]
      return TraceEntry(
        kind: .starItem, ruleID: item.id, message: "\(item.label)：\(earned ? "获星 ★" : "未获星")", facts: facts(item.facts))
    case .starLevelCondition(let index, _):
      let level = program.stars!.levels[index]
      return TraceEntry(kind: .stars, ruleID: "stars", message: "\(level.stars) 星：条件 \(level.when?.source ?? "") 不满足，降至下一级")
    case .stars(let level, let earned, let direct, let cap, let capItem):
      var message = "星级：\(level) 星（获 \(earned) 项）"
      if let direct { message += "；直接认定为 \(direct) 星" }
      if let cap {
        message += "；\(capItem.map { "\(program.stars!.items[$0].label)未获" } ?? "一票否决")，最高 \(cap) 星 → \(cap) 星"
      }
      return TraceEntry(kind: .stars, ruleID: "stars", message: message)
    case .consequence(let index, let reason):
      let consequence = program.consequences[index]
      return TraceEntry(
        kind: .consequence, ruleID: consequence.id,
        message: "\(consequence.label)（因\(ResultWording.reason(reason, consequence: index, gradeIndex: nil, program: program, view: view))）")
    case .cohort(let entry):
      return entry
    case .ballot(let item, let working):
      return TraceEntry(kind: .ballot, ruleID: program.ballots!.items[item].id, message: working)
    case .voteCount(let id, let label, let value):
      return TraceEntry(kind: .input, ruleID: id, message: "\(label) = \(value)")
    case .voidVote(let reason):
      return TraceEntry(kind: .ballot, ruleID: "void", message: "测评无效：\(reason)；不计分、不定等次")
    case .forms(let ruleID, let working):
      return TraceEntry(kind: .ballot, ruleID: ruleID, message: working)
    case .period(let declaration, let working):
      return TraceEntry(kind: .period, ruleID: program.periods[declaration].id, message: working)
    case .ledger(let kind, let ruleID, let message, let points):
      return TraceEntry(kind: kind, ruleID: ruleID, message: message, points: points, scope: program.ledger?.id)
    }
  }

  /// One rater group's working of a ballot item: its tally, the ballots trimmed, and how its value came out.
  static func ballotGroup(
    groupName: String, tally: [String], trimmed: String, noneCounted: Bool, value: ExactDecimal,
    score: CompiledBallotItem.Score, choices: [String], counted: ExactDecimal, sum: ExactDecimal, chosen: ExactDecimal,
    weight: ExactDecimal?
  ) -> String {
    var text = "\(groupName)\(tally.isEmpty ? "无票" : tally.joined(separator: "，"))\(trimmed)"
    if noneCounted {
      text += "；无计入的票，按规定记 \(value)"
    } else {
      switch score {
      case .average: text += "；\(counted) 票平均 \(sum) / \(counted) = \(value)"
      case .share(let choice): text += "；\(choices[choice]) \(chosen) / 计入 \(counted) 票 = \(value)%"
      case .perVoter: break
      }
    }
    if let weight { text += " × \(percent(weight))" }
    return text
  }

  // MARK: Rater forms

  /// Why a rater form is void (无效票).
  enum VoidForm {
    case blank, spoiled
    case invalid(String)
  }

  /// One void form, by its name: 表 12：空白票.
  static func voidForm(_ name: String, reason: VoidForm) -> String {
    switch reason {
    case .blank: "\(name)：空白票"
    case .spoiled: "\(name)：标记为废票"
    case .invalid(let why): "\(name)：无效票，\(why)"
    }
  }

  /// Why a mark makes its form void, in the words of the form (the mark was refused by ``InputCoercion``, which
  /// alone decides): 德（政治品德）打分 105，超出 0–100.
  static func invalidMark(_ value: InputValue, declaration: InputDeclaration) -> String {
    let name = declaration.label
    if declaration.type == .choice {
      return "\(name)填“\(value)”，不是选项（\(declaration.choices.joined(separator: "、"))）之一"
    }
    let number: ExactDecimal
    switch value {
    case .number(let given): number = given
    case .text(let text):
      guard let parsed = InputCoercion.parseNumber(text) else { return "\(name)填“\(text)”，不是分数" }
      number = parsed
    case .boolean: return "\(name)填了是/否，不是分数"
    }
    if declaration.type == .integer, !number.isInteger { return "\(name)打分 \(number)，不是整数" }
    if let places = declaration.places, number.normalized().scale > places {
      return "\(name)打分 \(number)，超过 \(places) 位小数"
    }
    let low = declaration.minimum.map(\.description) ?? ""
    let high = declaration.maximum.map(\.description) ?? ""
    return "\(name)打分 \(number)，超出 \(low)–\(high)"
  }

  /// What became of a subject's forms: 测评表 13 份：计入 10 份，无效 3 份（…）.
  static func formsTally(_ label: String, read: Int, counted: Int, void: [String]) -> String {
    "\(label) \(read) 份：计入 \(counted) 份" + (void.isEmpty ? "" : "，无效 \(void.count) 份（\(void.joined(separator: "；"))）")
  }

  /// The head counts the forms give: 实到人数按收回的测评表计 13 人.
  static func formsCounted(_ label: String, read: Int, attended: Bool, returned: Bool) -> String {
    var counts: [String] = []
    if attended { counts.append("实到人数按收回的\(label)计 \(read) 人") }
    if returned { counts.append("收回\(label) \(read) 份") }
    return counts.joined(separator: "；")
  }

  /// How one rater group's marks of an item were aggregated (what ``formGroup(_:_:value:weight:)`` words).
  struct FormWorking {
    /// The counted marks (the highest first when `sorted`).
    var marks: [ExactDecimal]
    /// Forms counted that leave the field unmarked, and those that chose an abstaining choice (不了解).
    var unmarked: Int
    var abstained: Int
    var sorted = false
    /// The marks dropped at each end (a trimmed mean).
    var highest: [ExactDecimal] = []
    var lowest: [ExactDecimal] = []
    /// The sum of the marks kept and how many they are (an average or a trimmed mean).
    var sum: ExactDecimal?
    var kept = 0
    var median = false
    /// A share: the choice, how many chose it, of how many counted.
    var share: (choice: String, chosen: Int, counted: Int)?
    var noneCounted = false
  }

  /// Marks as listed: 95、90、80 (at most 40, then how many in all).
  static func marksList(_ values: [ExactDecimal]) -> String {
    values.prefix(40).map(\.description).joined(separator: "、") + (values.count > 40 ? " 等 \(values.count) 份" : "")
  }

  /// One rater group's working of an item from the forms, e.g. 领导班子成员：打分 95、90、80（由高到低），去掉最高分 95、
  /// 最低分 80 后平均 90 / 1 = 90 × 30%.
  static func formGroup(_ groupName: String, _ working: FormWorking, value: ExactDecimal, weight: ExactDecimal?) -> String {
    var text = groupName
    if working.noneCounted {
      text += "无计入的打分，按规定记 \(value)"
    } else if let share = working.share {
      text += "\(share.choice) \(share.chosen) / 计入 \(share.counted) 份 = \(value)%"
    } else {
      text += "打分 \(marksList(working.marks))\(working.sorted ? "（由高到低）" : "")"
      if !working.highest.isEmpty {
        text += "，去掉最高分 \(marksList(working.highest))、最低分 \(marksList(working.lowest)) 后平均"
        text += " \(working.sum ?? .zero) / \(working.kept) = \(value)"
      } else if working.median {
        let count = working.marks.count
        text += count % 2 == 1
          ? "，\(count) 份的中位数（第 \(count / 2 + 1) 个）= \(value)"
          : "，\(count) 份的中位数（第 \(count / 2)、\(count / 2 + 1) 个的平均）= \(value)"
      } else {
        text += "，\(working.kept) 份平均 \(working.sum ?? .zero) / \(working.kept) = \(value)"
      }
    }
    var left: [String] = []
    if working.unmarked > 0 { left.append("未打分 \(working.unmarked) 份") }
    if working.abstained > 0 { left.append("弃权 \(working.abstained) 份") }
    if !left.isEmpty { text += "（\(left.joined(separator: "，"))不计）" }
    if let weight { text += " × \(percent(weight))" }
    return text
  }

  /// An item from the forms: its groups' working and its result.
  static func formItem(_ label: String, id: String, parts: [String], result: ExactDecimal) -> String {
    "\(label)：\(parts.joined(separator: "；")) → \(id) = \(result)"
  }

  // MARK: The points ledger

  /// An event no longer counted: older than its rule's `expiresAfterDays` on the day the ledger closes.
  static func ledgerExpired(_ head: String, days: Int, asOf: String, deduction: Bool) -> String {
    "\(head)：已超过 \(days) 天（截至 \(asOf)），\(deduction ? "扣分" : "加分")失效，不计"
  }

  /// An award recorded but not counted while its rule's `suspendedWhile` holds.
  static func ledgerSuspended(_ head: String, amount: ExactDecimal, condition: String) -> String {
    "\(head)：暂停加分（因\(condition)），本条 \(amount) 分记录在案，不计"
  }

  /// An event of an incident that counts only its highest deduction (or award), not this one.
  static func ledgerNotHighest(_ head: String, incident: String, amount: ExactDecimal, deduction: Bool) -> String {
    "\(head)：同一事件（\(incident)）只计最高\(deduction ? "扣分" : "加分")，本条 \(amount) 分不计"
  }

  /// Why a deduction counts double: a repeat within the window, even when the previous one no longer counts.
  static func ledgerRepeat(window: Int, previousDate: String, previousExpired: Bool) -> String {
    previousExpired
      ? "（\(window) 天内再次发生，加倍；上次 \(previousDate) 的扣分已失效，仍算再次发生）"
      : "（\(window) 天内再次发生，加倍）"
  }

  /// The running balance at one period end of a ledger check, and whether it is below the threshold.
  static func ledgerCheckpoint(
    date: String, word: String, ledger: String, balance: ExactDecimal, below: ExactDecimal?, check: String
  ) -> String {
    "\(date)（\(word)）\(ledger) \(balance)" + (below.map { "；低于 \($0)（\(check)）" } ?? "")
  }

  /// The not-applicable inputs of `inputs` that were not given, by label, joined with 、.
  /// Why a part that uses these not-applicable inputs is left out: those not given (未提供), and those outside their
  /// class (仅适用于 …).
  static func notApplicableReason(_ inputs: [Int], plan: ScoringPlan, view: UnsafeBufferPointer<ExactDecimal>) -> String {
    let left = inputs.filter { !view[plan.notGivenBase + $0].isZero }
    let outside = left.filter { view[plan.notGivenBase + $0] == ScoringPlan.outsideClassMark }
    let missing = left.filter { view[plan.notGivenBase + $0] != ScoringPlan.outsideClassMark }
    var reasons: [String] = []
    if !missing.isEmpty {
      reasons.append(missing.map { plan.program.inputs[$0].declaration.label }.joined(separator: "、") + "未提供")
    }
    for index in outside {
      let input = plan.program.inputs[index]
      reasons.append("\(input.declaration.label)仅适用于 \(input.appliesTo?.source ?? "")")
    }
    return reasons.joined(separator: "；")
  }

  /// A slot's value as a person reads it: a number, 是/否, or the choice's text.
  static func display(slot: Int, program: PackProgram, in view: UnsafeBufferPointer<ExactDecimal>) -> String {
    let symbol = program.symbols[slot]
    let value = view[slot]
    switch symbol.type {
    case .number: return value.description
    case .boolean: return value.isZero ? "否" : "是"
    case .text:
      guard let choices = symbol.choices, let index = value.intValue, choices.indices.contains(index) else {
        return value.description
      }
      return choices[index]
    }
  }

  /// Points with their sign: +5, −2.5 (a true minus sign).
  static func signedText(_ value: ExactDecimal) -> String {
    value.isNegative ? "−\(unsigned(value))" : "+\(value)"
  }

  /// The value without its sign, as text (a value too large to negate is written with its digits as they are).
  static func unsigned(_ value: ExactDecimal) -> String {
    (try? value.magnitudeChecked())?.description ?? String(value.description.drop { $0 == "-" })
  }

  /// The value with its sign flipped, for a trace line's points (nil when it cannot be held).
  static func opposite(_ value: ExactDecimal) -> ExactDecimal? { try? value.negatedChecked() }

  /// A weight as a percentage: 0.3 → 30% (the one wording of a share, for traces and the rendered pack).
  package static func percent(_ weight: ExactDecimal) -> String {
    ((try? weight.multiplying(by: 100)) ?? weight).normalized().description + "%"
  }

  /// A rounding rule's Chinese name, e.g. 四舍五入 (the one wording, for traces and the rendered pack).
  package static func roundingName(_ rule: RoundingRule) -> String {
    switch rule {
    case .halfUp: "四舍五入"
    case .halfEven: "四舍六入五成双"
    case .halfDown: "五舍六入"
    case .up: "进一法"
    case .down: "去尾法"
    case .ceiling: "向上取整"
    case .floor: "向下取整"
    }
  }
}

/// The words of a result (not of its explanation): what a veto did, why a consequence follows, a missing grade.
enum ResultWording {
  /// Written where a grade would be when none is given.
  static let noGrade = "不定等次"
  /// Written where a score would be when the result is void.
  static let void = "无效"
  /// Written for a component left out as not applicable.
  static let notApplicable = "不适用"
  /// Written for a subject left out of the cohort's ranking.
  static let notRanked = "不排名"
  /// Why a consequence declared `onVoid` follows.
  static let voidReason = "测评无效"

  /// What a fired veto does, in words, e.g. "总分记为 0" or "等次最高为一般".
  static func effect(of effect: VetoEffect, program: PackProgram) -> String {
    switch effect {
    case .zeroTotal: "总分记为 0"
    case .noGrade: noGrade
    case .capGrade(let grade): "等次最高为\(program.bands[grade].grade)"
    case .setGrade(let grade): "等次定为\(program.bands[grade].grade)"
    case .setStars(let stars): "星级定为 \(stars) 星"
    }
  }

  /// Why consequence number `consequence` follows, from its reason code (``ScoringPlan/ConsequenceReason``); the
  /// grade is read from `gradeIndex` when given, else from the grade slot in `view`.
  static func reason(
    _ code: Int, consequence: Int, gradeIndex: Int?, program: PackProgram, view: UnsafeBufferPointer<ExactDecimal>
  ) -> String {
    let grade = gradeIndex ?? view[program.gradeSlot].intValue ?? 0
    switch code {
    case ScoringPlan.ConsequenceReason.grade: return "等次为\(program.bands[grade].grade)"
    case ScoringPlan.ConsequenceReason.gradeAfterQuota: return "等次为\(program.bands[grade].grade)（名额调整后）"
    case ScoringPlan.ConsequenceReason.noGrade: return noGrade
    case ScoringPlan.ConsequenceReason.void: return voidReason
    case ScoringPlan.ConsequenceReason.when: return program.consequences[consequence].when?.source ?? ""
    case let code where code < 0: return "标签：\(program.cohort?.labels[-1 - code].label ?? "")"
    default: return "一票否决：\(program.vetoes[code - ScoringPlan.ConsequenceReason.vetoBase].label)"
    }
  }
}

/// Builds the explanation: each event the kernel and the stages report becomes a line in Chinese.
struct TracingObserver: ScoringObserver {
  static var records: Bool { true }
  let plan: ScoringPlan
  /// The scorer's whole buffer (slots and outcome area), read when a line shows facts.
  let view: UnsafeBufferPointer<ExactDecimal>
  private var recorded: [TraceEntry] = []
  /// The calls of host functions made since the last event (nil when the pack calls none).
  let hostCallLog: HostCallLog?
  /// Where each linked input's value came from, by input number (`links`).
  let linkedSources: [Int: LinkedSource]

  init(plan: ScoringPlan, view: UnsafeBufferPointer<ExactDecimal>, linkedSources: [Int: LinkedSource] = [:]) {
    self.plan = plan
    self.view = view
    self.linkedSources = linkedSources
    hostCallLog = plan.hostFunctions == nil ? nil : HostCallLog()
  }

  /// The explanation: every event worded, each host call before the event it led to.
  var entries: [TraceEntry] { recorded + pendingCalls() }

  mutating func record(_ event: @autoclosure () -> ScoringEvent) {
    if let log = hostCallLog, !log.calls.isEmpty {
      recorded += pendingCalls()
      log.calls.removeAll(keepingCapacity: true)
    }
    let event = event()
    guard var entry = TraceWording.entry(event, plan: plan, view: view) else { return }
    if case .input(let index) = event, let source = linkedSources[index] {
      entry.message += TraceWording.linkedSource(source)
    }
    recorded.append(entry)
  }

  private func pendingCalls() -> [TraceEntry] {
    guard let log = hostCallLog, let table = plan.hostFunctions else { return [] }
    return log.calls.map { TraceWording.hostCall($0, table: table) }
  }
}
