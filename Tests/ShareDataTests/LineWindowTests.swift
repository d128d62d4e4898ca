// LineWindow splits a line by the first bits of a 64-bit window of the block's bitmap; each
// answer must be the byte-at-a-time one: the same field bounds for a well-formed line of up to
// 64 bytes, and nil for anything else (a quote, tab, space, lone CR or NUL among the separators,
// too few or too many fields before the line end, a line past the window, the block's last bytes).

import TestSupport
import Testing

@testable import ShareData

@Suite struct LineWindowTests {
  /// The byte-at-a-time answer: the field bounds and the LF's position of the line at `line`, if
  /// it has exactly `fieldCount` fields ending in LF or CRLF within 64 bytes and no other byte below "-".
  func reference(_ bytes: [UInt8], line: Int, fieldCount: Int) -> (starts: [Int], ends: [Int], lf: Int)? {
    guard line + 64 <= bytes.count else { return nil }
    var starts = [line]
    var ends: [Int] = []
    var k = line
    while k < line + 64 {
      let c = bytes[k]
      if c == 0x2C {
        guard starts.count < fieldCount else { return nil }
        ends.append(k)
        starts.append(k + 1)
      } else if c == 0x0A {
        return starts.count == fieldCount ? (starts, ends, k) : nil
      } else if c == 0x0D {
        guard starts.count == fieldCount, k + 1 < bytes.count, bytes[k + 1] == 0x0A else { return nil }
        return (starts, ends, k + 1)
      } else if c < 0x2D {
        return nil
      }
      k += 1
    }
    return nil
  }

  /// Random lines of random widths and fields, with now and then a byte that is not a comma below
  /// "-", a CR, or a line longer than the window; every line of every block is split both ways.
  @Test func splitsExactlyTheLinesAByteScanSplits() {
    var rng = SeededGenerator(seed: 44)
    let odd: [UInt8] = [0x22, 0x09, 0x20, 0x0D, 0x00, 0x2B, 0x21]
    var splits = 0
    for _ in 0..<300 {
      let fieldCount = Int.random(in: 1...8, using: &rng)
      var bytes: [UInt8] = []
      var lineStarts: [Int] = []
      for _ in 0..<Int.random(in: 1...400, using: &rng) {
        lineStarts.append(bytes.count)
        let fields = Int.random(in: 0...10, using: &rng) < 8 ? fieldCount : Int.random(in: 1...9, using: &rng)
        for f in 0..<fields {
          let width = Int.random(in: 0...(Int.random(in: 0...9, using: &rng) == 0 ? 40 : 9), using: &rng)
          for _ in 0..<width { bytes.append(UInt8.random(in: 0x2D...0xFF, using: &rng)) }
          if Int.random(in: 0...40, using: &rng) == 0 { bytes.append(odd.randomElement(using: &rng)!) }
          if f < fields - 1 { bytes.append(0x2C) }
        }
        if Int.random(in: 0...5, using: &rng) == 0 { bytes.append(0x0D) }
        bytes.append(0x0A)
      }
      bytes.withUnsafeBufferPointer { buffer in
        var window = LineWindow()
        defer { window.deallocate() }
        let starts = UnsafeMutablePointer<Int>.allocate(capacity: 16)
        let ends = UnsafeMutablePointer<Int>.allocate(capacity: 16)
        defer {
          starts.deallocate()
          ends.deallocate()
        }
        for line in lineStarts {
          let got = window.split(
            buffer.baseAddress!, line: line, end: buffer.count, fieldCount: fieldCount, starts: starts, ends: ends)
          let expected = reference(bytes, line: line, fieldCount: fieldCount)
          #expect(got == expected?.lf, "line at \(line) of \(fieldCount) fields: \(bytes[line...].prefix(70))")
          guard let expected, got != nil else { continue }
          splits += 1
          #expect((1..<fieldCount).map { starts[$0] } == Array(expected.starts.dropFirst()))
          #expect((0..<(fieldCount - 1)).map { ends[$0] } == expected.ends)
        }
      }
    }
    #expect(splits > 10_000, "too few lines took the window: \(splits)")
  }

  /// A window needs 64 bytes of the block: the last line before the block's end is left to the
  /// word-at-a-time scan, even when it is well formed.
  @Test func theBlocksLastBytesAreLeftToTheScan() {
    let bytes = Array(String(repeating: "1451606400,okcoin,CNY,1.5\n", count: 4).utf8)
    bytes.withUnsafeBufferPointer { buffer in
      var window = LineWindow()
      defer { window.deallocate() }
      let bounds = UnsafeMutablePointer<Int>.allocate(capacity: 8)
      defer { bounds.deallocate() }
      let lineLength = 26
      let split = (0..<4).map {
        window.split(
          buffer.baseAddress!, line: $0 * lineLength, end: buffer.count, fieldCount: 4, starts: bounds, ends: bounds)
      }
      #expect(split == [25, 51, nil, nil])
    }
  }
}
