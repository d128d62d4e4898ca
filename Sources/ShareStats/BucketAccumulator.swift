// One bucket's sums while the cells of its times stream past: each category's volume, whether it
// was seen or absent (outside its span), and its shares at the data's own resolution (for equal
// weighting). Closing the bucket turns them into its volumes, states and shares, and starts afresh.

import ShareData

struct BucketAccumulator {
  let spans: [ClosedRange<Int64>?]
  let options: ShareOptions
  private var volume: [Double]
  private var seen: [Bool]
  private var absent: [Bool]
  private var shareSamples: [[Double]]
  private var hasData = false

  init(categories k: Int, spans: [ClosedRange<Int64>?], options: ShareOptions) {
    self.spans = spans
    self.options = options
    volume = [Double](repeating: 0, count: k)
    seen = [Bool](repeating: false, count: k)
    absent = [Bool](repeating: false, count: k)
    shareSamples = [[Double]](repeating: [], count: k)
  }

  /// Adds one time (with at least one valid cell): `cellAt[c]` is category c's cell, or -1.
  mutating func add(day: Int64, cellAt: [Int], volumes: [Double], timeTotal: Double) {
    hasData = true
    let absentCounts = options.absent == .zero
    for c in cellAt.indices {
      let at = cellAt[c]
      if at >= 0 {
        volume[c] += volumes[at]
        seen[c] = true
        if timeTotal > 0 { shareSamples[c].append(volumes[at] / timeTotal) }
      } else if let span = spans[c], !span.contains(day) {
        absent[c] = true
        if absentCounts && timeTotal > 0 { shareSamples[c].append(0) }
      }
    }
  }

  /// The bucket [start, end) (nil when no time in it had data), and a fresh start for the next.
  mutating func close(start: Int64, end: Int64) throws -> BucketShares? {
    defer { reset() }
    guard hasData else { return nil }
    let k = volume.count
    var volumes = [Double?](repeating: nil, count: k)
    var states = [CellState](repeating: .missing, count: k)
    var total = 0.0
    var observed = 0
    var active = 0
    for c in 0..<k {
      if seen[c] {
        states[c] = .observed
        volumes[c] = volume[c]
        total += volume[c]
        observed += 1
      } else if absent[c] {
        states[c] = .absent
        if options.absent == .zero { volumes[c] = 0 }
      }
      if let span = spans[c], span.lowerBound < end, span.upperBound >= start { active += 1 }
    }
    let bucketTotal: Double? = observed > 0 ? total : nil
    var shares = [Double?](repeating: nil, count: k)
    if let bucketTotal, bucketTotal > 0 {
      for c in 0..<k {
        switch options.weighting {
        case .volume: shares[c] = volumes[c].map { $0 / bucketTotal }
        case .equal: shares[c] = shareSamples[c].isEmpty ? nil : try Descriptive.mean(shareSamples[c])
        }
      }
    }
    return BucketShares(
      startDay: start, endDay: end, total: bucketTotal, volumes: volumes, shares: shares, states: states,
      observed: observed, active: active, partial: false)
  }

  private mutating func reset() {
    hasData = false
    for c in volume.indices {
      volume[c] = 0
      seen[c] = false
      absent[c] = false
      shareSamples[c].removeAll(keepingCapacity: true)
    }
  }
}
