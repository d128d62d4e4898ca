// The exact segmentation (Bai & Perron 2003) and the criteria that choose the number of breaks against
// R's strucchange, made by scripts/fixtures/breaks_bp_reference.R: the Nile example of its manual and the
// daily CNY share, 2016-02-23..2017-10-31, which the script computes from the CSV itself.

import ShareData
import ShareStats
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite struct BreaksReferenceTests {
  func logit(_ caseName: String) throws -> [Double] {
    if caseName == "nile" { return try loadRows("reference-nile.csv").map { Double($0["flow"]!)! } }
    return LogitSeries(try series("CNY", "2016-02-23", "2017-10-31").shares).values
  }

  @Test func everyOptimalFitEqualsStrucchange() throws {
    let rows = try loadRows("reference-bp.csv")
    for (caseName, caseRows) in Dictionary(grouping: rows, by: { $0["case"]! }) {
      let y = try logit(caseName)
      #expect(y.count == Int(caseRows[0]["n"]!)!)
      let fits = BaiPerron.segment(y, minSegment: Int(caseRows[0]["h"]!)!)
      #expect(fits.maxBreaks == caseRows.count - 1, "\(caseName): largest number of breaks")
      for row in caseRows {
        let m = Int(row["m"]!)!
        guard m <= fits.maxBreaks else { continue }
        let what = "\(caseName) m = \(m)"
        #expect(fits.breaks[m] == row["breaks"]!.split(separator: " ").map { Int($0)! }, "\(what)")
        expectClose(fits.rss[m], row["rss"], what + " RSS")
        expectClose(fits.bic(m), row["bic"], what + " BIC")
        expectClose(fits.lwz(m), row["lwz"], what + " LWZ")
      }
      let bestBIC = caseRows.min { Double($0["bic"]!)! < Double($1["bic"]!)! }!
      #expect(fits.argmin(fits.bic) == Int(bestBIC["m"]!)!, "\(caseName): BIC's number of breaks")
    }
  }

  @Test func breakDateIntervalsEqualStrucchangesConfint() throws {
    let rows = try loadRows("reference-bp-ci.csv")
    for (key, group) in Dictionary(grouping: rows, by: { "\($0["case"]!) m = \($0["m"]!)" }) {
      let y = try logit(group[0]["case"]!)
      let starts = group.sorted { Int($0["break"]!)! < Int($1["break"]!)! }.map { Int($0["point"]!)! }
      let ours = BreakDateInterval.intervals(y, starts: starts)
      for (interval, row) in zip(ours, group.sorted { Int($0["break"]!)! < Int($1["break"]!)! }) {
        #expect(interval?.lower == Int(row["lower"]!), "\(key) break \(row["break"]!) lower")
        #expect(interval?.upper == Int(row["upper"]!), "\(key) break \(row["break"]!) upper")
      }
    }
  }

  @Test func supFEqualsStrucchangesSctest() throws {
    for row in try loadRows("reference-supf.csv") {
      let test = try SupFTest(try logit(row["case"]!), trim: Double(row["trim"]!)!)
      expectClose(test.statistic, row["statistic"], row["case"]! + " sup-F")
      // strucchange computes 1 − pchisq(), which cannot go below 2.2e-16; GSL's upper tail can.
      if Double(row["p_value"]!)! < 1e-14 {
        #expect(test.pValue < 1e-14, "\(row["case"]!) p = \(test.pValue)")
      } else {
        expectClose(test.pValue, row["p_value"], tolerance: 1e-6, row["case"]! + " p")
      }
      #expect(test.argmax == Int(row["argmax"]!)!, "\(row["case"]!) argmax")
    }
  }

  @Test func hacChowEqualsLmtestWaldtestWithNeweyWest() throws {
    for row in try loadRows("reference-chow-hac.csv") {
      let chow = try ChowTest(try series("CNY", row["from"]!, row["to"]!), at: day(row["date"]!))
      let what = row["case"]!
      #expect(chow.hacLag == Int(row["lag"]!)!, "\(what) lag")
      // R fits the uncentred t (≈ 570 months, a 9-month window in the 2017 case) by QR, which costs it about
      // seven digits there (7e-8 relative); sharelens centres t. 1e-6 holds for all three cases.
      expectClose(chow.fHAC, row["f_hac"], tolerance: 1e-6, what + " F")
      expectClose(chow.pValueHAC, row["p_hac"], tolerance: 1e-5, what + " p")  // 4e-6 in that case
    }
  }

  @Test func bicWithSevenDaySegmentsGivesStrucchangesEighteenCNYBreaks() throws {
    let analysis = try Breaks.analyse(try series("CNY", "2016-02-23", "2017-10-31"), penalty: .bic, minSegment: 7)
    #expect(analysis.breaks.count == 18)
    #expect(analysis.breaks.first?.date.description == "2016-03-01")
    #expect(analysis.breaks.last?.date.description == "2017-10-10")
  }

  @Test func modifiedBICIsTheOptimumOfItsObjective() {
    var rng = SeededGenerator(seed: 11)
    for _ in 0..<150 {
      let n = Int.random(in: 4...13, using: &rng)
      let y = (0..<n).map { i in Double(i < n / 2 ? 0 : 2) + Double.random(in: -1...1, using: &rng) }
      let h = Int.random(in: 1...3, using: &rng)
      let sigma = Double.random(in: 0.3...1.5, using: &rng)
      let found = ModifiedBIC.search(y, sigma: sigma, minSegment: h)
      #expect(abs(found.objective - bruteForceMBIC(y, sigma: sigma, h: h)) < 1e-9)
    }
  }
}

