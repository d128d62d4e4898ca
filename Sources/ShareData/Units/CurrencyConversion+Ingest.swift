// Where reading meets the conversion: a reader that knows its input's market starts the
// conversion (one line in each reader that reads quote volumes); once the input is read, Ingest
// finishes it. An input no reader started (a wide table, a long one with no quote column,
// sharelens' own JSON: its categories are not markets with a known quote) is refused rather than
// summed unconverted.

extension CurrencyConversion {
  /// Before an input of `market` adds its volumes: they are converted from its quote currency.
  func start(_ builder: inout VolumeTableBuilder, market: Market?, source: String) throws {
    builder.rates = try rates(for: market, source: source)
  }

  /// After an input: refuses it if a day with volume had no rate, or if it was never converted.
  func finish(_ builder: inout VolumeTableBuilder, _ summary: inout SourceSummary) throws {
    defer { builder.rates = nil }
    guard let rates = builder.rates else {
      // A single-market file whose reader never started the conversion (a reader added without
      // its one line): its volumes went in unconverted, so it is refused, saying so.
      if summary.market != nil {
        throw ShareError.request(
          "the reader of \(summary.name) (\(summary.layoutReason)) does not count volumes in \(target) yet",
          hint: "read it in \(setting: .unit, "quote") or \(setting: .unit, "base")")
      }
      try refuse(summary.name, what: "a \(summary.layout.rawValue) table")
      return
    }
    if let day = rates.missingDay { throw missingRate(rates, day: day, source: summary.name) }
    summary.volumeUnit = target
    summary.valueSource += " → \(described(rates))"
  }

  /// An input whose categories are not markets with a known quote currency.
  func refuse(_ source: String, what: String) throws {
    throw ShareError.request(
      "\(source) is \(what): its categories are not markets with a known quote currency, so its volumes cannot be counted in \(target)",
      hint:
        "\(setting: .unit, target) converts single-market files (trades, OHLCV bars, Binance, JSON feeds) and trade logs with a quote column; read this one in \(setting: .unit, "quote") or \(setting: .unit, "base")"
    )
  }
}
