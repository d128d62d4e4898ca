// `inspect` on a Tardis file that holds two symbols names both markets, in text and in JSON.

import Foundation
import TestSupport
import Testing

struct VendorInspectTests {
  @Test func inspectListsEveryMarketARowNames() throws {
    let file = Paths.fixture("ShareDataTests", "tardis/data/tardis/deribit_trades_2024-03-01_PERPETUALS.csv.gz")
    let run = try runSharelens(["inspect", file, "--format", "json"])
    #expect(run.status == 0, "\(run.stderr)")
    let markets = try #require(try jsonObject(run.stdout)["markets"] as? [[String: Any]])
    #expect(markets.map { $0["base"] as? String } == ["BTC", "ETH"])
    #expect(markets.allSatisfy { $0["exchange"] as? String == "deribit" && $0["quote"] as? String == "USD" })
    #expect(markets.allSatisfy { $0["instrument"] as? String == "perpetual inverse" })
    #expect(markets.map { $0["unit"] as? String } == ["BTC", "ETH"])
    let quote = try runSharelens(["inspect", file, "--format", "json", "--unit", "quote"])
    let quoteMarkets = try #require(try jsonObject(quote.stdout)["markets"] as? [[String: Any]])
    #expect(quoteMarkets.map { $0["unit"] as? String } == ["USD", "USD"])
    let text = try runSharelens(["inspect", file])
    #expect(text.stdout.contains("deribit ETH-PERPETUAL (deribit ETH/USD perpetual inverse)"), "\(text.stdout)")
  }
}
