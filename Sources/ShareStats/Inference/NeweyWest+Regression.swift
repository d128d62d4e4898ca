// Newey–West covariance of the coefficients of a small OLS regression and the Wald F test of some of them
// being zero, as R's `lmtest::waldtest(restricted, full, vcov = NeweyWest(full, prewhite = FALSE),
// test = "F")`: the HAC version of the Chow test. The lag is sandwich's automatic one (see
// NeweyWest+Bandwidth.swift), from the scores of the non-intercept columns.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension NeweyWest {
  /// Wald F = β_R' V_RR⁻¹ β_R / q for the coefficients `tested` of the OLS of y on `columns` (the first the
  /// intercept), V the Newey–West covariance (Bartlett weights, lag `lag`, no small-sample factor);
  /// df (q, n − k). `bandwidthColumns`: the columns whose scores choose the lag when `lag` is nil (R uses
  /// the regressors as given, so pass them uncentred).
  public static func waldF(
    y: [Double], columns: [[Double]], tested: [Int], bandwidthColumns: [[Double]], lag: Int? = nil
  ) throws -> (f: Double, pValue: Double, lag: Int) {
    let n = y.count
    let k = columns.count
    guard n > k, columns.allSatisfy({ $0.count == n }), !tested.isEmpty else {
      throw StatisticsInputError(description: "a Wald test needs more values than coefficients")
    }
    var xtx = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
    var xty = [Double](repeating: 0, count: k)
    for a in 0..<k {
      for t in 0..<n { xty[a] += columns[a][t] * y[t] }
      for b in 0..<k { for t in 0..<n { xtx[a][b] += columns[a][t] * columns[b][t] } }
    }
    let bread = try invert(xtx)
    let beta = (0..<k).map { a in (0..<k).reduce(0) { $0 + bread[a][$1] * xty[$1] } }
    let u = (0..<n).map { t in y[t] - (0..<k).reduce(0) { $0 + beta[$1] * columns[$1][t] } }
    let (v, lags) = try covariance(columns: columns, residuals: u, bandwidthColumns: bandwidthColumns, lag: lag)
    let vr = try invert(tested.map { a in tested.map { v[a][$0] } })
    let br = tested.map { beta[$0] }
    var wald = 0.0
    for a in br.indices { for b in br.indices { wald += br[a] * vr[a][b] * br[b] } }
    let q = Double(tested.count)
    let f = wald / q
    let p = try Distributions.fUpperTail(max(f, 0), numeratorDF: q, denominatorDF: Double(n - k))
    return (f, p, lags)
  }

  /// The Newey–West covariance (X'X)⁻¹ S (X'X)⁻¹ of OLS coefficients on `columns` with residuals `u`
  /// (Bartlett weights 1 − j/(L + 1), no small-sample factor: sandwich's adjust = FALSE), and the lag L:
  /// ⌊bandwidth⌋ of the scores Σ_c x_c,t·u_t over `bandwidthColumns` (the non-intercept regressors as R
  /// sees them) when `lag` is nil, capped at n − 1.
  public static func covariance(
    columns: [[Double]], residuals u: [Double], bandwidthColumns: [[Double]], lag: Int? = nil
  ) throws -> (covariance: [[Double]], lag: Int) {
    let n = u.count
    let k = columns.count
    guard n > k, columns.allSatisfy({ $0.count == n }) else {
      throw StatisticsInputError(description: "a HAC covariance needs more values than coefficients")
    }
    var xtx = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
    for a in 0..<k { for b in 0..<k { for t in 0..<n { xtx[a][b] += columns[a][t] * columns[b][t] } } }
    let bread = try invert(xtx)
    let scores = (0..<n).map { t in bandwidthColumns.reduce(0) { $0 + $1[t] } * u[t] }
    let bw = bandwidth(scores: scores)
    let lags = min(lag ?? (bw.isFinite ? Int(bw.rounded(.down)) : 0), n - 1)
    var meat = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
    for j in 0...lags {
      let w = 1 - Double(j) / Double(lags + 1)
      for a in 0..<k {
        for b in 0..<k {
          var sum = 0.0
          for t in j..<n { sum += columns[a][t] * u[t] * columns[b][t - j] * u[t - j] }
          meat[a][b] += w * sum
          if j > 0 { meat[b][a] += w * sum }
        }
      }
    }
    return (multiply(multiply(bread, meat), bread), lags)
  }

  static func multiply(_ a: [[Double]], _ b: [[Double]]) -> [[Double]] {
    a.map { row in b[0].indices.map { c in row.indices.reduce(0) { $0 + row[$1] * b[$1][c] } } }
  }

  /// Gauss–Jordan inverse with partial pivoting, for the handful of coefficients here.
  static func invert(_ m: [[Double]]) throws -> [[Double]] {
    let k = m.count
    var a = m.enumerated().map { i, row in row + (0..<k).map { $0 == i ? 1.0 : 0.0 } }
    for c in 0..<k {
      let pivot = (c..<k).max { abs(a[$0][c]) < abs(a[$1][c]) }!
      guard abs(a[pivot][c]) > 0 else { throw StatisticsInputError(description: "the regressors are collinear") }
      a.swapAt(c, pivot)
      let d = a[c][c]
      a[c] = a[c].map { $0 / d }
      for r in 0..<k where r != c {
        let factor = a[r][c]
        if factor != 0 { a[r] = zip(a[r], a[c]).map { $0 - factor * $1 } }
      }
    }
    return a.map { Array($0[k...]) }
  }
}
