// bitcoincharts names each dump after its market: `bitstampUSD.csv` is exchange `bitstamp`,
// quote currency `USD`, base BTC; Quandl's BCHARTS files are `BCHARTS-BTCNCNY.csv`.

/// A single-market file's identity, taken from its name.
public struct MarketName: Sendable, Equatable {
  /// The file's stem, e.g. `bitstampUSD`.
  public var market: String
  public var exchange: String
  public var quote: String
  public var base: String

  public init(fileName path: String) {
    var stem = path.split(separator: "/").last.map(String.init) ?? path
    for suffix in [".gz", ".csv", ".txt", ".tsv"] where stem.lowercased().hasSuffix(suffix) {
      stem.removeLast(suffix.count)
    }
    for suffix in [".csv", ".txt"] where stem.lowercased().hasSuffix(suffix) {
      stem.removeLast(suffix.count)
    }
    if let dash = stem.lastIndex(of: "-"), stem[..<dash].uppercased() == "BCHARTS" {
      stem = String(stem[stem.index(after: dash)...])
    }
    market = stem
    base = "BTC"
    let scalars = Array(stem.unicodeScalars)
    let tail = scalars.suffix(3)
    if scalars.count > 3, tail.allSatisfy({ ("A"..."Z").contains($0) }) {
      quote = String(String.UnicodeScalarView(tail))
      exchange = String(String.UnicodeScalarView(scalars.dropLast(3))).lowercased()
    } else {
      quote = stem
      exchange = stem.lowercased()
    }
  }

  /// The fields a single-market file's categories can come from.
  public enum Field: Sendable, Equatable {
    case market, exchange, quote, base, pair
  }

  /// The category this market falls in under `grouping` (the market itself by default).
  public func category(grouping: Grouping?) throws -> String {
    guard let grouping else { return market }
    switch grouping.marketField {
    case .market: return market
    case .exchange: return exchange
    case .quote: return quote
    case .base: return base
    case .pair: return "\(base)/\(quote)"
    case nil:
      throw ShareError.request(
        "\(setting: .grouping, grouping.description) does not apply to a single-market file (\(market))",
        hint: "for trades and OHLCV files use \(setting: .grouping, "market, exchange, quote, base or pair")")
    }
  }
}
