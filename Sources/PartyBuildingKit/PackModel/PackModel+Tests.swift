extension PackModel {
  /// A test case embedded in a pack: a subject's inputs and the result worked out from the document by hand, or a
  /// cohort of subjects scored and ranked together.
  public struct TestCase: Sendable, Hashable, Codable {
    /// What the case checks.
    public var name: String
    /// The subject (its id, name, kind and parent).
    public var subject: TestSubject?
    /// The inputs by input id (shared by every member of a cohort case).
    public var inputs: [String: TestInput]?
    /// Ledger events.
    public var events: [Event]?
    /// The raters' forms (测评表) of the case's subject, for items scored from them: each form's keys are the fields
    /// (by id or label) and its own `group`, `spoiled`, `form` (表号) and `rater` (评议人).
    public var forms: [[String: PackValue]]?
    /// The results of host functions in this case, by function name.
    public var functions: [String: HostFunctionResults]?
    /// The expected result.
    public var expect: Expectation?
    /// The subjects of a cohort case.
    public var cohort: [CohortMember]?
    /// The results of linked packs, by link id (`"linked"`), standing in for scoring them.
    public var linked: [String: LinkedResult]?
    /// The subject's result of the previous period, by previous field id (`{"上年星级": 3}`); absent: none.
    public var previous: [String: PackValue]?

    /// A case `name` with `inputs` and what it expects.
    public init(name: String, inputs: [String: TestInput]? = nil, expect: Expectation? = nil) {
      self.name = name
      self.inputs = inputs
      self.expect = expect
    }
  }

  /// A test case's inline result of a linked pack: one subject's (an object), or the joined subjects' of a link that
  /// aggregates (an array).
  public enum LinkedResult: Sendable, Hashable, Codable {
    /// The one linked subject's result.
    case one(LinkedTestSubject)
    /// The results of the subjects an aggregating link joins.
    case many([LinkedTestSubject])

    /// Reads an object, or an array of objects.
    public init(from decoder: any Decoder) throws {
      if let many = try? decoder.singleValueContainer().decode([LinkedTestSubject].self) {
        self = .many(many)
      } else {
        self = .one(try LinkedTestSubject(from: decoder))
      }
    }

    /// Writes an object, or an array of objects.
    public func encode(to encoder: any Encoder) throws {
      var container = encoder.singleValueContainer()
      switch self {
      case .one(let subject): try container.encode(subject)
      case .many(let subjects): try container.encode(subjects)
      }
    }
  }

  /// A linked subject's result in a test case.
  public struct LinkedTestSubject: Sendable, Hashable, Codable {
    /// Its id, e.g. ZG001.
    public var id: String
    /// The linked pack's version the result stands for; nil: not said.
    public var version: String?
    /// Its total; nil: none (void).
    public var total: ExactDecimal?
    /// Its grade; nil: none.
    public var grade: String?
    /// Its star level; nil: none.
    public var stars: Int?
    /// The cohort labels it was given, by id.
    public var labels: [String]?
    /// Its numeric outcomes by id.
    public var outcomes: [String: ExactDecimal]?

    /// A linked subject `id`.
    public init(id: String) { self.id = id }
  }

  /// A test case's subject.
  public struct TestSubject: Sendable, Hashable, Codable {
    /// The subject's id (编号), e.g. T01; nil: none.
    public var id: String?
    /// Its name (名称), e.g. 石岭村党支部书记; nil: none.
    public var name: String?
    /// Its kind (类型), e.g. 书记; nil: none.
    public var kind: String?
    /// The organisation above it (上级); nil: none.
    public var parent: String?

    /// A subject.
    public init(id: String? = nil, name: String? = nil, kind: String? = nil, parent: String? = nil) {
      self.id = id
      self.name = name
      self.kind = kind
      self.parent = parent
    }
  }

  /// A test input: one value, or the parts of a ballot or period input by part name (`{"好": 12, "较好": 3}`).
  public enum TestInput: Sendable, Hashable, Codable {
    /// One value: a number, true/false, or a choice's text.
    case value(PackValue)
    /// Values by part: a ballot item's counts by choice (`{"好": 12, "较好": 3}`) or a period input's values by period
    /// (`{"一季度": 90}`).
    case parts([String: PackValue])

    /// Reads a value, or an object of parts.
    public init(from decoder: any Decoder) throws {
      if let parts = try? decoder.singleValueContainer().decode([String: PackValue].self) {
        self = .parts(parts)
      } else {
        self = .value(try PackValue(from: decoder))
      }
    }

    /// Writes a value, or an object of parts.
    public func encode(to encoder: any Encoder) throws {
      switch self {
      case .value(let value): try value.encode(to: encoder)
      case .parts(let parts):
        var container = encoder.singleValueContainer()
        try container.encode(parts)
      }
    }
  }

  /// The results a test case gives a host function: one for every call, or one per list of arguments.
  public enum HostFunctionResults: Sendable, Hashable, Codable {
    /// The same result for every call.
    case always(PackValue)
    /// One result per list of arguments; a call with arguments not listed fails the case, saying what to add.
    case byArguments([Call])

    /// One call's arguments and result.
    public struct Call: Sendable, Hashable, Codable {
      /// The call's arguments, in order (numbers, or true/false).
      public var arguments: [PackValue]
      /// What the function gives for them.
      public var result: PackValue

      /// A call with `arguments` giving `result`.
      public init(arguments: [PackValue], result: PackValue) {
        self.arguments = arguments
        self.result = result
      }
    }

    /// Reads a value, or a list of calls.
    public init(from decoder: any Decoder) throws {
      if let calls = try? decoder.singleValueContainer().decode([Call].self) {
        self = .byArguments(calls)
      } else {
        self = .always(try PackValue(from: decoder))
      }
    }

    /// Writes a value, or a list of calls.
    public func encode(to encoder: any Encoder) throws {
      switch self {
      case .always(let value): try value.encode(to: encoder)
      case .byArguments(let calls):
        var container = encoder.singleValueContainer()
        try container.encode(calls)
      }
    }
  }

  /// A ledger event of a test case, as written.
  public struct Event: Sendable, Hashable, Codable {
    /// The day it happened, `YYYY-MM-DD`, on or before the ledger's ``PackModel/Ledger/asOf``.
    public var date: String
    /// The event kind, as a ledger rule's ``PackModel/LedgerRule/kind`` names it, e.g. 缺席.
    public var kind: String
    /// How many times, as written; nil: 1.
    public var count: String?
    /// The severity (情节), e.g. 一般 or 严重, for a rule that deducts by severity; nil: none.
    public var severity: String?
    /// An incident id (同一事件编号): of deductions naming the same incident only the highest counts; nil: none.
    public var incident: String?
    /// The level (国家级, 省级, …) of an award graded by level.
    public var level: String?

    /// An event of `kind` on `date` (`YYYY-MM-DD`).
    public init(
      date: String, kind: String, count: String? = nil, severity: String? = nil, incident: String? = nil,
      level: String? = nil
    ) {
      self.date = date
      self.kind = kind
      self.count = count
      self.severity = severity
      self.incident = incident
      self.level = level
    }
  }

  /// A member of a cohort test case.
  public struct CohortMember: Sendable, Hashable, Codable {
    /// The member's id (编号); nil: none.
    public var id: String?
    /// Its name (名称); nil: none.
    public var name: String?
    /// Its kind (类型), for a cohort grouped by kind; nil: none.
    public var kind: String?
    /// The organisation above it (上级), for a cohort grouped by parent; nil: none.
    public var parent: String?
    /// Its attributes by name, as text, for a cohort grouped by an attribute (like a CSV's `#乡镇` column); nil: none.
    public var attributes: [String: String]?
    /// Inputs that add to or replace the case's.
    public var inputs: [String: TestInput]?
    /// Events that replace the case's.
    public var events: [Event]?
    /// Rater forms that replace the case's (see ``PackModel/TestCase/forms``).
    public var forms: [[String: PackValue]]?
    /// What it expects, which may also check its ``PackModel/Expectation/rank``, ``PackModel/Expectation/cohortSize``
    /// and ``PackModel/Expectation/labels``.
    public var expect: Expectation?

    /// A member `id`.
    public init(id: String? = nil, inputs: [String: TestInput]? = nil, expect: Expectation? = nil) {
      self.id = id
      self.inputs = inputs
      self.expect = expect
    }
  }

  /// What a test case expects; a part not given is not checked.
  public struct Expectation: Sendable, Hashable, Codable {
    /// The total; numbers compare by value, so 90 and 90.00 are the same.
    public var total: ExactDecimal?
    /// Component scores by component id.
    public var components: [String: ExactDecimal]?
    /// Section scores by section id.
    public var sections: [String: ExactDecimal]?
    /// Numeric outcomes by outcome id.
    public var outcomes: [String: ExactDecimal]?
    /// The grade; ``GradeExpectation/noGrade`` expects none (`"grade": null`).
    public var grade: GradeExpectation?
    /// The star level.
    public var stars: Int?
    /// The earned star items, by id, as an exact set.
    public var starItems: [String]?
    /// The vetoes that fire, by id, as an exact set: `[]` expects none.
    public var vetoes: [String]?
    /// The consequences that follow, by id, as an exact set: `[]` expects none.
    public var consequences: [String]?
    /// Text the error message must contain: the case expects the subject to be rejected.
    public var error: String?
    /// The rank in the cohort; ``RankExpectation/unranked`` expects none (left out of the ranking).
    public var rank: RankExpectation?
    /// The number of subjects in its cohort group.
    public var cohortSize: Int?
    /// Its cohort labels, by id, as an exact set.
    public var labels: [String]?
    /// Text the void reason must contain; `""` expects a result that is not void.
    public var void: String?
    /// The what-it-takes summary, exactly.
    public var whatItTakes: String?

    /// A grade, or none.
    public enum GradeExpectation: Sendable, Hashable {
      /// This grade, by name.
      case grade(String)
      /// No grade (不定等次): `"grade": null`.
      case noGrade
    }

    /// A rank, or none.
    public enum RankExpectation: Sendable, Hashable {
      /// This rank, from 1.
      case rank(Int)
      /// Not ranked (`"rank": null`): excluded, or a void vote.
      case unranked
    }

    private enum CodingKeys: String, CodingKey {
      case total, components, sections, outcomes, grade, stars, starItems, vetoes, consequences, error, rank, cohortSize,
        labels, void, whatItTakes
    }

    /// An expectation; fill in what to check.
    public init(total: ExactDecimal? = nil, grade: GradeExpectation? = nil) {
      self.total = total
      self.grade = grade
    }

    /// Reads an `expect` object: `"grade": null` and `"rank": null` expect none; `"void": false` expects a result
    /// that is not void.
    public init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      total = try container.decodeIfPresent(ExactDecimal.self, forKey: .total)
      components = try container.decodeIfPresent([String: ExactDecimal].self, forKey: .components)
      sections = try container.decodeIfPresent([String: ExactDecimal].self, forKey: .sections)
      outcomes = try container.decodeIfPresent([String: ExactDecimal].self, forKey: .outcomes)
      if container.contains(.grade) {
        grade = try container.decodeNil(forKey: .grade) ? .noGrade : .grade(try container.decode(String.self, forKey: .grade))
      }
      stars = try container.decodeIfPresent(Int.self, forKey: .stars)
      starItems = try container.decodeIfPresent([String].self, forKey: .starItems)
      vetoes = try container.decodeIfPresent([String].self, forKey: .vetoes)
      consequences = try container.decodeIfPresent([String].self, forKey: .consequences)
      error = try container.decodeIfPresent(String.self, forKey: .error)
      if container.contains(.rank) {
        rank = try container.decodeNil(forKey: .rank) ? .unranked : .rank(try container.decode(Int.self, forKey: .rank))
      }
      cohortSize = try container.decodeIfPresent(Int.self, forKey: .cohortSize)
      labels = try container.decodeIfPresent([String].self, forKey: .labels)
      if container.contains(.void) {
        if let flag = try? container.decode(Bool.self, forKey: .void) {
          void = flag ? nil : ""
        } else {
          void = try container.decode(String.self, forKey: .void)
        }
      }
      whatItTakes = try container.decodeIfPresent(String.self, forKey: .whatItTakes)
    }

    /// Writes an `expect` object as a pack file has it.
    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encodeIfPresent(total, forKey: .total)
      try container.encodeIfPresent(components, forKey: .components)
      try container.encodeIfPresent(sections, forKey: .sections)
      try container.encodeIfPresent(outcomes, forKey: .outcomes)
      switch grade {
      case .grade(let name)?: try container.encode(name, forKey: .grade)
      case .noGrade?: try container.encodeNil(forKey: .grade)
      case nil: break
      }
      try container.encodeIfPresent(stars, forKey: .stars)
      try container.encodeIfPresent(starItems, forKey: .starItems)
      try container.encodeIfPresent(vetoes, forKey: .vetoes)
      try container.encodeIfPresent(consequences, forKey: .consequences)
      try container.encodeIfPresent(error, forKey: .error)
      switch rank {
      case .rank(let value)?: try container.encode(value, forKey: .rank)
      case .unranked?: try container.encodeNil(forKey: .rank)
      case nil: break
      }
      try container.encodeIfPresent(cohortSize, forKey: .cohortSize)
      try container.encodeIfPresent(labels, forKey: .labels)
      try container.encodeIfPresent(void, forKey: .void)
      try container.encodeIfPresent(whatItTakes, forKey: .whatItTakes)
    }
  }
}
