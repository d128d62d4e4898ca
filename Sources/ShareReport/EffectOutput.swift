// `effect` in every format: per event the jump and slope change of the logit share with Newey–West
// standard errors, the average and cumulative effect in share points with 95% intervals, and the placebo
// rank; JSON adds the path (observed, fitted and counterfactual share).

import ShareData
import ShareStats

public enum EffectOutput {
  /// What the effect estimates, in words (the JSON's `estimand`).
  public static let estimand =
    "for each event, the mean over its horizon (the event date up to the next event or the window's end) of the "
    + "fitted share minus the counterfactual share: the same fit with that event's jump and slope change set to "
    + "0, i.e. the pre-event trend of the logit share (with earlier events) continued; in share points"

  /// What it assumes (the JSON's `assumes`).
  public static let assumes =
    "without the event the logit share would have kept its pre-event straight-line trend; nothing else "
    + "changed at the event date; the event dates were chosen without looking at this series; residuals are "
    + "stationary (Newey-West covariance, automatic lag); intervals by the delta method, t with n - k df"

  /// `transformations`: what was done to the shares (`Charts.transformations`), stated in JSON and CSV.
  public static func render(
    _ e: EffectAnalysis, format: OutputFormat, ascii: Bool = false, width: Int = .max, transformations: [String] = []
  ) -> String {
    switch format {
    case .json: return json(e).appending(Transformations.jsonMembers(transformations)).render() + "\n"
    case .csv: return csv(e, trailing: Transformations.csvColumns(transformations))
    case .text, .markdown: return text(e, format: format, ascii: ascii, width: width)
    }
  }

  static func csv(_ e: EffectAnalysis, trailing: [(name: String, value: String)] = []) -> String {
    var writer = CSVWriter(
      header: [
        "category", "date", "horizon_from", "horizon_to", "horizon_n", "level_change", "level_change_se_hac",
        "level_change_p_hac", "slope_change", "slope_change_se_hac", "slope_change_p_hac", "effect_pp",
        "effect_se_pp", "ci95_lower_pp", "ci95_upper_pp", "cumulative_pp_days", "placebo_rank", "placebo_count",
        "hac_lag",
      ], trailing: trailing)
    for v in e.events {
      writer.row([
        e.category, v.day.description, CivilDate(dayNumber: v.horizonFirstDay).description,
        CivilDate(dayNumber: v.horizonLastDay).description, String(v.horizonCount), machineNumber(v.levelChange),
        machineNumber(v.levelChangeSEHAC), machineNumber(v.levelChangePHAC), machineNumber(v.slopeChange),
        machineNumber(v.slopeChangeSEHAC), machineNumber(v.slopeChangePHAC), machineNumber(v.effectPP),
        machineNumber(v.effectSE), machineNumber(v.effectCI95.lowerBound), machineNumber(v.effectCI95.upperBound),
        machineNumber(v.cumulativePP), v.placeboRank.map(String.init) ?? "", String(v.placeboCount),
        String(e.hacLag),
      ])
    }
    return writer.text
  }

  static func text(_ e: EffectAnalysis, format: OutputFormat, ascii: Bool, width: Int) -> String {
    var out = "\(e.category), \(CivilDate(dayNumber: e.firstDay))..\(CivilDate(dayNumber: e.lastDay)) "
    out += "(\(e.count) values): interrupted time series of the logit share, Newey–West lag \(e.hacLag)\n"
    out += "before the first event the logit changes by \(NumberFormat.signed(e.preSlope, 4)) per month "
    out += "(SE \(NumberFormat.fixed(e.preSlopeSEHAC, 4)))\n\n"
    let table = TableModel(
      columns: [
        TableColumn("event", .left), TableColumn("n after", .right), TableColumn("jump (logit)"),
        TableColumn("slope Δ/month"), TableColumn("share fitted"), TableColumn("without"),
        TableColumn("effect pp", .right), TableColumn("95% interval", .right), TableColumn("placebo", .right),
      ],
      rows: e.events.map { v in
        [
          v.day.description, String(v.horizonCount),
          "\(NumberFormat.signed(v.levelChange, 3)) (\(NumberFormat.fixed(v.levelChangeSEHAC, 3)))",
          "\(NumberFormat.signed(v.slopeChange, 3)) (\(NumberFormat.fixed(v.slopeChangeSEHAC, 3)))",
          NumberFormat.percent(v.fittedShare), NumberFormat.percent(v.counterfactualShare),
          NumberFormat.signed(v.effectPP, 2),
          "\(NumberFormat.signed(v.effectCI95.lowerBound, 2))..\(NumberFormat.signed(v.effectCI95.upperBound, 2))",
          v.placeboRank.map { "\($0) of \(v.placeboCount + 1)" } ?? "—",
        ]
      })
    out += renderTable(table, format: format, ascii: ascii, width: width)
    let note =
      "jump and slope Δ: Newey–West SE in brackets; n after: values from the event to the next one (or the end); "
      + "effect: mean of fitted − counterfactual share over them (95% interval, delta method); placebo: rank of "
      + "|effect| among the same model at every pre-event date with \(EffectAnalysis.placeboMinimumSide)+ "
      + "values on each side."
    out += wrap(note, width: width).joined(separator: "\n") + "\n"
    if e.clamped > 0 { out += "\(e.clamped) values of 0 or 1 were clamped to 0.0001 or 0.9999 before the logit\n" }
    return TerminalText.sanitized(out)
  }

