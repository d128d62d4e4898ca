// libFuzzer target: whatever text sharelens writes as CSV, its own scanner reads back the same
// fields (after undoing the spreadsheet-formula guard): write → read back equal. The input bytes
// are cut into fields at 0x00 and into rows at 0x01; each row is padded or cut to the header's
// three fields (CSV cannot tell a row of one empty field from a blank line, which is skipped).
// Built only by `make fuzz` (see Makefile); a plain build links an empty program.

import ShareData
import ShareReport

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  let header = ["Time", "a", "b"]
  let rows: [[String]] = bytes.split(separator: 0x01, omittingEmptySubsequences: false).map { row in
    var fields = row.split(separator: 0x00, omittingEmptySubsequences: false).map {
      String(decoding: $0, as: UTF8.self)
    }
    while fields.count < header.count { fields.append("") }
    return Array(fields.prefix(header.count))
  }
  var writer = CSVWriter(header: header)
  for row in rows { writer.row(row) }
  let scanner = CSVScanner(stream: MemoryStream(name: "fuzz.csv", text: writer.text), maxRecordBytes: 1 << 20)
  var read: [[String]] = []
  do {
    while try scanner.next() {
      read.append(try scanner.strings().map(SpreadsheetCell.unguarded))
    }
  } catch {
    fatalError("sharelens cannot read its own CSV: \(error)\n\(writer.text.debugDescription)")
  }
  // A row of empty fields is written as ",,", which reads back as three empty fields: equal.
  if read != [header] + rows {
    fatalError("read back differs:\n\(([header] + rows).debugDescription)\n\(read.debugDescription)")
  }
  return 0
}
