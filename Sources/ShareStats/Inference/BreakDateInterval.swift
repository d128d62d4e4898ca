// Confidence intervals for break dates: Bai (1997, "Estimation of a change point in multiple regression
// models", Rev. Econ. Stat. 79), the distribution of the argmax of a two-sided Brownian motion with drift,
// allowing the error variance to differ across the break (Bai 1997 §4), as R's strucchange
// `confint(bp, breaks = m)` with its defaults (het.reg = TRUE, het.err = TRUE, vcov. = NULL) for the
// mean-shift model y ~ 1: Q = 1, ξ = 1, φ_j² = RSS_j / n_j, δ = μ₂ − μ₁, the bounds scaled by φ₁²/δ².

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The interval of one break: positions where the new segment starts (the same convention as the break).
public struct BreakDateInterval: Sendable, Equatable {
  public var lower: Int
  public var upper: Int

  /// The intervals of the breaks `starts` of a mean-shift fit to `y`, at `level`; `nil` where Bai's
  /// distribution puts P(argmax V ≤ 0) outside the interval's tails (strucchange's warning and NA).
  public static func intervals(_ y: [Double], starts: [Int], level: Double = 0.95) -> [BreakDateInterval?] {
    let tail = (1 - level) / 2
    let bounds = [0] + starts + [y.count]
    let segments = (0..<(bounds.count - 1)).map { j -> (mean: Double, variance: Double) in
      let part = y[bounds[j]..<bounds[j + 1]]
      let mean = part.reduce(0, +) / Double(part.count)
      return (mean, part.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(part.count))
    }
    return starts.indices.map { i in
      let before = segments[i]
      let after = segments[i + 1]
      let delta2 = (after.mean - before.mean) * (after.mean - before.mean)
      let phi1 = before.variance.squareRoot()
      let phi2 = after.variance.squareRoot()
      let p0 = cdf(0, phi1: phi1, phi2: phi2)
      guard delta2 > 0, p0.isFinite, p0 >= tail, p0 <= 1 - tail else { return nil }
      let scale = before.variance / delta2
      let up = root(level: 1 - tail, phi1: phi1, phi2: phi2, positive: true) * scale
      let low = root(level: tail, phi1: phi1, phi2: phi2, positive: false) * scale
      return BreakDateInterval(lower: starts[i] - Int(up.rounded(.up)), upper: starts[i] - Int(low.rounded(.down)))
    }
  }

  /// Where the CDF reaches `level`, on the positive or negative side: strucchange widens the bracket in
  /// steps of 1000 and calls uniroot; bisection to 1e-10 finds the same point more tightly.
  static func root(level: Double, phi1: Double, phi2: Double, positive: Bool) -> Double {
    var inner = 0.0
    var outer = positive ? 1000.0 : -1000.0
    while positive ? cdf(outer, phi1: phi1, phi2: phi2) < level : cdf(outer, phi1: phi1, phi2: phi2) > level {
      inner = outer
      outer += positive ? 1000 : -1000
    }
    for _ in 0..<200 where abs(outer - inner) > 1e-10 {
      let mid = (inner + outer) / 2
      let below = cdf(mid, phi1: phi1, phi2: phi2) < level
      if below == positive { inner = mid } else { outer = mid }
    }
    return (inner + outer) / 2
  }

  /// P(argmax V ≤ x) of Bai (1997, Proposition 3 and its appendix), as strucchange's `pargmaxV` with ξ = 1.
  static func cdf(_ x: Double, phi1: Double, phi2: Double, xi: Double = 1) -> Double {
    let phi = xi * (phi2 / phi1) * (phi2 / phi1)
    let ax = abs(x)
    let lnPhi = Distributions.logNormalCDF
    if x < 0 {
      let frac = xi / phi
      return -exp(log(ax) / 2 - ax / 8 - log(2 * Double.pi) / 2)
        - (phi / xi * (phi + 2 * xi) / (phi + xi))
        * exp(frac * (1 + frac) * ax / 2 + lnPhi(-(0.5 + frac) * ax.squareRoot()))
        + exp(log(ax / 2 - 2 + (phi + 2 * xi) * (phi + 2 * xi) / ((phi + xi) * xi)) + lnPhi(-ax.squareRoot() / 2))
    }
    let frac = xi * xi / phi
    return 1 + frac.squareRoot() * exp(log(ax) / 2 - frac * ax / 8 - log(2 * Double.pi) / 2)
      + (xi / phi * (2 * phi + xi) / (phi + xi))
      * exp((phi + xi) * ax / 2 + lnPhi(-(phi + xi / 2) / phi.squareRoot() * ax.squareRoot()))
      - exp(
        log((2 * phi + xi) * (2 * phi + xi) / ((phi + xi) * phi) - 2 + frac * ax / 2)
          + lnPhi(-frac.squareRoot() * ax.squareRoot() / 2))
  }
}
