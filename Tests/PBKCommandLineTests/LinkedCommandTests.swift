import Foundation
import PartyBuildingKit
import Testing

@testable import PBKCommandLine

/// `pbk evaluate --linked PACK=DATA`: packs that read other packs' results, scored in one run in dependency order;
/// a cycle, a missing link, a version mismatch are located load errors; an ambiguous join, a join that finds
/// nothing and a rejected linked subject reject the dependent row, naming the linked subject and why.
@Suite struct LinkedCommandTests {
  static let examples = CLIPaths.repository + "/RulePacks/examples/linked"
  static let branch = examples + "/branch/pack.json"
  static let secretary = examples + "/secretary/pack.json"
  static let township = examples + "/township/pack.json"
  static let branches = examples + "/branch/branches.csv"
  static let secretaries = examples + "/secretary/secretaries.csv"
  static let townships = examples + "/township/townships.csv"
  static let fixtures = CLIPaths.fixtures + "/linked"

  /// The CSV result rows by id, each cell by its column's name.
  static func rows(_ csv: String) -> [String: [String: String]] {
    let lines = csv.split(whereSeparator: \.isNewline).map {
      $0.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
    guard let header = lines.first?.map({ $0.replacingOccurrences(of: "\u{FEFF}", with: "") }) else { return [:] }
    var rows: [String: [String: String]] = [:]
    for cells in lines.dropFirst() {
      rows[cells[0]] = Dictionary(zip(header, cells).map { ($0, $1) }, uniquingKeysWith: { first, _ in first })
    }
    return rows
  }

  @Test func twoLinkedExamplesScoreInOneRun() {
    let run = Run(
      "evaluate", "--pack", Self.secretary, "--input", Self.secretaries, "--linked", "\(Self.branch)=\(Self.branches)",
      "--format", "csv")
    let rows = Self.rows(run.out)
    // S01's branch ZG001 is five-star (91.4): 0.6×85 + 0.4×80 = 83, 原则上评为优秀.
    #expect(rows["S01"]?["等次"] == "优秀")
    #expect(rows["S01"]?["总分"] == "83.00")
    // S03's branch ZG003 has no stars: 93.8 would be 优秀, capped at 称职.
    #expect(rows["S03"]?["总分"] == "93.80")
    #expect(rows["S03"]?["等次"] == "称职")
    // S06's parent ZG006 is not among the branches: rejected, naming it; every row is accounted for.
    #expect(rows["S06"] == nil)
    #expect(run.err.contains("subject 'S06': no subject of pack 'example-linked-branch' has id 'ZG006' (this subject's parent)"))
    #expect(run.err.contains("(example-linked-branch 1.0.0, linked): 5 read: 5 assessed, 0 rejected"))
    #expect(run.err.contains("6 read: 5 assessed, 1 rejected"))
    #expect(run.code == 1)
  }

  @Test func theRecordOfTheRunNamesTheLinkedPackAndItsData() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pbk-linked-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let run = Run(
      "evaluate", "--pack", Self.secretary, "--input", Self.secretaries, "--linked", "\(Self.branch)=\(Self.branches)",
      "--output", folder + "/结果.csv")
    #expect(run.code == 1)
    let text = try #require(FileManager.default.contents(atPath: folder + "/结果.csv.meta.json"))
    let record = try JSONDecoder().decode(Provenance.self, from: text)
    let linked = try #require(record.linked?.first)
    #expect(record.linked?.count == 1)
    #expect(linked.pack.id == "example-linked-branch" && linked.pack.version == "1.0.0" && linked.pack.file == Self.branch)
    let branchBytes = try #require(FileManager.default.contents(atPath: Self.branches))
    #expect(linked.input.file == Self.branches && linked.input.bytes == branchBytes.count)
    #expect(linked.input.sha256 == SHA256.hex(of: [UInt8](branchBytes)))
    #expect(linked.counts == .init(read: 5, assessed: 5, rejected: 0, void: 0))
    #expect(record.counts == .init(read: 6, assessed: 5, rejected: 1, void: 0))
    // A workbook's properties carry the linked pack and its data too.
    let properties = Dictionary(uniqueKeysWithValues: record.documentProperties.map { ($0.name, $0.value) })
    #expect(properties["linked.1.pack.id"] == "example-linked-branch")
    #expect(properties["linked.1.input.sha256"] == SHA256.hex(of: [UInt8](branchBytes)))
    #expect(properties["linked.1.counts.assessed"] == "5")
  }

