// Trade logs whose rows name their own market (FORMATS.md, "Tardis.dev" and "Kaiko"): Tardis'
// `exchange,symbol,timestamp,local_timestamp,id,side,price,amount` (µs) and Kaiko's
// `id,exchange,symbol,date,price,amount,sell` (ms). Both are told by their header alone: the names
// are the vendors' own and no other format shares them. The plan is a plain struct of column
// positions and the time unit, so a block reader can take it as it is.

/// Whose trade log a file is.
enum TradeVendor: String, Sendable, Equatable {
  case tardis = "Tardis"
  case kaiko = "Kaiko"
}

/// The columns of a vendor's trade log, by position, and the unit its times are written in.
struct VendorTradeColumns: Sendable, Equatable {
  var vendor: TradeVendor
  /// The file's own header.
  var columns: [String]
  var exchangeIndex: Int
  var symbolIndex: Int
  /// The trade's time (Tardis: the exchange's `timestamp`; Kaiko: `date`): days are cut by it.
  var timeIndex: Int
  /// Other integer times checked for their shape but not used (Tardis' `local_timestamp`).
  var otherTimeIndices: [Int]
  /// Every time in the file is in this unit (Tardis µs, Kaiko ms); another magnitude is an error.
  var timeUnit: EpochUnit
  var priceIndex: Int
  var amountIndex: Int
  /// A true/false column checked for its shape (Kaiko's `sell`).
  var flagIndex: Int?

  var fieldCount: Int { columns.count }

  static let tardisHeader = ["exchange", "symbol", "timestamp", "local_timestamp", "id", "side", "price", "amount"]
  static let kaikoHeader = ["id", "exchange", "symbol", "date", "price", "amount", "sell"]

  /// The vendor layout whose header is `first`; nil for any other first record.
  static func detect(_ first: [String]) -> VendorTradeColumns? {
    let keys = first.map(\.headerKey)
    if keys == tardisHeader {
      return VendorTradeColumns(
        vendor: .tardis, columns: first.map(\.trimmed), exchangeIndex: 0, symbolIndex: 1, timeIndex: 2,
        otherTimeIndices: [3], timeUnit: .microseconds, priceIndex: 6, amountIndex: 7, flagIndex: nil)
    }
    if keys == kaikoHeader {
      return VendorTradeColumns(
        vendor: .kaiko, columns: first.map(\.trimmed), exchangeIndex: 1, symbolIndex: 2, timeIndex: 3,
        otherTimeIndices: [], timeUnit: .milliseconds, priceIndex: 4, amountIndex: 5, flagIndex: 6)
    }
    return nil
  }

  /// How `inspect` names the file kind.
  var described: String { "\(vendor.rawValue) trades (\(columns.joined(separator: ",")))" }

  /// The reading plan: a trade log, its header skipped, its rows read by SourceReader+VendorTrades.
  var plan: LayoutPlan {
    var plan = LayoutPlan(
      layout: .trades, reason: "detected: \(described)", hasHeader: true, header: columns, timeIndex: timeIndex)
    plan.vendorTrades = self
    return plan
  }

  /// What an integer time in this file's unit looks like, for errors.
  var expectedTime: String {
    switch timeUnit {
    case .microseconds: return "an integer time in microseconds since 1970 (16 digits), as Tardis writes them"
    case .milliseconds: return "an integer time in milliseconds since 1970 (13 digits), as Kaiko writes them"
    default: return "an integer time in \(timeUnit.rawValue) since 1970"
    }
  }
}
