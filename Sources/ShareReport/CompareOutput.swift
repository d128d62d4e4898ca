// `compare` in every format: the periods with their concentration, each category's shares and
// the tests of its change against the baseline, and where the moved share went.

import ShareData
import ShareStats

public enum CompareOutput {
  public static func render(_ c: Comparison, format: OutputFormat, ascii: Bool = false, width: Int = .max) -> String {
    switch format {
    case .json: return json(c).render() + "\n"
    case .csv: return csv(c)
    case .text, .markdown:
      func draw(_ table: TableModel) -> String { renderTable(table, format: format, ascii: ascii, width: width) }
      func heading(_ text: String) -> String {
        format == .text ? text + "\n\n" : "### " + MarkdownText.escaped(text) + "\n\n"
      }
      var out = heading("Periods (baseline \(c.baseline.label))") + draw(periodTable(c)) + "\n"
      for q in c.options.periods.indices where q != c.options.baseline {
        let label = c.options.periods[q].label
        out += heading("\(estimandHeading(c)), \(c.baseline.label) → \(label)") + draw(categoryTable(c, q))
        out += compositionLine(c, q).map { $0 + "\n" } ?? ""
        out += "\n"
        out += heading("Who gained the share, \(c.baseline.label) → \(label)") + draw(redistributionTable(c, q)) + "\n"
      }
      out += notes(c)
      return TerminalText.sanitized(out)
    }
  }

  /// Each period's concentration. With a catch-all the HHI is its range (atomistic – one firm) and
  /// CR4 leaves the catch-all out, as in `concentration`; rank ρ is the rank mobility from the baseline.
  /// The band column only for firms (a note says why not otherwise).
  static func periodTable(_ c: Comparison) -> TableModel {
    let firms = c.options.units.areFirms
    return TableModel(
      columns: [
        TableColumn("period", .left), TableColumn("from", .left), TableColumn("to", .left),
        TableColumn(c.resolution.rawValue + "s"),
        TableColumn("total"), TableColumn(c.catchAll == nil ? "HHI" : "HHI low–high"), TableColumn("ΔHHI"),
        TableColumn("CR4"), TableColumn("rank ρ"),
      ] + (firms ? [TableColumn("band", .left)] : []),
      rows: c.periods.map { p in
        let m = p.concentration
        let hhi =
          c.catchAll == nil
          ? NumberFormat.grouped(m?.hhi) : "\(NumberFormat.grouped(m?.hhiAtomistic))–\(NumberFormat.grouped(m?.hhi))"
        return [
          p.period.label, p.period.from.description, p.period.to.description, String(p.days),
          NumberFormat.volume(p.total), hhi,
          p.deltaHHI.map { NumberFormat.signedGrouped($0) + (p.deltaHHIFlagged ? "!" : "") } ?? "",
          NumberFormat.percent(m?.cr4), p.rankCorrelation.map { NumberFormat.fixed($0, 2) } ?? "",
        ] + (firms ? [p.band?.rawValue ?? "—"] : [])
      })
  }

  /// What every row estimates: "Volume shares" or "Mean daily shares".
  public static func estimandHeading(_ c: Comparison) -> String {
    switch c.options.weighting {
    case .volume: "Volume shares"
    case .equal: "Mean \(c.resolution.adjective) shares"
    }
  }

  /// The JSON name of the estimand.
  static func estimandName(_ c: Comparison) -> String {
    switch c.options.weighting {
    case .volume: "volume_share"
    case .equal: "mean_daily_share"
    }
  }

  /// The estimand per period, its change with the bootstrap interval and p (the headline), Holm's
  /// adjustment, and the Newey–West standard error with its p.
  static func categoryTable(_ c: Comparison, _ q: Int) -> TableModel {
    let b = c.options.baseline
    let a = c.options.periods[b].label
    let l = c.options.periods[q].label
    return TableModel(
      columns: [
        TableColumn("category", .left), TableColumn(a), TableColumn(l), TableColumn("Δ pp"),
        TableColumn("95% CI pp", .right), TableColumn("p", .right), TableColumn("Holm p", .right),
        TableColumn("HAC SE pp"), TableColumn("HAC p", .right), TableColumn("rank", .right),
      ],
      rows: c.categories.map { cat in
        let ch = cat.changes[q]
        return [
          cat.category, NumberFormat.percent(cat.estimate[b]), NumberFormat.percent(cat.estimate[q]),
          NumberFormat.signed(ch?.deltaPP, 2),
          ch?.ci95pp.map { "\(NumberFormat.signed($0.low, 2)) … \(NumberFormat.signed($0.high, 2))" } ?? "—",
          bootstrapP(ch), adjustedP(ch),
          NumberFormat.fixed(ch?.hacSEpp, 2), NumberFormat.pValue(ch?.pValueHAC),
          "\(cat.rank[b].map(String.init) ?? "—") → \(cat.rank[q].map(String.init) ?? "—")",
        ]
      })
  }

