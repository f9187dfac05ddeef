/// A rendered 考核细则 before it is written: headings, paragraphs, lists, tables and quotes of inline text, written
/// out as Markdown or as a self-contained HTML page.
struct RenderDocument {
  /// A stretch of text in a paragraph, a list item or a table cell.
  enum Inline: Equatable {
    case text(String)
    /// A formula as written.
    case code(String)
    /// A number the source document does not give (`exampleValue`): the mark and its note.
    case example(String)
  }

  enum Block {
    /// A heading; level 1 is the title.
    case heading(level: Int, text: String)
    case paragraph([Inline])
    case list([[Inline]])
    case table(header: [String], rows: [[[Inline]]])
    /// A quoted passage of the source document, line by line.
    case quote([String])
  }

  var title: String
  var blocks: [Block] = []

  /// The visible mark of an `exampleValue`: ⚠ 原文未给出：note (a note that already says so is not repeated).
  static func exampleMark(_ note: String) -> String {
    note.hasPrefix("原文未给出") ? "⚠ \(note)" : "⚠ 原文未给出：\(note)"
  }
}

// MARK: - Markdown

extension RenderDocument {
  /// The document as Markdown (CommonMark with GitHub tables).
  var markdown: String {
    var out = ""
    for block in blocks {
      switch block {
      case .heading(let level, let text):
        out += String(repeating: "#", count: level) + " " + Self.escape(text) + "\n\n"
      case .paragraph(let inlines):
        out += Self.markdown(inlines) + "\n\n"
      case .list(let items):
        for item in items { out += "- " + Self.markdown(item) + "\n" }
        out += "\n"
      case .table(let header, let rows):
        out += "| " + header.map { Self.escape($0, inTable: true) }.joined(separator: " | ") + " |\n"
        out += "|" + String(repeating: " --- |", count: header.count) + "\n"
        for row in rows {
          out += "| " + row.map { Self.markdown($0, inTable: true) }.joined(separator: " | ") + " |\n"
        }
        out += "\n"
      case .quote(let lines):
        out += lines.map { "> " + Self.escape($0) }.joined(separator: "\n>\n") + "\n\n"
      }
    }
    while out.hasSuffix("\n\n") { out.removeLast() }
    return out
  }

  static func markdown(_ inlines: [Inline], inTable: Bool = false) -> String {
    var out = ""
    for inline in inlines {
      switch inline {
      case .text(let text): out += escape(text, inTable: inTable)
      case .code(let code):
        let body = inTable ? code.replacingAll("|", with: "\\|") : code
        let fence = code.contains("`") ? "``" : "`"
        out += fence + (fence == "``" ? " \(body) " : body) + fence
      case .example(let note): out += escape(exampleMark(note), inTable: inTable)
      }
    }
    return out
  }

  /// Text with the characters Markdown would read as markup escaped.
  static func escape(_ text: String, inTable: Bool = false) -> String {
    var out = ""
    for character in text {
      switch character {
      case "\\", "`", "*", "_", "<", "[", "]": out += "\\" + String(character)
      case "|" where inTable: out += "\\|"
      case "\n": out += inTable ? " " : "\n"
      default: out.append(character)
      }
    }
    return out
  }
}

// MARK: - HTML

extension RenderDocument {
  /// The document as one HTML page: no scripts, no external resources, CSS inline, A4 print styles.
  var html: String {
    var out = """
      <!DOCTYPE html>
      <html lang="zh-CN">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(Self.escapeHTML(title))</title>
      <style>
      \(Self.style)
      </style>
      </head>
      <body>
      <main>

      """
    for block in blocks {
      switch block {
      case .heading(let level, let text):
        out += "<h\(level)>\(Self.escapeHTML(text))</h\(level)>\n"
      case .paragraph(let inlines):
        out += "<p>\(Self.html(inlines))</p>\n"
      case .list(let items):
        out += "<ul>\n" + items.map { "<li>\(Self.html($0))</li>\n" }.joined() + "</ul>\n"
      case .table(let header, let rows):
        out +=
          "<table>\n<thead>\n<tr>" + header.map { "<th>\(Self.escapeHTML($0))</th>" }.joined() + "</tr>\n</thead>\n"
        out += "<tbody>\n"
        for row in rows { out += "<tr>" + row.map { "<td>\(Self.html($0))</td>" }.joined() + "</tr>\n" }
        out += "</tbody>\n</table>\n"
      case .quote(let lines):
        out += "<blockquote>\n" + lines.map { "<p>\(Self.escapeHTML($0))</p>\n" }.joined() + "</blockquote>\n"
      }
    }
    out += "</main>\n</body>\n</html>\n"
    return out
  }

