/// Suggestions for misspelt names ("did you mean …?"), shared with the formula language.
enum Spelling {
  /// The candidate closest to `word`, if it is close enough to be a likely misspelling.
  static func suggestion(for word: String, among candidates: some Sequence<String>) -> String? {
    FormulaSuggestions.bestMatch(for: word, among: candidates.filter { $0 != word })
  }

  /// "; did you mean 'x'?" or an empty string, in English: for messages not yet in the catalogue.
  static func didYouMean(_ word: String, among candidates: some Sequence<String>) -> String {
    guard let suggestion = suggestion(for: word, among: candidates) else { return "" }
    return "; did you mean '\(suggestion)'?"  // English-only entry point
  }

  /// "; did you mean 'x'?" (in the language it is printed in) or nothing.
  static func didYouMeanMessage(_ word: String, among candidates: some Sequence<String>) -> Message {
    guard let suggestion = suggestion(for: word, among: candidates) else { return .verbatim("") }
    return Message(.didYouMean, suggestion)
  }
}
