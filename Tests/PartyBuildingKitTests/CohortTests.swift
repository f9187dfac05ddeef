import Testing

@testable import PartyBuildingKit

/// The cohort stage from the library: ranks, labels by share with declared rounding, quotas.
@Suite struct CohortTests {
  static func pack(_ cohort: String) throws -> RulePack {
    try RulePack.load(
      json: """
        {"formatVersion": 1, "id": "t", "version": "1", "title": "t", "source": {"document": "d"}, "fullMarks": 100,
         "inputs": [{"id": "s", "type": "number", "min": 0, "max": 100, "required": true}],
         "components": [{"id": "c", "fullMarks": 100, "score": "s"}],
         "grades": {"bands": [{"grade": "优秀", "min": 90}, {"grade": "良好", "min": 60, "below": 90}, {"grade": "差", "min": 0, "below": 60}]},
         "cohort": \(cohort)}
        """)
  }

  /// Scores and ranks subjects with these scores, ids v1, v2, …
  static func ranked(_ pack: RulePack, _ scores: [Int]) throws -> (assessments: [Assessment], quotas: [QuotaSummary]) {
    let inputs = scores.enumerated().map { index, score in
      AssessmentInput(subject: Subject(id: "v\(index + 1)"), values: ["s": .number(ExactDecimal(score))])
    }
    let (results, quotas) = pack.assessCohort(inputs)
    return (try results.map { try $0.get() }, quotas)
  }

