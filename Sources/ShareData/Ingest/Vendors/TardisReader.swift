// Reads a Tardis or Kaiko trade log (VendorTradeColumns) into the table: each row's market from its
// exchange and symbol columns (TardisMarket, KaikoMarket), so one file may hold several markets and
// each is its own category; trades summed per UTC day of the trade's time; amounts as base units,
// or quote units under the quote unit (TradeAmount: inverse contracts divided by the price).

/// The markets met so far in one file: the category code and amount unit of each.
struct VendorMarkets {
  struct Entry {
    var code: Int32
    var amount: TradeAmount
    var market: Market
  }
  var byKey: [String: Entry] = [:]
  /// The last row's exchange and symbol bytes: most files hold one market, so most rows stop here.
  var lastExchange: [UInt8] = []
  var lastSymbol: [UInt8] = []
  var last: Entry?
  /// In the order first met, for `inspect`.
  var labels: [String] = []
  var order: [Market] = []
  /// Under a currency unit: the rates of each quote currency met, and the one the builder holds.
  var rates: [String: DayRates] = [:]
  var ratesQuote = ""
}

extension SourceReader {
  // hot loop: every row of a Tardis or Kaiko file goes through here; one pass, fields parsed in place.
  mutating func readVendorTrades(
    _ layout: VendorTradeColumns, _ builder: inout VolumeTableBuilder, _ summary: inout SourceSummary
  ) throws {
    let inQuote = options.unit == .quote
    var markets = VendorMarkets()
    summary.timeColumn = layout.columns[layout.timeIndex]
    while try scanner.next() {
      guard scanner.fieldCount == layout.fieldCount else {
        throw ShareError.data(
          "this row has \(scanner.fieldCount) field\(scanner.fieldCount == 1 ? "" : "s")", at: scanner.location(),
          expected: "\(layout.fieldCount) fields, as in \(layout.described)")
      }
      let entry = try vendorMarket(layout, &markets, &builder)
      if options.conversion != nil { try useRates(entry.market, &markets, &builder) }
      let t = try vendorTime(layout.timeIndex, layout)
      for index in layout.otherTimeIndices { _ = try vendorTime(index, layout) }
      if let flag = layout.flagIndex { try vendorFlag(flag, layout) }
      let price = try vendorNumber(layout.priceIndex, layout)
      if price == 0 {
        throw ShareError.data(
          "price 0", at: scanner.location(column: layout.priceIndex + 1, name: layout.columns[layout.priceIndex]),
          expected: "a price above 0")
      }
      let amount = try vendorNumber(layout.amountIndex, layout)
      let volume = entry.amount.volume(price: price, amount: amount, inQuote: inQuote)
      guard volume.isFinite else {
        throw ShareError.data(
          "this row's volume is too large (a price × amount or a contract conversion past 1.8e308)",
          at: scanner.location(), expected: "prices and amounts of real trades")
      }
      builder.addEvent(day: t.floorDiv(secondsPerDay), code: entry.code, volume: volume, origin: origin)
      note(&summary, time: t)
    }
    describe(layout, markets, &summary, inQuote: inQuote)
    if options.conversion != nil { keepMissingRate(&markets, &builder) }
  }

  /// Under a currency unit the builder converts with the rates of this row's quote currency: a
  /// file may hold markets of several quotes (RowRates does the same for long trade logs).
  private func useRates(_ market: Market, _ markets: inout VendorMarkets, _ builder: inout VolumeTableBuilder) throws {
    let quote = market.quote ?? ""
    if builder.rates != nil, quote == markets.ratesQuote { return }
    if let rates = builder.rates { markets.rates[markets.ratesQuote] = rates }
    markets.ratesQuote = quote
    if let known = markets.rates[quote] {
      builder.rates = known
      return
    }
    var rates = try options.conversion!.rates(for: market, source: name)
    rates.perRow = markets.byKey.count > 1
    builder.rates = rates
  }

  /// After the last row the builder holds the currency that first lacked a rate, if any, for
  /// Ingest to report (CurrencyConversion.finish).
  private func keepMissingRate(_ markets: inout VendorMarkets, _ builder: inout VolumeTableBuilder) {
    if let rates = builder.rates { markets.rates[markets.ratesQuote] = rates }
    let missing = markets.rates.values.filter { $0.missingDay != nil }
    if let first = missing.min(by: { ($0.missingDay!, $0.currency) < ($1.missingDay!, $1.currency) }) {
      builder.rates = first
    }
  }

