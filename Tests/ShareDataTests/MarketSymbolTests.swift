// The market model's symbol reading, with the exact examples of ../shared/FORMATS.md: every
// convention fills in what it says and leaves the rest unknown.

import Testing

@testable import ShareData

struct MarketSymbolTests {
  private func pair(_ symbol: String) -> String? { Symbol.market(symbol).pair }

  @Test func separatorLessSymbolsSplitByTheLongestKnownQuote() {
    #expect(pair("BTCUSDT") == "BTC/USDT")
    #expect(pair("ETHBTC") == "ETH/BTC")
    #expect(pair("BNBFDUSD") == "BNB/FDUSD")
    #expect(pair("BTCTUSD") == "BTC/TUSD")
    #expect(pair("ETHBUSD") == "ETH/BUSD")
    #expect(pair("USDCUSDT") == "USDC/USDT")
    #expect(pair("BTCUSDC") == "BTC/USDC")
    #expect(pair("1000SHIBUSDT") == "1000SHIB/USDT")
    #expect(pair("BTCEUR") == "BTC/EUR")
    #expect(pair("ETHKRW") == "ETH/KRW")
    #expect(pair("BTCTRY") == "BTC/TRY")
    // Longest first, unless that leaves an unknown base where a shorter quote leaves a known one.
    #expect(pair("XBTUSD") == "BTC/USD")
    #expect(pair("ETHUSD") == "ETH/USD")
    #expect(pair("btcusdt") == "BTC/USDT")
    #expect(pair(" BTCUSDT ") == "BTC/USDT")
    #expect(Symbol.market("BTCUSDT").instrument == nil)
    #expect(Symbol.market("BTCUSDT").exchange == nil)
  }

  @Test func symbolsNoQuoteEndsAreUnknownNotGuessed() {
    #expect(Symbol.market("ABCDEF") == .unknown)
    #expect(Symbol.market("USDT") == .unknown)
    #expect(Symbol.market("") == .unknown)
    #expect(Symbol.market("BTC/") == .unknown)
  }

  @Test func krakenNamesAreNormalised() {
    #expect(pair("XBTEUR") == "BTC/EUR")
    #expect(pair("BCHEUR") == "BCH/EUR")
    #expect(pair("XDGUSD") == "DOGE/USD")
    #expect(pair("XXBTZUSD") == "BTC/USD")
    #expect(pair("XETHZEUR") == "ETH/EUR")
    #expect(pair("XXDGXXBT") == "DOGE/BTC")
    #expect(pair("ETHXBT") == "ETH/BTC")
    #expect(AssetCode.normalised("xbt") == "BTC")
    #expect(AssetCode.normalised("ZUSD") == "USD")
    #expect(AssetCode.normalised("ZRX") == "ZRX")
  }

  @Test func binanceFuturesSymbols() {
    let perp = Symbol.market("BTCUSD_PERP")
    #expect(perp.pair == "BTC/USD")
    #expect(perp.instrument == Instrument(.perpetual))
    let dated = Symbol.market("BTCUSD_240329")
    #expect(dated.pair == "BTC/USD")
    #expect(dated.instrument == Instrument(.future, expiry: CivilDate(year: 2024, month: 3, day: 29)))
    #expect(Symbol.market("BTCUSDT_240329").pair == "BTC/USDT")
    // Not a day: the suffix is not an expiry, and the symbol is not a pair either.
    #expect(Symbol.market("BTCUSD_241399").instrument == nil)
  }

  @Test func ccxtUnifiedSymbols() {
    #expect(Symbol.market("BTC/USDT") == Market(base: "BTC", quote: "USDT", instrument: .spot))
    #expect(
      Symbol.market("BTC/USDT:USDT")
        == Market(base: "BTC", quote: "USDT", instrument: Instrument(.perpetual, margin: .linear)))
    #expect(
      Symbol.market("BTC/USD:BTC")
        == Market(base: "BTC", quote: "USD", instrument: Instrument(.perpetual, margin: .inverse)))
    let future = Symbol.market("BTC/USDT:USDT-240329")
    #expect(future.instrument == Instrument(.future, margin: .linear, expiry: CivilDate(year: 2024, month: 3, day: 29)))
    #expect(Symbol.market("XBT/EUR").pair == "BTC/EUR")
    #expect(Symbol.market("BTC/USD:BTC-240329-60000-C").instrument == nil)
  }

  @Test func kaikoSymbols() {
    #expect(Symbol.market("btc_usd") == Market(base: "BTC", quote: "USD"))
    #expect(Symbol.market("btcusd_perp") == Market(base: "BTC", quote: "USD", instrument: Instrument(.perpetual)))
    #expect(Symbol.market("ethusdt") == Market(base: "ETH", quote: "USDT"))
  }

  @Test func dashSymbols() {
    #expect(Symbol.market("BTC-USD") == Market(base: "BTC", quote: "USD"))
    #expect(Symbol.market("BTC-PERPETUAL") == Market(base: "BTC", instrument: Instrument(.perpetual)))
    #expect(Symbol.market("BTC-USDT-SWAP") == Market(base: "BTC", quote: "USDT", instrument: Instrument(.perpetual)))
    #expect(
      Symbol.market("BTC-29MAR24")
        == Market(base: "BTC", instrument: Instrument(.future, expiry: CivilDate(year: 2024, month: 3, day: 29))))
    #expect(Symbol.market("ETH-5APR24").instrument?.expiry == CivilDate(year: 2024, month: 4, day: 5))
  }

  @Test func instrumentsReadAndWriteTheirWords() {
    #expect(Instrument(parsing: "spot") == .spot)
    #expect(Instrument(parsing: "perpetual inverse") == Instrument(.perpetual, margin: .inverse))
    #expect(Instrument(parsing: "Linear PERP") == Instrument(.perpetual, margin: .linear))
    let future = Instrument(.future, margin: .inverse, expiry: CivilDate(year: 2024, month: 3, day: 29))
    #expect(future.description == "future inverse 2024-03-29")
    #expect(Instrument(parsing: future.description) == future)
    #expect(Instrument(parsing: "2024-03-29") == Instrument(.future, expiry: CivilDate(year: 2024, month: 3, day: 29)))
    #expect(Instrument(parsing: "spot inverse") == nil)
    #expect(Instrument(parsing: "spot 2024-03-29") == nil)
    #expect(Instrument(parsing: "option") == nil)
    #expect(Instrument(parsing: "future 2024-02-30") == nil)
    #expect(Instrument(parsing: "") == nil)
  }

  @Test func marketsFillAndOverride() {
    let fromName = Market(base: "BCH", quote: "EUR", instrument: .spot)
    let row = Market(exchange: "kraken", quote: "USD")
    #expect(fromName.filled(from: row) == Market(exchange: "kraken", base: "BCH", quote: "EUR", instrument: .spot))
    #expect(fromName.overridden(by: row) == Market(exchange: "kraken", base: "BCH", quote: "USD", instrument: .spot))
    let margin = Market(instrument: Instrument(.perpetual)).filled(
      from: Market(instrument: Instrument(.perpetual, margin: .inverse)))
    #expect(margin.instrument == Instrument(.perpetual, margin: .inverse))
    #expect(Market(base: "BCH", quote: "EUR").description == "unknown exchange BCH/EUR")
    #expect(
      Market(
        exchange: "binance", base: "BTC", quote: "USD", instrument: Instrument(.perpetual, margin: .inverse),
        contractSize: 100
      )
      .description == "binance BTC/USD perpetual inverse contract 100")
    #expect(Market(base: "BTC").pair == "BTC/?")
    #expect(Market.unknown.pair == nil)
  }
}
