import ShareData
import TestSupport
import Testing

/// The volume of `category` at `date` in a table, nil when missing.
func cell(_ table: VolumeTable, _ date: String, _ category: String) -> Double?? {
  let time = try! TimeParser.parse(date).get().seconds
  guard let code = table.categories.firstIndex(of: category) else { return .none }
  for i in 0..<table.cellCount where table.times[i] == time && table.codes[i] == Int32(code) {
    return .some(table.valid[i] ? table.volumes[i] : nil)
  }
  return .none
}

@Suite struct IngestLayoutTests {
  @Test func wideExportWithEmptyCellsAsMissing() throws {
    let result = try ingest("Time,bitstamp,kraken\n2016-01-01 00:00:00 UTC,10,\n2016-01-02 00:00:00 UTC,5,7.5\n")
    #expect(result.sources[0].layout == .wide)
    #expect(result.table.categories == ["bitstamp", "kraken"])
    #expect(cell(result.table, "2016-01-01", "kraken") == .some(nil))
    #expect(cell(result.table, "2016-01-02", "kraken") == .some(7.5))
    #expect(result.sources[0].emptyCells == 1)
    #expect(result.table.resolution == .day)
  }

  @Test func totalColumnEqualToTheRowSumIsExcludedWithAWarning() throws {
    let result = try ingest("Time,a,b,c,TOTAL\n2015-01-01,1,2,3,6\n2015-02-01,2,,4,6.000000001\n")
    #expect(result.table.categories == ["a", "b", "c"])
    #expect(result.sources[0].excludedColumns == ["TOTAL"])
    #expect(result.warnings.count == 1)
    #expect(result.warnings[0].message.contains("TOTAL"))
    #expect(result.table.resolution == .month)
  }

  @Test func aColumnThatIsNotTheRowSumStays() throws {
    let result = try ingest("Time,a,b,c,TOTAL\n2015-01-01,1,2,3,6\n2015-02-01,2,1,4,9\n")
    #expect(result.table.categories.contains("TOTAL"))
    #expect(result.warnings.isEmpty)
  }

  @Test func longLayoutDetectsTimeCategoryAndValue() throws {
    let result = try ingest("date,currency,volume\n2016-01-02,USD,3\n2016-01-01,CNY,90\n2016-01-01,USD,10\n")
    #expect(result.sources[0].layout == .long)
    #expect(result.sources[0].categorySource.contains("currency"))
    #expect(result.table.times == result.table.times.sorted())
    #expect(cell(result.table, "2016-01-01", "CNY") == .some(90))
  }

  @Test func longTradeLogSumsTradesPerDayInEitherUnit() throws {
    let text =
      "timestamp,exchange,base,quote,price,amount\n1451606400,bitstamp,BTC,USD,400,1\n1451610000,bitstamp,BTC,USD,500,2\n1451606401,okcoin,BTC,CNY,2600,3\n"
    let base = try ingest(text, options: IngestOptions(group: "quote"))
    #expect(cell(base.table, "2016-01-01", "USD") == .some(3))
    let quote = try ingest(text, options: IngestOptions(group: "quote", unit: .quote))
    #expect(cell(quote.table, "2016-01-01", "USD") == .some(1400))
    let pair = try ingest(text, options: IngestOptions(group: "pair"))
    #expect(pair.table.categories.sorted() == ["BTC/CNY", "BTC/USD"])
    let exchange = try ingest(text)
    #expect(exchange.table.categories == ["bitstamp", "okcoin"])
  }

  @Test func bitcoinchartsDumpTakesTheMarketFromTheFileName() throws {
    let result = try ingest(
      "1451606400,430.5,0.5\n1451606500,431,1.5\n1451692800,432,2\n", name: "dumps/bitstampUSD.csv")
    #expect(result.sources[0].layout == .trades)
    #expect(result.table.categories == ["bitstampUSD"])
    #expect(cell(result.table, "2016-01-01", "bitstampUSD") == .some(2))
    #expect(result.table.counts[0] == 2)
    let byQuote = try ingest("1451606400,430.5,0.5\n", name: "krakenEUR.csv", options: IngestOptions(group: "quote"))
    #expect(byQuote.table.categories == ["EUR"])
    #expect(MarketName(fileName: "x/coinbaseUSD.csv.gz").exchange == "coinbase")
  }