  static func redistributionTable(_ c: Comparison, _ q: Int) -> TableModel {
    let rows = c.categories.sorted { ($0.changes[q]?.deltaPP ?? 0) > ($1.changes[q]?.deltaPP ?? 0) }.map {
      cat -> [String] in
      let ch = cat.changes[q]
      return [
        cat.category, NumberFormat.signed(ch?.deltaPP, 2),
        ch?.shareOfMovedPoints.map {
          NumberFormat.percent(abs($0)) + ((ch?.deltaPP ?? 0) < 0 ? " of losses" : " of gains")
        } ?? "—",
        NumberFormat.signedGrouped(ch?.dailyVolumeChange),
        ch?.shareOfMovedVolume.map {
          NumberFormat.percent(abs($0)) + ($0 < 0 ? " of falls" : " of rises")
        } ?? "—",
      ]
    }
    return TableModel(
      columns: [
        TableColumn("category", .left), TableColumn("Δ pp"), TableColumn("of the moved points", .right),
        TableColumn("Δ volume/\(c.resolution.rawValue)"), TableColumn("of moved volume", .right),
      ], rows: rows)
  }

  /// "32 days (2016, Politis–White), 23 days (2018H1, Politis–White)"; "7 days (2016, as set)" for a
  /// block the caller gave; "2 months (2018H1, ⌈n^(1/3)⌉)" where the data give no length.
  static func blocks(_ c: Comparison) -> String {
    let parts = c.periods.compactMap { p -> String? in
      guard let length = p.blockLength, let rule = p.blockRule else { return nil }
      let unit = c.resolution.rawValue + (length == 1 ? "" : "s")
      let source =
        switch rule {
        case .given: "as set"
        case .politisWhite: "Politis–White"
        case .cubeRoot: "⌈n^(1/3)⌉"
        }
      return "\(length) \(unit) (\(p.period.label), \(source))"
    }
    return parts.isEmpty ? "none" : parts.joined(separator: ", ")
  }

  /// The headline p: "< 0.0005" where every resample fell on one side of 0 (p below 1 / resamples).
  public static func bootstrapP(_ change: CategoryChange?) -> String {
    NumberFormat.pValue(change?.pValueBootstrap, isBound: change?.pValueBootstrapIsBound == true)
  }

  /// Holm's adjustment of the headline p: "< 0.003" where it is set by a bound.
  public static func adjustedP(_ change: CategoryChange?) -> String {
    NumberFormat.pValue(change?.pValueAdjusted, isBound: change?.pValueAdjustedIsBound == true)
  }

