// The parallel reader must give what the general scanner gives: the same cells (sums to 1e-12),
// the same rows and range, the same errors at the same lines, whatever the block size.

import Foundation
import ShareData
import TestSupport
import Testing

/// A trade log of `rows` rows over ~40 days with five venues in three currencies.
func tradeLog(rows: Int, seed: UInt64, header: Bool = true, lineEnd: String = "\n") -> String {
  var rng = SeededGenerator(seed: seed)
  let venues = [("bitstamp", "USD"), ("kraken", "EUR"), ("okcoin", "CNY"), ("huobi", "CNY"), ("gemini", "USD")]
  var lines: [String] = header ? ["timestamp,exchange,base,quote,price,amount"] : []
  for i in 0..<rows {
    let (venue, quote) = venues[Int.random(in: 0..<venues.count, using: &rng)]
    let t = 1_483_228_800 + i * 40 * 86_400 / rows
    let price = String(format: "%.2f", Double.random(in: 800...1200, using: &rng))
    let amount = String(format: "%.8f", Double.random(in: 0.0001...5, using: &rng))
    lines.append("\(t),\(venue),BTC,\(quote),\(price),\(amount)")
  }
  return lines.joined(separator: lineEnd) + lineEnd
}

func readBoth(_ path: String, _ options: IngestOptions = IngestOptions(group: "quote"), block: Int = 4096) throws -> (
  serial: IngestResult, parallel: IngestResult
) {
  var serial = options
  serial.parallelThreshold = Int.max
  var parallel = options
  parallel.parallelThreshold = 0
  parallel.blockSize = block
  parallel.workers = 2
  return (try Ingest.read(paths: [path], options: serial), try Ingest.read(paths: [path], options: parallel))
}

