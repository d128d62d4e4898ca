// Spearman's rank correlation through gsl_stats_spearman (GSL 2.2+): the Pearson correlation of the
// two samples' ranks, ties sharing the mean of the ranks they span, as scipy.stats.spearmanr. GSL
// checks nothing: a sample whose values are all equal has no rank variance and gives 0/0 = NaN,
// which comes back here as nil.

import CGSL

extension Descriptive {
  /// Spearman's ρ of the pairs (x, y); nil with fewer than 2 pairs, a non-finite value, or when
  /// either sample is all ties (ρ undefined).
  public static func spearman(_ x: [Double], _ y: [Double]) -> Double? {
    GSL.ensureReady()
    guard x.count == y.count, x.count >= 2, x.allSatisfy(\.isFinite), y.allSatisfy(\.isFinite) else { return nil }
    var work = [Double](repeating: 0, count: 2 * x.count)
    let rho = x.withUnsafeBufferPointer { xs in
      y.withUnsafeBufferPointer { ys in
        work.withUnsafeMutableBufferPointer { w in
          gsl_stats_spearman(xs.baseAddress!, 1, ys.baseAddress!, 1, xs.count, w.baseAddress!)
        }
      }
    }
    return rho.isFinite ? rho : nil
  }
}
