// Counting volumes in one currency (`--unit USD --rates FILE`): each input's quote volume is
// converted on its own day, so that shares across quote currencies compare like with like. A quote
// equal to the target needs no rate; a stablecoin counts as one US dollar only when the user says
// so (`pegs`), never silently; a market whose quote is unknown cannot be converted.

/// The target currency, the daily rates into it, and the stablecoins the user holds at 1 USD.
public struct CurrencyConversion: Sendable {
  /// Upper case (`USD`, `EUR`).
  public var target: String
  public var rates: CurrencyRates
  /// Stablecoins counted as exactly 1 USD.
  public var pegs: Set<String>

  /// USD stablecoins `pegs` may name: a code outside this list (EUR, BTC) is not pegged to the dollar.
  public static let dollarStablecoins: Set<String> = [
    "USDT", "USDC", "BUSD", "FDUSD", "TUSD", "USDP", "PAX", "DAI", "UST", "USDD", "PYUSD", "GUSD", "LUSD", "FRAX",
    "SUSD", "USDE", "RLUSD",
  ]

  public init(target: String, rates: CurrencyRates, pegs: [String] = []) throws {
    self.target = AssetCode.normalised(target)
    self.rates = rates
    self.pegs = Set(pegs.map { AssetCode.normalised($0.trimmed) })
    for peg in self.pegs.sorted() where !Self.dollarStablecoins.contains(peg) {
      throw ShareError.request(
        "\(setting: .peg, peg) names no US dollar stablecoin: only a stablecoin counts as 1 USD",
        hint:
          "give \(peg)'s daily rates in the rates file; pegs: \(Self.dollarStablecoins.sorted().joined(separator: ", "))"
      )
    }
  }

  /// How one input of `market` is converted. Throws when its quote is unknown, or when the rates
  /// file has no rate at all for it.
  public func rates(for market: Market?, source: String) throws -> DayRates {
    guard let quote = market?.quote else {
      throw ShareError.request(
        "the quote currency of \(source) is not known, so its volumes cannot be counted in \(target)",
        hint: "name its market's quote in a \(setting: .markets) file (symbol,quote), or read in base units")
    }
    if quote == target { return DayRates(currency: quote, rateCurrency: quote, constant: 1, rates: [:]) }
    let pegged = pegs.contains(quote)
    if pegged && target == "USD" { return DayRates(currency: quote, rateCurrency: "USD", constant: 1, rates: [:]) }
    let rateCurrency = pegged ? "USD" : quote
    guard let days = rates.byCurrency[rateCurrency] else {
      let stablecoin = Self.dollarStablecoins.contains(quote) && !pegged
      throw ShareError.data(
        "the rates file has no \(rateCurrency) rate, and \(source) is quoted in \(quote)",
        at: SourceLocation(file: rates.name), expected: "rates into \(target) for every quote currency read",
        hint: stablecoin
          ? "to count \(quote) as 1 USD, say so: \(setting: .peg, quote); or give its rates"
          : "add \(rateCurrency) to the rates file (it has \(rates.currencies.joined(separator: ", ")))")
    }
    return DayRates(currency: quote, rateCurrency: rateCurrency, constant: nil, rates: days)
  }

  /// What an input's volumes are counted in, for `inspect`: `USD (from EUR at daily rates)`.
  public func described(_ rates: DayRates) -> String {
    if rates.perRow { return "\(target) (from each row's quote at daily rates)" }
    if rates.currency == target { return target }
    if rates.rateCurrency != rates.currency {
      return "\(target) (\(rates.currency) pegged at 1 USD\(target == "USD" ? "" : ", then USD at daily rates"))"
    }
    return "\(target) (from \(rates.currency) at daily rates)"
  }

  /// The error for an input with volume on a day the rates file gives no rate for.
  func missingRate(_ rates: DayRates, day: Day, source: String) -> ShareError {
    ShareError.data(
      "the rates file has no \(rates.rateCurrency) rate for \(day), a day \(source) has volume on",
      at: SourceLocation(file: self.rates.name),
      expected: "a rate for every day with volume (no rate is carried over from another day)",
      hint: "add the \(rates.rateCurrency) rate for \(day) to the rates file")
  }
}