func expectSameTable(_ a: VolumeTable, _ b: VolumeTable) {
  #expect(a.categories == b.categories)
  #expect(a.times == b.times)
  #expect(a.codes == b.codes)
  #expect(a.counts == b.counts)
  for (x, y) in zip(a.volumes, b.volumes) { #expect(relativeDifference(x, y) <= 1e-12) }
}

@Suite struct ParallelIngestTests {
  @Test(arguments: [512, 4096, 1 << 20])
  func parallelEqualsSerialOnATradeLog(block: Int) throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let path = dir.file("log.csv", tradeLog(rows: 3000, seed: 11))
    for unit in [VolumeUnit.base, .quote] {
      for group: Grouping in ["quote", "exchange", "pair"] {
        let (s, p) = try readBoth(path, IngestOptions(group: group, unit: unit), block: block)
        expectSameTable(s.table, p.table)
        #expect(s.sources[0].rows == p.sources[0].rows)
        #expect(s.sources[0].firstTime == p.sources[0].firstTime && s.sources[0].lastTime == p.sources[0].lastTime)
        #expect(s.sources[0].valueSource == p.sources[0].valueSource)
      }
    }
  }

  /// The parser's category cache (by length and first and last byte) must never give one category
  /// another's code: look-alike names (same length and ends), UTF-8 names and more names than the
  /// cache has slots, read as the scanner reads them.
  @Test(arguments: [256, 1 << 20])
  func lookAlikeAndManyCategoriesKeepTheirOwnSums(block: Int) throws {
    var rng = SeededGenerator(seed: 9)
    let names = ["USD", "UAD", "UZD", "USDD", "ÜSD", "U€D"] + (0..<150).map { "x\($0)y" }
    var lines = ["timestamp,exchange,base,quote,price,amount"]
    for i in 0..<3000 {
      let name = names[i % 7 == 0 ? 6 + (i / 7) % 150 : Int.random(in: 0..<6, using: &rng)]
      lines.append("\(1_483_228_800 + i * 60),bitstamp,BTC,\(name),1000,\(Int.random(in: 1...9, using: &rng)).5")
    }
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let path = dir.file("log.csv", lines.joined(separator: "\n") + "\n")
    let (s, p) = try readBoth(path, IngestOptions(group: "quote"), block: block)
    #expect(s.table.categories.count == names.count)
    expectSameTable(s.table, p.table)
  }

  /// A log sorted by market and then by time (each market's trades run from the first day to the
  /// last, then the next market's start again) stays on the parallel path: trades are events
  /// summed per (day, category), so the blocks' order in time does not matter to the sums.
  @Test func aLogSortedByMarketThenTimeReadsAsTheScannerReadsIt() throws {
    let rows = tradeLog(rows: 2000, seed: 13, header: false).split(separator: "\n")
    let byMarket = rows.sorted { a, b in
      let (x, y) = (a.split(separator: ","), b.split(separator: ","))
      return (x[1], Int(x[0])!) < (y[1], Int(y[0])!)
    }
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let path = dir.file(
      "log.csv", "timestamp,exchange,base,quote,price,amount\n" + byMarket.joined(separator: "\n") + "\n")
    for block in [512, 1 << 20] {
      let (s, p) = try readBoth(path, IngestOptions(group: "exchange"), block: block)
      expectSameTable(s.table, p.table)
      #expect(s.sources[0].firstTime == p.sources[0].firstTime && s.sources[0].lastTime == p.sources[0].lastTime)
    }
  }

  /// Several reads at once, each from a thread of its own (as a server or a test runner does):
  /// every read finishes, with the serial result. The reader and the parsers run on threads of
  /// their own, so they cannot wait on each other for a place in a shared pool.
  @Test func concurrentReadsAllFinishWithTheSerialResult() throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let path = dir.file("log.csv", tradeLog(rows: 4000, seed: 21))
    var serial = IngestOptions(group: "quote")
    serial.parallelThreshold = Int.max
    let expected = try Ingest.read(paths: [path], options: serial).table
    var parallel = serial
    parallel.parallelThreshold = 0
    parallel.blockSize = 1024
    parallel.workers = 3
    let readers = 8
    let tables = ResultBox(count: readers)
    let finished = DispatchGroup()
    for i in 0..<readers {
      finished.enter()
      Thread { [parallel] in
        tables.set(i, Result { try Ingest.read(paths: [path], options: parallel).table })
        finished.leave()
      }.start()
    }
    try #require(finished.wait(timeout: .now() + 120) == .success, "concurrent parallel reads did not finish")
    for i in 0..<readers {
      // A reader that threw fails here with its error, not as a bare nil.
      let table = try #require(tables.get(i), "reader \(i) never finished").get()
      expectSameTable(expected, table)
    }
  }

  /// Inputs the differential fuzzer (Fuzz/FuzzParallel) found reading differently on the two
  /// paths, at block sizes that put a cut near each oddity.
  @Test(arguments: [64, 100, 4096])
  func whatTheFuzzerFoundReadsAsTheScannerReadsIt(block: Int) throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let lines = tradeLog(rows: 40, seed: 15).split(separator: "\n").map(String.init)
    var cases: [(String, String)] = []
    // A CR on its own inside a CRLF file ends a line for the scanner.
    var bareCR = lines
    bareCR[14] = String(bareCR[14].dropLast(4)) + "\r" + "bi," + bareCR[15]
    cases.append(("bare CR in a row", bareCR.joined(separator: "\r\n") + "\r\n"))
    // The same in the header line.
    var headerCR = lines
    headerCR[0] += "\rlyer,BTC"
    cases.append(("bare CR in the header", headerCR.joined(separator: "\r\n") + "\r\n"))
    // Seconds, then one millisecond time that starts a block, then seconds again: the first
    // clash is the millisecond line, whatever block it opens.
    for row in [5, 9, 20] {
      var mixed = lines
      mixed[row] = mixed[row].replacingOccurrences(of: "1483", with: "1483000", options: .anchored)
      cases.append(("milliseconds at line \(row + 1)", mixed.joined(separator: "\n") + "\n"))
    }
    // A header longer than a block.
    var longHeader = lines
    longHeader[0] = longHeader[0].replacingOccurrences(of: "base", with: "base" + String(repeating: "_", count: 150))
    cases.append(("a header longer than a block", longHeader.joined(separator: "\n") + "\n"))
    for (what, text) in cases {
      let path = dir.file("log.csv", text)
      var serial = IngestOptions(group: "quote")
      serial.parallelThreshold = Int.max
      var parallel = serial
      parallel.parallelThreshold = 0
      parallel.blockSize = block
      parallel.workers = 2
      let s = Result { try Ingest.read(paths: [path], options: serial) }
      let p = Result { try Ingest.read(paths: [path], options: parallel) }
      switch (s, p) {
      case (.success(let a), .success(let b)): expectSameTable(a.table, b.table)
      case (.failure(let a as ShareError), .failure(let b as ShareError)):
        #expect(
          a.kind == b.kind && a.location?.line == b.location?.line, "\(what): \(a.description) | \(b.description)")
      default: Issue.record("\(what): serial \(s), parallel \(p)")
      }
    }
  }

  @Test func bitcoinchartsDumpsGzipCRLFAndBOMAllMatch() throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let dump =
      tradeLog(rows: 2000, seed: 12, header: false).split(separator: "\n").map { line in
        let f = line.split(separator: ",")
        return "\(f[0]),\(f[4]),\(f[5])"
      }.joined(separator: "\n") + "\n"
    let plain = dir.file("bitstampUSD.csv", dump)
    let (s, p) = try readBoth(plain, IngestOptions(unit: .quote))
    expectSameTable(s.table, p.table)
    #expect(p.table.categories == ["bitstampUSD"])
    // The same dump gzipped, in two gzip members.
    let half = dump.count / 2
    let cut = dump.index(dump.startIndex, offsetBy: half)
    let newline = dump[cut...].firstIndex(of: "\n")!
    let first = dir.file("a.csv", String(dump[...newline]))
    let second = dir.file("b.csv", String(dump[dump.index(after: newline)...]))
    let gz = dir.path + "/bitstampUSD.csv.gz"
    let shell = Process()
    shell.executableURL = URL(fileURLWithPath: "/bin/sh")
    shell.arguments = ["-c", "gzip -c '\(first)' > '\(gz)' && gzip -c '\(second)' >> '\(gz)'"]
    try shell.run()
    shell.waitUntilExit()
    let (sg, pg) = try readBoth(gz, IngestOptions(unit: .quote))
    expectSameTable(s.table, sg.table)
    expectSameTable(s.table, pg.table)
    // CRLF and a byte order mark.
    let crlf = dir.file("crlf.csv", "\u{FEFF}" + tradeLog(rows: 500, seed: 13, lineEnd: "\r\n"))
    let (sc, pc) = try readBoth(crlf)
    expectSameTable(sc.table, pc.table)
  }

  @Test func errorsNameTheSameLineAsTheScanner() throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    var lines = tradeLog(rows: 2000, seed: 14).split(separator: "\n").map(String.init)
    for (row, bad) in [
      (1500, "1483228800,kraken,BTC,EUR,1000.00,abc"), (1700, "1483228800,kraken,BTC"),
      (1900, "2017-01-01,kraken,BTC,EUR,1,1"),
    ] {
      var broken = lines
      broken[row] = bad
      let path = dir.file("bad-\(row).csv", broken.joined(separator: "\n") + "\n")
      var serial = IngestOptions(group: "quote")
      serial.parallelThreshold = Int.max
      var parallel = IngestOptions(group: "quote")
      parallel.parallelThreshold = 0
      parallel.blockSize = 2048
      let e1 = #expect(throws: ShareError.self) { try Ingest.read(paths: [path], options: serial) }
      let e2 = #expect(throws: ShareError.self) { try Ingest.read(paths: [path], options: parallel) }
      #expect(e1?.location?.line == row + 1)
      #expect(e2?.location?.line == row + 1, "\(e2?.description ?? "")")
      #expect(e1?.kind == e2?.kind)
    }
    // Two bad lines in different blocks: the first one is reported.
    lines[300] = "1483228800,kraken,BTC,EUR,-1,1"
    lines[1800] = "1483228800,kraken,BTC,EUR,x,1"
    let path = dir.file("two.csv", lines.joined(separator: "\n") + "\n")
    var parallel = IngestOptions(group: "quote", unit: .quote)
    parallel.parallelThreshold = 0
    parallel.blockSize = 1024
    let error = #expect(throws: ShareError.self) { try Ingest.read(paths: [path], options: parallel) }
    #expect(error?.location?.line == 301)
    #expect(error?.message.contains("negative price") == true)
  }

  @Test func quotesAndCROnlyLineEndsGoBackToTheScanner() throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    var lines = tradeLog(rows: 1000, seed: 15).split(separator: "\n").map(String.init)
    lines[700] = "1483228800,\"kraken\",BTC,EUR,\"1,000.00\",1"
    let quoted = dir.file("quoted.csv", lines.joined(separator: "\n") + "\n")
    let (s, p) = try readBoth(quoted, IngestOptions(group: "exchange"))
    expectSameTable(s.table, p.table)
    let cr = dir.file("cr.csv", tradeLog(rows: 500, seed: 16, lineEnd: "\r"))
    let (sc, pc) = try readBoth(cr)
    expectSameTable(sc.table, pc.table)
  }
}

/// Results written by several threads.
final class ResultBox: @unchecked Sendable {
  private let lock = NSLock()
  private var tables: [Result<VolumeTable, any Error>?]
  init(count: Int) { tables = Array(repeating: nil, count: count) }
  func set(_ i: Int, _ table: Result<VolumeTable, any Error>) {
    lock.lock()
    tables[i] = table
    lock.unlock()
  }
  func get(_ i: Int) -> Result<VolumeTable, any Error>? {
    lock.lock()
    defer { lock.unlock() }
    return tables[i]
  }
}
