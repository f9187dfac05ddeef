/// The columns of a table's header (a CSV file's first row, a sheet's header row), bound to a pack's inputs and a
/// subject's fields.
///
/// `id` (编号) names each subject; `name` (名称/姓名), `kind` (类型), `parent` (上级) and `period` (考核期) describe
/// it; a column whose header starts with `#` is carried through unread; every other column is an input, named by its
/// id or its label. Two columns for the same thing (编号 and id, an input by id and by label) are an error: which one
/// to believe is not for pbk to guess.
struct ColumnBinding: Sendable {
  /// What a column holds.
  enum Role: Sendable, Equatable {
    case id, name, kind, parent, period
    /// A `#` column, carried through under its name (without the #).
    case attribute(String)
    /// Input number `index` of the pack (declared order).
    case input(Int)
  }

  /// The header as written.
  let headers: [String]
  /// Each column's role, in order.
  let roles: [Role]
  /// The column (0-based) of each input, or −1 when no column gives it.
  let inputColumns: [Int]
  /// The columns of the subject's fields, −1 when absent.
  let idColumn: Int
  let nameColumn: Int
  let kindColumn: Int
  let parentColumn: Int
  let periodColumn: Int
  /// The `#` columns, in order: (column, name without the #).
  let attributeColumns: [(column: Int, name: String)]
  /// The columns of the subject's fields in the order a record keeps them (id, name, kind, parent, period, then each
  /// `#` column), −1 when absent: worked out once, not per record.
  let subjectColumns: [Int]

  static let subjectFields: [String: Role] = [
    "id": .id, "编号": .id, "name": .name, "名称": .name, "姓名": .name, "kind": .kind, "类型": .kind,
    "parent": .parent, "上级": .parent, "period": .period, "考核期": .period,
  ]

  /// What is wrong with a header: a message, and the column (1-based) it is about.
  struct Problem: Error, Equatable {
    var message: Message
    var column: Int?
  }

  /// Binds `header` to the inputs of a pack.
  static func bind(_ header: [String], inputs: [InputDeclaration]) -> Result<ColumnBinding, Problem> {
    var byName: [String: Int] = [:]
    for (index, input) in inputs.enumerated() {
      byName[input.id] = index
      if byName[input.label] == nil { byName[input.label] = index }
    }
    var roles: [Role] = []
    var seenNames: [String: Int] = [:]
    var firstOfRole: [String: (column: Int, name: String)] = [:]
    for (index, rawName) in header.enumerated() {
      let name = rawName.trimmingSpaces
      if let first = seenNames[name] {
        return .failure(Problem(message: Message(.columnRepeats, name, first), column: index + 1))
      }
      seenNames[name] = index + 1
      let role: Role
      if let field = subjectFields[name] {
        role = field
      } else if name.hasPrefix("#") {
        role = .attribute(String(name.dropFirst()))
      } else if let input = byName[name] {
        role = .input(input)
      } else {
        let known = inputs.map(\.id) + inputs.map(\.label) + ["id", "name", "kind", "parent", "period"]
        return .failure(
          Problem(
            message:
              Message(.columnNotAnInput, name, Spelling.didYouMeanMessage(name, among: known)),
            column: index + 1))
      }
      let key: String
      switch role {
      case .attribute: key = "#\(index)"
      case .input(let input): key = "input:\(input)"
      default: key = "\(role)"
      }
      if let earlier = firstOfRole[key] {
        let what: Message
        if case .input(let input) = role {
          what = Message(.theInputNamed, inputs[input].label, inputs[input].id)
        } else {
          what = Message(.theSubjectField, key)
        }
        return .failure(
          Problem(
            message:
              Message(.columnsBothGive, earlier.column, earlier.name, index + 1, name, what),
            column: index + 1))
      }
      firstOfRole[key] = (index + 1, name)
      roles.append(role)
    }
    guard roles.contains(.id) else {
      return .failure(Problem(message: Message(.noIDColumn), column: nil))
    }
    return .success(ColumnBinding(headers: header, roles: roles, inputCount: inputs.count))
  }

  private init(headers: [String], roles: [Role], inputCount: Int) {
    self.headers = headers
    self.roles = roles
    var inputColumns = [Int](repeating: -1, count: inputCount)
    var attributes: [(Int, String)] = []
    var columns: [String: Int] = [:]
    for (column, role) in roles.enumerated() {
      switch role {
      case .input(let index): inputColumns[index] = column
      case .attribute(let name): attributes.append((column, name))
      default: columns["\(role)"] = column
      }
    }
    self.inputColumns = inputColumns
    attributeColumns = attributes
    idColumn = columns["id"] ?? -1
    nameColumn = columns["name"] ?? -1
    kindColumn = columns["kind"] ?? -1
    parentColumn = columns["parent"] ?? -1
    periodColumn = columns["period"] ?? -1
    subjectColumns = [idColumn, nameColumn, kindColumn, parentColumn, periodColumn] + attributes.map(\.0)
  }

  /// The column (1-based) of an input, for error messages.
  func column(ofInput index: Int) -> Int? {
    inputColumns.indices.contains(index) && inputColumns[index] >= 0 ? inputColumns[index] + 1 : nil
  }
}
