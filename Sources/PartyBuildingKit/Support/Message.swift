/// The language messages are written in: Chinese (the people who run an assessment read it) or English.
///
/// # How messages are worded in two languages
///
/// Every message a user sees — a pack's problems, a record's rejection, a summary line, a usage error, a help text —
/// is a ``Message``: a key naming the sentence, plus its arguments (ids, keys, numbers, JSON pointers, file names,
/// and other messages for the parts that are themselves words, such as "a component" or a hint of what to write).
/// The words live in one place only: the message catalogue (`MessageCatalog.swift`), which holds each key's English
/// and Chinese template side by side, with `{1}`, `{2}`… where the arguments go. Nothing else in the code spells a
/// sentence a user reads.
///
/// The language is chosen where the text is printed, never where the problem is found: ``PackProblem``,
/// ``AssessmentError`` and ``RecordInputError`` keep their message as a value, and `description(in:)` renders it.
/// Their plain `description` (and the `message` strings) stay English and byte-identical to what they were before
/// the catalogue, so JSON results, fixtures and golden files do not change. The `pbk` command picks Chinese when the
/// locale says so (`LC_ALL`, else `LC_MESSAGES`, else `LANG` starting with `zh`) or with `--lang zh`; `--lang en`
/// forces English.
///
/// Ids, keys, JSON pointers, line:column and numbers are never translated: the Chinese text quotes them as written.
/// A sentence still written as an English string (``Message/untranslated(_:)``: the old `error(_ text: String)` entry
/// points, kept so that code written against them still builds) is printed in English in both languages; a test
/// that scans the sources lists every such call site.
public enum Language: String, Sendable, Hashable, CaseIterable, Codable {
  /// English.
  case english = "en"
  /// Simplified Chinese (中文).
  case chinese = "zh"

  /// The language a `--lang` value names: `zh`, `zh-CN`, `zh_CN`, `cn`, `中文` for Chinese; `en`, `en-US`… for English.
  public init?(code: String) {
    let lower = code.lowercased()
    if lower == "zh" || lower.hasPrefix("zh-") || lower.hasPrefix("zh_") || lower == "cn" || lower == "chinese"
      || code == "中文"
    {
      self = .chinese
    } else if lower == "en" || lower.hasPrefix("en-") || lower.hasPrefix("en_") || lower == "english" {
      self = .english
    } else {
      return nil
    }
  }

  /// The language of the messages locale in `environment`, by the POSIX precedence: the first of `LC_ALL`,
  /// `LC_MESSAGES` and `LANG` that is set and not empty decides; Chinese when it starts with `zh` (e.g.
  /// `zh_CN.UTF-8`), English otherwise (also when none is set, or for `C` and `POSIX`).
  public static func fromLocale(_ environment: [String: String]) -> Language {
    for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
      if let value = environment[name], !value.isEmpty {
        return value.lowercased().hasPrefix("zh") ? .chinese : .english
      }
    }
    return .english
  }
}

/// A sentence for a person, as a value: which sentence (a key of the message catalogue) and what goes into it.
/// Rendered in a ``Language`` by ``text(in:)``; its ``description`` is the English text.
public struct Message: Sendable, Hashable, CustomStringConvertible {
  /// Which sentence of the catalogue.
  package let key: MessageKey
  /// What fills its `{1}`, `{2}`… in order.
  package let arguments: [MessageArgument]

  /// The message `key` with these arguments.
  package init(_ key: MessageKey, _ arguments: any MessageArgumentConvertible...) {
    self.key = key
    self.arguments = arguments.map(\.messageArgument)
  }

  /// The message `key` with these arguments.
  package init(_ key: MessageKey, arguments: [MessageArgument]) {
    self.key = key
    self.arguments = arguments
  }

  /// A sentence only written in English (code that still words its own messages): the same text in every language.
  /// The catalogue test lists the places that make one.
  public static func untranslated(_ text: String) -> Message { Message(.untranslated, arguments: [.text(text)]) }

  /// Text that reads the same in every language: an id, a key as written in the pack, a file name.
  package static func verbatim(_ text: String) -> Message { Message(.verbatim, arguments: [.text(text)]) }

  /// The message in `language`.
  public func text(in language: Language) -> String {
    MessageCatalog.render(self, in: language)
  }

  /// The English text.
  public var description: String { text(in: .english) }

  /// Whether the message, or one inside it, is only written in English.
  public var isUntranslated: Bool {
    key == .untranslated
      || arguments.contains { if case .message(let inner) = $0 { inner.isUntranslated } else { false } }
  }
}

/// One argument of a ``Message``: text that is never translated (an id, a number, a pointer), or another message
/// rendered in the same language.
package indirect enum MessageArgument: Sendable, Hashable {
  case text(String)
  case message(Message)
  /// Items joined by the language's list separator (`, ` in English, `、` in Chinese).
  case list([String])
}

/// A value that can fill a message's `{n}`.
package protocol MessageArgumentConvertible {
  var messageArgument: MessageArgument { get }
}

extension Message: MessageArgumentConvertible {
  package var messageArgument: MessageArgument { .message(self) }
}
extension MessageArgument: MessageArgumentConvertible {
  package var messageArgument: MessageArgument { self }
}
extension String: MessageArgumentConvertible {
  package var messageArgument: MessageArgument { .text(self) }
}
extension Substring: MessageArgumentConvertible {
  package var messageArgument: MessageArgument { .text(String(self)) }
}
extension Int: MessageArgumentConvertible {
  package var messageArgument: MessageArgument { .text(String(self)) }
}
extension Int32: MessageArgumentConvertible {
  package var messageArgument: MessageArgument { .text(String(self)) }
}
extension Character: MessageArgumentConvertible {
  package var messageArgument: MessageArgument { .text(String(self)) }
}
extension ExactDecimal: MessageArgumentConvertible {
  package var messageArgument: MessageArgument { .text(description) }
}
extension JSONPointer: MessageArgumentConvertible {
  package var messageArgument: MessageArgument { .text(description) }
}
extension SourceLocation: MessageArgumentConvertible {
  package var messageArgument: MessageArgument { .text(description) }
}

extension Language {
  /// `english` or `chinese`, whichever is this language's.
  package func pick<T>(_ english: T, _ chinese: T) -> T { self == .english ? english : chinese }
}

extension Unicode.Scalar: MessageArgumentConvertible {
  package var messageArgument: MessageArgument { .text(String(self)) }
}
