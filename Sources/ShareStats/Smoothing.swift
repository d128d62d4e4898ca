// Smoothing over N buckets: a centred moving mean or median (gsl_movstat) of each category's share series,
// for reading a noisy daily series. Gaps stay gaps: each run of defined shares is smoothed on its own.

import ShareData

/// A smoothing applied to a share table, so every output can say so (a smoothed share is no
/// longer the bucket's volume over its total).
public struct ShareSmoothing: Sendable, Equatable {
  /// Buckets in the centred window (odd: an even request is rounded up, as MovingWindow does).
  public var window: Int
  public var statistic: MovingWindow.Statistic
}

extension ShareBreakdown {
  public func smoothed(window: Int, statistic: MovingWindow.Statistic) throws -> ShareBreakdown {
    guard window > 1 else { return self }
    var out = self
    out.smoothing = ShareSmoothing(window: window / 2 * 2 + 1, statistic: statistic)
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
