import PartyBuildingKit

/// One part of a pack compared between two versions: added, removed, or changed field by field.
struct StructureChange: Equatable {
  enum Kind: Equatable {
    case added, removed, changed
  }

  var kind: Kind
  /// What kind of part it is, in Chinese: 规则, 输入, 等次…
  var category: String
  /// Which one: its id and label, and where it is (a rule's component and section).
  var name: String
  /// For a change, the fields that differ; for an added or removed part, every field it has.
  var fields: [FieldChange]

  /// 新增规则, 删除的规则, 修改的规则…
  var heading: String {
    switch kind {
    case .added: "新增" + category
    case .removed: "删除的" + category
    case .changed: "修改的" + category
    }
  }

  /// The fields in one line: `points：1 → 2；max：— → 5` for a change, `kind：award；points：1` otherwise.
  var fieldText: String {
    fields.map { field in
      switch kind {
      case .changed: "\(field.key)：\(field.old ?? "—") → \(field.new ?? "—")"
      case .added: "\(field.key)：\(field.new ?? "—")"
      case .removed: "\(field.key)：\(field.old ?? "—")"
      }
    }.joined(separator: "；")
  }
}

/// A field of a part: its key as the pack file writes it, and its value as text in each version (nil: not there).
struct FieldChange: Equatable {
  var key: String
  var old: String?
  var new: String?
}

/// The structural difference of two packs, read from their models (``PackModel``): every part added, removed or
/// changed, with the changed fields' old and new values.
///
/// Parts are matched by what identifies them: inputs, values, components, sections, vetoes, star items,
/// consequences, cohort labels, ballot scales and items, periods, ledger categories by `id`; grade bands by grade;
/// star levels by their number of stars; quotas by grade or stars; ledger rules by event kind; host functions by name.
/// Rules are matched by `id` where both versions give one, otherwise by their place (the section they are in) and
/// label — the first unmatched rule of the same section and label (a rule whose label changes and that has no `id`
/// shows as removed and added). Notes (`note`) are not in the model and are not compared; nor are test cases.
enum PackStructureDiff {
  /// Added parts (in the new order), removed parts (in the old order), then changed parts (in the new order).
  static func compare(category: String, old: [Part], new: [Part]) -> [StructureChange] {
    let oldKeys = Set(old.map(\.key))
    let newKeys = Set(new.map(\.key))
    var added: [StructureChange] = []
    var removed: [StructureChange] = []
    var changed: [StructureChange] = []
    // An added or removed part's place is in its name: its fields need not repeat it.
    func own(_ part: Part) -> [(key: String, value: String)] { part.fields.filter { !part.placeKeys.contains($0.key) } }
    for part in new where !oldKeys.contains(part.key) {
      added.append(
        StructureChange(
          kind: .added, category: category, name: part.name, fields: own(part).map { FieldChange(key: $0.key, old: nil, new: $0.value) }))
    }
    for part in old where !newKeys.contains(part.key) {
      removed.append(
        StructureChange(
          kind: .removed, category: category, name: part.name, fields: own(part).map { FieldChange(key: $0.key, old: $0.value, new: nil) }))
    }
    let oldByKey = Dictionary(old.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
    for part in new {
      guard let before = oldByKey[part.key] else { continue }
      var keys: [String] = []
      for key in before.fields.map(\.key) + part.fields.map(\.key) where !keys.contains(key) { keys.append(key) }
      var fields: [FieldChange] = []
      for key in keys {
        let oldValue = before.fields.first { $0.key == key }?.value
        let newValue = part.fields.first { $0.key == key }?.value
        if oldValue != newValue { fields.append(FieldChange(key: key, old: oldValue, new: newValue)) }
      }
      if !fields.isEmpty { changed.append(StructureChange(kind: .changed, category: category, name: part.name, fields: fields)) }
    }
    return added + removed + changed
  }

  /// A part of a pack: what matches it with its counterpart, how a person names it, and its fields as text.
  struct Part {
    var key: String
    var name: String
    var fields: [(key: String, value: String)]
    /// The fields that say where the part is (a rule's section, a section's component): compared, so that a move
    /// shows, but already in the name of an added or removed part.
    var placeKeys: Set<String> = []
  }
}

/// The parts of one pack, by category, in the order of the pack format.
struct ModelParts {
  var categories: [(String, [PackStructureDiff.Part])] = []

