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
        sharelens volumes daily-by-exchange.csv --map exchange-currency.csv \\
          --every month --out monthly.csv
      """)

  @OptionGroup var input: InputOptions
  @OptionGroup var column: CategoryColumnOption
  @OptionGroup var selection: ShareSelectionOptions

  @Option(help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "path"))
  var out: String?

  func run() throws {
    try Run.guarded {
      let ingestOptions = try input.ingestOptions(categoryColumn: column.category, selection: selection)
      if try input.showSQLIfAsked(ingestOptions) { return }
      let analysis = try ShareAnalysis.run(
        paths: input.files, ingest: ingestOptions, map: try selection.categoryMap(),
        unmapped: selection.unmapped, shares: try selection.shareOptions())
      try Run.report(analysis.warnings, strict: input.strict)
      try Run.emit(ShareTableOutput.wideVolumeCSV(analysis.breakdown), to: out)
    }
  }
}
