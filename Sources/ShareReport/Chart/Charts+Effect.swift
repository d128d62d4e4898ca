// The chart of `effect`: the observed share, the fitted interrupted time series, and over each event's
// horizon the counterfactual without it, with the events as vertical lines.

import ShareData
import ShareStats

extension Charts {
  /// `every`: the series' bucket width (the caption names it); `notes`: what was done to the shares
  /// (`transformations`).
  public static func effect(
    _ e: EffectAnalysis, every: Every = .day, notes: [String] = [], colors: ColorAssignment? = nil
  ) -> ChartSpec {
    let style = (colors ?? ColorAssignment(categories: [e.category])).style(for: e.category)
    let adjective = every.adjective.prefix(1).uppercased() + every.adjective.dropFirst()
    return ChartSpec(
      title: "\(e.category): effect of \(e.events.count == 1 ? "the event" : "the events") on the share",
      caption: "\(adjective) share, the fitted segmented trend, and after each event the fit without it.",
      notes: notes, mark: .line, x: .time(seriesBuckets(e.path.map(\.day), every: every)), scale: .percent,
      yLabel: "share of volume",
      series: [
        .init(name: e.category, values: e.path.map(\.share), style: style),
        .init(name: "fitted", values: e.path.map(\.fitted), style: .measure),
        .init(name: "without the event", values: e.path.map(\.counterfactual), style: .palette(5)),
      ],
      annotations: e.events.map {
        .event(day: $0.day.number, label: "effect \(NumberFormat.signed($0.effectPP, 1)) points")
      })
  }
}
