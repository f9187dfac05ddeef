// Fuzz target `pack`: bytes → RulePack.load(bytes:file:). A pack that does not load must give at least one problem,
// each located (line and column), worded from a lowercase word, and none an internal "report it as a bug". A pack
// that loads runs its embedded tests, then scores one subject made of every test's inputs — explained, ranked, with
// what it takes, and through a PackScorer — so the evaluation paths run too. Build and run with Scripts/fuzz.sh.
@testable import PartyBuildingKit

/// Stops with the message (kept in optimised builds, unlike precondition's) when a property does not hold.
func require(_ condition: Bool, _ message: @autoclosure () -> String) {
  if !condition { fatalError(message()) }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPack(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let bytes = [UInt8](UnsafeRawBufferPointer(start: start, count: count))
  let pack: RulePack
  do {
    pack = try RulePack.load(bytes: bytes, file: "fuzz.json")
  } catch {
    // Every problem must be located and worded; an empty list would leave the user with nothing to fix.
    require(!error.problems.isEmpty, "a pack failed to load without a problem")
    for problem in error.problems {
      // Each problem names its line and column (inputs here are far below the size limit, the one exception).
      require(problem.location != nil, "a problem without a place: \(problem)")
      // "Please report it as a bug": a check that could not run, or a part left unknown without a problem.
      require(!problem.message.contains("as a bug"), "an internal problem: \(problem)")
      // Messages start lowercase, or with a name written in capitals (JSON, COUNT, IF…).
      let firstWord = problem.message.prefix { $0 != " " && $0 != "(" }
      require(
        !(firstWord.first.map { ("A"..."Z").contains($0) } ?? false) || firstWord.allSatisfy { $0.isUppercase },
        "a message that starts with a capital: \(problem)")
    }
    _ = error.description
    return 0
  }
  _ = pack.runTests()
  // One subject with every input any test gives (the first test to give an input wins).
  let known = Set(pack.info.inputs.map(\.id))
  var values: [String: InputValue] = [:]
  for testCase in pack.tests {
    for (id, value) in testCase.inputs where known.contains(id) && values[id] == nil { values[id] = value }
    for member in testCase.members {
      for (id, value) in member.inputs where known.contains(id) && values[id] == nil { values[id] = value }
    }
  }
  let input = AssessmentInput(subject: Subject(id: "FUZZ", name: "fuzz"), values: values)
  if (try? pack.assess(input, explain: true)) != nil {
    // The cohort stage over two subjects (a repeated id is the second's own subject here).
    var other = input
    other.subject.id = "FUZZ2"
    _ = pack.assessCohort([input, other], explain: false)
    _ = try? pack.whatItTakes(for: input)
  }
  // The batch path: the same facts as slot values into a scorer.
  do {
    let scorer = PackScorer(pack: pack)
    for (index, declaration) in pack.info.inputs.enumerated() {
      if let value = values[declaration.id], case .success(let slot) = pack.slotValue(value, forInput: index) {
        scorer.setInput(index, slot)
      }
    }
    if (try? scorer.score(subject: Subject(id: "FUZZ"))) != nil { _ = scorer.total }
  }
  return 0
}
