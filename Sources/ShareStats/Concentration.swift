// Market concentration of a set of shares: HHI, concentration ratios, the effective number of
// categories, Shannon entropy and the Gini coefficient, with the US merger-guideline bands.

import ShareData

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Concentration bands of the US horizontal merger guidelines.
public enum ConcentrationBands: String, CaseIterable, Sendable {
  /// 2023 Merger Guidelines §2.1: HHI < 1,000 unconcentrated, 1,000–1,800 moderately, > 1,800 highly.
  case guidelines2023 = "2023"
  /// 2010 Horizontal Merger Guidelines §5.3: < 1,500, 1,500–2,500, > 2,500.
  case guidelines2010 = "2010"

  public var thresholds: (moderate: Double, high: Double) {
    switch self {
    case .guidelines2023: (1000, 1800)
    case .guidelines2010: (1500, 2500)
    }
  }

  /// A change in HHI the guidelines treat as significant (2023 §2.1: more than 100 points).
  public static let significantChange = 100.0

  public func band(hhi: Double) -> ConcentrationBand {
    if hhi < thresholds.moderate { return .unconcentrated }
    if hhi <= thresholds.high { return .moderatelyConcentrated }
    return .highlyConcentrated
  }
}

/// The guidelines' three bands; the raw value is how they name it.
public enum ConcentrationBand: String, Sendable, CaseIterable {
  case unconcentrated
  case moderatelyConcentrated = "moderately concentrated"
  case highlyConcentrated = "highly concentrated"
}

/// Concentration measures of one set of shares.
public struct ConcentrationMeasures: Sendable, Equatable {
  /// Herfindahl–Hirschman index, Σ (100 sᵢ)², from 10,000/n to 10,000. A catch-all category counts
  /// as one firm here: the upper bound of the HHI its unknown members could give.
  public var hhi: Double
  /// The HHI with the catch-all atomistic (many firms too small to count: its squared share left
  /// out), the lower bound; equal to `hhi` without a catch-all.
  public var hhiAtomistic: Double
  /// The largest category that is not the catch-all (its index), nil where none has a share > 0.
  public var leader: Int?
  /// Sum of the 1, 3 and 4 largest shares (fractions), the catch-all left out: a bucket of unknown
  /// small firms is no firm, so CR1 is the leader's share.
  public var cr1: Double
  public var cr3: Double
  public var cr4: Double
  /// 10,000 / HHI: the number of equal categories with the same HHI.
  public var effectiveNumber: Double
  /// Shannon entropy −Σ sᵢ ln sᵢ over sᵢ > 0, in nats.
  public var entropy: Double
  /// Gini coefficient of the observed categories' shares, Σᵢ Σⱼ |sᵢ − sⱼ| / (2 n² s̄): 0 equal, → 1 one holds all.
  public var gini: Double
  /// Categories with a defined share.
  public var categories: Int

  /// Measures of `shares` (fractions summing to 1; nil entries are ignored). `observed` picks the
  /// categories the Gini coefficient is taken over (those with a real observation): a category
  /// that had ended contributes a 0 share to HHI and CRk but is not a market participant.
  /// `catchAll` is the index of the data's "everything else" category (`CategoryFold.catchAll`).
  public init?(shares: [Double?], observed: [Bool], catchAll: Int? = nil) {
    let defined = shares.compactMap { $0 }
    guard !defined.isEmpty else { return nil }
    let firms = shares.indices.filter { $0 != catchAll }.compactMap { i in shares[i].map { (i, $0) } }
    let sorted = firms.map(\.1).sorted(by: >)
    hhi = defined.reduce(0) { $0 + ($1 * 100) * ($1 * 100) }
    guard hhi > 0 else { return nil }
    hhiAtomistic = firms.reduce(0) { $0 + ($1.1 * 100) * ($1.1 * 100) }
    let top = firms.max { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 > $1.0 }
    leader = top.flatMap { $0.1 > 0 ? $0.0 : nil }
    cr1 = sorted.prefix(1).reduce(0, +)
    cr3 = sorted.prefix(3).reduce(0, +)
    cr4 = sorted.prefix(4).reduce(0, +)
    effectiveNumber = 10_000 / hhi
    entropy = -defined.filter { $0 > 0 }.reduce(0) { $0 + $1 * log($1) }
    categories = defined.count
    let participants = zip(shares, observed).compactMap { share, seen in seen ? share : nil }
    gini = ConcentrationMeasures.gini(participants)
  }

  /// Gini coefficient via the sorted-rank formula G = Σ (2i − n − 1) xᵢ / (n Σ x), equal to the
  /// mean-absolute-difference definition.
  static func gini(_ values: [Double]) -> Double {
    let n = values.count
    let total = values.reduce(0, +)
    guard n > 1, total > 0 else { return 0 }
    let sorted = values.sorted()
    var weighted = 0.0
    for (i, x) in sorted.enumerated() { weighted += Double(2 * (i + 1) - n - 1) * x }
    return weighted / (Double(n) * total)
  }
}
