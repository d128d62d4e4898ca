// Concentration in every bucket of a share table, knowing what the categories are: a catch-all
// ("others") is unknown small firms, not one firm, so the HHI is given as bounds and CR1 names a
// real leader; the merger-guideline bands apply only when the categories are firms; and the
// movement between buckets (instability, rank mobility) and, under a map, the entropy split.

import ShareData

/// What the categories of a concentration analysis are.
public enum ConcentrationUnits: Sendable, Equatable {
  /// Firms (exchanges): the merger-guideline bands apply.
  case firms
  /// Something else (currencies, pairs, a map's groups); `reason` says why the bands do not apply.
  case notFirms(reason: String)

  public var areFirms: Bool { self == .firms }

  /// Why the bands do not apply; nil for firms.
  public var reason: String? {
    if case .notFirms(let reason) = self { return reason }
    return nil
  }
}

/// The categories a map grouped, for the entropy split: their shares per bucket and their groups.
public struct ConcentrationMembers: Sendable {
  public var breakdown: ShareBreakdown
  /// The group (a category of the mapped table) of each of `breakdown.categories`; nil for a
  /// member the map leaves out.
  public var group: [String?]

  public init(breakdown: ShareBreakdown, group: [String?]) {
    self.breakdown = breakdown
    self.group = group
  }
}

/// Concentration in every bucket of a share table.
public struct ConcentrationSeries: Sendable {
  public struct Row: Sendable {
    public var bucket: BucketShares
    public var measures: ConcentrationMeasures?
    /// The band of `hhi` (the catch-all as one firm); nil when the categories are not firms
    /// (`ConcentrationSeries.units`).
    public var band: ConcentrationBand?
    /// The band of `hhiAtomistic`: with a catch-all the HHI is a range, and it can straddle a threshold.
    public var bandAtomistic: ConcentrationBand?
    /// Hymer–Pashigian instability against the previous bucket (nil for the first).
    public var instability: Double?
    /// Spearman rank correlation of the shares with the previous bucket's.
    public var rankCorrelation: Double?
    /// The entropy of the members split by group (only with `ConcentrationMembers`).
    public var entropySplit: EntropySplit?
    /// The bucket's HHI from its own days with a bootstrap interval (`addIntervals`).
    public var interval: PeriodConcentration?
  }

  public var every: Every
  public var bands: ConcentrationBands
  public var categories: [String]
  /// The catch-all category treated as unknown small firms, if any.
  public var catchAll: String?
  public var units: ConcentrationUnits
  public var rows: [Row]
  /// The whole range's concentration with its bootstrap interval, where computed.
  public var period: PeriodConcentration?

  /// `catchAll` names the catch-all (default: the data's own, `CategoryFold.catchAll`).
  public init(
    _ breakdown: ShareBreakdown, bands: ConcentrationBands = .guidelines2023, catchAll: String? = nil,
    units: ConcentrationUnits = .firms, members: ConcentrationMembers? = nil
  ) {
    every = breakdown.every
    self.bands = bands
    categories = breakdown.categories
    let catchAll = catchAll ?? CategoryFold.catchAll(in: breakdown.categories)
    self.catchAll = catchAll
    self.units = units
    let index = catchAll.flatMap { breakdown.categories.firstIndex(of: $0) }
    let memberBuckets = Dictionary(
      (members?.breakdown.buckets ?? []).map { ($0.startDay, $0) }, uniquingKeysWith: { first, _ in first })
    var rows: [Row] = []
    for bucket in breakdown.buckets {
      let measures = ConcentrationMeasures(
        shares: bucket.shares, observed: bucket.states.map { $0 == .observed }, catchAll: index)
      var row = Row(
        bucket: bucket, measures: measures, band: units.areFirms ? measures.map { bands.band(hhi: $0.hhi) } : nil,
        bandAtomistic: units.areFirms ? measures.map { bands.band(hhi: $0.hhiAtomistic) } : nil)
      if let previous = rows.last {
        row.instability = ConcentrationDynamics.instability(previous.bucket.shares, bucket.shares)
        row.rankCorrelation = ConcentrationDynamics.rankCorrelation(previous.bucket.shares, bucket.shares)
      }
      if let members, let inner = memberBuckets[bucket.startDay] {
        let kept = zip(inner.shares, members.group).map { s, g in g == nil ? nil : s }
        row.entropySplit = EntropySplit(shares: kept, group: members.group.map { $0 ?? "" })
      }
      rows.append(row)
    }
    self.rows = rows
  }

  /// Gives every bucket its HHI interval: a moving-block bootstrap over the bucket's own days
  /// (`daily`, the same categories at the data's own resolution), seeded with `seed` + the bucket's
  /// position so buckets do not share draws.
  public mutating func addIntervals(daily: ShareBreakdown, resamples: Int, seed: UInt) throws {
    let days = daily.buckets
    var from = days.startIndex
    for i in rows.indices {
      let bucket = rows[i].bucket
      while from < days.endIndex && days[from].startDay < bucket.startDay { from += 1 }
      var to = from
      while to < days.endIndex && days[to].startDay < bucket.endDay { to += 1 }
      rows[i].interval = try PeriodConcentration(
        days: days[from..<to], categories: daily.categories, catchAll: catchAll, resamples: resamples,
        seed: seed &+ UInt(i))
      from = to
    }
  }

  /// The leader's name in `row` (the largest category that is not the catch-all).
  public func leader(_ row: Row) -> String? {
    row.measures?.leader.map { categories[$0] }
  }
}
