/// Rows of result cells written as a one-sheet workbook: scores as numbers shown at their places, anything that would
/// need more than 15 significant digits (which Excel cannot hold exactly) as text.
package struct XLSXSheetWriter {
  var writer: XLSXWriter

  package init(sheetName: String, title: String, custom: [XLSXCustomProperty] = []) throws(ExcelError) {
    writer = try XLSXWriter(
      sheetName: sheetName,
      properties: XLSXDocumentProperties(title: title, creator: "PartyBuildingKit pbk", custom: custom))  // not a message
  }

  package mutating func append(_ cells: [ResultCell]) throws(ExcelError) {
    try writer.appendRow(cells.map(Self.cell))
  }

  package func bytes() throws(ExcelError) -> [UInt8] { try writer.write() }

  /// The custom document properties (`docProps/custom.xml`) the workbook is written with; set any time before
  /// ``bytes()``.
  package var custom: [XLSXCustomProperty] {
    get { writer.properties.custom }
    set { writer.properties.custom = newValue }
  }

  /// A result cell as a sheet cell.
  static func cell(_ cell: ResultCell) -> XLSXWriter.Cell {
    switch cell {
    case .text(let text): return .text(text)
    case .empty: return .empty
    case .integer(let value):
      return String(value.magnitude).count > 15 ? .text(String(value)) : .number(String(value), places: 0)
    case .number(let value, let places):
      let text = places.map { value.formatted(places: $0) } ?? value.description
      let digits = text.drop { $0 == "-" || $0 == "0" || $0 == "." }.filter(\.isNumber).count
      guard digits <= 15, (places ?? 0) <= XLSXWriter.maxPlaces, value.scale <= XLSXWriter.maxPlaces || places != nil else {
        return .text(text)
      }
      return .number(text, places: places)
    }
  }
}
