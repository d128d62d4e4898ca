// A short line split with no branch that depends on its bytes. A bitmap of the block marks each
// byte below "-" (WordScan.below45, each word folded to a byte by a multiply), filled a few
// kilobytes ahead of the parser; a line's 64-bit window of it is two loads and a shift, and a
// well-formed line's separators are that window's first `fieldCount` bits: commas, and the line
// end last. Scanning a word at a time and stopping at each separator branched on how many words
// lay between two separators, which changes from line to line with the widths of the fields (an
// exchange's name, a price): cachegrind's branch model counted 3.6 mispredictions a row, 0.7 now.

import CByteScan

struct LineWindow {
  /// Bitmap words kept (4 KiB), a ring: bit k of word i marks byte 64·i + k of the block.
  private static let ringWords = 512
  /// Words filled at a time (4 KiB of the block), well ahead of the line being split.
  private static let fillWords = 64
  private let ring: UnsafeMutablePointer<UInt64>
  /// Words of the block's bitmap filled so far.
  private var filled = 0

  init() {
    ring = .allocate(capacity: Self.ringWords)
    ring.initialize(repeating: 0, count: Self.ringWords)
  }

  func deallocate() { ring.deallocate() }

  /// Splits the line at `line` if it is well formed within the 64 bytes there: `fieldCount - 1`
  /// commas, then LF or CRLF, and no other byte below "-" among them (no quote, tab, space, lone
  /// CR or NUL). Writes the bounds of every field but the last one's end, and returns the LF's
  /// position; nil when the line is not such a line (the caller scans it the slower way) or when
  /// fewer than 64 bytes are left in the block. Lines must come in order.
  @inline(__always)
  mutating func split(
    _ base: UnsafePointer<UInt8>, line: Int, end: Int, fieldCount: Int, starts: UnsafeMutablePointer<Int>,
    ends: UnsafeMutablePointer<Int>
  ) -> Int? {
    guard line &+ 64 <= end else { return nil }
    let word = line &>> 6
    while word &+ 2 > filled { fill(base, end) }
    let shift = UInt64(line & 63)
    let low = ring[word & (Self.ringWords &- 1)]
    let high = ring[(word &+ 1) & (Self.ringWords &- 1)]
    // Two shifts for the high word: one of 64 would be taken mod 64 (no shift at all).
    var mask = (low &>> shift) | ((high &<< 1) &<< (63 &- shift))
    // Every separator's byte is checked without branching on it; only the verdict is a branch,
    // and on a well-formed file it goes the same way on every line. Bit 63 stands in for bits
    // the window has run out of: its byte is read (it lies inside the block) and, unless it
    // really is a separator, fails the test (a popcount first was a software loop here: the
    // build targets every x86-64, without POPCNT).
    let last = UInt64(1) &<< 63
    var wrong: UInt8 = 0
    for field in 0..<(fieldCount &- 1) {
      let at = line &+ (mask | last).trailingZeroBitCount
      mask &= mask &- 1
      wrong |= base[at] ^ UInt8(ascii: ",")
      ends[field] = at
      starts[field &+ 1] = at &+ 1
    }
    let at = line &+ (mask | last).trailingZeroBitCount
    guard wrong == 0 else { return nil }
    if base[at] == 0x0A { return at }
    // CRLF: the CR is the last separator counted; the LF after it may lie past the window, so its
    // byte is read.
    if base[at] == 0x0D && at &+ 1 < end && base[at &+ 1] == 0x0A { return at &+ 1 }
    return nil
  }

  /// The next `fillWords` words of the bitmap; bytes past `end` are never marked.
  private mutating func fill(_ base: UnsafePointer<UInt8>, _ end: Int) {
    // The flags sit at bit 7 of each byte; the multiply gathers byte k's at bit 56 + k, and no two
    // products meet below bit 64 (so no carry disturbs them). Eight words written out: the loop
    // over them was not unrolled.
    @inline(__always) func byte(_ at: Int) -> UInt64 {
      (WordScan.below45(base, at, end) &* 0x0002_0408_1020_4081) &>> 56
    }
    for i in filled..<(filled &+ Self.fillWords) {
      let at = i &* 64
      if at &+ 64 <= end {
        ring[i & (Self.ringWords &- 1)] = sl_below45_64(base + at)
        continue
      }
      let low = byte(at) | byte(at &+ 8) &<< 8 | byte(at &+ 16) &<< 16 | byte(at &+ 24) &<< 24
      let high = byte(at &+ 32) | byte(at &+ 40) &<< 8 | byte(at &+ 48) &<< 16 | byte(at &+ 56) &<< 24
      ring[i & (Self.ringWords &- 1)] = low | high &<< 32
    }
    filled &+= Self.fillWords
  }
}
