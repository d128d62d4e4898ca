// The stages of a comparison: each period's volumes, shares and daily series; ranks; the
// per-period concentration; and each category's change against the baseline with its tests.

import ShareData

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One period's buckets at the data's own resolution, summed and as daily series.
struct PeriodData {
  var buckets: ArraySlice<BucketShares>
  var volume: [Double?]
  var total: Double
  /// Volume-weighted share Σv / ΣV.
  var share: [Double?]
  /// Mean of the daily shares (over the days the category has one).
  var meanShare: [Double?]
  /// The comparison's estimand: `share` or `meanShare`.
  var estimate: [Double?]
  var weighting: Weighting
  /// Each category's daily shares (days it has a share).
  var series: [[Double]]
  var days: PeriodDays
  /// The Politis–White block of `days` (computed once: the bootstrap and the summary both use it).
  var politisWhiteBlock: Int?

  /// The block the bootstrap resamples this period with, and where it came from:
  /// `CompareOptions.block`, else the data's own (`PeriodDays.defaultBlock()`).
  func block(_ options: CompareOptions) -> (days: Int, rule: BlockRule) {
    if let block = options.block { return (block, .given) }
    if let block = politisWhiteBlock { return (block, .politisWhite) }
    return (BlockBootstrap.defaultBlock(count: days.count), .cubeRoot)
  }

  /// `dataRange`: where the whole table runs ("from 2016-02 to 2021-02 (monthly data)"), for the
  /// hint when the period has no data (`daily` itself is cut to the periods' span).
  init(
    _ daily: ShareBreakdown, period p: Period, weighting: Weighting, dataRange: String?, warnings: inout [Warning]
  ) throws {
    let k = daily.categories.count
    buckets = daily.buckets.within(p.first.number, p.last.number)
    if buckets.isEmpty {
      throw ShareError.request(
        "period \(p.label) (\(p.from)..\(p.to)) has no data",
        hint: dataRange.map { "the data runs \($0)" } ?? "the data has no rows")
    }
    volume = [Double?](repeating: nil, count: k)
    total = 0.0
    series = [[Double]](repeating: [], count: k)
    days = PeriodDays(
      volumes: Array(repeating: [], count: k), totals: [], shares: Array(repeating: [], count: k))
    for bucket in buckets {
      total += bucket.total ?? 0
      days.totals.append(bucket.total ?? 0)
      for c in 0..<k {
        if let v = bucket.volumes[c] { volume[c] = (volume[c] ?? 0) + v }
        days.volumes[c].append(bucket.volumes[c] ?? 0)
        days.shares[c].append(bucket.shares[c])
        if let s = bucket.shares[c] { series[c].append(s) }
      }
    }
    let total = total
    share = volume.map { v in v.flatMap { total > 0 ? $0 / total : nil } }
    meanShare = try series.map { $0.isEmpty ? nil : try Descriptive.mean($0) }
    self.weighting = weighting
    estimate = weighting == .volume ? share : meanShare
    politisWhiteBlock = days.politisWhiteBlock(weighting)
    if buckets.count == 1 {
      warnings.append(
        Warning(.shortPeriod, "period \(p.label) has one \(daily.resolution.rawValue) of data: no variance, no tests"))
    }
  }
}

extension Compare {
  /// Rank 1 for the largest share; ties by name; nil without a share.
  static func ranks(_ share: [Double?], categories: [String]) -> [Int?] {
    let k = share.count
    let order = (0..<k).filter { share[$0] != nil }.sorted {
      share[$0]! != share[$1]! ? share[$0]! > share[$1]! : categories[$0] < categories[$1]
    }
    var rank = [Int?](repeating: nil, count: k)
    for (i, c) in order.enumerated() { rank[c] = i + 1 }
    return rank
  }