  /// What each share and each p means, and what it assumes.
  static func notes(_ c: Comparison) -> String {
    let day = c.resolution.adjective
    let days = c.resolution.rawValue + "s"
    let estimand =
      c.options.weighting == .volume
      ? "Shares are volume-weighted over each period (the period's volume share)."
      : "Shares are the mean of the \(day) shares in each period (each \(c.resolution.rawValue) counts the same)."
    var lines: [String?] = [
      estimand + " Δ, CI, SE and both p refer to them.",
      "95% CI and p: moving-block bootstrap of Δ from \(day) data (\(c.options.resamples) resamples, seed "
        + "\(c.options.seed); blocks of \(blocks(c))); p is two-sided from the same resamples, below 0.05 exactly "
        + "when the CI leaves out 0 (< 1/resamples: every resample on one side); it assumes the dependence between \(days) dies out within a block.",
      "Holm p: p adjusted for testing \(c.categories.count) categories at once (Holm 1979).",
      "HAC SE and p: Newey–West, each period's lag chosen from the data (Newey & West 1994), normal p"
        + (c.options.weighting == .volume ? " (volume share linearised: (v − ŝ·V) / mean V)" : "")
        + "; Welch's t (JSON only) assumes independent \(days).",
      c.catchAll.map {
        "\($0) is a catch-all of unknown small firms: HHI low counts it as atomistic, high as one firm; CR4 leaves it out."
      },
      "rank ρ: Spearman correlation of the period's volume shares with the baseline's (categories in both; descriptive).",
      c.options.units.areFirms
        ? "HHI bands: \(c.options.bands.rawValue) US merger guidelines; ! marks |ΔHHI| > 100."
        : "No HHI band: \(c.options.units.reason ?? "the categories are not firms"), and the bands are thresholds for firms.",
      "Δ volume/\(c.resolution.rawValue): the period's average volume per \(c.resolution.rawValue) minus the "
        + "baseline's; of moved volume: its part of all categories' rises (if it rose) or of all falls (if it fell).",
    ]
    for p in c.categories {
      for (q, ch) in p.changes.enumerated() {
        if let note = ch?.welch.note { lines.append("\(p.category), \(c.options.periods[q].label): \(note).") }
        if let n = ch?.undefinedResamples, n > 0 {
          lines.append(
            "\(p.category), \(c.options.periods[q].label): \(n) of \(c.options.resamples) resamples had no "
              + "defined share and were left out of the CI and p.")
        }
      }
    }
    return lines.compactMap { $0 }.joined(separator: "\n") + "\n"
  }

  // MARK: Machine formats

  public static func json(_ c: Comparison) -> JSONValue {
    let labels = c.options.periods.map(\.label)
    let b = c.options.baseline
    let others = labels.indices.filter { $0 != b }
    func byLabel(_ values: [Double?]) -> JSONValue { .object(zip(labels, values).map { ($0, .optional($1)) }) }
    /// One value per compared period: a bare value for two periods, keyed by label for more.
    func perChange(_ value: (Int) -> JSONValue) -> JSONValue {
      others.count == 1 ? value(others[0]) : .object(others.map { (labels[$0], value($0)) })
    }
    let periods = c.periods.map { periodJSON($0, c) }
    let categories = c.categories.map { cat -> JSONValue in
      .object([
        ("category", .string(cat.category)),
        ("volume", byLabel(cat.volume)),
        ("share", byLabel(cat.share)),
        ("mean_daily_share", byLabel(cat.meanDailyShare)),
        ("rank", .object(zip(labels, cat.rank).map { ($0, $1.map { .number(Double($0)) } ?? .null) })),
        ("delta_pp", perChange { .optional(cat.changes[$0]?.deltaPP) }),
        ("ratio", perChange { .optional(cat.changes[$0]?.ratio) }),
        ("log_ratio", perChange { .optional(cat.changes[$0]?.logRatio) }),
        ("rank_change", perChange { q in cat.changes[q]?.rankChange.map { .number(Double($0)) } ?? .null }),
        ("welch_t", perChange { .optional(cat.changes[$0]?.welch.t) }),
        ("df", perChange { .optional(cat.changes[$0]?.welch.degreesOfFreedom) }),
        ("p_value", perChange { .optional(cat.changes[$0]?.welch.pValue) }),
        ("log10_p", perChange { .optional(cat.changes[$0]?.welch.log10PValue) }),
        ("estimate", byLabel(cat.estimate)),
        (
          "ci95_pp",
          perChange { q in cat.changes[q]?.ci95pp.map { .array([.number($0.low), .number($0.high)]) } ?? .null }
        ),
        ("p_value_bootstrap", perChange { .optional(cat.changes[$0]?.pValueBootstrap) }),
        ("p_value_adjusted", perChange { .optional(cat.changes[$0]?.pValueAdjusted) }),
        (
          "undefined_resamples",
          perChange { q in cat.changes[q]?.undefinedResamples.map { .number(Double($0)) } ?? .null }
        ),
        ("hac_se_pp", perChange { .optional(cat.changes[$0]?.hacSEpp) }),
        ("p_value_hac", perChange { .optional(cat.changes[$0]?.pValueHAC) }),
        ("log10_p_hac", perChange { .optional(cat.changes[$0]?.log10PValueHAC) }),
        (
          "hac_lags",
          perChange { q in
            cat.changes[q]?.hacLags.map { .array([.number(Double($0.0)), .number(Double($0.1))]) } ?? .null
          }
        ),
        ("note", perChange { q in cat.changes[q]?.welch.note.map { .string($0) } ?? .null }),
      ])
    }
    let redistribution = c.categories.map { cat -> JSONValue in
      .object([
        ("category", .string(cat.category)),
        ("delta_pp", perChange { .optional(cat.changes[$0]?.deltaPP) }),
        ("share_of_moved_points", perChange { .optional(cat.changes[$0]?.shareOfMovedPoints) }),
        ("daily_volume_change", perChange { .optional(cat.changes[$0]?.dailyVolumeChange) }),
        ("part_of_volume_change", perChange { .optional(cat.changes[$0]?.partOfVolumeChange) }),
        ("share_of_moved_volume", perChange { .optional(cat.changes[$0]?.shareOfMovedVolume) }),
      ])
    }
    return .object([
      ("baseline", .string(c.baseline.label)), ("estimand", .string(estimandName(c))),
      ("resolution", .string(c.resolution.rawValue)),
      ("resamples", .number(Double(c.options.resamples))), ("seed", .number(Double(c.options.seed))),
      ("bands", .string(c.options.bands.rawValue)), ("catch_all", c.catchAll.map { .string($0) } ?? .null),
      ("periods", .array(periods)), ("categories", .array(categories)),
      ("redistribution", .array(redistribution)), ("composition", compositionJSON(c)),
    ])
  }

