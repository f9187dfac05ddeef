extension PackCompiler {
  static let cohortKeys = ["label", "groupBy", "rankBy", "tieBreakers", "exclude", "labels", "quotas", "note"]
  static let cohortLabelKeys = [
    "id", "label", "bottom", "top", "rounding", "ties", "alsoWhen", "exampleValue", "note",
  ]
  static let quotaKeys = ["grade", "stars", "atMost", "guide", "rounding", "ties", "exampleValue", "note"]

  /// Reads the cohort stage: how subjects are grouped and ranked, labels by share, and quotas.
  mutating func readCohort(_ node: Node) {
    guard let object = node.object("the cohort stage", keys: Self.cohortKeys) else { return }
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
      if let formula = compile(source, in: finalScope, expecting: .number, what: "the cohort's 'rankBy'") {
        keys.append((formula, true, rankText))
      }
    } else if let formula = compileQuietly("total", in: finalScope) {
      keys.append((formula, true, "总分"))
    }
    for (index, breaker) in (object.array("tieBreakers") ?? []).enumerated() {
      guard let item = breaker.object("a tie-breaker", keys: ["by", "order", "label", "note"]) else { continue }
      guard
        let formula = requiredFormula(
          item, "by", in: finalScope, type: .number, what: "tie-breaker \(index + 1)",
          hint: "what decides between equal totals, e.g. \"强村富民\" (a section, input or value)")
      else { continue }
      var descending = true
      if let orderNode = item["order"], let text = orderNode.string("'order'") {
        switch text {
        case "higherFirst": descending = true
        case "lowerFirst": descending = false
        default:
          orderNode.error(
            "unknown order '\(text)'\(Spelling.didYouMean(text, among: ["higherFirst", "lowerFirst"])); use higherFirst (高者在前) or lowerFirst (低者在前)"
          )
        }
      }
      keys.append((formula, descending, item.string("label") ?? formula.source))
    }
    let exclude = object.formula("exclude").flatMap {
      compile($0, in: finalScope, expecting: .boolean, what: "the cohort's 'exclude'")
    }
    var labels: [CompiledCohortLabel] = []
    var labelIDs: Set<String> = []
    for labelNode in object.array("labels") ?? [] {
      guard let item = labelNode.object("a cohort label", keys: Self.cohortLabelKeys) else { continue }
      noteExample(item)
      guard let id = item.requiredString("id", "a short name the tests use, e.g. \"后进\"") else { continue }
      if !labelIDs.insert(id).inserted { item["id"]?.error("the cohort label '\(id)' is listed twice") }
      let label = item.string("label") ?? id
      let fromTop = item.has("top")
      if item.has("top") == item.has("bottom") {
        item.node.error("a cohort label gives either 'bottom' (倒数, e.g. \"5%\") or 'top' (前, e.g. \"10%\"), exactly one")
        sink.markUnknown(.cohortLabel(id))
        continue
      }
      guard let share = readShare(item[fromTop ? "top" : "bottom"]!), let rounding = readCountRounding(item) else {
        sink.markUnknown(.cohortLabel(id))
        continue
      }
      let ties = readTies(item, default: .all)
      let alsoWhenSource = item.formula("alsoWhen")
      let alsoWhen = alsoWhenSource.flatMap {
        compile($0, in: finalScope, expecting: .boolean, what: "cohort label '\(id)'")
      }
      if alsoWhenSource != nil, alsoWhen == nil {
        sink.markUnknown(.cohortLabel(id))
        continue
      }
      labels.append(
        CompiledCohortLabel(
          id: id, label: label, fromTop: fromTop, share: share, rounding: rounding, ties: ties, alsoWhen: alsoWhen,
          site: PackSite(item)))
    }
    var quotas: [CompiledQuota] = []
    for quotaNode in object.array("quotas") ?? [] {
      guard let item = quotaNode.object("a quota", keys: Self.quotaKeys) else { continue }
      noteExample(item)
      var target: CompiledQuota.Target?
      if item.has("grade") == item.has("stars") {
        item.node.error("a quota counts either a 'grade' (e.g. \"优秀\") or a star level ('stars', e.g. 5), exactly one")
        continue
      }
      if let gradeNode = item["grade"], let grade = gradeNode.string("'grade'") {
        if let index = bands.firstIndex(where: { $0.grade == grade }) {
          if index == bands.count - 1, item.has("atMost") {
            gradeNode.error("'\(grade)' is the lowest grade: subjects over its cap would have no grade to fall to")
          }
          target = .grade(index)
        } else if !sink.isUnknown(.grade(grade)) {
          gradeNode.error(
            "there is no grade '\(grade)'\(Spelling.didYouMean(grade, among: bands.map(\.grade))); the grades are \(bands.map(\.grade).joined(separator: ", "))"
          )
        }
      } else if let starsNode = item["stars"], let level = starsNode.integer("'stars'", in: 1...10) {
        if let stars, !stars.levels.contains(where: { $0.stars == level }), !starLevelsUnknown {
          starsNode.error("there is no \(level)-star level; the levels are \(stars.levels.map { String($0.stars) }.joined(separator: ", "))")
        } else if stars == nil {
          starsNode.error("the pack rates no stars; add 'stars' or count a 'grade'")
        }
        target = .stars(level)
      }
      if item.has("atMost") == item.has("guide") {
        item.node.error(
          "a quota gives either 'atMost' (a hard cap: those over it fall to the next grade by rank) or 'guide' (a guide share: the deviation is reported, nothing changes), exactly one"
        )
        continue
      }
      let isCap = item.has("atMost")
      guard let target, let share = readShare(item[isCap ? "atMost" : "guide"]!), let rounding = readCountRounding(item)
      else { continue }
      quotas.append(
        CompiledQuota(
          target: target, share: share, rounding: rounding, ties: readTies(item, default: .none), isCap: isCap,
          site: PackSite(item)))
    }
    if labels.isEmpty, quotas.isEmpty, !object.has("rankBy"), !object.has("tieBreakers") {
      // Ranking alone is a valid cohort stage: nothing to report.
    }
    cohort = CompiledCohort(
      label: object.string("label") ?? "", groupBy: groupBy, groupLabel: groupLabel, keys: keys, exclude: exclude,
      labels: labels, quotas: quotas)
  }

  /// The largest denominator of a share (as many as a decimal share's 9 places give).
  static let largestShareDenominator = 1_000_000_000

  /// Reads a share: "5%", "1/3" or a fraction such as 0.05; between 0 and 1.
  func readShare(_ node: Node) -> CohortShare? {
    var text: String
    switch node.value.content {
    case .number(let literal): text = literal
    case .string(let literal): text = literal.trimmingSpaces
    default:
      node.error("expected a share such as \"5%\", \"1/3\" or 0.05, but found \(node.value.kindDescription)")
      return nil
    }
    var share: CohortShare?
    if let slash = text.firstIndex(of: "/") {
      if let numerator = Int(text[..<slash].trimmingSpaces), let denominator = Int(text[text.index(after: slash)...].trimmingSpaces),
        denominator > 0, numerator >= 0
      {
        // Head counts multiply the cohort's size by the numerator: keep both parts small enough for any cohort.
        guard denominator <= Self.largestShareDenominator else {
          node.error(
            "'\(text)' is a fraction with a denominator above \(RulePack.grouped(Self.largestShareDenominator)); write a share with smaller numbers, e.g. \"1/3\" or \"5%\"")
          return nil
        }
        share = CohortShare(numerator: numerator, denominator: denominator, text: text)
      }
    } else {
      // Exact: "0.5%" is 0.005, never rounded.
      if let value = (try? Node.exactNumber(text).get())?.normalized(), value.scale <= 9 {
        var denominator = 1
        for _ in 0..<value.scale { denominator *= 10 }
        share = CohortShare(numerator: Int(value.significand), denominator: denominator, text: text)
      }
    }
    guard let share else {
      node.error("'\(text)' is not a share; write a percentage (\"5%\"), a fraction (\"1/3\") or a decimal (0.05)")
      return nil
    }
    if share.numerator > share.denominator || share.numerator <= 0 {
      node.error("a share is above 0 and at most 100%, not \(text)")
      return nil
    }
    return share
  }

  func readCountRounding(_ object: ObjectNode) -> CountRounding? {
    let names = CountRounding.allCases.map(\.rawValue)
    guard let node = object["rounding"], let text = node.string("'rounding'") else {
      if !object.has("rounding") {
        object.missing(
          "rounding",
          "how the head count (N × share) is rounded: \"up\" (进一, ceil(5% × 92) = 5), \"down\" (去尾) or \"nearest\" (四舍五入)")
      }
      return nil
    }
    guard let rounding = CountRounding(rawValue: text) else {
      node.error("unknown count rounding '\(text)'\(Spelling.didYouMean(text, among: names)); use one of \(names.joined(separator: ", "))")
      return nil
    }
    return rounding
  }

  func readTies(_ object: ObjectNode, default fallback: TiesAtLimit) -> TiesAtLimit {
    guard let node = object["ties"], let text = node.string("'ties'") else { return fallback }
    guard let ties = TiesAtLimit(rawValue: text) else {
      node.error(
        "unknown 'ties' '\(text)'\(Spelling.didYouMean(text, among: ["all", "none"])); use \"all\" (every subject tied at the limit gets it) or \"none\" (none of them does; the count is never exceeded)"
      )
      return fallback
    }
    return ties
  }
}
