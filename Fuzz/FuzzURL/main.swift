// libFuzzer target: the source-URL parser must never crash on any text, and no password may come
// out of it: whatever the input, a password planted in it (a marker the rest of the input cannot
// contain) appears neither in the redacted text nor in the parser's error message. The input's
// first byte picks a scheme (right, miscased, misspelt, one slash); the rest is split at 0x00 into
// user, the password's tail, host and the remainder (path, port, query).
// Built only by `make fuzz` (see Makefile); a plain build links an empty program.

import ShareData

let schemes = [
  "clickhouse://", "postgres://", "postgresql://", "ClickHouse://", "clickhouse:/", "postgresql+psycopg2://", "http://",
  "clickhouse:", "",
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  guard let first = bytes.first else { return 0 }
  // Arbitrary text, parsed as it is: must not trap.
  let raw = String(decoding: bytes.dropFirst(), as: UTF8.self)
  _ = SourceURL.isURL(raw)
  _ = try? SourceURL(raw, environment: [:])
  _ = SourceURL.redacted(raw)
  _ = SourceURL.redactingURLs(in: raw)
  // A URL with a planted password.
  let parts = bytes.dropFirst().split(separator: 0, maxSplits: 3, omittingEmptySubsequences: false).map {
    String(decoding: $0, as: UTF8.self).replacingOccurrences(of: "Q7", with: "")
  }
  func part(_ i: Int) -> String { i < parts.count ? parts[i] : "" }
  let secret = "Q7ZX" + part(1).filter { $0.isLetter || $0.isNumber }.prefix(8)
  let text = schemes[Int(first) % schemes.count] + part(0) + ":" + secret + "@" + part(2) + part(3)
  let shown = SourceURL.redacted(text)
  let scrubbed = SourceURL.redactingURLs(in: "error: " + text + " failed")
  // (The message scrubber works line by line: a URL broken over lines is `redacted`'s to cut.)
  if SourceURL.isURL(text) && (shown.contains("Q7ZX") || (!text.utf8.contains(0x0A) && scrubbed.contains("Q7ZX"))) {
    fatalError("the password survived redaction: \(text.debugDescription) -> \(shown.debugDescription)")
  }
  do {
    _ = try SourceURL(text, environment: [:])
  } catch {
    if "\(error)".contains("Q7ZX") { fatalError("the password is in the message: \(error)") }
  }
  return 0
}
