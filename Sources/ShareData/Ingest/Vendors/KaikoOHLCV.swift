// Kaiko's OHLCV deliveries (FORMATS.md): headerless `timestamp_ms,open,high,low,close,volume`, one
// market per file, named by the file (`Kraken_eth_eur_ohlcv_1h_2024_03_01.csv`, as its trade files
// are named). Told by the shape of the first row: six fields, an integer time in milliseconds, then
// numbers (Kaiko leaves open, high, low and close empty for an interval without trades). The volume is
// the base asset's; the bars are kept at their own interval, as Binance klines are.

enum KaikoOHLCV {
  static let columns = ["timestamp", "open", "high", "low", "close", "volume"]

  /// Whether a headerless first row has Kaiko's OHLCV shape.
  static func fits(_ row: [String]) -> Bool {
    guard row.count == columns.count, let (_, unit) = EpochTime.seconds(row[0].trimmed), unit == .milliseconds,
      (try? DecimalParser.parse(row[5]).get()) != nil
    else { return false }
    return row[1...4].allSatisfy { $0.trimmed.isEmpty || (try? DecimalParser.parse($0).get()) != nil }
  }

  static var plan: LayoutPlan {
    var plan = LayoutPlan(
      layout: .ohlcv, reason: "detected: Kaiko OHLCV (headerless timestamp_ms,open,high,low,close,volume)",
      hasHeader: false, header: columns, timeIndex: 0)
    plan.kaikoOHLCV = true
    return plan
  }
}

extension SourceReader {
  // hot loop: every bar of a Kaiko OHLCV file goes through here.
  mutating func readKaikoOHLCV(_ builder: inout VolumeTableBuilder, _ summary: inout SourceSummary) throws {
    guard options.unit != .quote else {
      throw ShareError.request(
        "\(name) is Kaiko OHLCV, whose volume is the base asset's: no quote volume",
        hint: "read its trades for quote volumes, or leave out \(setting: .unit, "quote")")
    }
    var name = MarketName(fileName: self.name == "<stdin>" ? "stdin" : self.name, table: options.markets)
    var market = name.file.market
    if market.instrument == nil, market.base != nil, market.quote != nil { market.instrument = .spot }
    let found = TardisMarket.amount(of: market, linearInCoins: false, inverseInUSD: false)
    guard case .base(let size)? = found.amount else {
      let why = found.unknownBecause ?? "its contracts count quote units, and a bar has no one price"
      throw ShareError.data(
        "the unit of the volumes of \(name.file.symbol ?? name.market) is not known: \(why)",
        at: SourceLocation(file: self.name), expected: "a Kaiko file name of a spot pair (exchange_base_quote_ohlcv_…)",
        hint:
          "give the market in a \(setting: .markets) file: a row \(name.file.symbol ?? name.market) with its instrument and contract_size"
      )
    }
    if name.file.convention == "Kaiko file name", let exchange = market.exchange, let symbol = name.file.symbol {
      name.market = "\(exchange) \(symbol)"
    }
    name.file.market = market
    let category = try name.category(grouping: options.group)
    let code = builder.code(for: category)
    summary.market = market
    summary.volumeUnit = market.base
    summary.categorySource = "\(name.described) → \(quoted(category))"
    summary.valueSource = size == 1 ? "column \"volume\" (base units)" : "volume × \(formatted(size)) (base units)"
    summary.timeColumn = "timestamp"
    while try scanner.next() {
      guard scanner.fieldCount == KaikoOHLCV.columns.count else {
        throw ShareError.data(
          "this row has \(scanner.fieldCount) field\(scanner.fieldCount == 1 ? "" : "s")", at: scanner.location(),
          expected: "6 fields, as in Kaiko OHLCV: timestamp_ms,open,high,low,close,volume")
      }
      guard let (t, unit) = scanner.withField(0, { EpochTime.seconds($0) }), unit == .milliseconds else {
        throw ShareError.data(
          "not a Kaiko time: \(scanner.withField(0) { quoted(bytes: $0) })",
          at: scanner.location(column: 1, name: "timestamp"),
          expected: "an integer time in milliseconds since 1970 (13 digits), as Kaiko writes them")
      }
      for index in 1...4 { _ = try volume(index, what: KaikoOHLCV.columns[index]) }
      guard let volume = try volume(5, what: "volume") else {
        throw ShareError.data(
          "empty volume", at: scanner.location(column: 6, name: "volume"), expected: "a number in every row")
      }
      try builder.addObservation(time: t, code: code, volume: volume * size, origin: origin)
      note(&summary, time: t)
    }
  }
}
