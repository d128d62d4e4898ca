// Newey–West standard errors for the slope of a straight-line OLS fit, with the automatic lag of Newey &
// West (1994) as R's sandwich: `NeweyWest(lm(y ~ x), prewhite = FALSE)` (lag = ⌊bwNeweyWest(fit,
// prewhite = FALSE)⌋, Bartlett weights 1 − j/(L + 1), adjust = FALSE).
// The bandwidth itself is one function for every use: the mean of a series (compare) passes its
// deviations from the mean, a fitted line (trend, Chow) its scores u_t·x_t.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension NeweyWest {
  /// sandwich's `bwNeweyWest(fit, kernel = "Bartlett", prewhite = FALSE)` for estimating functions whose
  /// non-intercept columns sum to `scores` (h_t = u_t·x_t for a line): m = ⌊4 (n/100)^(2/9)⌋,
  /// σ_j = Σ h_t h_{t+j} / n, s₀ = σ₀ + 2 Σ σ_j, s₁ = 2 Σ j σ_j, bandwidth 1.1447 ((s₁/s₀)²)^(1/3) n^(1/3).
  public static func bandwidth(scores h: [Double]) -> Double {
    let n = h.count
    let m = min(Self.lag(count: n), n - 1)
    let sigma = (0...m).map { Autocovariance.at(lag: $0, deviations: h) }
    var sum = 0.0
    var weighted = 0.0
    if m >= 1 {
      for j in 1...m {
        sum += sigma[j]
        weighted += Double(j) * sigma[j]
      }
    }
    let ratio = 2 * weighted / (sigma[0] + 2 * sum)
    return 1.1447 * pow(ratio * ratio, 1.0 / 3) * pow(Double(n), 1.0 / 3)
  }

  /// The HAC standard error of the slope of the OLS line through (x, y) with residuals `u`, and the lag used:
  /// V = (X'X)⁻¹ S (X'X)⁻¹ (no small-sample factor: NeweyWest's adjust = FALSE), S = Σ_{|j|≤L} (1 − |j|/(L + 1)) Σ_t g_t g'_{t−j}, g_t = u_t (1, x_t);
  /// L = ⌊bandwidth⌋ of u_t·x_t when `lag` is nil.
  public static func slopeStandardError(x: [Double], residuals u: [Double], lag: Int? = nil) throws -> (
    se: Double, lag: Int
  ) {
    let n = x.count
    guard n >= 3, u.count == n else {
      throw StatisticsInputError(description: "a HAC standard error of a slope needs three or more values")
    }
    let scores = zip(u, x).map { $0 * $1 }
    let bw = bandwidth(scores: scores)
    let lags = min(lag ?? (bw.isFinite ? Int(bw.rounded(.down)) : 0), n - 1)
    // The sandwich is equivariant under x → x − x̄, which leaves the slope alone: with centred x, X'X is
    // diagonal and the slope's variance is S₁₁ / (Σ x_c²)², S₁₁ the long-run sum of g_t = u_t x_c,t.
    let mean = x.reduce(0, +) / Double(n)
    let g = zip(u, x).map { $0 * ($1 - mean) }
    var s11 = 0.0
    var sxx = 0.0
    for t in 0..<n { sxx += (x[t] - mean) * (x[t] - mean) }
    for j in 0...lags {
      let w = 1 - Double(j) / Double(lags + 1)
      var sum = 0.0
      for t in j..<n { sum += g[t] * g[t - j] }
      s11 += (j == 0 ? 1 : 2 * w) * sum
    }
    let variance = s11 / (sxx * sxx)
    return (max(variance, 0).squareRoot(), lags)
  }
}
