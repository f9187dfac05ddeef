import PartyBuildingKit

/// The report as one self-contained HTML page: provenance, counts, charts, vetoes, consequences, rejected rows, and
/// every subject's result with its explanation (or, with `redact`, a public notice: 公示).
///
/// Every piece of data is escaped (``HTMLText``); the page loads nothing (a Content-Security-Policy forbids any
/// request), its script only filters rows and opens explanations, and it prints on A4.
struct ReportPage {
  let pack: RulePack
  let data: ReportData
  /// The page's title.
  let title: String
  /// A public notice: names masked; no ids, totals, explanations or error messages.
  let redact: Bool
  /// A public notice of organisations: names kept whole (`--keep-names`).
  let keepsNames: Bool
  /// The input as the reader knows it (its file name).
  let inputName: String
  /// When the report was made, in words.
  let time: String

  static let numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

  /// The grade colours, best first; a result without a grade is grey.
  static func colour(ofGrade index: Int, of count: Int) -> String {
    let palette = ["#a61b1b", "#d4561e", "#e0a526", "#6f8fa3", "#4a5d6b", "#2f3a42"]
    // Few grades: the last one is always the darkest, so 合格/不合格 reads red and slate.
    if count <= palette.count, index == count - 1, count > 1 { return palette[palette.count - 1] }
    return palette[min(index, palette.count - 2)]
  }

  static let grey = "#a7adb3"
  static let gold = "#c9971c"

  /// A count as people read it: 100,000.
  func g(_ count: Int) -> String { ReportCharts.grouped(count) }

  /// Writes the page to `write` in parts (a large report is never one string).
  func write(_ write: (String) -> Void) {
    var section = 0
    func heading(_ chinese: String, _ english: String, id: String) -> String {
      defer { section += 1 }
      return
        "<section id=\"\(id)\"><h2>\(Self.numerals[min(section, 9)])、\(chinese)<span class=\"en\">\(english)</span></h2>"
    }
    let metadata = pack.metadata
    var head = """
      <!DOCTYPE html>
      <html lang="zh-CN">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
      <meta name="generator" content="pbk \(PBK.version)">

      """
    head += "<title>\(HTMLText.escape(title))</title>\n<style>\n\(ReportStyle.css)\n</style>\n</head>\n<body>\n<main>\n"
    head += "<header><h1>\(HTMLText.escape(title))</h1>"
    head += "<p class=\"sub\">\(HTMLText.escape(metadata.title))\(redact ? " · 结果公示" : " · 考核结果报告")</p></header>\n"
    write(head)

    // 概况: where the rules and the data come from, and the counts. (Sections are numbered as they are written.)
    let scored = data.counts.assessed - data.void
    var overview = heading("概况", "overview", id: "overview")
    overview += "<dl class=\"meta\">"
    overview +=
      "<dt>规则包 rule pack</dt><dd>\(HTMLText.escape(metadata.title))（\(HTMLText.escape(metadata.id)) \(HTMLText.escape(metadata.version))）</dd>"
    if !metadata.sourceDocument.isEmpty {
      let issuer = metadata.sourceIssuer.isEmpty ? "" : "，\(metadata.sourceIssuer)"
      overview += "<dt>依据 source</dt><dd>\(HTMLText.escape(metadata.sourceDocument + issuer))</dd>"
    }
    overview +=
      "<dt>输入数据 input</dt><dd>\(HTMLText.escape(inputName))：读入 \(g(data.counts.read)) 行，评分 \(g(scored))，未能评分 \(g(data.counts.rejected))，测评无效 \(g(data.void))</dd>"
    if let forms = data.forms {
      // Every form accounted for, as rows are: read = counted + void + rejected (rejected ones are listed below).
      overview +=
        "<dt>测评表 forms</dt><dd>读入 \(g(forms.read)) 份，计入 \(g(forms.counted))，无效 \(g(forms.void))，未能读取或无对应对象 \(g(forms.rejected))</dd>"
    }
    overview += "<dt>生成 made by</dt><dd>pbk \(HTMLText.escape(PBK.version))，\(HTMLText.escape(time))</dd>"
    if redact {
      var shown: [String] = []
      if pack.hasCohort { shown.append("名次") }
      shown.append(keepsNames ? "名称" : "姓名或名称（只显示首尾字）")
      if !pack.grades.isEmpty { shown.append("等次") }
      if pack.hasStars { shown.append("星级") }
      if pack.hasCohort { shown.append("标签") }
      overview +=
        "<dt>公示说明 notice</dt><dd>本公示列出\(shown.joined(separator: "、"))，以及各\(pack.grades.isEmpty ? "" : "等次、")\(pack.hasStars ? "星级、" : "")一票否决和后果的人数；不列编号、总分、评分依据和未能评分行的内容。</dd>"
    }
    overview += "</dl><div class=\"cards\">"
    overview += card(data.counts.read, "读入 read", key: "read")
    overview += card(scored, "已评分 scored", key: "scored")
    overview += card(data.counts.rejected, "未能评分 rejected", key: "rejected", bad: data.counts.rejected > 0)
    overview += card(data.void, "测评无效 void", key: "void", bad: data.void > 0)
    overview += "</div></section>\n"
    write(overview)

    // 等次与星级分布.
    if !pack.grades.isEmpty || pack.hasStars {
      let both = pack.hasStars && !pack.grades.isEmpty
      var charts = heading(
        both ? "等次与星级分布" : pack.hasStars ? "星级分布" : "等次分布",
        both ? "grades and stars" : pack.hasStars ? "stars" : "grades",
        id: "distribution")
      charts += "<div class=\"charts\">"
      if !pack.grades.isEmpty { charts += "<figure><figcaption>等次 grade</figcaption>\(gradeChart())</figure>" }
      if pack.hasStars { charts += "<figure><figcaption>星级 stars</figcaption>\(starChart())</figure>" }
      charts += "</div><p class=\"note\">占已评分和测评无效的 \(g(data.counts.assessed)) 个对象的比例（四舍五入到 0.1%）。</p></section>\n"
      write(charts)
    }

    // 总分分布 (not in a public notice: it shows no totals, and with ranks a histogram would tell them).
    if !redact { write(heading("总分分布", "totals", id: "totals") + histogram() + "</section>\n") }

    // 一票否决, 后果, 未能评分的行.
    write(heading("一票否决", "vetoes", id: "vetoes"))
    vetoTable(write)
    write("</section>\n")
    write(heading("后果", "consequences", id: "consequences"))
    consequenceTable(write)
    write("</section>\n")
    write(heading("未能评分的行", "rejected rows", id: "rejected"))
    rejectedTable(write)
    write("</section>\n")

    // The subjects: per cohort group by rank, or in input order.
    let listTitle = redact ? (pack.hasCohort ? "排名结果" : "结果名单") : (pack.hasCohort ? "排名与评分说明" : "逐个结果与评分说明")
    write(heading(listTitle, redact ? "results" : "results and explanations", id: "subjects"))
    write(tools())
    subjects(write)
    write("</section>\n")

    var tail =
      "<footer>由 pbk \(HTMLText.escape(PBK.version)) 按规则包 \(HTMLText.escape(metadata.id)) \(HTMLText.escape(metadata.version)) 生成于 \(HTMLText.escape(time))。"
    tail += "本页不含外部资源，可离线打开、打印（A4）。</footer>\n</main>\n<script>\n\(ReportStyle.script)\n</script>\n</body>\n</html>\n"
    write(tail)
  }

