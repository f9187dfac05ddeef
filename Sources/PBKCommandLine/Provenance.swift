import PartyBuildingKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What produced a run's results (issue 13): the pbk version, the rule pack and the input with their SHA-256
/// digests, the files written with theirs, the counts, the times and the command line.
///
/// `pbk evaluate` writes it as JSON beside its output (`<output>.meta.json`, or the file `--meta` names) once the
/// output is in place, and — all but the digests of the files the run writes, which a file cannot hold of itself —
/// into an `.xlsx` output's custom document properties. The results themselves carry nothing of the run (no time,
/// no path), so two runs of the same pack on the same input give the same result bytes; only this record differs.
///
/// Every key is always written, in this order; what does not apply is `null` (an input read from a pipe has no
/// file, a JSON input no header row, a run without `--errors` no error file).
struct Provenance: Codable, Equatable {
  /// The sidecar's layout, raised when a key changes meaning or goes.
  static let layoutVersion = 1

  /// What pbk itself is.
  struct Program: Codable, Equatable {
    /// `pbk --version`'s number.
    var version: String
  }

  /// The rule pack: what it says it is, and the file's digest.
  struct Pack: Codable, Equatable {
    var id: String
    var version: String
    var title: String
    /// The path as given.
    var file: String
    /// The digest of the bytes the pack was loaded from.
    var sha256: String
  }

