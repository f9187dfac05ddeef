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

/// `pbk diff --format html`: the report as one self-contained page (inline CSS, no script, nothing fetched).
enum DiffHTML {
  static func render(_ report: DiffReport) -> String {
    var body = ""
    body += "<h1>规则包对比</h1>\n<table class=\"meta\">\n"
    body += "<tr><th>旧包</th><td>\(escape(report.old.title))<br><code>\(escape(report.old.text))</code></td></tr>\n"
    body += "<tr><th>新包</th><td>\(escape(report.new.title))<br><code>\(escape(report.new.text))</code></td></tr>\n"
    body += "<tr><th>数据</th><td><code>\(escape(report.input))</code></td></tr>\n</table>\n"

    body += "<h2>结构差异</h2>\n"
    if report.structure.isEmpty {
      body += "<p>两个包的结构相同（不比较 note 和测试用例）。</p>\n"
    } else {
      body += "<table>\n<thead><tr><th>变化</th><th>项</th><th>字段</th><th>旧</th><th>新</th></tr></thead>\n<tbody>\n"
      for change in report.structure {
        let kindClass = change.kind == .added ? "added" : change.kind == .removed ? "removed" : "changed"
        let fields = change.fields.isEmpty ? [FieldChange(key: "", old: nil, new: nil)] : change.fields
        for (index, field) in fields.enumerated() {
          body += "<tr class=\"\(kindClass)\">"
          if index == 0 {
            let span = fields.count > 1 ? " rowspan=\"\(fields.count)\"" : ""
            body += "<td\(span)>\(escape(change.heading))</td><td\(span)>\(escape(change.name))</td>"
          }
          body += "<td><code>\(escape(field.key))</code></td><td>\(escape(field.old ?? "—"))</td><td>\(escape(field.new ?? "—"))</td></tr>\n"
        }
      }
      body += "</tbody>\n</table>\n"
    }

    body += "<h2>概况</h2>\n<table class=\"meta\">\n"
    for (label, value) in report.summary { body += "<tr><th>\(escape(label))</th><td>\(escape(value))</td></tr>\n" }
    body += "</table>\n"

    body += "<h2>等次变动</h2>\n<p>行：旧包等次；列：新包等次。对角线上的对象等次未变。</p>\n"
    body += table(DiffText.matrixRows(report.results), diagonal: true)

    let largest = report.results.largestChanges(report.top)
    body += "<h2>总分变化最大的对象</h2>\n"
    body += largest.isEmpty ? "<p>没有对象的总分变化。</p>\n" : table(DiffText.largestRows(report.results, largest))

    if let subject = report.subject {
      body += "<h2>对象 \(escape(subject.name.isEmpty ? subject.id : "\(subject.name)（\(subject.id)）"))</h2>\n<table class=\"meta\">\n"
      body += "<tr><th>旧包</th><td>\(escape(DiffText.sideText(subject.old, places: report.results.oldPlaces)))</td></tr>\n"
      body += "<tr><th>新包</th><td>\(escape(DiffText.sideText(subject.new, places: report.results.newPlaces)))</td></tr>\n</table>\n"
      if case .scored = subject.old, case .scored = subject.new {
        body += "<h3>考核组成得分</h3>\n" + table(DiffText.scoreRows(subject.components, header: "组成"))
        if !subject.sections.isEmpty {
          body += "<h3>得分不同的评分项目</h3>\n" + table(DiffText.scoreRows(subject.sections, header: "评分项目"))
        }
        body += "<h3>得分不同的规则</h3>\n"
        body += subject.rules.isEmpty ? "<p>各规则的得分相同。</p>\n" : table(DiffText.scoreRows(subject.rules, header: "规则"))
      }
    }

    return """
      <!DOCTYPE html>
      <html lang="zh-CN">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>规则包对比 \(escape(report.old.id)) \(escape(report.old.version)) → \(escape(report.new.version))</title>
      <style>
      body { font-family: "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif; margin: 2em auto; max-width: 68em; padding: 0 1em; color: #222; line-height: 1.5; }
      h1 { font-size: 1.6em; border-bottom: 2px solid #b22; padding-bottom: .3em; }
      h2 { font-size: 1.25em; margin-top: 1.8em; }
      h3 { font-size: 1.05em; }
      table { border-collapse: collapse; margin: .5em 0 1em; }
      th, td { border: 1px solid #ccc; padding: .25em .6em; vertical-align: top; }
      thead th { background: #f3f3f3; }
      td.number { text-align: right; font-variant-numeric: tabular-nums; }
      td.diagonal { background: #eef6ee; }
      table.meta th { text-align: left; background: #f7f7f7; font-weight: normal; white-space: nowrap; }
      tr.added td { background: #eefaee; }
      tr.removed td { background: #fbeeee; }
      code { font-family: ui-monospace, "SF Mono", Menlo, Consolas, monospace; font-size: .92em; }
      @media print { body { margin: 0; max-width: none; } }
      </style>
      </head>
      <body>

      """ + body + "</body>\n</html>\n"
  }

  /// A table from rows of text (the first is the header); cells after the first column are numbers, aligned right.
  static func table(_ rows: [[String]], diagonal: Bool = false) -> String {
    guard let header = rows.first else { return "" }
    var html = "<table>\n<thead><tr>" + header.map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
    for (rowIndex, row) in rows.dropFirst().enumerated() {
      html += "<tr>"
      for (index, cell) in row.enumerated() {
        if index == 0 {
          html += "<th>\(escape(cell))</th>"
          continue
        }
        var classes: [String] = []
        if !DiffText.textColumns.contains(header[index]) { classes.append("number") }
        // The matrix's diagonal: the same grade under both packs.
        if diagonal, index < header.count, rowIndex < rows.count - 2, header[index] == row[0] { classes.append("diagonal") }
        html += "<td\(classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\"")>\(escape(cell))</td>"
      }
      html += "</tr>\n"
    }
    return html + "</tbody>\n</table>\n"
  }

  static func escape(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for character in text {
      switch character {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&#39;"
      default: result.append(character)
      }
    }
    return result
  }
}
