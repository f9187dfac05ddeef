import Foundation
import Testing

@testable import PartyBuildingKit

/// Keeps `RulePacks/pack.schema.json` and the loader in step, from the Swift side (no Python needed).
///
/// For each object the schema describes, its `properties` must be exactly the keys the loader accepts there: the
/// `static let …Keys` lists on `PackCompiler` are compared directly, and every object kind (including those whose
/// keys the loader lists inline) is probed by loading a shipped pack with an unknown key added to such an object and
/// reading the keys the loader's message allows. Enums are compared with the loader's cases. A key added to the loader
/// and not to the schema, or the reverse, fails here. `Scripts/check-schema.py` checks the other side: that every
/// pack passes the schema and that the structurally invalid fixtures do not.
@Suite struct SchemaAgreementTests {
  static let schemaPath = Paths.repository + "/RulePacks/pack.schema.json"

  /// The name the root object goes by in these tables (the root is not in `$defs`).
  static let root = "(root)"

  /// A key not close to any real one, so the loader's message lists the allowed keys instead of a suggestion.
  static let probeKey = "zzzSchemaAgreementProbe"

  /// The schema, parsed with the package's own JSON parser.
  static func schema() throws -> JSONValue {
    let text = try #require(Paths.read(schemaPath), "cannot read \(schemaPath)")
    return try JSONParser.parse(text)
  }

  /// The schema of the object called `name`: the root, or a definition in `$defs`.
  static func objectSchema(_ name: String, in schema: JSONValue) -> JSONObject? {
    name == root ? schema.objectValue : schema.objectValue?["$defs"]?.objectValue?[name]?.objectValue
  }

  /// The names of every object the schema describes with `properties`: the root and those definitions.
  static func objectNames(in schema: JSONValue) -> [String] {
    let definitions = schema.objectValue?["$defs"]?.objectValue?.members ?? []
    return [root] + definitions.filter { $0.value.objectValue?["properties"] != nil }.map(\.key)
  }

  /// The keys an object's schema lists under `properties`, in order.
  static func propertyKeys(_ name: String, in schema: JSONValue) -> [String] {
    objectSchema(name, in: schema)?["properties"]?.objectValue?.members.map(\.key) ?? []
  }

  // MARK: - Keys: the loader's static lists

  /// One of the loader's key lists, beside the schema definition that describes the same object.
  struct KeyList: Sendable, CustomTestStringConvertible {
    var definition: String
    var keys: [String]
    var testDescription: String { definition }
    init(_ definition: String, _ keys: [String]) {
      self.definition = definition
      self.keys = keys
    }
  }

  /// Every `static let …Keys` list of `PackCompiler`, by the schema definition for the same object. The loader lists
  /// the keys of the other objects inline; `probes` covers those.
  static let loaderKeyLists: [KeyList] = [
    KeyList(root, PackCompiler.topKeys),
    KeyList("input", PackCompiler.inputKeys),
    KeyList("component", PackCompiler.componentKeys),
    KeyList("section", PackCompiler.sectionKeys),
    KeyList("rule", PackCompiler.ruleKeys),
    KeyList("cohort", PackCompiler.cohortKeys),
    KeyList("cohortLabel", PackCompiler.cohortLabelKeys),
    KeyList("quota", PackCompiler.quotaKeys),
    KeyList("ballots", PackCompiler.ballotKeys),
    KeyList("ballotScale", PackCompiler.ballotScaleKeys),
    KeyList("ballotValidity", PackCompiler.ballotValidityKeys),
    KeyList("ballotItem", PackCompiler.ballotItemKeys),
    KeyList("raterForms", PackCompiler.ballotFormsKeys),
    KeyList("raterFormGroup", PackCompiler.ballotFormGroupKeys),
    KeyList("raterFormField", PackCompiler.ballotFormFieldKeys),
    KeyList("period", PackCompiler.periodKeys),
    KeyList("ledger", PackCompiler.ledgerKeys),
    KeyList("ledgerRule", PackCompiler.ledgerRuleKeys),
    KeyList("ledgerCheck", PackCompiler.ledgerCheckKeys),
    KeyList("previous", PackCompiler.previousKeys),
    KeyList("previousField", PackCompiler.previousFieldKeys),
    KeyList("test", PackCompiler.testKeys),
    KeyList("expect", PackCompiler.expectKeys),
    KeyList("cohortMember", PackCompiler.memberKeys),
    KeyList("link", PackCompiler.linkKeys),
    KeyList("linkJoin", PackCompiler.linkJoinKeys),
    KeyList("linkField", PackCompiler.linkFieldKeys),
    KeyList("linkedSubject", PackCompiler.linkedSubjectKeys),
  ]

