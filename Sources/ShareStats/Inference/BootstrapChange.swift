// What one category's bootstrap draws say about its change: the 95% percentile interval and the
// two-sided p that inverts it, so the two never disagree: p < 0.05 exactly when the interval
// excludes 0. A p from another rule (a normal approximation, or counting draws beyond 0 without
// the interpolation the interval uses) can sit on the other side of 0.05 from the interval.

/// The bootstrap distribution of one category's change, summarised.
public struct BootstrapChange: Sendable, Equatable {
  /// The 2.5% and 97.5% points of the draws (linear interpolation, as `Quantiles.fromSorted`).
  public var low: Double
  public var high: Double
  /// Two-sided p: the smallest α at which the 100(1 − α)% percentile interval leaves out 0; where
  /// every draw lies on one side of 0 (that α is 0) the bound 1 / (draws): the resamples cannot say
  /// how small it is.
  public var pValue: Double
  /// Every draw lies on one side of 0: `pValue` is then the bound 1 / (draws), and the true p smaller.
  public var pValueIsBound: Bool
  /// Replicates whose estimate was undefined (a zero total, or no share on any resampled day),
  /// left out of the interval and the p.
  public var undefinedResamples: Int

  /// Summarises `draws` (sorted ascending, two or more) out of `resamples` replicates.
  public init(draws sorted: [Double], resamples: Int) throws {
    low = try Quantiles.fromSorted(sorted, 0.025)
    high = try Quantiles.fromSorted(sorted, 0.975)
    undefinedResamples = resamples - sorted.count
    let inverted = Self.percentilePValue(sorted: sorted)
    pValueIsBound = inverted == 0
    pValue = pValueIsBound ? 1 / Double(sorted.count) : inverted
  }

  /// With Q(f) the interpolated quantile function of the draws (continuous, non-decreasing),
  /// f₊ = sup{f : Q(f) ≤ 0} and f₋ = inf{f : Q(f) ≥ 0}: the interval [Q(α/2), Q(1 − α/2)] leaves
  /// out 0 exactly when α/2 > f₊ or 1 − α/2 < f₋, so p = min(1, 2 f₊, 2 (1 − f₋)).
  /// All draws exactly 0 give f₊ = 1, f₋ = 0 and p = 1.
  static func percentilePValue(sorted x: [Double]) -> Double {
    let n = x.count
    guard n >= 2 else { return 1 }
    let last = Double(n - 1)
    // f₊: where Q leaves ≤ 0 for the last time.
    let upper: Double
    if x[0] > 0 {
      upper = 0
    } else if x[n - 1] <= 0 {
      upper = 1
    } else {
      let j = x.lastIndex { $0 <= 0 }!  // x[j] ≤ 0 < x[j + 1]
      upper = (Double(j) + (0 - x[j]) / (x[j + 1] - x[j])) / last
    }
    // f₋: where Q reaches ≥ 0 for the first time.
    let lower: Double
    if x[n - 1] < 0 {
      lower = 1
    } else if x[0] >= 0 {
      lower = 0
    } else {
      let j = x.firstIndex { $0 >= 0 }! - 1  // x[j] < 0 ≤ x[j + 1]
      lower = (Double(j) + (0 - x[j]) / (x[j + 1] - x[j])) / last
    }
    return min(1, 2 * upper, 2 * (1 - lower))
  }
}
