// compare's estimand and its uncertainty: the mean daily share against pandas, Holm against statsmodels,
// and the properties that make the headline p honest: it agrees with its interval, a period against
// itself shows nothing (p exactly 1), and the order of the categories changes nothing but the order of the rows.

import ShareData
import ShareStats
import TestSupport
import Testing

/// Two periods of `days` days of four categories, seeded; `names` label the categories, and each day's rows
/// come in the order `rowOrder` (the values do not depend on it).
func generatedComparison(
  seed: UInt64, days: Int, names: [String] = ["a", "b", "c", "d"], rowOrder: [Int] = [0, 1, 2, 3],
  weighting: Weighting, resamples: Int
) throws -> Comparison {
  var rng = SeededGenerator(seed: seed)
  var rows = ["date,category,volume"]
  let day0 = CivilDate(year: 2017, month: 1, day: 1).dayNumber
  for t in 0..<(2 * days) {
    // Category c drifts by c·t so some changes are real and some are not.
    let values = names.indices.map { c in Double(Int.random(in: 1...1000, using: &rng)) + Double(c * t) }
    for c in rowOrder { rows.append("\(CivilDate(dayNumber: day0 + Int64(t))),\(names[c]),\(values[c])") }
  }
  let table = try ingest(rows.joined(separator: "\n")).table
  let periods = [
    Period(label: "A", first: Day(day0), last: Day(day0 + Int64(days) - 1)),
    Period(label: "B", first: Day(day0 + Int64(days)), last: Day(day0 + Int64(2 * days) - 1)),
  ]
  return try Compare.run(
    table, shareOptions: ShareOptions(),
    options: CompareOptions(periods: periods, resamples: resamples, seed: UInt(seed), weighting: weighting))
}

@Suite struct CompareInferenceTests {
  /// `compare --weighting equal`, bitfinex and every other exchange, 2017 against 2018: the change is the
  /// difference of the mean daily shares pandas computes (reference-compare-equal.csv).
  @Test func theEqualWeightedChangeIsTheDifferenceOfPandasMeanDailyShares() throws {
    let rows = try loadRows("reference-compare-equal.csv")
    #expect(rows.count == 10)
    let periods = [
      Period(label: "2017", first: day("2017-01-01"), last: day("2017-12-31")),
      Period(label: "2018", first: day("2018-01-01"), last: day("2018-12-31")),
    ]
    let comparison = try Compare.run(
      exchangeTable, shareOptions: ShareOptions(),
      options: CompareOptions(periods: periods, resamples: 0, weighting: .equal))
    for row in rows {
      let c = try #require(comparison.categories.first { $0.category == row["category"]! })
      expectClose(c.estimate[0], row["mean_a"], "\(c.category) mean 2017")
      expectClose(c.estimate[1], row["mean_b"], "\(c.category) mean 2018")
      expectClose(c.changes[1]?.deltaPP.map { $0 / 100 }, row["delta"], "\(c.category) Δ")
    }
    let bitfinex = try #require(comparison.categories.first { $0.category == "bitfinex" }?.changes[1]?.deltaPP)
    #expect(abs(bitfinex - 6.6059546420417142) < 1e-9)
  }

  /// The p inverts the interpolated percentile interval: worked out by hand on small sets of draws.
  @Test func theBootstrapPInvertsThePercentileInterval() throws {
    // Draws −1, 1, 2, 3, 4 (n − 1 = 4): Q crosses 0 at f = (0 + 1/2) / 4 = 0.125, so p = 2 · 0.125.
    let some = try BootstrapChange(draws: [-1, 1, 2, 3, 4], resamples: 5)
    #expect(abs(some.pValue - 0.25) < 1e-15 && !some.pValueIsBound)
    // All draws exactly 0: the interval is [0, 0] and holds 0 at every level.
    #expect(try BootstrapChange(draws: [0, 0, 0], resamples: 3).pValue == 1)
    // Every draw above 0: the bound 1 / (draws), flagged; undefined replicates are counted.
    let above = try BootstrapChange(draws: [0.5, 1, 2, 3], resamples: 10)
    #expect(above.pValue == 0.25 && above.pValueIsBound && above.undefinedResamples == 6)
    // Symmetric draws around 0: p = 1.
    #expect(try BootstrapChange(draws: [-2, -1, 1, 2], resamples: 4).pValue == 1)
    // At any level α the 100(1 − α)% interval leaves out 0 exactly when p < α.
    var rng = SeededGenerator(seed: 9)
    for _ in 0..<200 {
      let shift = Double.random(in: 0...3, using: &rng)
      let draws = (0..<Int.random(in: 20...400, using: &rng)).map { _ in
        Double.random(in: -1...1, using: &rng) + shift
      }.sorted()
      let change = try BootstrapChange(draws: draws, resamples: draws.count)
      let p = change.pValue
      for alpha in [0.01, 0.05, 0.1, 0.2] {
        let low = try Quantiles.fromSorted(draws, alpha / 2)
        let high = try Quantiles.fromSorted(draws, 1 - alpha / 2)
        // With every draw on one side the p is the bound 1/n: below it the draws cannot resolve α.
        let excluded = change.pValueIsBound && alpha <= p ? true : p < alpha
        #expect((low > 0 || high < 0) == excluded, "α \(alpha): p \(p), [\(low), \(high)]")
      }
    }
  }

