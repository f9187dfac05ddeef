import PartyBuildingKit

/// What a report shows, collected from one run of a batch: a compact row per subject, the rejected rows, the counts,
/// and the explanations kept (at most ``explanationLimit`` of them, those of subjects something happened to first).
struct ReportData {
  /// One assessed subject, as the report shows it.
  struct Row {
    /// Its place in the input (0-based among the assessed subjects).
    var order: Int
    var id: String
    var name: String
    /// The total at the pack's precision; nil when the result is void.
    var total: ExactDecimal?
    var grade: String?
    var voidReason: String?
    var stars: Int?
    var rank: Int?
    var cohortSize: Int?
    var group: String?
    var labels: [CohortLabel]
    var quotaMoves: [String]
    var vetoes: [FiredVeto]
    var consequences: [FiredConsequence]
    /// The explanation, in the words `pbk explain` uses; nil when it was not kept.
    var explanation: String?

    /// Whether something happened to the subject beyond a score and a grade: a veto, a consequence, a label, a quota
    /// move, or a void result. Such subjects' explanations are kept first.
    var isFlagged: Bool {
      voidReason != nil || !vetoes.isEmpty || !consequences.isEmpty || !labels.isEmpty || !quotaMoves.isEmpty
    }
  }

  /// A record that could not be assessed.
  struct Rejected {
    /// The input's line (a sheet's row), when known.
    var line: Int?
    /// The column: a number, or a sheet's letters.
    var column: String?
    var id: String?
    var message: String
  }

  var rows: [Row] = []
  var rejected: [Rejected] = []
  var counts = BatchCounts()
  /// What became of the raters' forms (`--forms`), when the pack scores from them.
  var forms: FormCounts?
  var quotas: [QuotaSummary] = []
  /// How many results are void (counted among the assessed, not scored).
  var void = 0
  /// The most explanations kept; nil: every subject's.
  var explanationLimit: Int?
  /// How many explanations were kept, and how many subjects were flagged.
  var explained = 0
  var flagged = 0
}

/// Collects a ``ReportData`` from a batch's outcomes, in input order, keeping at most `limit` explanations.
///
/// The first `limit` flagged subjects' explanations are kept, and the first `limit` others'; at the end the others'
/// are cut so that flagged ones come first and the total is at most `limit`. At most 2 × `limit` explanations are
/// ever held, whatever the size of the input.
struct ReportCollector {
  let limit: Int?
  let explains: Bool
  private(set) var data = ReportData()
  private var keptFlagged = 0
  private var keptPlain = 0

  init(limit: Int?, explains: Bool) {
    self.limit = limit
    self.explains = explains
    data.explanationLimit = limit
  }

  mutating func add(_ outcome: Result<Assessment, AssessmentError>) {
    switch outcome {
    case .failure(let error):
      let column = error.column.map { column in
        error.origin?.sheet != nil ? (XLSXCellReference.letters(forColumn: column) ?? String(column)) : String(column)
      }
      data.rejected.append(
        ReportData.Rejected(line: error.origin?.line, column: column, id: error.subjectID, message: error.message))
    case .success(let assessment):
      var row = ReportData.Row(
        order: data.rows.count, id: assessment.subject.id, name: assessment.subject.name,
        total: assessment.voidReason == nil ? assessment.total : nil, grade: assessment.grade,
        voidReason: assessment.voidReason, stars: assessment.voidReason == nil ? assessment.stars : nil,
        rank: assessment.rank, cohortSize: assessment.cohortSize, group: assessment.cohortGroup,
        labels: assessment.labels, quotaMoves: assessment.quotaMoves, vetoes: assessment.vetoes,
        consequences: assessment.consequences)
      if row.voidReason != nil { data.void += 1 }
      let flagged = row.isFlagged
      if flagged { data.flagged += 1 }
      if explains {
        let room = limit.map { flagged ? keptFlagged < $0 : keptPlain < $0 } ?? true
        if room {
          row.explanation = TraceFormatter.lines(assessment).joined(separator: "\n")
          if flagged { keptFlagged += 1 } else { keptPlain += 1 }
        }
      }
      data.rows.append(row)
    }
  }

  /// The data, once the batch is done: the explanations of others beyond what the flagged ones leave room for are
  /// dropped (the later ones in input order).
  mutating func finish(_ summary: BatchEvaluator.Summary) -> ReportData {
    data.counts = summary.counts
    data.forms = summary.forms
    data.quotas = summary.quotas
    if let limit {
      var room = max(0, limit - keptFlagged)
      for index in data.rows.indices where data.rows[index].explanation != nil && !data.rows[index].isFlagged {
        if room > 0 {
          room -= 1
        } else {
          data.rows[index].explanation = nil
        }
      }
    }
    data.explained = data.rows.lazy.filter { $0.explanation != nil }.count
    return data
  }
}
