// libFuzzer target: the zip path. Any bytes saved as a Binance zip (data.binance.vision's name, so
// the Binance readers run on whatever inflates) either read a table or throw a ShareError; they
// never crash, trap, hang or produce a NaN or negative volume, and a truncated or damaged archive
// is never a short read (ZipInputTests pins that on the fixtures). The input goes through a file:
// the zip reader reads an archive's directory from its end, so it reads files, not streams.

import Foundation
import ShareData

private let directory: String = {
  let path = NSTemporaryDirectory() + "sharelens-fuzz-zip-\(getpid())"
  try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  return path
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let path = directory + "/BTCUSDT-trades-2024-12-31.zip"
  guard FileManager.default.createFile(atPath: path, contents: Data(bytes: data, count: size)) else {
    fatalError("cannot write \(path)")
  }
  do {
    let result = try Ingest.read(paths: [path], options: IngestOptions(duplicates: .sum))
    for volume in result.table.volumes where !volume.isFinite || volume < 0 {
      fatalError("ingest produced volume \(volume)")
    }
  } catch let error as ShareError {
    if error.description.isEmpty { fatalError("empty error message") }
  } catch {
    fatalError("unexpected error type \(error)")
  }
  return 0
}
