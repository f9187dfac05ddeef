// Writes the formula seed corpus: every formula in the given pack files, one file each, for the `formula` fuzz target.
// Usage: seeds OUTPUT_DIR PACK.json…  (Scripts/fuzz.sh builds and runs it).
//
// A seed is one selector byte, then the formula's text. The formula target reads the selector modulo 4 as the type
// the formula must give ('0' any, '1' a number, '2' true/false, '3' text), so seeds stay readable text.
import Foundation

/// The keys whose text is a formula, and the type each gives.
let formulaKeys: [String: Character] = [
  "when": "2", "earnedWhen": "2", "exclude": "2", "alsoWhen": "2",
  "points": "1", "count": "1", "score": "1", "formula": "1", "rankBy": "1",
]

func collect(_ value: Any, key: String?, into seeds: inout Set<String>) {
  if let object = value as? [String: Any] {
    for (childKey, child) in object { collect(child, key: childKey, into: &seeds) }
  } else if let array = value as? [Any] {
    for item in array { collect(item, key: key, into: &seeds) }
  } else if let text = value as? String, let key, let selector = formulaKeys[key] {
    seeds.insert(String(selector) + text)
    seeds.insert("0" + text)
  }
}

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
  FileHandle.standardError.write(Data("usage: seeds OUTPUT_DIR PACK.json…\n".utf8))
  exit(2)
}
let output = arguments[1]
var seeds: Set<String> = []
for path in arguments.dropFirst(2) {
  guard let data = FileManager.default.contents(atPath: path),
    let root = try? JSONSerialization.jsonObject(with: data)
  else { continue }  // invalid-pack fixtures need not be JSON
  collect(root, key: nil, into: &seeds)
}
try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
for (index, seed) in seeds.sorted().enumerated() {
  _ = FileManager.default.createFile(atPath: output + "/pack-formula-\(index)", contents: Data(seed.utf8))
}
print("\(seeds.count) formula seeds")
