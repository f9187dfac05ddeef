import Testing

@testable import PartyBuildingKit

@Suite struct PackLibraryTests {
  static func pack(_ id: String, _ version: String, from: String, until: String? = nil, kinds: [String] = []) -> (file: String, bytes: [UInt8]) {
    let kindsJSON = kinds.map { "\"\($0)\"" }.joined(separator: ",")
    let json = """
      {"formatVersion": 1, "id": "\(id)", "version": "\(version)", "title": "t", "source": {"document": "d"}, "fullMarks": 100,
       "effective": {"from": "\(from)"\(until.map { ", \"until\": \"\($0)\"" } ?? "")}, "subjectKinds": [\(kindsJSON)],
       "inputs": [{"id": "s", "type": "number", "min": 0, "max": 100, "required": true}],
       "components": [{"id": "c", "fullMarks": 100, "score": "s"}]}
      """
    return ("\(id)-\(version).pack.json", Array(json.utf8))
  }

  @Test func theShippedPacksLoadAsOneLibrary() throws {
    let library = try PackLibrary.load(folder: Paths.repository + "/RulePacks", functions: ExampleHost.functions)
    #expect(library.packs.count == Paths.shippedPacks.count)
    #expect(library.pack(id: "dazhou-secretary")?.metadata.title.hasPrefix("达州") == true)
    #expect(library.pack(id: "dazhou-secretary", on: "2025-06-30") != nil)
    #expect(library.pack(id: "dazhou-secretary", on: "2024-06-30") == nil)
  }

  @Test func theVersionInForceOnADayIsChosen() throws {
    let library = try PackLibrary.load([
      Self.pack("p", "1.9", from: "2024-01-01", until: "2024-12-31", kinds: ["书记"]),
      Self.pack("p", "1.10", from: "2025-01-01", kinds: ["书记"]),
      Self.pack("q", "1", from: "2025-01-01", kinds: ["党员"]),
    ])
    #expect(library.versions(of: "p").map(\.metadata.version) == ["1.9", "1.10"])
    #expect(library.pack(id: "p")?.metadata.version == "1.10")
    #expect(try library.pack(for: "书记", on: "2024-05-01").metadata.version == "1.9")
    #expect(try library.pack(for: "书记", on: "2026-05-01").metadata.version == "1.10")
    #expect(try library.pack(for: "党员", on: "2025-05-01").metadata.id == "q")
    #expect(throws: PackLoadError.self) { try library.pack(for: "党员", on: "2023-05-01") }
  }

  @Test func overlappingVersionsOfOnePackAreAnError() {
    do {
      _ = try PackLibrary.load([
        Self.pack("p", "1", from: "2024-01-01", until: "2025-03-31"), Self.pack("p", "2", from: "2025-01-01"),
      ])
      Issue.record("overlapping versions were accepted")
    } catch {
      #expect(error.problems.count == 1)
      #expect(error.problems[0].description.contains("pack 'p' version 2 is in force from 2025-01-01 until further notice, and version 1 (p-1.pack.json) from 2024-01-01 until 2025-03-31: the days overlap"))
      #expect(
        error.problems[0].description(in: .chinese).contains(
          "规则包“p”的版本 2 的施行期为自2025-01-01至另行通知，版本 1（p-1.pack.json）为自2024-01-01至2025-03-31：日期重叠"))
    }
    #expect(throws: PackLoadError.self) {
      try PackLibrary.load([Self.pack("p", "1", from: "2024-01-01"), Self.pack("p", "1", from: "2026-01-01")])
    }
  }
}
