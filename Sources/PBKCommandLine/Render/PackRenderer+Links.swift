import PartyBuildingKit

extension PackRenderer {
  /// 关联考核结果: each link's pack, how subjects are matched, and which result fills which input.
  mutating func renderLinks() {
    guard let links = model.links, !links.isEmpty else { return }
    startPart("links", "关联考核结果")
    add(.paragraph([.text("以下输入项不由本表填报，取自其他规则包的考核结果（先评定被关联的对象，再评定本对象）。对应不到、对应到多个，或被关联对象未通过校验的，本对象不予评定并说明原因。")]))
    for link in links {
      let version = link.version.map { "，版本 \($0)" } ?? ""
      let many = link.fields.contains { $0.aggregate != nil }
      let match = "本对象的\(Self.joinKeyWord(link.join.subject)) = 被关联对象的\(Self.joinKeyWord(link.join.linked ?? "id"))"
      add(.paragraph([
        .text("\(link.label ?? link.id)：取自规则包 \(link.pack)\(version)；\(match)\(many ? "，对所对应的全部对象汇总" : "，须恰好对应一个对象")。")
      ]))
      let rows: [[[RenderDocument.Inline]]] = link.fields.map { field in
        let label = model.inputs.first { $0.id == field.input }?.label ?? field.input
        return [[.text(label)], [.text(Self.linkFieldWords(field))]]
      }
      add(.table(header: ["输入项", "取值"], rows: rows))
    }
  }

  /// `id` → 编号, `parent` → 上级, an attribute → 属性“村”.
  static func joinKeyWord(_ key: String) -> String {
    switch key {
    case "id": "编号"
    case "parent": "上级"
    default: "属性“\(key)”"
    }
  }

  /// What a link field reads, in words: 星级 / 总分的平均值 / 星级不低于 5 的个数 / 等次为“好”的占比.
  static func linkFieldWords(_ field: PackModel.LinkField) -> String {
    let result: String
    switch field.field {
    case "total": result = "总分"
    case "grade": result = "等次"
    case "stars": result = "星级"
    case "label": result = "标签“\(field.name ?? "")”"
    case "outcome": result = "结果值“\(field.name ?? "")”"
    default: result = ""
    }
    let counted: String
    if let grades = field.grades {
      counted = "等次为" + grades.map { "“\($0)”" }.joined(separator: "或")
    } else if let atLeast = field.atLeast {
      counted = "\(result)不低于 \(atLeast) "
    } else if field.field == "label" {
      counted = "有\(result)"
    } else {
      counted = ""
    }
    switch field.aggregate {
    case "average"?: return "\(result)的平均值"
    case "sum"?: return "\(result)的合计"
    case "min"?: return "\(result)的最低值"
    case "max"?: return "\(result)的最高值"
    case "count"?: return counted.isEmpty ? "对象个数" : "\(counted)的对象个数"
    case "share"?: return counted.isEmpty ? "占比" : "\(counted)的对象占比"
    default: return result
    }
  }
}
