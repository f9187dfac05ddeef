import PartyBuildingKit

/// Results written as an .xlsx workbook: the same columns as CSV, scores as numbers at their shown places (a value
/// that would need more than 15 significant digits, which Excel cannot show exactly, as text).
struct SheetOutput {
  var writer: XLSXSheetWriter

  init(title: String) throws {
    writer = try XLSXSheetWriter(sheetName: "结果", title: title)
  }

  mutating func append(_ cells: [ResultCell]) throws { try writer.append(cells) }

  /// The workbook's custom document properties: the run's provenance, known only once every row is scored.
  var custom: [XLSXCustomProperty] {
    get { writer.custom }
    set { writer.custom = newValue }
  }

  func write(to sink: TextSink) throws {
    let bytes = try writer.bytes()
    bytes.withUnsafeBufferPointer { sink.write(bytes: $0) }
  }
}

/// The rejected rows, written beside the results in their format (`--errors`): so that rows read = results + rejected
/// rows can be checked from the files alone.
final class RejectedRows {
  let format: PBK.Format
  let sink: TextSink?
  private var sheet: XLSXSheetWriter?
  /// How many rejected rows were written.
  private(set) var count = 0
  /// The custom document properties of a workbook of rejected rows: the run's provenance.
  var custom: [XLSXCustomProperty] = []
  static let header = ["行号 line", "列 column", "编号 id", "输入项 input", "错误 error"]

  init(format: PBK.Format, sink: TextSink?) {
    self.format = format
    self.sink = sink
  }

  func write(_ error: AssessmentError) {
    guard let sink else { return }
    let column = error.column.map { column in
      error.origin?.sheet != nil ? (XLSXCellReference.letters(forColumn: column) ?? String(column)) : String(column)
    } ?? ""
    // A rater form rejected on its own is a row of the forms file, not of the input: its line names the file.
    let line = error.origin.map { error.code == .rejectedForm ? "\($0.file):\($0.line)" : String($0.line) } ?? ""
    let cells = [line, column, error.subjectID ?? "", error.inputID ?? "", error.message]
    switch format {
    case .xlsx:
      if sheet == nil {
        sheet = try? XLSXSheetWriter(sheetName: "未评分", title: "rejected rows")
        try? sheet?.append(Self.header.map(ResultCell.text))
      }
      try? sheet?.append(cells.map(ResultCell.text))
    case .json, .jsonl:
      let text = (try? ExactJSONEncoder().encode(error)) ?? "null"
      sink.write(format == .json ? (count == 0 ? "[\n" : ",\n") + text : text + "\n")
    case .csv, .table:
      if count == 0 { sink.write(CSVWriter.byteOrderMark + CSVWriter.row(Self.header)) }
      sink.write(CSVWriter.row(cells))
    }
    count += 1
  }

  /// Ends the file: an empty one still says what it is (a header, an empty list, an empty sheet).
  func finish() throws {
    guard let sink else { return }
    switch format {
    case .xlsx:
      if sheet == nil {
        sheet = try XLSXSheetWriter(sheetName: "未评分", title: "rejected rows")
        try sheet?.append(Self.header.map(ResultCell.text))
      }
      sheet!.custom = custom
      let bytes = try sheet!.bytes()
      bytes.withUnsafeBufferPointer { sink.write(bytes: $0) }
    case .json: sink.write(count == 0 ? "[]\n" : "\n]\n")
    case .jsonl: break
    case .csv, .table: if count == 0 { sink.write(CSVWriter.byteOrderMark + CSVWriter.row(Self.header)) }
    }
  }
}
