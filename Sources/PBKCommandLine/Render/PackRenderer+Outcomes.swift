import PartyBuildingKit

/// 一票否决, 等次评定, 星级评定, 结果运用, 群体评价.
extension PackRenderer {
  // MARK: 一票否决

  mutating func renderVetoes() {
    let vetoes = model.vetoes ?? []
    let direct = vetoes.contains { $0.effect == .setStars }
    startPart("vetoes", direct ? "一票否决与直接认定" : "一票否决")
    let rows = vetoes.enumerated().map { index, veto -> [[RenderDocument.Inline]] in
      let label = veto.label ?? veto.id
      let condition = words.condition(veto.when)
      // A condition that reads exactly as the case (a yes/no input of the same label) is not written twice.
      let conditionCell: [RenderDocument.Inline] = condition == .words(label) ? [.text("同左")] : Self.inline(condition)
      return [[.text(String(index + 1))], [.text(label)], conditionCell, [.text(effect(of: veto))]]
    }
    addTable(["序号", "情形", "认定条件", "处理"], rows, remarks: vetoes.map(\.exampleValue))
    var notes: [String] = ["各项均按计分后的总分认定"]
    if vetoes.count > 1, vetoes.contains(where: { $0.effect == .zeroTotal }) {
      notes[0] += "，“总分记为 0 分”不影响其他各项的认定"
    }
    notes[0] += "。"
    let grading = vetoes.filter { [.noGrade, .capGrade, .setGrade].contains($0.effect) }
    if grading.count > 1 {
      notes.append(
        grading.contains { $0.effect == .noGrade }
          ? "同时符合多项的，等次取其中最低者，“不定等次”优先于其他处理。" : "同时符合多项的，等次取其中最低者。")
    }
    let capping = vetoes.filter { $0.capStars != nil }
    let setting = vetoes.filter { $0.effect == .setStars }
    if capping.count > 1 { notes.append("星级上限有多项的，取最低者。") }
    if setting.count > 1 { notes.append("直接认定星级有多项的，取低者。") }
    if !setting.isEmpty, !capping.isEmpty { notes.append("直接认定的星级仍受星级上限限制。") }
    add(.paragraph([.text(notes.joined())]))
  }

  /// What a veto does: 等次最高为“一般”，星级最高 2 星.
  func effect(of veto: PackModel.Veto) -> String {
    var text: String
    switch veto.effect {
    case .zeroTotal: text = "总分记为 0 分，等次按 0 分评定"
    case .noGrade: text = "不定等次"
    case .capGrade: text = "等次最高为\(Self.quoted(veto.grade ?? ""))"
    case .setGrade: text = "等次直接定为\(Self.quoted(veto.grade ?? ""))"
    case .setStars: text = "星级直接定为 \(veto.stars ?? 0) 星（不论得星情况）"
    }
    if let stars = veto.capStars { text += stars == 0 ? "，不评星" : "，星级最高 \(stars) 星" }
    if let score = veto.score, let grade = veto.grade, let bands = model.grades?.bands,
      let index = bands.firstIndex(where: { $0.grade == grade })
    {
      switch score {
      case .keep: text += "，总分不变"
      case .floorOfGrade: text += "；等次因此变动的，总分记为 \(bands[index].min) 分（\(grade.inQuotes)的最低分）"
      case .capAtGradeTop:
        let unit = ExactDecimal(significand: 1, scale: precision)
        if index > 0, let top = try? bands[index - 1].min.subtracting(unit) {
          text += "；等次因此变动的，总分最高记为 \(top) 分（\(bands[index - 1].grade.inQuotes)分数线减 \(unit) 分）"
        } else if let max = bands[index].max {
          text += "；等次因此变动的，总分最高记为 \(max) 分"
        }
      }
    }
    return text
  }

  // MARK: 等次评定

  mutating func renderGrades() {
    startPart("grades", "等次评定")
    let bands = model.grades?.bands ?? []
    let conditional = bands.contains { $0.when != nil }
    let rows = bands.enumerated().map { index, band -> [[RenderDocument.Inline]] in
      var row: [[RenderDocument.Inline]] = [[.text(band.grade)], [.text(range(of: band, top: index == 0))]]
      if conditional {
        row.append(band.when.map { Self.inline(words.condition($0)) } ?? [.text("—")])
      }
      return row
    }
    addTable(conditional ? ["等次", "总分", "附加条件"] : ["等次", "总分"], rows, remarks: bands.map(\.exampleValue))
    var notes = "等次按保留 \(precision) 位小数后的总分评定。"
    if conditional { notes += "总分在某一等次、但不满足其附加条件的，降为下一等次（下一等次有附加条件的同样适用）。" }
    if let vetoes = reference("vetoes") { notes += "一票否决的情形按\(vetoes)处理。" }
    add(.paragraph([.text(notes)]))
  }

