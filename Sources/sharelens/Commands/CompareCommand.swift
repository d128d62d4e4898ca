import ArgumentParser
import ShareData
import ShareReport
import ShareStats

struct CompareCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compare",
    abstract: "Compare periods: each category's share, the change, and whether it is real.",
    discussion: """
      Per category and period: volume, volume-weighted share, mean of daily shares, rank. Per \
      category against the baseline (the first --period unless --baseline): the change in \
      percentage points, ratio, log-ratio and rank change; Welch's t-test on the daily shares of \
      the two periods (t, Welch–Satterthwaite df, two-sided p); a 95% moving-block bootstrap \
      interval for the change (--resamples, --block, --seed: the same seed gives the same \
      interval); and the Newey–West (HAC) standard error of the difference of mean daily shares.

      Per period: HHI, CR1/CR3/CR4, effective number of categories and the concentration band of the \
      2023 US merger guidelines (--bands 2010 for the older thresholds); a change in HHI over 100 is \
      flagged. A redistribution table shows who gained the share points others lost, and each \
      category's part of the change in average daily volume.

      The daily series are at the data's own resolution (--every changes it); --from and --to are \
      not used: the periods say which days count.

      EXAMPLE
        sharelens compare daily-by-exchange.csv --map exchange-currency.csv \\
          --period 2016=2016-01-01..2016-12-31 --period 2018H1=2018-01-01..2018-06-30
      """)

  @OptionGroup var input: InputOptions
  @OptionGroup var column: CategoryColumnOption
  @OptionGroup var selection: ShareSelectionOptions
  @OptionGroup var output: OutputOptions

  @Option(
    name: .customLong("period"),
    help: ArgumentHelp(
      "A period, LABEL=FROM..TO (inclusive; YYYY-MM-DD, YYYY-MM or YYYY); repeat for each.", valueName: "label=from..to"
    ))
  var periodTexts: [String] = []

  @Option(help: ArgumentHelp("The label of the baseline period (default: the first).", valueName: "label"))
  var baseline: String?

  @Option(help: "Bootstrap resamples (0 turns the interval off).")
  var resamples = 2000

  @Option(help: ArgumentHelp("Bootstrap block length in days (default: ⌈n^(1/3)⌉ of each period).", valueName: "days"))
  var block: Int?

  @Option(help: "Seed of the bootstrap's random numbers.")
  var seed: UInt = 20_170_124

  @Option(help: ArgumentHelp("HHI bands: 2023 (default: 1,000 / 1,800) or 2010 (1,500 / 2,500)."))
  var bands: ConcentrationBands = .guidelines2023

  func validate() throws {
    let periods = try PeriodArgument.parse(periodTexts)
    if periods.count < 2 { throw ValidationError("compare needs two or more --period LABEL=FROM..TO") }
    if let baseline, !periods.contains(where: { $0.label == baseline }) {
      throw ValidationError(
        "--baseline \(baseline) is not one of the periods: \(periods.map(\.label).joined(separator: ", "))")
    }
    try OptionRange.check(resamples, OptionRange.resamples, "--resamples", "resamples")
    try OptionRange.check(block, OptionRange.block, "--block", "days")
    try output.validateWidth()
  }

  func run() throws {
    try Run.guarded {
      let periods = try PeriodArgument.parse(periodTexts)
      let ingestOptions = try input.ingestOptions(categoryColumn: column.category)
      if try input.showSQLIfAsked(ingestOptions) { return }
      let ingest = try Ingest.read(paths: input.files, options: ingestOptions)
      let table = try ShareAnalysis.mapped(ingest.table, map: try selection.categoryMap(), unmapped: selection.unmapped)
      var shareOptions = try selection.shareOptions()
      shareOptions.fromDay = nil
      shareOptions.toDay = nil
      let options = CompareOptions(
        periods: periods, baseline: periods.firstIndex { $0.label == baseline } ?? 0, resamples: resamples,
        block: block,
        seed: seed, bands: bands)
      let comparison = try Compare.run(table, shareOptions: shareOptions, options: options)
      try Run.report(ingest.warnings + comparison.warnings, strict: input.strict)
      let chart = Charts.comparisonBars(comparison)
      if output.format == .svg { return try Run.emit(SVGRenderer().render(chart), to: output.out) }
      var text = CompareOutput.render(
        comparison, format: output.format.table, ascii: output.ascii, width: output.terminal.width)
      if output.chart && output.format == .text { text += "\n" + output.terminal.render(chart) }
      try Run.emit(text, to: output.out)
    }
  }
}

/// `--period LABEL=FROM..TO`.
enum PeriodArgument {
  static func parse(_ texts: [String]) throws -> [Period] {
    try texts.map { text in
      guard let eq = text.firstIndex(of: "="), !text[..<eq].isEmpty else {
        throw ValidationError("--period \(text): write LABEL=FROM..TO, e.g. 2016=2016-01-01..2016-12-31")
      }
      let label = String(text[..<eq])
      let range = text[text.index(after: eq)...]
      let parts = range.components(separatedBy: "..")
      let (from, to): (String, String)
      if parts.count == 2 {
        (from, to) = (parts[0], parts[1])
      } else if parts.count == 1 {
        (from, to) = (parts[0], parts[0])  // LABEL=2016 or LABEL=2017-03: the whole year or month
      } else {
        throw ValidationError("--period \(text): write LABEL=FROM..TO")
      }
      let period = Period(
        label: label, fromDay: try DateArgument.day(from, flag: "--period \(label)", end: false),
        toDay: try DateArgument.day(to, flag: "--period \(label)", end: true))
      if period.fromDay > period.toDay {
        throw ValidationError("--period \(text): \(period.from) is after \(period.to)")
      }
      return period
    }
  }
}