  @Test(arguments: loaderKeyLists)
  func schemaPropertiesAreTheLoadersKeys(_ list: KeyList) throws {
    let schema = try Self.schema()
    let properties = Self.propertyKeys(list.definition, in: schema)
    #expect(!properties.isEmpty, "the schema has no object definition '\(list.definition)'")
    #expect(Set(list.keys).count == list.keys.count, "the loader lists a key twice for '\(list.definition)'")
    let missing = Set(list.keys).subtracting(properties).sorted()
    let extra = Set(properties).subtracting(list.keys).sorted()
    #expect(missing.isEmpty, "the schema's '\(list.definition)' lacks the loader's keys \(missing)")
    #expect(extra.isEmpty, "the schema's '\(list.definition)' has keys the loader rejects: \(extra)")
    #expect(list.keys.contains("note"), "'\(list.definition)' does not accept a note")
    #expect(list.keys.contains("$schema") == (list.definition == Self.root))
  }

  // MARK: - Keys: what the loader accepts, probed

  /// An object in a shipped pack that the schema describes with `definition`.
  struct Probe: Sendable, CustomTestStringConvertible {
    var definition: String
    var pack: String
    var pointer: String
    var testDescription: String { "\(definition) at \(pack)#\(pointer)" }
    init(_ definition: String, _ pack: String, _ pointer: String) {
      self.definition = definition
      self.pack = pack
      self.pointer = pointer
    }
  }

  /// One place in a shipped pack for every object the schema describes (checked by `everyObjectIsProbed`).
  static let probes: [Probe] = [
    Probe(root, "dazhou", ""),
    Probe("source", "dazhou", "/source"),
    Probe("effective", "dazhou", "/effective"),
    Probe("input", "dazhou", "/inputs/0"),
    Probe("value", "dazhou", "/values/0"),
    Probe("component", "dazhou", "/components/0"),
    Probe("section", "dazhou", "/components/0/sections/0"),
    Probe("rule", "dazhou", "/components/0/sections/1/rules/0"),
    Probe("veto", "dazhou", "/vetoes/0"),
    Probe("grades", "dazhou", "/grades"),
    Probe("gradeBand", "dazhou", "/grades/bands/0"),
    Probe("consequence", "dazhou", "/consequences/0"),
    Probe("test", "dazhou", "/tests/0"),
    Probe("testSubject", "dazhou", "/tests/0/subject"),
    Probe("expect", "dazhou", "/tests/0/expect"),
    Probe("stars", "examples/classes", "/stars"),
    Probe("starItem", "examples/classes", "/stars/items/0"),
    Probe("starLevel", "examples/classes", "/stars/levels/0"),
    Probe("cohort", "examples/cohort", "/cohort"),
    Probe("tieBreaker", "examples/cohort", "/cohort/tieBreakers/0"),
    Probe("cohortLabel", "examples/cohort", "/cohort/labels/0"),
    Probe("quota", "examples/cohort", "/cohort/quotas/0"),
    Probe("cohortMember", "examples/cohort", "/tests/3/cohort/0"),
    Probe("ballots", "examples/ballots", "/ballots"),
    Probe("ballotScale", "examples/ballots", "/ballots/scales/0"),
    Probe("ballotValidity", "examples/ballots", "/ballots/validity"),
    Probe("quorum", "examples/ballots", "/ballots/validity/quorum"),
    Probe("ballotItem", "examples/ballots", "/ballots/items/0"),
    Probe("raterGroup", "examples/ballots", "/ballots/items/0/raters/0"),
    Probe("raterForms", "examples/raters", "/ballots/forms"),
    Probe("raterFormGroup", "examples/raters", "/ballots/forms/groups/0"),
    Probe("raterFormField", "examples/raters", "/ballots/forms/fields/0"),
    Probe("period", "examples/periods", "/periods/0"),
    Probe("periodCheck", "examples/periods", "/periods/0/checks/0"),
    Probe("ledger", "examples/ledger", "/ledger"),
    Probe("carryOver", "examples/ledger", "/ledger/carryOver"),
    Probe("ledgerCategory", "examples/ledger", "/ledger/categories/0"),
    Probe("ledgerRule", "examples/ledger", "/ledger/rules/0"),
    Probe("ledgerCheck", "examples/ledger-quarters", "/ledger/checks/0"),
    Probe("event", "examples/ledger", "/tests/3/events/0"),
    Probe("hostFunction", "examples/host-functions", "/requires/functions/0"),
    Probe("check", "examples/credit-points", "/checks/0"),
    Probe("link", "examples/linked/secretary", "/links/0"),
    Probe("linkJoin", "examples/linked/secretary", "/links/0/join"),
    Probe("linkField", "examples/linked/secretary", "/links/0/fields/0"),
    Probe("linkedSubject", "examples/linked/secretary", "/tests/0/linked/branch"),
    Probe("previous", "examples/previous", "/previous"),
    Probe("previousField", "examples/previous", "/previous/fields/0"),
  ]

