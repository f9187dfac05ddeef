/// Runs any scheme over many subjects; every record ends as an assessment or as a reported error.
public struct Evaluator<Scheme: AssessmentScheme>: Sendable {
  /// The scheme every subject is assessed with.
  public let scheme: Scheme

  /// An evaluator of `scheme`.
  public init(scheme: Scheme) { self.scheme = scheme }

  /// How many records were read, assessed and rejected; `read == assessed + rejected` always.
  public struct Counts: Sendable, Hashable, CustomStringConvertible {
    /// How many records were read (each one ends assessed or rejected).
    public var read = 0
    /// How many records became an ``Assessment``.
    public var assessed = 0
    /// How many records were rejected, each with an ``AssessmentError``.
    public var rejected = 0

    /// The counts as `pbk` prints them: `11 read: 10 assessed, 1 rejected`.
    public var description: String { "\(read) read: \(assessed) assessed, \(rejected) rejected" }
  }

  /// Assesses each record in turn and hands each outcome to `handle`, in input order.
  ///
  /// A subject id given twice is rejected the second time: results must not be ambiguous. A scheme written in Swift
  /// gets each subject's facts checked against its declared inputs first (``SchemeInfo/checked(_:)``), as a rule pack
  /// checks its own; a record that is already a failure is counted as rejected and handed on as it is.
  ///
  /// - Returns: the counts; `read == assessed + rejected`.
  /// - Throws: only what `handle` throws (which stops the run).
  @discardableResult
  public func evaluate(
    _ records: some Sequence<Result<AssessmentInput, AssessmentError>>, explain: Bool = false,
    handle: (Result<Assessment, AssessmentError>) throws -> Void
  ) rethrows -> Counts {
    var counts = Counts()
    var firstSeen: [String: InputOrigin?] = [:]
    for record in records {
      counts.read += 1
      let outcome: Result<Assessment, AssessmentError>
      switch record {
      case .failure(let error): outcome = .failure(error)
      case .success(let input):
        if let earlier = firstSeen[input.subject.id] {
          outcome = .failure(InputCoercion.repeatedIDError(input.subject.id, firstLine: earlier?.line ?? 0, origin: input.origin))
        } else {
          firstSeen[input.subject.id] = input.origin
          outcome = Result { () throws(AssessmentError) in
            // A pack checks its facts itself; a scheme written in Swift gets them checked as a pack's are.
            try scheme.assess(scheme is RulePack ? input : try scheme.info.checked(input), explain: explain)
          }
        }
      }
      switch outcome {
      case .success: counts.assessed += 1
      case .failure: counts.rejected += 1
      }
      try handle(outcome)
    }
    return counts
  }

  /// Assesses every input and returns the results and errors with their counts.
  ///
  /// The same checks as ``evaluate(_:explain:handle:)``; the assessments and the errors each keep input order.
  public func evaluate(_ inputs: [AssessmentInput], explain: Bool = false) -> (
    assessments: [Assessment], errors: [AssessmentError], counts: Counts
  ) {
    var assessments: [Assessment] = []
    var errors: [AssessmentError] = []
    let counts = evaluate(inputs.lazy.map { .success($0) }, explain: explain) { outcome in
      switch outcome {
      case .success(let assessment): assessments.append(assessment)
      case .failure(let error): errors.append(error)
      }
    }
    return (assessments, errors, counts)
  }
}
