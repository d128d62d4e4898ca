// Invariants of the share computation, checked on generated inputs. The generators come from
// swift-property-based; they are driven from a fixed seed so every run checks the same cases.

import PropertyBased
import ShareData
import ShareStats
import TestSupport
import Testing

/// One observation: day offset, category index, volume (nil = an empty cell).
struct Observation: Sendable {
  var day: Int
  var category: Int
  var volume: Int?
}

let observationGen = zip(Gen.int(in: 0...59), Gen.int(in: 0...4), Gen.int(in: 0...1000).optional)
  .map { Observation(day: $0, category: $1, volume: $2) }
let observationsGen = observationGen.array(of: 1...80)

/// Long CSV text of the observations (each (day, category) once: later duplicates are dropped).
func longCSV(_ observations: [Observation], scale: Double = 1, names: [String] = ["a", "b", "c", "d", "e"]) -> [String]
{
  var seen = Set<Int>()
  var rows: [String] = []
  for o in observations where seen.insert(o.day * 10 + o.category).inserted {
    let date = CivilDate(dayNumber: CivilDate(year: 2017, month: 1, day: 1).dayNumber + Int64(o.day)).description
    rows.append("\(date),\(names[o.category]),\(o.volume.map { String(Double($0) * scale) } ?? "")")
  }
  return rows
}

func breakdown(_ files: [[String]], _ options: ShareOptions) throws -> ShareBreakdown {
  let inputs = files.enumerated().map {
    (name: "f\($0.offset).csv", text: (["date,category,volume"] + $0.element).joined(separator: "\n"))
  }
  return try Shares.compute(try ingest(inputs).table, options: options)
}

/// Two breakdowns have the same categories (in any order) and the same shares to 1e-12.
func expectSameShares(_ x: ShareBreakdown, _ y: ShareBreakdown) {
  #expect(x.categories.sorted() == y.categories.sorted())
  #expect(x.buckets.map(\.startDay) == y.buckets.map(\.startDay))
  for (bx, by) in zip(x.buckets, y.buckets) {
    for (c, name) in x.categories.enumerated() {
      guard let d = y.categories.firstIndex(of: name) else { continue }
      switch (bx.shares[c], by.shares[d]) {
      case (nil, nil): break
      case (let p?, let q?): #expect(abs(p - q) <= 1e-12, "\(name) \(bx.startDate): \(p) vs \(q)")
      default:
        Issue.record(
          "\(name) \(bx.startDate): \(String(describing: bx.shares[c])) vs \(String(describing: by.shares[d]))")
      }
    }
  }
}

func hasData(_ rows: [String]) -> Bool { rows.contains { !$0.hasSuffix(",") } }

/// Runs `body` on `count` values of `generator`, from a fixed seed.
func forAll<Value>(
  count: Int, seed: UInt64, _ generator: Generator<Value, some Sequence>, _ body: (Value) throws -> Void
) rethrows {
  var rng = Xoshiro(seed: (seed, 0x5EED, 0xC0FFEE, 0x2017_0124))
  for _ in 0..<count { try body(generator.run(using: &rng)) }
}

/// Counts the generated cases a property actually checked, so a property whose every case was
/// skipped (no data) or failed early cannot pass having checked nothing.
final class CaseCounter: @unchecked Sendable {
  var checked = 0
  var skipped = 0

  func expectMostChecked(of count: Int, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    #expect(checked + skipped == count, sourceLocation: sourceLocation)
    #expect(checked >= count * 9 / 10, "only \(checked) of \(count) cases were checked", sourceLocation: sourceLocation)
  }
}

