// Binance trades and aggTrades on the parallel block reader must read as the serial Binance reader
// does: the same cells (sums to 1e-12), rows, range, units and descriptions, zipped or not, at block
// sizes that cut lines everywhere; a bad line is reported in the serial reader's words.

import Foundation
import TestSupport
import Testing

@testable import ShareData

/// One Binance file of `rows` lines over two days, times switching from ms to µs at 2025-01-01
/// (as spot files did), in one of the shapes BinanceLayout knows.
private func binanceFile(_ shape: String, rows: Int, seed: UInt64) -> String {
  var rng = SeededGenerator(seed: seed)
  var lines: [String] = []
  switch shape {
  case "um-trades": lines.append("id,price,qty,quote_qty,time,is_buyer_maker")
  case "cm-trades": lines.append("id,price,qty,base_qty,time,is_buyer_maker")
  case "cm-agg": lines.append("agg_trade_id,price,quantity,first_trade_id,last_trade_id,transact_time,is_buyer_maker")
  default: break
  }
  for i in 0..<rows {
    let seconds = 1_735_603_200 + i * 2 * 86_400 / rows
    let time = seconds >= 1_735_689_600 ? "\(seconds)\(String(format: "%06d", i % 1_000_000))" : "\(seconds)\(i % 10)07"
    let price = String(format: "%.2f", Double.random(in: 90_000...95_000, using: &rng))
    let qty = String(format: "%.5f", Double.random(in: 0.00001...2, using: &rng))
    let quoteQty = String(format: "%.8f", Double(price)! * Double(qty)!)
    let flag = Bool.random(using: &rng)
    switch shape {
    case "spot-trades": lines.append("\(i),\(price),\(qty),\(quoteQty),\(time),\(flag ? "True" : "False"),True")
    case "spot-agg": lines.append("\(i),\(price),\(qty),\(i),\(i + 2),\(time),\(flag ? "True" : "False"),True")
    case "um-trades": lines.append("\(i),\(price),\(qty),\(quoteQty),\(time),\(flag)")
    case "cm-trades": lines.append("\(i),\(price),\(i % 50 + 1),\(qty),\(time),\(flag)")
    default: lines.append("\(i),\(price),\(i % 50 + 1),\(i),\(i + 1),\(time),\(flag)")
    }
  }
  return lines.joined(separator: "\n") + "\n"
}

/// Where each shape lives in data.binance.vision's tree (its folders say spot, UM or CM).
private let binancePaths = [
  "spot-trades": "spot/daily/trades/BTCUSDT/BTCUSDT-trades-2025-01-01.csv",
  "spot-agg": "spot/daily/aggTrades/ETHBTC/ETHBTC-aggTrades-2025-01-01.csv",
  "um-trades": "futures/um/daily/trades/BTCUSDT/BTCUSDT-trades-2025-01-01.csv",
  "cm-trades": "futures/cm/daily/trades/BTCUSD_PERP/BTCUSD_PERP-trades-2025-01-01.csv",
  "cm-agg": "futures/cm/daily/aggTrades/ETHUSD_PERP/ETHUSD_PERP-aggTrades-2025-01-01.csv",
]

private func expectSameSources(_ s: IngestResult, _ p: IngestResult) {
  #expect(s.sources.count == p.sources.count)
  for (a, b) in zip(s.sources, p.sources) {
    #expect(a.rows == b.rows, "\(a.name)")
    #expect(a.firstTime == b.firstTime && a.lastTime == b.lastTime, "\(a.name)")
    #expect(a.valueSource == b.valueSource && a.categorySource == b.categorySource, "\(a.name)")
    #expect(a.volumeUnit == b.volumeUnit && a.market == b.market && a.timeColumn == b.timeColumn, "\(a.name)")
  }
}

@Suite struct ParallelBinanceTests {
  @Test(arguments: [256, 4096, 1 << 20])
  func theFixtureTreeOfZipsReadsTheSameOnBothPaths(block: Int) throws {
    let tree = Paths.fixture("ShareDataTests", "binance/data")
    for unit in [VolumeUnit.base, .quote] {
      let (s, p) = try readBoth(tree, IngestOptions(unit: unit), block: block)
      expectSameTable(s.table, p.table)
      expectSameSources(s, p)
    }
  }

