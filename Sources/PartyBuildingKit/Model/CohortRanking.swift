/// Every scored subject's ``CohortEntry``, held compactly until the whole input is scored.
///
/// A batch appends each subject's entry as it is scored and passes the lot to
/// ``RulePack/rankCohort(_:)-(CohortEntries)``: the way to rank millions, where an array of ``CohortEntry`` values
/// would keep each subject's id and keys as separate allocations.
/// Nothing is kept of a subject's id; its group is an index into a table of the distinct groups (none while there is
/// one group); its ranking keys go into flat arrays (9 bytes a key); its grade, star level and flags take a few bytes:
/// about 25 bytes a subject for a pack ranked on two keys with one label.
public struct CohortEntries: Sendable {
  /// How many ranking keys, and how many labels, the pack declares.
  let keyCount: Int
  let labelCount: Int
  /// The distinct groups, in order of first appearance, and the index of each.
  var groups: [String] = []
  var groupIndices: [String: Int32] = [:]
  /// Each entry's group; empty while every entry is in the first group.
  var groupOf: [Int32] = []
  /// `keyCount` ranking keys per entry, one entry after another: each key's significand and scale (an
  /// ``ExactDecimal`` takes 16 bytes in an array, these 9).
  var keySignificands: [Int64] = []
  var keyScales: [UInt8] = []
  /// How many of its keys each entry gave, when some ranked entry gave another number than the pack declares (a
  /// missing key ties with anything); empty otherwise.
  var keyCounts: [Int32] = []
  /// Each entry's grade index and star level; −1 for none.
  var grades: [Int16] = []
  var stars: [Int16] = []
  /// Whether each entry is left out of the ranking.
  var excluded: [Bool] = []
  /// `labelCount` flags per entry: whether the label's `alsoWhen` held (``CohortRanking/forcedLabel``).
  var labelFlags: [UInt8] = []

  /// Empty, for the entries of `pack`'s subjects.
  public init(for pack: RulePack) {
    keyCount = pack.program.cohort?.keys.count ?? 0
    labelCount = pack.program.cohort?.labels.count ?? 0
  }

  /// How many entries are held.
  public var count: Int { excluded.count }

  /// Keeps room for `count` entries in all.
  public mutating func reserveCapacity(_ count: Int) {
    keySignificands.reserveCapacity(count * keyCount)
    keyScales.reserveCapacity(count * keyCount)
    grades.reserveCapacity(count)
    stars.reserveCapacity(count)
    excluded.reserveCapacity(count)
    labelFlags.reserveCapacity(count * labelCount)
  }

  /// Adds one subject's entry; its place is ``count`` before the call.
  public mutating func append(_ entry: CohortEntry) {
    let index = count
    // The group, by its index among the distinct groups.
    let group: Int32
    if let known = groupIndices[entry.group] {
      group = known
    } else {
      group = Int32(groups.count)
      groups.append(entry.group)
      groupIndices[entry.group] = group
    }
    if group != 0, groupOf.isEmpty { groupOf = [Int32](repeating: 0, count: index) }
    if !groupOf.isEmpty { groupOf.append(group) }

    // The keys: an excluded entry is never compared, so only a ranked entry's number of keys matters.
    let given = min(entry.keys.count, keyCount)
    if given != keyCount, !entry.excluded, keyCounts.isEmpty {
      keyCounts = [Int32](repeating: Int32(keyCount), count: index)
    }
    if !keyCounts.isEmpty { keyCounts.append(Int32(given)) }
    for key in 0..<keyCount {
      let value = key < given ? entry.keys[key] : .zero
      keySignificands.append(value.significand)
      keyScales.append(UInt8(truncatingIfNeeded: value.scale))
    }

    grades.append(entry.gradeIndex.map { Int16(clamping: $0) } ?? -1)
    stars.append(entry.stars.map { Int16(clamping: $0) } ?? -1)
    excluded.append(entry.excluded)
    for label in 0..<labelCount {
      labelFlags.append(entry.forcedLabels.indices.contains(label) && entry.forcedLabels[label] ? 1 : 0)
    }
  }

