// `inspect --format json` lists the single-market files' markets, unknown fields as null.

import Foundation
import TestSupport
import Testing

struct MarketInspectTests {
  @Test func inspectListsEachMarketOnceWithUnknownFieldsNull() throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let trades = "1451606400,430.5,0.5\n1451606500,431,1.5\n1451692800,432,2\n"
    let kraken = dir.file("BCHEUR.csv", trades)
    let bitstamp = dir.file("bitstampUSD.csv", trades)
    let table = dir.file("markets.csv", "symbol,instrument\nbitstampUSD,spot\n")
    let run = try runSharelens(["inspect", kraken, bitstamp, "--format", "json", "--markets", table])
    #expect(run.status == 0, "\(run.stderr)")
    let json = try jsonObject(run.stdout)
    let markets = try #require(json["markets"] as? [[String: Any]])
    #expect(markets.count == 2)
    #expect(markets[0]["exchange"] is NSNull)
    #expect(markets[0]["base"] as? String == "BCH" && markets[0]["quote"] as? String == "EUR")
    #expect(markets[0]["instrument"] as? String == "spot" && markets[0]["unit"] as? String == "BCH")
    #expect(markets[1]["exchange"] as? String == "bitstamp" && markets[1]["unit"] as? String == "BTC")
    #expect(
      keysInOrder(run.stdout).filter { ["exchange", "base", "quote", "instrument", "unit"].contains($0) }
        == ["exchange", "base", "quote", "instrument", "unit"])
    let quote = try runSharelens(["inspect", kraken, "--format", "json", "--unit", "quote"])
    let quoteMarkets = try #require(try jsonObject(quote.stdout)["markets"] as? [[String: Any]])
    #expect(quoteMarkets.first?["unit"] as? String == "EUR")
  }

  @Test func inspectTextNamesTheConventionAndTheMarket() throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let input = dir.file("BCHEUR.csv", "1451606400,430.5,0.5\n")
    let run = try runSharelens(["inspect", input])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("pair file name: market BCHEUR (unknown exchange BCH/EUR spot)"))
    #expect(run.stdout.contains("amount (BCH)"))
  }
}
