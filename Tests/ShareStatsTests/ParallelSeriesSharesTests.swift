// The parallel reader sums a big long table into cells per day (IngestOptions.seriesBucket, as the
// command-line tool asks for volume-weighted shares): the shares must be the serial reader's in
// every bucket width, gap policy, block size, absent policy and top-N choice: the same buckets,
// states, spans, coverage, day coverage, days left out, partial flags and warnings, volumes and
// shares to 1e-12. Cells per coarser bucket keep the sums, spans and partial flags (shares under
// --gaps ignore), not the days with data inside a bucket.

import Foundation
import ShareData
import ShareStats
import TestSupport
import Testing

/// `time,market,volume`, `perDay` rows a day: market m starts on day 3m, market 3 stops after day
/// 40; values empty now and then, also on the first and last row; days without a row inside a
/// market's span (gaps): venue1 every seventh day, venue2 on days 20–23 and 50.
private func hourlyTable(days: Int, perDay: Int, seed: UInt64) -> String {
  var rng = SeededGenerator(seed: seed)
  var lines = ["time,market,volume"]
  let total = days * perDay * 5
  var row = 0
  for d in 0..<days {
    for h in 0..<perDay {
      let t = Int64(1_483_920_000 + d * 86_400 + h * (86_400 / perDay))  // from Monday 2017-01-09
      let date = CivilDate(dayNumber: t / 86_400).description
      let s = t % 86_400
      let stamp = "\(date)T\(s / 36_000)\(s / 3600 % 10):\(s / 600 % 6)\(s / 60 % 10):00Z"
      let gap = d % 7 == 5 ? 1 : (20..<24).contains(d) || d == 50 ? 2 : -1
      for m in 0..<5 where 3 * m <= d && !(m == 3 && d > 40) && m != gap {
        row += 1
        let empty = row == 1 || row % 17 == 0 || row >= total - 8
        let value = empty ? "" : String(format: "%.3f", Double.random(in: 0...500, using: &rng) * Double(5 - m))
        lines.append("\(stamp),venue\(m),\(value)")
      }
    }
  }
  return lines.joined(separator: "\n") + "\n"
}

/// A wide export `time,m0,…`: column m empty before day 4m and then every `emptyEvery`-th value;
/// and on days when 9 divides d + 2m (gaps); ISO times from midnight (`perDay` 1: from noon); `total` adds a TOTAL column (the row sum).
private func wideExport(days: Int, columns: Int, perDay: Int, emptyEvery: Int, total: Bool, seed: UInt64) -> String {
  var rng = SeededGenerator(seed: seed)
  var lines = ["time," + (0..<columns).map { "m\($0)" }.joined(separator: ",") + (total ? ",TOTAL" : "")]
  var cell = 0
  for d in 0..<days {
    for h in 0..<perDay {
      let date = CivilDate(dayNumber: 17_200 + Int64(d)).description
      let hour = perDay == 1 ? 12 : h * 24 / perDay
      var row = ["\(date)T\(hour < 10 ? "0" : "")\(hour):00:00Z"]
      var sum = 0.0
      for m in 0..<columns {
        cell += 1
        guard 4 * m <= d && cell % emptyEvery != 0 && (d + 2 * m) % 9 != 0 else {
          row.append("")
          continue
        }
        let v = (Double.random(in: 0...500, using: &rng) * Double(columns - m)).rounded()
        sum += v
        row.append(String(Int(v)))
      }
      if total { row.append(String(Int(sum))) }
      lines.append(row.joined(separator: ","))
    }
  }
  return lines.joined(separator: "\n") + "\n"
}

private func close(_ a: Double?, _ b: Double?) -> Bool {
  switch (a, b) {
  case (nil, nil): true
  case (let x?, let y?): relativeDifference(x, y) <= 1e-12 || abs(x - y) <= 1e-12
  default: false
  }
}

