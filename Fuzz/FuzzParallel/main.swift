// libFuzzer target, differential: the parallel block reader (the fast path for big trade files)
// must read any bytes exactly as the general scanner does: the same table, or an error at the
// same line with the same status. Small blocks put block boundaries everywhere, so carried lines,
// the header, blank lines and errors near a cut are all exercised. The bytes are written under
// five names: a long trade log, a single-market bitcoincharts dump, and three Binance files
// (spot trades, aggTrades, COIN-M aggTrades), which the parallel reader takes when a first row
// has a Binance shape.
//
// The same bytes are also read as a long table `time,category,value` by the parallel series
// reader (IngestOptions.seriesBucket), which sums rows into cells per bucket: its table must hold,
// per (bucket, category), the serial table's sum (to 1e-12) and its first and last day with a
// value, with the same categories, resolution, range and rows; or the same error at the same line.
// And once more read as a wide export (one column per category, the layout forced), which the
// parallel reader sums the same way (WideBlockParser): the same checks, TOTAL columns included.
// Built only by `make fuzz` (see Makefile); a plain build links an empty program.

import Foundation
import ShareData

let directory = NSTemporaryDirectory() + "sharelens-fuzz-parallel-\(getpid())"
let made: Void = { try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }()

enum Outcome {
  case table(VolumeTable, rows: Int)
  case failure(ShareError)
}

func read(_ path: String, _ options: IngestOptions) -> Outcome {
  do {
    let result = try Ingest.read(paths: [path], options: options)
    return .table(result.table, rows: result.sources.map(\.rows).reduce(0, +))
  } catch let error as ShareError {
    return .failure(error)
  } catch {
    fatalError("unexpected error type \(error)")
  }
}

func same(_ a: Double, _ b: Double) -> Bool {
  a == b || abs(a - b) <= 1e-12 * max(abs(a), abs(b))
}

/// Per (bucket start, category code): the sum of the valid cells, their first and last day.
func digest(_ t: VolumeTable, _ every: Every) -> [[Int64]: (sum: Double, first: Int64, last: Int64)] {
  var out: [[Int64]: (sum: Double, first: Int64, last: Int64)] = [:]
  for cell in 0..<t.cellCount where t.valid[cell] {
    let day = t.times[cell].floorDiv(86_400)
    let key = [every.bucketStart(day: day), Int64(t.codes[cell])]
    let old = out[key] ?? (0, .max, .min)
    out[key] = (old.sum + t.volumes[cell], min(old.first, day), max(old.last, day))
  }
  return out
}

func compareSeries(_ path: String, bytes size: Int, layout: Layout? = nil) {
  let every = [Every.day, .week, .month, .year][size % 4]
  let what = layout == .wide ? "wide export" : "long table"
  var serial = IngestOptions()
  serial.layout = layout
  serial.parallelThreshold = Int.max
  var parallel = serial
  parallel.parallelThreshold = 0
  parallel.blockSize = 64 + size % 61
  parallel.workers = 2
  parallel.seriesBucket = every
  switch (read(path, serial), read(path, parallel)) {
  case (.table(let s, let sr), .table(let p, let pr)):
    let (a, b) = (digest(s, every), digest(p, every))
    guard s.categories == p.categories, s.resolution == p.resolution, sr == pr,
      s.times.first.map({ $0.floorDiv(86_400) }) == p.times.first.map({ $0.floorDiv(86_400) }),
      s.times.last.map({ $0.floorDiv(86_400) }) == p.times.last.map({ $0.floorDiv(86_400) }),
      a.count == b.count,
      a.allSatisfy({ key, x in b[key].map { same(x.sum, $0.sum) && x.first == $0.first && x.last == $0.last } ?? false }
      )
    else { fatalError("\(what) by \(every): the parallel series reader read different buckets") }
  case (.failure(let s), .failure(let p)):
    guard s.kind == p.kind, s.location?.line == p.location?.line else {
      fatalError("\(what): serial error at line \(s.location?.line ?? -1), parallel at \(p.location?.line ?? -1)")
    }
  case (.table, .failure(let p)):
    fatalError("\(what): only the parallel reader failed: \(p.description)")
  case (.failure(let s), .table):
    fatalError("\(what): only the serial reader failed: \(s.description)")
  }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  _ = made
  let bytes = Data(bytes: data, count: size)
  // The Binance names: a file whose first row has a Binance shape takes the Binance plan (epoch
  // times by magnitude, flags, quote amounts, COIN-M contracts), which hands a bad line back.
  let names: [(String, VolumeUnit)] = [
    ("log.csv", .base), ("bitstampUSD.csv", .quote), ("BTCUSDT-trades-2024-12-31.csv", .quote),
    ("ETHBTC-aggTrades-2024-12.csv", .base), ("BTCUSD_PERP-aggTrades-2024-12-31.csv", size % 2 == 0 ? .base : .quote),
  ]
  for (name, unit) in names {
    let path = directory + "/" + name
    guard FileManager.default.createFile(atPath: path, contents: bytes) else { fatalError("cannot write \(path)") }
    var serial = IngestOptions(group: name == "log.csv" ? .quote : nil, unit: unit)
    serial.parallelThreshold = Int.max
    var parallel = serial
    parallel.parallelThreshold = 0
    parallel.blockSize = 64 + size % 61
    parallel.workers = 2
    switch (read(path, serial), read(path, parallel)) {
    case (.table(let s, let sr), .table(let p, let pr)):
      guard s.categories == p.categories, s.times == p.times, s.codes == p.codes, s.counts == p.counts, sr == pr,
        zip(s.volumes, p.volumes).allSatisfy({ same($0, $1) })
      else { fatalError("\(name): the parallel reader read a different table") }
    case (.failure(let s), .failure(let p)):
      guard s.kind == p.kind, s.location?.line == p.location?.line else {
        fatalError(
          "\(name): serial error \(s.kind) at line \(s.location?.line ?? -1) (\(s.message)), parallel \(p.kind) at line \(p.location?.line ?? -1) (\(p.message))"
        )
      }
    case (.table, .failure(let p)):
      fatalError("\(name): only the parallel reader failed: \(p.description)")
    case (.failure(let s), .table):
      fatalError("\(name): only the serial reader failed: \(s.description)")
    }
  }
  compareSeries(directory + "/log.csv", bytes: size)
  compareSeries(directory + "/log.csv", bytes: size, layout: .wide)
  return 0
}
