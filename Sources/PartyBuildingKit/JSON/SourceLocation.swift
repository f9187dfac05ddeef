/// A 1-based line and column in a text file; columns count Unicode scalars.
///
/// A Chinese character counts as one column, like in most editors. Locations
/// order by line, then column.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The 1-based line number.
  public var line: Int
  /// The 1-based column, counted in Unicode scalars.
  public var column: Int

  /// Creates a location from a 1-based line and column.
  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  /// The location as `line:column`, e.g. `12:5`.
  public var description: String { "\(line):\(column)" }

  /// Orders locations by line, then by column.
  public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
    lhs.line != rhs.line ? lhs.line < rhs.line : lhs.column < rhs.column
  }
}
