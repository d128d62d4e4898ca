// The parallel reader maps a plain file a block at a time (MappedFile.swift) instead of copying it
// with read(2). Both must cut the same blocks, so the tables are equal to the last bit, not only
// to a tolerance: trade logs, long tables and wide exports, at block sizes that put a cut at every
// kind of place (a header longer than a block, a line longer than a block, a file that ends
// exactly at a block's end or without a line end, CRLF and a byte order mark).

import Foundation
import TestSupport
import Testing

@testable import ShareData

private func readMappedAndCopied(_ path: String, _ options: IngestOptions, block: Int) throws -> (
  mapped: IngestResult, copied: IngestResult
) {
  var mapped = options
  mapped.parallelThreshold = 0
  mapped.blockSize = block
  mapped.workers = 2
  var copied = mapped
  copied.mapsFiles = false
  return (try Ingest.read(paths: [path], options: mapped), try Ingest.read(paths: [path], options: copied))
}

private func expectIdentical(_ a: IngestResult, _ b: IngestResult) {
  #expect(a.table.categories == b.table.categories)
  #expect(a.table.times == b.table.times)
  #expect(a.table.codes == b.table.codes)
  #expect(a.table.counts == b.table.counts)
  #expect(a.table.volumes.map(\.bitPattern) == b.table.volumes.map(\.bitPattern))
  #expect(a.sources[0].rows == b.sources[0].rows)
  #expect(a.sources[0].firstTime == b.sources[0].firstTime && a.sources[0].lastTime == b.sources[0].lastTime)
}

@Suite struct MappedReaderTests {
  @Test(arguments: [64, 97, 512, 4096, 1 << 20])
  func aMappedTradeLogCutsTheBlocksReadCuts(block: Int) throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let log = tradeLog(rows: 1500, seed: 31)
    var files = [
      dir.file("log.csv", log),
      dir.file("crlf.csv", "\u{FEFF}" + tradeLog(rows: 400, seed: 32, lineEnd: "\r\n")),
      // No line end after the last row.
      dir.file("open.csv", String(log.dropLast())),
      // A header longer than a small block, and a row longer than one.
      dir.file(
        "long.csv",
        "timestamp,exchange,base,quote,price,amount" + String(repeating: " ", count: 300) + "\n"
          + log.split(separator: "\n").dropFirst().prefix(50).joined(separator: "\n") + "\n"
          + "1483315200,\(String(repeating: "x", count: 400)),BTC,USD,1000.5,2.5\n"
          + log.split(separator: "\n").dropFirst(50).joined(separator: "\n") + "\n"),
    ]
    // A file that ends exactly where the third block's bytes end: the last amount is padded
    // with zeros to fill it.
    let lines = log.split(separator: "\n").map(String.init)
    var exact = ""
    var next = 0
    while next + 1 < lines.count && exact.utf8.count + lines[next].utf8.count + 1 <= 3 * block - 60 {
      exact += lines[next] + "\n"
      next += 1
    }
    let gap = 3 * block - exact.utf8.count - lines[next].utf8.count - 1
    exact += lines[next] + String(repeating: "0", count: max(0, gap)) + "\n"
    if gap >= 0 {
      #expect(exact.utf8.count == 3 * block)
      files.append(dir.file("exact.csv", exact))
    }
    for path in files {
      for group: Grouping in ["quote", "exchange"] {
        let (mapped, copied) = try readMappedAndCopied(path, IngestOptions(group: group), block: block)
        expectIdentical(mapped, copied)
      }
    }
  }

  @Test(arguments: [64, 300, 4096])
  func mappedLongTablesAndWideExportsCutTheBlocksReadCuts(block: Int) throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let long = dir.file("long.csv", longTable(days: 30, markets: 5, perDay: 6, seed: 33, emptyEvery: 17, time: iso))
    let wide = dir.file(
      "wide.csv", wideTable(days: 30, columns: 6, perDay: 4, seed: 34, emptyEvery: 13, total: true, time: iso))
    var options = IngestOptions()
    options.seriesBucket = .day
    for path in [long, wide] {
      let (mapped, copied) = try readMappedAndCopied(path, options, block: block)
      expectIdentical(mapped, copied)
      #expect(mapped.warnings == copied.warnings)
    }
  }

  /// What goes back to the scanner, and the errors, are the same whichever way the bytes come.
  @Test func handOversAndErrorsAreTheSameMapped() throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let log = tradeLog(rows: 300, seed: 35)
    let quoted = dir.file("quoted.csv", log.replacingOccurrences(of: ",kraken,", with: ",\"kraken\","))
    let (mapped, copied) = try readMappedAndCopied(quoted, IngestOptions(group: "exchange"), block: 256)
    expectIdentical(mapped, copied)
    var rows = log.split(separator: "\n").map(String.init)
    rows[200] = rows[200].replacingOccurrences(of: ",BTC,", with: ",BTC,,")
    let bad = dir.file("bad.csv", rows.joined(separator: "\n") + "\n")
    func message(_ mapsFiles: Bool) -> String {
      var options = IngestOptions(group: "quote")
      (options.parallelThreshold, options.blockSize, options.mapsFiles) = (0, 256, mapsFiles)
      do {
        _ = try Ingest.read(paths: [bad], options: options)
        return "read"
      } catch { return "\(error)" }
    }
    #expect(message(true) == message(false))
    #expect(message(true).contains(":201"))
  }
}

extension MappedReaderTests {
  /// I06: a file cut shorter after it was opened (rewritten in place) stops the mapped reader with
  /// an I/O error before it maps a block past the new end: a mapped byte past a file's end would be
  /// a SIGBUS, not a short read.
  @Test func aFileCutShortWhileItIsReadIsAnIOError() throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let path = dir.file("log.csv", tradeLog(rows: 2000, seed: 36))
    let stream = try FileStream(path: path).reopened()
    let file = try #require(stream.mapped())
    #expect(truncate(path, 4096) == 0)
    let queue = BlockQueue(capacity: 4)
    let reader = ParallelIngest.Reader(stream: stream, queue: queue, blockSize: 1024, hasHeader: true)
    let drain = Thread {
      while let block = queue.pop() { queue.done(with: block) }
    }
    drain.start()
    #expect(reader.runMapped(file))
    queue.close()
    let error = try #require(reader.error)
    #expect(error.kind == .ioFailed)
    #expect("\(error)".contains("cut short while it was read"))
    #expect(reader.blocksRead > 0 && reader.blocksRead < 8)
  }
}
