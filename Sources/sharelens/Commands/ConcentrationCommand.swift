import ArgumentParser
import ShareData
import ShareReport
import ShareStats

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

  func run() throws {
    try Run.guarded {
      guard let analysis = try Pipeline.shares(input, selection, categoryColumn: column.category) else { return }
      let series = ConcentrationSeries(analysis.breakdown, bands: bands)
      try Run.emit(
        CommandOutput(
          table: { format, ascii, width in
            ConcentrationOutput.render(series, format: format, ascii: ascii, width: width)
          }, chart: Charts.concentration(series)), output)
    }
  }
}
