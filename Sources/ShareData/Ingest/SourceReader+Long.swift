// The long layout: one row per time, category and value; or a trade log with price and amount.

import Foundation

extension SourceReader {
  mutating func readLong(
    _ plan: LayoutPlan, _ builder: inout VolumeTableBuilder, _ summary: inout SourceSummary
  ) throws {
    let width = plan.header.count
    let valueIndex = plan.valueIndex!
    let categories = plan.categoryIndices
    let isTradeLog = plan.priceIndex != nil
    let priceIndex = plan.priceIndex ?? 0
    let quoteUnit = options.unit == .quote
    (summary.categorySource, summary.valueSource) = describeLong(plan)
    if let snapshot = plan.snapshotTime { summary.timeColumn = "none: dated \(dateString(seconds: snapshot))" }
    var pairKey: [UInt8] = []
    var rowRates = isTradeLog ? RowRates(options.conversion, header: plan.header, source: name) : nil
    // Row filters (include/exclude): the column's index and the wanted values as bytes.
    let keys = plan.header.map(\.headerKey)
    let filters = try options.filters.map { filter -> (index: Int, values: [[UInt8]], include: Bool) in
      guard let index = keys.firstIndex(of: filter.column.headerKey) else {
        throw ShareError.request(
          "\(setting: filter.setting, filter.column): no such column in \(name)",
          hint: "its columns are \(plan.header.map { quoted($0) }.joined(separator: ", "))")
      }
      return (index, filter.values.map { Array($0.utf8) }, filter.include)
    }
    rows: while try scanner.next() {
      try checkWidth(width)
      for filter in filters {
        let matches = scanner.withField(filter.index) { field in filter.values.contains { $0.elementsEqual(field) } }
        if matches != filter.include { continue rows }
      }
      let t = try plan.timeIndex.map { try time($0) } ?? plan.snapshotTime!
      let code: Int32?
      if categories.count == 2 {
        pairKey.removeAll(keepingCapacity: true)
        scanner.withField(categories[0]) { pairKey.append(contentsOf: $0) }
        pairKey.append(UInt8(ascii: "/"))
        scanner.withField(categories[1]) { pairKey.append(contentsOf: $0) }
        code = pairKey.withUnsafeBufferPointer { builder.code(for: $0) }
      } else {
        if scanner.isEmpty(categories[0]) {
          throw ShareError.data(
            "empty category", at: scanner.location(column: categories[0] + 1, name: columnName(categories[0])),
            expected: "a category name on every row")
        }
        code = scanner.withField(categories[0]) { builder.code(for: $0) }
      }
      guard let code else {
        _ = try scanner.string(categories.count == 2 ? categories[1] : categories[0])
        throw ShareError.data("invalid UTF-8 in a category name", at: scanner.location())
      }
      if isTradeLog {
        guard let amount = try volume(valueIndex, what: "amount") else {
          throw ShareError.data(
            "empty amount", at: scanner.location(column: valueIndex + 1, name: columnName(valueIndex)),
            expected: "the amount traded on every trade row")
        }
        var v = amount
        if quoteUnit {
          guard let price = try volume(priceIndex, what: "price") else {
            throw ShareError.data(
              "empty price", at: scanner.location(column: priceIndex + 1, name: columnName(priceIndex)),
              expected: "a price on every trade row (needed for \(setting: .unit, "quote"))")
          }
          v = price * amount
        }
        try rowRates?.use(scanner, &builder)
        builder.addEvent(day: t.floorDiv(secondsPerDay), code: code, volume: v, origin: origin)
      } else {
        let v = try volume(valueIndex)
        if v == nil { summary.emptyCells += 1 }
        try builder.addObservation(time: t, code: code, volume: v, origin: origin)
      }
      note(&summary, time: t)
    }
    rowRates?.finish(&builder)
  }
}