  @Test func holmEqualsStatsmodels() throws {
    let rows = try loadRows("reference-holm.csv")
    #expect(rows.count == 93)
    for (name, group) in Dictionary(grouping: rows, by: { $0["case"]! }) {
      let sorted = group.sorted { Int($0["index"]!)! < Int($1["index"]!)! }
      let adjusted = Holm.adjusted(sorted.map { Double($0["p"]!) })
      for (row, a) in zip(sorted, adjusted) {
        expectClose(a, row["holm"], tolerance: 1e-12, "\(name) \(row["index"]!)")
      }
    }
    // An undefined p is not a test: it stays nil and does not raise the others.
    #expect(Holm.adjusted([0.01, nil, 0.04]) == [0.02, nil, 0.04])
    // A bound (every resample on one side) makes the adjusted p it sets a bound; a larger term from a real p does not.
    let bounded = Holm.adjusted([0.0005, 0.01, 0.0005, 0.6], bounds: [true, false, true, false])
    #expect(bounded.map { $0!.p } == [0.002, 0.02, 0.002, 0.6])
    #expect(bounded.map { $0!.isBound } == [true, false, true, false])
  }

  /// Every row of every comparison: p < 0.05 exactly when the 95% interval leaves out 0, on the real daily
  /// data (both estimands, crackdown and a quiet spring) and on 60 generated comparisons.
  @Test func theBootstrapPAgreesWithItsIntervalOnEveryRow() throws {
    var comparisons: [Comparison] = []
    for (a, b) in [("2016-01-01", "2016-12-31"), ("2017-03-01", "2017-05-31")] {
      for (c, d) in [("2018-01-01", "2018-06-30"), ("2017-06-01", "2017-08-31")] {
        for weighting in Weighting.allCases {
          let periods = [
            Period(label: "A", first: day(a), last: day(b)), Period(label: "B", first: day(c), last: day(d)),
          ]
          comparisons.append(
            try Compare.run(
              exchangeTable, shareOptions: ShareOptions(),
              options: CompareOptions(periods: periods, resamples: 400, weighting: weighting)))
        }
      }
    }
    for seed in 0..<60 {
      let weighting: Weighting = seed % 2 == 0 ? .volume : .equal
      comparisons.append(
        try generatedComparison(seed: UInt64(seed), days: 5 + seed, weighting: weighting, resamples: 100 + seed))
    }
    var rows = 0
    var significant = 0
    for comparison in comparisons {
      for category in comparison.categories {
        guard let change = category.changes[1], let ci = change.ci95pp, let p = change.pValueBootstrap else { continue }
        let excludes = ci.low > 0 || ci.high < 0
        #expect((p < 0.05) == excludes, "\(category.category): p \(p), interval \(ci)")
        #expect(p > 0 && p <= 1)
        rows += 1
        if excludes { significant += 1 }
      }
    }
    #expect(rows > 300 && significant > 50 && significant < rows - 50, "both outcomes are exercised")
  }

