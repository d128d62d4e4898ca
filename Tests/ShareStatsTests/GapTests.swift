// Days without data inside a bucket (gaps at the data's own resolution) under --gaps align, scale and
// ignore, day coverage, and buckets with no data at all, against hand figures and the pandas reference
// (scripts/fixtures/gaps_reference.py).

import ShareData
import ShareStats
import TestSupport
import Testing

@Suite struct GapTests {
  /// a has 10 every day; b has 10 on Jan 1–2 and nothing on Jan 3–4, inside its span (it is seen
  /// again on Feb 1).
  static let gappy = """
    Time,a,b
    2020-01-01,10,10
    2020-01-02,10,10
    2020-01-03,10,
    2020-01-04,10,
    2020-02-01,10,10
    """

  func january(_ gaps: GapPolicy, weighting: Weighting = .volume) throws -> BucketShares {
    let options = ShareOptions(every: .month, weighting: weighting, gaps: gaps)
    let b = try Shares.compute(try ingest(Self.gappy).table, options: options)
    #expect(b.categories == ["a", "b"])
    #expect(b.gaps == gaps)
    return b.buckets[0]
  }

  @Test func dayCoverageIsDaysWithDataOverDaysInsideTheSpan() throws {
    let jan = try january(.ignore)
    // The data run Jan 1 .. Feb 1, so all 31 days of January are active for both; Jan 5–31 have no
    // row at all and count as days without data.
    #expect(jan.dayCoverage == [4.0 / 31, 2.0 / 31])
    #expect(jan.daysLeftOut == nil)
  }

  @Test func ignoreCountsMissingDaysAsZero() throws {
    let jan = try january(.ignore)
    #expect(jan.shares == [40.0 / 60, 20.0 / 60])
  }

  @Test func alignUsesOnlyDaysWhereEveryCategoryHasData() throws {
    let jan = try january(.align)
    #expect(jan.shares == [0.5, 0.5])
    #expect(jan.daysLeftOut == 2)
    // Volumes and total stay the observed sums.
    #expect(jan.volumes == [40, 20])
    #expect(jan.total == 60)
  }

  @Test func scaleDividesEachVolumeByItsDayCoverage() throws {
    let jan = try january(.scale)
    // a: 40 / (4/31) = 310, b: 20 / (2/31) = 310.
    #expect(jan.shares == [0.5, 0.5])
    #expect(jan.daysLeftOut == nil)
  }

  @Test func alignWithEqualWeightingAveragesOnlyAlignedDays() throws {
    #expect(try january(.align, weighting: .equal).shares == [0.5, 0.5])
    // Ignoring: a's daily shares 0.5, 0.5, 1, 1.
    #expect(try january(.ignore, weighting: .equal).shares == [0.75, 0.5])
  }

  @Test func aBucketWithoutDataStaysWithNullValues() throws {
    let text = """
      Time,a,b
      2020-01-15,10,30
      2020-03-15,20,20
      """
    let options = ShareOptions(every: .month, lastDay: Day(CivilDate(year: 2020, month: 4, day: 30)))
    let b = try Shares.compute(try ingest(text).table, options: options)
    #expect(b.buckets.map { $0.startDate.description } == ["2020-01-01", "2020-02-01", "2020-03-01", "2020-04-01"])
    for empty in [b.buckets[1], b.buckets[3]] {
      #expect(empty.total == nil)
      #expect(empty.shares == [nil, nil])
      #expect(empty.volumes == [nil, nil])
      #expect(empty.observed == 0)
    }
    // February lies inside both spans: its days are active and have no data.
    #expect(b.buckets[1].dayCoverage == [0, 0])
    #expect(b.buckets[1].states == [.missing, .missing])
    #expect(b.warnings.contains { $0.message == "bucket 2020-02 has no data: its values are null" })
    // The totals ignore the empty buckets.
    #expect(b.grandTotal == 80)
  }

  @Test func periodStatisticsStillDropEmptyDays() throws {
    var options = ShareOptions(every: .day)
    options.keepsEmptyBuckets = false
    let text = "Time,a\n2020-01-01,1\n2020-01-03,1\n"
    #expect(try Shares.compute(try ingest(text).table, options: options).buckets.count == 2)
    #expect(try Shares.compute(try ingest(text).table, options: ShareOptions(every: .day)).buckets.count == 3)
  }

