// A category's volume is a sum, and a sum needs one unit: one BTC and one BCH are not the same
// amount of anything, nor are a dollar and a euro. When a grouping puts markets of different known
// base assets in one category (`exchange` over BTC/USD and BCH/EUR), base units are refused; in
// quote units, markets of different quote currencies in one category are. Grouping by market, pair
// or base never mixes bases (each category is one asset), so it is read; so are inputs whose asset
// is unknown (a long or wide table: its categories are not markets), which are not known to differ.

enum UnitMixing {
  /// Refuses a grouping that adds different known units into one category.
  static func check(_ summaries: [SourceSummary], options: IngestOptions) throws {
    guard options.conversion == nil, options.refusesMixedUnits, let field = options.group?.marketField else { return }
    let quote = options.unit == .quote
    var assets: [String: [(asset: String, source: String)]] = [:]
    var order: [String] = []
    // A single-market file's market, or every market the rows of a Tardis or Kaiko file name.
    for summary in summaries {
      for market in summary.market.map({ [$0] }) ?? summary.rowMarkets.map(\.market) {
        guard let category = category(market, field), let asset = quote ? market.quote : market.base else { continue }
        if assets[category] == nil { order.append(category) }
        if !(assets[category]?.contains { $0.asset == asset } ?? false) {
          assets[category, default: []].append((asset, summary.name))
        }
      }
    }
    guard let mixed = order.first(where: { assets[$0]!.count > 1 }) else { return }
    let list = assets[mixed]!
    let named = list.prefix(4).map { "\($0.asset) (\($0.source))" }.joined(separator: ", ")
    let more = list.count > 4 ? " and \(list.count - 4) more" : ""
    let grouping = options.group!.description
    throw ShareError.request(
      quote
        ? "\(setting: .grouping, grouping) adds quote volumes in different currencies into \(quoted(mixed)): \(named)\(more)"
        : "\(setting: .grouping, grouping) adds volumes of different base assets into \(quoted(mixed)): \(named)\(more)",
      hint: quote
        ? "count them in one currency: \(setting: .unit, "USD") with \(setting: .rates) (daily rates into USD)"
        : "compare their value: \(setting: .unit, "quote") (one quote currency), or \(setting: .unit, "USD") with \(setting: .rates)"
    )
  }

  /// The category a market falls in under a grouping by `field`; nil where each input is its own.
  private static func category(_ market: Market, _ field: MarketName.Field) -> String? {
    switch field {
    case .market: return nil
    case .exchange: return market.exchange
    case .quote: return market.quote
    case .base: return market.base
    case .pair: return market.pair
    case .instrument: return market.instrument?.description
    }
  }
}
