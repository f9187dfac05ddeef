/// A part of a result that a later period reads (`previous.fields[].field`): a column of the results file pbk writes.
public enum PreviousResultField: String, Sendable, Hashable, CaseIterable {
  /// 总分: a number.
  case total
  /// 等次: one of the grades, or 不定等次.
  case grade
  /// 星级: a whole number of stars.
  case stars
  /// 考核期: the period, written as a whole number (a year such as 2024, or a month such as 202406).
  case period
  /// 一票否决: whether any veto fired (是 when the cell names one).
  case vetoed

  /// The headers the column goes by: as `pbk evaluate` writes it, then in English.
  public var headers: [String] {
    switch self {
    case .total: ["总分", "total"]
    case .grade: ["等次", "grade"]
    case .stars: ["星级", "stars"]
    case .period: ["考核期", "period"]
    case .vetoed: ["一票否决", "vetoes"]
    }
  }

  /// The column's name as people read it, e.g. `星级 (stars)`.
  var columnName: String { "\(headers[0]) (\(headers[1]))" }
}

/// A previous field: an input whose value is the subject's result of the previous period.
struct CompiledPreviousField: Sendable {
  var id: String
  var label: String
  var field: PreviousResultField
  /// The input's number (declared order) and slot.
  var input: Int
  var slot: Int
  /// Whether a subject without a value is rejected (`"whenMissing": "reject"`); otherwise the input's default applies.
  var rejects: Bool
}

/// What a pack reads of last period's results (`previous`).
struct CompiledPrevious: Sendable {
  /// What people read for the earlier results, e.g. 2024年度星级评定结果.
  var label: String
  /// The id of the pack whose results are read.
  var from: String
  /// Whether results written by another pack are read all the same.
  var allowOtherPacks: Bool
  var fields: [CompiledPreviousField]
}

extension PackCompiler {
  static let previousKeys = ["label", "from", "allowOtherPacks", "fields", "note"]
  static let previousFieldKeys = ["id", "label", "field", "whenMissing", "min", "max", "choices", "unit", "note"]

  /// Reads `previous`: each field declares an input (a name formulas use) filled from the subject's result of the
  /// previous period, before it is scored.
  mutating func readPrevious(_ node: Node, top: ObjectNode) {
    guard let object = node.object(Message(.whatPrevious), keys: Self.previousKeys) else { return }
    let label = object.string("label") ?? "上期结果"
    var from = metadata.id
    if let fromNode = object["from"], let text = fromNode.string(.quoted("from")) {
      if text.isEmpty || !text.unicodeScalars.allSatisfy({
        ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == "."
      }) {
        fromNode.error(.previousFromNotAnID, text)
      }
      from = text
    }
    let fromSelf = from == metadata.id
    let allowOtherPacks = object.bool("allowOtherPacks") ?? false
    guard let fieldNodes = object.array("fields") else {
      if !object.has("fields") {
        object.missing("fields", .hintPreviousFields)
      }
      return
    }
    if fieldNodes.isEmpty {
      object["fields"]?.error(.previousListAField)
    }
    let names = PreviousResultField.allCases.map(\.rawValue)
    var compiled = CompiledPrevious(label: label, from: from, allowOtherPacks: allowOtherPacks, fields: [])
    for fieldNode in fieldNodes {
      guard let field = fieldNode.object(Message(.whatPreviousField), keys: Self.previousFieldKeys) else { continue }
      guard let id = field.requiredString("id", Message(.hintPreviousFieldID)) else { continue }
      let fieldLabel = field.string("label") ?? id
      let errorsBefore = sink.errorCount
      guard
        let kindText = field.requiredString("field", Message(.hintPreviousFieldField))
      else {
        sink.markUnknown(.name(id))
        continue
      }
      guard let kind = PreviousResultField(rawValue: kindText) else {
        field["field"]?.error(
          .unknownPreviousField, kindText, Spelling.didYouMeanMessage(kindText, among: names), MessageArgument.list(names))
        sink.markUnknown(.name(id))
        continue
      }
      var declaration = InputDeclaration(id: id, label: fieldLabel, type: .number, unit: field.string("unit") ?? "")
      switch kind {
      case .total: declaration.type = .number
      case .stars, .period: declaration.type = .integer
      case .grade: declaration.type = .choice
      case .vetoed: declaration.type = .boolean
      }
      let numeric = declaration.type == .number || declaration.type == .integer
      if !numeric {
        for key in ["min", "max"] where field.has(key) {
          field[key]?.error(.previousFieldHasNoBound, kind.rawValue, key)
        }
      } else {
        declaration.minimum = field.decimal("min")
        declaration.maximum = field.decimal("max")
        if declaration.type == .integer {
          for (key, bound) in [("min", declaration.minimum), ("max", declaration.maximum)] {
            if let bound, !bound.isInteger { field[key]?.error(.previousFieldBoundWhole, kind.rawValue, key) }
          }
        }
      }
      if kind != .grade, field.has("choices") {
        field["choices"]?.error(.previousChoicesOnlyGrade)
      }
      switch kind {
      case .stars:
        declaration.minimum = declaration.minimum ?? .zero
        if declaration.maximum == nil {
          if fromSelf, let most = Self.peekHighestStars(top) {
            declaration.maximum = ExactDecimal(most)
          } else if fromSelf {
            field["field"]?.error(.previousNoStarsHere)
          } else {
            field.missing("max", .hintPreviousMaxStars, from)
          }
        }
      case .grade:
        if let choiceNodes = field.array("choices") {
          declaration.choices = choiceNodes.compactMap { $0.string(Message(.whatGrade)) }
          if declaration.choices.isEmpty { field["choices"]?.error(.previousListGrades, from) }
          if Set(declaration.choices).count != declaration.choices.count {
            field["choices"]?.error(.previousChoicesRepeat)
          }
        } else if !field.has("choices") {
          if fromSelf {
            declaration.choices = Self.peekGrades(top)
            if declaration.choices.isEmpty {
              field["field"]?.error(.previousNoGradesHere)
            }
          } else {
            field.missing("choices", .hintPreviousChoices, from)
          }
        }
        // A result without a grade is written 不定等次: it is one of the values a formula may compare with.
        if !declaration.choices.isEmpty, !declaration.choices.contains(ResultWording.noGrade) {
          declaration.choices.append(ResultWording.noGrade)
        }
      case .total, .period, .vetoed: break
      }
      if let low = declaration.minimum, let high = declaration.maximum, low > high {
        field["min"]?.error(.minAboveMax, low, high)
      }
      let shapeBroken = sink.errorCount != errorsBefore
      var rejects = false
      var defaultSlot: ExactDecimal?
      if let missingNode = field["whenMissing"] {
        if case .string("reject") = missingNode.value.content {
          rejects = true
        } else if let value = Self.inputValue(of: missingNode) {
          if !shapeBroken {
            switch InputCoercion.problemOrValue(value, for: declaration) {
            case .success(let slotValue):
              declaration.defaultValue = value
              defaultSlot = slotValue
            case .failure(let problem):
              missingNode.error(.previousWhenMissingInvalid, problem.message)
            }
          }
        } else {
          missingNode.error(.previousWhenMissingKind, missingNode.value.kindMessage)
        }
      } else {
        field.missing("whenMissing", .hintPreviousWhenMissing)
      }
      declaration.required = rejects
      if sink.errorCount != errorsBefore { sink.markUnknown(.name(id)) }
      let (formulaType, range, choices) = Self.formulaShape(of: declaration)
      if namesExhausted { break }
      let slot = declare(
        id, label: fieldLabel, type: formulaType, range: range, choices: choices,
        places: declaration.type == .number ? nil : 0, at: field["id"] ?? fieldNode)
      var input = CompiledInput(declaration: declaration, slot: slot, defaultSlotValue: defaultSlot)
      input.previousField = compiled.fields.count
      compiled.fields.append(
        CompiledPreviousField(id: id, label: fieldLabel, field: kind, input: inputs.count, slot: slot, rejects: rejects))
      inputs.append(input)
    }
    previous = compiled
  }

