/// The smallest change in one input found to lift a result to the next grade or star level.
public struct Lift: Sendable, Hashable, Codable, CustomStringConvertible {
  /// The id of the input changed.
  public var inputID: String
  /// The input's label, e.g. 年底考核得分.
  public var inputLabel: String
  /// The input's value now.
  public var from: ExactDecimal
  /// The value that lifts the result (verified by scoring it).
  public var to: ExactDecimal
  /// `to − from`, signed.
  public var change: ExactDecimal
  /// What it reaches: a grade's name, or "N 星".
  public var target: String
  /// true when every smaller change (in the input's step) was tried and none lifted the result; false when the
  /// change lies beyond the window searched step by step, so a smaller one may exist.
  public var exhaustive: Bool

  /// The lift in one line, e.g. "年底考核得分 +2.5 → 较好"; "（未穷举）" follows the change when it is not
  /// ``exhaustive``.
  public var description: String {
    "\(inputLabel) \(TraceWording.signedText(change))\(exhaustive ? "" : "（未穷举）") → \(target)"
  }
}

/// What it would take to lift a result: for the next grade and the next star level, each input's smallest change.
public struct WhatItTakes: Sendable, Hashable, Codable {
  /// The next grade up, when the result is below the top grade (nil otherwise).
  public var nextGrade: String?
  /// The next star level, when the result is below the top level.
  public var nextStars: Int?
  /// Lifts to the next grade, the smallest first (by share of the input's range).
  public var toGrade: [Lift] = []
  /// Lifts to the next star level, the smallest first.
  public var toStars: [Lift] = []

  /// One line: the best lift to each target, or why there is none.
  public var summary: String {
    var parts: [String] = []
    if let grade = nextGrade { parts.append(toGrade.first?.description ?? "单项输入变化不能升为\(grade)") }
    if let stars = nextStars { parts.append(toStars.first?.description ?? "单项输入变化不能升为 \(stars) 星") }
    return parts.joined(separator: "；")
  }
}

extension PackCompiler {
  /// Reads an input's `step` (the grid "what it takes" searches): above 0, whole for integers.
  func readStep(_ object: ObjectNode, type: InputDeclaration.ValueType) -> ExactDecimal? {
    guard let node = object["step"] else { return nil }
    guard type == .number || type == .integer else {
      node.error(Message(.stepOnlyForNumbers))
      return nil
    }
    guard let step = node.decimal(.quoted("step")) else { return nil }
    if step <= .zero { node.error(Message(.stepNotPositive, step)) }
    if type == .integer, !step.isInteger { node.error(Message(.integerStepNotWhole, step)) }
    return step > .zero ? step : nil
  }
}

extension RulePack {
  /// How many steps either side of the current value are all tried; beyond, steps double up to the range's end.
  public static let liftWindow = 200

  /// Beyond the window, a lift found by bisection at most this many steps further out is confirmed the smallest by
  /// trying every step between the window and it, in both directions; a lift further out is marked 未穷举.
  public static let confirmationLimit = 5_000

  /// What it would take to lift the subject to the next grade and the next star level: for each number or integer
  /// input, the smallest change found that does, each verified by scoring the changed input (nothing is assumed
  /// to be monotonic; vetoes apply as always). Yes/no and choice inputs are facts, not targets, and are not changed.
  ///
  /// Returns nil when the result is void or already at the top grade and star level.
  public func whatItTakes(for input: AssessmentInput) throws(AssessmentError) -> WhatItTakes? {
    var pack = self
    pack.findsWhatItTakes = true
    return try pack.assess(input, explain: false).whatItTakes
  }

