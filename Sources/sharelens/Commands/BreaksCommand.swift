import ArgumentParser
import ShareData
import ShareReport
import ShareStats

struct BreaksCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "breaks",
    abstract: "Date the breaks in one category's share series (PELT), or test a known date (Chow).",
    discussion: """
      Finds change points in the category's daily share (the data's own resolution; --every for \
      coarser) with PELT (Killick, Fearnhead & Eckley 2012): an exact search for the segmentation \
      that minimises the squared deviations of the logit share from each segment's mean plus a \
      penalty per break. Shares of 0 or 1 are clamped to 0.0001 / 0.9999 and counted.

      --penalty mbic (default) is 3 ln n · σ², bic 2 ln n · σ², aic 4 σ², or give a number; σ is \
      estimated robustly (MAD of the day-to-day changes inside the category's span, / √2). \
      --min-segment is the shortest segment in days (default 7). --max-breaks K keeps the K breaks \
      with the largest change in share points. For each break: date, mean share before and after, \
      and the change in points.

      --at DATE (repeatable) runs a Chow test instead: does the trend of the logit share break at \
      that date? F statistic and p-value.

      In this command --category names the category to analyse; --group names the column.

      EXAMPLES
        sharelens breaks daily.csv --map exchange-currency.csv \\
          --category CNY --to 2018-12-31 --max-breaks 2
        sharelens breaks daily.csv --map exchange-currency.csv \\
          --category CNY --to 2017-10-31 --at 2017-01-24
      """)

  @OptionGroup var input: InputOptions
  @OptionGroup var selection: ShareSelectionOptions
  @OptionGroup var output: OutputOptions

  @Option(help: ArgumentHelp("The category whose share series is analysed.", valueName: "name"))
  var category: String

  @Option(
    help: ArgumentHelp("mbic (default), bic, aic, or a number.", valueName: "penalty"), transform: PenaltyArgument.parse
  )
  var penalty: BreakPenalty = .mbic

  @Option(help: ArgumentHelp("Shortest segment, in buckets.", valueName: "N"))
  var minSegment = 7

  @Option(help: ArgumentHelp("Report only the K breaks with the largest change in share points.", valueName: "K"))
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
      throw ValidationError("--format svg draws the PELT breaks; it does not apply to --at")
    }
  }

  func run() throws {
    try Run.guarded {
      guard let analysis = try Pipeline.shares(input, selection, allWarnings: false) else { return }
      let series = try ShareSeries(analysis.breakdown, category: category)
      if at.isEmpty {
        let result = try Breaks.analyse(series, penalty: penalty, minSegment: minSegment, maxBreaks: maxBreaks)
        try Run.emit(
          CommandOutput(
            table: { format, ascii, _ in
              BreaksOutput.render(result, chow: [], category: category, format: format, ascii: ascii)
            },
            chart: Charts.breaks(
              series, analysis: result, colors: ColorAssignment(categories: analysis.breakdown.categories))),
          output)
      } else {
        let tests = try at.map { try ChowTest(series, at: $0.day) }
        try Run.emit(
          CommandOutput(table: { format, ascii, _ in
            BreaksOutput.render(nil, chow: tests, category: category, format: format, ascii: ascii)
          }), output)
      }
    }
  }
}
