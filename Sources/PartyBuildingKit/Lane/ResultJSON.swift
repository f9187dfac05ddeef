/// A result as a JSON object with ordered keys and numbers written from their exact digits: what `pbk evaluate
/// --format json` writes per subject.
enum ResultJSON {
  static func object(_ assessment: Assessment, pack: RulePack) -> String {
    func quoted(_ text: String) -> String { JSONText.quoted(text) }
    var parts = [
      "\"id\":\(quoted(assessment.subject.id))", "\"name\":\(quoted(assessment.subject.name))",
    ]
    if !assessment.subject.kind.isEmpty { parts.append("\"kind\":\(quoted(assessment.subject.kind))") }
    if let period = assessment.period { parts.append("\"period\":\(quoted(period.label))") }
    if let reason = assessment.voidReason {
      parts.append("\"total\":null,\"void\":\(quoted(reason))")
    } else {
      parts.append("\"total\":\(assessment.total.formatted(places: pack.precision, rule: pack.rounding))")
    }
    let components = assessment.components.map {
      "{\"id\":\(quoted($0.id)),\"label\":\(quoted($0.label)),\"score\":\($0.score),\"weight\":\($0.weight),\"weighted\":\($0.weighted)}"
    }
    parts.append("\"components\":[\(components.joined(separator: ","))]")
    let sections = assessment.sections.map {
      "{\"id\":\(quoted($0.id)),\"label\":\(quoted($0.label)),\"score\":\($0.score),\"fullMarks\":\($0.fullMarks)}"
    }
    parts.append("\"sections\":[\(sections.joined(separator: ","))]")
    if !pack.grades.isEmpty { parts.append("\"grade\":\(assessment.grade.map(quoted) ?? "null")") }
    if pack.hasStars {
      parts.append("\"stars\":\(assessment.stars.map(String.init) ?? "null")")
      parts.append("\"starItems\":[\(assessment.starItems.map(quoted).joined(separator: ","))]")
    }
    let vetoes = assessment.vetoes.map { "{\"id\":\(quoted($0.id)),\"label\":\(quoted($0.label)),\"effect\":\(quoted($0.effect))}" }
    parts.append("\"vetoes\":[\(vetoes.joined(separator: ","))]")
    let consequences = assessment.consequences.map {
      "{\"id\":\(quoted($0.id)),\"label\":\(quoted($0.label)),\"reason\":\(quoted($0.reason))}"
    }
    parts.append("\"consequences\":[\(consequences.joined(separator: ","))]")
    if pack.hasCohort {
      let labels = assessment.labels.map {
        "{\"id\":\(quoted($0.id)),\"label\":\(quoted($0.label)),\"reason\":\(quoted($0.reason))}"
      }
      parts += [
        "\"rank\":\(assessment.rank.map(String.init) ?? "null")",
        "\"cohortSize\":\(assessment.cohortSize.map(String.init) ?? "null")",
        "\"cohortGroup\":\(quoted(assessment.cohortGroup ?? ""))",
        "\"labels\":[\(labels.joined(separator: ","))]",
        "\"quotaMoves\":[\(assessment.quotaMoves.map(quoted).joined(separator: ","))]",
      ]
    }
    if pack.findsWhatItTakes {
      let lifts = (assessment.whatItTakes?.toGrade ?? []) + (assessment.whatItTakes?.toStars ?? [])
      let items = lifts.map {
        "{\"input\":\(quoted($0.inputID)),\"from\":\($0.from),\"to\":\($0.to),\"change\":\($0.change),\"target\":\(quoted($0.target)),\"exhaustive\":\($0.exhaustive)}"
      }
      parts.append("\"whatItTakes\":[\(items.joined(separator: ","))]")
    }
    return "{" + parts.joined(separator: ",") + "}"
  }
}
