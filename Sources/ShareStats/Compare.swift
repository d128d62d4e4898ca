// Comparing periods: each category's share in each period, the change against a baseline period
// with tests of whether it is real, concentration per period, and who absorbed the share that moved.
// One estimand per row (`CompareOptions.weighting`): the change, its bootstrap interval and p, its
// Newey–West standard error and p all refer to it; Welch's t on the daily shares stays beside them.

import ShareData

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A labelled inclusive date range.
public struct Period: Sendable, Equatable {
  public var label: String
  public var first: Day
  public var last: Day

  public init(label: String, first: Day, last: Day) {
    self.label = label
    self.first = first
    self.last = last
  }

  public var from: CivilDate { first.date }
  public var to: CivilDate { last.date }
}

public struct CompareOptions: Sendable {
  public var periods: [Period]
  /// Index of the baseline period in `periods`.
  public var baseline: Int
  public var resamples: Int
  /// Bootstrap block length in days; nil = each period's Politis–White circular block length
  /// (`PeriodDays.defaultBlock`).
  public var block: Int?
  public var seed: UInt
  public var bands: ConcentrationBands
  /// The estimand of every row: `.volume`, the period's volume share Σv / ΣV; `.equal`, the mean of
  /// the data's own-resolution (daily) shares in the period.
  public var weighting: Weighting
  /// Whether the categories are firms: the bands apply only then (set by whoever knows how the
  /// categories were made; firms by default).
  public var units: ConcentrationUnits = .firms
  /// The catch-all category (unknown small firms), as `ConcentrationSeries`'s: nil for the data's own
  /// (`CategoryFold.catchAll`, a category named other or others, or the one `top` folds into).
  public var catchAll: String?

  public init(
    periods: [Period], baseline: Int = 0, resamples: Int = 2000, block: Int? = nil, seed: UInt = 20_170_124,
    bands: ConcentrationBands = .guidelines2023, weighting: Weighting = .volume
  ) {
    self.periods = periods
    self.baseline = baseline
    self.resamples = resamples
    self.block = block
    self.seed = seed
    self.bands = bands
    self.weighting = weighting
  }
}

/// One period's totals and concentration.
public struct PeriodSummary: Sendable {
  public var period: Period
  /// Days (own-resolution buckets) with data.
  public var days: Int
  public var total: Double
  public var concentration: ConcentrationMeasures?
  public var band: ConcentrationBand?
  /// HHI minus the baseline's (nil for the baseline).
  public var deltaHHI: Double?
  /// |ΔHHI| > 100: significant under the 2023 guidelines.
  public var deltaHHIFlagged: Bool
  /// Days per bootstrap block when resampling this period: `CompareOptions.block`, or the period's
  /// Politis–White length (`PeriodDays.defaultBlock`); nil without resamples.
  public var blockLength: Int?
  /// Where `blockLength` came from; nil without resamples.
  public var blockRule: BlockRule?
  /// Spearman's ρ of this period's volume shares with the baseline's, over the categories with a
  /// share in both (`ConcentrationDynamics.rankCorrelation`): rank mobility between the periods, as
  /// concentration's between buckets. Nil for the baseline and below 3 such categories.
  public var rankCorrelation: Double?
}

/// A category against the baseline in one other period. Δ, the interval, the HAC standard error and
/// both of their p-values refer to the comparison's estimand (`CompareOptions.weighting`).
public struct CategoryChange: Sendable {
  /// 100 · (estimate in this period − estimate in the baseline).
  public var deltaPP: Double?
  public var ratio: Double?
  public var logRatio: Double?
  /// Baseline rank minus this period's rank: positive means it moved up.
  public var rankChange: Int?
  /// Welch's t on the two periods' daily shares (their means, whatever the estimand): it assumes
  /// independent days, so it is kept for reference and never the headline.
  public var welch: WelchTest
  /// Newey–West standard error of Δ, in points, each period's with its own automatic lag (Newey &
  /// West 1994; `NeweyWest.automaticLag`): of the daily shares for the mean daily share; of the
  /// linearised z_t = (v_t − ŝ·V_t) / V̄ for the volume share ŝ (v the category's daily volume, V the
  /// day's total, V̄ its mean), whose mean's standard error is ŝ's to first order.
  public var hacSEpp: Double?
  /// The Bartlett lags of the baseline's and this period's HAC standard errors.
  public var hacLags: (Int, Int)?
  /// Two-sided normal p of Δ / HAC SE, and its log10 (exact where the p underflows to 0).
  public var pValueHAC: Double?
  public var log10PValueHAC: Double?
  public var ci95pp: (low: Double, high: Double)?
  /// The moving-block bootstrap's two-sided p, from the same draws as `ci95pp`: below 0.05 exactly
  /// when the interval leaves out 0 (`BootstrapChange`). The headline p.
  public var pValueBootstrap: Double?
  /// Every draw fell on one side of 0: `pValueBootstrap` is the bound 1 / (draws), the p is below it.
  public var pValueBootstrapIsBound = false
  /// Holm's adjustment of the headline p across the categories of this comparison.
  public var pValueAdjusted: Double?
  /// `pValueAdjusted` is set by a bootstrap p that is only a bound: the adjusted p is below it.
  public var pValueAdjustedIsBound = false
  /// Bootstrap replicates in which the estimate was undefined (counted, left out of interval and p).
  public var undefinedResamples: Int?
  /// Share of the points that moved: gainers' part of all gains (> 0), losers' part of all losses (< 0).
  public var shareOfMovedPoints: Double?
  /// Change in average daily volume: the period's volume per day minus the baseline's.
  public var dailyVolumeChange: Double?
  /// `dailyVolumeChange` over the total's change in average daily volume: negative when the
  /// category moved against the total (it grew while the total shrank), over 100% when it moved
  /// more than the total did. JSON keeps it; tables show `shareOfMovedVolume`, which reads plainly.
  public var partOfVolumeChange: Double?
  /// Share of the volume that moved, as `shareOfMovedPoints` for volume: a category whose daily
  /// volume rose gets its part of all rises (> 0), one whose volume fell its part of all falls
  /// (< 0); 0 when it did not change.
  public var shareOfMovedVolume: Double?
}

