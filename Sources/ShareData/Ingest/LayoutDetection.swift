// Layout detection from the first records of an input: the header's names and the sampled values'
// types decide between long, wide, trades and OHLCV. Detection reads ahead and the scanner rewinds,
// so standard input works as well as a file.

/// The first records of an input, as Strings (at most `limit` of them; never the hot path).
struct Sample {
  var records: [[String]]
  /// The line each record starts on (for errors about a sampled value).
  var lines: [Int] = []
  /// How the values write their fractions (settled after reading, `DecimalMark.settle`).
  var decimalMark = DecimalMark.point
  var header: [String] { records.first ?? [] }
  var rows: ArraySlice<[String]> { records.dropFirst() }

  static func read(from scanner: CSVScanner, limit: Int = 200) throws -> Sample {
    try scanner.setMark()
    var records: [[String]] = []
    var lines: [Int] = []
    while records.count < limit, try scanner.next() {
      records.append(try scanner.strings())
      lines.append(scanner.recordLine)
    }
    scanner.rewind()
    return Sample(records: records, lines: lines)
  }

  /// Whether column `index` holds numbers: most of its non-empty sampled values look like numbers.
  /// An all-empty column counts (bitcoinity exports leave a currency's column empty for years
  /// before it lists), and so does a column with a few bad values (NaN, text), so that the bad
  /// value is reported where it is instead of turning the column into a category.
  /// Each column's traits for the role rules, judged from the sampled rows.
  var traits: [ColumnTraits] {
    header.indices.map { index in
      let numeric = isNumericColumn(index)
      return ColumnTraits(
        name: header[index], isNumeric: numeric, isText: !numeric, looksLikeTime: isTimeColumn(index, allowUnix: false))
    }
  }

  func isNumericColumn(_ index: Int) -> Bool {
    var numbers = 0
    var others = 0
    for row in rows where index < row.count && !row[index].trimmed.isEmpty {
      if Sample.looksNumeric(row[index], mark: decimalMark) { numbers += 1 } else { others += 1 }
    }
    return others <= numbers
  }

  /// Numbers, and the placeholders spreadsheets write into number columns. A number with the
  /// other decimal mark counts too: it is reported where it is (with a hint to the mark), instead
  /// of turning its column into categories.
  static func looksNumeric(_ value: String, mark: DecimalMark = .point) -> Bool {
    switch DecimalParser.parse(value, mark: mark) {
    case .success, .failure(.overflow): return true
    case .failure(.notANumber):
      let other: DecimalMark = mark == .point ? .comma : .point
      return numericPlaceholders.contains(value.headerKey)
        || (try? DecimalParser.parse(value, mark: other).get()) != nil
    }
  }

  static let numericPlaceholders: Set<String> = [
    "nan", "-nan", "inf", "-inf", "+inf", "infinity", "-infinity", "null", "na", "n/a", "#n/a", "none", "-",
    "#value!", "#div/0!",
  ]

  func isTimeColumn(_ index: Int, allowUnix: Bool) -> Bool {
    var seen = 0
    for row in rows where index < row.count && !row[index].trimmed.isEmpty {
      guard case .success(let parsed) = TimeParser.parse(row[index]) else { return false }
      if !allowUnix && parsed.format.isUnix { return false }
      seen += 1
    }
    return seen > 0
  }
}

extension String {
  var trimmed: String {
    var s = Substring(self)
    while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
    while let l = s.last, l == " " || l == "\t" { s.removeLast() }
    return String(s)
  }

  /// Header names compare without case and surrounding spaces.
  var headerKey: String { trimmed.lowercased() }
}

