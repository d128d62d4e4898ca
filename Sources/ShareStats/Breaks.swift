// Dating the breaks in a category's share series, a mean-shift model on the logit of the daily
// share: the exact fits of Bai & Perron (2003) chosen by BIC or LWZ (BaiPerron.swift), MBIC, or PELT
// (Killick, Fearnhead & Eckley 2012) for a numeric penalty; and the Chow (1960) test at a known date.

import ShareData

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The logit of shares, with 0 and 1 clamped to [ε, 1 − ε], ε = 10⁻⁴ (and counted).
public struct LogitSeries: Sendable {
  public static let epsilon = 1e-4
  public var values: [Double]
  public var clamped: Int

  public init(_ shares: [Double]) {
    var clamped = 0
    values = shares.map { s in
      let c = min(max(s, LogitSeries.epsilon), 1 - LogitSeries.epsilon)
      if c != s { clamped += 1 }
      return log(c / (1 - c))
    }
    self.clamped = clamped
  }

  /// Time in months since 1970-01-01 (mean Gregorian month, 30.436875 days): the regressor of
  /// trends and Chow tests, so slopes read "per month".
  public static func months(day: Int64) -> Double { Double(day) / 30.436875 }
}

/// How the number of breaks is chosen.
public enum BreakPenalty: Sendable, Equatable, CustomStringConvertible {
  /// strucchange's BIC of the optimal m-break fits (`BIC(bp)`): Gaussian likelihood of the segmented mean,
  /// 2(m + 1) parameters.
  case bic
  /// Liu, Wu & Zidek (1997), as recommended by Bai & Perron (2003) for serially correlated errors.
  case lwz
  /// Zhang & Siegmund (2007) as R changepoint's MBIC: RSS/σ² + Σ ln n_j + 3 m ln n (σ robust).
  case mbic
  /// A penalty per break in the units of the RSS of the logit, searched by PELT.
  case manual(Double)

  public init?(_ text: String) {
    switch text.lowercased() {
    case "mbic": self = .mbic
    case "bic", "sic": self = .bic
    case "lwz": self = .lwz
    default:
      guard let value = Double(text), value.isFinite, value >= 0 else { return nil }
      self = .manual(value)
    }
  }

  public var description: String {
    switch self {
    case .mbic: "mbic"
    case .bic: "bic"
    case .lwz: "lwz"
    case .manual(let v): String(v)
    }
  }
}

public struct Break: Sendable, Equatable {
  /// Position in the series where the new segment starts.
  public var index: Int
  public var day: Int64
  public var shareBefore: Double
  public var shareAfter: Double
  /// The 95% interval of the break date (Bai 1997, as strucchange's `confint`), first and last day; `nil`
  /// where it cannot be computed.
  public var ci95: ClosedRange<Int64>? = nil
  public var deltaPP: Double { 100 * (shareAfter - shareBefore) }
  public var date: CivilDate { CivilDate(dayNumber: day) }
}

public struct BreakAnalysis: Sendable {
  public var category: String
  /// How the number of breaks was chosen: `nil` when fixed by `maxBreaks`.
  public var penalty: BreakPenalty?
  /// The method that placed the breaks: "Bai-Perron" (exact dynamic programme), "MBIC" (exact optimal
  /// partitioning) or "PELT".
  public var method: String
  /// The robust noise scale of the logit (MAD of the day-to-day changes / √2): the σ of MBIC.
  public var sigma: Double
  public var minSegment: Int
  public var count: Int
  public var clamped: Int
  /// Residual sum of squares of the logit around the segment means.
  public var rss: Double
  /// The value of the criterion that chose the fit (BIC, LWZ, MBIC, or the penalised cost of PELT);
  /// `nil` for a fixed number of breaks.
  public var criterion: Double?
  /// The breaks of the fit, in date order.
  public var breaks: [Break]
  /// Andrews' sup-F test of "no break" against one break at an unknown date (trim 0.15); `nil` when the
  /// series is too short.
  public var supF: SupFTest?
}

public enum Breaks {
  /// Robust noise scale of the logit series: MAD(diff)/√2 over the category's span only (a run of
  /// clamped zeros after a category ended has no noise and would shrink the estimate to nothing).
  public static func sigma(_ y: [Double], inSpan: [Bool]) -> Double {
    var diffs: [Double] = []
    for i in 1..<max(1, y.count) where inSpan[i] && inSpan[i - 1] { diffs.append(y[i] - y[i - 1]) }
    if diffs.isEmpty { for i in 1..<max(1, y.count) { diffs.append(y[i] - y[i - 1]) } }
    guard !diffs.isEmpty else { return 1 }
    let mad = 1.4826 * median(diffs.map { abs($0 - median(diffs)) })
    if mad > 0 { return mad / 2.0.squareRoot() }
    if diffs.count >= 2, let variance = try? Descriptive.variance(diffs), variance > 0 {
      return variance.squareRoot() / 2.0.squareRoot()
    }
    return 1
  }

