// Typed time at the library's public edges: a `Day` is a calendar day (days since 1970-01-01,
// UTC) and a `UnixTime` a moment (seconds since 1970-01-01, UTC). An Int64 could be either, and
// once was: an option in days compared with a column in seconds gives no error, only wrong
// answers. Columns inside VolumeTable stay raw Int64 seconds for speed; these types are what
// options, periods, events and summaries hand across module boundaries.

/// A calendar day in UTC.
public struct Day: Sendable, Hashable, Comparable, Strideable, CustomStringConvertible {
  /// Days since 1970-01-01.
  public var number: Int64

  public init(_ number: Int64) { self.number = number }

  public init(_ date: CivilDate) { number = date.dayNumber }

  public init(year: Int, month: Int, day: Int) { self.init(CivilDate(year: year, month: month, day: day)) }

  public var date: CivilDate { CivilDate(dayNumber: number) }

  /// Midnight UTC at the start of the day.
  public var start: UnixTime { UnixTime(seconds: number * secondsPerDay) }

  /// YYYY-MM-DD.
  public var description: String { date.description }

  public static func < (a: Day, b: Day) -> Bool { a.number < b.number }

  public func distance(to other: Day) -> Int64 { other.number - number }

  public func advanced(by n: Int64) -> Day { Day(number + n) }

  /// The day `days` later (earlier when negative).
  public static func + (day: Day, days: Int64) -> Day { day.advanced(by: days) }

  /// The day `days` earlier.
  public static func - (day: Day, days: Int64) -> Day { day.advanced(by: -days) }
}

/// A moment in UTC, in whole seconds.
public struct UnixTime: Sendable, Hashable, Comparable, CustomStringConvertible {
  public var seconds: Int64

  public init(seconds: Int64) { self.seconds = seconds }

  /// The day the moment falls on.
  public var day: Day { Day(seconds.floorDiv(secondsPerDay)) }

  /// YYYY-MM-DD, or YYYY-MM-DD HH:MM:SS when not midnight.
  public var description: String { dateTimeLabel(seconds) }

  public static func < (a: UnixTime, b: UnixTime) -> Bool { a.seconds < b.seconds }
}
