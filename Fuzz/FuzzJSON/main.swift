// libFuzzer target: the JSON feed readers (CCXT, CryptoCompare, CoinGecko, sharelens' own JSON) on
// any bytes either read a table or throw a ShareError with a message; they never crash, trap, hang
// on deep nesting, or produce a NaN, infinite or negative volume, in base or quote units.

import ShareData

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  for name in ["fuzz.json", "BTC_USDT-trades.json"] {
    for unit in [VolumeUnit.base, .quote] {
      do {
        let result = try Ingest.read(
          streams: [MemoryStream(name: name, bytes: bytes)], options: IngestOptions(unit: unit, duplicates: .sum))
        for volume in result.table.volumes where !volume.isFinite || volume < 0 {
          fatalError("JSON ingest produced volume \(volume)")
        }
        _ = result.table.categoryProfiles
      } catch let error as ShareError {
        if error.description.isEmpty { fatalError("empty error message") }
      } catch {
        fatalError("unexpected error type \(error)")
      }
    }
  }
  return 0
}
