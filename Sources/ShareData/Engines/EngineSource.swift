// A database table as an input: sharelens asks the engine for one aggregation (sums and counts by
// day and category, in UTC) and puts the small answer in the same VolumeTable a file scan makes.
// From there on nothing knows where the data came from.

import Foundation

/// What the engine path needs beyond the file options.
public struct EngineOptions: Sendable {
  /// Seconds before a request is given up (exit 75).
  public var timeout: Double
  /// Whether planning may read a row of the table (one value of an integer time column, to tell
  /// unix seconds from milliseconds). False when the query is only shown, which reads only the
  /// column list.
  public var readsRows = true
  /// The selected date range as a time predicate in the query: from (inclusive) until (exclusive).
  public var from: UnixTime?
  public var until: UnixTime?

  public init(timeout: Double = 60, from: UnixTime? = nil, until: UnixTime? = nil) {
    self.timeout = timeout
    self.from = from
    self.until = until
  }
}

public enum EngineSource {
  /// The table's columns: name and the engine's type name.
  static func columns(_ url: SourceURL, timeout: Double) throws -> [(name: String, type: String)] {
    switch url.kind {
    case .clickhouse:
      let client = ClickHouseClient(url: url, timeout: timeout)
      let q = SQLDialect.clickhouse.identifier
      return try client.rows("DESCRIBE TABLE \(q(url.database)).\(q(url.table))").map {
        ($0[0] ?? "", $0.count > 1 ? $0[1] ?? "" : "")
      }
    case .postgres:
      let client = try PostgresClient(url: url, timeout: timeout)
      let rows = try client.rows(
        "SELECT column_name, data_type FROM information_schema.columns WHERE table_catalog = current_database() AND table_name = $1 ORDER BY ordinal_position",
        parameters: [url.table])
      guard !rows.isEmpty else {
        throw ShareError.data(
          "PostgreSQL has no such table: \(url.table)", at: SourceLocation(file: url.display),
          expected: "an existing table")
      }
      return rows.map { ($0[0] ?? "", $0[1] ?? "") }
    }
  }

  /// Decides the query: column roles from the flags or the column names (as for files).
  public static func plan(_ url: SourceURL, options: IngestOptions, engine: EngineOptions) throws -> AggregationQuery {
    let columns = try columns(url, timeout: engine.timeout)
    let names = columns.map(\.name)
    func find(_ name: String, _ setting: Setting, needs: Bool = false) throws -> String {
      guard let match = names.first(where: { $0.lowercased() == name.lowercased() }) else {
        throw ShareError.data(
          needs
            ? "\(setting: setting, "pair") needs \(name): \(url.table) has no such column"
            : "\(setting: setting, name): \(url.table) has no such column", at: SourceLocation(file: url.display),
          expected: "one of its columns: \(names.joined(separator: ", "))")
      }
      return match
    }
    func type(_ name: String) -> String { columns.first { $0.name == name }?.type.lowercased() ?? "" }
    func isNumeric(_ name: String) -> Bool {
      let t = type(name)
      return ["int", "float", "double", "decimal", "numeric", "real", "bigint", "smallint"].contains { t.contains($0) }
    }
    func isText(_ name: String) -> Bool {
      let t = type(name)
      return t.contains("string") || t.contains("char") || t.contains("text") || t.contains("enum")
    }
    let traits = names.map { name in
      ColumnTraits(
        name: name, isNumeric: isNumeric(name), isText: isText(name),
        looksLikeTime: type(name).contains("date") || type(name).contains("timestamp"))
    }
    let time = try options.timeColumn.map { try find($0, .timeColumn) } ?? ColumnRoles.time(traits).map { names[$0] }
    guard let time else {
      throw ShareError.request(
        "\(url.table) has no column that is clearly the time",
        hint: "name it with \(setting: .timeColumn); its columns are \(names.joined(separator: ", "))")
    }
    let timeType = type(time)
    var kind: TimeColumnKind
    if timeType.contains("datetime") || timeType.contains("timestamp") {
      kind = .dateTime
    } else if timeType.contains("date") {
      kind = .date
    } else {
      kind =
        try engine.readsRows && isMilliseconds(url, column: time, timeout: engine.timeout)
        ? .unixMilliseconds : .unixSeconds
    }
    let amount = try options.valueColumn.map { try find($0, .valueColumn) } ?? automaticValue(traits, time: time)
    guard let amount else {
      throw ShareError.request(
        "\(url.table) has no column that is clearly the volume",
        hint: "name it with \(setting: .valueColumn); its columns are \(names.joined(separator: ", "))")
    }
    let price = ColumnRoles.priceColumn(traits).map { names[$0] }
    if options.unit == .quote && price == nil {
      throw ShareError.request("\(setting: .unit, "quote") needs a price column; \(url.table) has none")
    }
    let group = options.group ?? options.categoryColumn.map { Grouping($0) }
    let categories: [String]
    if group == .pair {
      categories = [try find("base", .grouping, needs: true), try find("quote", .grouping, needs: true)]
    } else if let name = group?.columnName {
      categories = [try find(name, .grouping)]
    } else if let first = ColumnRoles.category(
      traits, excluding: [time, amount, price].map { name in name.flatMap { names.firstIndex(of: $0) } })
    {
      categories = [names[first]]
    } else {
      throw ShareError.request(
        "\(url.table) has no text column to take the categories from", hint: "name it with \(setting: .grouping)")
    }
    let filters = try options.filters.map { filter -> RowFilter in
      var f = filter
      f.column = try find(filter.column, filter.setting)
      return f
    }
    return AggregationQuery(
      dialect: url.kind == .clickhouse ? .clickhouse : .postgres, database: url.database, table: url.table,
      timeColumn: time,
      timeKind: kind, categoryColumns: categories, amountColumn: amount,
      priceColumn: options.unit == .quote ? price : nil,
      bucket: .day, fromSeconds: engine.from?.seconds, untilSeconds: engine.until?.seconds, filters: filters)
  }

