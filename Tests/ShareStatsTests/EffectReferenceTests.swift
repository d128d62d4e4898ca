// The interrupted time series of `effect` against R (lm, sandwich::NeweyWest with bwNeweyWest's lag,
// prewhite = FALSE, and the delta method and placebos written out in R), made by
// scripts/fixtures/effect_reference.R on the daily CNY share with the fee change (2017-01-24) and the
// announced closures (2017-09-15). Agreement is about 2e-14 relative; the tolerance is 1e-10.

import ShareData
import ShareStats
import TestSupport
import Testing

@Suite struct EffectReferenceTests {
  @Test func coefficientsHACErrorsEffectsAndPlaceboRanksEqualR() throws {
    let rows = try loadRows("reference-effect.csv")
    #expect(rows.count == 3)
    for (name, caseRows) in Dictionary(grouping: rows, by: { $0["case"]! }) {
      let first = caseRows[0]
      let events = first["events"]!.split(separator: " ").map { day(String($0)) }
      let e = try EffectAnalysis(try series("CNY", first["from"]!, first["to"]!).withinSpan(), events: events)
      #expect(e.count == Int(first["n"]!)!, "\(name) n")
      #expect(e.hacLag == Int(first["lag"]!)!, "\(name) lag")
      #expect(e.degreesOfFreedom == Int(first["df"]!)!, "\(name) df")
      expectClose(e.intercept, first["intercept"], tolerance: 1e-10, "\(name) intercept")
      expectClose(e.preSlope, first["slope"], tolerance: 1e-10, "\(name) slope")
      expectClose(e.preSlopeSEHAC, first["slope_se_hac"], tolerance: 1e-10, "\(name) slope SE")
      for row in caseRows {
        let what = "\(name) \(row["event"]!)"
        let v = try #require(e.events.first { $0.day.description == row["event"]! })
        #expect(v.horizonCount == Int(row["horizon_n"]!)!, "\(what) horizon")
        expectClose(v.levelChange, row["level_change"], tolerance: 1e-10, what + " jump")
        expectClose(v.levelChangeSE, row["level_change_se"], tolerance: 1e-10, what + " jump SE")
        expectClose(v.levelChangeSEHAC, row["level_change_se_hac"], tolerance: 1e-10, what + " jump SE HAC")
        expectClose(v.slopeChange, row["slope_change"], tolerance: 1e-10, what + " slope change")
        expectClose(v.slopeChangeSE, row["slope_change_se"], tolerance: 1e-10, what + " slope change SE")
        expectClose(v.slopeChangeSEHAC, row["slope_change_se_hac"], tolerance: 1e-10, what + " slope change SE HAC")
        expectClose(v.effectPP, row["effect_pp"], tolerance: 1e-10, what + " effect")
        expectClose(v.effectSE, row["effect_se_pp"], tolerance: 1e-10, what + " effect SE")
        expectClose(v.effectCI95.lowerBound, row["ci95_lower_pp"], tolerance: 1e-10, what + " CI lower")
        expectClose(v.effectCI95.upperBound, row["ci95_upper_pp"], tolerance: 1e-10, what + " CI upper")
        expectClose(v.cumulativePP, row["cumulative_pp_days"], tolerance: 1e-10, what + " cumulative")
        #expect(v.placeboRank == Int(row["placebo_rank"]!), "\(what) placebo rank")
        #expect(v.placeboCount == Int(row["placebo_count"]!)!, "\(what) placebo count")
      }
    }
  }

  @Test func counterfactualIsTheFitWithoutTheEventAndItsIntervalHoldsIt() throws {
    let e = try EffectAnalysis(try series("CNY", "2017-02-01", "2017-10-31").withinSpan(), events: [day("2017-09-15")])
    let before = e.path.filter { $0.day < day("2017-09-15").number }
    let after = e.path.filter { $0.day >= day("2017-09-15").number }
    #expect(before.allSatisfy { $0.counterfactual == nil })
    #expect(after.count == e.events[0].horizonCount)
    for p in after {
      let cf = try #require(p.counterfactual)
      #expect(try #require(p.counterfactualCI95).contains(cf))
    }
    let mean = after.map { 100 * ($0.fitted - $0.counterfactual!) }.reduce(0, +) / Double(after.count)
    #expect(abs(mean - e.events[0].effectPP) < 1e-9)
  }

  @Test func anEventOutsideTheWindowOrTooCloseToAnotherIsRefused() throws {
    let s = try series("CNY", "2017-02-01", "2017-10-31").withinSpan()
    #expect(throws: ShareError.self) { try EffectAnalysis(s, events: [day("2018-01-01")]) }
    #expect(throws: ShareError.self) { try EffectAnalysis(s, events: [day("2017-09-15"), day("2017-09-16")]) }
  }

  @Test func eachEventAloneInsideTheSpanIsFittedOrSaysWhyNot() throws {
    let s = try series("CNY", "2017-02-01", "2017-10-31")
    let events = [
      MarketEvent(day: day("2017-01-24"), label: "before the window"),
      MarketEvent(day: day("2017-09-15"), label: "closures"),
      MarketEvent(day: day("2017-10-30"), label: "two days before the end"),
    ]
    let fits = EffectAnalysis.eachAlone(s, events: events)
    #expect(fits.map(\.event.label) == ["closures", "two days before the end"])
    let alone = try EffectAnalysis(s.withinSpan(), events: [day("2017-09-15")])
    #expect(fits[0].effect?.effectPP == alone.events[0].effectPP)
    #expect(fits[1].analysis == nil && fits[1].skipped == "2 values after it")
  }
}
