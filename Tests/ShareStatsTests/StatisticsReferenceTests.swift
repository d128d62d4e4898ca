// The statistics against the committed references: scipy (Welch), statsmodels (Newey–West, OLS,
// Chow RSS), ruptures and an exact solver (PELT), numpy/pandas (concentration). The scripts that
// made them are in scripts/fixtures/.

import ShareData
import ShareStats
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A fixture as rows of column → text.
func loadRows(_ name: String) throws -> [[String: String]] {
  let scanner = CSVScanner(stream: try FileStream(path: Paths.fixture("ShareStatsTests", name)))
  _ = try scanner.next()
  let header = try scanner.strings()
  var rows: [[String: String]] = []
  while try scanner.next() {
    rows.append(Dictionary(uniqueKeysWithValues: zip(header, try scanner.strings())))
  }
  return rows
}

func day(_ text: String) -> Day { UnixTime(seconds: try! TimeParser.parse(text).get().seconds).day }

/// The daily by-exchange file mapped to currencies (read once).
let currencyTable: VolumeTable = {
  let ingest = try! Ingest.read(paths: [Paths.dailyByExchange], options: IngestOptions())
  let map = try! CategoryMap.load(path: Paths.exchangeCurrency)
  return ingest.table.regrouped(try! map.newNames(for: ingest.table.categories, unmapped: .error))
}()

func series(_ category: String, _ from: String, _ to: String) throws -> ShareSeries {
  let daily = try Shares.compute(
    currencyTable, options: ShareOptions(every: .day, firstDay: day(from), lastDay: day(to)))
  return try ShareSeries(daily, category: category)
}

func expectClose(_ actual: Double?, _ expected: String?, tolerance: Double = 1e-9, _ what: String) {
  guard let expected, !expected.isEmpty else {
    #expect(actual == nil, "\(what): \(String(describing: actual)) but the reference is empty")
    return
  }
  let value = Double(expected)!
  guard let actual else {
    Issue.record("\(what): nil but the reference is \(value)")
    return
  }
  #expect(
    relativeDifference(actual, value) <= tolerance || abs(actual - value) < 1e-300,
    "\(what): \(actual) vs reference \(value)")
}

/// reference-hac.csv (R's sandwich): series id → automatic lag and standard error of the mean.
let hacReference: [String: (lag: Int, se: Double)] = {
  var out: [String: (lag: Int, se: Double)] = [:]
  for row in try! loadRows("reference-hac.csv") { out[row["series"]!] = (Int(row["lag"]!)!, Double(row["se"]!)!) }
  return out
}()

@Suite struct StatisticsReferenceTests {
  @Test func compareEqualsScipyAndStatsmodels() throws {
    let rows = try loadRows("reference-compare.csv")
    #expect(rows.count == 12)
    for (caseName, rowsOfCase) in Dictionary(grouping: rows, by: { $0["case"]! }) {
      let first = rowsOfCase[0]
      let periods = [first["period_a"]!, first["period_b"]!].enumerated().map { i, range -> Period in
        let parts = range.split(separator: ".", omittingEmptySubsequences: true)
        return Period(label: i == 0 ? "A" : "B", first: day(String(parts[0])), last: day(String(parts[1])))
      }
      // The mean daily share is the estimand whose HAC standard error is that of the daily shares.
      let comparison = try Compare.run(
        currencyTable, shareOptions: ShareOptions(),
        options: CompareOptions(periods: periods, resamples: 0, weighting: .equal))
      for row in rowsOfCase {
        let c = comparison.categories.first { $0.category == row["category"]! }!
        let what = "\(caseName) \(c.category)"
        let change = c.changes[1]!
        expectClose(c.share[0], row["share_a"], what + " share A")
        expectClose(c.share[1], row["share_b"], what + " share B")
        expectClose(c.meanDailyShare[0], row["mean_a"], what + " mean A")
        expectClose(c.meanDailyShare[1], row["mean_b"], what + " mean B")
        expectClose(change.deltaPP.map { $0 / 100 }, row["delta"], tolerance: 1e-9, what + " Δ of means")
        expectClose(change.welch.t, row["welch_t"], what + " t")
        expectClose(change.welch.degreesOfFreedom, row["welch_df"], what + " df")
        expectClose(change.welch.pValue, row["p_value"], tolerance: 1e-6, what + " p")
        // HAC: each period's automatic lag, against R's sandwich (reference-hac.csv); the fixture's
        // lag_a/lag_b are the fixed rule ⌊4 (n/100)^(2/9)⌋ of statsmodels, kept as NeweyWest.lag.
        #expect(NeweyWest.lag(count: Int(row["n_a"]!)!) == Int(row["lag_a"]!)!)
        let hac = [first["period_a"]!, first["period_b"]!].map { range -> (lag: Int, se: Double)? in
          // A constant series (CNY in 2018H1) has no row: lag 0, standard error 0.
          let id = "compare:\(c.category):\(range)"
          return hacReference[id] ?? (inferenceSeries[id] != nil ? (0, 0) : nil)
        }
        #expect(hac[0] != nil && hac[1] != nil, "\(what) has HAC references")
        if let a = hac[0], let b = hac[1] {
          expectClose(change.hacSEpp.map { $0 / 100 }, "\((a.se * a.se + b.se * b.se).squareRoot())", what + " HAC SE")
          #expect(change.hacLags.map { "\($0.0),\($0.1)" } == "\(a.lag),\(b.lag)", "\(what) HAC lags")
        }
      }
    }
  }

