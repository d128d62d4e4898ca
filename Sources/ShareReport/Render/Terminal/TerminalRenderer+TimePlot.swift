// Stacked areas and lines over a time axis: the grid geometry (days to columns, values to rows),
// the value axis on the left and the calendar axis below. Marks and annotations have files of
// their own.

import ShareData

extension TerminalRenderer {
  /// Where a time plot's days and values land in the plot area.
  struct TimeGrid {
    var buckets: [ChartSpec.TimeBucket]
    /// The first day drawn, and the day after the last.
    var start: Int64
    var end: Int64
    /// Columns of the plot area (the value axis is left of it).
    var plotWidth: Int
    var domain: ClosedRange<Double>
    var scale: ChartSpec.Scale

    var span: Double { Double(end - start) }

    func contains(_ day: Int64) -> Bool { day >= start && day < end }

    /// The day in the middle of a column.
    func day(atColumn column: Int) -> Int64 { start + Int64((Double(column) + 0.5) / Double(plotWidth) * span) }

    func column(of day: Int64) -> Int {
      min(plotWidth - 1, max(0, Int(Double(day - start) / span * Double(plotWidth))))
    }

    /// The bucket holding `day` (binary search); nil in a gap between buckets.
    func bucketIndex(_ day: Int64) -> Int? {
      var lo = 0
      var hi = buckets.count
      while lo < hi {
        let mid = (lo + hi) / 2
        if buckets[mid].endDay <= day { lo = mid + 1 } else { hi = mid }
      }
      return lo < buckets.count && buckets[lo].startDay <= day ? lo : nil
    }

    /// A value's height as a fraction of the plot, 0 at the bottom and 1 at the top.
    func y(_ value: Double) -> Double { scale.position(of: value, in: domain) }
  }

  /// Stacked areas and lines over a time axis.
  func plot(_ spec: ChartSpec) -> [String] {
    guard case .time(let buckets) = spec.x, let first = buckets.first, let last = buckets.last else {
      return ["(no data)"]
    }
    let domain = spec.resolvedYDomain
    let tickValues = Ticks.values(domain, count: max(2, height / 3), scale: spec.scale)
    let step = tickValues.count > 1 ? tickValues[1] - tickValues[0] : 1
    let labels = tickValues.map { Ticks.label($0, scale: spec.scale, step: step) }
    let labelWidth = labels.map(displayWidth).max() ?? 1
    let grid = TimeGrid(
      buckets: buckets, start: first.startDay, end: last.endDay, plotWidth: width - labelWidth - 1, domain: domain,
      scale: spec.scale)
    var cells = [[Cell]](repeating: [Cell](repeating: Cell(), count: grid.plotWidth), count: height)
    drawSpans(spec, grid, into: &cells)
    drawBands(spec, grid, into: &cells)
    // Events before the data, which covers them.
    drawEventLines(spec, grid, into: &cells)
    drawMarks(spec, grid, into: &cells)
    var lines = valueAxisRows(cells, ticks: Array(zip(tickValues, labels)), labelWidth: labelWidth, grid)
    lines += dateAxis(grid, labelWidth: labelWidth)
    lines += eventNumbers(spec, grid, labelWidth: labelWidth)
    lines += legend(spec)
    return lines + annotationNotes(spec)
  }

  /// The plot rows behind the value axis, with each tick's label on the row nearest its value.
  func valueAxisRows(_ cells: [[Cell]], ticks: [(Double, String)], labelWidth: Int, _ grid: TimeGrid) -> [String] {
    var rowLabel = [String?](repeating: nil, count: height)
    for (value, label) in ticks {
      let row = height - 1 - min(height - 1, max(0, Int(grid.y(value) * Double(height - 1) + 0.5)))
      rowLabel[row] = label
    }
    var lines: [String] = []
    let axisChar = ascii ? "|" : "┤"
    let plainAxis = ascii ? "|" : "│"
    for r in 0..<height {
      let label =
        rowLabel[r].map { pad($0, to: labelWidth, alignment: .right) } ?? String(repeating: " ", count: labelWidth)
      lines.append(label + (rowLabel[r] == nil ? plainAxis : axisChar) + line(cells[r]))
    }
    return lines
  }

  /// The calendar axis: a rule with a tick per date, and the labels that fit without touching.
  func dateAxis(_ grid: TimeGrid, labelWidth: Int) -> [String] {
    let plotWidth = grid.plotWidth
    let dateTicks = Ticks.dates(from: grid.start, until: grid.end, maxCount: max(1, plotWidth / 9))
    var axis = [Character](repeating: ascii ? "-" : "─", count: plotWidth)
    var labelRow = [Character](repeating: " ", count: plotWidth)
    var nextFree = 0
    for day in dateTicks.days {
      let c = grid.column(of: day)
      axis[c] = ascii ? "+" : "┬"
      let text = Array(Ticks.dateLabel(day, every: dateTicks.every))
      if c >= nextFree && c + text.count <= plotWidth {
        for (k, ch) in text.enumerated() { labelRow[c + k] = ch }
        nextFree = c + text.count + 1
      }
    }
    return [
      String(repeating: " ", count: labelWidth) + (ascii ? "+" : "└") + String(axis),
      String(repeating: " ", count: labelWidth + 1) + String(labelRow).trimmingTrailingSpaces(),
    ]
  }
}
