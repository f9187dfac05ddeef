// Fuzz target `xlsx`: bytes → the workbook reader (ZIP container, DEFLATE, shared strings, sheet XML, header row,
// document properties), with limits small enough for a fuzzer's memory. A damaged or hostile workbook must give an
// ExcelError, never a crash, a hang or unbounded memory. Build and run with Scripts/fuzz.sh.
@testable import PartyBuildingKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWorkbook(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  fuzzXLSX(UnsafeRawBufferPointer(start: start, count: count))
  return 0
}
