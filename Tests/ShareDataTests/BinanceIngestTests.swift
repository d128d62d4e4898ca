// Binance public-data files (FORMATS.md): a generated data.binance.vision tree of zips
// (scripts/fixtures/binance_fixtures.py) read as a directory, per-day volumes compared with an
// independent pandas computation (scripts/fixtures/binance_reference.py → daily_volumes.csv);
// then the shapes, units and refusals one by one on small inline files.

import Foundation
import TestSupport
import Testing

@testable import ShareData

struct BinanceIngestTests {
  static let tree = Paths.fixture("ShareDataTests", "binance/data")

  /// (category, day) → volume, from the table (TestSupport's `dailyVolumes`).
  private func daily(_ result: IngestResult) -> [String: Double] { result.dailyVolumes }

  /// The pandas reference: (category, day) → (base, quote).
  private func reference() throws -> [String: (base: Double, quote: Double)] {
    let text = try String(contentsOfFile: Paths.fixture("ShareDataTests", "binance/daily_volumes.csv"), encoding: .utf8)
    var rows: [String: (Double, Double)] = [:]
    for line in text.split(separator: "\n").dropFirst() {
      let f = line.split(separator: ",", omittingEmptySubsequences: false)
      rows["\(f[0]),\(f[1])"] = (Double(String(f[2]))!, Double(String(f[3]))!)
    }
    return rows
  }

