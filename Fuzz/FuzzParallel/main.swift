// libFuzzer target, differential: the parallel block reader (the fast path for big trade files)
// must read any bytes exactly as the general scanner does: the same table, or an error at the
// same line with the same status. Small blocks put block boundaries everywhere, so carried lines,
// the header, blank lines and errors near a cut are all exercised. The bytes are written under
// two names: a long trade log and a single-market bitcoincharts dump.
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

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  _ = made
  let bytes = Data(bytes: data, count: size)
  for (name, unit) in [("log.csv", VolumeUnit.base), ("bitstampUSD.csv", .quote)] {
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
  return 0
}
