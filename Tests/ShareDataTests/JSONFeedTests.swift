// The JSON feed readers: each feed is told by its shape, its market comes from the file (a CCXT
// symbol) or its name, and bad input names the file, the JSON path and what was expected.

import Foundation
import TestSupport
import Testing

@testable import ShareData

/// The message of the ShareError `body` throws ("" when it throws none).
private func failure(_ body: () throws -> Any) -> String {
  do {
    _ = try body()
    return ""
  } catch {
    return "\(error)"
  }
}

private func trade(_ time: Int64, _ amount: String, symbol: String = "BTC/USDT", cost: String = "null") -> String {
  "{\"timestamp\": \(time), \"symbol\": \"\(symbol)\", \"price\": 100, \"amount\": \(amount), \"cost\": \(cost)}"
}

struct JSONFeedTests {
  @Test func eachFixtureIsDetectedByItsShape() throws {
    let reasons = [
      "BTC_USDT-trades.json": "detected: CCXT trades (JSON objects)",
      "ETH_USDT-trades.json.gz": "detected: freqtrade trades (JSON lists)",
      "BTC_USDT-1h.json": "detected: CCXT OHLCV (JSON lists)",
      "cryptocompare-histoday-v1.json": "detected: CryptoCompare histoday/histohour v1 (Data)",
      "cryptocompare-histohour-v2.json": "detected: CryptoCompare histoday/histohour v2 (Data.Data)",
      "coingecko-kraken-daily.json": "detected: CoinGecko exchange volume chart",
      "tBTCUSD.json": "detected: Bitfinex v2 trades (JSON lists)",
      "BTC-USD.json": "detected: Coinbase Exchange trades (JSON objects)",
    ]
    for (file, reason) in reasons {
      #expect(try readFeed(file).sources[0].layoutReason.description == reason, "\(file)")
    }
  }

  @Test func aCCXTSymbolInTheFileNamesTheMarket() throws {
    let text = "[\(trade(1_704_067_200_000, "2", symbol: "BTC/USDT:USDT"))]"
    let result = try ingest(text, name: "binance/saved.json", options: IngestOptions(group: "pair"))
    #expect(result.table.categories == ["BTC/USDT"])
    let market = try #require(result.sources[0].market)
    #expect(market.exchange == "binance")
    #expect(market.instrument == Instrument(.perpetual, margin: .linear))
    #expect(result.sources[0].valueSource == "amount (contracts), trades summed per day")
  }

