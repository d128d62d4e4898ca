// sharelens' shares output read back gives its volumes; the shares are computed again. A table
// saved smoothed or equal-weighted then reads back as its volumes' plain shares, which a user
// comparing the two files would take for a bug, so the reader says so (the JSON names both in
// `smoothing` and `weighting`; the CSV has a `smoothing` or `weighting` column).

import Foundation

enum SavedShares {
  /// The warning for an input saved with `transformations` ("smoothed (mean 3)", "equal-weighted"),
  /// nil when there were none.
  static func warning(_ name: String, transformations: [String]) -> Warning? {
    guard !transformations.isEmpty else { return nil }
    return Warning(
      .other,
      "the saved shares were \(transformations.joined(separator: " and ")); its volumes are read and the shares "
        + "computed again, plain unless the smoothing or weighting is asked for again",
      at: SourceLocation(file: name))
  }

  /// What a saved JSON's `smoothing` and `weighting` say was done.
  static func transformations(json root: [String: Any]) -> [String] {
    var done: [String] = []
    if let smoothing = root["smoothing"] as? [String: Any] {
      let statistic = smoothing["statistic"] as? String ?? "mean"
      let window = (smoothing["window"] as? NSNumber).map { " \($0.intValue)" } ?? ""
      done.append("smoothed (\(statistic)\(window))")
    }
    if root["weighting"] as? String == "equal" { done.append("equal-weighted") }
    return done
  }

  /// What a saved CSV's header says was done: a `smoothing` or `weighting` column beside `share`.
  static func transformations(header: [String]) -> [String] {
    let keys = header.map(\.headerKey)
    guard keys.contains("share"), keys.contains("category") else { return [] }
    return (keys.contains("smoothing") ? ["smoothed"] : []) + (keys.contains("weighting") ? ["equal-weighted"] : [])
  }
}
