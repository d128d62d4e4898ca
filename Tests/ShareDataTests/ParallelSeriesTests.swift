// The parallel reader of long tables, asked for day cells (IngestOptions.seriesBucket), must give
// the serial table summed by day: the same days, categories and row counts, sums to 1e-12, the same rows, range,
// time format, empty cells and resolution, whatever the block size. Whatever it cannot read as the
// serial reader would (quotes, repeats, unsorted days, errors) it hands over, so the result is
// then the serial one exactly.

import Foundation
import ShareData
import TestSupport
import Testing

/// A long table `time,market,volume`: `perDay` rows a day for `days` days and `markets` markets,
/// market m starting on day m; every `emptyEvery`-th value empty (0: none).
func longTable(
  days: Int, markets: Int, perDay: Int, seed: UInt64, emptyEvery: Int = 0, time: (Int64) -> String
) -> String {
  var rng = SeededGenerator(seed: seed)
  var lines = ["time,market,volume"]
  var row = 0
  for d in 0..<days {
    for h in 0..<perDay {
      let t = Int64(1_483_228_800 + d * 86_400 + h * (86_400 / perDay))
      for m in 0..<markets where m <= d {
        row += 1
        let value =
          emptyEvery > 0 && row % emptyEvery == 0
          ? "" : String(format: "%.4f", Double.random(in: 0...1000, using: &rng) / Double(m + 1))
        lines.append("\(time(t)),market\(m),\(value)")
      }
    }
  }
  return lines.joined(separator: "\n") + "\n"
}

func iso(_ t: Int64) -> String {
  let day = CivilDate(dayNumber: t.floorDiv(86_400)).description
  let s = t.floorMod(86_400)
  func two(_ v: Int64) -> String { v < 10 ? "0\(v)" : "\(v)" }
  return "\(day)T\(two(s / 3600)):\(two(s / 60 % 60)):\(two(s % 60))"
}

extension VolumeTable {
  /// The cells with a value: (times, codes, volumes, counts).
  func filteredToValid() -> (categories: [String], times: [Int64], codes: [Int32], volumes: [Double], counts: [Int64]) {
    let cells = (0..<cellCount).filter { valid[$0] }
    return (
      categories, cells.map { times[$0] }, cells.map { codes[$0] }, cells.map { volumes[$0] }, cells.map { counts[$0] }
    )
  }
}

/// The serial table's valid cells summed by (day, category): what the parallel reader keeps.
func summedByDay(_ t: VolumeTable) -> (times: [Int64], codes: [Int32], volumes: [Double], counts: [Int64]) {
  var cells: [[Int64]: (Double, Int64)] = [:]
  for cell in 0..<t.cellCount where t.valid[cell] {
    let key = [t.times[cell].floorDiv(86_400) * 86_400, Int64(t.codes[cell])]
    let old = cells[key] ?? (0, 0)
    cells[key] = (old.0 + t.volumes[cell], old.1 + t.counts[cell])
  }
  let keys = cells.keys.sorted { $0[0] != $1[0] ? $0[0] < $1[0] : $0[1] < $1[1] }
  return (keys.map { $0[0] }, keys.map { Int32($0[1]) }, keys.map { cells[$0]!.0 }, keys.map { cells[$0]!.1 })
}

func readSeriesBoth(_ path: String, block: Int, workers: Int = 2) throws -> (
  serial: IngestResult, parallel: IngestResult
) {
  var serial = IngestOptions()
  serial.parallelThreshold = Int.max
  var parallel = serial
  parallel.parallelThreshold = 0
  parallel.seriesBucket = .day
  parallel.blockSize = block
  parallel.workers = workers
  return (try Ingest.read(paths: [path], options: serial), try Ingest.read(paths: [path], options: parallel))
}

