// Coin Metrics community data (`coinmetrics/data`; FORMATS.md): one CSV per asset (`btc.csv`), one
// row a day, `time` as YYYY-MM-DD, then one column per metric. The volume sharelens reads is
// `volume_reported_spot_usd_1d`: the asset's spot volume in USD, summed by Coin Metrics over every
// market it covers, so a file is one category (the asset, from its name) in USD, not base units.
// The 2018–19 layout was `date,txVolume(USD),…,exchangeVolume(USD),…`; `txVolume` is on-chain
// transfers, not trading, so only `exchangeVolume(USD)` is read. Empty cells are missing.

/// A Coin Metrics file: its time and volume columns.
struct CoinMetricsLayout: Sendable, Equatable {
  var header: [String]
  var timeIndex: Int
  var volumeIndex: Int

  /// The volume column of the current and of the 2018–19 layout.
  static let volumeColumn = "volume_reported_spot_usd_1d"
  static let legacyVolumeColumn = "exchangevolume(usd)"
  /// Metrics only Coin Metrics' files have, each enough to tell one (with `time` first).
  static let signatureMetrics: Set<String> = [
    volumeColumn, "adractcnt", "capmrktcurusd", "priceusd", "txcnt", "referencerateusd", "txtfrvaladjntv",
    "splycur", "hashrate",
  ]

  /// The layout of a file with this header; nil when it is not Coin Metrics'. A Coin Metrics file
  /// without its volume column is an error here: read as a wide table, its metrics (prices, counts
  /// of addresses) would be added up as if they were exchanges' volumes.
  static func detect(_ header: [String], source: String) throws -> CoinMetricsLayout? {
    let keys = header.map(\.headerKey)
    guard let first = keys.first else { return nil }
    let current = first == "time" && keys.dropFirst().contains { signatureMetrics.contains($0) }
    let legacy = first == "date" && keys.contains { $0 == legacyVolumeColumn || $0 == "txvolume(usd)" }
    guard current || legacy else { return nil }
    let wanted = current ? volumeColumn : legacyVolumeColumn
    guard let volume = keys.firstIndex(of: wanted) else {
      throw ShareError.data(
        "this Coin Metrics file has no \(current ? volumeColumn : "exchangeVolume(USD)") column",
        at: SourceLocation(file: source, line: 1),
        expected: "a column \(current ? volumeColumn : "exchangeVolume(USD)") (spot volume in USD)",
        hint: current
          ? "Coin Metrics publishes no reported spot volume for some assets; their other metrics are no trading volume"
          : "txVolume(USD) is on-chain transfers, not trading volume")
    }
    return CoinMetricsLayout(header: header.map(\.trimmed), timeIndex: 0, volumeIndex: volume)
  }

  var isLegacy: Bool { header[0].headerKey == "date" }

  var described: String {
    "Coin Metrics community data (\(isLegacy ? "2018–19 layout, date,…,exchangeVolume(USD)" : "time,<metric>,…"))"
  }

  var plan: LayoutPlan {
    var plan = LayoutPlan(
      layout: .ohlcv, reason: "detected: \(described)", hasHeader: true, header: header, timeIndex: timeIndex)
    plan.valueIndex = volumeIndex
    plan.coinMetrics = self
    return plan
  }
}

extension SourceReader {
  /// Reads the daily volumes; an empty cell (often the newest, not yet complete day) is missing.
  mutating func readCoinMetrics(
    _ layout: CoinMetricsLayout, _ builder: inout VolumeTableBuilder, _ summary: inout SourceSummary
  ) throws {
    let market = coinMetricsMarket()
    let category = try market.category(grouping: options.group)
    let code = builder.code(for: category)
    summary.market = market.file.market
    // Its volumes are USD whatever the unit: under a currency unit they convert as a USD quote would.
    try options.conversion?.start(&builder, market: Market(quote: "USD"), source: name)
    // USD whatever unit was asked: the file holds no base volume, and must not pass for one.
    summary.volumeUnit = "USD"
    summary.categorySource = "\(market.described) → \(quoted(category))"
    summary.valueSource =
      "column \(quoted(layout.header[layout.volumeIndex])) (USD, all markets Coin Metrics covers; not base units)"
    summary.timeColumn = layout.header[layout.timeIndex]
    var newest: (time: Int64, line: Int, empty: Bool)?
    while try scanner.next() {
      try checkWidth(layout.header.count)
      let t = try time(layout.timeIndex)
      let volume = try self.volume(layout.volumeIndex)
      if volume == nil { summary.emptyCells += 1 }
      if newest.map({ t > $0.time }) ?? true { newest = (t, scanner.recordLine, volume == nil) }
      try builder.addObservation(time: t, code: code, volume: volume, origin: origin)
      note(&summary, time: t)
    }
    if let newest, newest.empty {
      warnings.append(
        Warning(
          .partialBucket,
          "the newest day (\(dateTimeLabel(newest.time))) has no \(layout.header[layout.volumeIndex]) yet: "
            + "read as missing, not 0",
          at: SourceLocation(file: name, line: newest.line, column: layout.volumeIndex + 1)))
    }
  }

  /// The asset from the file name (`btc.csv` → BTC); its volume is in USD over all its markets.
  private func coinMetricsMarket() -> MarketName {
    var market = MarketName(fileName: name == "<stdin>" ? "stdin" : name, table: options.markets)
    if let asset = Symbol.asset(Substring(market.file.stem)) {
      market.market = asset
      // No quote: the USD figure sums markets in every quote currency.
      market.file.market = Market(base: asset)
      market.file.symbol = asset
      market.file.convention = "Coin Metrics file name (the asset)"
      if let table = options.markets { market.file = table.applied(to: market.file) }
    }
    return market
  }
}
