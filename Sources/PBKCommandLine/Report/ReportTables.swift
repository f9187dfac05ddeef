import PartyBuildingKit

/// The report's tables: plain ones (vetoes, consequences, rejected rows) and the list of subjects, each cut into
/// chunks of ``chunkSize`` rows so that a browser lays out only the chunks on screen.
enum ReportTables {
  static let chunkSize = 500

  /// A column of a plain table: its heading, its width (CSS), and whether it holds numbers (aligned right).
  struct Column {
    var title: String
    var width: String
    var numeric = false
  }

  /// A plain table of escaped cells (`cells` are HTML already escaped by the caller); more than ``chunkSize`` rows
  /// are cut into several tables with the same columns and heading, each in a chunk the browser may skip.
  static func table(_ columns: [Column], rows: [[String]], write: (String) -> Void) {
    var head = "<colgroup>"
    for column in columns { head += "<col style=\"width:\(column.width)\">" }
    head += "</colgroup><thead><tr>"
    for column in columns {
      head += column.numeric ? "<th class=\"n\">" : "<th>"
      head += column.title + "</th>"
    }
    head += "</tr></thead><tbody>\n"
    let chunked = rows.count > chunkSize
    var start = 0
    repeat {
      let end = min(rows.count, start + chunkSize)
      var text = (chunked ? "<div class=\"k\">" : "") + "<table class=\"t\">" + head
      for row in rows[start..<end] {
        text += "<tr>"
        for (index, cell) in row.enumerated() {
          text += columns[index].numeric ? "<td class=\"n\">" : "<td>"
          text += cell + "</td>"
        }
        text += "</tr>\n"
      }
      text += "</tbody></table>" + (chunked ? "</div>" : "") + "\n"
      write(text)
      start = end
    } while start < rows.count
  }

  /// The columns of the list of subjects.
  enum SubjectColumn {
    case id, name, total, grade, stars, rank, labels, notes

    var title: String {
      switch self {
      case .id: "编号"
      case .name: "名称"
      case .total: "总分"
      case .grade: "等次"
      case .stars: "星级"
      case .rank: "排名"
      case .labels: "标签"
      case .notes: "一票否决与名额调整"
      }
    }

    /// The grid track: fixed or shared widths only, so that the rows (each its own grid) line up.
    var track: String {
      switch self {
      case .id: "minmax(5em,8em)"
      case .name: "minmax(5em,9em)"
      case .total: "4.5em"
      case .grade: "5em"
      case .stars: "3.5em"
      case .rank: "4.5em"
      case .labels: "minmax(0,1fr)"
      case .notes: "minmax(0,2fr)"
      }
    }

    var isNumeric: Bool { self == .total || self == .rank }
  }

  /// What each subject's row shows (``SubjectColumn``), in the words of the results (`pbk evaluate`).
  struct SubjectFormat {
    let pack: RulePack
    let redact: Bool
    /// Whether a public notice keeps names whole (`--keep-names`: organisations, whose names are not personal).
    let keepsNames: Bool
    let columns: [SubjectColumn]

    init(pack: RulePack, redact: Bool, keepsNames: Bool = false) {
      self.pack = pack
      self.redact = redact
      self.keepsNames = keepsNames
      var columns: [SubjectColumn] = []
      if pack.hasCohort, redact { columns.append(.rank) }
      if !redact { columns.append(.id) }
      columns.append(.name)
      if !redact { columns.append(.total) }
      if !pack.grades.isEmpty { columns.append(.grade) }
      if pack.hasStars { columns.append(.stars) }
      if pack.hasCohort, !redact { columns.append(.rank) }
      if pack.hasCohort { columns.append(.labels) }
      if !redact { columns.append(.notes) }
      self.columns = columns
    }

    /// The total as the results write it (the pack's places), or 无效.
    func totalText(_ row: ReportData.Row) -> String {
      row.total.map { $0.formatted(places: pack.precision, rule: pack.rounding) } ?? ResultWords.void
    }

