// Exchange APIs' trades saved by hand (FORMATS.md): Bitfinex v2 `[ID, MTS, AMOUNT, PRICE]`, AMOUNT
// negative for a sell (the volume is its absolute value), and Coinbase Exchange `{time, trade_id,
// price, size, side}` with an ISO 8601 time and numbers as strings (`side` is the maker's side, not
// read). The shape names the exchange; the pair comes from the file name as the API names it
// (`tBTCUSD.json`, `BTC-USD.json`), else from the folders or the markets table.

extension JSONFeedReader {
  mutating func readBitfinexTrades(_ trades: inout JSONItems, _ builder: inout VolumeTableBuilder) throws
    -> SourceSummary
  {
    let market = symbolMarket(exchange: "bitfinex")
    var summary = try tradeSummary("Bitfinex v2 trades (JSON lists)", market)
    summary.valueSource =
      options.unit == .quote
      ? "|AMOUNT| × PRICE (\(market.quoteUnit)), trades summed per day"
      : "|AMOUNT| (\(market.baseUnit)), trades summed per day"
    let code = builder.code(for: try market.category(grouping: options.group))
    try options.conversion?.start(&builder, market: market.file.market, source: name)
    let expected: Phrase = "a list [ID, MTS, AMOUNT, PRICE]"
    while let trade = try trades.next() {
      let index = trades.count - 1
      let fields = try trade.list(expected)
      guard fields.count == 4 else { throw trade.wrong("a list of \(fields.count)", expected: expected) }
      let time = try fields[1].unixTime("MTS, unix milliseconds")
      guard case .number(let signed) = fields[2].value, signed.isFinite else {
        throw fields[2].wrong("\(fields[2].shown), not a number", expected: "AMOUNT, a number (negative for a sell)")
      }
      let amount = abs(signed)
      let volume =
        options.unit == .quote ? try fields[3].amount("PRICE, a number of 0 or more")! * amount : amount
      builder.addEvent(day: time.floorDiv(secondsPerDay), code: code, volume: volume, origin: origin(index))
      note(&summary, time: time)
    }
    return summary
  }

  mutating func readCoinbaseTrades(_ trades: inout JSONItems, _ builder: inout VolumeTableBuilder) throws
    -> SourceSummary
  {
    let market = symbolMarket(exchange: "coinbase")
    var summary = try tradeSummary("Coinbase Exchange trades (JSON objects)", market)
    summary.timeColumn = "time"
    summary.valueSource =
      options.unit == .quote
      ? "price × size (\(market.quoteUnit)), trades summed per day"
      : "size (\(market.baseUnit)), trades summed per day"
    let code = builder.code(for: try market.category(grouping: options.group))
    try options.conversion?.start(&builder, market: market.file.market, source: name)
    while let trade = try trades.next() {
      let index = trades.count - 1
      guard case .object = trade.value else {
        throw trade.wrong(
          "\(trade.shown), not a trade object", expected: "an object {time, trade_id, price, size, side}")
      }
      let timeNode = trade["time"]
      guard case .string(let text) = timeNode.value, case .success(let parsed) = TimeParser.parse(text) else {
        throw timeNode.wrong("\(timeNode.shown), not a time", expected: "time, an ISO 8601 date-time")
      }
      let size = try trade["size"].amount("size, a number of 0 or more")!
      let volume = options.unit == .quote ? try trade["price"].amount("price, a number of 0 or more")! * size : size
      builder.addEvent(
        day: parsed.seconds.floorDiv(secondsPerDay), code: code, volume: volume, origin: origin(index))
      note(&summary, time: parsed.seconds)
    }
    return summary
  }

  /// The market of an exchange's own file: the exchange its shape names, the pair its name gives as
  /// the API writes it (Bitfinex's `t` prefix dropped).
  func symbolMarket(exchange: String) -> MarketName {
    var stem = FileMarket.stem(name.split(separator: "/").last.map(String.init) ?? name)
    if exchange == "bitfinex", stem.first == "t", stem.dropFirst().first?.isASCIIUpper == true { stem.removeFirst() }
    var market = Symbol.market(stem)
    market.exchange = exchange
    market.instrument = market.instrument ?? .spot
    return self.market(fromFile: market, symbol: stem, convention: "\(exchange) trades, pair from the name")
  }
}
