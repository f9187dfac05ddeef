extension RulePack {
  /// Whether a result of this pack can be void (its ballots declare a quorum or a check of ballots returned).
  public var canBeVoid: Bool {
    guard let ballots = program.ballots else { return false }
    return ballots.quorum != nil || ballots.issued != nil
  }
}
