// Kraken's downloadable OHLCVT files (support article "Downloadable historical OHLCVT"; FORMATS.md):
// zips of headerless `<PAIR>_<minutes>.csv` members, `time_s,open,high,low,close,volume,trades`,
// volume in the base asset. An interval without trades has no row at all (not a row of zeros), so
// a missing bar is a bar of no trading, and nothing is filled in. A file is told by its first row's
// shape alone: seven numbers, an integer unix time in seconds first and an integer trade count last
// (no other headerless file sharelens reads has seven columns). The pair comes from the file name
// through the market model (`XBTEUR_60` is BTC/EUR, spot; FileMarket.krakenPair).

/// A Kraken OHLCVT file: its bar length, when the file name says it.
struct KrakenOHLCVTLayout: Sendable, Equatable {
  /// Kraken's column names (the file has none).
  static let columns = ["time", "open", "high", "low", "close", "volume", "trades"]
  /// The bar lengths Kraken publishes, in minutes.
  static let intervals: Set<Int> = [1, 5, 15, 30, 60, 240, 720, 1440]

  /// The bar length in minutes from a `_<minutes>` file name ending; nil when the name has none.
  var minutes: Int?

  /// The layout of a file whose first record is `first` and whose name is `source`; nil when the
  /// record is not a Kraken OHLCVT row.
  static func detect(_ first: [String], source: String) -> KrakenOHLCVTLayout? {
    guard first.count == columns.count, let time = EpochTime.seconds(first[0].trimmed), time.unit == .seconds,
      isCount(first[6]), first[1...5].allSatisfy({ (try? DecimalParser.parse($0).get()) != nil })
    else { return nil }
    return KrakenOHLCVTLayout(minutes: minutes(inName: source))
  }

  private static func isCount(_ text: String) -> Bool {
    let text = text.trimmed
    return !text.isEmpty && text.utf8.allSatisfy { $0 &- 0x30 < 10 }
  }

  /// `XBTEUR_60` → 60: the number after the last underscore, when it is one of Kraken's intervals.
  static func minutes(inName source: String) -> Int? {
    let stem = FileMarket(path: source).stem
    guard let underscore = stem.lastIndex(of: "_"), let value = Int(stem[stem.index(after: underscore)...]),
      intervals.contains(value)
    else { return nil }
    return value
  }

  var described: String {
    "Kraken OHLCVT (headerless time,open,high,low,close,volume,trades"
      + (minutes.map { ", \($0)-minute bars" } ?? "") + ")"
  }

  var plan: LayoutPlan {
    var plan = LayoutPlan(
      layout: .ohlcv, reason: "detected: \(described)", hasHeader: false, header: Self.columns, timeIndex: 0)
    plan.valueIndex = 5
    plan.kraken = self
    return plan
  }
}

extension SourceReader {
  /// Reads the bars: each at its own time, so a bar repeated by two files is "appears twice".
  mutating func readKrakenOHLCVT(
    _ layout: KrakenOHLCVTLayout, _ builder: inout VolumeTableBuilder, _ summary: inout SourceSummary
  ) throws {
    var market = MarketName(fileName: name == "<stdin>" ? "stdin" : name, table: options.markets)
    // The pair is the category: two intervals of one pair are the same trades, and must meet as
    // "appears twice" instead of adding up under one name each.
    market.market = market.file.symbol ?? market.market
    if options.unit == .quote {
      throw ShareError.request(
        "\(setting: .unit, "quote") needs a quote volume; Kraken OHLCVT files (\(name)) hold the base volume only",
        hint: "a close × volume estimate is not the traded value; use the pair's time-and-sales file for quote units")
    }
    let category = try market.category(grouping: options.group)
    let code = builder.code(for: category)
    summary.market = market.file.market
    summary.volumeUnit = market.file.market.base
    summary.categorySource = "\(market.described) → \(quoted(category))"
    summary.valueSource = "column \"volume\" (base units, \(market.baseUnit)); no row for a bar without trades"
    summary.timeColumn = "time"
    timeFormat = .unixSeconds
    summary.barMinutes = layout.minutes
    try KrakenOHLCVTLayout.checkOneInterval(earlierInputs, summary)
    while try scanner.next() {
      guard scanner.fieldCount == KrakenOHLCVTLayout.columns.count else {
        throw ShareError.data(
          "this row has \(scanner.fieldCount) field\(scanner.fieldCount == 1 ? "" : "s")", at: scanner.location(),
          expected: "7 fields, as in \(layout.described)")
      }
      let t = try krakenTime()
      for index in 1...4 { _ = try krakenNumber(index) }
      let volume = try krakenNumber(5)
      try krakenCount()
      try builder.addObservation(time: t, code: code, volume: volume, origin: origin)
      note(&summary, time: t)
    }
  }

  private func krakenTime() throws -> Int64 {
    if let (seconds, unit) = scanner.withField(0, { EpochTime.seconds($0) }), unit == .seconds { return seconds }
    let found = scanner.withField(0) { quoted(bytes: $0) }
    throw ShareError.data(
      "not a Kraken bar time: \(found)", at: scanner.location(column: 1, name: "time"),
      expected: "an integer unix time in seconds")
  }

  private func krakenNumber(_ index: Int) throws -> Double {
    let what = KrakenOHLCVTLayout.columns[index]
    guard let value = try volume(index, what: what) else {
      throw ShareError.data(
        "empty \(what)", at: scanner.location(column: index + 1, name: what), expected: "a number in every row")
    }
    return value
  }

  private func krakenCount() throws {
    let isCount = scanner.withField(6) { bytes in !bytes.isEmpty && bytes.allSatisfy { $0 &- 0x30 < 10 } }
    guard !isCount else { return }
    let found = scanner.withField(6) { quoted(bytes: $0) }
    throw ShareError.data(
      "not a trade count: \(found)", at: scanner.location(column: 7, name: "trades"),
      expected: "a whole number of trades (0 or more)")
  }
}

extension KrakenOHLCVTLayout {
  /// Kraken's zips hold every bar length of every pair: bars of one pair at two lengths are the
  /// same trades twice, and reading the whole zip would count each pair eight times over. Checked
  /// before the file's rows, so that the user hears why, not that a bar "appears twice".
  static func checkOneInterval(_ earlier: [SourceSummary], _ summary: SourceSummary) throws {
    guard let minutes = summary.barMinutes, let pair = summary.market?.pair else { return }
    for other in earlier {
      guard let otherMinutes = other.barMinutes, otherMinutes != minutes, other.market?.pair == pair,
        other.market?.exchange == summary.market?.exchange
      else { continue }
      throw ShareError.data(
        "\(other.name) and \(summary.name) are \(pair) bars of \(otherMinutes) and \(minutes) minutes: the same trades twice",
        at: SourceLocation(file: summary.name), expected: "one bar length per pair",
        hint: "name the members of one interval only (unzip, then give the *_1440.csv files)")
    }
  }
}