/// Σ_j [RSS_j/σ² + ln n_j] + 3 m ln n minimised by trying every admissible set of breaks.
func bruteForceMBIC(_ y: [Double], sigma: Double, h: Int) -> Double {
  let n = y.count
  func cost(_ s: Int, _ t: Int) -> Double {
    let part = y[s..<t]
    let mean = part.reduce(0, +) / Double(part.count)
    return part.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (sigma * sigma) + log(Double(t - s))
  }
  guard n >= 2 * h else { return cost(0, n) }
  var best = Double.infinity
  for mask in 0..<(1 << (n - 1)) {
    let starts = (1..<n).filter { mask & (1 << ($0 - 1)) != 0 }
    let bounds = [0] + starts + [n]
    guard zip(bounds, bounds.dropFirst()).allSatisfy({ $1 - $0 >= h }) else { continue }
    let total = zip(bounds, bounds.dropFirst()).reduce(0) { $0 + cost($1.0, $1.1) }
    best = min(best, total + 3 * log(Double(n)) * Double(starts.count))
  }
  return best
}

@Suite struct TrendHACReferenceTests {
  @Test func neweyWestSlopeEqualsSandwich() throws {
    for row in try loadRows("reference-trend-hac.csv") {
      let trend = try TrendFit(try series("CNY", row["from"]!, row["to"]!))
      let what = row["case"]!
      #expect(trend.count == Int(row["n"]!)!)
      #expect(trend.hacLag == Int(row["lag"]!)!, "\(what) lag")
      expectClose(trend.slopeSE, row["se_ols"], what + " OLS SE")
      expectClose(trend.slopeSEHAC, row["se_hac"], tolerance: 1e-8, what + " HAC SE")
      expectClose(trend.pValueHAC, row["p_hac"], tolerance: 1e-6, what + " HAC p")
      let s = try series("CNY", row["from"]!, row["to"]!).shares
      let mean = s.reduce(0, +) / Double(s.count)
      #expect(abs(trend.slopePointsPerYear - 1200 * trend.slope * mean * (1 - mean)) < 1e-9)
      let ci = try #require(trend.halfLifeCI95)
      #expect(ci.lower! < trend.halfLifeMonths! && (ci.upper ?? .infinity) > trend.halfLifeMonths!)
    }
  }
}
