extension AssessmentPeriod: Codable {
  /// A period is coded as its label, e.g. `"2025"`.
  public init(from decoder: any Decoder) throws {
    self.init(try decoder.singleValueContainer().decode(String.self))
  }

  /// Encodes the period as its label, a JSON string.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(label)
  }
}

extension InputValue: Codable {
  private enum CodingKeys: String, CodingKey { case number, boolean, text }

  /// A fact is coded as an object of one key saying its kind: `{"number": "85.5"}`, `{"boolean": true}`,
  /// `{"text": "县级"}` (a number's digits as text, so nothing passes through binary floating point).
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    if let number = try container.decodeIfPresent(ExactDecimal.self, forKey: .number) {
      self = .number(number)
    } else if let flag = try container.decodeIfPresent(Bool.self, forKey: .boolean) {
      self = .boolean(flag)
    } else if let text = try container.decodeIfPresent(String.self, forKey: .text) {
      self = .text(text)
    } else {
      throw DecodingError.dataCorrupted(
        DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "a fact is {\"number\": …}, {\"boolean\": …} or {\"text\": …}"))
    }
  }

  /// Encodes the fact as an object of one key: `{"number": "85.5"}` (the exact digits), `{"boolean": true}` or
  /// `{"text": "…"}`.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    switch self {
    case .number(let value): try container.encode(value, forKey: .number)
    case .boolean(let value): try container.encode(value, forKey: .boolean)
    case .text(let value): try container.encode(value, forKey: .text)
    }
  }
}

extension Assessment: Codable {
  private enum CodingKeys: String, CodingKey {
    case subject, period, schemeID, total, fullMarks, components, sections, grade, stars, starItems, vetoes
    case consequences, outcomes, voidReason, rank, cohortSize, cohortGroup, labels, quotaMoves, whatItTakes, trace,
      cohortEntry
  }

  /// Decodes an assessment; lists left out are empty.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      subject: try c.decode(Subject.self, forKey: .subject), period: try c.decodeIfPresent(AssessmentPeriod.self, forKey: .period),
      schemeID: try c.decode(String.self, forKey: .schemeID), total: try c.decode(ExactDecimal.self, forKey: .total),
      fullMarks: try c.decode(ExactDecimal.self, forKey: .fullMarks),
      components: try c.decodeIfPresent([ComponentScore].self, forKey: .components) ?? [],
      sections: try c.decodeIfPresent([SectionScore].self, forKey: .sections) ?? [],
      grade: try c.decodeIfPresent(String.self, forKey: .grade), stars: try c.decodeIfPresent(Int.self, forKey: .stars),
      starItems: try c.decodeIfPresent([String].self, forKey: .starItems) ?? [],
      vetoes: try c.decodeIfPresent([FiredVeto].self, forKey: .vetoes) ?? [],
      consequences: try c.decodeIfPresent([FiredConsequence].self, forKey: .consequences) ?? [],
      trace: try c.decodeIfPresent([TraceEntry].self, forKey: .trace) ?? [])
    outcomes = try c.decodeIfPresent([OutcomeValue].self, forKey: .outcomes) ?? []
    voidReason = try c.decodeIfPresent(String.self, forKey: .voidReason)
    rank = try c.decodeIfPresent(Int.self, forKey: .rank)
    cohortSize = try c.decodeIfPresent(Int.self, forKey: .cohortSize)
    cohortGroup = try c.decodeIfPresent(String.self, forKey: .cohortGroup)
    labels = try c.decodeIfPresent([CohortLabel].self, forKey: .labels) ?? []
    quotaMoves = try c.decodeIfPresent([String].self, forKey: .quotaMoves) ?? []
    whatItTakes = try c.decodeIfPresent(WhatItTakes.self, forKey: .whatItTakes)
    cohortEntry = try c.decodeIfPresent(CohortEntry.self, forKey: .cohortEntry)
  }

  /// Encodes the assessment in a stable order of keys; empty lists (and a trace not asked for) and absent values are
  /// left out.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(subject, forKey: .subject)
    try c.encodeIfPresent(period, forKey: .period)
    try c.encode(schemeID, forKey: .schemeID)
    try c.encode(total, forKey: .total)
    try c.encode(fullMarks, forKey: .fullMarks)
    try c.encodeIfPresent(voidReason, forKey: .voidReason)
    if !components.isEmpty { try c.encode(components, forKey: .components) }
    if !sections.isEmpty { try c.encode(sections, forKey: .sections) }
    try c.encodeIfPresent(grade, forKey: .grade)
    try c.encodeIfPresent(stars, forKey: .stars)
    if !starItems.isEmpty { try c.encode(starItems, forKey: .starItems) }
    if !vetoes.isEmpty { try c.encode(vetoes, forKey: .vetoes) }
    if !consequences.isEmpty { try c.encode(consequences, forKey: .consequences) }
    if !outcomes.isEmpty { try c.encode(outcomes, forKey: .outcomes) }
    try c.encodeIfPresent(rank, forKey: .rank)
    try c.encodeIfPresent(cohortSize, forKey: .cohortSize)
    try c.encodeIfPresent(cohortGroup, forKey: .cohortGroup)
    if !labels.isEmpty { try c.encode(labels, forKey: .labels) }
    if !quotaMoves.isEmpty { try c.encode(quotaMoves, forKey: .quotaMoves) }
    try c.encodeIfPresent(whatItTakes, forKey: .whatItTakes)
    if !trace.isEmpty { try c.encode(trace, forKey: .trace) }
    try c.encodeIfPresent(cohortEntry, forKey: .cohortEntry)
  }
}

