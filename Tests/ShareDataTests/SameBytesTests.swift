// SeriesBlockParser.same tells whether a row's time or category repeats the previous one's bytes;
// it must be plain byte equality at every length.

import TestSupport
import Testing

@testable import ShareData

@Suite struct SameBytesTests {
  /// `same` compares eight bytes at a time and, from eight on, the last eight once more (they may
  /// overlap): every length up to 40, equal and with one byte changed at each position.
  @Test func sameIsElementwiseEquality() {
    var rng = SeededGenerator(seed: 45)
    for n in 0...40 {
      let a = (0..<n).map { _ in UInt8.random(in: 0...255, using: &rng) }
      var cases = [(a, true)]
      for position in 0..<n {
        var b = a
        b[position] ^= UInt8.random(in: 1...255, using: &rng)
        cases.append((b, false))
      }
      for (b, equal) in cases {
        let got = a.withUnsafeBufferPointer { x in
          b.withUnsafeBufferPointer { y in
            SeriesBlockParser.same(
              x.baseAddress ?? UnsafePointer(bitPattern: 1)!, y.baseAddress ?? UnsafePointer(bitPattern: 1)!, n)
          }
        }
        #expect(got == equal, "\(n) bytes: \(a) against \(b)")
      }
    }
  }
}
