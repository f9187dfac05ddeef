/// A rule pack as it is written: every part of format version 1 as plain values, readable from Swift.
///
/// ``RulePack/model`` is the model of a loaded pack, with where each part is written
/// (``location(of:)``): a host can show a pack's 评分细则 — sections, rules, vetoes, bands, star items, quotas —
/// or build an input form from its inputs without reading JSON. A model built or changed in Swift is compiled by
/// ``RulePack/compile(_:name:functions:)``, through the same checks as a pack file, so it is scored the same way.
///
/// The model's coding *is* the pack format: each property is coded under the JSON key a pack file uses, so
/// encoding a model with ``ExactJSONEncoder`` writes a pack file, and ``init(json:)`` reads one. Numbers are exact
/// (``ExactDecimal``); formulas and conditions are their text, as written. A pack's `note`s are not kept.
public struct PackModel: Sendable, Hashable, Codable {
  /// Where editors find the JSON Schema (`"$schema"`); the tools do not read it.
  public var schema: String?
  /// The version of the format; 1.
  public var formatVersion: Int = 1
  /// The pack's short name, e.g. `dazhou-secretary`: lowercase letters, digits, `-`, `_`, `.`.
  public var id: String = ""
  /// The pack's own version, e.g. `1.0.0`.
  public var version: String = ""
  /// The title a person reads, e.g. 达州市基层党建质效考评.
  public var title: String = ""
  /// A paragraph on what the pack covers.
  public var description: String?
  /// The document the pack encodes.
  public var source = Source()
  /// The days the pack applies to.
  public var effective: Effective?
  /// Who is assessed, e.g. `["书记"]`.
  public var subjectKinds: [String]?
  /// Decimal places of the total (0–6; 2 when not given).
  public var precision: Int?
  /// Decimal places component and section scores are shown with (0–12; precision + 2 when not given).
  public var displayPlaces: Int?
  /// How the total is rounded (``RoundingRule/halfUp``, 四舍五入, when not given).
  public var rounding: RoundingRule?
  /// The highest total without bonuses (满分).
  public var fullMarks: ExactDecimal = .zero
  /// Why the components' weights do not add up to 1, when the scheme means it.
  public var weightsNote: String?
  /// The host functions the pack calls.
  public var requires: Requires?
  /// The facts read for each subject.
  public var inputs: [Input] = []
  /// Values computed from the inputs, used by later formulas.
  public var values: [Value]?
  /// The weighted components of the total.
  public var components: [Component] = []
  /// The conditions that override the score (一票否决).
  public var vetoes: [Veto]?
  /// The grade bands (等次).
  public var grades: Grades?
  /// Star items and levels (星级).
  public var stars: Stars?
  /// What follows from a grade, a veto, a void vote or a condition.
  public var consequences: [Consequence]?
  /// Ranking, labels and quotas over a cohort of subjects.
  public var cohort: Cohort?
  /// Ballots (民主测评) read as counts per choice.
  public var ballots: Ballots?
  /// Values given per period (quarter, month) and their aggregates.
  public var periods: [Period]?
  /// A points ledger (积分台账) read from dated events.
  public var ledger: Ledger?
  /// Last period's results of each subject, read as inputs (上年结果).
  public var previous: Previous?
  /// The embedded test cases.
  public var tests: [TestCase]?

  /// The parsed file the model was read from (for ``location(of:)``); not part of the model's value.
  private var tree = TreeBox()

  enum CodingKeys: String, CodingKey {
    case schema = "$schema"
    case formatVersion, id, version, title, description, source, effective, subjectKinds, precision, displayPlaces,
      rounding, fullMarks, weightsNote, requires, inputs, values, components, vetoes, grades, stars, consequences,
      cohort, ballots, periods, ledger, previous, tests
  }

  /// An empty model, to fill in Swift.
  public init() {}

  /// Where the part at `pointer` is written in the file the model was read from (e.g. `/components/0/sections/1`);
  /// nil for a model built in Swift or a pointer that leads nowhere.
  public func location(of pointer: JSONPointer) -> SourceLocation? {
    tree.tree?.value.value(at: pointer)?.location
  }

