// A renderer-neutral table: headers, aligned columns, body rows and an optional footer (totals).
// Text, markdown and HTML renderers draw the same model; cells arrive already formatted.

public enum ColumnAlignment: Sendable {
  case left
  case right
  /// Right-aligned with the decimal points in one vertical line.
  case decimal
}

public struct TableColumn: Sendable {
  public var header: String
  public var alignment: ColumnAlignment

  public init(_ header: String, _ alignment: ColumnAlignment = .decimal) {
    self.header = header
    self.alignment = alignment
  }
}

public struct TableModel: Sendable {
  public var columns: [TableColumn]
  public var rows: [[String]]
  /// Rows drawn below a rule (totals).
  public var footer: [[String]]

  public init(columns: [TableColumn], rows: [[String]], footer: [[String]] = []) {
    self.columns = columns
    self.rows = rows
    self.footer = footer
  }

  /// Cells of column `c` padded so they line up per the column's alignment (no outer padding).
  func alignedColumn(_ c: Int) -> (header: String, cells: [String], width: Int) {
    let all = (rows + footer).map { $0[c] }
    let header = columns[c].header
    var cells = all
    if columns[c].alignment == .decimal {
      // Pad on the right so every decimal point sits in the same column.
      let fraction = all.map { cell -> Int in
        guard let dot = cell.lastIndex(of: ".") else { return 0 }
        return cell.distance(from: dot, to: cell.endIndex)
      }
      let widest = fraction.max() ?? 0
      cells = zip(all, fraction).map { cell, f in cell + String(repeating: " ", count: widest - f) }
    }
    let width = max(displayWidth(header), cells.map(displayWidth).max() ?? 0)
    return (header, cells, width)
  }
}

/// A table as text (box drawing or ASCII) or markdown.
public func renderTable(_ table: TableModel, format: OutputFormat, ascii: Bool, width: Int = .max) -> String {
  format == .markdown
    ? MarkdownTableRenderer().render(table)
    : TextTableRenderer(style: ascii ? .ascii : .unicode).render(table, maxWidth: width)
}
