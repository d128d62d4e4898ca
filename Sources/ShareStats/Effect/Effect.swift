// The effect of dated events on a category's share: an interrupted time series (segmented regression) of
// the logit share, y = β0 + β1·t + Σ_k [β2k·X_k + β3k·(t − T_k)·X_k], X_k = 1 from event k's date on,
// t in months since the window's first day. β2k is the jump in the logit at T_k, β3k the change in its
// slope. Daily shares are autocorrelated, so every interval uses the Newey–West covariance with
// sandwich's automatic lag (NeweyWest.covariance, the one bandwidth rule of trend and Chow).
// The effect of event k is read on the share scale over its horizon (T_k up to the next event or the
// window's end): the fitted share minus the counterfactual one, the same fit with β2k = β3k = 0.

import ShareData

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

public struct EffectAnalysis: Sendable {
  public var category: String
  public var firstDay: Int64
  public var lastDay: Int64
  public var count: Int
  public var clamped: Int
  /// The Newey–West lag (⌊bwNeweyWest(fit, prewhite = FALSE)⌋) used for every interval.
  public var hacLag: Int
  /// Residual degrees of freedom n − k of the t quantiles and p-values (as lmtest's coeftest).
  public var degreesOfFreedom: Int
  /// β0 (logit at the window's first day) and β1 (logit units per month before the first event).
  public var intercept: Double
  public var preSlope: Double
  public var preSlopeSEHAC: Double
  public var events: [EventEffect]
  /// Each observation: day, observed share, fitted share, and inside an event's horizon the counterfactual
  /// share without that event with its delta-method SE and 95% interval.
  public var path: [EffectPathPoint]
  /// All coefficients in the order β0, β1, then β2k, β3k per event, and their Newey–West covariance.
  public var coefficients: [Double]
  public var covarianceHAC: [[Double]]
}

public struct EventEffect: Sendable {
  public var day: Day
  /// The first and last observed day of the horizon over which the effect is averaged, and its observations.
  public var horizonFirstDay: Int64
  public var horizonLastDay: Int64
  public var horizonCount: Int
  /// β2k: the jump in the logit share at the event; β3k: the change in its slope per month.
  public var levelChange: Double
  public var levelChangeSE: Double
  public var levelChangeSEHAC: Double
  public var levelChangePHAC: Double
  public var slopeChange: Double
  public var slopeChangeSE: Double
  public var slopeChangeSEHAC: Double
  public var slopeChangePHAC: Double
  /// Mean fitted and counterfactual share over the horizon (fractions).
  public var fittedShare: Double
  public var counterfactualShare: Double
  /// Average effect in share points (fitted − counterfactual, × 100), its delta-method HAC SE and 95% interval.
  public var effectPP: Double
  public var effectSE: Double
  public var effectCI95: ClosedRange<Double>
  /// The effect summed over the horizon's observed days (point-days), its SE and 95% interval.
  public var cumulativePP: Double
  public var cumulativeSE: Double
  public var cumulativeCI95: ClosedRange<Double>
  /// In-time placebos: 1 + the number of placebo dates whose |effect| is at least the real |effect|, among
  /// `placeboCount` dates (nil when the pre-period leaves room for none).
  public var placeboRank: Int?
  public var placeboCount: Int
}

public struct EffectPathPoint: Sendable {
  public var day: Int64
  public var share: Double
  public var fitted: Double
  public var counterfactual: Double?
  /// The delta-method standard error of the counterfactual share: s(1 − s) times that of its logit.
  public var counterfactualSE: Double?
  /// 95% interval made on the logit scale and mapped back, so it stays inside 0...1.
  public var counterfactualCI95: ClosedRange<Double>?
}

extension EffectAnalysis {
  /// Months per day: t is measured in mean Gregorian months (30.436875 days), as trend and Chow.
  static let daysPerMonth = 30.436875

  /// Fewest observations on each side of a placebo date: a month of days, so a placebo's jump and slope
  /// change are estimated from as much as a real event needs at the least.
  public static let placeboMinimumSide = 30

  /// Fits the model for `events` (any order; each must leave 3 or more observations in every segment).
  public init(_ series: ShareSeries, events: [Day], placeboMinimumSide: Int = Self.placeboMinimumSide) throws {
    let dates = Array(Set(events)).sorted()
    try Self.checkSegments(series, dates)
    let logit = LogitSeries(series.shares)
    let design = EffectDesign(days: series.days, events: dates.map(\.number))
    let ols = try Fitting.multiple(y: logit.values, columns: design.columns)
    let residuals = design.residuals(y: logit.values, coefficients: ols.coefficients)
    let hac = try NeweyWest.covariance(
      columns: design.columns, residuals: residuals, bandwidthColumns: Array(design.columns.dropFirst()))
    category = series.category
    firstDay = series.days.first!
    lastDay = series.days.last!
    count = series.count
    clamped = logit.clamped
    hacLag = hac.lag
    degreesOfFreedom = count - design.columns.count
    coefficients = ols.coefficients
    covarianceHAC = hac.covariance
    intercept = ols.coefficients[0]
    preSlope = ols.coefficients[1]
    preSlopeSEHAC = max(hac.covariance[1][1], 0).squareRoot()
    let q = try Distributions.studentTQuantile(0.975, degreesOfFreedom: Double(degreesOfFreedom))
    var events: [EventEffect] = []
    for k in dates.indices {
      events.append(
        try design.eventEffect(
          k, day: dates[k], ols: ols, hac: hac.covariance, quantile: q, degreesOfFreedom: degreesOfFreedom))
    }
    for k in events.indices {
      let placebo = try Placebo.rank(
        of: events[k], series: series, logit: logit.values, previousEvent: k > 0 ? dates[k - 1] : nil,
        minimumSide: placeboMinimumSide)
      events[k].placeboRank = placebo.rank
      events[k].placeboCount = placebo.count
    }
    self.events = events
    path = design.path(shares: series.shares, coefficients: ols.coefficients, hac: hac.covariance, quantile: q)
  }

  /// Every event inside the window, with 3 or more observations (a line and a residual) in every segment.
  static func checkSegments(_ series: ShareSeries, _ dates: [Day]) throws {
    guard let first = series.days.first, let last = series.days.last else {
      throw ShareError.request("\(series.category) has no values in the range: an effect needs a series")
    }
    let window = "\(CivilDate(dayNumber: first))..\(CivilDate(dayNumber: last))"
    guard !dates.isEmpty else { throw ShareError.request("an effect needs one or more event dates") }
    for date in dates where date.number <= first || date.number > last {
      throw ShareError.request(
        "the event date \(date) is outside \(series.category)'s window \(window)",
        hint: "name a date after the window's first day, or widen \(setting: .from)/\(setting: .to)")
    }
    let bounds = [first] + dates.map(\.number) + [last + 1]
    for s in 0..<(bounds.count - 1) {
      let n = series.days.filter { $0 >= bounds[s] && $0 < bounds[s + 1] }.count
      guard n >= 3 else {
        let stretch = "\(CivilDate(dayNumber: bounds[s]))..\(CivilDate(dayNumber: bounds[s + 1] - 1))"
        throw ShareError.request(
          "\(series.category) has \(n) value\(n == 1 ? "" : "s") in \(stretch): every stretch between the "
            + "window's ends (\(window)) and the event dates needs 3 or more",
          hint: "leave more days between the event dates and the window's ends")
      }
    }
  }
}
