// The test of the whole composition: against the numpy reference (scripts/fixtures/composition_reference.py)
// on the shared daily file mapped to currencies, and the properties a log-ratio test must have: the
// same statistic in any ilr basis, nothing for a period against itself, nothing from the categories' order.

import ShareData
import ShareStats
import TestSupport
import Testing

/// The daily currency shares' buckets from `from` to `to`, and the category names: the days with
/// data, as `Compare.run` takes them (a day without data is no day of a period).
func currencyDays(_ from: String, _ to: String) throws -> (ArraySlice<BucketShares>, [String]) {
  var options = ShareOptions(every: .day, firstDay: day("2016-01-01"), lastDay: day("2021-12-31"))
  options.keepsEmptyBuckets = false
  let daily = try Shares.compute(currencyTable, options: options)
  let first = day(from).number
  let last = day(to).number
  return (ArraySlice(daily.buckets.filter { $0.startDay >= first && $0.startDay <= last }), daily.categories)
}

@Suite struct CompositionTests {
  @Test func theCompositionTestEqualsTheNumpyReference() throws {
    let rows = try loadRows("reference-composition.csv")
    let changes = try loadRows("reference-composition-changes.csv")
    #expect(rows.count == 2 && changes.count == 11)
    for row in rows {
      let ranges = [row["period_a"]!, row["period_b"]!].map { $0.components(separatedBy: "..") }
      let periods = ranges.enumerated().map { i, r in Period(label: "P\(i)", first: day(r[0]), last: day(r[1])) }
      let comparison = try Compare.run(
        currencyTable, shareOptions: ShareOptions(), options: CompareOptions(periods: periods, resamples: 0))
      let c = try #require(comparison.compositions[1])
      let name = row["case"]!
      #expect(c.categories.sorted() == row["parts"]!.split(separator: " ").map(String.init).sorted(), "\(name)")
      #expect(c.leftOut == row["left_out"]!.split(separator: " ").map(String.init), "\(name)")
      #expect(c.days.0 == Int(row["days_a"]!)! && c.days.1 == Int(row["days_b"]!)!, "\(name) days")
      #expect(c.lags.0 == Int(row["lag_a"]!)! && c.lags.1 == Int(row["lag_b"]!)!, "\(name) lags")
      #expect(c.df == Int(row["df"]!)!)
      expectClose(c.aitchisonDistance, row["aitchison_distance"], "\(name) distance")
      expectClose(c.dailyDistance, row["daily_distance"], "\(name) daily distance")
      expectClose(c.statistic, row["statistic"], "\(name) statistic")
      expectClose(c.pValue, row["p_value"], "\(name) p")
      expectClose(c.log10PValue, row["log10_p"], "\(name) log10 p")
      for ref in changes where ref["case"] == name {
        let change = try #require(c.changes.first { $0.category == ref["category"]! })
        expectClose(change.change, ref["change"], "\(name) \(change.category) clr change")
        expectClose(change.dailyChange, ref["daily_change"], "\(name) \(change.category) daily clr change")
        expectClose(change.dailyCI95?.low, ref["ci_low"], "\(name) \(change.category) CI low")
        expectClose(change.dailyCI95?.high, ref["ci_high"], "\(name) \(change.category) CI high")
      }
    }
  }

  /// log10 of the χ² tail against mpmath, also where the p is far below the smallest double.
  @Test func theChiSquaredLogTailEqualsMpmath() throws {
    let rows = try loadRows("reference-chisq-log-tail.csv")
    #expect(rows.count == 28)
    for row in rows {
      let w = Double(row["statistic"]!)!
      let df = Double(row["df"]!)!
      expectClose(
        try Distributions.log10ChiSquaredUpperTail(w, degreesOfFreedom: df), row["log10_p"], tolerance: 1e-9,
        "χ²(\(df)) > \(w)")
    }
  }

  /// A Wald statistic on orthonormal log-ratio coordinates does not depend on the basis.
  @Test func theStatisticIsTheSameInEveryIlrBasis() throws {
    for (a, b) in [
      (("2016-01-01", "2016-12-31"), ("2018-01-01", "2018-06-30")),
      (("2017-03-01", "2017-05-31"), ("2017-06-01", "2017-08-31")),
    ] {
      let (da, names) = try currencyDays(a.0, a.1)
      let (db, _) = try currencyDays(b.0, b.1)
      let pivot = try #require(try CompositionChange.compare(da, db, categories: names, basis: .pivot))
      let helmert = try #require(try CompositionChange.compare(da, db, categories: names, basis: .helmert))
      let w = try #require(pivot.statistic)
      #expect(abs(w - helmert.statistic!) <= 1e-9 * w)
      for (x, y) in zip(pivot.changes, helmert.changes) {
        #expect(abs(x.dailyCI95!.low - y.dailyCI95!.low) < 1e-12)
      }
    }
    // Both bases are orthonormal contrasts: columns sum to 0, VᵀV = I.
    for basis in IlrBasis.allCases {
      let v = basis.matrix(parts: 6)
      for i in 0..<5 {
        #expect(abs(v.reduce(0) { $0 + $1[i] }) < 1e-15)
        for j in 0..<5 {
          let dot = v.reduce(0) { $0 + $1[i] * $1[j] }
          #expect(abs(dot - (i == j ? 1 : 0)) < 1e-15)
        }
      }
    }
  }

