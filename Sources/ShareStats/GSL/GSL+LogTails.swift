// p-values far below the smallest double. A trend of USD's share over five years of days has
// t = 46 with 1,825 df: its p is about 1.6e-310, which gsl_cdf_tdist_Q returns as 0, and a p of 0
// claims a certainty no data can give. These give log10 p instead, exact where the p itself
// underflows: the tails of t and F are regularised incomplete beta functions, computed in logs
// by their hypergeometric series, and the normal's tail is gsl_sf_log_erfc.

import CGSL

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Distributions {
  /// log10 of the two-sided p of a t statistic, 2 · P(T > |t|) = I_x(ν/2, 1/2), x = ν/(ν + t²).
  public static func log10StudentTTwoSided(_ t: Double, degreesOfFreedom df: Double) throws -> Double {
    guard t.isFinite, df.isFinite, df > 0 else {
      throw StatisticsInputError(description: "Student's t needs a finite t and positive degrees of freedom")
    }
    return try log10RegularizedBeta(a: df / 2, b: 0.5, x: df / (df + t * t))
  }

  /// log10 of P(F > f) for F with (d1, d2) degrees of freedom: I_x(d2/2, d1/2), x = d2/(d2 + d1 f).
  public static func log10FUpperTail(_ f: Double, numeratorDF d1: Double, denominatorDF d2: Double) throws -> Double {
    guard f.isFinite, f >= 0, d1.isFinite, d2.isFinite, d1 > 0, d2 > 0 else {
      throw StatisticsInputError(description: "the F distribution needs f ≥ 0 and positive degrees of freedom")
    }
    return try log10RegularizedBeta(a: d2 / 2, b: d1 / 2, x: d2 / (d2 + d1 * f))
  }

  /// log10 of the two-sided normal p, 2 · P(Z > |z|) = erfc(|z|/√2) (gsl_sf_log_erfc).
  public static func log10NormalTwoSided(_ z: Double) throws -> Double {
    GSL.ensureReady()
    guard z.isFinite else { throw StatisticsInputError(description: "a normal p-value needs a finite z") }
    return gsl_sf_log_erfc(abs(z) / 2.0.squareRoot()) / log(10)
  }

  /// log10 I_x(a, b). Where GSL's gsl_sf_beta_inc is a normal double its log is used; below that,
  /// I_x(a, b) = x^a (1 − x)^b / (a B(a, b)) · Σ_n (a + b)_n / (a + 1)_n · x^n (DLMF 8.17.8 with
  /// 15.2.1), summed in logs: every term is positive and the ratio of terms tends to x < 1.
  static func log10RegularizedBeta(a: Double, b: Double, x: Double) throws -> Double {
    GSL.ensureReady()
    if x >= 1 { return 0 }
    if x <= 0 { return -.infinity }
    // The handler is off, so an underflow comes back as a status with 0: the series takes over.
    let direct = gsl_sf_beta_inc(a, b, x)
    if direct > 1e-280 && direct.isFinite { return log10(direct) }
    var sum = 1.0
    var term = 1.0
    var n = 0.0
    while n < 1_000_000 {
      term *= (a + b + n) / (a + 1 + n) * x
      sum += term
      if term < sum * 1e-17 { break }
      n += 1
    }
    let lnBeta = gsl_sf_lnbeta(a, b)
    let lnI = a * log(x) + b * log1p(-x) - log(a) - lnBeta + log(sum)
    return lnI / log(10)
  }
}
