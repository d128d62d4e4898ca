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

/// Columns a string takes in a terminal: one per Unicode scalar, except combining marks (zero)
/// and East Asian wide characters (two).
public func displayWidth(_ text: String) -> Int {
  var width = 0
  for scalar in text.unicodeScalars {
    switch scalar.value {
    case 0x0300...0x036F, 0x200B...0x200F, 0xFE00...0xFE0F: break
    case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
      0x1F300...0x1FAFF, 0x20000...0x3FFFD:
      width += 2
    default: width += 1
    }
  }
  return width
}

func pad(_ text: String, to width: Int, alignment: ColumnAlignment) -> String {
  let gap = max(0, width - displayWidth(text))
  switch alignment {
  case .left: return text + String(repeating: " ", count: gap)
  case .right, .decimal: return String(repeating: " ", count: gap) + text
  }
}

/// A table as text (box drawing or ASCII) or markdown.
public func renderTable(_ table: TableModel, format: OutputFormat, ascii: Bool, width: Int = .max) -> String {
  format == .markdown
    ? MarkdownTableRenderer().render(table)
    : TextTableRenderer(style: ascii ? .ascii : .unicode).render(table, maxWidth: width)
}