  static func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return (try? Quantiles.fromSorted(sorted, 0.5)) ?? 0
  }

  /// PELT for the l2 cost with a minimum segment length: exact (the same optimum as optimal
  /// partitioning), pruned by the rule F(s) + C(s, t) > F(t).
  public static func pelt(_ y: [Double], penalty beta: Double, minSegment m: Int) -> (breaks: [Int], objective: Double)
  {
    let n = y.count
    guard n >= 2 * m, m >= 1 else {
      return ([], cost(prefix(y), 0, n))
    }
    let sums = prefix(y)
    var f = [Double](repeating: .infinity, count: n + 1)
    var last = [Int](repeating: 0, count: n + 1)
    f[0] = -beta
    // Each candidate last break s, and the time its pruning condition first held. Pruning at t is
    // exact only for ends T ≥ t + m (the split at t must itself be admissible), so a pruned s stays
    // until then; pruning at once is what makes ruptures' PELT inexact with a minimum segment.
    var candidates: [(s: Int, prunedAt: Int?)] = [(0, nil)]
    for t in m...n {
      if t - m >= m { candidates.append((t - m, nil)) }  // the newest admissible last break
      candidates.removeAll { $0.prunedAt.map { t >= $0 + m } ?? false }
      var best = Double.infinity
      var bestS = 0
      var costs = [Double](repeating: .infinity, count: candidates.count)
      for (i, candidate) in candidates.enumerated() where t - candidate.s >= m && f[candidate.s].isFinite {
        let c = cost(sums, candidate.s, t)
        costs[i] = c
        let value = f[candidate.s] + c + beta
        if value < best {
          best = value
          bestS = candidate.s
        }
      }
      f[t] = best
      last[t] = bestS
      // A start that cannot beat t now never will for ends T ≥ t + m (the l2 cost is additive, K = 0).
      for i in candidates.indices where candidates[i].prunedAt == nil && costs[i].isFinite {
        if f[candidates[i].s] + costs[i] > f[t] { candidates[i].prunedAt = t }
      }
    }
    var breaks: [Int] = []
    var t = n
    while t > 0 {
      let s = last[t]
      if s > 0 { breaks.append(s) }
      t = s
    }
    return (breaks.reversed(), f[n])
  }

  struct PrefixSums {
    var s1: [Double]
    var s2: [Double]
  }

  static func prefix(_ y: [Double]) -> PrefixSums {
    var s1 = [0.0]
    var s2 = [0.0]
    for v in y {
      s1.append(s1.last! + v)
      s2.append(s2.last! + v * v)
    }
    return PrefixSums(s1: s1, s2: s2)
  }

  /// Σ (y − ȳ)² over positions s..<t.
  static func cost(_ p: PrefixSums, _ s: Int, _ t: Int) -> Double {
    guard t > s else { return 0 }
    let sum = p.s1[t] - p.s1[s]
    return max(0, (p.s2[t] - p.s2[s]) - sum * sum / Double(t - s))
  }

  /// Break dating on a share series: the optimal fit with exactly `maxBreaks` breaks when it is given
  /// (Bai & Perron's dynamic programme), else the fit the penalty chooses; for `lwz` and `bic` among the fits
  /// with at most `limit` breaks when it is given (strucchange's `breaks` argument).
  public static func analyse(
    _ series: ShareSeries, penalty: BreakPenalty = .lwz, minSegment: Int = 7, maxBreaks: Int? = nil,
    limit: Int? = nil
  ) throws -> BreakAnalysis {
    guard minSegment >= 1 else { throw ShareError.request("\(setting: .minSegment) must be 1 or more") }
    if let maxBreaks, maxBreaks < 1 { throw ShareError.request("\(setting: .maxBreaks) must be 1 or more") }
    guard series.count >= 2 * minSegment else {
      throw ShareError.request(
        "\(series.category) has \(series.count) values: too few for segments of at least \(minSegment)",
        hint: "lower \(setting: .minSegment) or widen \(setting: .from)/\(setting: .to)")
    }
    let logit = LogitSeries(series.shares)
    let y = logit.values
    let sigma = sigma(y, inSpan: series.inSpan)
    var indices: [Int]
    var method = "Bai-Perron"
    var criterion: Double? = nil
    var chosenBy: BreakPenalty? = penalty
    if let maxBreaks {
      let fits = BaiPerron.segment(y, minSegment: minSegment, maxBreaks: maxBreaks)
      indices = fits.breaks[fits.maxBreaks]
      chosenBy = nil
    } else {
      switch penalty {
      case .bic, .lwz:
        let fits = BaiPerron.segment(y, minSegment: minSegment, maxBreaks: limit)
        let score = penalty == .bic ? fits.bic : fits.lwz
        let m = fits.argmin(score)
        indices = fits.breaks[m]
        criterion = score(m)
      case .mbic:
        (indices, criterion) = ModifiedBIC.search(y, sigma: sigma, minSegment: minSegment)
        method = "MBIC"
      case .manual(let beta):
        (indices, criterion) = pelt(y, penalty: beta, minSegment: minSegment)
        method = "PELT"
      }
    }
    let bounds = [0] + indices + [series.count]
    let intervals = BreakDateInterval.intervals(y, starts: indices)
    let lastIndex = series.count - 1
    var breaks: [Break] = []
    for (j, index) in indices.enumerated() {
      let before = series.shares[bounds[j]..<index]
      let after = series.shares[index..<bounds[j + 2]]
      breaks.append(
        Break(
          index: index, day: series.days[index], shareBefore: before.reduce(0, +) / Double(before.count),
          shareAfter: after.reduce(0, +) / Double(after.count),
          ci95: intervals[j].map {
            series.days[min(max($0.lower, 0), lastIndex)]...series.days[min(max($0.upper, 0), lastIndex)]
          }))
    }
    return BreakAnalysis(
      category: series.category, penalty: chosenBy, method: method, sigma: sigma, minSegment: minSegment,
      count: series.count, clamped: logit.clamped, rss: BaiPerron.segmentRSS(y, starts: indices),
      criterion: criterion, breaks: breaks, supF: try? SupFTest(y, trim: 0.15))
  }
}

