// The design matrix of the interrupted time series and what is read from a fit of it: the regressors
// 1, t, then X_k and (t − T_k)·X_k per event; each event's horizon; the fitted and counterfactual paths on
// the share scale with delta-method intervals (the logistic's derivative s(1 − s) times the gradient of the
// logit path, through the Newey–West covariance).

import ShareData

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

struct EffectDesign {
  var days: [Int64]
  var events: [Int64]
  /// Regressor columns, each with one value per observation.
  var columns: [[Double]]

  init(days: [Int64], events: [Int64]) {
    self.days = days
    self.events = events
    let origin = days.first ?? 0
    let t = days.map { Double($0 - origin) / EffectAnalysis.daysPerMonth }
    columns = [t.map { _ in 1 }, t]
    for event in events {
      let te = Double(event - origin) / EffectAnalysis.daysPerMonth
      columns.append(days.map { $0 >= event ? 1 : 0 })
      columns.append(zip(days, t).map { $0 >= event ? $1 - te : 0 })
    }
  }

  /// The row of regressors at observation `t`, with event `without`'s two columns zeroed (its counterfactual).
  func row(_ t: Int, without: Int? = nil) -> [Double] {
    var x = columns.map { $0[t] }
    if let k = without {
      x[2 + 2 * k] = 0
      x[3 + 2 * k] = 0
    }
    return x
  }

  func residuals(y: [Double], coefficients b: [Double]) -> [Double] {
    y.indices.map { t in y[t] - dot(row(t), b) }
  }

  /// The observations in event k's horizon: from its date up to the next event's date or the end.
  func horizon(_ k: Int) -> Range<Int> {
    let lo = days.firstIndex { $0 >= events[k] } ?? days.count
    let hi = k + 1 < events.count ? (days.firstIndex { $0 >= events[k + 1] } ?? days.count) : days.count
    return lo..<hi
  }

  /// Σ over `range` of 100·[σ(x'b) − σ(c'b)] (c the row without event k) and its gradient in b.
  func summedEffect(_ k: Int, over range: Range<Int>, coefficients b: [Double]) -> (
    value: Double, gradient: [Double], fitted: Double, counterfactual: Double
  ) {
    var value = 0.0
    var fitted = 0.0
    var counterfactual = 0.0
    var gradient = [Double](repeating: 0, count: b.count)
    for t in range {
      let x = row(t)
      let c = row(t, without: k)
      let s = logistic(dot(x, b))
      let sc = logistic(dot(c, b))
      value += 100 * (s - sc)
      fitted += s
      counterfactual += sc
      for j in b.indices { gradient[j] += 100 * (s * (1 - s) * x[j] - sc * (1 - sc) * c[j]) }
    }
    return (value, gradient, fitted, counterfactual)
  }

  func eventEffect(
    _ k: Int, day: Day, ols: (coefficients: [Double], covariance: [[Double]], sumSquares: Double),
    hac v: [[Double]], quantile q: Double, degreesOfFreedom df: Int
  ) throws -> EventEffect {
    let b = ols.coefficients
    let range = horizon(k)
    let m = Double(range.count)
    let sum = summedEffect(k, over: range, coefficients: b)
    let cumulativeSE = quadraticForm(sum.gradient, v).squareRoot()
    let level = 2 + 2 * k
    let slope = 3 + 2 * k
    func p(_ i: Int) throws -> Double {
      let se = max(v[i][i], 0).squareRoot()
      return se > 0 ? try Distributions.studentTTwoSided(b[i] / se, degreesOfFreedom: Double(df)) : 1
    }
    return EventEffect(
      day: day, horizonFirstDay: days[range.lowerBound], horizonLastDay: days[range.upperBound - 1],
      horizonCount: range.count,
      levelChange: b[level], levelChangeSE: max(ols.covariance[level][level], 0).squareRoot(),
      levelChangeSEHAC: max(v[level][level], 0).squareRoot(), levelChangePHAC: try p(level),
      slopeChange: b[slope], slopeChangeSE: max(ols.covariance[slope][slope], 0).squareRoot(),
      slopeChangeSEHAC: max(v[slope][slope], 0).squareRoot(), slopeChangePHAC: try p(slope),
      fittedShare: sum.fitted / m, counterfactualShare: sum.counterfactual / m,
      effectPP: sum.value / m, effectSE: cumulativeSE / m,
      effectCI95: bounded((sum.value - q * cumulativeSE) / m...(sum.value + q * cumulativeSE) / m, by: 100),
      cumulativePP: sum.value, cumulativeSE: cumulativeSE,
      cumulativeCI95: bounded((sum.value - q * cumulativeSE)...(sum.value + q * cumulativeSE), by: 100 * m),
      placeboRank: nil, placeboCount: 0)
  }

  /// Observed, fitted and (inside each horizon) counterfactual shares, the last with its delta-method SE and a
  /// 95% interval mapped back from the logit scale.
  func path(shares: [Double], coefficients b: [Double], hac v: [[Double]], quantile q: Double) -> [EffectPathPoint] {
    var points = days.indices.map {
      EffectPathPoint(day: days[$0], share: shares[$0], fitted: logistic(dot(row($0), b)))
    }
    for k in events.indices {
      for t in horizon(k) {
        let c = row(t, without: k)
        let eta = dot(c, b)
        let se = quadraticForm(c, v).squareRoot()
        points[t].counterfactual = logistic(eta)
        points[t].counterfactualSE = logistic(eta) * (1 - logistic(eta)) * se
        // The interval is made on the logit scale and mapped back, so it stays inside 0...1; its
        // delta-method SE on the share scale is s(1 − s)·se.
        points[t].counterfactualCI95 = logistic(eta - q * se)...logistic(eta + q * se)
      }
    }
    return points
  }
}

private func logistic(_ x: Double) -> Double { 1 / (1 + exp(-x)) }

/// The symmetric delta-method interval cut at what a difference of two shares can be (±100 points a
/// day): with few values after an event it reached −103 points, a change no share can make.
private func bounded(_ interval: ClosedRange<Double>, by limit: Double) -> ClosedRange<Double> {
  min(max(interval.lowerBound, -limit), limit)...max(min(interval.upperBound, limit), -limit)
}

private func dot(_ a: [Double], _ b: [Double]) -> Double {
  var sum = 0.0
  for i in a.indices { sum += a[i] * b[i] }
  return sum
}

/// g' V g.
private func quadraticForm(_ g: [Double], _ v: [[Double]]) -> Double {
  var sum = 0.0
  for a in g.indices { for b in g.indices { sum += g[a] * v[a][b] * g[b] } }
  return max(sum, 0)
}
