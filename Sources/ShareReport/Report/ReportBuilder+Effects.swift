// The report's event effects: each event of the events file inside the focus category's span, fitted alone
// by `effect`'s interrupted time series, as a headline (the largest effect whose interval excludes 0) and
// a section with a table, the events left out and what the numbers assume.

import ShareData
import ShareStats

extension ReportBuilder {
  static let effectsMethod =
    "Event effects: for each event inside the focus category's span, fitted alone, OLS of the logit share on "
    + "time with a jump and a change of slope at the event's date (an interrupted time series); Newey–West "
    + "standard errors with the automatic lag of Newey & West (1994). The effect is the mean, from the event to "
    + "the end of the span, of the fitted share minus the counterfactual share (the pre-event trend continued), "
    + "with a delta-method 95% interval. Placebo: the rank of the effect among the same model at every date of "
    + "the pre-event period with \(EffectAnalysis.placeboMinimumSide) or more values on each side."

  static func effectSentence(_ category: String, _ fit: EventEffectFit, analysis: ReportAnalysis) -> String {
    guard let e = fit.effect else { return "" }
    let direction = e.effectPP < 0 ? "lower" : "higher"
    let lo = min(abs(e.effectCI95.lowerBound), abs(e.effectCI95.upperBound))
    let hi = max(abs(e.effectCI95.lowerBound), abs(e.effectCI95.upperBound))
    let unit = analysis.resolution.rawValue
    return
      "Against its trend before \(fit.event.day) (\(fit.event.label)), \(category)'s \(analysis.resolution.adjective) "
      + "share was \(NumberFormat.fixed(abs(e.effectPP), 1)) points \(direction) on average over the "
      + "\(e.horizonCount) \(unit)\(e.horizonCount == 1 ? "" : "s") that followed (95% interval "
      + "\(NumberFormat.fixed(lo, 1)) to \(NumberFormat.fixed(hi, 1)); interrupted time series, Newey–West)."
  }

  static func effectsSection(_ analysis: ReportAnalysis) -> ReportDocument.Section {
    let focus = analysis.focus
    var section = ReportDocument.Section(heading: "Event effects on \(focus)'s share")
    let fitted = analysis.eventEffects.filter { $0.effect != nil }
    let span = analysis.focusSeries.withinSpan()
    if let first = span.days.first, let last = span.days.last {
      section.paragraphs.append(
        "Each event inside \(focus)'s span (\(CivilDate(dayNumber: first))..\(CivilDate(dayNumber: last))), fitted "
          + "alone: the jump of the logit share at the event (Newey–West SE in brackets) and the mean effect on "
          + "the share from the event to the span's end, against the pre-event trend continued ("
          + fitted.map { "\($0.event.day): \($0.event.label)" }.joined(separator: "; ") + "):")
    }
    if !fitted.isEmpty {
      section.tables.append(
        TableModel(
          columns: [
            TableColumn("date", .left), TableColumn("n after", .right),
            TableColumn("jump (logit)"), TableColumn("effect pp", .right), TableColumn("95% interval", .right),
            TableColumn("placebo", .right),
          ],
          rows: fitted.map { fit in
            let e = fit.effect!
            return [
              fit.event.day.description, String(e.horizonCount),
              "\(NumberFormat.signed(e.levelChange, 2)) (\(NumberFormat.fixed(e.levelChangeSEHAC, 2)))",
              NumberFormat.signed(e.effectPP, 1),
              "\(NumberFormat.signed(e.effectCI95.lowerBound, 1))..\(NumberFormat.signed(e.effectCI95.upperBound, 1))",
              e.placeboRank.map { "\($0) of \(e.placeboCount + 1)" } ?? "—",
            ]
          }))
    }
    for fit in analysis.eventEffects where fit.effect == nil {
      section.notes.append("\(fit.event.day) (\(fit.event.label)): not fitted, \(fit.skipped ?? "no fit").")
    }
    section.notes.append(
      "Events close together are not told apart: each fit counts the others' changes as its own, and its "
        + "placebo dates run over the earlier events. The effect "
        + "assumes the logit share would have kept its pre-event straight-line trend; the delta-method interval is "
        + "symmetric, cut at ±100 points (no share can move more), and wide when few values follow.")
    if fitted.contains(where: { $0.effect?.placeboRank == nil }) {
      section.notes.append(
        "Placebo —: fewer than \(EffectAnalysis.placeboMinimumSide) values on each side of every pre-event date.")
    }
    return section
  }
}
