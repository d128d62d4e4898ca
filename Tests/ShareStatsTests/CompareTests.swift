// Compare, concentration and smoothing against values computed outside sharelens: from the
// pandas/scipy reference fixture's shares, or by hand with the arithmetic written here.

import ShareData
import ShareStats
import TestSupport
import Testing

/// HHI of fractions, Σ (100 s)².
func handHHI(_ shares: [Double]) -> Double { shares.reduce(0) { $0 + ($1 * 100) * ($1 * 100) } }

/// Ranks 1… by share, largest first, ties by name.
func handRanks(_ shares: [String: Double]) -> [String: Int] {
  let order = shares.keys.sorted { shares[$0]! != shares[$1]! ? shares[$0]! > shares[$1]! : $0 < $1 }
  return Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0 + 1) })
}

@Suite struct CompareTests {
  /// Δ, rank change and ΔHHI of the crackdown against the same figures worked out from the shares
  /// that pandas computed (reference-compare.csv): Δ = 100 (s_B − s_A), rank change = rank_A − rank_B,
  /// ΔHHI = HHI_B − HHI_A.
  @Test func changesEqualThoseWorkedOutFromTheReferenceShares() throws {
    let rows = try loadRows("reference-compare.csv").filter { $0["case"] == "crackdown" }
    #expect(rows.count == 6)
    let shareA = Dictionary(uniqueKeysWithValues: rows.map { ($0["category"]!, Double($0["share_a"]!)!) })
    let shareB = Dictionary(uniqueKeysWithValues: rows.map { ($0["category"]!, Double($0["share_b"]!)!) })
    let ranksA = handRanks(shareA)
    let ranksB = handRanks(shareB)
    let periods = [
      Period(label: "A", first: day("2016-01-01"), last: day("2016-12-31")),
      Period(label: "B", first: day("2018-01-01"), last: day("2018-06-30")),
    ]
    let comparison = try Compare.run(
      currencyTable, shareOptions: ShareOptions(), options: CompareOptions(periods: periods, resamples: 0))
    #expect(Set(comparison.categories.map(\.category)) == Set(shareA.keys))
    var rankMoves = 0
    for c in comparison.categories {
      let change = try #require(c.changes[1])
      let expected = 100 * (shareB[c.category]! - shareA[c.category]!)
      let delta = try #require(change.deltaPP)
      #expect(abs(delta - expected) < 1e-9, "\(c.category): Δ \(delta) vs \(expected)")
      #expect(change.rankChange == ranksA[c.category]! - ranksB[c.category]!, "\(c.category) rank change")
      if ranksA[c.category] != ranksB[c.category] { rankMoves += 1 }
    }
    #expect(rankMoves >= 2, "the check needs ranks that move")
    let deltaHHI = try #require(comparison.periods[1].deltaHHI)
    let expectedHHI = handHHI(Array(shareB.values)) - handHHI(Array(shareA.values))
    #expect(abs(deltaHHI - expectedHHI) < 1e-6, "ΔHHI \(deltaHHI) vs \(expectedHHI)")
    #expect(expectedHHI < -1000)
    #expect(comparison.periods[0].deltaHHI == nil)
    // CNY fell from first to last place: rank_A − rank_B = 1 − 6.
    #expect(comparison.categories.first { $0.category == "CNY" }?.changes[1]?.rankChange == -5)
  }

