// The statistics commands as a user runs them, on the real daily by-exchange export.

import Foundation
import TestSupport
import Testing

@Suite(.serialized) struct StatisticsCommandTests {
  let base = [Paths.dailyByExchange, "--map", Paths.exchangeCurrency]

  @Test func compareShowsTheCrackdownHeadline() throws {
    let result = try runSharelens(
      ["compare"] + base + ["--period", "2016=2016-01-01..2016-12-31", "--period", "2018H1=2018-01-01..2018-06-30"])
    #expect(result.status == 0, "\(result.stderr)")
    let cny = result.stdout.split(separator: "\n").first { $0.hasPrefix("CNY") && $0.contains("95.83%") }
    #expect(cny != nil)
    #expect(cny?.contains("0.00%") == true && cny?.contains("−95.83") == true)
    // The headline p is the bootstrap's: every one of the 2,000 resamples fell, so p < 1/2000, printed as
    // the plain bound; the HAC p underflows (z ≈ −166) and prints as the floor, never 0.
    // (At 80 columns the HAC p is in the table's second panel, on another CNY line.)
    #expect(cny?.contains("< 0.0005") == true)
    #expect(result.stdout.split(separator: "\n").contains { $0.hasPrefix("CNY") && $0.contains("< 1e-300") })
  }

  @Test func compareJSONFollowsTheContractAndIsDeterministic() throws {
    let arguments =
      ["compare"] + base + ["--period", "A=2017-03..2017-05", "--period", "B=2017-06..2017-08", "--format", "json"]
    let first = try runSharelens(arguments)
    let second = try runSharelens(arguments)
    #expect(first.status == 0)
    #expect(first.stdout == second.stdout)
    let json = try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as! [String: Any]
    let cny = (json["categories"] as! [[String: Any]]).first { $0["category"] as? String == "CNY" }!
    #expect(abs((cny["p_value"] as! Double) - 0.072218551474057618) < 1e-7)
    #expect((cny["ci95_pp"] as! [Double]).count == 2)
    #expect((json["periods"] as! [[String: Any]]).count == 2)
    // Every category's interval holds its own Δ.
    for category in json["categories"] as! [[String: Any]] {
      guard let delta = category["delta_pp"] as? Double, let ci = category["ci95_pp"] as? [Double] else {
        Issue.record("\(category["category"]!): no Δ or interval")
        continue
      }
      #expect(ci[0] <= delta && delta <= ci[1], "\(category["category"]!): \(delta) outside \(ci)")
    }
  }