/// The Chow test for a structural break at a known date in the regression y = a + b·t.
public struct ChowTest: Sendable {
  public var day: Day
  public var f: Double
  public var df1: Int
  public var df2: Int
  public var pValue: Double
  /// log10 of `pValue`, exact where the p-value is below the smallest double and prints as 0; nil
  /// when the segments fit exactly.
  public var log10PValue: Double?
  public var rssPooled: Double
  public var rssBefore: Double
  public var rssAfter: Double
  /// The HAC version: Wald F for the shift in intercept and slope with the Newey–West covariance of the
  /// unrestricted fit (sandwich's automatic lag, prewhite = FALSE), df (2, n − 4), as lmtest's waldtest.
  public var fHAC: Double
  public var pValueHAC: Double
  public var hacLag: Int

  public init(_ series: ShareSeries, at day: Day) throws {
    let y = LogitSeries(series.shares).values
    let t = series.days.map(LogitSeries.months)
    let split = series.days.firstIndex { $0 >= day.number } ?? series.count
    let k = 2
    guard split >= k + 1, series.count - split >= k + 1 else {
      throw ShareError.request(
        "a Chow test at \(day) needs at least \(k + 1) values on each side",
        hint:
          "the series runs from \(CivilDate(dayNumber: series.days.first ?? 0)) to \(CivilDate(dayNumber: series.days.last ?? 0))"
      )
    }
    self.day = day
    rssPooled = try Fitting.linear(x: t, y: y).sumSquares
    rssBefore = try Fitting.linear(x: Array(t[..<split]), y: Array(y[..<split])).sumSquares
    rssAfter = try Fitting.linear(x: Array(t[split...]), y: Array(y[split...])).sumSquares
    df1 = k
    df2 = series.count - 2 * k
    let within = rssBefore + rssAfter
    f = within > 0 ? ((rssPooled - within) / Double(k)) / (within / Double(df2)) : .infinity
    pValue =
      f.isFinite ? try Distributions.fUpperTail(max(f, 0), numeratorDF: Double(df1), denominatorDF: Double(df2)) : 0
    log10PValue =
      f.isFinite
      ? try Distributions.log10FUpperTail(max(f, 0), numeratorDF: Double(df1), denominatorDF: Double(df2)) : nil
    if !f.isFinite { f = Double.greatestFiniteMagnitude }
    // Regressors 1, t, D, D·t (D = 1 from the date on); t centred for the covariance (the Wald statistic
    // does not change), uncentred for the lag, as R sees them.
    let after = t.indices.map { $0 >= split ? 1.0 : 0 }
    let meanT = t.reduce(0, +) / Double(t.count)
    let centred = t.map { $0 - meanT }
    let hac = try NeweyWest.waldF(
      y: y, columns: [t.map { _ in 1 }, centred, after, zip(after, centred).map(*)], tested: [2, 3],
      bandwidthColumns: [t, after, zip(after, t).map(*)])
    (fHAC, pValueHAC, hacLag) = hac
  }
}
