// Moving-block bootstrap (Künsch 1989) of a difference in shares (volume-weighted or mean daily)
// between two periods. Days are resampled in blocks of consecutive days so the autocorrelation of daily
// volumes survives; the same resampled days serve every category, so shares stay consistent.
// The block length comes from the data (Politis & White 2004, `PeriodDays.defaultBlock`).

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Daily volumes of one period: per category (0 where not observed) and the day totals; and each
/// category's own-resolution share of each day (nil where it has none), for the mean daily share.
public struct PeriodDays: Sendable {
  public var volumes: [[Double]]
  public var totals: [Double]
  /// Per category, per day: the day's share, nil where the category has none (a gap, or no total).
  public var shares: [[Double?]]

  public var count: Int { totals.count }

  public init(volumes: [[Double]], totals: [Double], shares: [[Double?]]? = nil) {
    self.volumes = volumes
    self.totals = totals
    self.shares =
      shares
      ?? volumes.map { v in zip(v, totals).map { $1 > 0 ? $0 / $1 : nil } }
  }

  /// The bootstrap block for these days, from the data: the largest Politis–White circular
  /// length (`BlockLength(politisWhite:)`, in whole days) over the categories' series whose mean
  /// the estimand is, to first order. For the volume share that is the linearised daily series
  /// u_t = v_t − ŝ·T_t (v the category's volume, T the day's total, ŝ = Σv / ΣT the period's
  /// volume-weighted share): ŝ* − ŝ = Σ u*_t / Σ T*_t, so the block that is right for the mean of u
  /// is right for ŝ. For the mean daily share it is the daily shares themselves. Why the largest:
  /// the same resampled days serve every category, and a block too short for one of them
  /// understates its interval. Falls back to ⌈n^(1/3)⌉ where no category gives a length (fewer
  /// than 10 days, or every series constant).
  public func defaultBlock(_ weighting: Weighting = .volume) -> Int {
    politisWhiteBlock(weighting) ?? BlockBootstrap.defaultBlock(count: count)
  }

  /// The Politis–White part of `defaultBlock()`: nil where no category gives a length.
  public func politisWhiteBlock(_ weighting: Weighting = .volume) -> Int? {
    var longest: Int?
    for series in blockSeries(weighting) {
      if let length = try? BlockLength(politisWhite: series).circularDays { longest = max(longest ?? 0, length) }
    }
    return longest
  }

  /// The per-category series whose mean the estimand is, to first order (see `defaultBlock`).
  func blockSeries(_ weighting: Weighting) -> [[Double]] {
    switch weighting {
    case .volume:
      let total = totals.reduce(0, +)
      guard total > 0 else { return [] }
      return volumes.map { v in
        let share = v.reduce(0, +) / total
        return zip(v, totals).map { $0 - share * $1 }
      }
    case .equal:
      return shares.map { $0.compactMap { $0 } }
    }
  }

  /// Each category's estimate over the days `index` (repeats count again): the volume share
  /// Σv / ΣT, or the mean of the shares the category has on those days; nil where undefined.
  func estimates(at index: [Int], weighting: Weighting, into out: inout [Double?]) {
    switch weighting {
    case .volume:
      var total = 0.0
      for i in index { total += totals[i] }
      for c in volumes.indices {
        guard total > 0 else {
          out[c] = nil
          continue
        }
        var v = 0.0
        for i in index { v += volumes[c][i] }
        out[c] = v / total
      }
    case .equal:
      for c in shares.indices {
        var sum = 0.0
        var n = 0
        for i in index {
          if let s = shares[c][i] {
            sum += s
            n += 1
          }
        }
        out[c] = n > 0 ? sum / Double(n) : nil
      }
    }
  }
}

/// Where a bootstrap block length came from.
public enum BlockRule: String, Sendable {
  /// Set by the caller (`CompareOptions.block`).
  case given
  /// Politis & White (2004) from the data (`PeriodDays.politisWhiteBlock()`).
  case politisWhite = "politis_white"
  /// ⌈n^(1/3)⌉, where the data give no Politis–White length (under 10 days, or nothing varies).
  case cubeRoot = "cube_root"
}

public enum BlockBootstrap {
  /// The fixed block length ⌈n^(1/3)⌉ (Hall, Horowitz & Jing 1995 for variance-type targets): the
  /// fallback where the Politis–White length is undefined (under 10 days, or nothing varies).
  public static func defaultBlock(count n: Int) -> Int {
    max(1, Int(pow(Double(n), 1.0 / 3).rounded(.up)))
  }

  /// The moving-block bootstrap of 100·(estimate_B − estimate_A) for every category, from `resamples`
  /// replicates with blocks of `blocks.a` and `blocks.b` days (nil: each period's
  /// `PeriodDays.defaultBlock()`): the 95% percentile interval and the two-sided p of the same draws
  /// (`BootstrapChange`); seeded: the same seed gives the same results. The same resampled days
  /// serve every category. A replicate whose estimate is undefined (a zero total for the volume
  /// share, no share on any resampled day for the mean daily share) is counted, not used.
  /// `paired`: the two periods are the same days, so one resample of them serves both (the two
  /// estimates are of one sample, and every draw of Δ is exactly 0: a period against itself gets the
  /// interval [0, 0] and p 1, not the scatter of two independent copies).
  public static func deltas(
    a: PeriodDays, b: PeriodDays, weighting: Weighting = .volume, resamples: Int, blocks: (a: Int, b: Int)? = nil,
    seed: UInt, paired: Bool = false
  ) throws -> [BootstrapChange?] {
    let k = a.volumes.count
    guard resamples >= 2, a.count >= 1, b.count >= 1 else { return Array(repeating: nil, count: k) }
    let random = RandomSource(seed: seed)
    let blockA = blocks?.a ?? a.defaultBlock(weighting)
    let blockB = blocks?.b ?? b.defaultBlock(weighting)
    var draws = [[Double]](repeating: [], count: k)
    for c in 0..<k { draws[c].reserveCapacity(resamples) }
    var indexA = [Int](repeating: 0, count: a.count)
    var indexB = [Int](repeating: 0, count: b.count)
    var estimateA = [Double?](repeating: nil, count: k)
    var estimateB = [Double?](repeating: nil, count: k)
    for _ in 0..<resamples {
      resample(into: &indexA, block: blockA, random: random)
      if paired && a.count == b.count && blockA == blockB {
        indexB = indexA
      } else {
        resample(into: &indexB, block: blockB, random: random)
      }
      a.estimates(at: indexA, weighting: weighting, into: &estimateA)
      b.estimates(at: indexB, weighting: weighting, into: &estimateB)
      for c in 0..<k {
        if let ea = estimateA[c], let eb = estimateB[c] { draws[c].append(100 * (eb - ea)) }
      }
    }
    return try draws.map { values in
      guard values.count >= 2 else { return nil }
      return try BootstrapChange(draws: values.sorted(), resamples: resamples)
    }
  }

  /// Fills `index` with ⌈n/ℓ⌉ blocks of ℓ consecutive positions starting uniformly in 0...n−ℓ.
  static func resample(into index: inout [Int], block: Int, random: RandomSource) {
    let n = index.count
    let length = min(max(block, 1), n)
    var filled = 0
    while filled < n {
      let start = random.uniformInt(below: n - length + 1)
      var j = 0
      while j < length && filled < n {
        index[filled] = start + j
        filled += 1
        j += 1
      }
    }
  }
}
