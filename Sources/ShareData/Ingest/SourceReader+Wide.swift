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
    excludeTotals(plan, codes: codes, rowSum: isRowSum, evidence: rowSumEvidence, &builder, &summary)
  }

  /// Drops the columns that equal the sum of the others on every row (bitcoinity's TOTAL), with a
  /// warning each. Two rows of evidence, or one for a column named like a total, so a category
  /// that happens to equal the others' sum once is not mistaken for a total.
  mutating func excludeTotals(
    _ plan: LayoutPlan, codes: [Int32], rowSum: [Bool], evidence: [Int], _ builder: inout VolumeTableBuilder,
    _ summary: inout SourceSummary
  ) {
    let columns = plan.wideColumns
    let totalNames: Set<String> = ["total", "sum", "all", "totals"]
    for k in columns.indices
    where rowSum[k] && evidence[k] >= (totalNames.contains(plan.header[columns[k]].headerKey) ? 1 : 2) {
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

  /// A big wide export summed into cells per (bucket, column) by the parallel block reader (as a
  /// long table is: IngestOptions.seriesBucket, ParallelSeries); nil when that is not asked for,
  /// or when the serial reader must read this input (whatever it might read differently).
  mutating func readWideInParallel(
    _ plan: LayoutPlan, _ builder: inout VolumeTableBuilder, _ summary: SourceSummary,
    stream: @autoclosure () throws -> ByteStream, size: Int
  ) throws -> SourceSummary? {
    let columns = plan.wideColumns
    let names = columns.map { SpreadsheetCell.unguarded(plan.header[$0].trimmed) }
    // Two columns of one name would be one category, which the serial reader reports as repeats.
    guard let bucket = options.seriesBucket, onlyInput, let timeIndex = plan.timeIndex, !columns.isEmpty,
      Set(names).count == names.count
    else { return nil }
    var summary = summary
    summary.categorySource = "columns \(columns.map { plan.header[$0] }.joined(separator: ", "))"
    summary.valueSource = "cell values"
    let widePlan = WidePlan(
      fieldCount: plan.header.count, timeIndex: timeIndex, columns: columns, names: names, bucket: bucket)
    var trial = builder
    guard
      let outcome = try ParallelSeries.read(
        stream: try stream(), hasHeader: plan.hasHeader, source: source, builder: &trial, summary: summary,
        blockSize: options.blockSize, workers: max(1, options.workers), progress: progressReport(size: size),
        cells: bucket,
        parser: { WideBlockParser.parse($0, plan: widePlan) }),
      outcome.summary.rows > 0, outcome.rowSum.count == columns.count,
      // The merge keeps the range with a missing cell of the first column: not one to drop.
      !(outcome.rowSum[0] && outcome.rowSumEvidence[0] > 0)
    else { return nil }
    summary = outcome.summary
    let codes = names.map { trial.code(for: $0) }
    excludeTotals(plan, codes: codes, rowSum: outcome.rowSum, evidence: outcome.rowSumEvidence, &trial, &summary)
    summary.namedCategories = columns.map { plan.header[$0].trimmed }
    builder = trial
    seriesResolution = outcome.resolution
    return summary
  }
}
