// WordScan tests a word's eight bytes at once; each answer must be the byte-at-a-time one, for
// every byte value in every position, and at the block's end (where fewer than eight remain).

import TestSupport
import Testing

@testable import ShareData

@Suite struct WordScanTests {
  @Test func below45FlagsExactlyTheBytesBelowDash() {
    var rng = SeededGenerator(seed: 41)
    // Every byte value at every position, among neighbours that provoke borrows and carries.
    var samples: [[UInt8]] = []
    for value in 0...255 {
      for position in 0..<8 {
        for fill: UInt8 in [0x00, 0x2C, 0x2D, 0x7F, 0x80, 0xFF] {
          var bytes = [UInt8](repeating: fill, count: 8)
          bytes[position] = UInt8(value)
          samples.append(bytes)
        }
      }
    }
    for _ in 0..<20_000 { samples.append((0..<8).map { _ in UInt8.random(in: 0...255, using: &rng) }) }
    for bytes in samples {
      for available in 1...8 {
        bytes.withUnsafeBufferPointer { buffer in
          let flags = WordScan.below45(buffer.baseAddress!, 0, available)
          var expected: UInt64 = 0
          for k in 0..<available where bytes[k] < 0x2D { expected |= 0x80 << (8 * UInt64(k)) }
          #expect(flags == expected, "\(bytes) with \(available) bytes")
        }
      }
    }
  }

  @Test func eightDigitsReadsOnlyEightDigits() {
    var rng = SeededGenerator(seed: 42)
    var samples: [[UInt8]] = (0..<20_000).map { _ in
      Array(String(UInt64.random(in: 0..<100_000_000, using: &rng)).leftPadded(to: 8).utf8)
    }
    for position in 0..<8 {
      for value in 0...255 {
        var bytes = Array("12345678".utf8)
        bytes[position] = UInt8(value)
        samples.append(bytes)
      }
    }
    for bytes in samples {
      let expected = bytes.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } ? Int64(String(decoding: bytes, as: UTF8.self)) : nil
      let got = bytes.withUnsafeBufferPointer { WordScan.eightDigits($0.baseAddress!, 0) }
      #expect(got == expected, "\(bytes)")
    }
  }
}

extension String {
  fileprivate func leftPadded(to count: Int) -> String {
    String(repeating: "0", count: max(0, count - self.count)) + self
  }
}
