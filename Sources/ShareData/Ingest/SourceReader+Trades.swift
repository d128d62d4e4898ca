// bitcoincharts trade dumps: unixtime,price,amount rows of one market, named by the file.

import Foundation

extension SourceReader {
  mutating func readTrades(
    _ plan: LayoutPlan, _ builder: inout VolumeTableBuilder, _ summary: inout SourceSummary
  ) throws {
    let market = MarketName(fileName: name == "<stdin>" ? "stdin" : name, table: options.markets)
    let category = try market.category(grouping: options.group)
    let code = builder.code(for: category)
    let quoteUnit = options.unit == .quote
    (summary.categorySource, summary.valueSource, summary.timeColumn) = describeTrades(market, category)
    while try scanner.next() {
      if scanner.fieldCount != 3 {
        throw ShareError.data(
          "this row has \(scanner.fieldCount) fields", at: scanner.location(),
          expected: "3 fields: unixtime,price,amount")
      }
      let t = try time(0)
      let price = try volume(1, what: "price")
      guard let amount = try volume(2, what: "amount"), let price else {
        throw ShareError.data(
          "empty price or amount", at: scanner.location(), expected: "unixtime,price,amount on every row")
      }
      builder.addEvent(
        day: t.floorDiv(secondsPerDay), code: code, volume: quoteUnit ? price * amount : amount, origin: origin)
      note(&summary, time: t)
    }
  }
}
