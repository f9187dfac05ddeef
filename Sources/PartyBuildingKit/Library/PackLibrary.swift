#if canImport(FoundationEssentials)
  internal import FoundationEssentials
#else
  internal import Foundation
#endif

/// Many rule packs loaded together: looked up by id and version, or by the kind of subject and the day a result is
/// for, through each pack's `effective` dates and `subjectKinds`.
///
/// The versions of one pack (one id) must not be in force on the same day: overlapping `effective` dates for one id
/// are an error when the library is made, naming both files, so that which version scores a subject is never a
/// guess. Linked packs find the packs they read through a library.
///
/// ```swift
/// let library = try PackLibrary.load(folder: "RulePacks")
/// let pack = try library.pack(for: "书记", on: "2025-06-30")   // the pack in force for 书记 that day
/// ```
public struct PackLibrary: Sendable {
  /// Every pack, ordered by id, then version.
  public let packs: [RulePack]

  /// A library of these packs; overlapping versions of one id, or one id and version twice, are errors.
  public init(packs: [RulePack]) throws(PackLoadError) {
    let sorted = packs.sorted { ($0.metadata.id, Version($0.metadata.version)) < ($1.metadata.id, Version($1.metadata.version)) }
    var problems: [PackProblem] = []
    for (index, pack) in sorted.enumerated() {
      for earlier in sorted[..<index] where earlier.metadata.id == pack.metadata.id {
        if earlier.metadata.version == pack.metadata.version {
          problems.append(
            PackProblem(
              file: pack.file,
              detail: Message(.libraryVersionTwice, pack.metadata.id, pack.metadata.version, earlier.file)))
        } else if Self.overlap(earlier.metadata, pack.metadata) {
          problems.append(
            PackProblem(
              file: pack.file,
              detail: Message(
                .libraryVersionsOverlap, pack.metadata.id, pack.metadata.version, Self.range(pack.metadata),
                earlier.metadata.version, earlier.file, Self.range(earlier.metadata))))
        }
      }
    }
    if !problems.isEmpty { throw PackLoadError(problems: problems) }
    self.packs = sorted
  }

  /// Loads every pack of a folder and its subfolders (files named `pack.json` or `*.pack.json`); every problem of
  /// every pack is in the thrown error.
  ///
  /// - Parameters:
  ///   - folder: the folder to search, with its subfolders; files are read in the order of their paths.
  ///   - functions: the host functions the program provides to the packs that call them.
  public static func load(folder: String, functions: HostFunctions = .none) throws(PackLoadError) -> PackLibrary {
    let subpaths: [String]
    do {
      subpaths = try FileManager.default.subpathsOfDirectory(atPath: folder)
    } catch {
      throw PackLoadError(problems: [PackProblem(file: folder, detail: Message(.libraryCannotReadFolder))])
    }
    var files: [String] = []
    for relative in subpaths {
      let name = relative.split(separator: "/").last.map(String.init) ?? relative
      if name == "pack.json" || name.hasSuffix(".pack.json") { files.append(folder + "/" + relative) }
    }
    var sources: [(file: String, bytes: [UInt8])] = []
    var problems: [PackProblem] = []
    for file in files.sorted() {
      guard let data = FileManager.default.contents(atPath: file) else {
        problems.append(PackProblem(file: file, detail: Message(.libraryCannotReadFile)))
        continue
      }
      sources.append((file, [UInt8](data)))
    }
    if !problems.isEmpty { throw PackLoadError(problems: problems) }
    return try load(sources, functions: functions)
  }

  /// Loads packs from their bytes (a bundle's resources, a database), each named by its file; every problem of
  /// every pack is in the thrown error.
  public static func load(
    _ sources: [(file: String, bytes: [UInt8])], functions: HostFunctions = .none
  ) throws(PackLoadError) -> PackLibrary {
    var packs: [RulePack] = []
    var problems: [PackProblem] = []
    for source in sources {
      do {
        packs.append(try RulePack.load(bytes: source.bytes, file: source.file, functions: functions))
      } catch {
        problems += error.problems
      }
    }
    if !problems.isEmpty { throw PackLoadError(problems: problems) }
    return try PackLibrary(packs: packs)
  }

