/// What a report needs of a pack beyond its model (``RulePack/model``): the words a result shows in place of a value,
/// and how the cohort stage names a group (`pbk report`). Grade bands and star levels are read from the model.
extension RulePack {
  /// How the cohort stage names the group `group` (an ``Assessment/cohortGroup``), as its trace does: the pack's
  /// cohort label (e.g. 全旗嘎查村, or 全体) when everyone is ranked together, otherwise e.g. 上级“薛家湾镇”. Nil when
  /// the pack has no cohort stage.
  public func cohortGroupTitle(_ group: String) -> String? {
    guard let cohort = program.cohort else { return nil }
    return CohortContext(cohort: cohort, program: program).place(group)
  }

  /// The word results show where a total and a grade would be when the result is void (无效), as `pbk evaluate`
  /// writes it.
  public static var wordForVoid: String { ResultWording.void }
  /// The word results show where a grade would be when none is given (不定等次).
  public static var wordForNoGrade: String { ResultWording.noGrade }
  /// The word results show where a rank would be for a subject left out of the ranking (不排名).
  public static var wordForNotRanked: String { ResultWording.notRanked }
}
