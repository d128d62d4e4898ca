// Which categories and which days an analysis is about: mapping, top N and the absent policy
// (every analysis), the date range, bucket width and weighting (the commands that compute share
// tables; compare takes its days from its periods instead).

import ArgumentParser
import ShareData
import ShareStats

/// The categories: mapped, folded to the top N, and counted outside their span or not.
struct CategoryOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp("Map categories through a two-column CSV from,to (e.g. exchange → currency).", valueName: "file")
  )
  var map: String?

  @Option(
    help: ArgumentHelp("Categories the map does not list: error (default), keep, other (fold into Other) or drop."))
  var unmapped: UnmappedPolicy = .error

  @Option(
    help: ArgumentHelp("Keep the N largest categories over the range and fold the rest into Other.", valueName: "N"))
  var top: Int?

  @Option(
    help: ArgumentHelp(
      "A category before its first or after its last observation: zero (default: it had not started or had ended) or missing."
    ))
  var absent: AbsentPolicy = .zero

  func validate() throws {
    try OptionRange.check(top, OptionRange.top, "--top", "categories")
  }

  func categoryMap() throws -> CategoryMap? {
    try map.map { try CategoryMap.load(path: $0) }
  }
}

/// The days an analysis covers: --from and --to, inclusive.
struct RangeOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "First day included (YYYY-MM-DD; YYYY-MM or YYYY for the start of that month or year).", valueName: "date"),
    transform: DayArgument.start)
  var from: DayArgument?

  @Option(
    help: ArgumentHelp(
      "Last day included (YYYY-MM-DD; YYYY-MM or YYYY for the end of that month or year).", valueName: "date"),
    transform: DayArgument.end)
  var to: DayArgument?

  func validate() throws {
    if let from, let to, from.day > to.day {
      throw ValidationError(
        "--from \(from.text) is after --to \(to.text): --from and --to are inclusive dates, --from first")
    }
  }
}

/// Everything that turns a table into a share table.
struct ShareSelectionOptions: ParsableArguments {
  @OptionGroup var categories: CategoryOptions
  @OptionGroup var range: RangeOptions

  @Option(
    help: ArgumentHelp(
      "Bucket width: day, week (ISO, Monday first), month, quarter or year; default: the data's own resolution."))
  var every: Every?

  @Option(
    help: ArgumentHelp(
      "volume (default): volume over the bucket's total; equal: mean of the data's own-resolution shares inside the bucket."
    ))
  var weighting: Weighting = .volume

  @Option(
    help: ArgumentHelp(
      "Days inside a category's span without a value, in a bucket coarser than the data: align (default: shares use only the days on which every category has data), scale (volume / day coverage) or ignore (count as zero)."
    ))
  var gaps: GapPolicy = .align

  func shareOptions() -> ShareOptions {
    ShareOptions(
      every: every, firstDay: range.from?.day, lastDay: range.to?.day, weighting: weighting, top: categories.top,
      absent: categories.absent, gaps: gaps)
  }
}
