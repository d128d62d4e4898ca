// Eight bytes at a time: which bytes of a word are below "-" (0x2D), and eight ASCII digits as
// a number. The block parser finds a line's fields by the bytes below "-": commas and the line
// end, and the rare quote, CR or NUL; the digits, letters, "." and "-" that make up nearly all of
// a trade line are never among them. Testing a whole word at once, each word independently of
// the last, lets the processor work on several fields at a time: the byte-at-a-time scan (and a
// word scan that stopped at each field) made every field wait for the one before it, and the
// field scan was the hottest part of the parse in perf.

enum WordScan {
  /// A flag (0x80) at each byte of the 8 at `at` that is below 0x2D, exactly (no borrow crosses
  /// bytes: each byte's low seven bits plus 0x53 stays below 0x100); bytes at or past `end` are
  /// never read nor flagged.
  @inline(__always)
  static func below45(_ base: UnsafePointer<UInt8>, _ at: Int, _ end: Int) -> UInt64 {
    var word: UInt64
    if at &+ 8 <= end {
      word = UInt64(littleEndian: UnsafeRawPointer(base + at).loadUnaligned(as: UInt64.self))
    } else {
      // The block's last few bytes: missing bytes read as 0xFF, which is never flagged.
      word = ~0
      var k = end &- 1
      while k >= at {
        word = (word &<< 8) | UInt64(base[k])
        k &-= 1
      }
    }
    let t = (word & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x5353_5353_5353_5353
    return ~(t | word) & 0x8080_8080_8080_8080
  }

  /// The 8 bytes at `at` as a decimal number if all are ASCII digits, else nil (the caller
  /// makes sure 8 bytes are there). The first byte is the most significant digit.
  @inline(__always)
  static func eightDigits(_ base: UnsafePointer<UInt8>, _ at: Int) -> Int64? {
    let word = UInt64(littleEndian: UnsafeRawPointer(base + at).loadUnaligned(as: UInt64.self))
    // Every byte 0x30...0x39: its high nibble is 3, and adding 6 keeps it 3 (no carry can cross
    // bytes once the first test holds).
    guard word & 0xF0F0_F0F0_F0F0_F0F0 == 0x3030_3030_3030_3030,
      (word &+ 0x0606_0606_0606_0606) & 0xF0F0_F0F0_F0F0_F0F0 == 0x3030_3030_3030_3030
    else { return nil }
    // Pairs, then fours, then all eight: each step multiplies the higher-order half by 10, 100,
    // 10,000 and adds the lower one (little-endian: the first digit is the lowest byte).
    var v = word & 0x0F0F_0F0F_0F0F_0F0F
    v = (v &* 10 &+ (v &>> 8)) & 0x00FF_00FF_00FF_00FF
    v = (v &* 100 &+ (v &>> 16)) & 0x0000_FFFF_0000_FFFF
    v = (v &* 10_000 &+ (v &>> 32)) & 0x0000_0000_FFFF_FFFF
    return Int64(v)
  }
}
