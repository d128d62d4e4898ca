// Reading inputs into the VolumeTable: open each input, detect its layout, and stream its records
// into the table builder. Every value error names the file, line and column, what was found and
// what was expected.

import Foundation

/// What reading produced: the table, what was found in each input, and warnings.
public struct IngestResult: Sendable {
  public var table: VolumeTable
  public var sources: [SourceSummary]
  public var warnings: [Warning]
  public var duplicates: [DuplicateCell]
  public var duplicateCount: Int
}

public enum Ingest {
  /// Reads files (`-` is standard input) into one table: their union.
  public static func read(paths: [String], options: IngestOptions) throws -> IngestResult {
    guard !paths.isEmpty else {
      throw ShareError.usage("no input files", hint: "name one or more CSV files, or - for standard input")
    }
    if paths.filter({ $0 == "-" }).count > 1 {
      throw ShareError.usage("standard input (-) can be read only once")
    }
    // Database sources are parsed first, files opened first, so a bad URL or a missing file is
    // reported before any work is done.
    let urls = try paths.map { SourceURL.isURL($0) ? try SourceURL($0) : nil }
    let files = paths.enumerated().filter { urls[$0.offset] == nil }.map(\.element)
    let opened = try files.map { try openInputOnce($0) }
    let streams = opened.map(\.stream)
    var builder = VolumeTableBuilder(policy: options.duplicates)
    var summaries: [SourceSummary] = []
    for url in urls.compactMap({ $0 }) {
      let source = builder.addSource(url.display)
      summaries.append(
        try EngineSource.read(url, options: options, engine: options.engine, source: source, builder: &builder))
    }
    return try read(
      streams: streams, options: options, reopen: opened.map(\.reopen), sizes: opened.map(\.size), builder: builder,
      summaries: summaries)
  }

  public static func read(streams: [ByteStream], options: IngestOptions) throws -> IngestResult {
    try read(streams: streams, options: options, reopen: streams.map { _ in nil }, sizes: streams.map { _ in nil })
  }

  static func read(
    streams: [ByteStream], options: IngestOptions, reopen: [(() throws -> ByteStream)?], sizes: [Int?],
    builder: VolumeTableBuilder? = nil, summaries: [SourceSummary] = []
  ) throws -> IngestResult {
    var builder = builder ?? VolumeTableBuilder(policy: options.duplicates)
    var summaries = summaries
    var warnings: [Warning] = []
    for (i, stream) in streams.enumerated() {
      let scanner = CSVScanner(stream: stream)
      let source = builder.addSource(stream.name)
      var reader = SourceReader(scanner: scanner, source: source, options: options)
      reader.reopen = reopen[i]
      reader.fileSize = sizes[i]
      if let progress = options.progress {
        let total = sizes[i]
        scanner.onRead = { progress(stream.name, stream.consumed, total) }
      }
      summaries.append(try reader.read(into: &builder))
      warnings += reader.warnings
    }
    try TradeOverlap.check(summaries, policy: options.duplicates)
    return IngestResult(
      table: builder.build(), sources: summaries, warnings: warnings, duplicates: builder.duplicates,
      duplicateCount: builder.duplicateCount)
  }
}

/// The size of a regular file, nil for standard input and anything else.
func fileSize(_ path: String) -> Int? {
  guard path != "-" else { return nil }
  var info = stat()
  guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
  return Int(info.st_size)
}

/// Reads one input.
struct SourceReader {
  let scanner: CSVScanner
  let source: Int32
  let options: IngestOptions
  var warnings: [Warning] = []
  /// Opens the input again from the start (files only): the parallel path reads it afresh.
  var reopen: (() throws -> ByteStream)?
  var fileSize: Int?
  private var timeFormat: TimeFormat?
  private var timeFormatLine = 0
  private var header: [String] = []

  init(scanner: CSVScanner, source: Int32, options: IngestOptions) {
    self.scanner = scanner
    self.source = source
    self.options = options
  }

  var name: String { scanner.name }

