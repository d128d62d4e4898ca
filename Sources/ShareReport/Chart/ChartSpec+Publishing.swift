// A command's chart changed the way a publisher asks: drawn as another kind of chart, with
// colours chosen by hand, with dated events. Still a chart spec: both renderers draw the result.

import ShareData

/// The kinds of chart a user can ask for.
public enum ChartType: String, Sendable, CaseIterable {
  case stacked, lines, bars
}

extension ChartSpec {
  /// The same data drawn as `type`: stacked areas (shares over time), lines (over time, or a
  /// slope between two labels) or bars (over labels, or one group per time bucket).
  public func drawn(as type: ChartType) throws -> ChartSpec {
    var spec = self
    switch (type, x) {
    case (.stacked, .time) where scale == .percent:
      spec.mark = .stackedArea
    case (.lines, .time):
      spec.mark = .line
    case (.lines, .labels(let labels)) where labels.count == 2:
      spec.mark = .slope
    case (.bars, .labels):
      spec.mark = .bar
    case (.bars, .time(let buckets)):
      spec.mark = .bar
      spec.x = .labels(buckets.map(Self.bucketLabel))
      spec.annotations = annotations.filter { if case .band = $0 { true } else { false } }
      if yDomain == nil && scale == .percent { spec.yDomain = resolvedYDomain }
    default:
      let what =
        switch x {
        case .time: "this chart's values are not shares that add up"
        case .labels(let labels): "this chart has \(labels.count) labels on its x axis, not a time axis or two periods"
        }
      throw ShareError.request(Phrase("cannot draw \(type.rawValue): \(what)"), hint: "try another chart type")
    }
    // The command's caption describes its own kind of chart.
    if spec.mark != mark { spec.caption = Self.caption(spec.mark) }
    return spec
  }

  static func caption(_ mark: Mark) -> String {
    switch mark {
    case .stackedArea: "Shares stacked to 100%; gaps are buckets without data."
    case .line: "One line per series; gaps are missing data."
    case .bar: "One bar per series in each group; a missing value has no bar."
    case .slope: "Each series' value at the two points, joined by a line."
    }
  }

  /// A bucket named by its first day: the year, the month, or the day.
  static func bucketLabel(_ bucket: TimeBucket) -> String {
    let start = CivilDate(dayNumber: bucket.startDay)
    let length = bucket.endDay - bucket.startDay
    if start.month == 1 && start.day == 1 && length >= 365 { return String(start.year) }
    if start.day == 1 && length >= 28 { return String(start.description.prefix(7)) }
    return start.description
  }

  /// Gives the series named in `overrides` that colour ("#RRGGBB"); a colour that an earlier
  /// series of the chart already has is drawn in a lighter fill in a terminal.
  public mutating func recolor(_ overrides: [String: String]) {
    guard !overrides.isEmpty else { return }
    for i in series.indices {
      guard let hex = overrides[series[i].name] else { continue }
      series[i].style.hex = hex
      series[i].style.ansi = Palette.nearestANSI(hex)
    }
    var seen: [String: Int] = [:]
    for i in series.indices {
      let key = series[i].style.hex.uppercased()
      series[i].style.shade = seen[key, default: 0]
      seen[key] = series[i].style.shade + 1
    }
  }

  /// Marks the events that fall on a time axis; a chart over labels has no dates to mark.
  public mutating func addEvents(_ events: [MarketEvent]) {
    guard case .time(let buckets) = x, let first = buckets.first?.startDay, let last = buckets.last?.endDay else {
      return
    }
    annotations += events.filter { $0.day.number >= first && $0.day.number < last }.map {
      .event(day: $0.day.number, label: $0.label)
    }
  }
}
