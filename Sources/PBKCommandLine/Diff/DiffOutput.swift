import PartyBuildingKit

/// `pbk diff --format csv`: one row per input row — the structure and the matrix are in the table and the page only.
/// 等次变化 is 是 or 否 for a subject scored under both packs, empty for a row rejected under either (its grade
/// columns say 未评分).
enum DiffCSV {
  static let header = ["编号", "名称", "旧总分", "新总分", "变化", "旧等次", "新等次", "等次变化"]

  /// UTF-8 with a byte order mark and CRLF, as `pbk evaluate` writes CSV for Excel.
  static func render(_ results: ResultComparison) -> String {
    var text = CSVWriter.byteOrderMark + CSVWriter.row(header)
    for pair in results.pairs {
      text += CSVWriter.row([
        pair.id, pair.name, results.oldTotalText(pair), results.newTotalText(pair), results.deltaText(pair, plus: false),
        pair.oldGrade, pair.newGrade, pair.bothScored ? (pair.oldGrade == pair.newGrade ? "否" : "是") : "",
      ])
    }
    return text
  }
}

/// `pbk diff --format html`: the report as one self-contained page in the style of `pbk report` (its stylesheet,
/// ``ReportStyle``, and its escaping, ``HTMLText``): no script, nothing fetched (a Content-Security-Policy forbids
/// any request), printable on A4. It holds no time, so the same packs and input make the same bytes.
enum DiffHTML {
  /// What the diff adds to the report's stylesheet: added and removed parts, the matrix's diagonal.
  static let css = """
    .t tr.added td{background:#eef7ee}
    .t tr.removed td{background:#fbefed}
    .t td.d{background:#f8f1ea;font-weight:600}
    .t th.w{width:34%}
    .t code{font-family:ui-monospace,"SF Mono",Menlo,Consolas,monospace;font-size:.92em}
    """

