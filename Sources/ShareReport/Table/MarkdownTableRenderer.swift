// GitHub-flavoured markdown tables: pipes escaped, numbers right-aligned with `---:`.

public struct MarkdownTableRenderer: Sendable {
  public init() {}

  public func render(_ table: TableModel) -> String {
    var out = "| " + table.columns.map { Escaping.markdownCell($0.header) }.joined(separator: " | ") + " |\n"
    out += "|" + table.columns.map { $0.alignment == .left ? " --- " : " ---: " }.joined(separator: "|") + "|\n"
    for row in table.rows + table.footer {
      out += "| " + row.map(Escaping.markdownCell).joined(separator: " | ") + " |\n"
    }
    return out
  }
}
