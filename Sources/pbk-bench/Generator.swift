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

  /// The value of each input for the next subject, as the text a CSV cell holds.
  mutating func nextRow() -> [String] {
    inputs.map { input in
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
