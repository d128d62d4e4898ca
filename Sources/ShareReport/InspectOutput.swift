// `inspect`: what sharelens found in the inputs, before any analysis.

import ShareData

public enum InspectOutput {
  public static func text(
    _ result: IngestResult, ascii: Bool = false, width: Int = .max, settings: (Setting) -> String = \.name
  ) -> String {
    var out = ""
    for source in result.sources {
      out += "\(source.name)\n"
      out += "  layout      \(source.layout.rawValue) (\(source.layoutReason.rendered(settings)))\n"
      if source.delimiter != .comma { out += "  delimiter   \(source.delimiter.rawValue)\n" }
      if source.decimalMark != .point { out += "  decimal     \(source.decimalMark.rawValue)\n" }
      if let time = source.timeColumn {
        out += "  time        \(time)\(source.timeFormat.map { " (\($0.rawValue))" } ?? "")\n"
      }
      out += "  categories  \(source.categorySource)\n"
      out += "  values      \(source.valueSource)\n"
      out += "  rows        \(source.rows)\n"
      if let first = source.firstTime, let last = source.lastTime {
        out += "  range       \(first) .. \(last)\n"
      }
      if source.emptyCells > 0 { out += "  empty cells \(source.emptyCells) (missing, not zero)\n" }
      if source.gapRows > 0 { out += "  gap rows    \(source.gapRows) (all zeros: missing)\n" }
      if !source.excludedColumns.isEmpty {
        out += "  excluded    \(source.excludedColumns.joined(separator: ", ")) (equals the row sum)\n"
      }
    }
    let table = result.table
    out +=
      "\nall inputs: \(table.categories.count) categories, \(table.cellCount) cells, resolution \(table.resolution.rawValue)"
    let missing = table.missingTimeSteps
    out +=
      missing > 0
      ? ", \(missing) \(table.resolution.rawValue)s with no row\n" : ", no missing \(table.resolution.rawValue)s\n"
    if result.duplicateCount > 0 {
      out += "duplicates: \(result.duplicateCount) repeated (time, category) cells, e.g. "
      out += result.duplicates.prefix(3).map {
        "\(dateTimeLabel($0.time)) / \($0.category) at \($0.first) and \($0.second)"
      }.joined(separator: "; ")
      out += "\n"
    }
    out += "\n"
    let profiles = table.categoryProfiles
    let rows = profiles.map { p -> [String] in
      [
        p.name, p.firstTime.map { $0.day.description } ?? "—", p.lastTime.map { $0.day.description } ?? "—",
        NumberFormat.volume(p.total), String(p.observed), String(p.gaps),
      ]
    }
    let model = TableModel(
      columns: [
        TableColumn("category", .left), TableColumn("first", .left), TableColumn("last", .left), TableColumn("total"),
        TableColumn("values"), TableColumn("gaps"),
      ], rows: rows)
    out += TextTableRenderer(style: ascii ? .ascii : .unicode).render(model, maxWidth: width)
    return TerminalText.sanitized(out)
  }

  /// The single-market files' markets (and those the rows of a Tardis or Kaiko file name), each
  /// once, in input order; unknown fields are null.
  static func markets(_ sources: [SourceSummary]) -> [JSONValue] {
    var seen: [JSONValue] = []
    let found = sources.flatMap { source in
      source.market.map { [(market: $0, unit: source.volumeUnit)] } ?? source.rowMarkets
    }
    for (market, unit) in found {
      let entry = JSONValue.object([
        ("exchange", market.exchange.map { .string($0) } ?? .null),
        ("base", market.base.map { .string($0) } ?? .null),
        ("quote", market.quote.map { .string($0) } ?? .null),
        ("instrument", market.instrument.map { .string($0.description) } ?? .null),
        ("unit", unit.map { .string($0) } ?? .null),
      ])
      if !seen.contains(entry) { seen.append(entry) }
    }
    return seen
  }

  public static func json(_ result: IngestResult, settings: (Setting) -> String = \.name) -> JSONValue {
    let sources = result.sources.map { s -> JSONValue in
      .object([
        ("name", .string(s.name)),
        ("layout", .string(s.layout.rawValue)),
        ("layout_reason", .string(s.layoutReason.rendered(settings))),
        ("delimiter", .string(s.delimiter.rawValue)),
        ("decimal_mark", .string(s.decimalMark.rawValue)),
        ("time_column", s.timeColumn.map { .string($0) } ?? .null),
        ("time_format", s.timeFormat.map { .string($0.rawValue) } ?? .null),
        ("categories", .string(s.categorySource)),
        ("values", .string(s.valueSource)),
        ("rows", .number(Double(s.rows))),
        ("first", s.firstTime.map { .string($0.description) } ?? .null),
        ("last", s.lastTime.map { .string($0.description) } ?? .null),
        ("empty_cells", .number(Double(s.emptyCells))),
        ("gap_rows", .number(Double(s.gapRows))),
        ("excluded_columns", .array(s.excludedColumns.map { .string($0) })),
      ])
    }
    let categories = result.table.categoryProfiles.map { p -> JSONValue in
      .object([
        ("name", .string(p.name)),
        ("first", p.firstTime.map { .string($0.day.description) } ?? .null),
        ("last", p.lastTime.map { .string($0.day.description) } ?? .null),
        ("total", .number(p.total)),
        ("values", .number(Double(p.observed))),
        ("gaps", .number(Double(p.gaps))),
      ])
    }
    return .object([
      ("sources", .array(sources)),
      ("markets", .array(markets(result.sources))),
      ("resolution", .string(result.table.resolution.rawValue)),
      ("missing_steps", .number(Double(result.table.missingTimeSteps))),
      ("duplicates", .number(Double(result.duplicateCount))),
      ("categories", .array(categories)),
      ("warnings", .array(result.warnings.map { .string($0.description) })),
    ])
  }
}
