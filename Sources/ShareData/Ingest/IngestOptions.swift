import Foundation

// What a user tells the reader about their files. Everything is optional: layouts and columns
// are detected, and these options only settle what detection cannot.

/// The four shapes of volume data sharelens reads.
public enum Layout: String, CaseIterable, Sendable {
  /// A time column, one or more category columns, a numeric value column (one row per observation).
  case long
  /// `Time,<cat1>,<cat2>,…`: one column per category (bitcoinity exports).
  case wide
  /// bitcoincharts dumps: headerless `unixtime,price,amount`, one market per file.
  case trades
  /// Daily OHLCV bars (`Date,Open,High,Low,Close,Volume (BTC),Volume (Currency),Weighted Price`).
  case ohlcv
}

/// Which volume a row contributes: the base asset traded (BTC) or its value in the quote currency.
public enum VolumeUnit: String, CaseIterable, Sendable {
  /// Amount of the base asset (e.g. BTC).
  case base
  /// price × amount, in the quote currency.
  case quote
}

public struct IngestOptions: Sendable {
  /// Force a layout instead of detecting it.
  public var layout: Layout?
  /// Force the field delimiter instead of sniffing it from the first lines.
  public var delimiter: Delimiter?
  /// Force the decimal mark instead of settling it from the sampled values (`DecimalMark.settle`).
  public var decimalMark: DecimalMark?
  /// Standard input is read because no file was named (it is a pipe or a file): when it is empty,
  /// that is "no input", a usage error, not an empty file.
  public var standardInputUnasked = false
  /// The time column's name (long layout), when detection is ambiguous.
  public var timeColumn: String?
  /// The category column's name (long layout).
  public var categoryColumn: String?
  /// The value column's name (long layout).
  public var valueColumn: String?
  /// What the categories are: a category column, `pair`, or for trades and OHLCV files
  /// `market`, `exchange`, `quote`, `base`.
  public var group: Grouping?
  public var unit: VolumeUnit
  /// Set, quote volumes are counted in one currency at daily rates (`unit` is then `.quote`).
  public var conversion: CurrencyConversion?
  /// Refuse inputs whose volumes are in different known units (UnitMixing); off for describing them.
  public var refusesMixedUnits = true
  public var duplicates: DuplicatePolicy
  /// The date of a file with no time column (a snapshot); else taken from the file name.
  public var snapshotDate: String?
  /// The user's markets table: what a single-market file's name cannot say (its exchange), or
  /// says wrongly, by symbol or file stem.
  public var markets: MarketTable?
  /// Trade files at least this big (bytes on disk) are read by the parallel reader.
  public var parallelThreshold = 8 << 20
  /// Parsing threads of the parallel reader (one more thread reads and decompresses).
  public var workers = ProcessInfo.processInfo.activeProcessorCount
  /// Bytes per block of the parallel reader; nil for its own choice: 4 MiB for a mapped file
  /// (fewer maps and unmaps; 5-6% less time on the 50M-row log than 1 MiB, peak 44 → 49 MB) and
  /// 1 MiB for bytes copied in by read(2) or inflated (a block is parsed while the copy is
  /// still in the cache: 5M-row log 67 → 47 MB peak and a few % less time than 4 MiB).
  public var blockSize: Int?
  /// The parallel reader maps a plain file into memory rather than copying it into blocks
  /// (MappedFile.swift); false reads it with read(2), as compressed files and pipes always are.
  public var mapsFiles = true
  /// Set, a big long table or wide export (one input, rows in time order, no row filters) may be read by the
  /// parallel reader into cells per bucket of this width and category: memory then grows with
  /// buckets × categories, not rows. With `.day`, volume-weighted shares in any bucket come out the
  /// same as from the serial table, day coverage and gap alignment included (they look at which
  /// categories have data on which day). A coarser width keeps only each bucket's sums, each
  /// category's span and the bucket's first and last day of data: enough for volume-weighted
  /// shares under `GapPolicy.ignore` in buckets of that width, but not for day coverage or
  /// alignment. Nothing else is promised (`inspect` counts cells, equal weighting averages the
  /// shares at each time). The table's resolution is the one the rows have.
  public var seriesBucket: Every?
  /// Check each zip against the `.CHECKSUM` file beside it, when there is one.
  public var verifyChecksums = true
  /// Rows to keep or drop by a column's value (files: long layouts; databases: in the query).
  public var filters: [RowFilter] = []
  /// Database sources: timeout and the time predicate.
  public var engine = EngineOptions()
  /// Called now and then while reading: input name, bytes read, bytes in all (nil if unknown).
  /// It may be called from the reading thread; the command-line tool draws a progress bar.
  public var progress: (@Sendable (_ name: String, _ done: Int, _ total: Int?) -> Void)?

  public init(
    layout: Layout? = nil, timeColumn: String? = nil, categoryColumn: String? = nil,
    valueColumn: String? = nil, group: Grouping? = nil, unit: VolumeUnit = .base,
    duplicates: DuplicatePolicy = .error, snapshotDate: String? = nil
  ) {
    self.layout = layout
    self.timeColumn = timeColumn
    self.categoryColumn = categoryColumn
    self.valueColumn = valueColumn
    self.group = group
    self.unit = unit
    self.duplicates = duplicates
    self.snapshotDate = snapshotDate
  }
}

/// What the reader found in one input: shown by `inspect`.
public struct SourceSummary: Sendable {
  public var name: String
  public var layout: Layout
  /// How the layout was chosen: "detected from the header", or the layout asked for.
  public var layoutReason: Phrase
  /// The field delimiter the input was read with (sniffed or forced).
  public var delimiter = Delimiter.comma
  /// The decimal mark the input's numbers were read with (settled or forced).
  public var decimalMark = DecimalMark.point
  public var timeColumn: String?
  public var timeFormat: TimeFormat?
  /// Where categories come from, e.g. `columns bitfinex…others`, `column "quote"`, `file name`.
  public var categorySource: String
  public var valueSource: String
  public var rows = 0
  public var firstTime: UnixTime?
  public var lastTime: UnixTime?
  public var excludedColumns: [String] = []
  public var gapRows = 0
  public var emptyCells = 0
  /// The categories a filter's values name in this input (a wide file's columns, sharelens JSON's
  /// categories); nil where filters select rows by a column's value (long tables).
  var namedCategories: [String]?
  /// A single-market file's market (trades and OHLCV layouts), as its name and the markets table say.
  public var market: Market?
  /// The unit of its volumes: the market's base, or its quote under the quote unit; nil when unknown.
  public var volumeUnit: String?
  /// A bar file's bar length in minutes, where its name says it (Kraken OHLCVT's `XBTEUR_60`).
  public var barMinutes: Int?
  /// A file whose rows name their markets (Tardis, Kaiko): each market, in the order first met, with
  /// the unit of its volumes.
  public var rowMarkets: [(market: Market, unit: String?)] = []
}
