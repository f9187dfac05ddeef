// Scores two 书记 with the 达州 rule pack from Swift, then explains one result line by line.
//
//   swift run dazhou-example
import PartyBuildingKit

/// The repository root, found from this file's place so the example runs from any directory.
let root = String(#filePath).split(separator: "/", omittingEmptySubsequences: false).dropLast(3).joined(separator: "/")

let pack: RulePack
do {
  pack = try RulePack.load(path: root + "/RulePacks/dazhou/pack.json")
} catch {
  print(error)
  fatalError("the 达州 pack did not load")
}

print("\(pack.metadata.title)（\(pack.metadata.id) \(pack.metadata.version)）")
print("inputs: " + pack.info.inputs.map { "\($0.label)(\($0.id))" }.joined(separator: "、"))

// Facts come from your platform's database; here they are written out. Unknown or out-of-range facts are errors.
var facts: [String: InputValue] = [:]
for input in pack.info.inputs {
  switch input.type {
  case .number, .integer:
    // A plausible value: the middle of the range, or the default.
    if let maximum = input.maximum, let minimum = input.minimum {
      facts[input.id] = .number((try? maximum.adding(minimum).dividing(by: 2))?.rounded(places: 0) ?? minimum)
    }
  case .boolean: facts[input.id] = .boolean(false)
  case .choice: facts[input.id] = .text(input.choices[0])
  }
}
let subject = Subject(id: "DZ-EX-1", name: "王书记", kind: "书记")
let evaluator = Evaluator(scheme: pack)
let (assessments, errors, counts) = evaluator.evaluate([AssessmentInput(subject: subject, values: facts)], explain: true)
print(counts)
for error in errors { print("error:", error) }
for assessment in assessments {
  print("\(assessment.subject.name): 总分 \(assessment.total)  等次 \(assessment.grade ?? "不定等次")")
  for component in assessment.components {
    print("  \(component.label) \(component.score) × \(component.weight) = \(component.weighted)")
  }
  print("why:")
  for entry in assessment.trace where entry.points != nil {
    print("  \(entry.message)")
  }
}
