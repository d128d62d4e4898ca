import ArgumentParser
import ShareData
import ShareReport
import ShareStats

struct CompareCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compare",
    abstract: "Compare periods: each category's share, the change, and whether it is real.",
    discussion: """
      Every row has one estimand, chosen by --weighting: volume (default), the period's volume \
      share; equal, the mean of the data's own-resolution (daily) shares in the period. The table \
      header names it. Per category and period: volume, volume-weighted share, mean of daily \
      shares, rank. Per category against the baseline (the first --period unless --baseline), all \
      for the estimand: the change in percentage points, ratio, log-ratio and rank change; a 95% \
      moving-block bootstrap interval for the change and its two-sided p from the same resamples \
      (below 0.05 exactly when the interval leaves out 0: the headline p; --resamples, --block, \
      --seed: the same seed gives the same result); that p Holm-adjusted across the categories; \
      and the Newey–West (HAC) standard error of the change with its normal p (for the volume share \
      through the linearised (v − ŝ·V) / mean V). Welch's t-test on the daily shares (assumes \
      independent days) stays in the JSON. Resamples whose share is undefined (a zero total) are \
      counted and reported.

      The whole composition: one test of whether the categories' mix changed, under each table and \
      as composition in the JSON: the Aitchison distance between the periods' compositions and a \
      Wald test (chi-squared, D − 1 df) of the mean daily pivot log-ratio coordinates with a \
      Newey–West covariance per period. Categories outside their span in a period are left out; a \
      share observed at 0 is replaced multiplicatively.

      Both adapt to how long the daily shares stay correlated. The HAC lag of each period is the \
      Newey–West (1994) automatic lag (Bartlett kernel, no prewhitening: R's \
      sandwich::NeweyWest(lag = NULL, prewhite = FALSE)). The bootstrap block of each period is \
      the Politis–White (2004; Patton, Politis & White 2009) circular block length, the longest \
      over the categories, of each category's daily volume minus its share of the day's total \
      (⌈n^(1/3)⌉ under 10 days); --block N sets it instead. JSON reports them as hac_lags and \
      block_length (and block_rule).

      Per period: HHI, CR1/CR3/CR4, effective number of categories and the concentration band of the \
      2023 US merger guidelines (--bands 2010 for the older thresholds); a change in HHI over 100 is \
      flagged. A catch-all category (other, others, or the one --aggregate names) is unknown small \
      firms, as in concentration: the HHI is given as bounds and CRk leave it out. Rank mobility: \
      Spearman's correlation of each period's volume shares with the baseline's. A redistribution table shows who gained the share points others lost, and each \
      category's part of the change in average daily volume.

      The daily series are at the data's own resolution, and the periods say which days count.

      EXAMPLE
        sharelens compare daily-by-exchange.csv \\
          --map exchange-currency.csv \\
          --period 2016=2016-01-01..2016-12-31 \\
          --period 2018H1=2018-01-01..2018-06-30
      """)

  @OptionGroup var input: InputOptions
  @OptionGroup var column: CategoryColumnOption
  @OptionGroup var categories: CategoryOptions
  @OptionGroup var comparison: ComparisonOptions
  @OptionGroup var output: OutputOptions

  @Option(
    help: ArgumentHelp(
      "The estimand: volume (default: the period's volume share) or equal (the mean of the data's own-resolution shares)."
    ))
  var weighting: Weighting = .volume

  @Option(
    help: ArgumentHelp(
      "The catch-all category (unknown small firms), if not named other or others.", valueName: "name"))
  var aggregate: String?

  func validate() throws {
    if comparison.periods.count < 2 { throw ValidationError("compare needs two or more --period LABEL=FROM..TO") }
  }

  func run() throws {
    try Run.guarded {
      guard
        let (ingest, table, mapName) = try Pipeline.read(input, categories: categories, categoryColumn: column.category)
      else { return }
      let shareOptions = ShareOptions(top: categories.top, absent: categories.absent)
      var options = comparison.compareOptions!
      options.weighting = weighting
      options.units = ConcentrationUnits.of(group: input.group, mapName: mapName, categories: table.categories)
      if let aggregate {
        guard table.categories.contains(aggregate) else {
          throw ShareError.request(
            "--aggregate names no category: \"\(aggregate)\"",
            hint: "the categories are \(table.categories.map { "\"\($0)\"" }.joined(separator: ", "))")
        }
        options.catchAll = aggregate
      }
      let result = try Compare.run(table, shareOptions: shareOptions, options: options)
      try Run.report(ingest.warnings + result.warnings, strict: input.strict)
      try Run.emit(
        CommandOutput(
          table: { format, ascii, width in CompareOutput.render(result, format: format, ascii: ascii, width: width) },
          chart: Charts.comparisonBars(result)), output)
    }
  }
}
