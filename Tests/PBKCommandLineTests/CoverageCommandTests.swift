import PBKCommandLine
import PartyBuildingKit
import Testing

/// `pbk test --coverage [--min-coverage N]`: the coverage section after the tests, and the minimum.
@Suite struct CoverageCommandTests {
  static let pack = CLIPaths.repository + "/Tests/PartyBuildingKitTests/Fixtures/ValidPacks/coverage.pack.json"

  @Test func coverageFollowsTheCountWithEachGapAndItsPlace() {
    let run = Run("test", Self.pack, "--coverage")
    #expect(run.code == 0)
    let file = Self.pack
    #expect(
      run.out == """
        \(file): 覆盖率示例 — 4 tests
          ✓ 满分
          ✓ 问题2个已扣完，严重问题不再改变本项
          ✓ 弄虚作假定为差
          ✓ 基础得分超出范围
        4 passed, 0 failed
        coverage of \(file): rules 3/4, vetoes 1/1, bands 2/2, conditions 2/3 both ways — 80.0%
          \(file):19:63 (at /components/0/sections/0/rules/1/when): condition of rule '加分' never seen false
          \(file):23:7 (at /components/0/sections/1/rules/1): rule '严重问题本项不得分' never fired

        """)
  }

  @Test func withoutTheFlagNothingIsMeasured() {
    let run = Run("test", Self.pack)
    #expect(run.code == 0)
    #expect(!run.out.contains("coverage of"))
    #expect(run.out.hasSuffix("4 passed, 0 failed\n"))
  }

  @Test func aMinimumAtTheCoverageIsMetAndOneAboveItFails() {
    // 8 of 10: exactly 80%.
    #expect(Run("test", Self.pack, "--min-coverage", "80").code == 0)
    let run = Run("test", Self.pack, "--min-coverage", "80.1%")
    #expect(run.code == 1)
    #expect(run.out.contains("coverage of \(Self.pack): rules 3/4"))
    #expect(run.out.hasSuffix("✗ \(Self.pack): coverage 80.0% is below --min-coverage 80.1%\n"))
  }

  @Test(arguments: ["101", "-5", "most"])
  func aMinimumThatIsNotAPercentageIsAUsageError(_ value: String) {
    let run = Run("test", Self.pack, "--min-coverage", value)
    #expect(run.code == 64)
    #expect(run.err.contains("--min-coverage takes a percentage from 0 to 100"))
  }

  @Test func severalPacksAreAddedUp() {
    let run = Run("test", Self.pack, CLIPaths.repository + "/RulePacks/member-points/pack.json", "--coverage")
    #expect(run.code == 0)
    #expect(
      run.out.contains("rules 8/8, vetoes 1/1, bands 4/4, consequences 2/2, conditions 5/5 both ways — 100.0%\n"))
    // 8/10 and 20/20.
    #expect(run.out.hasSuffix("coverage of 2 packs: 28/30 — 93.3%\n"))
  }
}
