// The one path every analysis command takes: read the inputs (or print the database query and
// stop), map the categories, analyse, report warnings. Commands differ only in the analysis they
// run on the mapped table and in what they print.

import ShareData
import ShareStats

enum Pipeline {
  /// The inputs read and mapped; nil when --show-sql printed the query instead.
  static func read(
    _ input: InputOptions, categories: CategoryOptions, categoryColumn: String? = nil, range: RangeOptions? = nil,
    seriesBucket: Every? = nil
  ) throws -> (ingest: IngestResult, table: VolumeTable, mapName: String?)? {
    var options = try input.ingestOptions(categoryColumn: categoryColumn, selection: range)
    options.seriesBucket = seriesBucket
    if try input.showSQLIfAsked(options) { return nil }
    let ingest = try Ingest.read(paths: input.paths, options: options)
    let map = try categories.categoryMap()
    let table = try ShareAnalysis.mapped(ingest.table, map: map, unmapped: categories.unmapped)
    return (ingest, table, map?.name)
  }

  /// Reads, maps and computes the share table; nil when --show-sql printed the query instead.
  /// `allWarnings` false reports only the reading's warnings (a daily series for breaks or a
  /// trend flags no buckets worth a word).
  static func shares(
    _ input: InputOptions, _ selection: ShareSelectionOptions, categoryColumn: String? = nil, allWarnings: Bool = true
  ) throws -> ShareAnalysis? {
    let shareOptions = selection.shareOptions()
    // Volume-weighted shares need nothing finer than each day's sums (ShareOptions.seriesBucket): a
    // big long table may be read in memory bounded by days × categories.
    guard
      let (ingest, table, mapName) = try read(
        input, categories: selection.categories, categoryColumn: categoryColumn, range: selection.range,
        seriesBucket: shareOptions.seriesBucket)
    else { return nil }
    let analysis = try ShareAnalysis.run(ingest: ingest, mapped: table, mapName: mapName, shares: shareOptions)
    try Run.report(allWarnings ? analysis.warnings : analysis.ingest.warnings, strict: input.strict)
    return analysis
  }
}
