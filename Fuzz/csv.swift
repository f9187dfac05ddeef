// Fuzz target `csv`: bytes → the CSV lane. The tokenizer reads them whole and in blocks of several sizes (every cut
// must give the same records and the same located problems); every field is converted as a number, integer,
// boolean and choice input (within their ranges, or refused); and a batch scores them with a small pack from
// memory, where every record must end as a result or a rejected row (read = assessed + rejected). Build and run
// with Scripts/fuzz.sh.
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

let fuzzPack = try! RulePack.load(
  json: #"""
    {"formatVersion": 1, "id": "fuzz", "version": "1", "title": "fuzz", "source": {"document": "fuzz"},
     "fullMarks": 100,
     "inputs": [{"id": "score", "type": "number", "min": 0, "max": 100, "required": true},
                {"id": "count", "type": "integer", "min": 0, "max": 10, "default": 0}],
     "components": [{"id": "c", "weight": 1, "sections": [{"id": "s", "fullMarks": 100, "startsAt": "full", "rules": [
        {"label": "each", "kind": "deductEach", "count": "count", "points": 2}]}]}]}
    """#)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let bytes = [UInt8](UnsafeRawBufferPointer(start: start, count: count))
  let tokenizer = CSVTokenizer(maxRecordBytes: 4096)
  let whole = tokenizer.readAll(bytes)
  let selector = bytes.first.map { Int($0) } ?? 0
  for blockSize in [1 + selector % 7, 64 + selector % 61] {
    let blocks = tokenizer.readAll(bytes, blockSize: blockSize)
    require(blocks == whole, "block size \(blockSize) reads other records: \(blocks.prefix(3)) vs \(whole.prefix(3))")
  }
  // Conversion is per field and independent of the others: the first fields keep a run fast.
  for case .record(let cells, _) in whole.prefix(16) {
    for field in cells.prefix(4) {
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
  // The whole lane, from memory: every record accounted for.
  var options = BatchOptions()
  options.threads = 1
  options.blockSize = 64 + selector % 200
  var results = 0
  var rejected = 0
  do {
    let summary = try BatchEvaluator(pack: fuzzPack, options: options).assessments(
      from: .bytes(bytes, format: .csv, name: "fuzz.csv")
    ) { outcome in
      switch outcome {
      case .success: results += 1
      case .failure(let error): rejected += 1; _ = error.message
      }
    }
    require(summary.counts.assessed == results, "assessed \(summary.counts.assessed), handed out \(results)")
    require(summary.counts.rejected == rejected, "rejected \(summary.counts.rejected), handed out \(rejected)")
    require(
      summary.counts.read == summary.counts.assessed + summary.counts.rejected,
      "read \(summary.counts.read) ≠ assessed \(summary.counts.assessed) + rejected \(summary.counts.rejected)")
  } catch {
    // A file the lane refuses as a whole (no header, a header without an id column…) is a located error.
    _ = "\(error)"
  }
  return 0
}
