import PartyBuildingKit

/// What one input row came to under one pack: a score (kept small: a batch may have a million rows) or a rejection.
enum RowOutcome {
  case scored(ScoredRow)
  case rejected(AssessmentError)

  /// The grade as the comparison counts it: the grade, 不定等次 when there is none (a veto withheld it, a void
  /// vote), 未评分 when the row was rejected.
  var gradeLabel: String {
    switch self {
    case .scored(let row): row.grade ?? ResultComparison.noGrade
    case .rejected: ResultComparison.notScored
    }
  }

  /// The total, when there is one to compare (not for a rejected row or a void result).
  var total: ExactDecimal? {
    if case .scored(let row) = self, !row.isVoid { return row.total }
    return nil
  }

  var isScored: Bool {
    if case .scored = self { return true }
    return false
  }
}

/// The part of an ``Assessment`` the comparison needs.
struct ScoredRow {
  var id: String
  var name: String
  var total: ExactDecimal
  var grade: String?
  /// A void result (a vote without a quorum): its total is not a score.
  var isVoid: Bool

  init(_ assessment: Assessment) {
    id = assessment.subject.id
    name = assessment.subject.name
    total = assessment.total
    grade = assessment.grade
    isVoid = assessment.voidReason != nil
  }
}

/// One input row under both packs.
struct SubjectPair {
  var id: String
  var name: String
  /// nil only when the other pack's run had a row this one did not (the same input read twice: not expected).
  var old: RowOutcome?
  var new: RowOutcome?

  var oldGrade: String { old?.gradeLabel ?? ResultComparison.notScored }
  var newGrade: String { new?.gradeLabel ?? ResultComparison.notScored }

  /// new − old, exact, when both have a total.
  var delta: ExactDecimal? {
    guard let a = old?.total, let b = new?.total else { return nil }
    return try? b.subtracting(a)
  }

  var bothScored: Bool { old?.isScored == true && new?.isScored == true }
}

/// The results of the same input under two packs, subject by subject: counts, the grade transition matrix and the
/// largest changes of the total.
struct ResultComparison {
  static let noGrade = "不定等次"
  static let notScored = "未评分"

  /// Every input row, paired.
  var pairs: [SubjectPair]
  /// The counts each pack's run reported.
  var oldCounts: BatchCounts
  var newCounts: BatchCounts
  /// The matrix's rows (old grades) and columns (new grades): each pack's bands best first, any other grade a
  /// result had, then 不定等次 and 未评分.
  var oldGrades: [String]
  var newGrades: [String]
  /// Decimal places of each pack's total, and of a change.
  var oldPlaces: Int
  var newPlaces: Int
  var deltaPlaces: Int { max(oldPlaces, newPlaces) }

  init(
    old: [RowOutcome], new: [RowOutcome], oldCounts: BatchCounts, newCounts: BatchCounts, oldModel: PackModel,
    newModel: PackModel, oldInInputOrder: Bool = true
  ) {
    pairs = Self.pair(old: old, new: new, oldFirst: oldInInputOrder)
    self.oldCounts = oldCounts
    self.newCounts = newCounts
    oldGrades = Self.grades(oldModel, seen: old.map(\.gradeLabel))
    newGrades = Self.grades(newModel, seen: new.map(\.gradeLabel))
    oldPlaces = oldModel.precision ?? 2
    newPlaces = newModel.precision ?? 2
  }

  static func grades(_ model: PackModel, seen: [String]) -> [String] {
    var grades = model.grades?.bands.map(\.grade) ?? []
    for grade in seen where !grades.contains(grade) && grade != noGrade && grade != notScored { grades.append(grade) }
    return grades + [noGrade, notScored]
  }

  // MARK: Pairing

  /// Pairs the rows of the two runs: by subject id (a repeated id's rows in input order: the first is the one not
  /// rejected as a repeat), a row without an id by its line. Pairs are listed in input order — that of the old
  /// run, or of the new one when only it hands back rows in input order (a cohort pack reports the rows its
  /// ranking pass rejected before any result).
  static func pair(old: [RowOutcome], new: [RowOutcome], oldFirst: Bool) -> [SubjectPair] {
    let oldKeys = keys(old)
    let newKeys = keys(new)
    var oldByKey: [String: Int] = [:]
    for (index, key) in oldKeys.enumerated() { oldByKey[key] = index }
    var newByKey: [String: Int] = [:]
    for (index, key) in newKeys.enumerated() { newByKey[key] = index }
    var order: [String] = []
    var seen = Set<String>()
    for key in (oldFirst ? oldKeys + newKeys : newKeys + oldKeys) where seen.insert(key).inserted { order.append(key) }
    return order.map { key in
      let a = oldByKey[key].map { old[$0] }
      let b = newByKey[key].map { new[$0] }
      return SubjectPair(id: identity(a ?? b!).id ?? "", name: name(a) ?? name(b) ?? "", old: a, new: b)
    }
  }

