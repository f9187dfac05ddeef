import PartyBuildingKit

/// The help texts: what each command does, with examples a policy author can copy. The words are in the library's
/// message catalogue (`MessageCatalog+Help.swift`), in English and Chinese.
enum Help {
  /// The overview `pbk --help` prints, in `language`.
  static func overview(_ language: Language) -> String { Message(.helpOverview).text(in: language) }

  /// The help of a command, in `language`; nil for a name that is not a command.
  static func command(_ name: String, _ language: Language) -> String? {
    let key: MessageKey
    switch name {
    case "validate": key = .helpValidate
    case "test": key = .helpTest
    case "evaluate": key = .helpEvaluate
    case "explain": key = .helpExplain
    case "report": return Message(.helpReport, PBK.defaultExplanations).text(in: language)
    case "render": key = .helpRender
    case "diff": key = .helpDiff
    default: return nil
    }
    return Message(key).text(in: language)
  }
}
