// Kraken OHLCVT and time-and-sales, CryptoDataDownload and Coin Metrics fixtures
// (scripts/fixtures/vendor_fixtures.py), each folder read as a directory with no layout flag and its
// per-day volumes compared with an independent pandas computation (scripts/fixtures/vendor_reference.py
// → vendors/daily_volumes.csv), in base and quote units.

import Foundation
import TestSupport
import Testing

@testable import ShareData

struct VendorReferenceTests {
  static func folder(_ name: String) -> String { Paths.fixture("ShareDataTests", "vendors/\(name)") }

  /// (category, day) → volume, from the table's valid cells.
  private func daily(_ result: IngestResult) -> [String: Double] {
    var sums: [String: Double] = [:]
    let table = result.table
    for i in 0..<table.cellCount where table.valid[i] {
      let day = Day(table.times[i].floorDiv(86_400)).description
      sums["\(table.categories[Int(table.codes[i])]),\(day)", default: 0] += table.volumes[i]
    }
    return sums
  }

  /// The pandas reference for one folder: (category, day) → (base, quote); nil where it has none.
  private func reference(_ folder: String) throws -> [String: (base: Double?, quote: Double?)] {
    let text = try String(
      contentsOfFile: Paths.fixture("ShareDataTests", "vendors/daily_volumes.csv"), encoding: .utf8)
    var rows: [String: (Double?, Double?)] = [:]
    for line in text.split(separator: "\n").dropFirst() {
      let f = line.split(separator: ",", omittingEmptySubsequences: false)
      guard f[0] == folder else { continue }
      rows["\(f[1]),\(f[2])"] = (Double(String(f[3])), Double(String(f[4])))
    }
    return rows
  }

  private func close(_ a: Double?, _ b: Double?) -> Bool {
    guard let a, let b else { return a == nil && b == nil }
    return abs(a - b) <= 1e-9 * max(abs(a), abs(b))
  }

  private func compare(_ folder: String, quote: Bool) throws {
    let expected = try reference(folder)
    #expect(!expected.isEmpty)
    let read = daily(
      try Ingest.read(paths: [Self.folder(folder)], options: IngestOptions(unit: quote ? .quote : .base)))
    let wanted = expected.compactMapValues { quote ? $0.quote : $0.base }
    #expect(Set(read.keys) == Set(wanted.keys), "\(folder)")
    for (key, value) in wanted {
      #expect(close(read[key], value), "\(folder) \(key): \(read[key] ?? .nan) vs \(value)")
    }
  }

  @Test(arguments: ["kraken-ohlcvt", "kraken-trades", "cryptodatadownload", "coinmetrics", "coinmetrics-2019"])
  func perDayBaseVolumesMatchPandas(_ folder: String) throws {
    try compare(folder, quote: false)
  }

  @Test(arguments: ["kraken-trades", "cryptodatadownload", "coinmetrics", "coinmetrics-2019"])
  func perDayQuoteVolumesMatchPandas(_ folder: String) throws {
    try compare(folder, quote: true)
  }

  @Test func eachFileSaysItsMarketAndUnit() throws {
    var units: [String: String] = [:]
    for folder in ["kraken-ohlcvt", "kraken-trades", "cryptodatadownload", "coinmetrics"] {
      for source in try Ingest.read(paths: [Self.folder(folder)], options: IngestOptions()).sources {
        let name = String(source.name.split(separator: "/").suffix(2).joined(separator: "/"))
        units[name] = "\(source.market?.description ?? "-") in \(source.volumeUnit ?? "-")"
      }
    }
    #expect(units["Kraken_OHLCVT.zip/XBTEUR_60.csv"] == "kraken BTC/EUR spot in BTC")
    #expect(units["Kraken_OHLCVT.zip/XDGUSD_60.csv"] == "kraken DOGE/USD spot in DOGE")
    #expect(units["Kraken_Trading_History_Q1_2024/BCHEUR.csv"] == "kraken BCH/EUR spot in BCH")
    #expect(units["cryptodatadownload/Binance_BTCUSDT_d.csv"] == "binance BTC/USDT spot in BTC")
    #expect(units["cryptodatadownload/Gemini_ETHUSD_1h.csv"] == "gemini ETH/USD spot in ETH")
    #expect(units["coinmetrics/btc.csv"]?.hasSuffix(" in USD") == true)
  }
}