/// The decided layout of one input and the roles of its columns.
struct LayoutPlan {
  var layout: Layout
  var reason: Phrase
  var hasHeader: Bool
  var header: [String]
  var timeIndex: Int?
  /// long: category column(s) (two for `pair`: base, quote).
  var categoryIndices: [Int] = []
  /// long: value column; for a trade log the amount column.
  var valueIndex: Int?
  /// long trade log: the price column (quote volume = price × amount; rows are summed).
  var priceIndex: Int?
  /// wide: the category columns.
  var wideColumns: [Int] = []
  /// wide: the category columns `--include`/`--exclude` leave out (read, then removed).
  var filteredOut: [Int] = []
  /// long without a time column: every row is dated this (seconds).
  var snapshotTime: Int64?
  /// A Binance public-data file: its columns by position (read by SourceReader+Binance).
  var binance: BinanceLayout?
  /// A Kraken OHLCVT, CryptoDataDownload or Coin Metrics file (read by Ingest/Vendors/).
  var kraken: KrakenOHLCVTLayout?
  var cryptoDataDownload: CryptoDataDownloadLayout?
  var coinMetrics: CoinMetricsLayout?
  /// A file one of the vendors' readers (Ingest/Vendors/) reads.
  var isVendor: Bool {
    kraken != nil || cryptoDataDownload != nil || coinMetrics != nil || vendorTrades != nil || kaikoOHLCV
  }
  /// A Tardis or Kaiko trade log: its columns by position (read by Vendors/TardisReader).
  var vendorTrades: VendorTradeColumns?
  /// A Kaiko OHLCV delivery (read by Vendors/KaikoOHLCV).
  var kaikoOHLCV = false
}

enum LayoutDetector {
  static func plan(sample: Sample, source: String, options: IngestOptions) throws -> LayoutPlan {
    let header = sample.header
    let file = SourceLocation(file: source)
    guard !header.isEmpty else {
      throw ShareError.data("the file is empty", at: file, expected: "a CSV header and data rows")
    }
    // A Binance file is read as one whenever the layout asked for is its own: `--layout trades` on
    // a headerless trades file names what it is, and must not turn its 7 columns into an error.
    if let binance = BinanceLayout.detect(header), options.layout == nil || options.layout == binance.plan.layout {
      return binance.plan
    }
    if options.layout == nil, let vendor = try vendorPlan(sample: sample, source: source) { return vendor }
    if options.layout == nil, let vendor = VendorTradeColumns.detect(header) { return vendor.plan }
    if options.layout == nil, KaikoOHLCV.fits(header) { return KaikoOHLCV.plan }
    let firstIsData = isHeaderlessTrade(header)
    if options.layout == .trades || (options.layout == nil && firstIsData) {
      return LayoutPlan(
        layout: .trades,
        reason: options.layout == nil
          ? "detected: headerless unixtime,price,amount rows" : "\(setting: .layout, "trades")",
        hasHeader: !firstIsData, header: firstIsData ? ["unixtime", "price", "amount"] : header,
        timeIndex: 0)
    }
    if header.allSatisfy({ (try? DecimalParser.parse($0).get()) != nil || $0.trimmed.isEmpty }) {
      throw ShareError.data(
        "the first line holds numbers, not column names", at: SourceLocation(file: source, line: 1),
        expected: "a header row such as Time,bitstamp,kraken",
        hint:
          "headerless files are read as the layouts docs/formats.md lists (bitcoincharts and Kraken trades unixtime,price,amount; Binance trades and klines; Kraken OHLCVT; Kaiko OHLCV); three columns time,price,amount: \(setting: .layout, "trades")"
      )
    }
    try checkHeader(header, source: source)
    if options.layout == nil && options.valueColumn == nil { try OwnStatisticsOutput.check(header, source: source) }
    if sample.rows.isEmpty {
      throw ShareError.data(
        "the file has a header but no data rows", at: file, expected: "at least one data row")
    }
    let keys = header.map(\.headerKey)
    let isOHLCV =
      ["open", "high", "low", "close"].allSatisfy(keys.contains) && keys.contains { $0.hasPrefix("volume") }
    if options.layout == .ohlcv || (options.layout == nil && isOHLCV) {
      return try ohlcvPlan(sample: sample, keys: keys, source: source, options: options)
    }

    // long or wide: find the time column first.
    let timeIndex = try findTimeColumn(sample: sample, keys: keys, source: source, options: options)
    let others = header.indices.filter { $0 != timeIndex }
    let text = others.filter { !sample.isNumericColumn($0) }
    let wantsWide =
      options.layout == .wide
      || (options.layout == nil && timeIndex != nil && text.isEmpty && options.categoryColumn == nil
        && options.valueColumn == nil)
    if wantsWide {
      return try widePlan(sample: sample, timeIndex: timeIndex, text: text, source: source, options: options)
    }
    if timeIndex == nil && text.isEmpty {
      throw ShareError.data(
        "no time column", at: SourceLocation(file: source, line: 1),
        expected: "a column named Time or Date (or with dates in it)", hint: "name it with \(setting: .timeColumn)")
    }

    return try longPlan(sample: sample, keys: keys, timeIndex: timeIndex, text: text, source: source, options: options)
  }