func expectSummedByDay(_ serial: IngestResult, _ parallel: IngestResult) {
  let s = serial.table
  // Empty values at either end leave a missing cell there, as the serial table has: compare the
  // range, then the cells with a value.
  #expect(s.times.first?.floorDiv(86_400) == parallel.table.times.first?.floorDiv(86_400))
  #expect(s.times.last?.floorDiv(86_400) == parallel.table.times.last?.floorDiv(86_400))
  let p = parallel.table.filteredToValid()
  let day = summedByDay(s)
  #expect(s.categories == p.categories)
  #expect(day.times == p.times)
  #expect(day.codes == p.codes)
  #expect(day.counts == p.counts)
  for (x, y) in zip(day.volumes, p.volumes) { #expect(relativeDifference(x, y) <= 1e-12) }
  #expect(s.resolution == parallel.table.resolution)
  let (a, b) = (serial.sources[0], parallel.sources[0])
  #expect(a.rows == b.rows && a.emptyCells == b.emptyCells && a.timeFormat == b.timeFormat)
  #expect(a.firstTime == b.firstTime && a.lastTime == b.lastTime)
  #expect(a.categorySource == b.categorySource && a.valueSource == b.valueSource && a.timeColumn == b.timeColumn)
}

/// The parallel read handed the file to the serial reader: the very same table.
func expectSerialTable(_ serial: IngestResult, _ parallel: IngestResult) {
  #expect(serial.table.times == parallel.table.times)
  #expect(serial.table.codes == parallel.table.codes)
  #expect(serial.table.volumes == parallel.table.volumes)
  #expect(serial.table.counts == parallel.table.counts)
  #expect(serial.sources[0].rows == parallel.sources[0].rows)
}

@Suite struct ParallelSeriesTests {
  static let formats: [(String, @Sendable (Int64) -> String)] = [
    ("iso-z", { iso($0) + "Z" }),
    ("offset", { iso($0 + 7200) + "+02:00" }),
    ("bitcoinity", { iso($0).replacingOccurrences(of: "T", with: " ") + " UTC" }),
    ("unix", { String($0) }),
    ("unix-ms", { String($0 * 1000) }),
  ]

  @Test(arguments: [64, 97, 512, 4096, 65_536, 1 << 20])
  func parallelIsTheSerialTableSummedByDay(block: Int) throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    for (name, format) in Self.formats {
      let path = dir.file(
        "\(name).csv", longTable(days: 12, markets: 5, perDay: 24, seed: 3, emptyEvery: 29, time: format))
      let (s, p) = try readSeriesBoth(path, block: block)
      expectSummedByDay(s, p)
      #expect(s.table.cellCount > p.table.cellCount + 2, "\(name): not summed by day")
    }
  }

  @Test(arguments: [64, 300, 4096])
  func dailyDatesGiveTheSerialCells(block: Int) throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let path = dir.file(
      "daily.csv",
      longTable(days: 90, markets: 4, perDay: 1, seed: 5) { CivilDate(dayNumber: $0 / 86_400).description })
    let (s, p) = try readSeriesBoth(path, block: block, workers: 3)
    expectSummedByDay(s, p)
    #expect(s.table.times == p.table.times)
    #expect(p.table.resolution == .day)
  }

  @Test func monthStartsKeepTheirResolution() throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let rows = (0..<24).map { "2017-\($0 % 12 < 9 ? "0" : "")\($0 % 12 + 1)-01,m\($0 / 12),\($0 + 1)" }
    let path = dir.file("monthly.csv", "date,market,volume\n" + rows.joined(separator: "\n") + "\n")
    let (s, p) = try readSeriesBoth(path, block: 64)
    expectSummedByDay(s, p)
    #expect(p.table.resolution == .month)
  }

  /// Hours only on the first of each month: the serial table is daily (times within days), and so
  /// must the day sums be, though every day cell starts a month.
  @Test func hoursOnMonthStartsStayDaily() throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let rows = (0..<12).flatMap { m in
      (0..<3).map { h in "2017-\(m < 9 ? "0" : "")\(m + 1)-01T0\(h):00:00Z,venue,\(m * 3 + h + 1)" }
    }
    let path = dir.file("hours.csv", "time,market,volume\n" + rows.joined(separator: "\n") + "\n")
    let (s, p) = try readSeriesBoth(path, block: 128)
    expectSummedByDay(s, p)
    #expect(p.table.resolution == .day)
  }

  /// Inputs the fast path must not sum: each is read by the serial reader, table or error alike.
  @Test(arguments: [64, 4096])
  func whatItCannotSumGoesToTheScanner(block: Int) throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let good = longTable(days: 6, markets: 3, perDay: 8, seed: 9, time: { iso($0) + "Z" })
    let lines = good.split(separator: "\n").map(String.init)
    func edited(_ at: Int, _ change: ([String]) -> String) -> [String] {
      var copy = lines
      copy[at] = change(lines[at].split(separator: ",", omittingEmptySubsequences: false).map(String.init))
      return copy
    }
    let unsorted = [lines[0]] + lines[1...].reversed()
    let quoted = edited(40) { "\($0[0]),\"\($0[1])\",\($0[2])" }
    let allEmpty = lines.enumerated().map { i, line in
      i >= 1 && i <= 24 && line.contains(",market0,") ? String(line.prefix { $0 != "," }) + ",market0," : line
    }
    for (name, rows) in [("unsorted", unsorted), ("quoted", quoted)] {
      let path = dir.file("\(name).csv", rows.joined(separator: "\n") + "\n")
      let (s, p) = try readSeriesBoth(path, block: block)
      expectSerialTable(s, p)
    }
    // A day whose rows of a category are all empty is a missing day cell, not a hand-over.
    let (s, p) = try readSeriesBoth(dir.file("all-empty.csv", allEmpty.joined(separator: "\n") + "\n"), block: block)
    expectSummedByDay(s, p)
    #expect(s.table.cellCount > p.table.cellCount + 2, "not summed by day")
    #expect(p.table.categories.first == "market0" && !p.table.valid[0])
    // Errors: the serial reader's message at the serial reader's line.
    let repeated = edited(30) { _ in lines[29] }
    let bad = edited(50) { "\($0[0]),\($0[1]),n/a" }
    let mixed = edited(70) { "1483300000,\($0[1]),5" }
    for (name, rows) in [("repeat", repeated), ("not a number", bad), ("mixed formats", mixed)] {
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

  /// Values in every spelling the inline fast path takes or passes on: each is the serial reader's
  /// Double exactly (one row a day, so no sum in between).
  @Test func valuesAreTheSerialDoublesExactly() throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let values = [
      "0", "007.50", "5.", ".5", "1e3", " 7 ", "12345678901234567", "0.000000000000001", "123456789012345",
      "1234567890123456", "9007199254740993", "0.1", "2.675", "1.7976931348623157e308", "4.35", "+3",
      "999999999999999.9", "0.30000000000000004",
    ]
    // One category per value, one an hour of one day: the parallel table's cells all sit at midnight
    // (so it did read them), one row each (so no sum in between).
    let rows = values.enumerated().map {
      "2017-01-01T\($0.offset < 10 ? "0" : "")\($0.offset):00:00Z,c\($0.offset),\($0.element)"
    }
    let path = dir.file("values.csv", "time,market,volume\n" + rows.joined(separator: "\n") + "\n")
    let (s, p) = try readSeriesBoth(path, block: 128)
    #expect(p.table.times.allSatisfy { $0 == 1_483_228_800 } && p.table.cellCount == values.count)
    #expect(s.table.categories == p.table.categories && s.table.codes == p.table.codes)
    #expect(s.table.volumes.map(\.bitPattern) == p.table.volumes.map(\.bitPattern))
  }

  /// Not asked for (inspect, equal weighting) or more than one input: the serial cells.
  @Test func onlyWhenAskedAndAlone() throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let path = dir.file("a.csv", longTable(days: 4, markets: 2, perDay: 6, seed: 1, time: { iso($0) + "Z" }))
    let other = dir.file(
      "b.csv", longTable(days: 4, markets: 2, perDay: 6, seed: 2) { iso($0 + 86_400 * 10) + "Z" })
    var serial = IngestOptions()
    serial.parallelThreshold = Int.max
    var parallel = serial
    parallel.parallelThreshold = 0
    parallel.blockSize = 256
    let s = try Ingest.read(paths: [path], options: serial)
    expectSerialTable(s, try Ingest.read(paths: [path], options: parallel))
    parallel.seriesBucket = .day
    let both = try Ingest.read(paths: [path, other], options: serial)
    expectSerialTable(both, try Ingest.read(paths: [path, other], options: parallel))
  }
}
