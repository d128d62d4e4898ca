// A single-market file (a bitcoincharts dump, a Kraken time-and-sales file, an OHLCV file) has no
// market column: its market comes from its name and folders (FileMarket: `bitstampUSD.csv` is
// bitstamp BTC/USD, `BCHEUR.csv` BCH/EUR on an exchange the name does not give), overridden or
// filled in by the user's markets table. Its category is the name's stem, or one market field.

/// A single-market file's identity, taken from its name.
public struct MarketName: Sendable, Equatable {
  /// The file's stem, e.g. `bitstampUSD`: the category by default.
  public var market: String
  /// What the name, the folders and the markets table say of the market.
  public var file: FileMarket

  public init(fileName path: String, table: MarketTable? = nil) {
    let file = FileMarket(path: path)
    self.file = table?.applied(to: file) ?? file
    market = file.stem
  }

  public var exchange: String? { file.market.exchange }
  public var quote: String? { file.market.quote }
  public var base: String? { file.market.base }

  /// The fields a single-market file's categories can come from.
  public enum Field: Sendable, Equatable {
    case market, exchange, quote, base, pair, instrument
  }

  /// The category this market falls in under `grouping` (the market itself by default). A field
  /// the file's market does not know is an error, never a guess.
  public func category(grouping: Grouping?) throws -> String {
    guard let grouping else { return market }
    let value: String?
    switch grouping.marketField {
    case .market: return market
    case .exchange: value = exchange
    case .quote: value = quote
    case .base: value = base
    case .pair: value = base != nil && quote != nil ? file.market.pair : nil
    case .instrument: value = file.market.instrument?.description
    case nil:
      throw ShareError.request(
        "\(setting: .grouping, grouping.description) does not apply to a single-market file (\(market))",
        hint:
          "for trades and OHLCV files use \(setting: .grouping, "market, exchange, quote, base, pair or instrument")"
      )
    }
    guard let value else {
      throw ShareError.request(
        "the \(grouping.description) of \(market) is not known: its name says \(file.market.description)",
        hint: "give it in a \(setting: .markets) file: a row \(file.symbol ?? market) with the \(grouping.description)")
    }
    return value
  }

  /// For `inspect`: where the market came from, and what it is.
  public var described: String {
    "\(file.convention ?? "file name"): market \(market) (\(file.market.description))"
  }

  /// The unit amounts are in: the base asset, else "base units".
  public var baseUnit: String { base ?? "base units" }
  /// The unit price × amount is in: the quote asset, else "quote units".
  public var quoteUnit: String { quote ?? "quote units" }
}
