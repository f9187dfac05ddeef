/// A date and time written into a workbook: the ZIP entries' DOS timestamps and the document's created and
/// modified times. Passed in by the caller, so the same inputs always give the same bytes.
package struct ExcelTimestamp: Sendable, Equatable {
  /// The year, 1980…2107 (the range of a DOS date).
  package let year: Int
  /// The month, 1…12.
  package let month: Int
  /// The day of the month, 1…31 (checked against the month and leap years).
  package let day: Int
  /// The hour, 0…23.
  package let hour: Int
  /// The minute, 0…59.
  package let minute: Int
  /// The second, 0…59; a DOS timestamp keeps it to 2 seconds, rounding down.
  package let second: Int

  /// Creates a timestamp, or `nil` when a field is out of range (the year must lie within 1980…2107).
  package init?(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
    guard (1980...2107).contains(year), (1...12).contains(month), (0...23).contains(hour), (0...59).contains(minute),
      (0...59).contains(second)
    else { return nil }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    guard (1...days).contains(day) else { return nil }
    self.year = year
    self.month = month
    self.day = day
    self.hour = hour
    self.minute = minute
    self.second = second
  }

  /// 1980-01-01 00:00:00, the earliest DOS time: the default, so output is reproducible without a clock.
  package static let fixed = ExcelTimestamp(unchecked: 1980, 1, 1)

  /// Creates a timestamp known to be valid.
  private init(unchecked year: Int, _ month: Int, _ day: Int) {
    self.year = year
    self.month = month
    self.day = day
    self.hour = 0
    self.minute = 0
    self.second = 0
  }

  /// The DOS time field: hours, minutes, and seconds halved.
  var dosTime: UInt16 { UInt16(hour << 11 | minute << 5 | second / 2) }
  /// The DOS date field: years since 1980, month, day.
  var dosDate: UInt16 { UInt16((year - 1980) << 9 | month << 5 | day) }

  /// The timestamp in W3C date-time form, as UTC: `2025-01-31T08:00:00Z`.
  var w3cText: String {
    /// The value in decimal, with leading zeros to `width` digits.
    func padded(_ value: Int, _ width: Int) -> String {
      let digits = String(value)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))T\(padded(hour, 2)):\(padded(minute, 2)):"
      + "\(padded(second, 2))Z"
  }
}
