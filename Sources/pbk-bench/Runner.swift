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
    print("cannot write \(path): \(error.reason)")
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

/// Runs a command as a child process; returns its exit status, wall time (ns) and peak memory (KiB).
func runChild(_ arguments: [String], stdoutPath: String? = nil) -> (status: Int32, nanoseconds: UInt64, peakKiB: Int) {
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
  guard spawned == 0 else { return (-1, 0, 0) }
  var status: Int32 = 0
  var usage = rusage()
  wait4(pid, &status, 0, &usage)
  let elapsed = now() - start
  let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
  return (exitStatus, elapsed, Int(usage.ru_maxrss))
}

func selfPath() -> String {
  var buffer = [CChar](repeating: 0, count: 4096)
  let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
  if length > 0 { return String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self) }
  return CommandLine.arguments[0]
}

func format(_ value: Double, _ places: Int = 0) -> String {
  // Display only: timing figures, never scores.
  var text = String(Int((value * pow(10, Double(places))).rounded()))
  if places > 0 {
    while text.count <= places { text = "0" + text }
    text.insert(".", at: text.index(text.endIndex, offsetBy: -places))
  }
  var grouped = ""
  let integerPart = text.split(separator: ".")[0]
  for (offset, character) in integerPart.reversed().enumerated() {
    if offset > 0, offset % 3 == 0 { grouped.append(",") }
    grouped.append(character)
  }
  return String(grouped.reversed()) + (places > 0 ? "." + text.split(separator: ".")[1] : "")
}

/// Runs the whole benchmark; returns the exit code.
func runBenchmark(_ options: BenchOptions, repository: String) -> Int32 {
  mkdir(options.workDirectory, 0o755)
  print("pbk-bench: \(format(Double(options.count))) subjects per pack, seed \(options.seed), \(options.threads) threads")
  var failed = false
  for name in options.packs {
    let packPath = repository + "/RulePacks/\(name)/pack.json"
    let pack: RulePack
    do { pack = try RulePack.load(path: packPath) } catch {
      print(error)
      return 1
    }
    print("\n== \(name): \(pack.metadata.title) (\(pack.info.inputs.count) inputs)")
    var inProcessRate: Double?
    if options.inProcess {
      let count = min(options.count, 1_000_000)
      let population = PreparedPopulation(pack: pack, count: count, seed: options.seed)
      let (single, parallel) = measureInProcess(pack: pack, population: population, threads: options.threads)
      inProcessRate = 1e9 / single
      print(
        "in-process (\(format(Double(count))) subjects, evaluation only): 1 thread \(format(single, 1)) ns/subject = \(format(1e9 / single)) subjects/s; \(options.threads) threads \(format(parallel, 1)) ns/subject = \(format(1e9 / parallel)) subjects/s"
      )
    }
    guard options.endToEnd else { continue }
    let input = options.workDirectory + "/\(name)-\(options.count).csv"
    let output = options.workDirectory + "/\(name)-\(options.count).out.csv"
    let generated = now()
    guard writePopulationCSV(pack: pack, count: options.count, seed: options.seed, path: input) else { return 1 }
    print("generated \(input) in \(format(Double(now() - generated) / 1e9, 2)) s")
    let child = runChild([
      selfPath(), "--as-pbk", "evaluate", "--pack", packPath, "--input", input, "--format", "csv", "--output", output,
    ])
    if child.status != 0 {
      print("pbk evaluate failed with status \(child.status)")
      failed = true
      continue
    }
    let seconds = Double(child.nanoseconds) / 1e9
    print(
      "end to end (CSV → CSV via pbk evaluate, \(options.threads) threads): \(format(seconds, 3)) s = \(format(Double(options.count) / seconds)) subjects/s, \(format(Double(child.nanoseconds) / Double(options.count), 1)) ns/subject, peak memory \(format(Double(child.peakKiB) / 1024, 1)) MiB"
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
func runPeers(repository: String, input: String, reference: String, inProcessRate: Double?, endToEndSeconds: Double) -> Bool {
  let setup = runChild(["bash", repository + "/Benchmarks/peers/setup.sh"])
  guard setup.status == 0 else {
    print("peers: Benchmarks/peers/setup.sh failed (status \(setup.status)); are python3 and PyPI reachable?")
    return false
  }
  let log = input + ".peers.txt"
  let run = runChild(
    [repository + "/Benchmarks/.venv/bin/python", repository + "/Benchmarks/peers/run_peers.py", "--input", input, "--reference", reference],
    stdoutPath: log)
  let text = (try? String(contentsOfFile: log)) ?? ""
  for line in text.split(separator: "\n") where !line.hasPrefix("PEERS ") { print("  " + line) }
  guard run.status == 0, let line = text.split(separator: "\n").last(where: { $0.hasPrefix("PEERS ") }),
    let figures = try? JSONParser.parse(String(line.dropFirst(6))).objectValue
  else {
    print("peers: run_peers.py failed (status \(run.status)); see above")
    return false
  }
  func number(_ key: String) -> Double? { figures[key]?.numberText.flatMap(Double.init) }
  if let zen = number("zen_eval_per_s"), let ours = inProcessRate {
    print("ratio: PartyBuildingKit in-process (1 thread) is \(format(ours / zen, 1))× ZEN's batch throughput (\(format(zen)) subjects/s)")
  }
  if let zen = number("zen_e2e_s") {
    print("ratio: end to end, PartyBuildingKit \(format(endToEndSeconds, 3)) s vs ZEN \(format(zen, 3)) s (\(format(zen / endToEndSeconds, 1))×)")
  }
  if let duck = number("duckdb_e2e_s") {
    print("ratio: end to end, PartyBuildingKit \(format(endToEndSeconds, 3)) s vs DuckDB \(format(duck, 3)) s (PartyBuildingKit takes \(format(endToEndSeconds / duck, 2))× DuckDB's time)")
  }
  unlink(log)
  return true
}
