// What the trade block parser is told of a file (FastPlan) and what it hands back for a block
// (Partial): the two ends of BlockParser.parse.

/// What the parser needs to know about the columns (decided by layout detection).
struct FastPlan: Sendable {
  var source: String
  var header: [String]
  var fieldCount: Int
  /// Where the time, price and amount are, and how they make a volume.
  var columns: TradeColumns
  /// Empty for a single-market trade file: then `constantCategory` is every row's category.
  var categoryIndices: [Int]
  var constantCategory: String?
  /// A bad line hands the whole file back to its serial reader, which reports it in its own words
  /// (Binance files: their reader names Binance's columns and units).
  var handsBackErrors = false

  var timeIndex: Int { columns.time }
}

/// A block's result: its sums by (day, local category code), and what it saw.
struct Partial: Sendable {
  var dictionary = CategoryDictionary()
  var days: [Int64] = []
  var codes: [Int32] = []
  var sums: [Double] = []
  var counts: [Int64] = []
  /// Lines consumed, blank ones included (to turn a line within the block into a file line).
  var lines = 0
  var rows = 0
  var minTime = Int64.max
  var maxTime = Int64.min
  var format: TimeFormat?
  var formatLine = 0
  /// An error at a line counted from the block's first line (0-based).
  var failure: (line: Int, error: ShareError)?
  /// A quoted field or a CR on its own: the file must be read by the general scanner.
  var needsScanner = false
}
