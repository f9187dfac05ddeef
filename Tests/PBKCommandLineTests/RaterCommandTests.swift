import Foundation
import Testing

@testable import PBKCommandLine
@testable import PartyBuildingKit

/// `pbk evaluate --forms FILE` and `pbk explain --forms FILE`: a review scored from each rater's form (测评表).
@Suite struct RaterCommandTests {
  static let pack = CLIPaths.repository + "/RulePacks/examples/raters/pack.json"
  static let subjects = CLIPaths.repository + "/Examples/data/raters-subjects.csv"
  static let forms = CLIPaths.repository + "/Examples/data/raters-forms.csv"

  @Test func theSampleFormsScoreEverySubject() {
    let run = Run("evaluate", "--pack", Self.pack, "--input", Self.subjects, "--forms", Self.forms, "--format", "csv")
    #expect(run.code == 0)
    #expect(run.err == "3 read: 3 assessed, 0 rejected (41 forms: 38 counted, 3 void, 0 rejected)\n")
    let rows = run.out.split(whereSeparator: \.isNewline).map(String.init)
    #expect(rows.count == 4)
    #expect(rows[1].hasPrefix("GB001,张明华,") && rows[1].contains(",86.92,") && rows[1].contains(",称职"))
    #expect(rows[3].hasPrefix("GB003,陈立新,") && rows[3].contains("加权后半数以上测评人认为不称职"))
  }

