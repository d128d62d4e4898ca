// The SQL sharelens sends: identifiers validated and quoted, values escaped, passwords never shown;
// and, against the real servers when they are up, every bucket width grouping as the file path does.

import Foundation
import TestSupport
import Testing

@testable import ShareData

@Suite struct EngineSQLTests {
  func query(_ dialect: SQLDialect, filters: [RowFilter] = [], bucket: Every = .day) -> AggregationQuery {
    AggregationQuery(
      dialect: dialect, database: "default", table: "trades", timeColumn: "timestamp", timeKind: .unixSeconds,
      categoryColumns: ["quote"], amountColumn: "amount", bucket: bucket, filters: filters)
  }

  @Test(arguments: ["trades; DROP TABLE trades", "t`x", "t\"x", "1abc", "", "a b", "ta'ble", "x--", "täble"])
  func identifiersThatAreNotPlainNamesAreRefused(name: String) {
    #expect(throws: ShareError.self) { try SQLIdentifier.validate(name, what: "table") }
    var q = query(.clickhouse)
    q.categoryColumns = [name]
    #expect(throws: ShareError.self) { try q.sql() }
  }

  @Test func valuesAreEscapedPerDialect() throws {
    let evil = RowFilter(column: "exchange", values: ["x' OR '1'='1", "back\\slash"], include: true)
    let ch = try query(.clickhouse, filters: [evil]).sql()
    #expect(ch.contains("IN ('x\\' OR \\'1\\'=\\'1', 'back\\\\slash')"))
    #expect(throws: ShareError.self) { try SQLDialect.postgres.literal("nul\0byte") }
  }

  /// D11: PostgreSQL's filter values are bound parameters, never part of the SQL text (quoting
  /// them depended on standard_conforming_strings); --show-sql shows the placeholders and values.
  @Test func postgresValuesAreBoundParameters() throws {
    let evil = RowFilter(column: "exchange", values: ["x' OR '1'='1", "\\') OR 1=1 --"], include: true)
    let (sql, parameters) = try query(.postgres, filters: [evil]).statement()
    #expect(sql.contains("\"exchange\"::text IN ($1, $2)"))
    #expect(!sql.contains("OR 1=1") && !sql.contains("'1'='1"))
    #expect(parameters == ["x' OR '1'='1", "\\') OR 1=1 --"])
    let shown = try EngineSource.sql(query(.postgres, filters: [evil]))
    #expect(shown.contains("--   $2 = \"\\\\') OR 1=1 --\"\n"))
    #expect(shown.contains("IN ($1, $2)"))
    let nul = RowFilter(column: "exchange", values: ["nul\0byte"], include: true)
    #expect(throws: ShareError.self) { try query(.postgres, filters: [nul]).statement() }
  }

  @Test func bucketsUseEachEnginesCalendarFunctions() throws {
    #expect(try query(.clickhouse, bucket: .week).sql().contains("toMonday(toDate(toDateTime(`timestamp`, 'UTC')))"))
    #expect(try query(.clickhouse, bucket: .quarter).sql().contains("toStartOfQuarter"))
    #expect(
      try query(.postgres, bucket: .month).sql().contains(
        "date_trunc('month', (to_timestamp(\"timestamp\") AT TIME ZONE 'UTC'))::date"))
  }

  @Test func passwordsNeverShow() throws {
    let url = try SourceURL("clickhouse://analyst:s3cret@127.0.0.1:8123/default?table=trades")
    #expect(url.password == "s3cret")
    #expect(!url.display.contains("s3cret"))
    #expect(SourceURL.redacted("clickhouse://analyst:s3cret@host/db") == "clickhouse://analyst:***@host/db")
    let fromEnvironment = try SourceURL("postgres://me@db.local/shares?table=t", environment: ["PGPASSWORD": "pw"])
    #expect(fromEnvironment.password == "pw" && fromEnvironment.port == 5432)
    let error = #expect(throws: ShareError.self) { try SourceURL("clickhouse://analyst:s3cret@127.0.0.1:8123/default") }
    #expect(error?.description.contains("s3cret") == false)
    #expect(throws: ShareError.self) { try SourceURL("postgres://host/db?table=a;b") }
  }
}

let enginesDirectory = ProcessInfo.processInfo.environment["SHARELENS_ENGINES"]

@Suite(.serialized)
struct EngineBucketTests {
  /// The file path's sums by (bucket, quote) of the 1M-row log the servers hold.
  func fileSums(_ every: Every) throws -> [String: Double] {
    let table = try Ingest.read(paths: [enginesDirectory! + "/log1m.csv"], options: IngestOptions(group: "quote")).table
    var sums: [String: Double] = [:]
    for cell in 0..<table.cellCount {
      let start = every.bucketStart(day: table.times[cell].floorDiv(secondsPerDay))
      sums["\(CivilDate(dayNumber: start)) \(table.categories[Int(table.codes[cell])])", default: 0] +=
        table.volumes[cell]
    }
    return sums
  }

  @Test(arguments: Every.allCases)
  func engineBucketsEqualTheFilePath(every: Every) throws {
    // Without the servers this test records that it did not run: a failure in CI, a counted
    // known issue elsewhere.
    guard
      requireComponent(
        "the database servers (scripts/with-engines.sh, as make unit-test runs it)", available: enginesDirectory != nil)
    else { return }
    let expected = try fileSums(every)
    setenv("PGPASSWORD", "pg-secret", 1)
    for (text, dialect) in [
      ("clickhouse://127.0.0.1:18123/default?table=trades_dist", SQLDialect.clickhouse),
      ("postgres://sharelens@127.0.0.1:55432/shares?table=trades", .postgres),
    ] {
      let url = try SourceURL(text)
      var query = AggregationQuery(
        dialect: dialect, database: url.database, table: url.table, timeColumn: "timestamp", timeKind: .unixSeconds,
        categoryColumns: ["quote"], amountColumn: "amount", bucket: every)
      query.bucket = every
      let rows: [[String?]] =
        dialect == .clickhouse
        ? try ClickHouseClient(url: url, timeout: 240).rows(query.sql())
        : try PostgresClient(url: url, timeout: 240).rows(query.sql())
      var got: [String: Double] = [:]
      for row in rows { got["\(row[0]!) \(row[1]!)"] = Double(row[2]!)! }
      #expect(Set(got.keys) == Set(expected.keys), "\(text) \(every)")
      for (key, value) in expected { #expect(relativeDifference(value, got[key] ?? .nan) <= 1e-12, "\(key)") }
    }
  }
}
