extension RulePack {
  /// Whether the pack has a cohort stage (ranking, labels by share, quotas) that runs after every subject is scored.
  public var hasCohort: Bool { program.cohort != nil }

  /// The labels the cohort stage can give, by id and label, in declared order.
  public var cohortLabelNames: [(id: String, label: String)] {
    program.cohort?.labels.map { ($0.id, $0.label) } ?? []
  }

  /// Whether the cohort stage has quotas (hard caps or guides).
  public var hasQuotas: Bool { !(program.cohort?.quotas.isEmpty ?? true) }

  /// Scores every subject and runs the cohort stage over them: each subject's assessment with its rank, cohort size,
  /// labels and quota moves (a grade a quota moved carries the consequences of the new grade, decided again by the
  /// kernel), or why it was rejected; with the quota counts per group. The order of the inputs is kept. A subject id
  /// given twice is rejected the second time, as in a batch. With `explain`, each assessment carries its trace,
  /// the cohort's verdict included.
  public func assessCohort(
    _ inputs: [AssessmentInput], explain: Bool = false
  ) -> (results: [Result<Assessment, AssessmentError>], quotas: [QuotaSummary]) {
    let scorer = PackScorer(pack: self)
    var results: [Result<Assessment, AssessmentError>] = []
    var entries = CohortEntries(for: self)
    var seen: [String: InputOrigin?] = [:]
    for input in inputs {
      if let first = seen[input.subject.id] {
        results.append(.failure(InputCoercion.repeatedIDError(input.subject.id, firstLine: first?.line ?? 0, origin: input.origin)))
        continue
      }
      seen[input.subject.id] = input.origin
      do {
        try score(input, with: scorer)
        let assessment = scorer.assessment(subject: input.subject, period: input.period)
        entries.append(Self.cohortEntry(of: assessment))
        results.append(.success(assessment))
      } catch {
        results.append(.failure(error))
      }
    }
    let ranking = rankCohort(entries)
    var entry = 0
    for index in results.indices {
      guard case .success = results[index] else { continue }
      defer { entry += 1 }
      let input = inputs[index]
      do {
        var trace: [TraceEntry] = []
        scorer.setForms(input.forms)
        try scorer.setInputs(input.values)
        if explain {
          trace = try scorer.scoreExplained(subject: input.subject, origin: input.origin)
          var observer = TracingObserver(plan: plan, view: UnsafeBufferPointer(start: scorer.buffer.pointer, count: plan.bufferSize))
          try scorer.place(ranking.outcome(at: entry, trace: true), observer: &observer)
          trace += observer.entries
        } else {
          try scorer.score(subject: input.subject, origin: input.origin)
          try scorer.place(ranking.outcome(at: entry, trace: false))
        }
        var assessment = scorer.assessment(subject: input.subject, period: input.period)
        assessment.trace = trace
        results[index] = .success(assessment)
      } catch {
        var located = error
        located.subjectID = input.subject.id
        located.origin = input.origin
        results[index] = .failure(located)
      }
    }
    return (results, ranking.quotas)
  }

  /// Sets a subject's facts in `scorer` and scores it.
  private func score(_ input: AssessmentInput, with scorer: PackScorer) throws(AssessmentError) {
    scorer.setForms(input.forms)
    do {
      try scorer.setInputs(input.values)
    } catch {
      var located = error
      located.subjectID = input.subject.id
      located.origin = input.origin
      throw located
    }
    try scorer.score(subject: input.subject, origin: input.origin)
  }

  /// The assessment's cohort entry; one left out of the cohort when it has none (it does not come from this pack).
  public static func cohortEntry(of assessment: Assessment) -> CohortEntry {
    assessment.cohortEntry ?? CohortEntry(subjectID: assessment.subject.id, keys: [], excluded: true)
  }

  /// Runs the cohort stage on compact entries (one per scored subject, in any order); the outcomes follow the entries'
  /// order, each with its trace and its labels' reasons.
  public func rankCohort(_ entries: [CohortEntry]) -> CohortResult {
    var compact = CohortEntries(for: self)
    compact.reserveCapacity(entries.count)
    for entry in entries { compact.append(entry) }
    let ranking = rankCohort(compact)
    return CohortResult(outcomes: ranking.outcomes, quotas: ranking.quotas)
  }

