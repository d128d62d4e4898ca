// The industrial-organisation measures of how a market's shares move and how its concentration
// splits, beside the level measures of `ConcentrationMeasures`: Hymer–Pashigian instability and
// Spearman rank mobility between consecutive buckets, and the entropy decomposition into a
// between-group and a within-group part (Theil 1967; Jacquemin & Berry 1979) when a map groups
// the categories (exchanges into currencies).

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

public enum ConcentrationDynamics {
  /// Hymer & Pashigian (1962) instability Σᵢ |sᵢ,t − sᵢ,t−1| (fractions, 0–2) over the categories
  /// with a share in either bucket; a share missing in one of them counts as 0 there (a category
  /// entering or leaving moves its whole share). Nil when neither bucket has a share.
  public static func instability(_ previous: [Double?], _ current: [Double?]) -> Double? {
    var sum = 0.0
    var any = false
    for (a, b) in zip(previous, current) where a != nil || b != nil {
      sum += abs((b ?? 0) - (a ?? 0))
      any = true
    }
    return any ? sum : nil
  }

  /// Spearman's rank correlation of the shares of the categories defined in both buckets
  /// (gsl_stats_spearman: average ranks for ties, as `scipy.stats.spearmanr`): 1 when the order of
  /// the categories kept, −1 when it reversed. Descriptive only: no test, since a handful of
  /// categories gives no useful null distribution. Nil with fewer than 3 such categories or when
  /// either ranking is all ties.
  public static func rankCorrelation(_ previous: [Double?], _ current: [Double?]) -> Double? {
    let pairs = zip(previous, current).compactMap { a, b in a.flatMap { a in b.map { (a, $0) } } }
    guard pairs.count >= 3 else { return nil }
    return Descriptive.spearman(pairs.map(\.0), pairs.map(\.1))
  }
}

/// Shannon entropy of the members' shares split by group: H = H_between + H_within, with
/// H_between = −Σ_g S_g ln S_g over the groups' shares S_g and H_within = Σ_g S_g H_g, H_g the
/// entropy of the members' shares within group g (sᵢ / S_g). In nats, over shares > 0.
public struct EntropySplit: Sendable, Equatable {
  public var total: Double
  public var between: Double
  public var within: Double

  /// `shares` of the members (nil ignored), `group` the group of each member. Nil when no member
  /// has a share > 0.
  public init?(shares: [Double?], group: [String]) {
    var groupShare: [String: Double] = [:]
    for (s, g) in zip(shares, group) { if let s, s > 0 { groupShare[g, default: 0] += s } }
    let all = groupShare.values.reduce(0, +)
    guard all > 0 else { return nil }
    // Renormalised over the members kept, so the parts add up when a map drops some of them.
    total = 0
    within = 0
    for (s, g) in zip(shares, group) {
      guard let s, s > 0, let groupTotal = groupShare[g] else { continue }
      let share = s / all
      total -= share * log(share)
      within -= share * log(s / groupTotal)
    }
    between = -groupShare.values.reduce(0) { $0 + ($1 / all) * log($1 / all) }
  }
}
