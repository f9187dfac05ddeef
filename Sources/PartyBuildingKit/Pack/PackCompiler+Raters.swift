/// Ballot items scored from raw rater data (测评表): each rater's own form, with a mark per field, instead of counts
/// per choice. The forms are their own stream — a forms file beside the subjects, a `"forms"` array per subject in
/// JSON, ``AssessmentInput/forms`` — and the ballot stage turns them into the items' slots before the kernel runs.

/// What a pack's rater forms hold: the fields (a score in a range, or a choice on a scale), the rater groups, and how
/// each mark is read (the declaration ``InputCoercion`` checks it against, like any cell).
struct CompiledForms: Sendable {
  struct Field: Sendable {
    var id: String
    var label: String
    /// How a mark is read and checked: a number (or integer) with its range and places, or a choice.
    var declaration: InputDeclaration
    /// For a choice field: its scale's points per choice (nil: none, or left out of the count) and abstentions.
    var points: [ExactDecimal?] = []
    var abstain: [Bool] = []
    var isChoice: Bool { declaration.type == .choice }
  }
  struct Group: Sendable {
    var id: String
    var label: String
    /// The group's weight for items that list no raters of their own; nil when the groups carry none.
    var weight: ExactDecimal?
  }
  var label = "测评表"
  var fields: [Field] = []
  var groups: [Group] = []
  /// The slot holding how many forms a subject has (counted and void), when `attended` or `returned` is counted from
  /// the forms; nil when both are inputs (or not declared).
  var countSlot: Int?
  var attendedFromForms = false
  var returnedFromForms = false

  /// The reserved names of a form's own keys (and their Chinese column headers).
  static let groupKeys = ["group", "类别"]
  static let spoiledKeys = ["spoiled", "废票"]
  static let numberKeys = ["form", "表号"]
  static let subjectKeys = ["id", "编号"]
  static let raterKeys = ["rater", "评议人"]
  static var reservedKeys: [String] { subjectKeys + groupKeys + spoiledKeys + numberKeys + raterKeys + ["note"] }

  /// The field whose id or label is `name`.
  func field(named name: String) -> Int? {
    fields.firstIndex { $0.id == name } ?? fields.firstIndex { $0.label == name }
  }

  /// The group whose id or label is `name`.
  func group(named name: String) -> Int? {
    groups.firstIndex { $0.id == name } ?? groups.firstIndex { $0.label == name }
  }
}

/// A ballot item scored from the forms: one field's marks aggregated per rater group, then weighted.
struct CompiledFormItem: Sendable {
  enum Aggregate: Sendable, Equatable {
    /// Σ marks / counted marks.
    case average
    /// The `k` highest and `k` lowest marks dropped, then the average.
    case trimmedMean(Int)
    /// The middle mark (the average of the two middle ones when their number is even).
    case median
    /// Marks of one choice × 100 / counted marks (a percentage).
    case share(Int)
  }
  var id: String
  var label: String
  var slot = -1
  /// The field (index into ``CompiledForms/fields``).
  var field: Int
  var aggregate: Aggregate
  /// The rater groups and their weights (indices into ``CompiledForms/groups``); empty: every form pooled.
  var groups: [(group: Int, weight: ExactDecimal)]
  var whenNoneCounted: ExactDecimal?
  /// The item's lowest and highest result, for the name it declares.
  var range: ClosedRange<ExactDecimal>
}

extension PackCompiler {
  static let ballotFormsKeys = ["label", "groups", "fields", "note"]
  static let ballotFormGroupKeys = ["id", "label", "weight", "note"]
  static let ballotFormFieldKeys = ["id", "label", "type", "unit", "min", "max", "places", "scale", "exampleValue", "note"]
  static let formItemKeys = [
    "id", "label", "from", "field", "score", "choice", "raters", "trim", "whenNoneCounted", "exampleValue", "note",
  ]
  static let formScores = ["average", "trimmedMean", "median", "share"]
  /// The most forms one subject may have.
  static let formCountLimit = ExactDecimal(1_000_000)

