import PartyBuildingKit

/// Everything `pbk diff` found: the two packs' structural difference, their results on the same input compared,
/// and one subject in detail when asked for.
struct DiffReport {
  /// A pack as the report names it: its path, title, id and version.
  struct PackName {
    var path: String
    var title: String
    var id: String
    var version: String

    init(path: String, model: PackModel) {
      self.path = path
      title = model.title
      id = model.id
      version = model.version
    }

    /// `path（id version）`.
    var text: String { "\(path)（\(id) \(version)）" }
  }

  var old: PackName
  var new: PackName
  var input: String
  var structure: [StructureChange]
  var results: ResultComparison
  var subject: SubjectDiff?
  /// How many of the largest changes are listed.
  var top = 10

  /// The summary's lines, label and value, as the table and the page show them.
  var summary: [(String, String)] {
    let r = results
    return [
      ("输入行数", "旧包 \(r.oldCounts.read)（评分 \(r.oldCounts.assessed)，未评分 \(r.oldCounts.rejected)）；新包 \(r.newCounts.read)（评分 \(r.newCounts.assessed)，未评分 \(r.newCounts.rejected)）"),
      ("比较的对象（两包均评分）", "\(r.compared.count)"),
      ("等次变化", "\(r.gradeChanged)（\(r.gradeChangedShare)）"),
      ("总分", "上升 \(r.up)，下降 \(r.down)，不变 \(r.same)" + (r.void > 0 ? "，作废 \(r.void)" : "")),
      ("未评分", "仅旧包 \(r.rejectedOldOnly)，仅新包 \(r.rejectedNewOnly)，两包均未评分 \(r.rejectedBoth)"),
    ]
  }
}

/// `pbk diff --format table`: the report as text for a terminal.
enum DiffText {
  static func render(_ report: DiffReport) -> String {
    var text = "旧包 old  \(report.old.text)\n新包 new  \(report.new.text)\n数据 input  \(report.input)\n\n"

    text += "结构差异 structure\n"
    if report.structure.isEmpty {
      text += "  两个包的结构相同（不比较 note 和测试用例）\n"
    }
    for change in report.structure {
      text += "  \(change.heading)\(change.name.isEmpty ? "" : " " + change.name)\n"
      if change.kind == .changed {
        for field in change.fields { text += "    \(field.key)：\(clip(field.old ?? "—")) → \(clip(field.new ?? "—"))\n" }
      } else {
        text += "    \(clip(change.fieldText, to: 160))\n"
      }
    }

    text += "\n概况 summary\n"
    let width = report.summary.map { TextWidth.of($0.0) }.max() ?? 0
    for (label, value) in report.summary { text += "  \(TextWidth.pad(label, to: width))  \(value)\n" }

    text += "\n等次变动 grade transitions（行：旧包等次，列：新包等次）\n"
    text += indent(table(matrixRows(report.results)))

    let largest = report.results.largestChanges(report.top)
    text += "\n总分变化最大 largest changes（前 \(report.top) 名，按变化的绝对值）\n"
    if largest.isEmpty {
      text += "  没有对象的总分变化\n"
    } else {
      text += indent(table(largestRows(report.results, largest)))
    }

    if let subject = report.subject { text += "\n" + render(subject, report: report) }
    return text
  }

  static func render(_ subject: SubjectDiff, report: DiffReport) -> String {
    var text = "对象 subject  \(subject.name.isEmpty ? subject.id : "\(subject.name) (\(subject.id))")\n"
    text += "  旧包  \(sideText(subject.old, places: report.results.oldPlaces))\n"
    text += "  新包  \(sideText(subject.new, places: report.results.newPlaces))\n"
    guard case .scored = subject.old, case .scored = subject.new else { return text }
    text += "\n  考核组成得分 components\n"
    text += indent(table(scoreRows(subject.components, header: "组成")), by: 4)
    if !subject.sections.isEmpty {
      text += "\n  得分不同的评分项目 sections that differ\n"
      text += indent(table(scoreRows(subject.sections, header: "评分项目")), by: 4)
    }
    text += "\n  得分不同的规则 rules whose points differ\n"
    if subject.rules.isEmpty {
      text += "    各规则的得分相同\n"
    } else {
      text += indent(table(scoreRows(subject.rules, header: "规则")), by: 4)
    }
    return text
  }

