// A grouping that would add different units into one category is refused (UnitMixing): bases in
// base units, quote currencies in quote units. Groupings that keep each asset its own category
// (market, pair, base in base units) and inputs whose asset is unknown (a long table) are read.

import Foundation
import TestSupport
import Testing

@testable import ShareData

struct UnitMixingTests {
  static let data = Paths.fixture("ShareDataTests", "units/data")

  private func message(_ group: Grouping?, _ unit: VolumeUnit = .base, paths: [String] = [data]) -> String {
    do {
      _ = try Ingest.read(paths: paths, options: IngestOptions(group: group, unit: unit))
      return "read"
    } catch {
      return "\(error)"
    }
  }

  @Test func addingDifferentBasesIntoOneCategoryIsRefusedInBaseUnits() {
    let byExchange = message("exchange")
    #expect(
      byExchange.contains("grouping exchange adds volumes of different base assets into \"kraken\""), "\(byExchange)")
    #expect(byExchange.contains("BCH (") && byExchange.contains("ETH (") && byExchange.contains("BTC ("))
    #expect(byExchange.contains("unit quote"), "\(byExchange)")
    let byQuote = message("quote")
    #expect(byQuote.contains("adds volumes of different base assets into \"EUR\""), "\(byQuote)")
  }

  @Test func groupingsThatKeepOneAssetPerCategoryAreRead() {
    #expect(message(nil) == "read")
    #expect(message("market") == "read")
    #expect(message("pair") == "read")
    #expect(message("base") == "read")
  }

  @Test func addingDifferentQuoteCurrenciesIsRefusedInQuoteUnits() {
    let byBase = message("base", .quote)
    #expect(byBase.contains("adds quote volumes in different currencies into \"BTC\": USD ("), "\(byBase)")
    #expect(byBase.contains("unit USD"), "\(byBase)")
    #expect(message("pair", .quote) == "read")
  }

  @Test func aLongTableWhoseBasesAreUnknownIsNotRefused() throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let long = dir.file("long.csv", "date,exchange,volume\n2024-01-20,kraken,1\n2024-01-20,bitstamp,2\n")
    #expect(message("exchange", paths: [long, Self.data + "/bitstampUSD.csv"]) == "read")
  }
}

struct ContractVolumeTests {
  @Test func anInverseContractIsCoinsInBaseUnitsAndItsNotionalInQuoteUnits() throws {
    // 3 BTCUSD_PERP contracts of 100 USD at 40 000 USD: 300 USD, 0.0075 BTC.
    #expect(ContractVolume.inverse(contracts: 3, size: 100, unit: .quote, price: 40_000) == 300)
    #expect(ContractVolume.inverse(contracts: 3, size: 100, unit: .base, price: 40_000) == 0.0075)
    // The price is not read for the notional (a file's bad price cannot stop a quote-unit read).
    let notional = try ContractVolume.inverse(contracts: 3, size: 100, unit: .quote, price: try fail())
    #expect(notional == 300)
  }

  @Test func aLinearContractIsCoinsInBaseUnitsAndTimesPriceInQuoteUnits() {
    #expect(ContractVolume.linear(contracts: 4, size: 0.001, unit: .base, price: 40_000) == 0.004)
    #expect(ContractVolume.linear(contracts: 4, size: 0.001, unit: .quote, price: 40_000) == 160)
  }

  private struct Unread: Error {}
  private func fail() throws -> Double { throw Unread() }
}