public struct CategoryComparison: Sendable {
  public var category: String
  /// Per period (same order as the periods).
  public var volume: [Double?]
  /// Volume-weighted share per period.
  public var share: [Double?]
  public var meanDailyShare: [Double?]
  /// The estimand per period: `share` or `meanDailyShare`, as `CompareOptions.weighting` chose.
  public var estimate: [Double?]
  public var rank: [Int?]
  /// Per period against the baseline; nil at the baseline's index.
  public var changes: [CategoryChange?]
}

public struct Comparison: Sendable {
  public var options: CompareOptions
  public var periods: [PeriodSummary]
  public var categories: [CategoryComparison]
  public var resolution: Every
  public var warnings: [Warning]
  /// The catch-all category the concentration measures treat as unknown small firms, if any.
  public var catchAll: String?
  /// Per period against the baseline: the change of the whole composition (`CompositionChange`); nil at
  /// the baseline and where it cannot be tested (fewer than two categories, or no more days than D − 1).
  public var compositions: [CompositionChange?] = []

  public var baseline: Period { options.periods[options.baseline] }
}

public enum Compare {
  /// Compares the periods on `table` (already mapped), with the share options' grouping and
  /// absent policy; buckets are always the data's own resolution.
  public static func run(_ table: VolumeTable, shareOptions: ShareOptions, options: CompareOptions) throws -> Comparison
  {
    try validate(options)
    var finest = shareOptions
    finest.every = table.resolution
    finest.weighting = .volume
    // Periods count their days: a day without data is no day of the period.
    finest.keepsEmptyBuckets = false
    finest.firstDay = options.periods.map(\.first).min()
    finest.lastDay = options.periods.map(\.last).max()
    let daily = try Shares.compute(table, options: finest)
    var warnings = daily.warnings.filter { $0.kind != .partialBucket }
    // Where the whole table runs, for a period without data: `daily` is cut to the periods' span.
    let dataRange = table.times.first.map {
      table.resolution.dataRange(
        firstDay: $0.floorDiv(secondsPerDay), lastDay: table.times.last!.floorDiv(secondsPerDay))
    }
    let data = try options.periods.map {
      try PeriodData(daily, period: $0, weighting: options.weighting, dataRange: dataRange, warnings: &warnings)
    }
    let rankings = data.map { ranks($0.estimate, categories: daily.categories) }
    // A named catch-all that `top` folded away leaves the fold's own (it went there).
    let catchAll =
      options.catchAll.flatMap { daily.categories.contains($0) ? $0 : nil }
      ?? CategoryFold.catchAll(in: daily.categories)
    let summaries = periodSummaries(
      data, catchAll: catchAll.flatMap { daily.categories.firstIndex(of: $0) }, options: options)
    var comparisons: [CategoryComparison] = daily.categories.indices.map { c in
      CategoryComparison(
        category: daily.categories[c], volume: data.map { $0.volume[c] }, share: data.map { $0.share[c] },
        meanDailyShare: data.map { $0.meanShare[c] }, estimate: data.map { $0.estimate[c] },
        rank: rankings.map { $0[c] }, changes: Array(repeating: nil, count: data.count))
    }
    for q in data.indices where q != options.baseline {
      let changes = try categoryChanges(
        data, baseline: options.baseline, period: q, rankings: rankings, options: options)
      for c in comparisons.indices { comparisons[c].changes[q] = changes[c] }
    }
    var comparison = Comparison(
      options: options, periods: summaries, categories: comparisons, resolution: daily.resolution, warnings: warnings,
      catchAll: catchAll)
    comparison.compositions = try data.indices.map { q in
      q == options.baseline
        ? nil
        : try CompositionChange.compare(
          data[options.baseline].buckets, data[q].buckets, categories: daily.categories)
    }
    return comparison
  }

  static func validate(_ options: CompareOptions) throws {
    guard options.periods.count >= 2 else {
      throw ShareError.request(
        "compare needs two or more \(setting: .period, "LABEL=FROM..TO")",
        hint: "e.g. \(setting: .period, "2016=2016-01-01..2016-12-31")")
    }
    let labels = options.periods.map(\.label)
    if Set(labels).count != labels.count {
      throw ShareError.request("period labels must differ: \(labels.joined(separator: ", "))")
    }
    for p in options.periods where p.first > p.last {
      throw ShareError.request("period \(p.label): \(p.from) is after \(p.to)")
    }
    guard options.resamples >= 0 else { throw ShareError.request("\(setting: .resamples) must be 0 or more") }
    if let block = options.block, block < 1 { throw ShareError.request("\(setting: .block) must be 1 or more days") }
  }
}
