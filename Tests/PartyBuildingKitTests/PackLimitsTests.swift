import Testing

@testable import PartyBuildingKit

import Foundation

/// The limits a pack must keep (issue 9 §7), each with the message that says the limit and what to do, and the
/// load time that stays near-linear in the size of a pack.
@Suite struct PackLimitsTests {
  /// The minimal pack with `values` put before its components and its first component scored by `score`.
  static func minimalPack(values: String = "[]", score: String = "daily", extraInputs: String = "", ballots: String? = nil)
    -> String
  {
    """
    {"formatVersion": 1, "id": "limits", "version": "1", "title": "界限", "source": {"document": "d"}, "fullMarks": 100,
     "inputs": [
       {"id": "daily", "type": "number", "min": 0, "max": 100, "required": true},
       {"id": "yearEnd", "type": "number", "min": 0, "max": 100, "required": true}\(extraInputs)
     ],
     \(ballots.map { "\"ballots\": \($0)," } ?? "")
     "values": \(values),
     "components": [
       {"id": "日常", "weight": 0.3, "fullMarks": 100, "score": "\(score)"},
       {"id": "年底", "weight": 0.7, "fullMarks": 100, "score": "yearEnd"}
     ],
     "grades": {"bands": [{"grade": "合格", "min": 60}, {"grade": "不合格", "min": 0, "below": 60}]},
     "tests": [{"name": "t", "inputs": {"daily": 80, "yearEnd": 90}, "expect": {"total": 87}}]
    }
    """
  }

  @Test func fourThousandChainedValuesLoad() throws {
    // v0 = daily, v1 = v0, …, v3999 = v3998: before issue 9 this took 16 s in a debug build (quadratic).
    let count = 4_000
    var values = ["{\"id\": \"v0\", \"formula\": \"daily\"}"]
    for index in 1..<count { values.append("{\"id\": \"v\(index)\", \"formula\": \"v\(index - 1)\"}") }
    let json = Self.minimalPack(values: "[" + values.joined(separator: ",\n") + "]", score: "v\(count - 1)")
    let start = ContinuousClock.now
    let pack = try RulePack.load(json: json, file: "chain.json")
    print("4,000 chained values loaded in \(ContinuousClock.now - start)")
    #expect(pack.program.values.count == count)
    // Values are compiled in dependency order, and the last carries the first's range through the chain.
    #expect(pack.program.values.first?.id == "v0")
    #expect(pack.program.values.last?.id == "v\(count - 1)")
    let result = try pack.assess(AssessmentInput(subject: Subject(id: "a"), values: ["daily": .number(80), "yearEnd": .number(90)]))
    #expect(result.total == 87)
  }

  @Test func valuesInAnyOrderAndOfAnyTypeCompileInDependencyOrder() throws {
    // b is declared after a but a uses it as a condition: its type is known when a is compiled.
    let json = Self.minimalPack(
      values: """
        [{"id": "a", "formula": "if b then daily else 0"}, {"id": "b", "formula": "yearEnd >= 60"},
         {"id": "c", "formula": "if b then '好' else '差'"}, {"id": "d", "formula": "if c = '好' then a else 0"}]
        """, score: "d")
    let pack = try RulePack.load(json: json, file: "order.json")
    #expect(pack.program.values.map(\.id) == ["b", "a", "c", "d"])
    let result = try pack.assess(AssessmentInput(subject: Subject(id: "a"), values: ["daily": .number(80), "yearEnd": .number(90)]))
    #expect(result.total == 87)
  }

  @Test func circlesOfValuesAreReportedOnceEach() {
    let json = Self.minimalPack(
      values: """
        [{"id": "a", "formula": "b + 1"}, {"id": "b", "formula": "a + 1"}, {"id": "c", "formula": "c"},
         {"id": "d", "formula": "a + daily"}]
        """, score: "MIN(d, 100)")
    #expect(throws: PackLoadError.self) { try RulePack.load(json: json, file: "circle.json") }
    do {
      _ = try RulePack.load(json: json, file: "circle.json")
    } catch {
      // d uses the circle, and the component uses d: neither is reported again.
      #expect(error.problems.map(\.message) == [
        "computed values depend on each other in a circle (a → b → a); break the circle",
        "computed values depend on each other in a circle (c → c); break the circle",
      ])
    }
  }

  @Test func aPackLargerThanTheLimitIsRefusedBeforeItIsRead() {
    let padding = String(repeating: "很长的说明", count: RulePack.maximumBytes / 15 + 1)
    let json = "{\"description\": \"\(padding)\"}"
    #expect(json.utf8.count > RulePack.maximumBytes)
    do {
      _ = try RulePack.load(json: json, file: "big.json")
      Issue.record("a pack over the limit loaded")
    } catch {
      #expect(
        error.description
          == "big.json: error: the pack is \(RulePack.grouped(json.utf8.count)) bytes, more than the most a pack may be (1,048,576 bytes, 1 MiB); split the scheme into several packs, or shorten long texts such as 'excerpt'"
      )
    }
  }

  @Test func tooManyNamesIsOneMessageWithTheLimit() {
    // One ballot item with 101 choices and 100 rater groups declares 10,100 count inputs from a small pack.
    let choices = (0...100).map { "\"c\($0)\"" }.joined(separator: ", ")
    let raters = (0..<100).map { "{\"id\": \"g\($0)\", \"weight\": \"1%\"}" }.joined(separator: ", ")
    let ballots = """
      {"scales": [{"id": "s", "choices": [\(choices)]}],
       "items": [{"id": "p", "scale": "s", "score": "share", "choice": "c0", "raters": [\(raters)]}]}
      """
    let json = Self.minimalPack(ballots: ballots)
    do {
      _ = try RulePack.load(json: json, file: "names.json")
      Issue.record("a pack over the name limit loaded")
    } catch {
      let messages = error.problems.map(\.message)
      #expect(messages == [
        "the pack declares more than 10000 names (inputs, ballot counts, period parts, values, sections and components together); the most a pack may declare is 10000 — split the scheme into several packs"
      ])
    }
  }

  @Test func theLimitsAreWhatTheGuideSays() {
    #expect(RulePack.maximumBytes == 1_048_576)
    #expect(PackCompiler.maximumNames == 10_000)
    #expect(FormulaParser.maximumLength == 4_000)
    #expect(FormulaParser.maximumDepth == 32)
    #expect(JSONParser.maximumDepth == 256)
  }

  @Test func nothingIsLeftUnknownWithoutAProblem() throws {
    // Every shipped pack loads: suppressing follow-on messages never hides a part of a valid pack.
    for path in Paths.shippedPacks {
      let pack = try RulePack.load(path: Paths.repository + "/" + path, functions: ExampleHost.functions)
      #expect(!pack.tests.isEmpty, "\(path)")
    }
  }
}
