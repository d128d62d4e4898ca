// JSON inputs, told apart by their shape (no layout flag): sharelens' own shares JSON, and the
// feeds analysts save from APIs (FORMATS.md): CCXT trades (objects, or freqtrade's compact lists)
// and OHLCV, CryptoCompare histoday/histohour (v1 `Data`, v2 `Data.Data`), CoinGecko exchange
// volume charts, and Bitfinex and Coinbase trades saved by hand. A gzipped file arrives here
// decompressed (GzipStream tells gzip by its bytes). Each reader is in a file of its own
// (JSONFeed+CCXT, +CryptoCompare, +CoinGecko, +Exchanges).

import Foundation

/// The JSON layouts sharelens reads.
enum JSONFeed: Sendable, Equatable {
  /// sharelens' own `shares --format json` (OwnJSONReader).
  case ownShares
  /// CCXT `fetch_trades`: a list of trade objects.
  case ccxtTrades
  /// freqtrade's compact trades: `[timestamp, id, type, side, price, amount, cost]` lists.
  case ccxtTradeLists
  /// CCXT `fetch_ohlcv`: `[timestamp, open, high, low, close, volume]` lists.
  case ccxtOHLCV
  /// CryptoCompare histoday / histohour, v1 or v2.
  case cryptoCompare
  /// CoinGecko `/exchanges/{id}/volume_chart`: `[timestamp, "volume in BTC"]` pairs.
  case coinGecko
  /// Bitfinex v2 trades: `[ID, MTS, AMOUNT, PRICE]`, AMOUNT negative for a sell.
  case bitfinexTrades
  /// Coinbase Exchange trades: `{time, trade_id, price, size, side}`.
  case coinbaseTrades

  /// What an error says sharelens reads.
  static let expected: Phrase =
    "sharelens' shares JSON, CCXT trades or OHLCV, a CryptoCompare histoday/histohour answer, a CoinGecko volume chart, or Bitfinex or Coinbase trades"

  /// The feed a document that is one object is (nil for none).
  static func detect(object root: JSONNode) -> JSONFeed? {
    if root.has("buckets") { return .ownShares }
    if root.has("Response") || root.has("Data") { return .cryptoCompare }
    return nil
  }

  /// The feed a document that is one list is, judged by its first item (nil for none).
  static func detect(firstItem: JSONValue) -> JSONFeed? {
    switch firstItem {
    case .object(let fields) where fields["timestamp"] != nil && fields["amount"] != nil: return .ccxtTrades
    case .object(let fields) where fields["trade_id"] != nil && fields["size"] != nil: return .coinbaseTrades
    case .array(let fields) where fields.count == 4: return .bitfinexTrades
    case .array(let fields) where fields.count == 2: return .coinGecko
    case .array(let fields) where fields.count == 6: return .ccxtOHLCV
    case .array(let fields) where fields.count == 7: return .ccxtTradeLists
    default: return nil
    }
  }
}

/// Reads one JSON input into the table.
struct JSONFeedReader {
  let name: String
  let source: Int32
  let options: IngestOptions
  var warnings: [Warning] = []

  init(name: String, source: Int32, options: IngestOptions) {
    self.name = name
    self.source = source
    self.options = options
  }

  var file: SourceLocation { SourceLocation(file: name) }

  /// Reads the JSON input `scanner` is at: a list item by item, an object whole.
  mutating func read(_ scanner: CSVScanner, into builder: inout VolumeTableBuilder) throws -> SourceSummary {
    guard try scanner.startsWithJSONList() else { return try read(object: try scanner.remainingBytes(), &builder) }
    var items = try JSONItems(scanner: scanner, file: name)
    guard let first = try items.first() else {
      throw ShareError.data("the JSON list is empty", at: file, expected: JSONFeed.expected)
    }
    guard let feed = JSONFeed.detect(firstItem: first.value) else {
      throw ShareError.data(
        "JSON of a shape sharelens does not read (\(first.shown) first)", at: file, expected: JSONFeed.expected,
        hint: "other JSON needs converting to CSV")
    }
    try refuseFilters()
    switch feed {
    case .ccxtTrades: return try readCCXTTrades(&items, &builder)
    case .ccxtTradeLists: return try readCCXTTradeLists(&items, &builder)
    case .ccxtOHLCV: return try readCCXTOHLCV(&items, &builder)
    case .coinGecko: return try readCoinGecko(&items, &builder)
    case .bitfinexTrades: return try readBitfinexTrades(&items, &builder)
    case .coinbaseTrades: return try readCoinbaseTrades(&items, &builder)
    case .ownShares, .cryptoCompare: preconditionFailure("\(feed) is an object, never a list")
    }
  }

