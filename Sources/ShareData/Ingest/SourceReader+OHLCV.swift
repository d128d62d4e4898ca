// Daily OHLCV bars of one market (Quandl's BCHARTS): the volume column, feed gaps as missing.

import Foundation

extension SourceReader {
  mutating func readOHLCV(
    _ plan: LayoutPlan, _ builder: inout VolumeTableBuilder, _ summary: inout SourceSummary
  ) throws {
    let market = MarketName(fileName: name, table: options.markets)
    let category = try market.category(grouping: options.group)
    let code = builder.code(for: category)
    let timeIndex = plan.timeIndex!
    let valueIndex = plan.valueIndex!
    let width = plan.header.count
    let numeric = plan.header.indices.filter { $0 != timeIndex }
    summary.categorySource = "file name: market \(market.market) → \(quoted(category))"
    summary.valueSource = "column \(quoted(plan.header[valueIndex]))"
    var gapLines: [Int] = []
    while try scanner.next() {
      try checkWidth(width)
      let t = try time(timeIndex)
      var allZero = true
      for column in numeric {
        if let v = try volume(column, what: "value"), v != 0 { allZero = false }
      }
      if allZero {
        // bitcoincharts feed gaps: a row of zeros means no data, not a day without trading.
        gapLines.append(scanner.recordLine)
        try builder.addObservation(time: t, code: code, volume: nil, origin: origin)
      } else {
        try builder.addObservation(time: t, code: code, volume: try volume(valueIndex), origin: origin)
      }
      note(&summary, time: t)
    }
    summary.gapRows = gapLines.count
    if !gapLines.isEmpty {
      let shown = gapLines.prefix(3).map(String.init).joined(separator: ", ")
      warnings.append(
        Warning(
          .feedGapRows,
          "\(gapLines.count) row\(gapLines.count == 1 ? "" : "s") with every value 0 read as missing (feed gaps), first at line\(gapLines.count == 1 ? "" : "s") \(shown)",
          at: SourceLocation(file: name)))
    }
  }
}