  /// The same from a scored buffer (its inputs, flags and results) and its assessment.
  func whatItTakes(_ scored: UnsafeMutablePointer<ExactDecimal>, assessment: Assessment) -> WhatItTakes? {
    guard assessment.voidReason == nil else { return nil }
    var result = WhatItTakes()
    var gradeTarget: Int?
    if let grade = assessment.grade, let index = program.bands.firstIndex(where: { $0.grade == grade }), index > 0 {
      gradeTarget = index - 1
      result.nextGrade = program.bands[index - 1].grade
    }
    if let stars = program.stars, let current = assessment.stars,
      let next = stars.levels.map(\.stars).filter({ $0 > current }).min()
    {
      result.nextStars = next
    }
    guard gradeTarget != nil || result.nextStars != nil else { return nil }
    // The changed inputs are scored in a copy of the buffer: the stages and the kernel read only the inputs (and the
    // not-given flags) of it, and write everything else anew.
    let scratch = PlainTable(repeating: ExactDecimal.zero, count: plan.bufferSize)
    scratch.pointer.update(from: scored, count: plan.bufferSize)
    var gradeLifts: [(Lift, ExactDecimal)] = []
    var starLifts: [(Lift, ExactDecimal)] = []
    // Last period's results are facts of the past, and what decides a class of subject (`appliesTo`) is who the
    // subject is: neither is a target. Nor is an input for a class the subject is not in (it may not be given at
    // all). A linked result is one (a township's villages' average is what a township works on).
    let classNames = Set(
      program.inputs.compactMap(\.appliesTo).flatMap(\.references)
        + program.components.compactMap(\.appliesTo).flatMap(\.references))
    for (index, input) in program.inputs.enumerated() where scored[plan.notGivenBase + index].isZero && input.previousField == nil {
      if classNames.contains(input.declaration.id) { continue }
      if input.appliesTo != nil, (try? plan.inClass(ofInput: index, scratch.pointer)) != true { continue }
      let declaration = input.declaration
      guard declaration.type == .number || declaration.type == .integer,
        let low = declaration.minimum, let high = declaration.maximum, low < high
      else { continue }
      let step = input.step ?? (declaration.type == .integer ? .one : ExactDecimal(significand: 1, scale: program.precision))
      let current = scored[input.slot]
      // Values tried are worked out exactly; one that cannot be held (far outside the grid's reach) is not tried.
      guard let span = try? high.subtracting(low) else { continue }
      /// `current + step × factor × sign`, or nil when it cannot be held exactly.
      func offset(_ factor: Int, _ sign: ExactDecimal) -> ExactDecimal? {
        try? current.adding(step.multiplying(by: ExactDecimal(factor)).multiplying(by: sign))
      }
      // Whether the result at `value` reaches each target.
      func reaches(_ value: ExactDecimal) -> (grade: Bool, stars: Bool) {
        scratch[input.slot] = value
        defer { scratch[input.slot] = current }
        var observer = SilentObserver()
        do {
          // A changed input that makes the vote void, or that a stage or formula rejects, lifts nothing.
          if try plan.run(scratch.pointer, events: assessment.subject.events, observer: &observer) != nil { return (false, false) }
        } catch {
          return (false, false)
        }
        let gradeIndex = scratch[plan.gradeSlot].intValue ?? program.bands.count
        let grade = gradeTarget.map { gradeIndex <= $0 } ?? false
        let stars = result.nextStars.map { (scratch[plan.starsSlot].intValue ?? 0) >= $0 } ?? false
        return (grade, stars)
      }
      var needGrade = gradeTarget != nil
      var needStars = result.nextStars != nil
      func record(_ value: ExactDecimal, _ hit: (grade: Bool, stars: Bool), exhaustive: Bool) {
        guard let change = try? value.subtracting(current), let size = try? change.magnitudeChecked() else { return }
        let share = (try? size.dividing(by: span)) ?? size
        func lift(_ target: String) -> Lift {
          Lift(
            inputID: declaration.id, inputLabel: declaration.label, from: current, to: value, change: change,
            target: target, exhaustive: exhaustive)
        }
        if hit.grade, needGrade, let name = result.nextGrade {
          gradeLifts.append((lift(name), share))
          needGrade = false
        }
        if hit.stars, needStars, let stars = result.nextStars {
          starLifts.append((lift("\(stars) 星"), share))
          needStars = false
        }
      }
      // Step by step outward, increases before decreases of the same size.
      var k = 1
      var inRange = true
      while (needGrade || needStars) && inRange && k <= Self.liftWindow {
        inRange = false
        for value in [offset(k, .one), offset(k, ExactDecimal(-1))].compactMap({ $0 }) where value >= low && value <= high {
          inRange = true
          let hit = reaches(value)
          if hit.grade || hit.stars { record(value, hit, exhaustive: true) }
        }
        k += 1
      }
      // Beyond the window: steps doubling in size; where one lifts, halve the gap back to the last step that did
      // not (each value verified, none claimed to be the smallest: the result need not be monotonic).
      if (needGrade || needStars) && inRange {
        for sign in [ExactDecimal.one, ExactDecimal(-1)] {
          var previous = Self.liftWindow
          var factor = Self.liftWindow * 2
          while needGrade || needStars {
            let reached = offset(factor, sign)
            var value = reached ?? (sign.isNegative ? low : high)
            let atEnd = reached == nil || value > high || value < low
            if atEnd { value = sign.isNegative ? low : high }
            if value == current { break }
            let hit = reaches(value)
            if hit.grade || hit.stars {
              // Bisect on the grid between the last step that did not lift and this one, for what this one reached.
              var lower = previous
              var upper = factor
              var best = value
              var bestHit = hit
              while !atEnd, upper - lower > 1 {
                let middle = (lower + upper) / 2
                guard let candidate = offset(middle, sign) else {
                  lower = middle
                  continue
                }
                let middleHit = reaches(candidate)
                if (hit.grade && middleHit.grade) || (hit.stars && middleHit.stars) {
                  upper = middle
                  best = candidate
                  bestHit = middleHit
                } else {
                  lower = middle
                }
              }
              // Confirm: every step between the window and the lift found, both directions (increases first), so
              // that the smallest change is known, not assumed from a monotonic result.
              var confirmed = false
              if !atEnd, upper - Self.liftWindow <= Self.confirmationLimit {
                confirmed = true
                scan: for k in (Self.liftWindow + 1)..<upper {
                  for candidate in [offset(k, .one), offset(k, ExactDecimal(-1))].compactMap({ $0 })
                  where candidate >= low && candidate <= high {
                    let earlier = reaches(candidate)
                    if (needGrade && earlier.grade) || (needStars && earlier.stars) {
                      record(candidate, earlier, exhaustive: true)
                      if !(needGrade || needStars) { break scan }
                    }
                  }
                }
              }
              record(best, bestHit, exhaustive: confirmed)
            }
            if atEnd { break }
            previous = factor
            let (doubled, overflow) = factor.multipliedReportingOverflow(by: 2)
            if overflow { break }
            factor = doubled
          }
        }
      }
    }
    result.toGrade = gradeLifts.sorted { $0.1 < $1.1 }.map(\.0)
    result.toStars = starLifts.sorted { $0.1 < $1.1 }.map(\.0)
    return result
  }
}
