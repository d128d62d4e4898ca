// libFuzzer target: any bytes as a --rates file either load or throw a ShareError with a message;
// every rate loaded is a positive finite number, and a EUR trade dump converted into USD with them
// reads a table of finite, non-negative volumes or throws a ShareError (a missing rate), never traps.

import ShareData

private let trades = Array("1705725451,100,1\n1705811851,101.5,2\n".utf8)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  do {
    let rates = try CurrencyRates.load(scanner: CSVScanner(stream: MemoryStream(name: "rates.csv", bytes: bytes)))
    for currency in rates.currencies {
      for day in [Day(year: 2024, month: 1, day: 20), Day(year: 2024, month: 1, day: 21)] {
        if let rate = rates.rate(currency, on: day), !(rate.isFinite && rate > 0) { fatalError("rate \(rate)") }
      }
    }
    var options = IngestOptions(unit: .quote)
    options.conversion = try CurrencyConversion(target: "USD", rates: rates, pegs: ["USDT"])
    let result = try Ingest.read(streams: [MemoryStream(name: "krakenEUR.csv", bytes: trades)], options: options)
    for volume in result.table.volumes where !volume.isFinite || volume < 0 {
      fatalError("converted volume \(volume)")
    }
  } catch let error as ShareError {
    if error.description.isEmpty { fatalError("empty error message") }
  } catch {
    fatalError("unexpected error type \(error)")
  }
  return 0
}
