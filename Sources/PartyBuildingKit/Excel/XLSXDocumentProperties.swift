/// A named text property of a workbook (`docProps/custom.xml`), shown in Excel under 文件 → 信息 → 属性 → 高级属性.
package struct XLSXCustomProperty: Sendable, Equatable {
  /// The property's name.
  package var name: String
  /// The property's text value.
  package var value: String

  /// Creates a property.
  package init(name: String, value: String) {
    self.name = name
    self.value = value
  }
}

/// The document properties a written workbook carries: title, creator, times and custom text properties.
package struct XLSXDocumentProperties: Sendable, Equatable {
  /// The document title (`dc:title`), if any.
  package var title: String?
  /// The author (`dc:creator`) and last modifier.
  package var creator: String
  /// The created and modified time, written as UTC.
  package var timestamp: ExcelTimestamp
  /// Custom text properties, in this order: pack id, version, digests, whatever the caller records.
  package var custom: [XLSXCustomProperty]

  /// Creates properties; by default no title, creator "PartyBuildingKit pbk", the fixed 1980-01-01 time, no
  /// custom properties.
  package init(
    title: String? = nil, creator: String = "PartyBuildingKit pbk", timestamp: ExcelTimestamp = .fixed,  // not a message
    custom: [XLSXCustomProperty] = []
  ) {
    self.title = title
    self.creator = creator
    self.timestamp = timestamp
    self.custom = custom
  }
}

/// Reading a workbook's document properties.
extension XLSXWorkbook {
  /// The title, creator and custom text properties the workbook carries (from `docProps/core.xml` and
  /// `docProps/custom.xml`); missing parts give `nil` and no properties.
  package func documentProperties() throws(ExcelError) -> (
    title: String?, creator: String?, custom: [XLSXCustomProperty]
  ) {
    var title: String?
    var creator: String?
    let corePart = "docProps/core.xml"
    if let bytes = try archive.contents(ofEntryNamed: corePart) {
      var scanner = try XMLScanner(bytes: bytes, part: corePart)
      while true {
        let token = try scanner.next()
        guard case .start(let tag) = token else {
          if case .endOfInput = token { break }
          continue
        }
        if scanner.isNamed(tag, "title") {
          title = try scanner.contentText(scanner.content(of: tag))
        } else if scanner.isNamed(tag, "creator") {
          creator = try scanner.contentText(scanner.content(of: tag))
        }
      }
    }
    var custom: [XLSXCustomProperty] = []
    let customPart = "docProps/custom.xml"
    if let bytes = try archive.contents(ofEntryNamed: customPart) {
      var scanner = try XMLScanner(bytes: bytes, part: customPart)
      var name: String?
      while true {
        let token = try scanner.next()
        guard case .start(let tag) = token else {
          if case .endOfInput = token { break }
          continue
        }
        if scanner.isNamed(tag, "property") {
          name = try scanner.attributeText("name", of: tag)
        } else if let current = name {
          custom.append(XLSXCustomProperty(name: current, value: try scanner.contentText(scanner.content(of: tag))))
          name = nil
        }
      }
    }
    return (title, creator, custom)
  }
}
