/// A rule pack as it is written: every part of format version 1 as plain values, readable from Swift.
///
/// ``RulePack/model`` is the model of a loaded pack, with where each part is written (``location(of:)``): a host can
/// show a pack's 评分细则 — sections, rules, vetoes, bands, star items, quotas — or build an input form from its inputs
/// without reading JSON. A model built or changed in Swift is compiled by ``RulePack/compile(_:name:functions:)``,
/// through the same checks as a pack file, so it is scored the same way. <doc:ReadingAndBuildingPacks> shows each of
/// these.
///
/// The model's coding *is* the pack format: each property is coded under the JSON key a pack file uses (the same name,
/// but `"$schema"` for ``schema``), so encoding a model with ``ExactJSONEncoder`` writes a pack file, and decoding a
/// pack file gives its model. Numbers are exact (``ExactDecimal``); formulas and conditions are their text, as written.
/// `RulePacks/README.md` in the repository describes every key for policy authors, and `RulePacks/pack.schema.json`
/// gives each one's meaning in Chinese and English. A pack's `note`s are not kept.
public struct PackModel: Sendable, Hashable, Codable {
  /// Where editors find the pack's JSON Schema (`"$schema"`), as a path relative to the pack, e.g.
  /// `"../pack.schema.json"`: with it an editor suggests keys and underlines mistakes as a policy author types. The
  /// tools do not read it; nil: not given.
  public var schema: String?
  /// The version of the pack format the pack is written in (格式版本); always 1 for now, and 1 in a new model. This library
  /// reads format version 1: a pack written in a later one fails to load, asking for a newer PartyBuildingKit.
  public var formatVersion: Int = 1
  /// The pack's short name (规则包简称), e.g. `dazhou-secretary`: lowercase letters, digits, `-`, `_` and `.`; required. It
  /// is the scheme's ``SchemeInfo/id`` and every result's ``Assessment/schemeID``; ``PackLibrary`` finds packs by it.
  public var id: String = ""
  /// The pack's own version, e.g. `1.0.0`; required. Raise it whenever the pack changes: ``PackLibrary`` holds several
  /// versions of one id, each in force on its own ``effective`` days.
  public var version: String = ""
  /// The title people read (标题), e.g. 达州市基层党组织书记党建工作年度考评; required.
  public var title: String = ""
  /// A paragraph for people on what the pack covers and how (说明); nil: none.
  public var description: String?
  /// The document the pack encodes (依据的文件): its title, who issued it, the passages encoded and where to read it;
  /// required, with at least its ``Source/document``.
  public var source = Source()
  /// The days the pack applies to (适用日期); nil: the pack does not say.
  public var effective: Effective?
  /// Who is assessed (考核对象类型), e.g. `["书记"]` or `["嘎查村党组织"]`; nil: not said.
  public var subjectKinds: [String]?
  /// Decimal places of the total, 0–6; nil: 2. The total is rounded once, at the end, to this many places by
  /// ``rounding`` (总分保留两位小数); grades, stars, vetoes and consequences use the rounded total.
  public var precision: Int?
  /// Decimal places component and section scores are shown with in results people read (CSV, tables, sheets), 0–12;
  /// nil: ``precision`` + 2. It changes only what is shown: JSON and the library keep the full value.
  public var displayPlaces: Int?
  /// How the total is rounded to ``precision`` places; nil: ``RoundingRule/halfUp`` (四舍五入). A component's own
  /// ``Component/precision`` and a period's ``Period/precision`` round the same way.
  public var rounding: RoundingRule?
  /// The total's full marks without bonuses (满分), e.g. 100; required. It must equal Σ weight × each component's full
  /// marks (达州: 30% × 100 + 50% × 100 + 20% × 100 = 100). Bonus sections can take a total above it.
  public var fullMarks: ExactDecimal = .zero
  /// Why the components' weights deliberately do not add up to 1 (权重之和不为1的原因); give it only then. Without it, weights
  /// that do not add up to 1 are an error.
  public var weightsNote: String?
  /// The host functions the pack's formulas call (外部函数), which the program loading the pack provides (see
  /// ``HostFunction``); nil: it calls none.
  public var requires: Requires?
  /// The facts read for each subject (输入项) — scores, counts, yes/no, choices — in the order written; required. They are
  /// the columns of an input file and the fields of an input form.
  public var inputs: [Input] = []
  /// Values computed once per subject from the inputs and earlier values (计算值), used by name in later formulas like an
  /// input and shown in explanations; nil: none.
  public var values: [Value]?
  /// The weighted parts of the total (考核组成部分): total = Σ weight × component score (达州: 日常考核 30% + 年底考核 50% + 述职评议 20%).
  /// At least one is required; each needs a ``Component/weight`` when there are several.
  public var components: [Component] = []
  /// One-vote vetoes (一票否决): conditions that zero the total, withhold, cap or set the grade, or set or cap the star
  /// level. Every veto is checked on the total before any of them applies. Nil: none.
  public var vetoes: [Veto]?
  /// Checks across inputs (数据校验): conditions under which a subject's data contradict each other (more votes than
  /// voters); such a subject is rejected with the message, never scored. Nil: none.
  public var checks: [Check]?
  /// The grade bands (等次), best first; nil: the pack gives no grade.
  public var grades: Grades?
  /// Star items and levels (星级评定, e.g. 准格尔旗 “10+X”); nil: the pack gives no stars.
  public var stars: Stars?
  /// Numbers worked out from the result once the grade and stars are known (结果运用中的数值), e.g. 工作经费系数 110%:
  /// each is a result column, is explained, and can be used by later outcomes and by consequences. Nil: none.
  public var outcomes: [Value]?
  /// What follows from a result (结果运用), e.g. 取消评先评优资格: on a grade, a veto, no grade, a void vote or a condition; nil:
  /// none.
  public var consequences: [Consequence]?
  /// The cohort stage (群体评价), run after every subject is scored: a ranking, labels by share (倒数5%为相对后进) and quotas on
  /// grades or star levels (名额); nil: subjects are not ranked.
  public var cohort: Cohort?
  /// Ballots (民主测评、选票计分): votes counted per choice and turned into averages and shares, with the quorum that makes a
  /// vote valid; nil: none.
  public var ballots: Ballots?
  /// Monthly or quarterly records (分期记录), each aggregated into one value formulas use and checked period by period;
  /// nil: none.
  public var periods: [Period]?
  /// A points ledger (积分台账, 积分制): a total built from a base, carried-over points and dated events; nil: none.
  public var ledger: Ledger?
  /// Last period's results (上期结果): each subject's total, grade, stars, period or veto of an earlier run, read from the
  /// results file that run wrote and joined by subject id, as inputs formulas use; nil: the pack reads none.
  public var previous: Previous?
  /// The pack's test cases (测试用例), each worked out from the document by hand; ``RulePack/runTests()`` runs them, as
  /// `pbk test` does. Nil: none (a pack should have them).
  public var tests: [TestCase]?
  /// Results of other packs read as inputs (关联考核, `"links"`): a secretary's grade by his branch's stars, a
  /// township's score from its villages'; nil: none.
  public var links: [Link]?

  /// The parsed file the model was read from (for ``location(of:)``); not part of the model's value.
  private var tree = TreeBox()

  enum CodingKeys: String, CodingKey {
    case schema = "$schema"
    case formatVersion, id, version, title, description, source, effective, subjectKinds, precision, displayPlaces,
      rounding, fullMarks, weightsNote, requires, inputs, values, checks, components, vetoes, grades, stars, outcomes,
      consequences, cohort, ballots, periods, ledger, previous, tests, links
  }

  /// An empty model, to fill in Swift: give it at least ``id``, ``version``, ``title``, ``source``, ``fullMarks``,
  /// ``inputs`` and ``components``, then compile it with ``RulePack/compile(_:name:functions:)``.
  public init() {}

