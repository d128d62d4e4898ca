// Trade dumps carry no key a repeat could be told by (a row is a time, a price and an amount, and
// two real trades can share all three), so the same dump given twice, or two dumps holding the same
// trades, used to be summed without a word. Wide and long files get "appears twice" for a repeated
// (time, category); for dumps the test is on time ranges: two dumps of one market whose trades
// overlap by more than `tolerance` are the same trades twice. Daily files whose edges overlap by a
// few seconds (a trade at 23:59:59 in both) are not.

public enum TradeOverlap {
  /// Overlaps up to this many seconds are edges, not repeats.
  public static let tolerance: Int64 = 300

  /// Throws when two trade dumps of the same market overlap in time, unless `policy` accepts
  /// repeats (sum or last: the dumps are then summed).
  public static func check(_ summaries: [SourceSummary], policy: DuplicatePolicy) throws {
    guard policy == .error else { return }
    var seen: [String: [SourceSummary]] = [:]
    for summary in summaries where summary.layout == .trades {
      guard let first = summary.firstTime, let last = summary.lastTime else { continue }
      // The stem and the market its name and folders say: Binance's spot and futures trades of one
      // day have the same file name, and are two markets.
      let stem = MarketName(fileName: summary.name == "<stdin>" ? "stdin" : summary.name).market
      let market = summary.market.map { "\(stem) (\($0))" } ?? stem
      for earlier in seen[market, default: []] {
        guard let otherFirst = earlier.firstTime, let otherLast = earlier.lastTime else { continue }
        let from = max(first, otherFirst)
        let until = min(last, otherLast)
        guard until.seconds - from.seconds > tolerance else { continue }
        throw ShareError.data(
          "\(earlier.name) and \(summary.name) both hold \(market) trades from \(from) to \(until): the same trades twice?",
          at: SourceLocation(file: summary.name), expected: "each trade in one dump only",
          hint: "give each dump once; \(setting: .duplicates, "sum") adds overlapping dumps anyway")
      }
      seen[market, default: []].append(summary)
    }
  }
}