  init(_ model: PackModel) {
    typealias Part = PackStructureDiff.Part
    let tree = Self.tree(of: model)
    let top = tree.objectValue

    // The pack's own fields: everything but its lists of parts and its tests.
    let partKeys: Set<String> = [
      "$schema", "inputs", "values", "components", "vetoes", "grades", "stars", "consequences", "cohort", "ballots",
      "periods", "ledger", "tests", "requires", "checks", "outcomes", "previous", "links",
    ]
    categories.append(("包信息", [Part(key: "pack", name: "", fields: Self.fields(tree, excluding: partKeys))]))

    categories.append(("宿主函数", Self.list(top?["requires"]?.objectValue?["functions"], key: "name")))
    categories.append(("关联考核", Self.list(top?["links"], key: "id")))
    categories.append(("输入", Self.list(top?["inputs"], key: "id")))
    categories.append(("计算值", Self.list(top?["values"], key: "id")))
    categories.append(("数据核对", Self.list(top?["checks"], key: "id")))
    categories.append(("考核组成", Self.list(top?["components"], key: "id", excluding: ["sections"])))

    // Sections (by id, with the component they are in) and their rules.
    var sections: [Part] = []
    var rules: [RulePlace] = []
    for component in top?["components"]?.arrayValue ?? [] {
      guard let componentObject = component.objectValue else { continue }
      let componentID = componentObject["id"]?.stringValue ?? ""
      for section in componentObject["sections"]?.arrayValue ?? [] {
        guard let sectionObject = section.objectValue else { continue }
        let sectionID = sectionObject["id"]?.stringValue ?? ""
        var part = Part(
          key: sectionID, name: Self.name(id: sectionID, label: sectionObject["label"]?.stringValue) + "（\(componentID)）",
          fields: Self.fields(section, excluding: ["rules"]), placeKeys: ["component"])
        part.fields.insert(("component", componentID), at: 0)
        sections.append(part)
        for (index, rule) in (sectionObject["rules"]?.arrayValue ?? []).enumerated() {
          rules.append(
            RulePlace(
              id: rule.objectValue?["id"]?.stringValue, label: rule.objectValue?["label"]?.stringValue ?? "",
              component: componentID, section: sectionID, index: index, fields: Self.fields(rule)))
        }
      }
    }
    categories.append(("评分项目", sections))
    // Rules get their keys when the two versions are paired (``RuleMatching``).
    categories.append(("规则", []))

    categories.append(("一票否决", Self.list(top?["vetoes"], key: "id")))
    categories.append(("等次", Self.list(top?["grades"]?.objectValue?["bands"], key: "grade")))
    let stars = top?["stars"]?.objectValue
    categories.append(("星级项目", Self.list(stars?["items"], key: "id")))
    categories.append(("星级", Self.list(stars?["levels"], key: "stars", suffix: "星")))
    categories.append(("结果折算", Self.list(top?["outcomes"], key: "id")))
    categories.append(("后果", Self.list(top?["consequences"], key: "id")))

    let cohort = top?["cohort"]
    categories.append(
      ("排名设置", cohort.map { [Part(key: "cohort", name: "", fields: Self.fields($0, excluding: ["labels", "quotas"]))] } ?? []))
    categories.append(("排名标签", Self.list(cohort?.objectValue?["labels"], key: "id")))
    categories.append(("名额", Self.quotas(cohort?.objectValue?["quotas"])))

    let ballots = top?["ballots"]
    categories.append(
      ("测评设置", ballots.map { [Part(key: "ballots", name: "", fields: Self.fields($0, excluding: ["scales", "items"]))] } ?? []))
    categories.append(("测评量表", Self.list(ballots?.objectValue?["scales"], key: "id")))
    categories.append(("测评项目", Self.list(ballots?.objectValue?["items"], key: "id")))

    categories.append(("分期值", Self.list(top?["periods"], key: "id")))

    let ledger = top?["ledger"]
    categories.append(
      ("积分台账", ledger.map { [Part(key: "ledger", name: "", fields: Self.fields($0, excluding: ["categories", "rules", "checks"]))] } ?? []))
    categories.append(("台账类别", Self.list(ledger?.objectValue?["categories"], key: "id")))
    categories.append(("台账规则", Self.list(ledger?.objectValue?["rules"], key: "kind")))
    categories.append(("台账检查", Self.list(ledger?.objectValue?["checks"], key: "id")))

    let previous = top?["previous"]
    categories.append(
      ("上期结果", previous.map { [Part(key: "previous", name: "", fields: Self.fields($0, excluding: ["fields"]))] } ?? []))
    categories.append(("上期结果项", Self.list(previous?.objectValue?["fields"], key: "id")))
    rulePlaces = rules
  }

