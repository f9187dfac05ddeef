import Testing

@testable import PartyBuildingKit

/// Runs every shipped pack's embedded test cases through the same code path as `pbk test`.
@Suite struct ShippedPackTests {
  static let packs = Paths.shippedPacks

  @Test func thePacksAreThere() {
    for pack in ["RulePacks/dazhou/pack.json", "RulePacks/shangyu/pack.json", "RulePacks/zhungeer/pack.json"] {
      #expect(Self.packs.contains(pack), "\(pack) is missing")
    }
  }

  @Test(arguments: packs)
  func embeddedTestsPass(_ path: String) throws {
    let pack: RulePack
    do {
      pack = try RulePack.load(path: Paths.repository + "/" + path, functions: .declarationsOnly)
    } catch {
      Issue.record("\(path) did not load:\n\(error)")
      return
    }
    // The scheme packs cover a whole document; the examples under RulePacks/examples/ show one building block each.
    // No formula of a shipped pack can need more digits than a value holds, for any allowed input.
    #expect(pack.warnings.isEmpty, "\(path): \(pack.warnings.map(\.description).joined(separator: "\n"))")
    let least = path.hasPrefix("RulePacks/examples/") ? 3 : 8
    #expect(pack.tests.count >= least, "\(path) has only \(pack.tests.count) test cases")
    for result in pack.runTests() {
      #expect(result.passed, "\(path): \(result.testCase.name): \(result.failures.joined(separator: "; "))")
    }
  }
}
