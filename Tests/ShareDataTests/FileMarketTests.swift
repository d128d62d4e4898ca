// Markets from file names and folders, with FORMATS.md's examples, and the user's markets table.

import Testing

@testable import ShareData

struct FileMarketTests {
  private func market(_ path: String) -> Market { FileMarket(path: path).market }
  private let march29 = CivilDate(year: 2024, month: 3, day: 29)

  @Test func bitcoinchartsNamesAreExchangeAndQuoteOfABTCMarket() {
    let file = FileMarket(path: "dumps/bitstampUSD.csv.gz")
    #expect(file.stem == "bitstampUSD")
    #expect(file.market == Market(exchange: "bitstamp", base: "BTC", quote: "USD", instrument: .spot))
    #expect(market("krakenEUR.csv").exchange == "kraken")
    #expect(market("localbtcUSD.csv").quote == "USD")
    let quandl = FileMarket(path: "BCHARTS-BTCNCNY.csv")
    #expect(quandl.stem == "BTCNCNY")
    #expect(quandl.market == Market(exchange: "btcn", base: "BTC", quote: "CNY", instrument: .spot))
  }

  @Test func krakenPairFilesArePairsWithTheirExchangeUnknownOrFromTheFolder() {
    #expect(market("BCHEUR.csv") == Market(base: "BCH", quote: "EUR", instrument: .spot))
    #expect(market("XBTEUR.csv") == Market(base: "BTC", quote: "EUR", instrument: .spot))
    #expect(market("Kraken_Trading_History/BCHEUR.csv").exchange == "kraken")
    #expect(
      market("q3/Kraken_OHLCVT/XBTEUR_60.csv")
        == Market(exchange: "kraken", base: "BTC", quote: "EUR", instrument: .spot))
    #expect(FileMarket(path: "XBTEUR_1440.csv").symbol == "XBTEUR")
    // The file name's own exchange wins over a folder's.
    #expect(market("kraken/bitstampUSD.csv").exchange == "bitstamp")
  }

  @Test func unrecognisedNamesLeaveTheMarketUnknown() {
    #expect(FileMarket(path: "stdin") == FileMarket(stem: "stdin"))
    #expect(market("trades.csv") == .unknown)
    #expect(market("data/DATA.csv") == .unknown)
  }

  @Test func binanceVisionTree() {
    let spot = FileMarket(path: "data/spot/monthly/trades/BTCUSDT/BTCUSDT-trades-2024-01.zip")
    #expect(spot.symbol == "BTCUSDT")
    #expect(spot.market == Market(exchange: "binance", base: "BTC", quote: "USDT", instrument: .spot))
    #expect(spot.convention == "data.binance.vision folders")
    let um = market("data/futures/um/daily/aggTrades/ETHUSDT/ETHUSDT-aggTrades-2024-01-01.zip")
    #expect(
      um == Market(exchange: "binance", base: "ETH", quote: "USDT", instrument: Instrument(.perpetual, margin: .linear))
    )
    let cm = market("data/futures/cm/monthly/klines/BTCUSD_PERP/1h/BTCUSD_PERP-1h-2024-01.zip")
    #expect(
      cm
        == Market(
          exchange: "binance", base: "BTC", quote: "USD", instrument: Instrument(.perpetual, margin: .inverse),
          contractSize: 100))
    let dated = market("futures/cm/daily/trades/ETHUSD_240329/ETHUSD_240329-trades-2024-01-02.zip")
    #expect(dated.instrument == Instrument(.future, margin: .inverse, expiry: march29))
    #expect(dated.contractSize == 10)
    let umDated = market("futures/um/daily/trades/BTCUSDT_240329/BTCUSDT_240329-trades-2024-01-02.csv")
    #expect(umDated.instrument == Instrument(.future, margin: .linear, expiry: march29))
    #expect(umDated.contractSize == nil)
    #expect(market("x/spot/daily/klines/ETHBTC/1s/ETHBTC-1s-2025-01-01.zip.CHECKSUM").pair == "ETH/BTC")
  }

  @Test func binanceFileNamesWithoutTheirFolders() {
    let klines = FileMarket(path: "BTCUSDT-1m-2020-01-01.zip")
    #expect(klines.market == Market(exchange: "binance", base: "BTC", quote: "USDT"))
    #expect(klines.convention == "Binance public-data file name")
    #expect(market("BTCUSDT-1mo-2024-01.csv").pair == "BTC/USDT")
    #expect(market("BTCUSD_PERP-trades-2024-01-01.csv").instrument == Instrument(.perpetual))
    #expect(FileMarket(path: "BTCUSDT-foo-2020-01-01.zip").convention == nil)
  }

  @Test func tardisNames() {
    let file = FileMarket(path: "binance-futures_trades_2020-01-01_BTCUSDT.csv.gz")
    #expect(file.symbol == "BTCUSDT")
    #expect(
      file.market
        == Market(exchange: "binance", base: "BTC", quote: "USDT", instrument: Instrument(.perpetual, margin: .linear)))
    #expect(market("binance_trades_2020-01-01_ETHBTC.csv.gz").instrument == .spot)
    #expect(market("binance-delivery_trades_2024-01-01_BTCUSD_PERP.csv.gz").contractSize == 100)
    let bitmex = market("bitmex_trades_2019-10-01_XBTUSD.csv.gz")
    #expect(bitmex == Market(exchange: "bitmex", base: "BTC", quote: "USD"))
    let deribit = market("deribit_incremental_book_L2_2020-04-01_BTC-PERPETUAL.csv.gz")
    #expect(deribit == Market(exchange: "deribit", base: "BTC", instrument: Instrument(.perpetual)))
  }

  @Test func kaikoNames() {
    let file = FileMarket(path: "Coinbase Pro_btc_usd_trades_2024_01_01.csv")
    #expect(file.symbol == "btc_usd")
    #expect(file.market == Market(exchange: "coinbase", base: "BTC", quote: "USD"))
    #expect(
      market("Binance_btcusd_perp_trades_2024_01_01.csv")
        == Market(exchange: "binance", base: "BTC", quote: "USD", instrument: Instrument(.perpetual)))
  }

  @Test func cryptoDataDownloadAndFreqtradeNames() {
    #expect(market("Binance_BTCUSDT_d.csv") == Market(exchange: "binance", base: "BTC", quote: "USDT"))
    #expect(market("Bitstamp_ETHUSD_1h.csv").pair == "ETH/USD")
    #expect(market("BTC_USDT-1h.json") == Market(base: "BTC", quote: "USDT", instrument: .spot))
    #expect(market("user_data/data/binance/ETH_BTC-trades.json.gz").exchange == "binance")
  }

  @Test func aMarketsTableOverridesAndFillsIn() throws {
    let text = """
      symbol,exchange,base,quote,instrument,contract_size
      BCHEUR,kraken,,,,
      btcusd_perp,,,,perpetual inverse,100
      mystery,acme,XBT,ZUSD,spot,

      """
    let table = try MarketTable.load(scanner: CSVScanner(stream: MemoryStream(name: "markets.csv", text: text)))
    let kraken = table.applied(to: FileMarket(path: "BCHEUR.csv"))
    #expect(kraken.market == Market(exchange: "kraken", base: "BCH", quote: "EUR", instrument: .spot))
    #expect(kraken.convention == "pair file name, markets file markets.csv")
    let kaiko = table.applied(to: FileMarket(path: "Binance_btcusd_perp_trades_2024_01_01.csv")).market
    #expect(kaiko.instrument == Instrument(.perpetual, margin: .inverse))
    #expect(kaiko.contractSize == 100)
    #expect(kaiko.exchange == "binance")
    let stem = table.applied(to: FileMarket(path: "x/mystery.csv")).market
    #expect(stem == Market(exchange: "acme", base: "BTC", quote: "USD", instrument: .spot))
    #expect(table.applied(to: FileMarket(path: "other.csv")) == FileMarket(path: "other.csv"))
  }

  @Test(arguments: [
    ("symbol,venue\nA,b\n", "unknown column \"venue\""),
    ("exchange,base\nb,BTC\n", "no symbol column"),
    ("symbol,base,base\nA,B,C\n", "a second column \"base\""),
    ("symbol,base\nA\n", "this row has 1 fields"),
    ("symbol,instrument\nA,option\n", "instrument \"option\" is not one sharelens knows"),
    ("symbol,contract_size\nA,-1\n", "contract size \"-1\" is not a positive number"),
    ("symbol,base\nA,B\na,C\n", "the symbol \"a\" is in the markets file twice (line 2 and here)"),
    ("symbol,base\n,B\n", "a row without a symbol"),
    ("", "the markets file is empty"),
  ])
  func badMarketsTablesAreRefused(_ text: String, _ message: String) {
    #expect {
      try MarketTable.load(scanner: CSVScanner(stream: MemoryStream(name: "m.csv", text: text)))
    } throws: { error in
      "\(error)".contains(message)
    }
  }
}
