// Which column is the time, the volume, the price and the category. Files and database tables
// follow the same rules, so a table gives the same answer whether it is exported to CSV or
// queried in place: names decide first (`time`, `volume`, `price`, …), then what the values look
// like (dates, numbers, text). A file judges values from a sample of rows, a database from the
// column types.

/// One column as the role rules see it.
struct ColumnTraits: Sendable {
  var name: String
  /// Holds numbers (a volume or price can be here).
  var isNumeric: Bool
  /// Holds text (a category can be here).
  var isText: Bool
  /// Holds dates or date-times (a time can be here, when no column is named as one).
  var looksLikeTime: Bool

  var key: String { name.headerKey }
}

enum ColumnRoles {
  static let timeNames: Set<String> = [
    "time", "date", "timestamp", "datetime", "date_time", "day", "ts", "unixtime", "unix_time", "time_utc",
    "date_utc", "period",
  ]
  static let valueNames: Set<String> = [
    "volume", "amount", "value", "qty", "quantity", "size", "base_volume", "volume_base", "vol",
  ]
  /// The amount column of a trade log (its rows are single trades, with a price).
  static let amountNames: Set<String> = ["amount", "qty", "quantity", "size"]
  static let priceName = "price"

  /// The time column: the first named as one, else the first whose values are dates.
  static func time(_ columns: [ColumnTraits]) -> Int? {
    columns.firstIndex { timeNames.contains($0.key) } ?? columns.firstIndex(where: \.looksLikeTime)
  }

  /// What the volume column is among `candidates` (the columns that are not the time).
  enum ValueChoice: Equatable {
    /// A trade log: the amount, with the price beside it.
    case trades(amount: Int, price: Int)
    case column(Int)
    /// Several numeric columns, none clearly the volume.
    case ambiguous([Int])
    /// No numeric column at all.
    case none
  }

  static func value(_ columns: [ColumnTraits], among candidates: [Int]) -> ValueChoice {
    let numeric = candidates.filter { columns[$0].isNumeric }
    if let amount = amountColumn(columns), let price = priceColumn(columns), numeric.contains(amount),
      numeric.contains(price)
    {
      return .trades(amount: amount, price: price)
    }
    let named = numeric.filter { isValueName(columns[$0].key) }
    if named.count == 1 { return .column(named[0]) }
    if numeric.count == 1 { return .column(numeric[0]) }
    if numeric.isEmpty { return .none }
    return .ambiguous(named.isEmpty ? numeric : named)
  }

  static func amountColumn(_ columns: [ColumnTraits]) -> Int? { columns.firstIndex { amountNames.contains($0.key) } }

  static func priceColumn(_ columns: [ColumnTraits]) -> Int? { columns.firstIndex { $0.key == priceName } }

  /// A volume by its name: listed, or `volume…`, but never a percentage or a share of something.
  static func isValueName(_ key: String) -> Bool {
    (valueNames.contains(key) || key.hasPrefix("volume"))
      && !key.contains("percent") && !key.contains("share") && !key.contains("pct")
  }

  /// The category column when none is named: the first text column that has no other role.
  static func category(_ columns: [ColumnTraits], excluding taken: [Int?]) -> Int? {
    columns.indices.first { columns[$0].isText && !taken.contains($0) }
  }
}
