import Dispatch
import PartyBuildingKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Monotonic time in nanoseconds.
func now() -> UInt64 {
  var time = timespec()
  clock_gettime(CLOCK_MONOTONIC, &time)
  return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
}

/// The peak resident memory of this process so far, in KiB (VmHWM from /proc/self/status; -1 when unknown).
func peakMemoryKiB() -> Int {
  guard let file = fopen("/proc/self/status", "r") else { return -1 }
  defer { fclose(file) }
  var line = [CChar](repeating: 0, count: 256)
  while fgets(&line, 256, file) != nil {
    let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    if text.hasPrefix("VmHWM:") { return Int(text.filter(\.isNumber)) ?? -1 }
  }
  return -1
}

/// Subjects prepared in memory: every input already in its slot, so only evaluation is timed.
struct PreparedPopulation {
  let width: Int
  var inputValues: [ExactDecimal]  // count × width (the pack's inputs)
  var subjects: [Subject]

  init(pack: RulePack, count: Int, seed: UInt64) {
    width = pack.info.inputs.count
    inputValues = []
    inputValues.reserveCapacity(count * width)
    subjects = []
    subjects.reserveCapacity(count)
    var generator = PopulationGenerator(inputs: pack.info.inputs, seed: seed)
    for index in 0..<count {
      let row = generator.nextRow()
      for (inputIndex, text) in row.enumerated() {
        switch pack.slotValue(.text(text), forInput: inputIndex) {
        case .success(let value): inputValues.append(value)
        case .failure(let error): fatalError("the generator made an invalid value: \(error)")
        }
      }
      subjects.append(Subject(id: "S\(index)"))
    }
  }

  /// Scores subjects in `range` the way a batch does — a ``PackScorer`` filled in place, results read as numbers —
  /// and returns a checksum of their totals (so no work is optimised away).
  func score(_ scorer: PackScorer, _ range: Range<Int>) -> (checksum: Int64, graded: Int) {
    var checksum: Int64 = 0
    var graded = 0
    for index in range {
      let base = index * width
      for position in 0..<width { scorer.setInput(position, inputValues[base + position]) }
      do {
        try scorer.score(subject: subjects[index])
        checksum &+= scorer.total.significand
        if scorer.gradeIndex != nil { graded += 1 }
      } catch {
        fatalError("evaluation failed: \(error)")
      }
    }
    return (checksum, graded)
  }

  /// Evaluates subjects in `range` into full ``Assessment`` values (ids, labels, words: what `RulePack.assess`
  /// returns) and returns a checksum of their totals.
  func evaluate(_ scorer: PackScorer, _ range: Range<Int>) -> (checksum: Int64, graded: Int) {
    var checksum: Int64 = 0
    var graded = 0
    for index in range {
      let base = index * width
      for position in 0..<width { scorer.setInput(position, inputValues[base + position]) }
      do {
        try scorer.score(subject: subjects[index])
        let result = scorer.assessment(subject: subjects[index])
        checksum &+= result.total.significand
        if result.grade != nil { graded += 1 }
      } catch {
        fatalError("evaluation failed: \(error)")
      }
    }
    return (checksum, graded)
  }
}

/// Best wall times (ns) of in-process scoring: on one thread and on `threads` threads, with a ``PackScorer``
/// (numbers only) and into full ``Assessment`` values.
struct InProcessTimes {
  var scorerSingle: UInt64?
  var scorerParallel: UInt64?
  var assessmentSingle: UInt64
  var assessmentParallel: UInt64
}

/// Times in-process evaluation: the best of three runs of each way, after a warm-up.
func measureInProcess(pack: RulePack, population: PreparedPopulation, threads: Int) -> InProcessTimes {
  let count = population.subjects.count
  // Every thread scores with its own scorer; all share the pack's compiled plan, as pbk evaluate does.
  let scorers = (0..<threads).map { _ in PackScorer(pack: pack) }
  let boxed = UncheckedBox(scorers)
  func best(_ body: () -> Void) -> UInt64 {
    body()  // warm-up
    var best = UInt64.max
    for _ in 0..<3 {
      let start = now()
      body()
      best = min(best, now() - start)
    }
    return best
  }
  func parallel(_ body: @Sendable (Int, Range<Int>) -> Void) -> UInt64 {
    best {
      DispatchQueue.concurrentPerform(iterations: threads) { part in
        body(part, (count * part / threads)..<(count * (part + 1) / threads))
      }
    }
  }
  var times = InProcessTimes(
    assessmentSingle: best { _ = population.evaluate(scorers[0], 0..<count) },
    assessmentParallel: parallel { part, range in _ = population.evaluate(boxed.value[part], range) })
  times.scorerSingle = best { _ = population.score(scorers[0], 0..<count) }
  times.scorerParallel = parallel { part, range in _ = population.score(boxed.value[part], range) }
  return times
}

/// Scorers are used by one thread each; the box only carries them to their threads.
final class UncheckedBox<Value>: @unchecked Sendable {
  let value: Value
  init(_ value: Value) { self.value = value }
}