  /// Shares that come from a symmetric, uncorrelated series have a symmetric bootstrap
  /// distribution: the 2.5% and 97.5% points lie equally far from the middle.
  @Test func theBootstrapIntervalIsTheCentral95Percent() throws {
    var rng = SeededGenerator(seed: 11)
    // 300 days at a mean share of 0.4, then 300 at 0.5, each day's share uniform on ±0.2 around it
    // and independent of the others; the day total is 1000.
    var rows = ["date,category,volume"]
    var sums = [0.0, 0.0]
    let day0 = CivilDate(year: 2016, month: 1, day: 1).dayNumber
    for t in 0..<600 {
      let share = (t < 300 ? 0.4 : 0.5) + Double.random(in: -0.2...0.2, using: &rng)
      let a = (share * 1000).rounded()
      sums[t < 300 ? 0 : 1] += a
      let date = CivilDate(dayNumber: day0 + Int64(t))
      rows += ["\(date),a,\(a)", "\(date),b,\(1000 - a)"]
    }
    let table = try ingest(rows.joined(separator: "\n")).table
    let periods = [
      Period(label: "A", first: Day(day0), last: Day(day0 + 299)),
      Period(label: "B", first: Day(day0 + 300), last: Day(day0 + 599)),
    ]
    let comparison = try Compare.run(
      table, shareOptions: ShareOptions(),
      options: CompareOptions(periods: periods, resamples: 4000, block: 1, seed: 3))
    let change = try #require(comparison.categories.first { $0.category == "a" }?.changes[1])
    let ci = try #require(change.ci95pp)
    let delta = 100 * (sums[1] / 300_000 - sums[0] / 300_000)
    #expect(abs(try #require(change.deltaPP) - delta) < 1e-9)
    let below = delta - ci.low
    let above = ci.high - delta
    #expect(below > 0 && above > 0)
    // Symmetric: the 2.5% and 97.5% points lie equally far from Δ.
    #expect(above / below > 0.9 && above / below < 1.1, "low \(ci.low), Δ \(delta), high \(ci.high)")
    // And 1.96 standard errors away: the daily shares are uniform on ±0.2 (variance 0.04/3), so
    // SE(Δ) = 100 √(2 · 0.04/3 / 300) ≈ 0.943 points.
    let expectedHalf = 1.96 * 100 * (2 * 0.04 / 3 / 300).squareRoot()
    #expect(abs((below + above) / 2 - expectedHalf) / expectedHalf < 0.1, "\(ci) vs ±\(expectedHalf)")
  }
}

/// Two periods of fully observed days (every category, every day), compared against shares,
/// ranks and HHI worked out from the raw volumes here.
@Suite struct ComparePropertyTests {
  @Test func changesEqualHandComputedOnesOnGeneratedData() throws {
    var rng = SeededGenerator(seed: 5)
    let names = ["a", "b", "c", "d"]
    var checked = 0
    for _ in 0..<40 {
      let days = Int.random(in: 4...20, using: &rng)
      var rows = ["date,category,volume"]
      var sums = [[Double]](repeating: [0, 0, 0, 0], count: 2)
      let day0 = CivilDate(year: 2017, month: 1, day: 1).dayNumber
      for t in 0..<(2 * days) {
        for (c, name) in names.enumerated() {
          let v = Double(Int.random(in: 1...1000, using: &rng))
          sums[t < days ? 0 : 1][c] += v
          rows.append("\(CivilDate(dayNumber: day0 + Int64(t))),\(name),\(v)")
        }
      }
      let table = try ingest(rows.joined(separator: "\n")).table
      let periods = [
        Period(label: "A", first: Day(day0), last: Day(day0 + Int64(days) - 1)),
        Period(label: "B", first: Day(day0 + Int64(days)), last: Day(day0 + Int64(2 * days) - 1)),
      ]
      let comparison = try Compare.run(
        table, shareOptions: ShareOptions(), options: CompareOptions(periods: periods, resamples: 0))
      let shares = sums.map { s in s.map { $0 / s.reduce(0, +) } }
      let ranks = shares.map { s in handRanks(Dictionary(uniqueKeysWithValues: zip(names, s))) }
      #expect(comparison.categories.count == 4)
      for category in comparison.categories {
        let c = try #require(names.firstIndex(of: category.category))
        let change = try #require(category.changes[1])
        #expect(abs(try #require(change.deltaPP) - 100 * (shares[1][c] - shares[0][c])) < 1e-9)
        #expect(change.rankChange == ranks[0][category.category]! - ranks[1][category.category]!)
        #expect(category.rank == [ranks[0][category.category], ranks[1][category.category]])
      }
      let deltaHHI = try #require(comparison.periods[1].deltaHHI)
      #expect(abs(deltaHHI - (handHHI(shares[1]) - handHHI(shares[0]))) < 1e-6)
      checked += 1
    }
    #expect(checked == 40)
  }
}

