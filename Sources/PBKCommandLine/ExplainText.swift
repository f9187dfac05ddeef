import PartyBuildingKit

/// The text `pbk explain` prints for one subject: the pack, the subject, its trace and what it takes.
enum ExplainText {
  /// The explanation of `assessment` (already ranked when the pack has a cohort stage).
  static func render(
    pack: RulePack, subject: Subject, place: String, assessment: Assessment, whatItTakes: WhatItTakes?
  ) -> String {
    var text = "\(pack.metadata.title)（\(pack.metadata.id) \(pack.metadata.version)）\n"
    let name = subject.name.isEmpty ? "" : "\(subject.name) "
    text += "\(name)(\(subject.id))  \(place)\n\n"
    for line in TraceFormatter.lines(assessment) { text += line + "\n" }
    if let lifts = whatItTakes {
      text += "\n升档所需 what it takes（单项输入的最小变化，逐一验证）\n"
      for (target, found) in [(lifts.nextGrade, lifts.toGrade), (lifts.nextStars.map { "\($0) 星" }, lifts.toStars)] {
        guard let target else { continue }
        if found.isEmpty { text += "  升为\(target)：没有单项输入的变化能做到\n" }
        for lift in found.prefix(5) { text += "  \(lift.description)（\(lift.from) → \(lift.to)）\n" }
      }
    }
    return text
  }

  /// The explanation of every subject of the pack's embedded test cases (a cohort case's members ranked together),
  /// or the error each rejected one gets: the text the golden files hold.
  static func forTestCases(of pack: RulePack, file: String) -> String {
    var text = ""
    for testCase in pack.tests {
      text += "=== \(testCase.name)\n"
      if testCase.members.isEmpty, case .failure(let error) = testCase.assessmentInput {
        text += "\(testCase.subject.id): error: \(error.message)\n\n"
        continue
      }
      let inputs =
        testCase.members.isEmpty
        ? [(try? testCase.assessmentInput.get()) ?? testCase.input]
        : testCase.members.map(\.input)
      // A case's previous result is read as a results file's row would be (PreviousTable).
      let previous = pack.previousResults(of: testCase)
      pack.withHostResults(of: testCase) {
        let results =
          pack.hasCohort
          ? pack.assessCohort(inputs, explain: true).results
          : inputs.map { input in
            Result { () throws(AssessmentError) in
              if let previous { return try pack.assess(input, previous: previous, explain: true) }
              return try pack.assess(input, explain: true)
            }
          }
        for (input, result) in zip(inputs, results) {
          switch result {
          case .failure(let error): text += "\(input.subject.id): error: \(error.message)\n\n"
          case .success(let assessment):
            var lifts = (try? pack.whatItTakes(for: input)) ?? nil
            if let previous {
              var lifting = pack
              lifting.findsWhatItTakes = true
              lifts = (try? lifting.assess(input, previous: previous, explain: false))?.whatItTakes
            }
            text += render(
              pack: pack, subject: input.subject, place: "\(file):\(testCase.location.line)", assessment: assessment,
              whatItTakes: lifts)
            text += "\n"
          }
        }
      }
    }
    return text
  }
}
