/// The package parts of an OOXML file that lead to the workbook: content types and relationships.
enum XLSXPackage {
  /// One relationship of a `.rels` part.
  struct Relationship {
    /// The relationship id, like `rId1`.
    var id: String
    /// The relationship type URI; only its last path segment (like `worksheet`) is looked at.
    var type: String
    /// The target part's path inside the archive, resolved against the source part; `nil` for external targets.
    var target: String?

    /// The type's last path segment, like `worksheet`, `sharedStrings`, `officeDocument`.
    var kind: Substring { type.split(separator: "/").last ?? "" }
  }

  /// The content types of the main document part that mean an Excel workbook with XML parts.
  static let workbookContentTypes: Set<String> = [
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
    "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    "application/vnd.ms-excel.template.macroEnabled.main+xml",
  ]

  /// The content type of an Excel binary workbook's main part (`.xlsb`).
  static let binaryWorkbookContentType = "application/vnd.ms-excel.sheet.binary.macroEnabled.main"

  /// The `Override` content types of `[Content_Types].xml`, by part name (without the leading `/`).
  static func contentTypes(_ bytes: [UInt8], part: String) throws(ExcelError) -> [String: String] {
    var scanner = try XMLScanner(bytes: bytes, part: part)
    var types: [String: String] = [:]
    while true {
      switch try scanner.next() {
      case .start(let tag) where scanner.isNamed(tag, "Override"):
        if let name = try scanner.attributeText("PartName", of: tag),
          let type = try scanner.attributeText("ContentType", of: tag)
        {
          types[ZipArchive.key(name)] = type
        }
      case .endOfInput: return types
      default: break
      }
    }
  }

  /// The relationships of a `.rels` part whose source part is `source` (the empty string for the package).
  static func relationships(_ bytes: [UInt8], part: String, source: String) throws(ExcelError) -> [Relationship] {
    var scanner = try XMLScanner(bytes: bytes, part: part)
    var relationships: [Relationship] = []
    while true {
      switch try scanner.next() {
      case .start(let tag) where scanner.isNamed(tag, "Relationship"):
        guard let id = try scanner.attributeText("Id", of: tag), let type = try scanner.attributeText("Type", of: tag),
          let target = try scanner.attributeText("Target", of: tag)
        else { continue }
        let external = try scanner.attributeText("TargetMode", of: tag) == "External"
        relationships.append(
          Relationship(id: id, type: type, target: external ? nil : resolve(target, from: source)))
      case .endOfInput: return relationships
      default: break
      }
    }
  }

  /// The path of the `.rels` part that holds `part`'s relationships: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`.
  static func relationshipsPart(of part: String) -> String {
    let segments = part.split(separator: "/", omittingEmptySubsequences: false)
    let directory = segments.dropLast().joined(separator: "/")
    let file = segments.last.map(String.init) ?? ""
    return (directory.isEmpty ? "" : directory + "/") + "_rels/" + file + ".rels"
  }

  /// A relationship target as an archive path: absolute targets (`/xl/…`) from the root, others from the source
  /// part's directory, with `.` and `..` segments applied.
  static func resolve(_ target: String, from source: String) -> String {
    var segments: [Substring] = []
    if !target.hasPrefix("/") {
      segments = Array(source.split(separator: "/", omittingEmptySubsequences: false).dropLast())
    }
    for segment in target.split(separator: "/", omittingEmptySubsequences: true) {
      switch segment {
      case ".": continue
      case "..": if !segments.isEmpty { segments.removeLast() }
      default: segments.append(segment)
      }
    }
    return segments.filter { !$0.isEmpty }.joined(separator: "/")
  }
}
