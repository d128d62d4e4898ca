import ArgumentParser
import ShareData
import ShareReport
import ShareStats

struct TrendCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "trend",
    abstract: "The trend of one category's share: slope per month, its significance, half-life.",
    discussion: """
      Ordinary least squares of the logit of the category's daily share on time in months, within \
      --from/--to: the slope per month with its standard error and two-sided p-value (Student's t, \
      n − 2 df), R², and for a decline the half-life: ln 2 / −slope months, the time for the odds \
      share/(1 − share) to halve (for a small share, the share itself). Shares of 0 or 1 are \
      clamped to 0.0001 / 0.9999 and counted.

      Daily shares are autocorrelated, so the OLS standard error is too small (CNY 2017: 0.015 per \
      month against 0.063). Beside it: the Newey–West standard error and p-value with the automatic \
      lag of R's sandwich::NeweyWest(fit, prewhite = FALSE), the slope in share points per year at \
      the window's mean share, and a 95% interval for the half-life of the odds from the Newey–West \
      interval of the slope.

      The window is the category's own span (its first to last observation) within --from/--to: \
      outside it the share is a structural 0. A share of 0 or 1 inside the window is clamped and \
      named in a warning.

      In this command --category names the category to analyse; --group names the column.

      EXAMPLE
        sharelens trend daily.csv --map exchange-currency.csv \\
          --category CNY --from 2017-01-24 --to 2017-10-31
      """)

  @OptionGroup var input: InputOptions
  @OptionGroup var selection: ShareSelectionOptions
  @OptionGroup var output: TableOutputOptions

  @Option(help: ArgumentHelp("The category whose share trend is fitted.", valueName: "name"))
  var category: String

  func run() throws {
    try Run.guarded {
      guard let analysis = try Pipeline.shares(input, selection, allWarnings: false) else { return }
      let series = try ShareSeries(analysis.breakdown, category: category).withinSpan()
      try Run.report(series.clampWarning.map { [$0] } ?? [], strict: input.strict)
      let fit = try TrendFit(series)
      try Run.emit(
        CommandOutput(table: { format, _, _ in
          Charts.stating(
            analysis.breakdown,
            after: TrendOutput.render(
              fit, format: format, transformations: Charts.transformations(analysis.breakdown)),
            format: format)
        }), output)
    }
  }
}