  @Test func everyObjectIsProbed() throws {
    let names = Self.objectNames(in: try Self.schema())
    #expect(Set(names).count == names.count)
    let probed = Self.probes.map(\.definition)
    #expect(Set(probed).count == probed.count, "an object is probed twice")
    let unprobed = Set(names).subtracting(probed).sorted()
    let stray = Set(probed).subtracting(names).sorted()
    #expect(unprobed.isEmpty, "schema objects without a probe: \(unprobed)")
    #expect(stray.isEmpty, "probes of objects the schema does not describe: \(stray)")
    for list in Self.loaderKeyLists {
      #expect(names.contains(list.definition), "the schema has no object '\(list.definition)'")
    }
  }

  /// The text with `member` inserted just after the opening brace of the object at `pointer`.
  static func inserting(_ member: String, into text: String, at pointer: String) throws -> String {
    let document = try JSONParser.parse(text)
    let place = try #require(JSONPointer(parsing: pointer), "'\(pointer)' is not a JSON pointer")
    let target = try #require(document.value(at: place), "nothing at \(pointer)")
    let object = try #require(target.objectValue, "\(pointer) is not an object")
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let line = target.location.line - 1
    var scalars = Array(lines[line].unicodeScalars)
    let brace = target.location.column - 1
    try #require(scalars[brace] == "{", "no '{' at \(target.location)")
    scalars.insert(contentsOf: (member + (object.members.isEmpty ? "" : ", ")).unicodeScalars, at: brace + 1)
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars)
    lines[line] = String(view)
    return lines.joined(separator: "\n")
  }

  /// The keys the loader allows in the object at `probe`, read from its message about an unknown key.
  static func loaderKeys(for probe: Probe) throws -> [String] {
    let path = Paths.repository + "/RulePacks/\(probe.pack)/pack.json"
    let text = try #require(Paths.read(path), "cannot read \(path)")
    let changed = try inserting("\"\(probeKey)\": 0", into: text, at: probe.pointer)
    do {
      _ = try RulePack.load(json: changed, file: "probe.json")
    } catch {
      let messages = error.problems.map(\.message).filter { $0.contains("unknown key '\(probeKey)'") }
      let message = try #require(messages.first, "no unknown-key message: \(error)")
      // An object read with `Node.object(_:keys:)` says "the keys allowed here are a, b, c"; a ledger event
      // (LedgerEvent.read) says "an event has a, b, c" and accepts a 'note' it does not name.
      for (marker, alsoAllowed) in [("the keys allowed here are ", [String]()), ("an event has ", ["note"])] {
        if let range = message.range(of: marker) {
          return message[range.upperBound...].split(separator: ", ").map(String.init) + alsoAllowed
        }
      }
      Issue.record("the message does not list the allowed keys: \(message)")
      return []
    }
    Issue.record("\(probe.pack)/pack.json loaded with an unknown key at \(probe.pointer)")
    return []
  }

  @Test(arguments: probes)
  func theLoaderAcceptsExactlyTheSchemasKeys(_ probe: Probe) throws {
    let properties = Self.propertyKeys(probe.definition, in: try Self.schema())
    let accepted = try Self.loaderKeys(for: probe)
    try #require(!accepted.isEmpty)
    let missing = Set(accepted).subtracting(properties).sorted()
    let extra = Set(properties).subtracting(accepted).sorted()
    #expect(missing.isEmpty, "the schema's '\(probe.definition)' lacks keys the loader accepts: \(missing)")
    #expect(extra.isEmpty, "the schema's '\(probe.definition)' has keys the loader rejects: \(extra)")
  }

  @Test func aLedgerEventMayHaveANote() throws {
    let path = Paths.repository + "/RulePacks/examples/ledger/pack.json"
    let text = try #require(Paths.read(path))
    let changed = try Self.inserting("\"note\": \"补录\"", into: text, at: "/tests/3/events/0")
    #expect(changed != text)
    #expect(throws: Never.self) { _ = try RulePack.load(json: changed) }
  }

  // MARK: - Enums

  /// A schema enum (of `key` in the object `definition`) and the values the loader reads there.
  struct EnumPair: Sendable, CustomTestStringConvertible {
    var pointer: String
    var loader: [String]
    var testDescription: String { pointer }
    init(_ definition: String, _ key: String, _ loader: [String]) {
      pointer = (definition == SchemaAgreementTests.root ? "" : "/$defs/\(definition)") + "/properties/\(key)/enum"
      self.loader = loader
    }
  }

  static let enums: [EnumPair] = [
    EnumPair(root, "rounding", RoundingRule.allCases.map(\.rawValue)),
    EnumPair("veto", "effect", PackCompiler.effects),
    EnumPair("veto", "score", VetoScore.allCases.map(\.rawValue)),
    EnumPair("period", "aggregate", PeriodAggregate.allCases.map(\.rawValue)),
    EnumPair("period", "whenMissing", PeriodMissing.allCases.map(\.rawValue)),
    EnumPair("ledgerRule", "period", LedgerPeriod.allCases.map(\.rawValue)),
    EnumPair("ledgerCheck", "checkAt", LedgerCheckpoints.allCases.map(\.rawValue)),
    EnumPair("cohortLabel", "rounding", CountRounding.allCases.map(\.rawValue)),
    EnumPair("quota", "rounding", CountRounding.allCases.map(\.rawValue)),
    EnumPair("cohortLabel", "ties", TiesAtLimit.allCases.map(\.rawValue)),
    EnumPair("quota", "ties", TiesAtLimit.allCases.map(\.rawValue)),
    EnumPair("ballotItem", "score", Array(Set(PackCompiler.ballotScores + PackCompiler.formScores))),
    EnumPair("ballotItem", "from", ["forms"]),
    EnumPair("raterFormField", "type", ["number", "integer"]),
    // Not CaseIterable: the schema must list exactly these, and the filter drops any the loader does not read.
    EnumPair(
      "rule", "kind", ["award", "deduct", "awardEach", "deductEach", "zero"].filter { RuleKind(rawValue: $0) != nil }),
    EnumPair(
      "input", "type",
      ["number", "integer", "boolean", "choice"].filter { InputDeclaration.ValueType(rawValue: $0) != nil }),
  ]

  @Test(arguments: enums)
  func schemaEnumsAreTheLoadersValues(_ pair: EnumPair) throws {
    let schema = try Self.schema()
    let place = try #require(JSONPointer(parsing: pair.pointer))
    let node = try #require(schema.value(at: place), "no \(pair.pointer) in the schema")
    let values = try #require(node.arrayValue).compactMap(\.stringValue)
    #expect(values.count == Set(values).count, "the schema lists a value twice: \(values)")
    #expect(Set(values) == Set(pair.loader), "schema \(values.sorted()), loader \(pair.loader.sorted())")
  }

  // MARK: - Descriptions and "$schema"

  @Test func everyPropertyIsDescribedInChineseAndEnglish() throws {
    let schema = try Self.schema()
    let definitions = try #require(schema.objectValue?["$defs"]?.objectValue)
    func description(of value: JSONValue) -> String? {
      let object = value.objectValue
      if let text = object?["description"]?.stringValue { return text }
      guard let reference = object?["$ref"]?.stringValue, reference.hasPrefix("#/$defs/") else { return nil }
      return definitions[String(reference.dropFirst("#/$defs/".count))].flatMap(description(of:))
    }
    func isBilingual(_ text: String) -> Bool {
      let parts = text.components(separatedBy: " / ")
      guard parts.count >= 2 else { return false }
      let chinese = parts[0].unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
      let english = parts.dropFirst().joined().unicodeScalars.contains { ("a"..."z").contains($0) }
      return chinese && english
    }
    var count = 0
    for name in Self.objectNames(in: schema) {
      let properties = try #require(Self.objectSchema(name, in: schema)?["properties"]?.objectValue)
      for member in properties.members {
        count += 1
        let text = description(of: member.value)
        #expect(text.map(isBilingual) == true, "\(name).\(member.key): \(text ?? "no description")")
      }
    }
    #expect(count > 200)
  }

  @Test func aPackMayNameTheSchema() throws {
    let path = Paths.fixtures + "/ValidPacks/minimal.pack.json"
    let text = try #require(Paths.read(path))
    #expect(!text.contains("$schema"))
    let changed = try Self.inserting("\"$schema\": \"../pack.schema.json\"", into: text, at: "")
    let pack = try RulePack.load(json: changed)
    #expect(pack.metadata.id == "minimal")
    #expect(pack.runTests().allSatisfy { $0.passed })
  }

  @Test(arguments: Paths.shippedPacks)
  func everyShippedPackNamesTheSchema(_ relative: String) throws {
    let text = try #require(Paths.read(Paths.repository + "/" + relative))
    let reference = try #require(
      try JSONParser.parse(text).objectValue?["$schema"]?.stringValue, "\(relative) has no \"$schema\"")
    let folder = URL(fileURLWithPath: Paths.repository + "/" + relative).deletingLastPathComponent()
    let resolved = URL(fileURLWithPath: reference, relativeTo: folder).standardizedFileURL.path
    #expect(resolved == URL(fileURLWithPath: Self.schemaPath).standardizedFileURL.path, "\(relative): \(reference)")
  }
}