  /// 90 分及以上, 80 分（含）至 90 分（不含）, 低于 60 分.
  func range(of band: PackModel.GradeBand, top: Bool) -> String {
    if let below = band.below {
      return band.min.isZero ? "低于 \(below) 分" : "\(band.min) 分（含）至 \(below) 分（不含）"
    }
    if let max = band.max { return "\(band.min) 分（含）至 \(max) 分（含）" }
    return "\(band.min) 分及以上"
  }

  // MARK: 星级评定

  mutating func renderStars() {
    guard let stars = model.stars else { return }
    startPart("stars", "星级评定")
    let scoped = stars.items.contains { $0.scope != nil }
    let itemRows = stars.items.enumerated().map { index, item -> [[RenderDocument.Inline]] in
      var row: [[RenderDocument.Inline]] = [[.text(String(index + 1))], [.text(item.label ?? item.id)]]
      if scoped {
        row.append([.text(item.scope == "common" ? "共性指标" : item.scope == "local" ? "个性指标" : "—")])
      }
      var condition = Self.inline(words.condition(item.earnedWhen))
      if let cap = item.capIfMissing { condition.append(.text("；未得此星的，最高 \(cap) 星")) }
      row.append(condition)
      return row
    }
    if !stars.items.isEmpty {
      add(.paragraph([.text("每项达到得星条件得 1 颗星：")]))
      addTable(
        scoped ? ["序号", "星", "类别", "得星条件"] : ["序号", "星", "得星条件"], itemRows, remarks: stars.items.map(\.exampleValue))
    }
    let conditional = stars.levels.contains { $0.when != nil }
    var notes: String
    if stars.items.isEmpty {
      // Stars by the total (or other conditions) alone: each level's condition is the rule.
      let levelRows = stars.levels.map { level -> [[RenderDocument.Inline]] in
        [[.text("\(level.stars) 星")], level.when.map { Self.inline(words.condition($0)) } ?? [.text("—")]]
      }
      add(.paragraph([.text("按总分等条件评定星级（不设星级条目）：")]))
      addTable(["星级", "条件"], levelRows, remarks: stars.levels.map(\.exampleValue))
      notes = "星级取条件成立的最高一级；都不成立的，不评星。"
    } else {
      let levelRows = stars.levels.map { level -> [[RenderDocument.Inline]] in
        var row: [[RenderDocument.Inline]] = [
          [.text("\(level.stars) 星")], [.text(level.minItems.map { "至少 \($0) 颗" } ?? "不限")],
        ]
        if conditional { row.append(level.when.map { Self.inline(words.condition($0)) } ?? [.text("—")]) }
        return row
      }
      add(.paragraph([.text("按得星数评定星级：")]))
      addTable(
        conditional ? ["星级", "得星数", "附加条件"] : ["星级", "得星数"], levelRows, remarks: stars.levels.map(\.exampleValue))
      notes = conditional ? "星级取得星数达到要求且附加条件成立的最高一级（附加条件不成立的，降至下一级）" : "星级取得星数达到要求的最高一级"
      if let lowest = stars.levels.compactMap(\.minItems).min() { notes += "；得星数不足 \(lowest) 颗的，不评星" }
      notes += "。"
    }
    if let vetoes = reference("vetoes"),
      (model.vetoes ?? []).contains(where: { $0.capStars != nil || $0.effect == .setStars })
    {
      notes += "一票否决对星级的影响见\(vetoes)。"
    }
    add(.paragraph([.text(notes)]))
  }

  // MARK: 结果运用

  /// Numbers worked out from the result (工作经费系数, 奖励金额).
  mutating func renderOutcomes() {
    startPart("outcomes", "结果折算")
    let outcomes = model.outcomes ?? []
    let rows = outcomes.enumerated().map { index, outcome -> [[RenderDocument.Inline]] in
      [[.text(String(index + 1))], [.text(outcome.label ?? outcome.id)], Self.inline(words.amount(outcome.formula))]
    }
    addTable(["序号", "项目", "计算方法"], rows, remarks: outcomes.map(\.exampleValue))
  }

  /// The checks across inputs: data that contradict each other are sent back, not scored.
  mutating func renderChecks() {
    startPart("checks", "数据核对（不符的退回更正，不予计分）")
    let checks = model.checks ?? []
    let rows = checks.enumerated().map { index, check -> [[RenderDocument.Inline]] in
      [[.text(String(index + 1))], [.text(check.label ?? check.id)], Self.inline(words.condition(check.rejectWhen)),
       [.text(check.message ?? check.label ?? check.id)]]
    }
    addTable(["序号", "核对项目", "退回情形", "退回说明"], rows, remarks: checks.map(\.exampleValue))
  }

