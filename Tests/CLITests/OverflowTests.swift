// Sums past the largest Double are an error, never 0% shares or "missing": row N10 of docs/errors.md.

import Foundation
import TestSupport
import Testing

@Suite struct OverflowTests {
  /// N10: volumes whose bucket sum, range sum, or price × amount pass 1.8e308 (they gave 0% shares,
  /// an empty total, or "missing" with status 0).
  @Test(arguments: [
    ("in.csv", "Time,a,b\n2016-01-01,1e308,1e308\n2016-01-02,1,3\n", [String]()),
    ("in.csv", "Time,a,b\n2016-01-01,1e308,1\n2016-01-02,1e308,3\n", ["--every", "month"]),
    ("in.csv", "Time,a,b\n2016-01-01,1e308,1\n2016-02-01,1e308,3\n", []),
    ("bitstampUSD.csv", "1451606400,1e200,1e200\n1451606401,1,1\n", ["--unit", "quote"]),
  ])
  func sumsPastTheLargestDoubleAreAnError(_ name: String, _ text: String, _ options: [String]) throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let path = dir.file(name, text)
    let result = try runSharelens(["shares", path, "--format", "csv"] + options)
    #expect(result.status == 65, "\(result.stdout)\n\(result.stderr)")
    #expect(result.stderr.contains("add up past 1.8e308"), "\(result.stderr)")
  }
}
