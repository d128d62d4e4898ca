// Coin Metrics community files (FORMATS.md): the asset from the file name, the spot volume in USD
// (stated as the unit, never passed off as base units), empty cells missing, the newest incomplete
// day, the 2018–19 layout, and a Coin Metrics file without its volume refused.

import Foundation
import TestSupport
import Testing

@testable import ShareData

struct CoinMetricsIngestTests {
  let text =
    "time,AdrActCnt,PriceUSD,volume_reported_spot_usd_1d\n2024-01-01,800000,42000.5,1.5e10\n"
    + "2024-01-02,810000,42100,\n2024-01-03,790000,,\n"

  @Test func theAssetIsTheCategoryAndTheUnitIsUSD() throws {
    let result = try ingest(text, name: "btc.csv")
    let source = try #require(result.sources.first)
    #expect("\(source.layoutReason)".contains("Coin Metrics"))
    #expect(result.table.categories == ["BTC"])
    #expect(source.volumeUnit == "USD" && source.market?.base == "BTC" && source.market?.quote == nil)
    // USD whatever unit is asked.
    #expect(try ingest(text, name: "btc.csv", options: .init(unit: .quote)).sources[0].volumeUnit == "USD")
    #expect(try ingest(text, name: "eth.csv", options: .init(group: .base)).table.categories == ["ETH"])
  }

  @Test func emptyCellsAreMissingAndTheNewestEmptyDayIsSaidSo() throws {
    let result = try ingest(text, name: "btc.csv")
    #expect(result.table.cellCount == 3)
    #expect(result.table.valid[0] && !result.table.valid[1] && !result.table.valid[2])
    #expect(result.table.volumes[0] == 1.5e10)
    #expect(result.sources[0].emptyCells == 2)
    let newest = result.warnings.first { $0.kind == .partialBucket }
    #expect(newest?.description.contains("btc.csv:4:4: the newest day (2024-01-03) has no") == true)
  }

  @Test func theOlderLayoutReadsExchangeVolumeNotTransfers() throws {
    let old =
      "date,txVolume(USD),txCount,marketcap(USD),price(USD),exchangeVolume(USD),generatedCoins,fees\n"
      + "2018-03-01,900000000,30000,9e9,160,400000000,14000,20\n"
    let result = try ingest(old, name: "ltc.csv")
    #expect(result.table.volumes == [400_000_000])
    #expect(result.table.categories == ["LTC"])
  }

  @Test func aCoinMetricsFileWithoutItsVolumeIsRefused() throws {
    #expect {
      try ingest("time,AdrActCnt,PriceUSD\n2024-01-01,800000,42000\n", name: "xtz.csv")
    } throws: { error in
      "\(error)".contains("this Coin Metrics file has no volume_reported_spot_usd_1d column")
        && "\(error)".contains("xtz.csv:1")
    }
    #expect {
      try ingest("date,txVolume(USD),txCount\n2018-03-01,9,3\n", name: "ltc.csv")
    } throws: { "\($0)".contains("txVolume(USD) is on-chain transfers") }
  }

  @Test func aBadVolumeNamesItsLineAndColumn() throws {
    #expect {
      try ingest(text + "2024-01-04,1,1,lots\n", name: "btc.csv")
    } throws: { error in "\(error)".contains("not a number: \"lots\"") && "\(error)".contains(":5:4") }
  }
}
