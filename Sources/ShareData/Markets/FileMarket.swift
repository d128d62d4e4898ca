// Where a file's market comes from when no column names it: its name and its folders. Each
// provider names files its own way (FORMATS.md): data.binance.vision's tree names the market type
// and symbol, Tardis and Kaiko names carry exchange and symbol, bitcoincharts' `bitstampUSD.csv` is
// exchange + quote of a BTC market, Kraken's `BCHEUR.csv` is a pair (its exchange only from a
// folder such as `Kraken_Trading_History/`). A name that fits none leaves the market unknown.

/// A file's market as its path tells it.
public struct FileMarket: Sendable, Hashable {
  /// The file name without folders and extensions (`bitstampUSD`, `BCHEUR`): the market's label.
  public var stem: String
  /// The symbol in the name, when the convention has one (`BTCUSDT`, `BCHEUR`).
  public var symbol: String?
  public var market: Market
  /// Which naming convention was recognised, for `inspect`: "bitcoincharts file name", ….
  public var convention: String?

  public init(stem: String, symbol: String? = nil, market: Market = .unknown, convention: String? = nil) {
    self.stem = stem
    self.symbol = symbol
    self.market = market
    self.convention = convention
  }

  /// Reads `path` (folders and file name; `/` or `\` separated).
  public init(path: String) {
    let components = path.split(whereSeparator: { $0 == "/" || $0 == "\\" }).map(String.init)
    let stem = FileMarket.stem(components.last ?? path)
    let folders = Array(components.dropLast())
    self =
      FileMarket.binanceTree(folders, stem: stem) ?? FileMarket.binanceName(stem)
      ?? FileMarket.tardis(stem) ?? FileMarket.kaiko(stem) ?? FileMarket.cryptoDataDownload(stem)
      ?? FileMarket.freqtrade(stem) ?? FileMarket.bitcoincharts(stem) ?? FileMarket.krakenPair(stem)
      ?? FileMarket(stem: stem)
    if market.exchange == nil, let exchange = FileMarket.exchange(inFolders: folders) {
      market.exchange = exchange
      convention = [convention, "exchange from the folder"].compactMap { $0 }.joined(separator: ", ")
    }
  }

  /// `BTCUSDT-trades-2024-01.zip.CHECKSUM` → `BTCUSDT-trades-2024-01`.
  static func stem(_ name: String) -> String {
    var stem = Substring(name)
    let suffixes = [".checksum", ".gz", ".zip", ".csv", ".txt", ".tsv", ".json"]
    while let suffix = suffixes.first(where: { stem.lowercased().hasSuffix($0) && stem.count > $0.count }) {
      stem.removeLast(suffix.count)
    }
    return String(stem)
  }

  /// Exchanges whose name in a folder (`Kraken_Trading_History`, `data/bitstamp/`) says whose files
  /// are inside.
  static let knownExchanges: Set<String> = [
    "binance", "kraken", "bitstamp", "coinbase", "bitfinex", "okx", "okex", "huobi", "htx", "bitmex", "deribit",
    "bybit", "gemini", "kucoin", "gateio", "bittrex", "poloniex", "bitflyer", "upbit", "bithumb",
  ]

  /// The innermost folder naming one known exchange.
  static func exchange(inFolders folders: [String]) -> String? {
    for folder in folders.reversed() {
      let words = folder.lowercased().split(whereSeparator: { !$0.isASCIILower && !$0.isASCIIDigit })
      let found = Set(words.map(String.init)).intersection(knownExchanges)
      if found.count == 1 { return found.first }
    }
    return nil
  }

  /// bitcoincharts: `bitstampUSD` (a lower-case exchange, an upper-case three-letter quote), and
  /// Quandl's `BCHARTS-BTCNCNY` (upper case, the same two parts); BTC markets, spot.
  static func bitcoincharts(_ stem: String) -> FileMarket? {
    var name = Substring(stem)
    var quandl = false
    if let dash = name.lastIndex(of: "-"), name[..<dash].uppercased() == "BCHARTS" {
      name = name[name.index(after: dash)...]
      quandl = true
    }
    let head = name.dropLast(3)
    let tail = name.suffix(3)
    guard name.count > 3, tail.allSatisfy(\.isASCIIUpper), let first = head.first,
      quandl
        ? head.allSatisfy({ $0.isASCIIUpper || $0.isASCIIDigit })
        : first.isASCIILower && head.allSatisfy({ $0.isASCIILower || $0.isASCIIDigit })
    else { return nil }
    return FileMarket(
      stem: String(name),
      market: Market(exchange: head.lowercased(), base: "BTC", quote: String(tail), instrument: .spot),
      convention: quandl ? "Quandl BCHARTS file name" : "bitcoincharts file name")
  }

  /// Kraken's time-and-sales `BCHEUR` and OHLCVT `XBTEUR_60`: an upper-case pair, spot.
  static func krakenPair(_ stem: String) -> FileMarket? {
    var symbol = Substring(stem)
    if let underscore = symbol.lastIndex(of: "_"),
      symbol[symbol.index(after: underscore)...].allSatisfy(\.isASCIIDigit),
      underscore != symbol.index(before: symbol.endIndex)
    {
      symbol = symbol[..<underscore]
    }
    guard symbol.allSatisfy({ $0.isASCIIUpper || $0.isASCIIDigit }), symbol.contains(where: \.isASCIIUpper),
      let (base, quote) = AssetCode.split(symbol)
    else { return nil }
    return FileMarket(
      stem: stem, symbol: String(symbol), market: Market(base: base, quote: quote, instrument: .spot),
      convention: "pair file name")
  }
}
