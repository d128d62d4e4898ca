// A European CSV (semicolons, 1.234,56) read by the binary with nothing said, against pandas'
// pd.read_csv(sep=';', decimal=',', thousands='.') (scripts/fixtures/decimal_comma_reference.py
// made the file and the reference); the numbers inspect shows and the --decimal option.

import Foundation
import TestSupport
import Testing

@Suite struct DecimalCommaCommandTests {
  static let data = Paths.fixture("ShareStatsTests", "european-decimal-comma.csv")
  static let reference = Paths.fixture("ShareStatsTests", "reference-european-decimal-comma.csv")

  @Test func monthlySharesOfAEuropeanCSVMatchPandas() throws {
    // pandas sums what is there (an empty cell adds nothing): sharelens' --gaps ignore.
    let run = try runSharelens(["shares", Self.data, "--every", "month", "--gaps", "ignore", "--format", "csv"])
    #expect(run.status == 0, "\(run.stderr)")
    var got: [String: (Double, Double)] = [:]
    for line in run.stdout.split(separator: "\n").dropFirst() {
      let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      got[f[0] + " " + f[2]] = (Double(f[3])!, Double(f[4])!)
    }
    let rows = try String(contentsOfFile: Self.reference, encoding: .utf8).split(separator: "\n").dropFirst()
    #expect(rows.count == 9 && got.count == 9)
    for line in rows {
      let f = line.split(separator: ",").map(String.init)
      let mine = try #require(got[f[0] + " " + f[1]], "\(f[0]) \(f[1])")
      #expect(relativeDifference(mine.0, Double(f[2])!) < 1e-12, "\(line) vs \(mine)")
      #expect(relativeDifference(mine.1, Double(f[3])!) < 1e-12, "\(line) vs \(mine)")
    }
  }

  @Test func inspectNamesTheDecimalMarkAndTheOptionForcesIt() throws {
    let inspect = try runSharelens(["inspect", Self.data])
    #expect(inspect.stdout.contains("delimiter   semicolon\n  decimal     comma\n"), "\(inspect.stdout)")
    let json = try runSharelens(["inspect", Self.data, "--format", "json"])
    #expect(json.stdout.contains("\"delimiter\": \"semicolon\",\n      \"decimal_mark\": \"comma\","), "\(json.stdout)")
    // Forced to a point, "9.825,61" is no number: the error names the place and the other mark.
    let forced = try runSharelens(["shares", Self.data, "--decimal", "point"])
    #expect(forced.status == 65)
    #expect(forced.stderr.contains("european-decimal-comma.csv:2:2: not a number: \"9.825,61\""), "\(forced.stderr)")
    #expect(forced.stderr.contains("--decimal comma"), "\(forced.stderr)")
  }
}
