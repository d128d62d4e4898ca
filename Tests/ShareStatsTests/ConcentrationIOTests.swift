// Concentration that knows what a firm is, against scripts/fixtures/concentration_io_reference.py
// (numpy/scipy on the shared daily file): the HHI bounds with the catch-all as one firm and as
// atomistic, the leader and CR1, Hymer–Pashigian instability, Spearman rank mobility and the
// entropy split by currency; plus hand cases and the bootstrap interval's determinism.

import Foundation
import ShareData
import ShareStats
import TestSupport
import Testing

@Suite struct ConcentrationIOTests {
  static let exchangeTable: VolumeTable = try! Ingest.read(paths: [Paths.dailyByExchange], options: IngestOptions())
    .table

  func check(_ series: ConcentrationSeries, grouping: String) throws {
    let rows = try loadRows("reference-concentration-io.csv").filter { $0["grouping"] == grouping }
    #expect(series.rows.count == rows.count)
    for (row, ours) in zip(rows, series.rows) {
      let what = grouping + " " + row["month"]!
      #expect(ours.bucket.startDate.description == row["month"]!)
      let m = try #require(ours.measures)
      expectClose(m.hhi, row["hhi"], what + " hhi")
      expectClose(m.hhiAtomistic, row["hhi_atomistic"], what + " hhi_atomistic")
      expectClose(m.cr1, row["cr1"], what + " cr1")
      #expect(series.leader(ours) == row["leader"], "\(what) leader")
      expectClose(ours.instability, row["instability"], what + " instability")
      expectClose(ours.rankCorrelation, row["rank_correlation"], what + " rank correlation")
      expectClose(ours.entropySplit?.total, row["entropy_members"], what + " entropy members")
      expectClose(ours.entropySplit?.between, row["entropy_between"], what + " entropy between")
      expectClose(ours.entropySplit?.within, row["entropy_within"], what + " entropy within")
    }
  }

  /// The reference sums every day of a month (a missing day inside a span adds nothing): the
  /// shares of `GapPolicy.ignore`. The entropy split below needs it too: its identity (between =
  /// the groups' entropy) holds when groups and members count the same days, and aligning each
  /// level on its own categories' days does not (exchanges lack days their currency has).
  static let monthly = ShareOptions(every: .month, gaps: .ignore)

  @Test func exchangesMonthlyEqualNumpy() throws {
    let monthly = try Shares.compute(Self.exchangeTable, options: Self.monthly)
    let series = ConcentrationSeries(monthly)
    #expect(series.catchAll == "others" && series.units.areFirms)
    try check(series, grouping: "exchange")
    #expect(series.rows.allSatisfy { $0.band != nil })
    // The bounds straddle a threshold in some months: each bound has its band.
    #expect(series.rows.contains { $0.band != $0.bandAtomistic })
    #expect(series.rows.allSatisfy { $0.bandAtomistic == $0.measures.map { series.bands.band(hhi: $0.hhiAtomistic) } })
  }

  @Test func currenciesMonthlyWithTheEntropySplitEqualNumpy() throws {
    let monthly = try Shares.compute(currencyTable, options: Self.monthly)
    let members = try Shares.compute(Self.exchangeTable, options: Self.monthly)
    let map = try CategoryMap.load(path: Paths.exchangeCurrency)
    let series = ConcentrationSeries(
      monthly, units: .notFirms(reason: "currencies"),
      members: ConcentrationMembers(breakdown: members, group: members.categories.map { map.entries[$0] }))
    #expect(series.catchAll == "other")
    try check(series, grouping: "currency")
    // Not firms: no band anywhere; the split adds up to the members' entropy.
    #expect(series.rows.allSatisfy { $0.band == nil && $0.bandAtomistic == nil })
    for row in series.rows {
      let split = try #require(row.entropySplit)
      #expect(abs(split.between + split.within - split.total) < 1e-12)
      // The between part is the entropy of the currencies themselves.
      #expect(abs(split.between - row.measures!.entropy) < 1e-12)
    }
  }