  @Test func aTownshipAggregatesItsVillages() {
    let run = Run(
      "evaluate", "--pack", Self.township, "--input", Self.townships, "--linked", "\(Self.branch)=\(Self.branches)",
      "--format", "csv")
    let rows = Self.rows(run.out)
    // T01: villages 91.4, 82.6, 65.5 → average 79.833333333333, one five-star in three (+5);
    // 0.7 × 84.833333333333 + 0.3 × 90 = 86.383333333333 → 86.38.
    #expect(rows["T01"]?["总分"] == "86.38")
    // T02: villages 92.9 (0.4×92+0.3×95+0.3×90) and 83.5 (0.4×88+0.3×79+0.3×84) → 88.2 average, one five-star in two
    // (+5): 0.7 × 93.2 + 0.3 × 85 = 90.74.
    #expect(rows["T02"]?["总分"] == "90.74")
    #expect(run.code == 0)
  }

  @Test func theExplanationNamesTheLinkedResult() {
    let run = Run(
      "explain", "--pack", Self.secretary, "--input", Self.secretaries, "--linked", "\(Self.branch)=\(Self.branches)",
      "--subject", "S01")
    #expect(run.code == 0)
    #expect(run.out.contains("所在村党组织星级 = 5星（关联 example-linked-branch 1.0.0，ZG001）"))
    let township = Run(
      "explain", "--pack", Self.township, "--input", Self.townships, "--linked", "\(Self.branch)=\(Self.branches)",
      "--subject", "T01")
    #expect(township.out.contains("所辖村党组织平均分 = 79.833333333333分（关联 example-linked-branch 1.0.0 的 3 个对象，总分平均：ZG001、ZG002、ZG003）"))
    #expect(township.out.contains("五星村党组织数 = 1个（关联 example-linked-branch 1.0.0 的 3 个对象，星级 ≥ 5的个数：ZG001、ZG002、ZG003）"))
  }

  @Test func aPackFromTheLibraryIsFoundByID() {
    let run = Run(
      "evaluate", "--pack", Self.secretary, "--input", Self.secretaries, "--library", CLIPaths.repository + "/RulePacks",
      "--linked", "example-linked-branch=\(Self.branches)", "--format", "csv")
    #expect(Self.rows(run.out)["S01"]?["总分"] == "83.00")
    #expect(run.err.contains("(example-linked-branch 1.0.0, linked): 5 read: 5 assessed, 0 rejected"))
  }