  /// Where the part at `pointer` is written in the pack file the model was read from — e.g. `/components/0/sections/1`
  /// — as a line and column; nil for a pointer that leads nowhere in that file, and for a model built in Swift.
  ///
  /// A model keeps the file it was read from when it is changed, so after a change a pointer names a place in that
  /// file, not in the changed model. A pack compiled with ``RulePack/compile(_:name:functions:)`` has the lines of the
  /// file the model was written as.
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
  /// The document a pack encodes (依据的文件, `"source"`).
  public struct Source: Sendable, Hashable, Codable {
    /// Its title (文件名称), e.g. 《达州市基层党建质效考评暂行办法》; required.
    public var document: String = ""
    /// Who issued it (发文单位), e.g. 中共达州市委组织部; nil: not said.
    public var issuer: String?
    /// The passages the pack encodes, quoted (原文摘录), so that a reader can check the pack against the text; nil: none.
    public var excerpt: String?
    /// Where the document can be read (原文链接); nil: not said.
    public var url: String?

    /// A source naming `document`.
    public init(document: String = "", issuer: String? = nil, excerpt: String? = nil, url: String? = nil) {
      self.document = document
      self.issuer = issuer
      self.excerpt = excerpt
      self.url = url
    }
  }

  /// The days a pack applies to (适用日期, `"effective"`), as written (`YYYY-MM-DD`).
  public struct Effective: Sendable, Hashable, Codable {
    /// The first day it applies (开始日期, inclusive), e.g. `2025-01-01`.
    public var from: String
    /// The last day it applies (结束日期, inclusive), e.g. `2025-12-31`; nil: open-ended.
    public var until: String?

    /// Dates from `from` until `until`.
    public init(from: String, until: String? = nil) {
      self.from = from
      self.until = until
    }
  }

  /// A link to another pack's results (关联考核, `"links"`): the pack read, how subjects are joined, and which results
  /// fill which inputs. The inputs are declared in ``PackModel/inputs`` as any other.
  public struct Link: Sendable, Hashable, Codable {
    /// The link's id, e.g. `branch`; a test case's `linked` results are keyed by it.
    public var id: String
    /// What people read (关联说明), e.g. 所在村党组织星级评定; nil: the id.
    public var label: String?
    /// The id of the pack whose results are read, e.g. `zhungeer-village`; found among the packs given with it.
    public var pack: String
    /// The versions accepted (版本要求): `1.2.0` (exactly), or comparisons such as `>=1.0.0 <2.0.0`; nil: any.
    public var version: String?
    /// How a subject finds its linked subject(s).
    public var join: Join
    /// Which results fill which inputs.
    public var fields: [LinkField]

    /// A link to `pack`, joined by `join`, reading `fields`.
    public init(id: String, pack: String, join: Join, fields: [LinkField]) {
      self.id = id
      self.pack = pack
      self.join = join
      self.fields = fields
    }
  }

  /// How a link joins subjects (关联方式): this pack's subject's key equals the linked subject's key; each is `id`,
  /// `parent`, or the name of an attribute.
  public struct Join: Sendable, Hashable, Codable {
    /// What of this pack's subject is compared, e.g. `parent` (a secretary's branch is his parent).
    public var subject: String
    /// What of the linked subject is compared; nil: `id`. `parent` with an aggregating link: all the linked subjects
    /// whose parent is this subject (a township's villages).
    public var linked: String?

    /// A join of `subject` to `linked`.
    public init(subject: String, linked: String? = nil) {
      self.subject = subject
      self.linked = linked
    }
  }

  /// One result read through a link (关联字段) into an input.
  public struct LinkField: Sendable, Hashable, Codable {
    /// The id of the input filled.
    public var input: String
    /// The result read: `total`, `grade`, `stars`, `label` or `outcome` (with ``name``); nil only for a plain count.
    public var field: String?
    /// The cohort label's or outcome's id, for the fields `label` and `outcome`.
    public var name: String?
    /// Over all the joined subjects (汇总方式): `average`, `sum`, `min`, `max`, `count` or `share`; nil: the one
    /// linked subject's value.
    public var aggregate: String?
    /// For `count`/`share` of grades: the grades counted.
    public var grades: [String]?
    /// For `count`/`share` of a number: the least value counted (e.g. 5 stars).
    public var atLeast: ExactDecimal?

    /// A field filling `input` with `field`.
    public init(input: String, field: String? = nil, aggregate: String? = nil) {
      self.input = input
      self.field = field
      self.aggregate = aggregate
    }
  }

  /// The host functions a pack calls (`"requires"`).
  public struct Requires: Sendable, Hashable, Codable {
    /// Each host function the pack calls, with its signature and the range of its result.
    public var functions: [HostFunctionSpec]

    /// Requires `functions`.
    public init(functions: [HostFunctionSpec]) { self.functions = functions }
  }

  /// A host function as a pack declares it (see ``HostFunction``).
  public struct HostFunctionSpec: Sendable, Hashable, Codable {
    /// The name formulas call it by, e.g. 学习积分折算: not a built-in function's name nor an id of the pack. The program
    /// provides a ``HostFunction`` of this name and signature.
    public var name: String
    /// What it means (说明), shown in explanations beside each call, e.g. 按平台年度折算表折算学习强国积分; nil: none.
    public var label: String?
    /// The types of its arguments, in order: ``FormulaType/number`` or ``FormulaType/boolean``; `[]` for none.
    public var arguments: [FormulaType]
    /// What it gives: a number in a declared range, or true/false.
    public var result: Result

    /// What a host function gives: a number in a range, or true/false.
    public struct Result: Sendable, Hashable, Codable {
      /// ``FormulaType/number`` or ``FormulaType/boolean`` (true/false).
      public var type: FormulaType
      /// The least number it gives (inclusive), given with ``max``; nil with it when the range is not declared. The
      /// loader checks reachable full marks and grade bands from this range without the host; a result outside it
      /// rejects the subject when it happens. Numbers only.
      public var min: ExactDecimal?
      /// The greatest number it gives (inclusive), given with ``min``; nil with it when the range is not declared.
      /// Numbers only.
      public var max: ExactDecimal?
      /// The most decimal places of a number it gives, 0–18, used by the exactness checks like an input's
      /// ``PackModel/Input/places``; nil: not declared. Numbers only.
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

  /// A fact read for each subject (输入项): a score, a count, a yes/no or a choice.
  public struct Input: Sendable, Hashable, Codable {
    /// The name formulas use, e.g. `满意度` or `daily`, and the key of the fact in ``AssessmentInput/values`` and in an
    /// input file. Unique among all the pack's names (inputs, values, sections and components share one list); an id
    /// with punctuation is written in brackets in formulas: `[村(社区)得分]`.
    public var id: String
    /// What people read, e.g. 述职评议平均满意度: shown in results and explanations, accepted as the input file's column header,
    /// and the natural caption of an input form's field; nil: the id is shown.
    public var label: String?
    /// `number` (any decimal), `integer` (whole numbers, e.g. counts), `boolean` (是/否) or `choice` (one of
    /// ``choices``).
    public var type: InputDeclaration.ValueType
    /// The unit shown after the value in explanations, e.g. 分, 次, %, 万元; nil: none.
    public var unit: String?
    /// The least allowed value of a number or integer (最小值, inclusive): data below it is rejected, never clamped. Give
    /// every number both `min` and ``max``: the checks need them to work out the highest reachable score.
    public var min: ExactDecimal?
    /// The greatest allowed value of a number or integer (最大值, inclusive): data above it is rejected, never clamped.
    public var max: ExactDecimal?
    /// For a `number`: the most decimal places a value may have, 0–18, e.g. 1 for 85.5 (得分保留一位小数); a value with more is
    /// rejected, never rounded. Nil: not limited, and counted as up to 6 places by the exactness checks. An `integer`
    /// has 0.
    public var places: Int?
    /// For a `choice` only: the allowed texts, e.g. `["无", "警告", "严重警告"]`.
    public var choices: [String]?
    /// `true`: a subject without this value is rejected and reported (必填). An input gives exactly one of
    /// `required: true`, ``default`` and ``whenMissing``.
    public var required: Bool?
    /// The value used when a subject does not give this input (默认值), e.g. `.number(0)` for a count of incidents or
    /// `.text("无")` for a choice; it must be of the input's type and in its range.
    public var `default`: PackValue?
    /// `notApplicable` (不适用): when a subject does not give this input, every component that uses it is left out and the
    /// remaining weights are re-normalised (述职评议 for someone who did not report); nil otherwise.
    public var whenMissing: String?
    /// The grid “what it takes” (升档所需) tries for this input, e.g. 0.5; nil: 1 for an integer, one unit of the total's
    /// ``PackModel/precision`` for a number (0.01 at 2 places).
    public var step: ExactDecimal?
    /// The class of subject this input is for (适用对象), e.g. `类别 = '书记'`: a condition on inputs every subject has
    /// (required, or with a default, and for everyone). A subject outside the class must leave it empty (a value is
    /// rejected, not scored); it then takes its ``default``, or else is not applicable (what uses it is left out, as
    /// with ``whenMissing``). `required: true` then means required of the class. Nil: every subject.
    public var appliesTo: String?
    /// Marks a number here that the source document does not give (示例值), e.g. 原文未给出具体分值，此为示例值: `pbk validate` and
    /// ``RulePack/exampleValues`` list every marked place, to be replaced before use. Nil: none.
    public var exampleValue: String?

