// The whole range's HHI with a moving-block bootstrap interval over days. Days are resampled in
// blocks (Künsch 1989) of the Politis–White length (`PeriodDays.defaultBlock`, the largest over the
// categories' linearised volume series), so the persistence of daily volumes widens the interval
// as it should; the same resampled days serve every category, so each replicate is a market.

import ShareData

/// One range's concentration from its daily volumes, with the bootstrap's interval.
public struct PeriodConcentration: Sendable {
  public var first: CivilDate
  public var last: CivilDate
  public var days: Int
  /// Volume-weighted over the range.
  public var measures: ConcentrationMeasures
  /// 95% percentile intervals of `hhi` and `hhiAtomistic`; nil without resamples, or with one day.
  public var hhiCI95: ClosedRange<Double>?
  public var hhiAtomisticCI95: ClosedRange<Double>?
  public var resamples: Int
  public var blockLength: Int
  public var blockRule: BlockRule
  public var seed: UInt
  /// Replicates with a zero total (no HHI), left out of the intervals.
  public var undefinedResamples: Int

  /// From `daily` (a breakdown at the data's own resolution); nil without a day of volume.
  /// `catchAll` as in `ConcentrationMeasures`.
  public init?(daily: ShareBreakdown, catchAll: String?, resamples: Int, seed: UInt) throws {
    try self.init(
      days: daily.buckets[...], categories: daily.categories, catchAll: catchAll, resamples: resamples, seed: seed)
  }

  /// From the days `buckets` (at the data's own resolution) of a breakdown over `categories`.
  public init?(
    days buckets: ArraySlice<BucketShares>, categories: [String], catchAll: String?, resamples: Int, seed: UInt
  ) throws {
    guard let start = buckets.first, let end = buckets.last else { return nil }
    let k = categories.count
    var days = PeriodDays(volumes: Array(repeating: [], count: k), totals: [], shares: Array(repeating: [], count: k))
    for bucket in buckets {
      days.totals.append(bucket.total ?? 0)
      for c in 0..<k { days.volumes[c].append(bucket.volumes[c] ?? 0) }
    }
    let index = catchAll.flatMap { categories.firstIndex(of: $0) }
    let all = Array(0..<days.count)
    var shares = [Double?](repeating: nil, count: k)
    days.estimates(at: all, weighting: .volume, into: &shares)
    let observed = (0..<k).map { c in buckets.contains { $0.states[c] == .observed } }
    guard let measures = ConcentrationMeasures(shares: shares, observed: observed, catchAll: index) else { return nil }
    first = start.startDate
    last = end.lastDate
    self.days = days.count
    self.measures = measures
    self.resamples = resamples
    self.seed = seed
    if let block = days.politisWhiteBlock(.volume) {
      (blockLength, blockRule) = (block, .politisWhite)
    } else {
      (blockLength, blockRule) = (BlockBootstrap.defaultBlock(count: days.count), .cubeRoot)
    }
    var upper: [Double] = []
    var lower: [Double] = []
    // One day has nothing to resample: no interval rather than a point.
    if resamples >= 2 && days.count >= 2 {
      let random = RandomSource(seed: seed)
      var resampled = [Int](repeating: 0, count: days.count)
      for _ in 0..<resamples {
        BlockBootstrap.resample(into: &resampled, block: blockLength, random: random)
        days.estimates(at: resampled, weighting: .volume, into: &shares)
        guard let m = ConcentrationMeasures(shares: shares, observed: observed, catchAll: index) else { continue }
        upper.append(m.hhi)
        lower.append(m.hhiAtomistic)
      }
    }
    undefinedResamples = resamples >= 2 && days.count >= 2 ? resamples - upper.count : 0
    hhiCI95 = try Self.interval(upper)
    hhiAtomisticCI95 = try Self.interval(lower)
  }

  /// The 2.5% and 97.5% points (linear interpolation, as `Quantiles.fromSorted`).
  static func interval(_ draws: [Double]) throws -> ClosedRange<Double>? {
    guard draws.count >= 2 else { return nil }
    let sorted = draws.sorted()
    return try Quantiles.fromSorted(sorted, 0.025)...Quantiles.fromSorted(sorted, 0.975)
  }
}
