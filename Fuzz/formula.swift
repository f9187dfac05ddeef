// Fuzz target `formula`: bytes → a formula compiled against a small fixed scope, then evaluated on a few slot
// vectors. Checks that a value computed from inputs inside their ranges lies inside Formula.bounds(), which the
// pack loader relies on. Build and run with Scripts/fuzz.sh.
@testable import PartyBuildingKit

/// Stops with the message (kept in optimised builds, unlike precondition's) when a property does not hold.
func require(_ condition: Bool, _ message: @autoclosure () -> String) {
  if !condition { fatalError(message()) }
}

/// score: number 0…100; x: number without a range; n: integer 0…10; flag: boolean; kind: choice;
/// [村(社区)得分]: number −5…5 (a bracketed name); total: number 0…104.
let fuzzSymbols = [
  FormulaSymbol(name: "score", type: .number, slot: 0, range: 0...100),
  FormulaSymbol(name: "x", type: .number, slot: 1),
  FormulaSymbol(name: "n", type: .number, slot: 2, range: 0...10),
  FormulaSymbol(name: "flag", type: .boolean, slot: 3, range: 0...1),
  FormulaSymbol(name: "kind", type: .text, slot: 4, range: 0...2, choices: ["一类", "二类", "三类"]),
  FormulaSymbol(name: "村(社区)得分", type: .number, slot: 5, range: -5...5),
  FormulaSymbol(name: "total", type: .number, slot: 6, range: 0...104),
]
let fuzzScope = FormulaScope(fuzzSymbols)

/// Slot vectors: the ends of every range, and values inside them (x takes large and negative values).
let fuzzVectors: [[ExactDecimal]] = [
  ["0", "0", "0", "0", "0", "-5", "0"],
  ["100", "0", "10", "1", "2", "5", "104"],
  ["85.5", "1", "3", "1", "1", "0", "89.995"],
  ["59.99", "-12.125", "7", "0", "0", "-0.001", "60"],
  ["33.333333333333", "999999999.999999", "1", "1", "2", "4.5", "100"],
  ["0.000000000001", "-9000000000", "10", "0", "1", "-5", "0.5"],
].map { $0.map { ExactDecimal($0)! } }

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFormula(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let buffer = UnsafeRawBufferPointer(start: start, count: count)
  guard let selector = buffer.first else { return 0 }
  // The first byte picks the expected type; the rest is the formula's text.
  let expecting: FormulaType? = [nil, .number, .boolean, .text][Int(selector % 4)]
  let text = String(decoding: buffer.dropFirst(), as: UTF8.self)
  let formula: Formula
  switch Formula.compile(text, in: fuzzScope, expecting: expecting) {
  case .failure(let diagnostics):
    require(!diagnostics.isEmpty, "a formula failed without a diagnostic")
    let scalarCount = text.unicodeScalars.count
    for diagnostic in diagnostics {
      require(diagnostic.offset >= 0 && diagnostic.length >= 0, "a diagnostic outside the formula")
      require(diagnostic.offset + diagnostic.length <= scalarCount + 1, "a diagnostic past the formula's end")
    }
    return 0
  case .success(let compiled): formula = compiled
  }
  if let expecting { require(formula.type == expecting, "the formula's type is not the one asked for") }
  let bounds = formula.bounds()
  if let lower = bounds.lower, let upper = bounds.upper {
    require(lower <= upper, "\(text): bounds \(lower)…\(upper) out of order")
  }
  for (index, vector) in fuzzVectors.enumerated() {
    let result: ExactDecimal
    do {
      result = try formula.evaluate(vector)
    } catch {
      _ = error.message
      continue
    }
    if let constant = formula.constantValue { require(result == constant, "a folded constant differs from its value") }
    // Every vector keeps each ranged name inside its range, so the result must lie inside the bounds.
    if let lower = bounds.lower {
      require(result >= lower, "vector \(index): \(text) = \(result), below its lower bound \(lower)")
    }
    if let upper = bounds.upper {
      require(result <= upper, "vector \(index): \(text) = \(result), above its upper bound \(upper)")
    }
    switch formula.type {
    case .boolean: require(result == 0 || result == 1, "a condition gave \(result)")
    case .text:
      if let choices = formula.choices {
        require(result.intValue.map { (0..<choices.count).contains($0) } == true, "a text index \(result) outside its choices")
      }
    case .number: break
    }
  }
  return 0
}