  /// The rules with where they are (kept so that the two versions' rules can be paired).
  var rulePlaces: [RulePlace] = []

  /// The model as the pack format writes it (its coding *is* the format), parsed back into a tree whose numbers
  /// keep their exact digits.
  static func tree(of model: PackModel) -> JSONValue {
    guard let text = try? ExactJSONEncoder().encode(model), let tree = try? JSONParser.parse(text) else {
      return JSONValue(content: .object(JSONObject(members: [])), location: SourceLocation(line: 1, column: 1))
    }
    return tree
  }

  /// The parts of a list, matched by `key`'s value (`3星` for a star level).
  static func list(_ value: JSONValue?, key: String, suffix: String = "", excluding: Set<String> = []) -> [PackStructureDiff.Part] {
    (value?.arrayValue ?? []).enumerated().map { index, item in
      let object = item.objectValue
      let identity = object?[key].map { plainText($0) } ?? "#\(index + 1)"
      let label = key == "grade" || key == "stars" ? nil : object?["label"]?.stringValue
      return PackStructureDiff.Part(
        key: identity, name: name(id: identity + suffix, label: label), fields: fields(item, excluding: excluding))
    }
  }

  /// Quotas, matched by the grade or the number of stars they limit.
  static func quotas(_ value: JSONValue?) -> [PackStructureDiff.Part] {
    (value?.arrayValue ?? []).enumerated().map { index, item in
      let object = item.objectValue
      let identity =
        object?["grade"].map { plainText($0) } ?? object?["stars"].map { plainText($0) + "星" } ?? "#\(index + 1)"
      return PackStructureDiff.Part(key: identity, name: identity, fields: fields(item))
    }
  }

  /// `id「label」`, or the id alone.
  static func name(id: String, label: String?) -> String {
    guard let label, !label.isEmpty, label != id else { return id }
    return "\(id)「\(label)」"
  }

  /// The members of an object as text, but those in `excluding`.
  static func fields(_ value: JSONValue, excluding: Set<String> = []) -> [(key: String, value: String)] {
    guard let object = value.objectValue else { return [] }
    return object.members.filter { !excluding.contains($0.key) }.map { member in
      (member.key, member.key == "weight" ? percent(member.value) : plainText(member.value))
    }
  }

  /// A weight as a percentage (`0.3` → `30%`), as packs write weights.
  static func percent(_ value: JSONValue) -> String {
    guard let digits = value.numberText, let number = ExactDecimal(digits) else { return plainText(value) }
    return (number * .hundred).description + "%"
  }

  /// A value as a person reads it in a field: text without quotes, a number's digits, a list or object as JSON.
  static func plainText(_ value: JSONValue) -> String {
    switch value.content {
    case .string(let text): text
    default: jsonText(value)
    }
  }

  /// Compact JSON text, numbers exact.
  static func jsonText(_ value: JSONValue) -> String {
    switch value.content {
    case .null: "null"
    case .bool(let flag): flag ? "true" : "false"
    case .number(let digits): digits
    case .string(let text): JSONText.quoted(text)
    case .array(let items): "[" + items.map(jsonText).joined(separator: ", ") + "]"
    case .object(let object):
      "{" + object.members.map { JSONText.quoted($0.key) + ": " + jsonText($0.value) }.joined(separator: ", ") + "}"
    }
  }
}

/// A rule and where it is: what pairs it with its counterpart in the other version.
struct RulePlace {
  var id: String?
  var label: String
  var component: String
  var section: String
  /// Its place among its section's rules, from 0.
  var index: Int
  var fields: [(key: String, value: String)]

