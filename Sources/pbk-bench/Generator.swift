import PartyBuildingKit
import SeededRandom

/// Makes synthetic subjects for any pack from its input declarations: plausible values within every input's range.
///
/// Numbers get one decimal place and lean towards the top of their range, as real scores do; counts are mostly 0;
/// yes/no facts are mostly 否; choices mostly the first. Every value is valid, so every row is assessed.
struct PopulationGenerator {
  let inputs: [InputDeclaration]
  var random: SplitMix64

  init(inputs: [InputDeclaration], seed: UInt64) {
    self.inputs = inputs
    random = SplitMix64(seed: seed)
  }

  /// The session's counts of a ballot pack (上虞): due, attended, issued, returned, by input id.
  static let sessionCounts = ["应到人数", "实到人数", "发出票数", "收回票数"]

  /// The value of each input for the next subject, as the text a CSV cell holds.
  mutating func nextRow() -> [String] {
    // Ballots: a session of 25–30 voters, each ballot item's counts adding up to the ballots returned.
    var voters = 0
    var ballotCells: [String: String] = [:]
    if inputs.contains(where: { $0.id == Self.sessionCounts[0] }) {
      voters = 25 + Int(random.below(6))
      ballotCells = ["应到人数": "30", "实到人数": String(voters), "发出票数": String(voters), "收回票数": String(voters)]
      var items: [String: [InputDeclaration]] = [:]
      for input in inputs where input.id.contains(":") {
        items[String(input.id[..<input.id.lastIndex(of: ":")!]), default: []].append(input)
      }
      for (_, choices) in items {
        var left = voters
        for (index, choice) in choices.enumerated() {
          // Most votes go to the first choice, a few to the others; the last takes what is left.
          let count = index == choices.count - 1 ? left : (index == 0 ? left - Int(random.below(UInt64(min(left, 5) + 1))) : Int(random.below(UInt64(left + 1))) / 3)
          ballotCells[choice.id] = String(count)
          left -= count
        }
      }
    }
    return inputs.map { input in
      if let cell = ballotCells[input.id] { return cell }
      switch input.type {
      case .number, .integer:
        let low = input.minimum ?? .zero
        let high = input.maximum ?? ExactDecimal(100)
        let isCount = input.type == .integer
        if isCount {
          // Counts: 0 most of the time, otherwise small.
          let top = min(high.intValue ?? 10, 5)
          let lowInt = low.intValue ?? 0
          if random.below(4) != 0 || top <= lowInt { return String(lowInt) }
          return String(lowInt + Int(random.below(UInt64(top - lowInt + 1))))
        }
        // Scores: tenths, skewed towards the upper part of the range.
        let span = (try? high.subtracting(low).multiplying(by: 10))?.intValue ?? 1000
        let pick = max(Int(random.below(UInt64(span + 1))), Int(random.below(UInt64(span + 1))))
        let value = (try? ExactDecimal(significand: Int64(pick), scale: 1).adding(low)) ?? low
        return value.description
      case .boolean:
        return random.below(20) == 0 ? "是" : "否"
      case .choice:
        return random.below(25) == 0 && input.choices.count > 1
          ? input.choices[1 + Int(random.below(UInt64(input.choices.count - 1)))] : input.choices[0]
      }
    }
  }
}
