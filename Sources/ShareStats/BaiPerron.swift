// Exact segmentation of a mean-shift model for every number of breaks: the dynamic programme of
// Bai & Perron (2003, "Computation and analysis of multiple structural change models", J. Appl.
// Econometrics 18, §3) for y = μ_j + u over segments of at least h values, as R's strucchange
// `breakpoints(y ~ 1, h = h)`, and the criteria that choose the number of breaks.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The optimal m-break fits of a mean-shift model, m = 0…maxBreaks.
public struct Segmentation: Sendable {
  public var count: Int
  /// The shortest segment (strucchange's h), in values.
  public var minSegment: Int
  /// Minimal residual sum of squares with m breaks, index m.
  public var rss: [Double]
  /// The optimal m-break fit: positions where a new segment starts, ascending (index m).
  public var breaks: [[Int]]

  public var maxBreaks: Int { rss.count - 1 }

  /// RSS with a floor of 10⁻¹⁴ of the RSS without breaks: a noise-free step fits exactly, and rounding in the
  /// segment means must not let a fit with more breaks look better than 0 (ln 0 = −∞ for every m).
  func flooredRSS(_ m: Int) -> Double { max(rss[m], rss[0] * 1e-14, .leastNormalMagnitude) }

  /// strucchange's `BIC(bp)`: −2 ln L + df ln n, with ln L = −n/2 (ln RSS + 1 − ln n + ln 2π) the Gaussian
  /// likelihood of the segmented mean and df = 2(m + 1) (m + 1 means, m break dates, the variance).
  public func bic(_ m: Int) -> Double {
    let n = Double(count)
    return n * (log(flooredRSS(m)) + 1 - log(n) + log(2 * Double.pi)) + log(n) * Double(2 * (m + 1))
  }

  /// Liu, Wu & Zidek (1997) as in Bai & Perron (2003) §5: ln(RSS/(n − q)) + q c₀ (ln n)^(2 + δ₀) / n,
  /// q = 2m + 1 (means and break dates), c₀ = 0.299, δ₀ = 0.1: a heavier penalty than BIC's ln n,
  /// which over-fits when the errors are serially correlated (Bai & Perron 2006).
  public func lwz(_ m: Int) -> Double {
    let n = Double(count)
    let q = Double(2 * m + 1)
    return log(flooredRSS(m) / (n - q)) + q * 0.299 * pow(log(n), 2.1) / n
  }

  /// The number of breaks that minimises `criterion` (the fewest among exact ties, as R's `which.min`).
  public func argmin(_ criterion: (Int) -> Double) -> Int {
    var best = 0
    for m in 1...max(1, maxBreaks) where m <= maxBreaks && criterion(m) < criterion(best) { best = m }
    return best
  }
}

public enum BaiPerron {
  /// strucchange's default largest number of breaks: ⌈n/h⌉ − 2 (at least 1 when two segments fit).
  public static func defaultMaxBreaks(count n: Int, minSegment h: Int) -> Int {
    max(0, min((n + h - 1) / h - 2, n / h - 1))
  }

