// sharelens against the committed pandas reference (scripts/fixtures/shares_reference.py).

import ShareData
import ShareStats
import TestSupport
import Testing

/// Rows of a reference fixture: bucket, category, then named numeric columns (nil = empty).
struct ReferenceRow {
  var bucket: String
  var category: String
  var values: [String: Double?]
}

func loadReference(_ name: String) throws -> [ReferenceRow] {
  let scanner = CSVScanner(stream: try FileStream(path: Paths.fixture("ShareStatsTests", name)))
  #expect(try scanner.next())
  let header = try scanner.strings()
  var rows: [ReferenceRow] = []
  while try scanner.next() {
    let fields = try scanner.strings()
    var values: [String: Double?] = [:]
    for (i, column) in header.enumerated().dropFirst(2) {
      values[column] = fields[i].isEmpty ? .some(nil) : Double(fields[i])!
    }
    rows.append(ReferenceRow(bucket: fields[0], category: fields[1], values: values))
  }
  return rows
}

func analyse(_ path: String, map: Bool, options: ShareOptions) throws -> ShareBreakdown {
  let categoryMap = map ? try CategoryMap.load(path: Paths.exchangeCurrency) : nil
  return try ShareAnalysis.run(paths: [path], ingest: IngestOptions(), map: categoryMap, shares: options).breakdown
}

/// Checks every reference row's columns against the breakdown, to `tolerance` relative.
func expectMatches(
  _ breakdown: ShareBreakdown, _ reference: [ReferenceRow], column: String, tolerance: Double = 1e-9,
  value: (BucketShares, Int) -> Double?
) {
  var checked = 0
  for row in reference {
    guard let bucket = breakdown.buckets.first(where: { $0.startDate.description == row.bucket }),
      let c = breakdown.categories.firstIndex(of: row.category)
    else {
      Issue.record("bucket \(row.bucket) or category \(row.category) missing from sharelens' result")
      continue
    }
    let expected = row.values[column]!
    let actual = value(bucket, c)
    if let expected, let actual {
      #expect(
        relativeDifference(expected, actual) <= tolerance || abs(expected - actual) < 1e-15,
        "\(row.bucket) \(row.category) \(column): \(actual) vs pandas \(expected)")
    } else {
      #expect(
        expected == nil && actual == nil,
        "\(row.bucket) \(row.category) \(column): \(String(describing: actual)) vs pandas \(String(describing: expected))"
      )
    }
    checked += 1
  }
  #expect(checked == reference.count && checked > 0)
  // And the other way: every bucket × category sharelens reports is in the reference.
  let expected = Set(reference.map { "\($0.bucket) \($0.category)" })
  for bucket in breakdown.buckets {
    for category in breakdown.categories {
      let key = "\(bucket.startDate) \(category)"
      #expect(expected.contains(key), "\(key) is in sharelens' result but not in the reference")
    }
  }
}

@Suite struct ReferenceTests {
  @Test func monthlyCurrencySharesFromTheDailyFileEqualPandas() throws {
    let reference = try loadReference("reference-daily-by-currency-monthly.csv")
    let volume = try analyse(Paths.dailyByExchange, map: true, options: ShareOptions(every: .month))
    #expect(volume.buckets.count == 61)
    expectMatches(volume, reference, column: "volume") { $0.volumes[$1] }
    expectMatches(volume, reference, column: "share_weighted") { $0.shares[$1] }
    expectMatches(volume, reference, column: "coverage") { b, _ in b.coverage }
    let equal = try analyse(Paths.dailyByExchange, map: true, options: ShareOptions(every: .month, weighting: .equal))
    expectMatches(equal, reference, column: "share_equal") { $0.shares[$1] }
  }

  @Test func yearlyCurrencySharesFromTheMonthlyFileEqualPandas() throws {
    let reference = try loadReference("reference-monthly-file-by-currency-yearly.csv")
    let breakdown = try analyse(Paths.monthlyByExchangeCR, map: true, options: ShareOptions(every: .year))
    expectMatches(breakdown, reference, column: "volume") { $0.volumes[$1] }
    expectMatches(breakdown, reference, column: "share_weighted") { $0.shares[$1] }
    expectMatches(breakdown, reference, column: "coverage") { b, _ in b.coverage }
  }

  @Test func yearlyExchangeSharesFromTheDailyFileEqualPandas() throws {
    let reference = try loadReference("reference-daily-by-exchange-yearly.csv")
    // The reference counts bitfinex's 7 missing days of 2016 as zero, as --gaps ignore does; the default,
    // align, is checked against scripts/fixtures/gaps_reference.py in GapTests.
    let breakdown = try analyse(Paths.dailyByExchange, map: false, options: ShareOptions(every: .year, gaps: .ignore))
    expectMatches(breakdown, reference, column: "volume") { $0.volumes[$1] }
    expectMatches(breakdown, reference, column: "share_weighted") { $0.shares[$1] }
  }

  /// The foundation issue's acceptance numbers: CNY 95.75% of 2016 and under 1% of 2018.
  @Test func cnyFellFromNinetySixPercentToUnderOne() throws {
    let breakdown = try analyse(Paths.monthlyByExchangeCR, map: true, options: ShareOptions(every: .year))
    let cny = breakdown.categories.firstIndex(of: "CNY")!
    let y2016 = breakdown.buckets.first { $0.startDate.year == 2016 }!
    let y2018 = breakdown.buckets.first { $0.startDate.year == 2018 }!
    #expect(String(format2(y2016.shares[cny]! * 100)) == "95.75")
    #expect(y2018.shares[cny]! < 0.01)
    #expect(y2018.partial)
  }
}

func format2(_ x: Double) -> String {
  let scaled = (x * 100).rounded() / 100
  let whole = Int(scaled)
  let cents = Int(((scaled - Double(whole)) * 100).rounded())
  return "\(whole).\(cents < 10 ? "0" : "")\(cents)"
}
