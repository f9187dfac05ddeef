// Rates the sample 嘎查村 of 准格尔旗 with the "10+X" star pack, reading the shipped CSV.
//
//   swift run zhungeer-example
import PartyBuildingKit

let root = String(#filePath).split(separator: "/", omittingEmptySubsequences: false).dropLast(3).joined(separator: "/")

let pack: RulePack
do {
  pack = try RulePack.load(path: root + "/RulePacks/zhungeer/pack.json")
} catch {
  print(error)
  fatalError("the 准格尔旗 pack did not load")
}

var byStars: [Int: [String]] = [:]
// The batch reads the CSV, scores every 嘎查村, ranks them (the pack labels the bottom 5%) and hands back each result.
let summary = try BatchEvaluator(pack: pack).assessments(from: .file(root + "/Examples/data/zhungeer.csv")) { outcome in
  switch outcome {
  case .success(let assessment):
    let stars = assessment.stars ?? 0
    byStars[stars, default: []].append(assessment.subject.name)
    print(
      "\(assessment.subject.name)：\(String(repeating: "★", count: stars))\(String(repeating: "☆", count: 5 - min(5, stars)))  总分 \(assessment.total)  获星项目 \(assessment.starItems.count)\(assessment.labels.map { "  \($0.label)" }.joined())"
    )
  case .failure(let error):
    print("error:", error)
  }
}
print(summary.counts)
for stars in byStars.keys.sorted(by: >) {
  print("\(stars) 星：\(byStars[stars]!.joined(separator: "、"))")
}
