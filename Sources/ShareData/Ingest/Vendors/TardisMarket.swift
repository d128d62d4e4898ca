// Whose trades a Tardis row holds, and what its `amount` counts. Tardis writes each exchange's
// own unit (docs.tardis.dev, FORMATS.md): coins for spot and for the linear contracts of Binance
// and Bybit; USD for inverse contracts (BitMEX XBTUSD contracts of 1 USD, Deribit's amounts in USD,
// Bybit's inverse contracts of 1 USD); contracts of 100 USD (BTC) or 10 USD (others) on Binance
// COIN-M, OKX and Huobi coin-margined swaps and futures. Where the table says nothing (OKX's and
// Huobi's linear contracts, BitMEX's quanto ETHUSD, an exchange it does not list) the unit is
// unknown and reading stops with a hint to `--markets`: a contract is not a coin.

import Foundation

/// What one amount of a trade counts.
enum TradeAmount: Sendable, Equatable {
  /// `size` base units per amount (spot and linear contracts; 1 when the amount is coins).
  case base(size: Double)
  /// `size` quote units per amount (inverse contracts: 1 when the amount is USD already).
  case quote(size: Double)

  /// The trade's volume in base units (amount × size, or amount × size / price), or quote units.
  @inline(__always)
  func volume(price: Double, amount: Double, inQuote: Bool) -> Double {
    switch self {
    case .base(let size): return inQuote ? price * amount * size : amount * size
    case .quote(let size): return inQuote ? amount * size : amount * size / price
    }
  }

  /// For `inspect`: where the volume comes from.
  func described(inQuote: Bool) -> String {
    switch self {
    case .base(1): return inQuote ? "price × amount (quote units)" : "amount (base units)"
    case .base(let size):
      return inQuote
        ? "price × amount × \(formatted(size)) (quote units)" : "amount × \(formatted(size)) (base units)"
    case .quote(1): return inQuote ? "amount (quote units: inverse)" : "amount / price (base units: inverse)"
    case .quote(let size):
      return inQuote
        ? "amount × \(formatted(size)) (quote units: inverse contracts)"
        : "amount × \(formatted(size)) / price (base units: inverse contracts)"
    }
  }
}

/// A row's market as a vendor names it, and what its amounts count (nil with the reason when unknown).
struct VendorMarket: Sendable {
  var market: Market
  var amount: TradeAmount?
  var unknownBecause: String?
}

enum TardisMarket {
  /// The market of `symbol` on the Tardis exchange `id` (`binance-futures`, `okex-swap`, …), with
  /// the user's markets row for the symbol laid over it.
  static func resolve(exchange id: String, symbol: String, table: MarketTable?) -> VendorMarket {
    var (market, amountsAreCoins, amountsAreUSD) = venue(id, symbol)
    if let row = table?.market(for: symbol) { market = market.overridden(by: row) }
    return amount(of: market, linearInCoins: amountsAreCoins, inverseInUSD: amountsAreUSD)
  }

  /// The market by the exchange's rules; whether its linear amounts are coins and its inverse ones USD.
  static func venue(_ id: String, _ symbol: String) -> (Market, Bool, Bool) {
    var market = Symbol.market(symbol)
    // Linear amounts are coins on Binance, Bybit and Deribit; OKX and Huobi count contracts.
    var linearInCoins = false
    var inverseInUSD = false
    let size100 = { (m: Market) -> Double? in m.base.map { $0 == "BTC" ? 100 : 10 } }
    switch id {
    case "binance", "binance-us", "binance-jersey", "okex", "okx", "huobi", "bybit-spot", "coinbase", "kraken",
      "bitstamp", "bitfinex", "gemini", "kucoin", "gate-io", "poloniex", "bitflyer", "upbit", "hitbtc", "ftx-us":
      market.instrument = .spot
    case "binance-futures":
      market = FileMarket.binance(symbol, margin: .linear, spot: false)
      return (withExchange(market, "binance"), true, false)
    case "binance-delivery":
      market = FileMarket.binance(symbol, margin: .inverse, spot: false)
      return (withExchange(market, "binance"), false, false)
    case "bitmex":
      // XBTUSD and XBT futures (XBTZ24) are inverse, 1 USD a contract; the rest (quanto ETHUSD, linear
      // XBTUSDT in millionths of a bitcoin) are not in this table.
      if symbol.hasPrefix("XBT"), symbol == "XBTUSD" || isFutureCode(symbol.dropFirst(3)) {
        market = Market(base: "BTC", quote: "USD", instrument: contract(symbol == "XBTUSD", .inverse))
        market.contractSize = 1
      } else {
        market.instrument = nil
      }
    case "deribit":
      // BTC-PERPETUAL, BTC-29MAR24: inverse, amounts in USD; BTC_USDC-PERPETUAL: linear, in coins.
      let linear = symbol.contains("_")
      market = Symbol.market(symbol.replacingOccurrences(of: "_", with: "-"))
      if market.base != nil, market.instrument != nil {
        if !linear { market.quote = "USD" }
        market.instrument?.margin = linear ? .linear : .inverse
      }
      (linearInCoins, inverseInUSD) = (true, true)
    case "okex-swap", "okex-futures", "okx-swap", "okx-futures", "huobi-dm-swap", "huobi-dm-linear-swap", "huobi-dm":
      market = huobiOrOKX(id, symbol, market)
      if market.instrument?.margin == .inverse { market.contractSize = size100(market) }
    case "bybit":
      // BTCUSD (inverse, 1 USD a contract), BTCUSDZ24 (inverse future), BTCUSDT (linear, coins).
      let future = symbol.count > 3 && isFutureCode(symbol.suffix(3))
      let pair = Symbol.market(future ? String(symbol.dropLast(3)) : symbol)
      guard let quote = pair.quote else { break }
      market = pair
      market.instrument = contract(!future, quote == "USD" ? .inverse : .linear)
      if quote == "USD" { market.contractSize = 1 }
      linearInCoins = true
    default:
      market.instrument = nil
    }
    return (withExchange(market, canonical(id)), linearInCoins, inverseInUSD)
  }

