/// The entry point for fuzzing the workbook reader: any bytes, never a crash.
///
/// Opens the bytes as a workbook with limits small enough for a fuzzer's memory (64 MiB unpacked), lists its
/// sheets, reads every row of the default sheet (continuing past problems with single cells), looks for a header
/// row, and reads the document properties. Every failure is an ``ExcelError``, which is ignored here; a trap, a
/// hang or unbounded memory would be a bug.
package func fuzzXLSX(_ data: UnsafeRawBufferPointer) {
  let bytes = [UInt8](data)
  let limits = ZipLimits(maxTotalUncompressed: 64 << 20, maxRatio: ZipLimits.standard.maxRatio)
  guard let workbook = try? XLSXWorkbook(bytes: bytes, limits: limits) else { return }
  _ = try? workbook.documentProperties()
  _ = try? workbook.headerRow(expecting: ["id", "编号"])
  guard var reader = try? workbook.rows(ofSheetNamed: nil) else { return }
  var rows = 0
  while !reader.isFinished {
    do {
      guard let row = try reader.nextRow() else { break }
      rows += row.cells.count
      for index in row.cells.indices { _ = row.reference(ofCellAt: index).description }
    } catch {
      _ = error.message
    }
  }
  _ = rows
}
