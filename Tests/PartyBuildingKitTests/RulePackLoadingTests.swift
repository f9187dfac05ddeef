import Testing

@testable import PartyBuildingKit

import Foundation

/// Invalid packs under Fixtures/InvalidPacks, each beside the exact text `pbk validate` must print
/// (NAME.expected). To re-record deliberately after a wording change: PBK_RECORD=1 swift test, then review the diff.
@Suite struct RulePackLoadingTests {
  static let invalid = Paths.files(in: Paths.fixtures + "/InvalidPacks", suffix: ".json")

  @Test(arguments: invalid)
  func invalidPackReportsExactProblems(_ name: String) throws {
    let path = Paths.fixtures + "/InvalidPacks/" + name
    let bytes = Array(try #require(Paths.read(path)).utf8)
    let actual: String
    do {
      _ = try RulePack.load(bytes: bytes, file: name)
      Issue.record("\(name) loaded, but it is invalid")
      return
    } catch {
      actual = error.description + "\n"
    }
    let expectedPath = path.replacingOccurrences(of: ".json", with: ".expected")
    if ProcessInfo.processInfo.environment["PBK_RECORD"] == "1" {
      try actual.write(toFile: expectedPath, atomically: true, encoding: .utf8)
    }
    let expected = try #require(Paths.read(expectedPath), "no \(expectedPath); record it with PBK_RECORD=1")
    #expect(actual == expected)
  }

  /// The invalid packs that also have their Chinese text (NAME.zh.expected: what `pbk validate --lang zh` prints).
  static let chinese = Paths.files(in: Paths.fixtures + "/InvalidPacks", suffix: ".zh.expected")
    .map { $0.replacingOccurrences(of: ".zh.expected", with: ".json") }

  /// The Chinese text of an invalid pack's problems, every one of them translated. Re-record with
  /// PBK_RECORD=1 as for the English fixtures (only the NAME.zh.expected files that exist are written).
  @Test(arguments: chinese)
  func invalidPackReportsExactProblemsInChinese(_ name: String) throws {
    let path = Paths.fixtures + "/InvalidPacks/" + name
    let bytes = Array(try #require(Paths.read(path)).utf8)
    let actual: String
    do {
      _ = try RulePack.load(bytes: bytes, file: name)
      Issue.record("\(name) loaded, but it is invalid")
      return
    } catch {
      actual = error.description(in: .chinese) + "\n"
      let untranslated = error.problems.filter(\.detail.isUntranslated)
      #expect(untranslated.isEmpty, "English-only problems in \(name): \(untranslated)")
    }
    let expectedPath = path.replacingOccurrences(of: ".json", with: ".zh.expected")
    if ProcessInfo.processInfo.environment["PBK_RECORD"] == "1" {
      try actual.write(toFile: expectedPath, atomically: true, encoding: .utf8)
    }
    let expected = try #require(Paths.read(expectedPath))
    #expect(actual == expected)
  }

  @Test func someInvalidFixturesHaveTheirChineseText() {
    #expect(Self.chinese.count >= 3)
  }

  @Test func everyInvalidFixtureHasItsExpectedMessage() {
    #expect(Self.invalid.count >= 10)
    for name in Self.invalid {
      #expect(Paths.read(Paths.fixtures + "/InvalidPacks/" + name.replacingOccurrences(of: ".json", with: ".expected")) != nil, "\(name)")
    }
  }

  @Test func minimalPackLoads() throws {
    let pack = try RulePack.load(path: Paths.fixtures + "/ValidPacks/minimal.pack.json")
    #expect(pack.metadata.id == "minimal")
    #expect(pack.fullMarks == 100)
    #expect(pack.highestTotal == 100)
    #expect(pack.grades == ["优秀", "合格", "不合格"])
    #expect(pack.info.inputs.map(\.id) == ["daily", "yearEnd", "overdue"])
  }

  /// A pack whose input `share` has no declared places and `amount` has 2, with one formula the range check
  /// warns about.
  static let placesPack = """
    {"formatVersion": 1, "id": "places", "version": "1", "title": "t", "source": {"document": "d"}, "fullMarks": 100,
     "inputs": [
       {"id": "daily", "label": "日常", "type": "number", "min": 0, "max": 100, "places": 1, "required": true},
       {"id": "share", "label": "完成率", "type": "number", "min": 0, "max": 1, "default": 1},
       {"id": "amount", "label": "收入", "type": "number", "min": 0, "max": 100000000, "places": 2, "default": 0}],
     "values": [
       {"id": "fine", "formula": "ROUND(amount * share, 2) * share"},
       {"id": "long", "formula": "amount * share * share"}],
     "components": [{"id": "c", "label": "c", "weight": 1, "fullMarks": 100, "score": "daily"}]}
    """

  @Test func rangeWarningsDoNotStopLoading() throws {
    let pack = try RulePack.load(json: Self.placesPack, file: "places.json")
    #expect(pack.warnings.map(\.severity) == [.warning])
    #expect(pack.warnings.map(\.pointer?.description) == ["/values/1/formula"])
    #expect(pack.warnings.first?.message.hasPrefix("the exact result of 'amount * share * share' can reach 100000000 with up to 14 decimal places: 23 digits") == true)
    #expect(pack.info.inputs.map(\.places) == [1, nil, 2])
  }

  @Test(arguments: [
    ("85.5", nil), ("85.50", nil), ("85", nil),
    ("85.55", "日常(daily) is 85.55, with 2 decimal places, but at most 1 is declared ('places': 1); give it rounded as the document rounds it, or correct the input's 'places'"),
  ] as [(String, String?)])
  func declaredPlacesRejectLongerValues(value: String, message: String?) throws {
    let pack = try RulePack.load(json: Self.placesPack, file: "places.json")
    let input = AssessmentInput(subject: Subject(id: "s"), values: ["daily": .text(value)])
    do {
      let assessment = try pack.assess(input)
      #expect(message == nil)
      #expect(assessment.total == ExactDecimal(value)!)
    } catch {
      #expect(error.message == message)
      #expect(error.code == .invalidValue)
    }
  }

  @Test func missingFileNamesThePath() {
    #expect(throws: PackLoadError.self) { try RulePack.load(path: "/nonexistent/pack.json") }
    do {
      _ = try RulePack.load(path: "/nonexistent/pack.json")
    } catch {
      #expect(error.description.hasPrefix("/nonexistent/pack.json: error: cannot read the file"))
    }
  }
}
