// A report that never contradicts itself (issue 16, item 3): one top-N fold for every section,
// into the data's own catch-all, said where it happens; no headline names the catch-all as a
// winner; smoothing is stated in the footer, CSV and JSON.

import Foundation
import TestSupport
import Testing

@Suite struct ReportWordingTests {
  @Test func theFoldIsOneStatedAndGoesIntoTheDatasOwnCatchAll() throws {
    let result = try runSharelens([
      "report", Paths.dailyByExchange, "--period", "2017=2017", "--period", "2018=2018", "--format", "markdown",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let text = result.stdout
    let sentence =
      "The 6 largest categories by volume are named in every table and chart; the 3 smaller (bitflyer, bitstamp, bithumb) are added to others, the data's own catch-all."
    // Said in the shares section and again in the comparison, where the fold shows.
    #expect(text.components(separatedBy: sentence).count == 3, "\(text.prefix(3000))")
    #expect(!text.contains("| Other "), "no second catch-all beside the data's own")
    let headlines = text.split(separator: "\n").filter { $0.hasPrefix("- ") || $0.hasPrefix("* ") }
    #expect(!headlines.isEmpty)
    for line in headlines {
      #expect(!line.contains("others gained") && !line.contains("others's"), "\(line)")
    }
    #expect(text.contains("bitfinex gained the most"), "the largest named gainer, not others")
  }

  @Test func smoothingIsStatedInTheFooterCSVAndJSON() throws {
    let file = Paths.monthlyByExchange
    let text = try runSharelens(["shares", file, "--smooth", "3"]).stdout
    #expect(text.contains("Smoothed shares: each share is the centred moving mean of 3 months' shares"), "\(text)")
    #expect(!text.contains("Shares of each month's volume"))
    let csv = try runSharelens(["shares", file, "--smooth", "3", "--format", "csv"]).stdout
    #expect(
      csv.hasPrefix(
        "start,end,category,volume,share,total,coverage,partial,day_coverage,days_left_out,gaps,smoothing\n"))
    #expect(csv.split(separator: "\n").dropFirst().allSatisfy { $0.hasSuffix(",mean 3") })
    let json = try runSharelens(["shares", file, "--smooth", "4", "--smooth-method", "median", "--format", "json"])
    let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
    let smoothing = object?["smoothing"] as? [String: Any]
    #expect(smoothing?["window"] as? Int == 5, "an even window is rounded up to odd")
    #expect(smoothing?["statistic"] as? String == "median")
    let plain = try runSharelens(["shares", file, "--format", "json"]).stdout
    #expect(plain.contains("\"smoothing\": null"))
    let plainCSV = try runSharelens(["shares", file, "--format", "csv"]).stdout
    #expect(
      plainCSV.hasPrefix("start,end,category,volume,share,total,coverage,partial,day_coverage,days_left_out,gaps\n"))
  }

  /// shares --top folds into the data's own `others` too (it made a second "Other" beside it), says
  /// so under the table, and JSON names what was folded.
  @Test func sharesTopFoldsIntoTheDatasCatchAllAndSaysSo() throws {
    let args = ["shares", Paths.dailyByExchange, "--every", "year", "--top", "3"]
    let text = try runSharelens(args)
    #expect(text.status == 0, "\(text.stderr)")
    #expect(!text.stdout.contains("Other"), "\(text.stdout)")
    #expect(
      text.stdout.contains(
        "Top 3 by volume; 6 more folded into others (the data's own catch-all): bitfinex, coinbase, kraken, bitflyer, bitstamp, bithumb."
      ))
    let json = try jsonObject(try runSharelens(args + ["--format", "json"]).stdout)
    let top = try #require(json["top"] as? [String: Any])
    #expect(top["n"] as? Double == 3 && top["into"] as? String == "others")
    #expect((top["folded"] as? [String])?.count == 6)
    #expect(json["categories"] as? [String] == ["okcoin", "huobi", "btcchina", "others"])
    let unfolded = try jsonObject(try runSharelens(["shares", Paths.dailyByExchange, "--format", "json"]).stdout)
    #expect(unfolded["top"] is NSNull)
  }
}