  /// Reads a model from a parsed pack file, keeping where each part is. The pack has been checked by the loader.
  static func read(from value: JSONValue) throws -> PackModel {
    var model = try JSONValueDecoder.decode(PackModel.self, from: value)
    model.tree = TreeBox(tree: JSONTree(value: value))
    return model
  }
}

/// A parsed pack file kept beside its model (a reference: copying a model does not copy the tree).
final class JSONTree: Sendable {
  let value: JSONValue
  init(value: JSONValue) { self.value = value }
}

/// Where a model was read from, beside its value: two models are equal whatever files they were read from.
struct TreeBox: Sendable, Hashable {
  var tree: JSONTree?
  static func == (a: TreeBox, b: TreeBox) -> Bool { true }
  func hash(into hasher: inout Hasher) {}
}

extension PackModel {
  /// The document a pack encodes.
  public struct Source: Sendable, Hashable, Codable {
    /// Its title, e.g. 《达州市基层党建质效考评暂行办法》.
    public var document: String = ""
    /// Who issued it.
    public var issuer: String?
    /// The passage the pack follows, quoted.
    public var excerpt: String?
    /// Where it can be read.
    public var url: String?

    /// A source naming `document`.
    public init(document: String = "", issuer: String? = nil, excerpt: String? = nil, url: String? = nil) {
      self.document = document
      self.issuer = issuer
      self.excerpt = excerpt
      self.url = url
    }
  }

  /// The days a pack applies to, as written (`YYYY-MM-DD`).
  public struct Effective: Sendable, Hashable, Codable {
    /// The first day.
    public var from: String
    /// The last day, when the pack ends.
    public var until: String?

    /// Dates from `from` until `until`.
    public init(from: String, until: String? = nil) {
      self.from = from
      self.until = until
    }
  }

  /// The host functions a pack calls (`"requires"`).
  public struct Requires: Sendable, Hashable, Codable {
    /// Each function with its signature and the range of its result.
    public var functions: [HostFunctionSpec]

    /// Requires `functions`.
    public init(functions: [HostFunctionSpec]) { self.functions = functions }
  }

  /// A host function as a pack declares it (see ``HostFunction``).
  public struct HostFunctionSpec: Sendable, Hashable, Codable {
    /// The name formulas call it by.
    public var name: String
    /// What it means, for people.
    public var label: String?
    /// The types of its arguments: `number` or `boolean`.
    public var arguments: [FormulaType]
    /// What it gives.
    public var result: Result

    /// What a host function gives: a number in a range, or true/false.
    public struct Result: Sendable, Hashable, Codable {
      /// `number` or `boolean`.
      public var type: FormulaType
      /// The least and greatest number it gives (both or neither).
      public var min: ExactDecimal?
      public var max: ExactDecimal?
      /// The most decimal places of a number it gives.
      public var places: Int?

      /// A result of `type`, in `min`…`max`.
      public init(type: FormulaType, min: ExactDecimal? = nil, max: ExactDecimal? = nil, places: Int? = nil) {
        self.type = type
        self.min = min
        self.max = max
        self.places = places
      }

      private enum CodingKeys: String, CodingKey { case type, min, max, places }

      /// Reads `"number"`, `"boolean"` or `{"type": …, "min": …, "max": …, "places": …}`.
      public init(from decoder: any Decoder) throws {
        if let text = try? decoder.singleValueContainer().decode(String.self),
          let type = FormulaType(rawValue: text)
        {
          self.init(type: type)
          return
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
          type: try container.decodeIfPresent(FormulaType.self, forKey: .type) ?? .number,
          min: try container.decodeIfPresent(ExactDecimal.self, forKey: .min),
          max: try container.decodeIfPresent(ExactDecimal.self, forKey: .max),
          places: try container.decodeIfPresent(Int.self, forKey: .places))
      }
    }

    /// A declaration of `name`.
    public init(name: String, label: String? = nil, arguments: [FormulaType], result: Result) {
      self.name = name
      self.label = label
      self.arguments = arguments
      self.result = result
    }
  }

