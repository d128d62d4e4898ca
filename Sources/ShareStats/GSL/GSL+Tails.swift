// Distribution tails the break statistics need: the standard normal CDF on the log scale
// (gsl_sf_log_erfc; the distribution of a break date's estimate multiplies huge exponentials by tiny tail
// probabilities, which only their logs can hold) and the chi-squared upper tail with real degrees of
// freedom (gsl_cdf_chisq_Q; Hansen's 1997 p-values).

import CGSL

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Distributions {
  /// ln Φ(x), Φ the standard normal CDF: ln(erfc(−x/√2) / 2), accurate far into the lower tail.
  public static func logNormalCDF(_ x: Double) -> Double {
    GSL.ensureReady()
    return gsl_sf_log_erfc(-x / 2.0.squareRoot()) - log(2.0)
  }
}

extension Distributions {
  /// P(X > x) for X chi-squared with `degreesOfFreedom` (any positive real), gsl_cdf_chisq_Q.
  public static func chiSquaredUpperTail(_ x: Double, degreesOfFreedom: Double) throws -> Double {
    GSL.ensureReady()
    guard x.isFinite, degreesOfFreedom.isFinite, degreesOfFreedom > 0 else {
      throw StatisticsInputError(description: "the chi-squared tail needs a finite x and positive degrees of freedom")
    }
    return gsl_cdf_chisq_Q(max(x, 0), degreesOfFreedom)
  }
}

extension Distributions {
  /// The `p` quantile of Student's t with `degreesOfFreedom` (gsl_cdf_tdist_Pinv).
  public static func studentTQuantile(_ p: Double, degreesOfFreedom: Double) throws -> Double {
    GSL.ensureReady()
    guard p > 0, p < 1, degreesOfFreedom.isFinite, degreesOfFreedom > 0 else {
      throw StatisticsInputError(description: "a t quantile needs 0 < p < 1 and positive degrees of freedom")
    }
    return gsl_cdf_tdist_Pinv(p, degreesOfFreedom)
  }
}