  static func sideText(_ side: SubjectDiff.Side, places: Int) -> String {
    switch side {
    case .scored(let assessment):
      let total = assessment.voidReason == nil ? assessment.total.formatted(places: places) : "作废（\(assessment.voidReason!)）"
      let vetoes = assessment.vetoes.isEmpty ? "" : "  一票否决 " + assessment.vetoes.map(\.label).joined(separator: "、")
      return "总分 \(total)  等次 \(assessment.grade ?? ResultComparison.noGrade)\(vetoes)"
    case .rejected(let error): return "未评分：\(error)"
    case .notFound: return "输入中没有此对象"
    }
  }

  static func matrixRows(_ results: ResultComparison) -> [[String]] {
    let matrix = results.matrix
    var rows: [[String]] = [["旧＼新"] + results.newGrades + ["合计"]]
    for (index, grade) in results.oldGrades.enumerated() {
      rows.append([grade] + matrix[index].map(String.init) + [String(matrix[index].reduce(0, +))])
    }
    let columnTotals = results.newGrades.indices.map { column in matrix.reduce(0) { $0 + $1[column] } }
    rows.append(["合计"] + columnTotals.map(String.init) + [String(columnTotals.reduce(0, +))])
    return rows
  }

  static func largestRows(_ results: ResultComparison, _ pairs: [SubjectPair]) -> [[String]] {
    var rows = [["编号", "名称", "旧总分", "新总分", "变化", "等次（旧 → 新）"]]
    for pair in pairs {
      rows.append([
        pair.id, pair.name, results.oldTotalText(pair), results.newTotalText(pair), results.deltaText(pair),
        gradeMove(pair),
      ])
    }
    return rows
  }

  /// `好 → 较好`, or the grade once when it did not change.
  static func gradeMove(_ pair: SubjectPair) -> String {
    pair.oldGrade == pair.newGrade ? pair.oldGrade : "\(pair.oldGrade) → \(pair.newGrade)"
  }

  static func scoreRows(_ rows: [SubjectDiff.Row], header: String) -> [[String]] {
    var cells = [[header, "旧包", "新包", "变化"]]
    for row in rows {
      cells.append([
        row.name, row.old?.description ?? "—", row.new?.description ?? "—", row.delta.map(signed) ?? (row.old == nil ? "新增" : "删除"),
      ])
    }
    return cells
  }

  /// `+1`, `-0.5`, `0`: a change with its sign.
  static func signed(_ value: ExactDecimal) -> String { value > .zero ? "+\(value)" : value.description }

  /// A table: columns padded to the widest cell (Chinese characters count two), every column but the first
  /// aligned right (numbers), a rule under the header.
  static func table(_ rows: [[String]]) -> String {
    guard let header = rows.first else { return "" }
    var widths = [Int](repeating: 0, count: header.count)
    for row in rows {
      for (index, cell) in row.enumerated() where index < widths.count { widths[index] = max(widths[index], TextWidth.of(cell)) }
    }
    var text = ""
    for (rowIndex, row) in rows.enumerated() {
      let line = row.enumerated().map { index, cell in
        TextWidth.pad(cell, to: widths[index], alignRight: index > 0 && rowIndex > 0 && !textColumns.contains(header[index]))
      }.joined(separator: "  ")
      text += line.replacing(/\s+$/, with: "") + "\n"
      if rowIndex == 0 { text += widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n" }
    }
    return text
  }

  /// Columns of words, aligned left.
  static let textColumns: Set<String> = ["名称", "等次（旧 → 新）"]

  static func indent(_ text: String, by spaces: Int = 2) -> String {
    let pad = String(repeating: " ", count: spaces)
    return text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : pad + $0 }.joined(separator: "\n")
  }

  /// A long value cut for a terminal line.
  static func clip(_ text: String, to length: Int = 80) -> String {
    text.count > length ? String(text.prefix(length - 1)) + "…" : text
  }
}