  /// A fact read for each subject.
  public struct Input: Sendable, Hashable, Codable {
    /// The name formulas use, e.g. `daily` or `日常考核`.
    public var id: String
    /// What a person reads.
    public var label: String?
    /// `number`, `integer`, `boolean` or `choice`.
    public var type: InputDeclaration.ValueType
    /// Its unit, e.g. 次 or 分.
    public var unit: String?
    /// The least and greatest allowed values of a number.
    public var min: ExactDecimal?
    public var max: ExactDecimal?
    /// The most decimal places a number may have.
    public var places: Int?
    /// The allowed texts of a choice.
    public var choices: [String]?
    /// Whether it must be given.
    public var required: Bool?
    /// The value used when it is not given.
    public var `default`: PackValue?
    /// `notApplicable`: when not given, what uses it is left out and the weights re-normalised.
    public var whenMissing: String?
    /// The smallest change that matters, for what it takes.
    public var step: ExactDecimal?
    /// Marks a number the source document does not give.
    public var exampleValue: String?

    /// An input `id` of `type`.
    public init(id: String, label: String? = nil, type: InputDeclaration.ValueType) {
      self.id = id
      self.label = label
      self.type = type
    }
  }

  /// A value computed from the inputs and earlier values.
  public struct Value: Sendable, Hashable, Codable {
    /// The name later formulas use.
    public var id: String
    public var label: String?
    /// How it is computed, e.g. `likes / voters * 100`.
    public var formula: String
    public var exampleValue: String?

    /// A value `id` computed by `formula`.
    public init(id: String, label: String? = nil, formula: String) {
      self.id = id
      self.label = label
      self.formula = formula
    }
  }

  /// A weighted component of the total (日常考核 30%).
  public struct Component: Sendable, Hashable, Codable {
    public var id: String
    public var label: String?
    /// Its share of the total, 0 < weight ≤ 1.
    public var weight: ExactDecimal?
    /// Its full marks.
    public var fullMarks: ExactDecimal?
    /// Decimal places its score is rounded to.
    public var precision: Int?
    /// A formula for its score (instead of sections).
    public var score: String?
    /// Its sections of rules (instead of a score formula).
    public var sections: [Section]?
    public var exampleValue: String?

    /// A component `id` with `weight`.
    public init(id: String, label: String? = nil, weight: ExactDecimal? = nil) {
      self.id = id
      self.label = label
      self.weight = weight
    }
  }

  /// A section of a component: a score formula, or rules that add and deduct points.
  public struct Section: Sendable, Hashable, Codable {
    /// How a section of rules starts.
    public enum StartsAt: String, Sendable, Hashable, Codable {
      /// At its full marks, deducting (扣分制).
      case full
      /// At 0, awarding (加分制).
      case zero
    }

    public var id: String
    public var label: String?
    public var fullMarks: ExactDecimal?
    public var startsAt: StartsAt?
    /// The lowest score deductions can take it to (0 when not given).
    public var floor: ExactDecimal?
    /// Whether it is a bonus section, added above the component's full marks up to its cap.
    public var bonus: Bool?
    /// A bonus section's cap.
    public var cap: ExactDecimal?
    public var score: String?
    public var rules: [Rule]?
    public var exampleValue: String?

    /// A section `id`.
    public init(id: String, label: String? = nil, fullMarks: ExactDecimal? = nil, startsAt: StartsAt? = nil) {
      self.id = id
      self.label = label
      self.fullMarks = fullMarks
      self.startsAt = startsAt
    }
  }

  /// A rule that adds or deducts points in a section.
  public struct Rule: Sendable, Hashable, Codable {
    /// What a rule does.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
      /// Adds `points` once when `when` holds.
      case award
      /// Deducts `points` once when `when` holds.
      case deduct
      /// Adds `points` for each of `count`.
      case awardEach
      /// Deducts `points` for each of `count`.
      case deductEach
      /// Sets the section to 0 when `when` holds.
      case zero
    }

    public var id: String?
    /// What a person reads in the trace.
    public var label: String
    public var kind: Kind
    /// The condition under which it applies.
    public var when: String?
    /// The points (a formula).
    public var points: String?
    /// How many times (a formula), for the *Each kinds.
    public var count: String?
    /// The most it adds or deducts.
    public var max: ExactDecimal?
    public var exampleValue: String?

