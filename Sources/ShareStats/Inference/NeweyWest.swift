// Newey–West (1987) heteroskedasticity- and autocorrelation-consistent standard error of a mean:
// daily shares are autocorrelated, so the plain standard error is too small.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

public enum NeweyWest {
  /// The Bartlett-kernel lag of the Newey–West (1994) rule of thumb: ⌊4 (n/100)^(2/9)⌋.
  public static func lag(count n: Int) -> Int {
    Int((4 * pow(Double(n) / 100, 2.0 / 9)).rounded(.down))
  }

  /// Standard error of the mean of `x`: √(LRV / n), LRV = γ₀ + 2 Σ_{l=1..L} (1 − l/(L+1)) γ_l,
  /// γ_l = (1/n) Σ (x_t − x̄)(x_{t−l} − x̄). Matches statsmodels' OLS on a constant with
  /// cov_type="HAC", maxlags=L, use_correction=False.
  public static func standardErrorOfMean(_ x: [Double], lag: Int? = nil) throws -> (se: Double, lag: Int) {
    let n = x.count
    guard n >= 2 else { throw StatisticsInputError(description: "a HAC standard error needs two or more values") }
    let lags = min(lag ?? Self.lag(count: n), n - 1)
    let mean = try Descriptive.mean(x)
    let d = x.map { $0 - mean }
    func gamma(_ l: Int) -> Double {
      var sum = 0.0
      for t in l..<n { sum += d[t] * d[t - l] }
      return sum / Double(n)
    }
    var lrv = gamma(0)
    if lags >= 1 {
      for l in 1...lags { lrv += 2 * (1 - Double(l) / Double(lags + 1)) * gamma(l) }
    }
    return ((max(lrv, 0) / Double(n)).squareRoot(), lags)
  }
}
