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
    #expect(cny?.contains("0.00%") == true && cny?.contains("−95.83") == true && cny?.contains("< 1e-10") == true)
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
    #expect(!first.stdout.contains("NaN"))
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

  @Test func breaksDateTheFeeAndTheClosures() throws {
    let result = try runSharelens(
      ["breaks"] + base + ["--category", "CNY", "--to", "2018-12-31", "--max-breaks", "2", "--format", "json"])
    #expect(result.status == 0, "\(result.stderr)")
    let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
    let dates = (json["breaks"] as! [[String: Any]]).map { $0["date"] as! String }
    #expect(dates.count == 2)
    #expect(
      ["2017-01-21", "2017-01-22", "2017-01-23", "2017-01-24", "2017-01-25", "2017-01-26", "2017-01-27"].contains(
        dates[0]))
    #expect(dates[1] >= "2017-09-01" && dates[1] <= "2017-10-31")
  }

  @Test func breaksAtAKnownDateRunsAChowTest() throws {
    let result = try runSharelens(
      ["breaks"] + base + ["--category", "CNY", "--to", "2017-10-31", "--at", "2017-01-24", "--format", "csv"])
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("date,f,df1,df2,p_value\n2017-01-24,972.24"))
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
    #expect(result.stdout.contains("half-life of 3.4 months"))
  }

  @Test func concentrationHasEveryMeasureAndBand() throws {
    let result = try runSharelens(["concentration"] + base + ["--every", "year", "--format", "csv"])
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n")
    #expect(lines[0] == "start,end,hhi,cr1,cr3,cr4,effective_n,entropy,gini,categories,band,partial")
    #expect(lines.count == 7)
    #expect(lines[1].contains("highly concentrated"))
  }

  @Test func smoothingKeepsGapsAndWorksWithBothStatistics() throws {
    for method in ["mean", "median"] {
      let result = try runSharelens(
        ["shares"] + base + ["--every", "week", "--smooth", "5", "--smooth-method", method, "--format", "csv"])
      #expect(result.status == 0, "\(result.stderr)")
      #expect(!result.stdout.contains("nan"))
    }
    #expect(try runSharelens(["shares"] + base + ["--smooth", "0"]).status == 64)
  }
}