  /// Reads `ballots.forms`: the fields of a form and the rater groups.
  mutating func readBallotForms(_ node: Node, scales: [String: BallotScale]) -> CompiledForms? {
    guard let object = node.object(Message(.whatRaterForms), keys: Self.ballotFormsKeys) else { return nil }
    var forms = CompiledForms()
    forms.label = object.string("label") ?? forms.label
    let reserved = CompiledForms.reservedKeys
    // Rater groups.
    var weighted = 0
    var total = ExactDecimal.zero
    let groupNodes = object.array("groups")
    for groupNode in groupNodes ?? [] {
      guard let group = groupNode.object(Message(.whatRaterGroup), keys: Self.ballotFormGroupKeys) else { continue }
      guard let id = group.requiredString("id", Message(.hintFormGroupID)) else { continue }
      let label = group.string("label") ?? id
      if forms.groups.contains(where: { $0.id == id || $0.label == id || $0.id == label || $0.label == label }) {
        group["id"]?.error(.formGroupListedTwice, id)
        continue
      }
      var weight: ExactDecimal?
      if let value = group.decimal("weight") {
        if value <= .zero || value > .one {
          group["weight"]?.error(.weightNotAShare, value)
        }
        weight = value
        weighted += 1
        total = (try? total.adding(value)) ?? total
      }
      forms.groups.append(CompiledForms.Group(id: id, label: label, weight: weight))
    }
    if let groupNodes, groupNodes.isEmpty {
      object["groups"]?.error(.giveAFormGroup)
    }
    if weighted > 0, weighted < forms.groups.count {
      object["groups"]?.error(.formGroupWeightsAllOrNone)
    } else if weighted > 0, total != .one {
      object["groups"]?.error(.formGroupWeightsNotOne, total)
    }
    // Fields.
    let fieldNodes = object.array("fields")
    for fieldNode in fieldNodes ?? [] {
      guard let field = fieldNode.object(Message(.whatFormField), keys: Self.ballotFormFieldKeys) else { continue }
      noteExample(field)
      guard let id = field.requiredString("id", Message(.hintFormFieldID)) else { continue }
      let label = field.string("label") ?? id
      if reserved.contains(id) || reserved.contains(label) {
        field["id"]?.error(.fieldNamesOwnColumn, reserved.contains(id) ? id : label, MessageArgument.list(reserved))
        continue
      }
      if id.hasPrefix("#") { field["id"]?.error(.fieldIDStartsWithHash) }
      if forms.fields.contains(where: { $0.id == id || $0.label == id || $0.id == label || $0.label == label }) {
        field["id"]?.error(.formFieldListedTwice, id)
        continue
      }
      if let scaleID = field.string("scale") {
        for key in ["type", "unit", "min", "max", "places"] where field.has(key) {
          field[key]?.error(.scaleFieldHasNo, key)
        }
        guard let scale = scales[scaleID] else {
          field["scale"]?.error(.noSuchScale, scaleID, Spelling.didYouMeanMessage(scaleID, among: Array(scales.keys)))
          continue
        }
        let declaration = InputDeclaration(id: id, label: label, type: .choice, choices: scale.choices, required: false)
        forms.fields.append(CompiledForms.Field(id: id, label: label, declaration: declaration, points: scale.points, abstain: scale.abstain))
        continue
      }
      var type = InputDeclaration.ValueType.number
      if let typeText = field.string("type") {
        switch typeText {
        case "number": type = .number
        case "integer": type = .integer
        default:
          field["type"]?.error(.formFieldType, typeText)
        }
      }
      let minimum = field.decimal("min")
      let maximum = field.decimal("max")
      if minimum == nil, !field.has("min") { field.missing("min", .hintFieldMin) }
      if maximum == nil, !field.has("max") { field.missing("max", .hintFieldMax) }
      if let minimum, let maximum, minimum > maximum {
        field["max"]?.error(.formFieldMaxBelowMin, maximum, minimum)
        continue
      }
      var places: Int? = type == .integer ? 0 : nil
      if let placesNode = field["places"] {
        if type == .integer {
          placesNode.error(.integerFieldHasNoPlaces)
        } else {
          places = placesNode.integer(.quoted("places"), in: 0...ExactDecimal.maxScale)
        }
      }
      guard let minimum, let maximum else { continue }
      let declaration = InputDeclaration(
        id: id, label: label, type: type, unit: field.string("unit") ?? "", minimum: minimum, maximum: maximum,
        required: false, places: places)
      forms.fields.append(CompiledForms.Field(id: id, label: label, declaration: declaration))
    }
    if !object.has("fields") {
      object.missing("fields", .hintFormFields)
    } else if let fieldNodes, fieldNodes.isEmpty {
      object["fields"]?.error(.giveAFormField)
    }
    return forms
  }