/// `days`: the day coverage, the days left out and the warnings about them must match too (cells
/// per day); else only what cells per bucket keep.
private func expectSameShares(_ s: ShareAnalysis, _ p: ShareAnalysis, _ label: String, days: Bool = true) {
  let (a, b) = (s.breakdown, p.breakdown)
  #expect(a.categories == b.categories, "\(label)")
  #expect(a.resolution == b.resolution && a.every == b.every && a.gaps == b.gaps, "\(label)")
  #expect(a.spans == b.spans, "\(label)")
  let kept: (Warning) -> Bool = { days || $0.kind == .partialBucket }
  #expect(a.warnings.filter(kept) == b.warnings.filter(kept), "\(label)")
  #expect(a.buckets.count == b.buckets.count, "\(label)")
  #expect(close(a.grandTotal, b.grandTotal), "\(label)")
  #expect(zip(a.totalVolumes, b.totalVolumes).allSatisfy { close($0, $1) }, "\(label)")
  for (x, y) in zip(a.buckets, b.buckets) {
    #expect(x.startDay == y.startDay && x.endDay == y.endDay && x.partial == y.partial, "\(label)")
    #expect(x.states == y.states && x.observed == y.observed && x.active == y.active, "\(label)")
    #expect(close(x.total, y.total), "\(label)")
    #expect(zip(x.volumes, y.volumes).allSatisfy { close($0, $1) }, "\(label) \(x.volumes) \(y.volumes)")
    #expect(zip(x.shares, y.shares).allSatisfy { close($0, $1) }, "\(label) \(x.shares) \(y.shares)")
    if days {
      #expect(x.dayCoverage == y.dayCoverage && x.daysLeftOut == y.daysLeftOut, "\(label)")
    }
  }
  #expect(s.ingest.sources[0].rows == p.ingest.sources[0].rows, "\(label)")
}

