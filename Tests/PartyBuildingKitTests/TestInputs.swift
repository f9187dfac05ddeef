@testable import PartyBuildingKit

/// The subjects of a CSV file as facts by input id (what a test compares one way of scoring with another on).
enum TestInputs {
  static func csv(_ path: String, pack: RulePack) -> [AssessmentInput] {
    guard let data = Paths.read(path) else { return [] }
    return csv(bytes: Array(data.utf8), name: path, pack: pack)
  }

  static func csv(bytes: [UInt8], name path: String, pack: RulePack) -> [AssessmentInput] {
    let outcomes = CSVTokenizer().readAll(bytes)
    guard case .record(let header, _) = outcomes.first,
      case .success(let binding) = ColumnBinding.bind(header, inputs: pack.info.inputs)
    else { return [] }
    var inputs: [AssessmentInput] = []
    for case .record(let cells, let line) in outcomes.dropFirst() where cells.count == binding.roles.count {
      var subject = Subject(id: "")
      var values: [String: InputValue] = [:]
      for (role, cell) in zip(binding.roles, cells) {
        switch role {
        case .id: subject.id = cell.trimmingSpaces
        case .name: subject.name = cell
        case .kind: subject.kind = cell
        case .parent: subject.parent = cell.isEmpty ? nil : cell
        case .period: break
        case .attribute(let name): subject.attributes[name] = cell
        case .input(let index): if !cell.trimmingSpaces.isEmpty { values[pack.info.inputs[index].id] = .text(cell) }
        }
      }
      inputs.append(AssessmentInput(subject: subject, values: values, origin: InputOrigin(file: path, line: line)))
    }
    return inputs
  }
}
