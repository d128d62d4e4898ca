// Building the one aggregation query. Nothing a user types reaches the SQL unquoted: identifiers
// (database, table, columns) must be plain names and are quoted per dialect anyway, numbers come
// from Swift integers, and filter values are
// - PostgreSQL: bound parameters ($1, $2, … sent apart from the SQL text through libpq). Quoting
//   them into the text depended on the server: with standard_conforming_strings = off (a server,
//   role or database setting) a backslash escapes the closing quote, and `\') OR 1=1 --` became SQL.
// - ClickHouse: escaped string literals. 18.16, the version tested here, has no query parameters;
//   its escaping does not depend on any setting (checked against a real server).

import Foundation

/// A column, database or table name: letters, digits and underscores, not starting with a digit.
public enum SQLIdentifier {
  public static func validate(_ name: String, what: String) throws {
    let scalars = name.unicodeScalars
    let valid =
      !scalars.isEmpty && scalars.count <= 128
      && scalars.allSatisfy {
        ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
      }
      && !("0"..."9").contains(scalars.first!)
    guard valid else {
      throw ShareError.request(
        "the \(what) name \(quoted(name)) is not a plain identifier",
        hint: "names of letters, digits and underscores only (this keeps anything typed out of the SQL)")
    }
  }
}

/// What differs between the engines' SQL.
public enum SQLDialect: Sendable {
  case clickhouse
  case postgres

  public func identifier(_ name: String) -> String {
    switch self {
    case .clickhouse: return "`\(name)`"
    case .postgres: return "\"\(name)\""
    }
  }

  /// A string literal: ClickHouse escapes backslash and quote with a backslash; PostgreSQL (with
  /// standard_conforming_strings, the default) doubles the quote. NUL is refused outright.
  public func literal(_ value: String) throws -> String {
    guard !value.unicodeScalars.contains("\0") else {
      throw ShareError.request("a filter value contains a NUL character")
    }
    switch self {
    case .clickhouse:
      return "'" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    case .postgres:
      return "'" + value.replacingOccurrences(of: "'", with: "''") + "'"
    }
  }
}

/// How the time column is stored.
public enum TimeColumnKind: Sendable, Equatable {
  case unixSeconds
  case unixMilliseconds
  /// A date-time type (DateTime, timestamp, timestamptz).
  case dateTime
  case date
}

/// A row filter, written `COLUMN=V1,V2`: keep (include) or drop (exclude) rows with those values.
public struct RowFilter: Sendable, Equatable {
  public var column: String
  public var values: [String]
  public var include: Bool

  public init(column: String, values: [String], include: Bool) {
    self.column = column
    self.values = values
    self.include = include
  }

  /// The setting this filter came from.
  public var setting: Setting { include ? .include : .exclude }

  /// Parses `COLUMN=V1,V2`.
  public init(_ text: String, include: Bool) throws {
    guard let eq = text.firstIndex(of: "="), eq != text.startIndex else {
      throw ShareError.request("\(setting: include ? .include : .exclude, text): write COLUMN=VALUE1,VALUE2")
    }
    column = String(text[..<eq])
    values = text[text.index(after: eq)...].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    self.include = include
    guard !values.isEmpty, !values.contains(where: \.isEmpty) else {
      throw ShareError.request("\(setting: include ? .include : .exclude, text): give one or more values after =")
    }
  }
}

/// The aggregation: sums and counts of the volume by (day, category) in UTC.
public struct AggregationQuery: Sendable {
  public var dialect: SQLDialect
  public var database: String
  public var table: String
  public var timeColumn: String
  public var timeKind: TimeColumnKind
  /// One column, or two (base, quote) joined with "/" for `pair`.
  public var categoryColumns: [String]
  public var amountColumn: String
  /// price × amount when set (quote units).
  public var priceColumn: String?
  /// Bucket width; the source asks for days so sharelens can bucket exactly as for files.
  public var bucket: Every
  public var fromSeconds: Int64?
  public var untilSeconds: Int64?
  public var filters: [RowFilter]

  public init(
    dialect: SQLDialect, database: String, table: String, timeColumn: String, timeKind: TimeColumnKind,
    categoryColumns: [String],
    amountColumn: String, priceColumn: String? = nil, bucket: Every = .day, fromSeconds: Int64? = nil,
    untilSeconds: Int64? = nil,
    filters: [RowFilter] = []
  ) {
    self.dialect = dialect
    self.database = database
    self.table = table
    self.timeColumn = timeColumn
    self.timeKind = timeKind
    self.categoryColumns = categoryColumns
    self.amountColumn = amountColumn
    self.priceColumn = priceColumn
    self.bucket = bucket
    self.fromSeconds = fromSeconds
    self.untilSeconds = untilSeconds
    self.filters = filters
  }

