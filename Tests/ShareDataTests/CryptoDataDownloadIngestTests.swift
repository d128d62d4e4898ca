// CryptoDataDownload files (FORMATS.md): the banner line, rows newest first, `unix` mixing
// milliseconds and float seconds, a repeated day reported with the first row kept, the partial
// newest bar warned about, the 2019 layout, and the quote unit from the file's own column.

import Foundation
import TestSupport
import Testing

@testable import ShareData

struct CryptoDataDownloadIngestTests {
  static let banner = "https://www.CryptoDataDownload.com\n"
  static let header = "unix,date,symbol,open,high,low,close,Volume BTC,Volume USDT,tradecount\n"
  let rows =
    "1584662400000,2020-03-20 00:00:00,BTC/USDT,7443,7761,7294,7609,5.5,41000,569\n"
    + "1584576000000,2020-03-19 00:00:00,BTC/USDT,7391,7591,7243,7443,43,321000,332\n"
    + "1584489600.0,2020-03-18 00:00:00,BTC/USDT,7667,7821,7243,7391,56,428000,543\n"

  @Test func theBannerMixedUnixAndNewestFirstRowsRead() throws {
    let result = try ingest(Self.banner + Self.header + rows, name: "Binance_BTCUSDT_d.csv")
    let source = try #require(result.sources.first)
    #expect("\(source.layoutReason)".contains("CryptoDataDownload"))
    #expect(source.market?.description == "binance BTC/USDT spot" && source.volumeUnit == "BTC")
    #expect(result.table.times == [1_584_489_600, 1_584_576_000, 1_584_662_400])
    #expect(result.table.volumes == [56, 43, 5.5])
    let quote = try ingest(
      Self.banner + Self.header + rows, name: "Binance_BTCUSDT_d.csv", options: .init(unit: .quote))
    #expect(quote.table.volumes == [428_000, 321_000, 41_000])
    #expect(quote.sources[0].volumeUnit == "USDT (quote)")
  }

  @Test func theNewestBarIsWarnedAsPartial() throws {
    let result = try ingest(Self.banner + Self.header + rows, name: "Binance_BTCUSDT_d.csv")
    let partial = result.warnings.filter { $0.kind == .partialBucket }
    #expect(partial.count == 1)
    #expect(partial.first?.description.contains("Binance_BTCUSDT_d.csv:3: the newest bar (2020-03-20)") == true)
  }

  @Test func aRepeatedDayIsReportedAndItsFirstRowKept() throws {
    let seam = rows + "1584489600.0,2020-03-18 00:00:00,BTC/USDT,7667,7821,7243,7391,60,400000,540\n"
    let result = try ingest(Self.banner + Self.header + seam, name: "Binance_BTCUSDT_d.csv")
    #expect(result.table.volumes == [56, 43, 5.5])
    let repeated = result.warnings.first { $0.message.contains("repeated") }
    #expect(repeated?.message.contains("2020-03-18 at lines 5 and 6, volumes 56 and 60") == true)
    // Never summed, never an error, whatever the duplicate policy.
    #expect(try ingest(Self.banner + Self.header + seam, name: "x.csv").table.volumes.reduce(0, +) == 104.5)
  }

  @Test func aRepeatAFewRowsFromItsFirstIsFoundAndOneFarBackIsAnError() throws {
    let near =
      rows + "1584403200.0,2020-03-17,BTC/USDT,1,1,1,1,7,70,1\n1584576000.0,2020-03-19,BTC/USDT,1,1,1,1,9,90,1\n"
    let result = try ingest(Self.banner + Self.header + near, name: "Binance_BTCUSDT_d.csv")
    #expect(result.table.volumes == [7, 56, 43, 5.5])
    #expect(result.warnings.contains { $0.message.contains("2020-03-19 at lines 4 and 7, volumes 43 and 9") })
    // Beyond the 64 bars looked back at, a repeat is still never summed: the table refuses it.
    let days = (0..<70).map { "\(1_584_662_400 - $0 * 86_400).0,d,BTC/USDT,1,1,1,1,1,1,1\n" }.joined()
    #expect {
      try ingest(Self.banner + Self.header + days + "1584662400.0,d,BTC/USDT,1,1,1,1,2,2,1\n", name: "B_BTCUSDT_d.csv")
    } throws: { "\($0)".contains("appears twice") }
  }

  @Test func withoutItsBannerTheHeaderAloneTellsIt() throws {
    let result = try ingest(Self.header + rows, name: "Binance_BTCUSDT_d.csv")
    #expect("\(result.sources[0].layoutReason)".contains("CryptoDataDownload OHLCV"))
    #expect(result.table.volumes == [56, 43, 5.5])
  }

  @Test func the2019LayoutWithItsTwelveHourClockReads() throws {
    let text =
      "Created on 2019-11-13 12:04:41 UTC\nDate,Symbol,Open,High,Low,Close,Volume ETH,Volume USD\n"
      + "2019-11-13 12-PM,ETHUSD,1,1,1,1,3,300\n2019-11-13 11-AM,ETHUSD,1,1,1,1,2,200\n"
      + "2019-11-13 12-AM,ETHUSD,1,1,1,1,1,100\n"
    let result = try ingest(text, name: "Gemini_ETHUSD_1h.csv")
    #expect(result.table.times == [1_573_603_200, 1_573_642_800, 1_573_646_400])
    #expect(result.table.volumes == [1, 2, 3])
    #expect(result.sources[0].market?.pair == "ETH/USD")
  }

  @Test func volumeColumnsAreTakenByTheirNamesNotOnlyTheirPlaces() throws {
    let swapped = "unix,date,symbol,open,high,low,close,Volume USDT,Volume BTC,tradecount\n"
    let result = try ingest(Self.banner + swapped + rows, name: "Binance_BTCUSDT_d.csv")
    #expect(result.table.volumes == [428_000, 321_000, 41_000])
  }

  @Test func aBadUnixTimeNamesItsLineAndColumn() throws {
    #expect {
      try ingest(Self.banner + Self.header + rows + "soon,2020-03-17,BTC/USDT,1,1,1,1,1,1,1\n", name: "B_BTCUSDT_d.csv")
    } throws: { error in "\(error)".contains("not a unix time: \"soon\"") && "\(error)".contains(":6:1") }
    #expect {
      try ingest(Self.banner + Self.header + "1584489600.0,2020-03-18,BTC/USDT,1,1,1,1,1\n", name: "B_BTCUSDT_d.csv")
    } throws: { "\($0)".contains("this row has 8 fields, the header has 10") }
  }
}
