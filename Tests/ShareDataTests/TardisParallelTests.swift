// Tardis and Kaiko trade logs on the parallel block reader (TardisParallel): a single-market file
// gives the serial reader's day sums and summary at every block size, in base and quote units; a
// file of two markets, or a line the parser doubts, is handed back and read serially.

import Foundation
import TestSupport
import Testing

@testable import ShareData

@Suite struct TardisParallelTests {
  private static let folder = Paths.fixture("ShareDataTests", "tardis/data")
  private static let singleMarket = [
    "tardis/bitmex_trades_2024-03-01_XBTUSD.csv.gz", "tardis/okex-swap_trades_2024-03-01_BTC-USD-SWAP.csv.gz",
    "tardis/huobi-dm-swap_trades_2024-03-01_ETH-USD.csv.gz", "tardis/binance-futures_trades_2024-03-01_BTCUSDT.csv.gz",
    "tardis/coinbase_trades_2024-03-01_BTC-USD.csv", "kaiko/Coinbase_btc_usd_trades_2024_03_01.csv",
    "kaiko/Kraken_eth_eur_trades_2024_03_01.csv.gz",
  ]

  @Test(arguments: [128, 1000, 1 << 20])
  func theFixturesReadTheSameOnBothPaths(block: Int) throws {
    for unit in [VolumeUnit.base, .quote] {
      let (serial, parallel) = try readBoth(Self.folder, IngestOptions(unit: unit), block: block)
      expectSameTable(serial.table, parallel.table)
      #expect(serial.sources.count == parallel.sources.count)
      for (a, b) in zip(serial.sources, parallel.sources) {
        #expect(a.rows == b.rows && a.firstTime == b.firstTime && a.lastTime == b.lastTime, "\(a.name)")
        #expect(a.valueSource == b.valueSource && a.categorySource == b.categorySource, "\(a.name)")
        #expect(a.volumeUnit == b.volumeUnit && a.market == b.market, "\(a.name)")
      }
    }
  }

  /// The plan and the block parser themselves (the dispatch is not visible from outside): each
  /// single-market file's day sums equal the serial reader's, and deribit's file of two markets
  /// fails the fixed-bytes check rather than being summed as one.
  @Test func theBlockParserSumsEachFileAsTheSerialReader() throws {
    for relative in Self.singleMarket + ["tardis/deribit_trades_2024-03-01_PERPETUALS.csv.gz"] {
      let path = Self.folder + "/" + relative
      for unit in [VolumeUnit.base, .quote] {
        var serial = IngestOptions(unit: unit)
        serial.parallelThreshold = Int.max
        let expected = try Ingest.read(paths: [path], options: serial).table
        let stream = try openInput(path)
        let scanner = CSVScanner(stream: stream)
        var reader = SourceReader(scanner: scanner, source: 0, options: IngestOptions(unit: unit))
        let header = try #require(try Sample.read(from: scanner).header)
        let layout = try #require(VendorTradeColumns.detect(header))
        var summary = SourceSummary(
          name: path, layout: .trades, layoutReason: "", timeColumn: nil, categorySource: "", valueSource: "")
        let plan = try #require(try reader.vendorParallelPlan(layout, &summary))
        let text = String(decoding: try CSVScanner(stream: try openInput(path)).remainingBytes(), as: UTF8.self)
        let body = String(text.drop { $0 != "\n" }.dropFirst())
        let partial = Array(body.utf8).withUnsafeBytes { BlockParser.parse($0, plan: plan) }
        if relative.contains("deribit") {
          #expect(partial.failure != nil, "two markets must not be summed as one")
          continue
        }
        #expect(partial.failure == nil && !partial.needsScanner, "\(relative)")
        #expect(partial.days.map { $0 * 86_400 } == expected.times, "\(relative) \(unit)")
        for (x, y) in zip(partial.sums, expected.volumes) { #expect(relativeDifference(x, y) <= 1e-12, "\(relative)") }
      }
    }
  }

  @Test func aTimeInAnotherUnitOrAnotherMarketHandsTheFileBack() throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let header = "exchange,symbol,timestamp,local_timestamp,id,side,price,amount\n"
    var rows = (0..<200).map {
      "bitmex,XBTUSD,\(1_709_251_200_000_000 + $0 * 1_000_000),1709251200000100,,buy,50000,1000\n"
    }
    let good = dir.file("bitmex_trades_2024-03-01_XBTUSD.csv", header + rows.joined())
    rows[150] = "bitmex,XBTUSD,1709251350000,1709251200000100,,buy,50000,1000\n"  // milliseconds
    let badTime = dir.file("bitmex_trades_2024-03-02_XBTUSD.csv", header + rows.joined())
    let (serial, parallel) = try readBoth(good, IngestOptions(), block: 512)
    expectSameTable(serial.table, parallel.table)
    // The serial reader's own error, line and column, on both paths.
    for threshold in [0, Int.max] {
      var options = IngestOptions()
      options.parallelThreshold = threshold
      options.blockSize = 512
      #expect(throws: ShareError.self) { try Ingest.read(paths: [badTime], options: options) }
    }
  }
}
