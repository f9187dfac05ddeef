extension RulePack {
  /// Whether the pack has a cohort stage (ranking, labels by share, quotas) that runs after every subject is scored.
  public var hasCohort: Bool { program.cohort != nil }

  /// The labels the cohort stage can give, by id and label, in declared order.
  public var cohortLabelNames: [(id: String, label: String)] {
    program.cohort?.labels.map { ($0.id, $0.label) } ?? []
  }

  /// Whether the cohort stage has quotas (hard caps or guides).
  public var hasQuotas: Bool { !(program.cohort?.quotas.isEmpty ?? true) }

  /// Runs the cohort stage over every scored subject and returns the assessments with rank, cohort size, labels and
  /// quota moves (grades or stars a cap changed), plus the quota counts per group.
  ///
  /// Assessments must come from this pack (they carry a ``Assessment/cohortEntry``); void results and subjects the
  /// pack's `exclude` condition leaves out get no rank. The order of the assessments is kept.
  public func rank(_ assessments: [Assessment]) -> (assessments: [Assessment], quotas: [QuotaSummary]) {
    let entries = assessments.map {
      $0.cohortEntry ?? CohortEntry(subjectID: $0.subject.id, keys: [], excluded: true)
    }
    let result = rankCohort(entries)
    var ranked = assessments
    for index in ranked.indices { apply(result.outcomes[index], to: &ranked[index]) }
    return (ranked, result.quotas)
  }

  /// Applies one cohort outcome to its assessment: rank, labels, quota moves, and the consequences of a moved grade.
  public func apply(_ outcome: CohortOutcome, to assessment: inout Assessment) {
    guard program.cohort != nil else { return }
    assessment.rank = outcome.rank
    assessment.cohortSize = outcome.cohortSize
    assessment.cohortGroup = outcome.group
    assessment.labels = outcome.labels
    assessment.quotaMoves = outcome.quotaMoves
    assessment.trace += outcome.trace
    if let stars = outcome.movedStars { assessment.stars = stars }
    if let grade = outcome.movedGrade, let old = assessment.grade {
      assessment.grade = grade
      // Consequences that followed from the old grade alone no longer follow; those of the new grade do.
      let oldReason = "等次为\(old)"
      assessment.consequences.removeAll { $0.reason == oldReason }
      if let newIndex = program.bands.firstIndex(where: { $0.grade == grade }) {
        for consequence in program.consequences where consequence.onGrades.contains(newIndex) {
          guard !assessment.consequences.contains(where: { $0.id == consequence.id }) else { continue }
          let fired = FiredConsequence(id: consequence.id, label: consequence.label, reason: "等次为\(grade)（名额调整后）")
          assessment.consequences.append(fired)
          assessment.trace.append(
            TraceEntry(kind: .consequence, ruleID: consequence.id, message: "\(consequence.label)（因\(fired.reason)）"))
        }
      }
    }
  }

  /// Runs the cohort stage on compact entries (one per scored subject, in any order); the outcomes follow the entries'
  /// order. This is what a batch holds until every subject is scored.
  public func rankCohort(_ entries: [CohortEntry]) -> CohortResult {
    guard let cohort = program.cohort else {
      return CohortResult(
        outcomes: entries.map { CohortOutcome(rank: nil, cohortSize: 0, group: $0.group) }, quotas: [])
    }
    var outcomes = entries.map { CohortOutcome(rank: nil, cohortSize: 0, group: $0.group) }
    var quotas: [QuotaSummary] = []
    // Groups in order of first appearance.
    var groupOrder: [String] = []
    var members: [String: [Int]] = [:]
    for (index, entry) in entries.enumerated() {
      if members[entry.group] == nil { groupOrder.append(entry.group) }
      members[entry.group, default: []].append(index)
    }
    let whole = cohort.groupBy == .whole
    for group in groupOrder {
      let all = members[group] ?? []
      let ranked = all.filter { !entries[$0].excluded }.sorted { lhs, rhs in
        let order = compare(entries[lhs].keys, entries[rhs].keys, cohort)
        return order != 0 ? order < 0 : lhs < rhs
      }
      let size = ranked.count
      let place = whole ? (cohort.label.isEmpty ? "全体" : cohort.label) : "\(cohort.groupLabel)“\(group.isEmpty ? "（未填）" : group)”"
      // Tie blocks: [start, end) in `ranked` for each position.
      var blockStart = [Int](repeating: 0, count: size)
      var blockEnd = [Int](repeating: 0, count: size)
      var start = 0
      while start < size {
        var end = start + 1
        while end < size, compare(entries[ranked[start]].keys, entries[ranked[end]].keys, cohort) == 0 { end += 1 }
        for position in start..<end {
          blockStart[position] = start
          blockEnd[position] = end
        }
        start = end
      }
      for index in all {
        outcomes[index].cohortSize = size
        outcomes[index].group = group
      }
      for (position, index) in ranked.enumerated() {
        let rank = blockStart[position] + 1
        outcomes[index].rank = rank
        let tied = blockEnd[position] - blockStart[position]
        outcomes[index].trace.append(
          TraceEntry(
            kind: .cohort, ruleID: "rank",
            message: "排名：\(place) \(size) 个中第 \(rank) 名\(tied > 1 ? "（与另 \(tied - 1) 个并列）" : "")（按\(cohort.keys.map(\.label).joined(separator: "、"))）"))
      }
      for index in all where entries[index].excluded {
        outcomes[index].trace.append(TraceEntry(kind: .cohort, ruleID: "rank", message: "不参加排名（\(place)）"))
      }

      // Labels by share.
      for (labelIndex, label) in cohort.labels.enumerated() {
        let (count, working) = headCount(size, label.share, label.rounding)
        let side = label.fromTop ? "前" : "倒数"
        for (position, index) in ranked.enumerated() {
          let start = blockStart[position]
          let end = blockEnd[position]
          let inside: Bool
          if label.fromTop {
            inside = label.ties == .all ? start < count : end <= count
          } else {
            inside = label.ties == .all ? size - end < count : size - start <= count
          }
          guard inside else { continue }
          let reason = "\(side) \(label.share.text)：\(place) \(working) 个，排第 \(start + 1) 名"
          outcomes[index].labels.append(CohortLabel(id: label.id, label: label.label, reason: reason))
          outcomes[index].trace.append(TraceEntry(kind: .cohort, ruleID: "label.\(label.id)", message: "\(label.label)（\(reason)）"))
        }
        for index in all where entries[index].forcedLabels.indices.contains(labelIndex) && entries[index].forcedLabels[labelIndex] {
          guard !outcomes[index].labels.contains(where: { $0.id == label.id }) else { continue }
          let reason = "\(label.alsoWhen?.source ?? "")（不论排名）"
          outcomes[index].labels.append(CohortLabel(id: label.id, label: label.label, reason: reason))
          outcomes[index].trace.append(TraceEntry(kind: .cohort, ruleID: "label.\(label.id)", message: "\(label.label)（因\(reason)）"))
        }
      }

      // Quotas, in declared order: a cap moves those over it down by rank; a guide is only counted.
      var grades = ranked.map { entries[$0].gradeIndex }
      var stars = ranked.map { entries[$0].stars }
      for (quotaIndex, quota) in cohort.quotas.enumerated() {
        let (count, working) = headCount(size, quota.share, quota.rounding)
        let holders: [Int]
        let what: String
        switch quota.target {
        case .grade(let grade):
          holders = ranked.indices.filter { grades[$0] == grade }
          what = program.bands[grade].grade
        case .stars(let level):
          holders = ranked.indices.filter { stars[$0] == level }
          what = "\(level) 星"
        }
        var after = holders.count
        if quota.isCap, holders.count > count {
          // Tie blocks among the holders, by the ranking keys.
          var position = 0
          while position < holders.count {
            var end = position + 1
            while end < holders.count,
              compare(entries[ranked[holders[position]]].keys, entries[ranked[holders[end]]].keys, cohort) == 0
            {
              end += 1
            }
            let keeps = quota.ties == .all ? position < count : end <= count
            if !keeps {
              for holder in holders[position..<end] {
                let index = ranked[holder]
                let message: String
                switch quota.target {
                case .grade(let grade):
                  grades[holder] = grade + 1
                  let next = program.bands[grade + 1].grade
                  outcomes[index].movedGrade = next
                  message = "名额：\(what)不超过 \(quota.share.text)，\(place) \(working) 个；本单位在\(what)中排第 \(position + 1) 位，超出名额，由\(what)调为\(next)"
                case .stars(let level):
                  let next = program.stars?.levels.first(where: { $0.stars < level })?.stars ?? 0
                  stars[holder] = next
                  outcomes[index].movedStars = next
                  message = "名额：\(what)不超过 \(quota.share.text)，\(place) \(working) 个；本单位在\(what)中排第 \(position + 1) 位，超出名额，由 \(level) 星调为 \(next) 星"
                }
                after -= 1
                outcomes[index].trace.append(TraceEntry(kind: .cohort, ruleID: "quota.\(quotaIndex)", message: message))
              }
            }
            position = end
          }
        }
        quotas.append(
          QuotaSummary(
            group: whole ? "" : group, what: what, isCap: quota.isCap, count: count, working: working,
            before: holders.count, after: after))
      }
    }
    return CohortResult(outcomes: outcomes, quotas: quotas)
  }

  /// Compares ranking keys: negative when `lhs` ranks better.
  private func compare(_ lhs: [ExactDecimal], _ rhs: [ExactDecimal], _ cohort: CompiledCohort) -> Int {
    for (index, key) in cohort.keys.enumerated() where index < lhs.count && index < rhs.count {
      if lhs[index] == rhs[index] { continue }
      let lhsHigher = lhs[index] > rhs[index]
      return lhsHigher == key.descending ? -1 : 1
    }
    return 0
  }

  /// N × share as a whole number, rounded as declared, with the working in words ("ceil(5% × 92) = 5").
  func headCount(_ size: Int, _ share: CohortShare, _ rounding: CountRounding) -> (Int, String) {
    let product = size * share.numerator
    let (quotient, remainder) = product.quotientAndRemainder(dividingBy: share.denominator)
    let count: Int
    switch rounding {
    case .up: count = remainder > 0 ? quotient + 1 : quotient
    case .down: count = quotient
    case .nearest: count = 2 * remainder >= share.denominator ? quotient + 1 : quotient
    }
    var exact = (try? ExactDecimal(product).dividing(by: ExactDecimal(share.denominator)))?.normalized().description ?? "?"
    var reduced = share.denominator
    while reduced % 2 == 0 { reduced /= 2 }
    while reduced % 5 == 0 { reduced /= 5 }
    if remainder != 0, reduced != 1 { exact = String(exact.prefix(exact.count - 9)) + "…" }
    let function: String
    switch rounding {
    case .up: function = "ceil"
    case .down: function = "floor"
    case .nearest: function = "round"
    }
    return (count, "共 \(size) 个，\(function)(\(share.text) × \(size) = \(exact)) = \(count)")
  }
}
