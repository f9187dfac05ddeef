/// Runs any scheme over many subjects; every record ends as an assessment or as a reported error.
public struct Evaluator<Scheme: AssessmentScheme>: Sendable {
  public let scheme: Scheme

  public init(scheme: Scheme) { self.scheme = scheme }

  /// How many records were read, assessed and rejected; `read == assessed + rejected` always.
  public struct Counts: Sendable, Hashable, CustomStringConvertible {
    public var read = 0
    public var assessed = 0
    public var rejected = 0

    public var description: String { "\(read) read: \(assessed) assessed, \(rejected) rejected" }
  }

  /// Assesses each record in turn and hands each outcome to `handle`, in input order.
  ///
  /// A subject id given twice is rejected the second time: results must not be ambiguous.
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