    /// An input `id` of `type`.
    public init(id: String, label: String? = nil, type: InputDeclaration.ValueType) {
      self.id = id
      self.label = label
      self.type = type
    }
  }

  /// A value computed from the inputs and earlier values (计算值), used by name in later formulas.
  public struct Value: Sendable, Hashable, Codable {
    /// The name later formulas use, e.g. 日常平均; unique among all the pack's names.
    public var id: String
    /// What people read in explanations, e.g. 四个季度日常考核平均分; nil: the id is shown.
    public var label: String?
    /// How it is computed: a formula over inputs and earlier values, e.g. `AVERAGE(一季度, 二季度, 三季度, 四季度)` or
    /// `ROUND(MIN(点赞数 / 参会人数, 1) * 100, 2)`.
    public var formula: String
    /// Marks a number here that the source document does not give (示例值), e.g. 原文未给出具体分值，此为示例值: `pbk validate` and
    /// ``RulePack/exampleValues`` list every marked place, to be replaced before use. Nil: none.
    public var exampleValue: String?

    /// A value `id` computed by `formula`.
    public init(id: String, label: String? = nil, formula: String) {
      self.id = id
      self.label = label
      self.formula = formula
    }
  }

  /// A weighted part of the total (考核组成部分, e.g. 日常考核 30%): a score formula or sections.
  public struct Component: Sendable, Hashable, Codable {
    /// The name formulas use for its score, e.g. 日常考核; unique among all the pack's names.
    public var id: String
    /// What people read (显示名称) in results and explanations; nil: the id is shown.
    public var label: String?
    /// Its share of the total (权重), above 0 and at most 1: 0.3 for 30% (a pack writes `0.3` or `"30%"`). Required when
    /// there are several components; their weights add up to 1 unless ``PackModel/weightsNote`` says why not.
    public var weight: ExactDecimal?
    /// Its full marks (满分), e.g. 100. Required with a ``score`` formula; with ``sections`` it may be nil (the sum of
    /// theirs), and if given must equal that sum.
    public var fullMarks: ExactDecimal?
    /// Decimal places its score is rounded to before weighting, 0–6, by the pack's ``PackModel/rounding``
    /// (各部分得分保留一位小数); nil: not rounded.
    public var precision: Int?
    /// One formula for its whole score, instead of ``sections``, e.g. `日常平均`; it must not exceed ``fullMarks`` for any
    /// allowed input (wrap it: `MIN(…, 100)`).
    public var score: String?
    /// Its sections (考核项目), instead of a ``score`` formula; at least one.
    public var sections: [Section]?
    /// The class of subject this component is for (适用对象), e.g. `类别 = '书记'`: a condition on inputs every subject
    /// has. For a subject outside the class it is left out, and the other components' weights are re-normalised (as
    /// for a not-applicable input); results show 不适用. Nil: every subject.
    public var appliesTo: String?
    /// Marks a number here that the source document does not give (示例值), e.g. 原文未给出具体分值，此为示例值: `pbk validate` and
    /// ``RulePack/exampleValues`` list every marked place, to be replaced before use. Nil: none.
    public var exampleValue: String?

    /// A component `id` with `weight`.
    public init(id: String, label: String? = nil, weight: ExactDecimal? = nil) {
      self.id = id
      self.label = label
      self.weight = weight
    }
  }

  /// A section of a component (考核项目, 分项): a score formula, or rules that award and deduct points. Its full marks count
  /// toward the component's, unless it is a bonus section.
  public struct Section: Sendable, Hashable, Codable {
    /// How a section of rules starts.
    public enum StartsAt: String, Sendable, Hashable, Codable {
      /// At its full marks, deducting (扣分制; 扣完为止 at ``PackModel/Section/floor``).
      case full
      /// At 0, awarding (加分制); points above the full marks are cut off (封顶).
      case zero
    }

    /// The name formulas use for its score, e.g. 硬性指标; unique among all the pack's names.
    public var id: String
    /// What people read (显示名称) in results and explanations; nil: the id is shown.
    public var label: String?
    /// Its full marks (满分), e.g. 12; required, except on a bonus section, which gives ``cap`` instead.
    public var fullMarks: ExactDecimal?
    /// Where a section of rules starts: ``StartsAt/full`` deducts from full marks (扣分制), ``StartsAt/zero`` awards from
    /// 0. Required with ``rules``, except on a bonus section (which starts at 0).
    public var startsAt: StartsAt?
    /// The lowest score deductions can take it to (最低分); nil: 0 (扣完为止). Deductions beyond it are shown in the
    /// explanation but not counted.
    public var floor: ExactDecimal?
    /// `true`: a bonus section (加分项): its awards add on top of the component's score, up to ``cap``, and do not count
    /// toward full marks, so a total can exceed ``PackModel/fullMarks``. Nil: an ordinary section.
    public var bonus: Bool?
    /// The most a bonus section adds (加分上限), e.g. 5, or ``Cap/uncapped`` (`"cap": "none"`) when the document sets no
    /// cap; bonus sections only, and required there.
    public var cap: Cap?
    /// A computed start for a section of rules (e.g. a base carried over from last year, `上年得分`), instead of
    /// ``startsAt``: the section starts at this value for each subject and its rules add and deduct from there.
    public var startsFrom: String?
    /// One formula for its score, instead of ``rules``, e.g. `满意度 * 80%`; it must stay within ``floor``…``fullMarks``
    /// for every allowed input (wrap it: `MIN(…, 20)`).
    public var score: String?
    /// Its scoring rules (评分规则), instead of a ``score`` formula: each awards or deducts points, or zeroes the section.
    public var rules: [Rule]?
    /// Marks a number here that the source document does not give (示例值), e.g. 原文未给出具体分值，此为示例值: `pbk validate` and
    /// ``RulePack/exampleValues`` list every marked place, to be replaced before use. Nil: none.
    public var exampleValue: String?

    /// A section `id`.
    public init(id: String, label: String? = nil, fullMarks: ExactDecimal? = nil, startsAt: StartsAt? = nil) {
      self.id = id
      self.label = label
      self.fullMarks = fullMarks
      self.startsAt = startsAt
    }
  }

  /// A bonus section's cap: a number of points, or none (`"cap": "none"`: the document sets no ceiling).
  public enum Cap: Sendable, Hashable, Codable, CustomStringConvertible {
    /// At most this many points.
    case points(ExactDecimal)
    /// No cap (`"cap": "none"`): the awards count in full.
    case uncapped

    /// Reads a number, or the text `"none"`.
    public init(from decoder: any Decoder) throws {
      let container = try decoder.singleValueContainer()
      if let text = try? container.decode(String.self), text.trimmingSpaces == "none" {
        self = .uncapped
      } else {
        self = .points(try container.decode(ExactDecimal.self))
      }
    }

