// The test of the whole composition in compare's outputs: one line under each comparison's table
// (the result and what it assumes) and the `composition` object of the JSON.

import ShareData
import ShareStats

extension CompareOutput {
  /// "Composition (5 categories; CNY left out: outside its span): Aitchison distance 1.66; Wald χ²(4) = 325.7,
  /// p < 1e-300 (mean daily pivot log-ratios, Newey–West lags 14 and 10 days: assumes the dependence between
  /// days dies out within them)."
  public static func compositionLine(_ c: Comparison, _ q: Int) -> String? {
    guard q < c.compositions.count, let m = c.compositions[q] else { return nil }
    let unit = c.resolution.rawValue + "s"
    let leftOut =
      m.leftOut.isEmpty
      ? "" : "; \(m.leftOut.joined(separator: ", ")) left out: outside \(m.leftOut.count == 1 ? "its" : "their") span"
    let replaced = m.replacedZeros > 0 ? "; \(m.replacedZeros) zero shares replaced multiplicatively" : ""
    let test =
      m.statistic.map {
        "Wald χ²(\(m.df)) = \(NumberFormat.fixed($0, 1)), \(NumberFormat.pClause(m.pValue))"
      } ?? "no test (a log-ratio coordinate has no variance)"
    // The χ² law is asymptotic: with a few dozen buckets or fewer the long-run covariance is rough.
    let fewest = min(m.days.0, m.days.1)
    let rough =
      fewest < roughBelow
      ? "; with \(fewest) \(fewest == 1 ? c.resolution.rawValue : unit) in a period the χ² "
        + "approximation is rough" : ""
    return "Composition (\(m.categories.count) categories\(leftOut)\(replaced)): Aitchison distance "
      + "\(NumberFormat.fixed(m.aitchisonDistance, 2)); \(test) (mean \(c.resolution.adjective) \(m.basis.rawValue) "
      + "log-ratios, Newey–West lags \(m.lags.0) and \(m.lags.1) \(unit): assumes the dependence between \(unit) "
      + "dies out within them\(rough))."
  }

  /// Periods shorter than this many buckets get the caveat that the χ² approximation is rough.
  static let roughBelow = 30

  /// `composition`: an object (ASCII text, as every machine format), for two periods, keyed by period label for more (as the per-category fields).
  static func compositionJSON(_ c: Comparison) -> JSONValue {
    let labels = c.options.periods.map(\.label)
    let others = labels.indices.filter { $0 != c.options.baseline }
    func one(_ q: Int) -> JSONValue {
      guard q < c.compositions.count, let m = c.compositions[q] else { return .null }
      return .object([
        ("aitchison_distance", .number(m.aitchisonDistance)), ("statistic", .optional(m.statistic)),
        ("df", .number(Double(m.df))), ("p_value", .optional(m.pValue)), ("log10_p", .optional(m.log10PValue)),
        (
          "method",
          .string(
            "Wald test of equal means of the daily ilr (\(m.basis.rawValue)) coordinates, Newey-West covariance "
              + "per period (Bartlett; lag: the longest automatic Newey-West 1994 lag of the clr coordinates), "
              + "chi-squared with D-1 df; distance: Aitchison, between the periods' volume compositions")
        ),
        (
          "zeros",
          .object([
            ("structural", .string("left_out")), ("left_out", .array(m.leftOut.map { .string($0) })),
            ("replaced", .number(Double(m.replacedZeros))),
            ("replacement", .string("multiplicative, delta = 0.65 x the smallest non-zero share")),
            ("days_left_out", .array([.number(Double(m.daysLeftOut.0)), .number(Double(m.daysLeftOut.1))])),
          ])
        ),
        ("categories", .array(m.categories.map { .string($0) })),
        ("days", .array([.number(Double(m.days.0)), .number(Double(m.days.1))])),
        ("lags", .array([.number(Double(m.lags.0)), .number(Double(m.lags.1))])),
        ("daily_distance", .number(m.dailyDistance)),
        (
          "log_ratio_changes",
          .array(
            m.changes.map { ch in
              .object([
                ("category", .string(ch.category)), ("clr_change", .number(ch.change)),
                ("daily_clr_change", .number(ch.dailyChange)),
                ("daily_ci95", ch.dailyCI95.map { .array([.number($0.low), .number($0.high)]) } ?? .null),
              ])
            })
        ),
      ])
    }
    guard !others.isEmpty else { return .null }
    return others.count == 1 ? one(others[0]) : .object(others.map { (labels[$0], one($0)) })
  }
}