  /// The volume share's HAC standard error is that of the mean of z_t = (v_t − ŝ·V_t) / V̄: R's sandwich on
  /// u_t = v_t − ŝ·V_t (reference-hac.csv, linearised:*) divided by the period's mean day total V̄.
  @Test func theVolumeShareHACIsSandwichOnTheLinearisedSeries() throws {
    let rows = try loadRows("reference-compare.csv")
    var checked = 0
    for (caseName, rowsOfCase) in Dictionary(grouping: rows, by: { $0["case"]! }) {
      let ranges = [rowsOfCase[0]["period_a"]!, rowsOfCase[0]["period_b"]!]
      let periods = ranges.enumerated().map { i, range -> Period in
        let parts = range.split(separator: ".", omittingEmptySubsequences: true)
        return Period(label: i == 0 ? "A" : "B", first: day(String(parts[0])), last: day(String(parts[1])))
      }
      let comparison = try Compare.run(
        currencyTable, shareOptions: ShareOptions(), options: CompareOptions(periods: periods, resamples: 0))
      let meanTotal = comparison.periods.map { $0.total / Double($0.days) }
      for c in comparison.categories {
        let change = try #require(c.changes[1])
        let what = "\(caseName) \(c.category)"
        expectClose(change.deltaPP.map { $0 / 100 }, "\(c.share[1]! - c.share[0]!)", what + " Δ of volume shares")
        let reference = ranges.map { range -> (lag: Int, se: Double) in
          // A constant series (CNY in 2018H1: 0 every day) has no row: lag 0, standard error 0.
          hacReference["linearised:\(c.category):\(range)"] ?? (0, 0)
        }
        let se = (0..<2).map { reference[$0].se / meanTotal[$0] }
        expectClose(change.hacSEpp.map { $0 / 100 }, "\((se[0] * se[0] + se[1] * se[1]).squareRoot())", what + " SE")
        #expect(change.hacLags.map { [$0.0, $0.1] } == reference.map(\.lag), "\(what) HAC lags")
        let z = change.deltaPP! / change.hacSEpp!
        expectClose(change.pValueHAC, "\(erfc(abs(z) / 2.0.squareRoot()))", tolerance: 1e-9, what + " HAC p")
        checked += 1
      }
    }
    #expect(checked == 12)
  }

  @Test func theCrackdownComparisonReadsAsTheIssueSays() throws {
    let periods = [
      Period(label: "2016", first: day("2016-01-01"), last: day("2016-12-31")),
      Period(label: "2018H1", first: day("2018-01-01"), last: day("2018-06-30")),
    ]
    let comparison = try Compare.run(
      currencyTable, shareOptions: ShareOptions(), options: CompareOptions(periods: periods))
    let cny = comparison.categories.first { $0.category == "CNY" }!
    #expect(String(format2(cny.share[0]! * 100)) == "95.83")
    #expect(cny.share[1] == 0)
    let change = cny.changes[1]!
    #expect(abs(change.deltaPP! + 95.83) < 0.01)
    #expect(change.welch.pValue! < 1e-10)
    let ci = change.ci95pp!
    #expect(ci.low <= change.deltaPP! && change.deltaPP! <= ci.high)
    // Deterministic: the same seed gives the same interval.
    let again = try Compare.run(currencyTable, shareOptions: ShareOptions(), options: CompareOptions(periods: periods))
    #expect(again.categories.first { $0.category == "CNY" }!.changes[1]!.ci95pp! == ci)
    #expect(comparison.periods[1].deltaHHIFlagged)
  }

