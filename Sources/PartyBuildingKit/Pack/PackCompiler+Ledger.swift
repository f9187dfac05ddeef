/// A stretch of the calendar a ledger rule's `maxPerPeriod` runs over: a calendar month, quarter or half-year.
enum LedgerPeriod: String, Sendable, CaseIterable {
  case month, quarter, halfYear

  /// Its length in months.
  var months: Int {
    switch self {
    case .month: 1
    case .quarter: 3
    case .halfYear: 6
    }
  }

  /// How a trace says "per period": 每月, 每季度, 每半年.
  var each: String {
    switch self {
    case .month: "每月"
    case .quarter: "每季度"
    case .halfYear: "每半年"
    }
  }
}

/// When a ledger check takes the running balance: the last day of every month, quarter or half-year of the ledger's
/// year (the twelve months that end on `asOf`).
enum LedgerCheckpoints: String, Sendable, CaseIterable {
  case monthEnds, quarterEnds, halfYearEnds

  /// The months between two checkpoints.
  var months: Int {
    switch self {
    case .monthEnds: 1
    case .quarterEnds: 3
    case .halfYearEnds: 6
    }
  }

  /// How a trace names a checkpoint: 月末, 季度末, 半年末.
  var word: String {
    switch self {
    case .monthEnds: "月末"
    case .quarterEnds: "季度末"
    case .halfYearEnds: "半年末"
    }
  }

  /// What the period is called in a message: month, quarter, half-year.
  /// The message for an `asOf` that is not the last day of one of these periods.
  var checkAtMismatch: MessageKey {
    switch self {
    case .monthEnds: .checkAtNotMonthEnd
    case .quarterEnds: .checkAtNotQuarterEnd
    case .halfYearEnds: .checkAtNotHalfYearEnd
    }
  }
}

/// One rule of a points ledger: what an event of its kind adds or deducts.
struct CompiledLedgerRule: Sendable {
  enum Effect: Sendable {
    /// Points per time; by level when the table is not empty (then `points` is unused).
    case award(ExactDecimal, byLevel: [(level: String, points: ExactDecimal)])
    /// Points per time; by severity when the table is not empty (then `points` is unused).
    case deduct(ExactDecimal, bySeverity: [(severity: String, points: ExactDecimal)])
    /// The whole ledger is reset to 0 (a veto).
    case reset

    var isDeduction: Bool {
      if case .deduct = self { return true }
      return false
    }
    var isAward: Bool {
      if case .award = self { return true }
      return false
    }
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
  /// An event older than this many days on the day the balance is taken no longer counts.
  var expiresAfterDays: Int?
  /// The subjects the rule applies to (e.g. 职务 = '支部委员'); nil: every subject. Of a kind's rules the first whose
  /// condition holds applies.
  var when: Formula? = nil
  /// While this holds for the subject, the rule's awards are recorded but not counted.
  var suspendedWhile: Formula? = nil
  /// Awards of such rules that name one incident count only the highest.
  var highestOnly = false
  /// The most the rule adds or deducts in one calendar `period` ("每季度最多 1 分").
  var maxPerPeriod: ExactDecimal? = nil
  var period: LedgerPeriod? = nil
}

struct CompiledLedgerCategory: Sendable {
  var id: String
  var label: String
  /// The most the category's rules add (and, separately, deduct) over the ledger's events.
  var max: ExactDecimal
}

/// A threshold the running balance is checked against at each period end; its id is how many period ends fall below.
struct CompiledLedgerCheck: Sendable {
  var id: String
  var label: String
  var slot: Int
  var at: LedgerCheckpoints
  /// The days the balance is taken, in order (the last is `asOf`), and their dates.
  var days: [Int]
  var dates: [String]
  var below: ExactDecimal
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
  var checks: [CompiledLedgerCheck] = []

  /// The conditions of its rules (`when`, `suspendedWhile`), for the evaluation stack's size.
  var formulas: [Formula] { rules.flatMap { [$0.when, $0.suspendedWhile].compactMap { $0 } } }
}

extension PackCompiler {
  static let ledgerKeys = ["id", "label", "asOf", "base", "carryOver", "categories", "rules", "checks", "exampleValue", "note"]
  static let ledgerRuleKeys = [
    "kind", "label", "when", "category", "award", "deduct", "reset", "max", "maxPerPeriod", "period", "exemptFromCap",
    "repeatWithinDays", "expiresAfterDays", "highestOnly", "suspendedWhile", "exampleValue", "note",
  ]
  static let ledgerCheckKeys = ["id", "label", "checkAt", "below", "exampleValue", "note"]

