// Market symbols as exchanges and data vendors write them, read into base, quote and instrument:
// Binance `BTCUSDT`, `BTCUSD_PERP`, `BTCUSD_240329`; CCXT `BTC/USDT`, `BTC/USDT:USDT` (linear
// perpetual), `BTC/USD:BTC` (inverse), `BTC/USDT:USDT-240329`; Kaiko `btc_usd`, `btcusd_perp`;
// Kraken `XBTEUR`, `XXBTZUSD`; dash styles `BTC-USD`, `BTC-PERPETUAL`, `BTC-USDT-SWAP`. Only what a
// symbol says is filled in: `BTCUSDT` alone is a pair, not yet spot (the folder or the exchange says).

public enum Symbol {
  /// The market a symbol names; exchange nil, and whatever else the symbol does not say.
  public static func market(_ symbol: some StringProtocol) -> Market {
    let text = symbol.trimmingSpaces
    guard !text.isEmpty else { return .unknown }
    if text.contains("/") { return ccxt(text) }
    for separator: Character in ["_", "-"] where text.contains(separator) {
      return separated(text.split(separator: separator, omittingEmptySubsequences: false).map(String.init))
    }
    return pair(text)
  }

  /// A separator-less pair: `BTCUSDT`, `XBTEUR`, `XXBTZUSD`.
  static func pair(_ text: String) -> Market {
    guard let (base, quote) = AssetCode.split(text) else { return .unknown }
    return Market(base: base, quote: quote)
  }

  /// `BASE/QUOTE`, spot; `BASE/QUOTE:SETTLE` a perpetual, `…:SETTLE-YYMMDD` a future; settled in
  /// the quote it is linear, in the base inverse (the CCXT manual's unified symbols).
  static func ccxt(_ text: String) -> Market {
    let halves = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
    let assets = halves[0].split(separator: "/", omittingEmptySubsequences: false)
    guard assets.count == 2, let base = asset(assets[0]), let quote = asset(assets[1]) else { return .unknown }
    var market = Market(base: base, quote: quote)
    guard halves.count == 2 else {
      market.instrument = .spot
      return market
    }
    let settleParts = halves[1].split(separator: "-", omittingEmptySubsequences: false)
    guard let settle = asset(settleParts[0]) else { return market }
    let margin: Margin? = settle == quote ? .linear : settle == base ? .inverse : nil
    switch settleParts.count {
    case 1: market.instrument = Instrument(.perpetual, margin: margin)
    case 2:
      // An unreadable expiry is still a future; the day stays unknown.
      market.instrument = Instrument(.future, margin: margin, expiry: CivilDate(yymmdd: settleParts[1]))
    default: break  // options (`-strike-C`) are not volume markets sharelens knows
    }
    return market
  }

  /// `btc_usd`, `btcusd_perp`, `BTCUSD_240329`, `BTC-USD`, `BTC-PERPETUAL`, `BTC-USDT-SWAP`,
  /// `BTC-29MAR24`: a trailing contract word or expiry, before it a pair in one part or two.
  static func separated(_ parts: [String]) -> Market {
    var parts = parts
    var instrument: Instrument?
    if parts.count > 1, let last = parts.last {
      if ["PERP", "PERPETUAL", "SWAP"].contains(last.uppercased()) {
        instrument = Instrument(.perpetual)
        parts.removeLast()
      } else if let day = CivilDate(yymmdd: Substring(last)) ?? CivilDate(ddmmmyy: last) {
        instrument = Instrument(.future, expiry: day)
        parts.removeLast()
      }
    }
    var market: Market
    switch parts.count {
    case 1:
      market = pair(parts[0])
      // Deribit's `BTC-PERPETUAL`: the part before the word is the base alone.
      if market.base == nil, instrument != nil, let base = asset(Substring(parts[0])) {
        market = Market(base: base)
      }
    case 2:
      guard let base = asset(Substring(parts[0])), let quote = asset(Substring(parts[1])) else { return .unknown }
      market = Market(base: base, quote: quote)
    default: return .unknown
    }
    market.instrument = instrument
    return market
  }

  /// One asset code, normalised; nil when it is empty or holds other than letters and digits.
  static func asset(_ text: Substring) -> String? {
    let text = text.trimmingSpaces
    guard !text.isEmpty, text.allSatisfy({ $0.isASCIIUpper || $0.isASCIILower || $0.isASCIIDigit }) else {
      return nil
    }
    return AssetCode.normalised(text)
  }
}

extension CivilDate {
  /// Deribit's expiries: `29MAR24`, `5APR24`.
  init?(ddmmmyy text: String) {
    let months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
    let upper = text.uppercased()
    guard upper.count == 6 || upper.count == 7 else { return nil }
    let dayText = upper.dropLast(5)
    let month = upper.dropFirst(dayText.count).prefix(3)
    let yearText = upper.suffix(2)
    guard let day = Int(dayText), let year = Int(yearText), yearText.allSatisfy(\.isASCIIDigit),
      let index = months.firstIndex(of: String(month))
    else { return nil }
    self.init(validYear: 2000 + year, month: index + 1, day: day)
  }
}

extension StringProtocol {
  var trimmingSpaces: String {
    var s = Substring(self)
    while s.first == " " || s.first == "\t" { s.removeFirst() }
    while s.last == " " || s.last == "\t" || s.last == "\r" { s.removeLast() }
    return String(s)
  }
}