  /// Counts `attended` and `returned` from the forms when the validity names `due` (or `issued`) but leaves its
  /// partner out: each form read for a subject — counted, blank or spoiled — is one rater who attended and one form
  /// returned.
  mutating func countFromForms(_ forms: inout CompiledForms, _ ballots: inout CompiledBallots) {
    let attended = ballots.due != nil && ballots.attended == nil
    let returned = ballots.issued != nil && ballots.returned == nil
    guard attended || returned else { return }
    let slot = symbols.count
    // A slot of its own, under a name no formula can write (an id never holds ']').
    symbols.append(
      FormulaSymbol(name: "]forms", type: .number, slot: slot, range: .zero...Self.formCountLimit, choices: nil, places: 0))
    symbolLabels.append("\(forms.label)份数")
    forms.countSlot = slot
    if attended {
      forms.attendedFromForms = true
      ballots.attended = (slot, forms.label, "实到人数（按收回的\(forms.label)计）")
    }
    if returned {
      forms.returnedFromForms = true
      ballots.returned = (slot, forms.label, "收回\(forms.label)")
    }
  }

  /// Reads a ballot item with `"from": "forms"`; nil when it has problems (reported).
  func readFormItem(_ item: ObjectNode, id: String, label: String, forms: CompiledForms?) -> CompiledFormItem? {
    guard let from = item.string("from") else { return nil }
    if from != "forms" {
      item["from"]?.error(.fromIsForms, from)
      return nil
    }
    guard let forms else {
      item["from"]?.error(.itemFromFormsWithoutForms)
      return nil
    }
    for key in ["scale", "count"] where item.has(key) {
      item[key]?.error(.formItemHasNo, key, Message(key == "scale" ? .formItemFieldSaysHow : .formItemMarksFromForms))
    }
    let fieldName = item.string("field") ?? id
    guard let fieldIndex = forms.field(named: fieldName) else {
      (item["field"] ?? item["id"])?.error(
        .noSuchFormField, fieldName, Spelling.didYouMeanMessage(fieldName, among: forms.fields.map(\.id)),
        MessageArgument.list(forms.fields.map(\.id)))
      return nil
    }
    let field = forms.fields[fieldIndex]
    guard let scoreText = item.requiredString("score", Message(.hintFormScore)) else { return nil }
    var aggregate: CompiledFormItem.Aggregate
    switch scoreText {
    case "average":
      aggregate = .average
      if item.has("trim") {
        item["trim"]?.error(.trimOnFormAverage)
      }
    case "trimmedMean":
      guard let trimNode = item["trim"] else {
        item.missing("trim", .hintFormTrim)
        return nil
      }
      guard let trim = trimNode.integer(.quoted("trim"), in: 1...100) else { return nil }
      aggregate = .trimmedMean(trim)
    case "median":
      aggregate = .median
      if item.has("trim") { item["trim"]?.error(.medianHasNoTrim) }
    case "share":
      if item.has("trim") { item["trim"]?.error(.formShareHasNoTrim) }
      guard field.isChoice else {
        item["score"]?.error(.formShareNeedsChoiceField, field.id, field.declaration.type.rawValue)
        return nil
      }
      guard let choice = item.requiredString("choice", Message(.hintFormShareChoice)) else { return nil }
      guard let index = field.declaration.choices.firstIndex(of: choice), !field.abstain[index] else {
        item["choice"]?.error(.notACountedFieldChoice, choice, field.id, MessageArgument.list(field.declaration.choices))
        return nil
      }
      aggregate = .share(index)
    default:
      item["score"]?.error(
        .unknownFormScore, scoreText, Spelling.didYouMeanMessage(scoreText, among: Self.formScores),
        MessageArgument.list(Self.formScores))
      return nil
    }
    if case .share = aggregate {} else if item.has("choice") {
      item["choice"]?.error(.choiceOnlyForShare)
    }
    var isShare = false
    if case .share = aggregate { isShare = true }
    if field.isChoice, !isShare, field.points.enumerated().contains(where: { $0.element == nil && !field.abstain[$0.offset] }) {
      item["score"]?.error(.formAverageNeedsPoints, field.id)
      return nil
    }
    // Rater groups: the item's own, else the forms' (when they carry weights), else every form pooled.
    var groups: [(group: Int, weight: ExactDecimal)] = []
    if let raterNodes = item.array("raters") {
      if forms.groups.isEmpty {
        item["raters"]?.error(.formsDeclareNoGroups)
        return nil
      }
      var total = ExactDecimal.zero
      for raterNode in raterNodes {
        guard let rater = raterNode.object(Message(.whatRaterGroup), keys: ["id", "label", "weight", "note"]) else { continue }
        guard let raterID = rater.requiredString("id", Message(.hintFormRaterID)) else { continue }
        guard let group = forms.group(named: raterID) else {
          rater["id"]?.error(
            .noSuchFormGroup, raterID, Spelling.didYouMeanMessage(raterID, among: forms.groups.map(\.id)),
            MessageArgument.list(forms.groups.map(\.id)))
          continue
        }
        if groups.contains(where: { $0.group == group }) { rater["id"]?.error(.raterGroupListedTwice, raterID) }
        guard let weight = rater.decimal("weight") else {
          if !rater.has("weight") { rater.missing("weight", .hintFormRaterWeight) }
          continue
        }
        if weight <= .zero || weight > .one { rater["weight"]?.error(.weightNotAShare, weight) }
        total = (try? total.adding(weight)) ?? total
        groups.append((group, weight))
      }
      if raterNodes.isEmpty { item["raters"]?.error(.giveARaterGroup) }
      if !groups.isEmpty, total != .one {
        item["raters"]?.error(.formRaterWeightsNotOne, total)
      }
    } else if forms.groups.allSatisfy({ $0.weight != nil }), !forms.groups.isEmpty {
      groups = forms.groups.enumerated().map { ($0.offset, $0.element.weight!) }
    }
    // The result's range: the marks' (an average, a trimmed mean and a median stay within them), or 0…100 for a share.
    var range: ClosedRange<ExactDecimal>
    switch aggregate {
    case .share: range = .zero...ExactDecimal.hundred
    default:
      if field.isChoice {
        let points = field.points.compactMap { $0 }
        range = (points.min() ?? .zero)...(points.max() ?? .zero)
      } else {
        range = (field.declaration.minimum ?? .zero)...(field.declaration.maximum ?? .zero)
      }
    }
    let whenNoneCounted = item.decimal("whenNoneCounted")
    if let none = whenNoneCounted {
      range = Swift.min(range.lowerBound, none)...Swift.max(range.upperBound, none)
    }
    return CompiledFormItem(
      id: id, label: label, field: fieldIndex, aggregate: aggregate, groups: groups, whenNoneCounted: whenNoneCounted,
      range: range)
  }

  /// Declares each item from the forms as a name formulas use (averages are quotients: 12 decimal places).
  mutating func declareFormItems(_ items: [(object: ObjectNode, item: CompiledFormItem)]) -> [CompiledFormItem] {
    items.map { pending in
      var item = pending.item
      item.slot = declare(
        item.id, label: item.label, type: .number, range: (item.range.lowerBound, item.range.upperBound),
        places: ExactDecimal.divisionFractionDigits, at: pending.object["id"] ?? pending.object.node)
      return item
    }
  }
}
