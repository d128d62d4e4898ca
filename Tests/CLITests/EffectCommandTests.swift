// `sharelens effect` through the binary: its JSON follows docs/json.md and carries R's numbers
// (Tests/ShareStatsTests/Fixtures/reference-effect.csv, scripts/fixtures/effect_reference.R), every format
// prints, and a date outside the window or a missing --at is a usage error.

import Foundation
import TestSupport
import Testing

@Suite struct EffectCommandTests {
  let base = [
    "effect", Paths.dailyByExchange, "--map", Paths.exchangeCurrency, "--category", "CNY", "--from", "2017-02-01",
    "--to", "2017-10-31", "--at", "2017-09-15",
  ]

  @Test func jsonFollowsDocsAndCarriesRsNumbers() throws {
    let run = try runSharelens(base + ["--format", "json"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(keysInOrder(run.stdout) == (try documentedKeys(under: "## `sharelens effect --format json`")))
    let json = try jsonObject(run.stdout)
    #expect(json["hac_lag"] as? Double == 10)
    let event = try #require((json["events"] as? [[String: Any]])?.first)
    // reference-effect.csv, case cny-closures.
    let reference: [String: Double] = [
      "level_change": -0.86043840869079058, "level_change_se_hac": 0.20773999175368496,
      "slope_change": -1.3383668105789872, "slope_change_se_hac": 0.2353522344861077,
      "effect_pp": -13.010383747018786, "cumulative_pp_days": -611.48803610988296,
    ]
    for (key, value) in reference {
      let got = try #require(event[key] as? Double, "\(key)")
      #expect(relativeDifference(got, value) < 1e-10, "\(key): \(got) vs \(value)")
    }
    let ci = try #require(event["ci95_pp"] as? [Double])
    #expect(
      relativeDifference(ci[0], -16.033111106797307) < 1e-10 && relativeDifference(ci[1], -9.9876563872402642) < 1e-10)
    #expect(event["placebo_rank"] as? Double == 1 && event["placebo_count"] as? Double == 167)
    #expect((json["path"] as? [Any])?.count == 273)
  }

  @Test func textCSVAndChartsPrint() throws {
    let text = try runSharelens(base + ["--chart", "--width", "100"])
    #expect(text.status == 0, "\(text.stderr)")
    #expect(text.stdout.contains("2017-09-15") && text.stdout.contains("1 of 168") && text.stdout.contains("−13.01"))
    #expect(text.stdout.contains("without the event"))
    let csv = try runSharelens(base + ["--at", "2017-06-01", "--format", "csv"])
    #expect(csv.status == 0, "\(csv.stderr)")
    let lines = csv.stdout.split(separator: "\n")
    #expect(lines.count == 3 && lines[1].hasPrefix("CNY,2017-06-01,") && lines[2].hasPrefix("CNY,2017-09-15,"))
    let svg = try runSharelens(base + ["--format", "svg"])
    #expect(svg.status == 0 && svg.stdout.hasPrefix("<svg") && svg.stdout.contains("without the event"))
  }

  @Test func aDateOutsideTheWindowOrNoDateIsAUsageError() throws {
    let outside = try runSharelens(base + ["--at", "2018-03-01"])
    #expect(outside.status == 64 && outside.stderr.contains("outside CNY's window 2017-02-01..2017-10-31"))
    let none = try runSharelens(Array(base.dropLast(2)))
    #expect(none.status == 64 && none.stderr.contains("--at"))
    let close = try runSharelens(base + ["--at", "2017-09-16"])
    #expect(close.status == 64 && close.stderr.contains("in 2017-09-15..2017-09-15: every stretch"), "\(close.stderr)")
  }

  /// With 8 monthly values after the event the symmetric delta-method interval reached −103 points;
  /// no difference of two shares can, so it is cut at ±100 (and the cumulative one at ±100 × n).
  @Test func anIntervalNeverPassesWhatAShareCanMove() throws {
    let run = try runSharelens([
      "effect", Paths.root + "/datasets/btc-volume-by-currency-monthly.csv", "--category", "CNY", "--at", "2017-02-09",
      "--format", "json",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    let event = try #require((try jsonObject(run.stdout)["events"] as? [[String: Any]])?.first)
    let effect = try #require(event["effect_pp"] as? Double)
    let se = try #require(event["effect_se_pp"] as? Double)
    let ci = try #require(event["ci95_pp"] as? [Double])
    let cumulative = try #require(event["cumulative_ci95_pp_days"] as? [Double])
    #expect(effect - 2 * se < -100, "the case must be one the cut applies to")
    #expect(ci[0] == -100 && ci[1] < 0 && ci[1] > effect)
    #expect(cumulative[0] == -100 * (event["horizon_n"] as? Double ?? 0))
  }
}
