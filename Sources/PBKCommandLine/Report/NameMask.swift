/// Names masked for a public notice (公示, `pbk report --redact`).
///
/// The first and the last character stay and one `*` stands for everything between, so the mask does not tell how
/// long the name is: 王建国 → 王*国, 欧阳建国 → 欧*国, 海子塔村党支部 → 海*部; a name of two characters keeps the first
/// (李四 → 李*), one of one character is `*`. Characters are what a reader sees (grapheme clusters), so a name
/// with a combining mark or an emoji is never cut inside one. Spaces around the name are dropped first.
enum NameMask {
  static func mask(_ name: String) -> String {
    var characters = Array(name)
    while characters.last?.isWhitespace == true { characters.removeLast() }
    while characters.first?.isWhitespace == true { characters.removeFirst() }
    switch characters.count {
    case 0: return ""
    case 1: return "*"
    case 2: return String(characters[0]) + "*"
    default: return String(characters[0]) + "*" + String(characters[characters.count - 1])
    }
  }
}
