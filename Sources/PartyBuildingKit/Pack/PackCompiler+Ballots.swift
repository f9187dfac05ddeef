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
}

extension PackCompiler {
  static let ballotKeys = ["label", "scales", "validity", "items", "note"]
  static let ballotScaleKeys = ["id", "choices", "points", "abstain", "exampleValue", "note"]
  static let ballotValidityKeys = ["due", "attended", "issued", "returned", "quorum", "note"]
  static let ballotItemKeys = [
    "id", "label", "scale", "score", "choice", "count", "raters", "trim", "whenNoneCounted", "exampleValue", "note",
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
    guard let object = node.object("the ballots", keys: Self.ballotKeys) else { return }
    var result = CompiledBallots()
    result.label = object.string("label") ?? result.label
    // Scales.
    var scales: [String: BallotScale] = [:]
    for scaleNode in object.array("scales") ?? [] {
      guard let scale = scaleNode.object("a ballot scale", keys: Self.ballotScaleKeys) else { continue }
      noteExample(scale)
      guard let id = scale.requiredString("id", "the name items use, e.g. \"四档\"") else { continue }
      if scales[id] != nil { scale["id"]?.error("the scale '\(id)' is declared twice") }
      guard let choiceNodes = scale.array("choices") else {
        if !scale.has("choices") { scale.missing("choices", "the choices on the ballot, e.g. [\"好\", \"较好\", \"一般\", \"差\"]") }
        continue
      }
      let choices = choiceNodes.compactMap { $0.string("a choice") }
      if choices.isEmpty { scale["choices"]?.error("give at least one choice") }
      if Set(choices).count != choices.count { scale["choices"]?.error("the choices repeat a value; list each once") }
      for choice in choices where choice.contains(":") || choice.isEmpty {
        scale["choices"]?.error("a choice '\(choice)' must not be empty or hold ':' (it names the count inputs, e.g. \"p1:好\")")
      }
      var abstain = [Bool](repeating: false, count: choices.count)
      for abstainNode in scale.array("abstain") ?? [] {
        guard let choice = abstainNode.string("a choice left out of the count") else { continue }
        if let index = choices.firstIndex(of: choice) { abstain[index] = true } else {
          abstainNode.error("'\(choice)' is not one of the choices \(choices.joined(separator: ", "))\(Spelling.didYouMean(choice, among: choices))")
        }
      }
      var points = [ExactDecimal?](repeating: nil, count: choices.count)
      if let pointsNode = scale["points"], let pointsObject = pointsNode.object("the points per choice", keys: choices) {
        for (index, choice) in choices.enumerated() {
          if abstain[index] {
            if pointsObject.has(choice) { pointsObject[choice]?.error("'\(choice)' is left out of the count (abstain) and has no points; remove it") }
            continue
          }
          guard let value = pointsObject.decimal(choice) else {
            if !pointsObject.has(choice) {
              pointsObject.missing(choice, "how many points a '\(choice)' ballot is worth (0 if none), or list it in 'abstain'")
            }
            continue
          }
          if value.isNegative { pointsObject[choice]?.error("points are never negative, not \(value)") }
          points[index] = value
        }
      }
      scales[id] = BallotScale(choices: choices, points: points, abstain: abstain)
    }
    // Validity: the session's counts are declared inputs.
    if let validityNode = object["validity"], let validity = validityNode.object("the vote's validity", keys: Self.ballotValidityKeys) {
      func countInput(_ key: String) -> (slot: Int, id: String, label: String)? {
        guard let id = validity.string(key) else { return nil }
        guard let input = inputs.first(where: { $0.declaration.id == id }) else {
          validity[key]?.error("there is no input '\(id)'\(Spelling.didYouMean(id, among: inputs.map(\.declaration.id))); declare it in 'inputs' as an integer")
          return nil
        }
        if input.declaration.type != .integer {
          validity[key]?.error("'\(id)' is a \(input.declaration.type.rawValue) input; a head count or a ballot count is an integer input")
        }
        if input.notApplicable {
          validity[key]?.error("'\(id)' may not be \"whenMissing\": \"notApplicable\": the vote's validity is decided before anything is scored")
        }
        return (input.slot, id, input.declaration.label)
      }
      result.due = countInput("due")
      result.attended = countInput("attended")
      result.issued = countInput("issued")
      result.returned = countInput("returned")
      if (result.due == nil) != (result.attended == nil) {
        validityNode.error("give both 'due' (应到人数) and 'attended' (实到人数), or neither")
      }
      if (result.issued == nil) != (result.returned == nil) {
        validityNode.error("give both 'issued' (发出票数) and 'returned' (收回票数), or neither")
      }
      if let quorumNode = validity["quorum"], let quorum = quorumNode.object("the quorum", keys: ["moreThan", "atLeast", "note"]) {
        if quorum.has("moreThan") == quorum.has("atLeast") {
          quorumNode.error("give one of 'moreThan' (e.g. \"1/2\": 过半数) or 'atLeast' (e.g. \"2/3\")")
        } else if let shareNode = quorum["moreThan"] ?? quorum["atLeast"], let share = readShare(shareNode) {
          result.quorum = CompiledBallots.Quorum(share: share, strict: quorum.has("moreThan"))
        }
        if result.due == nil { quorumNode.error("a quorum needs 'due' and 'attended'") }
      }
    }
    // Items: first the count inputs of every item, then the results.
    var pending: [(object: ObjectNode, item: CompiledBallotItem)] = []
    var seen: Set<String> = []
    for itemNode in object.array("items") ?? [] {
      guard let item = itemNode.object("a ballot item", keys: Self.ballotItemKeys) else { continue }
      noteExample(item)
      guard let id = item.requiredString("id", "the name formulas use for its result, e.g. \"p1\"") else { continue }
      if !seen.insert(id).inserted { item["id"]?.error("the ballot item '\(id)' is listed twice") }
      let label = item.string("label") ?? id
      guard let scoreText = item.requiredString("score", "average (平均分), share (某一选项占比 %) or perVoter (人均, %)") else { continue }
      var compiled = CompiledBallotItem(
        id: id, label: label, slot: -1, score: .average, choices: [], points: [], abstain: [], groups: [], trim: 0,
        whenNoneCounted: item.decimal("whenNoneCounted"))
      switch scoreText {
      case "perVoter":
        guard let countID = item.requiredString("count", "the integer input holding the count, e.g. \"点赞数\"") else { continue }
        guard let input = inputs.first(where: { $0.declaration.id == countID }), input.declaration.type == .integer else {
          item["count"]?.error("'\(countID)' is not an integer input\(Spelling.didYouMean(countID, among: inputs.map(\.declaration.id))); declare it in 'inputs' as an integer")
          continue
        }
        if result.attended == nil {
          item["score"]?.error("'perVoter' divides by those who attended: give 'validity' with 'due' and 'attended'")
        }
        for key in ["scale", "choice", "raters", "trim", "whenNoneCounted"] where item.has(key) {
          item[key]?.error("a 'perVoter' item has no '\(key)'; remove it")
        }
        compiled.score = .perVoter(slot: input.slot, id: countID)
        pending.append((item, compiled))
        continue
      case "average", "share": break
      default:
        item["score"]?.error("unknown ballot score '\(scoreText)'\(Spelling.didYouMean(scoreText, among: Self.ballotScores)); use one of \(Self.ballotScores.joined(separator: ", "))")
        continue
      }
      if item.has("count") { item["count"]?.error("only a 'perVoter' item has 'count'; the counts per choice are inputs named \"\(id):choice\"") }
      guard let scaleID = item.requiredString("scale", "one of the scales, e.g. \"四档\"") else { continue }
      guard let scale = scales[scaleID] else {
        item["scale"]?.error("there is no scale '\(scaleID)'\(Spelling.didYouMean(scaleID, among: Array(scales.keys))); declare it in 'scales'")
        continue
      }
      compiled.choices = scale.choices
      compiled.points = scale.points
      compiled.abstain = scale.abstain
      if scoreText == "average" {
        if item.has("choice") { item["choice"]?.error("only a 'share' item names a 'choice'; remove it") }
        if scale.points.enumerated().contains(where: { $0.element == nil && !scale.abstain[$0.offset] }) {
          item["scale"]?.error("an 'average' item needs points for every counted choice: give the scale '\(scaleID)' its 'points'")
        }
      } else {
        guard let choice = item.requiredString("choice", "the choice whose share is taken, e.g. \"有\"") else { continue }
        guard let index = scale.choices.firstIndex(of: choice), !scale.abstain[index] else {
          item["choice"]?.error("'\(choice)' is not a counted choice of the scale '\(scaleID)' (\(scale.choices.joined(separator: ", ")))")
          continue
        }
        compiled.score = .share(index)
      }
      compiled.trim = item["trim"]?.integer(.quoted("trim"), in: 0...100) ?? 0
      if compiled.trim > 0, scoreText != "average" {
        item["trim"]?.error("'trim' drops the highest and lowest ballots of an average; a share has none to drop")
      }
      // Rater groups (default: one group, everyone).
      var groups: [(id: String, label: String, weight: ExactDecimal)] = []
      if let raterNodes = item.array("raters") {
        var total = ExactDecimal.zero
        for raterNode in raterNodes {
          guard let rater = raterNode.object("a rater group", keys: ["id", "label", "weight", "note"]) else { continue }
          guard let raterID = rater.requiredString("id", "a short name, e.g. \"领导\"") else { continue }
          if raterID.contains(":") { rater["id"]?.error("a rater group's id must not hold ':'") }
          if groups.contains(where: { $0.id == raterID }) { rater["id"]?.error("the rater group '\(raterID)' is listed twice") }
          guard let weight = rater.decimal("weight") else {
            if !rater.has("weight") { rater.missing("weight", "its share of the item, e.g. \"70%\"") }
            continue
          }
          if weight <= .zero || weight > .one { rater["weight"]?.error("a weight is a share above 0 and at most 1 (or 100%), not \(weight)") }
          total = (try? total.adding(weight)) ?? total
          groups.append((raterID, rater.string("label") ?? raterID, weight))
        }
        if groups.isEmpty { item["raters"]?.error("list at least one rater group, or leave 'raters' out") }
        if !groups.isEmpty, total != .one {
          item["raters"]?.error("the rater groups' weights add up to \(total), not 1 (100%); correct them (7:3 is \"70%\" and \"30%\")")
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
    if !object.has("items") { object.missing("items", "the ballot items, e.g. {\"id\": \"p1\", \"scale\": \"四档\", \"score\": \"average\"}") }
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
    ballots = result
  }
}
