// Tardis.dev and Kaiko files (FORMATS.md): generated folders (scripts/fixtures/tardis_fixtures.py)
// read with no layout flag, per-day volumes compared with an independent pandas computation
// (scripts/fixtures/tardis_reference.py → daily_volumes.csv) in base and quote units; then the
// markets, units and refusals one by one on small inline files.

import Foundation
import TestSupport
import Testing

@testable import ShareData

struct TardisKaikoIngestTests {
  static let trades = [Paths.fixture("ShareDataTests", "tardis/data")]
  static let ohlcv = [Paths.fixture("ShareDataTests", "tardis/ohlcv")]

  /// The pandas reference: (category, day) → (base, quote); quote nil for OHLCV.
  private func reference() throws -> [String: (base: Double, quote: Double?)] {
    let path = Paths.fixture("ShareDataTests", "tardis/daily_volumes.csv")
    var rows: [String: (Double, Double?)] = [:]
    for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").dropFirst() {
      let f = line.split(separator: ",", omittingEmptySubsequences: false)
      rows["\(f[0]),\(f[1])"] = (Double(String(f[2]))!, Double(String(f[3])))
    }
    return rows
  }

  private func close(_ a: Double?, _ b: Double) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= 1e-9 * max(abs(a), abs(b))
  }

  @Test func tardisAndKaikoTradesMatchPandasPerDayInBaseAndQuoteUnits() throws {
    let expected = try reference().filter { $0.value.quote != nil }
    let base = try Ingest.read(paths: Self.trades, options: IngestOptions())
    let quote = try Ingest.read(paths: Self.trades, options: IngestOptions(unit: .quote)).dailyVolumes
    let baseDaily = base.dailyVolumes
    #expect(Set(baseDaily.keys) == Set(expected.keys))
    #expect(Set(quote.keys) == Set(expected.keys))
    for (key, value) in expected {
      #expect(close(baseDaily[key], value.base), "\(key): base \(baseDaily[key] ?? .nan) vs \(value.base)")
      #expect(close(quote[key], value.quote!), "\(key): quote \(quote[key] ?? .nan) vs \(value.quote!)")
    }
    // The empty gzip is a day without data: passed over with a warning, not an error.
    #expect(base.warnings.contains { $0.message.contains("an empty Tardis file") })
    #expect(!base.sources.contains { $0.name.hasSuffix("2024-03-02_BTCUSDT.csv.gz") })
  }

  @Test func kaikoOHLCVMatchesPandasPerDay() throws {
    let expected = try reference().filter { $0.value.quote == nil }
    let found = try Ingest.read(paths: Self.ohlcv, options: IngestOptions()).dailyVolumes
    #expect(Set(found.keys) == Set(expected.keys))
    for (key, value) in expected { #expect(close(found[key], value.base), "\(key)") }
  }

  @Test func eachFileIsDetectedWithItsMarkets() throws {
    let result = try Ingest.read(paths: Self.trades + Self.ohlcv, options: IngestOptions())
    let byFile = Dictionary(
      result.sources.map { ($0.name.split(separator: "/").last.map(String.init)!, $0) }, uniquingKeysWith: { a, _ in a }
    )
    let deribit = byFile["deribit_trades_2024-03-01_PERPETUALS.csv.gz"]!
    #expect("\(deribit.layoutReason)".hasPrefix("detected: Tardis trades"))
    #expect(deribit.market == nil)  // two markets in one file
    #expect(deribit.categorySource.contains("deribit ETH-PERPETUAL (deribit ETH/USD perpetual inverse)"))
    let kaiko = byFile["Binance US_btc_usdt_trades_2024_03_01.csv"]!
    #expect(kaiko.market == Market(exchange: "binance-us", base: "BTC", quote: "USDT", instrument: .spot))
    #expect(kaiko.volumeUnit == "BTC")
    let bars = byFile["Bitstamp_eth_usd_ohlcv_1h_2024_03_01.csv"]!
    #expect("\(bars.layoutReason)".hasPrefix("detected: Kaiko OHLCV"))
    #expect(bars.market?.description == "bitstamp ETH/USD spot")
  }

  @Test func everyGroupingWorks() throws {
    // Four files of five markets (two in one file), Tardis and Kaiko.
    let files = [
      "tardis/deribit_trades_2024-03-01_PERPETUALS.csv.gz", "tardis/bitmex_trades_2024-03-01_XBTUSD.csv.gz",
      "kaiko/Kraken_eth_eur_trades_2024_03_01.csv.gz", "kaiko/Binance US_btc_usdt_trades_2024_03_01.csv",
    ].map { Self.trades[0] + "/" + $0 }
    func categories(_ group: Grouping, _ unit: VolumeUnit = .base) throws -> [String] {
      try Ingest.read(paths: files, options: IngestOptions(group: group, unit: unit)).table.categories.sorted()
    }
    // Groupings that add different coins (deribit's BTC and ETH perpetuals in one file) are read in
    // quote units; in base units they are refused, the rows' markets counted as a file's market is.
    #expect(try categories(.exchange, .quote) == ["binance-us", "bitmex", "deribit", "kraken"])
    #expect(try categories(.quote, .quote) == ["EUR", "USD", "USDT"])
    for group: Grouping in [.exchange, .quote, "instrument"] {
      #expect(throws: ShareError.self, "\(group)") { try categories(group) }
    }
    #expect(throws: ShareError.self) { try categories("instrument", .quote) }  // spot: EUR and USDT
    #expect(try categories(.base) == ["BTC", "ETH"])
    #expect(try categories(.pair) == ["BTC/USD", "BTC/USDT", "ETH/EUR", "ETH/USD"])
    #expect(
      try categories(.market) == [
        "binance-us btc_usdt", "bitmex XBTUSD", "deribit BTC-PERPETUAL", "deribit ETH-PERPETUAL", "kraken eth_eur",
      ])
  }

  private func withMarkets(_ table: MarketTable) -> IngestOptions {
    var options = IngestOptions()
    options.markets = table
    return options
  }

  private let tardisHeader = "exchange,symbol,timestamp,local_timestamp,id,side,price,amount\n"

  @Test func inverseAmountsBecomeCoinsWithTheContractSize() throws {
    // 20 OKX contracts of 100 USD at 50 000 = 0.04 BTC; Deribit's 500 USD at 50 000 = 0.01 BTC.
    let rows =
      "okex-swap,BTC-USD-SWAP,1709251200000000,1709251200000100,1,buy,50000,20\n"
      + "deribit,BTC-29MAR24,1709251200000000,1709251200000100,2,buy,50000,500\n"
      + "bybit,BTCUSDT,1709251200000000,1709251200000100,3,sell,50000,0.5\n"
    let base = try ingest(tardisHeader + rows, name: "mixed.csv")
    #expect(base.table.categories == ["okex-swap BTC-USD-SWAP", "deribit BTC-29MAR24", "bybit BTCUSDT"])
    #expect(base.table.volumes == [0.04, 0.01, 0.5])
    let quote = try ingest(tardisHeader + rows, name: "mixed.csv", options: IngestOptions(unit: .quote))
    #expect(quote.table.volumes == [2000, 500, 25000])
  }

  @Test func tardisExchangesSayWhatTheirAmountsCount() {
    func resolve(_ exchange: String, _ symbol: String) -> (String, TradeAmount?) {
      let found = TardisMarket.resolve(exchange: exchange, symbol: symbol, table: nil)
      return (found.market.description, found.amount)
    }
    #expect(resolve("bitmex", "XBTZ24") == ("bitmex BTC/USD future inverse contract 1", .quote(size: 1)))
    #expect(resolve("bybit", "BTCUSD") == ("bybit BTC/USD perpetual inverse contract 1", .quote(size: 1)))
    #expect(resolve("bybit", "ETHUSDT") == ("bybit ETH/USDT perpetual linear", .base(size: 1)))
    #expect(resolve("deribit", "BTC_USDC-PERPETUAL") == ("deribit BTC/USDC perpetual linear", .base(size: 1)))
    #expect(resolve("huobi-dm", "BTC_CQ") == ("huobi BTC/USD future inverse contract 100", .quote(size: 100)))
    #expect(resolve("huobi-dm-swap", "ETH-USD") == ("huobi ETH/USD perpetual inverse contract 10", .quote(size: 10)))
    #expect(
      resolve("binance-delivery", "ETHUSD_240329")
        == ("binance ETH/USD future inverse 2024-03-29 contract 10", .quote(size: 10)))
    #expect(resolve("kraken", "XBT/EUR").1 == .base(size: 1))
    // Not in the table: unknown, never guessed.
    #expect(resolve("bitmex", "ETHUSD").1 == nil)
    #expect(resolve("huobi-dm-linear-swap", "BTC-USDT").1 == nil)
    #expect(resolve("deribit", "BTC-29MAR24-60000-C").1 == nil)
    #expect(resolve("some-new-exchange", "BTCUSDT").1 == nil)
  }

  @Test func anAmountWhoseUnitCannotBeKnownIsRefusedUntilTheMarketsFileSaysIt() throws {
    // OKX linear swaps count contracts of a size the file does not say.
    let row = "okex-swap,BTC-USDT-SWAP,1709251200000000,1709251200000100,1,buy,50000,20\n"
    #expect {
      try ingest(tardisHeader + row, name: "okex-swap_trades_2024-03-01_BTC-USDT-SWAP.csv")
    } throws: { "\($0)".contains("the unit of the amounts of okex-swap BTC-USDT-SWAP is not known") }
    let table = MarketTable(
      name: "m.csv", entries: ["BTC-USDT-SWAP": Market(contractSize: 0.01)])
    let read = try ingest(
      tardisHeader + row, name: "okex-swap_trades_2024-03-01_BTC-USDT-SWAP.csv",
      options: withMarkets(table))
    #expect(read.table.volumes == [0.2])
  }

  @Test func kaikoContractsNeedTheMarketsFile() throws {
    let head = "id,exchange,symbol,date,price,amount,sell\n"
    let row = "1,bmex,btcusd_perp,1709251200000,50000,1000,true\n"
    #expect {
      try ingest(head + row, name: "BitMEX_btcusd_perp_trades_2024_03_01.csv")
    } throws: { "\($0)".contains("whether its contracts are linear or inverse") }
    let table = MarketTable(
      name: "m.csv",
      entries: ["BTCUSD_PERP": Market(instrument: Instrument(.perpetual, margin: .inverse), contractSize: 1)])
    let read = try ingest(head + row, name: "k.csv", options: withMarkets(table))
    #expect(read.table.volumes == [0.02])
    #expect(read.table.categories == ["bitmex btcusd_perp"])
  }

  @Test func aBadRowNamesItsLineColumnAndWhatWasExpected() throws {
    let good = "bitmex,XBTUSD,1709251200000000,1709251200000100,,buy,50000,100\n"
    let cases: [(String, String)] = [
      ("bitmex,XBTUSD,1709251200000,1709251200000100,,buy,50000,100\n", "not a Tardis time: \"1709251200000\""),
      ("bitmex,XBTUSD,1709251200000000,1709251200000100,,buy,abc,100\n", "not a number: \"abc\""),
      ("bitmex,XBTUSD,1709251200000000,1709251200000100,,buy,50000\n", "8 fields, as in Tardis trades"),
      ("bitmex,XBTUSD,1709251200000000,1709251200000100,,buy,0,100\n", "price 0"),
      ("bitmex,XBTUSD,1709251200000000,1709251200000100,,buy,50000,-1\n", "negative amount"),
    ]
    for (row, message) in cases {
      #expect(throws: (any Error).self) { try ingest(tardisHeader + good + row, name: "t.csv") }
      do {
        _ = try ingest(tardisHeader + good + row, name: "t.csv")
      } catch {
        #expect("\(error)".contains(message), "\(error)")
        #expect("\(error)".contains("t.csv:3"), "\(error)")
      }
    }
    #expect {
      try ingest("id,exchange,symbol,date,price,amount,sell\n1,cbse,btc_usd,1709251200000,50000,1,maybe\n")
    } throws: { "\($0)".contains("not a true/false flag: \"maybe\"") && "\($0)".contains(":2:7") }
  }

  @Test func kaikoOHLCVRefusesQuoteUnitsAndBadBars() throws {
    let bars = "1709251200000,3390,3400,3380,3395,12.5\n1709254800000,,,,,0\n"
    let name = "Bitstamp_eth_usd_ohlcv_1h_2024_03_01.csv"
    #expect(try ingest(bars, name: name).table.volumes == [12.5, 0])
    #expect {
      try ingest(bars, name: name, options: IngestOptions(unit: .quote))
    } throws: { "\($0)".contains("no quote volume") }
    #expect {
      try ingest(bars + "1709258400,3390,3400,3380,3395,12.5\n", name: name)
    } throws: { "\($0)".contains("not a Kaiko time: \"1709258400\"") && "\($0)".contains(":3:1") }
  }

  @Test func everyInputAnEmptyTardisDayIsAnError() throws {
    #expect {
      try ingest([(name: "binance-futures_trades_2024-03-02_BTCUSDT.csv", text: "")])
    } throws: { "\($0)".contains("every input is an empty Tardis file") }
    #expect {
      try ingest([(name: "empty.csv", text: "")])
    } throws: { "\($0)".contains("the file is empty") }
  }
}
