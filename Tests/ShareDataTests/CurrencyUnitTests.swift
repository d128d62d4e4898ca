// Volumes counted in one currency (--unit USD --rates FILE): a fixture of four markets quoted in
// USD, EUR and USDT (scripts/fixtures/units_fixtures.py) read per day in US dollars and compared
// with an independent pandas computation (scripts/fixtures/units_reference.py → daily_usd.csv);
// then the rates file's shapes and errors, pegs, unknown quotes and mixed units one by one.

import Foundation
import TestSupport
import Testing

@testable import ShareData

struct CurrencyUnitTests {
  static let data = Paths.fixture("ShareDataTests", "units/data")
  static let rates = Paths.fixture("ShareDataTests", "units/rates.csv")

  private func usd(_ rates: String = rates, pegs: [String] = ["USDT"]) throws -> IngestOptions {
    var options = IngestOptions(unit: .quote)
    options.conversion = try CurrencyConversion(target: "usd", rates: try CurrencyRates.load(path: rates), pegs: pegs)
    return options
  }

  /// (category, day) → volume, from the table (TestSupport's `dailyVolumes`).
  private func daily(_ result: IngestResult) -> [String: Double] { result.dailyVolumes }

  private func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(abs(a), abs(b)) }

  private func rates(_ text: String) throws -> CurrencyRates {
    try CurrencyRates.load(scanner: CSVScanner(stream: MemoryStream(name: "rates.csv", bytes: Array(text.utf8))))
  }

  private func message(_ body: () throws -> Any) -> String {
    do {
      _ = try body()
      return "no error"
    } catch {
      return "\(error)"
    }
  }

  @Test func perDayUSDVolumesOfFourMarketsMatchPandas() throws {
    let text = try String(
      contentsOfFile: Paths.fixture("ShareDataTests", "units/daily_usd.csv"), encoding: .utf8)
    var expected: [String: Double] = [:]
    for line in text.split(separator: "\n").dropFirst() {
      let f = line.split(separator: ",")
      expected["\(f[0]),\(f[1])"] = Double(String(f[2]))!
    }
    let found = daily(try Ingest.read(paths: [Self.data], options: try usd()))
    #expect(Set(found.keys) == Set(expected.keys))
    for (key, value) in expected {
      #expect(close(found[key] ?? .nan, value), "\(key): \(found[key] ?? .nan) vs \(value)")
    }
  }

  @Test func aLongTradeLogIsConvertedRowByRowFromItsQuoteColumn() throws {
    // The four markets as one log, rows interleaved by time, grouped by exchange: each exchange's
    // per-day dollars are the pandas reference's markets added up.
    let markets = [
      ("bitstampUSD.csv", "bitstamp,BTC,USD"), ("krakenEUR.csv", "kraken,BTC,EUR"),
      ("Kraken_Trading_History/ETHUSDT.csv", "kraken,ETH,usdt"),
      ("Kraken_Trading_History/BCHEUR.csv", "kraken,BCH,EUR"),
    ]
    var rows: [(Int, String)] = []
    for (file, market) in markets {
      for line in try String(contentsOfFile: Self.data + "/" + file, encoding: .utf8).split(separator: "\n") {
        let f = line.split(separator: ",")
        rows.append((Int(f[0])!, "\(f[0]),\(market),\(f[1]),\(f[2])"))
      }
    }
    let log = "time,exchange,base,quote,price,amount\n" + rows.sorted { $0.0 < $1.0 }.map { $0.1 + "\n" }.joined()
    var options = try usd()
    options.group = "exchange"
    let result = try Ingest.read(streams: [MemoryStream(name: "log.csv", bytes: Array(log.utf8))], options: options)
    #expect(result.sources[0].valueSource.hasSuffix("→ USD (from each row's quote at daily rates)"))
    let byMarket = daily(try Ingest.read(paths: [Self.data], options: try usd()))
    var expected: [String: Double] = [:]
    for (key, value) in byMarket {
      let day = key.split(separator: ",")[1]
      expected["\(key.hasPrefix("bitstamp") ? "bitstamp" : "kraken"),\(day)", default: 0] += value
    }
    let found = daily(result)
    #expect(Set(found.keys) == Set(expected.keys))
    for (key, value) in expected { #expect(close(found[key] ?? .nan, value), "\(key)") }
    // A day without a EUR rate is found whichever currency's rows come last.
    let gap = try String(contentsOfFile: Self.rates, encoding: .utf8).replacingOccurrences(
      of: "2024-02-10,EUR,", with: "2024-02-10,GBP,")
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    var missing = try usd(dir.file("rates.csv", gap))
    missing.group = "exchange"
    let refused = message {
      try Ingest.read(streams: [MemoryStream(name: "log.csv", bytes: Array(log.utf8))], options: missing)
    }
    #expect(refused.contains("no EUR rate for 2024-02-10, a day log.csv has volume on"), "\(refused)")
  }

  @Test func wideRatesGiveTheSameVolumesAsLongOnes() throws {
    let wide = Paths.fixture("ShareDataTests", "units/rates-wide.csv")
    let long = daily(try Ingest.read(paths: [Self.data], options: try usd()))
    #expect(daily(try Ingest.read(paths: [Self.data], options: try usd(wide))) == long)
  }

  @Test func theParallelReaderIsNotUsedWhenConverting() throws {
    var options = try usd()
    options.parallelThreshold = 0
    let serial = daily(try Ingest.read(paths: [Self.data], options: try usd()))
    #expect(daily(try Ingest.read(paths: [Self.data], options: options)) == serial)
  }

  @Test func inspectShowsTheTargetAndWhereItCameFrom() throws {
    let result = try Ingest.read(paths: [Self.data], options: try usd())
    let eur = try #require(result.sources.first { $0.name.hasSuffix("BCHEUR.csv") })
    #expect(eur.volumeUnit == "USD")
    #expect(eur.valueSource == "price × amount (EUR) → USD (from EUR at daily rates)")
    let usdt = try #require(result.sources.first { $0.name.hasSuffix("ETHUSDT.csv") })
    #expect(usdt.valueSource.hasSuffix("→ USD (USDT pegged at 1 USD)"))
  }

  @Test func aQuoteEqualToTheTargetNeedsNoRate() throws {
    var options = IngestOptions(unit: .quote)
    options.conversion = try CurrencyConversion(
      target: "USD", rates: try rates("date,currency,rate\n2024-01-01,EUR,1.1\n"))
    let path = Self.data + "/bitstampUSD.csv"
    let converted = daily(try Ingest.read(paths: [path], options: options))
    #expect(converted == daily(try Ingest.read(paths: [path], options: IngestOptions(unit: .quote))))
  }

  @Test func aDayWithVolumeButNoRateIsAnErrorNamingTheCurrencyAndDay() throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let text = try String(contentsOfFile: Self.rates, encoding: .utf8).replacingOccurrences(
      of: "2024-02-10,EUR,", with: "2024-02-10,GBP,")
    let options = try usd(dir.file("rates.csv", text))
    let found = message { try Ingest.read(paths: [Self.data + "/krakenEUR.csv"], options: options) }
    #expect(found.contains("the rates file has no EUR rate for 2024-02-10, a day"), "\(found)")
  }

  @Test func aStablecoinCountsAsADollarOnlyWhenPegged() throws {
    let path = Self.data + "/Kraken_Trading_History/ETHUSDT.csv"
    let found = message { try Ingest.read(paths: [path], options: try usd(pegs: [])) }
    #expect(found.contains("the rates file has no USDT rate") && found.contains("peg USDT"), "\(found)")
    let pegged = daily(try Ingest.read(paths: [path], options: try usd()))
    #expect(pegged == daily(try Ingest.read(paths: [path], options: IngestOptions(unit: .quote))))
  }

  @Test func aPeggedStablecoinIntoAnotherCurrencyGoesThroughTheDollar() throws {
    var options = IngestOptions(unit: .quote)
    let usdInEUR =
      "date,currency,rate\n" + (20...31).map { "2024-01-\($0),USD,0.5\n" }.joined()
      + (1...29).map { "2024-02-\($0 < 10 ? "0" : "")\($0),USD,0.5\n" }.joined()
    options.conversion = try CurrencyConversion(target: "EUR", rates: try rates(usdInEUR), pegs: ["USDT"])
    let path = Self.data + "/Kraken_Trading_History/ETHUSDT.csv"
    let converted = daily(try Ingest.read(paths: [path], options: options))
    let quote = daily(try Ingest.read(paths: [path], options: IngestOptions(unit: .quote)))
    #expect(converted.keys == quote.keys)
    for (key, value) in quote { #expect(close(converted[key]!, value * 0.5), "\(key)") }
  }

  @Test func onlyADollarStablecoinCanBePegged() {
    let found = message { try CurrencyConversion(target: "USD", rates: CurrencyRates(name: "r"), pegs: ["EUR"]) }
    #expect(found.contains("peg EUR names no US dollar stablecoin"), "\(found)")
  }

  @Test func anInputWhoseQuoteIsUnknownOrThatIsNoMarketIsRefused() throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let trades = dir.file("trades.csv", "1704067200,42000,1\n")
    let found = message { try Ingest.read(paths: [trades], options: try usd()) }
    #expect(found.contains("the quote currency of \(trades) is not known") && found.contains("markets"), "\(found)")
    let wide = dir.file("wide.csv", "Time,a,b\n2024-01-20,1,2\n")
    let refused = message { try Ingest.read(paths: [wide], options: try usd()) }
    #expect(refused.contains("is a wide table: its categories are not markets"), "\(refused)")
  }

  @Test func aMarketFileWhoseReaderNeverConvertedIsRefusedNotSummedUnconverted() throws {
    let conversion = try CurrencyConversion(target: "USD", rates: rates("date,currency,rate\n2024-01-01,EUR,1.1\n"))
    var builder = VolumeTableBuilder()
    var summary = SourceSummary(
      name: "BTC-EUR.csv", layout: .trades, layoutReason: "detected: a new format", categorySource: "", valueSource: "")
    summary.market = Market(base: "BTC", quote: "EUR")
    let found = message { try conversion.finish(&builder, &summary) }
    #expect(found.contains("the reader of BTC-EUR.csv (detected: a new format) does not count volumes in USD yet"))
  }

  @Test func theRatesFileIsLongOrWideWithOneRatePerCurrencyAndDay() throws {
    let long = try rates("Rate,date,Currency\n1.1,2024-01-02,eur\n")
    #expect(long.rate("EUR", on: Day(year: 2024, month: 1, day: 2)) == 1.1)
    let wide = try rates("date,EUR,XBT\n2024-01-02,,40000\n")
    #expect(wide.rate("EUR", on: Day(year: 2024, month: 1, day: 2)) == nil)
    #expect(wide.rate("BTC", on: Day(year: 2024, month: 1, day: 2)) == 40000)
    let cases: [(String, String)] = [
      ("", "the rates file is empty"),
      ("day,EUR\n", "is neither long nor wide"),
      ("date,currency,rate,source\n", "\"date,currency,rate,source\" is neither long nor wide"),
      ("date,EUR,rate!\n", "column \"rate!\" is not a currency code"),
      ("date,currency,rate\n", "a header but no rates"),
      ("date,currency,rate\nsoon,EUR,1\n", "rates.csv:2:1: not a date: \"soon\""),
      ("date,currency,rate\n2024-01-02,EUR,-1\n", "rates.csv:2:3: not a rate: \"-1\""),
      ("date,currency,rate\n2024-01-02,EUR\n", "rates.csv:2: this row has 2 fields"),
      ("date,currency,rate\n2024-01-02,EUR,1\n2024-01-02,EUR,2\n", "rates.csv:3:3: the rate of EUR on 2024-01-02 is"),
    ]
    for (text, expected) in cases {
      let found = message { try rates(text) }
      #expect(found.contains(expected), "\(text): \(found)")
    }
  }
}
