import PartyBuildingKit

extension PBK {
  /// `pbk evaluate` for a pack with a cohort stage: ranks need every subject, so CSV and JSON output take two
  /// streamed passes over the input. The first scores every subject on every core and keeps only its compact
  /// cohort entry (id, group, ranking keys, grade, stars); the cohort is ranked; the second pass scores again (the
  /// same input gives the same scores), applies each subject's rank, labels and quota moves, and writes in input
  /// order. Memory grows with the subjects only by their compact entries and outcomes. A table, meant for a
  /// terminal, is built in memory. The quota counts follow (on the error output, so a CSV or JSON file stays
  /// clean; after the table on screen).
  func evaluateCohort(pack: RulePack, reader: RecordReader, writer: ResultWriter, threads: Int = 1) -> Int32 {
    let counts: Evaluator<RulePack>.Counts
    let quotas: [QuotaSummary]
    if writer.format == .table {
      var held: [Assessment] = []
      counts = Evaluator(scheme: pack).evaluate(AnySequence { reader }) { outcome in
        switch outcome {
        case .success(let assessment): held.append(assessment)
        case .failure(let error): err.write(Self.describe(error, reader: reader) + "\n")
        }
      }
      let ranked: [Assessment]
      (ranked, quotas) = pack.rank(held)
      writer.begin()
      for assessment in ranked { writer.write(assessment) }
      writer.end()
    } else {
      let evaluator = StreamingEvaluator(pack: pack, threads: threads)
      var firstPass = reader
      var entries: [CohortEntry] = []
      // For each record read: its place among the entries, or −1 when it was rejected.
      var places: [Int32] = []
      counts = evaluator.run(
        &firstPass,
        transform: { assessment, _ in
          assessment.cohortEntry ?? CohortEntry(subjectID: assessment.subject.id, keys: [], excluded: true)
        },
        emit: { _, outcome in
          switch outcome {
          case .success(let entry):
            places.append(Int32(entries.count))
            entries.append(entry)
          case .failure(let error):
            places.append(-1)
            err.write(Self.describe(error, reader: reader) + "\n")
          }
        })
      let result = pack.rankCohort(entries)
      quotas = result.quotas
      let outcomes = result.outcomes
      let recordPlaces = places
      var secondPass = RecordReader(file: reader.file, inputs: pack.info.inputs)
      writer.begin()
      _ = evaluator.run(
        &secondPass,
        transform: { assessment, record in
          var ranked = assessment
          if record < recordPlaces.count, recordPlaces[record] >= 0 {
            pack.apply(outcomes[Int(recordPlaces[record])], to: &ranked)
          }
          return writer.formatted(ranked)
        },
        emit: { _, outcome in
          // Rejected records were reported by the first pass.
          if case .success(let text) = outcome { writer.writeFormatted(text) }
        })
      writer.end()
    }
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