extension Subject: Codable {
  private enum CodingKeys: String, CodingKey { case id, name, kind, parent, attributes, events }

  /// Decodes a subject: `id` is required; `name`, `kind`, `parent`, `attributes` and `events` may be left out.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      id: try c.decode(String.self, forKey: .id), name: try c.decodeIfPresent(String.self, forKey: .name) ?? "",
      kind: try c.decodeIfPresent(String.self, forKey: .kind) ?? "", parent: try c.decodeIfPresent(String.self, forKey: .parent),
      attributes: try c.decodeIfPresent([String: String].self, forKey: .attributes) ?? [:])
    events = try c.decodeIfPresent([LedgerEvent].self, forKey: .events)
  }

  /// Encodes the subject; empty fields are left out.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(id, forKey: .id)
    if !name.isEmpty { try c.encode(name, forKey: .name) }
    if !kind.isEmpty { try c.encode(kind, forKey: .kind) }
    try c.encodeIfPresent(parent, forKey: .parent)
    if !attributes.isEmpty {
      // In a stable order: by name.
      var nested = c.nestedContainer(keyedBy: AnyKey.self, forKey: .attributes)
      for (name, value) in attributes.sorted(by: { $0.key < $1.key }) { try nested.encode(value, forKey: AnyKey(name)) }
    }
    try c.encodeIfPresent(events, forKey: .events)
  }
}

extension ComponentScore: Codable {
  private enum CodingKeys: String, CodingKey { case id, label, score, weight, weighted, notApplicable }

  /// Decodes a component score; `notApplicable` left out means false.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      id: try c.decode(String.self, forKey: .id), label: try c.decode(String.self, forKey: .label),
      score: try c.decode(ExactDecimal.self, forKey: .score), weight: try c.decode(ExactDecimal.self, forKey: .weight),
      weighted: try c.decode(ExactDecimal.self, forKey: .weighted))
    notApplicable = try c.decodeIfPresent(Bool.self, forKey: .notApplicable) ?? false
  }

  /// Encodes the score; `notApplicable` only when it is.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(id, forKey: .id)
    try c.encode(label, forKey: .label)
    try c.encode(score, forKey: .score)
    try c.encode(weight, forKey: .weight)
    try c.encode(weighted, forKey: .weighted)
    if notApplicable { try c.encode(true, forKey: .notApplicable) }
  }
}

/// A coding key made from any text (attributes, whose names are the data's).
struct AnyKey: CodingKey {
  var stringValue: String
  var intValue: Int? { nil }
  init(_ string: String) { stringValue = string }
  init?(stringValue: String) { self.stringValue = stringValue }
  init?(intValue: Int) { nil }
}
