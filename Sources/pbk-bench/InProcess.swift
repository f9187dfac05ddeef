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
  let slotCount: Int
  let inputSlots: [Int]
  var inputValues: [ExactDecimal]  // count × inputSlots.count
  var subjects: [Subject]

  init(pack: RulePack, count: Int, seed: UInt64) {
    slotCount = pack.slotCount
    inputSlots = pack.inputSlots
    inputValues = []
    inputValues.reserveCapacity(count * inputSlots.count)
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

  /// Evaluates subjects in `range` and returns a checksum of their totals (so no work is optimised away).
  func evaluate(_ pack: RulePack, _ range: Range<Int>) -> (checksum: Int64, graded: Int) {
    var slots = [ExactDecimal](repeating: .zero, count: slotCount)
    var checksum: Int64 = 0
    var graded = 0
    let width = inputSlots.count
    for index in range {
      let base = index * width
      for (position, slot) in inputSlots.enumerated() { slots[slot] = inputValues[base + position] }
      do {
        let result = try pack.evaluate(slots: &slots, subject: subjects[index])
        checksum &+= result.total.significand
        if result.grade != nil { graded += 1 }
      } catch {
        fatalError("evaluation failed: \(error)")
      }
    }
    return (checksum, graded)
  }
}

/// Times in-process evaluation on one thread and on `threads` threads; returns the best wall time (ns) of each.
func measureInProcess(pack: RulePack, population: PreparedPopulation, threads: Int) -> (single: UInt64, parallel: UInt64) {
  let count = population.subjects.count
  // Warm up.
  _ = population.evaluate(pack, 0..<min(count, 10_000))
  var best = UInt64.max
  for _ in 0..<3 {
    let start = now()
    _ = population.evaluate(pack, 0..<count)
    best = min(best, now() - start)
  }
  // Each thread scores with its own compiled copy of the pack, as pbk evaluate does.
  let copies = (0..<threads).map { $0 == 0 ? pack : pack.independentCopy() }
  var bestParallel = UInt64.max
  for _ in 0..<3 {
    let start = now()
    DispatchQueue.concurrentPerform(iterations: threads) { part in
      let low = count * part / threads
      let high = count * (part + 1) / threads
      _ = population.evaluate(copies[part], low..<high)
    }
    bestParallel = min(bestParallel, now() - start)
  }
  return (best, bestParallel)
}