  /// The grades the pack's bands name, read before the bands are checked (a problem there is reported there).
  static func peekGrades(_ top: ObjectNode) -> [String] {
    let bands = top["grades"]?.value.objectValue?["bands"]?.arrayValue ?? []
    return bands.compactMap { $0.objectValue?["grade"]?.stringValue }
  }

  /// The highest star level the pack's `stars` declare, read before the stars are checked.
  static func peekHighestStars(_ top: ObjectNode) -> Int? {
    let levels = top["stars"]?.value.objectValue?["levels"]?.arrayValue ?? []
    let counts = levels.compactMap { level -> Int? in
      guard case .number(let text)? = level.objectValue?["stars"]?.content else { return nil }
      return Int(text)
    }
    return counts.max()
  }
}

extension PackCompiler {
  /// A test's previous result (`"previous": {"上年星级": 3}`), by previous field id; each value is checked when the
  /// case runs, as a results file's would be. `{}` is a previous result that gives no field.
  func readTestPrevious(_ node: Node, cohort: Bool) -> [String: InputValue]? {
    guard let previous else {
      node.error(.testPreviousNotRead)
      return nil
    }
    if cohort {
      node.error(.testPreviousInCohort)
      return nil
    }
    let ids = previous.fields.map(\.id)
    guard let object = node.object(Message(.whatTestPrevious), keys: ids) else { return nil }
    var values: [String: InputValue] = [:]
    for member in object.object.members where ids.contains(member.key) {
      let valueNode = object[member.key]!
      guard let value = Self.inputValue(of: valueNode) else {
        valueNode.error(.testPreviousValueKind, valueNode.value.kindMessage)
        continue
      }
      values[member.key] = value
    }
    return values
  }
}

extension RulePack {
  /// A test case's previous result as previous results of one row (its subject's), or nil when it gives none.
  package func previousResults(of testCase: PackTestCase) -> PreviousResults? {
    guard let given = testCase.previous, let previous = program.previous else { return nil }
    var values: [PreviousResultField: InputValue] = [:]
    for field in previous.fields {
      if let value = given[field.id] { values[field.field] = value }
    }
    let row = PreviousResults.Row(id: testCase.subject.id, values: values)
    return try? PreviousResults(rows: [row], source: PreviousResults.Source(file: "测试用例"))
  }
}

extension RulePack {
  /// Fills the previous fields of a test case's subject in `scorer` (its inputs set) from the case's previous result,
  /// as a batch fills them from a results file; nothing when the case gives none.
  func fillPrevious(of testCase: PackTestCase, in scorer: PackScorer) throws(AssessmentError) {
    guard let results = previousResults(of: testCase), let table = try? PreviousTable(program: program, results: results)
    else { return }
    var row: Int?
    if let failure = table.fill(scorer, subjectID: testCase.subject.id, row: &row) {
      scorer.discardInputs()
      throw failure
    }
  }
}
