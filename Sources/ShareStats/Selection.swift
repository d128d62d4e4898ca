// The top N: the N categories with the most volume over the selected range keep their names; the
// rest are folded into the data's catch-all (or "Other") so a table or chart stays readable.

import ShareData

extension VolumeTable {
  /// Total valid volume per category code over all cells.
  public var categoryTotals: [Double] {
    var totals = [Double](repeating: 0, count: categories.count)
    for cell in 0..<cellCount where valid[cell] { totals[Int(codes[cell])] += volumes[cell] }
    return totals
  }

  /// New names that keep the `n` largest categories by `totals` and fold the rest into the data's
  /// own catch-all (`others`, as `CategoryFold` finds it) or, without one, into "Other": a second
  /// "Other" beside `others` split "the rest" in two. The catch-all keeps its name and is not one of
  /// the `n`. Ties are broken by name so the result does not depend on input order.
  public func topNames(_ n: Int, totals: [Double]) -> [String?] {
    let catchAll = CategoryFold.catchAll(in: categories)
    let ranked = categories.indices.filter { categories[$0] != catchAll }.sorted {
      totals[$0] != totals[$1] ? totals[$0] > totals[$1] : categories[$0] < categories[$1]
    }
    guard ranked.count > n else { return categories }
    let kept = Set(ranked.prefix(n))
    let into = catchAll ?? "Other"
    return categories.indices.map { kept.contains($0) || categories[$0] == catchAll ? categories[$0] : into }
  }
}
