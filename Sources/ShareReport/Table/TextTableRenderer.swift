// Draws a TableModel for a terminal or a text file: box-drawing rules, or plain ASCII with
// `--ascii` (for old terminals, e-mail and logs).

public struct TextTableRenderer: Sendable {
  public enum Style: Sendable { case unicode, ascii }
  public var style: Style

  public init(style: Style = .unicode) {
    self.style = style
  }

  /// Renders `table`; one wider than `maxWidth` is split into several tables side by side in
  /// reading order, each repeating the first (label) column, so nothing is ever cut.
  public func render(_ table: TableModel, maxWidth: Int) -> String {
    let widths = table.columns.indices.map { table.alignedColumn($0).width }
    let total = widths.reduce(0, +) + 3 * (widths.count - 1)
    guard total > maxWidth, widths.count > 2 else { return render(table) }
    var groups: [[Int]] = []
    var current: [Int] = []
    var used = widths[0]
    for c in 1..<widths.count {
      if !current.isEmpty && used + 3 + widths[c] > maxWidth {
        groups.append(current)
        current = []
        used = widths[0]
      }
      current.append(c)
      used += 3 + widths[c]
    }
    if !current.isEmpty { groups.append(current) }
    return groups.map { group in
      let keep = [0] + group
      let part = TableModel(
        columns: keep.map { table.columns[$0] }, rows: table.rows.map { row in keep.map { row[$0] } },
        footer: table.footer.map { row in keep.map { row[$0] } })
      return render(part)
    }.joined(separator: "\n")
  }

  public func render(_ table: TableModel) -> String {
    let table = table.terminalSafe
    let columns = table.columns.indices.map { table.alignedColumn($0) }
    let vertical = style == .unicode ? "│" : "|"
    let horizontal = style == .unicode ? "─" : "-"
    let cross = style == .unicode ? "┼" : "+"
    func line(_ cells: [String], header: Bool) -> String {
      cells.enumerated().map { c, cell in
        pad(
          cell, to: columns[c].width,
          alignment: header && table.columns[c].alignment != .left ? .right : table.columns[c].alignment)
      }.joined(separator: " \(vertical) ").trimmingTrailingSpaces()
    }
    let rule = columns.map { String(repeating: horizontal, count: $0.width) }.joined(
      separator: "\(horizontal)\(cross)\(horizontal)")
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
