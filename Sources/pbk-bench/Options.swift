/// The benchmark's options, parsed by hand.
struct BenchOptions {
  var count = 100_000
  var seed: UInt64 = 20_251_122
  var packs = ["dazhou", "zhungeer", "member-points", "shangyu"]
  var peers = true
  var inProcess = true
  var endToEnd = true
  var threads = 2
  var keep = false
  /// End-to-end runs per pack; the best time is reported (the peers take the best of 3 too).
  var runs = 3
  var workDirectory = "/tmp/pbk-bench"
  var help = false

  struct Problem: Error { var message: String }

  static func parse(_ arguments: [String]) throws(Problem) -> BenchOptions {
    var options = BenchOptions()
    var index = 0
    func value(_ name: String) throws(Problem) -> String {
      index += 1
      guard index < arguments.count else { throw Problem(message: "\(name) needs a value") }
      return arguments[index]
    }
    while index < arguments.count {
      let argument = arguments[index]
      switch argument {
      case "--count":
        let text = try value(argument).replacingUnderscores
        guard let count = Int(text), count > 0 else { throw Problem(message: "--count takes a whole number above 0") }
        options.count = count
      case "--seed":
        guard let seed = UInt64(try value(argument)) else { throw Problem(message: "--seed takes a whole number") }
        options.seed = seed
      case "--packs":
        options.packs = try value(argument).split(separator: ",").map(String.init)
        let known = ["dazhou", "zhungeer", "member-points", "shangyu"]
        if let unknown = options.packs.first(where: { !known.contains($0) }) {
          throw Problem(message: "unknown pack '\(unknown)'; use \(known.joined(separator: ", "))")
        }
      case "--threads":
        guard let threads = Int(try value(argument)), threads > 0 else { throw Problem(message: "--threads takes a whole number above 0") }
        options.threads = threads
      case "--no-peers": options.peers = false
      case "--end-to-end-only":
        options.inProcess = false
        options.peers = false
      case "--in-process-only":
        options.endToEnd = false
        options.peers = false
      case "--keep": options.keep = true
      case "--runs":
        guard let runs = Int(try value(argument)), runs > 0 else { throw Problem(message: "--runs takes a whole number above 0") }
        options.runs = runs
      case "--work-dir": options.workDirectory = try value(argument)
      case "-h", "--help": options.help = true
      default: throw Problem(message: "unknown option '\(argument)'")
      }
      index += 1
    }
    return options
  }

  static let help = """
    pbk-bench — how fast PartyBuildingKit scores synthetic populations

    USAGE
      swift run -c release pbk-bench [--count N] [--seed S] [--packs dazhou,zhungeer,member-points,shangyu]
                                     [--threads T] [--no-peers] [--end-to-end-only] [--in-process-only]
                                     [--runs R] [--work-dir DIR] [--keep]

    For each pack it generates N subjects (default 100000) from a seeded generator (the same seed gives the same
    data), then reports:
      in-process   subjects per second and ns per subject, evaluation only (inputs already in memory), on one
                   thread and on T threads (default 2);
      end to end   CSV in → CSV out through `pbk evaluate`, run as a child process R times (default 3): the
                   best wall time, subjects per second, and the child's highest peak memory;
      peers        for 达州 only: GoRules ZEN (zen-engine, a JDM graph of the same rules, batch API) and DuckDB
                   (one SQL query CSV → CSV), installed with pip into Benchmarks/.venv; all three must agree on
                   every total and grade before anything is timed. Needs python3 and PyPI.
    Files go to --work-dir (default /tmp/pbk-bench) and are deleted unless --keep.

    EXAMPLES
      swift run -c release pbk-bench
      swift run -c release pbk-bench --count 1000000
      swift run -c release pbk-bench --packs member-points --count 88000000 --end-to-end-only --runs 1   # national run
    """
}

extension String {
  var replacingUnderscores: String { filter { $0 != "_" && $0 != "," } }
}
