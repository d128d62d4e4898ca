// Annotations of a time plot: bands as dotted rows, spans as shaded columns, events as dotted columns
// numbered under the date axis, and the notes below the legend that say what each number, band and
// shading is.

import ShareData

extension TerminalRenderer {
  /// Each band's lower bound as a dotted row.
  func drawBands(_ spec: ChartSpec, _ grid: TimeGrid, into cells: inout [[Cell]]) {
    let domain = grid.domain
    for band in spec.bands where band.from > domain.lowerBound && band.from < domain.upperBound {
      let row = height - 1 - min(height - 1, Int(grid.y(band.from) * Double(height)))
      for c in 0..<grid.plotWidth { cells[row][c] = Cell(char: ascii ? "-" : "┄", color: nil) }
    }
  }

  /// Each span's columns shaded (at least one column, however short the span), under everything else.
  func drawSpans(_ spec: ChartSpec, _ grid: TimeGrid, into cells: inout [[Cell]]) {
    for span in spec.spans where span.toDay > grid.start && span.fromDay < grid.end {
      let first = grid.column(of: max(span.fromDay, grid.start))
      let last = max(first, grid.column(of: min(span.toDay, grid.end) - 1))
      for c in first...last {
        for r in 0..<height where cells[r][c].char == " " { cells[r][c] = Cell(char: ascii ? "." : "░", color: nil) }
      }
    }
  }

  /// Each event inside the plot as a dotted column.
  func drawEventLines(_ spec: ChartSpec, _ grid: TimeGrid, into cells: inout [[Cell]]) {
    for event in spec.events where grid.contains(event.day) {
      let c = grid.column(of: event.day)
      for r in 0..<height { cells[r][c] = Cell(char: ascii ? ":" : "┊", color: nil) }
    }
  }

  /// The row under the date axis with each event's number at its column (the first number wins
  /// where two overlap); no row for a chart without events.
  func eventNumbers(_ spec: ChartSpec, _ grid: TimeGrid, labelWidth: Int) -> [String] {
    let events = spec.events
    guard !events.isEmpty else { return [] }
    var markerRow = [Character](repeating: " ", count: grid.plotWidth)
    for (i, event) in events.enumerated() where grid.contains(event.day) {
      let symbol = Array(String(i + 1))
      let c = min(grid.column(of: event.day), grid.plotWidth - symbol.count)
      for (k, ch) in symbol.enumerated() where markerRow[c + k] == " " { markerRow[c + k] = ch }
    }
    return [String(repeating: " ", count: labelWidth + 1) + String(markerRow).trimmingTrailingSpaces()]
  }

  /// Each event's number, date and label, then one line naming the bands' ranges.
  func annotationNotes(_ spec: ChartSpec) -> [String] {
    var lines: [String] = []
    for (i, event) in spec.events.enumerated() {
      lines += wrapToWidth("\(i + 1) \(CivilDate(dayNumber: event.day)) \(event.label)", indent: "  ")
    }
    for label in spec.spanLabels { lines += wrapToWidth("\(ascii ? "." : "░") \(label)", indent: "  ") }
    if !spec.bands.isEmpty {
      lines += wrapToWidth(
        "bands: "
          + spec.bands.map {
            "\(Ticks.label($0.from, scale: spec.scale, step: 1))–\(Ticks.label($0.to, scale: spec.scale, step: 1)) \($0.label)"
          }.joined(separator: "; "),
        indent: "  ")
    }
    return lines
  }
}