    /// Writes the number, or `"none"`.
    public func encode(to encoder: any Encoder) throws {
      var container = encoder.singleValueContainer()
      switch self {
      case .points(let value): try container.encode(value)
      case .uncapped: try container.encode("none")
      }
    }

    /// The points (`5`), or 不设上限.
    public var description: String {
      switch self {
      case .points(let value): value.description
      case .uncapped: "不设上限"
      }
    }
  }

  /// A check across inputs: when its condition holds, the subject's data contradict each other and it is rejected.
  public struct Check: Sendable, Hashable, Codable {
    /// A short name for the check, unique in the pack.
    public var id: String
    /// What people read; nil: the id.
    public var label: String?
    /// The condition under which the data contradict each other, e.g. `优秀票 + 合格票 + 不合格票 > 实到人数`.
    public var rejectWhen: String
    /// What to tell whoever gave the data; nil: the label. The message names the values the check read.
    public var message: String?
    /// Marks a number here that the source document does not give (示例值).
    public var exampleValue: String?

    /// A check `id` rejecting when `rejectWhen` holds.
    public init(id: String, label: String? = nil, rejectWhen: String, message: String? = nil) {
      self.id = id
      self.label = label
      self.rejectWhen = rejectWhen
      self.message = message
    }
  }

  /// A scoring rule (评分规则) that awards or deducts points in a section, or zeroes it.
  public struct Rule: Sendable, Hashable, Codable {
    /// What a rule does (`"kind"`).
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
      /// Adds ``PackModel/Rule/points`` once when ``PackModel/Rule/when`` holds (面积达标的加4分).
      case award
      /// Deducts ``PackModel/Rule/points`` once when ``PackModel/Rule/when`` holds (发现问题的扣3分).
      case deduct
      /// Adds ``PackModel/Rule/points`` × ``PackModel/Rule/count``, at most ``PackModel/Rule/max`` (每推广一次加2分).
      case awardEach
      /// Deducts ``PackModel/Rule/points`` × ``PackModel/Rule/count``, at most ``PackModel/Rule/max`` (每次扣2分，最多扣6分).
      case deductEach
      /// Sets the whole section to 0 when ``PackModel/Rule/when`` holds (本项不得分), for serious cases; it has no points.
      case zero
    }

    /// An optional short name, shown in explanations as its trace entries' ``TraceEntry/ruleID``; nil: the section's id
    /// and the rule's place, e.g. `日常纪实.0`.
    public var id: String?
    /// What a person reads in the explanation, written as the document writes it, e.g. 村(社区)阵地建设任务未按时完成; required.
    public var label: String
    /// What it does: award, deduct, award or deduct per occurrence, or zero the section.
    public var kind: Kind
    /// The condition under which it applies, e.g. `jtsr >= 10`; nil: it always applies. Required for ``Kind/zero``.
    public var when: String?
    /// The points, a number or a formula, as text: `"5"`, `"100 - yearEnd"`; never negative (a deduction is a `deduct`
    /// rule with positive points). Required except for ``Kind/zero``, which has none.
    public var points: String?
    /// How many times, a number or a formula as text, usually an input such as `逾期报送次数`; for ``Kind/awardEach`` and
    /// ``Kind/deductEach`` only.
    public var count: String?
    /// The most the rule adds or deducts in all, e.g. 6 for 每次扣2分，最多扣6分; nil: no limit of its own.
    public var max: ExactDecimal?
    /// Marks a number here that the source document does not give (示例值), e.g. 原文未给出具体分值，此为示例值: `pbk validate` and
    /// ``RulePack/exampleValues`` list every marked place, to be replaced before use. Nil: none.
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

  /// A one-vote veto (一票否决): a condition and what it does to the total, the grade or the stars.
  public struct Veto: Sendable, Hashable, Codable {
    /// What a veto does (`"effect"`).
    public enum Effect: String, Sendable, Hashable, Codable, CaseIterable {
      /// The total becomes 0 (总分为0); the grade then follows from 0.
      case zeroTotal
      /// No grade is given (不定等次); it beats every other grade effect.
      case noGrade
      /// The grade is no better than ``PackModel/Veto/grade`` (等次最高为…); of several, the worst grade wins.
      case capGrade
      /// The grade is set to ``PackModel/Veto/grade`` (直接定为…), whatever the score; of several, the worst grade wins.
      case setGrade
      /// The star level is set to ``PackModel/Veto/stars`` (直接认定星级), whatever the items earned; of two, the lower wins.
      case setStars
    }

    /// What happens to the total when a veto moves the grade (`"score"`).
    public enum Score: String, Sendable, Hashable, Codable, CaseIterable {
      /// The total stays as scored (88 分，等次不合格); the default.
      case keep
      /// The total becomes the new grade's `min` (93 → 60 when set to 合格).
      case floorOfGrade
      /// The total is at most the new grade's top: one unit of the total's precision below the band above (88 → 59.99).
      case capAtGradeTop
    }

    /// A short name that tests and consequences (``PackModel/Consequence/onVetoes``) use.
    public var id: String
    /// What people read (显示名称), e.g. 党建绩效查核不过关; nil: the id is shown.
    public var label: String?
    /// The condition that fires it, e.g. `党纪处分 != '无'`; it may use inputs, values, sections, components and `total`
    /// (the total before any veto applies).
    public var when: String
    /// What it does: zero the total, withhold, cap or set the grade, or set the star level.
    public var effect: Effect
    /// The grade it caps at (``Effect/capGrade``) or sets (``Effect/setGrade``), one of the bands' names; those effects
    /// only.
    public var grade: String?
    /// The star level it sets, 0–10; ``Effect/setStars`` only.
    public var stars: Int?
    /// What a changed grade does to the total, on ``Effect/capGrade`` and ``Effect/setGrade`` only; nil:
    /// ``Score/keep``.
    public var score: Score?
    /// With any effect: the star level is at most this (0: no stars, 不评星); of several vetoes, the lowest cap wins. Nil:
    /// no cap.
    public var capStars: Int?
    /// Marks a number here that the source document does not give (示例值), e.g. 原文未给出具体分值，此为示例值: `pbk validate` and
    /// ``RulePack/exampleValues`` list every marked place, to be replaced before use. Nil: none.
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

  /// The grades (等次): bands of the rounded total, best first.
  public struct Grades: Sendable, Hashable, Codable {
    /// The bands, best first: each band's `below` is the `min` of the band above, and the last `min` is 0, so every
    /// total gets exactly one grade.
    public var bands: [GradeBand]

    /// Bands, best first.
    public init(bands: [GradeBand]) { self.bands = bands }
  }

  /// A grade and the totals it covers: ``min`` ≤ total < ``below``, or ``min`` ≤ total (≤ ``max``) for the top band.
  /// The grade is taken from the rounded total.
  public struct GradeBand: Sendable, Hashable, Codable {
    /// The grade's name, e.g. 优秀 or 好, as results, vetoes, consequences and quotas name it.
    public var grade: String
    /// The lowest total of the band (最低分, inclusive ≥), e.g. 90; the last band's is 0.
    public var min: ExactDecimal
    /// The total the band stays under (exclusive <): the `min` of the band above; nil on the top band, required on
    /// every other.
    public var below: ExactDecimal?
    /// The highest total of the top band (inclusive), top band only: at least the highest reachable total, bonuses
    /// included (上虞: 100 + 4 bonus → 104); nil: no upper limit.
    public var max: ExactDecimal?
    /// An extra condition (附加条件), e.g. `innovation`: when it fails, the subject gets the next band down; nil: none. The
    /// lowest band cannot have one.
    public var when: String?
    /// Marks a number here that the source document does not give (示例值), e.g. 原文未给出具体分值，此为示例值: `pbk validate` and
    /// ``RulePack/exampleValues`` list every marked place, to be replaced before use. Nil: none.
    public var exampleValue: String?

    /// A band `grade` from `min`.
    public init(grade: String, min: ExactDecimal, below: ExactDecimal? = nil, max: ExactDecimal? = nil) {
      self.grade = grade
      self.min = min
      self.below = below
      self.max = max
    }
  }

