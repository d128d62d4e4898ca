// Holm's (1979) step-down adjustment: a comparison tests every category at once, and six tests at
// 5% each find a "real" change somewhere far more often than one time in twenty. Holm keeps the
// chance of any false finding at most α, whatever the dependence between the tests, and is never
// less powerful than Bonferroni.

public enum Holm {
  /// Holm-adjusted p-values, in the order given; nil stays nil and does not count as a test. With m
  /// defined p-values sorted p₍₁₎ ≤ … ≤ p₍ₘ₎: p̃₍ᵢ₎ = min(1, max_{j ≤ i} (m − j + 1) p₍ⱼ₎), as
  /// statsmodels' `multipletests(method="holm")` (ties keep their order of appearance).
  public static func adjusted(_ p: [Double?]) -> [Double?] {
    adjusted(p, bounds: Array(repeating: false, count: p.count)).map { $0?.p }
  }

  /// As `adjusted(_:)`, where some p are only upper bounds (`bounds[i]`: a bootstrap p with every
  /// resample on one side of 0): an adjusted p is a bound too where the term (m − j + 1) p₍ⱼ₎ that
  /// sets it comes from a bound and is below the cap of 1.
  public static func adjusted(_ p: [Double?], bounds: [Bool]) -> [(p: Double, isBound: Bool)?] {
    let order = p.indices.filter { p[$0] != nil }.sorted { (p[$0]!, $0) < (p[$1]!, $1) }
    let m = order.count
    var out = [(p: Double, isBound: Bool)?](repeating: nil, count: p.count)
    var running = (p: 0.0, isBound: false)
    for (rank, index) in order.enumerated() {
      let term = Double(m - rank) * p[index]!
      if term >= 1 {
        running = (1, false)
      } else if term > running.p {
        running = (term, bounds[index])
      }
      out[index] = running
    }
    return out
  }
}
