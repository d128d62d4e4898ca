// Reads a Binance trades, aggTrades or klines file (BinanceLayout) into the table: trades summed
// per day, klines kept at their own interval (so that a kline repeated by a daily and a monthly
// file is "appears twice", not counted twice). Amounts become base units, or quote units under
// the quote unit; COIN-M contracts are converted with their size (BinanceMarket).

extension SourceReader {
  // hot loop: every row of a Binance file goes through here; one pass, fields parsed in place.
  mutating func readBinance(
    _ layout: BinanceLayout, _ builder: inout VolumeTableBuilder, _ summary: inout SourceSummary
  ) throws {
    let fileName = MarketName(fileName: name == "<stdin>" ? "stdin" : name, table: options.markets)
    let (market, amount) = try layout.market(fileName, source: name)
    let category = try market.category(grouping: options.group)
    let code = builder.code(for: category)
    try options.conversion?.start(&builder, market: market.file.market, source: name)
    let quote = options.unit == .quote
    summary.market = market.file.market
    summary.volumeUnit = quote ? market.file.market.quote.map { $0 + " (quote)" } : market.file.market.base
    summary.categorySource = "\(market.described) → \(quoted(category))"
    summary.valueSource = valueSource(layout, amount)
    summary.timeColumn = layout.columns[layout.timeIndex]
    while try scanner.next() {
      guard scanner.fieldCount == layout.fieldCount else {
        throw ShareError.data(
          "this row has \(scanner.fieldCount) field\(scanner.fieldCount == 1 ? "" : "s")", at: scanner.location(),
          expected: "\(layout.fieldCount) fields, as in \(layout.described): \(layout.columns.joined(separator: ","))")
      }
      var t: Int64 = 0
      for index in layout.integerTimeIndices {
        let seconds = try epoch(index, layout)
        if index == layout.timeIndex { t = seconds }
      }
      for index in layout.booleanIndices { try flag(index, layout) }
      let volume = try binanceVolume(layout, amount, quote: quote)
      guard volume.isFinite else {
        throw ShareError.data(
          "this row's volume is too large (a price × amount or a contract conversion past 1.8e308)",
          at: scanner.location(), expected: "prices and amounts of real trades")
      }
      if layout.kind == .klines {
        try builder.addObservation(time: t, code: code, volume: volume, origin: origin)
      } else {
        builder.addEvent(day: t.floorDiv(secondsPerDay), code: code, volume: volume, origin: origin)
      }
      note(&summary, time: t)
    }
  }

  /// The row's volume: base units (contracts × size / price for COIN-M), or quote units.
  private func binanceVolume(_ layout: BinanceLayout, _ amount: BinanceAmount, quote: Bool) throws -> Double {
    switch (layout.kind, amount) {
    case (.trades, .base):
      // qty, and quoteQty as Binance computed it.
      return try number(quote ? 3 : 2, layout)
    case (.trades, .contracts(let size)):
      // CM trades carry base_qty: the exchange's own conversion.
      return quote ? try number(2, layout) * size : try number(3, layout)
    case (.aggTrades, .base):
      return quote ? try number(1, layout, positive: true) * number(2, layout) : try number(2, layout)
    case (.aggTrades, .contracts(let size)):
      return try ContractVolume.inverse(
        contracts: number(2, layout), size: size, unit: options.unit, price: number(1, layout, positive: true))
    case (.klines, .base):
      return try number(quote ? 7 : 5, layout)
    case (.klines, .contracts(let size)):
      // COIN-M klines: `volume` is contracts, the eighth column the base asset volume.
      return quote ? try number(5, layout) * size : try number(7, layout)
    }
  }

  func valueSource(_ layout: BinanceLayout, _ amount: BinanceAmount) -> String {
    let columns = layout.columns
    switch (layout.kind, amount, options.unit) {
    case (.trades, .base, .base), (.aggTrades, .base, .base): return "\(columns[2]) (base units), summed per day"
    case (.trades, .base, .quote): return "\(columns[3]) (quote units), summed per day"
    case (.aggTrades, .base, .quote): return "price × \(columns[2]) (quote units), summed per day"
    case (.trades, .contracts, .base): return "\(columns[3]) (base units), summed per day"
    case (.aggTrades, .contracts(let size), .base):
      return "\(columns[2]) contracts × \(formatted(size)) / price (base units), summed per day"
    case (.trades, .contracts(let size), .quote), (.aggTrades, .contracts(let size), .quote):
      return "\(columns[2]) contracts × \(formatted(size)) (quote units), summed per day"
    case (.klines, .base, .base): return "column \(quoted(columns[5])) (base units)"
    case (.klines, .base, .quote): return "column \(quoted(columns[7])) (quote units)"
    case (.klines, .contracts, .base): return "column \(quoted(columns[7])) (COIN-M: base units)"
    case (.klines, .contracts(let size), .quote):
      return "column \(quoted(columns[5])) contracts × \(formatted(size)) (quote units)"
    }
  }

  /// A required number of 0 or more (more than 0 when it divides).
  private func number(_ index: Int, _ layout: BinanceLayout, positive: Bool = false) throws -> Double {
    let what = layout.columns[index]
    guard let value = try volume(index, what: what) else {
      throw ShareError.data(
        "empty \(what)", at: scanner.location(column: index + 1, name: what), expected: "a number in every row")
    }
    if positive && value == 0 {
      throw ShareError.data(
        "\(what) 0", at: scanner.location(column: index + 1, name: what), expected: "a \(what) above 0")
    }
    return value
  }

  /// An integer unix time in s, ms, µs or ns, told by its magnitude, as seconds.
  private func epoch(_ index: Int, _ layout: BinanceLayout) throws -> Int64 {
    if let (seconds, _) = scanner.withField(index, { EpochTime.seconds($0) }) { return seconds }
    let found = scanner.withField(index) { quoted(bytes: $0) }
    throw ShareError.data(
      "not a Binance time: \(found)",
      at: scanner.location(column: index + 1, name: layout.columns[index]),
      expected: "an integer unix time in seconds, milliseconds, microseconds or nanoseconds")
  }

  private func flag(_ index: Int, _ layout: BinanceLayout) throws {
    guard !scanner.withField(index, { BinanceLayout.isFlag($0) }) else { return }
    let text = scanner.withField(index) { String(decoding: $0, as: UTF8.self) }
    throw ShareError.data(
      "not a true/false flag: \(quoted(text))",
      at: scanner.location(column: index + 1, name: layout.columns[index]),
      expected: "True or False (spot), true or false (futures)")
  }
}