  /// Each period's concentration, its change in HHI against the baseline and its rank mobility from
  /// it. The catch-all (index `catchAll` in the categories) is unknown small firms, as in
  /// `ConcentrationSeries`: the HHI is given as bounds and CRk leave it out.
  static func periodSummaries(_ data: [PeriodData], catchAll: Int?, options: CompareOptions) -> [PeriodSummary] {
    let b = options.baseline
    var summaries: [PeriodSummary] = []
    for (i, p) in options.periods.enumerated() {
      let observed = (0..<data[i].share.count).map { c in data[i].buckets.contains { $0.states[c] == .observed } }
      let measures = ConcentrationMeasures(shares: data[i].share, observed: observed, catchAll: catchAll)
      summaries.append(
        PeriodSummary(
          period: p, days: data[i].buckets.count, total: data[i].total, concentration: measures,
          band: options.units.areFirms ? measures.map { options.bands.band(hhi: $0.hhi) } : nil, deltaHHI: nil,
          deltaHHIFlagged: false,
          blockLength: options.resamples > 0 ? data[i].block(options).days : nil,
          blockRule: options.resamples > 0 ? data[i].block(options).rule : nil))
    }
    for i in summaries.indices where i != b {
      if let h = summaries[i].concentration?.hhi, let h0 = summaries[b].concentration?.hhi {
        summaries[i].deltaHHI = h - h0
        summaries[i].deltaHHIFlagged = options.units.areFirms && abs(h - h0) > ConcentrationBands.significantChange
      }
      summaries[i].rankCorrelation = ConcentrationDynamics.rankCorrelation(data[b].share, data[i].share)
    }
    return summaries
  }

  /// Every category's change from the baseline `b` to period `q`, with its tests.
  static func categoryChanges(
    _ data: [PeriodData], baseline b: Int, period q: Int, rankings: [[Int?]], options: CompareOptions
  ) throws -> [CategoryChange] {
    let k = data[b].share.count
    let bootstrap =
      options.resamples > 0
      ? try BlockBootstrap.deltas(
        a: data[b].days, b: data[q].days, weighting: options.weighting, resamples: options.resamples,
        blocks: (data[b].block(options).days, data[q].block(options).days),
        seed: options.seed &+ UInt(q), paired: data[b].buckets.map(\.startDay) == data[q].buckets.map(\.startDay))
      : Array(repeating: nil, count: k)
    let deltas = (0..<k).map { c in data[q].estimate[c].flatMap { sq in data[b].estimate[c].map { 100 * (sq - $0) } } }
    let gains = deltas.compactMap { $0 }.filter { $0 > 0 }.reduce(0, +)
    let losses = deltas.compactMap { $0 }.filter { $0 < 0 }.reduce(0, +)
    let daysB = Double(data[b].buckets.count)
    let daysQ = Double(data[q].buckets.count)
    let totalChange = data[q].total / daysQ - data[b].total / daysB
    let volumeChanges = (0..<k).map { c in (data[q].volume[c] ?? 0) / daysQ - (data[b].volume[c] ?? 0) / daysB }
    let rises = volumeChanges.filter { $0 > 0 }.reduce(0, +)
    let falls = volumeChanges.filter { $0 < 0 }.reduce(0, +)
    var changes = try (0..<k).map { c in
      let sa = data[b].estimate[c]
      let sq = data[q].estimate[c]
      var change = CategoryChange(welch: try WelchTest(data[b].series[c], data[q].series[c]))
      change.deltaPP = deltas[c]
      if let sa, let sq, sa > 0 {
        change.ratio = sq / sa
        if sq > 0 { change.logRatio = log(sq / sa) }
      }
      if let ra = rankings[b][c], let rq = rankings[q][c] { change.rankChange = ra - rq }
      try change.setHAC(data[b].hacSeries(c), data[q].hacSeries(c))
      change.setBootstrap(bootstrap[c])
      if let d = deltas[c] {
        change.shareOfMovedPoints =
          d > 0 ? (gains > 0 ? d / gains : nil) : d < 0 ? (losses < 0 ? -d / losses : nil) : 0
      }
      let volumeChange = volumeChanges[c]
      change.dailyVolumeChange = volumeChange
      change.partOfVolumeChange = totalChange != 0 ? volumeChange / totalChange : nil
      change.shareOfMovedVolume = volumeChange > 0 ? volumeChange / rises : volumeChange < 0 ? -volumeChange / falls : 0
      return change
    }
    let adjusted = Holm.adjusted(changes.map(\.pValueBootstrap), bounds: changes.map(\.pValueBootstrapIsBound))
    for c in changes.indices {
      changes[c].pValueAdjusted = adjusted[c]?.p
      changes[c].pValueAdjustedIsBound = adjusted[c]?.isBound ?? false
    }
    return changes
  }
}
