// Tardis and Kaiko trade logs on the parallel block reader. Their files are one market each in
// almost every download (Tardis: one file per exchange, day and symbol), so a file is read as the
// market of its first line, with that line's exchange and symbol bytes required on every line; a
// line of another market, or any line the block parser doubts, hands the file back to the serial
// reader (readVendorTrades), which reads several markets and gives the errors.

extension SourceReader {
  /// The block parser's plan for a Tardis or Kaiko file read as its first line's market, with the
  /// summary readVendorTrades gives; nil when the file has no data line.
  mutating func vendorParallelPlan(_ layout: VendorTradeColumns, _ summary: inout SourceSummary) throws -> FastPlan? {
    try scanner.setMark()
    defer { scanner.rewind() }
    _ = try scanner.next()  // the header
    guard try scanner.next(), scanner.fieldCount == layout.fieldCount else { return nil }
    let fixed = [layout.exchangeIndex, layout.symbolIndex].map { column in
      FixedBytes(column: column, bytes: scanner.withField(column) { Array($0) })
    }
    var markets = VendorMarkets()
    var scratch = VolumeTableBuilder(policy: options.duplicates)
    let entry = try vendorMarket(layout, &markets, &scratch)
    let inQuote = options.unit == .quote
    var columns = TradeColumns(
      time: layout.timeIndex, price: layout.priceIndex, amount: layout.amountIndex,
      timeUnit: .epoch(layout.timeUnit), checksPrice: true, pricePositive: true,
      flags: layout.flagIndex.map { [$0] } ?? [])
    columns.fixed = fixed
    columns.otherTimes = layout.otherTimeIndices
    // TradeAmount.volume, as the block parser computes it: amount × size, times or over the price.
    switch entry.amount {
    case .base(let size): (columns.scale, columns.volume) = (size, inQuote ? .amountTimesPrice : .amount)
    case .quote(let size): (columns.scale, columns.volume) = (size, inQuote ? .amount : .amountOverPrice)
    }
    describe(layout, markets, &summary, inQuote: inQuote)
    summary.timeColumn = layout.columns[layout.timeIndex]
    return FastPlan(
      source: name, header: layout.columns, fieldCount: layout.fieldCount, columns: columns, categoryIndices: [],
      constantCategory: scratch.dictionary.names[Int(entry.code)], handsBackErrors: true)
  }
}
