// `concentration` in every format. The text table carries the main measures and ends with the
// sentences a reader needs to read them: what the catch-all did to the HHI, whether the bands
// apply (and why not), and the whole range's HHI with its bootstrap interval.

import ShareData
import ShareStats

public enum ConcentrationOutput {
  /// `shares`: the share table the series was computed from; what was done to it (a top-N fold,
  /// equal weighting) is stated under the text and markdown table, as under the chart, and in the
  /// JSON's `weighting` and `top`.
  public static func render(
    _ s: ConcentrationSeries, format: OutputFormat, ascii: Bool = false, width: Int = .max,
    shares: ShareBreakdown? = nil
  ) -> String {
    let transformations = shares.map(Charts.transformations) ?? []
    switch format {
    case .json: return json(s, shares: shares).render() + "\n"
    case .csv: return csv(s)
    case .text, .markdown:
      let table = TableModel(
        columns: [
          TableColumn(s.every.rawValue, .left), TableColumn(s.catchAll == nil ? "HHI" : "HHI low–high"),
          TableColumn("CR1"), TableColumn("leader", .left), TableColumn("CR3"), TableColumn("CR4"),
          TableColumn("eff. n"), TableColumn("entropy"), TableColumn("Gini"), TableColumn("instab."),
          TableColumn("rank ρ"),
        ] + (s.units.areFirms ? [TableColumn("band", .left)] : []),
        rows: s.rows.map { row in
          let m = row.measures
          let hhi =
            s.catchAll == nil
            ? NumberFormat.fixed(m?.hhi, 0)
            : "\(NumberFormat.fixed(m?.hhiAtomistic, 0))–\(NumberFormat.fixed(m?.hhi, 0))"
          return [
            s.every.label(start: row.bucket.startDay) + (row.bucket.partial ? "*" : ""), hhi,
            NumberFormat.percent(m?.cr1), s.leader(row) ?? "—", NumberFormat.percent(m?.cr3),
            NumberFormat.percent(m?.cr4), NumberFormat.fixed(m?.effectiveNumber, 2), NumberFormat.fixed(m?.entropy, 3),
            NumberFormat.fixed(m?.gini, 3), NumberFormat.fixed(row.instability, 3),
            NumberFormat.fixed(row.rankCorrelation, 2),
          ] + (s.units.areFirms ? [bandText(row)] : [])
        })
      return renderTable(table, format: format, ascii: ascii, width: width)
        + (notes(s) + transformations).joined(separator: "\n") + "\n"
    }
  }

  /// The sentences under the text table.
  static func notes(_ s: ConcentrationSeries) -> [String] {
    var lines = ["HHI = Σ (100·share)², 0–10,000. \(bandNote(s))"]
    if let other = s.catchAll {
      lines.append(
        "\(other) is a catch-all of unknown small firms: HHI low counts it as atomistic, high as one firm; "
          + "CRk leave it out and CR1 is the leader's share.")
    }
    lines.append(
      "instab. = Hymer–Pashigian Σ |share − previous share|; rank ρ = Spearman correlation with the previous "
        + "\(s.every.rawValue)'s shares.")
    if s.rows.contains(where: { $0.entropySplit != nil }) {
      lines.append("Entropy split by the map's groups (between + within): in the CSV and JSON output.")
    }
    if let p = s.period {
      var line = "\(p.first)..\(p.last): HHI \(NumberFormat.fixed(p.measures.hhi, 0))"
      if let ci = p.hhiCI95 {
        line +=
          ", 95% interval \(NumberFormat.fixed(ci.lowerBound, 0))–\(NumberFormat.fixed(ci.upperBound, 0))"
          + " (moving-block bootstrap over \(p.days) days, block \(p.blockLength), \(p.resamples) resamples)"
      }
      lines.append(line + "; each \(s.every.rawValue)'s interval from its own days is in the CSV and JSON output.")
    }
    return lines
  }

  /// The band, or the two bands the HHI's bounds fall in ("unconcentrated to moderately concentrated").
  static func bandText(_ row: ConcentrationSeries.Row) -> String {
    guard let high = row.band else { return "—" }
    guard let low = row.bandAtomistic, low != high else { return high.rawValue }
    return "\(low.rawValue) to \(high.rawValue)"
  }

  /// The bands' thresholds, or why there are none.
  public static func bandNote(_ s: ConcentrationSeries) -> String {
    switch s.units {
    case .firms:
      let (moderate, high) = s.bands.thresholds
      return "Bands (\(s.bands.rawValue) US merger guidelines): < \(Int(moderate)) unconcentrated, "
        + "\(Int(moderate))–\(Int(high)) moderately, > \(Int(high)) highly concentrated."
    case .notFirms(let reason):
      return "No merger-guideline band: \(reason), and the bands are thresholds for firms."
    }
  }