  static func render(_ report: DiffReport) -> String {
    var section = 0
    func heading(_ chinese: String, _ english: String, id: String) -> String {
      defer { section += 1 }
      return "<section id=\"\(id)\"><h2>\(ReportPage.numerals[min(section, 9)])、\(chinese)<span class=\"en\">\(english)</span></h2>\n"
    }
    let title = "规则包对比：\(report.old.version) → \(report.new.version)"
    var page = """
      <!DOCTYPE html>
      <html lang="zh-CN">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
      <meta name="generator" content="pbk \(PBK.version)">

      """
    page += "<title>\(escape(title))</title>\n<style>\n\(ReportStyle.css)\n\(css)\n</style>\n</head>\n<body>\n<main>\n"
    page += "<header><h1>\(escape(title))</h1><p class=\"sub\">\(escape(report.new.title)) · 规则包对比</p></header>\n"

    page += heading("对比的包与数据", "packs and input", id: "packs")
    page += "<dl class=\"meta\">"
    page += "<dt>旧包 old</dt><dd>\(escape(report.old.title))（\(escape(report.old.id)) \(escape(report.old.version))）<br><code>\(escape(report.old.path))</code></dd>"
    page += "<dt>新包 new</dt><dd>\(escape(report.new.title))（\(escape(report.new.id)) \(escape(report.new.version))）<br><code>\(escape(report.new.path))</code></dd>"
    page += "<dt>输入数据 input</dt><dd><code>\(escape(report.input))</code></dd>"
    page += "<dt>生成 made by</dt><dd>pbk \(escape(PBK.version))</dd></dl></section>\n"

    page += heading("结构差异", "structure", id: "structure")
    if report.structure.isEmpty {
      page += "<p class=\"none\">两个包的结构相同（不比较 note 和测试用例）。</p>\n"
    } else {
      page += "<table class=\"t\">\n<thead><tr><th>变化</th><th class=\"w\">项</th><th>字段</th><th>旧</th><th>新</th></tr></thead>\n<tbody>\n"
      for change in report.structure {
        let kindClass = change.kind == .added ? "added" : change.kind == .removed ? "removed" : "changed"
        let fields = change.fields.isEmpty ? [FieldChange(key: "", old: nil, new: nil)] : change.fields
        for (index, field) in fields.enumerated() {
          page += "<tr class=\"\(kindClass)\">"
          if index == 0 {
            let span = fields.count > 1 ? " rowspan=\"\(fields.count)\"" : ""
            page += "<td\(span)>\(escape(change.heading))</td><td\(span)>\(escape(change.name))</td>"
          }
          page += "<td><code>\(escape(field.key))</code></td><td>\(escape(field.old ?? "—"))</td><td>\(escape(field.new ?? "—"))</td></tr>\n"
        }
      }
      page += "</tbody>\n</table>\n"
    }
    page += "</section>\n"

    page += heading("概况", "summary", id: "summary") + "<dl class=\"meta\">"
    for (label, value) in report.summary { page += "<dt>\(escape(label))</dt><dd>\(escape(value))</dd>" }
    page += "</dl></section>\n"

    page += heading("等次变动", "grade transitions", id: "transitions")
    page += "<p class=\"note\">行：旧包等次；列：新包等次。对角线上的对象等次未变；不定等次：没有等次（一票否决、测评无效），未评分：该行数据被拒绝。</p>\n"
    page += table(DiffText.matrixRows(report.results), diagonal: true) + "</section>\n"

    let largest = report.results.largestChanges(report.top)
    page += heading("总分变化最大的对象", "largest changes", id: "largest")
    page += largest.isEmpty ? "<p class=\"none\">没有对象的总分变化。</p>\n" : table(DiffText.largestRows(report.results, largest))
    page += "</section>\n"

    if let subject = report.subject {
      page += heading("对象 \(subject.name.isEmpty ? subject.id : "\(subject.name)（\(subject.id)）")", "subject", id: "subject")
      page += "<dl class=\"meta\">"
      page += "<dt>旧包 old</dt><dd>\(escape(DiffText.sideText(subject.old, places: report.results.oldPlaces)))</dd>"
      page += "<dt>新包 new</dt><dd>\(escape(DiffText.sideText(subject.new, places: report.results.newPlaces)))</dd></dl>\n"
      if case .scored = subject.old, case .scored = subject.new {
        page += "<h3>考核组成得分</h3>\n" + table(DiffText.scoreRows(subject.components, header: "组成"))
        if !subject.sections.isEmpty {
          page += "<h3>得分不同的评分项目</h3>\n" + table(DiffText.scoreRows(subject.sections, header: "评分项目"))
        }
        page += "<h3>得分不同的规则</h3>\n"
        page += subject.rules.isEmpty ? "<p class=\"none\">各规则的得分相同。</p>\n" : table(DiffText.scoreRows(subject.rules, header: "规则"))
      }
      page += "</section>\n"
    }
    return page + "</main>\n</body>\n</html>\n"
  }

  /// A table from rows of text (the first is the header); cells after the first column are numbers, aligned right,
  /// but for the columns of words.
  static func table(_ rows: [[String]], diagonal: Bool = false) -> String {
    guard let header = rows.first else { return "" }
    func isNumber(_ index: Int) -> Bool { index > 0 && !DiffText.textColumns.contains(header[index]) }
    var html = "<table class=\"t\">\n<thead><tr>"
    for (index, cell) in header.enumerated() { html += "<th\(isNumber(index) ? " class=\"n\"" : "")>\(escape(cell))</th>" }
    html += "</tr></thead>\n<tbody>\n"
    for (rowIndex, row) in rows.dropFirst().enumerated() {
      html += "<tr>"
      for (index, cell) in row.enumerated() {
        if index == 0 {
          html += "<th>\(escape(cell))</th>"
          continue
        }
        var classes: [String] = []
        if isNumber(index) { classes.append("n") }
        // The matrix's diagonal: the same grade under both packs (not the 合计 row or column).
        if diagonal, rowIndex < rows.count - 2, header[index] == row[0] { classes.append("d") }
        html += "<td\(classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\"")>\(escape(cell))</td>"
      }
      html += "</tr>\n"
    }
    return html + "</tbody>\n</table>\n"
  }

  static func escape(_ text: String) -> String { HTMLText.escape(text) }
}
