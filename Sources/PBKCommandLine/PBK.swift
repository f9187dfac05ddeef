import PartyBuildingKit

/// The `pbk` command-line tool: validate, test, evaluate and explain rule packs, and report on a batch.
///
/// Exit codes: 0 all well, 1 problems found (invalid pack, failed test, rejected record), 64 usage error.
public struct PBK {
  public static let version = "0.1.0"

  public enum ExitCode {
    public static let ok: Int32 = 0
    public static let problems: Int32 = 1
    public static let usage: Int32 = 64
  }

  let out: TextSink
  let err: TextSink
  /// Whether standard output is a terminal (tables by default, colour-free either way).
  let outputIsTerminal: Bool
  /// Whether standard error is a terminal (a long run shows its progress there).
  let errorIsTerminal: Bool
  /// The environment variables pbk reads (`PBK_REPORT_TIME`); nil: the process's own.
  let environment: [String: String]?

  public init(
    out: TextSink, err: TextSink, outputIsTerminal: Bool = false, errorIsTerminal: Bool = false,
    environment: [String: String]? = nil
  ) {
    self.out = out
    self.err = err
    self.outputIsTerminal = outputIsTerminal
    self.errorIsTerminal = errorIsTerminal
    self.environment = environment
  }

  /// Runs `pbk` with its arguments (without the program name) and returns the exit code.
  public func run(_ arguments: [String]) -> Int32 {
    guard let command = arguments.first else {
      err.write(Help.overview)
      return ExitCode.usage
    }
    let rest = Array(arguments.dropFirst())
    switch command {
    case "-h", "--help", "help":
      if let topic = rest.first, let text = Help.command(topic) {
        out.write(text)
      } else {
        out.write(Help.overview)
      }
      return ExitCode.ok
    case "--version", "version":
      out.write("pbk \(Self.version) (rule-pack format version 1)\n")
      return ExitCode.ok
    case "validate", "test", "evaluate", "explain", "report", "render", "diff":
      if rest.contains("--help") || rest.contains("-h") {
        out.write(Help.command(command)!)
        return ExitCode.ok
      }
      do {
        switch command {
        case "validate": return try validate(rest)
        case "test": return try test(rest)
        case "evaluate": return try evaluate(rest)
        case "report": return try report(rest)
        case "render": return try render(rest)
        case "diff": return try diff(rest)
        default: return try explain(rest)
        }
      } catch {
        err.write("pbk \(command): \(error.message)\nrun 'pbk \(command) --help' for how to use it\n")
        return ExitCode.usage
      }
    default:
      let commands = ["validate", "test", "evaluate", "explain", "report", "render", "diff", "help"]
      let suggestion = commands.first { Self.closeEnough($0, command) }
      err.write(
        "pbk: unknown command '\(command)'\(suggestion.map { "; did you mean '\($0)'?" } ?? "")\nrun 'pbk --help' to see the commands\n"
      )
      return ExitCode.usage
    }
  }

  static func closeEnough(_ a: String, _ b: String) -> Bool {
    a.hasPrefix(b) || b.hasPrefix(a) || (Set(a).symmetricDifference(Set(b)).count <= 2 && abs(a.count - b.count) <= 2)
  }
}

/// A mistake in how pbk was called.
struct UsageError: Error {
  var message: String
  init(_ message: String) { self.message = message }
}

/// Hand-parsed options: `--name value`, `--name=value` and positional arguments.
struct Options {
  var values: [String: String] = [:]
  var flags: Set<String> = []
  var positional: [String] = []
  /// The values of options that may be given more than once (`repeatable`), in order.
  var lists: [String: [String]] = [:]

  init(_ arguments: [String], valued: [String], flags allowedFlags: [String] = [], repeatable: [String] = []) throws(UsageError) {
    var index = 0
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      guard argument.hasPrefix("--"), argument.count > 2 else {
        if argument.hasPrefix("-"), argument.count > 1 {
          throw UsageError("unknown option '\(argument)'")
        }
        positional.append(argument)
        continue
      }
      var name = String(argument.dropFirst(2))
      var value: String?
      if let equals = name.firstIndex(of: "=") {
        value = String(name[name.index(after: equals)...])
        name = String(name[..<equals])
      }
      if allowedFlags.contains(name) {
        if value != nil { throw UsageError("--\(name) takes no value") }
        flags.insert(name)
        continue
      }
      guard valued.contains(name) || repeatable.contains(name) else {
        let all = valued + repeatable + allowedFlags
        let suggestion = all.first { PBK.closeEnough($0, name) }
        throw UsageError("unknown option '--\(name)'\(suggestion.map { "; did you mean '--\($0)'?" } ?? "")")
      }
      if value == nil {
        guard index < arguments.count else { throw UsageError("--\(name) needs a value") }
        value = arguments[index]
        index += 1
      }
      if repeatable.contains(name), let value {
        lists[name, default: []].append(value)
        continue
      }
      if values[name] != nil { throw UsageError("--\(name) is given twice") }
      values[name] = value
    }
  }

  func required(_ name: String, _ what: String) throws(UsageError) -> String {
    guard let value = values[name] else { throw UsageError("--\(name) is required: \(what)") }
    return value
  }
}