  mutating func read(into builder: inout VolumeTableBuilder) throws -> SourceSummary {
    let sample = try Sample.read(from: scanner)
    let plan = try LayoutDetector.plan(sample: sample, source: name, options: options)
    header = plan.header
    var summary = SourceSummary(
      name: name, layout: plan.layout, layoutReason: plan.reason,
      timeColumn: plan.timeIndex.map { plan.header[$0] }, categorySource: "", valueSource: "")
    if !options.filters.isEmpty && plan.layout != .long {
      throw ShareError.usage(
        "--include and --exclude select rows of long tables; \(name) is \(plan.layout.rawValue)",
        hint: plan.layout == .wide ? "to leave out columns of a wide file, map them with --map … --unmapped drop" : nil)
    }
    if let parallel = try readInParallel(plan, &builder, summary) { return parallel }
    if plan.hasHeader { _ = try scanner.next() }
    switch plan.layout {
    case .wide: try readWide(plan, &builder, &summary)
    case .long: try readLong(plan, &builder, &summary)
    case .trades: try readTrades(plan, &builder, &summary)
    case .ohlcv: try readOHLCV(plan, &builder, &summary)
    }
    summary.timeFormat = timeFormat
    if summary.rows == 0 {
      throw ShareError.data(
        "the file has a header but no data rows", at: SourceLocation(file: name),
        expected: "at least one data row")
    }
    return summary
  }

  /// Big trade files go to the parallel reader; nil when this input is not one, or when the
  /// parallel reader hands it back (quotes, CR-only line ends).
  private func readInParallel(_ plan: LayoutPlan, _ builder: inout VolumeTableBuilder, _ summary: SourceSummary) throws
    -> SourceSummary?
  {
    guard let reopen, let size = fileSize, size >= options.parallelThreshold, options.filters.isEmpty else {
      return nil
    }
    var summary = summary
    let fast: FastPlan
    switch plan.layout {
    case .trades:
      let market = MarketName(fileName: name)
      let category = try market.category(group: options.group)
      (summary.categorySource, summary.valueSource, summary.timeColumn) = describeTrades(market, category)
      fast = FastPlan(
        source: name, header: plan.header, fieldCount: 3, timeIndex: 0, categoryIndices: [], constantCategory: category,
        amountIndex: 2, priceIndex: 1, quoteUnit: options.unit == .quote)
    case .long where plan.priceIndex != nil && plan.timeIndex != nil:
      (summary.categorySource, summary.valueSource) = describeLong(plan)
      fast = FastPlan(
        source: name, header: plan.header, fieldCount: plan.header.count, timeIndex: plan.timeIndex!,
        categoryIndices: plan.categoryIndices, constantCategory: nil, amountIndex: plan.valueIndex!,
        priceIndex: plan.priceIndex!,
        quoteUnit: options.unit == .quote)
    default:
      return nil
    }
    var trial = builder
    var report: (@Sendable (Int) -> Void)? = nil
    if let progress = options.progress {
      let input = name
      report = { done in progress(input, done, size) }
    }
    guard
      let result = try ParallelIngest.read(
        stream: try reopen(), plan: fast, hasHeader: plan.hasHeader, source: source, builder: &trial, summary: summary,
        blockSize: options.blockSize, workers: max(1, options.workers), progress: report)
    else { return nil }
    if result.rows == 0 {
      throw ShareError.data(
        "the file has a header but no data rows", at: SourceLocation(file: name), expected: "at least one data row")
    }
    builder = trial
    return result
  }

  private func describeTrades(_ market: MarketName, _ category: String) -> (String, String, String) {
    (
      "file name: market \(market.market) (exchange \(market.exchange), quote \(market.quote)) → \(quoted(category))",
      options.unit == .quote ? "price × amount (\(market.quote))" : "amount (\(market.base))", "unixtime"
    )
  }