  /// The bytes held per entry beyond the tables (arrays at their capacity).
  var storageBytes: Int {
    groupOf.capacity * 4 + keySignificands.capacity * 8 + keyScales.capacity + keyCounts.capacity * 4
      + grades.capacity * 2 + stars.capacity * 2 + excluded.capacity + labelFlags.capacity
  }
}

/// The cohort stage's result for every entry, compactly: per subject its rank, the size of its tie block, its group as
/// an index and its labels as flags (a dozen bytes or so), and the quota moves, which are few, by subject.
///
/// The words (the trace, each label's reason, each quota move) are produced only when an outcome is asked for, with
/// ``outcome(at:)``; they are the same as ``RulePack/rankCohort(_:)-([CohortEntry])`` gives.
public struct CohortRanking: Sendable {
  /// A quota move: which quota, and the place among its holders of the tie block the subject was in (0-based).
  struct Move: Sendable {
    var quota: Int32
    var position: Int32
    /// The grade index or star level the subject had before the move.
    var from: Int32
  }

  /// How many entries were ranked (ranked or left out).
  public let count: Int
  /// The quota counts, per group in order of first appearance, quotas in declared order.
  public let quotas: [QuotaSummary]
  /// What the words are made from; nil when the pack has no cohort stage.
  let context: CohortContext?
  let groups: [String]
  /// Each entry's group; empty when every entry is in the first group.
  let groupOf: [Int32]
  /// How many were ranked in each group.
  let groupSizes: [Int32]
  /// Each entry's rank (1 = best), or 0 when it was left out.
  let ranks: [Int32]
  /// How many share each entry's rank (1 when it is not tied).
  let tied: [Int32]
  let labelCount: Int
  /// `labelCount` flags per entry: ``forcedLabel`` and ``labelByRank``.
  let labelFlags: [UInt8]
  /// Per group and label (`labelCount` per group): how many had the label by rank or `alsoWhen` before its
  /// `fillTo` filled up; empty when no label fills up.
  let fillBefore: [Int32]
  /// The moves of entry i are `moves[moveStart[i]..<moveStart[i + 1]]`; both are empty when no quota moved anyone.
  let moveStart: [Int32]
  let moves: [Move]

  /// The label's `alsoWhen` condition held.
  static let forcedLabel: UInt8 = 1
  /// The subject's rank is within the label's share.
  static let labelByRank: UInt8 = 2
  /// The subject was given the label by its `fillTo` (filling up to a share).
  static let labelByFill: UInt8 = 4
  /// The label's `alsoWhen` held, but the subject is left out of the cohort (`exclude`): it is not given.
  static let forcedButLeftOut: UInt8 = 8
  /// The flags of a label given.
  static let given: UInt8 = forcedLabel | labelByRank | labelByFill

  /// Whether entry `index` was given label number `label`.
  func hasLabel(_ label: Int, at index: Int) -> Bool { labelFlags[index * labelCount + label] & Self.given != 0 }

  /// What the cohort stage decided for the entry at `index`, in words: rank, labels with their reasons, quota moves
  /// and the trace.
  public func outcome(at index: Int) -> CohortOutcome { outcome(at: index, trace: true) }