  /// Hourly data: a gap is a day without data (the data's own step), not an hour. b lacks the 06:00
  /// row on Jan 1 (no gap: it has data that day) and all of Jan 2 (a gap), inside its span.
  @Test func subDailyDataIsAlignedByDay() throws {
    let text = """
      time,market,volume
      2020-01-01T00:00:00Z,a,10
      2020-01-01T00:00:00Z,b,10
      2020-01-01T06:00:00Z,a,10
      2020-01-02T00:00:00Z,a,10
      2020-01-02T06:00:00Z,a,10
      2020-01-03T00:00:00Z,a,10
      2020-01-03T00:00:00Z,b,30
      """
    for gaps in GapPolicy.allCases {
      let b = try Shares.compute(try ingest(text).table, options: ShareOptions(every: .month, gaps: gaps))
      let jan = b.buckets[0]
      #expect(b.categories == ["a", "b"])
      // Jan 1..3 are the data's days: a has all three, b two.
      #expect(jan.dayCoverage == [1, 2.0 / 3])
      switch gaps {
      case .align:
        // Jan 2 left out; Jan 1 and 3 whole: a 30, b 40.
        #expect(jan.daysLeftOut == 1)
        #expect(jan.shares == [30.0 / 70, 40.0 / 70])
      case .scale: #expect(jan.shares == [50.0 / 110, 60.0 / 110])
      case .ignore: #expect(jan.shares == [50.0 / 90, 40.0 / 90])
      }
      // The warning names the category short of days, never an empty list.
      let warning = try #require(b.warnings.first { $0.message.hasPrefix("bucket 2020-01: day coverage") })
      #expect(warning.message.contains("(b 66.7%)"))
    }
  }

  /// A time without some category's value is no gap when that category has data on the same day:
  /// nothing is left out and nothing is said (the warning once listed no category at all).
  @Test func aMissingHourIsNoGap() throws {
    let text = """
      time,market,volume
      2020-01-01T00:00:00Z,a,10
      2020-01-01T00:00:00Z,b,10
      2020-01-01T06:00:00Z,a,10
      2020-01-02T00:00:00Z,a,10
      2020-01-02T06:00:00Z,b,10
      """
    let b = try Shares.compute(try ingest(text).table, options: ShareOptions(every: .day))
    #expect(b.buckets.map(\.daysLeftOut) == [0, 0])
    #expect(b.buckets.allSatisfy { $0.dayCoverage == [1, 1] })
    #expect(b.buckets[0].shares == [20.0 / 30, 10.0 / 30])
    #expect(!b.warnings.contains { $0.message.contains("day coverage") })
  }

  /// The case: BCHARTS' BTCNCNY has data on 2 of May 2016's 31 days.
  @Test(arguments: [GapPolicy.align, .scale, .ignore])
  func bchartsWithTheExchangesMatchesPandas(_ gaps: GapPolicy) throws {
    let paths = [Paths.shared("bcharts-btcncny-daily/BCHARTS-BTCNCNY.csv"), Paths.dailyByExchange]
    let options = ShareOptions(
      every: .month, firstDay: Day(CivilDate(year: 2016, month: 3, day: 1)),
      lastDay: Day(CivilDate(year: 2016, month: 7, day: 31)), gaps: gaps)
    let b = try ShareAnalysis.run(paths: paths, ingest: IngestOptions(), shares: options).breakdown
    let reference = try loadReference("reference-gaps.csv")
    #expect(reference.count == 5 * 11)
    expectMatches(b, reference, column: "share_\(gaps.rawValue)") { bucket, c in bucket.shares[c] }
    expectMatches(b, reference, column: "day_coverage") { bucket, c in bucket.dayCoverage[c] }
    if gaps == .align {
      expectMatches(b, reference, column: "days_left_out") { bucket, _ in bucket.daysLeftOut.map(Double.init) }
      let may = b.buckets[2]
      #expect(may.daysLeftOut == 29)
      #expect(b.warnings.contains { $0.message.hasPrefix("bucket 2016-05: day coverage below 100% (BTCNCNY 6.5%)") })
    }
  }
}
