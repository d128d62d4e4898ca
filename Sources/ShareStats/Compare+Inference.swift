// The uncertainty of one category's change, for the comparison's estimand: the Newey–West standard
// error of Δ with its normal p, and the block bootstrap's interval and p. Both are computed from the
// data's own resolution (days), where the autocorrelation they allow for lives.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension PeriodData {
  /// The daily series whose mean's Newey–West standard error is the estimand's, category `c`: the
  /// daily shares for the mean daily share; for the volume share ŝ = Σv / ΣV the linearised
  /// z_t = (v_t − ŝ·V_t) / V̄ (V̄ the mean day total), since ŝ − s ≈ mean(z) to first order (the delta
  /// method for a ratio of means). nil where the estimand is undefined.
  func hacSeries(_ c: Int) -> [Double]? {
    switch weighting {
    case .equal:
      return series[c].isEmpty ? nil : series[c]
    case .volume:
      guard let s = share[c], total > 0, days.count > 0 else { return nil }
      let mean = total / Double(days.count)
      return zip(days.volumes[c], days.totals).map { ($0 - s * $1) / mean }
    }
  }
}

extension CategoryChange {
  /// The HAC standard error of Δ = est_B − est_A from the two periods' series (`hacSeries`), each
  /// with its own automatic lag, and the two-sided normal p of Δ / SE; nothing with under two days
  /// in either period. A zero standard error (both series constant) gives p = 1 for Δ = 0, else 0.
  mutating func setHAC(_ a: [Double]?, _ b: [Double]?) throws {
    guard let a, let b, a.count >= 2, b.count >= 2, let deltaPP else { return }
    let seA = try NeweyWest.standardErrorOfMean(a)
    let seB = try NeweyWest.standardErrorOfMean(b)
    let se = 100 * (seA.se * seA.se + seB.se * seB.se).squareRoot()
    hacSEpp = se
    hacLags = (seA.lag, seB.lag)
    guard se > 0 else {
      pValueHAC = deltaPP == 0 ? 1 : 0
      log10PValueHAC = deltaPP == 0 ? 0 : nil
      return
    }
    let z = deltaPP / se
    pValueHAC = min(1, 2 * exp(Distributions.logNormalCDF(-abs(z))))
    log10PValueHAC = try Distributions.log10NormalTwoSided(z)
  }

  /// The bootstrap's interval, p and count of undefined replicates (nil without resamples).
  mutating func setBootstrap(_ change: BootstrapChange?) {
    guard let change else { return }
    ci95pp = (change.low, change.high)
    pValueBootstrap = change.pValue
    pValueBootstrapIsBound = change.pValueIsBound
    undefinedResamples = change.undefinedResamples
  }
}
