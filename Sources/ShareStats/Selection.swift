// The top N: the N categories with the most volume over the selected range keep their names; the
// rest are folded into "Other" so a table or chart stays readable.

import ShareData

extension VolumeTable {
  /// Total valid volume per category code over all cells.
  public var categoryTotals: [Double] {
    var totals = [Double](repeating: 0, count: categories.count)
    for cell in 0..<cellCount where valid[cell] { totals[Int(codes[cell])] += volumes[cell] }
    return totals
  }

  /// New names that keep the `n` largest categories by `totals` and fold the rest into "Other".
  /// Ties are broken by name so the result does not depend on input order.
  public func topNames(_ n: Int, totals: [Double]) -> [String?] {
    guard categories.count > n else { return categories }
    let ranked = categories.indices.sorted {
      totals[$0] != totals[$1] ? totals[$0] > totals[$1] : categories[$0] < categories[$1]
    }
    let kept = Set(ranked.prefix(n))
    return categories.indices.map { kept.contains($0) ? categories[$0] : "Other" }
  }
}
