// Reads one input: its layout plan, its records, and the facts `inspect` shows. The reader for
// each layout is in a file of its own (SourceReader+Wide, +Long, +Trades, +OHLCV); big trade
// files go to the parallel block reader (SourceReader+Parallel).

import Foundation

/// Reads one input.
struct SourceReader {
  let scanner: CSVScanner
  let source: Int32
  let options: IngestOptions
  var warnings: [Warning] = []
  /// Opens the input again from the start (files only): the parallel path reads it afresh.
  var reopen: (() throws -> ByteStream)?
  var fileSize: Int?
  /// This is the only input (its cells meet no other input's, so summing a day's rows is safe).
  var onlyInput = false
  /// What the inputs read before this one were (a Kraken OHLCVT file checks its pair's bar length).
  var earlierInputs: [SourceSummary] = []
  /// The resolution of a series the parallel reader summed into buckets (its cells do not show it).
  var seriesResolution: Every?
  var timeFormat: TimeFormat?
  var timeFormatLine = 0
  var header: [String] = []
  /// How the input's numbers write their fractions.
  var decimalMark = DecimalMark.point

  init(scanner: CSVScanner, source: Int32, options: IngestOptions) {
    self.scanner = scanner
    self.source = source
    self.options = options
  }

  var name: String { scanner.name }

  mutating func read(into builder: inout VolumeTableBuilder) throws -> SourceSummary {
    var sample = try Sample.read(from: scanner)
    sample.decimalMark = try DecimalMark.settle(
      sample, delimiter: scanner.delimiter, forced: options.decimalMark, source: name)
    decimalMark = sample.decimalMark
    let plan = try LayoutDetector.plan(sample: sample, source: name, options: options)
    header = plan.header
    if plan.layout == .long,
      let saved = SavedShares.warning(name, transformations: SavedShares.transformations(header: plan.header))
    {
      warnings.append(saved)
    }
    var summary = SourceSummary(
      name: name, layout: plan.layout, layoutReason: plan.reason,
      timeColumn: plan.timeIndex.map { plan.header[$0] }, categorySource: "", valueSource: "")
    summary.delimiter = scanner.delimiter
    summary.decimalMark = decimalMark
    if plan.layout == .trades || plan.layout == .ohlcv {
      let market = MarketName(fileName: name == "<stdin>" ? "stdin" : name, table: options.markets).file.market
      summary.market = market
      summary.volumeUnit = options.unit == .quote ? market.quote : market.base
      // Binance's and the vendors' readers know the market better (from columns, folders, rows)
      // and start the conversion themselves.
      if plan.binance == nil, !plan.isVendor { try options.conversion?.start(&builder, market: market, source: name) }
    }
    if !options.filters.isEmpty && plan.layout != .long && plan.layout != .wide {
      throw ShareError.request(
        "\(setting: .include) and \(setting: .exclude) select rows of long tables and columns of wide ones; \(name) is \(plan.layout.rawValue)"
      )
    }
    // The parallel block reader splits on commas and reads decimal points only (Binance trades and
    // aggTrades too; their klines stay here). It does not convert currencies per input
    // (VolumeTableBuilder.rates), nor read the vendors' bar files (Ingest/Vendors/); Tardis and
    // Kaiko trade logs it reads as one market (TardisParallel).
    if !plan.isVendor || plan.vendorTrades != nil, scanner.delimiter == .comma, decimalMark == .point,
      options.conversion == nil,
      let parallel = try readInParallel(plan, &builder, summary)
    {
      return parallel
    }
    if plan.hasHeader { _ = try scanner.next() }
    switch plan.layout {
    case _ where plan.binance != nil: try readBinance(plan.binance!, &builder, &summary)
    case _ where plan.kraken != nil: try readKrakenOHLCVT(plan.kraken!, &builder, &summary)
    case _ where plan.cryptoDataDownload != nil:
      try readCryptoDataDownload(plan.cryptoDataDownload!, &builder, &summary)
    case _ where plan.coinMetrics != nil: try readCoinMetrics(plan.coinMetrics!, &builder, &summary)
    case _ where plan.vendorTrades != nil: try readVendorTrades(plan.vendorTrades!, &builder, &summary)
    case _ where plan.kaikoOHLCV: try readKaikoOHLCV(&builder, &summary)
    case .wide: try readWide(plan, &builder, &summary)
    case .long: try readLong(plan, &builder, &summary)
    case .trades: try readTrades(plan, &builder, &summary)
    case .ohlcv: try readOHLCV(plan, &builder, &summary)
    }
    if plan.layout == .wide { summary.namedCategories = plan.wideColumns.map { plan.header[$0].trimmed } }
    for column in plan.filteredOut {
      let name = SpreadsheetCell.unguarded(plan.header[column].trimmed)
      builder.removeCells(code: builder.code(for: name), source: source)
    }
    if !plan.filteredOut.isEmpty {
      summary.categorySource +=
        "; left out by the filters: "
        + plan.filteredOut.map { plan.header[$0] }.joined(separator: ", ")
    }
    summary.timeFormat = timeFormat
    if summary.rows == 0 {
      throw ShareError.data(
        "the file has a header but no data rows", at: SourceLocation(file: name),
        expected: "at least one data row")
    }
    return summary
  }

