// Whose trades a Kaiko row holds, and what its `amount` counts. Kaiko names the exchange by a
// legacy code (`cbse`) and the pair in lower case with an underscore (`btc_usd`); a derivative's
// symbol carries its kind (`btcusd_perp`, an expiry). Spot amounts are the base asset. Kaiko's
// documentation does not say, for contracts, whether `amount` counts coins or contracts, nor their
// size: a contract row is read only when the user's markets file gives its instrument (linear or
// inverse) and contract size, never by a guess that could be off by a factor of 100.

enum KaikoMarket {
  /// The market of `symbol` on the exchange `code`, with the user's markets row laid over it.
  static func resolve(exchange code: String, symbol: String, table: MarketTable?) -> VendorMarket {
    var market = Symbol.market(symbol)
    market.exchange = ExchangeCode.kaikoExchange(code)
    // A plain pair is spot: Kaiko writes a contract's kind into its symbol.
    if market.instrument == nil, market.base != nil, market.quote != nil { market.instrument = .spot }
    if let row = table?.market(for: symbol) { market = market.overridden(by: row) }
    return TardisMarket.amount(of: market, linearInCoins: false, inverseInUSD: false)
  }
}