@Suite struct PropertyTests {
  @Test func sharesSumToOneInEveryBucketWithATotal() throws {
    let cases = CaseCounter()
    try forAll(count: 300, seed: 1, zip(observationsGen, Gen.int(in: 0...2).map { [Every.day, .week, .month][$0] })) {
      observations, every in
      let rows = longCSV(observations)
      guard hasData(rows) else {
        cases.skipped += 1
        return
      }
      let b = try breakdown([rows], ShareOptions(every: every))
      #expect(!b.buckets.isEmpty)
      for bucket in b.buckets {
        for share in bucket.shares.compactMap({ $0 }) { #expect(share >= 0 && share <= 1 && share.isFinite) }
        guard let total = bucket.total, total > 0 else {
          #expect(bucket.shares.allSatisfy { $0 == nil })
          continue
        }
        // Under --gaps align a bucket whose categories never have data on the same day (or only on days
        // of zero volume) has no shares: it left its days out.
        if bucket.shares.allSatisfy({ $0 == nil }) {
          #expect((bucket.daysLeftOut ?? 0) > 0)
          continue
        }
        #expect(abs(bucket.shares.compactMap { $0 }.reduce(0, +) - 1) <= 1e-9)
      }
      cases.checked += 1
    }
    cases.expectMostChecked(of: 300)
  }

  @Test func rowOrderSplittingAndScalingDoNotChangeShares() throws {
    let cases = CaseCounter()
    try forAll(
      count: 200, seed: 2, zip(observationsGen, Gen.int(in: 0...80), Gen.int(in: 0...2).map { [0.001, 3.0, 1e6][$0] })
    ) { observations, cut, scale in
      let rows = longCSV(observations)
      guard hasData(rows) else {
        cases.skipped += 1
        return
      }
      let original = try breakdown([rows], ShareOptions(every: .week))
      let reversed = try breakdown([rows.reversed()], ShareOptions(every: .week))
      let k = min(cut, rows.count)
      let parts = [Array(rows[..<k]), Array(rows[k...])].filter { !$0.isEmpty }
      let split = try breakdown(parts, ShareOptions(every: .week))
      let scaled = try breakdown([longCSV(observations, scale: scale)], ShareOptions(every: .week))
      expectSameShares(original, reversed)
      expectSameShares(original, split)
      expectSameShares(original, scaled)
      cases.checked += 1
    }
    cases.expectMostChecked(of: 200)
  }

  @Test func mappingThenGroupingEqualsGroupingTheMappedData() throws {
    // Map a, b → X and c, d, e → Y, either with --map on the table or by renaming in the input.
    let cases = CaseCounter()
    try forAll(count: 200, seed: 3, observationsGen) { observations in
      let rows = longCSV(observations)
      guard hasData(rows) else {
        cases.skipped += 1
        return
      }
      let table = try ingest((["date,category,volume"] + rows).joined(separator: "\n")).table
      let map = CategoryMap(name: "map.csv", entries: ["a": "X", "b": "X", "c": "Y", "d": "Y", "e": "Y"])
      let mapped = table.regrouped(try map.newNames(for: table.categories, unmapped: .error))
      // The same data with the names replaced before reading (summing what lands on one cell).
      let renamed = longCSV(observations, names: ["X", "X", "Y", "Y", "Y"])
      let direct = try ingest(
        (["date,category,volume"] + renamed).joined(separator: "\n"), options: IngestOptions(duplicates: .sum)
      ).table
      let viaMap = try Shares.compute(mapped, options: ShareOptions(every: .week))
      let viaInput = try Shares.compute(direct, options: ShareOptions(every: .week))
      expectSameShares(viaMap, viaInput)
      // The mapped volumes are the sums of the generated ones, worked out here.
      var sums: [String: Double] = [:]
      var seen = Set<Int>()
      for o in observations where seen.insert(o.day * 10 + o.category).inserted {
        if let v = o.volume { sums[o.category < 2 ? "X" : "Y", default: 0] += Double(v) }
      }
      for (c, name) in viaMap.categories.enumerated() {
        #expect(viaMap.totalVolumes[c] == sums[name] ?? 0, "\(name)")
      }
      cases.checked += 1
    }
    cases.expectMostChecked(of: 200)
  }

  /// A period compared with itself: no change, and p = 1 wherever the test is defined. (Signs and
  /// sizes of real changes are checked against hand-computed values in ComparePropertyTests.)
  @Test func comparingAPeriodWithItselfGivesNoChangeAndPOne() throws {
    let cases = CaseCounter()
    try forAll(count: 100, seed: 4, observationsGen) { observations in
      let rows = longCSV(observations)
      guard hasData(rows) else {
        cases.skipped += 1
        return
      }
      let table = try ingest((["date,category,volume"] + rows).joined(separator: "\n")).table
      let day0 = Day(year: 2017, month: 1, day: 1)
      let periods = [
        Period(label: "A", first: day0, last: day0 + 59), Period(label: "B", first: day0, last: day0 + 59),
      ]
      let comparison = try Compare.run(
        table, shareOptions: ShareOptions(), options: CompareOptions(periods: periods, resamples: 50))
      #expect(!comparison.categories.isEmpty)
      for category in comparison.categories {
        let change = try #require(category.changes[1])
        // Δ is defined exactly where the category has a share in the period.
        #expect((change.deltaPP == nil) == (category.share[0] == nil))
        if let delta = change.deltaPP { #expect(delta == 0) }
        // Welch's test is defined with two or more daily shares, and then p = 1; otherwise a note says why.
        if let p = change.welch.pValue { #expect(p == 1) } else { #expect(change.welch.note != nil) }
        // The bootstrap resamples the two copies together: every draw of Δ is 0, the p exactly 1.
        if let p = change.pValueBootstrap {
          #expect(p == 1 && change.ci95pp.map { $0.low == 0 && $0.high == 0 } == true)
        }
        #expect(change.rankChange == (category.share[0] == nil ? nil : 0))
      }
      let hhi = comparison.periods[0].concentration?.hhi
      #expect(comparison.periods[1].deltaHHI == hhi.map { _ in 0 })
      cases.checked += 1
    }
    cases.expectMostChecked(of: 100)
  }
}
