// The parallel reader sums a big long table into cells per bucket (IngestOptions.seriesBucket, as
// the command-line tool asks for volume-weighted shares): the shares must be the serial reader's in
// every bucket width, block size, absent policy and top-N choice: the same buckets, states, spans,
// coverage, partial flags and warnings, volumes and shares to 1e-12.

import Foundation
import ShareData
import ShareStats
import TestSupport
import Testing

/// `time,market,volume`, `perDay` rows a day: market m starts on day 3m, market 3 stops after day
/// 40; values empty now and then, also on the first and last row.
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
      for m in 0..<5 where 3 * m <= d && !(m == 3 && d > 40) {
        row += 1
        let empty = row == 1 || row % 17 == 0 || row >= total - 8
        let value = empty ? "" : String(format: "%.3f", Double.random(in: 0...500, using: &rng) * Double(5 - m))
        lines.append("\(stamp),venue\(m),\(value)")
      }
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

private func expectSameShares(_ s: ShareAnalysis, _ p: ShareAnalysis, _ label: String) {
  let (a, b) = (s.breakdown, p.breakdown)
  #expect(a.categories == b.categories, "\(label)")
  #expect(a.resolution == b.resolution && a.every == b.every, "\(label)")
  #expect(a.spans == b.spans, "\(label)")
  #expect(a.warnings == b.warnings, "\(label)")
  #expect(a.buckets.count == b.buckets.count, "\(label)")
  #expect(close(a.grandTotal, b.grandTotal), "\(label)")
  #expect(zip(a.totalVolumes, b.totalVolumes).allSatisfy { close($0, $1) }, "\(label)")
  for (x, y) in zip(a.buckets, b.buckets) {
    #expect(x.startDay == y.startDay && x.endDay == y.endDay && x.partial == y.partial, "\(label)")
    #expect(x.states == y.states && x.observed == y.observed && x.active == y.active, "\(label)")
    #expect(close(x.total, y.total), "\(label)")
    #expect(zip(x.volumes, y.volumes).allSatisfy { close($0, $1) }, "\(label) \(x.volumes) \(y.volumes)")
    #expect(zip(x.shares, y.shares).allSatisfy { close($0, $1) }, "\(label)")
  }
  #expect(s.ingest.sources[0].rows == p.ingest.sources[0].rows, "\(label)")
}

@Suite struct ParallelSeriesSharesTests {
  @Test(arguments: [Every.day, .week, .month, .quarter, .year])
  func bucketCellsGiveTheSerialShares(every: Every) throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let path = dir.file("hourly.csv", hourlyTable(days: 75, perDay: 6, seed: 4))
    for absent in AbsentPolicy.allCases {
      for top: Int? in [nil, 2] {
        let shares = ShareOptions(every: every, top: top, absent: absent)
        var serial = IngestOptions()
        serial.parallelThreshold = Int.max
        let s = try ShareAnalysis.run(paths: [path], ingest: serial, shares: shares)
        for block in [64, 700, 8192, 1 << 20] {
          var parallel = serial
          parallel.parallelThreshold = 0
          parallel.blockSize = block
          parallel.workers = 2
          parallel.seriesBucket = every
          let p = try ShareAnalysis.run(paths: [path], ingest: parallel, shares: shares)
          #expect(p.ingest.table.cellCount < s.ingest.table.cellCount / 2, "not summed")
          expectSameShares(s, p, "\(every) \(absent) top \(top.map(String.init) ?? "-") block \(block)")
        }
      }
    }
  }

  /// Daily data summed into months keeps its daily resolution, and a range cut by dates (summed
  /// by day, as the tool asks then) gives the serial shares too.
  @Test func dailyDataAndACutRange() throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    var lines = ["date,market,volume"]
    for d in 0..<400 {
      for m in 0..<3 where !(m == 2 && d < 100) {
        lines.append("\(CivilDate(dayNumber: 17_200 + Int64(d)).description),m\(m),\(d * (m + 1) % 97 + 1)")
      }
    }
    let path = dir.file("daily.csv", lines.joined(separator: "\n") + "\n")
    var serial = IngestOptions()
    serial.parallelThreshold = Int.max
    var parallel = serial
    parallel.parallelThreshold = 0
    parallel.blockSize = 256
    for (bucket, shares) in [
      (Every.month, ShareOptions(every: .month)), (.quarter, ShareOptions(every: .quarter)),
      (.day, ShareOptions(every: .month, firstDay: Day(17_250), lastDay: Day(17_500))),
    ] {
      parallel.seriesBucket = bucket
      let s = try ShareAnalysis.run(paths: [path], ingest: serial, shares: shares)
      let p = try ShareAnalysis.run(paths: [path], ingest: parallel, shares: shares)
      #expect(p.ingest.table.resolution == .day)
      expectSameShares(s, p, "\(bucket)")
    }
  }
}