  @Test(arguments: [100, 1000, 65_536])
  func everyTradeShapeReadsTheSameOnBothPaths(block: Int) throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    for (seed, (shape, path)) in binancePaths.sorted(by: { $0.key < $1.key }).enumerated() {
      try FileManager.default.createDirectory(
        atPath: dir.path + "/" + (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      let file = dir.file(path, binanceFile(shape, rows: 1500, seed: UInt64(seed)))
      for unit in [VolumeUnit.base, .quote] {
        let (s, p) = try readBoth(file, IngestOptions(unit: unit), block: block)
        expectSameTable(s.table, p.table)
        expectSameSources(s, p)
        #expect(s.table.times.count == 2, "\(shape): two days")
      }
    }
  }

  /// The block parser itself (the dispatch is not visible from outside): the serial reader's day
  /// sums from the plan readBinance's columns make, for every shape, unit and amount kind.
  @Test func theBlockParserSumsEachShapeAsTheSerialReader() throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    for (seed, (shape, path)) in binancePaths.sorted(by: { $0.key < $1.key }).enumerated() {
      try FileManager.default.createDirectory(
        atPath: dir.path + "/" + (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      let text = binanceFile(shape, rows: 400, seed: UInt64(seed) + 7)
      let file = dir.file(path, text)
      let first = text.prefix { $0 != "\n" }.split(separator: ",").map(String.init)
      let layout = try #require(BinanceLayout.detect(first))
      let (_, amount) = try layout.market(MarketName(fileName: file, table: nil), source: file)
      for unit in [VolumeUnit.base, .quote] {
        var serial = IngestOptions(unit: unit)
        serial.parallelThreshold = Int.max
        let expected = try Ingest.read(paths: [file], options: serial).table
        let columns = try #require(layout.tradeColumns(amount, quote: unit == .quote))
        let plan = FastPlan(
          source: file, header: layout.columns, fieldCount: layout.fieldCount, columns: columns, categoryIndices: [],
          constantCategory: "x", handsBackErrors: true)
        let body = layout.hasHeader ? String(text.drop { $0 != "\n" }.dropFirst()) : text
        let partial = Array(body.utf8).withUnsafeBytes { BlockParser.parse($0, plan: plan) }
        #expect(partial.failure == nil && !partial.needsScanner)
        #expect(partial.days.map { $0 * 86_400 } == expected.times, "\(shape) \(unit)")
        #expect(partial.rows == 400)
        for (x, y) in zip(partial.sums, expected.volumes) { #expect(relativeDifference(x, y) <= 1e-12, "\(shape)") }
      }
    }
  }

  @Test func aBadLineIsReportedInTheSerialReadersWords() throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    var lines = binanceFile("spot-trades", rows: 600, seed: 3).split(separator: "\n").map(String.init)
    let good = lines
    for (line, bad) in [
      (450, "3,93500,0.5,46750,1735603200500,maybe,True"), (2, "3,93500,0.5"), (599, "x,1,-2,1,1,1,1"),
    ] {
      lines = good
      lines[line - 1] = bad
      let path = dir.file("BTCUSDT-trades-2024-12-31.csv", lines.joined(separator: "\n") + "\n")
      var serial = IngestOptions()
      serial.parallelThreshold = Int.max
      var parallel = IngestOptions()
      parallel.parallelThreshold = 0
      parallel.blockSize = 512
      let expected = #expect(throws: ShareError.self) { try Ingest.read(paths: [path], options: serial) }
      let found = #expect(throws: ShareError.self) { try Ingest.read(paths: [path], options: parallel) }
      #expect(found?.description == expected?.description)
      #expect(found?.location?.line == line)
    }
  }

  /// A member whose CRC-32 does not match fails at its end, after the parallel reader has parsed it.
  @Test func aDamagedZipIsTheSameErrorOnBothPaths() throws {
    let damaged = Paths.fixture("ShareDataTests", "binance/bad/crc.zip")
    var serial = IngestOptions()
    serial.verifyChecksums = false
    serial.parallelThreshold = Int.max
    var parallel = serial
    parallel.parallelThreshold = 0
    parallel.blockSize = 256
    let expected = #expect(throws: ShareError.self) { try Ingest.read(paths: [damaged], options: serial) }
    let found = #expect(throws: ShareError.self) { try Ingest.read(paths: [damaged], options: parallel) }
    #expect(found?.description == expected?.description)
  }

  /// The parser's inline epoch reading gives EpochTime's seconds for every digit count, and a fixed
  /// unit (Tardis' µs) divides by that unit, and refuses a value of another magnitude.
  @Test func inlineEpochTimesAgreeWithEpochTime() {
    var rng = SeededGenerator(seed: 5)
    func seconds(_ text: String, _ unit: TradeTimeUnit) -> Int64? {
      Array(text.utf8).withUnsafeBufferPointer { unit.seconds($0.baseAddress!, $0.count) }
    }
    for digits in 1...19 {
      for _ in 0..<50 {
        let text = String((0..<digits).map { _ in Character(String(Int.random(in: 0...9, using: &rng))) })
        #expect(seconds(text, .epochByMagnitude) == EpochTime.seconds(text)?.seconds, "\(text)")
      }
    }
    #expect(seconds("99999999999", .epochByMagnitude) == 99_999_999_999)  // below 10^11: seconds
    #expect(seconds("100000000000", .epochByMagnitude) == 100_000_000)  // from 10^11: milliseconds
    #expect(seconds("1582329602111000", .epoch(.microseconds)) == 1_582_329_602)
    #expect(seconds("1582329602", .epoch(.microseconds)) == nil)  // seconds where µs are stated: refused
    #expect(seconds("1582329602111000999", .epoch(.nanoseconds)) == 1_582_329_602)
    #expect(seconds("1582329602111000999", .epoch(.microseconds)) == nil)
    #expect(seconds("15823296021110009999", .epochByMagnitude) == nil)
    #expect(seconds("1582329602.5", .epochByMagnitude) == nil)
    #expect(seconds("-1", .epoch(.seconds)) == nil)
  }
}
