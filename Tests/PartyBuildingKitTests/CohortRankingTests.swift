import SeededRandom
import Testing

@testable import PartyBuildingKit

/// The compact cohort ranking (``CohortEntries`` → ``CohortRanking``): the same outcomes, words included, as the
/// direct algorithm on whole entries, in a few bytes per subject.
@Suite struct CohortRankingTests {
  /// Groups by parent; two keys (the total, then `b` lower first); labels from the bottom and the top with both
  /// kinds of ties and a forced one; caps on a grade and on star levels, and a guide.
  static let pack: RulePack = try! RulePack.load(
    json: """
      {"formatVersion": 1, "id": "t", "version": "1", "title": "t", "source": {"document": "d"}, "fullMarks": 100,
       "inputs": [{"id": "s", "type": "number", "min": 0, "max": 100, "required": true},
                  {"id": "b", "type": "number", "min": 0, "max": 10, "default": 0},
                  {"id": "w", "type": "boolean", "default": false},
                  {"id": "n", "type": "boolean", "default": false}],
       "components": [{"id": "c", "fullMarks": 100, "score": "s"}],
       "grades": {"bands": [{"grade": "优秀", "min": 90}, {"grade": "良好", "min": 75, "below": 90},
                            {"grade": "一般", "min": 60, "below": 75}, {"grade": "差", "min": 0, "below": 60}]},
       "consequences": [{"id": "talk", "label": "约谈", "onGrades": ["一般"]}],
       "stars": {"items": [{"id": "i", "label": "i", "scope": "common", "earnedWhen": "s >= 50"}],
                 "levels": [{"stars": 3, "minItems": 1, "when": "s >= 90"}, {"stars": 2, "minItems": 1, "when": "s >= 70"},
                            {"stars": 1, "minItems": 1}]},
       "cohort": {"groupBy": "parent", "tieBreakers": [{"by": "b", "order": "lowerFirst", "label": "b"}], "exclude": "n",
         "labels": [{"id": "后进", "label": "相对后进", "bottom": "20%", "rounding": "up", "ties": "all", "alsoWhen": "w"},
                    {"id": "先进", "label": "先进", "top": "10%", "rounding": "nearest", "ties": "none"},
                    {"id": "末三", "bottom": "1/3", "rounding": "down", "ties": "none", "alsoWhen": "w"}],
         "quotas": [{"grade": "优秀", "atMost": "1/3", "rounding": "down", "ties": "none"},
                    {"grade": "良好", "atMost": "2/5", "rounding": "up", "ties": "all"},
                    {"stars": 3, "atMost": "20%", "rounding": "nearest", "ties": "all"},
                    {"stars": 2, "atMost": "1/4", "rounding": "down", "ties": "none"},
                    {"grade": "一般", "guide": "30%", "rounding": "nearest"}]}}
      """)

  /// Head counts (one group's its own, one group's 0), a fill-up to a share from either end with both kinds of ties,
  /// a fill-up alone (`bottomCount` 0), shares per group; caps by head count per group, over adjacent grades and over
  /// star levels from a level up, guides over the lower star levels and the lower grades.
  static let countsPack: RulePack = try! RulePack.load(
    json: """
      {"formatVersion": 1, "id": "t", "version": "1", "title": "t", "source": {"document": "d"}, "fullMarks": 100,
       "inputs": [{"id": "s", "type": "number", "min": 0, "max": 100, "required": true},
                  {"id": "b", "type": "number", "min": 0, "max": 10, "default": 0},
                  {"id": "w", "type": "boolean", "default": false},
                  {"id": "n", "type": "boolean", "default": false}],
       "components": [{"id": "c", "fullMarks": 100, "score": "s"}],
       "grades": {"bands": [{"grade": "优秀", "min": 90}, {"grade": "良好", "min": 75, "below": 90},
                            {"grade": "一般", "min": 60, "below": 75}, {"grade": "差", "min": 0, "below": 60}]},
       "consequences": [{"id": "list", "label": "整顿", "onLabels": ["末三", "补"]}],
       "stars": {"items": [{"id": "i", "label": "i", "scope": "common", "earnedWhen": "s >= 50"}],
                 "levels": [{"stars": 3, "minItems": 1, "when": "s >= 90"}, {"stars": 2, "minItems": 1, "when": "s >= 70"},
                            {"stars": 1, "minItems": 1}]},
       "cohort": {"groupBy": "parent", "tieBreakers": [{"by": "b", "order": "lowerFirst", "label": "b"}], "exclude": "n",
         "labels": [
           {"id": "末三", "bottomCount": 3, "byGroup": {"乙镇": 1, "丙镇": 0}, "alsoWhen": "w", "fillTo": "1/4", "rounding": "up"},
           {"id": "前二", "topCount": 2, "byGroup": {"甲镇": 1}, "ties": "none", "alsoWhen": "w", "fillTo": "20%", "rounding": "down"},
           {"id": "补", "bottomCount": 0, "fillTo": "30%", "alsoWhen": "w", "rounding": "nearest", "ties": "none"},
           {"id": "分组", "bottom": "10%", "byGroup": {"甲镇": "20%", "": "0%"}, "rounding": "up"}],
         "quotas": [{"grade": "优秀", "atMostCount": 3, "byGroup": {"乙镇": 1}, "ties": "all"},
                    {"grades": ["优秀", "良好"], "atMost": "1/2", "rounding": "down"},
                    {"starsAtLeast": 2, "atMostCount": 4},
                    {"starsAtMost": 1, "guide": "30%", "rounding": "nearest"},
                    {"grades": ["一般", "差"], "guideCount": 5, "byGroup": {"丙镇": 2}}]}}
      """)

