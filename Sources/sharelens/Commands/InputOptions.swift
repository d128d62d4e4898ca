// Options shared by every command that reads data: the inputs and how to read them.

import ArgumentParser
import ShareData
import ShareReport
import ShareStats

extension Layout: ExpressibleByArgument {}
extension VolumeUnit: ExpressibleByArgument {}
extension DuplicatePolicy: ExpressibleByArgument {}
extension UnmappedPolicy: ExpressibleByArgument {}
extension Every: ExpressibleByArgument {}
extension Weighting: ExpressibleByArgument {}
extension AbsentPolicy: ExpressibleByArgument {}
extension MovingWindow.Statistic: ExpressibleByArgument {}
extension ConcentrationBands: ExpressibleByArgument {}

struct InputOptions: ParsableArguments {
  @Argument(help: ArgumentHelp("CSV files to read (their union); - reads standard input.", valueName: "file"))
  var files: [String]

  @Option(help: ArgumentHelp("Read the inputs as this layout instead of detecting it: long, wide, trades or ohlcv."))
  var layout: Layout?

  @Option(help: ArgumentHelp("The time column's name, when detection picks the wrong one.", valueName: "column"))
  var time: String?

  @Option(help: ArgumentHelp("The value (volume) column's name (long layout).", valueName: "column"))
  var value: String?

  @Option(
    help: ArgumentHelp(
      "What the categories are: a category column (exchange, base, quote, …) or pair; for trade and OHLCV files market, exchange, quote, base or pair.",
      valueName: "column"))
  var group: String?

  @Option(help: ArgumentHelp("Volume in base units (BTC, default) or quote units (price × amount)."))
  var unit: VolumeUnit = .base

  @Option(help: ArgumentHelp("When a series repeats a (time, category): error (default), sum or last."))
  var duplicates: DuplicatePolicy = .error

  @Option(help: ArgumentHelp("The date of a file without a time column (a one-day snapshot).", valueName: "YYYY-MM-DD"))
  var date: String?

  @Flag(help: "Treat warnings (excluded total columns, feed gaps, partial buckets) as errors.")
  var strict = false

  @Option(
    help: ArgumentHelp(
      "Keep only rows whose COLUMN is one of the values (long tables and databases; repeatable).",
      valueName: "column=v1,v2"))
  var include: [String] = []

  @Option(help: ArgumentHelp("Drop rows whose COLUMN is one of the values (repeatable).", valueName: "column=v1,v2"))
  var exclude: [String] = []

  @Option(
    help: ArgumentHelp("Database sources: seconds to wait for the server before giving up.", valueName: "seconds"))
  var timeout: Double = 60

  @Flag(
    help:
      "Database sources: print the SQL sharelens would send, and exit. Only the table's column list is read; no row, no query."
  )
  var showSQL = false

  /// How to read the inputs; `categoryColumn` is the long layout's category column, if named;
  /// `selection` turns --from/--to into the database query's time predicate.
  func ingestOptions(categoryColumn: String? = nil, selection: ShareSelectionOptions? = nil) throws -> IngestOptions {
    var options = IngestOptions(
      layout: layout, timeColumn: time, categoryColumn: categoryColumn, valueColumn: value, group: group, unit: unit,
      duplicates: duplicates, snapshotDate: date)
    options.progress = ProgressBar.shared.callback
    options.filters =
      try include.map { try RowFilter($0, include: true) } + exclude.map { try RowFilter($0, include: false) }
    guard OptionRange.timeout.contains(timeout) else {
      throw ShareError.usage("--timeout \(timeout) is out of range: give 0.001 to 86400 seconds")
    }
    options.engine.timeout = timeout
    if let selection {
      let share = try selection.shareOptions()
      options.engine.fromSeconds = share.fromDay.map { $0 * secondsPerDay }
      options.engine.untilSeconds = share.toDay.map { ($0 + 1) * secondsPerDay }
    }
    return options
  }

  /// With --show-sql: prints each database source's query and returns true (the command stops).
  func showSQLIfAsked(_ options: IngestOptions) throws -> Bool {
    guard showSQL else { return false }
    let urls = try files.filter(SourceURL.isURL).map { try SourceURL($0) }
    guard !urls.isEmpty else {
      throw ShareError.usage("--show-sql applies to database sources (clickhouse://, postgres://)")
    }
    for url in urls {
      try Run.emit(
        "-- \(url.display)\n" + EngineSource.shownSQL(url, options: options)
          + ";\n", to: nil)
    }
    return true
  }
}

/// `--category <column>` for the commands that analyse every category (in `breaks` and `trend`
/// `--category` names the category to analyse; there `--group` names the column).
struct CategoryColumnOption: ParsableArguments {
  @Option(help: ArgumentHelp("The category column's name (long layout); the same as --group.", valueName: "column"))
  var category: String?
}

