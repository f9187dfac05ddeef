/// What a pack's test cases exercise: every check across inputs, component for a class of subject, rule, veto, grade
/// band, star level, star item, consequence, cohort label and quota with whether some case saw it fire, and every
/// condition with whether some case saw it true and some case saw it false. Made by ``RulePack/coverage(of:)`` or
/// ``RulePack/runTestsWithCoverage()``; `pbk test --coverage` prints it.
///
/// What "fired" means for each kind:
///
/// | kind | fired when a case… |
/// | --- | --- |
/// | check | was rejected by it (its `rejectWhen` held) |
/// | class component | had it scored (its `appliesTo` held, and no not-applicable input it uses was missing) |
/// | rule | added or deducted points with it; a `zero` rule: it set its section to 0 (from above 0) |
/// | veto | had its condition hold |
/// | grade band | ended with that grade (after vetoes and quotas) |
/// | star level | ended with that many stars (after vetoes, a missing required star and quotas) |
/// | star item | earned it |
/// | consequence | had it follow |
/// | cohort label | was given it (by rank or by its `alsoWhen`) |
/// | quota | `atMost`: moved a subject down; `guide`: counted more or fewer holders than the guide |
///
/// A condition is covered when it was checked and held in one case and checked and failed in another (or in another
/// subject of a cohort case). A condition the kernel never needs is never checked: a check's `rejectWhen` only when
/// no check before it rejected the subject, a band's `when` only for a total in the band, a consequence's `when` only
/// when no grade, veto or void trigger already made it follow.
///
/// A subject that is rejected (a case expecting an error) counts only for the checks it ran, since they run before
/// anything is scored. A component without `appliesTo` is not an item (it is scored for every subject it applies
/// to), nor are numeric outcomes (`outcomes`): they are computed for every scored subject and have nothing that can
/// fail to fire.
public struct PackCoverage: Sendable, Hashable {
  /// The kinds of scored parts, in the order they are reported: the order in which scoring meets them (the checks
  /// before anything is scored, a component's class before its rules, then vetoes, grade, stars, consequences and
  /// the cohort stage).
  public enum Kind: String, Sendable, Hashable, CaseIterable {
    /// A check across inputs (数据核对, `checks`): fired when it rejected a case.
    case check
    /// A component for a class of subject (适用对象, a component with `appliesTo`): fired when a case scored it.
    case component
    /// A rule of a section (`rules`): fired when it added or deducted points (a `zero` rule: set its section to 0).
    case rule
    /// A one-vote veto (一票否决, `vetoes`): fired when its condition held.
    case veto
    /// A grade band (等次, `grades`): fired when a case ended with that grade.
    case band
    /// A star level (星级): fired when a case ended with that many stars.
    case starLevel
    /// A star item: fired when a case earned it.
    case starItem
    /// A consequence (`consequences`): fired when it followed.
    case consequence
    /// A label of the cohort stage: fired when a subject was given it.
    case cohortLabel
    /// A quota of the cohort stage: fired when it moved a subject (a cap) or the count differed from the guide.
    case quota

    /// The kind in a count, e.g. "rules 12/12".
    public var plural: String { pluralMessage.description }

    /// The kind in a count, in the language it is printed in.
    var pluralMessage: Message {
      switch self {
      case .check: Message(.coverageChecks)
      case .component: Message(.coverageClassComponents)
      case .rule: Message(.coverageRules)
      case .veto: Message(.coverageVetoes)
      case .band: Message(.coverageBands)
      case .starLevel: Message(.coverageStarLevels)
      case .starItem: Message(.coverageStarItems)
      case .consequence: Message(.coverageConsequences)
      case .cohortLabel: Message(.coverageCohortLabels)
      case .quota: Message(.coverageQuotas)
      }
    }
  }

