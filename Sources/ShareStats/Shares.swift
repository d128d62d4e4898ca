// Shares by time bucket: each category's volume over the total of the categories observed in the
// bucket. Missing is never zero: a category not observed inside its span has a null share, and a
// bucket whose total is 0 has undefined (null) shares, never NaN or ∞.

import ShareData

/// What a category was in a bucket.
public enum CellState: Sendable, Equatable {
  /// It has a value.
  case observed
  /// Inside its span but without a value: unknown.
  case missing
  /// Outside its span (not started or ended): 0 under `AbsentPolicy.zero`.
  case absent
}

/// One bucket of the share table.
public struct BucketShares: Sendable, Equatable {
  /// First day (day number, UTC) and the day after the last.
  public var startDay: Int64
  public var endDay: Int64
  /// Sum of the observed categories' volumes; nil when nothing was observed.
  public var total: Double?
  /// Per category (same order as `ShareBreakdown.categories`); nil = not observed.
  public var volumes: [Double?]
  /// Per category; nil = undefined (not observed, or the bucket total is 0).
  public var shares: [Double?]
  /// Per category: observed, missing or absent in this bucket.
  public var states: [CellState]
  /// Categories with an observation in the bucket.
  public var observed: Int
  /// Categories whose span overlaps the bucket (observed ones included).
  public var active: Int
  /// The data or the date range covers only part of the bucket.
  public var partial: Bool
  /// Per category: its days with data over its active days (the data's own steps in the bucket, inside
  /// its span and the data's range); nil where it has none. Below 1 a volume share ignoring the gaps
  /// would count the missing days as zero.
  public var dayCoverage: [Double?] = []
  /// Under `GapPolicy.align`: the days with data that the shares leave out because a category observed
  /// in the bucket (and inside its span that day) lacks a value then; nil under the other policies.
  public var daysLeftOut: Int? = nil
  /// Days with data on which some category observed in the bucket (and inside its span) has no value,
  /// whatever the policy: the gaps that can bias a share, which the warning names.
  var misalignedDays = 0

  /// observed / active: 1 when every category that exists then was observed.
  public var coverage: Double? { active == 0 ? nil : Double(observed) / Double(active) }
  public var startDate: CivilDate { CivilDate(dayNumber: startDay) }
  /// The last day in the bucket (inclusive).
  public var lastDate: CivilDate { CivilDate(dayNumber: endDay - 1) }
}

/// The bucket × category share table, with totals over the whole range.
public struct ShareBreakdown: Sendable {
  public var every: Every
  public var weighting: Weighting
  /// How days without a value inside a category's span were treated.
  public var gaps: GapPolicy = .align
  /// The data's own resolution.
  public var resolution: Every
  public var categories: [String]
  public var buckets: [BucketShares]
  /// Per category: volume over the whole range.
  public var totalVolumes: [Double]
  public var grandTotal: Double
  /// Per category: first and last day observed anywhere in the input.
  public var spans: [ClosedRange<Int64>?]
  public var warnings: [Warning]
  /// How the shares were smoothed after computing them; nil when they were not.
  public var smoothing: ShareSmoothing? = nil
  /// The top N's fold: which categories went into the catch-all; nil when nothing was folded.
  public var fold: CategoryFold? = nil

  /// Each category's share of the whole range's volume (nil when the range's total is 0).
  public var totalShares: [Double?] {
    totalVolumes.map { grandTotal > 0 ? $0 / grandTotal : nil }
  }
}