  /// The row's market: the last row's when its exchange and symbol are the same bytes.
  func vendorMarket(
    _ layout: VendorTradeColumns, _ markets: inout VendorMarkets, _ builder: inout VolumeTableBuilder
  ) throws -> VendorMarkets.Entry {
    let same =
      scanner.withField(layout.exchangeIndex) { $0.elementsEqual(markets.lastExchange) }
      && scanner.withField(layout.symbolIndex) { $0.elementsEqual(markets.lastSymbol) }
    if same, let last = markets.last { return last }
    let exchange = try scanner.string(layout.exchangeIndex).trimmingSpaces
    let symbol = try scanner.string(layout.symbolIndex).trimmingSpaces
    markets.lastExchange = Array(exchange.utf8)
    markets.lastSymbol = Array(symbol.utf8)
    let key = exchange + "\u{1F}" + symbol
    if let known = markets.byKey[key] {
      markets.last = known
      return known
    }
    let found: VendorMarket
    let label: String
    switch layout.vendor {
    case .tardis:
      found = TardisMarket.resolve(exchange: exchange, symbol: symbol, table: options.markets)
      label = "\(exchange) \(symbol)"
    case .kaiko:
      found = KaikoMarket.resolve(exchange: exchange, symbol: symbol, table: options.markets)
      label = "\(found.market.exchange ?? exchange) \(symbol)"
    }
    guard let amount = found.amount else {
      throw ShareError.data(
        "the unit of the amounts of \(exchange) \(symbol) is not known: \(found.unknownBecause ?? "")",
        at: scanner.location(column: layout.symbolIndex + 1, name: layout.columns[layout.symbolIndex]),
        expected: "a market whose amounts sharelens knows (docs/formats.md, \(layout.vendor.rawValue))",
        hint:
          "give it in a \(setting: .markets) file: a row \(symbol) with its instrument (spot, perpetual linear, future inverse, …) and contract_size (what one amount counts)"
      )
    }
    var name = MarketName(fileName: label)
    name.market = label
    name.file = FileMarket(
      stem: label, symbol: symbol, market: found.market,
      convention: "\(layout.vendor.rawValue) exchange and symbol columns")
    let entry = VendorMarkets.Entry(
      code: builder.code(for: try name.category(grouping: options.group)), amount: amount, market: found.market)
    markets.byKey[key] = entry
    markets.labels.append("\(label) (\(found.market.description))")
    markets.order.append(found.market)
    markets.last = entry
    return entry
  }

  /// The facts `inspect` shows: the markets found, and the unit of the volumes when they share one.
  func describe(
    _ layout: VendorTradeColumns, _ markets: VendorMarkets, _ summary: inout SourceSummary, inQuote: Bool
  ) {
    let entries = Array(markets.byKey.values)
    summary.market = entries.count == 1 ? entries[0].market : nil
    let unit = { (m: Market) in inQuote ? m.quote : m.base }
    let units = Set(entries.map { unit($0.market) })
    summary.rowMarkets = markets.order.map { (market: $0, unit: unit($0)) }
    summary.volumeUnit = units.count == 1 ? units.first! : nil
    summary.categorySource =
      "\(layout.vendor.rawValue) exchange and symbol columns: " + markets.labels.joined(separator: "; ")
    let sources = Set(entries.map { $0.amount.described(inQuote: inQuote) })
    summary.valueSource =
      (sources.count == 1 ? sources.first! : "per market: " + sources.sorted().joined(separator: "; "))
      + ", summed per day"
  }

  /// A required number of 0 or more.
  private func vendorNumber(_ index: Int, _ layout: VendorTradeColumns) throws -> Double {
    let what = layout.columns[index]
    guard let value = try volume(index, what: what) else {
      throw ShareError.data(
        "empty \(what)", at: scanner.location(column: index + 1, name: what), expected: "a number in every row")
    }
    return value
  }

  /// An integer time in the file's unit, as seconds.
  private func vendorTime(_ index: Int, _ layout: VendorTradeColumns) throws -> Int64 {
    if let (seconds, unit) = scanner.withField(index, { EpochTime.seconds($0) }), unit == layout.timeUnit {
      return seconds
    }
    let found = scanner.withField(index) { quoted(bytes: $0) }
    throw ShareError.data(
      "not a \(layout.vendor.rawValue) time: \(found)",
      at: scanner.location(column: index + 1, name: layout.columns[index]), expected: "\(layout.expectedTime)")
  }

  /// Kaiko's `sell`: true, false, or empty (the taker's side not known).
  private func vendorFlag(_ index: Int, _ layout: VendorTradeColumns) throws {
    guard !scanner.isEmpty(index), !scanner.withField(index, { BinanceLayout.isFlag($0) }) else { return }
    let text = scanner.withField(index) { String(decoding: $0, as: UTF8.self) }
    throw ShareError.data(
      "not a true/false flag: \(quoted(text))", at: scanner.location(column: index + 1, name: layout.columns[index]),
      expected: "true, false or an empty cell")
  }
}
