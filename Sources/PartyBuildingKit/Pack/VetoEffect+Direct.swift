extension VetoEffect {
  /// Whether the effect awards a result directly (直接认定) rather than vetoing one.
  var isDirect: Bool {
    if case .setStars = self { return true }
    return false
  }
}
