/// A problem reading or writing an Excel workbook, with a message that says what, where and what to do.
///
/// Cases carry the facts (entry names, cell references, sizes); ``detail`` is the one place that words them, as a
/// catalogue message in English (starting lowercase, with a Chinese hint where a clerk reads it) and in Chinese.
/// ``message`` is its English text. Tests compare cases directly.
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
  private static var saveAsAdvice: Message { Message(.excelSaveAsAdvice) }
  /// The advice for a workbook damaged in transit or by its writer.
  private static var damagedAdvice: Message { Message(.excelDamagedAdvice) }

  /// What is wrong, where, and what to do, in English (``detail`` in English).
  package var message: String { detail.text(in: .english) }

  /// What is wrong, where, and what to do: a catalogue message, rendered in the language it is printed in.
  package var detail: Message {
    switch self {
    case .notAWorkbook:
      Message(.excelNotAWorkbook, Self.saveAsAdvice)
    case .legacyXLS:
      Message(.excelLegacyXLS, Self.saveAsAdvice)
    case .encrypted(let entry):
      Message(.excelEncrypted, entry.map { Message(.excelEncryptedEntry, $0) } ?? .verbatim(""))
    case .otherSpreadsheetFormat(.openDocument):
      Message(.excelOpenDocument, Self.saveAsAdvice)
    case .otherSpreadsheetFormat(.binaryWorkbook):
      Message(.excelBinaryWorkbook, Self.saveAsAdvice)
    case .zip64:
      Message(.excelZip64, Self.saveAsAdvice)
    case .damagedArchive(let damage):
      Message(.excelDamagedArchive, Self.describe(damage), Self.damagedAdvice)
    case .unsupportedCompression(let entry, let method):
      Message(.excelUnsupportedCompression, entry, method, Self.methodName(method), Self.saveAsAdvice)
    case .checksumMismatch(let entry, let expected, let actual):
      Message(.excelChecksumMismatch, entry, Self.hex(expected), Self.hex(actual), Self.damagedAdvice)
    case .sizeMismatch(let entry, let declared, let actual):
      Message(.excelSizeMismatch, entry, actual, declared, Self.damagedAdvice)
    case .archiveTooLarge(let declared, let limit):
      Message(.excelArchiveTooLarge, declared, limit)
    case .implausibleRatio(let entry, let compressed, let uncompressed, let limit):
      Message(.excelImplausibleRatio, entry, uncompressed, compressed, limit)
    case .damagedCompressedData(let entry, let problem):
      Message(.excelDamagedCompressedData, entry, Self.describe(problem), Self.damagedAdvice)
    case .missingPart(let part):
      Message(.excelMissingPart, part, Self.saveAsAdvice)
    case .malformedXML(let part, let offset, let problem):
      Message(.excelMalformedXML, part, offset, Self.describe(problem), Self.saveAsAdvice)
    case .noSheets:
      Message(.excelNoSheets)
    case .sheetNotFound(let name, let available):
      Message(.excelSheetNotFound, name, Self.names(available))
    case .sheetWithoutPart(let name):
      Message(.excelSheetWithoutPart, name, Self.saveAsAdvice)
    case .notAWorksheet(let name):
      Message(.excelNotAWorksheet, name)
    case .invalidReference(let part, let text):
      Message(.excelInvalidReference, part, text, Self.saveAsAdvice)
    case .rowOutOfOrder(let row, let previous):
      Message(.excelRowOutOfOrder, row, previous, Self.saveAsAdvice)
    case .cellOutOfOrder(let cell, let previous):
      Message(
        .excelCellOutOfOrder, cell.description, previous.map { Message(.excelAfterCell, $0.description) } ?? .verbatim(""),
        Self.saveAsAdvice)
    case .formulaWithoutValue(let cell, let formula):
      Message(.excelFormulaWithoutValue, cell.description, formula)
    case .invalidNumber(let cell, let text):
      Message(.excelInvalidNumber, cell.description, text)
    case .invalidBoolean(let cell, let text):
      Message(.excelInvalidBoolean, cell.description, text)
    case .sharedStringOutOfRange(let cell, let index, let count):
      Message(.excelSharedStringOutOfRange, cell.description, index, count, Self.damagedAdvice)
    case .sheetTooSparse(let part, let cells, let bytes):
      Message(.excelSheetTooSparse, part, cells, bytes)
    case .unknownCellType(let cell, let type):
      Message(.excelUnknownCellType, cell.description, type, Self.saveAsAdvice)
    case .invalidSheetName(let name):
      Message(.excelInvalidSheetName, name)
    case .invalidNumberText(let cell, let text):
      Message(.excelInvalidNumberText, text, cell.description)
    case .tooManyDigits(let cell, let text):
      Message(.excelTooManyDigits, text, cell.description)
    case .unsupportedPlaces(let cell, let places):
      Message(.excelUnsupportedPlaces, cell.description, places)
    case .textTooLong(let cell, let length):
      Message(.excelTextTooLong, cell.description, length)
    case .sheetTooLarge:
      Message(.excelSheetTooLarge)
    case .invalidPropertyName(let name):
      Message(.excelInvalidPropertyName, name)
    case .outputTooLarge:
      Message(.excelOutputTooLarge)
    }
  }

  /// The message in English; see ``message``.
  package var description: String { message }

  /// The workbook's sheet names, each quoted, or "none".
  private static func names(_ names: [String]) -> Message {
    guard let first = names.first else { return Message(.excelNoSheetNames) }
    var list = Message(.excelSheetName, first)
    for name in names.dropFirst() { list = Message(.excelSheetNameList, list, Message(.excelSheetName, name)) }
    return list
  }

  /// How a damaged archive is damaged, in words.
  private static func describe(_ damage: ZipDamage) -> Message {
    switch damage {
    case .noEndRecord: Message(.excelZipNoEndRecord)
    case .splitArchive: Message(.excelZipSplitArchive)
    case .centralDirectoryOutOfRange: Message(.excelZipDirectoryOutOfRange)
    case .badCentralEntry(let index): Message(.excelZipBadCentralEntry, index + 1)
    case .badLocalHeader(let entry): Message(.excelZipBadLocalHeader, entry)
    case .dataOutOfRange(let entry): Message(.excelZipDataOutOfRange, entry)
    }
  }

  /// What is wrong with DEFLATE data, in words.
  private static func describe(_ problem: InflateError) -> Message {
    switch problem {
    case .truncated: Message(.excelInflateTruncated)
    case .reservedBlockType: Message(.excelInflateReservedBlockType)
    case .storedLengthMismatch: Message(.excelInflateStoredLengthMismatch)
    case .tooManyCodes: Message(.excelInflateTooManyCodes)
    case .oversubscribed(let code): Message(.excelInflateOversubscribed, describe(code))
    case .incomplete(let code): Message(.excelInflateIncomplete, describe(code))
    case .repeatWithoutPrevious: Message(.excelInflateRepeatWithoutPrevious)
    case .repeatTooLong: Message(.excelInflateRepeatTooLong)
    case .missingEndOfBlock: Message(.excelInflateMissingEndOfBlock)
    case .invalidSymbol(let code): Message(.excelInflateInvalidSymbol, describe(code))
    case .distanceTooFarBack(let distance, let available): Message(.excelInflateDistanceTooFarBack, distance, available)
    case .outputTooLarge(let limit): Message(.excelInflateOutputTooLarge, limit)
    }
  }

  /// The name of a Huffman code, in words.
  private static func describe(_ code: InflateError.Code) -> Message {
    switch code {
    case .codeLengths: Message(.excelCodeLengths)
    case .literalsAndLengths: Message(.excelCodeLiteralsAndLengths)
    case .distances: Message(.excelCodeDistances)
    }
  }

  /// What is wrong with a part's XML, in words.
  private static func describe(_ problem: XMLProblem) -> Message {
    switch problem {
    case .unexpectedEnd: Message(.excelXMLUnexpectedEnd)
    case .malformedTag: Message(.excelXMLMalformedTag)
    case .malformedAttribute: Message(.excelXMLMalformedAttribute)
    case .unknownEntity(let text): Message(.excelXMLUnknownEntity, text)
    case .invalidCharacterReference(let text): Message(.excelXMLInvalidCharacterReference, text)
    case .documentType: Message(.excelXMLDocumentType)
    case .notUTF8: Message(.excelXMLNotUTF8)
    case .unexpected(let what): what
    }
  }

  /// The name of a ZIP compression method, in parentheses, when it is a known one.
  private static func methodName(_ method: Int) -> Message {
    let name: String
    switch method {
    case 1: name = "shrink"
    case 6: name = "implode"
    case 9: name = "deflate64"
    case 12: name = "bzip2"
    case 14: name = "LZMA"
    case 93: name = "Zstandard"
    case 95: name = "XZ"
    case 99: return Message(.excelMethodName, Message(.excelAESEncryption))
    default: return .verbatim("")
    }
    return Message(.excelMethodName, name)
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