  @Test func comparingAPeriodWithItselfChangesNothing() throws {
    let p = Period(label: "A", first: day("2017-03-01"), last: day("2017-05-31"))
    var q = p
    q.label = "B"
    let comparison = try Compare.run(
      currencyTable, shareOptions: ShareOptions(), options: CompareOptions(periods: [p, q], resamples: 200))
    for c in comparison.categories {
      let change = c.changes[1]!
      #expect(change.deltaPP == 0)
      #expect(change.welch.pValue == 1)
      #expect(change.rankChange == 0)
    }
    #expect(comparison.periods[1].deltaHHI == 0)
  }

  @Test func monthlyConcentrationEqualsPandas() throws {
    let rows = try loadRows("reference-concentration-monthly.csv")
    let monthly = try Shares.compute(currencyTable, options: ShareOptions(every: .month))
    let series = ConcentrationSeries(monthly)
    #expect(series.rows.count == rows.count)
    for (row, ours) in zip(rows, series.rows) {
      #expect(ours.bucket.startDate.description == row["month"]!)
      let m = ours.measures!
      let what = row["month"]!
      expectClose(m.hhi, row["hhi"], what + " hhi")
      expectClose(m.cr1, row["cr1"], what + " cr1")
      expectClose(m.cr3, row["cr3"], what + " cr3")
      expectClose(m.cr4, row["cr4"], what + " cr4")
      expectClose(m.effectiveNumber, row["effective_n"], what + " effective n")
      expectClose(m.entropy, row["entropy"], what + " entropy")
      expectClose(m.gini, row["gini"], what + " gini")
      #expect(m.categories == Int(row["n_categories"]!)!)
      #expect(ours.band?.rawValue == row["band"]!)
    }
  }

  @Test func concentrationEdgeCases() {
    let monopoly = ConcentrationMeasures(shares: [1, 0, nil], observed: [true, true, false])!
    #expect(monopoly.hhi == 10_000 && monopoly.effectiveNumber == 1 && monopoly.cr1 == 1)
    let even = ConcentrationMeasures(shares: [0.25, 0.25, 0.25, 0.25], observed: [true, true, true, true])!
    #expect(abs(even.hhi - 2500) < 1e-9 && abs(even.gini) < 1e-15 && abs(even.entropy - log(4.0)) < 1e-15)
    #expect(ConcentrationMeasures(shares: [nil, nil], observed: [false, false]) == nil)
    #expect(ConcentrationBands.guidelines2023.band(hhi: 999) == .unconcentrated)
    #expect(ConcentrationBands.guidelines2023.band(hhi: 1800) == .moderatelyConcentrated)
    #expect(ConcentrationBands.guidelines2010.band(hhi: 2000) == .moderatelyConcentrated)
  }

  @Test func peltFindsTheExactOptimumAndRupturesWhereItIsExact() throws {
    let rows = try loadRows("reference-breaks.csv")
    for (caseName, caseRows) in Dictionary(grouping: rows, by: { $0["case"]! }) {
      let first = caseRows[0]
      let s = try series(first["category"]!, first["from"]!, first["to"]!)
      let analysis = try Breaks.analyse(
        s, penalty: .manual(Double(first["penalty"]!)!), minSegment: Int(first["min_segment"]!)!)
      #expect(analysis.count == Int(first["n"]!)!)
      #expect(analysis.clamped == Int(first["clamped"]!)!)
      #expect(analysis.method == "PELT")
      expectClose(analysis.sigma, first["sigma"], caseName + " sigma")
      let exact = caseRows.filter { $0["solver"] == "exact" }
      let ruptures = caseRows.filter { $0["solver"] == "ruptures" }
      expectClose(analysis.criterion, exact[0]["objective"], caseName + " objective")
      #expect(analysis.breaks.map { $0.date.description } == exact.map { $0["break_date"]! }, "\(caseName)")
      for (ours, row) in zip(analysis.breaks, exact) {
        expectClose(ours.deltaPP, row["delta_pp"], "\(caseName) \(row["break_date"]!) Δ")
      }
      if ruptures[0]["objective"] == exact[0]["objective"] {
        #expect(analysis.breaks.map { $0.date.description } == ruptures.map { $0["break_date"]! })
      }
    }
  }