  /// Reads a table of points by a name (`{"一般": 1, "严重": 5}`, `{"国家级": 10, "省级": 5}`): each above 0, at least one.
  func pointsTable(_ node: Node, deducted: Bool) -> [(String, ExactDecimal)] {
    guard case .object(let entries) = node.value.content else { return [] }
    var table: [(String, ExactDecimal)] = []
    for member in entries.members {
      let memberNode = Node(value: member.value, pointer: node.pointer.appending(member.key), sink: sink)
      guard let points = memberNode.decimal(Message(.pointsFor, member.key)) else { continue }
      if points <= .zero { memberNode.error(deducted ? .pointsDeductedAboveZero : .pointsAddedAboveZero, member.key) }
      table.append((member.key, points))
    }
    if entries.members.isEmpty { node.error(deducted ? .listPointsPerSeverity : .listPointsPerLevel) }
    return table
  }

  /// Reads a condition of a ledger rule: it is decided before anything is scored, so it may name inputs and the
  /// values of ballots and periods, but not an input left out when missing.
  func ledgerCondition(_ rule: ObjectNode, _ key: String, in scope: FormulaScope, what: Message) -> Formula? {
    guard let source = rule.formula(key) else { return nil }
    guard let formula = compile(source, in: scope, expecting: .boolean, what: what) else { return nil }
    for name in formula.references {
      guard let index = inputs.firstIndex(where: { $0.declaration.id == name }), leftOutWhenMissing(index) else { continue }
      rule[key]?.error(
        Message(.ledgerConditionLeftOut, what, name, missingPolicyText(index)))
      return nil
    }
    return formula
  }