  /// The same, with the trace only when `trace` is true (a batch writing rows needs only the words of its columns).
  func outcome(at index: Int, trace: Bool) -> CohortOutcome {
    let groupIndex = groupOf.isEmpty ? 0 : Int(groupOf[index])
    let group = groups[groupIndex]
    guard let context else { return CohortOutcome(rank: nil, cohortSize: 0, group: group) }
    let cohort = context.cohort
    let size = Int(groupSizes[groupIndex])
    var outcome = CohortOutcome(rank: nil, cohortSize: size, group: group)
    let place = context.place(group)
    let rank = Int(ranks[index])
    if rank > 0 {
      outcome.rank = rank
      let tied = Int(self.tied[index])
      if trace {
        outcome.trace.append(
        TraceEntry(
          kind: .cohort, ruleID: "rank",
          message: "排名：\(place) \(size) 个中第 \(rank) 名\(tied > 1 ? "（与另 \(tied - 1) 个并列）" : "")（按\(context.keyLabels)）"))
      }
    } else if trace {
      outcome.trace.append(TraceEntry(kind: .cohort, ruleID: "rank", message: "不参加排名（\(place)）"))
    }
    for (labelIndex, label) in cohort.labels.enumerated() {
      let flags = labelFlags[index * labelCount + labelIndex]
      let side = label.fromTop ? "前" : "倒数"
      var reason: String?
      if flags & Self.labelByRank != 0 {
        switch label.amounts.amount(for: group) {
        case .share(let share):
          let working = cohortHeadCount(size, share, label.rounding).working
          reason = "\(side) \(share.text)：\(place) \(working) 个，排第 \(rank) 名"
        case .count(let count):
          reason = "\(side) \(count) 名：\(place) 共 \(size) 个，排第 \(rank) 名"
        }
      } else if flags & Self.labelByFill != 0, let fillTo = label.fillTo {
        let working = cohortHeadCount(size, fillTo, label.rounding).working
        let before = fillBefore[groupIndex * labelCount + labelIndex]
        reason = "\(side)补足至 \(fillTo.text)：\(place) \(working) 个，已列入 \(before) 个，排第 \(rank) 名"
      } else if flags & Self.forcedLabel != 0 {
        let because = "\(label.alsoWhen?.source ?? "")（不论排名）"
        outcome.labels.append(CohortLabel(id: label.id, label: label.label, reason: because))
        if trace { outcome.trace.append(TraceEntry(kind: .cohort, ruleID: "label.\(label.id)", message: "\(label.label)（因\(because)）")) }
      } else if flags & Self.forcedButLeftOut != 0, trace {
        outcome.trace.append(
          TraceEntry(
            kind: .cohort, ruleID: "label.\(label.id)",
            message: "不给\(label.label)：不参加排名的不计数、不给标签（\(label.alsoWhen?.source ?? "") 虽成立）"))
      }
      if let reason {
        outcome.labels.append(CohortLabel(id: label.id, label: label.label, reason: reason))
        if trace { outcome.trace.append(TraceEntry(kind: .cohort, ruleID: "label.\(label.id)", message: "\(label.label)（\(reason)）")) }
      }
    }
    guard !moveStart.isEmpty else { return outcome }
    for move in moves[Int(moveStart[index])..<Int(moveStart[index + 1])] {
      let quotaIndex = Int(move.quota)
      let quota = cohort.quotas[quotaIndex]
      let what = quota.target.words(grades: context.grades)
      let limit: String
      switch quota.amounts.amount(for: group) {
      case .share(let share): limit = "\(share.text)，\(place) \(cohortHeadCount(size, share, quota.rounding).working) 个"
      case .count(let count): limit = "\(count) 个，\(place) 共 \(size) 个"
      }
      let change: String
      if quota.target.isStars {
        let next = context.starsBelow(quota.target)
        outcome.movedStars = next
        change = "由 \(move.from) 星调为 \(next) 星"
      } else {
        let next = context.grades[context.gradeBelow(quota.target)]
        outcome.movedGrade = next
        change = "由\(context.grades[Int(move.from)])调为\(next)"
      }
      let message = "名额：\(what)不超过 \(limit)；本单位在\(what)中排第 \(move.position + 1) 位，超出名额，\(change)"
      outcome.quotaMoves.append(message)
      if trace { outcome.trace.append(TraceEntry(kind: .cohort, ruleID: "quota.\(quotaIndex)", message: message)) }
    }
    return outcome
  }

  /// Every outcome, in the entries' order.
  public var outcomes: [CohortOutcome] { (0..<count).map(outcome(at:)) }

  /// The bytes held per entry beyond the tables (arrays at their capacity).
  var storageBytes: Int {
    groupOf.capacity * 4 + ranks.capacity * 4 + tied.capacity * 4 + labelFlags.capacity + moveStart.capacity * 4
      + moves.capacity * MemoryLayout<Move>.stride
  }
}

/// What a ranking's words are made from: the pack's cohort stage, grades and star levels.
struct CohortContext: Sendable {
  var cohort: CompiledCohort
  /// The grades, best first.
  var grades: [String]
  /// The star levels, best first.
  var starLevels: [Int]
  /// The ranking keys' labels, e.g. "总分、强村富民得分".
  var keyLabels: String

  init(cohort: CompiledCohort, program: PackProgram) {
    self.cohort = cohort
    grades = program.bands.map(\.grade)
    starLevels = program.stars?.levels.map(\.stars) ?? []
    keyLabels = cohort.keys.map(\.label).joined(separator: "、")
  }

