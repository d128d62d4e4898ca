import ArgumentParser
import ShareData
import ShareReport
import ShareStats

/// What the categories are, when the grouping cannot tell (a wide file's columns).
enum CategoriesAre: String, ExpressibleByArgument, CaseIterable {
  case firms
  case groups
}

struct ConcentrationCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "concentration",
    abstract: "How concentrated the market is in each bucket: HHI, CR1/3/4, entropy, Gini.",
    discussion: """
      Per bucket, over the categories' volume-weighted shares: the Herfindahl–Hirschman index \
      HHI = Σ (100·share)² (0–10,000), the concentration ratios CR1, CR3 and CR4, the effective \
      number of categories 10,000/HHI, Shannon entropy (nats), the Gini coefficient of the observed \
      categories' shares, and the band of the 2023 US merger guidelines (< 1,000 unconcentrated, \
      1,000–1,800 moderately, > 1,800 highly concentrated; --bands 2010 for 1,500 / 2,500).

      A catch-all category (other, others, or the one --aggregate names) is unknown small firms: \
      the HHI is given as bounds (the catch-all as one firm, and as atomistic), CRk leave it out \
      and CR1 names the leader. The bands apply to firms only: with --map, or --group quote, base \
      or pair, the categories are not firms and no band is printed (--categories-are says what a \
      wide file's columns are). Between consecutive buckets: Hymer–Pashigian instability \
      Σ |s_t − s_t−1| and Spearman's rank correlation of the shares; with --map, the entropy of \
      the mapped-from categories split into between-group and within-group parts. The whole \
      range's HHI gets a 95% moving-block bootstrap interval over days (Politis–White block).

      EXAMPLE
        sharelens concentration daily.csv --map exchange-currency.csv \\
          --every month
      """)

  @OptionGroup var input: InputOptions
  @OptionGroup var column: CategoryColumnOption
  @OptionGroup var selection: ShareSelectionOptions
  @OptionGroup var output: OutputOptions

  @Option(help: ArgumentHelp("HHI bands: 2023 (default: 1,000 / 1,800) or 2010 (1,500 / 2,500)."))
  var bands: ConcentrationBands = .guidelines2023

  @Option(
    help: ArgumentHelp(
      "The catch-all category (unknown small firms), if not named other or others.", valueName: "name"))
  var aggregate: String?

  @Option(
    help: ArgumentHelp(
      "What the categories are, when the grouping does not say: firms (bands apply) or groups (no bands)."))
  var categoriesAre: CategoriesAre?

  @Option(help: "Bootstrap resamples for the whole range's HHI interval (0 turns it off).")
  var resamples = 1000

  @Option(help: "Seed of the bootstrap's random numbers (the same seed, the same interval).")
  var seed: UInt = 20_170_124

  func validate() throws {
    try OptionRange.check(resamples, OptionRange.resamples, "--resamples", "resamples")
  }

  func run() throws {
    try Run.guarded {
      guard let analysis = try Pipeline.shares(input, selection, categoryColumn: column.category) else { return }
      if let aggregate, !analysis.breakdown.categories.contains(aggregate) {
        throw ShareError.request(
          "--aggregate names no category: \"\(aggregate)\"",
          hint: "the categories are \(analysis.breakdown.categories.map { "\"\($0)\"" }.joined(separator: ", "))")
      }
      var series = ConcentrationSeries(
        analysis.breakdown, bands: bands, catchAll: aggregate,
        units: units(mapName: analysis.mapName, categories: analysis.breakdown.categories),
        members: try members(analysis))
      var daily = selection.shareOptions()
      daily.every = nil
      let days = try ShareAnalysis.run(
        ingest: analysis.ingest, mapped: analysis.table, mapName: analysis.mapName, shares: daily)
      try series.addIntervals(daily: days.breakdown, resamples: resamples, seed: seed)
      series.period = try PeriodConcentration(
        daily: days.breakdown, catchAll: series.catchAll, resamples: resamples, seed: seed)
      try Run.emit(
        CommandOutput(
          table: { format, ascii, width in
            ConcentrationOutput.render(
              series, format: format, ascii: ascii, width: width, shares: analysis.breakdown)
          }, chart: Charts.concentration(series, notes: Charts.transformations(analysis.breakdown))), output)
    }
  }

  /// Firms only when the grouping is by exchange (or a wide file's columns, unless told otherwise).
  func units(mapName: String?, categories: [String]) -> ConcentrationUnits {
    ConcentrationUnits.of(group: input.group, mapName: mapName, categoriesAre: categoriesAre, categories: categories)
  }

  /// With --map: the categories before the map, each with the group it went to (the entropy split).
  func members(_ analysis: ShareAnalysis) throws -> ConcentrationMembers? {
    guard let map = try selection.categories.categoryMap() else { return nil }
    var options = selection.shareOptions()
    options.top = nil
    let raw = try ShareAnalysis.run(
      ingest: analysis.ingest, mapped: analysis.ingest.table, mapName: nil, shares: options)
    let group = raw.breakdown.categories.map { name -> String? in
      if let to = map.entries[name] { return to }
      switch selection.categories.unmapped {
      case .keep: return name
      case .other: return "Other"
      case .error, .drop: return nil
      }
    }
    return ConcentrationMembers(breakdown: raw.breakdown, group: group)
  }
}
