// The data-driven HAC lag and bootstrap block length against the committed references: R's
// sandwich (bwNeweyWest, NeweyWest) and Python's arch (optimal_block_length), over real daily
// shares and seeded AR(1) series. Scripts: scripts/fixtures/block_length_reference.py (series,
// block lengths), then scripts/fixtures/hac_reference.R (bandwidth, lag, standard error).

import ShareData
import ShareStats
import TestSupport
import Testing

/// reference-inference-series.csv: series id → values in time order.
let inferenceSeries: [String: [Double]] = {
  var out: [String: [Double]] = [:]
  for row in try! loadRows("reference-inference-series.csv") {
    out[row["series"]!, default: []].append(Double(row["value"]!)!)
  }
  return out
}()

/// The daily by-exchange file without a map: exchange shares.
let exchangeTable: VolumeTable = {
  try! Ingest.read(paths: [Paths.dailyByExchange], options: IngestOptions()).table
}()

/// The series sharelens computes itself for a real-data id (`kind:category:from..to`), or the
/// fixture's values for a synthetic one.
func inferenceInput(_ id: String) throws -> [Double] {
  let parts = id.split(separator: ":").map(String.init)
  guard parts[0] == "currency" || parts[0] == "exchange" || parts[0] == "compare" else {
    return inferenceSeries[id]!
  }
  let range = parts[2].components(separatedBy: "..")
  let table = parts[0] == "exchange" ? exchangeTable : currencyTable
  let daily = try Shares.compute(
    table, options: ShareOptions(every: .day, firstDay: day(range[0]), lastDay: day(range[1])))
  return try ShareSeries(daily, category: parts[1]).shares
}

@Suite struct InferenceReferenceTests {
  @Test func theDailySharesAreTheScriptsOwn() throws {
    let ids = inferenceSeries.keys.filter { id in ["currency:", "exchange:", "compare:"].contains { id.hasPrefix($0) } }
    #expect(ids.count == 35)
    for id in ids {
      let ours = try inferenceInput(id)
      let theirs = inferenceSeries[id]!
      #expect(ours.count == theirs.count, "\(id): \(ours.count) days vs \(theirs.count)")
      for (a, b) in zip(ours, theirs) where relativeDifference(a, b) > 1e-12 && abs(a - b) > 1e-300 {
        Issue.record("\(id): share \(a) vs \(b)")
        break
      }
    }
  }

  @Test func neweyWestAutomaticLagEqualsSandwich() throws {
    let rows = try loadRows("reference-hac.csv")
    #expect(rows.count == 67)
    #expect(rows.contains { $0["series"] == "edge:bandwidth-over-n" && $0["lag"] == "9" && $0["n"] == "6" })
    for row in rows {
      let id = row["series"]!
      let x = try inferenceInput(id)
      #expect(x.count == Int(row["n"]!)!, "\(id) n")
      expectClose(try NeweyWest.bandwidth(x), row["bandwidth"], "\(id) bandwidth")
      #expect(try NeweyWest.automaticLag(x) == Int(row["lag"]!)!, "\(id) lag")
      let automatic = try NeweyWest.standardErrorOfMean(x)
      #expect(automatic.lag == Int(row["lag"]!)!, "\(id) lag of the SE")
      expectClose(automatic.se, row["se"], "\(id) SE")
      expectClose(try NeweyWest.standardErrorOfMean(x, lag: 5).se, row["se_lag5"], "\(id) SE at lag 5")
    }
  }

  @Test func politisWhiteBlockLengthEqualsArch() throws {
    let rows = try loadRows("reference-block-length.csv")
    #expect(rows.count == 66)
    for row in rows {
      let id = row["series"]!
      let length = try BlockLength(politisWhite: try inferenceInput(id))
      expectClose(length.stationary, row["stationary"], "\(id) stationary")
      expectClose(length.circular, row["circular"], "\(id) circular")
      #expect(length.circularDays == Int(row["block"]!)!, "\(id) block")
    }
  }

  @Test func compareResamplesEachPeriodWithTheLongestLinearisedBlock() throws {
    let rows = try loadRows("reference-block-length.csv").filter { $0["kind"] == "linearised" }
    let expected = Dictionary(grouping: rows) { "\($0["from"]!)..\($0["to"]!)" }.mapValues {
      $0.map { Int($0["block"]!)! }.max()!
    }
    #expect(expected.count == 4)
    for (a, b) in [("2016-01-01", "2016-12-31"), ("2017-03-01", "2017-05-31")] {
      let periods = [(a, b), a == "2016-01-01" ? ("2018-01-01", "2018-06-30") : ("2017-06-01", "2017-08-31")]
        .enumerated().map { Period(label: "P\($0)", first: day($1.0), last: day($1.1)) }
      let comparison = try Compare.run(
        currencyTable, shareOptions: ShareOptions(), options: CompareOptions(periods: periods, resamples: 10))
      for p in comparison.periods {
        #expect(p.blockLength == expected["\(p.period.from)..\(p.period.to)"], "\(p.period.from)")
      }
      let fixed = try Compare.run(
        currencyTable, shareOptions: ShareOptions(),
        options: CompareOptions(periods: periods, resamples: 10, block: 7))
      #expect(fixed.periods.map(\.blockLength) == [7, 7])
      let none = try Compare.run(
        currencyTable, shareOptions: ShareOptions(), options: CompareOptions(periods: periods, resamples: 0))
      #expect(none.periods.map(\.blockLength) == [nil, nil])
    }
  }

  @Test func theDataDrivenRulesAskForLongerWindowsThanTheFixedOnesOnDailyShares() throws {
    let year = try inferenceInput("currency:CNY:2017-01-01..2017-12-31")
    #expect(NeweyWest.lag(count: year.count) == 5)
    #expect(try NeweyWest.automaticLag(year) == 15)
    #expect(BlockBootstrap.defaultBlock(count: year.count) == 8)
    #expect(try BlockLength(politisWhite: year).circularDays == 33)
  }

  @Test func shortAndConstantSeriesSayWhy() throws {
    #expect(throws: StatisticsInputError.self) { try NeweyWest.bandwidth([1]) }
    #expect(throws: StatisticsInputError.self) { try NeweyWest.bandwidth([0.2, 0.2, 0.2]) }
    #expect(try NeweyWest.automaticLag([0.2, 0.2, 0.2]) == 0)
    #expect(try NeweyWest.standardErrorOfMean([0.2, 0.2, 0.2]).se == 0)
    // s0 = σ0 + 2σ1 = 0.01 − 0.01 = 0: an infinite bandwidth, lag n − 1.
    #expect(try NeweyWest.automaticLag([0.1, 0.3]) == 1)
    #expect(throws: StatisticsInputError.self) { try BlockLength(politisWhite: Array(repeating: 0.5, count: 30)) }
    #expect(throws: StatisticsInputError.self) { try BlockLength(politisWhite: [0.1, 0.2, 0.3]) }
    let short = PeriodDays(volumes: [[1, 2, 3], [3, 2, 1]], totals: [4, 4, 4])
    #expect(short.defaultBlock() == BlockBootstrap.defaultBlock(count: 3))
  }
}