  /// One scored part of the pack.
  public struct Item: Sendable, Hashable {
    /// What kind of part it is.
    public var kind: Kind
    /// The name tests and results use: the id of a check, component, rule, veto, star item, consequence or cohort
    /// label; a grade's name; a star level's number of stars; a quota's position among the quotas (from 1).
    public var id: String
    /// What a person reads: the label, the grade, "5 星", "优秀 atMost 1/3".
    public var label: String
    /// Where it is written in the pack, as a JSON pointer, e.g. `/components/1/sections/0/rules/2`.
    public var pointer: JSONPointer
    /// The line and column in the pack file where its object starts.
    public var location: SourceLocation
    /// Whether some test case saw it fire (see ``PackCoverage``).
    public var fired: Bool
    /// Its condition (`when`; `earnedWhen` of a star item, `rejectWhen` of a check, `appliesTo` of a component),
    /// when it has one.
    public var condition: Condition?
    /// For a quota: whether it is a hard cap (`atMost`) rather than a guide.
    public var isCap = false
  }

  /// A condition of an item, and the truth values the test cases saw it take.
  public struct Condition: Sendable, Hashable {
    /// The key it is written under: `when`, `earnedWhen`, `rejectWhen` or `appliesTo`.
    public var key: String
    /// The formula as written.
    public var formula: String
    /// The condition's JSON pointer in the pack, e.g. `/vetoes/0/when`.
    public var pointer: JSONPointer
    /// The line and column in the pack file where the condition is written.
    public var location: SourceLocation
    /// Whether some test case checked it and it held.
    public var seenTrue: Bool
    /// Whether some test case checked it and it did not hold.
    public var seenFalse: Bool

    /// Whether it was seen both true and false.
    public var isCovered: Bool { seenTrue && seenFalse }
  }

  /// How many of some parts are covered.
  public struct Tally: Sendable, Hashable {
    /// How many are covered (items fired, conditions seen both ways).
    public var covered: Int
    /// How many there are.
    public var total: Int

    /// `covered` of `total`.
    public init(covered: Int, total: Int) {
      self.covered = covered
      self.total = total
    }

    /// The share covered, in percent, rounded **down** to one decimal place (so 100.0 means all of them); 100.0 when
    /// there is nothing to cover.
    public var percentage: ExactDecimal {
      guard total > 0 else { return ExactDecimal(100) }
      return (try? ExactDecimal(covered * 100).dividing(by: ExactDecimal(total), places: 1, rule: .down)) ?? .zero
    }

    /// ``percentage`` as people read it, always with one decimal place: "97.1%", "100.0%".
    public var formattedPercentage: String { percentage.formatted(places: 1) + "%" }

    /// Whether the share covered is at least `minimum` percent, compared exactly (99.96% is below 100).
    public func meets(_ minimum: ExactDecimal) -> Bool {
      guard total > 0 else { return true }
      guard let needed = try? minimum.multiplying(by: ExactDecimal(total)) else { return false }
      return ExactDecimal(covered * 100) >= needed
    }
  }

  /// A part or a condition that no test case covered, with where it is written and what is missing.
  public struct Gap: Sendable, Hashable {
    /// Where the part or condition is written in the pack, as a JSON pointer.
    public var pointer: JSONPointer
    /// The line and column in the pack file where it is written.
    public var location: SourceLocation
    /// What no case saw, e.g. "rule '村(社区)阵地建设任务未按时完成' never fired" or "condition of veto 'perfFail'
    /// (党建绩效查核不过关) never seen false".
    public var message: String { detail.description }
    /// What no case saw, in the language it is printed in.
    public var detail: Message

    /// A gap at `pointer` and `location` saying `detail`.
    init(pointer: JSONPointer, location: SourceLocation, detail: Message) {
      self.pointer = pointer
      self.location = location
      self.detail = detail
    }

    /// A gap worded in English only (tests write the expected gaps this way).
    init(pointer: JSONPointer, location: SourceLocation, message: String) {
      self.init(pointer: pointer, location: location, detail: .untranslated(message))  // English-only entry point
    }

    /// Gaps are equal when they are at one place and say the same in English.
    public static func == (a: Gap, b: Gap) -> Bool {
      a.pointer == b.pointer && a.location == b.location && a.message == b.message
    }

    /// Hashes what `==` compares: the place and the English message.
    public func hash(into hasher: inout Hasher) {
      hasher.combine(pointer)
      hasher.combine(location)
      hasher.combine(message)
    }
  }

  /// Every scored part, kinds in ``Kind`` order, each kind in the compiled pack's order (rules across all sections
  /// in turn, bands and star levels best first).
  public var items: [Item]

