// compare's per-period concentration knows what a firm is, as concentration does, against
// scripts/fixtures/compare_concentration_reference.py (pandas/scipy on the shared daily file): the
// catch-all ("others", "other") counted in the HHI bounds but never as a firm in CR1/CR4 or as the
// leader, and the rank mobility (Spearman's ρ, scipy.stats.spearmanr) of each period's volume
// shares from the baseline's.

import Foundation
import ShareData
import ShareStats
import TestSupport
import Testing

@Suite struct CompareConcentrationTests {
  func check(_ table: VolumeTable, grouping: String) throws {
    let rows = try loadRows("reference-compare-concentration.csv").filter { $0["grouping"] == grouping }
    let periods = rows.map { Period(label: $0["period"]!, first: day($0["from"]!), last: day($0["to"]!)) }
    let comparison = try Compare.run(
      table, shareOptions: ShareOptions(), options: CompareOptions(periods: periods, resamples: 0))
    #expect(comparison.periods.count == rows.count)
    for (row, ours) in zip(rows, comparison.periods) {
      let what = grouping + " " + row["period"]!
      let m = try #require(ours.concentration)
      expectClose(m.hhi, row["hhi"], what + " hhi")
      expectClose(m.hhiAtomistic, row["hhi_atomistic"], what + " hhi_atomistic")
      expectClose(m.cr1, row["cr1"], what + " cr1")
      expectClose(m.cr4, row["cr4"], what + " cr4")
      #expect(m.leader.map { comparison.categories[$0].category } == row["leader"], "\(what) leader")
      expectClose(ours.rankCorrelation, row["rank_correlation"], what + " rank correlation")
    }
  }

  @Test func exchangePeriodsEqualScipy() throws {
    try check(ConcentrationIOTests.exchangeTable, grouping: "exchange")
  }

  @Test func currencyPeriodsEqualScipy() throws {
    try check(currencyTable, grouping: "currency")
  }

  /// A named catch-all (`--aggregate`) is left out of CRk; without one the same category is a firm.
  @Test func aNamedCatchAllIsNoFirm() throws {
    var rows = ["date,category,volume"]
    let day0 = CivilDate(year: 2017, month: 1, day: 1).dayNumber
    for t in 0..<20 {
      let date = CivilDate(dayNumber: day0 + Int64(t))
      rows += ["\(date),pool,60", "\(date),a,\(t < 10 ? 25 : 15)", "\(date),b,\(t < 10 ? 15 : 25)"]
    }
    let table = try ingest(rows.joined(separator: "\n")).table
    let periods = [
      Period(label: "A", first: Day(year: 2017, month: 1, day: 1), last: Day(year: 2017, month: 1, day: 10)),
      Period(label: "B", first: Day(year: 2017, month: 1, day: 11), last: Day(year: 2017, month: 1, day: 20)),
    ]
    var options = CompareOptions(periods: periods, resamples: 0)
    let plain = try Compare.run(table, shareOptions: ShareOptions(), options: options)
    let leaderFirst = try #require(plain.periods[0].concentration)
    #expect(plain.catchAll == nil && abs(leaderFirst.cr1 - 0.6) < 1e-15)
    options.catchAll = "pool"
    let pooled = try Compare.run(table, shareOptions: ShareOptions(), options: options)
    let m = try #require(pooled.periods[0].concentration)
    #expect(pooled.catchAll == "pool" && abs(m.cr1 - 0.25) < 1e-15 && abs(m.cr4 - 0.4) < 1e-15)
    #expect(m.leader.map { pooled.categories[$0].category } == "a")
    #expect(abs(m.hhi - 4_450) < 1e-9 && abs(m.hhiAtomistic - 850) < 1e-9)
    // Three categories, a and b swap places, the pool stays first: ρ = 1 − 6·2 / (3·8) = 0.5.
    let rho = try #require(pooled.periods[1].rankCorrelation)
    #expect(abs(rho - 0.5) < 1e-15)
    #expect(pooled.periods[0].rankCorrelation == nil)
  }
}
