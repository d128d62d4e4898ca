import ShareData
import ShareStats
import TestSupport
import Testing

func shares(_ text: String, _ options: ShareOptions = ShareOptions(), ingestOptions: IngestOptions = IngestOptions())
  throws -> ShareBreakdown
{
  try Shares.compute(try ingest(text, options: ingestOptions).table, options: options)
}

extension ShareBreakdown {
  /// Bucket `i`'s shares by category name.
  func shares(_ i: Int) -> [String: Double?] {
    Dictionary(uniqueKeysWithValues: zip(categories, buckets[i].shares))
  }

  func volumes(_ i: Int) -> [String: Double?] {
    Dictionary(uniqueKeysWithValues: zip(categories, buckets[i].volumes))
  }
}

@Suite struct SharesTests {
  @Test func volumeWeightedSharesOfObservedCategories() throws {
    let b = try shares("Time,a,b,c\n2016-01-01,1,3,\n2016-01-02,2,2,4\n", ShareOptions(every: .day))
    // c has not started on day 1: it counts as 0, not as missing.
    #expect(b.shares(0) == ["a": 0.25, "b": 0.75, "c": 0])
    #expect(b.buckets[0].total == 4)
    #expect(b.buckets[0].observed == 2)
    #expect(b.shares(1) == ["a": 0.25, "b": 0.25, "c": 0.5])
  }

  @Test func aGapInsideTheSpanIsMissingButAnEndedCategoryIsZero() throws {
    // b is observed on day 1 and 3: day 2 is a gap. c ends after day 1.
    let text = "Time,a,b,c\n2016-01-01,1,1,2\n2016-01-02,1,,\n2016-01-03,1,1,\n"
    let b = try shares(text, ShareOptions(every: .day))
    #expect(b.shares(1) == ["a": 1, "b": nil, "c": 0])
    #expect(b.volumes(1) == ["a": 1, "b": nil, "c": 0])
    #expect(b.buckets[1].active == 2)
    #expect(b.buckets[1].coverage == 0.5)
    let missing = try shares(text, ShareOptions(every: .day, absent: .missing))
    #expect(missing.shares(1) == ["a": 1, "b": nil, "c": nil])
  }

  @Test func aZeroTotalBucketHasNoSharesNotNaN() throws {
    let b = try shares("Time,a,b\n2016-01-01,0,0\n2016-01-02,1,1\n", ShareOptions(every: .day))
    #expect(b.buckets[0].total == 0)
    #expect(b.buckets[0].shares == [nil, nil])
  }

  @Test func equalWeightingAveragesDailyShares() throws {
    // Day 1: a 10%, day 2: a 90% → equal weighting 50%; volume weighting (1+90)/(10+100).
    let text = "Time,a,b\n2016-01-01,1,9\n2016-01-02,90,10\n"
    let equal = try shares(text, ShareOptions(every: .month, weighting: .equal))
    #expect(abs(equal.shares(0)["a"]!! - 0.5) < 1e-15)
    let volume = try shares(text, ShareOptions(every: .month))
    #expect(abs(volume.shares(0)["a"]!! - 91.0 / 110) < 1e-15)
  }

  @Test func partialFirstAndLastBucketsAreFlaggedWithWarnings() throws {
    let b = try shares("Time,a\n2016-01-15,1\n2016-02-01,1\n2016-03-10,1\n", ShareOptions(every: .month))
    #expect(b.buckets.map(\.partial) == [true, false, true])
    #expect(b.warnings.count == 2)
    let ranged = try shares(
      "Time,a\n2016-01-01,1\n2016-01-31,1\n",
      ShareOptions(every: .month, firstDay: Day(year: 2016, month: 1, day: 2)))
    #expect(ranged.buckets[0].partial)
  }

  @Test func fromAndToAreInclusive() throws {
    let text = "Time,a\n2016-01-01,1\n2016-01-02,2\n2016-01-03,4\n"
    let b = try shares(
      text,
      ShareOptions(
        every: .day, firstDay: Day(year: 2016, month: 1, day: 2),
        lastDay: Day(year: 2016, month: 1, day: 3)))
    #expect(b.buckets.count == 2)
    #expect(b.grandTotal == 6)
  }

  @Test func everyFinerThanTheDataIsAUsageError() throws {
    let error = #expect(throws: ShareError.self) {
      try shares("Time,a\n2015-01-01,1\n2015-02-01,2\n", ShareOptions(every: .day))
    }
    #expect(error?.kind == .badRequest)
    #expect(error?.message.contains("finer") == true)
  }

  @Test func anEmptyRangeIsAUsageErrorThatSaysWhereTheDataIs() throws {
    let error = #expect(throws: ShareError.self) {
      try shares("Time,a\n2016-01-01,1\n", ShareOptions(firstDay: Day(year: 2020, month: 1, day: 1)))
    }
    #expect(error?.kind == .badRequest)
    #expect(error?.hint?.contains("2016-01-01") == true)
  }

  @Test func topKeepsTheLargestAndFoldsTheRestIntoOther() throws {
    let b = try shares("Time,a,b,c,d\n2016-01-01,10,5,1,2\n", ShareOptions(top: 2))
    #expect(b.categories == ["a", "b", "Other"])
    #expect(b.volumes(0) == ["a": 10, "b": 5, "Other": 3])
  }

  @Test func weeksAreISOWeeks() throws {
    // 2017-01-01 is a Sunday: it belongs to the week starting Monday 2016-12-26.
    let b = try shares("Time,a\n2017-01-01,1\n2017-01-02,1\n", ShareOptions(every: .week))
    #expect(b.buckets.map { $0.startDate.description } == ["2016-12-26", "2017-01-02"])
  }
}

