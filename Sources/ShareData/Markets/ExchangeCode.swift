// Exchanges as data vendors write them, made one name each (the names `knownExchanges` and the
// readers use): Kaiko's legacy four-letter codes (`bnce`, `cbse`, `krkn`) in its trades' `exchange`
// column, and the exchange names in its file names (`Coinbase`, `Binance US`). A code not in the
// table stays as written: it is what the file says, and `inspect` shows it.

public enum ExchangeCode {
  /// Kaiko's exchange codes (docs.kaiko.com, "exchanges"): the ones its trade files use most. A code
  /// this project is not sure of is left out rather than guessed: it then stays as written.
  public static let kaiko: [String: String] = [
    "bnce": "binance", "bnus": "binance-us", "cbse": "coinbase", "krkn": "kraken", "bfnx": "bitfinex",
    "stmp": "bitstamp", "gmni": "gemini", "okex": "okx", "huob": "huobi", "bmex": "bitmex", "drbt": "deribit",
    "kcon": "kucoin", "polo": "poloniex", "btrx": "bittrex", "bfly": "bitflyer", "upbt": "upbit", "hitb": "hitbtc",
    "itbi": "itbit", "lmax": "lmax",
  ]

  /// A Kaiko code as an exchange name; an unlisted code as written, lower case.
  public static func kaikoExchange(_ code: some StringProtocol) -> String {
    let key = code.trimmingSpaces.lowercased()
    return kaiko[key] ?? key
  }

  /// An exchange's name as a file name writes it (`Coinbase`, `Binance US`, `OkEX`), as one name:
  /// lower case, spaces as dashes, the renamed exchanges by their names of today.
  public static func named(_ name: some StringProtocol) -> String {
    let key = name.trimmingSpaces.lowercased().split(separator: " ").joined(separator: "-")
    let renamed = ["okex": "okx", "coinbase-pro": "coinbase", "gdax": "coinbase", "htx": "huobi", "gate.io": "gateio"]
    return renamed[key] ?? key
  }
}
