// Newey–West (1987) heteroskedasticity- and autocorrelation-consistent standard error of a mean:
// daily shares are autocorrelated, so the plain standard error is too small. The lag is chosen
// from the data by Newey & West (1994) unless given: the fixed rule ⌊4 (n/100)^(2/9)⌋ (5 for a
// year of days) is far too short for daily shares whose lag-1 autocorrelation is 0.4–0.8.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

public enum NeweyWest {
  /// The Bartlett-kernel lag of the Newey–West (1994) rule of thumb: ⌊4 (n/100)^(2/9)⌋. It is also
  /// the preliminary lag m of the automatic bandwidth.
  public static func lag(count n: Int) -> Int {
    Int((4 * pow(Double(n) / 100, 2.0 / 9)).rounded(.down))
  }

  /// The automatic Bartlett bandwidth of Newey & West (1994, eq. 3.8 and p. 640) for the mean of
  /// `x`, without prewhitening: with m = ⌊4 (n/100)^(2/9)⌋ and σ_j = (1/n) Σ_t d_t d_{t+j}
  /// (d = x − x̄), s0 = σ0 + 2 Σ_{j=1..m} σ_j, s1 = 2 Σ_{j=1..m} j σ_j, the bandwidth is
  /// 1.1447 ((s1/s0)²)^(1/3) n^(1/3). Equals R's `sandwich::bwNeweyWest(lm(x ~ 1), prewhite = FALSE)`
  /// (which weights the intercept's estimating function by 1 when it is the only one).
  /// Throws for fewer than two values or a constant series (s0 = 0: no bandwidth).
  public static func bandwidth(_ x: [Double]) throws -> Double {
    let n = x.count
    guard n >= 2 else { throw StatisticsInputError(description: "an automatic HAC lag needs two or more values") }
    let d = try Autocovariance.deviations(x)
    guard Autocovariance.at(lag: 0, deviations: d) > 0 else {
      throw StatisticsInputError(description: "a constant series has no HAC bandwidth")
    }
    return bandwidth(scores: d)
  }

  /// The automatic lag: ⌊bandwidth⌋, as `sandwich::NeweyWest(fit, lag = NULL)` takes it. It can
  /// reach n or more in a short, strongly correlated series; like sandwich, `standardErrorOfMean`
  /// then keeps the lag in the Bartlett weights and drops the autocovariances beyond n − 1. A
  /// constant series gets lag 0: its standard error is 0 whatever the lag.
  public static func automaticLag(_ x: [Double]) throws -> Int {
    let n = x.count
    guard n >= 2 else { throw StatisticsInputError(description: "an automatic HAC lag needs two or more values") }
    let minimum = x.min()!
    guard x.contains(where: { $0 != minimum }) else { return 0 }
    let bw = try bandwidth(x)
    // s0 = 0 gives an infinite bandwidth, where sandwich stops with an error: take n − 1.
    return bw.isFinite ? Int(bw.rounded(.down)) : n - 1
  }

  /// Standard error of the mean of `x`: √(LRV / n), LRV = γ₀ + 2 Σ_{l=1..L} (1 − l/(L+1)) γ_l,
  /// γ_l = (1/n) Σ (x_t − x̄)(x_{t−l} − x̄). `lag` nil takes the automatic lag (`automaticLag`),
  /// which matches `sandwich::NeweyWest(lm(x ~ 1), prewhite = FALSE, adjust = FALSE)`, including a
  /// lag of n or more (the sum stops at n − 1); an explicit lag is capped at n − 1 and matches
  /// statsmodels' OLS on a constant with cov_type="HAC", maxlags=L, use_correction=False.
  public static func standardErrorOfMean(_ x: [Double], lag: Int? = nil) throws -> (se: Double, lag: Int) {
    let n = x.count
    guard n >= 2 else { throw StatisticsInputError(description: "a HAC standard error needs two or more values") }
    let lags = try lag.map { min($0, n - 1) } ?? automaticLag(x)
    let d = try Autocovariance.deviations(x)
    var lrv = Autocovariance.at(lag: 0, deviations: d)
    if lags >= 1 {
      for l in 1...min(lags, n - 1) {
        lrv += 2 * (1 - Double(l) / Double(lags + 1)) * Autocovariance.at(lag: l, deviations: d)
      }
    }
    return ((max(lrv, 0) / Double(n)).squareRoot(), lags)
  }
}

/// Sample autocovariances with the 1/n divisor, the estimate both HAC and block-length rules use.
enum Autocovariance {
  /// x − x̄ (the mean through GSL).
  static func deviations(_ x: [Double]) throws -> [Double] {
    let mean = try Descriptive.mean(x)
    return x.map { $0 - mean }
  }

  /// γ_l = (1/n) Σ_{t=l}^{n−1} d_t d_{t−l}; 0 at lags of n or more.
  static func at(lag l: Int, deviations d: [Double]) -> Double {
    let n = d.count
    guard l < n else { return 0 }
    return crossProduct(lag: l, deviations: d) / Double(n)
  }

  /// Σ_{t=l}^{n−1} d_t d_{t−l}.
  static func crossProduct(lag l: Int, deviations d: [Double]) -> Double {
    var sum = 0.0
    var t = l
    while t < d.count {
      sum += d[t] * d[t - l]
      t += 1
    }
    return sum
  }
}