@Suite struct ShareInvariantTests {
  /// A random long table: days × categories with some empty cells and zero days.
  func randomTable(seed: UInt64) -> (header: String, rows: [String]) {
    var rng = SeededGenerator(seed: seed)
    var rows: [String] = []
    for day in 0..<90 {
      let date = CivilDate(dayNumber: CivilDate(year: 2016, month: 11, day: 1).dayNumber + Int64(day)).description
      for category in ["a", "b", "c", "d"] where Int.random(in: 0..<10, using: &rng) > 1 {
        let value = Int.random(in: 0..<20, using: &rng) == 0 ? "0" : String(Double.random(in: 0...1000, using: &rng))
        rows.append("\(date),\(category),\(value)")
      }
    }
    return ("date,category,volume", rows)
  }

  @Test(arguments: [1, 2, 3] as [UInt64])
  func sharesSumToOneInEveryBucketWithATotal(seed: UInt64) throws {
    let (header, rows) = randomTable(seed: seed)
    for every in [Every.day, .week, .month, .quarter] {
      for weighting in [Weighting.volume] {
        let b = try shares(([header] + rows).joined(separator: "\n"), ShareOptions(every: every, weighting: weighting))
        for bucket in b.buckets where (bucket.total ?? 0) > 0 {
          // --gaps align: a week without a day on which all its categories have data has no shares.
          if bucket.shares.allSatisfy({ $0 == nil }) {
            #expect((bucket.daysLeftOut ?? 0) > 0)
            continue
          }
          let sum = bucket.shares.compactMap { $0 }.reduce(0, +)
          #expect(abs(sum - 1) <= 1e-9)
        }
      }
    }
  }

  @Test(arguments: [4, 5] as [UInt64])
  func rowOrderAndSplittingAcrossFilesDoNotChangeTheResult(seed: UInt64) throws {
    let (header, rows) = randomTable(seed: seed)
    let options = ShareOptions(every: .month)
    let original = try Shares.compute(try ingest(([header] + rows).joined(separator: "\n")).table, options: options)
    var rng = SeededGenerator(seed: seed &+ 100)
    let shuffled = rows.shuffled(using: &rng)
    let reordered = try Shares.compute(
      try ingest(([header] + shuffled).joined(separator: "\n")).table, options: options)
    let cut = shuffled.count / 3
    let split = try Shares.compute(
      try ingest([
        ("one.csv", ([header] + shuffled[..<cut]).joined(separator: "\n")),
        ("two.csv", ([header] + shuffled[cut...]).joined(separator: "\n")),
      ]).table, options: options)
    for other in [reordered, split] {
      #expect(other.categories.sorted() == original.categories.sorted())
      #expect(other.buckets.count == original.buckets.count)
      for (x, y) in zip(original.buckets, other.buckets) {
        #expect(x.startDay == y.startDay)
        for (c, name) in original.categories.enumerated() {
          let d = other.categories.firstIndex(of: name)!
          switch (x.shares[c], y.shares[d]) {
          case (nil, nil): break
          case (let p?, let q?): #expect(abs(p - q) <= 1e-12)
          default: Issue.record("\(name) share defined in one result only")
          }
        }
      }
    }
  }
}

@Suite struct GSLBoundaryTests {
  @Test func statusCodesBecomeErrorsInsteadOfAborting() throws {
    // Unsorted input would give gsl_stats_quantile a silently wrong answer: refused before GSL.
    #expect(throws: StatisticsInputError.self) { try Quantiles.fromSorted([2, 1], 0.5) }
    #expect(throws: StatisticsInputError.self) { try Distributions.fUpperTail(-1, numeratorDF: 2, denominatorDF: 3) }
    #expect(throws: StatisticsInputError.self) { try Descriptive.variance([1]) }
    #expect(throws: StatisticsInputError.self) { try Descriptive.mean([]) }
  }

  @Test func wrappersAgreeWithHandComputedValues() throws {
    #expect(try Descriptive.mean([1, 2, 3, 4]) == 2.5)
    #expect(abs(try Descriptive.variance([1, 2, 3, 4]) - 5.0 / 3) < 1e-15)
    let fit = try Fitting.linear(x: [0, 1, 2, 3], y: [1, 3, 5, 7])
    #expect(abs(fit.slope - 2) < 1e-12 && abs(fit.intercept - 1) < 1e-12)
    // t distribution: P(T > 0) = 0.5 for any df.
    #expect(abs(try Distributions.studentTUpperTail(0, degreesOfFreedom: 7) - 0.5) < 1e-15)
  }
}
