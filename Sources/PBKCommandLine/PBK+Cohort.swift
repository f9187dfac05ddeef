import PartyBuildingKit

extension PBK {
  /// `pbk evaluate` for a pack with a cohort stage: every subject is scored first and held (without its trace),
  /// then the cohort is ranked, and the results are written with rank, cohort size, labels and quota moves; the
  /// quota counts follow (on the error output, so a CSV or JSON file stays clean; after the table on screen).
  func evaluateCohort(pack: RulePack, reader: RecordReader, writer: ResultWriter) -> Int32 {
    var held: [Assessment] = []
    let counts = Evaluator(scheme: pack).evaluate(AnySequence { reader }) { outcome in
      switch outcome {
      case .success(let assessment): held.append(assessment)
      case .failure(let error): err.write(Self.describe(error, reader: reader) + "\n")
      }
    }
    let (ranked, quotas) = pack.rank(held)
    writer.begin()
    for assessment in ranked { writer.write(assessment) }
    writer.end()
    let summary = writer.format == .table ? out : err
    for quota in quotas { summary.write("名额 quota: \(quota)\n") }
    err.write("\(counts.read) read: \(counts.assessed) assessed, \(counts.rejected) rejected\n")
    return counts.rejected == 0 ? ExitCode.ok : ExitCode.problems
  }
}

extension PBK {
  /// For `pbk explain` with a cohort pack: scores every subject of the input, ranks the cohort, and returns the
  /// explained subject with its rank, labels and quota moves added to its trace.
  func ranked(_ explained: Assessment, pack: RulePack, inputPath: String) -> Assessment {
    let reader = RecordReader(file: inputPath, inputs: pack.info.inputs)
    var all: [Assessment] = []
    var target: Int?
    Evaluator(scheme: pack).evaluate(AnySequence { reader }) { outcome in
      guard case .success(let assessment) = outcome else { return }
      if assessment.subject.id == explained.subject.id {
        target = all.count
        all.append(explained)
      } else {
        all.append(assessment)
      }
    }
    guard let target else { return explained }
    return pack.rank(all).assessments[target]
  }
}

extension ResultWriter {
  /// 排名, 参评数, 标签, 名额调整.
  func cohortFields(_ assessment: Assessment) -> [String] {
    [
      assessment.rank.map(String.init) ?? "不排名",
      assessment.cohortSize.map(String.init) ?? "",
      assessment.labels.map { "\($0.label)（\($0.reason)）" }.joined(separator: "；"),
      assessment.quotaMoves.joined(separator: "；"),
    ]
  }

  func cohortJSON(_ assessment: Assessment) -> [String] {
    let labels = assessment.labels.map {
      "{\"id\":\(JSONText.quoted($0.id)),\"label\":\(JSONText.quoted($0.label)),\"reason\":\(JSONText.quoted($0.reason))}"
    }
    return [
      "\"rank\":\(assessment.rank.map(String.init) ?? "null")",
      "\"cohortSize\":\(assessment.cohortSize.map(String.init) ?? "null")",
      "\"cohortGroup\":\(JSONText.quoted(assessment.cohortGroup ?? ""))",
      "\"labels\":[\(labels.joined(separator: ","))]",
      "\"quotaMoves\":[\(assessment.quotaMoves.map(JSONText.quoted).joined(separator: ","))]",
    ]
  }
}