  /// A count in large type; `data-count` names it for a script that checks the page.
  func card(_ count: Int, _ label: String, key: String, bad: Bool = false) -> String {
    "<div class=\"card\(bad ? " bad" : "")\" data-count=\"\(key)\"><b>\(g(count))</b><span>\(label)</span></div>"
  }

  // MARK: Charts

  func gradeChart() -> String {
    let format = ReportTables.SubjectFormat(pack: pack, redact: redact, keepsNames: keepsNames)
    var counts: [String: Int] = [:]
    for row in data.rows { counts[format.gradeText(row), default: 0] += 1 }
    var bars = pack.grades.enumerated().map { index, grade in
      ReportCharts.Bar(
        label: grade, count: counts[grade] ?? 0, colour: Self.colour(ofGrade: index, of: pack.grades.count))
    }
    for word in [ResultWords.noGrade, ResultWords.void] where (counts[word] ?? 0) > 0 {
      bars.append(ReportCharts.Bar(label: word, count: counts[word]!, colour: Self.grey))
    }
    return ReportCharts.bars(bars, total: data.counts.assessed, caption: "等次分布")
  }

  func starChart() -> String {
    var counts: [Int: Int] = [:]
    var unrated = 0
    for row in data.rows {
      if let stars = row.stars { counts[stars, default: 0] += 1 } else { unrated += 1 }
    }
    var levels = pack.model.stars?.levels.map(\.stars) ?? []
    if !levels.contains(0) { levels.append(0) }
    // A level the data shows that the pack does not list (it should not happen) is still drawn.
    for level in counts.keys where !levels.contains(level) { levels.append(level) }
    levels.sort(by: >)
    var bars = levels.map { level in
      ReportCharts.Bar(label: "\(level) 星", count: counts[level] ?? 0, colour: level == 0 ? Self.grey : Self.gold)
    }
    if unrated > 0 { bars.append(ReportCharts.Bar(label: ResultWords.void, count: unrated, colour: Self.grey)) }
    return ReportCharts.bars(bars, total: data.counts.assessed, caption: "星级分布")
  }

