/// One event of a points ledger (积分制): what happened to a subject, when, how often and how seriously.
public struct LedgerEvent: Sendable, Hashable, Codable {
  /// The day, written `YYYY-MM-DD`.
  public var date: String
  /// The event's kind, one of the ledger rules' `kind`s (e.g. "集中学习", "无故缺席组织生活").
  public var kind: String
  /// How many times it happened on that day (at least 1).
  public var count: Int
  /// The severity (一般/较重/严重) for a deduction graded by severity; empty otherwise.
  public var severity: String
  /// The incident it belongs to: of the deductions of one incident only the highest counts (and of the awards of
  /// rules marked `highestOnly`); empty: its own incident.
  public var incident: String
  /// The level (国家级/省级/市级) for an award graded by level; empty otherwise.
  public var level: String

  /// An event of `kind` on `date` (`YYYY-MM-DD`), happening `count` times.
  public init(
    date: String, kind: String, count: Int = 1, severity: String = "", incident: String = "", level: String = ""
  ) {
    self.date = date
    self.kind = kind
    self.count = count
    self.severity = severity
    self.incident = incident
    self.level = level
  }

  private enum CodingKeys: String, CodingKey { case date, kind, count, severity, incident, level }

  /// Decodes an event: `date` and `kind` are required; `count` (1), `severity`, `incident` and `level` may be left out.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    date = try c.decode(String.self, forKey: .date)
    kind = try c.decode(String.self, forKey: .kind)
    count = try c.decodeIfPresent(Int.self, forKey: .count) ?? 1
    severity = try c.decodeIfPresent(String.self, forKey: .severity) ?? ""
    incident = try c.decodeIfPresent(String.self, forKey: .incident) ?? ""
    level = try c.decodeIfPresent(String.self, forKey: .level) ?? ""
  }

  /// Encodes an event: `date`, `kind`, `count`, `severity` and `incident` always, `level` when the event has one.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(date, forKey: .date)
    try c.encode(kind, forKey: .kind)
    try c.encode(count, forKey: .count)
    try c.encode(severity, forKey: .severity)
    try c.encode(incident, forKey: .incident)
    if !level.isEmpty { try c.encode(level, forKey: .level) }
  }

  /// Why an event could not be read.
  struct Problem: Error { var message: Message; init(_ message: Message) { self.message = message } }

  /// Reads one event from a JSON object (`date`, `kind`, optional `count`, `severity`, `incident`, `level`, `note`).
  static func read(_ value: JSONValue, at index: Int) -> Result<LedgerEvent, Problem> {
    guard case .object(let object) = value.content else {
      return .failure(Problem(Message(.eventNotObject, index + 1, value.kindMessage)))
    }
    var event = LedgerEvent(date: "", kind: "")
    for member in object.members {
      let text: String?
      switch member.value.content {
      case .string(let string): text = string
      case .number(let literal): text = literal
      default: text = nil
      }
      switch member.key {
      case "date": event.date = text ?? ""
      case "kind": event.kind = text ?? ""
      case "severity": event.severity = text ?? ""
      case "incident": event.incident = text ?? ""
      case "level": event.level = text ?? ""
      case "count":
        guard let text, let count = Int(text), count >= 1 else {
          return .failure(Problem(Message(.eventCountNotWhole, index + 1)))
        }
        event.count = count
      case "note": continue
      default:
        return .failure(Problem(Message(.eventUnknownKey, index + 1, member.key)))
      }
    }
    if event.date.isEmpty { return .failure(Problem(Message(.eventNoDate, index + 1))) }
    if event.kind.isEmpty { return .failure(Problem(Message(.eventNoKind, index + 1))) }
    return .success(event)
  }

  /// The month of a `YYYY-MM-DD` date as one number, year × 12 + month − 1 (months since year 0), or nil when the
  /// text is not written so. Months, quarters and half-years of two dates compare by this number divided by 1, 3, 6.
  static func monthNumber(_ text: String) -> Int? {
    let utf8 = Array(text.utf8.prefix(7))
    guard utf8.count == 7, utf8[4] == UInt8(ascii: "-"), let year = Int(String(decoding: utf8[0..<4], as: UTF8.self)),
      let month = Int(String(decoding: utf8[5..<7], as: UTF8.self)), (1...12).contains(month)
    else { return nil }
    return year * 12 + month - 1
  }

  /// The last day (days since 1970-01-01) of the month `monthNumber` (year × 12 + month − 1), and its date as text.
  static func lastDay(ofMonth monthNumber: Int) -> (day: Int, text: String) {
    func padded(_ value: Int, _ width: Int) -> String {
      let digits = String(value)
      return String(repeating: "0", count: Swift.max(0, width - digits.count)) + digits
    }
    let year = monthNumber / 12
    let month = monthNumber % 12 + 1
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    let length = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    let text = "\(padded(year, 4))-\(padded(month, 2))-\(padded(length, 2))"
    return (day(text) ?? 0, text)
  }

  /// Days since 1970-01-01 of a `YYYY-MM-DD` date, or nil when it is not a real date.
  static func day(_ text: String) -> Int? {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]), (1...12).contains(month)
    else { return nil }
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    guard (1...lengths[month - 1]).contains(day) else { return nil }
    // Days from civil (Howard Hinnant's algorithm).
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146097 + doe - 719468
  }
}
