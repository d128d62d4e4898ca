// The choices that turn a volume table into shares: bucket width, date range, weighting, and how
// a category is treated before it starts or after it ends.

import ShareData

/// How a bucket's share is formed from the finer observations inside it.
public enum Weighting: String, CaseIterable, Sendable {
  /// The category's volume in the bucket over the bucket's total volume.
  case volume
  /// The mean of the category's shares at the data's own resolution inside the bucket (each day
  /// counts the same, whatever its volume).
  case equal
}

/// How a category counts in buckets outside its span (before its first or after its last
/// observation anywhere in the input).
public enum AbsentPolicy: String, CaseIterable, Sendable {
  /// It had not started or had ended: volume 0, share 0 (BTC/CNY after the 2017 closures).
  case zero
  /// Unknown, like a gap inside the span: share null.
  case missing
}

/// How a bucket coarser than the data treats the days (the data's own steps) on which a category
/// that exists then has no value. Counting them as zero understated BTCNCNY in May 2016 a hundredfold
/// (0.02% against 1.94% for the same venue in another feed, with 25 of 31 days missing).
public enum GapPolicy: String, CaseIterable, Sendable {
  /// Shares use only the days on which every category observed in the bucket (and inside its span
  /// that day) has a value; the days left out are counted.
  case align
  /// Each category's volume is divided by its day coverage (its days with data over its active
  /// days), as if the missing days were like the observed ones. Equal weighting is unchanged.
  case scale
  /// Missing days add nothing: the behaviour before gaps were handled.
  case ignore
}

public struct ShareOptions: Sendable {
  /// Bucket width; nil means the data's own resolution.
  public var every: Every?
  /// First day included, nil for the start of the data.
  public var firstDay: Day?
  /// Last day included, nil for the end of the data.
  public var lastDay: Day?
  public var weighting: Weighting
  /// Keep the N categories with the most volume in the range, fold the rest into "Other".
  public var top: Int?
  public var absent: AbsentPolicy
  public var gaps: GapPolicy
  /// Keep buckets inside the range that have no data at all, with null values (the default); the
  /// period statistics, which count days, turn it off.
  public var keepsEmptyBuckets = true

  public init(
    every: Every? = nil, firstDay: Day? = nil, lastDay: Day? = nil, weighting: Weighting = .volume,
    top: Int? = nil, absent: AbsentPolicy = .zero, gaps: GapPolicy = .align
  ) {
    self.every = every
    self.firstDay = firstDay
    self.lastDay = lastDay
    self.weighting = weighting
    self.top = top
    self.absent = absent
    self.gaps = gaps
  }

  /// The cells a big long table may be summed into as it is read (`IngestOptions.seriesBucket`)
  /// for these shares: a day's sums for volume weighting (day coverage and gap alignment ask which
  /// categories have data on which day, which a coarser bucket's sum no longer tells), nil for
  /// equal weighting (it averages the shares at each time).
  public var seriesBucket: Every? { weighting == .volume ? .day : nil }
}