  /// How many items of `kind` fired.
  public func tally(_ kind: Kind) -> Tally {
    let some = items.filter { $0.kind == kind }
    return Tally(covered: some.count { $0.fired }, total: some.count)
  }

  /// How many conditions were seen both true and false.
  public var conditions: Tally {
    let all = items.compactMap(\.condition)
    return Tally(covered: all.count { $0.isCovered }, total: all.count)
  }

  /// Items fired and conditions seen both ways, out of all items and conditions.
  public var overall: Tally {
    let conditions = self.conditions
    return Tally(
      covered: items.count { $0.fired } + conditions.covered, total: items.count + conditions.total)
  }

  /// What no case covered, in the order it is written in the file (an item before its condition).
  public var gaps: [Gap] {
    var gaps: [Gap] = []
    for item in items {
      if !item.fired {
        gaps.append(Gap(pointer: item.pointer, location: item.location, detail: Message(.coverageItemGap, item.name, item.missing)))
      }
      if let condition = item.condition, !condition.isCovered {
        let seen = Message(
          condition.seenTrue ? .coverageNeverFalse : condition.seenFalse ? .coverageNeverTrue : .coverageNeverChecked)
        let what = condition.key == "when" ? Message(.coverageCondition) : Message(.coverageConditionKey, condition.key)
        gaps.append(
          Gap(
            pointer: condition.pointer, location: condition.location,
            detail: Message(.coverageConditionGap, what, item.name, seen)))
      }
    }
    // A condition is written inside its item, after the item starts; equal places keep the order above.
    return gaps.enumerated().sorted { ($0.element.location, $0.offset) < ($1.element.location, $1.offset) }.map(\.element)
  }

  /// One line: each kind the pack has with its count, the conditions, and the overall percentage, e.g.
  /// "rules 12/12, vetoes 3/3, bands 4/4, consequences 3/3, conditions 9/10 both ways — 96.8%".
  public var summary: String { summary(in: .english) }

  /// The ``summary`` in `language`.
  public func summary(in language: Language) -> String {
    var parts: [String] = []
    for kind in Kind.allCases {
      let tally = self.tally(kind)
      if tally.total > 0 {
        parts.append(Message(.coverageCount, kind.pluralMessage, tally.covered, tally.total).text(in: language))
      }
    }
    let conditions = self.conditions
    if conditions.total > 0 {
      parts.append(Message(.coverageConditions, conditions.covered, conditions.total).text(in: language))
    }
    if parts.isEmpty { parts.append(Message(.coverageNothing).text(in: language)) }
    return Message(.coverageSummary, MessageArgument.list(parts), overall.formattedPercentage).text(in: language)
  }
}

extension PackCoverage.Item {
  /// The item as a message names it, e.g. "veto 'perfFail' (党建绩效查核不过关)".
  var name: Message {
    func named(_ what: MessageKey) -> Message {
      id == label || label.isEmpty ? Message(.coverageNamed, Message(what), id) : Message(.coverageNamedLabel, Message(what), id, label)
    }
    switch kind {
    case .check: return named(.coverageCheck)
    case .component: return named(.nounComponent)
    case .rule: return Message(.placeRule, label)
    case .veto: return named(.nounVeto)
    case .band: return Message(.placeBand, label)
    case .starLevel: return Message(.coverageStarLevel, label)
    case .starItem: return named(.nounStarItem)
    case .consequence: return named(.nounConsequence)
    case .cohortLabel: return named(.nounCohortLabel)
    case .quota: return Message(.coverageQuota, label)
    }
  }

  /// What no case saw it do.
  var missing: Message {
    switch kind {
    case .check: Message(.coverageNeverRejected)
    // Its class held in some case, yet an input it uses was missing there: left out, not for its class.
    case .component: Message(condition?.seenTrue == true ? .coverageNeverScored : .coverageNeverScoredOutsideClass)
    case .rule, .veto: Message(.coverageNeverFired)
    case .band, .starLevel, .cohortLabel: Message(.coverageNeverGiven)
    case .starItem: Message(.coverageNeverEarned)
    case .consequence: Message(.coverageNeverFollowed)
    case .quota: Message(isCap ? .coverageNeverMoved : .coverageNeverDiffered)
    }
  }
}
