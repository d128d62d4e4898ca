// libFuzzer target: the CSV scanner must never crash, hang or read out of bounds on any bytes,
// and must read the same records whatever the chunk size (refills split records anywhere).
// Built only by `make fuzz` (see Makefile); a plain build links an empty program.

import ShareData

func records(_ bytes: [UInt8], chunkSize: Int) -> [[String]]? {
  let scanner = CSVScanner(
    stream: MemoryStream(name: "fuzz.csv", bytes: bytes), chunkSize: chunkSize, maxRecordBytes: 1 << 16)
  var out: [[String]] = []
  do {
    while try scanner.next() {
      var row: [String] = []
      for i in 0..<scanner.fieldCount {
        row.append(scanner.withField(i) { String(decoding: $0, as: UTF8.self) })
      }
      out.append(row)
    }
  } catch {
    return nil
  }
  return out
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  let whole = records(bytes, chunkSize: 1 << 20)
  let small = records(bytes, chunkSize: 3)
  if whole != small {
    fatalError("chunk size changed the records: \(String(describing: whole)) vs \(String(describing: small))")
  }
  return 0
}
