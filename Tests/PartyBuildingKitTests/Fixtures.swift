import Foundation

/// Paths of the repository and of this target's fixtures, found from this file's place.
enum Paths {
  static let testsDirectory: String = {
    let parts = String(#filePath).split(separator: "/", omittingEmptySubsequences: false)
    return parts.dropLast().joined(separator: "/")
  }()
  static let repository: String = {
    let parts = testsDirectory.split(separator: "/", omittingEmptySubsequences: false)
    return parts.dropLast(2).joined(separator: "/")
  }()
  static let fixtures = testsDirectory + "/Fixtures"

  static func files(in directory: String, suffix: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
      .filter { $0.hasSuffix(suffix) }.sorted()
  }

  static func read(_ path: String) -> String? {
    FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
  }

  /// All rule packs shipped under RulePacks/, relative to the repository.
  static var shippedPacks: [String] {
    guard let enumerator = FileManager.default.enumerator(atPath: repository + "/RulePacks") else { return [] }
    var found: [String] = []
    while let relative = enumerator.nextObject() as? String {
      if relative.hasSuffix("/pack.json") || relative == "pack.json" || relative.hasSuffix(".pack.json") {
        found.append("RulePacks/" + relative)
      }
    }
    return found.sorted()
  }
}

import PartyBuildingKit

/// What a platform would provide to the shipped example that calls a host function
/// (RulePacks/examples/host-functions): 学习强国积分 folded at 1 point per 1,500, at most 20, to 1 place.
enum ExampleHost {
  static let studyPoints = HostFunction.number("学习积分折算", arguments: [.number]) { arguments in
    min(try arguments.number(0).dividing(by: 1500).rounded(places: 1, rule: .down), 20)
  }

  static let functions: HostFunctions = [studyPoints]
}
