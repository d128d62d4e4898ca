// Parses the time formats real volume exports use, straight from the bytes of a CSV field:
// `YYYY-MM-DD`, ISO 8601 date-times with `Z` or an offset, `YYYY-MM-DD HH:MM:SS UTC` (bitcoinity),
// unix seconds (bitcoincharts), milliseconds, microseconds (Tardis, Binance spot since 2025) and
// nanoseconds. Everything becomes unix seconds in UTC.

/// The family a time value was written in. A column must stick to one family: a file that mixes
/// unix seconds with dates is almost always two files pasted together.
public enum TimeFormat: String, Sendable {
  case date = "YYYY-MM-DD"
  case dateTime = "ISO 8601 date-time"
  case unixSeconds = "unix seconds"
  case unixMilliseconds = "unix milliseconds"
  case unixMicroseconds = "unix microseconds"
  case unixNanoseconds = "unix nanoseconds"

  /// An integer count since the epoch, in whatever unit.
  public var isUnix: Bool { self != .date && self != .dateTime }

  /// Dates and date-times mix freely (a date is midnight UTC), and so do unix times of different
  /// units, each told by its magnitude: Binance's spot files went from milliseconds to microseconds
  /// on 2025-01-01, and CryptoDataDownload's mix milliseconds with seconds. A unix time never mixes
  /// with a date.
  public func mixes(with other: TimeFormat) -> Bool { isUnix == other.isUnix }
}

/// Why a field is not a time, in words for the error message.
public enum TimeParseFailure: Error, Sendable, Equatable {
  case notATime
  case impossibleDate(String)
  case outOfRange
}

public enum TimeParser {
  /// What an error says was expected.
  public static let expected: Phrase =
    "a date like 2016-02-23, an ISO 8601 date-time like 2016-02-23T00:00:00Z, \"2016-02-23 00:00:00 UTC\", or unix seconds"

  /// Unix times above this many seconds (year 5138) are taken as milliseconds: the one rule for
  /// integer times, in files and in database columns alike.
  public static let millisecondsThreshold: Int64 = 100_000_000_000

  /// Whether an integer time is in milliseconds (else seconds), by `millisecondsThreshold`.
  public static func isMilliseconds(_ value: Double) -> Bool { value >= Double(millisecondsThreshold) }