  @Test func aMissingLinkIsALocatedError() {
    let run = Run("evaluate", "--pack", Self.secretary, "--input", Self.secretaries, "--format", "csv")
    #expect(run.code == 1)
    #expect(run.out.isEmpty)
    #expect(
      run.err.contains(
        "secretary/pack.json:11:53: error: the link 'branch' reads pack 'example-linked-branch', which is not given; give its pack and data (pbk evaluate --linked PACK=DATA), or correct the id (at /links/0/pack)"))
    // The wrong pack given: named among those given.
    let wrong = Run(
      "evaluate", "--pack", Self.secretary, "--input", Self.secretaries, "--linked", "\(Self.township)=\(Self.townships)")
    #expect(wrong.code == 1)
    #expect(wrong.err.contains("which is not given (given: example-linked-township 1.0.0)"))
  }

  @Test func aCycleIsALocatedError() {
    let run = Run(
      "evaluate", "--pack", Self.fixtures + "/cycle-a.pack.json", "--input", Self.fixtures + "/cycle-a.csv",
      "--linked", "\(Self.fixtures)/cycle-b.pack.json=\(Self.fixtures)/cycle-b.csv")
    #expect(run.code == 1)
    #expect(run.out.isEmpty)
    #expect(
      run.err.contains(
        "cycle-b.pack.json:3:37: error: the links form a cycle: linked-cycle-a → linked-cycle-b → linked-cycle-a (link 'other', /links/0); a pack cannot read its own results, directly or through other packs: remove one of the links (at /links/0/pack)"))
  }

  @Test func aVersionMismatchIsALocatedError() {
    let run = Run(
      "evaluate", "--pack", Self.secretary, "--input", Self.secretaries,
      "--linked", "\(Self.fixtures)/branch-v2.pack.json=\(Self.branches)")
    #expect(run.code == 1)
    #expect(
      run.err.contains(
        "secretary/pack.json:11:89: error: the link 'branch' requires pack 'example-linked-branch' version >=1.0.0 <2.0.0, but version 2.0.0 is given; give results of a version that meets it, or change the requirement (at /links/0/version)"))
  }

  @Test func anAmbiguousJoinRejectsTheRowNamingTheSubjects() {
    let run = Run(
      "evaluate", "--pack", Self.fixtures + "/secretary-by-village.pack.json",
      "--input", Self.fixtures + "/secretaries-by-village.csv",
      "--linked", "\(Self.branch)=\(Self.fixtures)/branches-by-village.csv", "--format", "csv")
    let rows = Self.rows(run.out)
    // Joined on the attribute 村 on both sides: 沙圪堵 finds one branch.
    #expect(rows["S01"] != nil)
    #expect(
      run.err.contains(
        "secretaries-by-village.csv: line 3: subject 'S02': 2 subjects of pack 'example-linked-branch' have 村 '纳林' (ZG002, ZG003), so the link 'branch' (branch) to pack 'example-linked-branch' is ambiguous: it must find exactly one"))
    #expect(run.err.contains("subject 'S03': the subject has no 村, which the link 'branch' (branch) to pack 'example-linked-branch' joins on; give it (a #村 column"))
    #expect(run.err.contains("3 read: 1 assessed, 2 rejected"))
  }

  @Test func aRejectedLinkedSubjectRejectsItsDependents() {
    let run = Run(
      "evaluate", "--pack", Self.secretary, "--input", Self.secretaries,
      "--linked", "\(Self.branch)=\(Self.fixtures)/branches-rejected.csv", "--format", "csv")
    #expect(run.err.contains("branches-rejected.csv: line 3, column 5: subject 'ZG002': 发展经济得分(发展经济) is 120, above the most allowed, 100"))
    #expect(run.err.contains("(example-linked-branch 1.0.0, linked): 4 read: 3 assessed, 1 rejected"))
    #expect(
      run.err.contains(
        "subject 'S02': the linked subject 'ZG002' of pack 'example-linked-branch' was rejected (发展经济得分(发展经济) is 120, above the most allowed, 100); correct it there first"))
    #expect(Self.rows(run.out)["S01"] != nil)
    #expect(run.code == 1)
    // In Chinese: the linked pack's rejection, its counts and the dependent's rejection quoting it.
    let chinese = Run(
      "evaluate", "--lang", "zh", "--pack", Self.secretary, "--input", Self.secretaries,
      "--linked", "\(Self.branch)=\(Self.fixtures)/branches-rejected.csv", "--format", "csv")
    #expect(chinese.err.contains("branches-rejected.csv：第 3 行第 5 列：对象“ZG002”：发展经济得分(发展经济) 为 120，高于允许的最大值 100"))
    #expect(chinese.err.contains("branches-rejected.csv（example-linked-branch 1.0.0，被关联）：读入 4 行：评价 3 个，拒绝 1 个"))
    #expect(
      chinese.err.contains(
        "对象“S02”：规则包“example-linked-branch”的被关联对象“ZG002”已被拒绝（发展经济得分(发展经济) 为 120，高于允许的最大值 100）；请先在那里改正"))
    #expect(!chinese.err.contains(", linked)") && !chinese.err.contains("was rejected"))
    #expect(chinese.out == run.out)
    // A township joins its villages on their parent: the rejected ZG002's parent T01 was read, so T01 is rejected
    // rather than averaged without it, and T02 (ZG004 alone: 0.4×92+0.3×95+0.3×90 = 92.3, five stars, +5;
    // 0.7 × 97.3 + 0.3 × 85 = 93.61) is scored.
    let township = Run(
      "evaluate", "--pack", Self.township, "--input", Self.townships,
      "--linked", "\(Self.branch)=\(Self.fixtures)/branches-rejected.csv", "--format", "csv")
    #expect(
      township.err.contains(
        "subject 'T01': the linked subject 'ZG002' of pack 'example-linked-branch' (parent 'T01') was rejected (发展经济得分(发展经济) is 120, above the most allowed, 100); correct it there first, so that it is not left out"))
    #expect(Self.rows(township.out)["T02"]?["总分"] == "93.61")
    #expect(township.err.contains("2 read: 1 assessed, 1 rejected"))
    // A linked record whose fields could not be read (a row with too few cells) could be any township's village:
    // every township is rejected, naming it.
    let malformed = Run(
      "evaluate", "--pack", Self.township, "--input", Self.townships,
      "--linked", "\(Self.branch)=\(Self.fixtures)/branches-malformed.csv", "--format", "csv")
    #expect(malformed.err.contains("subject 'T02': pack 'example-linked-branch' rejected 1 record(s) (?) whose parent could not be read"))
    #expect(malformed.err.contains("2 read: 0 assessed, 2 rejected"))
  }

  @Test func aLinkedInputGivenInTheDataIsRejected() {
    let run = Run(
      "evaluate", "--pack", Self.secretary, "--input", Self.fixtures + "/secretaries-giving-stars.csv",
      "--linked", "\(Self.branch)=\(Self.branches)", "--format", "csv")
    // An empty cell is not a value: S01 is scored from the link.
    #expect(Self.rows(run.out)["S01"] != nil)
    #expect(
      run.err.contains(
        "subject 'S02': 所在村党组织星级(所在党组织星级) is given in the data, but it is read from pack 'example-linked-branch' through the link 'branch'; remove it from the data"))
  }

  @Test func aReportReadsTheLinkedResultsToo() throws {
    let run = Run(
      "report", "--pack", Self.secretary, "--input", Self.secretaries, "--linked", "\(Self.branch)=\(Self.branches)",
      "--output", "-")
    #expect(run.out.contains("所在村党组织星级 = 5星（关联 example-linked-branch 1.0.0，ZG001）"))
    #expect(run.err.contains("6 read: 5 assessed, 1 rejected"))
  }

  @Test func diffComparesTwoVersionsThatReadTheSameLinkedPack() throws {
    // Version 1.1.0 of the secretary pack accepts branch packs up to 3.0.0: a structural change of the link only.
    let text = try #require(FileManager.default.contents(atPath: Self.secretary).map { String(decoding: $0, as: UTF8.self) })
    let changed = text.replacingOccurrences(of: "\">=1.0.0 <2.0.0\"", with: "\">=1.0.0 <3.0.0\"")
      .replacingOccurrences(of: "\"version\": \"1.0.0\",\n  \"title\"", with: "\"version\": \"1.1.0\",\n  \"title\"")
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("secretary-\(UUID().uuidString).pack.json").path
    try changed.write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let run = Run("diff", Self.secretary, path, "--input", Self.secretaries, "--linked", "\(Self.branch)=\(Self.branches)")
    #expect(run.code == 0)
    #expect(run.out.contains("修改的关联考核 branch「所在村党组织星级评定」\n    version：>=1.0.0 <2.0.0 → >=1.0.0 <3.0.0"))
    #expect(run.out.contains("比较的对象（两包均评分）  5"))
    #expect(run.err.contains("旧包 old: 6 read: 5 assessed, 1 rejected"))
  }

  @Test func validateSaysWhatAPackReads() {
    let run = Run("validate", Self.secretary)
    #expect(run.code == 0)
    #expect(
      run.out.contains(
        "  reads results of pack 'example-linked-branch' >=1.0.0 <2.0.0 through the link 'branch' (into 所在党组织星级, 所在党组织等次); evaluate it with --linked PACK=DATA\n"))
  }

  @Test func linkedIsOnlyForAPackWithLinks() {
    let run = Run("evaluate", "--pack", Self.branch, "--input", Self.branches, "--linked", "\(Self.branch)=\(Self.branches)")
    #expect(run.code == 1)
    #expect(run.err.contains("pack 'example-linked-branch' reads no other pack's results (it has no \"links\"); remove --linked"))
    let malformed = Run("evaluate", "--pack", Self.secretary, "--input", Self.secretaries, "--linked", Self.branch)
    #expect(malformed.err.contains("--linked takes PACK=DATA"))
  }
}