  @Test(arguments: [("up", 5), ("down", 4), ("nearest", 5)])
  func bottomFivePercentOf92(_ rounding: String, _ expected: Int) throws {
    let pack = try Self.pack(#"{"labels": [{"id": "后进", "bottom": "5%", "rounding": "\#(rounding)"}]}"#)
    // 92 villages with distinct scores 8…99: 5% × 92 = 4.6.
    let ranked = try Self.ranked(pack, (0..<92).map { 99 - $0 }).assessments
    let labelled = ranked.filter { !$0.labels.isEmpty }.map(\.subject.id)
    #expect(labelled.count == expected)
    #expect(labelled == (92 - expected + 1...92).map { "v\($0)" })
    #expect(ranked[91].rank == 92 && ranked[91].cohortSize == 92)
  }

  @Test func tiesShareARankAndTheNextIsSkipped() throws {
    let pack = try Self.pack("{}")
    let ranked = try Self.ranked(pack, [80, 90, 80, 70]).assessments
    #expect(ranked.map(\.rank) == [2, 1, 2, 4])
  }

  @Test func hardCapMovesTheLowestRankedDownAndTheConsequencesFollow() throws {
    let pack = try Self.pack(#"{"quotas": [{"grade": "优秀", "atMost": "1/3", "rounding": "down"}]}"#)
    let (ranked, quotas) = try Self.ranked(pack, [99, 91, 95, 93, 50, 60])
    #expect(ranked.map(\.grade) == ["优秀", "良好", "优秀", "良好", "差", "良好"])
    #expect(ranked[1].quotaMoves.count == 1)
    #expect(quotas.first?.before == 4 && quotas.first?.after == 2 && quotas.first?.count == 2)
  }

  @Test func guideReportsTheDeviationAndChangesNothing() throws {
    let pack = try Self.pack(#"{"quotas": [{"grade": "优秀", "guide": "10%", "rounding": "nearest"}]}"#)
    let (ranked, quotas) = try Self.ranked(pack, [99, 91, 95, 93, 50, 60])
    #expect(ranked.map(\.grade) == ["优秀", "优秀", "优秀", "优秀", "差", "良好"])
    #expect(quotas.first?.deviation == 3)
    #expect(quotas.first?.description.contains("比指导数多 3 个") == true)
  }

  @Test func compactEntriesRankWithoutTheAssessments() throws {
    let pack = try Self.pack(#"{"labels": [{"id": "前", "top": "50%", "rounding": "up", "ties": "none"}]}"#)
    let entries = [
      CohortEntry(subjectID: "a", keys: [80]), CohortEntry(subjectID: "b", keys: [90]),
      CohortEntry(subjectID: "c", keys: [80]), CohortEntry(subjectID: "d", keys: [70], excluded: true),
    ]
    let result = pack.rankCohort(entries)
    #expect(result.outcomes.map(\.rank) == [2, 1, 2, nil])
    // ceil(50% × 3) = 2, but a and c tie across the limit and "ties": "none" gives it to neither.
    #expect(result.outcomes.map { $0.labels.map(\.id) } == [[], ["前"], [], []])
  }

  // MARK: - Head counts, shares per group, sets, fill-ups, labels that trigger consequences

  /// A pack with `cohort`, these consequences and these extra inputs (beside `s`), grades 优秀/良好/差, stars 3/2/1.
  static func pack(cohort: String, consequences: String = "[]", inputs: String = "") throws(PackLoadError) -> RulePack {
    try RulePack.load(
      json: """
        {"formatVersion": 1, "id": "t", "version": "1", "title": "t", "source": {"document": "d"}, "fullMarks": 100,
         "inputs": [{"id": "s", "type": "number", "min": 0, "max": 100, "required": true}\(inputs)],
         "components": [{"id": "c", "fullMarks": 100, "score": "s"}],
         "grades": {"bands": [{"grade": "优秀", "min": 90}, {"grade": "良好", "min": 60, "below": 90}, {"grade": "差", "min": 0, "below": 60}]},
         "stars": {"items": [{"id": "i", "label": "i", "earnedWhen": "s >= 10"}],
                   "levels": [{"stars": 3, "minItems": 1, "when": "s >= 90"}, {"stars": 2, "minItems": 1, "when": "s >= 70"},
                              {"stars": 1, "minItems": 1}]},
         "consequences": \(consequences),
         "cohort": \(cohort)}
        """)
  }

  /// Scores and ranks subjects given as (id, facts) together.
  static func ranked(_ pack: RulePack, _ subjects: [(String, [String: InputValue], String?)]) throws -> [Assessment] {
    let inputs = subjects.map { AssessmentInput(subject: Subject(id: $0.0, parent: $0.2), values: $0.1) }
    return try pack.assessCohort(inputs).results.map { try $0.get() }
  }

  static func scores(_ scores: [Int], parent: String? = nil) -> [(String, [String: InputValue], String?)] {
    scores.enumerated().map { ("v\($0.offset + 1)", ["s": .number(ExactDecimal($0.element))], parent) }
  }

  /// The problems of loading `cohort` (and consequences), one message per line.
  static func problems(_ cohort: String, consequences: String = "[]") -> String {
    do {
      _ = try pack(cohort: cohort, consequences: consequences)
      return ""
    } catch {
      return "\(error)"
    }
  }

  @Test(arguments: [
    (#"{"labels": [{"id": "x", "bottom": 1, "rounding": "up"}]}"#, "for a head count (1 名) write 'bottomCount': 1 instead"),
    (#"{"labels": [{"id": "x", "top": "3", "rounding": "up"}]}"#, "for a head count (3 名) write 'topCount': 3 instead"),
    (#"{"labels": [{"id": "x", "bottom": 1.5, "rounding": "up"}]}"#, "a share written as a plain number is below 1"),
    (#"{"labels": [{"id": "x", "bottom": "3 名", "rounding": "up"}]}"#, "'3 名' is a head count, not a share: write 'bottomCount': 3"),
    (#"{"quotas": [{"grade": "优秀", "atMost": 2, "rounding": "up"}]}"#, "write 'atMostCount': 2 instead"),
    (#"{"quotas": [{"grade": "优秀", "guide": "1", "rounding": "up"}]}"#, "write 'guideCount': 1 instead"),
    (#"{"labels": [{"id": "x", "bottomCount": 1, "fillTo": 1, "rounding": "up"}]}"#, "'fillTo' is a share of the group"),
  ])
  func aBareNumberOfOneOrMoreIsNeverAShare(_ cohort: String, _ message: String) {
    // `"bottom": 1` read as 100% labelled everyone; a plain number at or above 1 is now a mistake, located and worded.
    let problems = Self.problems(cohort)
    #expect(problems.contains(message), "\(problems)")
    #expect(problems.contains("(at /cohort/"))
  }

  @Test func oneHundredPercentAndPlainDecimalsAreStillShares() throws {
    let pack = try Self.pack(cohort: #"{"labels": [{"id": "all", "bottom": "100%", "rounding": "up"}, {"id": "half", "top": 0.5, "rounding": "up"}]}"#)
    let ranked = try Self.ranked(pack, Self.scores([90, 80, 70, 60]))
    #expect(ranked.map { $0.labels.map(\.id) } == [["all", "half"], ["all", "half"], ["all"], ["all"]])
  }

  @Test(arguments: [("all", ["v3", "v4", "v5"]), ("none", ["v5"])])
  func headCountsKeepTheTieRules(_ ties: String, _ expected: [String]) throws {
    let pack = try Self.pack(cohort: #"{"labels": [{"id": "末二", "bottomCount": 2, "ties": "\#(ties)"}]}"#)
    // v3 and v4 tie across the second-to-last place.
    let ranked = try Self.ranked(pack, Self.scores([90, 80, 70, 70, 60]))
    #expect(ranked.filter { !$0.labels.isEmpty }.map(\.subject.id) == expected)
    #expect(ranked[4].labels.first?.reason == "倒数 2 名：全体 共 5 个，排第 5 名")
  }

  @Test func aHeadCountAboveTheGroupGivesEveryone() throws {
    let pack = try Self.pack(cohort: #"{"labels": [{"id": "前五", "topCount": 5}]}"#)
    let ranked = try Self.ranked(pack, Self.scores([90, 80, 70]))
    #expect(ranked.allSatisfy { $0.labels.map(\.id) == ["前五"] })
  }

  @Test func aQuotaByHeadCount() throws {
    let pack = try Self.pack(
      cohort: #"{"quotas": [{"grade": "优秀", "atMostCount": 1}, {"stars": 2, "guideCount": 1}]}"#)
    let (results, quotas) = pack.assessCohort(
      Self.scores([99, 95, 91, 75, 72]).map { AssessmentInput(subject: Subject(id: $0.0), values: $0.1) })
    let ranked = try results.map { try $0.get() }
    #expect(ranked.map(\.grade) == ["优秀", "良好", "良好", "良好", "良好"])
    #expect(ranked[1].quotaMoves == ["名额：优秀不超过 1 个，全体 共 5 个；本单位在优秀中排第 2 位，超出名额，由优秀调为良好"])
    #expect(quotas[0].description == "优秀 名额上限 1（共 5 个，定额 1 个）；评定 3 个，按排名调出 2 个，现 1 个")
    #expect(quotas[1].description == "2 星 指导数 1（共 5 个，定额 1 个）；实际 2 个，比指导数多 1 个（仅提示，不调整）")
  }

  @Test func sharesAndCountsPerGroupOfAChoiceInput() throws {
    let pack = try Self.pack(
      cohort: #"""
        {"groupBy": "类别",
         "labels": [{"id": "后进", "bottom": "5%", "byGroup": {"村": "10%", "社区": "0%"}, "rounding": "up"}],
         "quotas": [{"grade": "优秀", "atMostCount": 1, "byGroup": {"村": 2}}]}
        """#,
      inputs: #", {"id": "类别", "type": "choice", "choices": ["村", "社区", "居委会"], "required": true}"#)
    var subjects: [(String, [String: InputValue], String?)] = []
    for (kind, count) in [("村", 20), ("社区", 10), ("居委会", 10)] {
      for index in 0..<count {
        subjects.append(("\(kind)\(index)", ["s": .number(ExactDecimal(99 - index)), "类别": .text(kind)], nil))
      }
    }
    let ranked = try Self.ranked(pack, subjects)
    func labelled(_ kind: String) -> [String] { ranked.filter { $0.cohortGroup == kind && !$0.labels.isEmpty }.map(\.subject.id) }
    // 村: ceil(10% × 20) = 2; 社区: 0% gives none; 居委会 is not listed: the label's own 5%, ceil(5% × 10) = 1.
    #expect(labelled("村") == ["村18", "村19"])
    #expect(labelled("社区").isEmpty)
    #expect(labelled("居委会") == ["居委会9"])
    #expect(ranked.first { $0.subject.id == "村19" }?.labels.first?.reason == "倒数 10%：类别“村” 共 20 个，ceil(10% × 20 = 2) = 2 个，排第 20 名")
    // 优秀 (90 and above): 村 keeps 2, the others 1.
    #expect(ranked.filter { $0.cohortGroup == "村" && $0.grade == "优秀" }.count == 2)
    #expect(ranked.filter { $0.cohortGroup == "社区" && $0.grade == "优秀" }.count == 1)
  }

  @Test func sharesPerGroupByParentFallBackToTheLabelsOwn() throws {
    let pack = try Self.pack(
      cohort: #"{"groupBy": "parent", "labels": [{"id": "末", "bottomCount": 1, "byGroup": {"乙镇": 2}}]}"#)
    let ranked = try Self.ranked(pack, Self.scores([90, 80, 70], parent: "甲镇") + Self.scores([90, 80, 70], parent: "乙镇").map { ("b" + $0.0, $0.1, $0.2) })
    #expect(ranked.filter { !$0.labels.isEmpty }.map(\.subject.id) == ["v3", "bv2", "bv3"])
  }

  @Test func aFillUpCountsAlsoWhenAndFillsFromItsEnd() throws {
    let cohort = #"""
      {"labels": [{"id": "整顿", "bottomCount": 0, "alsoWhen": "空缺", "fillTo": "20%", "rounding": "up", "ties": "none"},
                  {"id": "先进", "topCount": 1, "fillTo": "30%", "rounding": "down"}]}
      """#
    let pack = try Self.pack(cohort: cohort, inputs: #", {"id": "空缺", "type": "boolean", "default": false}"#)
    func run(_ scores: [Int], vacant: Set<Int>) throws -> [Assessment] {
      try Self.ranked(
        pack,
        scores.enumerated().map { index, score in
          ("v\(index + 1)", ["s": .number(ExactDecimal(score)), "空缺": .boolean(vacant.contains(index + 1))], nil)
        })
    }
    let ten = [95, 90, 85, 80, 75, 70, 65, 60, 55, 50]
    // ceil(20% × 10) = 2: v4 by its condition counts, and one more from the bottom (v10).
    var ranked = try run(ten, vacant: [4])
    #expect(ranked.filter { $0.labels.contains { $0.id == "整顿" } }.map(\.subject.id) == ["v4", "v10"])
    #expect(
      ranked[9].labels.first?.reason == "倒数补足至 20%：全体 共 10 个，ceil(20% × 10 = 2) = 2 个，已列入 1 个，排第 10 名")
    // From the top: 1 by rank, then up to floor(30% × 10) = 3.
    #expect(ranked.filter { $0.labels.contains { $0.id == "先进" } }.map(\.subject.id) == ["v1", "v2", "v3"])
    // Two by their condition already reach the share: nobody is added.
    ranked = try run(ten, vacant: [2, 5])
    #expect(ranked.filter { $0.labels.contains { $0.id == "整顿" } }.map(\.subject.id) == ["v2", "v5"])
    // A tie across the limit with "ties": "none": neither of the tied is added, and the fill-up stops there.
    ranked = try run([95, 90, 85, 80, 75, 70, 65, 60, 50, 50], vacant: [4])
    #expect(ranked.filter { $0.labels.contains { $0.id == "整顿" } }.map(\.subject.id) == ["v4"])
  }

  @Test func capsAndGuidesOverSeveralGradesAndStarLevels() throws {
    let pack = try Self.pack(
      cohort: #"""
        {"quotas": [{"grades": ["优秀", "良好"], "atMost": "1/2", "rounding": "down"},
                    {"starsAtLeast": 2, "atMostCount": 1},
                    {"starsAtMost": 1, "guide": "50%", "rounding": "nearest"}]}
        """#)
    let (results, quotas) = pack.assessCohort(
      Self.scores([95, 85, 75, 65, 55, 45]).map { AssessmentInput(subject: Subject(id: $0.0), values: $0.1) })
    let ranked = try results.map { try $0.get() }
    // 良好及以上: 4 of 6 against floor(1/2 × 6) = 3: the lowest-ranked of them (v4) falls to 差, below the set.
    #expect(ranked.map(\.grade) == ["优秀", "良好", "良好", "差", "差", "差"])
    #expect(ranked[3].quotaMoves.first == "名额：良好及以上不超过 1/2，全体 共 6 个，floor(1/2 × 6 = 3) = 3 个；本单位在良好及以上中排第 4 位，超出名额，由良好调为差")
    // 2 星及以上: v1 (3 stars), v2, v3 (2 stars) against 1: v2 and v3 fall to 1 star, the level below the set.
    #expect(ranked.map(\.stars) == [3, 1, 1, 1, 1, 1])
    #expect(ranked[1].quotaMoves.last == "名额：2 星及以上不超过 1 个，全体 共 6 个；本单位在2 星及以上中排第 2 位，超出名额，由 2 星调为 1 星")
    #expect(quotas.map(\.what) == ["良好及以上", "2 星及以上", "1 星及以下"])
    #expect(quotas[2].before == 5 && quotas[2].count == 3 && !quotas[2].isCap)
  }

  @Test func consequencesFollowFromLabelsAndSaySo() throws {
    let pack = try Self.pack(
      cohort: #"{"exclude": "新设", "labels": [{"id": "后进", "label": "相对后进", "bottomCount": 1, "alsoWhen": "空缺"}]}"#,
      consequences: #"""
        [{"id": "整顿", "label": "列入整顿名单", "when": "空缺", "onLabels": ["后进"]},
         {"id": "不评先", "label": "取消评先资格", "onGrades": ["差"], "onLabels": ["后进"]}]
        """#,
      inputs: #", {"id": "空缺", "type": "boolean", "default": false}, {"id": "新设", "type": "boolean", "default": false}"#)
    // The same pack through its model (written as a pack file and loaded again).
    let pack2 = try RulePack.compile(pack.model, name: "model")
    for pack in [pack, pack2] {
      let inputs = [(95, false, false), (70, true, false), (50, false, false), (40, true, true)].enumerated().map { index, facts in
        AssessmentInput(
          subject: Subject(id: "v\(index + 1)"),
          values: ["s": .number(ExactDecimal(facts.0)), "空缺": .boolean(facts.1), "新设": .boolean(facts.2)])
      }
      let ranked = try pack.assessCohort(inputs, explain: true).results.map { try $0.get() }
      func reasons(_ index: Int) -> [String] { ranked[index].consequences.map { "\($0.id)：\($0.reason)" } }
      #expect(reasons(0).isEmpty)
      // By its condition, then by the label its condition gave.
      #expect(reasons(1) == ["整顿：空缺", "不评先：标签：相对后进"])
      #expect(ranked[1].trace.contains { $0.kind == .consequence && $0.message == "取消评先资格（因标签：相对后进）" })
      // By rank (last): the list by the label; 取消评先 by the grade, decided before the ranking.
      #expect(reasons(2) == ["整顿：标签：相对后进", "不评先：等次为差"])
      // Left out: no rank, no label even though its condition holds; the consequences' own triggers still apply.
      #expect(ranked[3].rank == nil && ranked[3].labels.isEmpty)
      #expect(reasons(3) == ["整顿：空缺", "不评先：等次为差"])
      #expect(ranked[3].trace.contains { $0.message == "不给相对后进：不参加排名的不计数、不给标签（空缺 虽成立）" })
    }
    // Scored alone, a subject is not ranked: no label, so nothing follows from one.
    let alone = try pack.assess(AssessmentInput(subject: Subject(id: "x"), values: ["s": .number(70)]))
    #expect(alone.consequences.isEmpty)
  }

  @Test func aLeftOutSubjectIsNotCountedTowardAFillUp() throws {
    let pack = try Self.pack(
      cohort: #"{"exclude": "新设", "labels": [{"id": "整顿", "bottomCount": 0, "alsoWhen": "空缺", "fillTo": "1/5", "rounding": "up"}]}"#,
      inputs: #", {"id": "空缺", "type": "boolean", "default": false}, {"id": "新设", "type": "boolean", "default": false}"#)
    var subjects = Self.scores([90, 80, 70, 60, 50])
    subjects.append(("new", ["s": .number(40), "空缺": .boolean(true), "新设": .boolean(true)], nil))
    let ranked = try Self.ranked(pack, subjects)
    // ceil(1/5 × 5) = 1 among the 5 ranked; the one left out neither counts nor is labelled.
    #expect(ranked.filter { !$0.labels.isEmpty }.map(\.subject.id) == ["v5"])
  }

  @Test func theModelCarriesTheNewKeys() throws {
    let pack = try RulePack.load(path: Paths.repository + "/RulePacks/examples/cohort-counts/pack.json")
    let model = pack.model
    let label = try #require(model.cohort?.labels?.first)
    #expect(label.bottomCount == 1 && label.byGroup?["乙镇"] == .number(2) && label.fillTo == "10%" && label.rounding == "up")
    #expect(model.cohort?.labels?[1].topCount == 1 && model.cohort?.labels?[1].rounding == nil)
    let quotas = try #require(model.cohort?.quotas)
    #expect(quotas[0].atMostCount == 2 && quotas[0].byGroup?["乙镇"] == .number(3))
    #expect(quotas[1].grades == ["优秀", "良好"] && quotas[1].atMost == "60%")
    #expect(model.consequences?.first?.onLabels == ["整顿"])
    // Built in Swift: a head count, a quota over star levels and a consequence by label.
    var built = model
    built.cohort?.labels?[0] = PackModel.CohortLabel(id: "整顿", label: "末位", bottomCount: 2)
    built.cohort?.quotas = [PackModel.Quota(grade: "优秀", atMostCount: 1)]
    let rebuilt = try RulePack.compile(built, name: "swift")
    let inputs = [97, 96, 60, 50].enumerated().map { index, score in
      AssessmentInput(subject: Subject(id: "v\(index)", parent: "甲镇"), values: ["score": .number(ExactDecimal(score))])
    }
    let ranked = try rebuilt.assessCohort(inputs).results.map { try $0.get() }
    #expect(ranked.map { $0.labels.map(\.id) } == [["先进"], [], ["整顿"], ["整顿"]])
    #expect(ranked.map(\.grade) == ["优秀", "良好", "一般", "较差"])
    #expect(ranked[2].consequences.map(\.reason) == ["标签：末位", "标签：末位"])
  }
}