  func describeTrades(_ market: MarketName, _ category: String) -> (String, String, String) {
    (
      "\(market.described) → \(quoted(category))",
      options.unit == .quote ? "price × amount (\(market.quoteUnit))" : "amount (\(market.baseUnit))", "unixtime"
    )
  }

  func describeLong(_ plan: LayoutPlan) -> (String, String) {
    let categories = plan.categoryIndices
    let valueIndex = plan.valueIndex!
    let categorySource =
      categories.count == 2
      ? "pair of columns \(plan.header[categories[0]])/\(plan.header[categories[1]])"
      : "column \(quoted(plan.header[categories[0]]))"
    let valueSource =
      plan.priceIndex != nil
      ? (options.unit == .quote
        ? "price × \(plan.header[valueIndex]) (quote units), trades summed per day"
        : "\(plan.header[valueIndex]) (base units), trades summed per day")
      : "column \(quoted(plan.header[valueIndex]))"
    return (categorySource, valueSource)
  }

  // MARK: Fields

  func checkWidth(_ expected: Int) throws {
    if scanner.fieldCount != expected {
      throw ShareError.data(
        "this row has \(scanner.fieldCount) field\(scanner.fieldCount == 1 ? "" : "s"), the header has \(expected)",
        at: scanner.location(), expected: "\(expected) \(scanner.delimiter.adjective) fields on every row",
        hint:
          "leave a missing value empty but keep its \(scanner.delimiter.rawValue); quote fields that contain \(scanner.delimiter.rawValue)s"
      )
    }
  }

  func columnName(_ index: Int) -> String? { index < header.count ? header[index] : nil }

  /// The time in field `index`, in seconds; a column must keep to one time format.
  mutating func time(_ index: Int) throws -> Int64 {
    let parsed = scanner.withField(index) { TimeParser.parse($0) }
    switch parsed {
    case .success(let value):
      if let known = timeFormat {
        if !known.mixes(with: value.format) {
          let found = try scanner.string(index)
          throw ShareError.data(
            "mixed time formats: \(quoted(found)) is \(value.format.rawValue), but line \(timeFormatLine) was \(known.rawValue)",
            at: scanner.location(column: index + 1, name: columnName(index)),
            expected: "one time format in the whole column")
        }
      } else {
        timeFormat = value.format
        timeFormatLine = scanner.recordLine
      }
      return value.seconds
    case .failure(let failure):
      let found = scanner.withField(index) { quoted(bytes: $0) }
      let at = scanner.location(column: index + 1, name: columnName(index))
      switch failure {
      case .impossibleDate(let why):
        throw ShareError.data("impossible date \(found): \(why)", at: at, expected: "a real calendar date")
      case .outOfRange:
        throw ShareError.data("time \(found) is out of range", at: at, expected: "a time between years 1 and 9999")
      case .notATime:
        throw ShareError.data(
          scanner.isEmpty(index) ? "empty time" : "not a time: \(found)" as Phrase, at: at,
          expected: TimeParser.expected)
      }
    }
  }

  /// The volume in field `index`: nil when empty; an error for text, NaN, ∞, overflow or a negative.
  func volume(_ index: Int, what: String = "volume") throws -> Double? {
    if scanner.isEmpty(index) { return nil }
    let parsed = scanner.withField(index) { DecimalParser.parse($0, mark: decimalMark) }
    switch parsed {
    case .success(let value):
      if value < 0 {
        throw ShareError.data(
          "negative \(what) \(scanner.withField(index) { quoted(bytes: $0) })",
          at: scanner.location(column: index + 1, name: columnName(index)), expected: "a \(what) of 0 or more")
      }
      return value
    case .failure(let failure):
      let found = scanner.withField(index) { quoted(bytes: $0) }
      let at = scanner.location(column: index + 1, name: columnName(index))
      if failure == .overflow {
        throw ShareError.data("number \(found) is too large", at: at, expected: "a number below 1.8e308")
      }
      let blank = scanner.withField(index) { $0.allSatisfy { $0 == 0x20 || $0 == 0x09 } }
      if blank { return nil }
      let placeholder = scanner.withField(index) { String(decoding: $0, as: UTF8.self) }
      // A value the other mark reads: the file's first lines did not show its mark.
      let other: DecimalMark = decimalMark == .point ? .comma : .point
      let otherReads = (try? DecimalParser.parse(placeholder, mark: other).get()) != nil
      throw ShareError.data(
        "not a number: \(found)", at: at, expected: decimalMark.expected,
        hint: Sample.numericPlaceholders.contains(placeholder.headerKey)
          ? "leave a missing value as an empty cell"
          : otherReads ? "read with a decimal \(other.rawValue): \(setting: .decimalMark, other.rawValue)" : nil)
    }
  }

  var origin: CellOrigin { CellOrigin(source: source, line: Int64(scanner.recordLine)) }

  func note(_ summary: inout SourceSummary, time: Int64) {
    summary.rows += 1
    if summary.firstTime.map({ time < $0.seconds }) ?? true { summary.firstTime = UnixTime(seconds: time) }
    if summary.lastTime.map({ time > $0.seconds }) ?? true { summary.lastTime = UnixTime(seconds: time) }
  }
}