  private mutating func read(object bytes: [UInt8], _ builder: inout VolumeTableBuilder) throws -> SourceSummary {
    let value: JSONValue
    do {
      value = try JSONValue.parse(bytes)
    } catch {
      throw Self.notJSON(error.message, file: name, line: error.line, column: error.column)
    }
    let root = JSONNode(root: value, file: name)
    guard let feed = JSONFeed.detect(object: root) else {
      throw ShareError.data(
        "JSON without \"buckets\" (sharelens' shares JSON) or \"Data\" (CryptoCompare)", at: file,
        expected: JSONFeed.expected, hint: "other JSON needs converting to CSV")
    }
    guard feed == .cryptoCompare else {
      let (summary, warning) = try OwnJSONReader.read(
        bytes, name: name, source: source, options: options, builder: &builder)
      warnings += warning.map { [$0] } ?? []
      return summary
    }
    try refuseFilters()
    return try readCryptoCompare(root, &builder)
  }

  /// A JSON syntax error, placed by line and column.
  static func notJSON(_ message: String, file: String, line: Int, column: Int) -> ShareError {
    ShareError.data(
      "not valid JSON: \(message)", at: SourceLocation(file: file, line: line, column: column),
      expected: JSONFeed.expected, hint: "a file cut short (an interrupted download) is not valid JSON either")
  }

  private func refuseFilters() throws {
    guard !options.filters.isEmpty else { return }
    throw ShareError.request(
      "\(setting: .include) and \(setting: .exclude) select rows of long tables and columns of wide ones; \(name) is one market's JSON feed"
    )
  }

  // MARK: What every feed reader shares

  /// The file's market: its name and folders, with what the file itself says (`fromFile`) laid
  /// over them, and the user's markets table over both.
  func market(fromFile: Market = .unknown, symbol: String? = nil, convention: String? = nil) -> MarketName {
    var described = FileMarket(path: name == "<stdin>" ? "stdin" : name)
    described.market = fromFile.filled(from: described.market)
    if let symbol { described.symbol = symbol }
    if let convention {
      described.convention = [convention, described.convention].compactMap { $0 }.joined(separator: ", ")
    }
    return MarketName(file: options.markets?.applied(to: described) ?? described)
  }

  /// The summary every feed starts from: a single-market file's layout, market and unit.
  func summary(_ layout: Layout, _ feed: Phrase, _ market: MarketName, unit: String?, time: String) -> SourceSummary {
    var summary = SourceSummary(
      name: name, layout: layout, layoutReason: "detected: \(feed)", timeColumn: time, categorySource: "",
      valueSource: "")
    summary.market = market.file.market
    summary.volumeUnit = unit
    return summary
  }

  /// Refuses the quote unit for a feed whose file holds no quote volume.
  func refuseQuoteUnit(_ feed: String, holds: String) throws {
    guard options.unit == .quote else { return }
    throw ShareError.request(
      "\(name) is \(feed): it holds \(holds), no quote volume, so \(setting: .unit, "quote") cannot be read from it",
      hint: "read it in base units (the default), or use a file with quote volumes")
  }

  /// Where a value came from: for a JSON input the item's number in its list (1 for the first).
  func origin(_ index: Int) -> CellOrigin { CellOrigin(source: source, line: Int64(index + 1)) }

  /// A bar at a time an earlier bar of the file had: named by both JSON paths (the table's own
  /// message would give item numbers as if they were lines). `--duplicates sum|last` accept it.
  func checkRepeat(_ seen: inout [Int64: String], time: Int64, at node: JSONNode) throws {
    guard options.duplicates == .error else { return }
    if let first = seen[time] {
      throw ShareError.data(
        "\(dateTimeLabel(time)) appears twice: at \(first) and at \(node.path)", at: file,
        expected: "one bar per time",
        hint:
          "\(setting: .duplicates, "sum") adds repeated values up, \(setting: .duplicates, "last") keeps the later one"
      )
    }
    seen[time] = node.path
  }

  func note(_ summary: inout SourceSummary, time: Int64) {
    summary.rows += 1
    if summary.firstTime.map({ time < $0.seconds }) ?? true { summary.firstTime = UnixTime(seconds: time) }
    if summary.lastTime.map({ time > $0.seconds }) ?? true { summary.lastTime = UnixTime(seconds: time) }
  }

  /// Bars whose every value is 0 are feed gaps (CryptoCompare's days before a pair listed), read
  /// as missing with one warning, as for OHLCV CSV files.
  mutating func warnGaps(_ gaps: [String]) {
    guard !gaps.isEmpty else { return }
    let shown = gaps.prefix(3).joined(separator: ", ")
    warnings.append(
      Warning(
        .feedGapRows,
        "\(gaps.count) bar\(gaps.count == 1 ? "" : "s") with every value 0 read as missing (feed gaps), first at \(shown)",
        at: file))
  }
}

extension MarketName {
  /// A single-market file's identity from a market already worked out.
  init(file: FileMarket) {
    self.file = file
    market = file.stem
  }
}
