import PartyBuildingKit

extension PBK {
  /// `pbk evaluate` for a pack with a cohort stage: ranks need every subject, so CSV and JSON output take two
  /// streamed passes over the input. The first scores every subject on every core and keeps only its compact
  /// cohort entry (group index, ranking keys, grade, stars, flags: no id, no text); the cohort is ranked into a few
  /// numbers per subject; the second pass scores again (the same input gives the same scores), finds each record's
  /// outcome by its number, applies its rank, labels and quota moves (their words made only now), and writes in
  /// input order. Memory grows with the subjects only by these few bytes each. A table, meant for a
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
      var entries = CohortEntries(for: pack)
      // The records rejected by the first pass, by number (in order); every other record has an entry, in order.
      var rejected: [Int] = []
      counts = evaluator.run(
        &firstPass,
        transform: { assessment, _ in RulePack.cohortEntry(of: assessment) },
        emit: { record, outcome in
          switch outcome {
          case .success(let entry): entries.append(entry)
          case .failure(let error):
            rejected.append(record)
            err.write(Self.describe(error, reader: reader) + "\n")
          }
        })
      let ranking = pack.rankCohort(entries)
      // The ranking keeps what the second pass needs; the keys and grades go.
      entries = CohortEntries(for: pack)
      quotas = ranking.quotas
      let skipped = rejected
      var secondPass = RecordReader(file: reader.file, inputs: pack.info.inputs)
      writer.begin()
      _ = evaluator.run(
        &secondPass,
        transform: { assessment, record in
          var ranked = assessment
          if let index = Self.entryIndex(ofRecord: record, skipping: skipped), index < ranking.count {
            pack.apply(ranking, at: index, to: &ranked)
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
    var entries = CohortEntries(for: pack)
    var target: Int?
    Evaluator(scheme: pack).evaluate(AnySequence { reader }) { outcome in
      guard case .success(let assessment) = outcome else { return }
      if assessment.subject.id == explained.subject.id {
        target = entries.count
        entries.append(RulePack.cohortEntry(of: explained))
      } else {
        entries.append(RulePack.cohortEntry(of: assessment))
      }
    }
    guard let target else { return explained }
    var ranked = explained
    pack.apply(pack.rankCohort(entries), at: target, to: &ranked)
    return ranked
  }

  /// The place among the first pass's entries of the record numbered `record`, or nil when the record was rejected.
  /// `rejected` lists the rejected records' numbers in increasing order.
  static func entryIndex(ofRecord record: Int, skipping rejected: [Int]) -> Int? {
    guard !rejected.isEmpty else { return record }
    // How many rejected records come before this one.
    var low = 0
    var high = rejected.count
    while low < high {
      let middle = (low + high) / 2
      if rejected[middle] < record { low = middle + 1 } else { high = middle }
    }
    if low < rejected.count, rejected[low] == record { return nil }
    return record - low
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