public enum Shares {
  /// Computes shares. The table should already carry the final categories (after mapping);
  /// folding into the top N happens here, because "largest" is judged over the selected range.
  public static func compute(_ input: VolumeTable, options: ShareOptions) throws -> ShareBreakdown {
    if let from = options.firstDay, let to = options.lastDay, from > to {
      throw ShareError.request(
        "\(setting: .from, from.description) is after \(setting: .to, to.description)",
        hint: "\(setting: .from) and \(setting: .to) are inclusive dates with \(setting: .from) first")
    }
    let every = options.every ?? input.resolution
    if every < input.resolution {
      throw ShareError.request(
        "\(setting: .every, every.rawValue) is finer than the data, which has one value per \(input.resolution.rawValue)",
        hint: "use \(setting: .every, input.resolution.rawValue) or coarser")
    }
    let fromSeconds = options.firstDay.map { $0.start.seconds }
    let untilSeconds = options.lastDay.map { $0.advanced(by: 1).start.seconds }
    var table = input
    var fold: CategoryFold?
    if let n = options.top {
      guard n >= 1 else { throw ShareError.request("\(setting: .top) needs a number of 1 or more") }
      let totals = input.filtered(from: fromSeconds, until: untilSeconds).categoryTotals
      (table, fold) = CategoryFold.folding(input, names: input.topNames(n, totals: totals), totals: totals, top: n)
    }
    let spans = spans(of: table)
    let selected = table.filtered(from: fromSeconds, until: untilSeconds)
    guard selected.cellCount > 0 else {
      let range =
        "\(options.firstDay?.description ?? "start")..\(options.lastDay?.description ?? "end")"
      throw ShareError.request(
        "no data in the range \(range)",
        hint: input.cellCount > 0
          ? "the data runs \(input.resolution.dataRange(firstDay: input.times.first!.floorDiv(secondsPerDay), lastDay: input.times.last!.floorDiv(secondsPerDay)))"
          : nil)
    }
    var breakdown = try bucket(selected, every: every, spans: spans, options: options)
    breakdown.fold = fold
    return breakdown
  }

  /// First and last day each category is observed (a valid cell), over the whole table.
  static func spans(of table: VolumeTable) -> [ClosedRange<Int64>?] {
    var first = [Int64?](repeating: nil, count: table.categories.count)
    var last = [Int64?](repeating: nil, count: table.categories.count)
    for cell in 0..<table.cellCount where table.valid[cell] {
      let code = Int(table.codes[cell])
      let day = table.times[cell].floorDiv(secondsPerDay)
      if first[code] == nil { first[code] = day }
      last[code] = day
    }
    return zip(first, last).map { f, l in f.flatMap { f in l.map { f...$0 } } }
  }

  private static func bucket(
    _ table: VolumeTable, every: Every, spans: [ClosedRange<Int64>?], options: ShareOptions
  ) throws -> ShareBreakdown {
    let k = table.categories.count
    // Coverage of the data in days: from the first cell to the end of the last cell's own period.
    let firstDay = table.times.first!.floorDiv(secondsPerDay)
    let lastDay = table.times.last!.floorDiv(secondsPerDay)
    let coveredFrom = max(firstDay, options.firstDay?.number ?? firstDay)
    var coveredUntil = table.resolution.nextStart(after: table.resolution.bucketStart(day: lastDay))
    if let to = options.lastDay { coveredUntil = min(coveredUntil, to.number + 1) }

    var buckets: [BucketShares] = []
    var warnings: [Warning] = []
    var accumulator = BucketAccumulator(categories: k, spans: spans, options: options, resolution: table.resolution)
    // Per-time scratch: the cell of each category at the current time, or -1.
    var cellAt = [Int](repeating: -1, count: k)
    var cell = 0
    let keepEmpty = options.keepsEmptyBuckets
    var bucketStart = every.bucketStart(day: keepEmpty ? min(options.firstDay?.number ?? firstDay, firstDay) : firstDay)
    var hasData = false

    func closeBucket() throws {
      let end = every.nextStart(after: bucketStart)
      defer { hasData = false }
      guard hasData || keepEmpty else { return }
      var result = try accumulator.close(
        start: bucketStart, end: end, covered: coveredFrom..<max(coveredFrom, coveredUntil))
      guard hasData else { return buckets.append(result) }
      // A sum past the largest Double (1.8e308) is ∞, and ∞/∞ gave 0% shares; a price × amount
      // past it became "missing". Either is an error, never a result.
      try checkFinite(result, table: table, label: every.label(start: bucketStart))
      result.partial = bucketStart < coveredFrom || end > coveredUntil
      if result.partial {
        let from = CivilDate(dayNumber: max(bucketStart, coveredFrom))
        let to = CivilDate(dayNumber: min(end, coveredUntil) - 1)
        warnings.append(
          Warning(
            .partialBucket,
            "bucket \(every.label(start: bucketStart)) is partial: the data covers only \(from)..\(to) of \(result.startDate)..\(result.lastDate)"
          ))
      }
      buckets.append(result)
    }

    while cell < table.cellCount {
      let time = table.times[cell]
      let day = time.floorDiv(secondsPerDay)
      let start = every.bucketStart(day: day)
      while start != bucketStart {
        try closeBucket()
        bucketStart = keepEmpty ? every.nextStart(after: bucketStart) : start
      }
      // Gather this time's cells.
      var timeTotal = 0.0
      var anyValid = false
      let groupStart = cell
      while cell < table.cellCount && table.times[cell] == time {
        if table.valid[cell] {
          cellAt[Int(table.codes[cell])] = cell
          timeTotal += table.volumes[cell]
          anyValid = true
        }
        cell += 1
      }
      // A time where nothing at all was observed tells nothing about any category.
      if anyValid { accumulator.add(day: day, cellAt: cellAt, volumes: table.volumes, timeTotal: timeTotal) }
      hasData = hasData || anyValid
      for c in groupStart..<cell { cellAt[Int(table.codes[c])] = -1 }
    }
    try closeBucket()
    // Buckets after the data up to --to stay, with null values.
    while keepEmpty, let to = options.lastDay, every.nextStart(after: bucketStart) <= to.number {
      bucketStart = every.nextStart(after: bucketStart)
      try closeBucket()
    }
    warnings += gapWarnings(buckets, table: table, every: every, policy: options.gaps)
    return try orderedByVolume(buckets, table: table, every: every, spans: spans, options: options, warnings: warnings)
  }