  /// The id the scoring trace gives the rule: its `id`, or `section.index` when it has none.
  var traceID: String { id ?? "\(section).\(index)" }

  /// `逾期报送「党建工作任务逾期报送」（日常考核 › 日常纪实）`; a rule without an id by its label and place in
  /// its section (`第2条`).
  var name: String {
    if let id { return "\(ModelParts.name(id: id, label: label))（\(component) › \(section)）" }
    return "「\(label)」（\(component) › \(section) 第\(index + 1)条）"
  }

  var part: PackStructureDiff.Part {
    // The section is a field, so that a rule matched by id that moved shows the move.
    PackStructureDiff.Part(key: "", name: name, fields: [("section", section)] + fields, placeKeys: ["section"])
  }
}

extension PackStructureDiff {
  /// The changes from `old` to `new`, in the order of the pack format: the pack's own fields, host functions,
  /// inputs, values, components, sections, rules, vetoes, bands, stars, consequences, cohort, ballots, periods,
  /// ledger.
  static func changes(from old: PackModel, to new: PackModel) -> [StructureChange] {
    let a = ModelParts(old)
    let b = ModelParts(new)
    let pairs = RuleMatching.pairs(old: a.rulePlaces, new: b.rulePlaces)
    var changes: [StructureChange] = []
    for (category, oldParts) in a.categories {
      var oldParts = oldParts
      var newParts = b.categories.first { $0.0 == category }?.1 ?? []
      if category == "规则" {
        // Each pair shares a key; an unpaired rule has one of its own.
        oldParts = a.rulePlaces.enumerated().map { index, place in
          var part = place.part
          part.key = pairs.oldKey[index]
          return part
        }
        newParts = b.rulePlaces.enumerated().map { index, place in
          var part = place.part
          part.key = pairs.newKey[index]
          return part
        }
      }
      changes += compare(category: category, old: oldParts, new: newParts)
    }
    return changes
  }
}

/// Pairs the rules of two versions of a pack: by `id` where both give one, then each remaining rule with the first
/// remaining rule of the other version in the same section with the same label (not two rules with different ids).
enum RuleMatching {
  struct Pairs {
    /// A key per old rule and per new rule; a pair shares its key.
    var oldKey: [String]
    var newKey: [String]
    /// For each old rule, the index of its new counterpart.
    var counterpart: [Int: Int]
  }

  static func pairs(old: [RulePlace], new: [RulePlace]) -> Pairs {
    var counterpart: [Int: Int] = [:]
    var taken = Set<Int>()
    var newByID: [String: Int] = [:]
    for (index, rule) in new.enumerated() {
      if let id = rule.id, newByID[id] == nil { newByID[id] = index }
    }
    for (index, rule) in old.enumerated() {
      guard let id = rule.id, let partner = newByID[id], !taken.contains(partner) else { continue }
      counterpart[index] = partner
      taken.insert(partner)
    }
    for (index, rule) in old.enumerated() where counterpart[index] == nil {
      let partner = new.indices.first { candidate in
        let other = new[candidate]
        return !taken.contains(candidate) && other.section == rule.section && other.label == rule.label
          && !(rule.id != nil && other.id != nil && rule.id != other.id)
      }
      if let partner {
        counterpart[index] = partner
        taken.insert(partner)
      }
    }
    var oldKey: [String] = []
    var newKey = new.indices.map { "new \($0)" }
    for index in old.indices {
      if let partner = counterpart[index] {
        oldKey.append("pair \(index)")
        newKey[partner] = "pair \(index)"
      } else {
        oldKey.append("old \(index)")
      }
    }
    return Pairs(oldKey: oldKey, newKey: newKey, counterpart: counterpart)
  }
}