  /// A period against itself: Δ 0 and every p exactly 1. The two copies are one sample, so the
  /// bootstrap resamples them together (`paired`): every draw of Δ is 0, the interval [0, 0], the
  /// bootstrap p 1 and not a Monte Carlo estimate of it; the composition moved by 0.
  @Test func aPeriodAgainstItselfShowsNoChange() throws {
    let p = Period(label: "A", first: day("2017-03-01"), last: day("2017-08-31"))
    var q = p
    q.label = "B"
    for weighting in Weighting.allCases {
      let comparison = try Compare.run(
        exchangeTable, shareOptions: ShareOptions(),
        options: CompareOptions(periods: [p, q], resamples: 200, weighting: weighting))
      var tested = 0
      for c in comparison.categories {
        let change = try #require(c.changes[1])
        guard change.deltaPP != nil else { continue }
        #expect(change.deltaPP == 0 && change.logRatio.map { $0 == 0 } != false, "\(c.category)")
        #expect(change.pValueHAC == 1 && change.welch.pValue == 1, "\(c.category)")
        let ci = try #require(change.ci95pp)
        #expect(ci.low == 0 && ci.high == 0, "\(c.category) \(weighting): \(ci)")
        #expect(change.pValueBootstrap == 1 && !change.pValueBootstrapIsBound, "\(c.category) \(weighting)")
        #expect(change.pValueAdjusted == 1, "\(c.category) \(weighting)")
        tested += 1
      }
      #expect(tested >= 3)
      #expect(comparison.periods[1].deltaHHI == 0 && comparison.periods[1].rankCorrelation == 1)
      let composition = try #require(comparison.compositions[1])
      #expect(composition.aitchisonDistance == 0 && composition.changes.allSatisfy { $0.change == 0 })
    }
  }

  /// Renaming the categories and listing them in another order in the input permutes the rows and
  /// nothing else: the same resampled days serve every category, whatever its name or place.
  @Test func permutingTheCategoriesPermutesTheResults() throws {
    let names = ["a", "b", "c", "d"]
    let renamed = ["d", "a", "c", "b"]  // a → d, b → a, …
    for seed in 0..<6 {
      let weighting: Weighting = seed % 2 == 0 ? .volume : .equal
      let x = try generatedComparison(seed: UInt64(seed), days: 40, weighting: weighting, resamples: 300)
      let y = try generatedComparison(
        seed: UInt64(seed), days: 40, names: renamed, rowOrder: [2, 0, 3, 1], weighting: weighting, resamples: 300)
      #expect(x.categories.map(\.category) == y.categories.map { names[renamed.firstIndex(of: $0.category)!] })
      for (i, name) in names.enumerated() {
        let cx = try #require(x.categories.first { $0.category == name }?.changes[1])
        let cy = try #require(y.categories.first { $0.category == renamed[i] }?.changes[1])
        let pairs: [(Double?, Double?)] = [
          (cx.deltaPP, cy.deltaPP), (cx.ci95pp?.low, cy.ci95pp?.low), (cx.ci95pp?.high, cy.ci95pp?.high),
          (cx.pValueBootstrap, cy.pValueBootstrap), (cx.pValueAdjusted, cy.pValueAdjusted),
          (cx.hacSEpp, cy.hacSEpp), (cx.pValueHAC, cy.pValueHAC), (cx.welch.pValue, cy.welch.pValue),
        ]
        for (u, v) in pairs {
          let (u, v) = (try #require(u), try #require(v))
          #expect(abs(u - v) <= 1e-9 * max(1, abs(u)), "\(name) seed \(seed): \(u) vs \(v)")
        }
      }
    }
  }

  /// A category seen on the first and last day of a 20-day period only (a gap inside its span): a
  /// resample that misses both days has no mean daily share for it. Those resamples are counted.
  @Test func resamplesWithoutAnEstimateAreCounted() throws {
    var rows = ["date,category,volume"]
    let day0 = CivilDate(year: 2017, month: 1, day: 1).dayNumber
    for t in 0..<40 {
      let date = CivilDate(dayNumber: day0 + Int64(t))
      rows.append("\(date),a,\(100 + t)")
      if t == 0 || t == 19 || t >= 20 { rows.append("\(date),b,\(50 + t)") }
    }
    let table = try ingest(rows.joined(separator: "\n")).table
    let periods = [
      Period(label: "A", first: Day(day0), last: Day(day0 + 19)),
      Period(label: "B", first: Day(day0 + 20), last: Day(day0 + 39)),
    ]
    let comparison = try Compare.run(
      table, shareOptions: ShareOptions(),
      options: CompareOptions(periods: periods, resamples: 1000, block: 1, weighting: .equal))
    let b = try #require(comparison.categories.first { $0.category == "b" }?.changes[1])
    // P(a resample of 20 days misses both) = (18/20)^20 ≈ 0.12.
    let undefined = try #require(b.undefinedResamples)
    #expect(undefined > 70 && undefined < 180, "\(undefined)")
    #expect(comparison.categories.first { $0.category == "a" }?.changes[1]?.undefinedResamples == 0)
  }
}