  /// One period's JSON: its days, total, concentration (the catch-all as `concentration` treats it)
  /// and bootstrap block.
  static func periodJSON(_ p: PeriodSummary, _ c: Comparison) -> JSONValue {
    .object([
      ("label", .string(p.period.label)), ("from", .string(p.period.from.description)),
      ("to", .string(p.period.to.description)),
      ("days", .number(Double(p.days))), ("total", .number(p.total)), ("hhi", .optional(p.concentration?.hhi)),
      ("hhi_atomistic", .optional(p.concentration?.hhiAtomistic)),
      ("leader", p.concentration?.leader.map { .string(c.categories[$0].category) } ?? .null),
      ("cr1", .optional(p.concentration?.cr1)), ("cr3", .optional(p.concentration?.cr3)),
      ("cr4", .optional(p.concentration?.cr4)),
      ("effective_n", .optional(p.concentration?.effectiveNumber)),
      ("band", p.band.map { .string($0.rawValue) } ?? .null),
      ("delta_hhi", .optional(p.deltaHHI)), ("delta_hhi_flagged", .bool(p.deltaHHIFlagged)),
      ("rank_correlation", .optional(p.rankCorrelation)),
      ("block_length", p.blockLength.map { .number(Double($0)) } ?? .null),
      ("block_rule", p.blockRule.map { .string($0.rawValue) } ?? .null),
    ])
  }

  static func csv(_ c: Comparison) -> String {
    var writer = CSVWriter(header: [
      "category", "period", "volume", "share", "mean_daily_share", "rank", "baseline", "delta_pp", "ratio", "log_ratio",
      "welch_t", "df", "p_value", "ci95_low_pp", "ci95_high_pp", "hac_se_pp", "estimand", "estimate",
      "p_value_bootstrap", "p_value_adjusted", "p_value_hac",
    ])
    for cat in c.categories {
      for (q, p) in c.options.periods.enumerated() {
        let ch = cat.changes[q]
        writer.row([
          cat.category, p.label, machineNumber(cat.volume[q]), machineNumber(cat.share[q]),
          machineNumber(cat.meanDailyShare[q]),
          cat.rank[q].map(String.init) ?? "", c.baseline.label, machineNumber(ch?.deltaPP), machineNumber(ch?.ratio),
          machineNumber(ch?.logRatio), machineNumber(ch?.welch.t), machineNumber(ch?.welch.degreesOfFreedom),
          machineNumber(ch?.welch.pValue), machineNumber(ch?.ci95pp?.low), machineNumber(ch?.ci95pp?.high),
          machineNumber(ch?.hacSEpp), estimandName(c), machineNumber(cat.estimate[q]),
          machineNumber(ch?.pValueBootstrap), machineNumber(ch?.pValueAdjusted), machineNumber(ch?.pValueHAC),
        ])
      }
    }
    return writer.text
  }
}
