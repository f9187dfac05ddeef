import Testing

@testable import PartyBuildingKit

import Foundation

/// The message catalogue: every message exists in English and Chinese, with the same arguments; the sources that are
/// converted word no message of their own; and the language is chosen from the locale as POSIX says.
@Suite struct MessageCatalogTests {
  /// The `{n}` placeholders of a template.
  static func placeholders(_ template: String) -> Set<Int> {
    var found: Set<Int> = []
    var rest = Substring(template)
    while let open = rest.firstIndex(of: "{") {
      let after = rest[rest.index(after: open)...]
      let digits = after.prefix(while: { $0.isASCII && $0.isNumber })
      if !digits.isEmpty, after.dropFirst(digits.count).first == "}", let number = Int(digits) { found.insert(number) }
      rest = after
    }
    return found
  }

  static func hasHan(_ text: String) -> Bool {
    text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
  }

  /// Templates whose only letters are a command's name (`pbk evaluate: {1}`), the same in both languages, and
  /// English word endings that Chinese does without (the plural "s").
  static let namesOnly: Set<MessageKey> = [
    .evaluateProblem, .reportProblem, .renderProblem, .diffProblem, .diffReadingProblem, .pluralS, .linkedCommandProblem,
  ]

  @Test func everyMessageHasAChineseTranslationWithTheSameArguments() {
    var untranslated: [String] = []
    for key in MessageKey.allCases where key != .untranslated && key != .verbatim {
      let (english, chinese) = MessageCatalog.templates(key)
      #expect(!english.isEmpty, "\(key) has no English text")
      #expect(Self.placeholders(english) == Self.placeholders(chinese), "\(key): the arguments differ")
      // Every placeholder from 1 to the highest is used: no argument is left out of a template.
      let numbers = Self.placeholders(english)
      #expect(numbers == Set(1...max(1, numbers.count)) || numbers.isEmpty, "\(key): placeholders \(numbers)")
      // A template with words must have Chinese words: not a copy of the English.
      let words = english.replacing(try! Regex(#"\{\d+\}"#), with: "").contains(where: { $0.isLetter })
      if words, !Self.namesOnly.contains(key), !Self.hasHan(chinese) || chinese == english {
        untranslated.append(key.rawValue)
      }
    }
    #expect(untranslated.isEmpty, "no Chinese for: \(untranslated.joined(separator: ", "))")
  }

  @Test func englishAndChineseRenderTheirOwnWordsAroundTheSameArguments() {
    let message = Message(.idAlreadyUsed, "daily", JSONPointer(tokens: ["inputs", "3"]))
    #expect(message.text(in: .english) == "the id 'daily' is already used at /inputs/3; every id in a pack must be different")
    #expect(message.text(in: .chinese).contains("daily"))
    #expect(message.text(in: .chinese).contains("/inputs/3"))
    #expect(Self.hasHan(message.text(in: .chinese)))
    // A message inside a message is rendered in the same language.
    let nested = Message(.expectedObject, Message(.kindList), Message(.kindNumber))
    #expect(nested.text(in: .english) == "expected a list (an object in braces {…}) here, but found a number")
    #expect(!nested.text(in: .chinese).contains("a list"))
    #expect(!message.isUntranslated)
    #expect(Message(.objectNeedsKey, Message.untranslated("a thing"), "id", Message(.kindText)).isUntranslated)
  }

  @Test func theLocaleChoosesTheLanguageByPOSIXPrecedence() {
    #expect(Language.fromLocale([:]) == .english)
    #expect(Language.fromLocale(["LANG": "zh_CN.UTF-8"]) == .chinese)
    #expect(Language.fromLocale(["LANG": "en_US.UTF-8"]) == .english)
    #expect(Language.fromLocale(["LANG": "C"]) == .english)
    #expect(Language.fromLocale(["LANG": "en_US.UTF-8", "LC_MESSAGES": "zh_TW.UTF-8"]) == .chinese)
    #expect(Language.fromLocale(["LANG": "zh_CN.UTF-8", "LC_ALL": "C"]) == .english)
    #expect(Language.fromLocale(["LANG": "zh_CN.UTF-8", "LC_ALL": ""]) == .chinese)
    #expect(Language.fromLocale(["LC_ALL": "zh_CN.GB18030", "LC_MESSAGES": "en_GB"]) == .chinese)
    #expect(Language(code: "zh") == .chinese)
    #expect(Language(code: "zh-CN") == .chinese)
    #expect(Language(code: "en") == .english)
    #expect(Language(code: "fr") == nil)
  }

  // MARK: - Code that still words its own messages

  /// The source files whose messages all come from the catalogue: none may hold an English sentence of its own, nor
  /// use an English-only entry point (`error("…")`, `Message.untranslated`, `UsageError("…")`). The entry points
  /// themselves, kept for code not yet converted, are marked `// English-only entry point` where they are defined;
  /// text of a family not yet converted that converted code passes on (formula diagnostics) is marked
  /// `// English-only: FAMILY` and listed by `listsTheSourcesStillWordingMessagesInEnglish`. A folder (ending in
  /// `/`) stands for every Swift source in it.
  static let converted = [
    "PartyBuildingKit/Pack/PackReader.swift",
    "PartyBuildingKit/Pack/PackCompiler.swift",
    "PartyBuildingKit/Pack/PackCompiler+Header.swift",
    "PartyBuildingKit/Pack/PackCompiler+Components.swift",
    "PartyBuildingKit/Pack/PackCompiler+Outcomes.swift",
    "PartyBuildingKit/Pack/PackCompiler+Ballots.swift",
    "PartyBuildingKit/Pack/PackCompiler+Cohort.swift",
    "PartyBuildingKit/Pack/PackCompiler+Ledger.swift",
    "PartyBuildingKit/Pack/PackCompiler+Raters.swift",
    "PartyBuildingKit/Pack/PackCompiler+Periods.swift",
    "PartyBuildingKit/Pack/PackCompiler+Missing.swift",
    "PartyBuildingKit/Pack/PackCompiler+Requires.swift",
    "PartyBuildingKit/Pack/PackCompiler+Links.swift",
    "PartyBuildingKit/Library/LinkedResults.swift",
    "PartyBuildingKit/Pack/PackCompiler+Previous.swift",
    "PartyBuildingKit/Lane/PreviousResults.swift",
    "PartyBuildingKit/Lane/PreviousTable.swift",
    "PartyBuildingKit/Pack/PackScorer.swift",
    "PartyBuildingKit/Pack/PackTestCase.swift",
    "PartyBuildingKit/Pack/RulePack.swift",
    "PartyBuildingKit/Pack/RulePack+WhatItTakes.swift",
    "PartyBuildingKit/Pack/PackCoverage.swift",
    "PartyBuildingKit/JSON/JSONParser.swift",
    "PartyBuildingKit/JSON/JSONSyntaxError.swift",
    "PartyBuildingKit/Formula/FormulaLexer.swift",
    "PartyBuildingKit/Formula/FormulaParser.swift",
    "PartyBuildingKit/Formula/FormulaChecker.swift",
    "PartyBuildingKit/Formula/FormulaFunctions.swift",
    "PartyBuildingKit/Formula/FormulaBounds.swift",
    "PartyBuildingKit/Formula/FormulaSuggestions.swift",
    "PartyBuildingKit/Formula/Formula.swift",
    "PartyBuildingKit/Formula/FormulaTypes.swift",
    "PartyBuildingKit/Formula/HostFunction.swift",
    "PartyBuildingKit/Decimal/RoundingRule.swift",
    "PartyBuildingKit/Pack/InputCoercion.swift",
    "PartyBuildingKit/Lane/BatchEvaluator.swift",
    "PartyBuildingKit/Lane/BatchLane.swift",
    "PartyBuildingKit/Lane/ColumnBinding.swift",
    "PartyBuildingKit/Lane/CSVTokenizer.swift",
    "PartyBuildingKit/Lane/InputEncoding.swift",
    "PartyBuildingKit/Lane/LaneInput.swift",
    "PartyBuildingKit/Lane/RecordScorer.swift",
    "PartyBuildingKit/Lane/RaterRecords.swift",
    "PartyBuildingKit/Lane/TextBytes.swift",
    "PartyBuildingKit/Model/LedgerEvent.swift",
    "PartyBuildingKit/Scoring/ScoringFailure.swift",
    "PartyBuildingKit/Scoring/ScoringStages.swift",
    "PBKCommandLine/PBK.swift",
    "PBKCommandLine/PBK+Validate.swift",
    "PBKCommandLine/PBK+Evaluate.swift",
    "PBKCommandLine/Help.swift",
    "PBKCommandLine/PBK+Render.swift",
    "PBKCommandLine/PBK+Report.swift",
    "PBKCommandLine/PBK+Diff.swift",
    "PBKCommandLine/OutputFile.swift",
    "PBKCommandLine/Console.swift",
    "PartyBuildingKit/Excel/",
    "PBKCommandLine/PBK+Linked.swift",
    "PartyBuildingKit/Scoring/ScoringStages+Forms.swift",
    "PartyBuildingKit/Library/PackLibrary.swift",
  ]

  /// ``converted`` with each folder replaced by the Swift sources in it.
  static var convertedFiles: [String] {
    Self.converted.flatMap { entry -> [String] in
      guard entry.hasSuffix("/") else { return [entry] }
      let folder = Paths.repository + "/Sources/" + entry
      let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
      return names.filter { $0.hasSuffix(".swift") }.sorted().map { entry + $0 }
    }
  }

  /// The English sentences written as string literals in a Swift source (comments left out), with their lines.
  static func englishLiterals(in source: String) -> [(line: Int, text: String)] {
    let scalars = Array(source.unicodeScalars)
    var found: [(Int, String)] = []
    var index = 0
    var line = 1
    func at(_ offset: Int) -> Unicode.Scalar? { index + offset < scalars.count ? scalars[index + offset] : nil }
    while index < scalars.count {
      let scalar = scalars[index]
      if scalar == "\n" { line += 1 }
      if scalar == "/", at(1) == "/" {
        while index < scalars.count, scalars[index] != "\n" { index += 1 }
        continue
      }
      if scalar == "\"" {
        if at(1) == "\"", at(2) == "\"" {
          // A multi-line literal: its text (help pages) is checked as a whole.
          var end = index + 3
          var text = ""
          while end + 2 < scalars.count, !(scalars[end] == "\"" && scalars[end + 1] == "\"" && scalars[end + 2] == "\"") {
            if scalars[end] == "\n" { line += 1 }
            text.unicodeScalars.append(scalars[end])
            end += 1
          }
          if isEnglish(text) { found.append((line, String(text.prefix(60)))) }
          index = end + 3
          continue
        }
        // One line: the text outside interpolations (whose own literals are read as literals of their own).
        var text = ""
        var cursor = index + 1
        let start = line
        while cursor < scalars.count, scalars[cursor] != "\"", scalars[cursor] != "\n" {
          if scalars[cursor] == "\\", cursor + 1 < scalars.count, scalars[cursor + 1] == "(" {
            var depth = 1
            cursor += 2
            var inner = ""
            while cursor < scalars.count, depth > 0 {
              if scalars[cursor] == "(" { depth += 1 }
              if scalars[cursor] == ")" { depth -= 1 }
              if depth > 0 { inner.unicodeScalars.append(scalars[cursor]) }
              cursor += 1
            }
            found += englishLiterals(in: inner).map { (start, $0.text) }
            text += "\u{1}"
            continue
          }
          if scalars[cursor] == "\\" { cursor += 1 }
          if cursor < scalars.count { text.unicodeScalars.append(scalars[cursor]) }
          cursor += 1
        }
        if isEnglish(text) { found.append((start, text)) }
        index = cursor + 1
        continue
      }
      index += 1
    }
    return found
  }

  /// The English sentences of a source, less those on lines marked `// not a message` (text matched, not shown).
  static func messageLiterals(in source: String) -> [(line: Int, text: String)] {
    let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
    return englishLiterals(in: source).filter { !lines[$0.line - 1].contains("// not a message") }
  }

  /// Whether a literal reads as English words: two words, a word and punctuation (`unknown option`, `error: `), or
  /// an article and a word (`a tie-breaker`).
  static func isEnglish(_ text: String) -> Bool {
    text.contains(try! Regex(#"[a-z]{2,}\s+[a-z('"]"#)) || text.contains(try! Regex(#"[a-z]{2,}[;:,] "#))
      || text.contains(try! Regex(#"(^|[^A-Za-z])(a|an|the) [a-z]"#))
  }

  static func sourceFile(_ relative: String) -> String? {
    Paths.read(Paths.repository + "/Sources/" + relative)
  }

  @Test func convertedSourcesWordNoMessageOfTheirOwn() throws {
    #expect(Self.convertedFiles.count > Self.converted.count, "a converted folder holds no sources")
    for file in Self.convertedFiles {
      let source = try #require(Self.sourceFile(file), "\(file) is missing")
      let literals = Self.messageLiterals(in: source)
      #expect(literals.isEmpty, "\(file) words messages itself: \(literals.map { "line \($0.line): \($0.text)" })")
      // A message given as a string, even one made only of interpolations ("\(name): \(problem)"), is English-only.
      let entries = [
        #"Message\.untranslated\("#, #"UsageError\(""#, #"message: ""#, #"\.(error|note|warning)\(""#,
        #"(missing|requiredString)\("[^"]*", ""#,
      ]
      for entry in entries {
        // The English-only entry points may be defined in a converted file, never used.
        let pattern = try Regex(entry)
        let uses = source.split(separator: "\n").filter {
          $0.contains(pattern) && !$0.contains("///") && !$0.contains("// English-only entry point")
            && !$0.contains("// English-only: ") && !$0.contains("// not a message")
        }
        #expect(uses.isEmpty, "\(file) uses \(entry): \(uses)")
      }
    }
  }

  @Test func theScanFindsEnglishLiteralsAndSkipsIdsAndComments() {
    let source = """
      // a comment that is English
      node.error("the id '\\(id)' is already used")
      let keys = ["id", "label"]
      x.error(.idAlreadyUsed, id, "\\(a ? "one thing" : "")")
      """
    let found = Self.englishLiterals(in: source)
    #expect(found.map(\.line) == [2, 4])
  }

  /// The sources that still hold English messages of their own, with how many: printed, so a run shows what is
  /// left (the list in the report is this one).
  @Test func listsTheSourcesStillWordingMessagesInEnglish() throws {
    let sources = Paths.repository + "/Sources"
    let enumerator = try #require(FileManager.default.enumerator(atPath: sources))
    var remaining: [(String, Int)] = []
    while let relative = enumerator.nextObject() as? String {
      guard relative.hasSuffix(".swift"), !relative.contains("MessageCatalog"),
        let source = Self.sourceFile(relative)
      else { continue }
      let count = Self.messageLiterals(in: source).count
      if count > 0 { remaining.append((relative, count)) }
    }
    for file in Self.convertedFiles { #expect(!remaining.contains { $0.0 == file }, "\(file)") }
    // Text of a family not yet converted, passed on by converted code: marked where it is passed on.
    print("English-only text passed on by converted code:")
    for file in Self.convertedFiles {
      let source = try #require(Self.sourceFile(file))
      for (number, line) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
      where line.contains("// English-only: ") {
        print("  \(file):\(number + 1): \(line.split(separator: "// English-only: ").last ?? "")")
      }
    }
    print("English-only message literals remaining:")
    for (file, count) in remaining.sorted(by: { $0.0 < $1.0 }) { print("  \(file): \(count)") }
  }
}
