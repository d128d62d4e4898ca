// One line of a block, as the long and wide parsers (SeriesBlockParser, WideBlockParser) read it:
// split at commas into field bounds in place, and a value read as the serial reader's `volume(_:)`
// reads it. Both inline into the parsers' hot loops (a call per row cost the loop ~10%, as
// `same` measured for memcmp).

enum BlockLine {
  /// A line split: its field count and where the next line starts; or a blank line (skipped, as
  /// the scanner skips it); or something only the scanner reads (a quote, a NUL, a lone CR).
  enum Split {
    case fields(Int, next: Int)
    case blank(next: Int)
    case scanner
  }

  private static let (comma, newline, cr, quote) = (UInt8(ascii: ","), UInt8(0x0A), UInt8(0x0D), UInt8(ascii: "\""))

  /// Splits the line that starts at `line`, scanning from `from` with `field` fields already
  /// bounded (a parser may pass a field it recognised without scanning). `starts` and `ends` get
  /// the bounds of up to `maxFields` fields; a CR before the newline is not part of the last one.
  @inline(__always)
  static func split(
    _ base: UnsafePointer<UInt8>, line: Int, from: Int, field: Int, end: Int, starts: UnsafeMutablePointer<Int>,
    ends: UnsafeMutablePointer<Int>, maxFields: Int
  ) -> Split {
    var field = field
    var lineEnd = from
    while lineEnd < end {
      let c = base[lineEnd]
      if c <= comma {
        if c == newline { break }
        if c == comma {
          if field < maxFields { ends[field] = lineEnd }
          field += 1
          if field <= maxFields { starts[field] = lineEnd + 1 }
        } else if c == quote || c == 0 || (c == cr && lineEnd + 1 < end && base[lineEnd + 1] != newline) {
          return .scanner
        }
      }
      lineEnd += 1
    }
    var contentEnd = lineEnd
    if contentEnd > line && base[contentEnd - 1] == cr { contentEnd -= 1 }
    if field <= maxFields { ends[field] = contentEnd }
    if field == 0 {
      var k = line
      while k < contentEnd && (base[k] == 0x20 || base[k] == 0x09) { k += 1 }
      if k == contentEnd { return .blank(next: lineEnd + 1) }
    }
    return .fields(field + 1, next: lineEnd + 1)
  }

  /// The value in bytes `vs..<ve`: nil for empty or blank (a missing cell); `.nan` for anything
  /// the serial reader refuses (text, a negative, an overflow), which sends the file to it. Plain
  /// decimals inline (PlainDecimal.swift), the rest through DecimalParser.
  @inline(__always)
  static func value(_ base: UnsafePointer<UInt8>, _ vs: Int, _ ve: Int, _ powers: UnsafePointer<Double>) -> Double? {
    if vs == ve { return nil }
    if let plain = PlainDecimal.parse(base + vs, ve - vs, powers: powers) { return plain }
    switch DecimalParser.parse(UnsafeBufferPointer(start: base + vs, count: ve - vs)) {
    case .success(let v): return v < 0 ? .nan : v
    case .failure(.notANumber):
      var k = vs
      while k < ve && (base[k] == 0x20 || base[k] == 0x09) { k += 1 }
      return k == ve ? nil : .nan
    case .failure(.overflow): return .nan
    }
  }
}