  @Test func ohlcvReadsNewestFirstAndZeroRowsAsGaps() throws {
    let text = """
      Date,Open,High,Low,Close,Volume (BTC),Volume (Currency),Weighted Price
      2016-06-09,0.0,0.0,0.0,0.0,0.0,0.0,0.0
      2016-06-08,4000,4100,3900,4050,120.5,482000,4000
      2016-06-07,4000,4100,3900,4050,100,400000,4000

      """
    let result = try ingest(text, name: "BCHARTS-BTCNCNY.csv")
    #expect(result.sources[0].layout == .ohlcv)
    #expect(result.sources[0].gapRows == 1)
    #expect(result.warnings.count == 1)
    #expect(cell(result.table, "2016-06-09", "BTCNCNY") == .some(nil))
    #expect(cell(result.table, "2016-06-08", "BTCNCNY") == .some(120.5))
    let quote = try ingest(text, name: "BCHARTS-BTCNCNY.csv", options: IngestOptions(group: "quote", unit: .quote))
    #expect(cell(quote.table, "2016-06-07", "CNY") == .some(400000))
  }

  @Test func snapshotWithoutTimeColumnTakesTheDateFromTheFileName() throws {
    let text = "currency,volume_btc_24h,volume_percent,last\nUSD,35181.83,70.97,454.73\nEUR,8559.07,17.27,397.17\n"
    let result = try ingest(text, name: "volume-2016-05-01.csv")
    #expect(result.sources[0].layout == .long)
    #expect(cell(result.table, "2016-05-01", "USD") == .some(35181.83))
    let dated = try ingest(text, name: "volume.csv", options: IngestOptions(snapshotDate: "2016-05-02"))
    #expect(cell(dated.table, "2016-05-02", "EUR") == .some(8559.07))
    let error = #expect(throws: ShareError.self) { try ingest(text, name: "volume.csv") }
    #expect(error?.hint?.names(.snapshotDate) == true)
  }

  @Test func layoutCanBeForced() throws {
    let error = #expect(throws: ShareError.self) {
      try ingest("Time,a\n2016-01-01,x\n", options: IngestOptions(layout: .wide))
    }
    #expect(error?.message.contains("text in a number column") == true)
    #expect(error?.hint?.names(.layout, value: "long") == true)
  }

  @Test func everySharedDatasetIsReadWithTheRightLayout() throws {
    let expectations: [(String, Layout)] = [
      ("bcharts-btcncny-daily/BCHARTS-BTCNCNY.csv", .ohlcv),
      ("bitcoinaverage-snapshot-2016-05-01/bitcoinaverage-volume-by-currency-2016-05-01.csv", .long),
      ("bitcoinity-daily-by-currency-2018/btc-volume-by-currency-daily-2018.csv", .wide),
      ("bitcoinity-daily-by-exchange/btc-volume-by-exchange-daily-2016-2021.csv", .wide),
      ("bitcoinity-kraken-daily-by-currency/kraken-btc-volume-by-currency-daily-2013-2021.csv", .wide),
      ("bitcoinity-monthly-by-exchange/btc-volume-by-exchange-monthly-2015-2018.cr.csv", .wide),
      ("bitcoinity-monthly-by-exchange/btc-volume-by-exchange-monthly-2015-2018.csv", .wide),
    ]
    for (path, layout) in expectations {
      let result = try Ingest.read(paths: [Paths.shared(path)], options: IngestOptions())
      #expect(result.sources[0].layout == layout, "\(path)")
    }
    #expect(
      AuxiliaryFile.recognise(path: Paths.exchangeCurrency).map {
        if case .categoryMap(11, _) = $0 { true } else { false }
      } == true)
    #expect(
      AuxiliaryFile.recognise(path: Paths.chinaEvents).map { if case .events(7, _, _) = $0 { true } else { false } }
        == true)
  }

  @Test func crOnlyAndLFCopiesOfTheMonthlyFileReadIdentically() throws {
    let cr = try Ingest.read(paths: [Paths.monthlyByExchangeCR], options: IngestOptions()).table
    let lf = try Ingest.read(paths: [Paths.monthlyByExchange], options: IngestOptions()).table
    #expect(cr.times == lf.times)
    #expect(cr.volumes == lf.volumes)
    #expect(cr.categories == lf.categories)
    #expect(cr.resolution == .month)
    #expect(!cr.categories.contains("TOTAL"))
  }
}