  /// Reads `ledger`: a points total built from the subject's events, a value formulas use by its id.
  mutating func readLedger(_ node: Node) {
    guard let object = node.object(Message(.whatLedger), keys: Self.ledgerKeys) else { return }
    noteExample(object)
    guard let id = object.requiredString("id", Message(.hintLedgerID)) else { return }
    let label = object.string("label") ?? id
    let asOf = object.requiredString("asOf", Message(.hintAsOf)) ?? ""
    let asOfDay = LedgerEvent.day(asOf)
    if !asOf.isEmpty, asOfDay == nil { object["asOf"]?.error(Message(.notADateYMD, asOf)) }
    let base = object.decimal("base") ?? .zero
    if !object.has("base") { object.missing("base", Message(.hintLedgerBase)) }
    var carrySlot: Int?
    var carryLabel = ""
    var carryShare = ExactDecimal.zero
    if let carryNode = object["carryOver"], let carry = carryNode.object(Message(.whatCarryOver), keys: ["input", "share", "note"]) {
      if let inputID = carry.requiredString("input", Message(.hintCarryInput)) {
        if let input = inputs.first(where: { $0.declaration.id == inputID }),
          input.declaration.type == .number || input.declaration.type == .integer
        {
          carrySlot = input.slot
          carryLabel = input.declaration.label
        } else {
          carry["input"]?.error(
            Message(.noSuchNumberInput, inputID, Spelling.didYouMeanMessage(inputID, among: inputs.map(\.declaration.id))))
        }
      }
      if let share = carry.decimal("share") {
        if share <= .zero || share > .one { carry["share"]?.error(Message(.shareAboveZero, share)) }
        carryShare = share
      } else if !carry.has("share") {
        carry.missing("share", Message(.hintCarryShare))
      }
    }
    var categories: [CompiledLedgerCategory] = []
    for categoryNode in object.array("categories") ?? [] {
      guard let category = categoryNode.object(Message(.whatLedgerCategory), keys: ["id", "label", "max", "exampleValue", "note"]) else { continue }
      noteExample(category)
      guard let categoryID = category.requiredString("id", Message(.hintCategoryLabel)) else { continue }
      if categories.contains(where: { $0.id == categoryID }) { category["id"]?.error(Message(.categoryListedTwice, categoryID)) }
      guard let most = category.decimal("max") else {
        if !category.has("max") { category.missing("max", Message(.hintCategoryMax)) }
        continue
      }
      if most <= .zero { category["max"]?.error(Message(.maxNotAboveZero, most)) }
      categories.append(CompiledLedgerCategory(id: categoryID, label: category.string("label") ?? categoryID, max: most))
    }
    // Conditions are decided before values, components and the ledger's own total: inputs, ballots and periods only.
    let conditionScope = scope(upTo: symbols.count)
    var rules: [CompiledLedgerRule] = []
    /// Where each rule of `rules` is written, for a later rule of the same kind.
    var rulePointers: [JSONPointer] = []
    for ruleNode in object.array("rules") ?? [] {
      guard let rule = ruleNode.object(Message(.whatLedgerRule), keys: Self.ledgerRuleKeys) else { continue }
      noteExample(rule)
      guard let kind = rule.requiredString("kind", Message(.hintLedgerKind)) else { continue }
      if let earlier = rules.firstIndex(where: { $0.kind == kind && $0.when == nil }) {
        rule["kind"]?.error(
          Message(.kindAlreadyHasRule, kind, rulePointers[earlier]))
      }
      let given = ["award", "deduct", "reset"].filter { rule.has($0) }
      guard given.count == 1 else {
        ruleNode.error(
          Message(.ledgerRuleEffect))
        continue
      }
      var effect: CompiledLedgerRule.Effect
      switch given[0] {
      case "award":
        guard let awardNode = rule["award"] else { continue }
        if case .object = awardNode.value.content {
          let table = pointsTable(awardNode, deducted: false)
          effect = .award(.zero, byLevel: table.map { (level: $0.0, points: $0.1) })
        } else {
          guard let points = rule.decimal("award") else { continue }
          if points <= .zero { rule["award"]?.error(Message(.awardAboveZero)) }
          effect = .award(points, byLevel: [])
        }
      case "deduct":
        guard let deductNode = rule["deduct"] else { continue }
        if case .object = deductNode.value.content {
          let table = pointsTable(deductNode, deducted: true)
          effect = .deduct(.zero, bySeverity: table.map { (severity: $0.0, points: $0.1) })
        } else {
          guard let points = rule.decimal("deduct") else { continue }
          if points <= .zero { rule["deduct"]?.error(Message(.deductAboveZero)) }
          effect = .deduct(points, bySeverity: [])
        }
      default:
        if rule.bool("reset") != true { rule["reset"]?.error(Message(.resetIsTrue)) }
        effect = .reset
      }
      var categoryIndex: Int?
      if let categoryID = rule.string("category") {
        categoryIndex = categories.firstIndex { $0.id == categoryID }
        if categoryIndex == nil {
          rule["category"]?.error(
            Message(.noSuchCategory, categoryID, Spelling.didYouMeanMessage(categoryID, among: categories.map(\.id))))
        }
      }
      let repeatWithin = rule["repeatWithinDays"]?.integer(.quoted("repeatWithinDays"), in: 1...3660)
      let expires = rule["expiresAfterDays"]?.integer(.quoted("expiresAfterDays"), in: 1...3660)
      if !effect.isDeduction, rule.has("repeatWithinDays") {
        rule["repeatWithinDays"]?.error(Message(.repeatOnlyForDeduct))
      }
      if case .reset = effect {
        for key in ["max", "maxPerPeriod", "period", "category", "exemptFromCap", "expiresAfterDays"] where rule.has(key) {
          rule[key]?.error(Message(.resetTakesNo, key))
        }
      }
      var highestOnly = false
      if let flag = rule.bool("highestOnly") {
        if effect.isDeduction {
          rule["highestOnly"]?.error(
            Message(.highestOnlyForDeductions))
        } else if !effect.isAward {
          rule["highestOnly"]?.error(Message(.highestOnlyOnlyForAward))
        } else {
          highestOnly = flag
        }
      }
      let what = Message(.theLedgerRule, kind)
      let when = ledgerCondition(rule, "when", in: conditionScope, what: Message(.theWhenOf, what))
      var suspendedWhile: Formula?
      if rule.has("suspendedWhile") {
        if effect.isAward {
          suspendedWhile = ledgerCondition(rule, "suspendedWhile", in: conditionScope, what: Message(.theSuspendedWhileOf, what))
        } else {
          rule["suspendedWhile"]?.error(
            Message(.suspendedOnlyForAward))
        }
      }
      let most = rule.decimal("max")
      var maxPerPeriod: ExactDecimal?
      var period: LedgerPeriod?
      if !effect.isDeduction && !effect.isAward {
        // A reset: reported above.
      } else if let perNode = rule["maxPerPeriod"] {
        if let value = perNode.decimal(.quoted("maxPerPeriod")) {
          if value <= .zero {
            perNode.error(Message(.maxPerPeriodNotPositive, value))
          } else if let most, value >= most {
            perNode.error(
              Message(.maxPerPeriodNotBelowYear, value, most))
          } else {
            maxPerPeriod = value
          }
        }
        if let periodNode = rule["period"] {
          if let text = periodNode.string(.quoted("period")) {
            period = LedgerPeriod(rawValue: text)
            if period == nil {
              periodNode.error(
                Message(.unknownLedgerPeriod, text, Spelling.didYouMeanMessage(text, among: LedgerPeriod.allCases.map(\.rawValue))))
            }
          }
        } else {
          rule.missing("period", Message(.hintLedgerPeriod))
        }
        if period == nil { maxPerPeriod = nil }
      } else if rule.has("period") {
        rule["period"]?.error(
          Message(.periodWithoutMaxPerPeriod))
      }
      let exempt = rule.bool("exemptFromCap") ?? false
      if exempt, categoryIndex == nil { rule["exemptFromCap"]?.error(Message(.exemptWithoutCategory)) }
      rules.append(
        CompiledLedgerRule(
          kind: kind, label: rule.string("label") ?? kind, effect: effect, category: categoryIndex, max: most,
          exemptFromCap: exempt, repeatWithinDays: repeatWithin, expiresAfterDays: expires, when: when,
          suspendedWhile: suspendedWhile, highestOnly: highestOnly, maxPerPeriod: maxPerPeriod, period: period))
      rulePointers.append(rule.pointer)
    }
    if !object.has("rules") { object.missing("rules", Message(.hintLedgerRules)) }
    // The total is not clamped: a formula that scores it must bound it, e.g. CLAMP(积分, 0, 100).
    let wide = ExactDecimal(1_000_000)
    let slot = declare(id, label: label, type: .number, range: (wide.negated(), wide), at: object["id"] ?? node)
    var compiled = CompiledLedger(
      id: id, label: label, slot: slot, asOf: asOf, asOfDay: asOfDay ?? 0, base: base, carrySlot: carrySlot,
      carryLabel: carryLabel, carryShare: carryShare, categories: categories, rules: rules)
    compiled.checks = readLedgerChecks(object, asOf: asOf, known: asOfDay != nil)
    ledger = compiled
  }

