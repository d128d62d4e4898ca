// Volumes far past Int64 (tokens in 18-decimal base units, wei) print instead of trapping: row N09
// of docs/errors.md.

import Foundation
import TestSupport
import Testing

@Suite struct LargeNumberTests {
  /// A month-by-month wide file, 2016–2018, volumes around `scale`.
  static func input(_ dir: TemporaryDirectory, scale: Double) -> String {
    var text = "Time,a,b,c\n"
    for year in 2016...2018 {
      for month in 1...12 {
        let i = Double((year - 2016) * 12 + month)
        let row = [3 + sin(i), 1 + i / 10, 2 + cos(i)].map { String(format: "%.17g", $0 * scale) }
        text += String(format: "%04d-%02d-01,", year, month) + row.joined(separator: ",") + "\n"
      }
    }
    return dir.file("wei.csv", text)
  }

  /// N09: sums and changes past 9.2e18 (Int64.max) are printed with their digits and chart labels
  /// in e-notation: `compare` and `report` trapped on the daily file in 18-decimal base units, and
  /// `report` on bucket totals of 9.2e27 and more.
  @Test(arguments: [
    ["compare", "IN", "--period", "a=2016", "--period", "b=2018"],
    ["report", "IN", "--period", "a=2016", "--period", "b=2018"],
    ["report", "IN"],
    ["concentration", "IN", "--chart"],
  ])
  func hugeVolumesPrint(_ arguments: [String]) throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let path = Self.input(dir, scale: 1e27)
    let result = try runSharelens(arguments.map { $0 == "IN" ? path : $0 })
    #expect(result.status == 0, "\(result.stderr)")
    #expect(!result.stderr.contains("Fatal error"))
  }
}
