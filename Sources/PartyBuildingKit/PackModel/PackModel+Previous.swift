extension PackModel {
  /// Last period's results of each subject, read as inputs (`"previous"`, 上年结果): the results file a run of this
  /// pack (or of the pack `from`) wrote, joined by subject id.
  public struct Previous: Sendable, Hashable, Codable {
    /// What a person reads for the earlier results, e.g. 2024年度星级评定结果.
    public var label: String?
    /// The id of the pack whose results are read; this pack's own id when not given.
    public var from: String?
    /// Whether results written by another pack than `from` are read all the same (by default they are refused).
    public var allowOtherPacks: Bool?
    /// Each value read, under the name formulas use.
    public var fields: [PreviousField]

    /// Reads `fields` of the earlier results.
    public init(label: String? = nil, from: String? = nil, fields: [PreviousField]) {
      self.label = label
      self.from = from
      self.fields = fields
    }
  }

  /// One value of last period's result, as a name formulas use (`{"id": "上年星级", "field": "stars",
  /// "whenMissing": 0}`).
  public struct PreviousField: Sendable, Hashable, Codable {
    /// The name formulas use, e.g. 上年星级.
    public var id: String
    /// What a person reads.
    public var label: String?
    /// Which part of the result: `total`, `grade`, `stars`, `period` or `vetoed`.
    public var field: String
    /// The value used when the subject has none (no previous result, or an empty or void cell), or the text
    /// `"reject"`: such a subject is rejected.
    public var whenMissing: PackValue
    /// The least value allowed (`total`, `stars`, `period`); nil: none (0 for `stars`).
    public var min: ExactDecimal?
    /// The greatest value allowed (`total`, `stars`, `period`); nil: none, or for `stars` of this pack the most stars
    /// its levels give. Required for the stars of another pack (`from`).
    public var max: ExactDecimal?
    /// The grades the results may hold (`grade` from another pack).
    public var choices: [String]?
    /// Shown after the value in explanations, e.g. 星 or 分.
    public var unit: String?

    /// A field `id` reading `field`, with `whenMissing`.
    public init(id: String, label: String? = nil, field: String, whenMissing: PackValue) {
      self.id = id
      self.label = label
      self.field = field
      self.whenMissing = whenMissing
    }
  }
}
