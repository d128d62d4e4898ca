// Moving-block bootstrap (Künsch 1989) of a difference in volume-weighted shares between two
// periods. Days are resampled in blocks of consecutive days so the autocorrelation of daily
// volumes survives; the same resampled days serve every category, so shares stay consistent.
// The block length comes from the data (Politis & White 2004, `PeriodDays.defaultBlock`).

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Daily volumes of one period: per category (0 where not observed) and the day totals.
public struct PeriodDays: Sendable {
  public var volumes: [[Double]]
  public var totals: [Double]

  public var count: Int { totals.count }

  public init(volumes: [[Double]], totals: [Double]) {
    self.volumes = volumes
    self.totals = totals
  }

  /// The bootstrap block for these days, from the data: the largest Politis–White circular
  /// length (`BlockLength(politisWhite:)`, in whole days) over the categories' linearised daily
  /// series u_t = v_t − ŝ·T_t (v the category's volume, T the day's total, ŝ = Σv / ΣT the period's
  /// volume-weighted share). Why that series: the bootstrap's statistic is ŝ, and to first order
  /// ŝ* − ŝ = Σ u*_t / Σ T*_t, so the block that is right for the mean of u is right for ŝ. Why
  /// the largest: the same resampled days serve every category, and a block too short for one of
  /// them understates its interval. Falls back to ⌈n^(1/3)⌉ where no category gives a length
  /// (fewer than 10 days, or every u constant).
  public func defaultBlock() -> Int { politisWhiteBlock() ?? BlockBootstrap.defaultBlock(count: count) }

  /// The Politis–White part of `defaultBlock()`: nil where no category gives a length.
  public func politisWhiteBlock() -> Int? {
    let total = totals.reduce(0, +)
    var longest: Int?
    if total > 0 {
      for v in volumes {
        let share = v.reduce(0, +) / total
        let u = zip(v, totals).map { $0 - share * $1 }
        if let length = try? BlockLength(politisWhite: u).circularDays { longest = max(longest ?? 0, length) }
      }
    }
    return longest
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

  /// 95% percentile intervals of 100·(share_B − share_A) for every category, from `resamples`
  /// replicates with blocks of `blocks.a` and `blocks.b` days (nil: each period's
  /// `PeriodDays.defaultBlock()`); seeded: the same seed gives the same intervals.
  public static func deltaIntervals(
    a: PeriodDays, b: PeriodDays, resamples: Int, blocks: (a: Int, b: Int)? = nil, seed: UInt
  ) throws -> [(low: Double, high: Double)?] {
    let k = a.volumes.count
    guard resamples >= 2, a.count >= 1, b.count >= 1 else { return Array(repeating: nil, count: k) }
    let random = RandomSource(seed: seed)
    let blockA = blocks?.a ?? a.defaultBlock()
    let blockB = blocks?.b ?? b.defaultBlock()
    var draws = [[Double]](repeating: [], count: k)
    for c in 0..<k { draws[c].reserveCapacity(resamples) }
    var indexA = [Int](repeating: 0, count: a.count)
    var indexB = [Int](repeating: 0, count: b.count)
    for _ in 0..<resamples {
      resample(into: &indexA, block: blockA, random: random)
      resample(into: &indexB, block: blockB, random: random)
      let totalA = indexA.reduce(0) { $0 + a.totals[$1] }
      let totalB = indexB.reduce(0) { $0 + b.totals[$1] }
      guard totalA > 0, totalB > 0 else { continue }
      for c in 0..<k {
        let va = indexA.reduce(0) { $0 + a.volumes[c][$1] }
        let vb = indexB.reduce(0) { $0 + b.volumes[c][$1] }
        draws[c].append(100 * (vb / totalB - va / totalA))
      }
    }
    return try draws.map { values in
      guard values.count >= 2 else { return nil }
      let sorted = values.sorted()
      return (try Quantiles.fromSorted(sorted, 0.025), try Quantiles.fromSorted(sorted, 0.975))
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