@Suite struct ParallelSeriesSharesTests {
  /// What the tool does: cells per day, shares in any bucket under every gap policy.
  @Test(arguments: [Every.day, .week, .month, .quarter, .year])
  func dayCellsGiveTheSerialShares(every: Every) throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let path = dir.file("hourly.csv", hourlyTable(days: 75, perDay: 6, seed: 4))
    var serial = IngestOptions()
    serial.parallelThreshold = Int.max
    var gapsSeen = false
    for gaps in GapPolicy.allCases {
      for (absent, top): (AbsentPolicy, Int?) in [(.zero, nil), (.missing, 2)] {
        let shares = ShareOptions(every: every, top: top, absent: absent, gaps: gaps)
        let s = try ShareAnalysis.run(paths: [path], ingest: serial, shares: shares)
        gapsSeen = gapsSeen || s.breakdown.buckets.contains { $0.dayCoverage.contains { ($0 ?? 1) < 1 } }
        for block in [64, 1 << 20] {
          var parallel = serial
          parallel.parallelThreshold = 0
          parallel.blockSize = block
          parallel.workers = 2
          // What the tool asks for.
          parallel.seriesBucket = shares.seriesBucket
          let p = try ShareAnalysis.run(paths: [path], ingest: parallel, shares: shares)
          #expect(p.ingest.table.cellCount < s.ingest.table.cellCount / 2, "not summed")
          expectSameShares(s, p, "\(every) \(gaps) \(absent) top \(top.map(String.init) ?? "-") block \(block)")
        }
      }
    }
    // The fixture's gaps show (a day without venue1 lowers its day coverage below 1).
    #expect(gapsSeen)
  }

  /// Cells per bucket keep the sums, spans, states and partial flags: the shares under
  /// `GapPolicy.ignore`, though not the day coverage.
  @Test(arguments: [Every.week, .month, .year])
  func bucketCellsGiveTheSerialSharesIgnoringGaps(every: Every) throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let path = dir.file("hourly.csv", hourlyTable(days: 75, perDay: 6, seed: 4))
    for absent in AbsentPolicy.allCases {
      let shares = ShareOptions(every: every, absent: absent, gaps: .ignore)
      var serial = IngestOptions()
      serial.parallelThreshold = Int.max
      let s = try ShareAnalysis.run(paths: [path], ingest: serial, shares: shares)
      for block in [64, 700, 1 << 20] {
        var parallel = serial
        parallel.parallelThreshold = 0
        parallel.blockSize = block
        parallel.workers = 2
        parallel.seriesBucket = every
        let p = try ShareAnalysis.run(paths: [path], ingest: parallel, shares: shares)
        #expect(p.ingest.table.cellCount < s.ingest.table.cellCount / 10, "not summed")
        expectSameShares(s, p, "\(every) \(absent) block \(block)", days: false)
      }
    }
  }

  /// Daily data with gaps summed by day keeps its daily resolution, and gives the serial shares
  /// in months and quarters, also with a range cut by dates, under every gap policy.
  @Test func dailyDataAndACutRange() throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    var lines = ["date,market,volume"]
    for d in 0..<400 {
      // m1 lacks every eleventh day, m2 days 130..<160 (inside its span, which starts on day 100).
      for m in 0..<3 where !(m == 2 && d < 100) && !(m == 1 && d % 11 == 4) && !(m == 2 && (130..<160).contains(d)) {
        lines.append("\(CivilDate(dayNumber: 17_200 + Int64(d)).description),m\(m),\(d * (m + 1) % 97 + 1)")
      }
    }
    let path = dir.file("daily.csv", lines.joined(separator: "\n") + "\n")
    var serial = IngestOptions()
    serial.parallelThreshold = Int.max
    var parallel = serial
    parallel.parallelThreshold = 0
    parallel.blockSize = 256
    for gaps in GapPolicy.allCases {
      for shares in [
        ShareOptions(every: .month, gaps: gaps), ShareOptions(every: .quarter, gaps: gaps),
        ShareOptions(every: .month, firstDay: Day(17_250), lastDay: Day(17_500), gaps: gaps),
      ] {
        parallel.seriesBucket = shares.seriesBucket
        #expect(parallel.seriesBucket == .day)
        let s = try ShareAnalysis.run(paths: [path], ingest: serial, shares: shares)
        let p = try ShareAnalysis.run(paths: [path], ingest: parallel, shares: shares)
        #expect(p.ingest.table.resolution == .day)
        #expect(s.breakdown.buckets.contains { ($0.daysLeftOut ?? 0) > 0 } == (gaps == .align))
        expectSameShares(s, p, "\(gaps) \(shares.every!) \(shares.firstDay.map { "\($0)" } ?? "")")
      }
    }
  }

  /// Wide exports take the same path: hourly rows (a column empty now and then, and on whole days
  /// before it starts and in gaps) and daily rows (every empty value a missing day) give the serial
  /// shares; the cells at midnight show they were summed by day.
  @Test(arguments: [Every.day, .week, .month])
  func wideExportsGiveTheSerialShares(every: Every) throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let hourly = dir.file(
      "hourly.csv", wideExport(days: 40, columns: 4, perDay: 6, emptyEvery: 5, total: true, seed: 3))
    let daily = dir.file(
      "daily.csv", wideExport(days: 120, columns: 5, perDay: 1, emptyEvery: 6, total: false, seed: 8))
    var serial = IngestOptions()
    serial.parallelThreshold = Int.max
    var gapsSeen = false
    for path in [hourly, daily] {
      for gaps in GapPolicy.allCases {
        for absent in AbsentPolicy.allCases {
          let shares = ShareOptions(every: every, absent: absent, gaps: gaps)
          let s = try ShareAnalysis.run(paths: [path], ingest: serial, shares: shares)
          gapsSeen = gapsSeen || s.breakdown.buckets.contains { ($0.daysLeftOut ?? 0) > 0 }
          for block in [64, 1 << 20] {
            var parallel = serial
            parallel.parallelThreshold = 0
            parallel.blockSize = block
            parallel.seriesBucket = shares.seriesBucket
            let p = try ShareAnalysis.run(paths: [path], ingest: parallel, shares: shares)
            #expect(p.ingest.table.times.allSatisfy { $0 % 86_400 == 0 }, "not summed")
            #expect(p.ingest.warnings == s.ingest.warnings)
            expectSameShares(s, p, "\(path) \(every) \(gaps) \(absent) block \(block)")
          }
        }
      }
    }
    // Days left out (a column missing on a day of a week or month where it has data); a day bucket has none.
    #expect(gapsSeen == (every != .day))
  }
}
