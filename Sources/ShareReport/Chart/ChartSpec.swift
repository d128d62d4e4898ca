// One renderer-neutral description of a chart (after the grammar of graphics: data + encoding +
// marks + annotations). The terminal and the SVG renderer both draw exactly this; neither computes
// a statistic. Missing values are nil and drawn as gaps, never as zero.

import ShareData

public struct ChartSpec: Sendable {
  /// How the series are drawn.
  public enum Mark: Sendable, Equatable {
    /// Series stacked to 100% over time (shares).
    case stackedArea
    /// One line per series over time.
    case line
    /// Grouped bars: one group per x label, one bar per series.
    case bar
    /// Two x positions (period A, period B), one line per series between them.
    case slope
  }

  /// The x axis: a time range split into buckets, or labels.
  public enum XAxis: Sendable, Equatable {
    /// Buckets as (first day, day after the last), ascending; values align with them.
    case time([TimeBucket])
    case labels([String])

    public var count: Int {
      switch self {
      case .time(let buckets): buckets.count
      case .labels(let labels): labels.count
      }
    }
  }

  public struct TimeBucket: Sendable, Equatable {
    public var startDay: Int64
    public var endDay: Int64

    public init(startDay: Int64, endDay: Int64) {
      self.startDay = startDay
      self.endDay = endDay
    }
  }

  public enum Scale: Sendable, Equatable {
    /// Fractions drawn as 0–100%.
    case percent
    /// Plain numbers from 0 (or the data's minimum when it is negative).
    case absolute
    /// log10 of positive numbers.
    case log
  }

  public struct Series: Sendable, Equatable {
    public var name: String
    /// One value per x position; nil is a gap.
    public var values: [Double?]
    /// Colour and symbol, from the run's ColorAssignment so a category matches across charts.
    public var style: SeriesStyle

    public init(name: String, values: [Double?], style: SeriesStyle) {
      self.name = name
      self.values = values
      self.style = style
    }

    /// A series in the palette's colour number `colorIndex`.
    public init(name: String, values: [Double?], colorIndex: Int) {
      self.init(name: name, values: values, style: .palette(colorIndex))
    }
  }

  public enum Annotation: Sendable, Equatable {
    /// A dated event: a vertical line with a label.
    case event(day: Int64, label: String)
    /// A shaded horizontal band between two y values, labelled (e.g. an HHI band).
    case band(from: Double, to: Double, label: String)
    /// A shaded stretch of time from `fromDay` up to (not including) `toDay`, labelled: e.g. the 95%
    /// interval of a break date. Drawn under the data; the notes name each distinct label once.
    case span(fromDay: Int64, toDay: Int64, label: String)
  }

  public var title: String
  /// A line under the title.
  public var subtitle: String?
  public var caption: String?
  /// What was done to the data before it was drawn (equal weighting, smoothing, a top-N fold), one
  /// sentence each. Every renderer prints them under the caption, and redrawing the chart as
  /// another type keeps them: a smoothed or folded chart saved on its own still says so.
  public var notes: [String] = []
  /// A credit line under the chart ("Data: …").
  public var source: String?
  public var mark: Mark
  public var x: XAxis
  public var scale: Scale
  /// What the y axis measures, e.g. "share of volume", "HHI".
  public var yLabel: String
  public var series: [Series]
  public var annotations: [Annotation]
  /// Fixed y domain; nil lets the renderer take it from the data (percent: 0…1).
  public var yDomain: ClosedRange<Double>?

  public init(
    title: String, caption: String? = nil, notes: [String] = [], mark: Mark, x: XAxis, scale: Scale, yLabel: String,
    series: [Series], annotations: [Annotation] = [], yDomain: ClosedRange<Double>? = nil
  ) {
    self.title = title
    self.caption = caption
    self.notes = notes
    self.mark = mark
    self.x = x
    self.scale = scale
    self.yLabel = yLabel
    self.series = series
    self.annotations = annotations
    self.yDomain = yDomain
  }

  /// The y range to draw: fixed, or from the data (stacked shares always 0…1).
  public var resolvedYDomain: ClosedRange<Double> {
    if let yDomain { return yDomain }
    if mark == .stackedArea || scale == .percent && mark != .line { return 0...1 }
    let values =
      series.flatMap { $0.values.compactMap { $0 } }
      + annotations.compactMap {
        if case .band(_, let to, _) = $0, to.isFinite { return to } else { return nil }
      }
    switch scale {
    case .log:
      let positive = values.filter { $0 > 0 }
      guard let lo = positive.min(), let hi = positive.max() else { return 1...10 }
      return Ticks.niceLogDomain(lo...hi)
    case .percent, .absolute:
      let lo = min(0, values.min() ?? 0)
      let hi = max(values.max() ?? 1, lo + (scale == .percent ? 0.01 : 1))
      return Ticks.niceDomain(lo...hi)
    }
  }

  /// The events, for numbered legends.
  public var events: [(day: Int64, label: String)] {
    annotations.compactMap { if case .event(let day, let label) = $0 { return (day, label) } else { return nil } }
  }

  public var spans: [(fromDay: Int64, toDay: Int64, label: String)] {
    annotations.compactMap { if case .span(let f, let t, let l) = $0 { return (f, t, l) } else { return nil } }
  }

  /// The spans' distinct labels, in order of first appearance, for the notes.
  public var spanLabels: [String] {
    spans.map(\.label).reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
  }

  public var bands: [(from: Double, to: Double, label: String)] {
    annotations.compactMap { if case .band(let f, let t, let l) = $0 { return (f, t, l) } else { return nil } }
  }
}
