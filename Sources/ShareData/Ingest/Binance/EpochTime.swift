// Integer epoch times whose unit is told per value by its magnitude: Binance's spot files switched
// from milliseconds to microseconds on 2025-01-01, so a user reading 2024 and 2025 together has both
// in one run, and a file that changes unit mid-way must still read right. For any time after
// 1973-03-03 the digit count says the unit: below 10^11 seconds, below 10^14 milliseconds, below
// 10^17 microseconds, else nanoseconds (up to year 2262, where Int64 nanoseconds end).

/// The unit an integer epoch time was written in.
enum EpochUnit: String, Sendable {
  case seconds = "s"
  case milliseconds = "ms"
  case microseconds = "µs"
  case nanoseconds = "ns"

  /// The unit of `value` by its magnitude.
  init(magnitude value: Int64) {
    switch value {
    case ..<100_000_000_000: self = .seconds
    case ..<100_000_000_000_000: self = .milliseconds
    case ..<100_000_000_000_000_000: self = .microseconds
    default: self = .nanoseconds
    }
  }

  var perSecond: Int64 {
    switch self {
    case .seconds: return 1
    case .milliseconds: return 1_000
    case .microseconds: return 1_000_000
    case .nanoseconds: return 1_000_000_000
    }
  }
}

enum EpochTime {
  /// A field of ASCII digits (no sign, no point, at most 19 digits) as unix seconds, floored, and
  /// the unit it was read in; nil when the field is anything else.
  static func seconds(_ bytes: UnsafeBufferPointer<UInt8>) -> (seconds: Int64, unit: EpochUnit)? {
    guard !bytes.isEmpty, bytes.count <= 19 else { return nil }
    var value: Int64 = 0
    for byte in bytes {
      let digit = byte &- 0x30
      guard digit < 10 else { return nil }
      let (shifted, over) = value.multipliedReportingOverflow(by: 10)
      let (sum, carry) = shifted.addingReportingOverflow(Int64(digit))
      guard !over, !carry else { return nil }
      value = sum
    }
    let unit = EpochUnit(magnitude: value)
    return (value / unit.perSecond, unit)
  }

  static func seconds(_ text: String) -> (seconds: Int64, unit: EpochUnit)? {
    var copy = text
    return copy.withUTF8 { seconds($0) }
  }
}
