// The optimal block length of Politis & White (2004) with the correction of Patton, Politis &
// White (2009): how many consecutive days a block bootstrap must keep together so that the
// bootstrap variance of a mean is right. The CNY, USD and EUR daily shares of 2017 need 33–35
// days (reference-block-length.csv), not the ⌈n^(1/3)⌉ = 8 of a rule that ignores the data.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Estimated optimal block lengths in days (unrounded, capped at ⌈min(3√n, n/3)⌉).
public struct BlockLength: Sendable, Equatable {
  /// Mean block of the stationary bootstrap (Politis & Romano 1994).
  public var stationary: Double
  /// Block of the circular or moving-block bootstrap.
  public var circular: Double

  /// The circular length in whole days: rounded to the nearest day (halves up), at least 1.
  public var circularDays: Int { max(1, Int(circular.rounded())) }

  /// Politis & White (2004), corrected by Patton, Politis & White (2009), exactly as Python's
  /// `arch.bootstrap.optimal_block_length` (arch 8.0) computes it for the mean of `x`:
  /// - autocorrelations ρ_i = |Σ_{t≥i} d_t d_{t−i}| / √(Σ_{t>i} d_t² · Σ_{t<n−i−1} d_t²), d = x − x̄;
  /// - K_N = max(5, ⌊log10 n⌋), m_max = ⌈√n⌉ + K_N, band c = 2 √(log10 n / n);
  /// - m̂ = the first i − K_N (i ≥ K_N) with ρ_{i−K_N}, …, ρ_{i−1} all inside the band; M = 2 max(m̂, 1)
  ///   (m_max if there is no such i), at most m_max;
  /// - flat-top window λ(k/M) = 1 for k/M ≤ ½, 2 (1 − k/M) above; G = Σ_{k=1..M} 2 λ k γ_k,
  ///   σ² = γ_0 + Σ_{k=1..M} 2 λ γ_k (γ with the 1/n divisor);
  /// - b = (2 G² / D)^(1/3) n^(1/3) with D = 2 σ⁴ (stationary) or (4/3) σ⁴ (circular), capped at
  ///   ⌈min(3√n, n/3)⌉.
  /// Throws for fewer than 10 values (arch's lag search runs past the series) or a constant series.
  public init(politisWhite x: [Double]) throws {
    let n = x.count
    guard n >= 10 else {
      throw StatisticsInputError(description: "an optimal block length needs 10 or more values, got \(n)")
    }
    let d = try Autocovariance.deviations(x)
    let count = Double(n)
    let kn = max(5, Int(log10(count)))
    let mMax = Int(count.squareRoot().rounded(.up)) + kn
    let m = Self.bandwidth(deviations: d, kn: kn, mMax: mMax)
    var g = 0.0
    var longRun = Autocovariance.at(lag: 0, deviations: d)
    guard longRun > 0 else { throw StatisticsInputError(description: "a constant series has no block length") }
    for k in stride(from: 1, through: m, by: 1) {
      let ratio = Double(k) / Double(m)
      let lambda = ratio <= 0.5 ? 1 : 2 * (1 - ratio)
      let gamma = Autocovariance.at(lag: k, deviations: d)
      g += 2 * lambda * Double(k) * gamma
      longRun += 2 * lambda * gamma
    }
    let bMax = min(3 * count.squareRoot(), count / 3).rounded(.up)
    let dStationary = 2 * longRun * longRun
    let dCircular = 4.0 / 3 * (longRun * longRun)
    let cubeRootN = pow(count, 1.0 / 3)
    stationary = min(pow(2 * g * g / dStationary, 1.0 / 3) * cubeRootN, bMax)
    circular = min(pow(2 * g * g / dCircular, 1.0 / 3) * cubeRootN, bMax)
  }

  /// M = 2 max(m̂, 1), at most m_max: m̂ is where K_N consecutive autocorrelations first fall inside
  /// ±2 √(log10 n / n). A 0/0 or x/0 correlation (no overlap) counts as outside the band, as in numpy.
  static func bandwidth(deviations d: [Double], kn: Int, mMax: Int) -> Int {
    let n = d.count
    let band = 2 * (log10(Double(n)) / Double(n)).squareRoot()
    var correlation = [Double](repeating: 0, count: mMax + 1)
    for i in 0...mMax {
      let later = sumOfSquares(d, from: i + 1, to: n)  // Σ_{t>i} d_t²
      let earlier = sumOfSquares(d, from: 0, to: n - i - 1)  // Σ_{t<n−i−1} d_t²
      correlation[i] = abs(Autocovariance.crossProduct(lag: i, deviations: d)) / (later * earlier).squareRoot()
      if i >= kn, correlation[(i - kn)..<i].allSatisfy({ $0 < band }) {
        return min(2 * max(i - kn, 1), mMax)
      }
    }
    return mMax
  }

  /// Σ_{from ≤ t < to} d_t² (0 for an empty range).
  static func sumOfSquares(_ d: [Double], from: Int, to: Int) -> Double {
    var sum = 0.0
    var t = from
    while t < to {
      sum += d[t] * d[t]
      t += 1
    }
    return sum
  }
}
