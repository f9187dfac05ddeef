/// Who or what is assessed: an organisation (党支部, 村(社区)党组织, 嘎查村) or a person (书记, 干部, 党员).
public struct Subject: Sendable, Hashable {
  /// A stable identifier, unique within one input (e.g. an organisation code or a member number).
  public var id: String
  /// The name a person reads, e.g. "红旗村党支部" or "张三".
  public var name: String
  /// The kind of subject, e.g. "党支部", "书记", "党员"; empty when the input does not say.
  public var kind: String
  /// The identifier of the parent organisation (乡镇党委, 旗委), if any.
  public var parent: String?
  /// Free attributes carried through to the result (e.g. "乡镇": "薛家湾镇").
  public var attributes: [String: String]
  /// The events of a points ledger (积分制), from a JSON `"events"` array; nil when the input gives none
  /// (a CSV row cannot carry them).
  public var events: [LedgerEvent]? = nil

  /// A subject with this id; the other fields are optional.
  public init(
    id: String, name: String = "", kind: String = "", parent: String? = nil,
    attributes: [String: String] = [:]
  ) {
    self.id = id
    self.name = name
    self.kind = kind
    self.parent = parent
    self.attributes = attributes
  }
}

/// The period an assessment covers, e.g. "2025年度" or "2025年第3季度".
public struct AssessmentPeriod: Sendable, Hashable, CustomStringConvertible {
  /// The label as written in the input, e.g. "2025".
  public var label: String

  /// The period with this label.
  public init(_ label: String) { self.label = label }

  /// The label.
  public var description: String { label }
}

/// One fact given for a subject: a number, a yes/no answer or a choice.
public enum InputValue: Sendable, Hashable, CustomStringConvertible {
  /// A number, exact (a score, a count, a percentage as a number: `85.5`, `3`).
  case number(ExactDecimal)
  /// A yes/no answer (是/否).
  case boolean(Bool)
  /// Text: a choice (一类), or a number or 是/否 as written in a cell, converted and checked against the
  /// input's declaration when the subject is scored.
  case text(String)

  /// The value as an explanation shows it: a number's exact digits, 是 or 否, or the text.
  public var description: String {
    switch self {
    case .number(let value): value.description
    case .boolean(let value): value ? "是" : "否"
    case .text(let value): value
    }
  }
}

/// Where an input record came from, so that a problem can name the file and row.
public struct InputOrigin: Sendable, Hashable, Codable, CustomStringConvertible {
  /// The file path as given by the user.
  public var file: String
  /// The 1-based line where the record starts (for a sheet: its row).
  public var line: Int
  /// The sheet, when the record is a row of a workbook.
  public var sheet: String?

  /// The record at 1-based `line` of `file` (a row of `sheet` in a workbook).
  public init(file: String, line: Int, sheet: String? = nil) {
    self.file = file
    self.line = line
    self.sheet = sheet
  }

  /// `file:line`, or `file [sheet]:row` for a workbook.
  public var description: String { sheet.map { "\(file) [\($0)]:\(line)" } ?? "\(file):\(line)" }
}

/// Everything known about one subject for one assessment: who it is and its facts.
public struct AssessmentInput: Sendable, Hashable, Codable {
  /// Who is assessed.
  public var subject: Subject
  /// The period assessed, when known; it is carried through to ``Assessment/period``.
  public var period: AssessmentPeriod?
  /// Facts by input id (as declared by the scheme).
  public var values: [String: InputValue]
  /// Where the record came from, when it was read from a file.
  public var origin: InputOrigin?
  /// The raters' own forms (测评表) for a pack whose ballot items are scored from them; nil: none given (such a
  /// pack rejects the subject; `[]` is no form at all).
  public var forms: [RaterForm]? = nil
  /// Where the values of linked inputs (`links`) came from, by input id: shown beside them in the explanation; nil
  /// when no value is linked.
  public var linkedSources: [String: LinkedSource]? = nil

  /// The facts of `subject`, by input id (and its raters' forms, for items scored from them).
  public init(
    subject: Subject, period: AssessmentPeriod? = nil, values: [String: InputValue],
    origin: InputOrigin? = nil, forms: [RaterForm]? = nil
  ) {
    self.subject = subject
    self.period = period
    self.values = values
    self.origin = origin
    self.forms = forms
  }
}