    /// The grade as the results write it: the grade, 不定等次, or 无效.
    func gradeText(_ row: ReportData.Row) -> String {
      row.voidReason != nil ? ResultWords.void : row.grade ?? ResultWords.noGrade
    }

    func name(_ row: ReportData.Row) -> String { redact && !keepsNames ? NameMask.mask(row.name) : row.name }

    func header() -> String {
      var text = "<div class=\"h\">"
      for column in columns {
        text += column.isNumeric ? "<span class=\"n\">" : "<span>"
        text += column == .notes && !pack.hasCohort ? "一票否决" : column.title
        text += "</span>"
      }
      return text + "</div>"
    }

    /// The row's data attributes: what a script (a check of the page against `pbk evaluate`) reads without parsing
    /// the cells.
    func attributes(_ row: ReportData.Row) -> String {
      var text = ""
      if !redact {
        text += " " + htmlAttribute("data-id", row.id)
        text += " " + htmlAttribute("data-total", totalText(row))
      }
      if !pack.grades.isEmpty { text += " " + htmlAttribute("data-grade", gradeText(row)) }
      if pack.hasStars, let stars = row.stars { text += " data-stars=\"\(stars)\"" }
      if pack.hasCohort, let rank = row.rank { text += " data-rank=\"\(rank)\"" }
      return text
    }

    func cells(_ row: ReportData.Row) -> String {
      var text = ""
      for column in columns {
        switch column {
        case .id: text += "<span>" + HTMLText.escape(row.id) + "</span>"
        case .name: text += "<span>" + HTMLText.escape(name(row)) + "</span>"
        case .total: text += "<span class=\"n\">" + HTMLText.escape(totalText(row)) + "</span>"
        case .grade: text += "<span>" + HTMLText.escape(gradeText(row)) + "</span>"
        case .stars: text += "<span>" + (row.stars.map { "\($0) 星" } ?? "") + "</span>"
        case .rank:
          let rank = row.rank.map { redact ? "\($0)" : "\($0)/\(row.cohortSize ?? 0)" } ?? ResultWords.notRanked
          text += "<span class=\"n\">" + rank + "</span>"
        case .labels: text += "<span>" + HTMLText.escape(row.labels.map(\.label).joined(separator: "；")) + "</span>"
        case .notes:
          // Vetoes by name (their effects are in the vetoes' table and the explanation), in red with a void result;
          // an empty last cell is left out.
          var parts = row.vetoes.map(\.label)
          if let reason = row.voidReason { parts.append(ResultWords.void + "：" + reason) }
          let red = !parts.isEmpty
          parts += row.quotaMoves
          if !parts.isEmpty {
            text += (red ? "<span class=\"x\">" : "<span>") + HTMLText.escape(parts.joined(separator: "；")) + "</span>"
          }
        }
      }
      return text
    }

    /// A subject's row: a `<details>` whose summary is the row and whose body is the explanation, or a plain row.
    func row(_ row: ReportData.Row) -> String {
      if let explanation = row.explanation, !redact {
        return
          "<details class=\"r\"\(attributes(row))><summary>\(cells(row))</summary><pre>\(HTMLText.escape(explanation))</pre></details>\n"
      }
      return "<div class=\"r\"\(attributes(row))>\(cells(row))</div>\n"
    }

    /// A list of subjects: the header row, then the rows in chunks.
    func list(_ rows: [ReportData.Row], write: (String) -> Void) {
      let tracks = columns.map(\.track).joined(separator: " ")
      write("<div class=\"L\" style=\"--c:\(tracks)\">\n" + header() + "\n")
      var start = 0
      while start < rows.count {
        let end = min(rows.count, start + chunkSize)
        var text = "<div class=\"k\">\n"
        for item in rows[start..<end] { text += row(item) }
        write(text + "</div>\n")
        start = end
      }
      write("</div>\n")
    }
  }
}

/// The words results use where a total, a grade or a rank would be: the library's, as `pbk evaluate` writes them.
enum ResultWords {
  static let void = RulePack.wordForVoid
  static let noGrade = RulePack.wordForNoGrade
  static let notRanked = RulePack.wordForNotRanked
}
