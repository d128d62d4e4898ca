// The parallel parsers' inline number fast path. Nearly every volume, price and amount in a big
// file is plain `123.4567`: digits, at most one point with digits on both sides, 15 digits at
// most. Its digits as an integer and the power of ten it is divided by are both exact Doubles, so
// the one division is correctly rounded: the very Double DecimalParser's own fast path (Clinger's)
// and strtod give. Inline, it skips the general parser's sign, exponent, whitespace and 19-digit
// handling, which a profile put at a fifth of the parse.

enum PlainDecimal {
  /// Exact powers of ten up to 10^15.
  static let powers: [Double] = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15]

  /// The value of the `count` bytes at `start` if they are a plain decimal, else nil (the caller
  /// then asks DecimalParser, which reads every other form and says what is wrong). The digits
  /// before the point a byte at a time (a few), the first eight after it at once (WordScan): a
  /// byte-at-a-time loop over all of them was a tenth of the trade parser's time, mostly in the
  /// mispredicted exit of a loop whose length changes from row to row.
  @inline(__always)
  static func parse(_ start: UnsafePointer<UInt8>, _ count: Int, powers: UnsafePointer<Double>) -> Double? {
    var mantissa: Int64 = 0
    var k = 0
    while k < count {
      let d = start[k] &- 0x30
      if d >= 10 { break }
      mantissa = mantissa &* 10 &+ Int64(d)
      k &+= 1
    }
    let whole = k
    guard whole > 0 else { return nil }
    if k == count { return whole <= 15 ? Double(mantissa) : nil }
    guard start[k] == 0x2E else { return nil }
    k &+= 1
    let fractionStart = k
    if count &- k >= 8, let eight = WordScan.eightDigits(start, k) {
      mantissa = mantissa &* 100_000_000 &+ eight
      k &+= 8
    }
    while k < count {
      let d = start[k] &- 0x30
      if d >= 10 { return nil }
      mantissa = mantissa &* 10 &+ Int64(d)
      k &+= 1
    }
    let fraction = count &- fractionStart
    // Digits on both sides of the point, 15 at most: the integer and the power are exact Doubles.
    guard fraction > 0, whole &+ fraction <= 15 else { return nil }
    return Double(mantissa) / powers[fraction]
  }
}
