// pbk-bench — how fast PartyBuildingKit scores synthetic populations, in-process and CSV to CSV, against peers.
//
//   swift run -c release pbk-bench                 # 10⁵ subjects per pack, peers included
//   swift run -c release pbk-bench --count 1000000
//   swift run -c release pbk-bench --help
import PBKCommandLine
import PartyBuildingKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

let arguments = Array(CommandLine.arguments.dropFirst())
// The end-to-end run starts this executable again as `pbk`, so that its time and memory are measured alone.
if arguments.first == "--as-pbk" {
  let out = FileSink(descriptor: 1)
  let err = FileSink(descriptor: 2)
  let code = PBK(out: out, err: err).run(Array(arguments.dropFirst()))
  out.flush()
  err.flush()
  // The peak memory of this process alone: a spawned child's rusage would also count the parent's peak.
  if let path = getenv("PBK_BENCH_PEAK_FILE").map({ String(cString: $0) }) {
    let sink = try? FileSink.create(path: path)
    sink?.write("\(peakMemoryKiB())\n")
    sink?.flush()
  }
  exit(code)
}
let repository: String = {
  String(#filePath).split(separator: "/", omittingEmptySubsequences: false).dropLast(3).joined(separator: "/")
}()

var options = BenchOptions()
do {
  options = try BenchOptions.parse(arguments)
} catch {
  print("pbk-bench: \(error.message)\n")
  print(BenchOptions.help)
  exit(64)
}
if options.help {
  print(BenchOptions.help)
  exit(0)
}
exit(runBenchmark(options, repository: repository))