  private func describeLong(_ plan: LayoutPlan) -> (String, String) {
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

  private func checkWidth(_ expected: Int) throws {
    if scanner.fieldCount != expected {
      throw ShareError.data(
        "this row has \(scanner.fieldCount) field\(scanner.fieldCount == 1 ? "" : "s"), the header has \(expected)",
        at: scanner.location(), expected: "\(expected) comma-separated fields on every row",
        hint: "leave a missing value empty but keep its comma; quote fields that contain commas")
    }
  }

  private func columnName(_ index: Int) -> String? { index < header.count ? header[index] : nil }

  /// The time in field `index`, in seconds; a column must keep to one time format.
  private mutating func time(_ index: Int) throws -> Int64 {
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
          scanner.isEmpty(index) ? "empty time" : "not a time: \(found)", at: at, expected: TimeParser.expected)
      }
    }
  }

  /// The volume in field `index`: nil when empty; an error for text, NaN, ∞, overflow or a negative.
  private func volume(_ index: Int, what: String = "volume") throws -> Double? {
    if scanner.isEmpty(index) { return nil }
    let parsed = scanner.withField(index) { DecimalParser.parse($0) }
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
      throw ShareError.data(
        "not a number: \(found)", at: at, expected: DecimalParser.expected,
        hint: Sample.numericPlaceholders.contains(placeholder.headerKey)
          ? "leave a missing value as an empty cell" : nil)
    }
  }

  private var origin: CellOrigin { CellOrigin(source: source, line: Int64(scanner.recordLine)) }

  private func note(_ summary: inout SourceSummary, time: Int64) {
    summary.rows += 1
    if summary.firstTime.map({ time < $0 }) ?? true { summary.firstTime = time }
    if summary.lastTime.map({ time > $0 }) ?? true { summary.lastTime = time }
  }

  // MARK: Layouts

  private mutating func readWide(
    _ plan: LayoutPlan, _ builder: inout VolumeTableBuilder, _ summary: inout SourceSummary
  ) throws {
    let columns = plan.wideColumns
    let codes = columns.map { builder.code(for: SpreadsheetCell.unguarded(plan.header[$0].trimmed)) }
    let timeIndex = plan.timeIndex!
    let width = plan.header.count
    // A column equal to the row sum of the others (bitcoinity's TOTAL) is found while reading.
    var isRowSum = [Bool](repeating: true, count: columns.count)
    var rowSumEvidence = [Int](repeating: 0, count: columns.count)
    var values = [Double?](repeating: nil, count: columns.count)
    summary.categorySource = "columns \(columns.map { plan.header[$0] }.joined(separator: ", "))"
    summary.valueSource = "cell values"
    while try scanner.next() {
      try checkWidth(width)
      let t = try time(timeIndex)
      var total = 0.0
      var observed = 0
      for (k, column) in columns.enumerated() {
        values[k] = try volume(column)
        if let v = values[k] {
          total += v
          observed += 1
        } else {
          summary.emptyCells += 1
        }
      }
      for k in columns.indices where isRowSum[k] {
        guard let v = values[k] else { continue }
        if abs(2 * v - total) > 1e-6 * max(total, 1e-300) {
          isRowSum[k] = false
        } else if observed >= 3 && v > 0 {
          rowSumEvidence[k] += 1
        }
      }
      for k in columns.indices {
        try builder.addObservation(time: t, code: codes[k], volume: values[k], origin: origin)
      }
      note(&summary, time: t)
    }
    // Two rows of evidence, or one for a column named like a total, so a category that happens to
    // equal the others' sum once is not mistaken for a total.
    let totalNames: Set<String> = ["total", "sum", "all", "totals"]
    for k in columns.indices
    where isRowSum[k] && rowSumEvidence[k] >= (totalNames.contains(plan.header[columns[k]].headerKey) ? 1 : 2) {
      builder.removeCells(code: codes[k], source: source)
      let columnName = plan.header[columns[k]]
      summary.excludedColumns.append(columnName)
      warnings.append(
        Warning(
          "column \(quoted(columnName)) equals the sum of the other columns on every row: excluded as a total",
          at: SourceLocation(file: name, line: 1, column: columns[k] + 1)))
    }
  }

  private mutating func readLong(
    _ plan: LayoutPlan, _ builder: inout VolumeTableBuilder, _ summary: inout SourceSummary
  ) throws {
    let width = plan.header.count
    let valueIndex = plan.valueIndex!
    let categories = plan.categoryIndices
    let isTradeLog = plan.priceIndex != nil
    let priceIndex = plan.priceIndex ?? 0
    let quoteUnit = options.unit == .quote
    (summary.categorySource, summary.valueSource) = describeLong(plan)
    if let snapshot = plan.snapshotTime { summary.timeColumn = "none: dated \(dateString(seconds: snapshot))" }
    var pairKey: [UInt8] = []
    // --include/--exclude: the column's index and the wanted values as bytes.
    let keys = plan.header.map(\.headerKey)
    let filters = try options.filters.map { filter -> (index: Int, values: [[UInt8]], include: Bool) in
      guard let index = keys.firstIndex(of: filter.column.headerKey) else {
        throw ShareError.usage(
          "\(filter.include ? "--include" : "--exclude") \(filter.column): no such column in \(name)",
          hint: "its columns are \(plan.header.map { quoted($0) }.joined(separator: ", "))")
      }
      return (index, filter.values.map { Array($0.utf8) }, filter.include)
    }
    rows: while try scanner.next() {
      try checkWidth(width)
      for filter in filters {
        let matches = scanner.withField(filter.index) { field in filter.values.contains { $0.elementsEqual(field) } }
        if matches != filter.include { continue rows }
      }
      let t = try plan.timeIndex.map { try time($0) } ?? plan.snapshotTime!
      let code: Int32?
      if categories.count == 2 {
        pairKey.removeAll(keepingCapacity: true)
        scanner.withField(categories[0]) { pairKey.append(contentsOf: $0) }
        pairKey.append(UInt8(ascii: "/"))
        scanner.withField(categories[1]) { pairKey.append(contentsOf: $0) }
        code = pairKey.withUnsafeBufferPointer { builder.code(for: $0) }
      } else {
        if scanner.isEmpty(categories[0]) {
          throw ShareError.data(
            "empty category", at: scanner.location(column: categories[0] + 1, name: columnName(categories[0])),
            expected: "a category name on every row")
        }
        code = scanner.withField(categories[0]) { builder.code(for: $0) }
      }
      guard let code else {
        _ = try scanner.string(categories.count == 2 ? categories[1] : categories[0])
        throw ShareError.data("invalid UTF-8 in a category name", at: scanner.location())
      }
      if isTradeLog {
        guard let amount = try volume(valueIndex, what: "amount") else {
          throw ShareError.data(
            "empty amount", at: scanner.location(column: valueIndex + 1, name: columnName(valueIndex)),
            expected: "the amount traded on every trade row")
        }
        var v = amount
        if quoteUnit {
          guard let price = try volume(priceIndex, what: "price") else {
            throw ShareError.data(
              "empty price", at: scanner.location(column: priceIndex + 1, name: columnName(priceIndex)),
              expected: "a price on every trade row (needed for --unit quote)")
          }
          v = price * amount
        }
        builder.addEvent(day: t.floorDiv(secondsPerDay), code: code, volume: v, origin: origin)
      } else {
        let v = try volume(valueIndex)
        if v == nil { summary.emptyCells += 1 }
        try builder.addObservation(time: t, code: code, volume: v, origin: origin)
      }
      note(&summary, time: t)
    }
  }

  private mutating func readTrades(
    _ plan: LayoutPlan, _ builder: inout VolumeTableBuilder, _ summary: inout SourceSummary
  ) throws {
    let market = MarketName(fileName: name == "<stdin>" ? "stdin" : name)
    let category = try market.category(group: options.group)
    let code = builder.code(for: category)
    let quoteUnit = options.unit == .quote
    (summary.categorySource, summary.valueSource, summary.timeColumn) = describeTrades(market, category)
    while try scanner.next() {
      if scanner.fieldCount != 3 {
        throw ShareError.data(
          "this row has \(scanner.fieldCount) fields", at: scanner.location(),
          expected: "3 fields: unixtime,price,amount")
      }
      let t = try time(0)
      let price = try volume(1, what: "price")
      guard let amount = try volume(2, what: "amount"), let price else {
        throw ShareError.data(
          "empty price or amount", at: scanner.location(), expected: "unixtime,price,amount on every row")
      }
      builder.addEvent(
        day: t.floorDiv(secondsPerDay), code: code, volume: quoteUnit ? price * amount : amount, origin: origin)
      note(&summary, time: t)
    }
  }

  private mutating func readOHLCV(
    _ plan: LayoutPlan, _ builder: inout VolumeTableBuilder, _ summary: inout SourceSummary
  ) throws {
    let market = MarketName(fileName: name)
    let category = try market.category(group: options.group)
    let code = builder.code(for: category)
    let timeIndex = plan.timeIndex!
    let valueIndex = plan.valueIndex!
    let width = plan.header.count
    let numeric = plan.header.indices.filter { $0 != timeIndex }
    summary.categorySource = "file name: market \(market.market) → \(quoted(category))"
    summary.valueSource = "column \(quoted(plan.header[valueIndex]))"
    var gapLines: [Int] = []
    while try scanner.next() {
      try checkWidth(width)
      let t = try time(timeIndex)
      var allZero = true
      for column in numeric {
        if let v = try volume(column, what: "value"), v != 0 { allZero = false }
      }
      if allZero {
        // bitcoincharts feed gaps: a row of zeros means no data, not a day without trading.
        gapLines.append(scanner.recordLine)
        try builder.addObservation(time: t, code: code, volume: nil, origin: origin)
      } else {
        try builder.addObservation(time: t, code: code, volume: try volume(valueIndex), origin: origin)
      }
      note(&summary, time: t)
    }
    summary.gapRows = gapLines.count
    if !gapLines.isEmpty {
      let shown = gapLines.prefix(3).map(String.init).joined(separator: ", ")
      warnings.append(
        Warning(
          "\(gapLines.count) row\(gapLines.count == 1 ? "" : "s") with every value 0 read as missing (feed gaps), first at line\(gapLines.count == 1 ? "" : "s") \(shown)",
          at: SourceLocation(file: name)))
    }
  }
}