  /// The input: the file (`-` for standard input), the digest and length of the bytes read from it, and how they
  /// were read.
  struct Input: Codable, Equatable {
    var file: String
    /// The digest of the bytes as read, before any transcoding: for standard input too; null only if the input was
    /// not read to its end.
    var sha256: String?
    var bytes: Int?
    /// csv, json, jsonl or xlsx.
    var format: String
    /// The text encoding a CSV file was read in (UTF-8, GB18030, UTF-16); UTF-8 for JSON; null for a workbook.
    var encoding: String?
    /// The worksheet read (a workbook).
    var sheet: String?
    /// The row that names the columns (CSV and workbooks).
    var headerRow: Int?

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(file, forKey: .file)
      try container.encode(sha256, forKey: .sha256)
      try container.encode(bytes, forKey: .bytes)
      try container.encode(format, forKey: .format)
      try container.encode(encoding, forKey: .encoding)
      try container.encode(sheet, forKey: .sheet)
      try container.encode(headerRow, forKey: .headerRow)
    }
  }

  /// The results: where they went (`-` for standard output), in what format, and the digest and length of the
  /// bytes written.
  struct Output: Codable, Equatable {
    var file: String
    var format: String
    var sha256: String
    var bytes: Int
  }

  /// Last period's results the run read (`--previous`), for a pack that reads them: the file as read and the run that
  /// wrote it, as its own record said.
  struct Previous: Codable, Equatable {
    var file: String
    var sha256: String?
    /// The pack that wrote the results, its version and when that run ended; null when not known.
    var packID: String?
    var packVersion: String?
    var finishedAt: String?
  }

  /// The file of rejected rows (`--errors`).
  struct Errors: Codable, Equatable {
    var file: String
    var sha256: String
    var bytes: Int
    /// How many rejected rows it lists: the run's `rejected` count.
    var rows: Int
  }

  /// The counts of the summary line: `read == assessed + rejected`; `void` counts the assessed results that are
  /// void (无效: a ballot session that does not count); `forms`, for a pack scoring items from rater forms, what
  /// became of every form (left out otherwise).
  struct Counts: Codable, Equatable {
    var read: Int
    var assessed: Int
    var rejected: Int
    var void: Int
    var forms: FormTally? = nil

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(read, forKey: .read)
      try container.encode(assessed, forKey: .assessed)
      try container.encode(rejected, forKey: .rejected)
      try container.encode(void, forKey: .void)
      try container.encodeIfPresent(forms, forKey: .forms)
    }
  }

  /// What became of the rater forms: `read == counted + void + rejected`.
  struct FormTally: Codable, Equatable {
    var read: Int
    var counted: Int
    var void: Int
    var rejected: Int
  }

  /// The forms file (`--forms`): the file and the digest and length of the bytes read from it.
  struct FormsFile: Codable, Equatable {
    var file: String
    var sha256: String?
    var bytes: Int?

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(file, forKey: .file)
      try container.encode(sha256, forKey: .sha256)
      try container.encode(bytes, forKey: .bytes)
    }
  }

  /// A line in Chinese for a person who opens the file.
  var note: String
  var metaVersion = Provenance.layoutVersion
  var pbk: Program
  var pack: Pack
  var input: Input
  /// The forms file, when `--forms` gave one; left out otherwise.
  var forms: FormsFile? = nil
  /// Last period's results, when the run read them (`--previous`); left out otherwise.
  var previous: Previous? = nil
  /// The results (their digest and length are filled in once they are written).
  var output: Output
  /// The rejected rows' file, when `--errors` gave one (its digest and length filled in once it is written).
  var errors: Errors?
  var counts: Counts
  /// The packs whose results this run read through links (`--linked`), each scored in this run from its own data:
  /// left out when none was.
  var linked: [Linked]? = nil
  /// When the run started, and when its last row was scored: ISO 8601 with milliseconds and the UTC offset
  /// (`2025-06-30T09:41:07.512+08:00`).
  var startedAt: String
  var finishedAt: String
  /// The command line: `pbk`, the command and its arguments as given.
  var arguments: [String]

  enum CodingKeys: String, CodingKey {
    case note = "说明"
    case metaVersion, pbk, pack, input, forms, previous, output, errors, counts, linked, startedAt, finishedAt, arguments
  }

  /// A linked pack scored in the run: the pack, the data it was scored from (with their digests) and its counts.
  struct Linked: Codable, Equatable {
    var pack: Pack
    var input: Input
    var counts: Counts
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(note, forKey: .note)
    try container.encode(metaVersion, forKey: .metaVersion)
    try container.encode(pbk, forKey: .pbk)
    try container.encode(pack, forKey: .pack)
    try container.encode(input, forKey: .input)
    try container.encodeIfPresent(forms, forKey: .forms)
    try container.encodeIfPresent(previous, forKey: .previous)
    try container.encode(output, forKey: .output)
    try container.encode(errors, forKey: .errors)
    try container.encode(counts, forKey: .counts)
    try container.encodeIfPresent(linked, forKey: .linked)
    try container.encode(startedAt, forKey: .startedAt)
    try container.encode(finishedAt, forKey: .finishedAt)
    try container.encode(arguments, forKey: .arguments)
  }

  /// The note for a run whose results went to `output`.
  static func note(output: String) -> String {
    "本文件记录生成 \(output == "-" ? "标准输出结果" : output) 的规则包、输入数据、程序版本、运行时间和行数；sha256 为文件的 "
      + "SHA-256 摘要，可用 sha256sum 核对。结果文件本身不含运行时间，两次运行的结果可逐字节比较。"
  }

  /// The sidecar's text: UTF-8 JSON, keys in a fixed order, indented by two spaces, ending with a line break.
  func json() throws -> String {
    try ExactJSONEncoder(indentation: 2).encode(self) + "\n"
  }

  /// The record as a workbook's custom document properties (`pack.sha256`, `counts.read`, …): everything but the
  /// digests and lengths of the files the run writes. A value that is null is left out.
  var documentProperties: [XLSXCustomProperty] {
    var properties: [(String, String?)] = [
      ("pbk.version", pbk.version),
      ("pack.id", pack.id), ("pack.version", pack.version), ("pack.title", pack.title), ("pack.file", pack.file),
      ("pack.sha256", pack.sha256),
      ("input.file", input.file), ("input.sha256", input.sha256), ("input.bytes", input.bytes.map(String.init)),
      ("input.format", input.format), ("input.encoding", input.encoding), ("input.sheet", input.sheet),
      ("input.headerRow", input.headerRow.map(String.init)),
    ]
    if let forms {
      properties += [("forms.file", forms.file), ("forms.sha256", forms.sha256), ("forms.bytes", forms.bytes.map(String.init))]
    }
    if let previous {
      properties += [
        ("previous.file", previous.file), ("previous.sha256", previous.sha256), ("previous.pack.id", previous.packID),
        ("previous.pack.version", previous.packVersion),
      ]
    }
    properties += [("output.file", output.file), ("output.format", output.format)]
    if let errors { properties += [("errors.file", errors.file), ("errors.rows", String(errors.rows))] }
    properties += [
      ("counts.read", String(counts.read)), ("counts.assessed", String(counts.assessed)),
      ("counts.rejected", String(counts.rejected)), ("counts.void", String(counts.void)),
    ]
    if let tally = counts.forms {
      properties += [
        ("counts.forms.read", String(tally.read)), ("counts.forms.counted", String(tally.counted)),
        ("counts.forms.void", String(tally.void)), ("counts.forms.rejected", String(tally.rejected)),
      ]
    }
    // Each linked pack scored in the run, numbered from 1 in the record's order (linked.1.pack.id …).
    for (index, linked) in (linked ?? []).enumerated() {
      let key = "linked.\(index + 1)."
      properties += [
        (key + "pack.id", linked.pack.id), (key + "pack.version", linked.pack.version),
        (key + "pack.file", linked.pack.file), (key + "pack.sha256", linked.pack.sha256),
        (key + "input.file", linked.input.file), (key + "input.sha256", linked.input.sha256),
        (key + "input.bytes", linked.input.bytes.map(String.init)),
        (key + "counts.read", String(linked.counts.read)), (key + "counts.assessed", String(linked.counts.assessed)),
        (key + "counts.rejected", String(linked.counts.rejected)),
      ]
    }
    properties += [
      ("startedAt", startedAt), ("finishedAt", finishedAt),
      ("arguments", arguments.map(Self.shellQuoted).joined(separator: " ")),
    ]
    return properties.compactMap { name, value in value.map { XLSXCustomProperty(name: name, value: $0) } }
  }

  /// An argument as a POSIX shell reads it back: as it is when it is plain, else in single quotes.
  static func shellQuoted(_ argument: String) -> String {
    let safe = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:=,+@%".unicodeScalars
    let plain = !argument.isEmpty && argument.unicodeScalars.allSatisfy { $0.value > 0x7F || safe.contains($0) }
    return plain ? argument : "'" + argument.replacing("'", with: "'\\''") + "'"
  }

  /// The bytes of a file, or nil when it cannot be read.
  static func contents(ofFile path: String) -> [UInt8]? {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
      if count == 0 { return bytes }
      if count < 0 {
        if errno == EINTR { continue }
        return nil
      }
      bytes += chunk[..<count]
    }
  }

  /// The time now on this machine's clock, in ISO 8601 with milliseconds and the local UTC offset.
  static func now() -> String {
    var time = timespec()
    clock_gettime(CLOCK_REALTIME, &time)
    var seconds = time_t(time.tv_sec)
    var parts = tm()
    localtime_r(&seconds, &parts)
    func padded(_ value: Int, _ width: Int = 2) -> String {
      let digits = String(value)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    let offset = Int(parts.tm_gmtoff)
    let sign = offset < 0 ? "-" : "+"
    return "\(padded(Int(parts.tm_year) + 1900, 4))-\(padded(Int(parts.tm_mon) + 1))-\(padded(Int(parts.tm_mday)))"
      + "T\(padded(Int(parts.tm_hour))):\(padded(Int(parts.tm_min))):\(padded(Int(parts.tm_sec)))"
      + ".\(padded(Int(time.tv_nsec) / 1_000_000, 3))"
      + "\(sign)\(padded(abs(offset) / 3600)):\(padded(abs(offset) % 3600 / 60))"
  }
}

/// Passes everything written on to another sink and takes the SHA-256 digest and the length of the bytes as they
/// go: the digest of an output is of exactly what was written, for a file, a device or standard output alike.
final class DigestingSink: TextSink {
  let inner: TextSink
  /// Hashes on another thread, so that writing goes on meanwhile.
  private let hasher = BackgroundSHA256()

  init(_ inner: TextSink) { self.inner = inner }

  func write(_ text: String) {
    var text = text
    text.withUTF8 { hasher.update(bytes: UnsafeRawBufferPointer($0)) }
    inner.write(text)
  }

  func write(bytes: UnsafeBufferPointer<UInt8>) {
    hasher.update(bytes: UnsafeRawBufferPointer(bytes))
    inner.write(bytes: bytes)
  }

  func flush() { inner.flush() }
  var failure: String? { inner.failure }
  var failureDetail: Message? { inner.failureDetail }

  /// How many bytes were written.
  var count: Int { hasher.count }

  /// The digest of every byte written: 64 lowercase hexadecimal digits.
  var sha256: String { hasher.finalize() }
}
