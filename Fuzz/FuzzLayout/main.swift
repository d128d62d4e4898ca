// libFuzzer target: layout detection and ingest of any bytes either read a table or throw a
// ShareError with a location-bearing message; they never crash, trap or produce a NaN volume.

import ShareData

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  // The vendor names make the name-dependent paths run: a Kraken pair, a CryptoDataDownload
  // market whose volume columns are matched by asset, a Coin Metrics asset, a Kaiko OHLCV delivery.
  let names = [
    "fuzz.csv", "bitstampUSD.csv", "BCHARTS-BTCNCNY.csv", "snapshot-2016-05-01.csv", "XBTEUR_60.csv",
    "Binance_BTCUSDT_d.csv", "btc.csv", "Bitstamp_eth_usd_ohlcv_1h_2024_03_01.csv",
  ]
  for name in names {
    do {
      let result = try Ingest.read(
        streams: [MemoryStream(name: name, bytes: bytes)], options: IngestOptions(duplicates: .sum))
      for volume in result.table.volumes where !volume.isFinite || volume < 0 {
        fatalError("ingest produced volume \(volume)")
      }
      _ = result.table.categoryProfiles
      _ = result.table.missingTimeSteps
    } catch let error as ShareError {
      if error.description.isEmpty { fatalError("empty error message") }
    } catch {
      fatalError("unexpected error type \(error)")
    }
  }
  return 0
}
