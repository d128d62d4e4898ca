// Whose volume a Binance file holds, and in what unit. The name and folders say the symbol and,
// in data.binance.vision's tree, spot, UM or CM; the columns may say more (a spot file's
// `isBestMatch`, a CM header's `base_qty`). Spot and USDⓈ-M amounts are base units; COIN-M amounts
// are contracts of 100 USD (BTCUSD_*) or 10 USD (the others). Where nothing says which, the unit is
// unknown and reading stops: summing contracts as coins would be off by a factor of ~1 000.

/// What one amount in a Binance file counts.
enum BinanceAmount: Sendable, Equatable {
  /// The base asset (spot, USDⓈ-M).
  case base
  /// Contracts of `size` quote units each (COIN-M).
  case contracts(size: Double)
}

extension BinanceLayout {
  /// The file's market, its columns' word added to its name's, and what its amounts count.
  func market(_ name: MarketName, source: String) throws -> (MarketName, BinanceAmount) {
    var name = name
    var market = name.file.market
    market.exchange = market.exchange ?? "binance"
    switch venue {
    case .spot: market.instrument = .spot
    case .usdMargined: market.instrument = contract(market, margin: .linear)
    case .coinMargined: market.instrument = contract(market, margin: .inverse)
    case .futures, .unsaid:
      // A contract symbol (`_PERP`, `_240329`) or a futures-only shape, without a folder saying
      // UM or CM: Binance quotes USDⓈ-M contracts in USDT, USDC or BUSD and COIN-M ones in USD.
      let isContract = venue == .futures || market.instrument.map { $0.kind != .spot } ?? false
      if isContract, market.instrument?.margin == nil, let quote = market.quote {
        market.instrument = contract(market, margin: quote == "USD" ? .inverse : .linear)
      }
    }
    let amount: BinanceAmount
    switch market.instrument?.kind {
    case .spot: amount = .base
    case .perpetual?, .future?:
      switch market.instrument?.margin {
      case .linear?: amount = .base
      case .inverse?:
        guard let size = market.contractSize ?? market.base.map({ $0 == "BTC" ? 100 : 10 }) else {
          throw unknownUnit(name, source: source, why: "the size of its COIN-M contracts is not known")
        }
        market.contractSize = size
        amount = .contracts(size: size)
      case nil: throw unknownUnit(name, source: source, why: "nothing says whether it is USDⓈ-M or COIN-M")
      }
    case nil:
      // Klines or trades of a symbol alone: spot and USDⓈ-M both count base units; a USD quote
      // may be COIN-M, whose amounts are contracts.
      guard market.quote != nil, market.quote != "USD" else {
        throw unknownUnit(name, source: source, why: "nothing says whether it is spot, USDⓈ-M or COIN-M")
      }
      amount = .base
    }
    name.file.market = market
    name.market = label(name, market)
    return (name, amount)
  }

  private func contract(_ market: Market, margin: Margin) -> Instrument {
    Instrument(market.instrument?.kind ?? .perpetual, margin: margin, expiry: market.instrument?.expiry)
  }

  /// The category a Binance file falls in by default: its symbol and where it trades
  /// (`BTCUSDT spot`, `BTCUSDT UM`, `BTCUSD_PERP CM`), so that daily or monthly files of one
  /// market add up, and spot and futures files of one symbol stay apart.
  private func label(_ name: MarketName, _ market: Market) -> String {
    let symbol = name.file.symbol ?? name.market
    switch (market.instrument?.kind, market.instrument?.margin) {
    case (.spot?, _): return symbol + " spot"
    case (_, .linear?): return symbol + " UM"
    case (_, .inverse?): return symbol + " CM"
    default: return symbol
    }
  }

  private func unknownUnit(_ name: MarketName, source: String, why: String) -> ShareError {
    ShareError.data(
      "the unit of the amounts in \(name.file.symbol ?? name.market) is not known: \(why)",
      at: SourceLocation(file: source),
      expected: "a file whose folders (spot, futures/um, futures/cm) or header say its market",
      hint:
        "keep data.binance.vision's folders, or give the instrument in a \(setting: .markets) file: a row \(name.file.symbol ?? name.market) with its instrument (spot, perpetual linear, perpetual inverse)"
    )
  }
}