  /// Reads the ledger's `checks`: the running balance taken at each month, quarter or half-year end of the ledger's
  /// year and compared with a threshold; each check's id is how many of those ends fall below it.
  mutating func readLedgerChecks(_ object: ObjectNode, asOf: String, known: Bool) -> [CompiledLedgerCheck] {
    var checks: [CompiledLedgerCheck] = []
    for checkNode in object.array("checks") ?? [] {
      guard let check = checkNode.object(Message(.whatLedgerCheck), keys: Self.ledgerCheckKeys) else { continue }
      noteExample(check)
      guard let checkID = check.requiredString("id", Message(.hintLedgerCheckID)) else { continue }
      let checkLabel = check.string("label") ?? checkID
      var at: LedgerCheckpoints?
      if let atNode = check["checkAt"] {
        if let text = atNode.string(.quoted("checkAt")) {
          at = LedgerCheckpoints(rawValue: text)
          if at == nil {
            atNode.error(
              Message(.unknownCheckAt, text, Spelling.didYouMeanMessage(text, among: LedgerCheckpoints.allCases.map(\.rawValue))))
          }
        }
      } else {
        check.missing("checkAt", Message(.hintCheckAt))
      }
      let below = check.decimal("below")
      if below == nil, !check.has("below") {
        check.missing("below", Message(.hintLedgerCheckBelow))
      }
      var days: [Int] = []
      var dates: [String] = []
      if let at, known, let month = LedgerEvent.monthNumber(asOf) {
        let end = LedgerEvent.lastDay(ofMonth: month)
        if end.text != asOf || (month % 12 + 1) % at.months != 0 {
          check["checkAt"]?.error(
            at.checkAtMismatch, at.rawValue, asOf, LedgerEvent.lastDay(ofMonth: month + (at.months - 1 - month % 12 % at.months)).text)
        } else {
          for step in stride(from: 12 / at.months - 1, through: 0, by: -1) {
            let point = LedgerEvent.lastDay(ofMonth: month - step * at.months)
            days.append(point.day)
            dates.append(point.text)
          }
        }
      }
      let count = ExactDecimal(12 / (at?.months ?? 1))
      let slot = declare(checkID, label: checkLabel, type: .number, range: (.zero, count), places: 0, at: check["id"] ?? check.node)
      guard let at, let below, !days.isEmpty else {
        sink.markUnknown(.name(checkID))
        continue
      }
      checks.append(CompiledLedgerCheck(id: checkID, label: checkLabel, slot: slot, at: at, days: days, dates: dates, below: below))
    }
    return checks
  }
}
