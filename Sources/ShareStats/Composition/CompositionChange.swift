// Did the composition change? One test for all categories at once, where the per-category tests of
// `compare` are D tests of parts that must sum to 1. The days of each period become log-ratio
// coordinates (clr, then ilr), and a Wald test with a Newey–West covariance per period asks whether
// their means differ; the Aitchison distance says by how much the period compositions differ.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One category's log-ratio change: how its share moved relative to the geometric mean of all the
/// compared categories' shares (a clr difference; exp of it is the factor against that mean).
public struct LogRatioChange: Sendable {
  public var category: String
  /// clr(period composition) − clr(baseline composition), of the volume shares.
  public var change: Double
  /// The difference of the mean daily clr coordinates, the quantity the Wald test is about.
  public var dailyChange: Double
  /// 95% normal interval of `dailyChange` from the two periods' Newey–West covariances.
  public var dailyCI95: (low: Double, high: Double)?
}

/// The composition of one period against the baseline's (`CompositionChange.compare`).
public struct CompositionChange: Sendable {
  /// The compared categories (the parts), in the data's order.
  public var categories: [String]
  /// Categories outside their span on some day of either period (structural zeros), left out.
  public var leftOut: [String]
  /// Aitchison distance between the two periods' volume-share compositions over the kept days.
  public var aitchisonDistance: Double
  /// Aitchison distance between the centres (mean daily clr) the test compares.
  public var dailyDistance: Double
  /// Wald statistic Δȳᵀ (Ω_A/n_A + Ω_B/n_B)⁻¹ Δȳ on the ilr coordinates; chi-squared with `df` under
  /// no change. nil where the covariance is singular.
  public var statistic: Double?
  /// D − 1.
  public var df: Int
  public var pValue: Double?
  /// log10 of `pValue`, exact where the p underflows to 0.
  public var log10PValue: Double?
  public var basis: IlrBasis
  /// Each period's Bartlett lag (`LongRunCovariance.automaticLag`): baseline, other.
  public var lags: (Int, Int)
  /// Days in the test (baseline, other) and days left out because a compared category had no value.
  public var days: (Int, Int)
  public var daysLeftOut: (Int, Int)
  /// Zero parts replaced multiplicatively (`LogRatio.replacingZeros`): day-cells plus period parts.
  public var replacedZeros: Int
  public var changes: [LogRatioChange]
}

extension CompositionChange {
  /// The composition change from the baseline's buckets `a` to `b` (the data's own resolution).
  /// Parts: the categories inside their span on every day of both periods; a category outside its span
  /// on some day (not listed yet, or gone) is a structural zero and is left out — amalgamating it
  /// into a catch-all would change that part's meaning between periods. A day on which a compared
  /// category has no value (missing is never zero) or all compared volumes are 0 is left out; an
  /// observed 0 is a count zero and is replaced multiplicatively. nil with fewer than two parts, or
  /// with no more days in a period than coordinates (D − 1).
  public static func compare(
    _ a: ArraySlice<BucketShares>, _ b: ArraySlice<BucketShares>, categories names: [String],
    basis: IlrBasis = .pivot
  ) throws -> CompositionChange? {
    let parts = names.indices.filter { c in !(a + b).contains { $0.states[c] == .absent } }
    guard parts.count >= 2 else { return nil }
    let leftOut = names.indices.filter { !parts.contains($0) }.map { names[$0] }
    let da = PeriodComposition(a, parts: parts)
    let db = PeriodComposition(b, parts: parts)
    guard da.clr.count >= 2, db.clr.count >= 2 else { return nil }
    let v = basis.matrix(parts: parts.count)
    let lags = (try LongRunCovariance.automaticLag(clr: da.clr), try LongRunCovariance.automaticLag(clr: db.clr))
    let ya = da.clr.map { LogRatio.ilr(clr: $0, basis: v) }
    let yb = db.clr.map { LogRatio.ilr(clr: $0, basis: v) }
    let k = parts.count - 1
    let delta = (0..<k).map { i in mean(yb.map { $0[i] }) - mean(ya.map { $0[i] }) }
    // With k coordinates and n ≤ k days a period's covariance has rank < k: the sum can still be
    // invertible, but it rests on too few days per coordinate to mean anything, and Ω costs O(L·n·k²).
    guard k < min(ya.count, yb.count) else { return nil }
    let oa = LongRunCovariance.bartlett(ya, lag: lags.0)
    let ob = LongRunCovariance.bartlett(yb, lag: lags.1)
    let na = Double(ya.count)
    let nb = Double(yb.count)
    let sigma = (0..<k).map { i in (0..<k).map { j in oa[i][j] / na + ob[i][j] / nb } }
    let statistic = delta.allSatisfy { $0 == 0 } ? 0 : QuadraticForm.inverse(sigma, delta)
    let df = Double(k)
    let p = try statistic.map { try Distributions.chiSquaredUpperTail($0, degreesOfFreedom: df) }
    let log10P = try statistic.map { try Distributions.log10ChiSquaredUpperTail($0, degreesOfFreedom: df) }
    // clr = V·ilr, so the clr difference and its covariance come back through V.
    let dailyChange = (0..<parts.count).map { c in (0..<k).reduce(0) { $0 + v[c][$1] * delta[$1] } }
    let periodChange = zip(LogRatio.clr(db.total), LogRatio.clr(da.total)).map { $0 - $1 }
    let changes = parts.indices.map { c -> LogRatioChange in
      var variance = 0.0
      for i in 0..<k { for j in 0..<k { variance += v[c][i] * sigma[i][j] * v[c][j] } }
      let half = 1.959_963_984_540_054 * max(variance, 0).squareRoot()
      return LogRatioChange(
        category: names[parts[c]], change: periodChange[c], dailyChange: dailyChange[c],
        dailyCI95: (dailyChange[c] - half, dailyChange[c] + half))
    }
    return CompositionChange(
      categories: parts.map { names[$0] }, leftOut: leftOut,
      aitchisonDistance: LogRatio.distance(da.total, db.total),
      dailyDistance: dailyChange.reduce(0) { $0 + $1 * $1 }.squareRoot(), statistic: statistic, df: k, pValue: p,
      log10PValue: log10P, basis: basis, lags: lags, days: (ya.count, yb.count),
      daysLeftOut: (a.count - ya.count, b.count - yb.count),
      replacedZeros: da.replaced + db.replaced, changes: changes)
  }

  static func mean(_ x: [Double]) -> Double { x.reduce(0, +) / Double(x.count) }
}

/// One period's days as clr vectors of the compared parts, and its total composition.
struct PeriodComposition {
  var clr: [[Double]] = []
  /// The parts' volumes summed over the kept days, zeros replaced, closed to 1.
  var total: [Double] = []
  var replaced = 0

  init(_ buckets: ArraySlice<BucketShares>, parts: [Int]) {
    var sums = [Double](repeating: 0, count: parts.count)
    for bucket in buckets {
      let volumes = parts.map { bucket.states[$0] == .observed ? bucket.volumes[$0] : nil }
      guard volumes.allSatisfy({ $0 != nil }) else { continue }
      let x = volumes.map { $0! }
      guard x.reduce(0, +) > 0 else { continue }
      let (composition, zeros) = LogRatio.replacingZeros(x)
      replaced += zeros
      clr.append(LogRatio.clr(composition))
      for i in x.indices { sums[i] += x[i] }
    }
    guard sums.reduce(0, +) > 0 else { return }
    let (composition, zeros) = LogRatio.replacingZeros(sums)
    total = composition
    replaced += zeros
  }
}
