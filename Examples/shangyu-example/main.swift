// A scheme written in Swift — 上虞-style political performance (政治表现) — run through the same Evaluator and
// result types as rule packs. Use this when a scheme needs logic a rule pack cannot express; prefer a pack
// otherwise, because policy authors can read and test packs themselves.
//
//   swift run shangyu-example
import PartyBuildingKit

/// 五大类正向指标 (each rated 0–100 by assessors, averaged) minus deductions for confirmed 反向测评项.
struct PoliticalPerformanceScheme: AssessmentScheme {
  static let categories = [
    ("loyalty", "政治忠诚"), ("resolve", "政治定力"), ("responsibility", "政治担当"), ("ability", "政治能力"),
    ("discipline", "政治自律"),
  ]

  var info: SchemeInfo {
    var inputs = Self.categories.map { id, label in
      InputDeclaration(id: id, label: label, type: .number, unit: "分", minimum: 0, maximum: 100)
    }
    inputs.append(
      InputDeclaration(
        id: "negatives", label: "反向测评项（经认定）", type: .integer, unit: "项", minimum: 0, maximum: 25,
        required: false, defaultValue: .number(0)))
    return SchemeInfo(id: "shangyu-swift-example", version: "1.0.0", title: "上虞干部政治表现（Swift 示例）", inputs: inputs)
  }

  /// The `Evaluator` has checked the facts against `info.inputs` before this runs (required, ranges, whole
  /// numbers; a missing optional input given its default), so each is here, typed, and in range.
  func assess(_ input: AssessmentInput, explain: Bool) throws(AssessmentError) -> Assessment {
    var trace: [TraceEntry] = []
    var sum = ExactDecimal.zero
    for (id, label) in Self.categories {
      guard case .number(let score)? = input.values[id] else { continue }
      sum = sum + score
      trace.append(TraceEntry(kind: .award, ruleID: id, message: "\(label) +\(score) × 20%", points: score * ExactDecimal(significand: 2, scale: 1)))
    }
    // Average of five categories: exact, since dividing by 5 terminates.
    var total = (try? sum.dividing(by: 5)) ?? .zero
    var negatives = ExactDecimal.zero
    if case .number(let count)? = input.values["negatives"] { negatives = count }
    if !negatives.isZero {
      let deduction = negatives * 5
      total = max(.zero, total - deduction)
      trace.append(TraceEntry(kind: .deduction, ruleID: "negatives", message: "反向测评项 \(negatives) 项 −\(deduction)", points: deduction.negated()))
    }
    total = total.rounded(places: 2, rule: .halfUp)
    let grade = negatives >= 3 ? "较差" : total >= 90 ? "好" : total >= 75 ? "一般" : "较差"
    var consequences: [FiredConsequence] = []
    if grade == "一般" {
      consequences.append(FiredConsequence(id: "noPromotion", label: "取消年度评先评优、提拔或转任重要岗位资格", reason: "等次为一般"))
    } else if grade == "较差" {
      consequences.append(FiredConsequence(id: "adjust", label: "交流、改任非领导职务、降职、免职等调整", reason: "等次为较差"))
    }
    trace.append(TraceEntry(kind: .grade, ruleID: "grade", message: "等次：\(grade)"))
    return Assessment(
      subject: input.subject, period: input.period, schemeID: info.id, total: total, fullMarks: 100, grade: grade,
      consequences: consequences, trace: explain ? trace : [])
  }
}

let evaluator = Evaluator(scheme: PoliticalPerformanceScheme())
let inputs = [
  AssessmentInput(
    subject: Subject(id: "SY001", name: "李明", kind: "干部"),
    values: ["loyalty": .number(95), "resolve": .number(92), "responsibility": .number(88), "ability": .number(90), "discipline": .number(96)]),
  AssessmentInput(
    subject: Subject(id: "SY002", name: "赵强", kind: "干部"),
    values: ["loyalty": .number(80), "resolve": .number(ExactDecimal("78.5")!), "responsibility": .number(70), "ability": .number(82), "discipline": .number(75), "negatives": .number(1)]),
  AssessmentInput(
    subject: Subject(id: "SY003", name: "孙丽", kind: "干部"),
    values: ["loyalty": .number(120), "resolve": .number(78), "responsibility": .number(70), "ability": .number(82), "discipline": .number(75)]),
]
let (assessments, errors, counts) = evaluator.evaluate(inputs, explain: true)
for assessment in assessments {
  print("\(assessment.subject.name)：\(assessment.total) 分，\(assessment.grade ?? "不定等次")")
  for entry in assessment.trace { print("  \(entry.message)") }
  for consequence in assessment.consequences { print("  → \(consequence.label)（因\(consequence.reason)）") }
}
for error in errors { print("rejected:", error) }
print(counts)