  @Test func handCases() throws {
    // Catch-all the largest: CR1 is the leader's, the bounds differ by its squared share.
    let m = try #require(
      ConcentrationMeasures(shares: [0.2, 0.5, 0.3], observed: [true, true, true], catchAll: 1))
    #expect(abs(m.hhi - 3800) < 1e-9 && abs(m.hhiAtomistic - 1300) < 1e-9)
    #expect(m.leader == 2 && abs(m.cr1 - 0.3) < 1e-15 && abs(m.cr3 - 0.5) < 1e-15)
    #expect(abs(ConcentrationDynamics.instability([0.5, 0.5, nil], [0.25, 0.5, 0.25])! - 0.5) < 1e-15)
    // gsl_stats_spearman: a reversed order is −1 to the last bit or two; all ties leave ρ undefined.
    let reversed = try #require(ConcentrationDynamics.rankCorrelation([0.5, 0.3, 0.2], [0.2, 0.3, 0.5]))
    #expect(abs(reversed + 1) < 1e-15)
    #expect(ConcentrationDynamics.rankCorrelation([0.3, 0.3, 0.3], [0.2, 0.3, 0.5]) == nil)
    #expect(ConcentrationDynamics.rankCorrelation([0.5, 0.3], [0.2, 0.3]) == nil)
    // Ties get average ranks (scipy.stats.spearmanr([1, 2, 2, 3], [1, 3, 2, 4]) = 0.9486832980505138).
    let tied = try #require(ConcentrationDynamics.rankCorrelation([1, 2, 2, 3], [1, 3, 2, 4]))
    #expect(abs(tied - 0.9486832980505138) < 1e-12)
    let split = try #require(EntropySplit(shares: [0.25, 0.25, 0.5], group: ["A", "A", "B"]))
    #expect(abs(split.between - log(2.0)) < 1e-15 && abs(split.within - 0.5 * log(2.0)) < 1e-15)
  }

  /// Each bucket's interval comes from its own days: the same HHI as the bucket, seeded.
  @Test func bucketIntervalsUseEachBucketsDays() throws {
    let range = ShareOptions(every: .quarter, firstDay: day("2017-01-01"), lastDay: day("2018-12-31"))
    let quarterly = try Shares.compute(Self.exchangeTable, options: range)
    var daily = range
    daily.every = nil
    let days = try Shares.compute(Self.exchangeTable, options: daily)
    var series = ConcentrationSeries(quarterly)
    try series.addIntervals(daily: days, resamples: 100, seed: 3)
    var again = series
    try again.addIntervals(daily: days, resamples: 100, seed: 3)
    for (row, other) in zip(series.rows, again.rows) {
      let interval = try #require(row.interval)
      #expect(interval.first == row.bucket.startDate && interval.last == row.bucket.lastDate)
      #expect(abs(interval.measures.hhi - row.measures!.hhi) < 1e-9 * row.measures!.hhi)
      #expect(interval.hhiCI95 != nil && interval.hhiCI95 == other.interval?.hhiCI95)
    }
  }

  @Test func periodIntervalIsSeededAndHoldsTheEstimate() throws {
    let daily = try Shares.compute(
      Self.exchangeTable, options: ShareOptions(firstDay: day("2017-01-01"), lastDay: day("2017-12-31")))
    let a = try #require(try PeriodConcentration(daily: daily, catchAll: "others", resamples: 200, seed: 7))
    let b = try #require(try PeriodConcentration(daily: daily, catchAll: "others", resamples: 200, seed: 7))
    let ci = try #require(a.hhiCI95)
    #expect(ci == b.hhiCI95 && a.hhiAtomisticCI95 == b.hhiAtomisticCI95)
    #expect(a.days == 365 && a.blockRule == .politisWhite && a.blockLength > 1)
    #expect(ci.lowerBound < a.measures.hhi && a.measures.hhi < ci.upperBound)
    #expect(try #require(a.hhiAtomisticCI95).upperBound <= ci.upperBound)
    let off = try #require(try PeriodConcentration(daily: daily, catchAll: "others", resamples: 0, seed: 7))
    #expect(off.hhiCI95 == nil && off.measures == a.measures)
  }
}