  static func csv(_ s: ConcentrationSeries) -> String {
    var writer = CSVWriter(header: [
      "start", "end", "hhi", "cr1", "cr3", "cr4", "effective_n", "entropy", "gini", "categories", "band", "partial",
      "hhi_atomistic", "leader", "instability", "rank_correlation", "entropy_between", "entropy_within",
      "band_atomistic", "hhi_ci95_lower", "hhi_ci95_upper",
    ])
    for row in s.rows {
      let m = row.measures
      writer.row([
        row.bucket.startDate.description, row.bucket.lastDate.description, machineNumber(m?.hhi),
        machineNumber(m?.cr1), machineNumber(m?.cr3), machineNumber(m?.cr4), machineNumber(m?.effectiveNumber),
        machineNumber(m?.entropy), machineNumber(m?.gini), m.map { String($0.categories) } ?? "",
        row.band?.rawValue ?? "", row.bucket.partial ? "true" : "false", machineNumber(m?.hhiAtomistic),
        s.leader(row) ?? "", machineNumber(row.instability), machineNumber(row.rankCorrelation),
        machineNumber(row.entropySplit?.between), machineNumber(row.entropySplit?.within),
        row.bandAtomistic?.rawValue ?? "", machineNumber(row.interval?.hhiCI95?.lowerBound),
        machineNumber(row.interval?.hhiCI95?.upperBound),
      ])
    }
    return writer.text
  }

  public static func json(_ s: ConcentrationSeries, shares: ShareBreakdown? = nil) -> JSONValue {
    var band: JSONValue = .null
    if case .notFirms = s.units { band = .string(bandNote(s)) }
    return .object([
      ("every", .string(s.every.rawValue)), ("bands", .string(s.bands.rawValue)),
      ("firms", .bool(s.units.areFirms)), ("no_band_reason", band),
      ("catch_all", s.catchAll.map { .string($0) } ?? .null),
      ("weighting", .string((shares?.weighting ?? .volume).rawValue)),
      ("top", ShareTableOutput.topJSON(shares?.fold)),
      ("buckets", .array(s.rows.map { row(s, $0) })),
      ("period", s.period.map(period) ?? .null),
    ])
  }

  static func row(_ s: ConcentrationSeries, _ row: ConcentrationSeries.Row) -> JSONValue {
    let m = row.measures
    return .object([
      ("start", .string(row.bucket.startDate.description)), ("end", .string(row.bucket.lastDate.description)),
      ("hhi", .optional(m?.hhi)), ("hhi_ci95", interval(row.interval?.hhiCI95)),
      ("hhi_atomistic", .optional(m?.hhiAtomistic)), ("cr1", .optional(m?.cr1)),
      ("leader", s.leader(row).map { .string($0) } ?? .null), ("cr3", .optional(m?.cr3)),
      ("cr4", .optional(m?.cr4)), ("effective_n", .optional(m?.effectiveNumber)), ("entropy", .optional(m?.entropy)),
      ("gini", .optional(m?.gini)), ("band", row.band.map { .string($0.rawValue) } ?? .null),
      ("band_atomistic", row.bandAtomistic.map { .string($0.rawValue) } ?? .null),
      ("instability", .optional(row.instability)), ("rank_correlation", .optional(row.rankCorrelation)),
      ("entropy_members", .optional(row.entropySplit?.total)),
      ("entropy_between", .optional(row.entropySplit?.between)),
      ("entropy_within", .optional(row.entropySplit?.within)), ("partial", .bool(row.bucket.partial)),
    ])
  }

  static func interval(_ r: ClosedRange<Double>?) -> JSONValue {
    r.map { .array([.number($0.lowerBound), .number($0.upperBound)]) } ?? .null
  }

  static func period(_ p: PeriodConcentration) -> JSONValue {
    return .object([
      ("from", .string(p.first.description)), ("to", .string(p.last.description)), ("days", .number(Double(p.days))),
      ("hhi", .number(p.measures.hhi)), ("hhi_ci95", interval(p.hhiCI95)),
      ("hhi_atomistic", .number(p.measures.hhiAtomistic)), ("hhi_atomistic_ci95", interval(p.hhiAtomisticCI95)),
      ("cr1", .number(p.measures.cr1)), ("resamples", .number(Double(p.resamples))),
      ("block_length", .number(Double(p.blockLength))),
      ("block_rule", .string(p.blockRule.rawValue)), ("seed", .number(Double(p.seed))),
      ("undefined_resamples", .number(Double(p.undefinedResamples))),
    ])
  }
}
