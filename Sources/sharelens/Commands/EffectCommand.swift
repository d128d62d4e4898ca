import ArgumentParser
import ShareData
import ShareReport
import ShareStats

struct EffectCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "effect",
    abstract: "The effect of dated events on one category's share, against its pre-event trend.",
    discussion: """
      An interrupted time series (segmented regression) of the logit of the category's daily share: \
      y = β0 + β1·t + Σ [β2·X + β3·(t − T)·X] over the events, X = 1 from the event's date T on, t in \
      months since the window's first day, fitted by OLS. β2 is the jump of the logit at the event, β3 \
      the change in its slope per month, each with its Newey–West standard error (automatic lag as R's \
      sandwich::NeweyWest(prewhite = FALSE)): daily shares are autocorrelated.

      The effect of an event is read on the share scale over its horizon, the days from the event to \
      the next one (or the window's end): the fitted share minus the counterfactual, the same fit \
      with the event's jump and slope change removed, i.e. the pre-event trend continued. Given as the \
      average in share points with a 95% interval (delta method, Newey–West covariance, t with n − k \
      df) and summed over the horizon's days. It assumes the logit share would have kept its \
      straight-line trend without the event and that nothing else happened at that date.

      Placebos: the same model at every day of the pre-period (from the previous event or the \
      window's start) with 30 or more values (days, for daily data) on each side, its effect averaged \
      over as many days as the real one. The placebo column ranks the real |effect| among them: "1 of 300" means larger \
      than every placebo; a middling rank means the model finds "effects" of this size anywhere.

      The window is the category's own span (its first to last observation) within --from/--to. A \
      share of 0 or 1 inside it is clamped to 0.0001 / 0.9999 and named in a warning.

      --format json adds the path: each day's share, fitted share and, over each horizon, the \
      counterfactual with its standard error and 95% interval. --chart and --format svg/png draw \
      the share, the fit, the counterfactual and the events.

      In this command --category names the category to analyse; --group names the column.

      EXAMPLES
        sharelens effect daily.csv --map exchange-currency.csv \\
          --category CNY --from 2016-06-01 --to 2017-10-31 \\
          --at 2017-01-24 --at 2017-09-15
        sharelens effect daily.csv --map exchange-currency.csv \\
          --category CNY --from 2017-02-01 --to 2017-10-31 \\
          --at 2017-09-15 --format svg --out cny-effect.svg
      """)

  @OptionGroup var input: InputOptions
  @OptionGroup var selection: ShareSelectionOptions
  @OptionGroup var output: OutputOptions

  @Option(help: ArgumentHelp("The category whose share is analysed.", valueName: "name"))
  var category: String

  @Option(
    name: .customLong("at"),
    help: ArgumentHelp("An event's date (repeatable; one or more).", valueName: "date"),
    transform: DayArgument.start)
  var at: [DayArgument] = []

  func validate() throws {
    if at.isEmpty { throw ValidationError("give one or more event dates with --at DATE") }
  }

  func run() throws {
    try Run.guarded {
      guard let analysis = try Pipeline.shares(input, selection, allWarnings: false) else { return }
      let series = try ShareSeries(analysis.breakdown, category: category).withinSpan()
      try Run.report(series.clampWarning.map { [$0] } ?? [], strict: input.strict)
      let effect = try EffectAnalysis(series, events: at.map(\.day))
      try Run.emit(
        CommandOutput(
          table: { format, ascii, width in
            Charts.stating(
              analysis.breakdown,
              after: EffectOutput.render(
                effect, format: format, ascii: ascii, width: width,
                transformations: Charts.transformations(analysis.breakdown)),
              format: format)
          },
          chart: Charts.effect(
            effect, every: analysis.breakdown.every, notes: Charts.transformations(analysis.breakdown),
            colors: ColorAssignment(categories: analysis.breakdown.categories))),
        output)
    }
  }
}
