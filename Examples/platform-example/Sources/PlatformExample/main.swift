// What a platform does with PartyBuildingKit, end to end, using only its public API:
//  1. a pack library loaded from a folder, with the platform's own host function registered;
//  2. the pack in force for a subject kind on a day, read through its public model (a 评分细则 and an input form);
//  3. a batch scored asynchronously, in input order, from records in memory;
//  4. results stored as JSON with the standard coders (Codable) and read back equal;
//  5. a pack changed in Swift (a new threshold) and compiled like a file;
//  6. the hot loop for millions of subjects: inputs set by handle, grade and vetoes by id.
import Foundation
import PartyBuildingKit

@main
struct PlatformExample {
  static func main() async throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let packs = root.appendingPathComponent("RulePacks").path

    // 1. The platform's own function: 学习强国积分 folded by its yearly table (one point per 1,500, at most 20).
    let studyPoints = HostFunction.number("学习积分折算", arguments: [.number]) { arguments in
      min(try arguments.number(0).dividing(by: 1500).rounded(places: 1, rule: .down), 20)
    }
    let library = try PackLibrary.load(folder: packs, functions: [studyPoints])
    print("pack library: \(library.packs.count) packs")

    // 2. The pack in force for 书记 on a day, and its model.
    // (The shipped examples are all written for 书记 too, so the kind alone does not pick one: ask by id and day.)
    print("packs for 书记 on 2025-06-30: \(library.packs(for: "书记", on: "2025-06-30").count)")
    guard let dazhou = library.pack(id: "dazhou-secretary", on: "2025-06-30") else {
      fatalError("dazhou-secretary is not in force on 2025-06-30")
    }
    let model = dazhou.model
    print("\(model.title) \(model.version): \(model.components.count) components")
    for component in model.components {
      let weight = component.weight.map { "\($0)" } ?? "1"
      let rules = (component.sections ?? []).reduce(0) { $0 + ($1.rules?.count ?? 0) }
      print("  \(component.label ?? component.id) × \(weight): \(rules) rules")
    }
    let form = model.inputs.map { input in
      "\(input.label ?? input.id)[\(input.type.rawValue)\(input.required == true ? ", 必填" : "")]"
    }
    print("input form: \(form.prefix(3).joined(separator: " ")) …")

    // 3. Async batches: the sample CSV from memory, and the platform's own subjects (built here from the input form:
    //    each number at a point of its range), with results in input order and rejected rows with their place.
    let csv = try String(contentsOfFile: root.appendingPathComponent("Examples/data/dazhou.csv").path, encoding: .utf8)
    let evaluator = BatchEvaluator(pack: dazhou)
    var fromCSV = 0
    for try await outcome in evaluator.results(.bytes(Array(csv.utf8), format: .csv, name: "dazhou.csv")) {
      if case .success = outcome { fromCSV += 1 }
    }
    print("sample CSV: \(fromCSV) scored")
    let subjects: [AssessmentInput] = (0..<200).map { index in
      var values: [String: InputValue] = [:]
      for input in model.inputs where input.required == true {
        switch input.type {
        case .number, .integer:
          let low = input.min ?? 0
          let high = input.max ?? 100
          let span = (try? high.subtracting(low)) ?? 0
          let share = ExactDecimal(significand: Int64((index * 37 + input.id.count * 11) % 101), scale: 2)
          let raw = (try? low.adding(span.multiplying(by: share))) ?? low
          values[input.id] = .number(raw.rounded(places: input.type == .integer ? 0 : 1, rule: .down))
        case .boolean: values[input.id] = .boolean(index % 17 == 0)
        case .choice: values[input.id] = .text(input.choices?.first ?? "")
        }
      }
      return AssessmentInput(subject: Subject(id: "书记-\(index + 1)", name: "书记\(index + 1)"), values: values)
    }
    var assessments: [Assessment] = []
    var rejected = 0
    for try await outcome in evaluator.results(of: subjects) {
      switch outcome {
      case .success(let assessment): assessments.append(assessment)
      case .failure(let error):
        rejected += 1
        if rejected <= 3 { print("  rejected: \(error.message)") }
      }
    }
    print("platform subjects: scored \(assessments.count), rejected \(rejected)")

    // 4. Stored with the standard coders and read back equal (decimals as their exact digits).
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let stored = try encoder.encode(assessments)
    let restored = try JSONDecoder().decode([Assessment].self, from: stored)
    precondition(restored == assessments, "results changed through JSON")
    if let first = assessments.first {
      print("\(first.subject.name.isEmpty ? first.subject.id : first.subject.name): \(first.total) \(first.grade ?? "不定等次")")
    }

    // The host function at work: the example pack that calls it, with the call in the explanation.
    if let hosted = library.pack(id: "example-host-functions") {
      let input = AssessmentInput(
        subject: Subject(id: "党员-1", name: "李华"),
        values: [
          "学习强国积分": .number(12000), "评议1": .number(92), "评议2": .number(88), "评议3": .number(95),
          "评议4": .number(70), "评议5": .number(90), "志愿服务": .number(8),
        ])
      let result = try hosted.assess(input, explain: true)
      let call = result.trace.first { $0.kind == .function }?.message ?? "no call"
      print("host function: \(call); total \(result.total) \(result.grade ?? "")")
    }

    // 5. A new threshold, compiled from the changed model like a file.
    var stricter = model
    if var bands = stricter.grades?.bands, bands.count > 1 {
      bands[0].min = try bands[0].min.adding(5)
      bands[1].below = bands[0].min  // the next band reaches up to the new line, or the loader reports the gap
      stricter.grades?.bands = bands
    }
    stricter.version += "-stricter"
    let revised = try RulePack.compile(stricter, name: "dazhou-stricter")
    let byID = Dictionary(uniqueKeysWithValues: subjects.map { ($0.subject.id, $0) })
    let changed = try assessments.filter { assessment in
      try revised.assess(byID[assessment.subject.id]!).grade != assessment.grade
    }.count
    print("a stricter top band changes the grade of \(changed) of \(assessments.count)")

    // 6. The hot loop: one scorer per thread, inputs by handle, results by id.
    let scorer = PackScorer(pack: dazhou)
    let handles = try model.inputs.map { try dazhou.input($0.id) }
    var best = ExactDecimal.zero
    for assessment in assessments {
      let values = byID[assessment.subject.id]!.values
      for (handle, input) in zip(handles, model.inputs) {
        if let value = values[input.id] { try scorer.set(handle, value) }
      }
      try scorer.score(subject: assessment.subject)
      best = max(best, scorer.total)
      precondition(scorer.total == assessment.total, "the scorer and the batch disagree")
    }
    print("highest total \(best); all \(assessments.count) agree with the batch")
  }
}
