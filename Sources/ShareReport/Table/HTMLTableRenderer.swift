// Tables for the HTML report: numbers right-aligned with tabular figures, the footer as <tfoot>.

public struct HTMLTableRenderer: Sendable {
  public init() {}

  public func render(_ table: TableModel) -> String {
    func cell(_ tag: String, _ text: String, _ alignment: ColumnAlignment) -> String {
      "<\(tag)\(alignment == .left ? "" : " class=\"num\"")>\(Escaping.xml(text))</\(tag)>"
    }
    var out = "<table>\n<thead><tr>"
    out += table.columns.map { cell("th", $0.header, $0.alignment) }.joined()
    out += "</tr></thead>\n<tbody>\n"
    for row in table.rows {
      out += "<tr>" + zip(row, table.columns).map { cell("td", $0, $1.alignment) }.joined() + "</tr>\n"
    }
    out += "</tbody>\n"
    if !table.footer.isEmpty {
      out += "<tfoot>\n"
      for row in table.footer {
        out += "<tr>" + zip(row, table.columns).map { cell("td", $0, $1.alignment) }.joined() + "</tr>\n"
      }
      out += "</tfoot>\n"
    }
    return out + "</table>\n"
  }
}
