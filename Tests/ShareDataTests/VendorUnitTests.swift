// The vendors' readers under a currency unit: a Tardis file of two markets is converted row by row
// from each market's quote, a CryptoDataDownload file from its own quote column, and Coin Metrics'
// USD volumes need no rate into USD and one per day into any other currency.

import Foundation
import TestSupport
import Testing

@testable import ShareData

struct VendorUnitTests {
  private func options(_ target: String, _ rates: String) throws -> IngestOptions {
    var options = IngestOptions(unit: .quote)
    let scanner = CSVScanner(stream: MemoryStream(name: "rates.csv", bytes: Array(rates.utf8)))
    options.conversion = try CurrencyConversion(target: target, rates: try CurrencyRates.load(scanner: scanner))
    return options
  }

  private func daily(_ path: String, _ options: IngestOptions) throws -> [String: Double] {
    try Ingest.read(paths: [path], options: options).dailyVolumes
  }

  private func close(_ a: Double?, _ b: Double) -> Bool { a.map { abs($0 - b) <= 1e-9 * max(abs(b), 1) } ?? false }

  /// A rates file without a USD row: into USD, a USD quote needs none.
  private static let noUSDRate = "date,currency,rate\n2024-01-01,EUR,1.1\n"

  private static let deribit = Paths.fixture(
    "ShareDataTests", "tardis/data/tardis/deribit_trades_2024-03-01_PERPETUALS.csv.gz")

  @Test func aTardisFileOfTwoMarketsIsConvertedFromEachQuote() throws {
    let quote = try daily(Self.deribit, IngestOptions(unit: .quote))
    #expect(quote.count == 4)  // two markets, two days (the evening before counts on its own day)
    let converted = try daily(
      Self.deribit, try options("EUR", "date,currency,rate\n2024-02-29,USD,0.5\n2024-03-01,USD,0.9\n"))
    #expect(converted.keys == quote.keys)
    for (key, value) in quote {
      #expect(close(converted[key], value * (key.contains("2024-02-29") ? 0.5 : 0.9)), "\(key)")
    }
    // A day without its rate is refused, naming the currency and the day.
    #expect(throws: ShareError.self) {
      try daily(Self.deribit, try options("EUR", "date,currency,rate\n2024-03-01,USD,0.9\n"))
    }
    // Into USD, a USD quote needs no rate at all.
    #expect(try daily(Self.deribit, try options("USD", Self.noUSDRate)) == quote)
  }

  @Test func cryptoDataDownloadAndCoinMetricsConvertFromTheirOwnUnits() throws {
    let bitstamp = Paths.fixture("ShareDataTests", "vendors/cryptodatadownload/Bitstamp_BTCUSD_1h.csv")
    #expect(
      try daily(bitstamp, try options("USD", Self.noUSDRate))
        == (try daily(bitstamp, IngestOptions(unit: .quote))))
    let coinMetrics = Paths.fixture("ShareDataTests", "vendors/coinmetrics/eth.csv")
    let usd = try daily(coinMetrics, IngestOptions())
    let intoUSD = try daily(coinMetrics, try options("USD", Self.noUSDRate))
    #expect(!usd.isEmpty && intoUSD == usd)
    let days = usd.keys.compactMap { $0.split(separator: ",").last.map(String.init) }
    let rates = "date,currency,rate\n" + Set(days).sorted().map { "\($0),USD,0.8\n" }.joined()
    let eur = try daily(coinMetrics, try options("EUR", rates))
    for (key, value) in usd { #expect(close(eur[key], value * 0.8), "\(key)") }
  }
}
