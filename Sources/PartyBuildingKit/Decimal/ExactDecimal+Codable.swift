#if canImport(FoundationEssentials)
  public import FoundationEssentials
#else
  public import Foundation
#endif

extension ExactDecimal: Codable {
  /// Decodes the text of a decimal, its places kept (`"96.00"` has scale 2); a whole number given as a JSON integer is
  /// accepted too. A JSON number with a fraction is refused: decoders read it as a binary `Double`, which cannot hold
  /// most decimals exactly.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if let text = try? container.decode(String.self) {
      guard let value = ExactDecimal(exactText: text) else {
        throw DecodingError.dataCorruptedError(
          in: container, debugDescription: "'\(text)' is not a decimal that can be held exactly (digits, one point, at most 18 places)")
      }
      self = value
      return
    }
    if let whole = try? container.decode(Int64.self) {
      self.init(_raw: whole, 0)
      return
    }
    throw DecodingError.dataCorruptedError(
      in: container, debugDescription: "a decimal is written as text of its digits, e.g. \"85.50\" (a JSON number with a fraction would pass through binary floating point)")
  }

  /// Encodes the exact digits as text, places included: `96.00` stays `"96.00"` (`JSONEncoder` has no way to write
  /// a number's digits as they are, and would write `96`).
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(exactText)
  }

  /// The value with every digit it carries, trailing zeros included: `96.00` for significand 9600, scale 2.
  public var exactText: String { ExactDecimal._digits(_significand, scale: Int(_scale)) }

  /// Reads a decimal keeping the places written (`"96.00"` keeps scale 2); nil for anything
  /// ``init(_:)-(StringProtocol)`` refuses.
  public init?(exactText text: String) {
    guard let value = ExactDecimal(text) else { return nil }
    // The places as written: digits after the point, less an exponent's shift.
    var places = 0
    if let point = text.firstIndex(of: ".") {
      let fraction = text[text.index(after: point)...].prefix { $0.isASCII && $0.isNumber }
      places = fraction.count
    }
    if let exponent = text.firstIndex(where: { $0 == "e" || $0 == "E" }), let shift = Int(text[text.index(after: exponent)...]) {
      places = max(0, places - shift)
    }
    let normalized = value.normalized()
    guard places > normalized.scale, places <= ExactDecimal.maxScale else {
      self = value
      return
    }
    let (scaled, overflow) = normalized._significand.multipliedReportingOverflow(
      by: ExactDecimal._powerOfTen(places - normalized.scale))
    self = overflow ? value : ExactDecimal(_raw: scaled, UInt8(places))
  }
}

extension ExactDecimal {
  /// The same value as a Foundation `Decimal` (exact: a `Decimal` holds 38 digits).
  public var decimalValue: Decimal { Decimal(string: exactText, locale: nil) ?? Decimal(Int(_significand)) }

  /// The value of a Foundation `Decimal`, when it can be held exactly (at most 18 places, a 64-bit significand);
  /// nil for NaN or a value with more digits.
  public init?(_ decimal: Decimal) {
    guard decimal.isFinite else { return nil }
    guard let value = ExactDecimal(exactText: decimal.description) else { return nil }
    self = value
  }

  /// A whole number, when it fits the 64-bit significand.
  public init(_ value: Int64) { self.init(_raw: value, 0) }

  /// The value as an `Int64` when it is a whole number, else nil.
  public var int64Value: Int64? { intValue.map(Int64.init) }
}