  /// A form of no subject in the input, and a repeated rater, are reported with their file and line; the forms are
  /// counted as rejected in the last line and the exit code says something was rejected.
  @Test func rejectedFormsAreReportedAndCounted() throws {
    let folder = ReliabilityTests.folder()
    let text = try String(contentsOfFile: Self.forms, encoding: .utf8)
    let lines = text.split(separator: "\n").map(String.init)
    let extra = [
      "GB009,1,R01,领导,,90,90,90,90,90,优秀",  // line 43
      lines[16].replacingOccurrences(of: "GB002,3,", with: "GB002,99,"),  // line 44: R03 again for GB002
    ]
    let path = ReliabilityTests.write(Array((lines + extra).joined(separator: "\n").utf8), "forms.csv", in: folder)
    let run = Run("evaluate", "--pack", Self.pack, "--input", Self.subjects, "--forms", path, "--format", "csv")
    #expect(run.code == 1)
    #expect(
      run.err.contains(
        "error: \(Self.subjects): line 3: subject 'GB002': rater form 表 99（\(path):44）: the rater 'R03' already gave 表 3（\(path):17） for this subject"))
    #expect(run.err.contains("error: \(path): line 43: subject 'GB009': no subject 'GB009' in the input"))
    // GB002's 14 forms and its repeat, and GB009's: 16 rejected.
    #expect(run.err.hasSuffix("3 read: 2 assessed, 1 rejected (43 forms: 24 counted, 3 void, 16 rejected)\n"), "\(run.err)")
  }

  /// The same run in Chinese: the rejected forms and the forms' counts in the last line are worded in Chinese.
  @Test func rejectedFormsAreReportedInChinese() throws {
    let folder = ReliabilityTests.folder()
    let text = try String(contentsOfFile: Self.forms, encoding: .utf8)
    let lines = text.split(separator: "\n").map(String.init)
    let extra = [
      "GB009,1,R01,领导,,90,90,90,90,90,优秀",  // line 43
      lines[16].replacingOccurrences(of: "GB002,3,", with: "GB002,99,"),  // line 44: R03 again for GB002
    ]
    let path = ReliabilityTests.write(Array((lines + extra).joined(separator: "\n").utf8), "forms.csv", in: folder)
    let out = StringSink()
    let err = StringSink()
    let code = PBK(out: out, err: err, language: .chinese).run(
      ["evaluate", "--pack", Self.pack, "--input", Self.subjects, "--forms", path, "--format", "csv"])
    #expect(code == 1)
    #expect(
      err.text.contains(
        "测评表 表 99（\(path):44）：评议人“R03”已为该对象交过表 3（\(path):17）；每位评议人对每个对象只交一张测评表：请删去重复的测评表，或改正其评议人"),
      "\(err.text)")
    #expect(err.text.contains("输入中没有对象“GB009”（或其记录在读到编号之前就被拒绝了），这张测评表不计入；"))
    #expect(err.text.hasSuffix("（测评表 43 份：计入 24 份，无效 3 份，拒绝 16 份）\n"), "\(err.text)")
    #expect(!err.text.contains("forms:"))
  }

  /// The --errors file holds the rejected rows and the forms rejected on their own, whose line names the forms file.
  @Test func theErrorsFileHoldsTheRejectedForms() throws {
    let folder = ReliabilityTests.folder()
    let text = try String(contentsOfFile: Self.forms, encoding: .utf8)
    let path = ReliabilityTests.write(
      Array((text + "GB009,1,R01,领导,,90,90,90,90,90,优秀\n").utf8), "forms.csv", in: folder)
    let output = folder + "/out.csv"
    let errors = folder + "/errors.csv"
    let run = Run(
      "evaluate", "--pack", Self.pack, "--input", Self.subjects, "--forms", path, "--output", output, "--errors", errors)
    #expect(run.code == 1)
    #expect(
      run.err.hasSuffix(
        "3 read: 3 assessed, 0 rejected (42 forms: 38 counted, 3 void, 1 rejected; 3 results in \(output) + 0 rejected rows and 1 rejected forms in \(errors))\n"),
      "\(run.err)")
    let rows = try String(contentsOfFile: errors, encoding: .utf8).split(whereSeparator: \.isNewline)
    #expect(rows.count == 2)
    #expect(rows.last?.hasPrefix("\(path):43,,GB009,,") == true)
  }

  @Test func theExplanationShowsEachAggregation() {
    let run = Run(
      "explain", "--pack", Self.pack, "--input", Self.subjects, "--forms", Self.forms, "--subject", "GB001")
    #expect(run.code == 0)
    #expect(run.out.contains("测评表 13 份：计入 10 份，无效 3 份（表 8（\(Self.forms):9）：标记为废票；"))
    #expect(run.out.contains("党员群众：打分 90、86、60（由高到低），去掉最高分 90、最低分 60 后平均 86 / 1 = 86 × 30%"))
    #expect(run.out.contains("总分 86.92 / 100  等次 称职"))
  }

  @Test func theFormsAreAFileNotStandardInput() {
    let run = Run("evaluate", "--pack", Self.pack, "--input", Self.subjects, "--forms", "-")
    #expect(run.code == 64)
    #expect(run.err.contains("--forms takes a file"))
  }

  @Test func aTableOfSubjectsWithoutFormsSaysWhatToGive() {
    let run = Run("evaluate", "--pack", Self.pack, "--input", Self.subjects)
    #expect(run.code == 1)
    #expect(run.err.contains("give them in a forms file (pbk evaluate --forms FILE)"))
  }

  @Test func theRecordOfTheRunNamesTheFormsFile() throws {
    let folder = ReliabilityTests.folder()
    let output = folder + "/out.csv"
    let run = Run("evaluate", "--pack", Self.pack, "--input", Self.subjects, "--forms", Self.forms, "--output", output)
    #expect(run.code == 0)
    let record = try ProvenanceTests.record(output + ".meta.json")
    #expect(
      record.forms
        == .init(file: Self.forms, sha256: try ProvenanceTests.sha256sum(Self.forms), bytes: ProvenanceTests.size(Self.forms)))
    #expect(record.counts.forms == .init(read: 41, counted: 38, void: 3, rejected: 0))
  }

  @Test func theHelpDocumentsTheOption() {
    let run = Run("evaluate", "--help")
    #expect(run.out.contains("--forms FILE") && run.out.contains("RATER FORMS (测评表)"))
    #expect(run.out.contains("form of the same rater (评议人) for the same subject, reject the subject"))
  }
}
