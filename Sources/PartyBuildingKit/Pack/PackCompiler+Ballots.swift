/// One rater group of a ballot item (e.g. 领导班子 70%): its weight and the count inputs, one per choice.
struct CompiledBallotGroup: Sendable {
  var id: String
  var label: String
  var weight: ExactDecimal
  /// The slot of each choice's count input, in the scale's order.
  var countSlots: [Int]
  /// The ids of those inputs (e.g. "p1:好"), for messages.
  var countIDs: [String]
}

/// One ballot item: the counts per choice turned into an average of points, a share of one choice, or likes per
/// voter; the result is a name formulas use.
struct CompiledBallotItem: Sendable {
  enum Score: Sendable {
    /// Σ count × points / counted ballots.
    case average
    /// count of the choice × 100 / counted ballots (a percentage).
    case share(Int)
    /// the count input's value × 100 / those who attended (a percentage).
    case perVoter(slot: Int, id: String)
  }
  var id: String
  var label: String
  var slot: Int
  var score: Score
  var choices: [String]
  /// Points per choice (average items); nil for a choice left out of the count (abstain).
  var points: [ExactDecimal?]
  /// Choices left out of the denominator (e.g. 不了解).
  var abstain: [Bool]
  var groups: [CompiledBallotGroup]
  /// Ballots dropped at each end (the highest and the lowest), per rater group.
  var trim: Int
  /// The declared result when no ballot counts (every one abstained); nil: that is an error.
  var whenNoneCounted: ExactDecimal?
}

/// The ballots of a pack: items and the validity of the vote.
struct CompiledBallots: Sendable {
  struct Quorum: Sendable {
    var share: CohortShare
    /// true: more than the share must attend (过半数); false: at least the share.
    var strict: Bool
  }
  var items: [CompiledBallotItem] = []
  var label = "民主测评"
  /// Slots (and ids, labels) of the session's counts.
  var due: (slot: Int, id: String, label: String)?
  var attended: (slot: Int, id: String, label: String)?
  var issued: (slot: Int, id: String, label: String)?
  var returned: (slot: Int, id: String, label: String)?
  var quorum: Quorum?
  /// The rater forms (测评表) items may be scored from, and those items (PackCompiler+Raters.swift).
  var forms: CompiledForms?
  var formItems: [CompiledFormItem] = []
}

extension PackCompiler {
  static let ballotKeys = ["label", "scales", "validity", "forms", "items", "note"]
  static let ballotScaleKeys = ["id", "choices", "points", "abstain", "exampleValue", "note"]
  static let ballotValidityKeys = ["due", "attended", "issued", "returned", "quorum", "note"]
  static let ballotItemKeys = [
    "id", "label", "from", "field", "scale", "score", "choice", "count", "raters", "trim", "whenNoneCounted",
    "exampleValue", "note",
  ]
  static let ballotScores = ["average", "share", "perVoter"]
  /// The most ballots one count may hold.
  static let ballotCountLimit = ExactDecimal(1_000_000)

  struct BallotScale {
    var choices: [String]
    var points: [ExactDecimal?]
    var abstain: [Bool]
  }