  /// A data vendor's file told by its content (and name): Kraken OHLCVT, CryptoDataDownload, Coin Metrics.
  static func vendorPlan(sample: Sample, source: String) throws -> LayoutPlan? {
    if let kraken = KrakenOHLCVTLayout.detect(sample.header, source: source) { return kraken.plan }
    if let cdd = CryptoDataDownloadLayout.detect(sample.records) { return cdd.plan }
    return try CoinMetricsLayout.detect(sample.header, source: source)?.plan
  }

  /// A headerless bitcoincharts line: three numbers, the first a unix time.
  static func isHeaderlessTrade(_ record: [String]) -> Bool {
    guard record.count == 3,
      case .success(let time) = TimeParser.parse(record[0]),
      time.format.isUnix
    else { return false }
    return (try? DecimalParser.parse(record[1]).get()) != nil && (try? DecimalParser.parse(record[2]).get()) != nil
  }

  static func checkHeader(_ header: [String], source: String) throws {
    var seen: [String: Int] = [:]
    for (index, name) in header.enumerated() {
      let key = name.trimmed
      if key.isEmpty {
        throw ShareError.data(
          "empty column name", at: SourceLocation(file: source, line: 1, column: index + 1),
          expected: "a name for every column")
      }
      if let first = seen[key] {
        throw ShareError.data(
          "duplicate column name \(quoted(key)) (also column \(first + 1))",
          at: SourceLocation(file: source, line: 1, column: index + 1),
          expected: "distinct column names")
      }
      seen[key] = index
    }
  }

  static func findTimeColumn(sample: Sample, keys: [String], source: String, options: IngestOptions) throws -> Int? {
    if let name = options.timeColumn {
      guard let index = keys.firstIndex(of: name.headerKey) else {
        throw ShareError.request(
          "\(setting: .timeColumn, name): no such column in \(source)",
          hint: "its columns are \(sample.header.map { quoted($0) }.joined(separator: ", "))")
      }
      return index
    }
    return ColumnRoles.time(sample.traits)
  }

  /// A snapshot's date: the one given, else a YYYY-MM-DD in the file name.
  static func snapshotTime(source: String, options: IngestOptions) throws -> Int64 {
    if let text = options.snapshotDate {
      guard case .success(let parsed) = TimeParser.parse(text) else {
        throw ShareError.request("\(setting: .snapshotDate, text) is not a date", hint: "write it as YYYY-MM-DD")
      }
      return parsed.seconds
    }
    let scalars = Array(source.utf8)
    if scalars.count >= 10 {
      for start in 0...(scalars.count - 10) {
        let candidate = scalars[start..<start + 10]
        let text = String(decoding: candidate, as: UTF8.self)
        if case .success(let parsed) = TimeParser.parse(text), parsed.format == .date,
          start == 0 || !(scalars[start - 1] &- 0x30 < 10)
        {
          return parsed.seconds
        }
      }
    }
    throw ShareError.data(
      "no time column", at: SourceLocation(file: source, line: 1),
      expected: "a column named Time or Date, or a snapshot date",
      hint:
        "for a one-day snapshot give its date with \(setting: .snapshotDate, "YYYY-MM-DD"); otherwise name the time column with \(setting: .timeColumn)"
    )
  }
}