  /// The volume column when none is named: the role rules' answer, or nil when it is not clear.
  static func automaticValue(_ traits: [ColumnTraits], time: String) -> String? {
    switch ColumnRoles.value(traits, among: traits.indices.filter { traits[$0].name != time }) {
    case .trades(let amount, _): return traits[amount].name
    case .column(let index): return traits[index].name
    case .ambiguous, .none: return nil
    }
  }

  /// Integer times in milliseconds or seconds, by the rule files follow; one row is enough to tell.
  static func isMilliseconds(_ url: SourceURL, column: String, timeout: Double) throws -> Bool {
    let dialect: SQLDialect = url.kind == .clickhouse ? .clickhouse : .postgres
    let sql =
      "SELECT \(dialect.identifier(column)) FROM \(dialect.identifier(url.database)).\(dialect.identifier(url.table)) LIMIT 1"
    let value: String?
    switch url.kind {
    case .clickhouse: value = try ClickHouseClient(url: url, timeout: timeout).rows(sql).first?.first ?? nil
    case .postgres:
      let pgSQL = "SELECT \(dialect.identifier(column)) FROM \(dialect.identifier(url.table)) LIMIT 1"
      value = try PostgresClient(url: url, timeout: timeout).rows(pgSQL).first?.first ?? nil
    }
    return TimeParser.isMilliseconds(value.flatMap { Double($0) } ?? 0)
  }

  /// The query for `url` as shown on request, decided from the table's column names and types only (one
  /// catalogue question: DESCRIBE, or information_schema); no row is read and nothing else is sent.
  public static func shownSQL(_ url: SourceURL, options: IngestOptions) throws -> String {
    var engine = options.engine
    engine.readsRows = false
    let query = try plan(url, options: options, engine: engine)
    var text = try sql(query)
    if query.timeKind == .unixSeconds {
      text =
        "-- \(query.timeColumn) holds integers: taken as unix seconds here; when it runs, sharelens reads one value\n"
        + "-- and uses the milliseconds form (\(query.dialect == .clickhouse ? "intDiv(…, 1000)" : "… / 1000.0")) if it is above 10^11.\n"
        + text
    }
    return text
  }