    /// A rule of `kind`.
    public init(
      id: String? = nil, label: String, kind: Kind, when: String? = nil, points: String? = nil,
      count: String? = nil, max: ExactDecimal? = nil
    ) {
      self.id = id
      self.label = label
      self.kind = kind
      self.when = when
      self.points = points
      self.count = count
      self.max = max
    }
  }

  /// A veto (一票否决) and its effect.
  public struct Veto: Sendable, Hashable, Codable {
    /// What a veto does.
    public enum Effect: String, Sendable, Hashable, Codable, CaseIterable {
      case zeroTotal, noGrade, capGrade, setGrade, setStars
    }

    /// What happens to the total when a veto moves the grade.
    public enum Score: String, Sendable, Hashable, Codable, CaseIterable {
      case keep, floorOfGrade, capAtGradeTop
    }

    public var id: String
    public var label: String?
    public var when: String
    public var effect: Effect
    /// The grade of `capGrade` and `setGrade`.
    public var grade: String?
    /// The star level of `setStars`.
    public var stars: Int?
    public var score: Score?
    /// The most stars a subject with this veto keeps.
    public var capStars: Int?
    public var exampleValue: String?

    /// A veto `id` with `effect` when `when` holds.
    public init(id: String, label: String? = nil, when: String, effect: Effect, grade: String? = nil) {
      self.id = id
      self.label = label
      self.when = when
      self.effect = effect
      self.grade = grade
    }
  }

  /// The grade bands, best first.
  public struct Grades: Sendable, Hashable, Codable {
    public var bands: [GradeBand]

    /// Bands, best first.
    public init(bands: [GradeBand]) { self.bands = bands }
  }

  /// A grade and the totals it covers: `min` ≤ total < `below` (or ≤ `max` for the top band).
  public struct GradeBand: Sendable, Hashable, Codable {
    public var grade: String
    public var min: ExactDecimal
    public var below: ExactDecimal?
    public var max: ExactDecimal?
    /// An extra condition; when it fails, the grade falls to the next band.
    public var when: String?
    public var exampleValue: String?

    /// A band `grade` from `min`.
    public init(grade: String, min: ExactDecimal, below: ExactDecimal? = nil, max: ExactDecimal? = nil) {
      self.grade = grade
      self.min = min
      self.below = below
      self.max = max
    }
  }

  /// Star items and the levels they earn.
  public struct Stars: Sendable, Hashable, Codable {
    public var items: [StarItem]
    /// Levels, best first.
    public var levels: [StarLevel]

    /// Items and levels.
    public init(items: [StarItem], levels: [StarLevel]) {
      self.items = items
      self.levels = levels
    }
  }

  /// A star item (e.g. 组织建设星) and when it is earned.
  public struct StarItem: Sendable, Hashable, Codable {
    public var id: String
    public var label: String?
    /// `common` (the "10") or `local` (the "X").
    public var scope: String?
    public var earnedWhen: String
    /// The most stars a subject keeps when it does not earn this item.
    public var capIfMissing: Int?
    public var exampleValue: String?

    /// An item `id` earned when `earnedWhen` holds.
    public init(id: String, label: String? = nil, earnedWhen: String) {
      self.id = id
      self.label = label
      self.earnedWhen = earnedWhen
    }
  }

  /// A star level: how many items it needs, and an extra condition.
  public struct StarLevel: Sendable, Hashable, Codable {
    public var stars: Int
    public var minItems: Int?
    public var when: String?
    public var exampleValue: String?

    /// A level of `stars` stars for `minItems` items.
    public init(stars: Int, minItems: Int? = nil, when: String? = nil) {
      self.stars = stars
      self.minItems = minItems
      self.when = when
    }
  }

  /// A consequence (诫勉谈话, 不得评优) and what it follows from.
  public struct Consequence: Sendable, Hashable, Codable {
    public var id: String
    public var label: String
    public var onGrades: [String]?
    public var onNoGrade: Bool?
    public var onVetoes: [String]?
    public var onVoid: Bool?
    public var when: String?
    public var exampleValue: String?

    /// A consequence `id`.
    public init(id: String, label: String, onGrades: [String]? = nil, onVetoes: [String]? = nil, when: String? = nil) {
      self.id = id
      self.label = label
      self.onGrades = onGrades
      self.onVetoes = onVetoes
      self.when = when
    }
  }

  /// Ranking, labels and quotas over the subjects scored together.
  public struct Cohort: Sendable, Hashable, Codable {
    public var label: String?
    /// `parent` (上级) or `kind` (类型), or an attribute column: rank within each group.
    public var groupBy: String?
    /// What subjects are ranked by (the total when not given).
    public var rankBy: String?
    public var tieBreakers: [TieBreaker]?
    /// Subjects left out of the ranking.
    public var exclude: String?
    public var labels: [CohortLabel]?
    public var quotas: [Quota]?

    /// A cohort stage.
    public init(groupBy: String? = nil, rankBy: String? = nil) {
      self.groupBy = groupBy
      self.rankBy = rankBy
    }
  }

  /// A tie breaker of a ranking.
  public struct TieBreaker: Sendable, Hashable, Codable {
    public var by: String
    /// `higherFirst` or `lowerFirst`.
    public var order: String?
    public var label: String?

    /// Breaks ties by `by`.
    public init(by: String, order: String? = nil) {
      self.by = by
      self.order = order
    }
  }

  /// A label for a share of the ranking (末位 5% as 后进).
  public struct CohortLabel: Sendable, Hashable, Codable {
    public var id: String
    public var label: String?
    /// The bottom share (`"5%"`, `"1/3"`), as written.
    public var bottom: String?
    /// The top share, as written.
    public var top: String?
    /// `up`, `down` or `nearest`: how the head count is rounded.
    public var rounding: String
    /// `all` or `none`: whether those tied at the edge are included.
    public var ties: String?
    /// A condition that also gives the label.
    public var alsoWhen: String?
    public var exampleValue: String?

    /// A label `id`.
    public init(id: String, label: String? = nil, bottom: String? = nil, top: String? = nil, rounding: String) {
      self.id = id
      self.label = label
      self.bottom = bottom
      self.top = top
      self.rounding = rounding
    }
  }

  /// A quota on a grade or a star level (优秀不超过 20%).
  public struct Quota: Sendable, Hashable, Codable {
    public var grade: String?
    public var stars: Int?
    /// The most share that may have it, as written.
    public var atMost: String?
    /// A share to compare with, reported and not enforced, as written.
    public var guide: String?
    public var rounding: String
    public var ties: String?
    public var exampleValue: String?

    /// A quota.
    public init(grade: String? = nil, stars: Int? = nil, atMost: String? = nil, rounding: String) {
      self.grade = grade
      self.stars = stars
      self.atMost = atMost
      self.rounding = rounding
    }
  }

  /// Ballots (民主测评): counts per choice and how they score.
  public struct Ballots: Sendable, Hashable, Codable {
    public var label: String?
    public var scales: [BallotScale]?
    public var validity: BallotValidity?
    public var items: [BallotItem]

    /// Ballot items.
    public init(items: [BallotItem]) { self.items = items }
  }

  /// The choices of a ballot and their points.
  public struct BallotScale: Sendable, Hashable, Codable {
    public var id: String
    public var choices: [String]
    /// Points per choice.
    public var points: PackEntries<ExactDecimal>?
    /// Choices not counted (不了解).
    public var abstain: [String]?
    public var exampleValue: String?

    /// A scale `id`.
    public init(id: String, choices: [String], points: PackEntries<ExactDecimal>? = nil) {
      self.id = id
      self.choices = choices
      self.points = points
    }
  }

  /// When a vote counts: the head counts it reads and the quorum.
  public struct BallotValidity: Sendable, Hashable, Codable {
    /// The inputs holding the head counts.
    public var due: String?
    public var attended: String?
    public var issued: String?
    public var returned: String?
    public var quorum: Quorum?

    /// Validity from head counts.
    public init(due: String? = nil, attended: String? = nil, issued: String? = nil, returned: String? = nil) {
      self.due = due
      self.attended = attended
      self.issued = issued
      self.returned = returned
    }
  }

  /// A quorum: more than, or at least, a share, as written.
  public struct Quorum: Sendable, Hashable, Codable {
    public var moreThan: String?
    public var atLeast: String?

    /// A quorum.
    public init(moreThan: String? = nil, atLeast: String? = nil) {
      self.moreThan = moreThan
      self.atLeast = atLeast
    }
  }

  /// A ballot item and how it scores: an average of points, a share of a choice, or points per voter.
  public struct BallotItem: Sendable, Hashable, Codable {
    public var id: String
    public var label: String?
    public var scale: String?
    /// `average`, `share` or `perVoter`.
    public var score: String
    public var choice: String?
    public var count: String?
    public var raters: [RaterGroup]?
    /// How many highest and lowest ballots an average drops.
    public var trim: Int?
    /// The score when no ballot is counted.
    public var whenNoneCounted: ExactDecimal?
    public var exampleValue: String?

    /// An item `id` scored by `score`.
    public init(id: String, label: String? = nil, scale: String? = nil, score: String) {
      self.id = id
      self.label = label
      self.scale = scale
      self.score = score
    }
  }

  /// A group of raters with its weight (领导 70%, 群众 30%).
  public struct RaterGroup: Sendable, Hashable, Codable {
    public var id: String
    public var label: String?
    public var weight: ExactDecimal

    /// A group `id` with `weight`.
    public init(id: String, label: String? = nil, weight: ExactDecimal) {
      self.id = id
      self.label = label
      self.weight = weight
    }
  }

  /// A value given per period and its aggregate.
  public struct Period: Sendable, Hashable, Codable {
    public var id: String
    public var label: String?
    /// The periods, e.g. `["Q1", "Q2", "Q3", "Q4"]`.
    public var parts: [String]
    /// `number` or `integer`.
    public var type: InputDeclaration.ValueType?
    public var unit: String?
    public var min: ExactDecimal
    public var max: ExactDecimal
    /// `average`, `sum`, `minimum`, `maximum` or `latest`.
    public var aggregate: String
    /// `error`, `skip`, `zero` or `carryLast`.
    public var whenMissing: String
    public var precision: Int?
    public var checks: [PeriodCheck]?
    public var exampleValue: String?

    /// A period value `id` over `parts`.
    public init(
      id: String, label: String? = nil, parts: [String], min: ExactDecimal, max: ExactDecimal, aggregate: String,
      whenMissing: String
    ) {
      self.id = id
      self.label = label
      self.parts = parts
      self.min = min
      self.max = max
      self.aggregate = aggregate
      self.whenMissing = whenMissing
    }
  }

  /// A count of the periods whose value is below a threshold.
  public struct PeriodCheck: Sendable, Hashable, Codable {
    public var id: String
    public var label: String?
    public var below: ExactDecimal
    public var exampleValue: String?

    /// A check `id`.
    public init(id: String, label: String? = nil, below: ExactDecimal) {
      self.id = id
      self.label = label
      self.below = below
    }
  }

  /// A points ledger (积分台账): a base, carried-over points and dated events.
  public struct Ledger: Sendable, Hashable, Codable {
    public var id: String
    public var label: String?
    /// The day the balance is taken, `YYYY-MM-DD`.
    public var asOf: String
    public var base: ExactDecimal
    public var carryOver: CarryOver?
    public var categories: [LedgerCategory]?
    public var rules: [LedgerRule]
    public var exampleValue: String?

    /// A ledger `id`.
    public init(id: String, label: String? = nil, asOf: String, base: ExactDecimal, rules: [LedgerRule]) {
      self.id = id
      self.label = label
      self.asOf = asOf
      self.base = base
      self.rules = rules
    }
  }

  /// Points carried over from last year: the input holding them and the share kept.
  public struct CarryOver: Sendable, Hashable, Codable {
    public var input: String
    public var share: ExactDecimal

    /// Carries `share` of `input` over.
    public init(input: String, share: ExactDecimal) {
      self.input = input
      self.share = share
    }
  }

  /// A category of ledger points with its cap.
  public struct LedgerCategory: Sendable, Hashable, Codable {
    public var id: String
    public var label: String?
    public var max: ExactDecimal
    public var exampleValue: String?

    /// A category `id` capped at `max`.
    public init(id: String, label: String? = nil, max: ExactDecimal) {
      self.id = id
      self.label = label
      self.max = max
    }
  }

  /// How one kind of ledger event counts.
  public struct LedgerRule: Sendable, Hashable, Codable {
    /// Points deducted: one amount, or an amount per severity.
    public enum Deduction: Sendable, Hashable, Codable {
      case amount(ExactDecimal)
      case bySeverity(PackEntries<ExactDecimal>)

      /// Reads a number, or an object of numbers by severity.
      public init(from decoder: any Decoder) throws {
        if let amount = try? decoder.singleValueContainer().decode(ExactDecimal.self) {
          self = .amount(amount)
        } else {
          self = .bySeverity(try decoder.singleValueContainer().decode(PackEntries<ExactDecimal>.self))
        }
      }

      /// Writes a number, or an object of numbers by severity.
      public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .amount(let value): try container.encode(value)
        case .bySeverity(let values): try container.encode(values)
        }
      }
    }

    /// The event kind it counts.
    public var kind: String
    public var label: String?
    public var category: String?
    public var award: ExactDecimal?
    public var deduct: Deduction?
    /// Whether the event resets the balance to the base.
    public var reset: Bool?
    public var max: ExactDecimal?
    public var exemptFromCap: Bool?
    public var repeatWithinDays: Int?
    public var expiresAfterDays: Int?
    public var exampleValue: String?

    /// A rule for events of `kind`.
    public init(kind: String, label: String? = nil, award: ExactDecimal? = nil, deduct: Deduction? = nil) {
      self.kind = kind
      self.label = label
      self.award = award
      self.deduct = deduct
    }
  }
}

