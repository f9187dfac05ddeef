/// The fixed and generated XML parts of a workbook ``XLSXWriter`` writes, other than the worksheet.
enum XLSXParts {
  /// The XML declaration every part starts with.
  static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"  // not a message
  /// The SpreadsheetML namespace.
  static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
  /// The namespace of relationship ids in parts.
  static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
  /// The namespace of `.rels` parts.
  static let packageRelationshipNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"
  /// The format id Office gives user-defined custom properties.
  static let customPropertyFormatID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"

  /// `[Content_Types].xml`.
  static func contentTypes(custom: Bool) -> [UInt8] {
    let overrides: [(String, String)] =
      [
        ("/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
        ("/xl/worksheets/sheet1.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"),
        ("/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"),
        ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
        ("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"),
      ]
      + (custom
        ? [("/docProps/custom.xml", "application/vnd.openxmlformats-officedocument.custom-properties+xml")] : [])
    var xml = declaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"  // not a message
    xml += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    xml += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    for (part, type) in overrides { xml += "<Override PartName=\"\(part)\" ContentType=\"\(type)\"/>" }
    return Array((xml + "</Types>").utf8)
  }

  /// `_rels/.rels`: the workbook and the document properties.
  static func rootRelationships(custom: Bool) -> [UInt8] {
    var targets = [
      ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "xl/workbook.xml"),
      ("http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"),
      ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties", "docProps/app.xml"),
    ]
    if custom {
      targets.append(
        ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties", "docProps/custom.xml")
      )
    }
    return relationships(targets)
  }

  /// `xl/_rels/workbook.xml.rels`: the sheet and the styles.
  static let workbookRelationships = relationships([
    ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet", "worksheets/sheet1.xml"),
    ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles", "styles.xml"),
  ])

  /// A `.rels` part with ids `rId1`, `rId2`, … in order.
  private static func relationships(_ targets: [(type: String, target: String)]) -> [UInt8] {
    var xml = declaration + "<Relationships xmlns=\"\(packageRelationshipNamespace)\">"  // not a message
    for (index, relationship) in targets.enumerated() {
      xml += "<Relationship Id=\"rId\(index + 1)\" Type=\"\(relationship.type)\" Target=\"\(relationship.target)\"/>"
    }
    return Array((xml + "</Relationships>").utf8)
  }

  /// `xl/workbook.xml` with one sheet.
  static func workbook(sheetName: String) -> [UInt8] {
    var xml = Array(declaration.utf8)
    xml += Array("<workbook xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipNamespace)\">".utf8)  // not a message
    xml += Array("<bookViews><workbookView/></bookViews><sheets><sheet name=\"".utf8)  // not a message
    ExcelTextEscape.appendEscaped(sheetName, to: &xml, context: .attribute)
    xml += Array("\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>".utf8)
    return xml
  }

  /// `xl/styles.xml`: style 0 General, 1 bold, 2…8 numbers with 0…6 decimal places (formats 164…170).
  static let styles: [UInt8] = {
    let places = 0...XLSXWriter.maxPlaces
    var xml = declaration + "<styleSheet xmlns=\"\(mainNamespace)\">"  // not a message
    xml += "<numFmts count=\"\(places.count)\">"  // not a message
    for place in places {
      let code = place == 0 ? "0" : "0." + String(repeating: "0", count: place)
      xml += "<numFmt numFmtId=\"\(164 + place)\" formatCode=\"\(code)\"/>"  // not a message
    }
    xml += "</numFmts>"
    xml += "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"  // not a message
    xml += "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>"  // not a message
    xml += "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"  // not a message
    xml += "<fill><patternFill patternType=\"gray125\"/></fill></fills>"  // not a message
    xml += "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"  // not a message
    xml += "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"  // not a message
    xml += "<cellXfs count=\"\(XLSXWriter.firstNumberStyle + places.count)\">"  // not a message
    xml += "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"  // not a message
    xml += "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"  // not a message
    for place in places {
      xml +=
        "<xf numFmtId=\"\(164 + place)\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"  // not a message
    }
    xml += "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"  // not a message
    return Array((xml + "</styleSheet>").utf8)
  }()

  /// `docProps/app.xml`: the application name.
  static let appProperties = Array(
    (declaration + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"  // not a message
      + "<Application>PartyBuildingKit</Application></Properties>").utf8)

  /// `docProps/core.xml`: title, creator, and the created and modified times.
  static func coreProperties(_ properties: XLSXDocumentProperties) -> [UInt8] {
    var xml = Array(declaration.utf8)
    xml += Array(
      ("<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "  // not a message
        + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
        + "xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">")
        .utf8)
    if let title = properties.title {
      xml += Array("<dc:title>".utf8)
      ExcelTextEscape.appendEscaped(title, to: &xml, context: .plainText)
      xml += Array("</dc:title>".utf8)
    }
    for element in ["dc:creator", "cp:lastModifiedBy"] {
      xml += Array("<\(element)>".utf8)
      ExcelTextEscape.appendEscaped(properties.creator, to: &xml, context: .plainText)
      xml += Array("</\(element)>".utf8)
    }
    let time = properties.timestamp.w3cText
    xml += Array("<dcterms:created xsi:type=\"dcterms:W3CDTF\">\(time)</dcterms:created>".utf8)  // not a message
    xml += Array("<dcterms:modified xsi:type=\"dcterms:W3CDTF\">\(time)</dcterms:modified>".utf8)  // not a message
    xml += Array("</cp:coreProperties>".utf8)
    return xml
  }

  /// `docProps/custom.xml`: text properties with ids from 2, as Office numbers them.
  static func customProperties(_ custom: [XLSXCustomProperty]) -> [UInt8] {
    var xml = Array(declaration.utf8)
    xml += Array(
      ("<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties\" "  // not a message
        + "xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">").utf8)
    for (index, property) in custom.enumerated() {
      xml += Array("<property fmtid=\"\(customPropertyFormatID)\" pid=\"\(index + 2)\" name=\"".utf8)  // not a message
      ExcelTextEscape.appendEscaped(property.name, to: &xml, context: .attribute)
      xml += Array("\"><vt:lpwstr>".utf8)
      ExcelTextEscape.appendEscaped(property.value, to: &xml, context: .plainText)
      xml += Array("</vt:lpwstr></property>".utf8)
    }
    xml += Array("</Properties>".utf8)
    return xml
  }
}
