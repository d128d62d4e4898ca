// A category's share series at the data's own resolution (daily for daily data): the input of
// the period tests, break dating and trends. Days where the category is missing are left out;
// days before it started or after it ended are 0 (the span rule of Shares).

import ShareData

public struct ShareSeries: Sendable {
  public var category: String
  /// Bucket start days, ascending.
  public var days: [Int64]
  /// Share (fraction) on each day.
  public var shares: [Double]
  /// Whether each day lies inside the category's span (observed range).
  public var inSpan: [Bool]

  public var count: Int { days.count }

  /// The series of `category` in a breakdown.
  public init(_ breakdown: ShareBreakdown, category: String) throws {
    guard let c = breakdown.categories.firstIndex(of: category) else {
      let known = breakdown.categories.prefix(12).map { quoted($0) }.joined(separator: ", ")
      throw ShareError.request(
        "unknown category \(quoted(category))",
        hint: "the categories are \(known)\(breakdown.categories.count > 12 ? ", …" : "")")
    }
    self.category = category
    days = []
    shares = []
    inSpan = []
    let span = breakdown.spans[c]
    for bucket in breakdown.buckets {
      guard let share = bucket.shares[c] else { continue }
      days.append(bucket.startDay)
      shares.append(share)
      inSpan.append(span.map { $0.contains(bucket.startDay) } ?? false)
    }
  }
}

extension Array where Element == BucketShares {
  /// The buckets starting within [from, to] (day numbers, inclusive).
  func within(_ from: Int64, _ to: Int64) -> ArraySlice<BucketShares> {
    let lo = firstIndex { $0.startDay >= from } ?? count
    let hi = lastIndex { $0.startDay <= to }.map { $0 + 1 } ?? lo
    return self[lo..<Swift.max(lo, hi)]
  }
}
