// What the categories are. One vocabulary for every source: a table names a column (or `pair`,
// its base and quote columns together); a single-market file (a bitcoincharts dump, an OHLCV
// file) has one market whose fields are the possible categories. This is the only place the
// words are parsed.

/// How rows are grouped into categories.
public enum Grouping: Sendable, Equatable, CustomStringConvertible, ExpressibleByStringLiteral {
  /// The market itself (a single-market file's name), or a column `market`.
  case market
  /// The exchange, or a column `exchange`.
  case exchange
  /// The quote currency, or a column `quote`.
  case quote
  /// The base asset, or a column `base`.
  case base
  /// Base and quote together ("BTC/USD"): a table's `base` and `quote` columns.
  case pair
  /// A table's column, by name.
  case column(String)

  /// Reads a grouping as a user writes it (case-insensitive for the fixed words).
  public init(_ text: String) {
    switch text.lowercased() {
    case "market": self = .market
    case "exchange": self = .exchange
    case "quote": self = .quote
    case "base": self = .base
    case "pair": self = .pair
    default: self = .column(text)
    }
  }

  public init(stringLiteral text: String) { self.init(text) }

  /// The column a table groups by (nil for `pair`, which takes two).
  public var columnName: String? {
    switch self {
    case .pair: return nil
    case .column(let name): return name
    default: return description
    }
  }

  /// The market field a single-market file groups by; nil when it has no such field. bitcoincharts
  /// calls the quote the currency, so `currency` is the quote there.
  public var marketField: MarketName.Field? {
    switch self {
    case .market: return .market
    case .exchange: return .exchange
    case .quote: return .quote
    case .base: return .base
    case .pair: return .pair
    case .column(let name):
      switch name.lowercased() {
      case "currency": return .quote
      case "instrument": return .instrument
      default: return nil
      }
    }
  }

  public var description: String {
    switch self {
    case .market: return "market"
    case .exchange: return "exchange"
    case .quote: return "quote"
    case .base: return "base"
    case .pair: return "pair"
    case .column(let name): return name
    }
  }
}
