// Binance public-data files (data.binance.vision; FORMATS.md): trades, aggTrades and klines of
// spot, USDⓈ-M (UM) and COIN-M (CM) markets, headerless (spot always, futures before mid-2022) or
// with a header (futures since). They are told by their content: a header with Binance's column
// names, or a first row of exactly the shape of one file kind (numbers, integer times, `True`/`true`
// flags where Binance writes them). The market comes from the name and folders (FileMarket).

/// The three kinds of file in Binance's public data.
enum BinanceKind: String, Sendable {
  case trades
  case aggTrades
  case klines
}

/// What a file's columns alone say of its market.
enum BinanceVenue: Sendable, Equatable {
  /// Spot files carry an `isBestMatch` flag futures files lack.
  case spot
  /// Futures trades with a header name their fourth column `quote_qty` (UM) or `base_qty` (CM).
  case usdMargined
  case coinMargined
  /// Futures, UM or CM not said (headerless futures trades, aggTrades).
  case futures
  /// Klines look the same everywhere.
  case unsaid
}

/// One shape of Binance file: its columns, by position.
struct BinanceLayout: Sendable, Equatable {
  var kind: BinanceKind
  var venue: BinanceVenue
  var hasHeader: Bool
  /// The names Binance gives the columns (the file's own header when it has one).
  var columns: [String]
  var timeIndex: Int
  var booleanIndices: [Int]
  /// Columns holding integer times (klines: open and close time).
  var integerTimeIndices: [Int]

  var fieldCount: Int { columns.count }

  /// The shapes, with the header names each position accepts (lower case, underscores removed).
  static let shapes: [(BinanceLayout, [[String]])] = [
    (
      shape(.trades, .spot, ["id", "price", "qty", "quoteQty", "time", "isBuyerMaker", "isBestMatch"], time: 4),
      [["id"], ["price"], ["qty"], ["quoteqty"], ["time"], ["isbuyermaker"], ["isbestmatch"]]
    ),
    (
      shape(.trades, .futures, ["id", "price", "qty", "quote_qty", "time", "is_buyer_maker"], time: 4),
      [["id"], ["price"], ["qty"], ["quoteqty", "baseqty"], ["time"], ["isbuyermaker"]]
    ),
    (
      shape(
        .aggTrades, .spot,
        ["agg_id", "price", "qty", "first_id", "last_id", "timestamp", "is_buyer_maker", "is_best_match"], time: 5),
      aggNames + [["isbestmatch"]]
    ),
    (
      shape(
        .aggTrades, .futures,
        ["agg_trade_id", "price", "quantity", "first_trade_id", "last_trade_id", "transact_time", "is_buyer_maker"],
        time: 5),
      aggNames
    ),
    (
      BinanceLayout(
        kind: .klines, venue: .unsaid, hasHeader: false,
        columns: [
          "open_time", "open", "high", "low", "close", "volume", "close_time", "quote_volume", "count",
          "taker_buy_volume", "taker_buy_quote_volume", "ignore",
        ], timeIndex: 0, booleanIndices: [], integerTimeIndices: [0, 6]),
      [
        ["opentime"], ["open"], ["high"], ["low"], ["close"], ["volume"], ["closetime"],
        ["quotevolume", "quoteassetvolume"], ["count", "numberoftrades"],
        ["takerbuyvolume", "takerbuybasevolume", "takerbuybaseassetvolume"],
        ["takerbuyquotevolume", "takerbuyquoteassetvolume"], ["ignore"],
      ]
    ),
  ]

  private static let aggNames: [[String]] = [
    ["aggid", "aggtradeid"], ["price"], ["qty", "quantity"], ["firstid", "firsttradeid"], ["lastid", "lasttradeid"],
    ["timestamp", "transacttime"], ["isbuyermaker"],
  ]

  private static func shape(_ kind: BinanceKind, _ venue: BinanceVenue, _ columns: [String], time: Int)
    -> BinanceLayout
  {
    let flags = columns.indices.filter { columns[$0].lowercased().hasPrefix("is") }
    return BinanceLayout(
      kind: kind, venue: venue, hasHeader: false, columns: columns, timeIndex: time, booleanIndices: flags,
      integerTimeIndices: [time])
  }

  /// The Binance layout of a file whose first record is `first`; nil when it is not one.
  static func detect(_ first: [String]) -> BinanceLayout? {
    let keys = first.map { $0.headerKey.replacingOccurrences(of: "_", with: "") }
    for (shape, names) in shapes where names.count == first.count {
      if zip(keys, names).allSatisfy({ $1.contains($0) }) {
        var layout = shape
        layout.hasHeader = true
        layout.columns = first.map(\.trimmed)
        if layout.kind == .trades && layout.venue == .futures {
          layout.venue = keys[3] == "baseqty" ? .coinMargined : .usdMargined
        }
        return layout
      }
      if shape.fits(first) { return shape }
    }
    return nil
  }

  /// Whether a headerless row has this shape: flags where the flags are, integer times where the
  /// times are, numbers elsewhere.
  func fits(_ row: [String]) -> Bool {
    guard row.count == fieldCount else { return false }
    for (index, field) in row.enumerated() {
      if booleanIndices.contains(index) {
        guard BinanceLayout.boolean(field) != nil else { return false }
      } else if integerTimeIndices.contains(index) {
        guard EpochTime.seconds(field.trimmed) != nil else { return false }
      } else if (try? DecimalParser.parse(field).get()) == nil {
        return false
      }
    }
    return true
  }

  /// `True`/`False` (spot) or `true`/`false` (futures).
  static func boolean(_ text: String) -> Bool? {
    switch text.trimmed {
    case "True", "true": return true
    case "False", "false": return false
    default: return nil
    }
  }

  /// The same test on a field's bytes, without making a String (every row's flags pass here).
  static func isFlag(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    switch bytes.count {
    case 4: return (bytes[0] == 0x54 || bytes[0] == 0x74) && bytes[1] == 0x72 && bytes[2] == 0x75 && bytes[3] == 0x65
    case 5:
      return (bytes[0] == 0x46 || bytes[0] == 0x66) && bytes[1] == 0x61 && bytes[2] == 0x6C && bytes[3] == 0x73
        && bytes[4] == 0x65
    default: return false
    }
  }

  /// The reading plan: trades and aggTrades are trade logs of one market, klines its bars.
  var plan: LayoutPlan {
    var plan = LayoutPlan(
      layout: kind == .klines ? .ohlcv : .trades, reason: "detected: \(described)", hasHeader: hasHeader,
      header: columns, timeIndex: timeIndex)
    plan.binance = self
    return plan
  }

  /// How `inspect` names this file kind.
  var described: String {
    let venueWord: String
    switch venue {
    case .spot: venueWord = "spot "
    case .usdMargined: venueWord = "USDⓈ-M "
    case .coinMargined: venueWord = "COIN-M "
    case .futures: venueWord = "futures "
    case .unsaid: venueWord = ""
    }
    return "Binance \(venueWord)\(kind.rawValue) (\(hasHeader ? "with a header" : "headerless"))"
  }
}
