// libFuzzer target: the time parser never crashes, and a plain date it accepts prints back as itself
// (a compact YYYYMMDD date, docs/errors.md V15, prints back as the same digits with dashes).

import ShareData

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = UnsafeBufferPointer(start: data, count: size)
  if case .success(let parsed) = TimeParser.parse(bytes), parsed.format == .date {
    let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: " \t")
    let printed = dateString(seconds: parsed.seconds)
    let compact = printed.filter { $0 != "-" }
    if printed != text && !(text.count == 8 && compact == text) {
      fatalError("date \(text) read back as \(printed)")
    }
  }
  return 0
}

extension String {
  func trimmingCharacters(in set: String) -> String {
    var s = Substring(self)
    while let f = s.first, set.contains(f) { s.removeFirst() }
    while let l = s.last, set.contains(l) { s.removeLast() }
    return String(s)
  }
}
