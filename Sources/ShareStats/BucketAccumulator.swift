// One bucket's times while the cells stream past: each time's day, its volume per category (NaN
// where the category has no valid cell) and its total. Closing the bucket turns them into its
// volumes, states, day coverage and shares under the gap policy, and starts afresh. The rows are
// kept (k numbers a time, one bucket at a time) because aligning needs to know, per day, which
// categories have data before it can sum anything. Gaps are judged per day (the data's own step:
// a time-of-day finer than that is not a gap), so a table summed into day cells (the parallel
// reader's, IngestOptions.seriesBucket) gives the same coverage, alignment and shares.

import ShareData

struct BucketAccumulator {
  let spans: [ClosedRange<Int64>?]
  let options: ShareOptions
  /// The data's own resolution: the step that day coverage counts.
  let resolution: Every
  private let k: Int
  private var days: [Int64] = []
  private var rows: [Double] = []
  private var timeTotals: [Double] = []

  init(categories k: Int, spans: [ClosedRange<Int64>?], options: ShareOptions, resolution: Every) {
    self.spans = spans
    self.options = options
    self.resolution = resolution
    self.k = k
  }

  /// Adds one time (with at least one valid cell): `cellAt[c]` is category c's cell, or -1.
  mutating func add(day: Int64, cellAt: [Int], volumes: [Double], timeTotal: Double) {
    days.append(day)
    for c in 0..<k { rows.append(cellAt[c] >= 0 ? volumes[cellAt[c]] : .nan) }
    timeTotals.append(timeTotal)
  }

  private func value(_ t: Int, _ c: Int) -> Double? {
    let v = rows[t * k + c]
    return v.isNaN ? nil : v
  }

  private func inSpan(_ c: Int, _ day: Int64) -> Bool { spans[c]?.contains(day) ?? false }
  /// Before the category's first or after its last observation (a category never observed has no
  /// span and is missing, not absent).
  private func outsideSpan(_ c: Int, _ day: Int64) -> Bool { spans[c].map { !$0.contains(day) } ?? false }

  /// The bucket [start, end); `covered` is the part of it the data (and the range) covers, over
  /// which day coverage counts the active days. A bucket without data has null values.
  mutating func close(start: Int64, end: Int64, covered: Range<Int64>) throws -> BucketShares {
    defer { reset() }
    let active = (0..<k).filter { c in spans[c].map { $0.lowerBound < end && $0.upperBound >= start } ?? false }
    let coverage = dayCoverage(start: start, end: end, covered: covered)
    guard !days.isEmpty else {
      return BucketShares(
        startDay: start, endDay: end, total: nil, volumes: Array(repeating: nil, count: k),
        shares: Array(repeating: nil, count: k),
        states: (0..<k).map { active.contains($0) ? .missing : .absent }, observed: 0, active: active.count,
        partial: false, dayCoverage: coverage, daysLeftOut: options.gaps == .align ? 0 : nil)
    }
    var volumes = [Double?](repeating: nil, count: k)
    var states = [CellState](repeating: .missing, count: k)
    var volume = [Double](repeating: 0, count: k)
    for t in days.indices {
      for c in 0..<k {
        if let v = value(t, c) {
          volume[c] += v
          states[c] = .observed
        } else if states[c] == .missing && outsideSpan(c, days[t]) {
          states[c] = .absent
        }
      }
    }
    var total = 0.0
    for c in 0..<k {
      if states[c] == .observed {
        volumes[c] = volume[c]
        total += volume[c]
      } else if states[c] == .absent && options.absent == .zero {
        volumes[c] = 0
      }
    }
    let observed = states.filter { $0 == .observed }.count
    let (aligned, misaligned) = alignedTimes(states: states)
    let used = options.gaps == .align ? aligned : Array(days.indices)
    var shares = [Double?](repeating: nil, count: k)
    if observed > 0 && total > 0 && !used.isEmpty {
      shares = try sharesOver(used, states: states, coverage: coverage)
    }
    return BucketShares(
      startDay: start, endDay: end, total: observed > 0 ? total : nil, volumes: volumes, shares: shares,
      states: states, observed: observed, active: active.count, partial: false, dayCoverage: coverage,
      daysLeftOut: options.gaps == .align ? misaligned : nil, misalignedDays: misaligned)
  }

  /// Per category: steps (days for daily data) with a value over the steps of `covered` inside its
  /// span; nil where none is.
  private func dayCoverage(start: Int64, end: Int64, covered: Range<Int64>) -> [Double?] {
    let from = max(start, covered.lowerBound)
    let until = min(end, covered.upperBound)
    var steps: [Int64] = []
    var step = resolution.bucketStart(day: from)
    while step < until {
      if step >= from { steps.append(step) }
      step = resolution.nextStart(after: step)
    }
    return (0..<k).map { c in
      let activeSteps = steps.filter { inSpan(c, $0) }.count
      guard activeSteps > 0 else { return nil }
      // Times arrive in order, so a step's times are consecutive: count each step once.
      var withData = 0
      var lastStep: Int64? = nil
      for t in days.indices where value(t, c) != nil {
        let step = resolution.bucketStart(day: days[t])
        if step != lastStep { withData += 1 }
        lastStep = step
      }
      return min(1, Double(withData) / Double(activeSteps))
    }
  }

  /// The times of the days on which every category observed in the bucket and inside its span that
  /// day has a value (at some time of the day): those `.align` uses; and how many days with data
  /// fail that. Times arrive in order, so a day's times are consecutive. (A step of coarser data is
  /// one day too: weekly or monthly data sit on their steps' first days.)
  private func alignedTimes(states: [CellState]) -> (times: [Int], misalignedDays: Int) {
    let required = (0..<k).filter { states[$0] == .observed }
    var times: [Int] = []
    var misaligned = 0
    var first = 0
    while first < days.count {
      var next = first + 1
      while next < days.count && days[next] == days[first] { next += 1 }
      let day = days[first]
      let complete = required.allSatisfy { c in
        outsideSpan(c, day) || (first..<next).contains { value($0, c) != nil }
      }
      if complete { times += first..<next } else { misaligned += 1 }
      first = next
    }
    return (times, misaligned)
  }

  private func sharesOver(_ used: [Int], states: [CellState], coverage: [Double?]) throws -> [Double?] {
    var shares = [Double?](repeating: nil, count: k)
    switch options.weighting {
    case .volume:
      var volume = [Double](repeating: 0, count: k)
      for t in used {
        for c in 0..<k { if let v = value(t, c) { volume[c] += v } }
      }
      if options.gaps == .scale {
        for c in 0..<k { if let f = coverage[c], f > 0 { volume[c] /= f } }
      }
      var total = 0.0
      for c in 0..<k where states[c] == .observed { total += volume[c] }
      guard total > 0 else { return shares }
      for c in 0..<k {
        if states[c] == .observed {
          shares[c] = volume[c] / total
        } else if states[c] == .absent && options.absent == .zero {
          shares[c] = 0
        }
      }
    case .equal:
      for c in 0..<k {
        var samples: [Double] = []
        for t in used where timeTotals[t] > 0 {
          if let v = value(t, c) {
            samples.append(v / timeTotals[t])
          } else if options.absent == .zero && outsideSpan(c, days[t]) {
            samples.append(0)
          }
        }
        shares[c] = samples.isEmpty ? nil : try Descriptive.mean(samples)
      }
    }
    return shares
  }

  private mutating func reset() {
    days.removeAll(keepingCapacity: true)
    rows.removeAll(keepingCapacity: true)
    timeTotals.removeAll(keepingCapacity: true)
  }
}
