// Asset codes as exchanges write them, made one: Kraken's `XBT` is BTC and `XDG` is DOGE, its
// REST names wrap codes in X/Z prefixes (`XXBT`, `ZUSD`), and the quote assets a separator-less
// symbol ends with are tried longest first, so `BTCUSDT` is BTC/USDT, not BTCU/SDT or BTCUSD/T.

public enum AssetCode {
  /// Quote assets a separator-less symbol can end with (Binance's list plus the fiat currencies
  /// other exchanges quote in). Order does not matter: `split` tries the longest first.
  public static let quoteAssets: [String] = [
    "USDT", "USDC", "BUSD", "FDUSD", "TUSD", "USDP", "DAI", "PAX", "UST", "USD", "EUR", "GBP", "JPY", "KRW", "TRY",
    "BRL", "AUD", "CAD", "CHF", "CNY", "CNH", "RUB", "UAH", "IDR", "BIDR", "ZAR", "PLN", "NGN", "ARS", "MXN", "SGD",
    "HKD", "INR", "BTC", "XBT", "ETH", "BNB", "TRX", "XRP", "DOGE", "XDG", "DOT", "SOL",
  ]

  private static let byLength = quoteAssets.sorted { ($0.count, $0) > ($1.count, $1) }

  /// Other names of the same asset.
  public static let aliases: [String: String] = ["XBT": "BTC", "XDG": "DOGE"]

  /// Kraken's four-letter REST codes (`XXBT`, `XETH`, `ZUSD`, `ZEUR`) and aliases, upper case.
  public static func normalised(_ code: some StringProtocol) -> String {
    var code = code.uppercased()
    if code.count == 4, krakenWrapped(code) {
      code.removeFirst()
    }
    return aliases[code] ?? code
  }

  /// `XXBT`, `XETH`, `XXDG`, `ZUSD`, `ZEUR`, …: a Kraken code with its class prefix (X crypto,
  /// Z fiat). Only codes whose three-letter form is a known asset, so `ZRX` or `XTZS` stay.
  private static func krakenWrapped(_ code: String) -> Bool {
    let rest = String(code.dropFirst())
    switch code.first {
    case "X": return ["XBT", "ETH", "XDG", "LTC", "XRP", "XLM", "XMR", "ZEC", "ETC", "REP", "MLN"].contains(rest)
    case "Z": return ["USD", "EUR", "GBP", "JPY", "CAD", "AUD", "CHF"].contains(rest)
    default: return false
    }
  }

  /// `BTCUSDT` → (BTC, USDT), `XBTEUR` → (BTC, EUR), `XXBTZUSD` → (BTC, USD); nil when no known
  /// quote asset ends the symbol with something before it.
  public static func split(_ symbol: some StringProtocol) -> (base: String, quote: String)? {
    let symbol = symbol.uppercased()
    if symbol.count == 8, let kraken = krakenPair(symbol) { return kraken }
    guard symbol.allSatisfy({ $0.isASCIIUpper || $0.isASCIIDigit }) else { return nil }
    let splits = byLength.filter { symbol.count > $0.count && symbol.hasSuffix($0) }.map {
      (base: String(symbol.dropLast($0.count)), quote: $0)
    }
    // Longest quote first, unless that leaves a base no one trades and a shorter quote leaves a
    // known one: BitMEX's `XBTUSD` is XBT/USD, not XB/TUSD (while `BTCTUSD` is BTC/TUSD).
    guard let chosen = splits.first(where: { knownBases.contains($0.base) }) ?? splits.first else { return nil }
    return (normalised(chosen.base), normalised(chosen.quote))
  }

  /// Assets a split may prefer as the base: the quote assets, their aliases and the large bases.
  static let knownBases = Set(quoteAssets + aliases.keys).union([
    "BCH", "LTC", "ADA", "LINK", "AVAX", "MATIC", "XLM", "XMR", "ETC", "ZEC", "DASH", "EOS", "ATOM", "UNI",
  ])

  /// `XXBTZUSD`, `XETHZEUR`, `XXDGXXBT`: two prefixed four-letter Kraken codes.
  private static func krakenPair(_ symbol: String) -> (base: String, quote: String)? {
    let base = String(symbol.prefix(4))
    let quote = String(symbol.suffix(4))
    guard krakenWrapped(base), krakenWrapped(quote) else { return nil }
    return (normalised(base), normalised(quote))
  }
}