  /// OKX `BTC-USD-SWAP`, `BTC-USD-240329`, `BTC-USDT-SWAP`; Huobi `BTC-USD` (coin-margined swap),
  /// `BTC-USDT` (linear swap), `BTC_CW`/`BTC_NQ` (coin-margined futures: this week … next quarter).
  private static func huobiOrOKX(_ id: String, _ symbol: String, _ parsed: Market) -> Market {
    var market = parsed
    if id == "huobi-dm" {
      let parts = symbol.split(separator: "_")
      guard parts.count == 2, ["CW", "NW", "CQ", "NQ"].contains(parts[1]), let base = Symbol.asset(parts[0]) else {
        return Market()
      }
      return Market(base: base, quote: "USD", instrument: Instrument(.future, margin: .inverse))
    }
    if id.hasPrefix("huobi") {
      market.instrument = Instrument(.perpetual)
    }
    guard let quote = market.quote, market.instrument != nil else { return Market() }
    market.instrument?.margin = quote == "USD" ? .inverse : .linear
    return market
  }

  /// BitMEX's and Bybit's month codes: `Z24` (December 2024).
  private static func isFutureCode(_ text: Substring) -> Bool {
    text.count == 3 && "FGHJKMNQUVXZ".contains(text.first!) && text.dropFirst().allSatisfy(\.isASCIIDigit)
  }

  private static func contract(_ perpetual: Bool, _ margin: Margin) -> Instrument {
    Instrument(perpetual ? .perpetual : .future, margin: margin)
  }

  private static func withExchange(_ market: Market, _ exchange: String) -> Market {
    var market = market
    market.exchange = exchange
    return market
  }

  /// Tardis' exchange ids as the market model names exchanges: one name per exchange, its venues
  /// (`okex-swap`, `huobi-dm`) told apart by the instrument.
  static func canonical(_ id: String) -> String {
    if id.hasPrefix("okex") || id.hasPrefix("okx") { return "okx" }
    if id.hasPrefix("huobi") { return "huobi" }
    if id.hasPrefix("bybit") { return "bybit" }
    if id == "gate-io" || id == "gate-io-futures" { return "gateio" }
    return id
  }

  /// What the market's amounts count; nil with the reason when nothing says.
  static func amount(of market: Market, linearInCoins: Bool, inverseInUSD: Bool) -> VendorMarket {
    var found = VendorMarket(market: market)
    switch (market.instrument?.kind, market.instrument?.margin) {
    case (nil, _): found.unknownBecause = "nothing says whether it is spot or a contract"
    case (.spot?, _): found.amount = .base(size: 1)
    case (_, nil): found.unknownBecause = "nothing says whether its contracts are linear or inverse"
    case (_, .linear?):
      if let size = market.contractSize ?? (linearInCoins ? 1 : nil) {
        found.amount = .base(size: size)
      } else {
        found.unknownBecause = "the size of its linear contracts (in \(market.base ?? "base units")) is not known"
      }
    case (_, .inverse?):
      if let size = market.contractSize ?? (inverseInUSD ? 1 : nil) {
        found.amount = .quote(size: size)
      } else {
        found.unknownBecause = "the size of its inverse contracts (in \(market.quote ?? "quote units")) is not known"
      }
    }
    return found
  }
}
