import PBKCommandLine
import PartyBuildingKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes a synthetic population as CSV (header `id,<input ids>`), streaming, so any size fits in memory.
func writePopulationCSV(pack: RulePack, count: Int, seed: UInt64, path: String) -> Bool {
  let sink: FileSink
  do { sink = try FileSink.create(path: path) } catch {
    say("cannot write \(path): \(error.reason)")
    return false
  }
  var generator = PopulationGenerator(inputs: pack.info.inputs, seed: seed)
  sink.write("id," + pack.info.inputs.map(\.id).joined(separator: ",") + "\n")
  for index in 0..<count {
    sink.write("S\(index)," + generator.nextRow().joined(separator: ",") + "\n")
  }
  sink.flush()
  return true
}

/// Runs a command as a child process; returns its exit status and wall time (ns).
func runChild(_ arguments: [String], stdoutPath: String? = nil) -> (status: Int32, nanoseconds: UInt64) {
  var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  if let stdoutPath {
    posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
  }
  var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
  defer { for pointer in argv { free(pointer) } }
  var pid: pid_t = 0
  let start = now()
  let spawned = posix_spawnp(&pid, arguments[0], &actions, nil, &argv, environ)
  guard spawned == 0 else { return (-1, 0) }
  var status: Int32 = 0
  var usage = rusage()
  wait4(pid, &status, 0, &usage)
  let elapsed = now() - start
  let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
  return (exitStatus, elapsed)
}

func selfPath() -> String {
  var buffer = [CChar](repeating: 0, count: 4096)
  let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
  if length > 0 { return String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self) }
  return CommandLine.arguments[0]
}

/// Prints a line at once, also when the output goes to a file (progress of a long run).
func say(_ text: String) {
  print(text)
  fflush(nil)
}

/// Timing figures are exact decimals too: the package has no binary floating point anywhere.
enum Figure {
  static func seconds(_ nanoseconds: UInt64) -> ExactDecimal { ExactDecimal(significand: Int64(nanoseconds), scale: 9) }

  /// The ratio at 3 decimal places (the most a figure shows): a rate of 10⁷ subjects per second has no room for
  /// the 12 places of a plain division.
  static func ratio(_ numerator: ExactDecimal, _ denominator: ExactDecimal) -> ExactDecimal {
    (try? numerator.dividing(by: denominator, places: 3)) ?? .zero
  }

  /// Subjects per second.
  static func rate(_ count: Int, _ nanoseconds: UInt64) -> ExactDecimal {
    ratio(ExactDecimal(count), seconds(max(1, nanoseconds)))
  }

  /// Nanoseconds per subject.
  static func perSubject(_ nanoseconds: UInt64, _ count: Int) -> ExactDecimal {
    ratio(ExactDecimal(Int(nanoseconds)), ExactDecimal(max(1, count)))
  }

  /// A figure with `places` decimals and thousands separators, e.g. 1,234,567.8.
  static func show(_ value: ExactDecimal, _ places: Int = 0) -> String {
    let text = value.formatted(places: places)
    let parts = text.split(separator: ".", maxSplits: 1)
    var grouped = ""
    for (offset, character) in parts[0].reversed().enumerated() {
      if offset > 0, offset % 3 == 0, character != "-" { grouped.append(",") }
      grouped.append(character)
    }
    return String(grouped.reversed()) + (parts.count > 1 ? "." + parts[1] : "")
  }

  static func show(_ count: Int) -> String { show(ExactDecimal(count)) }
}

