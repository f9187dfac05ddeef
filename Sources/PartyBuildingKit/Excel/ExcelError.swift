/// A problem reading or writing an Excel workbook, with a message that says what, where and what to do.
///
/// Cases carry the facts (entry names, cell references, sizes); ``message`` is the one place that words them, in
/// English starting lowercase, with a Chinese sentence where a clerk reads it. Tests compare cases directly.
package enum ExcelError: Error, Sendable, Equatable, CustomStringConvertible {
  // MARK: The file as a whole

  /// The bytes are neither a ZIP archive nor an Office compound file.
  case notAWorkbook
  /// The file is an Excel 97–2003 workbook (an OLE2 compound file, `.xls`).
  case legacyXLS
  /// The workbook is encrypted: an encrypted OOXML compound file, or a ZIP entry with the encryption flag (named).
  case encrypted(entry: String?)
  /// The file is another spreadsheet format that is a ZIP archive too.
  case otherSpreadsheetFormat(OtherFormat)
  /// The archive uses ZIP64 records, which this reader refuses.
  case zip64
  /// The archive's structure is damaged; the detail says how.
  case damagedArchive(ZipDamage)
  /// An entry is compressed with a method other than stored (0) or deflate (8).
  case unsupportedCompression(entry: String, method: Int)
  /// An entry's data does not match its CRC-32.
  case checksumMismatch(entry: String, expected: UInt32, actual: UInt32)
  /// An entry unpacks to a size other than its header declares.
  case sizeMismatch(entry: String, declared: Int, actual: Int)
  /// The entries together declare more uncompressed bytes than the limit allows.
  case archiveTooLarge(declared: Int, limit: Int)
  /// An entry claims an uncompressed size out of proportion to its compressed size (a "zip bomb").
  case implausibleRatio(entry: String, compressed: Int, uncompressed: Int, limit: Int)
  /// An entry's DEFLATE data is damaged.
  case damagedCompressedData(entry: String, InflateError)

  // MARK: Workbook structure

  /// A part the workbook needs is missing.
  case missingPart(String)
  /// A part's XML is malformed at a byte offset.
  case malformedXML(part: String, offset: Int, problem: XMLProblem)
  /// The workbook lists no sheets.
  case noSheets
  /// No sheet has the requested name; the workbook's sheet names are given.
  case sheetNotFound(String, available: [String])
  /// The workbook lists a sheet but no part holding its cells (its relationship is missing).
  case sheetWithoutPart(String)
  /// The requested sheet is a chart sheet or another sheet without cells.
  case notAWorksheet(String)

  // MARK: Cells

  /// A cell or row reference that is not like `B3` (or `3` for a row) or lies beyond XFD1048576.
  case invalidReference(part: String, text: String)
  /// A row number that does not come after the previous row's.
  case rowOutOfOrder(row: Int, previous: Int)
  /// A cell that does not come after the previous cell of its row, or lies in another row.
  case cellOutOfOrder(XLSXCellReference, previous: XLSXCellReference?)
  /// A cell with a formula but no calculated value.
  case formulaWithoutValue(XLSXCellReference, formula: String)
  /// A numeric (or date) cell whose value is not a number.
  case invalidNumber(XLSXCellReference, text: String)
  /// A Boolean cell whose value is not 0 or 1.
  case invalidBoolean(XLSXCellReference, text: String)
  /// A cell that refers to a shared string the workbook does not have.
  case sharedStringOutOfRange(XLSXCellReference, index: String, count: Int)
  /// A sheet whose rows reach so far right of their data that filling the gaps would take far more cells than
  /// its XML has bytes; `cells` is how many the rows had asked for when reading stopped.
  case sheetTooSparse(part: String, cells: Int, bytes: Int)
  /// A cell with a type attribute Excel does not define.
  case unknownCellType(XLSXCellReference, type: String)

  // MARK: Writing

  /// A sheet name Excel would refuse.
  case invalidSheetName(String)
  /// A number for a cell that is not decimal text like `85.5` or `-3`.
  case invalidNumberText(XLSXCellReference, text: String)
  /// A number with more than the 15 significant digits Excel keeps (it would change it, say an 18-digit id).
  case tooManyDigits(XLSXCellReference, text: String)
  /// A number of decimal places outside 0…6.
  case unsupportedPlaces(XLSXCellReference, places: Int)
  /// Text longer than the 32,767 characters Excel holds in a cell.
  case textTooLong(XLSXCellReference, length: Int)
  /// More rows or columns than an Excel sheet holds.
  case sheetTooLarge
  /// A custom document property with an empty or repeated name.
  case invalidPropertyName(String)
  /// The archive being written would need ZIP64 (an entry or the whole over 4 GiB, or over 65,535 entries).
  case outputTooLarge

  /// A spreadsheet format that is a ZIP archive but not an Excel workbook this reader reads.
  package enum OtherFormat: Sendable, Equatable {
    /// An OpenDocument spreadsheet (`.ods`).
    case openDocument
    /// An Excel binary workbook (`.xlsb`).
    case binaryWorkbook
  }

  /// How a ZIP archive's structure is damaged.
  package enum ZipDamage: Sendable, Equatable {
    /// No end-of-central-directory record: the file is truncated, or not a ZIP archive after all.
    case noEndRecord
    /// The archive is one part of a split (multi-disk) archive.
    case splitArchive
    /// The central directory lies outside the file.
    case centralDirectoryOutOfRange
    /// A central directory entry (0-based) is malformed or cut off.
    case badCentralEntry(Int)
    /// An entry's local header is missing or malformed.
    case badLocalHeader(String)
    /// An entry's data runs past the end of the file.
    case dataOutOfRange(String)
  }

  /// The advice for a file the reader cannot use as it is.
  private static let saveAsAdvice =
    "open it in Excel or WPS and save it via 文件 → 另存为 → Excel 工作簿 (*.xlsx), or as CSV UTF-8 (逗号分隔)"
  /// The advice for a workbook damaged in transit or by its writer.
  private static let damagedAdvice =
    "the file is damaged (工作簿文件已损坏): if it was copied or downloaded, copy it again; otherwise open it in Excel "
    + "or WPS, let it repair the file, and save it via 文件 → 另存为 → Excel 工作簿 (*.xlsx)"

  /// What is wrong, where, and what to do.
  package var message: String {
    switch self {
    case .notAWorkbook:
      return "the file is not an Excel workbook (.xlsx) (文件不是 Excel 工作簿); " + Self.saveAsAdvice
    case .legacyXLS:
      return "the file is an Excel 97–2003 workbook (.xls), which is not supported (不支持 .xls 旧格式, 请另存为 .xlsx); "
        + Self.saveAsAdvice
    case .encrypted(let entry):
      let place = entry.map { " (entry '\($0)' is encrypted)" } ?? ""
      return "the workbook is encrypted\(place) (工作簿已加密, 请去掉密码后另存); open it in Excel or WPS with its password, "
        + "remove the password, and save an unencrypted copy via 文件 → 另存为 → Excel 工作簿 (*.xlsx), or as CSV UTF-8"
    case .otherSpreadsheetFormat(.openDocument):
      return "the file is an OpenDocument spreadsheet (.ods), not an Excel workbook (文件不是 .xlsx 格式); "
        + Self.saveAsAdvice
    case .otherSpreadsheetFormat(.binaryWorkbook):
      return "the file is an Excel binary workbook (.xlsb), which is not supported (不支持 .xlsb 格式); " + Self.saveAsAdvice
    case .zip64:
      return "the workbook is stored as a ZIP64 archive, which is not supported (不支持此文件格式); " + Self.saveAsAdvice
    case .damagedArchive(let damage):
      return "the workbook's ZIP structure is broken: \(Self.describe(damage)); " + Self.damagedAdvice
    case .unsupportedCompression(let entry, let method):
      return "entry '\(entry)' is compressed with method \(method)\(Self.methodName(method)), but only stored (0) and "
        + "deflate (8) are supported (压缩方式不受支持); " + Self.saveAsAdvice
    case .checksumMismatch(let entry, let expected, let actual):
      return "entry '\(entry)' fails its CRC-32 check (expected \(Self.hex(expected)), computed \(Self.hex(actual))); "
        + Self.damagedAdvice
    case .sizeMismatch(let entry, let declared, let actual):
      return "entry '\(entry)' unpacks to \(actual) bytes but its header declares \(declared); " + Self.damagedAdvice
    case .archiveTooLarge(let declared, let limit):
      return "the workbook would unpack to \(declared) bytes, more than the limit of \(limit) (工作簿过大); split the "
        + "data into smaller workbooks, or save it as CSV UTF-8 (逗号分隔) and read that"
    case .implausibleRatio(let entry, let compressed, let uncompressed, let limit):
      return "entry '\(entry)' claims to unpack \(uncompressed) bytes from \(compressed), more than \(limit) times its "
        + "size, which no genuine workbook does (文件疑似恶意构造, 已拒绝读取); the file was refused: ask the sender for the "
        + "original workbook"
    case .damagedCompressedData(let entry, let problem):
      return "the compressed data of entry '\(entry)' is damaged: \(Self.describe(problem)); " + Self.damagedAdvice
    case .missingPart(let part):
      return "the workbook has no part '\(part)' (工作簿缺少必要内容), so it is not a complete Excel workbook; "
        + Self.saveAsAdvice
    case .malformedXML(let part, let offset, let problem):
      return "part '\(part)', byte \(offset): \(Self.describe(problem)) (工作簿内容格式错误); " + Self.saveAsAdvice
    case .noSheets:
      return "the workbook has no worksheets (工作簿中没有工作表); put the data on a worksheet and save it again"
    case .sheetNotFound(let name, let available):
      let names = available.isEmpty ? "none" : available.map { "'\($0)'" }.joined(separator: ", ")
      return "the workbook has no sheet named '\(name)' (找不到名为“\(name)”的工作表); its sheets are \(names): pass one "
        + "of these names"
    case .sheetWithoutPart(let name):
      return "the workbook lists sheet '\(name)' but not where its cells are (工作表“\(name)”的内容缺失); "
        + Self.saveAsAdvice
    case .notAWorksheet(let name):
      return "sheet '\(name)' is a chart sheet or another sheet without cells (“\(name)”不是普通工作表); choose the "
        + "worksheet that holds the data"
    case .invalidReference(let part, let text):
      return "part '\(part)': '\(text)' is not a cell reference like B3 within A1:XFD1048576 (单元格引用错误); "
        + Self.saveAsAdvice
    case .rowOutOfOrder(let row, let previous):
      return "row \(row) comes after row \(previous), but rows must be in increasing order (行顺序错误); "
        + Self.saveAsAdvice
    case .cellOutOfOrder(let cell, let previous):
      let after = previous.map { " after cell \($0)" } ?? ""
      return "cell \(cell) comes\(after) out of order or outside its row (单元格顺序错误); " + Self.saveAsAdvice
    case .formulaWithoutValue(let cell, let formula):
      return "cell \(cell) holds the formula =\(formula) but no calculated value (单元格 \(cell) 的公式没有计算结果); "
        + "open the workbook in Excel or WPS, recalculate (公式 → 开始计算, or F9), save it, and try again"
    case .invalidNumber(let cell, let text):
      return "cell \(cell) should hold a number but holds '\(text)' (单元格 \(cell) 的数值无法识别); retype the value in "
        + "Excel or WPS and save the workbook again"
    case .invalidBoolean(let cell, let text):
      return "cell \(cell) should hold TRUE or FALSE but holds '\(text)' (单元格 \(cell) 的逻辑值无法识别); retype the "
        + "value in Excel or WPS and save the workbook again"
    case .sharedStringOutOfRange(let cell, let index, let count):
      return "cell \(cell) refers to shared string \(index), but the workbook has \(count) (单元格 \(cell) 的文本缺失); "
        + Self.damagedAdvice
    case .sheetTooSparse(let part, let cells, let bytes):
      return
        "part '\(part)': its rows reach far to the right of their data (\(cells) cells from \(bytes) bytes), which "
        + "no genuine worksheet does (工作表结构异常); in Excel or WPS delete the empty columns right of the data, save, "
        + "and try again"
    case .unknownCellType(let cell, let type):
      return "cell \(cell) has the unknown type '\(type)' (单元格 \(cell) 类型无法识别); " + Self.saveAsAdvice
    case .invalidSheetName(let name):
      return "'\(name)' cannot name a sheet: Excel sheet names have 1 to 31 characters, none of : \\ / ? * [ ], and do "
        + "not start or end with an apostrophe (工作表名称无效); choose another name"
    case .invalidNumberText(let cell, let text):
      return "the number '\(text)' for cell \(cell) is not decimal text like 85.5 or -3; pass digits with an optional "
        + "leading minus sign and decimal point"
    case .tooManyDigits(let cell, let text):
      return "the number '\(text)' for cell \(cell) has more than the 15 significant digits Excel keeps, so Excel "
        + "would change it (超过 15 位有效数字); write an identifier such as an ID-card number as text, or round the value"
    case .unsupportedPlaces(let cell, let places):
      return "cell \(cell) asks for \(places) decimal places, but 0 to 6 are supported; round the value and pass a "
        + "number of places in that range"
    case .textTooLong(let cell, let length):
      return "the text for cell \(cell) has \(length) characters, more than the 32,767 an Excel cell holds "
        + "(单元格文本过长); shorten it"
    case .sheetTooLarge:
      return "the sheet would have more than 1,048,576 rows or 16,384 columns, Excel's limits (超出 Excel 工作表的行列上限); "
        + "split the results into several workbooks, or write CSV"
    case .invalidPropertyName(let name):
      return "the document property name '\(name)' is empty or repeated; give each custom property a distinct, "
        + "non-empty name"
    case .outputTooLarge:
      return "the workbook would be larger than 4 GiB, which needs ZIP64 (输出文件过大); split the results into several "
        + "workbooks, or write CSV"
    }
  }

  /// The message; see ``message``.
  package var description: String { message }

  /// How a damaged archive is damaged, in words.
  private static func describe(_ damage: ZipDamage) -> String {
    switch damage {
    case .noEndRecord: "it has no ZIP end record, so it is probably cut off (truncated)"
    case .splitArchive: "it is one part of a split (multi-volume) archive"
    case .centralDirectoryOutOfRange: "its ZIP directory lies outside the file, so it is probably cut off (truncated)"
    case .badCentralEntry(let index): "entry \(index + 1) of its ZIP directory is malformed or cut off"
    case .badLocalHeader(let entry): "the header of entry '\(entry)' is missing or malformed"
    case .dataOutOfRange(let entry): "the data of entry '\(entry)' runs past the end of the file (truncated)"
    }
  }

  /// What is wrong with DEFLATE data, in words.
  private static func describe(_ problem: InflateError) -> String {
    switch problem {
    case .truncated: "the data ends before its last block"
    case .reservedBlockType: "a block has the reserved type 3"
    case .storedLengthMismatch: "a stored block's length check fails"
    case .tooManyCodes: "a block declares more than 286 literal/length or 30 distance codes"
    case .oversubscribed(let code): "the \(describe(code)) code is over-subscribed"
    case .incomplete(let code): "the \(describe(code)) code is incomplete"
    case .repeatWithoutPrevious: "a code-length repeat has no previous length"
    case .repeatTooLong: "a code-length repeat runs past the declared lengths"
    case .missingEndOfBlock: "a block's code has no end-of-block symbol"
    case .invalidSymbol(let code): "an invalid \(describe(code)) symbol occurs"
    case .distanceTooFarBack(let distance, let available):
      "a back-reference reaches \(distance) bytes back, but only \(available) have been written"
    case .outputTooLarge(let limit): "the data unpacks to more than the \(limit) bytes declared"
    }
  }

  /// The name of a Huffman code, in words.
  private static func describe(_ code: InflateError.Code) -> String {
    switch code {
    case .codeLengths: "code-length"
    case .literalsAndLengths: "literal/length"
    case .distances: "distance"
    }
  }

  /// What is wrong with a part's XML, in words.
  private static func describe(_ problem: XMLProblem) -> String {
    switch problem {
    case .unexpectedEnd: "the XML ends in the middle of a tag or element"
    case .malformedTag: "a tag is malformed"
    case .malformedAttribute: "an attribute is malformed"
    case .unknownEntity(let text): "'\(text)' is not an XML entity"
    case .invalidCharacterReference(let text): "'\(text)' names no character"
    case .documentType: "a document type declaration (<!DOCTYPE) is not allowed in a workbook"
    case .notUTF8: "the text is not valid UTF-8"
    case .unexpected(let what): what
    }
  }

  /// The name of a ZIP compression method, in parentheses, when it is a known one.
  private static func methodName(_ method: Int) -> String {
    switch method {
    case 1: " (shrink)"
    case 6: " (implode)"
    case 9: " (deflate64)"
    case 12: " (bzip2)"
    case 14: " (LZMA)"
    case 93: " (Zstandard)"
    case 95: " (XZ)"
    case 99: " (AES encryption)"
    default: ""
    }
  }

  /// At most the first 64 bytes of some input, as text for a message, with `…` when there was more.
  static func sample(_ bytes: some Collection<UInt8>) -> String {
    var end = min(bytes.count, 64)
    let prefix = Array(bytes.prefix(end + 3))
    // Do not cut a UTF-8 sequence: back up to the start of a character.
    while end < prefix.count && end > 0 && prefix[end] & 0xC0 == 0x80 { end -= 1 }
    let text = String(decoding: prefix[..<end], as: UTF8.self)
    return bytes.count > end ? text + "…" : text
  }

  /// A checksum as `0x` and eight hexadecimal digits.
  private static func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return "0x" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
  }
}

extension ExcelError {
  /// The cell an error is about, when it is about one.
  package var cell: XLSXCellReference? {
    switch self {
    case .cellOutOfOrder(let reference, _), .formulaWithoutValue(let reference, _), .invalidNumber(let reference, _),
      .invalidBoolean(let reference, _), .sharedStringOutOfRange(let reference, _, _), .unknownCellType(let reference, _),
      .invalidNumberText(let reference, _), .tooManyDigits(let reference, _), .unsupportedPlaces(let reference, _),
      .textTooLong(let reference, _):
      reference
    default: nil
    }
  }

  /// The row (1-based) an error is about, when it is about one.
  package var row: Int? {
    if case .rowOutOfOrder(let row, _) = self { return row }
    return cell?.row
  }
}
