// The wide layout: a time column and one numeric column per category (bitcoinity exports).

import Foundation

extension SourceReader {
  mutating func readWide(
    _ plan: LayoutPlan, _ builder: inout VolumeTableBuilder, _ summary: inout SourceSummary
  ) throws {
    let columns = plan.wideColumns
    let codes = columns.map { builder.code(for: SpreadsheetCell.unguarded(plan.header[$0].trimmed)) }
    let timeIndex = plan.timeIndex!
    let width = plan.header.count
    // A column equal to the row sum of the others (bitcoinity's TOTAL) is found while reading.
    var isRowSum = [Bool](repeating: true, count: columns.count)
    var rowSumEvidence = [Int](repeating: 0, count: columns.count)
    var values = [Double?](repeating: nil, count: columns.count)
    summary.categorySource = "columns \(columns.map { plan.header[$0] }.joined(separator: ", "))"
    summary.valueSource = "cell values"
    while try scanner.next() {
      try checkWidth(width)
      let t = try time(timeIndex)
      var total = 0.0
      var observed = 0
      for (k, column) in columns.enumerated() {
        values[k] = try volume(column)
        if let v = values[k] {
          total += v
          observed += 1
        } else {
          summary.emptyCells += 1
        }
      }
      for k in columns.indices where isRowSum[k] {
        guard let v = values[k] else { continue }
        if abs(2 * v - total) > 1e-6 * max(total, 1e-300) {
          isRowSum[k] = false
        } else if observed >= 3 && v > 0 {
          rowSumEvidence[k] += 1
        }
      }
      for k in columns.indices {
        try builder.addObservation(time: t, code: codes[k], volume: values[k], origin: origin)
      }
      note(&summary, time: t)
    }
    // Two rows of evidence, or one for a column named like a total, so a category that happens to
    // equal the others' sum once is not mistaken for a total.
    let totalNames: Set<String> = ["total", "sum", "all", "totals"]
    for k in columns.indices
    where isRowSum[k] && rowSumEvidence[k] >= (totalNames.contains(plan.header[columns[k]].headerKey) ? 1 : 2) {
      builder.removeCells(code: codes[k], source: source)
      let columnName = plan.header[columns[k]]
      summary.excludedColumns.append(columnName)
      warnings.append(
        Warning(
          .totalColumnExcluded,
          "column \(quoted(columnName)) equals the sum of the other columns on every row: excluded as a total",
          at: SourceLocation(file: name, line: 1, column: columns[k] + 1)))
    }
  }
}
