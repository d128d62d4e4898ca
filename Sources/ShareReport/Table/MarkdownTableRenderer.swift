// GitHub-flavoured markdown tables: pipes escaped, numbers right-aligned with `---:`.

public struct MarkdownTableRenderer: Sendable {
  public init() {}

  public func render(_ table: TableModel) -> String {
    func escape(_ cell: String) -> String { MarkdownText.tableCell(cell).trimmingTrailingSpaces() }
    var out = "| " + table.columns.map { escape($0.header) }.joined(separator: " | ") + " |\n"
    out += "|" + table.columns.map { $0.alignment == .left ? " --- " : " ---: " }.joined(separator: "|") + "|\n"
    for row in table.rows + table.footer {
      out += "| " + row.map(escape).joined(separator: " | ") + " |\n"
    }
    return out
  }
}

extension String {
  func replacingAll(_ target: String, with replacement: String) -> String {
    guard !target.isEmpty else { return self }
    var out = ""
    var rest = Substring(self)
    while let range = rest.range(of: target) {
      out += rest[..<range.lowerBound]
      out += replacement
      rest = rest[range.upperBound...]
    }
    return out + rest
  }
}
