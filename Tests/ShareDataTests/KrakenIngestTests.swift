// Kraken downloads (FORMATS.md): OHLCVT bars told by their seven-column headerless shape, and
// time-and-sales files named by pair. Small inline files pin the market, the refusals and the
// rules the per-day reference test (VendorReferenceTests) does not show on its own.

import Foundation
import TestSupport
import Testing

@testable import ShareData

struct KrakenIngestTests {
  let bars = "1704067200,38500.1,38600,38400,38550.5,1.25,17\n1704070800,38550.5,38700,38500,38690,0.75,9\n"

  @Test func anOHLCVTFileIsReadAsBarsOfItsPairInBaseUnits() throws {
    let result = try ingest(bars, name: "XBTEUR_60.csv")
    let source = try #require(result.sources.first)
    #expect("\(source.layoutReason)".contains("Kraken OHLCVT") && "\(source.layoutReason)".contains("60-minute"))
    #expect(source.market?.pair == "BTC/EUR" && source.volumeUnit == "BTC")
    #expect(result.table.categories == ["XBTEUR"])
    #expect(result.table.volumes == [1.25, 0.75])
    #expect(result.table.times == [1_704_067_200, 1_704_070_800])
    let doge = try ingest(bars, name: "XDGUSD_1440.csv").sources[0]
    #expect(doge.market?.pair == "DOGE/USD" && doge.barMinutes == 1440)
  }

  @Test func twoBarLengthsOfOnePairAreRefused() throws {
    #expect {
      try ingest([("Kraken_OHLCVT.zip/XBTEUR_60.csv", bars), ("Kraken_OHLCVT.zip/XBTEUR_1440.csv", bars)])
    } throws: { "\($0)".contains("Kraken_OHLCVT.zip/XBTEUR_60.csv and Kraken_OHLCVT.zip/XBTEUR_1440.csv are BTC/EUR") }
    // Bars that never meet in time still refuse.
    #expect {
      try ingest([("XBTEUR_60.csv", bars), ("XBTEUR_1440.csv", "1704153600,1,1,1,1,2,3\n")])
    } throws: { "\($0)".contains("XBTEUR_60.csv and XBTEUR_1440.csv are BTC/EUR bars of 60 and 1440 minutes") }
    // Two pairs at one length are two markets.
    #expect(try ingest([("XBTEUR_60.csv", bars), ("ETHEUR_60.csv", bars)]).table.categories.count == 2)
  }

  @Test func quoteUnitsAreRefusedForOHLCVT() throws {
    #expect {
      try ingest(bars, name: "XBTEUR_60.csv", options: IngestOptions(unit: .quote))
    } throws: { "\($0)".contains("hold the base volume only") }
  }

  @Test func aBadBarNamesItsLineAndColumn() throws {
    #expect {
      try ingest(bars + "1704074400,1,1,1,1,-2,3\n", name: "XBTEUR_60.csv")
    } throws: { error in "\(error)".contains("negative volume \"-2\"") && "\(error)".contains(":3:6") }
    #expect {
      try ingest(bars + "1704074400,1,1,1,1,2,3.5\n", name: "XBTEUR_60.csv")
    } throws: { error in "\(error)".contains("not a trade count: \"3.5\"") && "\(error)".contains(":3:7") }
    #expect {
      try ingest(bars + "1704074400,1,1,1,1,2\n", name: "XBTEUR_60.csv")
    } throws: { "\($0)".contains("7 fields, as in Kraken OHLCVT") }
  }

  @Test func timeAndSalesOfBCHEURIsBCHInBCH() throws {
    let text = "1711929600,260.5,0.5\n1711929600,260.5,0.5\n1711929700,261,1.25\n"
    let result = try ingest(text, name: "Kraken_Trading_History_Q2_2024/BCHEUR.csv")
    let source = try #require(result.sources.first)
    #expect(source.market?.description == "kraken BCH/EUR spot" && source.volumeUnit == "BCH")
    // Identical rows in one second are two trades: both counted.
    #expect(result.table.volumes == [2.25] && result.table.counts == [3])
    let quote = try ingest(text, name: "BCHEUR.csv", options: IngestOptions(unit: .quote))
    #expect(quote.table.volumes == [260.5 * 0.5 * 2 + 261 * 1.25])
  }

  @Test func quarterlyFoldersRepeatingANameAreTwoInputsOfOneMarket() throws {
    let q1 = "1711584000,220,1\n1711670400,221,2\n"
    let q2 = "1711929600,260,3\n"
    let result = try ingest([
      ("Kraken_Trading_History_Q1_2024/BCHEUR.csv", q1), ("Kraken_Trading_History_Q2_2024/BCHEUR.csv", q2),
    ])
    #expect(result.sources.count == 2)
    #expect(result.table.categories == ["BCHEUR"])
    #expect(result.table.volumes == [1, 2, 3])
  }

  @Test func theParallelReaderCountsIdenticalTradesToo() throws {
    // Big time-and-sales files go to the parallel block reader: it must count repeats as the serial one does.
    let folder = VendorReferenceTests.folder("kraken-trades")
    var serial = IngestOptions()
    serial.parallelThreshold = Int.max
    var parallel = IngestOptions()
    parallel.parallelThreshold = 0
    let a = try Ingest.read(paths: [folder], options: serial).table
    let b = try Ingest.read(paths: [folder], options: parallel).table
    #expect(a.volumes == b.volumes && a.counts == b.counts && a.times == b.times)
    let rows = try String(
      contentsOfFile: folder + "/Kraken_Trading_History_Q1_2024/BCHEUR.csv", encoding: .utf8
    ).split(separator: "\n")
    #expect(Set(rows).count < rows.count)  // the fixture holds identical rows
    #expect(b.counts.reduce(0, +) == Int64(rows.count) + 63 + 63)
  }
}
