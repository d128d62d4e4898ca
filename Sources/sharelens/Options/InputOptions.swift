// Options shared by every command that reads data: the inputs and how to read them.

import ArgumentParser
import ShareData
import ShareReport
import ShareStats

struct InputOptions: ParsableArguments {
  @Argument(
    help: ArgumentHelp(
      "CSV files (or sharelens JSON, zip archives, directories of them) to read, their union; - reads standard input, as does no file when it is piped.",
      valueName: "file"))
  var files: [String] = []

  @Option(help: ArgumentHelp("Read the inputs as this layout instead of detecting it: long, wide, trades or ohlcv."))
  var layout: Layout?

  @Option(
    help: ArgumentHelp(
      "The field separator, instead of detecting it from the first lines: comma, semicolon, tab or pipe."))
  var delimiter: Delimiter?

  @Option(
    help: ArgumentHelp(
      "The numbers' decimal mark: point (1234.5) or comma (1234,5 or 1.234,5); default: detected in files not separated by commas, else point."
    ))
  var decimal: DecimalMark?

  @Option(help: ArgumentHelp("The time column's name, when detection picks the wrong one.", valueName: "column"))
  var time: String?

  @Option(help: ArgumentHelp("The value (volume) column's name (long layout).", valueName: "column"))
  var value: String?

  @Option(
    help: ArgumentHelp(
      "What the categories are: a category column (exchange, base, quote, …) or pair; for trade and OHLCV files market, exchange, quote, base, pair or instrument.",
      valueName: "column"))
  var group: Grouping?

  @Option(
    help: ArgumentHelp(
      "What volumes are counted in: base (the base asset, e.g. BTC; default), quote (price × amount, or the file's own quote volume), or a currency code (USD, EUR, …) with --rates: each market's quote volume at its day's rate.",
      discussion: """
        A category's volume is a sum, so it must be in one unit: a --group that adds markets of different base \
        assets into one category (--group exchange over BTC/EUR and BCH/EUR) is refused in base units, and one \
        that adds different quote currencies (--group base over BTC/USD and BTC/EUR) in quote units. A currency \
        code converts each single-market file (trades, OHLCV bars, Binance, JSON feeds) from its quote \
        currency, and a long trade log from each row's quote column, on each UTC day, before any grouping; \
        a quote equal to the code needs no rate; stablecoins need --peg or rates of their own.
        """, valueName: "base|quote|CODE"))
  var unit: UnitArgument = .base

  @Option(
    help: ArgumentHelp(
      "Daily exchange rates into the --unit currency, a CSV: date,currency,rate (rate = units of the --unit currency per one unit of currency, e.g. 2024-01-02,EUR,1.09 for --unit USD), or wide: date,EUR,JPY,… A day with volume but no rate is an error; no rate is carried over.",
      valueName: "file"))
  var rates: String?

  @Option(
    help: ArgumentHelp(
      "Stablecoins to count as exactly 1 USD (e.g. USDT,USDC): never assumed without this.",
      valueName: "coin,…"))
  var peg: String?

  @Option(
    help: ArgumentHelp(
      "A CSV of markets (symbol,exchange,base,quote,instrument,contract_size; only symbol required): each row overrides or fills in what a file's name says of its market.",
      valueName: "file"))
  var markets: String?

  @Option(help: ArgumentHelp("When a series repeats a (time, category): error (default), sum or last."))
  var duplicates: DuplicatePolicy = .error

  @Option(help: ArgumentHelp("The date of a file without a time column (a one-day snapshot).", valueName: "YYYY-MM-DD"))
  var date: String?

  @Flag(help: "Read a zip even when the .CHECKSUM file beside it does not match (or is not a checksum).")
  var noVerify = false

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

  /// The inputs: the files named, else standard input when it is not a terminal (a pipe or a
  /// redirected file), so `… | sharelens shares` works without a `-`.
  var paths: [String] {
    files.isEmpty && !Terminal.isTerminal(0) ? ["-"] : files
  }

  /// How to read the inputs; `categoryColumn` is the long layout's category column, if named;
  /// `selection` turns --from/--to into the database query's time predicate.
  func ingestOptions(categoryColumn: String? = nil, selection: RangeOptions? = nil) throws -> IngestOptions {
    var options = IngestOptions(
      layout: layout, timeColumn: time, categoryColumn: categoryColumn, valueColumn: value, group: group,
      unit: unit.volumeUnit, duplicates: duplicates, snapshotDate: date)
    options.conversion = try conversion()
    options.delimiter = delimiter
    options.decimalMark = decimal
    options.verifyChecksums = !noVerify
    options.markets = try markets.map { try MarketTable.load(path: $0) }
    options.standardInputUnasked = files.isEmpty
    options.progress = ProgressBar.shared.callback
    options.filters =
      try include.map { try RowFilter($0, include: true) } + exclude.map { try RowFilter($0, include: false) }
    guard OptionRange.timeout.contains(timeout) else {
      throw ShareError.request("--timeout \(timeout) is out of range: give 0.001 to 86400 seconds")
    }
    options.engine.timeout = timeout
    if let selection {
      options.engine.from = selection.from?.day.start
      options.engine.until = selection.to?.day.advanced(by: 1).start
    }
    return options
  }

  /// `--unit CODE --rates FILE --peg …`: the currency conversion, nil for base and quote units.
  func conversion() throws -> CurrencyConversion? {
    guard case .currency(let code) = unit else {
      if rates != nil || peg != nil {
        throw ShareError.request(
          "--rates and --peg apply to a currency unit (--unit USD), not --unit \(unit)",
          hint: "count volumes in a currency: --unit USD --rates rates.csv")
      }
      return nil
    }
    guard let rates else {
      throw ShareError.request(
        "--unit \(code) needs daily rates into \(code): --rates FILE",
        hint: "a CSV date,currency,rate (2024-01-02,EUR,1.09: one EUR is 1.09 \(code)); a quote in \(code) needs none")
    }
    let pegs = peg.map { $0.split(separator: ",").map(String.init) } ?? []
    return try CurrencyConversion(target: code, rates: try CurrencyRates.load(path: rates), pegs: pegs)
  }

  /// With --show-sql: prints each database source's query and returns true (the command stops).
  func showSQLIfAsked(_ options: IngestOptions) throws -> Bool {
    guard showSQL else { return false }
    let urls = try paths.filter(SourceURL.isURL).map { try SourceURL($0) }
    guard !urls.isEmpty else {
      throw ShareError.request("--show-sql applies to database sources (clickhouse://, postgres://)")
    }
    for url in urls {
      try Run.write(
        "-- \(url.display)\n" + EngineSource.shownSQL(url, options: options)
          + ";\n", to: nil)
    }
    return true
  }
}

extension Delimiter: ExpressibleByArgument {}
extension DecimalMark: ExpressibleByArgument {}

/// The old `--category <column>` of the commands that analyse every category: the same as
/// `--group`, while in `trend`, `breaks` and `report` `--category` names the one category to
/// analyse. One flag had two meanings, and an error hint for one pointed at the other; the column
/// is now `--group` everywhere, and this spelling is a hidden alias that says so.
struct CategoryColumnOption: ParsableArguments {
  @Option(
    name: .customLong("category"),
    help: ArgumentHelp("Old spelling of --group for a category column.", valueName: "column", visibility: .hidden))
  var legacyCategory: String?

  /// The category column named with the old spelling, if any.
  var category: String? { legacyCategory }

  func validate() throws {
    if let column = legacyCategory {
      Run.printError(
        "warning: --category \(column) names a column here; write --group \(column) (--category names the one category to analyse in trend, breaks and report)"
      )
    }
  }
}
