// Chart specs built from analysis results: the report's charts and `--format svg`. Each function
// only arranges numbers the statistics already computed.

import ShareData
import ShareStats

public enum Charts {
  static func timeAxis(_ b: ShareBreakdown) -> ChartSpec.XAxis {
    .time(b.buckets.map { ChartSpec.TimeBucket(startDay: $0.startDay, endDay: $0.endDay) })
  }

  static func eventAnnotations(_ events: [MarketEvent], within buckets: [BucketShares]) -> [ChartSpec.Annotation] {
    guard let first = buckets.first?.startDay, let last = buckets.last?.endDay else { return [] }
    return events.filter { $0.day.number >= first && $0.day.number < last }.map {
      .event(day: $0.day.number, label: $0.label)
    }
  }

  /// Shares over time, stacked to 100%; a category not observed in a bucket leaves a gap.
  public static func stackedShares(
    _ b: ShareBreakdown, colors: ColorAssignment? = nil, events: [MarketEvent] = [], title: String? = nil
  ) -> ChartSpec {
    let colors = colors ?? ColorAssignment(categories: b.categories)
    let split = b.weighting == .volume ? "volume split by category" : "shares by category"
    return ChartSpec(
      title: title ?? "Share of volume per \(b.every.rawValue)",
      caption: "Each \(b.every.rawValue)'s \(split) (100% stacked); gaps are buckets without data.",
      notes: transformations(b), mark: .stackedArea, x: timeAxis(b), scale: .percent, yLabel: "share of volume",
      series: b.categories.enumerated().map { c, name in
        .init(name: name, values: b.buckets.map { $0.shares[c] }, style: colors.style(for: name))
      },
      annotations: eventAnnotations(events, within: b.buckets))
  }

  /// Selected categories' shares as lines.
  public static func shareLines(
    _ b: ShareBreakdown, categories: [String]? = nil, colors: ColorAssignment? = nil, events: [MarketEvent] = [],
    title: String? = nil
  ) -> ChartSpec {
    let names = categories ?? b.categories
    let colors = colors ?? ColorAssignment(categories: b.categories)
    return ChartSpec(
      title: title ?? "Share of volume",
      caption: (b.weighting == .volume ? "Volume-weighted share" : "Share")
        + " per \(b.every.rawValue); gaps are missing data.",
      notes: transformations(b), mark: .line, x: timeAxis(b), scale: .percent, yLabel: "share of volume",
      series: names.compactMap { name in
        b.categories.firstIndex(of: name).map { c in
          .init(name: name, values: b.buckets.map { $0.shares[c] }, style: colors.style(for: name))
        }
      },
      annotations: eventAnnotations(events, within: b.buckets))
  }

  /// What was done to the shares before they were drawn, one sentence each, as the share table's
  /// footer says it: equal weighting, smoothing, the top-N fold. Volume-weighted, unsmoothed and
  /// unfolded shares need no note, nor does equal weighting in buckets of the data's own width.
  public static func transformations(_ b: ShareBreakdown) -> [String] {
    var notes: [String] = []
    if b.weighting == .equal && b.every != b.resolution {
      notes.append(
        "Equal weighting: each \(b.every.rawValue)'s share is the mean of the category's \(b.resolution.adjective) "
          + "shares within it.")
    }
    if let smoothing = b.smoothing {
      notes.append("Smoothed: \(ShareTableOutput.smoothingPhrase(smoothing, b.every)).")
    }
    if let fold = b.fold { notes.append(ShareTableOutput.foldNote(fold)) }
    return notes
  }

  /// The chart buckets of a series of bucket start days: each reaches the next bucket's start, so a
  /// monthly series is drawn as a line over its months, not as one dot on each month's first day.
  static func seriesBuckets(_ days: [Int64], every: Every) -> [ChartSpec.TimeBucket] {
    days.map { ChartSpec.TimeBucket(startDay: $0, endDay: every.nextStart(after: $0)) }
  }

  /// What a comparison chart shows: the comparison's estimand (`CompareOptions.weighting`).
  static func estimandCaption(_ c: Comparison) -> String {
    c.options.weighting == .volume ? "volume-weighted share" : "mean \(c.resolution.adjective) share"
  }

  /// Each category's share (the comparison's estimand) in each period, as grouped bars: one group per
  /// period, one bar per category in the category's colour.
  public static func comparisonBars(_ c: Comparison, colors: ColorAssignment? = nil) -> ChartSpec {
    let colors = colors ?? ColorAssignment(categories: c.categories.map(\.category))
    return ChartSpec(
      title: "Share of volume by period",
      caption: estimandCaption(c).prefix(1).uppercased() + estimandCaption(c).dropFirst()
        + " of each category in each period.",
      mark: .bar, x: .labels(c.options.periods.map(\.label)), scale: .percent, yLabel: "share of volume",
      series: c.categories.map { cat in
        .init(name: cat.category, values: cat.estimate, style: colors.style(for: cat.category))
      },
      yDomain: 0...1)
  }

