// Binance trades and aggTrades on the parallel block reader (a month of one busy symbol is 5–50M
// lines): the same volumes as readBinance, told to the block parser as column positions, a time
// unit per value by magnitude and how amount, price and contract size make the volume. Klines stay
// serial (each bar is kept at its own interval, not summed per day). A bad line hands the file
// back to readBinance, so errors read the same on both paths.

extension BinanceLayout {
  /// Where the block parser finds the volume of a trades or aggTrades line (nil for klines): the
  /// same columns and arithmetic as SourceReader.binanceVolume, in the same order.
  func tradeColumns(_ amount: BinanceAmount, quote: Bool) -> TradeColumns? {
    var columns = TradeColumns(
      time: timeIndex, price: 1, amount: 2, timeUnit: .epochByMagnitude, pricePositive: true, flags: booleanIndices)
    switch (kind, amount) {
    case (.klines, _): return nil
    case (.trades, .base):
      // qty, and quoteQty as Binance computed it.
      columns.amount = quote ? 3 : 2
    case (.trades, .contracts(let size)):
      // CM trades carry base_qty: the exchange's own conversion.
      if quote { columns.scale = size } else { columns.amount = 3 }
    case (.aggTrades, .base):
      columns.volume = quote ? .amountTimesPrice : .amount
    case (.aggTrades, .contracts(let size)):
      columns.scale = size
      columns.volume = quote ? .amount : .amountOverPrice
    }
    return columns
  }
}

extension SourceReader {
  /// The block parser's plan for a Binance trades or aggTrades file, with the summary readBinance
  /// gives; nil for klines.
  func binancePlan(_ layout: BinanceLayout, _ summary: inout SourceSummary) throws -> FastPlan? {
    let fileName = MarketName(fileName: name, table: options.markets)
    let (market, amount) = try layout.market(fileName, source: name)
    let quote = options.unit == .quote
    guard let columns = layout.tradeColumns(amount, quote: quote) else { return nil }
    let category = try market.category(grouping: options.group)
    summary.market = market.file.market
    summary.volumeUnit = quote ? market.file.market.quote.map { $0 + " (quote)" } : market.file.market.base
    summary.categorySource = "\(market.described) → \(quoted(category))"
    summary.valueSource = valueSource(layout, amount)
    summary.timeColumn = layout.columns[layout.timeIndex]
    return FastPlan(
      source: name, header: layout.columns, fieldCount: layout.fieldCount, columns: columns, categoryIndices: [],
      constantCategory: category, handsBackErrors: true)
  }
}