  /// Star ratings (星级评定): the items a subject can earn and the levels they give.
  public struct Stars: Sendable, Hashable, Codable {
    /// The star items (星级条目), each earned on its own condition; empty (`"items"` left out) for stars by the total
    /// alone, whose levels give `when` conditions such as `total >= 95`.
    public var items: [StarItem]
    /// The star levels (星级档次), best first: the level is the highest whose ``StarLevel/minItems`` is reached and whose
    /// ``StarLevel/when`` holds; below every level a subject has 0 stars.
    public var levels: [StarLevel]

    /// Items and levels.
    public init(items: [StarItem] = [], levels: [StarLevel]) {
      self.items = items
      self.levels = levels
    }

    private enum CodingKeys: String, CodingKey { case items, levels }

    /// Reads a `stars` object; `items` left out is none.
    public init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      items = try container.decodeIfPresent([StarItem].self, forKey: .items) ?? []
      levels = try container.decode([StarLevel].self, forKey: .levels)
    }

    /// Writes a `stars` object; no items, no `items` key.
    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      if !items.isEmpty { try container.encode(items, forKey: .items) }
      try container.encode(levels, forKey: .levels)
    }
  }

  /// A star item (e.g. 组织建设星) and when it is earned.
  public struct StarItem: Sendable, Hashable, Codable {
    /// A short name, e.g. 组织建设星, by which results list the earned items.
    public var id: String
    /// What people read, e.g. 组织建设; nil: the id is shown.
    public var label: String?
    /// `common` (共性条目): an item every subject has, the “10” of 10+X; `local` (个性条目): an “X” item a township adds; nil:
    /// not said.
    public var scope: String?
    /// The condition that earns it (得星条件), e.g. `组织建设 >= 8`; it may use inputs, values, sections, components and
    /// `total`.
    public var earnedWhen: String
    /// A required star (必得星): when it is not earned, the star level is at most this (准格尔旗: without 强村富民 at most 3
    /// stars); nil: not required.
    public var capIfMissing: Int?
    /// Marks a number here that the source document does not give (示例值), e.g. 原文未给出具体分值，此为示例值: `pbk validate` and
    /// ``RulePack/exampleValues`` list every marked place, to be replaced before use. Nil: none.
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
    /// The star level, 1–10.
    public var stars: Int
    /// How many items it needs (至少得星条目数), e.g. 10; a level gives this, ``when``, or both.
    public var minItems: Int?
    /// An extra condition, e.g. `total >= 90` (五星须总分90以上): when it fails, the next level down; nil: none.
    public var when: String?
    /// Marks a number here that the source document does not give (示例值), e.g. 原文未给出具体分值，此为示例值: `pbk validate` and
    /// ``RulePack/exampleValues`` list every marked place, to be replaced before use. Nil: none.
    public var exampleValue: String?

    /// A level of `stars` stars for `minItems` items.
    public init(stars: Int, minItems: Int? = nil, when: String? = nil) {
      self.stars = stars
      self.minItems = minItems
      self.when = when
    }
  }

  /// A consequence (结果运用, e.g. 诫勉谈话, 取消评先评优资格) and what it follows from: it follows when any of its triggers holds.
  public struct Consequence: Sendable, Hashable, Codable {
    /// A short name that tests use.
    public var id: String
    /// What it means for the subject, e.g. 取消评先评优资格; required.
    public var label: String
    /// It follows when the final grade is one of these, e.g. `["一般", "差"]`.
    public var onGrades: [String]?
    /// `true`: it follows when no grade is given (不定等次).
    public var onNoGrade: Bool?
    /// It follows when one of these vetoes fires, by ``PackModel/Veto/id``.
    public var onVetoes: [String]?
    /// `true`: it follows a void vote (测评无效), e.g. 重新组织测评.
    public var onVoid: Bool?
    /// Cohort label ids (`onLabels`): follows when the cohort stage gives the subject one of these labels (decided
    /// once every subject is ranked; the reason names the label).
    public var onLabels: [String]?
    /// It follows when this condition holds, e.g. `考察类型 = '拟提拔考察' and grade = '不合格'`; it may use everything, plus
    /// `grade` and `stars`.
    public var when: String?
    /// Marks a number here that the source document does not give (示例值), e.g. 原文未给出具体分值，此为示例值: `pbk validate` and
    /// ``RulePack/exampleValues`` list every marked place, to be replaced before use. Nil: none.
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
    /// What people read for the whole cohort, e.g. 全旗嘎查村; nil: none.
    public var label: String?
    /// Rank within groups instead of the whole input: `parent` (上级), `kind` (类型), a choice input's id, or the name of a
    /// subject attribute; nil: every subject is in one cohort.
    public var groupBy: String?
    /// What subjects are ranked by, a formula; nil: `total`. Higher ranks first.
    public var rankBy: String?
    /// What decides between equal keys, in order (同分时依次比较); subjects still equal share a rank, and the next rank is
    /// skipped (1, 2, 2, 4).
    public var tieBreakers: [TieBreaker]?
    /// A condition: subjects for which it holds are not ranked or counted (不参加排名, e.g. newly set up); void results are
    /// never ranked. Nil: none excluded.
    public var exclude: String?
    /// Labels by share of the ranking (按比例标记), e.g. the bottom 5% as 相对后进.
    public var labels: [CohortLabel]?
    /// Quotas on a grade or a star level (名额), e.g. 优秀不超过1/3, in the order they apply.
    public var quotas: [Quota]?

    /// A cohort stage.
    public init(groupBy: String? = nil, rankBy: String? = nil) {
      self.groupBy = groupBy
      self.rankBy = rankBy
    }
  }

  /// A tie breaker of a ranking (同分比较项).
  public struct TieBreaker: Sendable, Hashable, Codable {
    /// What decides between equal keys, a formula, e.g. `强村富民`.
    public var by: String
    /// `higherFirst` (高者在前) or `lowerFirst` (低者在前); nil: `higherFirst`.
    public var order: String?
    /// What people read, e.g. 强村富民得分; nil: the formula is shown.
    public var label: String?

    /// Breaks ties by `by`.
    public init(by: String, order: String? = nil) {
      self.by = by
      self.order = order
    }
  }

  /// A label for a share or a head count of the ranking (末位 5% or 末位 3 名 as 后进).
  public struct CohortLabel: Sendable, Hashable, Codable {
    /// A short name that tests use, e.g. 后进.
    public var id: String
    /// What people read, e.g. 相对后进; nil: the id is shown.
    public var label: String?
    /// The share at the bottom of the ranking (倒数比例), as written: `"5%"`, `"1/3"` or `"0.05"` (a bare number is a share below 1); a label gives a share (this or
    /// ``top``) or a head count (``bottomCount``, ``topCount``).
    public var bottom: String?
    /// The share at the top of the ranking (前列比例), as written.
    public var top: String?
    /// A head count at the bottom (`bottomCount`: 3 for 末位 3 名); with `fillTo`, 0 labels by filling up alone.
    public var bottomCount: Int?
    /// A head count at the top (`topCount`: 1 for 前 1 名).
    public var topCount: Int?
    /// Another share or head count for some cohort groups, by the group's name (the value of `groupBy`, e.g. a
    /// choice 村/社区 or a 乡镇): a share (`"10%"`) for `bottom`/`top`, a whole number for `bottomCount`/`topCount`.
    public var byGroup: PackEntries<PackValue>?
    /// Fill up to at least this share of the group (`"10%"`), counting those labelled by rank and by `alsoWhen`;
    /// the ranking adds more from the same end.
    public var fillTo: String?
    /// How a share's head count N × share is rounded: `up` (进一, ceil), `down` (去尾, floor) or `nearest` (四舍五入);
    /// required with a share, not given for head counts alone. 5% of 92 subjects is 4.6: `up` gives 5, `down` 4.
    public var rounding: String?
    /// Subjects tied across the limit (临界并列): `all` get the label (the count may be exceeded), `none` does; nil: `all`.
    public var ties: String?
    /// A condition that gives the label whatever the rank (软弱涣散 villages are always 相对后进); it takes none of the
    /// counted places, and a subject left out by the cohort's `exclude` does not get it. Nil: none.
    public var alsoWhen: String?
    /// Marks a number here that the source document does not give (示例值), e.g. 原文未给出具体分值，此为示例值: `pbk validate` and
    /// ``RulePack/exampleValues`` list every marked place, to be replaced before use. Nil: none.
    public var exampleValue: String?

