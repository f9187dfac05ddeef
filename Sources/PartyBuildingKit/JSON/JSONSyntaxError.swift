/// A problem in JSON text, with the place where it was found.
///
/// The message starts in lowercase, says what was expected and what to do;
/// `description` prefixes it with the location, e.g. `3:7: duplicate key ...`.
package struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What is wrong and how to fix it, rendered in the language it is printed in.
  package var detail: Message
  /// What is wrong and how to fix it, in English.
  package var message: String { detail.description }
  /// Where the problem is.
  package var location: SourceLocation

  /// Creates an error with a message and a location.
  package init(message: Message, location: SourceLocation) {
    self.detail = message
    self.location = location
  }

  /// The error as `line:column: message`.
  package var description: String { "\(location): \(message)" }
}
