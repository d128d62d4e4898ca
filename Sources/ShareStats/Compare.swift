// Comparing periods: each category's share in each period, the change against a baseline period
// with tests of whether it is real (Welch's t on daily shares, a Newey–West standard error, a
// block-bootstrap interval), concentration per period, and who absorbed the share that moved.

import ShareData

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A labelled inclusive date range.
public struct Period: Sendable, Equatable {
  public var label: String
  public var fromDay: Int64
  public var toDay: Int64

  public init(label: String, fromDay: Int64, toDay: Int64) {
    self.label = label
    self.fromDay = fromDay
    self.toDay = toDay
  }

  public var from: CivilDate { CivilDate(dayNumber: fromDay) }
  public var to: CivilDate { CivilDate(dayNumber: toDay) }
}

public struct CompareOptions: Sendable {
  public var periods: [Period]
  /// Index of the baseline period in `periods`.
  public var baseline: Int
  public var resamples: Int
  /// Bootstrap block length in days; nil = ⌈n^(1/3)⌉ per period.
  public var block: Int?
  public var seed: UInt
  public var bands: ConcentrationBands

  public init(
    periods: [Period], baseline: Int = 0, resamples: Int = 2000, block: Int? = nil, seed: UInt = 20_170_124,
    bands: ConcentrationBands = .guidelines2023
  ) {
    self.periods = periods
    self.baseline = baseline
    self.resamples = resamples
    self.block = block
    self.seed = seed
    self.bands = bands
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
}

/// A category against the baseline in one other period.
public struct CategoryChange: Sendable {
  public var deltaPP: Double?
  public var ratio: Double?
  public var logRatio: Double?
  /// Baseline rank minus this period's rank: positive means it moved up.
  public var rankChange: Int?
  public var welch: WelchTest
  /// Newey–West standard error of the difference of mean daily shares, in points.
  public var hacSEpp: Double?
  public var hacLags: (Int, Int)?
  public var ci95pp: (low: Double, high: Double)?
  /// Share of the points that moved: gainers' part of all gains (> 0), losers' part of all losses (< 0).
  public var shareOfMovedPoints: Double?
  /// Change in average daily volume, and its part of the total change in average daily volume.
  public var dailyVolumeChange: Double?
  public var partOfVolumeChange: Double?
}

public struct CategoryComparison: Sendable {
  public var category: String
  /// Per period (same order as the periods).
  public var volume: [Double?]
  public var share: [Double?]
  public var meanDailyShare: [Double?]
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