  mutating func renderConsequences() {
    startPart("consequences", "结果运用")
    let consequences = model.consequences ?? []
    let vetoLabels = Dictionary(
      (model.vetoes ?? []).map { ($0.id, $0.label ?? $0.id) }, uniquingKeysWith: { first, _ in first })
    let rows = consequences.enumerated().map { index, consequence -> [[RenderDocument.Inline]] in
      var triggers: [[RenderDocument.Inline]] = []
      if let grades = consequence.onGrades, !grades.isEmpty {
        triggers.append([.text("等次为\(Self.quotedList(grades))")])
      }
      if let vetoes = consequence.onVetoes, !vetoes.isEmpty {
        triggers.append([.text("因\(Self.quotedList(vetoes.map { vetoLabels[$0] ?? $0 }))被一票否决")])
      }
      if consequence.onNoGrade == true { triggers.append([.text("不定等次")]) }
      if consequence.onVoid == true { triggers.append([.text("民主测评无效")]) }
      if let labels = consequence.onLabels, !labels.isEmpty {
        let names = labels.map { id in model.cohort?.labels?.first { $0.id == id }.map { $0.label ?? $0.id } ?? id }
        triggers.append([.text("被标注为\(Self.quotedList(names))")])
      }
      if let when = consequence.when { triggers.append(Self.inline(words.condition(when))) }
      var cell: [RenderDocument.Inline] = []
      for (position, trigger) in triggers.enumerated() {
        if position > 0 { cell.append(.text("；或")) }
        cell += trigger
      }
      return [[.text(String(index + 1))], [.text(consequence.label)], cell]
    }
    addTable(["序号", "结果运用", "适用情形"], rows, remarks: consequences.map(\.exampleValue))
  }

  // MARK: 群体评价

  mutating func renderCohort() {
    guard let cohort = model.cohort else { return }
    startPart("cohort", "群体评价（排名与比例）")
    var items: [[RenderDocument.Inline]] = []
    let scope = cohort.label ?? "全部参评对象"
    switch cohort.groupBy {
    case nil: items.append([.text("排名范围：\(scope)，统一排名")])
    case "parent"?: items.append([.text("排名范围：\(scope)，按上级单位分组排名")])
    case "kind"?: items.append([.text("排名范围：\(scope)，按类型分组排名")])
    case let group?:
      if model.inputs.contains(where: { $0.id == group }) {
        items.append([.text("排名范围：\(scope)，按\(inputLabel(group).inQuotes)分组排名")])
      } else {
        items.append([.text("排名范围：\(scope)，按\(group.inQuotes)分组排名（数据中的属性列）")])
      }
    }
    items.append(
      [.text("排名依据：")] + (cohort.rankBy.map { Self.inline(words.amount($0)) } ?? [.text("总分")]) + [.text("，高者在前")])
    var ties: [RenderDocument.Inline] = [.text("同分处理：")]
    for (index, breaker) in (cohort.tieBreakers ?? []).enumerated() {
      ties.append(.text(index == 0 ? "依次比较" : "、"))
      if let label = breaker.label { ties.append(.text(label)) } else { ties += Self.inline(words.amount(breaker.by)) }
      ties.append(.text(breaker.order == "lowerFirst" ? "（低者在前）" : "（高者在前）"))
    }
    ties.append(.text((cohort.tieBreakers ?? []).isEmpty ? "同分的并列" : "；仍相同的并列"))
    ties.append(.text("，其后名次顺延（如 1、2、2、4）"))
    items.append(ties)
    var excluded: [RenderDocument.Inline] = []
    if let exclude = cohort.exclude {
      excluded = conditionNoun(exclude)
    }
    if model.ballots != nil { excluded.append(.text(excluded.isEmpty ? "民主测评无效的" : "，以及民主测评无效的")) }
    if !excluded.isEmpty { items.append([.text("不参加排名：")] + excluded + [.text("（也不计入人数）")]) }
    add(.list(items))
    let labels = cohort.labels ?? []
    if !labels.isEmpty {
      let others = labels.contains { $0.alsoWhen != nil }
      let rows = labels.map { label -> [[RenderDocument.Inline]] in
        var row: [[RenderDocument.Inline]] = [
          [.text(label.label ?? label.id)],
          [.text(Self.labelExtent(label))],
          [.text(label.rounding.map(Self.headCount) ?? "—（按人数）")],
          [.text((label.ties ?? "all") == "all" ? "都列入（人数可超出）" : "都不列入（人数不超出）")],
        ]
        if others {
          row.append(
            label.alsoWhen.map { conditionLead($0) + [.text("不论排名一律列入（不占名额）")] } ?? [.text("—")])
        }
        return row
      }
      add(.paragraph([.text("按比例或人数标注：")]))
      addTable(
        ["标注", "比例或人数", "人数取整", "临界同分"] + (others ? ["另行列入"] : []), rows, remarks: labels.map(\.exampleValue))
    }
    let quotas = cohort.quotas ?? []
    if !quotas.isEmpty {
      let rows = quotas.map { quota -> [[RenderDocument.Inline]] in
        let target = Self.quotaTarget(quota)
        let rounding = [.text(quota.rounding.map(Self.headCount) ?? "—（按人数）")] as [RenderDocument.Inline]
        let groups = Self.byGroupWords(quota.byGroup, count: quota.atMostCount != nil || quota.guideCount != nil)
        if quota.atMost != nil || quota.atMostCount != nil {
          let limit = quota.atMost.map { "不超过 \($0)" } ?? "不超过 \(quota.atMostCount ?? 0) 个"
          return [
            [.text(target)], [.text(limit + groups)],
            [.text("硬性上限：超出的按排名由后往前降为下一\(quota.stars != nil ? "星级" : "等次")")],
            rounding,
            [.text((quota.ties ?? "none") == "all" ? "都保留（名额可超出）" : "都不保留（名额不超出）")],
          ]
        }
        let guide = quota.guide.map { "约 \($0)" } ?? quota.guideCount.map { "约 \($0) 个" } ?? "—"
        return [
          [.text(target)], [.text(guide + groups)], [.text("指导比例：只报告人数与偏差，不作调整")],
          rounding, [.text("—")],
        ]
      }
      add(.paragraph([.text("名额控制（按所列顺序执行；因名额下调的，计入下一档的名额）：")]))
      addTable(["对象", "比例", "性质", "人数取整", "临界同分"], rows, remarks: quotas.map(\.exampleValue))
    }
  }

