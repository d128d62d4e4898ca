// libFuzzer target: the decimal parser never crashes, and every number it accepts is exactly
// the Double that Swift's own correctly rounded parser gives for the same text.

import ShareData

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = UnsafeBufferPointer(start: data, count: size)
  if case .success(let value) = DecimalParser.parse(bytes) {
    var text = String(decoding: bytes, as: UTF8.self)
    while text.first == " " || text.first == "\t" { text.removeFirst() }
    while text.last == " " || text.last == "\t" { text.removeLast() }
    guard let reference = Double(text) else { fatalError("accepted \(text) but Double(String) rejects it") }
    if reference.bitPattern != value.bitPattern && !(reference == 0 && value == 0) {
      fatalError("\(text): parsed \(value), Double(String) gives \(reference)")
    }
  }
  return 0
}