  private func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(abs(a), abs(b)) }

  @Test func aTreeOfZipsMatchesPandasPerDayInBaseAndQuoteUnits() throws {
    let expected = try reference()
    let base = daily(try Ingest.read(paths: [Self.tree], options: IngestOptions()))
    let quote = daily(try Ingest.read(paths: [Self.tree], options: IngestOptions(unit: .quote)))
    #expect(Set(base.keys) == Set(expected.keys))
    #expect(Set(quote.keys) == Set(expected.keys))
    for (key, value) in expected {
      #expect(close(base[key] ?? .nan, value.base), "\(key): base \(base[key] ?? .nan) vs \(value.base)")
      #expect(close(quote[key] ?? .nan, value.quote), "\(key): quote \(quote[key] ?? .nan) vs \(value.quote)")
    }
  }

  @Test func theSameFileNameInTwoFoldersIsTwoMarkets() throws {
    let result = try Ingest.read(paths: [Self.tree], options: IngestOptions())
    let names = result.sources.map(\.name).filter { $0.hasSuffix("/BTCUSDT-trades-2024-12-31.csv") }
    #expect(names.count == 2)
    #expect(result.table.categories.contains("BTCUSDT spot") && result.table.categories.contains("BTCUSDT UM"))
    // Sorted by path: futures/ before spot/, every run.
    #expect(result.sources.map(\.name) == result.sources.map(\.name).sorted())
  }

  @Test func aDirectoryReadsItsDataFilesInPathOrderAndSkipsTheRest() throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    try FileManager.default.createDirectory(atPath: dir.path + "/b/.hidden", withIntermediateDirectories: true)
    let trades = "1,93500.1,0.5,46750.05,1735603200123,True,True\n"
    _ = dir.file("b/ETHBTC-trades-2024-12-31.csv", trades)
    _ = dir.file("a-BTCUSDT-trades.csv", trades)
    _ = dir.file("b/README.txt", "notes, not data\n")
    _ = dir.file("b/ETHBTC-trades-2024-12-31.csv.CHECKSUM", "not read as input\n")
    _ = dir.file("b/.hidden/BNBUSDT-trades-2024-12-31.csv", trades)
    let result = try Ingest.read(paths: [dir.path + "/"], options: IngestOptions())
    #expect(
      result.sources.map(\.name) == [dir.path + "/a-BTCUSDT-trades.csv", dir.path + "/b/ETHBTC-trades-2024-12-31.csv"])
  }

  @Test func eachFileKindIsDetectedWithItsMarket() throws {
    let result = try Ingest.read(paths: [Self.tree], options: IngestOptions())
    let reasons = Dictionary(
      result.sources.map { ($0.name.split(separator: "/").last.map(String.init)!, "\($0.layoutReason)") },
      uniquingKeysWith: { a, _ in a })
    #expect(reasons["ETHUSD_PERP-1h-2021-01.csv"] == "detected: Binance klines (headerless)")
    #expect(reasons["BTCUSD_PERP-trades-2024-12-31.csv"] == "detected: Binance COIN-M trades (with a header)")
    #expect(reasons["ETHBTC-aggTrades-2024-12.csv"] == "detected: Binance spot aggTrades (headerless)")
    let cm = result.sources.first { $0.name.contains("BTCUSD_PERP") }!
    #expect(cm.market?.description == "binance BTC/USD perpetual inverse contract 100")
    #expect(cm.volumeUnit == "BTC")
  }

  private let spotMs = "1,93500.1,0.5,46750.05,1735603200123,True,True\n"
  private let spotMicro = "2,94000,0.25,23500,1735689600000000,False,True\n"

  @Test func millisecondsAndMicrosecondsMixInOneFile() throws {
    let result = try ingest(spotMs + spotMicro, name: "BTCUSDT-trades-2025-01.csv")
    #expect(result.table.times == [1_735_603_200, 1_735_689_600])
    #expect(result.table.volumes == [0.5, 0.25])
  }

  @Test func aLayoutThatNamesTheFilesOwnKeepsItBinance() throws {
    for layout in [Layout.trades, nil] {
      var options = IngestOptions()
      options.layout = layout
      let result = try ingest(spotMs + spotMicro, name: "BTCUSDT-trades-2025-01.csv", options: options)
      #expect(result.table.volumes == [0.5, 0.25], "\(String(describing: layout))")
      #expect("\(result.sources[0].layoutReason)" == "detected: Binance spot trades (headerless)")
    }
    // Another layout is read as named: the 7 columns are not the 3 of a trades dump.
    var options = IngestOptions()
    options.layout = .ohlcv
    #expect(throws: ShareError.self) { try ingest(spotMs, name: "BTCUSDT-trades-2025-01.csv", options: options) }
  }

  @Test func epochUnitsAreToldByMagnitude() {
    #expect(EpochTime.seconds("1735603200")! == (1_735_603_200, .seconds))
    #expect(EpochTime.seconds("1735603200999")! == (1_735_603_200, .milliseconds))
    #expect(EpochTime.seconds("1735603200999999")! == (1_735_603_200, .microseconds))
    #expect(EpochTime.seconds("1735603200999999999")! == (1_735_603_200, .nanoseconds))
    #expect(EpochTime.seconds("9999999999999999999") == nil)  // past Int64
    #expect(EpochTime.seconds("17356032.5") == nil)
  }

  @Test func headedFuturesFilesAndTheirFlagsAreRead() throws {
    let um = "id,price,qty,quote_qty,time,is_buyer_maker\n1,93500,0.002,187,1735603200000,true\n"
    let result = try ingest(um, name: "data/futures/um/daily/trades/BTCUSDT/BTCUSDT-trades-2024-12-31.csv")
    #expect(result.table.categories == ["BTCUSDT UM"])
    #expect(result.table.volumes == [0.002])
  }

  @Test func aHeaderlessFuturesFileWithoutItsFoldersUsesTheSymbolsQuote() throws {
    // USD-quoted contracts are COIN-M on Binance: 10 contracts of 100 USD at 50 000 = 0.02 BTC.
    let agg = "1,50000,10,1,1,1735603200000,true\n"
    let cm = try ingest(agg, name: "BTCUSD_PERP-aggTrades-2024-12-31.csv")
    #expect(cm.table.volumes == [0.02])
    let um = try ingest(agg, name: "BTCUSDT-aggTrades-2024-12-31.csv")
    #expect(um.table.volumes == [10])
  }

  @Test func anAmountWhoseUnitCannotBeKnownIsRefused() throws {
    // Klines of a USD pair with no folders: spot (base units) or COIN-M (contracts)?
    let kline = "1735603200000,1,1,1,1,500,1735606799999,5,10,2,2,0\n"
    #expect {
      try ingest(kline, name: "BTCUSD-1h-2024-12-31.csv")
    } throws: { "\($0)".contains("the unit of the amounts in BTCUSD is not known") }
    #expect(try ingest(kline, name: "data/spot/daily/klines/BTCUSD/1h/BTCUSD-1h-2024-12-31.csv").table.volumes == [500])
  }

  @Test func aBadRowNamesItsLineColumnAndTheShape() throws {
    #expect {
      try ingest(spotMs + "3,93500,0.5,46750,1735603200500,maybe,True\n", name: "BTCUSDT-trades-2024-12-31.csv")
    } throws: { error in
      let text = "\(error)"
      return text.contains("not a true/false flag: \"maybe\"") && text.contains(":2:6")
    }
    #expect {
      try ingest(spotMs + "3,93500,0.5,46750,1735603200500,True\n", name: "BTCUSDT-trades-2024-12-31.csv")
    } throws: { "\($0)".contains("7 fields, as in Binance spot trades") }
    // 10 contracts of 100 USD at a price of 1e-307: past the largest Double, an error, never ∞.
    #expect {
      try ingest("1,1e-307,10,1,1,1735603200000,true\n", name: "BTCUSD_PERP-aggTrades-2024-12-31.csv")
    } throws: { "\($0)".contains("volume is too large") }
  }
}
