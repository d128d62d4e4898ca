import ShareData
import Testing

@Suite struct TimeParserTests {
  func seconds(_ text: String) throws -> Int64 { try TimeParser.parse(text).get().seconds }

  @Test func theFormatsRealExportsUse() throws {
    let midnight: Int64 = 1_456_185_600  // 2016-02-23T00:00:00Z
    #expect(try seconds("2016-02-23") == midnight)
    #expect(try seconds("2016-02-23 00:00:00 UTC") == midnight)
    #expect(try seconds("2016-02-23T00:00:00Z") == midnight)
    #expect(try seconds("2016-02-23T01:30:00+01:30") == midnight)
    #expect(try seconds("2016-02-22T19:00:00-0500") == midnight)
    #expect(try seconds("2016-02-23T00:00Z") == midnight)
    #expect(try seconds("2016-02-23T00:00:00.250Z") == midnight)
    #expect(try seconds("1456185600") == midnight)
    #expect(try seconds("1456185600123") == midnight)
    #expect(try TimeParser.parse("1456185600123").get().format == .unixMilliseconds)
    #expect(try TimeParser.parse("2016-02-23 00:00:00 UTC").get().format == .dateTime)
  }

  @Test func integerTimesAreToldByTheirMagnitude() throws {
    let cases: [(String, Int64, TimeFormat)] = [
      ("99999999999", 99_999_999_999, .unixSeconds),  // the last second before the millisecond range
      ("100000000000", 100_000_000, .unixMilliseconds),
      ("1456185600999", 1_456_185_600, .unixMilliseconds),
      ("99999999999999", 99_999_999_999, .unixMilliseconds),
      ("100000000000000", 100_000_000, .unixMicroseconds),
      ("1582329602111000", 1_582_329_602, .unixMicroseconds),
      ("100000000000000000", 100_000_000, .unixNanoseconds),
      ("1735689600123456789", 1_735_689_600, .unixNanoseconds),
      ("1513555200.5", 1_513_555_200, .unixSeconds),
    ]
    for (text, seconds, format) in cases {
      let parsed = try TimeParser.parse(text).get()
      #expect(parsed.seconds == seconds && parsed.format == format, "\(text)")
    }
    #expect(throws: TimeParseFailure.outOfRange) { try TimeParser.parse("99999999999999999999").get() }
    #expect(TimeFormat.unixSeconds.mixes(with: .unixNanoseconds) && !TimeFormat.unixMicroseconds.mixes(with: .date))
  }

  @Test func impossibleDatesSayWhy() {
    #expect(throws: TimeParseFailure.impossibleDate("February 2017 has 28 days")) {
      try TimeParser.parse("2017-02-29").get()
    }
    #expect(throws: TimeParseFailure.self) { try TimeParser.parse("2016-13-01").get() }
    #expect(throws: TimeParseFailure.self) { try TimeParser.parse("2016-01-01 25:00:00").get() }
  }

  @Test(arguments: ["", "yesterday", "2016/02/23", "23.02.2016", "2016-02-23X", "2016-02-23T00:00:00 CET", "12ab"])
  func rejectsOtherText(text: String) {
    #expect(throws: TimeParseFailure.self) { try TimeParser.parse(text).get() }
  }

  /// Regression: a field of exactly four bytes ("Time", "2016") was read one byte past its end.
  /// Digits alone are unix seconds; anything else is not a time.
  @Test(
    arguments: [
      ("Time", nil), ("2016", 2016), ("date", nil), ("1", 1), ("12", 12), ("123", 123), ("-", nil),
    ] as [(String, Int64?)])
  func shortFieldsNeverReadPastTheirEnd(text: String, seconds: Int64?) {
    switch TimeParser.parse(text) {
    case .success(let parsed):
      #expect(parsed.seconds == seconds && parsed.format == .unixSeconds, "\(text)")
    case .failure(let failure):
      #expect(seconds == nil && failure == .notATime, "\(text): \(failure)")
    }
  }

  @Test func leapYearsFollowTheGregorianRule() throws {
    // Unix seconds by hand: 2016-02-23 is 1,456,185,600 (above), six days later 1,456,704,000;
    // 2000-01-01 is 946,684,800 (10,957 days), and 2000-02-29 is 59 days later.
    #expect(try seconds("2016-02-29") == 1_456_185_600 + 6 * 86_400)
    #expect(try seconds("2016-03-01") == 1_456_185_600 + 7 * 86_400)
    #expect(try seconds("2000-02-29") == 946_684_800 + 59 * 86_400)
    #expect(try seconds("2000-03-01") == 946_684_800 + 60 * 86_400)
    #expect(throws: TimeParseFailure.self) { try TimeParser.parse("1900-02-29").get() }
    #expect(throws: TimeParseFailure.self) { try TimeParser.parse("2100-02-29").get() }
  }
}

