// Every series belongs to a market: an exchange, a base asset, a quote asset, an instrument and a
// contract size. Files name their markets in many ways (symbols, file names, folders); each way
// fills in what it says and leaves the rest unknown (nil), never guessed: a BCH/EUR file is not
// "BTC" because bitcoincharts' files were.

/// A market, each field nil when unknown.
public struct Market: Sendable, Hashable, CustomStringConvertible {
  /// Lower case (`binance`, `bitstamp`).
  public var exchange: String?
  /// Upper case, normalised (`BTC`, never `XBT`).
  public var base: String?
  /// Upper case, normalised.
  public var quote: String?
  public var instrument: Instrument?
  /// What one contract is: quote units for an inverse contract (Binance COIN-M BTCUSD: 100 USD),
  /// base units for a linear one. nil when unknown, and for spot.
  public var contractSize: Double?

  public init(
    exchange: String? = nil, base: String? = nil, quote: String? = nil, instrument: Instrument? = nil,
    contractSize: Double? = nil
  ) {
    self.exchange = exchange
    self.base = base
    self.quote = quote
    self.instrument = instrument
    self.contractSize = contractSize
  }

  /// Nothing known.
  public static let unknown = Market()

  /// `BTC/USD`, with `?` for an unknown side; nil when neither is known.
  public var pair: String? {
    guard base != nil || quote != nil else { return nil }
    return "\(base ?? "?")/\(quote ?? "?")"
  }

  /// This market with every unknown field taken from `other` (what this one knows wins).
  public func filled(from other: Market) -> Market {
    Market(
      exchange: exchange ?? other.exchange, base: base ?? other.base, quote: quote ?? other.quote,
      instrument: mergedInstrument(instrument, other.instrument), contractSize: contractSize ?? other.contractSize)
  }

  /// This market with every field `other` knows replaced by it (the user's table overrides).
  public func overridden(by other: Market) -> Market { other.filled(from: self) }

  /// `binance BTC/USDT perpetual linear`, `unknown exchange BCH/EUR`.
  public var description: String {
    var words = [exchange ?? "unknown exchange"]
    words.append(pair ?? "unknown pair")
    if let instrument { words.append(instrument.description) }
    if let contractSize { words.append("contract \(formatted(contractSize))") }
    return words.joined(separator: " ")
  }
}

/// An instrument known in parts from two places: the kind from one, the margin from the other.
private func mergedInstrument(_ first: Instrument?, _ second: Instrument?) -> Instrument? {
  guard let first else { return second }
  guard let second, second.kind == first.kind else { return first }
  return Instrument(first.kind, margin: first.margin ?? second.margin, expiry: first.expiry ?? second.expiry)
}

/// 100 not 100.0; 0.001 as is.
func formatted(_ value: Double) -> String {
  value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
}
