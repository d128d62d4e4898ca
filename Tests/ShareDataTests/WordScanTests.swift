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

extension WordScanTests {
  /// PlainDecimal (which reads the eight digits after a point with WordScan) gives exactly
  /// `Double(String)` for every plain decimal of up to 15 digits, and nil for anything else.
  @Test func plainDecimalsAreWhatDoubleReads() {
    var rng = SeededGenerator(seed: 43)
    var samples = [
      "0", "5", "5.", ".5", "1.50213918", "430.77", "0.00000001", "123456789012345", "1234567890123456",
      "12345678.1234567", "1234567.12345678", "1.123456789012345", "00000000.00000001", "1..2", "1.2.3", "-1.5", "1e5",
      "", "12345678", "1.1234567x", "1.12345678x",
    ]
    let alphabet = Array("0123456789.".utf8) + [UInt8(ascii: "x"), UInt8(ascii: "-")]
    for _ in 0..<30_000 {
      let n = Int.random(in: 1...20, using: &rng)
      samples.append(String(decoding: (0..<n).map { _ in alphabet.randomElement(using: &rng)! }, as: UTF8.self))
      let whole = String(UInt64.random(in: 0..<1_000_000, using: &rng))
      let fraction = String(UInt64.random(in: 0..<1_000_000_000_000, using: &rng))
      samples.append(whole + "." + String(fraction.prefix(Int.random(in: 1...12, using: &rng))))
    }
    let powers = PlainDecimal.powers
    for text in samples {
      let bytes = Array(text.utf8)
      let parts = text.split(separator: ".", omittingEmptySubsequences: false)
      let digits = text.filter(\.isNumber).count
      let plain =
        !text.isEmpty && text.allSatisfy { $0.isNumber || $0 == "." } && parts.count <= 2
        && parts.allSatisfy { !$0.isEmpty } && digits <= 15
      let got = bytes.withUnsafeBufferPointer { buffer in
        powers.withUnsafeBufferPointer {
          PlainDecimal.parse(buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!, bytes.count, powers: $0.baseAddress!)
        }
      }
      #expect(got?.bitPattern == (plain ? Double(text)!.bitPattern : nil), "\(text)")
    }
  }
}

extension String {
  fileprivate func leftPadded(to count: Int) -> String {
    String(repeating: "0", count: max(0, count - self.count)) + self
  }
}