  /// Entries with many ties, some left out, some forced labels, grades and stars at random (优秀 more often than its
  /// cap allows, so that some fall to 良好 and some of those on to 一般).
  static func entries(
    _ count: Int, _ random: inout SplitMix64, groups: [String] = ["甲镇", "乙镇", "", "丙镇"],
    grades: [Int?] = [0, 0, 0, 1, nil]
  ) -> [CohortEntry] {
    (0..<count).map { index in
      let grade = random.next(below: grades.count)
      let stars = random.next(below: 5)
      return CohortEntry(
        subjectID: "v\(index)", group: groups[random.next(below: groups.count)],
        keys: [ExactDecimal(significand: Int64(1700 + random.next(below: 40) * 5), scale: 1), ExactDecimal(random.next(below: 3))],
        gradeIndex: grades[grade], stars: stars == 4 ? nil : stars, excluded: random.next(below: 10) == 0,
        forcedLabels: (0..<random.next(below: 4)).map { _ in random.next(below: 8) == 0 })
    }
  }

  @Test(arguments: [0, 1, 2, 7, 40, 333])
  func compactOutcomesMatchTheDirectAlgorithm(_ count: Int) throws {
    var random = SplitMix64(seed: 0xC0_4087 &+ UInt64(count))
    let entries = Self.entries(count, &random)
    let expected = Reference.rank(Self.pack, entries)
    let result = Self.pack.rankCohort(entries)
    #expect(result.outcomes == expected.outcomes)
    #expect(result.quotas == expected.quotas)

    var compact = CohortEntries(for: Self.pack)
    for entry in entries { compact.append(entry) }
    let ranking = Self.pack.rankCohort(compact)
    #expect(ranking.count == count)
    #expect(ranking.quotas == expected.quotas)
    for index in 0..<count { #expect(ranking.outcome(at: index) == expected.outcomes[index]) }
    if count > 300 {
      // Every kind of decision was taken somewhere.
      #expect(expected.outcomes.contains { $0.movedGrade != nil })
      #expect(expected.outcomes.contains { $0.movedStars != nil })
      #expect(expected.outcomes.contains { $0.quotaMoves.count > 1 })
      #expect(expected.outcomes.contains { $0.labels.contains { $0.reason.hasSuffix("（不论排名）") } })
      #expect(expected.outcomes.contains { $0.labels.count > 1 })
      #expect(expected.outcomes.contains { $0.rank == nil })
    }
  }

  @Test(arguments: [0, 1, 5, 40, 333])
  func headCountsFillUpsAndSetsMatchTheDirectAlgorithm(_ count: Int) throws {
    var random = SplitMix64(seed: 0xC0_C0_47 &+ UInt64(count))
    let entries = Self.entries(count, &random, grades: [0, 0, 1, 1, 2, 3, nil])
    let expected = Reference.rank(Self.countsPack, entries)
    let result = Self.countsPack.rankCohort(entries)
    #expect(result.outcomes == expected.outcomes)
    #expect(result.quotas == expected.quotas)
    if count > 300 {
      let reasons = expected.outcomes.flatMap { $0.labels.map(\.reason) }
      #expect(reasons.contains { $0.hasPrefix("倒数 3 名：") })
      #expect(reasons.contains { $0.hasPrefix("倒数 1 名：上级“乙镇”") })
      #expect(reasons.contains { $0.hasPrefix("前 1 名：上级“甲镇”") })
      #expect(reasons.contains { $0.hasPrefix("倒数补足至 1/4：") })
      #expect(reasons.contains { $0.hasPrefix("前补足至 20%：") })
      #expect(reasons.contains { $0.hasPrefix("倒数补足至 30%：") })
      #expect(reasons.contains { $0.hasPrefix("倒数 20%：上级“甲镇”") })
      #expect(!reasons.contains { $0.contains("上级“（未填）”") && $0.hasPrefix("倒数 10%") })
      #expect(expected.outcomes.contains { $0.trace.contains { $0.message.hasPrefix("不给") } })
      let moves = expected.outcomes.flatMap(\.quotaMoves)
      #expect(moves.contains { $0.hasPrefix("名额：优秀不超过 1 个，上级“乙镇”") })
      #expect(moves.contains { $0.hasPrefix("名额：良好及以上不超过 1/2") && $0.hasSuffix("由良好调为一般") })
      #expect(moves.contains { $0.hasPrefix("名额：2 星及以上不超过 4 个") })
      #expect(expected.quotas.contains { $0.what == "1 星及以下" && !$0.isCap })
      #expect(expected.quotas.contains { $0.what == "一般及以下" && $0.working.hasSuffix("定额 2 个") })
    }
  }

  @Test func theWholeInputAsOneCohortNeedsNoGroupPerSubject() throws {
    var random = SplitMix64(seed: 7)
    let entries = Self.entries(200, &random, groups: ["甲镇"])
    var compact = CohortEntries(for: Self.pack)
    for entry in entries { compact.append(entry) }
    #expect(compact.groupOf.isEmpty)
    let ranking = Self.pack.rankCohort(compact)
    #expect(ranking.groupOf.isEmpty)
    #expect(ranking.outcomes == Reference.rank(Self.pack, entries).outcomes)
  }

  @Test func aSecondGroupGivesEveryEntryItsGroup() {
    var compact = CohortEntries(for: Self.pack)
    for group in ["甲镇", "甲镇", "乙镇", "甲镇", ""] {
      compact.append(CohortEntry(subjectID: "x", group: group, keys: [90, 0]))
    }
    #expect(compact.groups == ["甲镇", "乙镇", ""])
    #expect(compact.groupOf == [0, 0, 1, 0, 2])
  }

  @Test func aMissingKeyTiesWithAnything() throws {
    // Entries built by hand may give fewer keys than the pack declares: the missing ones do not decide.
    let entries = [
      CohortEntry(subjectID: "a", keys: [80, 1]), CohortEntry(subjectID: "b", keys: [80]),
      CohortEntry(subjectID: "c", keys: [80, 0]), CohortEntry(subjectID: "d", keys: []),
      CohortEntry(subjectID: "e", keys: [70, 2, 9]), CohortEntry(subjectID: "f", keys: [], excluded: true),
    ]
    let result = Self.pack.rankCohort(entries)
    #expect(result.outcomes == Reference.rank(Self.pack, entries).outcomes)
    // b, which gives only the total, ties with a and with c; d, which gives nothing, ties with every other.
    #expect(result.outcomes[1].trace.first?.message.contains("并列") == true)
    #expect(result.outcomes[3].trace.first?.message.contains("并列") == true)
    #expect(result.outcomes[5].rank == nil)
  }

  @Test func aGradeMovedByAQuotaCarriesTheNewGradesConsequences() throws {
    let pack = try RulePack.load(path: Paths.repository + "/RulePacks/examples/cohort/pack.json")
    let scores = [95, 92, 92, 91, 85, 70, 69, 88, 50]
    let inputs = scores.enumerated().map { index, score in
      AssessmentInput(
        subject: Subject(id: "s\(index)", parent: index % 3 == 0 ? "甲镇" : "乙镇"),
        values: ["score": .number(ExactDecimal(score)), "weak": .boolean(index == 8)])
    }
    let ranked = try pack.assessCohort(inputs).results.map { try $0.get() }
    let moved = ranked.filter { !$0.quotaMoves.isEmpty }
    #expect(!moved.isEmpty)
    for assessment in moved {
      let grade = try #require(assessment.grade.flatMap { pack.grades.firstIndex(of: $0) })
      // Every consequence of the new grade follows, said to follow from the grade after the quota.
      for consequence in pack.program.consequences where consequence.onGrades.contains(grade) {
        #expect(assessment.consequences.contains { $0.id == consequence.id && $0.reason.hasSuffix("（名额调整后）") })
      }
      // None follows from the old grade alone.
      #expect(!assessment.consequences.contains { $0.reason.hasPrefix("等次为") && !$0.reason.hasSuffix("（名额调整后）") })
    }
  }

  @Test func aPackWithoutACohortStageRanksNobody() throws {
    let pack = try RulePack.load(path: Paths.repository + "/RulePacks/dazhou/pack.json")
    let entries = [CohortEntry(subjectID: "a", group: "g", keys: [1]), CohortEntry(subjectID: "b", keys: [2])]
    let result = pack.rankCohort(entries)
    #expect(result.outcomes == [CohortOutcome(rank: nil, cohortSize: 0, group: "g"), CohortOutcome(rank: nil, cohortSize: 0, group: "")])
    #expect(result.quotas.isEmpty)
  }

  @Test(arguments: [
    (9, 1, 6, "1/6", "共 9 个，round(1/6 × 9 = 1.5) = 2"),
    (1815, 1, 6, "1/6", "共 1815 个，round(1/6 × 1815 = 302.5) = 303"),
    (7, 1, 6, "1/6", "共 7 个，round(1/6 × 7 = 1.166…) = 1"),
    (92, 1, 3, "1/3", "共 92 个，round(1/3 × 92 = 30.666…) = 31"),
    (3, 1, 7, "1/7", "共 3 个，round(1/7 × 3 = 0.428…) = 0"),
    (92, 5, 100, "5%", "共 92 个，round(5% × 92 = 4.6) = 5"),
    (0, 1, 3, "1/3", "共 0 个，round(1/3 × 0 = 0) = 0"),
  ])
  func headCountShowsAQuotientThatEndsWhole(
    _ size: Int, _ numerator: Int, _ denominator: Int, _ text: String, _ working: String
  ) {
    // 1/6 × 9 = 1.5 ends although 6 has the factor 3 (it crashed: the working cut 9 digits off "1.5").
    let share = CohortShare(numerator: numerator, denominator: denominator, text: text)
    #expect(cohortHeadCount(size, share, .nearest).working == working)
  }

  /// What is held between the passes of `pbk evaluate` for 10⁵ subjects ranked on two keys with one label (the
  /// shape of RulePacks/zhungeer): the entries while ranking, then only the ranking.
  @Test func aSubjectTakesAFewBytes() throws {
    let pack = try RulePack.load(path: Paths.repository + "/RulePacks/zhungeer/pack.json")
    var random = SplitMix64(seed: 10)
    var entries = CohortEntries(for: pack)
    let count = 100_000
    entries.reserveCapacity(count)
    for index in 0..<count {
      entries.append(
        CohortEntry(
          subjectID: "S\(index)", keys: [ExactDecimal(random.next(below: 1000)), ExactDecimal(random.next(below: 10))],
          gradeIndex: random.next(below: 4), stars: random.next(below: 6), excluded: random.next(below: 20) == 0,
          forcedLabels: [random.next(below: 50) == 0]))
    }
    #expect(entries.storageBytes / count <= 26)
    let ranking = pack.rankCohort(entries)
    #expect(ranking.storageBytes / count <= 9)
    #expect(ranking.outcomes.filter { !$0.labels.isEmpty }.count > count / 20)
  }
}

/// The cohort stage computed directly on whole entries, with the words made as it goes: what `rankCohort` did before
/// the ranking became compact, kept to check that the compact form says the same.
enum Reference {
  static func rank(_ pack: RulePack, _ entries: [CohortEntry]) -> CohortResult {
    let program = pack.program
    guard let cohort = program.cohort else {
      return CohortResult(outcomes: entries.map { CohortOutcome(rank: nil, cohortSize: 0, group: $0.group) }, quotas: [])
    }
    func compare(_ lhs: [ExactDecimal], _ rhs: [ExactDecimal]) -> Int {
      for (index, key) in cohort.keys.enumerated() where index < lhs.count && index < rhs.count {
        if lhs[index] == rhs[index] { continue }
        return (lhs[index] > rhs[index]) == key.descending ? -1 : 1
      }
      return 0
    }
    var outcomes = entries.map { CohortOutcome(rank: nil, cohortSize: 0, group: $0.group) }
    var quotas: [QuotaSummary] = []
    var groupOrder: [String] = []
    var members: [String: [Int]] = [:]
    for (index, entry) in entries.enumerated() {
      if members[entry.group] == nil { groupOrder.append(entry.group) }
      members[entry.group, default: []].append(index)
    }
    let whole = cohort.groupBy == .whole
    for group in groupOrder {
      let all = members[group] ?? []
      let ranked = all.filter { !entries[$0].excluded }.sorted { lhs, rhs in
        let order = compare(entries[lhs].keys, entries[rhs].keys)
        return order != 0 ? order < 0 : lhs < rhs
      }
      let size = ranked.count
      let place = whole ? (cohort.label.isEmpty ? "全体" : cohort.label) : "\(cohort.groupLabel)“\(group.isEmpty ? "（未填）" : group)”"
      var blockStart = [Int](repeating: 0, count: size)
      var blockEnd = [Int](repeating: 0, count: size)
      var start = 0
      while start < size {
        var end = start + 1
        while end < size, compare(entries[ranked[start]].keys, entries[ranked[end]].keys) == 0 { end += 1 }
        for position in start..<end {
          blockStart[position] = start
          blockEnd[position] = end
        }
        start = end
      }
      for index in all {
        outcomes[index].cohortSize = size
        outcomes[index].group = group
      }
      for (position, index) in ranked.enumerated() {
        let rank = blockStart[position] + 1
        outcomes[index].rank = rank
        let tied = blockEnd[position] - blockStart[position]
        outcomes[index].trace.append(
          TraceEntry(
            kind: .cohort, ruleID: "rank",
            message: "排名：\(place) \(size) 个中第 \(rank) 名\(tied > 1 ? "（与另 \(tied - 1) 个并列）" : "")（按\(cohort.keys.map(\.label).joined(separator: "、"))）"))
      }
      for index in all where entries[index].excluded {
        outcomes[index].trace.append(TraceEntry(kind: .cohort, ruleID: "rank", message: "不参加排名（\(place)）"))
      }
      for (labelIndex, label) in cohort.labels.enumerated() {
        let side = label.fromTop ? "前" : "倒数"
        let amount = label.amounts.amount(for: group)
        let count: Int
        let byRankText: String
        switch amount {
        case .share(let share):
          let (shareCount, working) = cohortHeadCount(size, share, label.rounding)
          count = shareCount
          byRankText = "\(side) \(share.text)：\(place) \(working) 个"
        case .count(let heads):
          count = heads
          byRankText = "\(side) \(heads) 名：\(place) 共 \(size) 个"
        }
        func forced(_ index: Int) -> Bool {
          entries[index].forcedLabels.indices.contains(labelIndex) && entries[index].forcedLabels[labelIndex]
        }
        // By rank, then by `alsoWhen`, then filling up: what each ranked position was given it for.
        var reasons = [String?](repeating: nil, count: size)
        var given = [Bool](repeating: false, count: size)
        for position in 0..<size {
          let start = blockStart[position]
          let end = blockEnd[position]
          let inside: Bool
          if label.fromTop {
            inside = label.ties == .all ? start < count : end <= count
          } else {
            inside = label.ties == .all ? size - end < count : size - start <= count
          }
          if inside {
            reasons[position] = "\(byRankText)，排第 \(start + 1) 名"
            given[position] = true
          } else if forced(ranked[position]) {
            given[position] = true
          }
        }
        if let fillTo = label.fillTo {
          let (target, working) = cohortHeadCount(size, fillTo, label.rounding)
          let before = given.filter { $0 }.count
          var labelled = before
          var position = label.fromTop ? 0 : size - 1
          while labelled < target, position >= 0, position < size {
            let block = blockStart[position]..<blockEnd[position]
            position = label.fromTop ? block.upperBound : block.lowerBound - 1
            let missing = block.filter { !given[$0] }
            if missing.isEmpty { continue }
            if labelled + missing.count > target, label.ties == .none { break }
            for member in missing {
              given[member] = true
              reasons[member] = "\(side)补足至 \(fillTo.text)：\(place) \(working) 个，已列入 \(before) 个，排第 \(block.lowerBound + 1) 名"
            }
            labelled += missing.count
          }
        }
        for (position, index) in ranked.enumerated() where given[position] {
          if let reason = reasons[position] {
            outcomes[index].labels.append(CohortLabel(id: label.id, label: label.label, reason: reason))
            outcomes[index].trace.append(TraceEntry(kind: .cohort, ruleID: "label.\(label.id)", message: "\(label.label)（\(reason)）"))
          } else {
            let reason = "\(label.alsoWhen?.source ?? "")（不论排名）"
            outcomes[index].labels.append(CohortLabel(id: label.id, label: label.label, reason: reason))
            outcomes[index].trace.append(TraceEntry(kind: .cohort, ruleID: "label.\(label.id)", message: "\(label.label)（因\(reason)）"))
          }
        }
        // Left out: not labelled, even when `alsoWhen` holds.
        for index in all where entries[index].excluded && forced(index) {
          outcomes[index].trace.append(
            TraceEntry(
              kind: .cohort, ruleID: "label.\(label.id)",
              message: "不给\(label.label)：不参加排名的不计数、不给标签（\(label.alsoWhen?.source ?? "") 虽成立）"))
        }
      }
      let gradeNames = program.bands.map(\.grade)
      let starLevels = program.stars?.levels.map(\.stars) ?? []
      var grades = ranked.map { entries[$0].gradeIndex }
      var stars = ranked.map { entries[$0].stars }
      for (quotaIndex, quota) in cohort.quotas.enumerated() {
        let amount = quota.amounts.amount(for: group)
        let count: Int
        let working: String
        let limit: String
        switch amount {
        case .share(let share):
          (count, working) = cohortHeadCount(size, share, quota.rounding)
          limit = "\(share.text)，\(place) \(working) 个"
        case .count(let heads):
          (count, working) = (heads, "共 \(size) 个，定额 \(heads) 个")
          limit = "\(heads) 个，\(place) 共 \(size) 个"
        }
        let what: String
        let counted: (Int?, Int?) -> Bool
        var gradeTo: Int?
        var starsTo: Int?
        switch quota.target {
        case .grade(let grade):
          what = gradeNames[grade]
          counted = { g, _ in g == grade }
          gradeTo = grade + 1
        case .grades(let set):
          let words = set.map { gradeNames[$0] }
          what =
            set == Array(0...set.last!) ? "\(words.last!)及以上"
            : set == Array(set.first!...(gradeNames.count - 1)) ? "\(words.first!)及以下" : words.joined(separator: "、")
          counted = { g, _ in g.map(set.contains) ?? false }
          gradeTo = set.max()! + 1
        case .stars(let level):
          what = "\(level) 星"
          counted = { _, s in s == level }
          starsTo = starLevels.first { $0 < level } ?? 0
        case .starsAtLeast(let level):
          what = "\(level) 星及以上"
          counted = { _, s in (s ?? -1) >= level }
          starsTo = starLevels.first { $0 < level } ?? 0
        case .starsAtMost(let level):
          what = "\(level) 星及以下"
          counted = { _, s in s.map { $0 <= level } ?? false }
        }
        let holders = ranked.indices.filter { counted(grades[$0], stars[$0]) }
        var after = holders.count
        if quota.isCap, holders.count > count {
          var position = 0
          while position < holders.count {
            var end = position + 1
            while end < holders.count, compare(entries[ranked[holders[position]]].keys, entries[ranked[holders[end]]].keys) == 0 {
              end += 1
            }
            let keeps = quota.ties == .all ? position < count : end <= count
            if !keeps {
              for holder in holders[position..<end] {
                let index = ranked[holder]
                let change: String
                if let gradeTo {
                  change = "由\(gradeNames[grades[holder]!])调为\(gradeNames[gradeTo])"
                  grades[holder] = gradeTo
                  outcomes[index].movedGrade = gradeNames[gradeTo]
                } else {
                  change = "由 \(stars[holder]!) 星调为 \(starsTo!) 星"
                  stars[holder] = starsTo
                  outcomes[index].movedStars = starsTo
                }
                let message = "名额：\(what)不超过 \(limit)；本单位在\(what)中排第 \(position + 1) 位，超出名额，\(change)"
                after -= 1
                outcomes[index].trace.append(TraceEntry(kind: .cohort, ruleID: "quota.\(quotaIndex)", message: message))
                outcomes[index].quotaMoves.append(message)
              }
            }
            position = end
          }
        }
        quotas.append(
          QuotaSummary(
            group: whole ? "" : group, what: what, isCap: quota.isCap, count: count, working: working,
            before: holders.count, after: after))
      }
    }
    return CohortResult(outcomes: outcomes, quotas: quotas)
  }
}
