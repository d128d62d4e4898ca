// `shares --unit USD --rates FILE --peg USDT`: monthly shares of two exchanges over four markets
// quoted in USD, EUR and USDT, compared with an independent pandas computation
// (scripts/fixtures/units_reference.py → monthly_shares.csv); `inspect` names the unit.

import Foundation
import TestSupport
import Testing

struct CurrencyUnitCommandTests {
  private func units(_ relative: String) -> String { Paths.fixture("ShareDataTests", "units/" + relative) }

  @Test func monthlySharesInDollarsMatchPandas() throws {
    let run = try runSharelens([
      "shares", units("data"), "--group", "exchange", "--unit", "USD", "--rates", units("rates.csv"), "--peg",
      "USDT,USDC", "--every", "month", "--format", "csv",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    var found: [String: Double] = [:]
    for line in run.stdout.split(separator: "\n").dropFirst() {
      let f = line.split(separator: ",")
      found["\(f[0].prefix(7)),\(f[2])"] = Double(String(f[4]))
    }
    let reference = try String(contentsOfFile: units("monthly_shares.csv"), encoding: .utf8)
    var expected: [String: Double] = [:]
    for line in reference.split(separator: "\n").dropFirst() {
      let f = line.split(separator: ",")
      expected["\(f[0]),\(f[1])"] = Double(String(f[2]))!
    }
    #expect(Set(found.keys) == Set(expected.keys))
    for (key, share) in expected {
      let value = found[key] ?? .nan
      #expect(abs(value - share) <= 1e-9 * share, "\(key): \(value) vs \(share)")
    }
  }

  @Test func inspectListsTheTargetAsEachMarketsUnit() throws {
    let run = try runSharelens([
      "inspect", units("data/krakenEUR.csv"), "--unit", "USD", "--rates", units("rates.csv"), "--format", "json",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    let markets = try #require(try jsonObject(run.stdout)["markets"] as? [[String: Any]])
    #expect(markets.first?["unit"] as? String == "USD" && markets.first?["quote"] as? String == "EUR")
    let text = try runSharelens([
      "inspect", units("data/krakenEUR.csv"), "--unit", "USD", "--rates", units("rates.csv"),
    ])
    #expect(text.stdout.contains("values      price × amount (EUR) → USD (from EUR at daily rates)"), "\(text.stdout)")
  }
}