  /// Runs the cohort stage on the entries a batch held while it scored every subject. The ranking keeps a few numbers
  /// per subject; ``CohortRanking/outcome(at:)`` gives each subject its rank, labels and quota moves in words.
  public func rankCohort(_ entries: CohortEntries) -> CohortRanking {
    let count = entries.count
    guard let cohort = program.cohort, count > 0 else {
      return CohortRanking(
        count: count, quotas: [], context: program.cohort.map { CohortContext(cohort: $0, program: program) },
        groups: entries.groups, groupOf: entries.groupOf, groupSizes: [Int32](repeating: 0, count: entries.groups.count),
        ranks: [Int32](repeating: 0, count: count), tied: [Int32](repeating: 1, count: count),
        labelCount: entries.labelCount, labelFlags: entries.labelFlags, fillBefore: [], moveStart: [], moves: [])
    }
    let context = CohortContext(cohort: cohort, program: program)
    let keyCount = entries.keyCount
    let labelCount = entries.labelCount
    let groupCount = entries.groups.count
    let whole = cohort.groupBy == .whole
    let descending = cohort.keys.map(\.descending)

    // The members of each group, in entry order: group g's are members[memberStart[g]..<memberStart[g + 1]] (with a
    // single group, every entry in order, without an array).
    var memberStart = [Int](repeating: 0, count: groupCount + 1)
    var members: [Int32] = []
    if entries.groupOf.isEmpty {
      memberStart[1] = count
    } else {
      for group in entries.groupOf { memberStart[Int(group) + 1] += 1 }
      for group in 0..<groupCount { memberStart[group + 1] += memberStart[group] }
      var next = memberStart
      members = [Int32](repeating: 0, count: count)
      for (index, group) in entries.groupOf.enumerated() {
        members[next[Int(group)]] = Int32(index)
        next[Int(group)] += 1
      }
    }

    var groupSizes = [Int32](repeating: 0, count: groupCount)
    var ranks = [Int32](repeating: 0, count: count)
    var tied = [Int32](repeating: 1, count: count)
    var labelFlags = entries.labelFlags
    var moved: [(entry: Int32, move: CohortRanking.Move)] = []
    var quotas: [QuotaSummary] = []
    // A subject left out is not ranked, not counted and not labelled, not even by `alsoWhen`: its condition is kept
    // only to say so in its explanation.
    if labelCount > 0 {
      for index in 0..<count where entries.excluded[index] {
        for flag in index * labelCount..<(index + 1) * labelCount where labelFlags[flag] & CohortRanking.forcedLabel != 0 {
          labelFlags[flag] = CohortRanking.forcedButLeftOut
        }
      }
    }
    let fills = cohort.labels.contains { $0.fillTo != nil }
    /// Per group and label: how many had the label (by rank or `alsoWhen`) before the fill-up; empty without one.
    var fillBefore = fills ? [Int32](repeating: 0, count: groupCount * labelCount) : []

    entries.keySignificands.withUnsafeBufferPointer { significands in
      let scales = entries.keyScales
      let keyCounts = entries.keyCounts
      /// Compares ranking keys: negative when `lhs` ranks better.
      func compare(_ lhs: Int32, _ rhs: Int32) -> Int {
        let lhs = Int(lhs)
        let rhs = Int(rhs)
        let limit = keyCounts.isEmpty ? keyCount : min(Int(keyCounts[lhs]), Int(keyCounts[rhs]))
        for key in 0..<limit {
          let left = ExactDecimal(_raw: significands[lhs * keyCount + key], scales[lhs * keyCount + key])
          let right = ExactDecimal(_raw: significands[rhs * keyCount + key], scales[rhs * keyCount + key])
          if left == right { continue }
          return (left > right) == descending[key] ? -1 : 1
        }
        return 0
      }

      for group in 0..<groupCount {
        var ranked: [Int32]
        if members.isEmpty {
          ranked = []
          ranked.reserveCapacity(count)
          for index in 0..<count where !entries.excluded[index] { ranked.append(Int32(index)) }
        } else {
          ranked = members[memberStart[group]..<memberStart[group + 1]].filter { !entries.excluded[Int($0)] }
        }
        ranked.withUnsafeMutableBufferPointer { buffer in
          buffer.sort { lhs, rhs in
            let order = compare(lhs, rhs)
            return order != 0 ? order < 0 : lhs < rhs
          }
        }
        let size = ranked.count
        groupSizes[group] = Int32(size)

        // Tie blocks: each block's rank and size, and the labels whose share or head count it falls within.
        let groupName = entries.groups[group]
        let labelCounts = cohort.labels.map { $0.amounts.amount(for: groupName).headCount(size, $0.rounding) }
        var blockStarts: [Int32] = []
        var start = 0
        while start < size {
          var end = start + 1
          while end < size, compare(ranked[start], ranked[end]) == 0 { end += 1 }
          if fills { blockStarts.append(Int32(start)) }
          var byRank: [Int] = []
          for (labelIndex, label) in cohort.labels.enumerated() {
            let count = labelCounts[labelIndex]
            let inside: Bool
            if label.fromTop {
              inside = label.ties == .all ? start < count : end <= count
            } else {
              inside = label.ties == .all ? size - end < count : size - start <= count
            }
            if inside { byRank.append(labelIndex) }
          }
          for position in start..<end {
            let index = Int(ranked[position])
            ranks[index] = Int32(start + 1)
            tied[index] = Int32(end - start)
            for labelIndex in byRank { labelFlags[index * labelCount + labelIndex] |= CohortRanking.labelByRank }
          }
          start = end
        }

        // Fill-up: a label with `fillTo` is given further by rank, from its end, until that share of the group has it
        // (those given it by rank or by `alsoWhen` count); a tie block across the limit follows the label's ties.
        if fills {
          let given = CohortRanking.forcedLabel | CohortRanking.labelByRank
          for (labelIndex, label) in cohort.labels.enumerated() {
            guard let fillTo = label.fillTo else { continue }
            let target = cohortHeadCountValue(size, fillTo, label.rounding)
            var labelled = 0
            for index in ranked where labelFlags[Int(index) * labelCount + labelIndex] & given != 0 { labelled += 1 }
            fillBefore[group * labelCount + labelIndex] = Int32(labelled)
            var block = label.fromTop ? 0 : blockStarts.count - 1
            while labelled < target, block >= 0, block < blockStarts.count {
              let blockStart = Int(blockStarts[block])
              let blockEnd = block + 1 < blockStarts.count ? Int(blockStarts[block + 1]) : size
              block += label.fromTop ? 1 : -1
              var missing = 0
              for position in blockStart..<blockEnd
              where labelFlags[Int(ranked[position]) * labelCount + labelIndex] & given == 0 {
                missing += 1
              }
              if missing == 0 { continue }
              if labelled + missing > target, label.ties == .none { break }
              for position in blockStart..<blockEnd {
                let flag = Int(ranked[position]) * labelCount + labelIndex
                if labelFlags[flag] & given == 0 { labelFlags[flag] |= CohortRanking.labelByFill }
              }
              labelled += missing
            }
          }
        }

        // Quotas, in declared order: a cap moves those over it down by rank; a guide is only counted.
        guard !cohort.quotas.isEmpty else { continue }
        var grades = ranked.map { entries.grades[Int($0)] }
        var stars = ranked.map { entries.stars[Int($0)] }
        for (quotaIndex, quota) in cohort.quotas.enumerated() {
          let amount = quota.amounts.amount(for: groupName)
          let (count, working) = cohortHeadCount(size, amount, quota.rounding)
          let target = quota.target
          let holders = ranked.indices.filter { target.counts(grade: grades[$0], stars: stars[$0]) }
          let what = target.words(grades: context.grades)
          var after = holders.count
          if quota.isCap, holders.count > count {
            // Tie blocks among the holders, by the ranking keys.
            var position = 0
            while position < holders.count {
              var end = position + 1
              while end < holders.count, compare(ranked[holders[position]], ranked[holders[end]]) == 0 { end += 1 }
              let keeps = quota.ties == .all ? position < count : end <= count
              if !keeps {
                for holder in holders[position..<end] {
                  let from: Int16
                  switch target {
                  case .grade, .grades:
                    from = grades[holder]
                    grades[holder] = Int16(context.gradeBelow(target))
                  case .stars, .starsAtLeast, .starsAtMost:
                    from = stars[holder]
                    stars[holder] = Int16(context.starsBelow(target))
                  }
                  after -= 1
                  moved.append(
                    (ranked[holder], CohortRanking.Move(quota: Int32(quotaIndex), position: Int32(position), from: Int32(from))))
                }
              }
              position = end
            }
          }
          quotas.append(
            QuotaSummary(
              group: whole ? "" : entries.groups[group], what: what, isCap: quota.isCap, count: count, working: working,
              before: holders.count, after: after))
        }
      }
    }

    // The quota moves by entry, each entry's in the order they happened (quotas in declared order).
    var moveStart: [Int32] = []
    var moves: [CohortRanking.Move] = []
    if !moved.isEmpty {
      moveStart = [Int32](repeating: 0, count: count + 1)
      for (entry, _) in moved { moveStart[Int(entry) + 1] += 1 }
      for index in 0..<count { moveStart[index + 1] += moveStart[index] }
      var next = moveStart
      moves = [CohortRanking.Move](repeating: CohortRanking.Move(quota: 0, position: 0, from: 0), count: moved.count)
      for (entry, move) in moved {
        moves[Int(next[Int(entry)])] = move
        next[Int(entry)] += 1
      }
    }
    return CohortRanking(
      count: count, quotas: quotas, context: context, groups: entries.groups, groupOf: entries.groupOf,
      groupSizes: groupSizes, ranks: ranks, tied: tied, labelCount: labelCount, labelFlags: labelFlags,
      fillBefore: fillBefore, moveStart: moveStart, moves: moves)
  }
}
