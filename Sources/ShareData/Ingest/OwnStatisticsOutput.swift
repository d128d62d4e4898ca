// sharelens' statistics outputs as CSV (compare, concentration, trend, breaks, effect) hold results,
// not volumes. Given back as data they failed with words about something else: compare's file with
// "not a time: "a"", concentration's with "none is clearly the volume" among hhi, cr1, …. Their
// headers are known, so the error can say what the file is and what does read back.

enum OwnStatisticsOutput {
  /// Each command's CSV by the columns its header starts with.
  static let headers: [(command: String, columns: [String])] = [
    ("compare", ["category", "period", "volume", "share", "mean_daily_share"]),
    ("concentration", ["start", "end", "hhi", "cr1"]),
    ("trend", ["category", "from", "to", "n", "slope_per_month"]),
    ("breaks", ["date", "share_before", "share_after", "delta_pp"]),
    ("effect", ["category", "date", "horizon_from", "horizon_to"]),
  ]

  /// The command whose CSV output `header` is, if any.
  static func command(header: [String]) -> String? {
    let keys = header.map(\.headerKey)
    return headers.first { keys.starts(with: $0.columns) }?.command
  }

  /// Throws when `header` is a statistics output's: there is no volume in it to read.
  static func check(_ header: [String], source: String) throws {
    guard let command = command(header: header) else { return }
    throw ShareError.data(
      "\(source) is sharelens' \(command) output: statistics, not volumes",
      at: SourceLocation(file: source, line: 1), expected: "volume data, or sharelens' shares or volumes output",
      hint: "read the data it was computed from; of sharelens' outputs, shares (CSV or JSON) and volumes read back")
  }
}