  @Test func compareUsageErrors() throws {
    #expect(try runSharelens(["compare"] + base + ["--period", "A=2016"]).status == 64)
    #expect(
      try runSharelens(["compare"] + base + ["--period", "A=2016", "--period", "B=2017", "--baseline", "C"]).status
        == 64)
    #expect(try runSharelens(["compare"] + base + ["--period", "A2016", "--period", "B=2017"]).status == 64)
    let empty = try runSharelens(["compare"] + base + ["--period", "A=2010", "--period", "B=2017"])
    #expect(empty.status == 64 && empty.stderr.contains("has no data"))
  }

  /// --aggregate names compare's catch-all: it stays in the HHI's upper bound but is no firm in CR4
  /// or the leader (pool 60%, a 25% then 15%, b 15% then 25%; the pool would otherwise lead).
  @Test func compareAggregateNamesTheCatchAll() throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let days = (1...4).map { d in "2016-01-0\(d),60,\(d <= 2 ? 25 : 15),\(d <= 2 ? 15 : 25)" }
    let input = dir.file("in.csv", (["Time,pool,a,b"] + days).joined(separator: "\n") + "\n")
    let run = try runSharelens([
      "compare", input, "--period", "A=2016-01-01..2016-01-02", "--period", "B=2016-01-03..2016-01-04",
      "--aggregate", "pool", "--resamples", "0", "--format", "json",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    let json = try jsonObject(run.stdout)
    #expect(json["catch_all"] as? String == "pool")
    let periods = try #require(json["periods"] as? [[String: Any]])
    let first = try #require(periods.first)
    #expect(first["leader"] as? String == "a")
    #expect((first["cr4"] as? Double).map { abs($0 - 0.4) < 1e-12 } == true)
    #expect((first["hhi_atomistic"] as? Double).map { abs($0 - 850) < 1e-9 } == true)
    #expect((periods.last?["rank_correlation"] as? Double).map { abs($0 - 0.5) < 1e-12 } == true)
  }

  @Test func breaksDateTheFeeAndTheClosures() throws {
    let result = try runSharelens(
      ["breaks"] + base + ["--category", "CNY", "--to", "2017-10-31", "--max-breaks", "2", "--format", "json"])
    #expect(result.status == 0, "\(result.stderr)")
    let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
    let dates = (json["breaks"] as! [[String: Any]]).map { $0["date"] as! String }
    // The optimal 2-break fit (strucchange: breakpoints(y ~ 1, h = 7, breaks = 2)), not the two largest
    // jumps of a larger fit (2017-01-24 and 2017-09-18 before).
    #expect(dates == ["2017-01-24", "2017-09-21"])
    #expect(json["method"] as? String == "Bai-Perron")
  }

  @Test func logitAnalysesRunOnTheCategorysSpanNotItsStructuralZeros() throws {
    // CNY's last observation is 2017-10-31: asking to 2018-12-31 analyses the same 617 days (before: 1043
    // days, 426 of them clamped zeros, and a "break" on 2017-11-01 when CNY ended).
    let result = try runSharelens(
      ["breaks"] + base + ["--category", "CNY", "--to", "2018-12-31", "--max-breaks", "2", "--format", "json"])
    #expect(result.status == 0, "\(result.stderr)")
    let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
    #expect(json["n"] as? Int == 617 && json["clamped"] as? Int == 0)
    #expect((json["breaks"] as! [[String: Any]]).map { $0["date"] as! String } == ["2017-01-24", "2017-09-21"])
    #expect(!result.stderr.contains("clamped"))
  }

  @Test func breaksAtAKnownDateRunsAChowTest() throws {
    let result = try runSharelens(
      ["breaks"] + base + ["--category", "CNY", "--to", "2017-10-31", "--at", "2017-01-24", "--format", "csv"])
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("date,f,df1,df2,p_value,f_hac,p_hac,hac_lag\n2017-01-24,972.24"))
    // The HAC version (lmtest::waldtest with sandwich::NeweyWest(prewhite = FALSE)): F 91.85, lag 18.
    #expect(result.stdout.contains(",91.85"))
  }

  @Test func unknownCategoryIsAUsageErrorListingTheCategories() throws {
    let result = try runSharelens(["trend"] + base + ["--category", "XYZ"])
    #expect(result.status == 64)
    #expect(result.stderr.contains("unknown category \"XYZ\"") && result.stderr.contains("CNY"))
  }

  @Test func trendGivesTheHalfLife() throws {
    let result = try runSharelens(
      ["trend"] + base + ["--category", "CNY", "--from", "2017-01-24", "--to", "2017-10-31"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("the odds share/(1 − share) halve every 3.4 months"))
    // Newey–West: SE 0.0631 with lag 14 (sandwich::NeweyWest(prewhite = FALSE)), not 0.0151.
    #expect(result.stdout.contains("Newey–West (lag 14): SE 0.0631"))
    // ln 2 / (0.2040 ± t₀.₉₇₅,₂₇₉ · 0.0631) months.
    #expect(result.stdout.contains("(95% interval 2.1–8.7, Newey–West)"))
    #expect(result.stdout.contains("−33.04 points per year"))
  }

  /// Bands for firms (exchanges) only: currencies (the map's groups) get none, and the text says why.
  @Test func concentrationHasEveryMeasureAndBandsOnlyForFirms() throws {
    let result = try runSharelens(
      ["concentration"] + base + ["--every", "year", "--format", "csv", "--resamples", "0"])
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(
      lines[0] == "start,end,hhi,cr1,cr3,cr4,effective_n,entropy,gini,categories,band,partial,"
        + "hhi_atomistic,leader,instability,rank_correlation,entropy_between,entropy_within,band_atomistic,"
        + "hhi_ci95_lower,hhi_ci95_upper")
    #expect(lines.count == 8)
    #expect(!result.stdout.contains("concentrated") && lines[1].contains(",CNY,"))
    let firms = try runSharelens(
      ["concentration", Paths.dailyByExchange, "--every", "year", "--format", "csv", "--resamples", "0"])
    #expect(firms.stdout.split(separator: "\n")[1].contains("highly concentrated"))
    let text = try runSharelens(["concentration"] + base + ["--every", "year", "--resamples", "50"])
    #expect(text.stdout.contains("No merger-guideline band: the categories are the groups of the map"))
    #expect(text.stdout.contains("other is a catch-all of unknown small firms"))
    #expect(text.stdout.contains("moving-block bootstrap over 1827 days, block 93, 50 resamples"))
    let named = try runSharelens(
      ["concentration", Paths.dailyByExchange, "--every", "year", "--aggregate", "okcoin", "--format", "json"])
    #expect(named.stdout.contains("\"catch_all\": \"okcoin\""))
    let unknown = try runSharelens(["concentration", Paths.dailyByExchange, "--aggregate", "nobody"])
    #expect(unknown.status == 64 && unknown.stderr.contains("names no category: \"nobody\""))
  }

  /// The smoothed daily exchange shares of the real export equal the moving mean and median of
  /// the unsmoothed ones, worked out here (a centred window of 5, truncated at the ends and at the
  /// days an exchange is missing).
  @Test func smoothingKeepsGapsAndWorksWithBothStatistics() throws {
    let daily = [Paths.dailyByExchange, "--every", "day"]
    let plain = try runSharelens(["shares"] + daily + ["--format", "csv"])
    #expect(plain.status == 0, "\(plain.stderr)")
    // start,end,category,volume,share,total,coverage,partial,day_coverage,days_left_out,gaps
    var series: [String: [Double?]] = [:]
    var starts: [String] = []
    for line in plain.stdout.split(separator: "\n").dropFirst() {
      let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      if starts.last != f[0] { starts.append(f[0]) }
      series[f[2], default: []].append(Double(f[4]))
    }
    #expect(starts.count > 1000 && series.values.allSatisfy { $0.count == starts.count })
    #expect(series.values.contains { $0.contains(nil) }, "the check needs a gap")
    func smooth(_ xs: [Double?], _ statistic: ([Double]) -> Double) -> [Double?] {
      xs.indices.map { i in
        guard xs[i] != nil else { return nil }
        var lo = i
        var hi = i
        while lo > i - 2, lo > 0, xs[lo - 1] != nil { lo -= 1 }
        while hi < i + 2, hi < xs.count - 1, xs[hi + 1] != nil { hi += 1 }
        return statistic((lo...hi).map { xs[$0]! })
      }
    }
    let mean: ([Double]) -> Double = { $0.reduce(0, +) / Double($0.count) }
    let median: ([Double]) -> Double = { v in
      let s = v.sorted()
      return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }
    for (method, statistic) in [("mean", mean), ("median", median)] {
      let result = try runSharelens(
        ["shares"] + daily + ["--smooth", "5", "--smooth-method", method, "--format", "csv"])
      #expect(result.status == 0, "\(result.stderr)")
      var got: [String: [Double?]] = [:]
      for line in result.stdout.split(separator: "\n").dropFirst() {
        let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        got[f[2], default: []].append(Double(f[4]))
      }
      #expect(Set(got.keys) == Set(series.keys))
      var compared = 0
      for (category, values) in series {
        let expected = smooth(values, statistic)
        let actual = got[category] ?? []
        #expect(actual.count == expected.count, "\(method) \(category)")
        for (i, (a, e)) in zip(actual, expected).enumerated() {
          switch (a, e) {
          case (nil, nil): break
          case (let a?, let e?):
            #expect(abs(a - e) < 1e-12, "\(method) \(category) \(starts[i]): \(a) vs \(e)")
            compared += 1
          default:
            Issue.record("\(method) \(category) \(starts[i]): \(String(describing: a)) vs \(String(describing: e))")
          }
        }
      }
      #expect(compared > 1000)
    }
    #expect(try runSharelens(["shares"] + base + ["--smooth", "0"]).status == 64)
  }
}
