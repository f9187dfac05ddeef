// Fuzz target `csv`: bytes → CSVReader read to the end, once from memory whole and once in tiny chunks (both must give
// the same records and the same error), and every field converted as a number, integer, boolean and choice input.
// RecordReader opens files only (a file per run would be slower than the reading itself), so the record layer above
// CSVReader is covered through InputCoercion, the conversion every reader shares. Build and run with Scripts/fuzz.sh.
@testable import PartyBuildingKit

/// Stops with the message (kept in optimised builds, unlike precondition's) when a property does not hold.
func require(_ condition: Bool, _ message: @autoclosure () -> String) {
  if !condition { fatalError(message()) }
}

let fuzzDeclarations = [
  InputDeclaration(id: "score", label: "得分", type: .number, minimum: 0, maximum: 100),
  InputDeclaration(id: "count", label: "次数", type: .integer, minimum: 0, maximum: 10),
  InputDeclaration(id: "flag", label: "是否", type: .boolean),
  InputDeclaration(id: "kind", label: "类别", type: .choice, choices: ["一类", "二类", "三类"]),
]

func readAll(_ reader: inout CSVReader) -> (records: [CSVRecord], error: CSVError?) {
  var records: [CSVRecord] = []
  do {
    while let record = try reader.next() {
      records.append(record)
      if records.count > 100_000 { break }
    }
    return (records, nil)
  } catch {
    return (records, error)
  }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let bytes = [UInt8](UnsafeRawBufferPointer(start: start, count: count))
  var whole = CSVReader(bytes: bytes)
  let first = readAll(&whole)
  // Tiny chunks put a boundary everywhere; the test source hands out one chunk per read and the reader rescans a
  // record after each, so longer inputs take larger chunks to keep a run fast.
  let selector = bytes.first.map { Int($0) } ?? 0
  let chunkSize = bytes.count < 512 ? 1 + selector % 7 : 64 + selector % 61
  var chunked = CSVReader(source: CSVChunkedMemorySource(bytes: bytes, chunkSize: chunkSize), chunkSize: chunkSize)
  let second = readAll(&chunked)
  require(first.records == second.records, "chunk size \(chunkSize) reads other records")
  require(first.error == second.error, "chunk size \(chunkSize) gives another error: \(String(describing: first.error)) vs \(String(describing: second.error))")
  if let error = first.error { _ = error.description }
  // Conversion is per field and independent of the others: the first 64 fields keep a run fast.
  for record in first.records.prefix(16) {
    for field in record.fields.prefix(4) {
      for declaration in fuzzDeclarations {
        switch InputCoercion.slotValue(.text(field), for: declaration) {
        case .success(let value):
          if let low = declaration.minimum { require(value >= low, "\(field) accepted below the minimum") }
          if let high = declaration.maximum { require(value <= high, "\(field) accepted above the maximum") }
        case .failure(let problem): _ = problem.message
        }
      }
    }
  }
  return 0
}