  /// A key per row that is the same under both packs.
  static func keys(_ outcomes: [RowOutcome]) -> [String] {
    var bases: [String] = []
    var noID = 0
    for outcome in outcomes {
      let (id, line) = identity(outcome)
      if let id, !id.isEmpty {
        bases.append("id " + id)
      } else if let line {
        bases.append("line \(line)")
      } else {
        noID += 1
        bases.append("row \(noID)")
      }
    }
    // Rows sharing an id: the scored one first (a repeat is always rejected), then the rejected ones by line.
    var groups: [String: [Int]] = [:]
    for (index, base) in bases.enumerated() { groups[base, default: []].append(index) }
    var keys = bases
    for (base, members) in groups where members.count > 1 {
      let ordered = members.sorted { a, b in
        let (sa, sb) = (outcomes[a].isScored, outcomes[b].isScored)
        if sa != sb { return sa }
        let (la, lb) = (identity(outcomes[a]).line ?? Int.max, identity(outcomes[b]).line ?? Int.max)
        return la != lb ? la < lb : a < b
      }
      for (occurrence, index) in ordered.enumerated() where occurrence > 0 { keys[index] = "\(base) #\(occurrence + 1)" }
    }
    return keys
  }

  static func identity(_ outcome: RowOutcome) -> (id: String?, line: Int?) {
    switch outcome {
    case .scored(let row): (row.id, nil)
    case .rejected(let error): (error.subjectID, error.origin?.line)
    }
  }

  static func name(_ outcome: RowOutcome?) -> String? {
    if case .scored(let row) = outcome, !row.name.isEmpty { return row.name }
    return nil
  }

  // MARK: Summary

  /// Subjects scored under both packs.
  var compared: [SubjectPair] { pairs.filter(\.bothScored) }
  var gradeChanged: Int { compared.count { $0.oldGrade != $0.newGrade } }
  var up: Int { pairs.count { $0.delta.map { $0 > .zero } ?? false } }
  var down: Int { pairs.count { $0.delta.map { $0 < .zero } ?? false } }
  var same: Int { pairs.count { $0.delta.map(\.isZero) ?? false } }
  var rejectedOldOnly: Int { pairs.count { $0.old?.isScored != true && $0.new?.isScored == true } }
  var rejectedNewOnly: Int { pairs.count { $0.old?.isScored == true && $0.new?.isScored != true } }
  var rejectedBoth: Int { pairs.count { $0.old?.isScored != true && $0.new?.isScored != true } }
  /// Subjects scored under both whose total is void under either (no change of total to count).
  var void: Int { compared.count { $0.delta == nil } }

  /// The share of compared subjects whose grade changed, in percent to one place (`10.0%`); `—` when none compared.
  var gradeChangedShare: String {
    let count = compared.count
    guard count > 0, let share = try? ExactDecimal(gradeChanged * 100).dividing(by: ExactDecimal(count), places: 1) else {
      return "—"
    }
    return share.formatted(places: 1) + "%"
  }

  /// The transition counts: `matrix[row][column]`, rows ``oldGrades``, columns ``newGrades``.
  var matrix: [[Int]] {
    var counts = [[Int]](repeating: [Int](repeating: 0, count: newGrades.count), count: oldGrades.count)
    for pair in pairs {
      guard let row = oldGrades.firstIndex(of: pair.oldGrade), let column = newGrades.firstIndex(of: pair.newGrade) else { continue }
      counts[row][column] += 1
    }
    return counts
  }

  /// The largest changes of the total: the `count` subjects whose total changed most (by |Δ|, then by id).
  func largestChanges(_ count: Int = 10) -> [SubjectPair] {
    let changed = pairs.compactMap { pair in pair.delta.flatMap { $0.isZero ? nil : (pair, $0.magnitude) } }
    return changed.sorted { a, b in
      a.1 != b.1 ? a.1 > b.1 : a.0.id < b.0.id
    }.prefix(count).map(\.0)
  }

  // MARK: Text of numbers

  func oldTotalText(_ pair: SubjectPair) -> String { totalText(pair.old, places: oldPlaces) }
  func newTotalText(_ pair: SubjectPair) -> String { totalText(pair.new, places: newPlaces) }

  func totalText(_ outcome: RowOutcome?, places: Int) -> String {
    guard case .scored(let row) = outcome else { return "" }
    return row.isVoid ? "" : row.total.formatted(places: places)
  }

  /// The change with its sign (`+0.50`, `-0.30`, `0.00`); empty when there is none to give.
  func deltaText(_ pair: SubjectPair, plus: Bool = true) -> String {
    guard let delta = pair.delta else { return "" }
    let text = delta.formatted(places: deltaPlaces)
    return plus && delta > .zero ? "+" + text : text
  }
}
