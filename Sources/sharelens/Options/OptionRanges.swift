// The range of every numeric option, in one place: a value outside it is a usage error (status 64)
// that names the range, never a trap, a segfault or a 32 GB allocation further down (`--smooth
// 5e8` overflowed the stack, `--width 1e9` asked for 32 GB, `--timeout 1e16` trapped converting
// to Int). docs/errors.md lists them (N01–N08).

import ArgumentParser

enum OptionRange {
  /// --smooth: buckets in the moving window (10,000 days is 27 years).
  static let smooth = 1...10_000
  /// --width: text columns.
  static let width = 30...1_000
  /// --resamples: bootstrap resamples (0 turns the interval off).
  static let resamples = 0...100_000
  /// --block: days in a bootstrap block.
  static let block = 1...10_000
  /// --top: categories kept.
  static let top = 1...100_000
  /// --max-breaks, --min-segment: breaks shown; values per segment.
  static let maxBreaks = 1...1_000
  static let minSegment = 1...10_000
  /// --timeout: seconds (a day at most).
  static let timeout = 0.001...86_400.0

  static func check<T: Comparable>(_ value: T?, _ range: ClosedRange<T>, _ flag: String, _ unit: String) throws {
    guard let value, !range.contains(value) else { return }
    throw ValidationError("\(flag) \(value) is out of range: give \(range.lowerBound) to \(range.upperBound) \(unit)")
  }
}
