// In-time placebos for an event's effect: the same model with a made-up event date at every day of the
// pre-period that leaves enough observations on both sides. If the real event changed the share, its
// effect should stand out among effects at dates where nothing happened; the rank says how far.
// Only the pre-period enters (from the previous event, or the window's start, to the day before the
// event), so neither the real event nor an earlier one moves a placebo's fit; a placebo's effect is
// averaged over as many days as the real horizon, cut at the real event.

import ShareData

enum Placebo {
  /// The rank of |effect| of `event` among the placebo effects (1 = larger than all; ties count against
  /// the event) and how many placebo dates there were; rank nil when there were none.
  static func rank(
    of event: EventEffect, series: ShareSeries, logit: [Double], previousEvent: Day?, minimumSide: Int
  ) throws -> (rank: Int?, count: Int) {
    let lo = previousEvent.map { p in series.days.firstIndex { $0 >= p.number } ?? 0 } ?? 0
    let hi = series.days.firstIndex { $0 >= event.day.number } ?? series.count
    let days = Array(series.days[lo..<hi])
    let y = Array(logit[lo..<hi])
    let horizonDays = event.horizonLastDay - event.day.number + 1
    guard days.count >= 2 * minimumSide, minimumSide >= 3 else { return (nil, 0) }
    var effects: [Double] = []
    for split in minimumSide...(days.count - minimumSide) {
      let date = days[split]
      let design = EffectDesign(days: days, events: [date])
      let b = try Fitting.multiple(y: y, columns: design.columns).coefficients
      let end = days.firstIndex { $0 >= date + horizonDays } ?? days.count
      let sum = design.summedEffect(0, over: split..<end, coefficients: b)
      effects.append(sum.value / Double(end - split))
    }
    let real = abs(event.effectPP)
    return (1 + effects.filter { abs($0) >= real }.count, effects.count)
  }
}
