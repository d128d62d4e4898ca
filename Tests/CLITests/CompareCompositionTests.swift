// compare's test of the whole composition through the binary: the JSON's `composition` object follows
// docs/json.md and carries the numpy reference's figures, and the text says the result under the table.

import Foundation
import TestSupport
import Testing

@Suite struct CompareCompositionTests {
  @Test func theCompositionIsInTheJSONAndUnderTheTable() throws {
    let base = [
      "compare", Paths.dailyByExchange, "--map", Paths.exchangeCurrency, "--period", "2016=2016", "--period",
      "2018H1=2018-01-01..2018-06-30", "--resamples", "0",
    ]
    let json = try runSharelens(base + ["--format", "json"])
    #expect(json.status == 0, "\(json.stderr)")
    #expect(keysInOrder(json.stdout) == (try documentedKeys(under: "## `sharelens compare --format json`")))
    let composition = try #require(try jsonObject(json.stdout)["composition"] as? [String: Any])
    // reference-composition.csv (scripts/fixtures/composition_reference.py): W = 325.7199813318187, df 4.
    let w = try #require(composition["statistic"] as? Double)
    #expect(abs(w - 325.7199813318187) < 1e-9 * w)
    #expect(composition["df"] as? Int == 4)
    let zeros = try #require(composition["zeros"] as? [String: Any])
    #expect(zeros["structural"] as? String == "left_out" && zeros["left_out"] as? [String] == ["CNY"])
    let text = try runSharelens(base)
    #expect(text.status == 0, "\(text.stderr)")
    #expect(
      text.stdout.contains(
        "Composition (5 categories; CNY left out: outside its span): Aitchison distance 1.66; Wald χ²(4) = 325.7, "
          + "p = 3.06e-69 (mean daily pivot log-ratios, Newey–West lags 14 and 10 days"))
  }
}
