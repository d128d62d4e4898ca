// Calendar arithmetic in UTC on day numbers (days since 1970-01-01), without Foundation's
// Calendar: it is exact, allocation-free and fast enough to call once per row.
// Algorithms: Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms" (days_from_civil,
// civil_from_days), proleptic Gregorian calendar.

/// A calendar date in UTC.
public struct CivilDate: Sendable, Hashable, Comparable, CustomStringConvertible {
  public var year: Int
  public var month: Int
  public var day: Int

  public init(year: Int, month: Int, day: Int) {
    self.year = year
    self.month = month
    self.day = day
  }

  /// The date of a day number (days since 1970-01-01).
  public init(dayNumber: Int64) {
    let z = dayNumber + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    self.year = Int(yoe + era * 400 + (m <= 2 ? 1 : 0))
    self.month = Int(m)
    self.day = Int(d)
  }

  /// Days since 1970-01-01.
  public var dayNumber: Int64 {
    let y = Int64(month <= 2 ? year - 1 : year)
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let m = Int64(month)
    let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  public static func isLeapYear(_ year: Int) -> Bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
  }

  public static func daysInMonth(year: Int, month: Int) -> Int {
    switch month {
    case 2: return isLeapYear(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// ISO 8601 weekday: 1 = Monday … 7 = Sunday. 1970-01-01 was a Thursday.
  public var isoWeekday: Int {
    Int((dayNumber + 3).floorMod(7)) + 1
  }

  /// `YYYY-MM-DD`.
  public var description: String {
    func pad(_ value: Int, _ width: Int) -> String {
      let digits = String(value)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
  }

  public static func < (a: CivilDate, b: CivilDate) -> Bool {
    (a.year, a.month, a.day) < (b.year, b.month, b.day)
  }
}

extension Int64 {
  /// Division rounding towards negative infinity, so times before 1970 land in the right day.
  @inlinable public func floorDiv(_ divisor: Int64) -> Int64 {
    let q = self / divisor
    return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? q - 1 : q
  }

  @inlinable public func floorMod(_ divisor: Int64) -> Int64 {
    self - floorDiv(divisor) * divisor
  }
}

/// Seconds in a day; every time in sharelens is UTC, so days have no DST.
public let secondsPerDay: Int64 = 86_400

/// The `YYYY-MM-DD` of a unix time in seconds.
public func dateString(seconds: Int64) -> String {
  CivilDate(dayNumber: seconds.floorDiv(secondsPerDay)).description
}
