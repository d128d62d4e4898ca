// Holm's (1979) step-down adjustment: a comparison tests every category at once, and six tests at
// 5% each find a "real" change somewhere far more often than one time in twenty. Holm keeps the
// chance of any false finding at most α, whatever the dependence between the tests, and is never
// less powerful than Bonferroni.

public enum Holm {
  /// Holm-adjusted p-values, in the order given; nil stays nil and does not count as a test. With m
  /// defined p-values sorted p₍₁₎ ≤ … ≤ p₍ₘ₎: p̃₍ᵢ₎ = min(1, max_{j ≤ i} (m − j + 1) p₍ⱼ₎), as
  /// statsmodels' `multipletests(method="holm")` (ties keep their order of appearance).
  public static func adjusted(_ p: [Double?]) -> [Double?] {
    let order = p.indices.filter { p[$0] != nil }.sorted { (p[$0]!, $0) < (p[$1]!, $1) }
    let m = order.count
    var out = [Double?](repeating: nil, count: p.count)
    var running = 0.0
    for (rank, index) in order.enumerated() {
      running = max(running, min(1, Double(m - rank) * p[index]!))
      out[index] = running
    }
    return out
  }
}
