import PartyBuildingKit

extension PBK {
  /// `pbk render PACK [--format md|html] [--output FILE]`: the pack as a readable 考核细则 in Chinese.
  func render(_ arguments: [String]) throws(UsageError) -> Int32 {
    let options = try Options(arguments, valued: ["format", "output"])
    guard let path = options.positional.first else {
      throw UsageError(.renderGiveAPack)
    }
    if options.positional.count > 1 {
      throw UsageError(.renderOnePack, options.positional[1])
    }
    let html: Bool
    switch options.values["format"] {
    case "html"?: html = true
    case "md"?, "markdown"?: html = false
    case let other?: throw UsageError(.renderFormatValue, other)
    case nil:
      let output = options.values["output"]?.lowercased() ?? ""
      html = output.hasSuffix(".html") || output.hasSuffix(".htm")
    }
    let pack: RulePack
    do {
      // Packs that call host functions render too: their declarations are listed, nothing is evaluated.
      pack = try RulePack.load(path: path, functions: .declarationsOnly)
    } catch {
      for problem in error.problems { err.write(problem.description(in: language) + "\n") }
      err.write(tr(.packHasProblems, path, path))
      return ExitCode.problems
    }
    let document = PackRenderer.document(for: pack)
    let text = html ? document.html : document.markdown + "\n"
    guard let outputPath = options.values["output"] else {
      out.write(text)
      return ExitCode.ok
    }
    do {
      let file = try OutputFile.open(path: outputPath, input: .file(path))
      file.sink.write(text)
      try file.commit()
    } catch {
      err.write(tr(.renderProblem, error.message))
      return ExitCode.problems
    }
    return ExitCode.ok
  }
}