  /// A condition as those it applies to: “新设立或合并调整不满6个月的”.
  func conditionNoun(_ source: String) -> [RenderDocument.Inline] {
    switch words.condition(source) {
    case .words(let text): [.text(text + "的")]
    case .formula(let formula): [.code(formula), .text(" 成立的")]
    }
  }

  /// What a label covers: 倒数 5%, 前 10%, 末位 3 名, with other groups' own and a fill-up.
  static func labelExtent(_ label: PackModel.CohortLabel) -> String {
    var text = "—"
    if let share = label.bottom {
      text = "倒数 \(share)"
    } else if let share = label.top {
      text = "前 \(share)"
    } else if let count = label.bottomCount {
      text = "末位 \(count) 名"
    } else if let count = label.topCount {
      text = "前 \(count) 名"
    }
    text += byGroupWords(label.byGroup, count: label.bottomCount != nil || label.topCount != nil)
    if let fill = label.fillTo { text += "；合计不少于 \(fill)（含另行列入的，不足的按排名补足）" }
    return text
  }

  /// Other groups' own share or head count: “（村：10%；社区：5%）”.
  static func byGroupWords(_ groups: PackEntries<PackValue>?, count: Bool) -> String {
    guard let groups, !groups.entries.isEmpty else { return "" }
    let parts = groups.entries.map { entry -> String in
      let value: String
      switch entry.value {
      case .number(let number): value = count ? "\(number) 名" : "\(number)"
      case .text(let text): value = text
      case .boolean(let flag): value = flag ? "是" : "否"
      }
      return "\(entry.key)：\(value)"
    }
    return "（\(parts.joined(separator: "；"))）"
  }

  /// Whom a quota counts: 等次“优秀”, “优秀”“良好”合计, 4 星及以上, 2 星及以下（含无星）.
  static func quotaTarget(_ quota: PackModel.Quota) -> String {
    if let grades = quota.grades, !grades.isEmpty { return "等次\(quotedList(grades, last: "、"))合计" }
    if let grade = quota.grade { return "等次\(grade.inQuotes)" }
    if let stars = quota.stars { return "\(stars) 星" }
    if let stars = quota.starsAtLeast { return "\(stars) 星及以上" }
    if let stars = quota.starsAtMost { return "\(stars) 星及以下（含无星）" }
    return "—"
  }

  static func headCount(_ rounding: String) -> String {
    switch rounding {
    case "up": "进一（向上取整）"
    case "down": "去尾（向下取整）"
    case "nearest": "四舍五入"
    default: rounding
    }
  }
}
