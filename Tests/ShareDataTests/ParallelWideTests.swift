// The parallel reader of wide exports (one column per category), asked for day cells
// (IngestOptions.seriesBucket), must give the serial table summed by day, as the long reader does
// (ParallelSeriesTests): the same days, categories, row counts, sums, rows, range, time format,
// empty cells, resolution, and the same TOTAL column left out with the same warning, whatever the
// block size. Whatever it cannot read as the serial reader would, it hands over.

import Foundation
import ShareData
import TestSupport
import Testing

/// A wide export `time,m0,m1,…`: `perDay` rows a day for `days` days; column m empty before day m
/// (whole empty days), every `emptyEvery`-th value empty (0: none); `total` adds a TOTAL column.
func wideTable(
  days: Int, columns: Int, perDay: Int, seed: UInt64, emptyEvery: Int = 0, total: Bool = false,
  time: (Int64) -> String
) -> String {
  var rng = SeededGenerator(seed: seed)
  var lines = ["time," + (0..<columns).map { "m\($0)" }.joined(separator: ",") + (total ? ",TOTAL" : "")]
  var cell = 0
  for d in 0..<days {
    for h in 0..<perDay {
      let t = Int64(1_483_228_800 + d * 86_400 + h * (86_400 / perDay))
      var values: [String] = []
      var sum = 0.0
      for m in 0..<columns {
        cell += 1
        if m > d || (emptyEvery > 0 && cell % emptyEvery == 0) {
          values.append("")
          continue
        }
        let v = (Double.random(in: 0...1000, using: &rng) / Double(m + 1) * 1e4).rounded() / 1e4
        sum += v
        values.append(String(format: "%.4f", v))
      }
      if total { values.append(String(format: "%.4f", sum)) }
      lines.append(time(t) + "," + values.joined(separator: ","))
    }
  }
  return lines.joined(separator: "\n") + "\n"
}

@Suite struct ParallelWideTests {
  @Test(arguments: [64, 97, 512, 4096, 65_536, 1 << 20])
  func parallelIsTheSerialWideTableSummedByDay(block: Int) throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    // A TOTAL column in every other format (one file per format keeps the test quick).
    for (index, (name, format)) in ParallelSeriesTests.formats.enumerated() {
      let total = index % 2 == 0
      let path = dir.file(
        "\(name).csv", wideTable(days: 9, columns: 5, perDay: 24, seed: 7, emptyEvery: 13, total: total, time: format))
      let (s, p) = try readSeriesBoth(path, block: block)
      expectSummedByDay(s, p)
      #expect(s.table.cellCount > 2 * p.table.cellCount, "\(name): not summed by day")
      let (a, b) = (s.sources[0], p.sources[0])
      #expect(a.excludedColumns == b.excludedColumns)
      #expect(a.excludedColumns == (total ? ["TOTAL"] : []))
      #expect(s.warnings == p.warnings, "\(name) \(total)")
    }
  }

  /// One row a day (at noon), values missing now and then: every empty value is a whole empty day,
  /// kept as a missing cell at the day's start, so the table is the serial one moved to midnight.
  @Test(arguments: [64, 300, 1 << 20])
  func dailyExportsWithEmptyDaysKeepMissingCells(block: Int) throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let path = dir.file(
      "daily.csv", wideTable(days: 60, columns: 6, perDay: 1, seed: 11, emptyEvery: 7) { iso($0 + 43_200) + "Z" })
    let (s, p) = try readSeriesBoth(path, block: block, workers: 3)
    expectSummedByDay(s, p)
    #expect(s.table.times.map { $0 - 43_200 } == p.table.times && s.table.codes == p.table.codes)
    #expect((0..<s.table.cellCount).allSatisfy { s.table.valid[$0] == p.table.valid[$0] })
    #expect(p.table.resolution == .day && p.sources[0].emptyCells > 20)
  }

  /// Inputs the fast path must not sum: each is read by the serial reader, table or error alike.
  @Test(arguments: [64, 4096])
  func whatItCannotSumGoesToTheScanner(block: Int) throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let good = wideTable(days: 4, columns: 3, perDay: 8, seed: 9, time: { iso($0) + "Z" })
    let lines = good.split(separator: "\n").map(String.init)
    func edited(_ at: Int, _ change: ([String]) -> String) -> [String] {
      var copy = lines
      copy[at] = change(lines[at].split(separator: ",", omittingEmptySubsequences: false).map(String.init))
      return copy
    }
    let unsorted = [lines[0]] + lines[1...].reversed()
    let quoted = edited(20) { "\($0[0]),\"\($0[1])\",\($0[2]),\($0[3])" }
    let crOnly = lines.joined(separator: "\r") + "\r"
    let sameNames = [lines[0].replacingOccurrences(of: "m2", with: "m1")] + lines[1...]
    for (name, text) in [
      ("unsorted", unsorted.joined(separator: "\n")), ("quoted", quoted.joined(separator: "\n")), ("cr", crOnly),
    ] {
      let path = dir.file("\(name).csv", text + "\n")
      let (s, p) = try readSeriesBoth(path, block: block)
      expectSerialTable(s, p)
    }
    // Errors: the serial reader's message at the serial reader's line.
    let repeated = edited(15) { _ in lines[14] }
    let negative = edited(25) { "\($0[0]),\($0[1]),-3,\($0[3])" }
    let short = edited(30) { "\($0[0]),\($0[1]),\($0[2])" }
    let text = edited(12) { "\($0[0]),n/a,\($0[2]),\($0[3])" }
    for (name, rows) in [
      ("repeat", repeated), ("negative", negative), ("short", short), ("text", text), ("names", sameNames),
    ] {
      let path = dir.file("\(name).csv", rows.joined(separator: "\n") + "\n")
      var serial = IngestOptions()
      serial.parallelThreshold = Int.max
      var parallel = serial
      parallel.parallelThreshold = 0
      parallel.seriesBucket = .day
      parallel.blockSize = block
      let s = #expect(throws: ShareError.self) { try Ingest.read(paths: [path], options: serial) }
      let p = #expect(throws: ShareError.self) { try Ingest.read(paths: [path], options: parallel) }
      #expect(s?.description == p?.description, "\(name)")
    }
  }
}
