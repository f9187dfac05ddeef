import Foundation
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
  /// The language of every message pbk writes: `--lang` when given, else the one given here, else the locale's
  /// (``Language/fromLocale(_:)`` of `environment`, or of the process when it is nil).
  var language: Language

  /// A pbk writing to `out` and `err`; `language` nil: the locale's (tests pin it).
  public init(
    out: TextSink, err: TextSink, outputIsTerminal: Bool = false, errorIsTerminal: Bool = false,
    environment: [String: String]? = nil, language: Language? = nil
  ) {
    self.out = out
    self.err = err
    self.outputIsTerminal = outputIsTerminal
    self.errorIsTerminal = errorIsTerminal
    self.environment = environment
    self.language = language ?? Language.fromLocale(environment ?? ProcessInfo.processInfo.environment)
  }

  /// The catalogue message `key` with its arguments, in pbk's language.
  func tr(_ key: MessageKey, _ arguments: any MessageArgumentConvertible...) -> String {
    Message(key, arguments: arguments.map(\.messageArgument)).text(in: language)
  }

  /// `message` in pbk's language.
  func tr(_ message: Message) -> String { message.text(in: language) }

  /// Runs `pbk` with its arguments (without the program name) and returns the exit code. `--lang zh` or
  /// `--lang en` (anywhere, also `--lang=zh`) chooses the language of its messages.
  public func run(_ arguments: [String]) -> Int32 {
    var arguments = arguments
    var pbk = self
    if let index = arguments.firstIndex(where: { $0 == "--lang" || $0.hasPrefix("--lang=") }) {
      let value: String?
      if arguments[index] == "--lang" {
        value = index + 1 < arguments.count ? arguments[index + 1] : nil
        arguments.removeSubrange(index..<min(index + 2, arguments.count))
      } else {
        value = String(arguments[index].dropFirst("--lang=".count))
        arguments.remove(at: index)
      }
      guard let value, let chosen = Language(code: value) else {
        err.write(tr(.languageUnknown, value ?? ""))
        return ExitCode.usage
      }
      pbk.language = chosen
    }
    return pbk.runCommand(arguments)
  }

  private func runCommand(_ arguments: [String]) -> Int32 {
    guard let command = arguments.first else {
      err.write(Help.overview(language))
      return ExitCode.usage
    }
    let rest = Array(arguments.dropFirst())
    switch command {
    case "-h", "--help", "help":
      if let topic = rest.first, let text = Help.command(topic, language) {
        out.write(text)
      } else {
        out.write(Help.overview(language))
      }
      return ExitCode.ok
    case "--version", "version":
      out.write(tr(.versionLine, Self.version))
      return ExitCode.ok
    case "validate", "test", "evaluate", "explain", "report", "render", "diff":
      if rest.contains("--help") || rest.contains("-h") {
        out.write(Help.command(command, language)!)
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
        err.write(tr(.usageErrorLine, command, error.message, command))
        return ExitCode.usage
      }
    default:
      let commands = ["validate", "test", "evaluate", "explain", "report", "render", "diff", "help"]
      let suggestion = commands.first { Self.closeEnough($0, command) }
      err.write(
        tr(.unknownCommand, command, suggestion.map { Message(.didYouMean, $0) } ?? .verbatim("")))
      return ExitCode.usage
    }
  }

  static func closeEnough(_ a: String, _ b: String) -> Bool {
    a.hasPrefix(b) || b.hasPrefix(a) || (Set(a).symmetricDifference(Set(b)).count <= 2 && abs(a.count - b.count) <= 2)
  }
}

/// A mistake in how pbk was called, rendered in pbk's language where it is printed.
struct UsageError: Error {
  var message: Message
  init(_ key: MessageKey, _ arguments: any MessageArgumentConvertible...) {
    message = Message(key, arguments: arguments.map(\.messageArgument))
  }
  init(_ message: Message) { self.message = message }
  /// A mistake worded in English only (listed by `MessageCatalogTests`).
  init(_ message: String) { self.message = .untranslated(message) }
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
          throw UsageError(.unknownOption, argument, Message.verbatim(""))
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
        if value != nil { throw UsageError(.optionTakesNoValue, name) }
        flags.insert(name)
        continue
      }
      guard valued.contains(name) || repeatable.contains(name) else {
        let all = valued + repeatable + allowedFlags
        let suggestion = all.first { PBK.closeEnough($0, name) }
        throw UsageError(.unknownOption, "--" + name, suggestion.map { Message(.didYouMean, "--" + $0) } ?? .verbatim(""))
      }
      if value == nil {
        guard index < arguments.count else { throw UsageError(.optionNeedsValue, name) }
        value = arguments[index]
        index += 1
      }
      if repeatable.contains(name), let value {
        lists[name, default: []].append(value)
        continue
      }
      if values[name] != nil { throw UsageError(.optionGivenTwice, name) }
      values[name] = value
    }
  }

  func required(_ name: String, _ what: Message) throws(UsageError) -> String {
    guard let value = values[name] else { throw UsageError(.optionRequired, name, what) }
    return value
  }

  /// `what` worded in English only (listed by `MessageCatalogTests`).
  func required(_ name: String, _ what: String) throws(UsageError) -> String { try required(name, Message.untranslated(what)) }  // English-only entry point
}