@Suite struct ConcentrationTests {
  @Test func measuresOfFiveSharesWorkedOutByHand() throws {
    // 30, 20, 20, 15, 15 %.
    let m = try #require(
      ConcentrationMeasures(shares: [0.3, 0.2, 0.2, 0.15, 0.15], observed: Array(repeating: true, count: 5)))
    #expect(abs(m.hhi - 2150) < 1e-9)  // 900 + 400 + 400 + 225 + 225
    #expect(abs(m.cr1 - 0.3) < 1e-15 && abs(m.cr3 - 0.7) < 1e-15 && abs(m.cr4 - 0.85) < 1e-15)
    #expect(abs(m.effectiveNumber - 10_000 / 2150) < 1e-12)
    // Gini = Σᵢ Σⱼ |sᵢ − sⱼ| / (2 n² s̄): the unordered pairs differ by 0.7 in all, so 1.4 / (2 · 25 · 0.2).
    #expect(abs(m.gini - 0.14) < 1e-12)
    let entropy = -(0.3 * log(0.3) + 2 * 0.2 * log(0.2) + 2 * 0.15 * log(0.15))
    #expect(abs(m.entropy - entropy) < 1e-12)
  }

  @Test func theBandEdgesAreThoseOfTheGuidelines() {
    // 2023 §2.1: below 1,000 unconcentrated; 1,000 to 1,800 moderately; above 1,800 highly.
    let b = ConcentrationBands.guidelines2023
    #expect(b.band(hhi: 999.99) == .unconcentrated)
    #expect(b.band(hhi: 1000) == .moderatelyConcentrated)
    #expect(b.band(hhi: 1800) == .moderatelyConcentrated)
    #expect(b.band(hhi: 1800.01) == .highlyConcentrated)
    let old = ConcentrationBands.guidelines2010
    #expect(old.band(hhi: 1499) == .unconcentrated && old.band(hhi: 2500) == .moderatelyConcentrated)
    #expect(old.band(hhi: 2501) == .highlyConcentrated)
  }
}

@Suite struct SmoothingTests {
  @Test func theMovingMeanAndMedianTruncateTheWindowAtTheEnds() throws {
    let mean = try MovingWindow.smooth([1, 2, 3, 4, 5], window: 3, statistic: .mean)
    #expect(mean == [1.5, 2, 3, 4, 4.5])
    let median = try MovingWindow.smooth([1, 9, 2, 8, 3], window: 3, statistic: .median)
    // Ends: median(1, 9) = 5 and median(8, 3) = 5.5; inside the middle value of three.
    #expect(median == [5, 2, 8, 3, 5.5])
    // An even window is rounded up: 4 → 5, two on each side.
    let even = try MovingWindow.smooth([1, 2, 3, 4, 5], window: 4, statistic: .mean)
    #expect(even == [2, 2.5, 3, 3.5, 4])
    #expect(try MovingWindow.smooth([7], window: 5, statistic: .mean) == [7])
  }

