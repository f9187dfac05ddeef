/// Read-only views of a pack's grade bands, star levels and cohort groups, for a report that draws them (`pbk report`).
///
/// Deliberately small: the boundaries a chart marks and the words a heading uses, nothing a caller could score with.
extension RulePack {
  /// The grade bands, best first: each grade and the lowest total it starts at (inclusive, in points, exact as the
  /// pack writes it). A band's upper end is the `minimum` of the band before it (exclusive); the top band has none.
  /// A band with an extra condition (`"when"`) still starts at its `minimum`: a total there that fails the condition
  /// falls to the next band.
  public var gradeBands: [(grade: String, minimum: ExactDecimal)] {
    program.bands.map { ($0.grade, $0.minimum) }
  }

  /// The star levels the pack rates, best first (e.g. [5, 4, 3, 2, 1]); empty when it has no stars. A subject that
  /// reaches no level has 0 stars.
  public var starLevels: [Int] { program.stars?.levels.map(\.stars) ?? [] }

  /// How the cohort stage names the group `group` (an ``Assessment/cohortGroup``), as its trace does: the pack's
  /// cohort label (e.g. 全旗嘎查村, or 全体) when everyone is ranked together, otherwise e.g. 上级“薛家湾镇”. Nil when
  /// the pack has no cohort stage.
  public func cohortGroupTitle(_ group: String) -> String? {
    guard let cohort = program.cohort else { return nil }
    return CohortContext(cohort: cohort, program: program).place(group)
  }
}

extension RulePack {
  /// The word results show where a total and a grade would be when the result is void (无效), as `pbk evaluate`
  /// writes it.
  public static var wordForVoid: String { ResultWording.void }
  /// The word results show where a grade would be when none is given (不定等次).
  public static var wordForNoGrade: String { ResultWording.noGrade }
  /// The word results show where a rank would be for a subject left out of the ranking (不排名).
  public static var wordForNotRanked: String { ResultWording.notRanked }
}
