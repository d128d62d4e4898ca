// Time buckets: a day, an ISO week (Monday to Sunday), a calendar month, quarter or year, all UTC.
// Buckets are half-open day ranges [start, end); shown to users as inclusive dates.

/// The width of a time bucket.
public enum Every: String, CaseIterable, Sendable, Comparable {
  case day, week, month, quarter, year

  var rank: Int {
    switch self {
    case .day: 0
    case .week: 1
    case .month: 2
    case .quarter: 3
    case .year: 4
    }
  }

  public static func < (a: Every, b: Every) -> Bool { a.rank < b.rank }

  /// "daily", "weekly", … for sentences.
  public var adjective: String {
    switch self {
    case .day: "daily"
    case .week: "weekly"
    case .month: "monthly"
    case .quarter: "quarterly"
    case .year: "yearly"
    }
  }

  /// The day number on which the bucket holding `day` starts.
  @inlinable public func bucketStart(day: Int64) -> Int64 {
    switch self {
    case .day:
      return day
    case .week:
      // 1970-01-01 was a Thursday: (day + 3) mod 7 is 0 on Mondays.
      return day - (day + 3).floorMod(7)
    case .month:
      let date = CivilDate(dayNumber: day)
      return CivilDate(year: date.year, month: date.month, day: 1).dayNumber
    case .quarter:
      let date = CivilDate(dayNumber: day)
      return CivilDate(year: date.year, month: (date.month - 1) / 3 * 3 + 1, day: 1).dayNumber
    case .year:
      return CivilDate(year: CivilDate(dayNumber: day).year, month: 1, day: 1).dayNumber
    }
  }

  /// The first day of the bucket after the one starting on `start`.
  public func nextStart(after start: Int64) -> Int64 {
    switch self {
    case .day: return start + 1
    case .week: return start + 7
    case .month, .quarter, .year:
      let date = CivilDate(dayNumber: start)
      let months = self == .month ? 1 : self == .quarter ? 3 : 12
      let total = date.year * 12 + (date.month - 1) + months
      return CivilDate(year: total / 12, month: total % 12 + 1, day: 1).dayNumber
    }
  }

  /// Whether `day` is the first day of a bucket of this width.
  public func isBucketStart(day: Int64) -> Bool { bucketStart(day: day) == day }

  /// A short label for a bucket: `2016` for a year, `2016-Q1`, `2016-02`, `2016-W07`, `2016-02-23`.
  /// Where data at this resolution runs, for hints: "from 2016-02 to 2021-02 (monthly data)", or
  /// "from 2016-02-23 to 2021-02-22" for daily data. A monthly file's last time is the 1st of its
  /// last month: a date would name either that 1st or the month's end, and both misread it.
  public func dataRange(firstDay: Int64, lastDay: Int64) -> String {
    let range = "from \(label(start: bucketStart(day: firstDay))) to \(label(start: bucketStart(day: lastDay)))"
    return self == .day ? range : "\(range) (\(adjective) data)"
  }

  public func label(start: Int64) -> String {
    let date = CivilDate(dayNumber: start)
    switch self {
    case .year: return String(date.year)
    case .quarter: return "\(date.year)-Q\((date.month - 1) / 3 + 1)"
    case .month: return String(date.description.prefix(7))
    case .week:
      // The ISO week-numbering year is the year of the week's Thursday.
      let thursday = CivilDate(dayNumber: start + 3)
      let jan1 = CivilDate(year: thursday.year, month: 1, day: 1).dayNumber
      let week = (start + 3 - jan1) / 7 + 1
      return "\(thursday.year)-W\(week < 10 ? "0" : "")\(week)"
    case .day: return date.description
    }
  }
}
