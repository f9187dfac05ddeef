import PartyBuildingKit

/// 民主测评, 分期记录, 积分台账, 计算口径, 考核数据项, 原文摘录.
extension PackRenderer {
  // MARK: 民主测评

  mutating func renderBallots() {
    guard let ballots = model.ballots else { return }
    let title = ballots.label ?? "民主测评"
    startPart("ballots", title)
    // The name of one count, e.g. p1:好 or 总体评价:领导:好.
    let example =
      ballots.items.lazy.compactMap { item -> String? in
        guard let scale = ballots.scales?.first(where: { $0.id == item.scale }), let choice = scale.choices.first else {
          return nil
        }
        return ([item.id] + (item.raters?.first.map { [$0.id] } ?? []) + [choice]).joined(separator: ":")
      }.first ?? "项目:选项"
    if let forms = ballots.forms {
      renderForms(forms, title: title, countsToo: ballots.items.contains { $0.from == nil })
    } else {
      add(
        .paragraph([
          .text(
            "\(title)按各选项的票数计分：每个测评项目每个选项的票数是一项数据（名为“项目:选项”，如 "
              + "\(example)），空白按 0 票计；某个项目没有一张计入的票的，不予计分。"
              + "除法的结果四舍五入保留 12 位小数后再参与计算。")
        ]))
    }
    if let validity = ballots.validity {
      var items: [[RenderDocument.Inline]] = []
      let formsLabel = ballots.forms?.label ?? "测评表"
      let attendedName = validity.attended.map(inputLabel) ?? "实到人数（按收回的\(formsLabel)份数计）"
      if let due = validity.due, ballots.forms != nil || validity.attended != nil, let quorum = validity.quorum {
        let attended = attendedName
        if let share = quorum.moreThan {
          items.append([.text("\(attended)须超过\(inputLabel(due))的 \(share)，否则测评无效")])
        } else if let share = quorum.atLeast {
          items.append([.text("\(attended)须达到\(inputLabel(due))的 \(share)（含），否则测评无效")])
        }
      }
      if let issued = validity.issued, ballots.forms != nil || validity.returned != nil {
        let returned = validity.returned.map(inputLabel) ?? "收回的\(formsLabel)份数"
        items.append([.text("\(returned)多于\(inputLabel(issued))的，测评无效")])
      }
      if ballots.forms != nil {
        if let attended = validity.attended {
          items.append([.text("收到的\(formsLabel)多于\(inputLabel(attended))的，不予计分（请核对）")])
        }
        if let returned = validity.returned {
          items.append([.text("收到的\(formsLabel)份数须等于\(inputLabel(returned))（含空白票、废票），否则不予计分")])
        }
      }
      if !items.isEmpty {
        var void = "测评无效的，不计分"
        if model.grades != nil { void += "、不定等次" }
        if model.stars != nil { void += "、不评星" }
        if model.cohort != nil { void += "、不参加排名" }
        items.append([.text(void + "，并注明无效原因")])
        add(.paragraph([.text("测评有效条件：")]))
        add(.list(items))
      }
    }
    let scales = ballots.scales ?? []
    if !scales.isEmpty {
      let rows = scales.map { scale -> [[RenderDocument.Inline]] in
        let choices: String
        if let points = scale.points {
          choices = scale.choices.map { choice in points[choice].map { "\(choice) \($0) 分" } ?? choice }.joined(
            separator: "、")
        } else {
          choices = scale.choices.joined(separator: "、")
        }
        let abstain = scale.abstain.map { Self.quotedList($0, last: "、") + "不计入分母" } ?? "—"
        return [[.text(scale.id)], [.text(choices)], [.text(abstain)]]
      }
      add(.paragraph([.text("测评票的选项：")]))
      addTable(["选项组", "选项与分值", "弃权"], rows, remarks: scales.map(\.exampleValue))
    }
    let scaleByID = Dictionary(scales.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let rows = ballots.items.enumerated().map { index, item -> [[RenderDocument.Inline]] in
      [
        [.text(String(index + 1))], [.text(item.label ?? item.id)], [.code(item.id)],
        [.text(ballotMethod(item, scale: item.scale.flatMap { scaleByID[$0] }))],
      ]
    }
    add(.paragraph([.text("测评项目及计分方法（结果按标识在公式中使用）：")]))
    addTable(["序号", "测评项目", "标识", "计分方法"], rows, remarks: ballots.items.map(\.exampleValue))
  }

  /// 测评表: what a form holds, the rater groups, and which forms count.
  mutating func renderForms(_ forms: PackModel.RaterForms, title: String, countsToo: Bool) {
    let label = forms.label ?? "测评表"
    var intro =
      "\(title)按\(label)逐张计分：每位测评人对每个考核对象填写一张\(label)，逐项打分或选择；"
      + "各测评项目由计入的\(label)逐张汇总（平均、去掉最高最低后平均、中位数或某一选项的比例），"
      + "除法的结果四舍五入保留 12 位小数后再参与计算。"
    if countsToo { intro += "未注明“按\(label)”的项目按各选项的票数计分（每个选项的票数是一项数据，名为“项目:选项”）。" }
    add(.paragraph([.text(intro)]))
    let fieldRows = forms.fields.map { field -> [[RenderDocument.Inline]] in
      var marking: String
      if let scale = field.scale {
        marking = "在选项组\(scale.inQuotes)中选择"
      } else {
        let unit = field.unit.map { " \($0)" } ?? ""
        marking = "打分 \(field.min?.description ?? "")–\(field.max?.description ?? "")\(unit)"
        if field.type == "integer" {
          marking += "，须为整数"
        } else if let places = field.places {
          marking += places == 0 ? "，须为整数" : "，最多 \(places) 位小数"
        }
      }
      return [[.text(field.label ?? field.id)], [.code(field.id)], [.text(marking)]]
    }
    add(.paragraph([.text("\(label)的内容：")]))
    addTable(["项目", "列名", "填写"], fieldRows, remarks: forms.fields.map(\.exampleValue))
    if let groups = forms.groups, !groups.isEmpty {
      let weighted = groups.allSatisfy { $0.weight != nil }
      let rows = groups.map { group -> [[RenderDocument.Inline]] in
        [[.text(group.label ?? group.id)], [.code(group.id)]] + (weighted ? [[.text(Self.percent(group.weight!))]] : [])
      }
      add(.paragraph([.text("测评人分类（每张\(label)须注明类别\(weighted ? "；未另行规定的项目，各类别分别汇总后按权重合计" : "")）：")]))
      add(.table(header: ["类别", "标识"] + (weighted ? ["权重"] : []), rows: rows))
    }
    add(.paragraph([.text("\(label)的认定：")]))
    add(
      .list([
        [.text("空白票（没有任何打分或选择）、标记为废票的，以及有一项打分无法识别、超出范围或小数位数超出规定的，为无效票，不计入任何项目")],
        [.text("某项未打分的，该项不计入，其余各项照常计入；选择弃权选项（如“不了解”）的，不计入该项的分母")],
        [.text("同一测评人对同一对象交了两张\(label)的，该对象不予计分（须核实后重新提交）")],
        [.text("某一类别在某个项目上没有计入的打分的，该对象不予计分（另有规定的除外）")],
      ]))
  }

  func ballotMethod(_ item: PackModel.BallotItem, scale: PackModel.BallotScale?) -> String {
    if item.from == "forms" { return formMethod(item) }
    var text: String
    switch item.score {
    case "average":
      text = "按选项组\((item.scale ?? "").inQuotes)计平均分（各选项票数 × 分值之和 ÷ 计入票数）"
      if let trim = item.trim, trim > 0 { text += "，去掉 \(trim) 个最高票和 \(trim) 个最低票后平均" }
    case "share":
      text = "选\((item.choice ?? "").inQuotes)的票数 × 100 ÷ 计入票数（百分比）"
      if let abstain = scale?.abstain, !abstain.isEmpty { text += "，\(Self.quotedList(abstain, last: "、"))不计入" }
    case "perVoter":
      let attended = model.ballots?.validity?.attended.map(inputLabel) ?? "实到人数"
      text = "\(item.count.map(inputLabel) ?? "") × 100 ÷ \(attended)（百分比）"
    default:
      text = item.score
    }
    if let raters = item.raters, !raters.isEmpty {
      let groups = raters.map { "\($0.label ?? $0.id)（权重 \(Self.percent($0.weight))）" }.joined(separator: "、")
      text = "\(groups)分组计算后加权；各组\(text)"
    }
    if let none = item.whenNoneCounted { text += "；全部弃权的，记 \(none)" }
    return text
  }

  /// How an item from the forms is scored, per rater group and weighted.
  func formMethod(_ item: PackModel.BallotItem) -> String {
    let forms = model.ballots?.forms
    let fieldID = item.field ?? item.id
    let field = forms?.fields.first { $0.id == fieldID || $0.label == fieldID }
    let fieldName = (field?.label ?? fieldID).inQuotes
    var text: String
    switch item.score {
    case "average": text = "\(fieldName)的打分平均"
    case "trimmedMean":
      let trim = item.trim ?? 1
      text = "\(fieldName)的打分去掉 \(trim) 个最高分和 \(trim) 个最低分后平均"
    case "median": text = "\(fieldName)的打分取中位数（偶数份取中间两个的平均）"
    case "share": text = "\(fieldName)选\((item.choice ?? "").inQuotes)的份数 × 100 ÷ 计入份数（百分比）"
    default: text = item.score
    }
    if let scaleID = field?.scale, item.score != "share" {
      text += "（按选项组\(scaleID.inQuotes)的分值）"
    }
    let groups: [(String, ExactDecimal)]
    if let raters = item.raters, !raters.isEmpty {
      groups = raters.map { rater in
        let group = forms?.groups?.first { $0.id == rater.id || $0.label == rater.id }
        return (group?.label ?? rater.label ?? rater.id, rater.weight)
      }
    } else if let all = forms?.groups, !all.isEmpty, all.allSatisfy({ $0.weight != nil }) {
      groups = all.map { ($0.label ?? $0.id, $0.weight!) }
    } else {
      groups = []
    }
    if groups.count == 1 {
      text = "只计\(groups[0].0)的\(model.ballots?.forms?.label ?? "测评表")；\(text)"
    } else if !groups.isEmpty {
      text = "\(groups.map { "\($0.0)（权重 \(Self.percent($0.1))）" }.joined(separator: "、"))分别计算后加权；各类别\(text)"
    }
    if let none = item.whenNoneCounted { text += "；没有计入的打分的，记 \(none)" }
    return "按测评表：" + text
  }

  // MARK: 分期记录

  mutating func renderPeriods() {
    startPart("periods", "分期记录")
    for period in model.periods ?? [] {
      var text = "\(period.label ?? period.id)（标识 "
      var item: [RenderDocument.Inline] = [.text(text), .code(period.id), .text("）：")]
      let unit = period.unit.map { " \($0)" } ?? ""
      text =
        "\(period.parts.joined(separator: "、"))各一期，每期\(period.type == .integer ? "为整数，" : "")取值 \(period.min)–\(period.max)\(unit)；"
      if let cap = period.maxPerPeriod { text += "每期最多计 \(cap)\(unit)（超出部分不计）；" }
      switch period.aggregate {
      case "average": text += "按各期平均汇总"
      case "sum": text += "按各期合计汇总"
      case "minimum": text += "取各期最低值"
      case "maximum": text += "取各期最高值"
      case "latest": text += "取最近一期"
      default: text += "汇总方式 \(period.aggregate)"
      }
      if let places = period.precision { text += "，\(Self.roundingName(rounding))保留 \(places) 位小数" }
      switch period.whenMissing {
      case "error": text += "；缺少某一期的，不予计分"
      case "skip": text += "；缺少的期次不计入（按已有期次汇总和检查），各期全部缺少的，不予计分"
      case "zero": text += "；缺少的期次按 0 计"
      case "carryLast": text += "；缺少的期次沿用上一期（第一期缺少的不予计分）"
      default: text += "；缺期处理 \(period.whenMissing)"
      }
      item.append(.text(text))
      for check in period.checks ?? [] {
        item += [
          .text("；逐期检查：低于 \(check.below)\(unit) 的期数记为\((check.label ?? check.id).inQuotes)（标识 "), .code(check.id),
          .text("）"),
        ]
        if let note = check.exampleValue { item += [.text(" "), .example(note)] }
      }
      item.append(.text("。"))
      if let note = period.exampleValue { item += [.text(" "), .example(note)] }
      add(.paragraph(item))
    }
    add(
      .paragraph([
        .text("每一期是一项数据，名为“标识:期次”（如 \(model.periods?.first.map { "\($0.id):\($0.parts.first ?? "")" } ?? "")）。")
      ]))
  }

  // MARK: 积分台账

  mutating func renderLedger() {
    guard let ledger = model.ledger else { return }
    startPart("ledger", "积分台账")
    var opening: [RenderDocument.Inline] = [
      .text("\(ledger.label ?? ledger.id)（标识 "), .code(ledger.id), .text("）：基础分 \(ledger.base) 分"),
    ]
    if let carry = ledger.carryOver {
      opening.append(.text("，加上\(inputLabel(carry.input).inQuotes)的 \(Self.percent(carry.share))"))
    }
    opening.append(.text("，再按事件逐项加减，截至 \(ledger.asOf) 结算（晚于该日的事件不予受理）。积分本身不设上下限，计入得分时按计分公式处理。"))
    if let note = ledger.exampleValue { opening += [.text(" "), .example(note)] }
    add(.paragraph(opening))
    let categories = ledger.categories ?? []
    if !categories.isEmpty {
      let rows = categories.map { category -> [[RenderDocument.Inline]] in
        [[.text(category.label ?? category.id)], [.text("全年加分最多 \(category.max) 分；扣分另计，最多 \(category.max) 分")]]
      }
      add(.paragraph([.text("类别上限：")]))
      addTable(["类别", "上限"], rows, remarks: categories.map(\.exampleValue))
    }
    let categoryLabels = Dictionary(
      categories.map { ($0.id, $0.label ?? $0.id) }, uniquingKeysWith: { first, _ in first })
    let rows = ledger.rules.map { rule -> [[RenderDocument.Inline]] in
      var points: String
      if rule.reset == true {
        points = "积分清零（基础分、结转和其他事项一律不计）"
      } else if case .amount(let amount)? = rule.award {
        points = "每次加 \(amount) 分"
      } else if case .byLevel(let levels)? = rule.award {
        points = levels.entries.map { "\($0.key)的每次加 \($0.value) 分" }.joined(separator: "、")
      } else if case .amount(let amount)? = rule.deduct {
        points = "每次扣 \(amount) 分"
      } else if case .bySeverity(let severities)? = rule.deduct {
        points = severities.map { "\($0.key)的每次扣 \($0.value) 分" }.joined(separator: "、")
      } else {
        points = "—"
      }
      var other: [String] = []
      if let when = rule.when { other.append("适用于：\(words.condition(when).plainText)") }
      if let max = rule.max { other.append("全年最多\(rule.award != nil ? "加" : "扣") \(max) 分") }
      if let cap = rule.maxPerPeriod {
        let period = ["month": "每月", "quarter": "每季度", "halfYear": "每半年"][rule.period ?? ""] ?? "每期"
        other.append("\(period)最多\(rule.award != nil ? "加" : "扣") \(cap) 分")
      }
      if rule.highestOnly == true { other.append("同一事迹（事件编号）只计最高一项") }
      if let condition = rule.suspendedWhile {
        other.append("\(words.condition(condition).plainText)时暂停计分（记录，不计入）")
      }
      if rule.exemptFromCap == true { other.append("不受类别上限限制，也不计入类别上限") }
      if let days = rule.repeatWithinDays { other.append("距上次同类事件 \(days) 天以内（含）再次发生的，加倍扣分") }
      if let days = rule.expiresAfterDays { other.append("发生日距结算日超过 \(days) 天的，不再计入") }
      return [
        [.text(rule.kind)], [.text(rule.label ?? rule.kind)],
        [.text(rule.category.map { categoryLabels[$0] ?? $0 } ?? "—")],
        [.text(points)], [.text(other.isEmpty ? "—" : other.joined(separator: "；"))],
      ]
    }
    for check in ledger.checks ?? [] {
      let at = ["monthEnds": "每月末", "quarterEnds": "每季度末", "halfYearEnds": "每半年末"][check.checkAt] ?? check.checkAt
      var item: [RenderDocument.Inline] = [
        .text("\(at)结算积分，低于 \(check.below) 分的次数记为\((check.label ?? check.id).inQuotes)（标识 "), .code(check.id),
        .text("）。"),
      ]
      if let note = check.exampleValue { item += [.text(" "), .example(note)] }
      add(.paragraph(item))
    }
    add(.paragraph([.text("记分事项：")]))
    addTable(["事件种类", "事项", "类别", "分值", "其他规定"], rows, remarks: ledger.rules.map(\.exampleValue))
    add(
      .paragraph([
        .text(
          "事件按日期先后计算（同日按记录顺序），上限按先后截断；同一事件的多项扣分只计最高一项；"
            + "未列明种类的事件、未列明情节的扣分事件不予受理。")
      ]))
  }

  // MARK: 上期结果

  /// The values read from last period's results (上期结果), each with what a subject without one gets.
  mutating func renderPrevious() {
    guard let previous = model.previous else { return }
    startPart("previous", "上期结果")
    let source = previous.from.map { "规则包 \($0)" } ?? "本规则包"
    add(
      .paragraph([
        .text(
          "\(previous.label ?? "上期考核结果")：读取\(source)上一期的结果文件（运行时以 --previous 给出），按考核对象编号对应。"
            + (previous.allowOtherPacks == true ? "其他规则包写出的结果也予读取。" : ""))
      ]))
    let fieldNames = ["total": "总分", "grade": "等次", "stars": "星级", "period": "考核期", "vetoed": "是否被一票否决"]
    let rows = previous.fields.map { field -> [[RenderDocument.Inline]] in
      let missing: String
      switch field.whenMissing {
      case .text("reject"): missing = "不予计分（退回）"
      case .text(let text): missing = "按“\(text)”计"
      case .number(let number): missing = "按 \(number) \(field.unit ?? "")计"
      case .boolean(let flag): missing = flag ? "按“是”计" : "按“否”计"
      }
      return [[.text(field.label ?? field.id)], [.code(field.id)], [.text(fieldNames[field.field] ?? field.field)], [.text(missing)]]
    }
    addTable(["名称", "标识", "读取", "无上期结果时"], rows, remarks: previous.fields.map { _ in nil })
  }

  // MARK: 计算口径

  mutating func renderValues() {
    startPart("values", "计算口径")
    let values = model.values ?? []
    let rows = values.map { value -> [[RenderDocument.Inline]] in
      let method: Phrase =
        FormulaWords.isCondition(value.formula, names: names)
        ? words.condition(value.formula) : words.amount(value.formula)
      return [[.text(value.label ?? value.id)], [.code(value.id)], Self.inline(method)]
    }
    addTable(["名称", "标识", "计算方法"], rows, remarks: values.map(\.exampleValue))
  }

  // MARK: 考核数据项

  mutating func renderInputs() {
    startPart("inputs", "考核数据项")
    let rows = model.inputs.enumerated().map { index, input -> [[RenderDocument.Inline]] in
      let type: String
      switch input.type {
      case .number: type = "数值"
      case .integer: type = "整数"
      case .boolean: type = "是/否"
      case .choice: type = "选项：" + (input.choices ?? []).joined(separator: "、")
      }
      var range = "—"
      if let min = input.min, let max = input.max {
        range = "\(min)–\(max)" + (input.unit.map { $0 == "%" ? $0 : " \($0)" } ?? "")
      } else if let unit = input.unit {
        range = "单位：\(unit)"
      }
      if let places = input.places, input.type == .number { range += "，至多 \(places) 位小数" }
      var missing: String
      if input.required == true {
        missing = "必填"
      } else if input.whenMissing == "notApplicable" {
        missing = "不适用（用到它的考核内容不计）"
      } else if let value = input.default {
        switch value {
        case .number(let number): missing = "按 \(number)\(input.unit.map { $0 == "%" ? $0 : " \($0)" } ?? " ")计"
        case .boolean(let flag): missing = "按\((flag ? "是" : "否").inQuotes)计"
        case .text(let text): missing = "按\(text.inQuotes)计"
        }
      } else {
        missing = "—"
      }
      if let condition = input.appliesTo {
        // Required of the class only; outside it the cell stays empty (a value is rejected).
        missing = "仅适用于" + words.condition(condition).plainText + "：" + missing + "；其他对象须留空"
      }
      return [
        [.text(String(index + 1))], [.text(input.label ?? input.id)], [.code(input.id)], [.text(type)], [.text(range)],
        [.text(missing)],
      ]
    }
    add(.paragraph([.text("每个考核对象提供以下数据（数据表的列名可用标识或名称）；超出取值范围的数据不予计分，不会被截断。")]))
    addTable(["序号", "数据项", "标识", "类型", "取值范围", "未填写时"], rows, remarks: model.inputs.map(\.exampleValue))
  }

  // MARK: 原文摘录

  mutating func renderExcerpt(_ excerpt: String) {
    startPart("excerpt", "原文摘录")
    add(.paragraph([.text("摘自\(model.source.document)：")]))
    let lines = excerpt.split(separator: "\n").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
    add(.quote(lines))
  }
}