  @Test func exchangeFilesNameTheirExchangeByShapeAndThePairByName() throws {
    let bitfinex = try readFeed("tBTCUSD.json", IngestOptions(group: "market"))
    #expect(bitfinex.sources[0].market == Market(exchange: "bitfinex", base: "BTC", quote: "USD", instrument: .spot))
    let coinbase = try readFeed("BTC-USD.json", IngestOptions(group: "exchange"))
    #expect(coinbase.table.categories == ["coinbase"])
    // A sell's negative AMOUNT is volume all the same.
    let sells = try ingest("[[1, 1704067300000, -2, 100], [2, 1704067200000, 0.5, 100]]", name: "tETHUSD.json")
    #expect(sells.table.volumes == [2.5])
    #expect(
      failure { try ingest("[{\"time\": \"soon\", \"trade_id\": 1, \"size\": \"1\"}]", name: "BTC-USD.json") }
        .hasPrefix("BTC-USD.json: $[0].time is the string \"soon\", not a time"))
  }

  @Test func quoteVolumeIsTheCostElsePriceTimesAmount() throws {
    let text = "[\(trade(1_704_067_200_000, "2", cost: "150")), \(trade(1_704_067_300_000, "3"))]"
    let result = try ingest(text, name: "BTC_USDT-trades.json", options: IngestOptions(unit: .quote))
    #expect(result.table.volumes == [450])
    #expect(result.sources[0].volumeUnit == "USDT")
  }

  @Test func coinGeckoTakesOnePointPerDayNeverASum() throws {
    // Hourly points: 00:20 closes the day before; 01:20 and 12:00 are not summed into anything.
    let day: Int64 = 1_704_067_200_000
    let text = "[[\(day + 1_200_000), \"10\"], [\(day + 4_800_000), \"11\"], [\(day + 43_200_000), \"12\"]]"
    let result = try ingest(text, name: "volume_chart.json")
    #expect(result.table.times == [1_704_067_200 - 86_400])
    #expect(result.table.volumes == [10])
  }

  @Test func zeroBarsBeforeListingAreMissingWithAWarning() throws {
    let bar = { (t: Int, v: Int) in
      "{\"time\": \(t), \"open\": \(v), \"high\": \(v), \"low\": \(v), \"close\": \(v), \"volumefrom\": \(v), \"volumeto\": \(v)}"
    }
    let text = "{\"Response\": \"Success\", \"Data\": [\(bar(1_704_067_200, 0)), \(bar(1_704_153_600, 5))]}"
    let result = try ingest(text, name: "histoday.json")
    #expect(result.table.cellCount == 2)
    #expect(!result.table.valid[0] && result.table.valid[1])
    #expect(result.warnings.map(\.kind) == [.feedGapRows])
  }

  @Test func aBadValueIsNamedByItsJSONPath() {
    let bars =
      "{\"time\": 1704067200, \"volumefrom\": 1, \"volumeto\": 2}, {\"time\": 1704153600, \"volumefrom\": \"abc\"}"
    #expect(
      failure { try ingest("{\"Data\": {\"Data\": [\(bars)]}}", name: "cc.json") }
        == "cc.json: $.Data.Data[1].volumefrom is the string \"abc\", not a number; "
        + "expected volumefrom, a number of 0 or more")
    #expect(
      failure { try ingest("[\(trade(1_704_067_200_000, "true"))]", name: "t.json") }
        == "t.json: $[0].amount is true, not a number; expected amount, a number of 0 or more")
    #expect(
      failure { try ingest("[[1704067200000, 1, 2, 3, 4, -5]]", name: "o.json") }
        .hasPrefix("o.json: $[0][5] is negative: -5;"))
    #expect(
      failure { try ingest("[{\"timestamp\": 1, \"amount\": 1}, {\"amount\": 1}]", name: "t.json") }
        .hasPrefix("t.json: $[1].timestamp is missing, not a unix time;"))
    #expect(failure { try ingest("[[1e300, \"1\"]]", name: "g.json") }.contains("$[0][0] is 1e+300, out of range"))
  }

  @Test func aBarTwiceIsNamedByBothPaths() throws {
    let bars = "[[1704067200000, 1, 1, 1, 1, 2], [1704070800000, 1, 1, 1, 1, 3], [1704067200500, 1, 1, 1, 1, 4]]"
    #expect(
      failure { try ingest(bars, name: "BTC_USDT-1h.json") }.hasPrefix(
        "BTC_USDT-1h.json: 2024-01-01 appears twice: at $[0] and at $[2]; expected one bar per time"))
    #expect(
      try ingest(bars, name: "BTC_USDT-1h.json", options: IngestOptions(duplicates: .sum)).table.volumes == [6, 3])
  }

  @Test func aFileWithTwoMarketsIsAnError() {
    let text = "[\(trade(1_704_067_200_000, "1")), \(trade(1_704_067_300_000, "1", symbol: "ETH/USDT"))]"
    #expect(
      failure { try ingest(text, name: "t.json") }.hasPrefix(
        "t.json: $[1] is a trade of the string \"ETH/USDT\", the first trade of the string \"BTC/USDT\""))
  }

  @Test func aSavedErrorAnswerSaysWhatTheAPISaid() {
    let text = "{\"Response\": \"Error\", \"Message\": \"fsym param is empty or null.\", \"Data\": {}}"
    #expect(
      failure { try ingest(text, name: "cc.json") }.hasPrefix(
        "cc.json: the file is a CryptoCompare \"Error\" answer: \"fsym param is empty or null.\""))
  }

  @Test func notJSONOrNoKnownShapeIsAnError() {
    #expect(failure { try ingest("[]", name: "e.json") }.hasPrefix("e.json: the JSON list is empty"))
    #expect(
      failure { try ingest("{\"a\": 1}", name: "x.json") }.hasPrefix(
        "x.json: JSON without \"buckets\" (sharelens' shares JSON) or \"Data\" (CryptoCompare)"))
    #expect(
      failure { try ingest("[[1, 2, 3]]", name: "x.json") }.hasPrefix(
        "x.json: JSON of a shape sharelens does not read (a list of 3 first)"))
  }

  @Test func quoteUnitIsRefusedWhereTheFileHasNoQuoteVolume() {
    let quote = IngestOptions(unit: .quote)
    #expect(
      failure { try readFeed("BTC_USDT-1h.json", quote) }.contains("holds base volumes, no quote volume"))
    #expect(
      failure { try readFeed("coingecko-kraken-daily.json", quote) }.contains(
        "holds an exchange's volume in BTC, no quote volume"))
  }

  @Test func deepNestingIsRefusedWhereItGoesTooDeep() {
    // The recursion's stack stays small whatever the input; brackets inside strings do not count.
    let deep = String(repeating: "[", count: 65) + "1" + String(repeating: "]", count: 65)
    #expect(
      failure { try ingest(deep, name: "deep.json") }.hasPrefix(
        "deep.json:1:65: not valid JSON: nested deeper than 64 levels"))
    let brackets = "[\"[[[[\\\"\", " + String(repeating: "[", count: 63) + "1" + String(repeating: "]", count: 64)
    #expect(failure { try ingest(brackets, name: "ok.json") }.contains("does not read"))
  }

  @Test func syntaxErrorsHaveTheirLineAndColumn() {
    #expect(
      failure { try ingest("[[1704067200000, \"1\"", name: "cut.json") }.hasPrefix(
        "cut.json:1:21: not valid JSON: \",\" or \"]\" was expected, found the end of the file"))
    #expect(
      failure { try ingest("[\n [1, 2],\n [1e999, 2]]", name: "big.json") }.hasPrefix(
        "big.json:3:3: not valid JSON: a number too large for a double"))
    #expect(
      failure { try ingest("{\"a\": 01}", name: "zero.json") }.hasPrefix(
        "zero.json:1:7: not valid JSON: a number with a leading zero"))
    #expect(
      failure { try ingest("{\"a\": \"x\\qy\"}", name: "esc.json") }.hasPrefix(
        "esc.json:1:9: not valid JSON: an unknown escape in a string"))
    #expect(
      failure { try ingest("[[1704067200000, \"1\"]] x", name: "more.json") }.hasPrefix(
        "more.json:1:24: not valid JSON: more after"))
    #expect(failure { try ingest("[tru]", name: "word.json") }.hasPrefix("word.json:1:2: not valid JSON: a value was"))
  }

  @Test func aTruncatedJSONGzipIsAnErrorNotAShortRead() throws {
    let whole = try Data(
      contentsOf: URL(fileURLWithPath: Paths.fixture("ShareDataTests", "JSONFeeds/ETH_USDT-trades.json.gz")))
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let cut = dir.file("ETH_USDT-trades.json.gz", bytes: Array(whole.prefix(whole.count / 2)))
    #expect(
      failure { try Ingest.read(paths: [cut], options: IngestOptions()) }.contains("the compressed data ends early"))
  }

  @Test func stringsAndNumbersReadAsJSONSaysTheyDo() throws {
    let text = "\u{FEFF}[\"a\\u00e9\\ud83d\\ude00\\n\\/\", -1.5e-3, 0, true, null, {}, []]"
    let value = try JSONParser.parse(Array(text.utf8))
    #expect(
      value == .array([.string("aé😀\n/"), .number(-0.0015), .number(0), .bool(true), .null, .object([:]), .array([])]))
  }
}
