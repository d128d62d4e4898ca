// Draws a TableModel for a terminal or a text file: box-drawing rules, or plain ASCII with
// `--ascii` (for old terminals, e-mail and logs).

public struct TextTableRenderer: Sendable {
  public enum Style: Sendable { case unicode, ascii }
  public var style: Style

  public init(style: Style = .unicode) {
    self.style = style
  }

  public func render(_ table: TableModel) -> String {
    let columns = table.columns.indices.map { table.alignedColumn($0) }
    let vertical = style == .unicode ? "│" : "|"
    let horizontal = style == .unicode ? "─" : "-"
    let cross = style == .unicode ? "┼" : "+"
    func line(_ cells: [String], header: Bool) -> String {
      cells.enumerated().map { c, cell in
        pad(cell, to: columns[c].width, alignment: header && table.columns[c].alignment != .left ? .right : table.columns[c].alignment)
      }.joined(separator: " \(vertical) ").trimmingTrailingSpaces()
    }
    let rule = columns.map { String(repeating: horizontal, count: $0.width) }.joined(separator: "\(horizontal)\(cross)\(horizontal)")
    var out: [String] = [line(columns.map(\.header), header: true), rule]
    let bodyCount = table.rows.count
    for r in 0..<bodyCount { out.append(line(columns.map { $0.cells[r] }, header: false)) }
    if !table.footer.isEmpty {
      out.append(rule)
      for r in 0..<table.footer.count { out.append(line(columns.map { $0.cells[bodyCount + r] }, header: false)) }
    }
    return out.joined(separator: "\n") + "\n"
  }
}

extension String {
  func trimmingTrailingSpaces() -> String {
    var s = Substring(self)
    while s.last == " " { s.removeLast() }
    return String(s)
  }
}