  /// The SQL sharelens sends for this source (shown on request): the value bound to each
  /// placeholder, as comments, then the text with its placeholders.
  public static func sql(_ query: AggregationQuery) throws -> String {
    let (sql, parameters) = try query.statement()
    guard !parameters.isEmpty else { return sql }
    let values = parameters.enumerated().map { "--   $\($0.offset + 1) = \(quoted($0.element, limit: .max))\n" }
    return "-- bound values, sent apart from the SQL text:\n" + values.joined() + sql
  }

  /// Runs the aggregation and adds its cells to `builder`; returns what `inspect` shows.
  static func read(
    _ url: SourceURL, options: IngestOptions, engine: EngineOptions, source: Int32, builder: inout VolumeTableBuilder
  ) throws -> SourceSummary {
    let query = try plan(url, options: options, engine: engine)
    let (sql, parameters) = try query.statement()
    let rows: [[String?]]
    switch url.kind {
    case .clickhouse:
      rows = try ClickHouseClient(url: url, timeout: engine.timeout).rows(sql)
    case .postgres: rows = try PostgresClient(url: url, timeout: engine.timeout).rows(sql, parameters: parameters)
    }
    var summary = SourceSummary(
      name: url.display, layout: .long, layoutReason: "\(url.kind.rawValue) table, aggregated in the engine",
      timeColumn: query.timeColumn,
      categorySource:
        "column\(query.categoryColumns.count == 2 ? "s" : "") \(query.categoryColumns.joined(separator: "/"))",
      valueSource: query.priceColumn.map { "\($0) × \(query.amountColumn), summed per day by the engine" }
        ?? "\(query.amountColumn), summed per day by the engine")
    for (i, row) in rows.enumerated() {
      if row.count == 4, row[1] == nil {
        // A NULL is no category; it is not "N", nor "" (an empty cell is an error in files too).
        throw ShareError.data(
          "the table has rows with no category (NULL in \(query.categoryColumns.joined(separator: " or "))) on \(row[0] ?? "?")",
          at: SourceLocation(file: url.display), expected: "a category on every row",
          hint: "fill them in the table, or point sharelens at a view that leaves them out")
      }
      guard row.count == 4, let dayText = row[0], let category = row[1], let volumeText = row[2],
        let countText = row[3],
        case .success(let time) = TimeParser.parse(dayText), let volume = Double(volumeText),
        let count = Int64(countText)
      else {
        throw ShareError.data(
          "unexpected answer row \(i + 1) from \(url.kind.rawValue): \(row.map { $0 ?? "NULL" }.joined(separator: ", "))",
          at: SourceLocation(file: url.display))
      }
      // A count from the server is checked like any input: a negative one, or a total past Int64,
      // is an error (it was shown as "rows -4", and a sum of Int64.min trapped).
      let (rowsSoFar, overflow) = Int64(summary.rows).addingReportingOverflow(count)
      guard count >= 0, !overflow else {
        throw ShareError.data(
          "the engine counted \(count) rows for \(category) on \(dayText)", at: SourceLocation(file: url.display),
          expected: "a count of 0 or more, and at most \(Int64.max) in all")
      }
      guard volume.isFinite, volume >= 0 else {
        throw ShareError.data(
          "the engine summed a \(volume.isFinite ? "negative" : "non-finite") volume for \(category) on \(dayText)",
          at: SourceLocation(file: url.display), expected: "volumes of 0 or more")
      }
      let day = time.seconds.floorDiv(secondsPerDay)
      builder.addEventSum(
        day: day, code: builder.code(for: category), volume: volume, count: count,
        origin: CellOrigin(source: source, line: Int64(i + 1)))
      summary.rows = Int(rowsSoFar)
      summary.firstTime = min(summary.firstTime ?? UnixTime(seconds: .max), UnixTime(seconds: time.seconds))
      summary.lastTime = max(summary.lastTime ?? UnixTime(seconds: .min), UnixTime(seconds: time.seconds))
    }
    summary.timeFormat = .date
    if rows.isEmpty {
      throw ShareError.data(
        "the query returned no rows", at: SourceLocation(file: url.display), expected: "trades in the selected range",
        hint: "check \(setting: .from)/\(setting: .to) and \(setting: .include)/\(setting: .exclude)")
    }
    return summary
  }
}