  /// Parses a trimmed field. Returns unix seconds in UTC (milliseconds floor to the second).
  // hot loop: called for every time field of every row; one pass over the bytes with early exits
  // per format, no allocation. Splitting it per format would re-scan the digits each call makes.
  public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<
    (seconds: Int64, format: TimeFormat), TimeParseFailure
  > {
    var lo = 0
    var hi = bytes.count
    while lo < hi, bytes[lo] == 0x20 || bytes[lo] == 0x09 { lo += 1 }
    while hi > lo, bytes[hi - 1] == 0x20 || bytes[hi - 1] == 0x09 { hi -= 1 }
    let n = hi - lo
    if n == 0 { return .failure(.notATime) }
    @inline(__always) func byte(_ i: Int) -> UInt8 { bytes[lo + i] }
    @inline(__always) func isDigit(_ i: Int) -> Bool { i < n && byte(i) &- 0x30 < 10 }
    @inline(__always) func digits(_ i: Int, _ count: Int) -> Int? {
      var value = 0
      for k in i..<(i + count) {
        guard isDigit(k) else { return nil }
        value = value * 10 + Int(byte(k) &- 0x30)
      }
      return value
    }

    // Unix seconds or milliseconds: digits only, optionally a fraction.
    if n <= 4 || byte(4) != UInt8(ascii: "-") {
      var value: Int64 = 0
      var i = 0
      while i < n, isDigit(i) {
        if value > Int64.max / 10 - 10 { return .failure(.outOfRange) }
        value = value * 10 + Int64(byte(i) &- 0x30)
        i += 1
      }
      if i == 0 { return .failure(.notATime) }
      if i < n {
        guard byte(i) == UInt8(ascii: "."), i + 1 < n else { return .failure(.notATime) }
        var k = i + 1
        while k < n, isDigit(k) { k += 1 }
        guard k == n else { return .failure(.notATime) }
      }
      // Eight digits that make a calendar date from 1900 to 2199 are YYYYMMDD (a common export
      // format), not unix seconds of 1970–1973: 20160101 was read as 1970-08-22.
      if i == n, n == 8,
        case (let year, let month, let day) = (Int(value / 10_000), Int(value / 100 % 100), Int(value % 100)),
        (1900...2199).contains(year), (1...12).contains(month),
        (1...CivilDate.daysInMonth(year: year, month: month)).contains(day)
      {
        return .success((CivilDate(year: year, month: month, day: day).dayNumber * secondsPerDay, .date))
      }
      // The digit count says the unit (as for Binance, EpochUnit): from 10^11 milliseconds, from
      // 10^14 microseconds, from 10^17 nanoseconds; each is 1973 or later in its unit, and each unit
      // ends where the next begins (10^11 s is year 5138, 10^14 ms year 5138).
      switch value {
      case ..<millisecondsThreshold: return .success((value, .unixSeconds))
      case ..<100_000_000_000_000: return .success((value.floorDiv(1000), .unixMilliseconds))
      case ..<100_000_000_000_000_000: return .success((value.floorDiv(1_000_000), .unixMicroseconds))
      default: return .success((value.floorDiv(1_000_000_000), .unixNanoseconds))
      }
    }

    // YYYY-MM-DD
    guard n >= 10, let year = digits(0, 4), byte(7) == UInt8(ascii: "-"),
      let month = digits(5, 2), let day = digits(8, 2)
    else { return .failure(.notATime) }
    guard year >= 1, (1...12).contains(month) else {
      return .failure(.impossibleDate("month \(month) does not exist"))
    }
    let monthDays = CivilDate.daysInMonth(year: year, month: month)
    guard (1...monthDays).contains(day) else {
      return .failure(.impossibleDate("\(monthName(month)) \(year) has \(monthDays) days"))
    }
    let dayNumber = CivilDate(year: year, month: month, day: day).dayNumber
    if n == 10 { return .success((dayNumber * secondsPerDay, .date)) }

    // [T ]HH:MM[:SS[.fff]][Z| UTC|UTC|±HH[:MM]]
    guard byte(10) == UInt8(ascii: "T") || byte(10) == UInt8(ascii: " ") || byte(10) == UInt8(ascii: "t"),
      let hour = digits(11, 2), 13 < n, byte(13) == UInt8(ascii: ":"), let minute = digits(14, 2)
    else { return .failure(.notATime) }
    var i = 16
    var second = 0
    if i < n, byte(i) == UInt8(ascii: ":") {
      guard let s = digits(i + 1, 2) else { return .failure(.notATime) }
      second = s
      i += 3
      if i < n, byte(i) == UInt8(ascii: ".") || byte(i) == UInt8(ascii: ",") {
        i += 1
        guard isDigit(i) else { return .failure(.notATime) }
        while isDigit(i) { i += 1 }
      }
    }
    guard hour <= 23, minute <= 59, second <= 60 else {
      return .failure(.impossibleDate("\(hour):\(minute):\(second) is not a time of day"))
    }
    var offsetSeconds = 0
    if i < n {
      var j = i
      if byte(j) == 0x20 { j += 1 }  // "2016-02-23 00:00:00 UTC"
      let rest = n - j
      if rest == 1, byte(j) == UInt8(ascii: "Z") || byte(j) == UInt8(ascii: "z") {
        // UTC
      } else if rest == 3, byte(j) | 0x20 == UInt8(ascii: "u"), byte(j + 1) | 0x20 == UInt8(ascii: "t"),
        byte(j + 2) | 0x20 == UInt8(ascii: "c")
      {
        // UTC
      } else if j == i, byte(j) == UInt8(ascii: "+") || byte(j) == UInt8(ascii: "-") {
        let sign = byte(j) == UInt8(ascii: "+") ? 1 : -1
        guard let oh = digits(j + 1, 2) else { return .failure(.notATime) }
        var om = 0
        if rest == 3 {
        } else if rest == 6, byte(j + 3) == UInt8(ascii: ":"), let m = digits(j + 4, 2) {
          om = m
        } else if rest == 5, let m = digits(j + 3, 2) {
          om = m
        } else {
          return .failure(.notATime)
        }
        guard oh <= 23, om <= 59 else { return .failure(.impossibleDate("offset out of range")) }
        offsetSeconds = sign * (oh * 3600 + om * 60)
      } else {
        return .failure(.notATime)
      }
    }
    let seconds =
      dayNumber * secondsPerDay + Int64(hour * 3600 + minute * 60 + min(second, 59)) - Int64(offsetSeconds)
    // An offset can push a time past the years 1–9999 every date is in (0001-01-01T00:30+01:00 is
    // year 0 in UTC): out of range, as for unix times, not a bucket 0000-12-31 or 10000-01-01.
    guard (-62_135_596_800..<253_402_300_800).contains(seconds) else { return .failure(.outOfRange) }
    return .success((seconds, .dateTime))
  }

  /// Parses a whole string (dates typed as options, the date of a snapshot).
  public static func parse(_ text: String) -> Result<(seconds: Int64, format: TimeFormat), TimeParseFailure> {
    var copy = text
    return copy.withUTF8 { parse($0) }
  }

  static func monthName(_ month: Int) -> String {
    [
      "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
      "November", "December",
    ][month - 1]
  }
}