  private static func checkFinite(_ result: BucketShares, table: VolumeTable, label: String) throws {
    guard let total = result.total, !total.isFinite else { return }
    let category = result.volumes.indices.first { !(result.volumes[$0] ?? 0).isFinite }.map { table.categories[$0] }
    throw ShareError.data(
      "the volumes \(category.map { "of \($0) " } ?? "")in \(label) add up past 1.8e308, the largest number sharelens can hold",
      at: SourceLocation(file: table.sources.first ?? "the input"), expected: "volumes whose sums are finite",
      hint: "rescale them: volumes in base units (wei, satoshi) divided by 1e18 or 1e8 give the same shares")
  }

  /// The breakdown with categories largest first (ties by name), so the order never depends on
  /// the order of the input.
  private static func orderedByVolume(
    _ buckets: [BucketShares], table: VolumeTable, every: Every, spans: [ClosedRange<Int64>?], options: ShareOptions,
    warnings: [Warning]
  ) throws -> ShareBreakdown {
    let k = table.categories.count
    var buckets = buckets
    var totalVolumes = [Double](repeating: 0, count: k)
    for bucket in buckets {
      for c in 0..<k { totalVolumes[c] += bucket.volumes[c] ?? 0 }
    }
    // The same for the whole range's totals (∞/∞ would be a NaN share).
    guard totalVolumes.reduce(0, +).isFinite else {
      throw ShareError.data(
        "the volumes over the whole range add up past 1.8e308, the largest number sharelens can hold",
        at: SourceLocation(file: table.sources.first ?? "the input"), expected: "volumes whose sums are finite",
        hint: "rescale them: volumes in base units (wei, satoshi) divided by 1e18 or 1e8 give the same shares")
    }
    let order = (0..<k).sorted {
      totalVolumes[$0] != totalVolumes[$1]
        ? totalVolumes[$0] > totalVolumes[$1] : table.categories[$0] < table.categories[$1]
    }
    for i in buckets.indices {
      buckets[i].volumes = order.map { buckets[i].volumes[$0] }
      buckets[i].shares = order.map { buckets[i].shares[$0] }
      buckets[i].states = order.map { buckets[i].states[$0] }
      buckets[i].dayCoverage = order.map { buckets[i].dayCoverage[$0] }
    }
    return ShareBreakdown(
      every: every, weighting: options.weighting, gaps: options.gaps, resolution: table.resolution,
      categories: order.map { table.categories[$0] }, buckets: buckets, totalVolumes: order.map { totalVolumes[$0] },
      grandTotal: totalVolumes.reduce(0, +), spans: order.map { spans[$0] }, warnings: warnings)
  }
}
