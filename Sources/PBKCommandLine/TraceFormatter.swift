import PartyBuildingKit

/// Renders an assessment's trace as indented lines a person reads.
enum TraceFormatter {
  static func lines(_ assessment: Assessment) -> [String] {
    var lines: [String] = []
    let facts = assessment.trace.filter { $0.kind == .input }
    if !facts.isEmpty {
      lines.append("事实 facts")
      for entry in facts { lines.append("  \(entry.message)") }
      lines.append("")
    }
    lines.append("计分 scoring")
    for entry in assessment.trace where entry.kind != .input {
      let indent: String
      switch entry.kind {
      case .award, .deduction, .bonus, .cap, .floor, .zeroed, .starItem: indent = "    "
      case .section where entry.message.hasPrefix("= "): indent = "    "
      default: indent = "  "
      }
      var line = indent + entry.message
      let shown = entry.facts.filter { fact in !entry.message.contains(fact.value) || entry.kind != .value }
      if !shown.isEmpty, entry.kind != .value {
        line += "  ← " + shown.map { "\($0.label.isEmpty ? $0.name : $0.label) = \($0.value)" }.joined(separator: ", ")
      }
      lines.append(line)
    }
    lines.append("")
    if let reason = assessment.voidReason {
      lines.append("无效 void：\(reason)（不计分、不定等次）")
      return lines
    }
    var summary = "总分 \(assessment.total) / \(assessment.fullMarks)"
    if let grade = assessment.grade { summary += "  等次 \(grade)" } else if assessment.vetoes.contains(where: { $0.effect == "不定等次" }) {
      summary += "  不定等次"
    }
    if let stars = assessment.stars { summary += "  星级 \(stars) 星" }
    if let size = assessment.cohortSize {
      summary += assessment.rank.map { "  排名 \($0)/\(size)" } ?? "  不排名"
    }
    for label in assessment.labels { summary += "  \(label.label)" }
    lines.append(summary)
    return lines
  }
}
