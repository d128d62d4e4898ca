// A short line split with no branch that depends on its bytes. A bitmap of the block marks each
// byte below "-" (SSE2's compare and movemask, CByteScan.h), filled a few kilobytes ahead of the
// parser; a line's 64-bit window of it is two loads and a shift, and a well-formed line's
// separators are that window's first `fieldCount` bits: commas, and the line end last. Scanning a
// word at a time and stopping at each separator branched on how many words lay between two
// separators, which changes from line to line with the widths of the fields (an exchange's name, a
// price): cachegrind's branch model counted 3.5M mispredictions in a 1M-row run, 0.56M now.

import CByteScan

struct LineWindow {
  /// Bitmap words kept (4 KiB), a ring: bit k of word i marks byte 64·i + k of the block.
  private static let ringWords = 512
  /// Words filled at a time (4 KiB of the block), well ahead of the line being split.
  private static let fillWords = 64
  private let ring: UnsafeMutablePointer<UInt64>
  /// Words of the block's bitmap filled so far.
  private var filled = 0
  /// Lines `trySplit` did not take. After 64 a block's lines are taken not to fit the window
  /// (Binance's run to 75 bytes).
  private var misses = 0

  init() {
    ring = .allocate(capacity: Self.ringWords)
    ring.initialize(repeating: 0, count: Self.ringWords)
  }

  func deallocate() { ring.deallocate() }

  /// `split`, until 64 lines of the block have missed: then nil for every line, without filling
  /// the bitmap (a file whose lines do not fit, such as Binance's, pays for nothing).
  @inline(__always)
  mutating func trySplit(
    _ base: UnsafePointer<UInt8>, line: Int, end: Int, fieldCount: Int, starts: UnsafeMutablePointer<Int>,
    ends: UnsafeMutablePointer<Int>
  ) -> Int? {
    guard misses < 64 else { return nil }
    let lf = split(base, line: line, end: end, fieldCount: fieldCount, starts: starts, ends: ends)
    if lf == nil { misses &+= 1 }
    return lf
  }

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
    for i in filled..<(filled &+ Self.fillWords) {
      let at = i &* 64
      if at &+ 64 <= end {
        ring[i & (Self.ringWords &- 1)] = sl_below45_64(base + at)
      } else {
        // The block's last bytes, copied into 64 bytes of 0xFF (never marked): the test may not
        // read past the block.
        ring[i & (Self.ringWords &- 1)] = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { tail in
          tail.initialize(repeating: 0xFF)
          if at < end { _ = tail.initialize(from: UnsafeBufferPointer(start: base + at, count: end &- at)) }
          return sl_below45_64(tail.baseAddress!)
        }
      }
    }
    filled &+= Self.fillWords
  }
}