  /// How the group is named in words, e.g. 上级“薛家湾镇” or 全旗嘎查村.
  func place(_ group: String) -> String {
    cohort.groupBy == .whole
      ? (cohort.label.isEmpty ? "全体" : cohort.label) : "\(cohort.groupLabel)“\(group.isEmpty ? "（未填）" : group)”"
  }

  /// The star level a quota moves a subject to from `level`: the next one down, or 0.
  func nextStars(below level: Int) -> Int { starLevels.first(where: { $0 < level }) ?? 0 }

  /// The grade a cap on `target` moves a subject to: the one just below the grade or grades counted.
  func gradeBelow(_ target: CompiledQuota.Target) -> Int {
    switch target {
    case .grade(let grade): grade + 1
    case .grades(let grades): (grades.last ?? 0) + 1
    case .stars, .starsAtLeast, .starsAtMost: 0
    }
  }

  /// The star level a cap on `target` moves a subject to: the next level below the one or ones counted, or 0.
  func starsBelow(_ target: CompiledQuota.Target) -> Int {
    switch target {
    case .stars(let level), .starsAtLeast(let level), .starsAtMost(let level): nextStars(below: level)
    case .grade, .grades: 0
    }
  }
}

/// A share's or a head count's number in a group of `size`, with the working in words: "共 92 个，ceil(5% × 92 =
/// 4.6) = 5" for a share, "共 12 个，定额 2 个" for a head count.
func cohortHeadCount(_ size: Int, _ amount: CohortAmount, _ rounding: CountRounding) -> (count: Int, working: String) {
  switch amount {
  case .share(let share): cohortHeadCount(size, share, rounding)
  case .count(let count): (count, "共 \(size) 个，定额 \(count) 个")
  }
}

/// N × share as a whole number, rounded as declared, with the working in words ("ceil(5% × 92) = 5").
func cohortHeadCount(_ size: Int, _ share: CohortShare, _ rounding: CountRounding) -> (count: Int, working: String) {
  let count = cohortHeadCountValue(size, share, rounding)
  let product = size * share.numerator
  var exact = (try? ExactDecimal(product).dividing(by: ExactDecimal(share.denominator)))?.normalized().description ?? "?"
  // The quotient in lowest terms ends when its denominator has no prime factor but 2 and 5 (1/6 × 9 = 1.5); otherwise
  // its decimals run on (1/3 × 92 = 30.666…): it is shown to 3 of the division's 12 decimals, then "…".
  var reduced = share.denominator / greatestCommonDivisor(product, share.denominator)
  while reduced % 2 == 0 { reduced /= 2 }
  while reduced % 5 == 0 { reduced /= 5 }
  if reduced != 1, exact != "?" {
    let decimals = exact.firstIndex(of: ".").map { exact.distance(from: $0, to: exact.endIndex) - 1 }
    if decimals == nil { exact += "." }
    exact += String(repeating: "0", count: max(0, ExactDecimal.divisionFractionDigits - (decimals ?? 0)))
    exact = String(exact.dropLast(ExactDecimal.divisionFractionDigits - 3)) + "…"
  }
  let function: String
  switch rounding {
  case .up: function = "ceil"
  case .down: function = "floor"
  case .nearest: function = "round"
  }
  return (count, "共 \(size) 个，\(function)(\(share.text) × \(size) = \(exact)) = \(count)")
}

/// The greatest common divisor of two whole numbers at or above 0 (the other one when one is 0).
func greatestCommonDivisor(_ a: Int, _ b: Int) -> Int {
  var (a, b) = (a, b)
  while b != 0 { (a, b) = (b, a % b) }
  return a
}

/// N × share as a whole number, rounded as declared.
func cohortHeadCountValue(_ size: Int, _ share: CohortShare, _ rounding: CountRounding) -> Int {
  let (quotient, remainder) = (size * share.numerator).quotientAndRemainder(dividingBy: share.denominator)
  switch rounding {
  case .up: return remainder > 0 ? quotient + 1 : quotient
  case .down: return quotient
  case .nearest: return 2 * remainder >= share.denominator ? quotient + 1 : quotient
  }
}