/// Runs the whole benchmark; returns the exit code.
func runBenchmark(_ options: BenchOptions, repository: String) -> Int32 {
  mkdir(options.workDirectory, 0o755)
  say("pbk-bench: \(Figure.show(options.count)) subjects per pack, seed \(options.seed), \(options.threads) threads")
  var failed = false
  for name in options.packs {
    let packPath = repository + "/RulePacks/\(name)/pack.json"
    let pack: RulePack
    do { pack = try RulePack.load(path: packPath) } catch {
      say("\(error)")
      return 1
    }
    say("\n== \(name): \(pack.metadata.title) (\(pack.info.inputs.count) inputs)")
    var inProcessRate: ExactDecimal?
    if options.inProcess {
      let count = min(options.count, 1_000_000)
      let population = PreparedPopulation(pack: pack, count: count, seed: options.seed)
      let times = measureInProcess(pack: pack, population: population, threads: options.threads)
      func line(_ what: String, _ single: UInt64, _ parallel: UInt64) -> String {
        "in-process, \(what) (\(Figure.show(count)) subjects, evaluation only): 1 thread \(Figure.show(Figure.perSubject(single, count), 1)) ns/subject = \(Figure.show(Figure.rate(count, single))) subjects/s; \(options.threads) threads \(Figure.show(Figure.perSubject(parallel, count), 1)) ns/subject = \(Figure.show(Figure.rate(count, parallel))) subjects/s"
      }
      if let single = times.scorerSingle, let parallel = times.scorerParallel {
        inProcessRate = Figure.rate(count, single)
        say(line("PackScorer: every score, grade, veto and consequence as numbers", single, parallel))
      } else {
        inProcessRate = Figure.rate(count, times.assessmentSingle)
      }
      say(line("full Assessment values (ids, labels, words)", times.assessmentSingle, times.assessmentParallel))
    }
    guard options.endToEnd else { continue }
    let input = options.workDirectory + "/\(name)-\(options.count).csv"
    let output = options.workDirectory + "/\(name)-\(options.count).out.csv"
    let generated = now()
    guard writePopulationCSV(pack: pack, count: options.count, seed: options.seed, path: input) else { return 1 }
    say("generated \(input) in \(Figure.show(Figure.seconds(now() - generated), 2)) s")
    let peakFile = output + ".peak"
    var best = UInt64.max
    var peakKiB = -1
    var childFailed = false
    for _ in 0..<options.runs {
      setenv("PBK_BENCH_PEAK_FILE", peakFile, 1)
      let child = runChild([
        selfPath(), "--as-pbk", "evaluate", "--pack", packPath, "--input", input, "--format", "csv", "--output", output,
      ])
      unsetenv("PBK_BENCH_PEAK_FILE")
      peakKiB = max(peakKiB, (try? String(contentsOfFile: peakFile, encoding: .utf8)).flatMap { Int($0.filter(\.isNumber)) } ?? -1)
      unlink(peakFile)
      if child.status != 0 {
        say("pbk evaluate failed with status \(child.status)")
        childFailed = true
        break
      }
      best = min(best, child.nanoseconds)
    }
    if childFailed {
      failed = true
      continue
    }
    let child = (nanoseconds: best, runs: options.runs)
    let seconds = Figure.seconds(child.nanoseconds)
    say(
      "end to end (CSV → CSV via pbk evaluate, \(options.threads) threads, best of \(child.runs)): \(Figure.show(seconds, 3)) s = \(Figure.show(Figure.rate(options.count, child.nanoseconds))) subjects/s, \(Figure.show(Figure.perSubject(child.nanoseconds, options.count), 1)) ns/subject, peak memory \(Figure.show(Figure.ratio(ExactDecimal(peakKiB), 1024), 1)) MiB"
    )
    if options.peers, name == "dazhou" {
      if !runPeers(repository: repository, input: input, reference: output, inProcessRate: inProcessRate, endToEndSeconds: seconds) {
        failed = true
      }
    }
    if !options.keep {
      unlink(input)
      unlink(output)
    }
  }
  return failed ? 1 : 0
}

/// Runs ZEN and DuckDB on the same data through Benchmarks/peers/run_peers.py, which checks agreement first.
func runPeers(
  repository: String, input: String, reference: String, inProcessRate: ExactDecimal?, endToEndSeconds: ExactDecimal
) -> Bool {
  let setup = runChild(["bash", repository + "/Benchmarks/peers/setup.sh"])
  guard setup.status == 0 else {
    say("peers: Benchmarks/peers/setup.sh failed (status \(setup.status)); are python3 and PyPI reachable?")
    return false
  }
  let log = input + ".peers.txt"
  let run = runChild(
    [repository + "/Benchmarks/.venv/bin/python", repository + "/Benchmarks/peers/run_peers.py", "--input", input, "--reference", reference],
    stdoutPath: log)
  let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
  for line in text.split(separator: "\n") where !line.hasPrefix("PEERS ") { say("  " + line) }
  guard run.status == 0, let line = text.split(separator: "\n").last(where: { $0.hasPrefix("PEERS ") }),
    let figures = try? JSONParser.parse(String(line.dropFirst(6))).objectValue
  else {
    say("peers: run_peers.py failed (status \(run.status)); see above")
    return false
  }
  func number(_ key: String) -> ExactDecimal? { figures[key]?.numberText.flatMap { ExactDecimal($0) } }
  if let zen = number("zen_eval_per_s"), let ours = inProcessRate {
    say(
      "ratio: PartyBuildingKit in-process (1 thread) is \(Figure.show(Figure.ratio(ours, zen), 1))× ZEN's batch throughput (\(Figure.show(zen)) subjects/s)"
    )
  }
  if let zen = number("zen_e2e_s") {
    say(
      "ratio: end to end, PartyBuildingKit \(Figure.show(endToEndSeconds, 3)) s vs ZEN \(Figure.show(zen, 3)) s (\(Figure.show(Figure.ratio(zen, endToEndSeconds), 1))× faster)"
    )
  }
  if let duck = number("duckdb_e2e_s") {
    say(
      "ratio: end to end, PartyBuildingKit \(Figure.show(endToEndSeconds, 3)) s vs DuckDB \(Figure.show(duck, 3)) s (PartyBuildingKit takes \(Figure.show(Figure.ratio(endToEndSeconds, duck), 2))× DuckDB's time)"
    )
  }
  unlink(log)
  return true
}