  static func html(_ inlines: [Inline]) -> String {
    var out = ""
    for inline in inlines {
      switch inline {
      case .text(let text): out += escapeHTML(text)
      case .code(let code): out += "<code>\(escapeHTML(code))</code>"
      case .example(let note): out += "<span class=\"example\">\(escapeHTML(exampleMark(note)))</span>"
      }
    }
    return out
  }

  static func escapeHTML(_ text: String) -> String {
    var out = ""
    for character in text {
      switch character {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.append(character)
      }
    }
    return out
  }

  static let style = """
    :root { color-scheme: light; }
    body { margin: 0; background: #f4f4f1; color: #1f1f1f;
      font-family: "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif;
      font-size: 15px; line-height: 1.7; }
    main { max-width: 60em; margin: 2em auto; padding: 2.5em 3em; background: #fff; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.12); }
    h1 { font-size: 1.7em; text-align: center; margin: 0.2em 0 0.8em; color: #a40000; }
    h2 { font-size: 1.3em; margin: 1.6em 0 0.6em; padding-bottom: 0.2em; border-bottom: 2px solid #a40000; }
    h3 { font-size: 1.12em; margin: 1.3em 0 0.5em; }
    h4 { font-size: 1em; margin: 1.1em 0 0.4em; }
    p { margin: 0.5em 0; }
    ul { margin: 0.5em 0; padding-left: 1.6em; }
    table { border-collapse: collapse; width: 100%; margin: 0.6em 0 1em; font-size: 0.93em; }
    th, td { border: 1px solid #9a9a9a; padding: 0.3em 0.55em; vertical-align: top; text-align: left; }
    th { background: #f1e6e6; font-weight: 600; white-space: nowrap; }
    blockquote { margin: 0.6em 0; padding: 0.4em 1em; border-left: 4px solid #c9b28f; background: #faf6ee; }
    code { font-family: "SF Mono", Menlo, Consolas, "Noto Sans Mono CJK SC", monospace; font-size: 0.9em;
      background: #f1f1f1; padding: 0.05em 0.3em; border-radius: 3px; }
    .example { background: #fff0a8; color: #6b4a00; border: 1px solid #e0c04a; border-radius: 3px; padding: 0 0.25em; }
    @page { size: A4; margin: 20mm 18mm; }
    @media print {
      body { background: #fff; font-size: 10.5pt; }
      main { max-width: none; margin: 0; padding: 0; box-shadow: none; }
      h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
      tr, blockquote { break-inside: avoid; page-break-inside: avoid; }
      thead { display: table-header-group; }
      .example, th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    }
    """
}

extension String {
  /// The text in Chinese quotes, its own double quotes turned into single ones: “三会一课”制度 → “‘三会一课’制度”.
  var inQuotes: String {
    "“" + replacingAll("“", with: "‘").replacingAll("”", with: "’") + "”"
  }

  /// Every occurrence of `target` replaced (Foundation-free).
  func replacingAll(_ target: String, with replacement: String) -> String {
    guard !target.isEmpty else { return self }
    var out = ""
    var rest = self[...]
    while let range = rest.firstRange(of: target) {
      out += rest[..<range.lowerBound]
      out += replacement
      rest = rest[range.upperBound...]
    }
    return out + rest
  }
}