    /// A label `id`.
    public init(
      id: String, label: String? = nil, bottom: String? = nil, top: String? = nil, bottomCount: Int? = nil,
      topCount: Int? = nil, rounding: String? = nil
    ) {
      self.id = id
      self.label = label
      self.bottom = bottom
      self.top = top
      self.bottomCount = bottomCount
      self.topCount = topCount
      self.rounding = rounding
    }
  }

  /// A quota on a grade, several grades, a star level or levels (优秀不超过 20%, 良好及以上不超过 60%, 优秀不超过 2 个).
  public struct Quota: Sendable, Hashable, Codable {
    /// The grade it counts, e.g. 优秀; a quota gives this or ``stars``.
    public var grade: String?
    /// Several grades counted together (`["优秀", "良好"]`: 良好及以上); adjacent ones for a cap.
    public var grades: [String]?
    /// The star level it counts, 1–10; a quota gives a grade, grades or star levels.
    public var stars: Int?
    /// The star levels at or above this one (四星及以上).
    public var starsAtLeast: Int?
    /// The star levels at or below this one, no stars included (二星及以下); a guide only.
    public var starsAtMost: Int?
    /// A hard cap (硬性上限), as written: `"1/3"`, `"20%"`. Those over it fall to the next grade (or the next lower star
    /// level) by rank. A quota gives this, ``atMostCount``, ``guide`` or ``guideCount``.
    public var atMost: String?
    /// A guide share (指导比例), as written: the count and its deviation are reported, nothing changes. A quota gives this
    /// or ``atMost``.
    public var guide: String?
    /// The most that may have it, as a head count (优秀不超过 2 个).
    public var atMostCount: Int?
    /// A head count to compare with, reported and not enforced.
    public var guideCount: Int?
    /// Another share or head count for some cohort groups, by the group's name (as in ``CohortLabel/byGroup``).
    public var byGroup: PackEntries<PackValue>?
    /// How a share's head count N × share is rounded: `up` (进一, ceil), `down` (去尾, floor) or `nearest` (四舍五入);
    /// required with a share, not given for head counts alone.
    public var rounding: String?
    /// Subjects tied at the limit (临界并列): `none` of them keeps the grade, or `all` do; nil: `none`, so a hard cap is
    /// never exceeded.
    public var ties: String?
    /// Marks a number here that the source document does not give (示例值), e.g. 原文未给出具体分值，此为示例值: `pbk validate` and
    /// ``RulePack/exampleValues`` list every marked place, to be replaced before use. Nil: none.
    public var exampleValue: String?

    /// A quota.
    public init(
      grade: String? = nil, stars: Int? = nil, atMost: String? = nil, atMostCount: Int? = nil, rounding: String? = nil
    ) {
      self.grade = grade
      self.stars = stars
      self.atMost = atMost
      self.atMostCount = atMostCount
      self.rounding = rounding
    }
  }

  /// Ballots (民主测评): counts per choice and how they score.
  public struct Ballots: Sendable, Hashable, Codable {
    /// What people read; nil: 民主测评.
    public var label: String?
    /// The ballot scales (选票档次): the choices on a ballot and their points.
    public var scales: [BallotScale]?
    /// When the vote counts (测评有效性): the head counts it reads and the quorum. A vote that fails it is void (无效): a
    /// result with no score, grade or stars, and its reason. Nil: no check.
    public var validity: BallotValidity?
    /// The raters' own forms (测评表), when items are scored from each rater's marks rather than from counts per
    /// choice: what a form holds and the rater groups. Nil: every item is scored from counts.
    public var forms: RaterForms?
    /// The ballot items (测评项目), each scored from its counts (or, `from: "forms"`, from the raters' forms) into a
    /// number formulas use by the item's id.
    public var items: [BallotItem]

    /// Ballot items.
    public init(items: [BallotItem]) { self.items = items }
  }

  /// The raters' forms (测评表): one form per rater per subject, with a mark per field. The forms are their own stream
  /// (a forms file, `pbk evaluate --forms`; a `"forms"` array per subject in JSON; ``AssessmentInput/forms``).
  public struct RaterForms: Sendable, Hashable, Codable {
    /// What people read; nil: 测评表.
    public var label: String?
    /// The rater groups (测评人类别), e.g. 领导班子成员, 中层干部, 党员群众; every form names its group. Nil: no groups (each
    /// form counts alike).
    public var groups: [RaterFormGroup]?
    /// What a form holds: a score in a range, or a choice on a ballot scale, per field; not empty.
    public var fields: [RaterFormField]

    /// Forms with `fields`.
    public init(label: String? = nil, groups: [RaterFormGroup]? = nil, fields: [RaterFormField]) {
      self.label = label
      self.groups = groups
      self.fields = fields
    }
  }

  /// A group of raters on the forms (测评人类别), with its weight for items that list no raters of their own.
  public struct RaterFormGroup: Sendable, Hashable, Codable {
    /// The name a form gives in its `group` column, e.g. 领导; no two groups share an id or label.
    public var id: String
    /// What people read, e.g. 领导班子成员; a form may give this instead of the id. Nil: the id is shown.
    public var label: String?
    /// Its share of every item that lists no `raters` (e.g. `"30%"`); give it on every group (adding up to 100%) or
    /// on none. Nil: no weight (such items pool every form).
    public var weight: ExactDecimal?

    /// A group `id`, weighted or not.
    public init(id: String, label: String? = nil, weight: ExactDecimal? = nil) {
      self.id = id
      self.label = label
      self.weight = weight
    }
  }

  /// A field of a rater form: a score in a range (0–100), or a choice on one of the ballot ``PackModel/Ballots/scales``.
  public struct RaterFormField: Sendable, Hashable, Codable {
    /// The column (or JSON key) holding the mark, e.g. 德; not one of a form's own keys (id, group, spoiled, form, rater).
    public var id: String
    /// What people read, e.g. 德（政治品德）; a forms file may head the column with it. Nil: the id is shown.
    public var label: String?
    /// `number` or `integer` for a score; nil: `number` (or a choice, with ``scale``).
    public var type: String?
    /// The unit shown after a mark, e.g. 分; nil: none.
    public var unit: String?
    /// The lowest and the highest mark a rater may give (a mark outside makes the form void); a score needs both.
    public var min: ExactDecimal?
    /// The highest mark a rater may give.
    public var max: ExactDecimal?
    /// The most decimal places a mark may have (a mark with more makes the form void); nil: any.
    public var places: Int?
    /// For a choice: the ballot scale, by ``PackModel/BallotScale/id``, whose choices the raters mark (its points
    /// score averages; its abstentions count nowhere). A field on a scale has no type, unit, min, max or places.
    public var scale: String?
    /// Marks a number here that the source document does not give (示例值), e.g. 原文未给出具体分值，此为示例值: `pbk validate` and
    /// ``RulePack/exampleValues`` list every marked place, to be replaced before use. Nil: none.
    public var exampleValue: String?

    /// A score field `id` from `min` to `max`.
    public init(id: String, label: String? = nil, min: ExactDecimal? = nil, max: ExactDecimal? = nil, scale: String? = nil) {
      self.id = id
      self.label = label
      self.min = min
      self.max = max
      self.scale = scale
    }
  }

