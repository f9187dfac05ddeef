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

  @Test func missingFileNamesThePath() {
    #expect(throws: PackLoadError.self) { try RulePack.load(path: "/nonexistent/pack.json") }
    do {
      _ = try RulePack.load(path: "/nonexistent/pack.json")
    } catch {
      #expect(error.description.hasPrefix("/nonexistent/pack.json: error: cannot read the file"))
    }
  }
}