  func histogram() -> String {
    let totals = data.rows.compactMap(\.total)
    guard !totals.isEmpty else { return "<p class=\"none\">没有评分结果。</p>" }
    let bands = (pack.model.grades?.bands ?? []).map { (grade: $0.grade, minimum: $0.min) }
    // Scores in whole units: enough places for the totals and every band's boundary (at most 6).
    let scale = min(6, ([pack.precision] + bands.map(\.minimum.scale)).max()!)
    let units = totals.map { ReportCharts.units($0, scale: scale) }
    let boundaries = bands.enumerated().map { index, band in
      (
        grade: band.grade, minimum: ReportCharts.units(band.minimum, scale: scale),
        colour: Self.colour(ofGrade: index, of: bands.count)
      )
    }
    let bins = ReportCharts.bins(
      totals: units, boundaries: boundaries.map(\.minimum), fullMarks: ReportCharts.units(pack.fullMarks, scale: scale),
      scale: scale)
    var text = "<figure class=\"wide\">"
    text += ReportCharts.histogram(totals: units, bins: bins, boundaries: boundaries, caption: "总分分布")
    text +=
      "</figure><p class=\"note\">\(g(totals.count)) 个评分结果的总分，每组 \(ReportCharts.pointsText(bins.width, scale: scale)) 分（含下限，不含上限；最后一组含上限）。"
    if !bands.isEmpty {
      text += "虚线为等次分数线："
      text += bands.map { "\(HTMLText.escape($0.grade)) ≥ \($0.minimum)" }.joined(separator: "，")
      text += "；柱的颜色为该组下限所在的分数段（一票否决等可改变实际等次，见上方等次分布）。"
    }
    return text + "</p>"
  }

  // MARK: Tables

  func vetoTable(_ write: (String) -> Void) {
    let fired = data.rows.flatMap { row in row.vetoes.map { (row, [$0.label, $0.effect]) } }
    guard !fired.isEmpty else { return write("<p class=\"none\">没有一票否决。</p>") }
    firedTable(fired, titles: ["一票否决", "效果"], write)
  }

  func consequenceTable(_ write: (String) -> Void) {
    let fired = data.rows.flatMap { row in row.consequences.map { (row, [$0.label, $0.reason]) } }
    guard !fired.isEmpty else { return write("<p class=\"none\">没有后果。</p>") }
    firedTable(fired, titles: ["后果", "原因"], write)
  }

  /// What fired, a row per item and reason in the order first seen: how many, and who (编号 名称, in input order;
  /// beyond the first ``listed`` behind a click). A public notice names no one: only the counts.
  func firedTable(_ fired: [(ReportData.Row, [String])], titles: [String], _ write: (String) -> Void) {
    var order: [[String]] = []
    var who: [[String]: [ReportData.Row]] = [:]
    for (row, key) in fired {
      if who[key] == nil { order.append(key) }
      who[key, default: []].append(row)
    }
    let subjects = Set(fired.map(\.0.order)).count
    write("<p class=\"note\">共 \(g(fired.count)) 次，涉及 \(g(subjects)) 个对象。</p>")
    var columns: [ReportTables.Column] = [
      .init(title: titles[0], width: redact ? "45%" : "26%"), .init(title: titles[1], width: redact ? "40%" : "22%"),
      .init(title: "人数", width: redact ? "15%" : "8%", numeric: true),
    ]
    if !redact { columns.append(.init(title: "对象 who", width: "44%")) }
    let rows = order.map { key -> [String] in
      let rows = who[key]!
      var cells = [HTMLText.escape(key[0]), HTMLText.escape(key[1]), g(rows.count)]
      if !redact {
        let names = rows.map { HTMLText.escape($0.name.isEmpty ? $0.id : "\($0.id) \($0.name)") }
        var cell = names.prefix(Self.listed).joined(separator: "、")
        if names.count > Self.listed {
          cell += "<details class=\"more\"><summary>其余 \(g(names.count - Self.listed)) 个</summary>"
          cell += names.dropFirst(Self.listed).joined(separator: "、") + "</details>"
        }
        cells.append(cell)
      }
      return cells
    }
    ReportTables.table(columns, rows: rows, write: write)
  }

