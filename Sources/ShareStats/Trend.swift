// The trend of a category's share: OLS of the logit share on time (gsl_fit_linear). On the logit
// scale a steady decline is a straight line, and its slope gives the half-life of the odds.

import ShareData

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

public struct TrendFit: Sendable {
  public var category: String
  public var count: Int
  public var clamped: Int
  public var intercept: Double
  /// Logit units per month.
  public var slope: Double
  public var slopeSE: Double
  /// Two-sided, Student's t with n − 2 degrees of freedom.
  public var pValue: Double
  /// log10 of `pValue`, exact where the p-value is below the smallest double and prints as 0; nil
  /// when the fit is exact (no residual variance).
  public var log10PValue: Double?
  public var r2: Double
  /// ln 2 / −slope months when the share declines: the time for the odds s/(1−s) to halve
  /// (for a small share, the share itself).
  public var halfLifeMonths: Double?
  public var firstDay: Int64
  public var lastDay: Int64
  /// Newey–West standard error of the slope with sandwich's automatic lag (prewhite = FALSE), its lag,
  /// and the two-sided p (Student's t, n − 2 degrees of freedom, as lmtest's coeftest): daily shares are
  /// autocorrelated, so `slopeSE` (which assumes independent days) is too small.
  public var slopeSEHAC: Double
  public var pValueHAC: Double
  public var hacLag: Int
  /// The slope in share points per year at the window's mean share s̄: 100 · 12 · slope · s̄(1 − s̄).
  public var slopePointsPerYear: Double
  /// 95% interval of the half-life of the odds from the HAC interval of the slope: nil bounds where the
  /// slope's interval reaches 0 or above (the half-life is unbounded).
  public var halfLifeCI95: (lower: Double?, upper: Double?)?

  public init(_ series: ShareSeries) throws {
    guard series.count >= 3 else {
      throw ShareError.request(
        "\(series.category) has \(series.count) value\(series.count == 1 ? "" : "s") in the range: a trend needs 3 or more",
        hint: "widen \(setting: .from)/\(setting: .to)")
    }
    let logit = LogitSeries(series.shares)
    let x = series.days.map(LogitSeries.months)
    let fit = try Fitting.linear(x: x, y: logit.values)
    category = series.category
    count = series.count
    clamped = logit.clamped
    intercept = fit.intercept
    slope = fit.slope
    slopeSE = fit.cov11.squareRoot()
    let mean = logit.values.reduce(0, +) / Double(count)
    let total = logit.values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
    r2 = total > 0 ? 1 - fit.sumSquares / total : 0
    if slopeSE > 0 {
      pValue = try Distributions.studentTTwoSided(slope / slopeSE, degreesOfFreedom: Double(count - 2))
      log10PValue = try Distributions.log10StudentTTwoSided(slope / slopeSE, degreesOfFreedom: Double(count - 2))
    } else {
      pValue = slope == 0 ? 1 : 0
      log10PValue = nil
    }
    halfLifeMonths = slope < 0 ? log(2) / -slope : nil
    firstDay = series.days.first!
    lastDay = series.days.last!
    let residuals = zip(x, logit.values).map { $1 - (fit.intercept + fit.slope * $0) }
    (slopeSEHAC, hacLag) = try NeweyWest.slopeStandardError(x: x, residuals: residuals)
    let df = Double(count - 2)
    pValueHAC =
      slopeSEHAC > 0
      ? try Distributions.studentTTwoSided(slope / slopeSEHAC, degreesOfFreedom: df) : (slope == 0 ? 1 : 0)
    let meanShare = series.shares.reduce(0, +) / Double(count)
    slopePointsPerYear = 100 * 12 * slope * meanShare * (1 - meanShare)
    if slope < 0 {
      let q = try Distributions.studentTQuantile(0.975, degreesOfFreedom: df)
      let steepest = slope - q * slopeSEHAC
      let flattest = slope + q * slopeSEHAC
      halfLifeCI95 = (log(2) / -steepest, flattest < 0 ? log(2) / -flattest : nil)
    } else {
      halfLifeCI95 = nil
    }
  }
}
