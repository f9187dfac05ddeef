/// One rule of a points ledger: what an event of its kind adds or deducts.
struct CompiledLedgerRule: Sendable {
  enum Effect: Sendable {
    case award(ExactDecimal)
    /// Points per time; by severity when the map is not empty (then `points` is unused).
    case deduct(ExactDecimal, bySeverity: [(severity: String, points: ExactDecimal)])
    /// The whole ledger is reset to 0 (a veto).
    case reset
  }
  var kind: String
  var label: String
  var effect: Effect
  var category: Int?
  /// The most the rule adds or deducts over the ledger's events ("每次2分，全年最多10分").
  var max: ExactDecimal?
  /// Not limited by its category's cap (and not counted toward it).
  var exemptFromCap: Bool
  /// A deduction repeated within this many days of the previous one of its kind counts double.
  var repeatWithinDays: Int?
  /// A deduction older than this many days at `asOf` no longer counts.
  var expiresAfterDays: Int?
}

struct CompiledLedgerCategory: Sendable {
  var id: String
  var label: String
  /// The most the category's rules add (and, separately, deduct) over the ledger's events.
  var max: ExactDecimal
}

struct CompiledLedger: Sendable {
  var id: String
  var label: String
  var slot: Int
  var asOf: String
  var asOfDay: Int
  var base: ExactDecimal
  /// The previous year's total (an input's slot and label) and the share carried over.
  var carrySlot: Int?
  var carryLabel: String
  var carryShare: ExactDecimal
  var categories: [CompiledLedgerCategory]
  var rules: [CompiledLedgerRule]
}

extension PackCompiler {
  static let ledgerKeys = ["id", "label", "asOf", "base", "carryOver", "categories", "rules", "exampleValue", "note"]
  static let ledgerRuleKeys = [
    "kind", "label", "category", "award", "deduct", "reset", "max", "exemptFromCap", "repeatWithinDays",
    "expiresAfterDays", "exampleValue", "note",
  ]

