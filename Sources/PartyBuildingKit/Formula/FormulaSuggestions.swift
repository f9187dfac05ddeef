/// "Did you mean" suggestions and the wording of names in messages.
enum FormulaSuggestions {
  /// The form used to compare names loosely: ASCII letters in lower case and
  /// full-width forms (Ａ, （, １) as their ASCII counterparts.
  static func key(_ name: String) -> [Unicode.Scalar] {
    name.unicodeScalars.map { scalar in
      var value = scalar.value
      if (0xFF01...0xFF5E).contains(value) { value -= 0xFEE0 }
      if (0x41...0x5A).contains(value) { value += 0x20 }
      return Unicode.Scalar(value) ?? scalar
    }
  }

  /// Optimal string alignment distance (edits, with a swap of two neighbours
  /// counting as one), or `limit + 1` when it exceeds `limit`.
  static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
    if abs(a.count - b.count) > limit { return limit + 1 }
    if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
    var previous2 = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var row = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      row[0] = i
      var best = row[0]
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        var value = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
        if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
          value = min(value, previous2[j - 2] + 1)
        }
        row[j] = value
        best = min(best, value)
      }
      if best > limit { return limit + 1 }
      (previous2, previous, row) = (previous, row, previous2)
    }
    return previous[b.count]
  }

  /// The candidate the author most likely meant: one that differs only in case
  /// or width, else the closest within 2 edits for names of 5 or more letters,
  /// 1 edit for 2 to 4 letters, none for one letter. Ties go to the earlier
  /// candidate.
  static func bestMatch(for name: String, among candidates: [String]) -> String? {
    let target = key(name)
    if let same = candidates.first(where: { key($0) == target }) { return same }
    let allowed = target.count <= 1 ? 0 : (target.count <= 4 ? 1 : 2)
    if allowed == 0 { return nil }
    var best: (name: String, distance: Int)?
    for candidate in candidates {
      let d = distance(target, key(candidate), limit: allowed)
      if d <= allowed && d < (best?.distance ?? Int.max) { best = (candidate, d) }
    }
    return best?.name
  }

  /// Whether a name can be written without brackets.
  static func isPlainName(_ name: String) -> Bool {
    let scalars = Array(name.unicodeScalars)
    guard let first = scalars.first, FormulaLexer.isNameStart(first) else { return false }
    guard scalars.dropFirst().allSatisfy(FormulaLexer.isNameContinuation) else { return false }
    let isKeyword =
      name.unicodeScalars.allSatisfy(\.isASCII)
      && FormulaKeyword(rawValue: name.lowercased()) != nil
    return !isKeyword
  }

  /// The name as it must be written in a formula: `daily` or `[村(社区)得分]`.
  static func written(_ name: String) -> String {
    isPlainName(name) ? name : "[\(name)]"
  }

  /// `a, b, c`, or `a, b, …, j and 5 more` beyond `limit` items (joined in the language of the message).
  static func listMessage(_ items: [String], limit: Int = 10) -> Message {
    if items.count <= limit { return Message(.listOf, MessageArgument.list(items)) }
    return Message(.listAndMore, MessageArgument.list(Array(items.prefix(limit))), items.count - limit)
  }
}