  /// Reads `ballots`: declares one integer input per choice (and rater group) of each item, named "item:choice"
  /// (or "item:group:choice"), then one number per item holding its result.
  mutating func readBallots(_ node: Node) {
    guard let object = node.object(Message(.whatBallots), keys: Self.ballotKeys) else { return }
    var result = CompiledBallots()
    result.label = object.string("label") ?? result.label
    // Scales.
    var scales: [String: BallotScale] = [:]
    for scaleNode in object.array("scales") ?? [] {
      guard let scale = scaleNode.object(Message(.whatBallotScale), keys: Self.ballotScaleKeys) else { continue }
      noteExample(scale)
      guard let id = scale.requiredString("id", Message(.hintScaleID)) else { continue }
      if scales[id] != nil { scale["id"]?.error(Message(.scaleDeclaredTwice, id)) }
      guard let choiceNodes = scale.array("choices") else {
        if !scale.has("choices") { scale.missing("choices", Message(.hintScaleChoices)) }
        continue
      }
      let choices = choiceNodes.compactMap { $0.string(Message(.whatChoice)) }
      if choices.isEmpty { scale["choices"]?.error(Message(.giveAChoice)) }
      if Set(choices).count != choices.count { scale["choices"]?.error(Message(.choicesRepeat)) }
      for choice in choices where choice.contains(":") || choice.isEmpty {
        scale["choices"]?.error(Message(.choiceEmptyOrColon, choice))
      }
      var abstain = [Bool](repeating: false, count: choices.count)
      for abstainNode in scale.array("abstain") ?? [] {
        guard let choice = abstainNode.string(Message(.whatAbstainChoice)) else { continue }
        if let index = choices.firstIndex(of: choice) { abstain[index] = true } else {
          abstainNode.error(Message(.notAChoice, choice, MessageArgument.list(choices), Spelling.didYouMeanMessage(choice, among: choices)))
        }
      }
      var points = [ExactDecimal?](repeating: nil, count: choices.count)
      if let pointsNode = scale["points"], let pointsObject = pointsNode.object(Message(.whatPointsPerChoice), keys: choices) {
        for (index, choice) in choices.enumerated() {
          if abstain[index] {
            if pointsObject.has(choice) { pointsObject[choice]?.error(Message(.abstainHasPoints, choice)) }
            continue
          }
          guard let value = pointsObject.decimal(choice) else {
            if !pointsObject.has(choice) {
              pointsObject.missing(choice, Message(.hintChoicePoints, choice))
            }
            continue
          }
          if value.isNegative { pointsObject[choice]?.error(Message(.pointsNegative, value)) }
          points[index] = value
        }
      }
      scales[id] = BallotScale(choices: choices, points: points, abstain: abstain)
    }
    // Rater forms (PackCompiler+Raters.swift): read before the validity, which may count from them.
    var forms = object["forms"].flatMap { readBallotForms($0, scales: scales) }
    // Validity: the session's counts are declared inputs (or, with forms, counted from them).
    if let validityNode = object["validity"], let validity = validityNode.object(Message(.whatValidity), keys: Self.ballotValidityKeys) {
      func countInput(_ key: String) -> (slot: Int, id: String, label: String)? {
        guard let id = validity.string(key) else { return nil }
        guard let input = inputs.first(where: { $0.declaration.id == id }) else {
          validity[key]?.error(Message(.noSuchInputForCount, id, Spelling.didYouMeanMessage(id, among: inputs.map(\.declaration.id))))
          return nil
        }
        if input.declaration.type != .integer {
          validity[key]?.error(Message(.countInputNotInteger, id, input.declaration.type.rawValue))
        }
        if input.notApplicable {
          validity[key]?.error(Message(.validityInputNotApplicable, id))
        }
        return (input.slot, id, input.declaration.label)
      }
      result.due = countInput("due")
      result.attended = countInput("attended")
      result.issued = countInput("issued")
      result.returned = countInput("returned")
      // With forms, 'due' alone counts those who attended from the forms, and 'issued' alone the forms returned.
      let fromForms = object.has("forms")
      if (result.due == nil) != (result.attended == nil), !(fromForms && result.due != nil) {
        validityNode.error(Message(.dueAndAttended))
      }
      if (result.issued == nil) != (result.returned == nil), !(fromForms && result.issued != nil) {
        validityNode.error(Message(.issuedAndReturned))
      }
      if forms != nil { countFromForms(&forms!, &result) }
      if let quorumNode = validity["quorum"], let quorum = quorumNode.object(Message(.whatQuorum), keys: ["moreThan", "atLeast", "note"]) {
        if quorum.has("moreThan") == quorum.has("atLeast") {
          quorumNode.error(Message(.quorumMoreThanOrAtLeast))
        } else if let shareNode = quorum["moreThan"] ?? quorum["atLeast"], let share = readShare(shareNode) {
          result.quorum = CompiledBallots.Quorum(share: share, strict: quorum.has("moreThan"))
        }
        if result.due == nil { quorumNode.error(Message(.quorumNeedsDueAttended)) }
      }
    }
    // Items: first the count inputs of every item, then the results.
    var pending: [(object: ObjectNode, item: CompiledBallotItem)] = []
    var pendingFromForms: [(object: ObjectNode, item: CompiledFormItem)] = []
    var seen: Set<String> = []
    for itemNode in object.array("items") ?? [] {
      guard let item = itemNode.object(Message(.whatBallotItem), keys: Self.ballotItemKeys) else { continue }
      noteExample(item)
      guard let id = item.requiredString("id", Message(.hintBallotItemID)) else { continue }
      if !seen.insert(id).inserted { item["id"]?.error(Message(.ballotItemListedTwice, id)) }
      let label = item.string("label") ?? id
      if item.has("from") {
        if let formItem = readFormItem(item, id: id, label: label, forms: forms) { pendingFromForms.append((item, formItem)) }
        continue
      }
      if item.has("field") { item["field"]?.error(.fieldOnlyFromForms) }
      guard let scoreText = item.requiredString("score", Message(.hintBallotScore)) else { continue }
      var compiled = CompiledBallotItem(
        id: id, label: label, slot: -1, score: .average, choices: [], points: [], abstain: [], groups: [], trim: 0,
        whenNoneCounted: item.decimal("whenNoneCounted"))
      switch scoreText {
      case "perVoter":
        guard let countID = item.requiredString("count", Message(.hintCountInput)) else { continue }
        guard let input = inputs.first(where: { $0.declaration.id == countID }), input.declaration.type == .integer else {
          item["count"]?.error(Message(.notAnIntegerInput, countID, Spelling.didYouMeanMessage(countID, among: inputs.map(\.declaration.id))))
          continue
        }
        if result.attended == nil {
          item["score"]?.error(Message(.perVoterNeedsAttended))
        }
        for key in ["scale", "choice", "raters", "trim", "whenNoneCounted"] where item.has(key) {
          item[key]?.error(Message(.perVoterHasNo, key))
        }
        compiled.score = .perVoter(slot: input.slot, id: countID)
        pending.append((item, compiled))
        continue
      case "average", "share": break
      case "trimmedMean", "median":
        item["score"]?.error(.scoreOnlyFromForms, scoreText)
        continue
      default:
        item["score"]?.error(Message(.unknownBallotScore, scoreText, Spelling.didYouMeanMessage(scoreText, among: Self.ballotScores), MessageArgument.list(Self.ballotScores)))
        continue
      }
      if item.has("count") { item["count"]?.error(Message(.countOnlyForPerVoter, id)) }
      guard let scaleID = item.requiredString("scale", Message(.hintItemScale)) else { continue }
      guard let scale = scales[scaleID] else {
        item["scale"]?.error(Message(.noSuchScale, scaleID, Spelling.didYouMeanMessage(scaleID, among: Array(scales.keys))))
        continue
      }
      compiled.choices = scale.choices
      compiled.points = scale.points
      compiled.abstain = scale.abstain
      if scoreText == "average" {
        if item.has("choice") { item["choice"]?.error(Message(.choiceOnlyForShare)) }
        if scale.points.enumerated().contains(where: { $0.element == nil && !scale.abstain[$0.offset] }) {
          item["scale"]?.error(Message(.averageNeedsPoints, scaleID))
        }
      } else {
        guard let choice = item.requiredString("choice", Message(.hintShareChoice)) else { continue }
        guard let index = scale.choices.firstIndex(of: choice), !scale.abstain[index] else {
          item["choice"]?.error(Message(.notACountedChoice, choice, scaleID, MessageArgument.list(scale.choices)))
          continue
        }
        compiled.score = .share(index)
      }
      compiled.trim = item["trim"]?.integer(.quoted("trim"), in: 0...100) ?? 0
      if compiled.trim > 0, scoreText != "average" {
        item["trim"]?.error(Message(.trimOnlyForAverage))
      }
      // Rater groups (default: one group, everyone).
      var groups: [(id: String, label: String, weight: ExactDecimal)] = []
      if let raterNodes = item.array("raters") {
        var total = ExactDecimal.zero
        for raterNode in raterNodes {
          guard let rater = raterNode.object(Message(.whatRaterGroup), keys: ["id", "label", "weight", "note"]) else { continue }
          guard let raterID = rater.requiredString("id", Message(.hintRaterID)) else { continue }
          if raterID.contains(":") { rater["id"]?.error(Message(.raterIDColon)) }
          if groups.contains(where: { $0.id == raterID }) { rater["id"]?.error(Message(.raterGroupListedTwice, raterID)) }
          guard let weight = rater.decimal("weight") else {
            if !rater.has("weight") { rater.missing("weight", Message(.hintRaterWeight)) }
            continue
          }
          if weight <= .zero || weight > .one { rater["weight"]?.error(Message(.weightNotAShare, weight)) }
          total = (try? total.adding(weight)) ?? total
          groups.append((raterID, rater.string("label") ?? raterID, weight))
        }
        if groups.isEmpty { item["raters"]?.error(Message(.giveARaterGroup)) }
        if !groups.isEmpty, total != .one {
          item["raters"]?.error(Message(.raterWeightsNotOne, total))
        }
      } else {
        groups = [("", "", .one)]
      }
      for group in groups {
        // Items × rater groups × choices multiply: stop at the limit on names (reported once, by declare).
        if namesExhausted { break }
        let prefix = group.id.isEmpty ? id : "\(id):\(group.id)"
        var slots: [Int] = []
        var ids: [String] = []
        for choice in scale.choices {
          let inputID = "\(prefix):\(choice)"
          let groupText = group.label.isEmpty ? "" : "（\(group.label)）"
          var declaration = InputDeclaration(
            id: inputID, label: "\(label)\(groupText)：\(choice)票数", type: .integer, unit: "票", minimum: .zero,
            maximum: Self.ballotCountLimit, required: false, defaultValue: .number(.zero))
          declaration.required = false
          let slot = declare(
            inputID, label: declaration.label, type: .number, range: (.zero, Self.ballotCountLimit), places: 0,
            at: item["id"] ?? itemNode)
          inputs.append(CompiledInput(declaration: declaration, slot: slot, defaultSlotValue: .zero))
          slots.append(slot)
          ids.append(inputID)
        }
        inputGroups[prefix] = scale.choices
        compiled.groups.append(CompiledBallotGroup(id: group.id, label: group.label, weight: group.weight, countSlots: slots, countIDs: ids))
      }
      pending.append((item, compiled))
    }
    if !object.has("items") { object.missing("items", Message(.hintBallotItems)) }
    for (item, compiledItem) in pending {
      var compiled = compiledItem
      let range: ClosedRange<ExactDecimal>
      switch compiled.score {
      case .average:
        let points = compiled.points.compactMap { $0 }
        range = (points.min() ?? .zero)...(points.max() ?? .zero)
      case .share, .perVoter: range = .zero...ExactDecimal.hundred
      }
      var bounded = range
      if let none = compiled.whenNoneCounted {
        if case .perVoter = compiled.score {} else {
          bounded = Swift.min(range.lowerBound, none)...Swift.max(range.upperBound, none)
        }
      }
      // Averages and shares are quotients: 12 decimal places.
      compiled.slot = declare(
        compiled.id, label: compiled.label, type: .number, range: (bounded.lowerBound, bounded.upperBound),
        places: ExactDecimal.divisionFractionDigits, at: item["id"] ?? item.node)
      result.items.append(compiled)
    }
    result.formItems = declareFormItems(pendingFromForms)
    result.forms = forms
    if forms != nil, result.formItems.isEmpty {
      object["forms"]?.error(.noItemFromForms)
    }
    ballots = result
  }
}