/// A value as a pack writes it: a number, true/false or text (an input's default, a test case's input).
public enum PackValue: Sendable, Hashable, Codable {
  case number(ExactDecimal)
  case boolean(Bool)
  case text(String)

  /// Reads a JSON number (from a pack file), true/false or text.
  public init(from decoder: any Decoder) throws {
    if let literal = try? JSONNumberLiteral(from: decoder), let value = ExactDecimal(literal.text) {
      self = .number(value)
      return
    }
    let container = try decoder.singleValueContainer()
    if let flag = try? container.decode(Bool.self) {
      self = .boolean(flag)
    } else if let whole = try? container.decode(Int64.self), (try? container.decode(String.self)) == nil {
      self = .number(ExactDecimal(_raw: whole, 0))
    } else {
      self = .text(try container.decode(String.self))
    }
  }

  /// Writes a number (exactly, with ``ExactJSONEncoder``), true/false or text.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .number(let value): try container.encode(value)
    case .boolean(let value): try container.encode(value)
    case .text(let value): try container.encode(value)
    }
  }

  /// As an input value.
  public var inputValue: InputValue {
    switch self {
    case .number(let value): .number(value)
    case .boolean(let value): .boolean(value)
    case .text(let value): .text(value)
    }
  }
}

/// Values by name in the order a pack writes them (ballot points per choice, deductions per severity): the order is
/// kept, because messages and explanations list them as the author did.
public struct PackEntries<Value: Sendable & Hashable & Codable>: Sendable, Hashable, Codable, ExpressibleByDictionaryLiteral,
  RandomAccessCollection
{
  public typealias Key = String
  /// One name and its value.
  public struct Entry: Sendable, Hashable {
    public var key: String
    public var value: Value

    /// An entry.
    public init(key: String, value: Value) {
      self.key = key
      self.value = value
    }
  }

  /// The entries, in order.
  public var entries: [Entry]

  /// Entries in the order given.
  public init(_ entries: [Entry]) { self.entries = entries }

  /// Entries in the order written.
  public init(dictionaryLiteral elements: (String, Value)...) {
    entries = elements.map { Entry(key: $0.0, value: $0.1) }
  }

  public var startIndex: Int { entries.startIndex }
  public var endIndex: Int { entries.endIndex }
  /// The entry at `position`.
  public subscript(position: Int) -> Entry { entries[position] }

  /// The value of `key`, if any.
  public subscript(key: String) -> Value? { entries.first { $0.key == key }?.value }

  private struct EntryKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  /// Reads a JSON object, keeping its members' order where the decoder gives it (a pack file's does).
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: EntryKey.self)
    entries = try container.allKeys.map { Entry(key: $0.stringValue, value: try container.decode(Value.self, forKey: $0)) }
  }

  /// Writes a JSON object in order.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: EntryKey.self)
    for entry in entries { try container.encode(entry.value, forKey: EntryKey(stringValue: entry.key)) }
  }
}
