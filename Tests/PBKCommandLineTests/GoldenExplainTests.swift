import Foundation
import Testing

@testable import PBKCommandLine
@testable import PartyBuildingKit

/// What `pbk explain` prints for the subjects of every shipped and example pack's embedded test cases (vetoed, void,
/// not-applicable, capped and ranked ones among them), checked in under `Golden/explain/` and asserted verbatim, so
/// that any change in what a person reads is deliberate. Re-record with `PBK_RECORD_GOLDEN=1 swift test`.
@Suite struct GoldenExplainTests {
  static let packs: [String] = {
    let root = CLIPaths.repository + "/RulePacks"
    let enumerator = FileManager.default.enumerator(atPath: root)
    var found: [String] = []
    while let relative = enumerator?.nextObject() as? String {
      if relative.hasSuffix("pack.json") { found.append(relative) }
    }
    return found.sorted()
  }()

  /// The golden file's name for a pack, e.g. `examples-ballots.txt`.
  static func goldenName(_ relative: String) -> String {
    relative.replacingOccurrences(of: "/pack.json", with: "").replacingOccurrences(of: "/", with: "-") + ".txt"
  }

  @Test(arguments: packs)
  func explanationsAreUnchanged(_ relative: String) throws {
    let pack = try RulePack.load(path: CLIPaths.repository + "/RulePacks/" + relative, functions: .declarationsOnly)
    let text = ExplainText.forTestCases(of: pack, file: "RulePacks/" + relative)
    let golden = CLIPaths.repository + "/Tests/PBKCommandLineTests/Golden/explain/" + Self.goldenName(relative)
    if ProcessInfo.processInfo.environment["PBK_RECORD_GOLDEN"] != nil {
      try text.write(toFile: golden, atomically: true, encoding: .utf8)
      return
    }
    let expected = try #require(
      FileManager.default.contents(atPath: golden).map { String(decoding: $0, as: UTF8.self) },
      "no golden file \(golden); record it with PBK_RECORD_GOLDEN=1 swift test")
    if text != expected {
      let got = text.split(separator: "\n", omittingEmptySubsequences: false)
      let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
      let line = zip(got, want).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(got.count, want.count)
      Issue.record(
        "\(relative): the explanation differs from \(golden) at line \(line + 1):\n  expected: \(line < want.count ? want[line] : "(end)")\n  got:      \(line < got.count ? got[line] : "(end)")\nre-record deliberately with PBK_RECORD_GOLDEN=1 swift test")
    }
  }
}