  @Test func twoBreaksAreTheOptimalPairNotTheLargestJumpsOfABiggerFit() throws {
    let analysis = try Breaks.analyse(try series("CNY", "2016-02-23", "2017-10-31"), maxBreaks: 2)
    #expect(analysis.breaks.map(\.date.description) == ["2017-01-24", "2017-09-21"])
    #expect(analysis.penalty == nil && analysis.method == "Bai-Perron")
  }

  @Test func chowAndTrendEqualStatsmodels() throws {
    for row in try loadRows("reference-chow.csv") {
      let chow = try ChowTest(try series(row["category"]!, row["from"]!, row["to"]!), at: day(row["date"]!))
      let what = row["case"]!
      expectClose(chow.f, row["F"], what + " F")
      expectClose(chow.pValue, row["p_value"], tolerance: 1e-6, what + " p")
      expectClose(chow.rssPooled, row["rss_pooled"], what + " RSS")
      expectClose(chow.rssBefore, row["rss_1"], what + " RSS1")
      expectClose(chow.rssAfter, row["rss_2"], what + " RSS2")
      #expect(chow.df2 == Int(row["df2"]!)!)
    }
    for row in try loadRows("reference-trend.csv") {
      let trend = try TrendFit(try series(row["category"]!, row["from"]!, row["to"]!))
      let what = row["case"]!
      #expect(trend.count == Int(row["n"]!)! && trend.clamped == Int(row["clamped"]!)!)
      expectClose(trend.slope, row["slope"], what + " slope")
      expectClose(trend.intercept, row["intercept"], tolerance: 1e-7, what + " intercept")
      expectClose(trend.slopeSE, row["slope_se"], what + " SE")
      expectClose(trend.r2, row["r2"], what + " R²")
      expectClose(trend.halfLifeMonths, row["half_life_months"], what + " half-life")
      // statsmodels' p can be subnormal (1.6e-310); compare on the log scale above 1e-300.
      let p = Double(row["p_value"]!)!
      if p > 1e-300 {
        expectClose(trend.pValue, row["p_value"], tolerance: 1e-6, what + " p")
      } else {
        #expect(trend.pValue < 1e-290)
      }
    }
  }

  @Test func welchAndHACEdgeCasesSayWhyInsteadOfNaN() throws {
    let one = try WelchTest([0.5], [0.1, 0.2])
    #expect(one.t == nil && one.pValue == nil && one.note != nil)
    let constant = try WelchTest([0.5, 0.5], [0.5, 0.5])
    #expect(constant.pValue == 1)
    let different = try WelchTest([0.5, 0.5], [0.1, 0.1])
    #expect(different.pValue == 0 && different.t == nil)
    #expect(throws: StatisticsInputError.self) { try NeweyWest.standardErrorOfMean([1]) }
  }

  @Test func peltAgreesWithBruteForceOnSmallSeries() {
    var rng = SeededGenerator(seed: 7)
    for _ in 0..<200 {
      let n = Int.random(in: 4...14, using: &rng)
      let y = (0..<n).map { i in Double(i < n / 2 ? 0 : 3) + Double.random(in: -1...1, using: &rng) }
      let m = Int.random(in: 1...3, using: &rng)
      let beta = Double.random(in: 0.1...5, using: &rng)
      let pelt = Breaks.pelt(y, penalty: beta, minSegment: m)
      #expect(abs(pelt.objective - bruteForce(y, beta: beta, m: m)) < 1e-9)
    }
  }
}

/// The optimal penalised l2 segmentation by trying every admissible set of breaks.
func bruteForce(_ y: [Double], beta: Double, m: Int) -> Double {
  let n = y.count
  func cost(_ s: Int, _ t: Int) -> Double {
    let part = y[s..<t]
    let mean = part.reduce(0, +) / Double(part.count)
    return part.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
  }
  var best = Double.infinity
  func search(_ start: Int, _ acc: Double) {
    if n - start >= m { best = min(best, acc + cost(start, n)) }
    var t = start + m
    while t + m <= n {
      search(t, acc + cost(start, t) + beta)
      t += 1
    }
  }
  if n < 2 * m { return cost(0, n) }
  search(0, 0)
  return best
}

#if canImport(Glibc)
  import Glibc
#endif
