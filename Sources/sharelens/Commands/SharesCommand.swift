import ArgumentParser
import ShareData
import ShareReport
import ShareStats

struct SharesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "shares",
    abstract: "The share of each category in each time bucket, with totals.",
    discussion: """
      A category's share of a bucket is its volume divided by the total volume of the categories \
      observed in that bucket (--weighting volume). With --weighting equal it is the mean of its \
      shares at the data's own resolution (e.g. daily) inside the bucket.

      Missing data is never zero: a category with no value inside its span (between its first and \
      last observation) has no share in that bucket (— in text, null in JSON, empty in CSV). Before \
      its first or after its last observation it counts as 0 (--absent zero), because it had not \
      started or had ended: BTC/CNY after the Chinese exchanges closed in 2017. A bucket whose total \
      is 0 has no shares. A bucket the data only partly covers is marked partial (* in text).

      Each bucket reports its coverage: categories observed / categories active in it.

      Missing is not zero at the data's own resolution either. Each bucket reports, per category, \
      its day coverage: the fraction of its days inside its span that have data († in text). With \
      --gaps align (default) a bucket's shares use only the days on which every category observed \
      in it has data, and say how many were left out; --gaps scale divides each volume by its day \
      coverage; --gaps ignore counts missing days as zero. A gap is a whole day: in hourly data a \
      category with a value at any hour of a day has that day. A bucket inside the range without \
      any data stays, with null values.

      EXAMPLES
        sharelens shares monthly.csv --map exchange-currency.csv \\
          --every year
        sharelens shares daily.csv --map exchange-currency.csv \\
          --from 2017-01 --to 2017-12 --every month
        sharelens shares trades.csv --group quote --every month \\
          --format json --out shares.json
      """)

  @OptionGroup var input: InputOptions
  @OptionGroup var column: CategoryColumnOption
  @OptionGroup var selection: ShareSelectionOptions
  @OptionGroup var output: OutputOptions

  @Option(help: ArgumentHelp("Smooth each category's share series with a centred window of N buckets.", valueName: "N"))
  var smooth: Int?

  @Option(help: ArgumentHelp("The smoothing statistic: mean (default) or median."))
  var smoothMethod: MovingWindow.Statistic = .mean

  func validate() throws {
    try OptionRange.check(smooth, OptionRange.smooth, "--smooth", "buckets")
  }

  func run() throws {
    try Run.guarded {
      guard var analysis = try Pipeline.shares(input, selection, categoryColumn: column.category) else { return }
      if let smooth {
        analysis.breakdown = try analysis.breakdown.smoothed(window: smooth, statistic: smoothMethod)
      }
      let group =
        analysis.mapName.map { "mapped by \($0)" } ?? input.group?.description ?? column.category ?? "category"
      let unit = input.unit.description
      try Run.emit(
        CommandOutput(
          table: { format, ascii, width in
            ShareTableOutput.render(analysis, format: format, unit: unit, group: group, ascii: ascii, width: width)
          }, chart: Charts.stackedShares(analysis.breakdown)), output)
    }
  }
}