  /// The choices of a ballot and their points.
  public struct BallotScale: Sendable, Hashable, Codable {
    /// The name items use in their ``PackModel/BallotItem/scale``, e.g. 四档.
    public var id: String
    /// The choices on the ballot, in order, e.g. 好, 较好, 一般, 差; not empty, no `:`.
    public var choices: [String]
    /// Points per choice, in the order written, e.g. 好 100, 较好 80, 一般 50, 差 0; needed by `average` items, nil
    /// otherwise.
    public var points: PackEntries<ExactDecimal>?
    /// Choices left out of every denominator (不计入分母), e.g. `["不了解"]`; nil: none.
    public var abstain: [String]?
    /// Marks a number here that the source document does not give (示例值), e.g. 原文未给出具体分值，此为示例值: `pbk validate` and
    /// ``RulePack/exampleValues`` list every marked place, to be replaced before use. Nil: none.
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
    /// The integer input holding those due (应到人数); given with ``attended``, and needed by a ``quorum``.
    public var due: String?
    /// The integer input holding those who attended (实到人数); given with ``due``. More attended than due rejects the
    /// subject.
    public var attended: String?
    /// The integer input holding the ballots issued (发出票数); given with ``returned``.
    public var issued: String?
    /// The integer input holding the ballots returned (收回票数); given with ``issued``. More returned than issued makes
    /// the vote void.
    public var returned: String?
    /// The quorum (有效人数要求): those attending must be more than, or at least, a share of those due, or the vote is void;
    /// nil: none.
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
    /// More than this share of those due must attend, as written, e.g. `"1/2"` (过半数); a quorum gives this or
    /// ``atLeast``.
    public var moreThan: String?
    /// At least this share of those due must attend, as written, e.g. `"2/3"`; a quorum gives this or ``moreThan``.
    public var atLeast: String?

    /// A quorum.
    public init(moreThan: String? = nil, atLeast: String? = nil) {
      self.moreThan = moreThan
      self.atLeast = atLeast
    }
  }

  /// A ballot item and how it scores: an average of points, a share of a choice, or points per voter.
  public struct BallotItem: Sendable, Hashable, Codable {
    /// The name formulas use for its result, e.g. p1; its counts are inputs named `id:choice` (`p1:好`), or
    /// `id:group:choice` with ``raters``.
    public var id: String
    /// What people read, e.g. 坚决做到“两个维护”; nil: the id is shown.
    public var label: String?
    /// `"forms"`: the item is scored from the raters' forms (``PackModel/Ballots/forms``), from the marks of its
    /// ``field``; nil: from counts per choice.
    public var from: String?
    /// The form field whose marks it aggregates, by ``PackModel/RaterFormField/id``; items `from: "forms"` only.
    public var field: String?
    /// The scale it uses, by ``PackModel/BallotScale/id``; not on a `perVoter` item, nor on one from the forms.
    public var scale: String?
    /// How it scores: `average` (Σ count × points / counted ballots), `share` (ballots for ``choice`` × 100 / counted
    /// ballots: a percentage) or `perVoter` (the input ``count`` × 100 / those who attended). An item from the forms:
    /// `average`, `trimmedMean` (the ``trim`` highest and lowest marks dropped, then the average), `median` or `share`.
    public var score: String
    /// The choice whose share is taken, e.g. 有; `share` items only.
    public var choice: String?
    /// The integer input holding the count, e.g. 点赞数; `perVoter` items only.
    public var count: String?
    /// Rater groups (评议人分组) with weights adding up to 100%: each group's result is worked out on its own ballots, then
    /// weighted; nil: one group.
    public var raters: [RaterGroup]?
    /// How many of the highest and as many of the lowest ballots each group drops before averaging (去掉一个最高分和一个最低分: 1);
    /// `average` items of counts, and `trimmedMean` items from the forms (where it is needed). Nil: none dropped.
    public var trim: Int?
    /// The result when every ballot on the item abstained; nil: such a subject is rejected.
    public var whenNoneCounted: ExactDecimal?
    /// Marks a number here that the source document does not give (示例值), e.g. 原文未给出具体分值，此为示例值: `pbk validate` and
    /// ``RulePack/exampleValues`` list every marked place, to be replaced before use. Nil: none.
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
    /// A short name without `:`, e.g. 领导; its counts are inputs named `item:group:choice`.
    public var id: String
    /// What people read, e.g. 领导班子; nil: the id is shown.
    public var label: String?
    /// Its share of the item, e.g. 0.7 for 70% (`"70%"` in a pack).
    public var weight: ExactDecimal

    /// A group `id` with `weight`.
    public init(id: String, label: String? = nil, weight: ExactDecimal) {
      self.id = id
      self.label = label
      self.weight = weight
    }
  }

  /// Records given per period (分期记录, e.g. four quarters), aggregated into one value.
  public struct Period: Sendable, Hashable, Codable {
    /// The name formulas use for the aggregate, e.g. 日常; each period is an input named `id:part` (`日常:一季度`).
    public var id: String
    /// What people read, e.g. 日常考核; nil: the id is shown.
    public var label: String?
    /// The periods in order (各期名称), e.g. `["一季度", "二季度", "三季度", "四季度"]`; each is an input named `id:part`, and ``min``,
    /// ``max``, ``type`` and ``unit`` apply to every one.
    public var parts: [String]
    /// Each period's value type, ``InputDeclaration/ValueType/number`` or `integer`; nil: `number`.
    public var type: InputDeclaration.ValueType?
    /// The unit of each period's value, e.g. 小时; nil: none.
    public var unit: String?
    /// The least value of one period (每期最小值, inclusive); data below it is rejected.
    public var min: ExactDecimal
    /// The greatest value of one period (每期最大值, inclusive); data above it is rejected.
    public var max: ExactDecimal
    /// The most one period counts toward the aggregate and the checks (每期最多计, e.g. 每季度 1 篇): a period above it
    /// counts this much and the excess is traced as not counted; between ``min`` and ``max``, exclusive. Nil: every
    /// period counts as given.
    public var maxPerPeriod: ExactDecimal?
    /// How the periods make one value: `average` (平均, exact to 12 places), `sum` (合计), `minimum` (最低), `maximum` (最高)
    /// or `latest` (最近一期).
    public var aggregate: String
    /// What an empty period does: `error` (the subject is rejected, naming it), `skip` (left out of the aggregate and
    /// the checks), `zero` (counted as 0) or `carryLast` (the previous period's value).
    public var whenMissing: String
    /// Decimal places the aggregate is rounded to, 0–6, by the pack's ``PackModel/rounding``; nil: not rounded.
    public var precision: Int?
    /// Thresholds checked in every counted period (逐期检查); each check's id names the count of periods below it.
    public var checks: [PeriodCheck]?
    /// Marks a number here that the source document does not give (示例值), e.g. 原文未给出具体分值，此为示例值: `pbk validate` and
    /// ``RulePack/exampleValues`` list every marked place, to be replaced before use. Nil: none.
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
    /// The name formulas use for the count, e.g. 低分季度数: `低分季度数 > 0` for “any quarter below 60”.
    public var id: String
    /// What people read, e.g. 季度得分低于60分; nil: the id is shown.
    public var label: String?
    /// The threshold: periods with a value below it are counted, e.g. 60.
    public var below: ExactDecimal
    /// Marks a number here that the source document does not give (示例值), e.g. 原文未给出具体分值，此为示例值: `pbk validate` and
    /// ``RulePack/exampleValues`` list every marked place, to be replaced before use. Nil: none.
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
    /// The name formulas use for the points total, e.g. 积分. The ledger itself is never clamped: bound it in the score,
    /// e.g. `CLAMP(积分, 0, 100)`.
    public var id: String
    /// What people read, e.g. 年度积分; nil: the id is shown.
    public var label: String?
    /// The day the ledger closes (台账截止日期), `YYYY-MM-DD`: an event after it is rejected, and expiry counts back from it.
    public var asOf: String
    /// The points everyone starts from (基础分), e.g. 60.
    public var base: ExactDecimal
    /// Last year's points carried over (上年积分结转); nil: none.
    public var carryOver: CarryOver?
    /// Categories of points (积分类别) with their caps; nil: none.
    public var categories: [LedgerCategory]?
    /// How each kind of event counts (事件计分规则); an event of a kind with no rule is rejected, never ignored.
    public var rules: [LedgerRule]
    /// Thresholds the running balance is checked against at each month, quarter or half-year end of the ledger's year
    /// (积分逐季检查); each check's id names the count of period ends below it. Nil: none.
    public var checks: [LedgerCheck]?
    /// Marks a number here that the source document does not give (示例值), e.g. 原文未给出具体分值，此为示例值: `pbk validate` and
    /// ``RulePack/exampleValues`` list every marked place, to be replaced before use. Nil: none.
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
    /// The number input holding last year's total, e.g. 上年积分.
    public var input: String
    /// The share of it carried over, e.g. 0.1 for 10% (`"10%"` in a pack).
    public var share: ExactDecimal

