// The period comparison's options, shared by compare and report: the periods, the baseline, the
// bootstrap's settings and the HHI bands.

import ArgumentParser
import ShareStats

struct ComparisonOptions: ParsableArguments {
  @Option(
    name: .customLong("period"),
    help: ArgumentHelp(
      "A period, LABEL=FROM..TO (inclusive; YYYY-MM-DD, YYYY-MM or YYYY); repeat for each.",
      valueName: "label=from..to"),
    transform: PeriodArgument.parse)
  var periods: [Period] = []

  @Option(help: ArgumentHelp("The label of the baseline period (default: the first).", valueName: "label"))
  var baseline: String?

  @Option(help: "Bootstrap resamples (0 turns the interval off).")
  var resamples = 2000

  @Option(
    help: ArgumentHelp(
      "Bootstrap block length in days (default: each period's Politis–White circular block length).",
      valueName: "days"))
  var block: Int?

  @Option(help: "Seed of the bootstrap's random numbers.")
  var seed: UInt = 20_170_124

  @Option(help: ArgumentHelp("HHI bands: 2023 (default: 1,000 / 1,800) or 2010 (1,500 / 2,500)."))
  var bands: ConcentrationBands = .guidelines2023

  func validate() throws {
    if let baseline, !periods.contains(where: { $0.label == baseline }) {
      throw ValidationError(
        "--baseline \(baseline) is not one of the periods: \(periods.map(\.label).joined(separator: ", "))")
    }
    try OptionRange.check(resamples, OptionRange.resamples, "--resamples", "resamples")
    try OptionRange.check(block, OptionRange.block, "--block", "days")
  }

  /// The comparison to run; nil without periods.
  var compareOptions: CompareOptions? {
    guard !periods.isEmpty else { return nil }
    return CompareOptions(
      periods: periods, baseline: periods.firstIndex { $0.label == baseline } ?? 0, resamples: resamples,
      block: block, seed: seed, bands: bands)
  }
}
