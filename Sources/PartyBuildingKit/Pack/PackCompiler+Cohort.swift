extension PackCompiler {
  static let cohortKeys = ["label", "groupBy", "rankBy", "tieBreakers", "exclude", "labels", "quotas", "note"]
  static let cohortLabelKeys = [
    "id", "label", "bottom", "top", "bottomCount", "topCount", "byGroup", "fillTo", "rounding", "ties", "alsoWhen",
    "exampleValue", "note",
  ]
  static let quotaKeys = [
    "grade", "grades", "stars", "starsAtLeast", "starsAtMost", "atMost", "guide", "atMostCount", "guideCount", "byGroup",
    "rounding", "ties", "exampleValue", "note",
  ]
  /// A label's amount by rank: exactly one of these.
  static let labelAmountKeys = ["bottom", "top", "bottomCount", "topCount"]
  /// What a quota counts: exactly one of these.
  static let quotaTargetKeys = ["grade", "grades", "stars", "starsAtLeast", "starsAtMost"]
  /// A quota's amount: exactly one of these.
  static let quotaAmountKeys = ["atMost", "guide", "atMostCount", "guideCount"]
  /// The most a head count may be (a cohort of a billion subjects).
  static let largestHeadCount = 1_000_000_000

  /// Reads the cohort stage: how subjects are grouped and ranked, labels by share, and quotas.
  mutating func readCohort(_ node: Node) {
    guard let object = node.object(Message(.whatCohort), keys: Self.cohortKeys) else { return }
    let finalScope = scope(upTo: symbols.count)
    var groupBy = CompiledCohort.GroupKey.whole
    var groupLabel = ""
    if let text = object.string("groupBy") {
      groupLabel = text
      switch text {
      case "parent", "上级":
        groupBy = .parent
        groupLabel = "上级"
      case "kind", "类型":
        groupBy = .kind
        groupLabel = "类型"
      default:
        if let input = inputs.first(where: { $0.declaration.id == text }) {
          groupBy = .slot(input.slot)
          groupLabel = input.declaration.label
        } else {
          // A subject attribute: a '#…' column of a CSV file, or "attributes" of a JSON record.
          groupBy = .attribute(text.hasPrefix("#") ? String(text.dropFirst()) : text)
        }
      }
    }
    var keys: [(formula: Formula, descending: Bool, label: String)] = []
    let rankSource = object.formula("rankBy")
    let rankText = rankSource?.text ?? "total"
    if let source = rankSource {
      if let formula = compile(source, in: finalScope, expecting: .number, what: Message(.whatCohortRankBy)) {
        keys.append((formula, true, rankText))
      }
    } else if let formula = compileQuietly("total", in: finalScope) {
      keys.append((formula, true, "总分"))
    }
    for (index, breaker) in (object.array("tieBreakers") ?? []).enumerated() {
      guard let item = breaker.object(Message(.whatTieBreaker), keys: ["by", "order", "label", "note"]) else { continue }
      guard
        let formula = requiredFormula(
          item, "by", in: finalScope, type: .number, what: Message(.whatTieBreakerNumber, index + 1),
          hint: Message(.hintRankBy))
      else { continue }
      var descending = true
      if let orderNode = item["order"], let text = orderNode.string(.quoted("order")) {
        switch text {
        case "higherFirst": descending = true
        case "lowerFirst": descending = false
        default:
          orderNode.error(
            Message(.unknownOrder, text, Spelling.didYouMeanMessage(text, among: ["higherFirst", "lowerFirst"]))
          )
        }
      }
      keys.append((formula, descending, item.string("label") ?? formula.source))
    }
    let exclude = object.formula("exclude").flatMap {
      compile($0, in: finalScope, expecting: .boolean, what: Message(.placeCohortExclude))
    }
    var labels: [CompiledCohortLabel] = []
    var labelIDs: Set<String> = []
    var declaredLabels: [String] = []
    let grouping = CohortGrouping(groupBy: groupBy, label: groupLabel, choices: groupChoices(groupBy))
    for labelNode in object.array("labels") ?? [] {
      guard let item = labelNode.object(Message(.whatCohortLabel), keys: Self.cohortLabelKeys) else { continue }
      noteExample(item)
      guard let id = item.requiredString("id", Message(.hintCohortLabelID)) else { continue }
      if !labelIDs.insert(id).inserted { item["id"]?.error(Message(.cohortLabelListedTwice, id)) }
      declaredLabels.append(id)
      let label = item.string("label") ?? id
      if let compiled = readCohortLabel(item, id: id, label: label, grouping: grouping, in: finalScope) {
        labels.append(compiled)
      } else {
        sink.markUnknown(.cohortLabel(id))
      }
    }
    var quotas: [CompiledQuota] = []
    for quotaNode in object.array("quotas") ?? [] {
      guard let item = quotaNode.object(Message(.whatQuota), keys: Self.quotaKeys) else { continue }
      noteExample(item)
      if let quota = readQuota(item, grouping: grouping) { quotas.append(quota) }
    }
    if labels.isEmpty, quotas.isEmpty, !object.has("rankBy"), !object.has("tieBreakers") {
      // Ranking alone is a valid cohort stage: nothing to report.
    }
    cohort = CompiledCohort(
      label: object.string("label") ?? "", groupBy: groupBy, groupLabel: groupLabel, keys: keys, exclude: exclude,
      labels: labels, quotas: quotas, declaredLabels: declaredLabels)
  }

  /// The largest denominator of a share (as many as a decimal share's 9 places give).
  static let largestShareDenominator = 1_000_000_000

  /// Where a share is read, for what its messages suggest.
  enum ShareUse {
    /// A ballot quorum: any share.
    case quorum
    /// A label's or quota's share (`bottom`, `atMost`…), whose head-count key is `countKey` (`bottomCount`…).
    case cohort(countKey: String)
    /// A group's share under `byGroup`, for an amount whose head-count key is `countKey`.
    case byGroup(countKey: String)
    /// A label's `fillTo`.
    case fillTo
  }

  /// Reads a share: "5%", "1/3" or a fraction such as 0.05; above 0 (or 0 itself, with `allowZero`) and at most 1.
  ///
  /// In the cohort stage a share written as a plain number (no % and no /) is below 1: `"bottom": 1` or `3` is a
  /// mistake for a head count (末位 1 名), never 100% or 300%, and is reported with the key to write instead.
  func readShare(_ node: Node, use: ShareUse = .quorum, allowZero: Bool = false) -> CohortShare? {
    var text: String
    switch node.value.content {
    case .number(let literal): text = literal
    case .string(let literal): text = literal.trimmingSpaces
    default:
      node.error(Message(.expectedShare, node.value.kindMessage))
      return nil
    }
    if case .quorum = use {
    } else if let count = Self.headCountText(text) {
      switch use {
      case .quorum: break
      case .cohort(let countKey):
        node.error(Message(.headCountNotShare, text, countKey, count))
      case .byGroup(let countKey):
        node.error(
          Message(.headCountNotSharePerGroup, text, countKey))
      case .fillTo:
        node.error(Message(.fillToNotCount))
      }
      return nil
    }
    var share: CohortShare?
    var plain: ExactDecimal?
    if let slash = text.firstIndex(of: "/") {
      if let numerator = Int(text[..<slash].trimmingSpaces), let denominator = Int(text[text.index(after: slash)...].trimmingSpaces),
        denominator > 0, numerator >= 0
      {
        // Head counts multiply the cohort's size by the numerator: keep both parts small enough for any cohort.
        guard denominator <= Self.largestShareDenominator else {
          node.error(
            Message(.denominatorTooLarge, text, RulePack.grouped(Self.largestShareDenominator)))
          return nil
        }
        share = CohortShare(numerator: numerator, denominator: denominator, text: text)
      }
    } else {
      // Exact: "0.5%" is 0.005, never rounded.
      if let value = (try? Node.exactNumber(text).get())?.normalized(), value.scale <= 9 {
        if !text.hasSuffix("%") { plain = value }
        var denominator = 1
        for _ in 0..<value.scale { denominator *= 10 }
        share = CohortShare(numerator: Int(value.significand), denominator: denominator, text: text)
      }
    }
    guard let share else {
      node.error(Message(.notAShare, text))
      return nil
    }
    if let plain, plain >= .one {
      let whole = plain.intValue
      switch use {
      case .quorum: break
      case .cohort(let countKey):
        node.error(
          whole.map { Message(.plainShareMeantCount, text, $0, countKey, $0) } ?? Message(.plainShareWritePercentage, text))
        return nil
      case .byGroup(let countKey):
        node.error(
          Message(.plainSharePerGroup, text, countKey))
        return nil
      case .fillTo:
        node.error(
          Message(.plainShareFillTo, text))
        return nil
      }
    }
    if share.numerator > share.denominator || share.numerator < 0 || (share.numerator == 0 && !allowZero) {
      node.error(allowZero ? Message(.shareFromZero, text) : Message(.shareAboveZero, text))
      return nil
    }
    return share
  }

  /// The whole number of a head count written as text where a share belongs ("3名", "3 个"), or nil.
  static func headCountText(_ text: String) -> Int? {
    guard let last = text.last, last == "名" || last == "个" else { return nil }
    return Int(text.dropLast().trimmingSpaces)
  }

  /// Reads a head count (末位 3 名): a whole number from 0 (with `allowZero`) or 1 up to ``largestHeadCount``.
  func readHeadCount(
    _ node: Node, _ what: Message, shareHint: Message, allowZero: Bool, zeroHint: Message = .verbatim("")
  ) -> Int? {
    if case .string(let text) = node.value.content, text.contains("%") || text.contains("/") {
      node.error(Message(.headCountNotAShare, what, text, shareHint))
      return nil
    }
    guard let count = node.integer(what, in: 0...Self.largestHeadCount) else { return nil }
    if count == 0, !allowZero {
      node.error(Message(.headCountZero, what, zeroHint))
      return nil
    }
    return count
  }

  /// How the cohort is grouped, for checking `byGroup`: the key, and the choices when it is a choice input.
  struct CohortGrouping {
    var groupBy: CompiledCohort.GroupKey
    var label: String
    var choices: [String]?
  }

  /// The choices of the input the cohort is grouped by, when it is a choice input.
  func groupChoices(_ groupBy: CompiledCohort.GroupKey) -> [String]? {
    guard case .slot(let slot) = groupBy, let input = inputs.first(where: { $0.slot == slot }),
      input.declaration.type == .choice
    else { return nil }
    return input.declaration.choices
  }

  /// Reads the amount under `key` (a share, or a head count for a `…Count` key) and the per-group ones of `byGroup`.
  func readAmounts(_ item: ObjectNode, key: String, grouping: CohortGrouping, allowZero: Bool) -> CohortAmounts? {
    let isCount = key.hasSuffix("Count")
    let shareKey = isCount ? String(key.dropLast("Count".count)) : key
    let countKey = isCount ? key : key + "Count"
    guard let node = item[key] else { return nil }
    var standard: CohortAmount?
    if isCount {
      let zeroHint =
        key.hasPrefix("atMost") || key.hasPrefix("guide") ? Message.verbatim("") : Message(.zeroHintFillTo)
      if let count = readHeadCount(
        node, .quoted(key), shareHint: Message(.shareHintWrite, shareKey), allowZero: allowZero, zeroHint: zeroHint)
      {
        standard = .count(count)
      }
    } else if let share = readShare(node, use: .cohort(countKey: countKey)) {
      standard = .share(share)
    }
    guard let groupsNode = item["byGroup"] else { return standard.map { CohortAmounts(standard: $0) } }
    var byGroup: [String: CohortAmount] = [:]
    var readable = standard != nil
    if grouping.groupBy == .whole {
      groupsNode.error(isCount ? .byGroupCountNotGrouped : .byGroupShareNotGrouped)
      readable = false
    }
    guard case .object(let members) = groupsNode.value.content else {
      let example = isCount ? #"{"城关镇": 2, "河口乡": 1}"# : #"{"村": "10%", "社区": "5%"}"#
      groupsNode.error(isCount ? .byGroupCountsNotObject : .byGroupSharesNotObject, example, groupsNode.value.kindMessage)
      return nil
    }
    if members.members.isEmpty {
      groupsNode.error(isCount ? .byGroupNoGroupCount : .byGroupNoGroupShare)
      readable = false
    }
    for member in members.members {
      let child = Node(value: member.value, pointer: groupsNode.pointer.appending(member.key), sink: sink)
      if let choices = grouping.choices, !choices.contains(member.key) {
        sink.error(
          Message(
            .noSuchCohortGroup, member.key, Spelling.didYouMeanMessage(member.key, among: choices), grouping.label,
            MessageArgument.list(choices)),
          at: child.pointer, member.keyLocation)
        readable = false
      }
      let amount: CohortAmount?
      if isCount {
        amount = readHeadCount(
          child, Message(.groupUnderKey, member.key, key),
          shareHint: Message(.shareHintPerGroup, shareKey, key), allowZero: true
        ).map { .count($0) }
      } else {
        amount = readShare(child, use: .byGroup(countKey: countKey), allowZero: true).map { .share($0) }
      }
      if let amount { byGroup[member.key] = amount } else { readable = false }
    }
    guard readable, let standard else { return nil }
    return CohortAmounts(standard: standard, byGroup: byGroup)
  }

  /// Reads a cohort label's amount, fill-up, rounding, ties and `alsoWhen`; nil when it cannot be used.
  mutating func readCohortLabel(
    _ item: ObjectNode, id: String, label: String, grouping: CohortGrouping, in scope: FormulaScope
  ) -> CompiledCohortLabel? {
    let given = Self.labelAmountKeys.filter { item.has($0) }
    guard given.count == 1, let key = given.first else {
      item.node.error(
        Message(.cohortLabelAmount)
      )
      return nil
    }
    let fromTop = key.hasPrefix("top")
    let isCount = key.hasSuffix("Count")
    var usable = true
    var fillTo: CohortShare?
    if let fillNode = item["fillTo"] {
      fillTo = readShare(fillNode, use: .fillTo)
      if fillTo == nil { usable = false }
    }
    let amounts = readAmounts(item, key: key, grouping: grouping, allowZero: item.has("fillTo"))
    if let fillTo, case .share(let share)? = amounts?.standard, amounts?.byGroup.isEmpty ?? false,
      fillTo.numerator * share.denominator <= share.numerator * fillTo.denominator
    {
      item["fillTo"]?.error(
        Message(.fillToNotAbove, fillTo.text, key, share.text)
      )
      usable = false
    }
    var rounding = CountRounding.up
    if !isCount || item.has("fillTo") {
      if let declared = readCountRounding(item) { rounding = declared } else { usable = false }
    } else if let roundingNode = item["rounding"] {
      roundingNode.error(
        Message(.roundingForCountLabel, key))
    }
    let ties = readTies(item, default: .all)
    let alsoWhenSource = item.formula("alsoWhen")
    let alsoWhen = alsoWhenSource.flatMap {
      compile($0, in: scope, expecting: .boolean, what: Message(.placeCohortLabel, id))
    }
    if alsoWhenSource != nil, alsoWhen == nil { usable = false }
    guard usable, let amounts else { return nil }
    return CompiledCohortLabel(
      id: id, label: label, fromTop: fromTop, amounts: amounts, rounding: rounding, ties: ties, alsoWhen: alsoWhen,
      fillTo: fillTo, site: PackSite(item))
  }

  /// Reads a quota: what it counts (a grade, several grades, a star level or levels), its cap or guide (a share or a
  /// head count, per group with `byGroup`), rounding and ties; nil when it cannot be used.
  func readQuota(_ item: ObjectNode, grouping: CohortGrouping) -> CompiledQuota? {
    let targets = Self.quotaTargetKeys.filter { item.has($0) }
    guard targets.count == 1, let targetKey = targets.first else {
      item.node.error(
        Message(.quotaCounts)
      )
      return nil
    }
    let amountKeys = Self.quotaAmountKeys.filter { item.has($0) }
    let amountKey = amountKeys.count == 1 ? amountKeys[0] : nil
    let isCap = amountKey?.hasPrefix("atMost") ?? false
    let node = item[targetKey]!
    var target: CompiledQuota.Target?
    let gradeNames = bands.map(\.grade)
    /// The index of the grade `name`, or nil (reported unless the grade's own declaration failed).
    func gradeIndex(_ name: String, at node: Node) -> Int? {
      if let index = bands.firstIndex(where: { $0.grade == name }) { return index }
      if !sink.isUnknown(.grade(name)) {
        node.error(
          Message(.noSuchGrade, name, Spelling.didYouMeanMessage(name, among: gradeNames), MessageArgument.list(gradeNames)))
      }
      return nil
    }
    switch targetKey {
    case "grade":
      if let grade = node.string(.quoted("grade")), let index = gradeIndex(grade, at: node) {
        if index == bands.count - 1, isCap {
          node.error(Message(.quotaLowestGrade, grade))
        }
        target = .grade(index)
      }
    case "grades":
      guard let list = node.array(.quoted("grades")) else { break }
      var indices: [Int] = []
      var readable = true
      for gradeNode in list {
        guard let grade = gradeNode.string(Message(.whatGrade)), let index = gradeIndex(grade, at: gradeNode) else {
          readable = false
          continue
        }
        if indices.contains(index) {
          gradeNode.error(Message(.gradeListedTwice, grade))
        } else {
          indices.append(index)
        }
      }
      guard readable else { break }
      if indices.isEmpty {
        node.error(Message(.hintQuotaGrades))
        break
      }
      indices.sort()
      if isCap, indices.last == bands.count - 1 {
        node.error(
          Message(.quotaLowestGradeCounted, bands[bands.count - 1].grade))
        break
      }
      if isCap, zip(indices, indices.dropFirst()).contains(where: { $1 != $0 + 1 }) {
        node.error(
          Message(.quotaGradesNotAdjacent, indices.map { gradeNames[$0] }.joined(separator: ", "))
        )
        break
      }
      target = indices.count == 1 ? .grade(indices[0]) : .grades(indices)
    default:
      guard let level = node.integer("'\(targetKey)'", in: 1...10) else { break }
      if let stars, !stars.levels.contains(where: { $0.stars == level }), !starLevelsUnknown {
        node.error(Message(.noSuchStarLevelForQuota, level, stars.levels.map { String($0.stars) }.joined(separator: ", ")))
        break
      } else if stars == nil {
        node.error(Message(.quotaNoStars))
        break
      }
      switch targetKey {
      case "stars": target = .stars(level)
      case "starsAtLeast": target = .starsAtLeast(level)
      default:
        if isCap {
          node.error(
            Message(.quotaStarsAtMostCap)
          )
        } else {
          target = .starsAtMost(level)
        }
      }
    }
    guard let amountKey else {
      item.node.error(
        Message(.quotaAmount)
      )
      return nil
    }
    let isCount = amountKey.hasSuffix("Count")
    let amounts = readAmounts(item, key: amountKey, grouping: grouping, allowZero: false)
    var rounding: CountRounding? = .up
    if !isCount {
      rounding = readCountRounding(item)
    } else if let roundingNode = item["rounding"] {
      roundingNode.error(
        Message(.roundingForCountQuota, amountKey))
    }
    guard let target, let amounts, let rounding else { return nil }
    return CompiledQuota(
      target: target, amounts: amounts, rounding: rounding, ties: readTies(item, default: .none), isCap: isCap,
      site: PackSite(item))
  }

  /// Resolves the consequences' `onLabels` (read with the consequences, before the cohort stage): each names a label
  /// of the cohort stage.
  mutating func readConsequenceLabels(_ nodes: [Node], cohortGiven: Bool) {
    for node in nodes {
      guard case .object(let object) = node.value.content, let value = object["onLabels"] else { continue }
      let listNode = Node(value: value, pointer: node.pointer.appending("onLabels"), sink: sink)
      guard let list = listNode.array(.quoted("onLabels")) else { continue }
      guard let cohort else {
        if !cohortGiven {
          listNode.error(
            Message(.onLabelsWithoutCohort)
          )
        }
        continue
      }
      let index = consequences.firstIndex { $0.site.pointer == node.pointer }
      let ids = cohort.labels.map(\.id)
      let declared = cohort.declaredLabels
      if list.isEmpty { listNode.error(Message(.hintOnLabels)) }
      for labelNode in list {
        guard let id = labelNode.string(Message(.whatCohortLabelID)) else { continue }
        if let label = ids.firstIndex(of: id) {
          if let index, !consequences[index].onLabels.contains(label) { consequences[index].onLabels.append(label) }
        } else if !sink.isUnknown(.cohortLabel(id)) {
          labelNode.error(
            Message(.noSuchCohortLabel, id, Spelling.didYouMeanMessage(id, among: declared), declared.isEmpty ? Message(.noneWord) : Message(.listOf, MessageArgument.list(declared))))
        }
      }
    }
  }

  func readCountRounding(_ object: ObjectNode) -> CountRounding? {
    let names = CountRounding.allCases.map(\.rawValue)
    guard let node = object["rounding"], let text = node.string(.quoted("rounding")) else {
      if !object.has("rounding") {
        object.missing(
          "rounding",
          Message(.hintCountRounding))
      }
      return nil
    }
    guard let rounding = CountRounding(rawValue: text) else {
      node.error(Message(.unknownCountRounding, text, Spelling.didYouMeanMessage(text, among: names), MessageArgument.list(names)))
      return nil
    }
    return rounding
  }

  func readTies(_ object: ObjectNode, default fallback: TiesAtLimit) -> TiesAtLimit {
    guard let node = object["ties"], let text = node.string(.quoted("ties")) else { return fallback }
    guard let ties = TiesAtLimit(rawValue: text) else {
      node.error(
        Message(.unknownTies, text, Spelling.didYouMeanMessage(text, among: ["all", "none"]))
      )
      return fallback
    }
    return ties
  }
}
