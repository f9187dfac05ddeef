import PartyBuildingKit

extension PBK {
  /// `pbk render PACK [--format md|html] [--output FILE]`: the pack as a readable 考核细则 in Chinese.
  func render(_ arguments: [String]) throws(UsageError) -> Int32 {
    let options = try Options(arguments, valued: ["format", "output"])
    guard let path = options.positional.first else {
      throw UsageError("give the pack to render, e.g. pbk render RulePacks/dazhou/pack.json")
    }
    if options.positional.count > 1 {
      throw UsageError("unexpected argument '\(options.positional[1])'; render one pack at a time")
    }
    let html: Bool
    switch options.values["format"] {
    case "html"?: html = true
    case "md"?, "markdown"?: html = false
    case let other?: throw UsageError("--format is md or html, not '\(other)'")
    case nil:
      let output = options.values["output"]?.lowercased() ?? ""
      html = output.hasSuffix(".html") || output.hasSuffix(".htm")
    }
    let pack: RulePack
    do {
      // Packs that call host functions render too: their declarations are listed, nothing is evaluated.
      pack = try RulePack.load(path: path, functions: .declarationsOnly)
    } catch {
      for problem in error.problems { err.write(problem.description + "\n") }
      err.write("✗ \(path): the pack has problems; run 'pbk validate \(path)' after fixing them\n")
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
      err.write("pbk render: \(error.message)\n")
      return ExitCode.problems
    }
    return ExitCode.ok
  }
}
