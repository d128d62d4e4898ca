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
      throw Self.unknownCategory(category, known: breakdown.categories)
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

extension ShareSeries {
  /// The series cut to the category's span (its first to last observation in the data): outside it the share
  /// is a structural 0 that the logit clamps to −9.2, which makes a break at the category's end and tilts
  /// a trend. Logit analyses (trend, breaks, Chow) run on this. Unchanged when the span is not in the series.
  public func withinSpan() -> ShareSeries {
    guard let first = inSpan.firstIndex(of: true), let last = inSpan.lastIndex(of: true) else { return self }
    var cut = self
    cut.days = Array(days[first...last])
    cut.shares = Array(shares[first...last])
    cut.inSpan = Array(inSpan[first...last])
    return cut
  }

  /// The days whose share the logit clamps (below ε or above 1 − ε, ε = `LogitSeries.epsilon`).
  public var clampedDays: [Int64] {
    zip(days, shares).filter { $0.1 < LogitSeries.epsilon || $0.1 > 1 - LogitSeries.epsilon }.map(\.0)
  }

  /// A warning naming how many shares inside the window are clamped and where (the first five days), or nil.
  public var clampWarning: Warning? {
    let clamped = clampedDays
    guard !clamped.isEmpty, let first = days.first, let last = days.last else { return nil }
    let shown = clamped.prefix(5).map { CivilDate(dayNumber: $0).description }.joined(separator: ", ")
    let more = clamped.count > 5 ? " and \(clamped.count - 5) more" : ""
    return Warning(
      .clampedShares,
      "\(category): \(clamped.count) share\(clamped.count == 1 ? "" : "s") of 0 or 1 inside "
        + "\(CivilDate(dayNumber: first))..\(CivilDate(dayNumber: last)) clamped to 0.0001 or 0.9999 before the "
        + "logit, which weighs them heavily: \(shown)\(more)")
  }
}

extension ShareSeries {
  /// The one message for a category to analyse that is not in the data (trend, breaks, report):
  /// what the categories are, and that a column name belongs to the grouping, not here (asking
  /// for `exchange` here used to list categories and leave the user guessing).
  static func unknownCategory(_ asked: String, known: [String]) -> ShareError {
    let shown = known.prefix(12).map { quoted($0) }.joined(separator: ", ") + (known.count > 12 ? ", …" : "")
    return ShareError.request(
      "unknown category \(quoted(asked))",
      hint:
        "the categories are \(shown); \(setting: .focusCategory) names one of them; if \(quoted(asked)) is a column, take the categories from it with \(setting: .grouping, asked)"
    )
  }
}
