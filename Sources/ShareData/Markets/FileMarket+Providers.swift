// The data vendors' naming conventions (FORMATS.md): data.binance.vision's folders and file names,
// Tardis' and Kaiko's file names, CryptoDataDownload's and freqtrade's.

extension FileMarket {
  /// `…/{spot|futures/um|futures/cm}/{daily|monthly}/{trades|aggTrades|klines}/<SYMBOL>/[<interval>/]`.
  static func binanceTree(_ folders: [String], stem: String) -> FileMarket? {
    let periods: Set<String> = ["daily", "monthly"]
    let kinds: Set<String> = ["trades", "aggTrades", "klines"]
    for i in folders.indices.reversed() {
      let margin: Margin?
      var next = i + 1
      if folders[i] == "spot" {
        margin = nil
      } else if folders[i] == "futures", next < folders.count, ["um", "cm"].contains(folders[next]) {
        margin = folders[next] == "um" ? .linear : .inverse
        next += 1
      } else {
        continue
      }
      guard next + 2 < folders.count, periods.contains(folders[next]), kinds.contains(folders[next + 1]) else {
        continue
      }
      let symbol = folders[next + 2]
      return FileMarket(
        stem: stem, symbol: symbol, market: binance(symbol, margin: margin, spot: margin == nil),
        convention: "data.binance.vision folders")
    }
    return nil
  }

  /// `BTCUSDT-trades-2024-01-01`, `BTCUSDT-aggTrades-2024-01`, `BTCUSDT-1m-2020-01-01`,
  /// `BTCUSDT-1mo-2024-01`: Binance's public-data file names (the type of market is in the folders).
  static func binanceName(_ stem: String) -> FileMarket? {
    let parts = stem.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 4 || parts.count == 5, parts[2].count == 4, parts[2].allSatisfy(\.isASCIIDigit),
      parts[3...].allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCIIDigit) }),
      ["trades", "aggTrades"].contains(parts[1]) || isKlineInterval(parts[1])
    else { return nil }
    let symbol = String(parts[0])
    return FileMarket(
      stem: stem, symbol: symbol, market: binance(symbol, margin: nil, spot: false),
      convention: "Binance public-data file name")
  }

  /// `1s`, `1m`, `15m`, `1h`, `12h`, `1d`, `3d`, `1w`, `1mo` (Binance writes monthly as `1mo`).
  static func isKlineInterval(_ text: Substring) -> Bool {
    let unit = text.drop(while: \.isASCIIDigit)
    return unit.count < text.count && ["s", "m", "h", "d", "w", "mo"].contains(String(unit))
  }

  /// A Binance symbol; in a futures folder a symbol without expiry is a perpetual, and COIN-M
  /// contracts are 100 USD (BTCUSD_*) or 10 USD (the others).
  static func binance(_ symbol: String, margin: Margin?, spot: Bool) -> Market {
    var market = Symbol.market(symbol)
    market.exchange = "binance"
    if spot {
      market.instrument = .spot
    } else if let margin {
      let kind = market.instrument?.kind ?? .perpetual
      market.instrument = Instrument(kind, margin: margin, expiry: market.instrument?.expiry)
      if margin == .inverse, let base = market.base { market.contractSize = base == "BTC" ? 100 : 10 }
    }
    return market
  }

  /// Tardis: `<exchange>_<data_type>_<YYYY-MM-DD>_<SYMBOL>` (`binance-futures_trades_2020-01-01_BTCUSDT`).
  static func tardis(_ stem: String) -> FileMarket? {
    let parts = stem.split(separator: "_", omittingEmptySubsequences: false)
    guard parts.count >= 4, let dateIndex = parts.firstIndex(where: { CivilDate(iso: String($0)) != nil }),
      dateIndex >= 2, dateIndex < parts.count - 1,
      parts[0].allSatisfy({ $0.isASCIILower || $0.isASCIIDigit || $0 == "-" })
    else { return nil }
    let exchange = String(parts[0])
    let symbol = parts[(dateIndex + 1)...].joined(separator: "_")
    var market: Market
    switch exchange {
    case "binance": market = binance(symbol, margin: nil, spot: true)
    case "binance-futures": market = binance(symbol, margin: .linear, spot: false)
    case "binance-delivery": market = binance(symbol, margin: .inverse, spot: false)
    default:
      market = Symbol.market(symbol)
      market.exchange = exchange
    }
    return FileMarket(stem: stem, symbol: symbol, market: market, convention: "Tardis file name")
  }

  /// Kaiko: `<exchange name>_<symbol>_trades_<YYYY_MM_DD>` (the name may hold a space, the symbol
  /// an underscore: `Coinbase_btc_usd_trades_2024_01_01`).
  /// OHLCV deliveries the same way, `ohlcv` and an optional interval for `trades`
  /// (`Kraken_eth_eur_ohlcv_1h_2024_03_01`).
  static func kaiko(_ stem: String) -> FileMarket? {
    guard
      let range = stem.range(of: "_trades_", options: .backwards) ?? stem.range(of: "_ohlcv_", options: .backwards)
    else { return nil }
    var date = stem[range.upperBound...].split(separator: "_")
    if date.count == 4, stem[range].hasPrefix("_ohlcv"), isKlineInterval(date[0]) { date.removeFirst() }
    guard date.count == 3, date[0].count == 4, date.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
      let underscore = stem[..<range.lowerBound].firstIndex(of: "_")
    else { return nil }
    let exchange = ExchangeCode.named(stem[..<underscore])
    let symbol = String(stem[stem.index(after: underscore)..<range.lowerBound])
    guard !exchange.isEmpty, !symbol.isEmpty else { return nil }
    var market = Symbol.market(symbol)
    market.exchange = exchange
    return FileMarket(stem: stem, symbol: symbol, market: market, convention: "Kaiko file name")
  }

  /// CryptoDataDownload: `<Exchange>_<PAIR>_<d|1h|minute>` (`Binance_BTCUSDT_d`).
  static func cryptoDataDownload(_ stem: String) -> FileMarket? {
    let parts = stem.split(separator: "_", omittingEmptySubsequences: false)
    guard parts.count == 3, ["d", "1h", "minute"].contains(parts[2]), parts[0].first?.isASCIIUpper == true,
      parts[1].allSatisfy({ $0.isASCIIUpper || $0.isASCIIDigit })
    else { return nil }
    var market = Symbol.pair(String(parts[1]))
    market.exchange = parts[0].lowercased()
    return FileMarket(stem: stem, symbol: String(parts[1]), market: market, convention: "CryptoDataDownload file name")
  }

  /// freqtrade: `<BASE>_<QUOTE>-<timeframe>` and `<BASE>_<QUOTE>-trades` (spot).
  static func freqtrade(_ stem: String) -> FileMarket? {
    let parts = stem.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 2, parts[1] == "trades" || isKlineInterval(parts[1]) || parts[1] == "1M" else { return nil }
    let assets = parts[0].split(separator: "_", omittingEmptySubsequences: false)
    guard assets.count == 2, let base = Symbol.asset(assets[0]), let quote = Symbol.asset(assets[1]) else { return nil }
    return FileMarket(
      stem: stem, symbol: String(parts[0]), market: Market(base: base, quote: quote, instrument: .spot),
      convention: "freqtrade file name")
  }
}