    /// Carries `share` of `input` over.
    public init(input: String, share: ExactDecimal) {
      self.input = input
      self.share = share
    }
  }

  /// A category of ledger points with its cap.
  public struct LedgerCategory: Sendable, Hashable, Codable {
    /// The category's name, as rules give it in ``PackModel/LedgerRule/category``.
    public var id: String
    /// What people read, e.g. 日常表现; nil: the id is shown.
    public var label: String?
    /// The most its rules add in the year, and separately the most they deduct, e.g. 15.
    public var max: ExactDecimal
    /// Marks a number here that the source document does not give (示例值), e.g. 原文未给出具体分值，此为示例值: `pbk validate` and
    /// ``RulePack/exampleValues`` list every marked place, to be replaced before use. Nil: none.
    public var exampleValue: String?

    /// A category `id` capped at `max`.
    public init(id: String, label: String? = nil, max: ExactDecimal) {
      self.id = id
      self.label = label
      self.max = max
    }
  }

  /// A check of a ledger's running balance at each period end of its year (积分每季度末检查): its `id` is how many
  /// of those ends the balance is below `below`, a number formulas use.
  public struct LedgerCheck: Sendable, Hashable, Codable {
    /// The name formulas use for the count, e.g. 低分季度数.
    public var id: String
    /// What people read, e.g. 季度末积分低于60分.
    public var label: String?
    /// When the balance is taken: `monthEnds`, `quarterEnds` or `halfYearEnds` (the last being `asOf`).
    public var checkAt: String
    /// The threshold: period ends with a balance below it are counted.
    public var below: ExactDecimal
    /// Marks a number here that the source document does not give (示例值), e.g. 原文未给出具体分值，此为示例值: `pbk validate` and
    /// ``RulePack/exampleValues`` list every marked place, to be replaced before use. Nil: none.
    public var exampleValue: String?

    /// A check `id` of the balance at `checkAt` against `below`.
    public init(id: String, label: String? = nil, checkAt: String, below: ExactDecimal) {
      self.id = id
      self.label = label
      self.checkAt = checkAt
      self.below = below
    }
  }

  /// How one kind of ledger event counts.
  public struct LedgerRule: Sendable, Hashable, Codable {
    /// Points added: one amount, or an amount per level (国家级, 省级, …).
    public enum Award: Sendable, Hashable, Codable {
      /// The same points added each time, e.g. 2.
      case amount(ExactDecimal)
      /// Points by level (按级别), in the order written, e.g. 国家级 10, 省级 5, 市级 3; an event without a listed level is
      /// rejected.
      case byLevel(PackEntries<ExactDecimal>)

      /// Reads a number, or an object of numbers by level.
      public init(from decoder: any Decoder) throws {
        if let amount = try? decoder.singleValueContainer().decode(ExactDecimal.self) {
          self = .amount(amount)
        } else {
          self = .byLevel(try decoder.singleValueContainer().decode(PackEntries<ExactDecimal>.self))
        }
      }

      /// Writes a number, or an object of numbers by level.
      public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .amount(let value): try container.encode(value)
        case .byLevel(let values): try container.encode(values)
        }
      }
    }

    /// Points deducted: one amount, or an amount per severity.
    public enum Deduction: Sendable, Hashable, Codable {
      /// The same points deducted each time, e.g. 1.
      case amount(ExactDecimal)
      /// Points by severity (按情节), in the order written, e.g. 一般 1, 较重 3, 严重 5; an event without a listed severity is
      /// rejected.
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

    /// The event kind it scores, as events write it, e.g. 学习 or 缺席.
    public var kind: String
    /// What people read, e.g. 参加集中学习; nil: the kind is shown.
    public var label: String?
    /// The subjects the rule applies to, a condition on inputs, ballots and periods (e.g. `职务 = '支部委员'`: 按身份计分);
    /// of a kind's rules the first whose condition holds applies. Nil: every subject.
    public var when: String?
    /// Its category, by ``PackModel/LedgerCategory/id``; nil: none.
    public var category: String?
    /// Points added each time: one amount (e.g. 2), or an amount per level (按级别, e.g. 国家级 10, 省级 5). A rule gives
    /// exactly one of `award`, ``deduct`` and ``reset``.
    public var award: Award?
    /// Points deducted each time: one amount, or an amount per severity. A rule gives exactly one of ``award``,
    /// `deduct` and ``reset``.
    public var deduct: Deduction?
    /// `true`: the event resets the total to 0 (积分清零, a veto: base, carry-over and every other event are void).
    public var reset: Bool?
    /// The most this rule adds or deducts in the year (每次2分，全年最多10分); nil: no limit of its own.
    public var max: ExactDecimal?
    /// The most this rule adds or deducts in one calendar ``period`` (每季度最多 1 分), below ``max``; needs ``period``.
    /// Nil: no limit per period.
    public var maxPerPeriod: ExactDecimal?
    /// The calendar period ``maxPerPeriod`` counts in: `month` (每月), `quarter` (每季度) or `halfYear` (每半年).
    public var period: String?
    /// `true`: not limited by its category's `max`, and not counted toward it; needs a ``category``.
    public var exemptFromCap: Bool?
    /// A deduction of the same kind within this many days after the previous one counts double; 1–3660, deductions
    /// only. The repeat is judged on the dates alone: it doubles even when the previous deduction has expired. Nil:
    /// repeats count once.
    public var repeatWithinDays: Int?
    /// An award or deduction more than this many days before the day the balance is taken (``PackModel/Ledger/asOf``,
    /// or a check's period end) no longer counts; 1–3660. Nil: events do not expire.
    public var expiresAfterDays: Int?
    /// `true`: of this rule's awards (and those of other `highestOnly` rules) naming the same `incident`, only the
    /// highest counts (同一事项只计最高一项); awards only. Nil: every award counts.
    public var highestOnly: Bool?
    /// A condition on inputs, ballots and periods while which this rule's awards are recorded but not counted
    /// (处分影响期内暂停加分); awards only. Nil: never suspended.
    public var suspendedWhile: String?
    /// Marks a number here that the source document does not give (示例值), e.g. 原文未给出具体分值，此为示例值: `pbk validate` and
    /// ``RulePack/exampleValues`` list every marked place, to be replaced before use. Nil: none.
    public var exampleValue: String?

    /// A rule for events of `kind`.
    public init(kind: String, label: String? = nil, award: Award? = nil, deduct: Deduction? = nil) {
      self.kind = kind
      self.label = label
      self.award = award
      self.deduct = deduct
    }
  }
}

/// A value as a pack writes it: a number, true/false or text (an input's default, a test case's input).
public enum PackValue: Sendable, Hashable, Codable {
  /// A number, exact: `85.5`, `0` (a JSON number in a pack file).
  case number(ExactDecimal)
  /// True or false (是/否).
  case boolean(Bool)
  /// Text: a choice such as `"无"`, or a number written as text.
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
  /// The type of an entry's name: the key of a JSON object.
  public typealias Key = String
  /// One name and its value.
  public struct Entry: Sendable, Hashable {
    /// The name, e.g. a ballot choice (好) or a severity (严重).
    public var key: String
    /// Its value, e.g. the points of that choice or severity.
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

  /// The position of the first entry (0).
  public var startIndex: Int { entries.startIndex }
  /// The position after the last entry: the number of entries.
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
