/// What the cohort stage (群体评价) needs of one scored subject: a compact record, held until every subject is scored.
///
/// A ``RulePack`` with a `cohort` block fills ``Assessment/cohortEntry`` while it scores a subject; a batch can keep
/// only these (a few numbers each) and pass them to ``RulePack/rankCohort(_:)-([CohortEntry])`` once every subject
/// is scored.
public struct CohortEntry: Sendable, Hashable, Codable {
  /// The subject's id.
  public var subjectID: String
  /// The cohort group the subject is ranked in (e.g. its 乡镇); empty when the whole input is one cohort.
  public var group: String
  /// The ranking keys, best first by the pack's order: the total, then each tie-breaker.
  public var keys: [ExactDecimal]
  /// The grade's index among the pack's grades (0 = best), or nil for no grade.
  public var gradeIndex: Int?
  /// The star level, when the pack rates stars.
  public var stars: Int?
  /// Whether the subject is left out of the cohort (the pack's `exclude` condition held, or the result is void).
  public var excluded: Bool
  /// For each declared label: whether its `alsoWhen` condition held (the subject gets it whatever its rank).
  public var forcedLabels: [Bool]

  /// Creates an entry; ``RulePack/cohortEntry(of:)`` makes one from an assessment.
  public init(
    subjectID: String, group: String = "", keys: [ExactDecimal], gradeIndex: Int? = nil, stars: Int? = nil,
    excluded: Bool = false, forcedLabels: [Bool] = []
  ) {
    self.subjectID = subjectID
    self.group = group
    self.keys = keys
    self.gradeIndex = gradeIndex
    self.stars = stars
    self.excluded = excluded
    self.forcedLabels = forcedLabels
  }
}

/// A label the cohort stage gave a subject, e.g. 相对后进 for the bottom 5%.
public struct CohortLabel: Sendable, Hashable, Codable {
  /// The label's id, as declared in the pack's `cohort` block.
  public var id: String
  /// The label as a person reads it, e.g. 相对后进.
  public var label: String
  /// Why, e.g. "倒数 5%：全旗 92 个中 ceil(5% × 92) = 5 个，本村排第 90 名".
  public var reason: String

  /// Creates a label given, with its reason.
  public init(id: String, label: String, reason: String) {
    self.id = id
    self.label = label
    self.reason = reason
  }
}

/// What the cohort stage decided for one subject.
public struct CohortOutcome: Sendable, Hashable, Codable {
  /// The rank within its cohort group: 1 is best; tied subjects share a rank (1, 2, 2, 4); nil when left out.
  public var rank: Int?
  /// How many subjects were ranked in its group.
  public var cohortSize: Int
  /// The group it was ranked in (empty for the whole input).
  public var group: String
  /// The labels given (by share of the group, or because an `alsoWhen` condition held), in declared order.
  public var labels: [CohortLabel]
  /// The grade after quotas, when a quota moved it (nil: unchanged).
  public var movedGrade: String?
  /// The star level after quotas, when a quota moved it (nil: unchanged).
  public var movedStars: Int?
  /// Every decision, for the trace (empty when the outcome was asked for without one).
  public var trace: [TraceEntry]
  /// The quota moves, in words (e.g. "名额：优秀不超过 1/3，……由优秀调为良好").
  public var quotaMoves: [String] = []

  /// Creates an outcome; ``quotaMoves`` starts empty.
  public init(
    rank: Int?, cohortSize: Int, group: String, labels: [CohortLabel] = [], movedGrade: String? = nil,
    movedStars: Int? = nil, trace: [TraceEntry] = []
  ) {
    self.rank = rank
    self.cohortSize = cohortSize
    self.group = group
    self.labels = labels
    self.movedGrade = movedGrade
    self.movedStars = movedStars
    self.trace = trace
  }

}

/// A quota counted over one cohort group: how many hold a grade or star level, against the limit or the guide.
public struct QuotaSummary: Sendable, Hashable, Codable, CustomStringConvertible {
  /// The cohort group counted (e.g. a 乡镇); empty for the whole input.
  public var group: String
  /// What is counted, e.g. "优秀" or "5 星".
  public var what: String
  /// Whether it is a hard cap (over the cap fall to the next grade) or a guide (only reported).
  public var isCap: Bool
  /// The limit or the guide count, rounded as the pack declares.
  public var count: Int
  /// How the count was worked out, e.g. "1/3 × 92 = 30.666…，去尾 → 30".
  public var working: String
  /// How many held it before the quota applied.
  public var before: Int
  /// How many hold it after (equal to `before` for a guide).
  public var after: Int

  /// Creates a quota count.
  public init(group: String, what: String, isCap: Bool, count: Int, working: String, before: Int, after: Int) {
    self.group = group
    self.what = what
    self.isCap = isCap
    self.count = count
    self.working = working
    self.before = before
    self.after = after
  }

  /// before − count: positive when more hold it than the quota allows or the guide expects.
  public var deviation: Int { before - count }

  /// The quota in one line of Chinese, as `pbk` prints it: the limit and its working, how many held it, and how
  /// many were moved (a cap) or how far the count is from the guide (a guide, which moves nobody).
  public var description: String {
    let place = group.isEmpty ? "" : "\(group)："
    if isCap {
      return "\(place)\(what) 名额上限 \(count)（\(working)）；评定 \(before) 个，\(before > after ? "按排名调出 \(before - after) 个" : "未超")，现 \(after) 个"
    }
    let deviation = self.deviation
    let words = deviation == 0 ? "与指导比例一致" : deviation > 0 ? "比指导数多 \(deviation) 个" : "比指导数少 \(-deviation) 个"
    return "\(place)\(what) 指导数 \(count)（\(working)）；实际 \(before) 个，\(words)（仅提示，不调整）"
  }
}

/// The cohort stage's result: one outcome per entry (in the order given) and the quota counts per group.
public struct CohortResult: Sendable, Hashable, Codable {
  /// One outcome per entry ranked, in the entries' order.
  public var outcomes: [CohortOutcome]
  /// The quota counts, per group in order of first appearance, quotas in declared order.
  public var quotas: [QuotaSummary]
}
