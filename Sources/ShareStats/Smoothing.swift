// Smoothing over N buckets: a centred moving mean or median (gsl_movstat) of each category's share series,
// for reading a noisy daily series. Gaps stay gaps: each run of defined shares is smoothed on its own.

import ShareData

extension ShareBreakdown {
  public func smoothed(window: Int, statistic: MovingWindow.Statistic) throws -> ShareBreakdown {
    guard window > 1 else { return self }
    var out = self
    for c in categories.indices {
      var start = 0
      while start < buckets.count {
        guard buckets[start].shares[c] != nil else {
          start += 1
          continue
        }
        var end = start
        while end < buckets.count, buckets[end].shares[c] != nil { end += 1 }
        let run = (start..<end).map { buckets[$0].shares[c]! }
        let smooth = try MovingWindow.smooth(run, window: window, statistic: statistic)
        for (k, i) in (start..<end).enumerated() { out.buckets[i].shares[c] = smooth[k] }
        start = end
      }
    }
    return out
  }
}
