// log10 of a chi-squared upper tail where gsl_cdf_chisq_Q underflows: a composition that changed
// as much as CNY's share did gives Wald statistics in the thousands, whose p is far below the
// smallest double, and a p of 0 claims a certainty no data can give.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Distributions {
  /// log10 P(X > x), X chi-squared with ν degrees of freedom: Q(ν/2, x/2), the regularised upper
  /// incomplete gamma. From gsl_cdf_chisq_Q where that is a normal double; below, in logs by the
  /// continued fraction Γ(a, y) = e^{−y} y^a / (y + 1 − a − 1·(1 − a) / (y + 3 − a − …)) (DLMF 8.9.2),
  /// evaluated by the modified Lentz method (there y > a + 1, where it converges fast).
  public static func log10ChiSquaredUpperTail(_ x: Double, degreesOfFreedom nu: Double) throws -> Double {
    let direct = try chiSquaredUpperTail(x, degreesOfFreedom: nu)
    if direct > 1e-280 { return log10(direct) }
    let a = nu / 2
    let y = x / 2
    let tiny = 1e-300
    var b = y + 1 - a
    var c = 1 / tiny
    var d = 1 / b
    var h = d
    var i = 1.0
    while i < 10_000 {
      let an = -i * (i - a)
      b += 2
      d = an * d + b
      if abs(d) < tiny { d = tiny }
      c = b + an / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      let step = d * c
      h *= step
      if abs(step - 1) < 1e-16 { break }
      i += 1
    }
    return (-y + a * log(y) - lgamma(a) + log(h)) / log(10)
  }
}
