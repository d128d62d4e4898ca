// What was done to the data is stated wherever the shares go (issue 16, item 3): equal weighting,
// smoothing and the top-N fold under the caption of the terminal chart and in the SVG (its text and
// its <desc>, surviving --chart-type), and as columns of the CSV; a chart of a series names its own
// bucket width and draws it over whole buckets.

import Foundation
import TestSupport
import Testing

@Suite(.serialized) struct TransformationStatementTests {
  static let monthly = Paths.root + "/datasets/btc-volume-by-currency-monthly.csv"

  /// The <desc> of an SVG file.
  func desc(_ path: String) throws -> String {
    let svg = try String(contentsOfFile: path, encoding: .utf8)
    return svg.firstMatch(of: /<desc>([^<]*)<\/desc>/).map { String($0.1) } ?? ""
  }

  @Test func smoothingWeightingAndFoldAreStatedUnderTheSVGChartRedrawnAsBars() throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    // Bars: the redrawn chart gets a caption of its own and must keep the notes.
    for type in ["bars"] {
      let out = dir.path + "/\(type).svg"
      let run = try runSharelens([
        "shares", Self.monthly, "--every", "year", "--smooth", "3", "--top", "3", "--weighting", "equal",
        "--chart-type", type, "--format", "svg", "--out", out,
      ])
      #expect(run.status == 0, "\(run.stderr)")
      let svg = try String(contentsOfFile: out, encoding: .utf8)
      let notes = [
        "Equal weighting: each year&#39;s share is the mean of the category&#39;s monthly shares within it.",
        "Smoothed: each share is the centred moving mean of 3 years&#39; shares.",
        "Top 3 by volume; 2 more folded into other (the data&#39;s own catch-all): JPY, KRW.",
      ]
      for note in notes {
        #expect(svg.contains(">\(note)</text>"), "\(type): \(note)")
        #expect(try desc(out).contains(note), "\(type): \(note)")
      }
    }
  }

  @Test func theTerminalChartStatesTheTransformationsUnderItsCaption() throws {
    let run = try runSharelens([
      "shares", Self.monthly, "--every", "year", "--smooth", "3", "--top", "3", "--chart", "--width", "90",
      "--color", "never",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    let lines = run.stdout.split(separator: "\n").map(String.init)
    let caption = try #require(lines.firstIndex { $0.hasPrefix("Each year's volume split by category") })
    #expect(lines[caption + 1] == "Smoothed: each share is the centred moving mean of 3 years' shares.")
    #expect(lines[caption + 2].hasPrefix("Top 3 by volume; 2 more folded into other"))
  }

  @Test func theBreaksChartOfMonthlyDataSaysMonthlyAndDrawsALine() throws {
    let run = try runSharelens([
      "breaks", Self.monthly, "--category", "CNY", "--chart", "--width", "90", "--color", "never",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("Monthly share; vertical lines mark the breaks"))
    #expect(!run.stdout.contains("Daily share"))
    // 21 months drawn over their whole width: far more marks than one dot per month's first day.
    let chart = run.stdout.components(separatedBy: "CNY: breaks in the share").last ?? ""
    #expect(chart.filter { $0 == "●" }.count > 40)
  }

  @Test func theCSVHasAColumnForEachTransformation() throws {
    let run = try runSharelens([
      "shares", Self.monthly, "--every", "year", "--smooth", "3", "--top", "3", "--weighting", "equal",
      "--format", "csv",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    let lines = run.stdout.split(separator: "\n").map(String.init)
    #expect(
      lines[0]
        == "start,end,category,volume,share,total,coverage,partial,day_coverage,days_left_out,gaps,smoothing,weighting,folded"
    )
    let other = try #require(lines.first { $0.contains(",other,") })
    #expect(other.hasSuffix(",mean 3,equal,JPY;KRW"), "\(other)")
    let usd = try #require(lines.first { $0.contains(",USD,") })
    #expect(usd.hasSuffix(",mean 3,equal,"), "\(usd)")
  }

  @Test func theReportStatesItsFoldUnderEveryChartItShapesAndItsWeightingInTheMethods() throws {
    let run = try runSharelens([
      "report", Self.monthly, "--top", "3", "--weighting", "equal", "--every", "year", "--period", "a=2016",
      "--period", "b=2018", "--category", "CNY", "--width", "100", "--color", "never", "--resamples", "0",
    ])
    // The methods said "(volume-weighted)" whatever --weighting asked.
    let flat = run.stdout.replacingOccurrences(of: "\n", with: " ")
    #expect(flat.contains("Shares: the mean of a category's monthly shares within the bucket (equal weighting"))
    #expect(!flat.contains("(volume-weighted)"))
    #expect(run.status == 0, "\(run.stderr)")
    let note = "Top 3 by volume; 2 more folded into other (the data's own catch-all): JPY, KRW."
    // Under the shares chart, the two comparison charts and the concentration chart.
    #expect(run.stdout.components(separatedBy: "\n" + note + "\n").count - 1 == 4, "\(run.stdout)")
  }

  @Test func concentrationStatesTheFoldUnderItsTableAndInItsJSON() throws {
    let run = try runSharelens([
      "concentration", Self.monthly, "--top", "3", "--every", "year", "--resamples", "0", "--width", "200",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.hasSuffix("\nTop 3 by volume; 2 more folded into other (the data's own catch-all): JPY, KRW.\n"))
    let json = try runSharelens([
      "concentration", Self.monthly, "--top", "3", "--every", "year", "--resamples", "0", "--format", "json",
    ])
    #expect(json.stdout.contains("\"weighting\": \"volume\""), "\(json.stdout.prefix(400))")
    #expect(json.stdout.contains("\"into\": \"other\""), "\(json.stdout.prefix(400))")
    #expect(json.stdout.contains("\"JPY\","), "\(json.stdout.prefix(400))")
  }

  @Test func trendStatesEqualWeightingUnderItsText() throws {
    // The same footer line breaks and effect print (Charts.stating).
    let run = try runSharelens([
      "trend", Self.monthly, "--category", "CNY", "--weighting", "equal", "--every", "quarter",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(
      run.stdout.hasSuffix(
        "\nEqual weighting: each quarter's share is the mean of the category's monthly shares within it.\n"))
  }

  /// trend, breaks (both modes) and effect carry the same statement in JSON (a `transformations`
  /// member at the end) and CSV (a last column on every row); plain outputs do not.
  @Test(arguments: [
    ["trend", "--category", "CNY"], ["breaks", "--category", "CNY", "--min-segment", "2"],
    ["breaks", "--category", "CNY", "--at", "2017-01-01"], ["effect", "--category", "CNY", "--at", "2017-01-01"],
  ])
  func trendBreaksAndEffectStateItInJSONAndCSV(_ command: [String]) throws {
    let equal = [command[0], Self.monthly] + command.dropFirst() + ["--weighting", "equal", "--every", "quarter"]
    let note = "Equal weighting: each quarter's share is the mean of the category's monthly shares within it."
    let json = try runSharelens(equal + ["--format", "json"])
    #expect(json.status == 0, "\(json.stderr)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any], "\(json.stdout)")
    #expect(object["transformations"] as? [String] == [note], "\(json.stdout)")
    #expect(
      json.stdout.range(of: "\"transformations\"")!.lowerBound > json.stdout.range(of: "\"category\"")!.lowerBound)
    let csv = try runSharelens(equal + ["--format", "csv"])
    #expect(csv.status == 0, "\(csv.stderr)")
    let lines = csv.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count >= 2, "\(csv.stdout)")
    #expect(lines[0].hasSuffix(",transformations"), "\(lines[0])")
    for line in lines.dropFirst() { #expect(line.hasSuffix(",\"\(note)\"") || line.hasSuffix(",\(note)"), "\(line)") }
    let plain = try runSharelens([command[0], Self.monthly] + command.dropFirst() + ["--format", "json"])
    #expect(plain.status == 0 && !plain.stdout.contains("transformations"), "\(plain.stdout)")
  }
}
