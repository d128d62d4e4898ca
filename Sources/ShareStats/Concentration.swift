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
  /// Herfindahl–Hirschman index, Σ (100 sᵢ)², from 10,000/n to 10,000.
  public var hhi: Double
  /// Sum of the 1, 3 and 4 largest shares (fractions).
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
  public init?(shares: [Double?], observed: [Bool]) {
    let defined = shares.compactMap { $0 }
    guard !defined.isEmpty else { return nil }
    let sorted = defined.sorted(by: >)
    hhi = defined.reduce(0) { $0 + ($1 * 100) * ($1 * 100) }
    guard hhi > 0 else { return nil }
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

/// Concentration in every bucket of a share table.
public struct ConcentrationSeries: Sendable {
  public struct Row: Sendable {
    public var bucket: BucketShares
    public var measures: ConcentrationMeasures?
    public var band: ConcentrationBand?
  }

  public var every: Every
  public var bands: ConcentrationBands
  public var rows: [Row]

  public init(_ breakdown: ShareBreakdown, bands: ConcentrationBands = .guidelines2023) {
    every = breakdown.every
    self.bands = bands
    rows = breakdown.buckets.map { bucket in
      let measures = ConcentrationMeasures(shares: bucket.shares, observed: bucket.states.map { $0 == .observed })
      return Row(bucket: bucket, measures: measures, band: measures.map { bands.band(hhi: $0.hhi) })
    }
  }
}