  /// How many subjects a veto's or a consequence's row names before the rest are behind a click.
  static let listed = 20

  func rejectedTable(_ write: (String) -> Void) {
    guard !data.rejected.isEmpty else { return write("<p class=\"none\">每一行都已评分。</p>") }
    if redact {
      return write("<p>\(g(data.rejected.count)) 行未能评分（公示不列其内容）。</p>")
    }
    write("<p class=\"note\">\(g(data.rejected.count)) 行未能评分，也未计入上面的分布；改正后重新生成报告。</p>")
    ReportTables.table(
      [
        .init(title: "行", width: "7%", numeric: true), .init(title: "列", width: "6%", numeric: true),
        .init(title: "编号", width: "14%"), .init(title: "原因", width: "73%"),
      ],
      rows: data.rejected.map { rejected in
        [
          rejected.line.map(String.init) ?? "", HTMLText.escape(rejected.column ?? ""),
          HTMLText.escape(rejected.id ?? ""), HTMLText.escape(rejected.message),
        ]
      },
      write: write)
  }

  // MARK: Subjects

  func tools() -> String {
    var text =
      "<div class=\"tools\"><input id=\"q\" type=\"search\" placeholder=\"\(redact ? "按名称或等次查找" : "按编号、名称或等次查找 search")\" aria-label=\"查找\">"
    text += "<output>显示 <span id=\"shown\">\(g(data.rows.count))</span> / \(g(data.rows.count))</output>"
    if !redact, data.explained > 0 {
      text += "<button type=\"button\" id=\"open\">全部展开</button><button type=\"button\" id=\"close\">全部收起</button>"
    }
    text += "</div>"
    if redact { return text }
    if data.explained == data.rows.count {
      text += "<p class=\"note\">点击一行展开它的评分说明（即 pbk explain 列出的事实与计分）。打印时，展开的说明随之打印，收起的只印一行。</p>"
    } else {
      let limit = data.explanationLimit ?? data.explained
      text += "<p class=\"note\">本报告收录 \(g(data.explained)) 个对象的评分说明（上限 \(g(limit)) 个，可用 --explanations 调整）："
      text += "先收有一票否决、后果、标签、名额调整或测评无效的对象（共 \(g(data.flagged)) 个），再按输入顺序补足；"
      text += "其余 \(g(data.rows.count - data.explained)) 个只列结果（行首没有 ▸），其说明用 pbk explain --subject 编号 查看。</p>"
    }
    return text
  }

  func subjects(_ write: (String) -> Void) {
    let format = ReportTables.SubjectFormat(pack: pack, redact: redact, keepsNames: keepsNames)
    guard !data.rows.isEmpty else { return write("<p class=\"none\">没有评分结果。</p>") }
    guard pack.hasCohort else { return format.list(data.rows, write: write) }
    // One ranking per cohort group, the groups in the order they first appear, each by rank (the unranked last);
    // results the cohort stage did not place (void ones) last, under a heading of their own.
    var groups: [String?] = []
    var members: [String?: [ReportData.Row]] = [:]
    for row in data.rows {
      if members[row.group] == nil { groups.append(row.group) }
      members[row.group, default: []].append(row)
    }
    groups = groups.filter { $0 != nil } + groups.filter { $0 == nil }
    for group in groups {
      let rows = members[group]!.sorted { a, b in
        switch (a.rank, b.rank) {
        case (let x?, let y?): x != y ? x < y : a.order < b.order
        case (.some, nil): true
        case (nil, .some): false
        case (nil, nil): a.order < b.order
        }
      }
      let ranked = rows.filter { $0.rank != nil }.count
      var text: String
      if let group {
        let name = pack.cohortGroupTitle(group) ?? group
        text =
          "<h3>\(HTMLText.escape(name))<span class=\"en\">排名 \(g(ranked)) 个\(rows.count > ranked ? "，不排名 \(g(rows.count - ranked)) 个" : "")</span></h3>"
      } else {
        text = "<h3>不参加排名<span class=\"en\">\(g(rows.count)) 个（测评无效等）</span></h3>"
      }
      let quotas = data.quotas.filter { $0.group == group }
      if !quotas.isEmpty {
        text +=
          "<ul class=\"quota\">" + quotas.map { "<li>名额 quota：\(HTMLText.escape($0.description))</li>" }.joined()
          + "</ul>"
      }
      write(text)
      format.list(rows, write: write)
    }
  }
}