  /// The optimal fits with 0…maxBreaks breaks, every segment at least `minSegment` long. O(K n²) time,
  /// O(K n) memory: segment RSS from prefix sums of the centred series, F_k(j) = min_i F_{k−1}(i) + RSS(i, j).
  /// Among equal totals the earliest break wins (strucchange's `which.min`).
  // hot loop: the K × n × n recursion of the dynamic programme, kept in one body so the inner loop stays tight
  public static func segment(_ y: [Double], minSegment h: Int, maxBreaks: Int? = nil) -> Segmentation {
    let n = y.count
    let limit = min(maxBreaks ?? defaultMaxBreaks(count: n, minSegment: h), defaultMaxBreaks(count: n, minSegment: h))
    let mean = y.reduce(0, +) / Double(max(n, 1))
    var s1 = [Double](repeating: 0, count: n + 1)
    var s2 = [Double](repeating: 0, count: n + 1)
    for i in 0..<n {
      let v = y[i] - mean
      s1[i + 1] = s1[i] + v
      s2[i + 1] = s2[i] + v * v
    }
    @inline(__always) func rss(_ i: Int, _ j: Int) -> Double {
      let sum = s1[j] - s1[i]
      return max(0, (s2[j] - s2[i]) - sum * sum / Double(j - i))
    }
    var result = Segmentation(count: n, minSegment: h, rss: [rss(0, n)], breaks: [[]])
    guard limit >= 1 else { return result }
    // f[j]: best cost of y[0..<j] with k breaks; back[k][j]: the start of its last segment.
    var f = [Double](repeating: .infinity, count: n + 1)
    for j in h...n { f[j] = rss(0, j) }
    var back: [[Int32]] = [[]]
    for k in 1...limit {
      var next = [Double](repeating: .infinity, count: n + 1)
      var arg = [Int32](repeating: -1, count: n + 1)
      if (k + 1) * h <= n {
        for j in ((k + 1) * h)...n {
          var best = Double.infinity
          var bestI = -1
          for i in (k * h)...(j - h) {
            let value = f[i] + rss(i, j)
            if value < best {
              best = value
              bestI = i
            }
          }
          next[j] = best
          arg[j] = Int32(bestI)
        }
      }
      back.append(arg)
      f = next
      var starts: [Int] = []
      var end = n
      for level in stride(from: k, through: 1, by: -1) {
        let start = Int(back[level][end])
        starts.append(start)
        end = start
      }
      result.breaks.append(starts.reversed())
      result.rss.append(segmentRSS(y, starts: starts.reversed()))
    }
    return result
  }

  /// RSS of the fit with these breaks, summed segment by segment (as strucchange reports it).
  static func segmentRSS(_ y: [Double], starts: [Int]) -> Double {
    let bounds = [0] + starts + [y.count]
    var total = 0.0
    for j in 0..<(bounds.count - 1) {
      let part = y[bounds[j]..<bounds[j + 1]]
      let mean = part.reduce(0, +) / Double(part.count)
      total += part.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
    }
    return total
  }
}

/// Zhang & Siegmund's (2007, Biometrics 63) modified BIC for a change in mean, in the form of R's
/// changepoint package (`cpt.mean(penalty = "MBIC")`, Killick & Eckley 2014): minimise
/// Σ_j [RSS_j / σ² + ln n_j] + 3 m ln n over segmentations with segments of at least h values, σ² known
/// (here the robust estimate). The ln n_j term penalises short segments. Exact optimal partitioning, O(n²).
public enum ModifiedBIC {
  public static func search(_ y: [Double], sigma: Double, minSegment h: Int) -> (breaks: [Int], objective: Double) {
    let n = y.count
    let scale = 1 / max(sigma * sigma, .leastNormalMagnitude)
    let beta = 3 * log(Double(n))
    let mean = y.reduce(0, +) / Double(max(n, 1))
    var s1 = [Double](repeating: 0, count: n + 1)
    var s2 = [Double](repeating: 0, count: n + 1)
    for i in 0..<n {
      s1[i + 1] = s1[i] + (y[i] - mean)
      s2[i + 1] = s2[i] + (y[i] - mean) * (y[i] - mean)
    }
    func cost(_ i: Int, _ j: Int) -> Double {
      let sum = s1[j] - s1[i]
      return max(0, (s2[j] - s2[i]) - sum * sum / Double(j - i)) * scale + log(Double(j - i))
    }
    guard n >= 2 * h else { return ([], cost(0, n)) }
    var f = [Double](repeating: .infinity, count: n + 1)
    var last = [Int](repeating: 0, count: n + 1)
    for j in h...n {
      f[j] = cost(0, j)
      guard j >= 2 * h else { continue }
      for i in h...(j - h) where f[i] + cost(i, j) + beta < f[j] {
        f[j] = f[i] + cost(i, j) + beta
        last[j] = i
      }
    }
    var breaks: [Int] = []
    var t = n
    while last[t] > 0 {
      breaks.append(last[t])
      t = last[t]
    }
    return (breaks.reversed(), f[n])
  }
}
