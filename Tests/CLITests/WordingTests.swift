// Words a reader sees (issue 16, item 6): the moved-volume column never shows a gainer as
// negative, text uses a real minus while CSV and JSON keep ASCII, hints name the data's range in
// its own buckets, and --category has one meaning (the old column spelling warns and works).

import Foundation
import TestSupport
import Testing

@Suite struct WordingTests {
  let monthly = Paths.root + "/datasets/btc-volume-by-currency-monthly.csv"
  let periods = ["--period", "2016=2016-01-01..2016-12-31", "--period", "2018H1=2018-01-01..2018-06-30"]

  @Test func theMovedVolumeColumnSaysRisesOrFallsAndIsDefined() throws {
    let result = try runSharelens(["compare", monthly] + periods + ["--resamples", "0"])
    #expect(result.status == 0, "\(result.stderr)")
    let out = result.stdout
    #expect(out.contains("of moved volume"))
    #expect(out.contains("Δ volume/month"), "monthly data: not 'daily'")
    #expect(out.contains("Δ volume/month: the period's average volume per month minus the baseline's"))
    let rows = out.split(separator: "\n").filter { $0.contains(" of rises") || $0.contains(" of falls") }
    #expect(rows.count == 6, "\(out)")
    for row in rows {
      // A category whose volume rose (+) is a part of the rises; one that fell (−) of the falls.
      let cells = row.split(separator: "│").map { $0.trimmingCharacters(in: .whitespaces) }
      #expect(cells[3].hasPrefix("+") == cells[4].hasSuffix("of rises"), "\(row)")
      #expect(!cells[4].contains("-") && !cells[4].contains("−"), "\(row)")
    }
  }

  @Test func textHasARealMinusAndCSVAndJSONKeepASCII() throws {
    let text = try runSharelens(["compare", monthly] + periods + ["--resamples", "0"]).stdout
    // No ASCII hyphen before a digit in a table: every negative number is written with −.
    let hyphenNumber = text.split(separator: "\n").filter { $0.contains("│") }.contains { line in
      let chars = Array(line)
      return chars.indices.dropFirst().dropLast().contains { i in
        chars[i] == "-" && chars[i + 1].isNumber && (chars[i - 1] == " " || chars[i - 1] == "│")
      }
    }
    #expect(!hyphenNumber, "\(text)")
    #expect(text.contains("−"))
    for format in ["csv", "json"] {
      let machine = try runSharelens(["compare", monthly] + periods + ["--resamples", "0", "--format", format])
      #expect(machine.status == 0)
      #expect(!machine.stdout.contains("−"), "\(format)")
      #expect(machine.stdout.contains("-"), "\(format) has negative numbers")
    }
  }

  @Test func aPeriodOutsideTheDataNamesItsRangeInItsOwnBuckets() throws {
    // Monthly data ends with the bucket 2021-02: it used to say "to 2021-02-28" here and
    // "to 2021-02-01" from --from, two different wrong days.
    let compare = try runSharelens(["compare", monthly, "--period", "2016=2016", "--period", "2025=2025"])
    #expect(compare.status == 64)
    #expect(compare.stderr.contains("the data runs from 2016-02 to 2021-02 (monthly data)"), "\(compare.stderr)")
    // A period before the data with one inside: the hint named the periods' end (2018-12).
    let before = try runSharelens(["compare", monthly, "--period", "2012=2012", "--period", "2018=2018"])
    #expect(before.stderr.contains("the data runs from 2016-02 to 2021-02 (monthly data)"), "\(before.stderr)")
    let shares = try runSharelens(["shares", monthly, "--from", "2025-01-01"])
    #expect(shares.stderr.contains("the data runs from 2016-02 to 2021-02 (monthly data)"), "\(shares.stderr)")
    let daily = try runSharelens(["shares", Paths.dailyByExchange, "--from", "2025-01-01"])
    #expect(daily.stderr.contains("the data runs from 2016-02-23 to 2021-02-22"), "\(daily.stderr)")
  }

  @Test func theOldCategoryColumnSpellingWarnsAndStillWorks() throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let file = dir.file("long.csv", "date,exchange,v\n2016-01-01,a,1\n2016-01-01,b,3\n")
    let old = try runSharelens(["shares", file, "--category", "exchange", "--format", "csv"])
    let new = try runSharelens(["shares", file, "--group", "exchange", "--format", "csv"])
    #expect(old.status == 0 && old.stdout == new.stdout)
    #expect(old.stderr.contains("write --group exchange"), "\(old.stderr)")
    #expect(new.stderr.isEmpty)
    #expect(!(try runSharelens(["shares", "--help"])).stdout.contains("--category"))
  }

  @Test func anUnknownCategoryToAnalysePointsAtTheGroupingForAColumn() throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let file = dir.file("long.csv", "date,exchange,v\n2016-01-01,a,1\n2016-01-02,a,2\n2016-01-01,b,3\n")
    for command in ["trend", "report"] {
      let result = try runSharelens([command, file, "--category", "exchange"])
      #expect(result.status == 64, "\(command)")
      #expect(result.stderr.contains("unknown category \"exchange\""), "\(command): \(result.stderr)")
      #expect(result.stderr.contains("--category names one of them"), "\(command): \(result.stderr)")
      #expect(
        result.stderr.contains("if \"exchange\" is a column, take the categories from it with --group exchange"),
        "\(command): \(result.stderr)")
    }
  }
}