  /// The versions of the pack with this id, oldest first.
  public func versions(of id: String) -> [RulePack] { packs.filter { $0.metadata.id == id } }

  /// The pack with this id: the given version, or the newest.
  public func pack(id: String, version: String? = nil) -> RulePack? {
    let versions = versions(of: id)
    guard let version else { return versions.last }
    return versions.first { $0.metadata.version == version }
  }

  /// The version of pack `id` in force on `day` (`YYYY-MM-DD`), nil when none is.
  public func pack(id: String, on day: String) -> RulePack? {
    versions(of: id).first { Self.inForce($0.metadata, on: day) }
  }

  /// Every pack in force on `day` for subjects of `kind` (packs that name no kinds assess any).
  public func packs(for kind: String, on day: String) -> [RulePack] {
    packs.filter { Self.inForce($0.metadata, on: day) && ($0.metadata.subjectKinds.isEmpty || $0.metadata.subjectKinds.contains(kind)) }
  }

  /// The one pack in force on `day` for subjects of `kind`.
  ///
  /// - Throws: when none is, or when several are (naming them): which one scores the subject is not for the library
  ///   to guess.
  public func pack(for kind: String, on day: String) throws(PackLoadError) -> RulePack {
    let found = packs(for: kind, on: day)
    guard found.count == 1 else {
      let message =
        found.isEmpty
        ? Message(
          .libraryNoneInForce, day, kind,
          packs.map { Message(.libraryPackInForce, $0.metadata.id, $0.metadata.version, Self.range($0.metadata)) }
            .joined())
        : Message(
          .librarySeveralInForce, found.count, day, kind,
          MessageArgument.list(found.map { "\($0.metadata.id) \($0.metadata.version)" }))
      throw PackLoadError(problems: [PackProblem(file: "", detail: message)])
    }
    return found[0]
  }

  /// Whether a pack is in force on `day`: from `effective.from` to `effective.until` (both included); a pack without
  /// dates is always in force.
  static func inForce(_ metadata: PackMetadata, on day: String) -> Bool {
    (metadata.effectiveFrom.isEmpty || metadata.effectiveFrom <= day)
      && (metadata.effectiveUntil.isEmpty || day <= metadata.effectiveUntil)
  }

  static func overlap(_ a: PackMetadata, _ b: PackMetadata) -> Bool {
    let aFrom = a.effectiveFrom.isEmpty ? "0000-00-00" : a.effectiveFrom
    let bFrom = b.effectiveFrom.isEmpty ? "0000-00-00" : b.effectiveFrom
    let aUntil = a.effectiveUntil.isEmpty ? "9999-99-99" : a.effectiveUntil
    let bUntil = b.effectiveUntil.isEmpty ? "9999-99-99" : b.effectiveUntil
    return aFrom <= bUntil && bFrom <= aUntil
  }

  static func range(_ metadata: PackMetadata) -> Message {
    Message(
      .libraryInForce, metadata.effectiveFrom.isEmpty ? Message(.libraryAlways) : Message.verbatim(metadata.effectiveFrom),
      metadata.effectiveUntil.isEmpty ? Message(.libraryFurtherNotice) : Message.verbatim(metadata.effectiveUntil))
  }
}

/// A pack's version for ordering: numbers compared as numbers (1.10 after 1.9), anything else as text.
struct Version: Comparable {
  let parts: [String]

  init(_ text: String) { parts = text.split(whereSeparator: { $0 == "." || $0 == "-" }).map(String.init) }

  static func < (lhs: Version, rhs: Version) -> Bool {
    for (left, right) in zip(lhs.parts, rhs.parts) where left != right {
      if let l = Int(left), let r = Int(right) { return l < r }
      return left < right
    }
    return lhs.parts.count < rhs.parts.count
  }
}
