import ArgumentParser
import ShareData
import ShareReport
import ShareStats

struct BreaksCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "breaks",
    abstract: "Date the breaks in one category's share series (Bai & Perron), or test a known date (Chow).",
    discussion: """
      Fits mean shifts to the logit of the category's daily share (the data's own resolution; --every \
      for coarser): for every number of breaks m the segmentation that minimises the residual sum of \
      squares, found exactly by the dynamic programme of Bai & Perron (2003), the same fits as R's \
      strucchange breakpoints(y ~ 1, h = N). Shares of 0 or 1 are clamped to 0.0001 / 0.9999 and counted.

      --penalty chooses m: lwz (default; Liu, Wu & Zidek 1997, the criterion Bai & Perron recommend \
      when errors are serially correlated), bic (strucchange's BIC: Gaussian likelihood, segment means, \
      break dates and the variance counted), mbic (Zhang & Siegmund 2007 as in R changepoint: \
      RSS/σ² + Σ ln n_j + 3 m ln n, σ from the MAD of the day-to-day changes / √2), or a number: a \
      penalty per break on the RSS, searched by PELT. Why lwz: daily shares are autocorrelated, and \
      on 40 simulated series per ρ with two known breaks (make bench-breaks, n = 600, \
      AR(1) noise, seed 20261130) the share of series with a false break was, for ρ = 0 / 0.5 / 0.8: \
      lwz 0% / 8% / 88% (0 / 0.07 / 3.4 false breaks per series), bic 0% / 95% / 100% (0 / 5.4 / \
      26.5), mbic 0% / 100% / 100% (0 / 5.1 / 26.9), and ruptures' PELT with its usual BIC-type penalty \
      2% / 100% / 100% (0.03 / 14.5 / 34.8); all found 99-100% of the true breaks. No \
      criterion is safe with strong autocorrelation: read breaks closer than a month apart with \
      care, or raise --min-segment.

      Each break has a 95% interval for its date (Bai 1997, allowing the variance to differ before \
      and after, as strucchange's confint; --chart and --format svg shade it), and the output opens \
      with Andrews' (1993) sup-F test of "no break at all" against one break (trim 0.15; p-value by \
      Hansen's 1997 approximation).

      --min-segment is the shortest segment in days (strucchange's h; default 7). --max-breaks K \
      returns the optimal fit with exactly K breaks instead of choosing m. For each break: date, mean \
      share before and after, and the change in points.

      --at DATE (repeatable) runs a Chow test instead: does the trend of the logit share break at \
      that date? The classic F statistic and p-value (independent days), and beside them the HAC \
      version: the Wald F of the same shift with a Newey–West covariance (automatic lag as R's \
      sandwich::NeweyWest(prewhite = FALSE); lmtest::waldtest, df 2 and n − 4).

      The window is the category's own span (its first to last observation) within --from/--to: \
      outside it the share is a structural 0, which the logit would turn into a spurious break. A \
      share of 0 or 1 inside the window is clamped and named in a warning.

      In this command --category names the category to analyse; --group names the column.

      EXAMPLES
        sharelens breaks daily.csv --map exchange-currency.csv \\
          --category CNY --to 2017-10-31 --max-breaks 2
        sharelens breaks daily.csv --map exchange-currency.csv \\
          --category CNY --to 2017-10-31 --at 2017-01-24
      """)

  @OptionGroup var input: InputOptions
  @OptionGroup var selection: ShareSelectionOptions
  @OptionGroup var output: OutputOptions

  @Option(help: ArgumentHelp("The category whose share series is analysed.", valueName: "name"))
  var category: String

  @Option(
    help: ArgumentHelp("lwz (default), bic, mbic, or a number (PELT).", valueName: "penalty"),
    transform: PenaltyArgument.parse
  )
  var penalty: BreakPenalty = .lwz

  @Option(help: ArgumentHelp("Shortest segment, in buckets (strucchange's h).", valueName: "N"))
  var minSegment = 7

  @Option(help: ArgumentHelp("Fit exactly K breaks: the optimal K-break segmentation.", valueName: "K"))
  var maxBreaks: Int?

  @Option(
    name: .customLong("at"),
    help: ArgumentHelp("Run a Chow test at this known date instead (repeatable).", valueName: "date"),
    transform: DayArgument.start)
  var at: [DayArgument] = []

  func validate() throws {
    try OptionRange.check(minSegment, OptionRange.minSegment, "--min-segment", "values")
    try OptionRange.check(maxBreaks, OptionRange.maxBreaks, "--max-breaks", "breaks")
    if !at.isEmpty && output.format == .svg {
      throw ValidationError("--format svg draws the fitted breaks; it does not apply to --at")
    }
  }

  func run() throws {
    try Run.guarded {
      guard let analysis = try Pipeline.shares(input, selection, allWarnings: false) else { return }
      let series = try ShareSeries(analysis.breakdown, category: category).withinSpan()
      try Run.report(series.clampWarning.map { [$0] } ?? [], strict: input.strict)
      let notes = Charts.transformations(analysis.breakdown)
      if at.isEmpty {
        let result = try Breaks.analyse(series, penalty: penalty, minSegment: minSegment, maxBreaks: maxBreaks)
        try Run.emit(
          CommandOutput(
            table: { format, ascii, _ in
              Charts.stating(
                analysis.breakdown,
                after: BreaksOutput.render(
                  result, chow: [], category: category, format: format, ascii: ascii, transformations: notes),
                format: format)
            },
            chart: Charts.breaks(
              series, analysis: result, every: analysis.breakdown.every,
              notes: notes,
              colors: ColorAssignment(categories: analysis.breakdown.categories))),
          output)
      } else {
        let tests = try at.map { try ChowTest(series, at: $0.day) }
        try Run.emit(
          CommandOutput(table: { format, ascii, _ in
            Charts.stating(
              analysis.breakdown,
              after: BreaksOutput.render(
                nil, chow: tests, category: category, format: format, ascii: ascii, transformations: notes),
              format: format)
          }), output)
      }
    }
  }
}
