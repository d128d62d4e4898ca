// The Newey–West long-run covariance of a vector series' mean: the multivariate form of
// `NeweyWest.standardErrorOfMean`, for the Wald test of a change in composition. Days of log-ratio
// coordinates are autocorrelated as the shares are, so the plain covariance understates the
// uncertainty of their mean.

public enum LongRunCovariance {
  /// Ω = Γ₀ + Σ_{l=1..L} (1 − l/(L+1)) (Γ_l + Γ_lᵀ), Γ_l = (1/n) Σ_{t=l}^{n−1} d_t d_{t−l}ᵀ with
  /// d = y − ȳ (rows of `y` are days); the lag L is capped at n − 1. Ω / n is the HAC covariance of ȳ
  /// (sandwich's `NeweyWest` with adjust = FALSE for an intercept-only multivariate fit). The Bartlett
  /// weights keep Ω positive semi-definite.
  public static func bartlett(_ y: [[Double]], lag: Int) -> [[Double]] {
    let n = y.count
    guard n > 0, let k = y.first?.count else { return [] }
    var mean = [Double](repeating: 0, count: k)
    for row in y { for i in 0..<k { mean[i] += row[i] / Double(n) } }
    let d = y.map { row in (0..<k).map { row[$0] - mean[$0] } }
    var omega = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
    for l in 0...min(max(lag, 0), n - 1) {
      let w = l == 0 ? 1 : 1 - Double(l) / Double(lag + 1)
      for t in l..<n {
        for i in 0..<k {
          for j in 0..<k {
            let g = d[t][i] * d[t - l][j] * w / Double(n)
            omega[i][j] += g
            if l > 0 { omega[j][i] += g }
          }
        }
      }
    }
    return omega
  }

  /// The lag of the composition's covariance in one period: the longest of the univariate automatic
  /// lags (`NeweyWest.automaticLag`, Newey & West 1994, the rule of every other HAC figure in
  /// sharelens) over the D clr coordinates. clr is unique, so the lag depends neither on the ilr basis
  /// nor on the order of the categories, and the Wald statistic stays basis-invariant; the longest,
  /// because a lag too short for one coordinate understates its long-run variance.
  public static func automaticLag(clr: [[Double]]) throws -> Int {
    guard let d = clr.first?.count, clr.count >= 2 else { return 0 }
    var longest = 0
    for c in 0..<d { longest = max(longest, try NeweyWest.automaticLag(clr.map { $0[c] })) }
    return longest
  }
}
