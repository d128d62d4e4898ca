import ArgumentParser
import ShareData
import ShareReport
import ShareStats

struct VolumesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "volumes",
    abstract: "The bucket × category volume table, as a wide CSV sharelens reads back.",
    discussion: """
      Aggregates the inputs (after --map and --top) into one row per bucket and one column per \
      category: Time,<cat1>,<cat2>,…, with an empty cell where a category has no value in the \
      bucket. This is how datasets/btc-volume-by-currency-monthly.csv is made from the daily \
      by-exchange export (make datasets).

      EXAMPLE
        sharelens volumes daily-by-exchange.csv \\
          --map exchange-currency.csv --every month --out monthly.csv
      """)

  @OptionGroup var input: InputOptions
  @OptionGroup var column: CategoryColumnOption
  @OptionGroup var selection: ShareSelectionOptions

  @Option(help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "path"))
  var out: String?

  func run() throws {
    try Run.guarded {
      guard let analysis = try Pipeline.shares(input, selection, categoryColumn: column.category) else { return }
      try Run.write(ShareTableOutput.wideVolumeCSV(analysis.breakdown), to: out)
    }
  }
}