  /// The time as a UTC timestamp expression.
  func utcTime() -> String {
    let t = dialect.identifier(timeColumn)
    switch (dialect, timeKind) {
    case (.clickhouse, .unixSeconds), (.clickhouse, .dateTime): return "toDateTime(\(t), 'UTC')"
    case (.clickhouse, .unixMilliseconds): return "toDateTime(intDiv(\(t), 1000), 'UTC')"
    case (.clickhouse, .date): return t
    case (.postgres, .unixSeconds): return "(to_timestamp(\(t)) AT TIME ZONE 'UTC')"
    case (.postgres, .unixMilliseconds): return "(to_timestamp(\(t) / 1000.0) AT TIME ZONE 'UTC')"
    case (.postgres, .dateTime), (.postgres, .date): return "(\(t)::timestamptz AT TIME ZONE 'UTC')"
    }
  }

  /// The bucket's first day as a Date.
  func bucketExpression() -> String {
    let time = utcTime()
    switch dialect {
    case .clickhouse:
      switch bucket {
      case .day: return "toDate(\(time))"
      case .week: return "toMonday(toDate(\(time)))"
      case .month: return "toStartOfMonth(toDate(\(time)))"
      case .quarter: return "toStartOfQuarter(toDate(\(time)))"
      case .year: return "toStartOfYear(toDate(\(time)))"
      }
    case .postgres:
      // date_trunc('week') starts weeks on Monday (ISO), like the file path.
      return "date_trunc('\(bucket.rawValue)', \(time))::date"
    }
  }

  /// A bound on the time column in its own units.
  func bound(_ seconds: Int64) -> String {
    switch timeKind {
    case .unixSeconds: return String(seconds)
    case .unixMilliseconds: return String(seconds * 1000)
    case .dateTime, .date:
      let text = dateTimeLabel(seconds).replacingOccurrences(of: " UTC", with: "")
      let literal = "'\(text.count == 10 ? text + " 00:00:00" : text)'"
      switch dialect {
      case .clickhouse: return "toDateTime(\(literal), 'UTC')"
      case .postgres: return "(\(literal)::timestamp AT TIME ZONE 'UTC')"
      }
    }
  }

  /// The SQL text, with `$1`, `$2`, … where PostgreSQL's filter values go.
  public func sql() throws -> String { try statement().sql }

  /// The SQL text and the values bound to its placeholders (none for ClickHouse).
  public func statement() throws -> (sql: String, parameters: [String]) {
    var parameters: [String] = []
    for column in [timeColumn, amountColumn] + categoryColumns + (priceColumn.map { [$0] } ?? [])
      + filters.map(\.column)
    {
      try SQLIdentifier.validate(column, what: "column")
    }
    let q = dialect.identifier
    let category: String
    if categoryColumns.count == 2 {
      category =
        dialect == .clickhouse
        ? "concat(\(q(categoryColumns[0])), '/', \(q(categoryColumns[1])))"
        : "(\(q(categoryColumns[0])) || '/' || \(q(categoryColumns[1])))"
    } else {
      category = dialect == .clickhouse ? q(categoryColumns[0]) : "\(q(categoryColumns[0]))::text"
    }
    let volume = priceColumn.map { "\(q($0)) * \(q(amountColumn))" } ?? q(amountColumn)
    var conditions: [String] = []
    if let from = fromSeconds { conditions.append("\(q(timeColumn)) >= \(bound(from))") }
    if let until = untilSeconds { conditions.append("\(q(timeColumn)) < \(bound(until))") }
    for filter in filters {
      let values = try filter.values.map { value -> String in
        switch dialect {
        case .clickhouse: return try dialect.literal(value)
        case .postgres:
          guard !value.unicodeScalars.contains("\0") else {
            throw ShareError.request("a filter value contains a NUL character")
          }
          parameters.append(value)
          return "$\(parameters.count)"
        }
      }.joined(separator: ", ")
      let column = dialect == .clickhouse ? "toString(\(q(filter.column)))" : "\(q(filter.column))::text"
      conditions.append("\(column) \(filter.include ? "IN" : "NOT IN") (\(values))")
    }
    // ClickHouse qualifies by database; in PostgreSQL the database is the connection's and the
    // table is found on its search path.
    let table = dialect == .clickhouse ? "\(q(database)).\(q(table))" : q(table)
    let count = dialect == .clickhouse ? "count()" : "count(*)"
    let formatted = dialect == .clickhouse ? "toString(bucket)" : "to_char(bucket, 'YYYY-MM-DD')"
    var sql = """
      SELECT \(formatted) AS bucket_start, category, volume, rows FROM (
        SELECT \(bucketExpression()) AS bucket, \(category) AS category, sum(\(volume)) AS volume, \(count) AS rows
        FROM \(table)
      """
    if !conditions.isEmpty { sql += "\n  WHERE " + conditions.joined(separator: "\n    AND ") }
    sql += "\n  GROUP BY bucket, category\n) AS aggregated\nORDER BY bucket_start, category"
    return (sql, parameters)
  }
}
