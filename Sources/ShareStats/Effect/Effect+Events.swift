// The effect of each event of an events file on its own: one interrupted time series per event, on the
// category's span. The report uses this; events close together are not separated (each fit sees the
// others' changes as part of its own), which the report says.

import ShareData

/// One event and its fit alone, or why it has none.
public struct EventEffectFit: Sendable {
  public var event: MarketEvent
  /// nil when the event leaves fewer than 3 values on a side (`skipped` says so).
  public var analysis: EffectAnalysis?
  public var skipped: String?

  /// The event's effect (the only one of its fit).
  public var effect: EventEffect? { analysis?.events.first }
}

extension EffectAnalysis {
  /// Every event strictly after the first day of `series`' span and not after its last, fitted alone on the span.
  public static func eachAlone(_ series: ShareSeries, events: [MarketEvent]) -> [EventEffectFit] {
    let span = series.withinSpan()
    guard let first = span.days.first, let last = span.days.last else { return [] }
    return events.filter { $0.day.number > first && $0.day.number <= last }.map { event in
      let before = span.days.filter { $0 < event.day.number }.count
      let after = span.count - before
      guard before >= 3, after >= 3 else {
        let side = before < 3 ? "before" : "after"
        return EventEffectFit(
          event: event, analysis: nil,
          skipped: "\(min(before, after)) value\(min(before, after) == 1 ? "" : "s") \(side) it")
      }
      do {
        return EventEffectFit(event: event, analysis: try EffectAnalysis(span, events: [event.day]), skipped: nil)
      } catch {
        return EventEffectFit(event: event, analysis: nil, skipped: "no fit (\(error))")
      }
    }
  }
}
