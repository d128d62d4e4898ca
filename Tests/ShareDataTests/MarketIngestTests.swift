// A single-market file's market, as the readers use it: Kraken's `BCHEUR.csv` is BCH/EUR with an
// unknown exchange (it was "exchange bch, quote EUR, amount BTC"), bitcoincharts' names are as before.

import TestSupport
import Testing

@testable import ShareData

struct MarketIngestTests {
  private let trades = "1451606400,430.5,0.5\n1451606500,431,1.5\n1451692800,432,2\n"

  private func categories(_ name: String, _ group: Grouping?, markets: MarketTable? = nil) throws -> [String] {
    var options = IngestOptions(group: group)
    options.markets = markets
    return try ingest(trades, name: name, options: options).table.categories
  }

  @Test func krakenPairFileIsItsPairInItsBase() throws {
    let result = try ingest(trades, name: "BCHEUR.csv")
    #expect(result.table.categories == ["BCHEUR"])
    #expect(result.sources[0].valueSource == "amount (BCH)")
    #expect(
      result.sources[0].categorySource == "pair file name: market BCHEUR (unknown exchange BCH/EUR spot) → \"BCHEUR\"")
    #expect(try categories("BCHEUR.csv", "base") == ["BCH"])
    #expect(try categories("BCHEUR.csv", "quote") == ["EUR"])
    #expect(try categories("BCHEUR.csv", "pair") == ["BCH/EUR"])
    #expect(try categories("BCHEUR.csv", "instrument") == ["spot"])
    #expect(try categories("XBTEUR.csv", "pair") == ["BTC/EUR"])
    let quote = try ingest(trades, name: "BCHEUR.csv", options: IngestOptions(unit: .quote))
    #expect(quote.sources[0].valueSource == "price × amount (EUR)")
  }

  @Test func anUnknownExchangeIsAnErrorNotAGuess() throws {
    #expect {
      try categories("BCHEUR.csv", "exchange")
    } throws: { error in
      "\(error)".contains("the exchange of BCHEUR is not known")
    }
    #expect(try categories("Kraken_Trading_History/BCHEUR.csv", "exchange") == ["kraken"])
    let table = MarketTable(name: "m.csv", entries: ["BCHEUR": Market(exchange: "kraken")])
    #expect(try categories("BCHEUR.csv", "exchange", markets: table) == ["kraken"])
    #expect(try categories("BCHEUR.csv", "pair", markets: table) == ["BCH/EUR"])
  }

  @Test func bitcoinchartsNamesReadAsBefore() throws {
    #expect(try categories("dumps/bitstampUSD.csv", nil) == ["bitstampUSD"])
    #expect(try categories("bitstampUSD.csv", "exchange") == ["bitstamp"])
    #expect(try categories("krakenEUR.csv", "quote") == ["EUR"])
    #expect(try categories("krakenEUR.csv", "currency") == ["EUR"])
    #expect(try categories("krakenEUR.csv", "pair") == ["BTC/EUR"])
    #expect(try categories("krakenEUR.csv", "base") == ["BTC"])
    let result = try ingest(trades, name: "bitstampUSD.csv")
    #expect(result.sources[0].valueSource == "amount (BTC)")
  }

  @Test func aTableOverridesTheName() throws {
    let table = MarketTable(name: "m.csv", entries: ["BITSTAMPUSD": Market(exchange: "bitstamp-eu", quote: "EUR")])
    #expect(try categories("bitstampUSD.csv", "exchange", markets: table) == ["bitstamp-eu"])
    #expect(try categories("bitstampUSD.csv", "pair", markets: table) == ["BTC/EUR"])
  }
}