struct ShareSelectionOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp("Map categories through a two-column CSV from,to (e.g. exchange → currency).", valueName: "file")
  )
  var map: String?

  @Option(
    help: ArgumentHelp("Categories the map does not list: error (default), keep, other (fold into Other) or drop."))
  var unmapped: UnmappedPolicy = .error

  @Option(
    help: ArgumentHelp("Keep the N largest categories over the range and fold the rest into Other.", valueName: "N"))
  var top: Int?

  @Option(
    help: ArgumentHelp(
      "Bucket width: day, week (ISO, Monday first), month, quarter or year; default: the data's own resolution."))
  var every: Every?

  @Option(
    help: ArgumentHelp(
      "First day included (YYYY-MM-DD; YYYY-MM or YYYY for the start of that month or year).", valueName: "date"))
  var from: String?

  @Option(
    help: ArgumentHelp(
      "Last day included (YYYY-MM-DD; YYYY-MM or YYYY for the end of that month or year).", valueName: "date"))
  var to: String?

  @Option(
    help: ArgumentHelp(
      "volume (default): volume over the bucket's total; equal: mean of the data's own-resolution shares inside the bucket."
    ))
  var weighting: Weighting = .volume

  @Option(
    help: ArgumentHelp(
      "A category before its first or after its last observation: zero (default: it had not started or had ended) or missing."
    ))
  var absent: AbsentPolicy = .zero

  func validate() throws {
    try OptionRange.check(top, OptionRange.top, "--top", "categories")
    let fromDay = try from.map { try DateArgument.day($0, flag: "--from", end: false) }
    let toDay = try to.map { try DateArgument.day($0, flag: "--to", end: true) }
    if let fromDay, let toDay, fromDay > toDay {
      throw ValidationError("--from \(from!) is after --to \(to!): --from and --to are inclusive dates, --from first")
    }
  }

  func shareOptions() throws -> ShareOptions {
    ShareOptions(
      every: every, fromDay: try from.map { try DateArgument.day($0, flag: "--from", end: false) },
      toDay: try to.map { try DateArgument.day($0, flag: "--to", end: true) }, weighting: weighting, top: top,
      absent: absent)
  }

  func categoryMap() throws -> CategoryMap? {
    try map.map { try CategoryMap.load(path: $0) }
  }
}

struct OutputOptions: ParsableArguments {
  @Option(help: ArgumentHelp("text (default), csv, json, markdown, or svg (the chart alone)."))
  var format: OutputFormatArgument = .text

  @Flag(help: "With text output, also draw the chart in the terminal.")
  var chart = false

  @Option(help: ArgumentHelp("Width of text output in columns (default: the terminal's, or 80).", valueName: "N"))
  var width: Int?

  @Option(
    help: ArgumentHelp(
      "Colour in text output: auto (default: only on a terminal, never with NO_COLOR), always or never."))
  var color: ColorChoice = .auto

  @Option(
    help: ArgumentHelp(
      "Write to this file (atomically: it appears only when complete) instead of standard output.", valueName: "path"))
  var out: String?

  @Flag(help: "Draw tables with plain ASCII instead of box-drawing characters.")
  var ascii = false
}

enum OutputFormatArgument: String, ExpressibleByArgument, CaseIterable {
  case text, csv, json, markdown, svg

  /// The table format; svg has none.
  var table: OutputFormat { OutputFormat(rawValue: rawValue) ?? .text }
}

enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
  case auto, always, never
}

extension OutputOptions {
  /// Output options set in code (for commands with their own flags).
  static func make(out: String?, width: Int?, color: ColorChoice, ascii: Bool) -> OutputOptions {
    var options = OutputOptions()
    options.out = out
    options.width = width
    options.color = color
    options.ascii = ascii
    return options
  }

  /// The terminal renderer for this output: width from --width, the terminal, or 80; colour only
  /// on a terminal (standard output, not --out) unless forced, and never with NO_COLOR.
  var terminal: TerminalRenderer {
    TerminalRenderer(width: width ?? Terminal.columns(toFile: out != nil), height: 12, color: useColor, ascii: ascii)
  }

  var useColor: Bool {
    switch color {
    case .always: return true
    case .never: return false
    case .auto: return out == nil && Terminal.isTerminal(1) && Terminal.environment("NO_COLOR").map(\.isEmpty) ?? true
    }
  }

  func validateWidth() throws {
    try OptionRange.check(width, OptionRange.width, "--width", "columns")
  }
}

/// Dates typed on the command line: a day, or a month or year meaning its first or last day.
enum DateArgument {
  static func day(_ text: String, flag: String, end: Bool) throws -> Int64 {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    if parts.count <= 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }),
      let year = Int(parts[0]), parts[0].count == 4
    {
      let month = parts.count == 2 ? Int(parts[1]) ?? 0 : (end ? 12 : 1)
      guard (1...12).contains(month) else { throw ValidationError("\(flag) \(text): month \(month) does not exist") }
      if !end { return CivilDate(year: year, month: month, day: 1).dayNumber }
      return CivilDate(year: year, month: month, day: CivilDate.daysInMonth(year: year, month: month)).dayNumber
    }
    switch TimeParser.parse(text) {
    case .success(let parsed) where parsed.format == .date:
      return parsed.seconds.floorDiv(secondsPerDay)
    case .failure(.impossibleDate(let why)):
      throw ValidationError("\(flag) \(text) is not a real date: \(why)")
    default:
      throw ValidationError("\(flag) \(text) is not a date: write YYYY-MM-DD, YYYY-MM or YYYY")
    }
  }
}
