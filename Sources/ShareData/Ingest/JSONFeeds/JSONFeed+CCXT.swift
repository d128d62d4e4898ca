// CCXT's saved answers (the CCXT manual, "Trade structure", "OHLCV structure"): `fetch_trades` as
// trade objects (`timestamp` ms, `amount` base, `cost` quote, `symbol` such as `BTC/USDT` or
// `BTC/USDT:USDT`), freqtrade's compact trades `[timestamp, id, type, side, price, amount, cost]`,
// and `fetch_ohlcv` bars `[timestamp, open, high, low, close, volume]` (volume in base units).
// Trades are summed per UTC day; bars are observations at their start.

extension JSONFeedReader {
  mutating func readCCXTTrades(_ trades: inout JSONItems, _ builder: inout VolumeTableBuilder) throws -> SourceSummary {
    // One market per file: the symbol of the first trade, and every other trade must agree.
    let symbolNode = try trades.first()!["symbol"]
    var symbol: String?
    if case .string(let text) = symbolNode.value { symbol = text }
    let market = market(
      fromFile: symbol.map(Symbol.market) ?? .unknown, symbol: symbol,
      convention: symbol.map { "CCXT symbol \($0)" })
    var summary = try tradeSummary("CCXT trades (JSON objects)", market)
    let code = builder.code(for: try market.category(grouping: options.group))
    try options.conversion?.start(&builder, market: market.file.market, source: name)
    while let trade = try trades.next() {
      let index = trades.count - 1
      guard case .object = trade.value else {
        throw trade.wrong("\(trade.shown), not a trade object", expected: "an object like the first trade's")
      }
      if trade["symbol"].value != symbolNode.value {
        throw ShareError.data(
          "\(trade.path) is a trade of \(trade["symbol"].shown), the first trade of \(symbolNode.shown)", at: file,
          expected: "the trades of one market in one file",
          hint: "save each symbol's trades in a file of its own; each file is then a market")
      }
      let time = try trade["timestamp"].unixTime("timestamp, unix milliseconds")
      let volume = try tradeVolume(price: trade["price"], amount: trade["amount"], cost: trade["cost"])
      builder.addEvent(day: time.floorDiv(secondsPerDay), code: code, volume: volume, origin: origin(index))
      note(&summary, time: time)
    }
    return summary
  }

  mutating func readCCXTTradeLists(_ trades: inout JSONItems, _ builder: inout VolumeTableBuilder) throws
    -> SourceSummary
  {
    let market = market()
    var summary = try tradeSummary("freqtrade trades (JSON lists)", market)
    let code = builder.code(for: try market.category(grouping: options.group))
    try options.conversion?.start(&builder, market: market.file.market, source: name)
    let expected: Phrase = "a list [timestamp, id, type, side, price, amount, cost]"
    while let trade = try trades.next() {
      let index = trades.count - 1
      let fields = try trade.list(expected)
      guard fields.count == 7 else { throw trade.wrong("a list of \(fields.count)", expected: expected) }
      let time = try fields[0].unixTime("timestamp, unix milliseconds")
      let volume = try tradeVolume(price: fields[4], amount: fields[5], cost: fields[6])
      builder.addEvent(day: time.floorDiv(secondsPerDay), code: code, volume: volume, origin: origin(index))
      note(&summary, time: time)
    }
    return summary
  }

  mutating func readCCXTOHLCV(_ bars: inout JSONItems, _ builder: inout VolumeTableBuilder) throws -> SourceSummary {
    try refuseQuoteUnit("CCXT OHLCV", holds: "base volumes")
    let market = market()
    var summary = summary(.ohlcv, "CCXT OHLCV (JSON lists)", market, unit: market.base, time: "timestamp")
    let category = try market.category(grouping: options.group)
    let code = builder.code(for: category)
    summary.categorySource = "\(market.described) → \(quoted(category))"
    summary.valueSource = "volume, the 6th value of each bar (\(market.baseUnit))"
    let expected: Phrase = "a list [timestamp, open, high, low, close, volume]"
    var gaps: [String] = []
    var seen: [Int64: String] = [:]
    while let bar = try bars.next() {
      let index = bars.count - 1
      let fields = try bar.list(expected)
      guard fields.count == 6 else { throw bar.wrong("a list of \(fields.count)", expected: expected) }
      let time = try fields[0].unixTime("timestamp, unix milliseconds")
      try checkRepeat(&seen, time: time, at: bar)
      let prices = try fields[1...4].map { try $0.amount("a price of 0 or more", optional: true) }
      let volume = try fields[5].amount("volume, a number of 0 or more", optional: true)
      let allZero = volume == 0 && prices.allSatisfy { $0 == 0 }
      if allZero { gaps.append(bar.path) }
      try builder.addObservation(time: time, code: code, volume: allZero ? nil : volume, origin: origin(index))
      note(&summary, time: time)
    }
    summary.gapRows = gaps.count
    warnGaps(gaps)
    return summary
  }

  /// Trades sum into days: their summary says where the market came from and which unit is read.
  func tradeSummary(_ feed: Phrase, _ market: MarketName) throws -> SourceSummary {
    let quote = options.unit == .quote
    var summary = summary(.trades, feed, market, unit: quote ? market.quote : market.base, time: "timestamp")
    let category = try market.category(grouping: options.group)
    summary.categorySource = "\(market.described) → \(quoted(category))"
    let contracts = market.file.market.instrument.map { $0.kind != .spot } ?? false
    summary.valueSource =
      quote
      ? "cost, else price × amount (\(market.quoteUnit)), trades summed per day"
      : "amount (\(contracts ? "contracts" : market.baseUnit)), trades summed per day"
    return summary
  }

  /// A trade's volume: its amount (base units), or under the quote unit its cost, else price ×
  /// amount (CCXT leaves `cost` null when the exchange gives none).
  func tradeVolume(price: JSONNode, amount: JSONNode, cost: JSONNode) throws -> Double {
    let base = try amount.amount("amount, a number of 0 or more")!
    guard options.unit == .quote else { return base }
    if let cost = try cost.amount("cost, a number of 0 or more, or null", optional: true) { return cost }
    return try price.amount("price, a number of 0 or more")! * base
  }
}
