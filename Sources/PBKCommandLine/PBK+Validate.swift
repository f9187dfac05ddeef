import PartyBuildingKit

import Foundation

extension PBK {
  func validate(_ arguments: [String]) throws(UsageError) -> Int32 {
    let options = try Options(arguments, valued: [])
    guard !options.positional.isEmpty else { throw UsageError("give at least one pack file") }
    var failed = 0
    for path in options.positional {
      var isDirectory: Bool = false
      if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory {
        failed += 1
        err.write("\(path): error: \(path) is a folder; give the pack.json file (or run pbk test \(path))\n")
        err.write("✗ \(path): 1 problem\n")
        continue
      }
      switch Result(catching: { () throws(PackLoadError) in try RulePack.load(path: path, functions: .declarationsOnly) }) {
      case .success(let pack):
        out.write(
          "✓ \(path): \(pack.metadata.title) (\(pack.metadata.id) \(pack.metadata.version)): \(pack.info.inputs.count) inputs, \(pack.tests.count) tests; full marks \(pack.fullMarks), highest reachable \(pack.highestTotal.map { "\($0)" } ?? "without bound (a bonus with \"cap\": \"none\")")\n"
        )
        for link in pack.model.links ?? [] {
          // What a run must give with --linked, and into which inputs.
          let fields = link.fields.map(\.input).joined(separator: ", ")
          out.write(
            "  reads results of pack '\(link.pack)'\(link.version.map { " \($0)" } ?? "") through the link '\(link.id)' (into \(fields)); evaluate it with --linked PACK=DATA\n")
        }
        if !pack.requiredFunctions.isEmpty {
          out.write("  calls host functions (provided by the program that evaluates it; its tests give their results):\n")
          for function in pack.requiredFunctions {
            let range = function.range.map { " in \($0.lowerBound)…\($0.upperBound)" } ?? ""
            out.write("    \(function.signatureText)\(range)\(function.label.isEmpty ? "" : "  \(function.label)")\n")
          }
        }
        for warning in pack.warnings { out.write(warning.description + "\n") }
        if !pack.exampleValues.isEmpty {
          out.write("  note: \(pack.exampleValues.count) example values to replace with the real document's:\n")
          for example in pack.exampleValues {
            out.write("    \(path):\(example.location) (at \(example.pointer)): \(example.note)\n")
          }
        }
      case .failure(let error):
        failed += 1
        let errors = error.problems.filter { $0.severity == .error }.count
        for problem in error.problems { err.write(problem.description + "\n") }
        err.write("✗ \(path): \(errors) problem\(errors == 1 ? "" : "s")\n")
      }
    }
    return failed == 0 ? ExitCode.ok : ExitCode.problems
  }

  func test(_ arguments: [String]) throws(UsageError) -> Int32 {
    let options = try Options(arguments, valued: ["min-coverage"], flags: ["coverage"])
    guard !options.positional.isEmpty else { throw UsageError("give at least one pack file or directory") }
    var minimum: ExactDecimal?
    if let text = options.values["min-coverage"] {
      let number = text.hasSuffix("%") ? String(text.dropLast()) : text
      guard let value = ExactDecimal(number), !value.isNegative, value <= ExactDecimal(100) else {
        throw UsageError("--min-coverage takes a percentage from 0 to 100, e.g. --min-coverage 90, not '\(text)'")
      }
      minimum = value
    }
    let measures = options.flags.contains("coverage") || minimum != nil
    var coverages: [(file: String, coverage: PackCoverage)] = []
    var files: [String] = []
    for path in options.positional {
      var isDirectory: Bool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        throw UsageError("'\(path)' does not exist")
      }
      if isDirectory {
        files += Self.packFiles(in: path)
      } else {
        files.append(path)
      }
    }
    if files.isEmpty { throw UsageError("no pack.json or *.pack.json files found in \(options.positional.joined(separator: ", "))") }
    var passed = 0
    var failed = 0
    var packsFailed = 0
    for file in files {
      let pack: RulePack
      do {
        pack = try RulePack.load(path: file, functions: .declarationsOnly)
      } catch {
        packsFailed += 1
        for problem in error.problems { err.write(problem.description + "\n") }
        out.write("✗ \(file): the pack did not load; its tests were not run\n")
        continue
      }
      out.write("\(file): \(pack.metadata.title) — \(pack.tests.count) tests\n")
      let results: [PackTestResult]
      if measures {
        let run = pack.runTestsWithCoverage()
        results = run.results
        coverages.append((file, run.coverage))
      } else {
        results = pack.runTests()
      }
      for result in results {
        if result.passed {
          passed += 1
          out.write("  ✓ \(result.testCase.name)\n")
        } else {
          failed += 1
          out.write("  ✗ \(result.testCase.name)  (\(file):\(result.testCase.location))\n")
          for failure in result.failures { out.write("      \(failure)\n") }
          if let assessment = result.assessment {
            out.write("      trace:\n")
            for line in TraceFormatter.lines(assessment) { out.write("        \(line)\n") }
          }
        }
      }
    }
    if packsFailed > 0 { out.write("\(packsFailed) pack\(packsFailed == 1 ? "" : "s") did not load\n") }
    out.write("\(passed) passed, \(failed) failed\n")
    let covered = writeCoverage(coverages, minimum: minimum)
    return failed == 0 && packsFailed == 0 && covered ? ExitCode.ok : ExitCode.problems
  }

  /// Writes each pack's coverage — a summary line, then every part and condition no test case covered, each with its
  /// place — and returns whether every pack meets `minimum` (a percentage; nil: no minimum).
  private func writeCoverage(_ coverages: [(file: String, coverage: PackCoverage)], minimum: ExactDecimal?) -> Bool {
    var below: [(file: String, percentage: String)] = []
    for (file, coverage) in coverages {
      out.write("coverage of \(file): \(coverage.summary)\n")
      for gap in coverage.gaps {
        out.write("  \(file):\(gap.location) (at \(gap.pointer)): \(gap.message)\n")
      }
      if let minimum, !coverage.overall.meets(minimum) { below.append((file, coverage.overall.formattedPercentage)) }
    }
    if coverages.count > 1 {
      let all = coverages.reduce(into: PackCoverage.Tally(covered: 0, total: 0)) {
        $0.covered += $1.coverage.overall.covered
        $0.total += $1.coverage.overall.total
      }
      out.write("coverage of \(coverages.count) packs: \(all.covered)/\(all.total) — \(all.formattedPercentage)\n")
    }
    guard let minimum else { return true }
    for (file, percentage) in below {
      out.write("✗ \(file): coverage \(percentage) is below --min-coverage \(minimum)%\n")
    }
    return below.isEmpty
  }

  /// Pack files under a directory, sorted: files named pack.json or ending in .pack.json.
  static func packFiles(in directory: String) -> [String] {
    guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
    var found: [String] = []
    while let relative = enumerator.nextObject() as? String {
      let name = relative.split(separator: "/").last.map(String.init) ?? relative
      if name == "pack.json" || name.hasSuffix(".pack.json") {
        found.append(directory.hasSuffix("/") ? directory + relative : directory + "/" + relative)
      }
    }
    return found.sorted()
  }
}