  /// Reads `ledger`: a points total built from the subject's events, a value formulas use by its id.
  mutating func readLedger(_ node: Node) {
    guard let object = node.object("the ledger", keys: Self.ledgerKeys) else { return }
    noteExample(object)
    guard let id = object.requiredString("id", "the name formulas use for the points total, e.g. \"积分\"") else { return }
    let label = object.string("label") ?? id
    let asOf = object.requiredString("asOf", "the day the ledger is closed (YYYY-MM-DD); expiry windows count back from it") ?? ""
    let asOfDay = LedgerEvent.day(asOf)
    if !asOf.isEmpty, asOfDay == nil { object["asOf"]?.error("'\(asOf)' is not a date written YYYY-MM-DD") }
    let base = object.decimal("base") ?? .zero
    if !object.has("base") { object.missing("base", "the points every subject starts from (基础分), e.g. 60, or 0") }
    var carrySlot: Int?
    var carryLabel = ""
    var carryShare = ExactDecimal.zero
    if let carryNode = object["carryOver"], let carry = carryNode.object("the carry-over", keys: ["input", "share", "note"]) {
      if let inputID = carry.requiredString("input", "the number input holding last year's total, e.g. \"上年积分\"") {
        if let input = inputs.first(where: { $0.declaration.id == inputID }),
          input.declaration.type == .number || input.declaration.type == .integer
        {
          carrySlot = input.slot
          carryLabel = input.declaration.label
        } else {
          carry["input"]?.error(
            "there is no number input '\(inputID)'\(Spelling.didYouMean(inputID, among: inputs.map(\.declaration.id))); declare it in 'inputs'")
        }
      }
      if let share = carry.decimal("share") {
        if share <= .zero || share > .one { carry["share"]?.error("a share is above 0 and at most 100%, not \(share)") }
        carryShare = share
      } else if !carry.has("share") {
        carry.missing("share", "the share of last year's total carried over, e.g. \"10%\"")
      }
    }
    var categories: [CompiledLedgerCategory] = []
    for categoryNode in object.array("categories") ?? [] {
      guard let category = categoryNode.object("a ledger category", keys: ["id", "label", "max", "exampleValue", "note"]) else { continue }
      noteExample(category)
      guard let categoryID = category.requiredString("id", "the category's name, e.g. \"学习教育\"") else { continue }
      if categories.contains(where: { $0.id == categoryID }) { category["id"]?.error("the category '\(categoryID)' is listed twice") }
      guard let most = category.decimal("max") else {
        if !category.has("max") { category.missing("max", "the most its rules add (and deduct) in the year, e.g. 20") }
        continue
      }
      if most <= .zero { category["max"]?.error("'max' is above 0, not \(most)") }
      categories.append(CompiledLedgerCategory(id: categoryID, label: category.string("label") ?? categoryID, max: most))
    }
    var rules: [CompiledLedgerRule] = []
    for ruleNode in object.array("rules") ?? [] {
      guard let rule = ruleNode.object("a ledger rule", keys: Self.ledgerRuleKeys) else { continue }
      noteExample(rule)
      guard let kind = rule.requiredString("kind", "the event kind it scores, as events write it, e.g. \"集中学习\"") else { continue }
      if rules.contains(where: { $0.kind == kind }) { rule["kind"]?.error("the event kind '\(kind)' has two rules; give each kind one rule") }
      let given = ["award", "deduct", "reset"].filter { rule.has($0) }
      guard given.count == 1 else {
        ruleNode.error(
          "a ledger rule gives exactly one of 'award' (points added each time), 'deduct' (points deducted each time, or by severity {\"一般\": 1, \"严重\": 5}) or 'reset' (true: the total is reset to 0)")
        continue
      }
      var effect: CompiledLedgerRule.Effect
      switch given[0] {
      case "award":
        guard let points = rule.decimal("award") else { continue }
        if points <= .zero { rule["award"]?.error("'award' is the points added each time, above 0") }
        effect = .award(points)
      case "deduct":
        guard let deductNode = rule["deduct"] else { continue }
        if case .object(let bySeverity) = deductNode.value.content {
          var table: [(severity: String, points: ExactDecimal)] = []
          for member in bySeverity.members {
            let memberNode = Node(value: member.value, pointer: deductNode.pointer.appending(member.key), sink: sink)
            guard let points = memberNode.decimal("the points for '\(member.key)'") else { continue }
            if points <= .zero { memberNode.error("the points deducted for '\(member.key)' are above 0") }
            table.append((member.key, points))
          }
          if table.isEmpty { deductNode.error("list the points per severity, e.g. {\"一般\": 1, \"较重\": 3, \"严重\": 5}") }
          effect = .deduct(.zero, bySeverity: table)
        } else {
          guard let points = rule.decimal("deduct") else { continue }
          if points <= .zero { rule["deduct"]?.error("'deduct' is the points deducted each time, above 0") }
          effect = .deduct(points, bySeverity: [])
        }
      default:
        if rule.bool("reset") != true { rule["reset"]?.error("'reset' is true (the total is reset to 0), or leave it out") }
        effect = .reset
      }
      var categoryIndex: Int?
      if let categoryID = rule.string("category") {
        categoryIndex = categories.firstIndex { $0.id == categoryID }
        if categoryIndex == nil {
          rule["category"]?.error(
            "there is no category '\(categoryID)'\(Spelling.didYouMean(categoryID, among: categories.map(\.id))); declare it in 'categories'")
        }
      }
      let isDeduction: Bool
      if case .deduct = effect { isDeduction = true } else { isDeduction = false }
      let repeatWithin = rule["repeatWithinDays"]?.integer("'repeatWithinDays'", in: 1...3660)
      let expires = rule["expiresAfterDays"]?.integer("'expiresAfterDays'", in: 1...3660)
      if !isDeduction {
        for key in ["repeatWithinDays", "expiresAfterDays"] where rule.has(key) {
          rule[key]?.error("only a 'deduct' rule takes '\(key)'")
        }
      }
      if case .reset = effect {
        for key in ["max", "category", "exemptFromCap"] where rule.has(key) {
          rule[key]?.error("a 'reset' rule takes no '\(key)': it resets the whole total")
        }
      }
      let exempt = rule.bool("exemptFromCap") ?? false
      if exempt, categoryIndex == nil { rule["exemptFromCap"]?.error("'exemptFromCap' exempts from the category's cap; this rule has no 'category'") }
      rules.append(
        CompiledLedgerRule(
          kind: kind, label: rule.string("label") ?? kind, effect: effect, category: categoryIndex, max: rule.decimal("max"),
          exemptFromCap: exempt, repeatWithinDays: repeatWithin, expiresAfterDays: expires))
    }
    if !object.has("rules") { object.missing("rules", "the event kinds and their points, e.g. {\"kind\": \"集中学习\", \"award\": 2, \"max\": 10}") }
    // The total is not clamped: a formula that scores it must bound it, e.g. CLAMP(积分, 0, 100).
    let wide = ExactDecimal(1_000_000)
    let slot = declare(id, label: label, type: .number, range: (wide.negated(), wide), at: object["id"] ?? node)
    ledger = CompiledLedger(
      id: id, label: label, slot: slot, asOf: asOf, asOfDay: asOfDay ?? 0, base: base, carrySlot: carrySlot,
      carryLabel: carryLabel, carryShare: carryShare, categories: categories, rules: rules)
  }
}
