// The chart of `effect`: the observed share, the fitted interrupted time series, and over each event's
// horizon the counterfactual without it, with the events as vertical lines.

import ShareData
import ShareStats

extension Charts {
  public static func effect(_ e: EffectAnalysis, colors: ColorAssignment? = nil) -> ChartSpec {
    let buckets = e.path.map { ChartSpec.TimeBucket(startDay: $0.day, endDay: $0.day + 1) }
    let style = (colors ?? ColorAssignment(categories: [e.category])).style(for: e.category)
    return ChartSpec(
      title: "\(e.category): effect of \(e.events.count == 1 ? "the event" : "the events") on the share",
      caption: "Daily share, the fitted segmented trend, and after each event the fit without it.",
      mark: .line, x: .time(buckets), scale: .percent, yLabel: "share of volume",
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