  public static func json(_ e: EffectAnalysis) -> JSONValue {
    .object([
      ("category", .string(e.category)),
      ("method", .string("interrupted time series: OLS of the logit share on t, and per event X and (t - T)X")),
      ("estimand", .string(estimand)), ("assumes", .string(assumes)),
      ("from", .string(CivilDate(dayNumber: e.firstDay).description)),
      ("to", .string(CivilDate(dayNumber: e.lastDay).description)),
      ("n", .number(Double(e.count))), ("clamped", .number(Double(e.clamped))),
      ("hac_lag", .number(Double(e.hacLag))), ("df", .number(Double(e.degreesOfFreedom))),
      ("intercept", .number(e.intercept)), ("pre_slope_per_month", .number(e.preSlope)),
      ("pre_slope_se_hac", .number(e.preSlopeSEHAC)),
      ("events", .array(e.events.map(eventJSON))),
      ("path", .array(e.path.map(pathJSON))),
    ])
  }

  static func eventJSON(_ v: EventEffect) -> JSONValue {
    .object([
      ("date", .string(v.day.description)),
      ("horizon", .array([date(v.horizonFirstDay), date(v.horizonLastDay)])),
      ("horizon_n", .number(Double(v.horizonCount))),
      ("level_change", .number(v.levelChange)), ("level_change_se", .number(v.levelChangeSE)),
      ("level_change_se_hac", .number(v.levelChangeSEHAC)), ("level_change_p_hac", .number(v.levelChangePHAC)),
      ("slope_change", .number(v.slopeChange)), ("slope_change_se", .number(v.slopeChangeSE)),
      ("slope_change_se_hac", .number(v.slopeChangeSEHAC)), ("slope_change_p_hac", .number(v.slopeChangePHAC)),
      ("share_fitted", .number(v.fittedShare)), ("share_counterfactual", .number(v.counterfactualShare)),
      ("effect_pp", .number(v.effectPP)), ("effect_se_pp", .number(v.effectSE)),
      ("ci95_pp", .array([.number(v.effectCI95.lowerBound), .number(v.effectCI95.upperBound)])),
      ("cumulative_pp_days", .number(v.cumulativePP)),
      (
        "cumulative_ci95_pp_days", .array([.number(v.cumulativeCI95.lowerBound), .number(v.cumulativeCI95.upperBound)])
      ),
      ("placebo_rank", v.placeboRank.map { .number(Double($0)) } ?? .null),
      ("placebo_count", .number(Double(v.placeboCount))),
    ])
  }

  static func pathJSON(_ p: EffectPathPoint) -> JSONValue {
    .object([
      ("date", date(p.day)), ("share", .number(p.share)), ("fitted", .number(p.fitted)),
      ("counterfactual", .optional(p.counterfactual)), ("counterfactual_se", .optional(p.counterfactualSE)),
      (
        "counterfactual_ci95",
        p.counterfactualCI95.map { .array([.number($0.lowerBound), .number($0.upperBound)]) } ?? .null
      ),
    ])
  }

  static func date(_ day: Int64) -> JSONValue { .string(CivilDate(dayNumber: day).description) }
}