  public var baseline: Period { options.periods[options.baseline] }
}

public enum Compare {
  /// Compares the periods on `table` (already mapped), with the share options' grouping and
  /// absent policy; buckets are always the data's own resolution.
  public static func run(_ table: VolumeTable, shareOptions: ShareOptions, options: CompareOptions) throws -> Comparison
  {
    guard options.periods.count >= 2 else {
      throw ShareError.request(
        "compare needs two or more \(setting: .period, "LABEL=FROM..TO")",
        hint: "e.g. \(setting: .period, "2016=2016-01-01..2016-12-31")")
    }
    let labels = options.periods.map(\.label)
    if Set(labels).count != labels.count {
      throw ShareError.request("period labels must differ: \(labels.joined(separator: ", "))")
    }
    for p in options.periods where p.fromDay > p.toDay {
      throw ShareError.request("period \(p.label): \(p.from) is after \(p.to)")
    }
    guard options.resamples >= 0 else { throw ShareError.request("\(setting: .resamples) must be 0 or more") }
    if let block = options.block, block < 1 { throw ShareError.request("\(setting: .block) must be 1 or more days") }
    var finest = shareOptions
    finest.every = table.resolution
    finest.weighting = .volume
    finest.fromDay = options.periods.map(\.fromDay).min()
    finest.toDay = options.periods.map(\.toDay).max()
    let daily = try Shares.compute(table, options: finest)
    let k = daily.categories.count
    let b = options.baseline

    // Per period: volumes, totals, shares, daily series.
    struct PeriodData {
      var buckets: ArraySlice<BucketShares>
      var volume: [Double?]
      var total: Double
      var share: [Double?]
      var series: [[Double]]
      var days: PeriodDays
    }
    var data: [PeriodData] = []
    var warnings = daily.warnings.filter { $0.kind != .partialBucket }
    for p in options.periods {
      let buckets = daily.buckets.within(p.fromDay, p.toDay)
      if buckets.isEmpty {
        throw ShareError.request(
          "period \(p.label) (\(p.from)..\(p.to)) has no data",
          hint: "the data runs from \(daily.buckets.first!.startDate) to \(daily.buckets.last!.lastDate)")
      }
      var volume = [Double?](repeating: nil, count: k)
      var total = 0.0
      var series = [[Double]](repeating: [], count: k)
      var days = PeriodDays(volumes: Array(repeating: [], count: k), totals: [])
      for bucket in buckets {
        total += bucket.total ?? 0
        days.totals.append(bucket.total ?? 0)
        for c in 0..<k {
          if let v = bucket.volumes[c] { volume[c] = (volume[c] ?? 0) + v }
          days.volumes[c].append(bucket.volumes[c] ?? 0)
          if let s = bucket.shares[c] { series[c].append(s) }
        }
      }
      let share = volume.map { v in v.flatMap { total > 0 ? $0 / total : nil } }
      if buckets.count == 1 {
        warnings.append(
          Warning(.shortPeriod, "period \(p.label) has one \(daily.resolution.rawValue) of data: no variance, no tests")
        )
      }
      data.append(PeriodData(buckets: buckets, volume: volume, total: total, share: share, series: series, days: days))
    }

    func ranks(_ share: [Double?]) -> [Int?] {
      let order = (0..<k).filter { share[$0] != nil }.sorted {
        share[$0]! != share[$1]! ? share[$0]! > share[$1]! : daily.categories[$0] < daily.categories[$1]
      }
      var rank = [Int?](repeating: nil, count: k)
      for (i, c) in order.enumerated() { rank[c] = i + 1 }
      return rank
    }
    let rankings = data.map { ranks($0.share) }

    // Periods.
    var summaries: [PeriodSummary] = []
    for (i, p) in options.periods.enumerated() {
      let observed = (0..<k).map { c in data[i].buckets.contains { $0.states[c] == .observed } }
      let measures = ConcentrationMeasures(shares: data[i].share, observed: observed)
      summaries.append(
        PeriodSummary(
          period: p, days: data[i].buckets.count, total: data[i].total, concentration: measures,
          band: measures.map { options.bands.band(hhi: $0.hhi) }, deltaHHI: nil, deltaHHIFlagged: false))
    }
    for i in summaries.indices where i != b {
      if let h = summaries[i].concentration?.hhi, let h0 = summaries[b].concentration?.hhi {
        summaries[i].deltaHHI = h - h0
        summaries[i].deltaHHIFlagged = abs(h - h0) > ConcentrationBands.significantChange
      }
    }

    // Categories.
    var comparisons: [CategoryComparison] = try (0..<k).map { c in
      CategoryComparison(
        category: daily.categories[c], volume: data.map { $0.volume[c] }, share: data.map { $0.share[c] },
        meanDailyShare: try data.map { $0.series[c].isEmpty ? nil : try Descriptive.mean($0.series[c]) },
        rank: rankings.map { $0[c] }, changes: Array(repeating: nil, count: data.count))
    }
    for q in data.indices where q != b {
      let intervals =
        options.resamples > 0
        ? try BlockBootstrap.deltaIntervals(
          a: data[b].days, b: data[q].days, resamples: options.resamples, block: options.block,
          seed: options.seed &+ UInt(q))
        : Array(repeating: nil, count: k)
      let deltas = (0..<k).map { c in data[q].share[c].flatMap { sq in data[b].share[c].map { 100 * (sq - $0) } } }
      let gains = deltas.compactMap { $0 }.filter { $0 > 0 }.reduce(0, +)
      let losses = deltas.compactMap { $0 }.filter { $0 < 0 }.reduce(0, +)
      let daysB = Double(data[b].buckets.count)
      let daysQ = Double(data[q].buckets.count)
      let totalChange = data[q].total / daysQ - data[b].total / daysB
      for c in 0..<k {
        let sa = data[b].share[c]
        let sq = data[q].share[c]
        var change = CategoryChange(welch: try WelchTest(data[b].series[c], data[q].series[c]))
        change.deltaPP = deltas[c]
        if let sa, let sq, sa > 0 {
          change.ratio = sq / sa
          if sq > 0 { change.logRatio = log(sq / sa) }
        }
        if let ra = rankings[b][c], let rq = rankings[q][c] { change.rankChange = ra - rq }
        if data[b].series[c].count >= 2, data[q].series[c].count >= 2 {
          let seA = try NeweyWest.standardErrorOfMean(data[b].series[c])
          let seQ = try NeweyWest.standardErrorOfMean(data[q].series[c])
          change.hacSEpp = 100 * (seA.se * seA.se + seQ.se * seQ.se).squareRoot()
          change.hacLags = (seA.lag, seQ.lag)
        }
        change.ci95pp = intervals[c]
        if let d = deltas[c] {
          change.shareOfMovedPoints =
            d > 0 ? (gains > 0 ? d / gains : nil) : d < 0 ? (losses < 0 ? -d / losses : nil) : 0
        }
        let volumeChange = (data[q].volume[c] ?? 0) / daysQ - (data[b].volume[c] ?? 0) / daysB
        change.dailyVolumeChange = volumeChange
        change.partOfVolumeChange = totalChange != 0 ? volumeChange / totalChange : nil
        comparisons[c].changes[q] = change
      }
    }
    return Comparison(
      options: options, periods: summaries, categories: comparisons, resolution: daily.resolution, warnings: warnings)
  }
}
