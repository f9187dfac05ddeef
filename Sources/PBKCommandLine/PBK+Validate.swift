import PartyBuildingKit

import Foundation

extension PBK {
  func validate(_ arguments: [String]) throws(UsageError) -> Int32 {
    let options = try Options(arguments, valued: [])
    guard !options.positional.isEmpty else { throw UsageError(.giveAPackFile) }
    var failed = 0
    for path in options.positional {
      var isDirectory: Bool = false
      if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory {
        failed += 1
        err.write(tr(.validateFolder, path, path, path))
        err.write(tr(.validateFailed, path, 1))
        continue
      }
      switch Result(catching: { () throws(PackLoadError) in try RulePack.load(path: path, functions: .declarationsOnly) }) {
      case .success(let pack):
        out.write(
          tr(
            .validatePassed, path, pack.metadata.title, pack.metadata.id, pack.metadata.version, pack.info.inputs.count,
            pack.tests.count, pack.fullMarks, pack.highestTotal.map { Message.verbatim("\($0)") } ?? Message(.withoutBound)))
        for link in pack.model.links ?? [] {
          // What a run must give with --linked, and into which inputs.
          let fields = link.fields.map(\.input).joined(separator: ", ")
          out.write(tr(.validateReadsLink, link.pack, link.version.map { " \($0)" } ?? "", link.id, fields))
        }
        if !pack.requiredFunctions.isEmpty {
          out.write(tr(.callsHostFunctions))
          for function in pack.requiredFunctions {
            let range = function.range.map { " in \($0.lowerBound)…\($0.upperBound)" } ?? ""
            out.write("    \(function.signatureText)\(range)\(function.label.isEmpty ? "" : "  \(function.label)")\n")
          }
        }
        for warning in pack.warnings { out.write(warning.description(in: language) + "\n") }
        if !pack.exampleValues.isEmpty {
          out.write(tr(.exampleValuesNote, pack.exampleValues.count))
          for example in pack.exampleValues {
            out.write(tr(.exampleValueLine, path, example.location, example.pointer, example.note))
          }
        }
      case .failure(let error):
        failed += 1
        let errors = error.problems.filter { $0.severity == .error }.count
        for problem in error.problems { err.write(problem.description(in: language) + "\n") }
        err.write(tr(errors == 1 ? .validateFailed : .validateFailedPlural, path, errors))
      }
    }
    return failed == 0 ? ExitCode.ok : ExitCode.problems
  }

  func test(_ arguments: [String]) throws(UsageError) -> Int32 {
    let options = try Options(arguments, valued: ["min-coverage"], flags: ["coverage"])
    guard !options.positional.isEmpty else { throw UsageError(.giveAPackFileOrFolder) }
    var minimum: ExactDecimal?
    if let text = options.values["min-coverage"] {
      let number = text.hasSuffix("%") ? String(text.dropLast()) : text
      guard let value = ExactDecimal(number), !value.isNegative, value <= ExactDecimal(100) else {
        throw UsageError(.minCoverageValue, text)
      }
      minimum = value
    }
    let measures = options.flags.contains("coverage") || minimum != nil
    var coverages: [(file: String, coverage: PackCoverage)] = []
    var files: [String] = []
    for path in options.positional {
      var isDirectory: Bool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        throw UsageError(.pathDoesNotExist, path)
      }
      if isDirectory {
        files += Self.packFiles(in: path)
      } else {
        files.append(path)
      }
    }
    if files.isEmpty { throw UsageError(.noPackFilesFound, MessageArgument.list(options.positional)) }
    var passed = 0
    var failed = 0
    var packsFailed = 0
    for file in files {
      let pack: RulePack
      do {
        pack = try RulePack.load(path: file, functions: .declarationsOnly)
      } catch {
        packsFailed += 1
        for problem in error.problems { err.write(problem.description(in: language) + "\n") }
        out.write(tr(.packDidNotLoadTestsNotRun, file))
        continue
      }
      out.write(tr(.packTestsHeading, file, pack.metadata.title, pack.tests.count))
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
          for failure in result.failureDetails { out.write("      \(tr(failure))\n") }
          if let assessment = result.assessment {
            out.write(tr(.testTraceHeading))
            for line in TraceFormatter.lines(assessment) { out.write("        \(line)\n") }
          }
        }
      }
    }
    if packsFailed > 0 { out.write(tr(packsFailed == 1 ? .packsDidNotLoad : .packsDidNotLoadPlural, packsFailed)) }
    out.write(tr(.testsPassedFailed, passed, failed))
    let covered = writeCoverage(coverages, minimum: minimum)
    return failed == 0 && packsFailed == 0 && covered ? ExitCode.ok : ExitCode.problems
  }

  /// Writes each pack's coverage — a summary line, then every part and condition no test case covered, each with its
  /// place — and returns whether every pack meets `minimum` (a percentage; nil: no minimum).
  private func writeCoverage(_ coverages: [(file: String, coverage: PackCoverage)], minimum: ExactDecimal?) -> Bool {
    var below: [(file: String, percentage: String)] = []
    for (file, coverage) in coverages {
      out.write(tr(.coverageOfFile, file, coverage.summary(in: language)))
      for gap in coverage.gaps {
        out.write(tr(.coverageGapLine, file, gap.location, gap.pointer, gap.detail))
      }
      if let minimum, !coverage.overall.meets(minimum) { below.append((file, coverage.overall.formattedPercentage)) }
    }
    if coverages.count > 1 {
      let all = coverages.reduce(into: PackCoverage.Tally(covered: 0, total: 0)) {
        $0.covered += $1.coverage.overall.covered
        $0.total += $1.coverage.overall.total
      }
      out.write(tr(.coverageOfPacks, coverages.count, all.covered, all.total, all.formattedPercentage))
    }
    guard let minimum else { return true }
    for (file, percentage) in below {
      out.write(tr(.coverageBelowMinimum, file, percentage, minimum))
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
