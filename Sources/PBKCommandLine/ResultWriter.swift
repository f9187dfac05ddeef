import PartyBuildingKit

/// Writes assessments as a table, CSV (UTF-8 with BOM, CRLF: opens cleanly in Excel) or JSON, one at a time.
///
/// The formatting methods (`fields`, `json`, `formatted`) read only what never changes and may run on any thread;
/// the writing methods belong to one thread.
final class ResultWriter: @unchecked Sendable {
  let pack: RulePack
  let format: PBK.Format
  let sink: TextSink
  var count = 0
  /// Table rows are buffered to size the columns.
  var rows: [[String]] = []

  init(pack: RulePack, format: PBK.Format, sink: TextSink) {
    self.pack = pack
    self.format = format
    self.sink = sink
  }

  var hasGrades: Bool { !pack.grades.isEmpty }
  var hasStars: Bool { pack.hasStars }
  var hasCohort: Bool { pack.hasCohort }

  var header: [String] {
    var columns = ["编号", "名称", "考核期", "总分"]
    columns += pack.componentLabels
    if hasGrades { columns.append("等次") }
    if hasStars { columns.append("星级") }
    columns += ["一票否决", "后果"]
    if hasCohort { columns += ["排名", "参评数", "标签", "名额调整"] }
    if pack.canBeVoid { columns.append("无效原因") }
    if pack.findsWhatItTakes { columns.append("升档所需") }
    return columns
  }

  func fields(_ assessment: Assessment) -> [String] {
    var fields = [
      assessment.subject.id, assessment.subject.name, assessment.period?.label ?? "",
      assessment.voidReason == nil ? assessment.total.formatted(places: pack.precision, rule: pack.rounding) : "无效",
    ]
    fields += assessment.components.map {
      assessment.voidReason != nil ? "" : $0.notApplicable ? "不适用" : $0.score.description
    }
    if hasGrades { fields.append(assessment.grade ?? (assessment.voidReason == nil ? "不定等次" : "无效")) }
    if hasStars { fields.append(assessment.stars.map(String.init) ?? "") }
    fields.append(assessment.vetoes.map { "\($0.label)（\($0.effect)）" }.joined(separator: "；"))
    fields.append(assessment.consequences.map(\.label).joined(separator: "；"))
    if hasCohort { fields += cohortFields(assessment) }
    if pack.canBeVoid { fields.append(assessment.voidReason ?? "") }
    if pack.findsWhatItTakes { fields.append(assessment.whatItTakes?.summary ?? "") }
    return fields
  }

  func begin() {
    switch format {
    case .csv:
      sink.write(CSVWriter.byteOrderMark)
      sink.write(CSVWriter.row(header))
    case .json: sink.write("[")
    case .table: break
    }
  }

  func write(_ assessment: Assessment) {
    defer { count += 1 }
    switch format {
    case .csv: sink.write(CSVWriter.row(fields(assessment)))
    case .table: rows.append(fields(assessment))
    case .json: sink.write((count == 0 ? "\n" : ",\n") + json(assessment))
    }
  }

  /// An assessment as the text of one CSV row or one JSON object (for formatting on worker threads).
  func formatted(_ assessment: Assessment) -> String {
    format == .json ? json(assessment) : CSVWriter.row(fields(assessment))
  }

  /// Writes text made by ``formatted(_:)``, in order.
  func writeFormatted(_ text: String) {
    defer { count += 1 }
    switch format {
    case .csv: sink.write(text)
    case .json: sink.write((count == 0 ? "\n" : ",\n") + text)
    case .table: preconditionFailure("tables are written with write(_:)")
    }
  }

  func end() {
    switch format {
    case .csv: break
    case .json: sink.write(count == 0 ? "]\n" : "\n]\n")
    case .table:
      let all = [header] + rows
      var widths = [Int](repeating: 0, count: header.count)
      for row in all { for (index, field) in row.enumerated() { widths[index] = max(widths[index], TextWidth.of(field)) } }
      let numeric = Set([3] + Array(4..<(4 + pack.componentLabels.count)))
      for (rowIndex, row) in all.enumerated() {
        let line = row.enumerated().map { index, field in
          TextWidth.pad(field, to: widths[index], alignRight: numeric.contains(index) && rowIndex > 0)
        }.joined(separator: "  ")
        sink.write(line.replacing(/\s+$/, with: "") + "\n")
        if rowIndex == 0 {
          sink.write(widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n")
        }
      }
    }
  }

  func json(_ assessment: Assessment) -> String {
    func quoted(_ text: String) -> String { JSONText.quoted(text) }
    var parts = [
      "\"id\":\(quoted(assessment.subject.id))", "\"name\":\(quoted(assessment.subject.name))",
    ]
    if !assessment.subject.kind.isEmpty { parts.append("\"kind\":\(quoted(assessment.subject.kind))") }
    if let period = assessment.period { parts.append("\"period\":\(quoted(period.label))") }
    if let reason = assessment.voidReason {
      parts.append("\"total\":null,\"void\":\(quoted(reason))")
    } else {
      parts.append("\"total\":\(assessment.total.formatted(places: pack.precision, rule: pack.rounding))")
    }
    let components = assessment.components.map {
      "{\"id\":\(quoted($0.id)),\"label\":\(quoted($0.label)),\"score\":\($0.score),\"weight\":\($0.weight),\"weighted\":\($0.weighted)}"
    }
    parts.append("\"components\":[\(components.joined(separator: ","))]")
    let sections = assessment.sections.map {
      "{\"id\":\(quoted($0.id)),\"label\":\(quoted($0.label)),\"score\":\($0.score),\"fullMarks\":\($0.fullMarks)}"
    }
    parts.append("\"sections\":[\(sections.joined(separator: ","))]")
    if hasGrades { parts.append("\"grade\":\(assessment.grade.map(quoted) ?? "null")") }
    if hasStars {
      parts.append("\"stars\":\(assessment.stars.map(String.init) ?? "null")")
      parts.append("\"starItems\":[\(assessment.starItems.map(quoted).joined(separator: ","))]")
    }
    let vetoes = assessment.vetoes.map { "{\"id\":\(quoted($0.id)),\"label\":\(quoted($0.label)),\"effect\":\(quoted($0.effect))}" }
    parts.append("\"vetoes\":[\(vetoes.joined(separator: ","))]")
    let consequences = assessment.consequences.map {
      "{\"id\":\(quoted($0.id)),\"label\":\(quoted($0.label)),\"reason\":\(quoted($0.reason))}"
    }
    parts.append("\"consequences\":[\(consequences.joined(separator: ","))]")
    if hasCohort { parts += cohortJSON(assessment) }
    if pack.findsWhatItTakes {
      let lifts = (assessment.whatItTakes?.toGrade ?? []) + (assessment.whatItTakes?.toStars ?? [])
      let items = lifts.map {
        "{\"input\":\(quoted($0.inputID)),\"from\":\($0.from),\"to\":\($0.to),\"change\":\($0.change),\"target\":\(quoted($0.target)),\"exhaustive\":\($0.exhaustive)}"
      }
      parts.append("\"whatItTakes\":[\(items.joined(separator: ","))]")
    }
    return "{" + parts.joined(separator: ",") + "}"
  }
}
