// What a trade of derivative contracts is in each unit, in one place for every reader (Binance
// COIN-M today; Tardis and the markets table's contract sizes next). An inverse contract (Binance's
// BTCUSD_PERP: 100 USD each) is a fixed amount of the quote currency: its notional is contracts ×
// size in quote units, and in base units those dollars buy contracts × size / price coins. A linear
// contract (USDⓈ-M) is a fixed amount of the base asset: contracts × size coins, × price in quote.

public enum ContractVolume {
  /// An inverse contract trade: coins (contracts × size / price) in base units, the notional
  /// (contracts × size) in quote units. `price` is read only in base units.
  @inline(__always)
  public static func inverse(
    contracts: Double, size: Double, unit: VolumeUnit, price: @autoclosure () throws -> Double
  ) rethrows -> Double {
    let notional = contracts * size
    return unit == .quote ? notional : notional / (try price())
  }

  /// A linear contract trade: coins (contracts × size) in base units, × price in quote units.
  /// `price` is read only in quote units.
  @inline(__always)
  public static func linear(
    contracts: Double, size: Double, unit: VolumeUnit, price: @autoclosure () throws -> Double
  ) rethrows -> Double {
    let coins = contracts * size
    return unit == .quote ? coins * (try price()) : coins
  }
}