@Suite struct CalendarTests {
  @Test func civilDatesRoundTripOverFourCenturies() {
    var day = CivilDate(year: 1800, month: 1, day: 1).dayNumber
    let end = CivilDate(year: 2200, month: 1, day: 1).dayNumber
    while day < end {
      #expect(CivilDate(dayNumber: day).dayNumber == day)
      day += 17
    }
    #expect(CivilDate(dayNumber: 0).description == "1970-01-01")
  }

  @Test func bucketsStartWhereTheCalendarSays() {
    let d = CivilDate(year: 2017, month: 1, day: 24).dayNumber  // a Tuesday
    #expect(CivilDate(dayNumber: Every.week.bucketStart(day: d)).description == "2017-01-23")
    #expect(CivilDate(dayNumber: Every.month.bucketStart(day: d)).description == "2017-01-01")
    #expect(
      CivilDate(dayNumber: Every.quarter.bucketStart(day: CivilDate(year: 2017, month: 8, day: 9).dayNumber))
        .description == "2017-07-01")
    #expect(CivilDate(dayNumber: Every.year.bucketStart(day: d)).description == "2017-01-01")
    // Every month of the year to its quarter, including each quarter's last month.
    for month in 1...12 {
      let start = Every.quarter.bucketStart(day: CivilDate(year: 2017, month: month, day: 28).dayNumber)
      #expect(CivilDate(dayNumber: start) == CivilDate(year: 2017, month: (month - 1) / 3 * 3 + 1, day: 1), "\(month)")
    }
    // The next bucket after the last of a year is in the next year.
    #expect(
      CivilDate(dayNumber: Every.quarter.nextStart(after: CivilDate(year: 2016, month: 10, day: 1).dayNumber))
        .description == "2017-01-01")
    #expect(
      CivilDate(dayNumber: Every.year.nextStart(after: CivilDate(year: 2016, month: 1, day: 1).dayNumber))
        .description == "2017-01-01")
    #expect(
      CivilDate(dayNumber: Every.month.nextStart(after: CivilDate(year: 2016, month: 12, day: 1).dayNumber)).description
        == "2017-01-01")
  }

  @Test func isoWeekLabelsUseTheWeekNumberingYear() {
    // 2021-01-01 is a Friday: its week is 2020-W53.
    let start = Every.week.bucketStart(day: CivilDate(year: 2021, month: 1, day: 1).dayNumber)
    #expect(Every.week.label(start: start) == "2020-W53")
    #expect(Every.quarter.label(start: CivilDate(year: 2018, month: 4, day: 1).dayNumber) == "2018-Q2")
  }

  @Test func resolutionIsTheCoarsestBucketEveryTimeStarts() {
    func times(_ dates: [String]) -> [Int64] { dates.map { try! TimeParser.parse($0).get().seconds } }
    #expect(Every.resolution(ofSortedDistinct: times(["2015-01-01", "2015-02-01", "2015-03-01"])) == .month)
    #expect(Every.resolution(ofSortedDistinct: times(["2015-01-01", "2015-01-02"])) == .day)
    #expect(Every.resolution(ofSortedDistinct: times(["2015-01-01", "2016-01-01"])) == .year)
    #expect(Every.resolution(ofSortedDistinct: times(["2015-01-01T01:00:00Z", "2015-02-01"])) == .day)
  }
}