  @Test func aPeriodAgainstItselfShowsNoChange() throws {
    let periods = [
      Period(label: "A", first: day("2017-03-01"), last: day("2017-05-31")),
      Period(label: "B", first: day("2017-03-01"), last: day("2017-05-31")),
    ]
    let comparison = try Compare.run(
      currencyTable, shareOptions: ShareOptions(), options: CompareOptions(periods: periods, resamples: 0))
    let c = try #require(comparison.compositions[1])
    #expect(c.aitchisonDistance == 0 && c.dailyDistance == 0)
    #expect(c.statistic == 0 && c.pValue == 1)
    #expect(comparison.compositions[0] == nil)
  }

  /// Renaming the categories so that they sort in the opposite order permutes the parts and nothing else.
  @Test func theOrderOfTheCategoriesChangesNothing() throws {
    for seed in 0..<10 {
      let forward = try generatedComparison(seed: UInt64(seed), days: 30 + seed, weighting: .volume, resamples: 0)
      let reversed = try generatedComparison(
        seed: UInt64(seed), days: 30 + seed, names: ["d", "c", "b", "a"], weighting: .volume, resamples: 0)
      let f = try #require(forward.compositions[1])
      let r = try #require(reversed.compositions[1])
      #expect(f.categories.sorted() == ["a", "b", "c", "d"] && r.categories.sorted() == ["a", "b", "c", "d"])
      #expect(abs(f.aitchisonDistance - r.aitchisonDistance) < 1e-12)
      #expect(abs(f.statistic! - r.statistic!) <= 1e-9 * f.statistic!)
      #expect(f.lags == r.lags)
      let renamed = ["a": "d", "b": "c", "c": "b", "d": "a"]
      for change in f.changes {
        let other = try #require(r.changes.first { $0.category == renamed[change.category] })
        #expect(abs(change.change - other.change) < 1e-12)
        #expect(abs(change.dailyCI95!.high - other.dailyCI95!.high) < 1e-9)
      }
    }
  }

  /// Four categories (three coordinates) need four days or more in each period for a covariance of full rank.
  @Test func tooFewDaysForTheCoordinatesGiveNoTest() throws {
    #expect(try generatedComparison(seed: 1, days: 3, weighting: .volume, resamples: 0).compositions[1] == nil)
    #expect(try generatedComparison(seed: 1, days: 4, weighting: .volume, resamples: 0).compositions[1] != nil)
  }

  /// An observed 0 is replaced by δ = 0.65 × the smallest non-zero share, the others scaled so their ratios stay.
  @Test func zerosAreReplacedMultiplicatively() throws {
    let (x, replaced) = LogRatio.replacingZeros([0, 1, 3])
    #expect(replaced == 1)
    #expect(abs(x[0] - 0.1625) < 1e-15 && abs(x[1] - 0.25 * 0.8375) < 1e-15 && abs(x[2] - 0.75 * 0.8375) < 1e-15)
    #expect(LogRatio.replacingZeros([1, 3]).replaced == 0)
    // A category observed at 0 on one day keeps its part; the test stays finite.
    let csv = (0..<20).map { t in
      "2017-01-\(String(format: "%02d", t + 1)),a,\(t == 3 ? 0 : 100 + t)\n2017-01-\(String(format: "%02d", t + 1)),b,\(50 + 3 * t)\n2017-01-\(String(format: "%02d", t + 1)),c,\(70 + (t % 5) * 9)"
    }
    let table = try ingest((["date,category,volume"] + csv).joined(separator: "\n")).table
    let periods = [
      Period(label: "A", first: day("2017-01-01"), last: day("2017-01-10")),
      Period(label: "B", first: day("2017-01-11"), last: day("2017-01-20")),
    ]
    let comparison = try Compare.run(
      table, shareOptions: ShareOptions(), options: CompareOptions(periods: periods, resamples: 0))
    let c = try #require(comparison.compositions[1])
    #expect(c.replacedZeros == 1, "\(c.replacedZeros)")
    #expect(c.categories.sorted() == ["a", "b", "c"] && c.leftOut.isEmpty)
    #expect(c.statistic!.isFinite && c.pValue! > 0)
  }
}