  @Test func eachRunOfSharesIsSmoothedOnItsOwnAndGapsStay() throws {
    // a: 0.1, 0.2, 0.3, (missing), 0.6, 0.8, 0.4 of a total of 10 each day.
    let text =
      "Time,a,b\n2016-01-01,1,9\n2016-01-02,2,8\n2016-01-03,3,7\n2016-01-04,,10\n2016-01-05,6,4\n"
      + "2016-01-06,8,2\n2016-01-07,4,6\n"
    let b = try Shares.compute(try ingest(text).table, options: ShareOptions(every: .day))
    let smooth = try b.smoothed(window: 3, statistic: .mean)
    let a = try #require(smooth.categories.firstIndex(of: "a"))
    let got = smooth.buckets.map { $0.shares[a] }
    let expected: [Double?] = [0.15, 0.2, 0.25, nil, 0.7, 0.6, 0.6]
    #expect(got.count == expected.count)
    for (g, e) in zip(got, expected) {
      switch (g, e) {
      case (nil, nil): break
      case (let g?, let e?): #expect(abs(g - e) < 1e-12, "\(got)")
      default: Issue.record("gap moved: \(got)")
      }
    }
    // Volumes and totals are not smoothed.
    #expect(smooth.buckets.map(\.total) == b.buckets.map(\.total))
    #expect(try b.smoothed(window: 1, statistic: .mean).buckets == b.buckets)
  }
}

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct BucketEdgeTests {
  /// A category that starts on the first day of the next bucket is not active in this one: the
  /// bucket [Mon 2016-01-04, Mon 2016-01-11) ends the day before b's first value.
  @Test func aCategoryStartingTheDayAfterABucketIsNotActiveInIt() throws {
    var rows = ["date,category,volume"]
    let monday = CivilDate(year: 2016, month: 1, day: 4).dayNumber
    for t in 0..<14 {
      rows.append("\(CivilDate(dayNumber: monday + Int64(t))),a,1")
      if t >= 7 { rows.append("\(CivilDate(dayNumber: monday + Int64(t))),b,1") }
    }
    let b = try Shares.compute(try ingest(rows.joined(separator: "\n")).table, options: ShareOptions(every: .week))
    #expect(b.buckets.count == 2)
    #expect(b.buckets[0].active == 1 && b.buckets[0].observed == 1 && b.buckets[0].coverage == 1)
    #expect(b.buckets[1].active == 2 && b.buckets[1].observed == 2 && b.buckets[1].coverage == 1)
  }
}

@Suite struct MovedVolumeTests {
  /// "of the moved volume" by hand: each category's change in volume per bucket, over the sum of
  /// all rises (if it rose) or of all falls (if it fell). Rises sum to 1 and falls to −1, so no
  /// category that gained volume shows a negative part, whatever the total did.
  @Test func risesAndFallsEachAddUpToTheWhole() throws {
    let periods = [
      Period(label: "A", first: day("2016-01-01"), last: day("2016-12-31")),
      Period(label: "B", first: day("2018-01-01"), last: day("2018-06-30")),
    ]
    let comparison = try Compare.run(
      currencyTable, shareOptions: ShareOptions(), options: CompareOptions(periods: periods, resamples: 0))
    let changes = comparison.categories.compactMap { $0.changes[1] }
    let volume = changes.compactMap(\.dailyVolumeChange)
    let rises = volume.filter { $0 > 0 }.reduce(0, +)
    let falls = volume.filter { $0 < 0 }.reduce(0, +)
    #expect(rises > 0 && falls < 0, "the check needs both")
    for change in changes {
      let v = try #require(change.dailyVolumeChange)
      let part = try #require(change.shareOfMovedVolume)
      #expect(abs(part - (v > 0 ? v / rises : v < 0 ? -v / falls : 0)) < 1e-12)
      #expect((part >= 0) == (v >= 0))
    }
    let parts = changes.compactMap(\.shareOfMovedVolume)
    #expect(abs(parts.filter { $0 > 0 }.reduce(0, +) - 1) < 1e-12)
    #expect(abs(parts.filter { $0 < 0 }.reduce(0, +) + 1) < 1e-12)
    // The total fell (China's exit), so the old part of the net change was negative for USD, which
    // gained volume: that is what the tables no longer show.
    let usd = try #require(comparison.categories.first { $0.category == "USD" }?.changes[1])
    #expect((usd.partOfVolumeChange ?? 0) < 0 && (usd.shareOfMovedVolume ?? 0) > 0)
  }
}