  /// Baseline versus one period, one line per category.
  public static func slope(_ c: Comparison, period q: Int, colors: ColorAssignment? = nil) -> ChartSpec {
    let b = c.options.baseline
    let colors = colors ?? ColorAssignment(categories: c.categories.map(\.category))
    return ChartSpec(
      title: "\(c.options.periods[b].label) → \(c.options.periods[q].label)",
      caption: "Each category's \(estimandCaption(c)) in the two periods.",
      mark: .slope, x: .labels([c.options.periods[b].label, c.options.periods[q].label]), scale: .percent,
      yLabel: "share of volume",
      series: c.categories.map { cat in
        .init(name: cat.category, values: [cat.estimate[b], cat.estimate[q]], style: colors.style(for: cat.category))
      },
      yDomain: 0...1)
  }

  /// HHI over time with the guideline bands shaded, where the categories are firms (the bands are
  /// thresholds for firms: for currencies or a map's groups the caption says why there are none).
  /// `notes`: what was done to the shares first (`transformations`), e.g. a top-N fold.
  public static func concentration(_ s: ConcentrationSeries, events: [MarketEvent] = [], notes: [String] = [])
    -> ChartSpec
  {
    let (moderate, high) = s.bands.thresholds
    let buckets = s.rows.map(\.bucket)
    let bands: [ChartSpec.Annotation] =
      s.units.areFirms
      ? [
        .band(from: 0, to: moderate, label: ConcentrationBand.unconcentrated.rawValue),
        .band(from: moderate, to: high, label: ConcentrationBand.moderatelyConcentrated.rawValue),
        .band(from: high, to: 10_000, label: ConcentrationBand.highlyConcentrated.rawValue),
      ] : []
    let about: String
    switch s.units {
    case .firms: about = "bands of the \(s.bands.rawValue) US merger guidelines."
    case .notFirms(let reason): about = "no merger-guideline bands: \(reason)."
    }
    return ChartSpec(
      title: "Concentration (HHI)",
      caption: "Herfindahl–Hirschman index per \(s.every.rawValue); \(about)", notes: notes,
      mark: .line, x: .time(buckets.map { ChartSpec.TimeBucket(startDay: $0.startDay, endDay: $0.endDay) }),
      scale: .absolute,
      yLabel: "HHI", series: [.init(name: "HHI", values: s.rows.map { $0.measures?.hhi }, style: .measure)],
      annotations: bands + eventAnnotations(events, within: buckets),
      yDomain: 0...10_000)
  }

  /// A category's share series with its breaks marked. `every`: the series' bucket width (the
  /// caption names it); `notes`: what was done to the shares (`transformations`).
  public static func breaks(
    _ series: ShareSeries, analysis: BreakAnalysis, every: Every = .day, notes: [String] = [],
    colors: ColorAssignment? = nil
  ) -> ChartSpec {
    let adjective = every.adjective.prefix(1).uppercased() + every.adjective.dropFirst()
    return ChartSpec(
      title: "\(series.category): breaks in the share",
      caption: "\(adjective) share; vertical lines mark the breaks (mean shifts in the logit share).",
      notes: notes, mark: .line, x: .time(seriesBuckets(series.days, every: every)), scale: .percent,
      yLabel: "share of volume",
      series: [
        .init(
          name: series.category, values: series.shares.map { $0 },
          style: (colors ?? ColorAssignment(categories: [series.category])).style(for: series.category))
      ],
      annotations: analysis.breaks.map {
        .event(day: $0.day, label: "break, \(NumberFormat.signed($0.deltaPP, 1)) points")
      }
        + analysis.breaks.compactMap(\.ci95).map {
          .span(fromDay: $0.lowerBound, toDay: $0.upperBound + 1, label: "95% interval of a break date (Bai 1997)")
        })
  }
}

extension Charts {
  /// `text` (a command's text or markdown output) with the `transformations` of `b` after it, one
  /// line each, as under the command's chart; other formats unchanged (their JSON and CSV say it in
  /// their own fields, or not yet).
  public static func stating(_ b: ShareBreakdown, after text: String, format: OutputFormat) -> String {
    let notes = transformations(b)
    guard !notes.isEmpty, format == .text || format == .markdown else { return text }
    return text + notes.joined(separator: "\n") + "\n"
  }
}
