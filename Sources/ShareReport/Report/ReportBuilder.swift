// Turns the report's analysis (ShareStats' ReportAnalysis) into one document: headline sentences
// in plain words, the data summary, the share table and stacked chart with events, the period
// comparison with its tests, concentration over time, the dated breaks, the events' effects
// (ReportBuilder+Effects.swift), and a methods footer.
// Only arranges results: every number here was computed by the statistics.

import ShareData
import ShareStats

/// What the report says about where the data came from and how to word it; the numbers come
/// from the analysis.
public struct ReportContext: Sendable {
  public var ingest: IngestResult
  public var mapName: String?
  public var events: [MarketEvent]
  public var eventsName: String?
  /// The traded asset, for sentences ("share of BTC volume"); nil: "share of volume".
  public var asset: String?
  public var title: String?
  /// Colours chosen with --colors, by category name ("#RRGGBB").
  public var colorOverrides: [String: String]
  /// A credit line under every chart.
  public var chartSource: String?

  public init(
    ingest: IngestResult, mapName: String? = nil, events: [MarketEvent] = [], eventsName: String? = nil,
    asset: String? = nil, title: String? = nil, colorOverrides: [String: String] = [:], chartSource: String? = nil
  ) {
    self.ingest = ingest
    self.mapName = mapName
    self.events = events
    self.eventsName = eventsName
    self.asset = asset
    self.title = title
    self.colorOverrides = colorOverrides
    self.chartSource = chartSource
  }
}

public enum ReportBuilder {
  public static func build(_ analysis: ReportAnalysis, context: ReportContext) -> (
    document: ReportDocument, warnings: [Warning]
  ) {
    let warnings = context.ingest.warnings + analysis.warnings
    let colors = colorAssignment(analysis, context)
    var sections = [
      dataSection(analysis, context: context, warnings: warnings), sharesSection(analysis, context, colors),
    ]
    if let c = analysis.comparison { sections.append(comparisonSection(c, colors, fold: analysis.fold)) }
    var conc = ReportDocument.Section(heading: "Concentration")
    conc.charts.append(
      (
        "concentration",
        Charts.concentration(analysis.concentration, events: context.events, notes: foldNotes(analysis.fold))
      ))
    sections.append(conc)
    sections.append(breaksSection(analysis, colors))
    if !analysis.eventEffects.isEmpty { sections.append(effectsSection(analysis)) }
    sections.append(methodsSection(analysis, context))
    if let source = context.chartSource {
      for s in sections.indices {
        for c in sections[s].charts.indices { sections[s].charts[c].spec.source = source }
      }
    }
    let title = context.title ?? "Who has the volume: shares by category" + (context.mapName == nil ? "" : " (mapped)")
    let headlines = analysis.headlines.map { sentence($0, analysis: analysis, asset: context.asset) }
    return (ReportDocument(title: title, headlines: headlines, sections: sections), warnings)
  }

  /// One colour per category for every chart of the report: every name any chart draws.
  static func colorAssignment(_ analysis: ReportAnalysis, _ context: ReportContext) -> ColorAssignment {
    let names =
      analysis.shareTable.categories + analysis.chartShares.categories
      + (analysis.comparison?.categories.map(\.category) ?? []) + [analysis.focus]
    return ColorAssignment(categories: names, overrides: context.colorOverrides)
  }

  /// One headline sentence.
  static func sentence(_ fact: HeadlineFact, analysis: ReportAnalysis, asset: String?) -> String {
    let asset = asset.map { "\($0) " } ?? ""
    switch fact {
    case .focusChange(let category, let baseline, let period, let from, let to, let change):
      let d = change.deltaPP ?? 0
      let verb = d < 0 ? "fell" : d > 0 ? "rose" : "stayed"
      let comparison = analysis.comparison
      let resolution = comparison?.resolution.adjective ?? analysis.resolution.adjective
      let share = comparison?.options.weighting == .equal ? "mean \(resolution) share" : "share"
      return
        "\(category)'s \(share) of \(asset)volume \(verb) from \(NumberFormat.percentLabel(from, decimals: 1)) in \(baseline.label) to \(NumberFormat.percentLabel(to, decimals: 1)) in \(period.label), \(NumberFormat.signed(d, 1)) points\(evidence(change, categories: comparison?.categories.count ?? 1))."
    case .topGainer(let category, let from, let to, let deltaPP, let shareOfGains):
      return
        "\(category) gained the most: from \(NumberFormat.percentLabel(from, decimals: 1)) to \(NumberFormat.percentLabel(to, decimals: 1)) (\(NumberFormat.signed(deltaPP, 1)) points, \(NumberFormat.percentLabel(shareOfGains, decimals: 1)) of the points gained)."
    case .concentration(let from, let to, let fromBand, let toBand):
      let change =
        "Concentration (HHI) went from \(NumberFormat.grouped(from)) to \(NumberFormat.grouped(to)) (\(NumberFormat.signedGrouped(to - from)))"
      // The guidelines' bands are thresholds for firms: for currencies or a map's groups, say why none.
      if case .notFirms(let reason) = analysis.concentration.units {
        return change + "; no merger-guideline band: \(reason)."
      }
      let bands =
        fromBand == toBand
        ? "\(fromBand?.rawValue ?? "") in both" : "from \(fromBand?.rawValue ?? "") to \(toBand?.rawValue ?? "")"
      return change + ": \(bands)."
    case .largest(let category, let share):
      return
        "\(category) is the largest category with \(NumberFormat.percentLabel(share, decimals: 1)) of \(asset)volume over the whole range."
    case .breaks(let category, let dated):
      let listed = dated.map { item -> String in
        var text = "\(item.breakPoint.date) (\(NumberFormat.signed(item.breakPoint.deltaPP, 1)) points"
        if item.breakPoint.ci95 != nil { text += ", 95% interval \(BreaksOutput.interval(item.breakPoint))" }
        if let event = item.event { text += "; \(event.date): \(event.label)" }
        return text + ")"
      }
      return "The sharpest breaks in \(category)'s \(analysis.resolution.adjective) share: "
        + listed.joined(separator: ", ") + "."
    case .eventEffect(let category, let fit):
      return effectSentence(category, fit, analysis: analysis)
    }
  }

  /// " (95% interval −97.0 to −93.2, p < 0.0005 by a moving-block bootstrap; < 0.003 after Holm's
  /// adjustment for 6 categories)": the interval and the p come from the same resamples.
  static func evidence(_ change: CategoryChange, categories: Int) -> String {
    guard let ci = change.ci95pp, change.pValueBootstrap != nil else {
      guard let p = change.pValueHAC else { return " (no test)" }
      return " (\(NumberFormat.pClause(p)) from the Newey–West standard error)"
    }
    let p = NumberFormat.pClause(change.pValueBootstrap, isBound: change.pValueBootstrapIsBound)
    let interval = "95% interval \(NumberFormat.signed(ci.low, 1)) to \(NumberFormat.signed(ci.high, 1))"
    let adjusted =
      change.pValueAdjusted != nil && categories > 1
      ? "; \(CompareOutput.adjustedP(change)) after Holm's adjustment for \(categories) categories" : ""
    return " (\(interval), \(p) by a moving-block bootstrap\(adjusted))"
  }

  static func dataSection(_ analysis: ReportAnalysis, context: ReportContext, warnings: [Warning])
    -> ReportDocument.Section
  {
    var data = ReportDocument.Section(heading: "Data")
    for s in context.ingest.sources {
      let range =
        both(s.firstTime, s.lastTime).map { " from \($0.day) to \($1.day)" } ?? ""
      data.paragraphs.append(
        "\(s.name): \(s.layout.rawValue) layout, \(s.rows) rows\(range); categories from \(s.categorySource); values from \(s.valueSource)."
      )
    }
    var summary =
      "\(analysis.categoryCount) categories\(context.mapName.map { " (mapped by \($0))" } ?? ""), one value per \(analysis.resolution.rawValue)."
    if let name = context.eventsName { summary += " Events from \(name)." }
    data.paragraphs.append(summary)
    data.notes = warnings.map { "Warning: \($0.message)" }
    return data
  }

  static func sharesSection(_ analysis: ReportAnalysis, _ context: ReportContext, _ colors: ColorAssignment)
    -> ReportDocument.Section
  {
    var shares = ReportDocument.Section(heading: "Shares")
    if let fold = analysis.fold { shares.paragraphs.append(foldSentence(fold)) }
    shares.tables.append(transposedShareTable(analysis.shareTable))
    // Said only where a share is marked, so reports on gapless data read as before.
    let table = analysis.shareTable
    if ShareTableOutput.hasShortShares(table) {
      shares.paragraphs.append(ShareTableOutput.gapNote(table, marker: ShareTableOutput.gapMarker(ascii: false)))
    }
    var chart = Charts.stackedShares(analysis.chartShares, colors: colors, events: context.events)
    chart.notes += foldNotes(analysis.fold)
    shares.charts.append(("shares", chart))
    return shares
  }

  /// The fold, stated under each chart it shapes (shares, comparison, concentration; not the focus
  /// category's breaks): a chart saved on its own (markdown writes SVG files) still says it.
  static func foldNotes(_ fold: CategoryFold?) -> [String] {
    fold.map { [ShareTableOutput.foldNote($0)] } ?? []
  }

  /// Where the report folds, said where it happens: which categories went where.
  static func foldSentence(_ fold: CategoryFold) -> String {
    let shown =
      fold.folded.count > 8
      ? fold.folded.prefix(8).joined(separator: ", ") + ", …" : fold.folded.joined(separator: ", ")
    let target =
      fold.intoIsTheDatas
      ? "added to \(fold.into), the data's own catch-all" : "combined as \(fold.into)"
    return
      "The \(fold.top) largest categories by volume are named in every table and chart; the \(fold.folded.count) smaller (\(shown)) are \(target)."
  }

  static func comparisonSection(_ c: Comparison, _ colors: ColorAssignment, fold: CategoryFold? = nil)
    -> ReportDocument.Section
  {
    var section = ReportDocument.Section(heading: "Period comparison")
    if let fold { section.paragraphs.append(foldSentence(fold)) }
    section.tables.append(CompareOutput.periodTable(c))
    for q in c.options.periods.indices where q != c.options.baseline {
      section.tables.append(CompareOutput.categoryTable(c, q))
      section.tables.append(CompareOutput.redistributionTable(c, q))
      section.charts.append(("slope-\(c.options.periods[q].label)", Charts.slope(c, period: q, colors: colors)))
    }
    section.charts.insert(("comparison", Charts.comparisonBars(c, colors: colors)), at: 0)
    for i in section.charts.indices { section.charts[i].spec.notes += foldNotes(fold) }
    section.notes = CompareOutput.notes(c).split(separator: "\n").map(String.init)
    section.notes += c.options.periods.indices.compactMap { CompareOutput.compositionLine(c, $0) }
    return section
  }

  static func breaksSection(_ analysis: ReportAnalysis, _ colors: ColorAssignment) -> ReportDocument.Section {
    let focus = analysis.focus
    var section = ReportDocument.Section(heading: "Breaks in \(focus)'s share")
    guard let breaks = analysis.breaks else {
      section.paragraphs.append("\(focus) has too few values to date breaks.")
      return section
    }
    section.paragraphs.append(
      "Breaks in the mean of the logit of \(focus)'s \(analysis.resolution.adjective) share: LWZ chose \(breaks.breaks.count) among the optimal fits with up to \(ReportAnalysis.reportedBreaks) (Bai & Perron dynamic programme, minimum segment \(breaks.minSegment)):"
    )
    section.tables.append(
      TableModel(
        columns: [
          TableColumn("date", .left), TableColumn("95% interval", .left), TableColumn("share before"),
          TableColumn("share after"), TableColumn("Δ pp"),
        ],
        rows: breaks.breaks.map {
          [
            $0.date.description, BreaksOutput.interval($0), NumberFormat.percent($0.shareBefore),
            NumberFormat.percent($0.shareAfter),
            NumberFormat.signed($0.deltaPP, 2),
          ]
        }))
    section.charts.append(
      ("breaks", Charts.breaks(analysis.focusSeries, analysis: breaks, every: analysis.resolution, colors: colors)))
    return section
  }

  static func methodsSection(_ analysis: ReportAnalysis, _ context: ReportContext) -> ReportDocument.Section {
    var methods = ReportDocument.Section(heading: "Methods")
    methods.paragraphs = [
      "Units: volumes as in the inputs (\(context.ingest.sources.map(\.valueSource).joined(separator: "; "))); all times UTC.",
      sharesMethod(analysis.shareTable)
        + " An empty cell is missing, not zero: a category with no value inside its span (first to last observation) has no share; outside its span it counts as 0 (it had not started or had ended). Buckets the data covers only partly are marked with *.",
      testsParagraph(analysis),
      "Breaks: the segmentation with the given number of mean shifts in the logit share (0 and 1 clamped to 0.0001 and 0.9999) that minimises the residual sum of squares, found exactly by the dynamic programme of Bai & Perron (2003) as in R's strucchange; the number of breaks, at most \(ReportAnalysis.reportedBreaks), is chosen by LWZ (Liu, Wu & Zidek 1997); each break date has a 95% interval (Bai 1997, as strucchange's confint), shaded in the chart.",
      ReportBuilder.effectsMethod,
      "Computed with GSL 2.7 (distributions, fits, quantiles, random numbers). Provenance: "
        + (context.ingest.sources.map(\.name) + [context.mapName, context.eventsName].compactMap { $0 }).joined(
          separator: ", ") + ".",
    ]
    return methods
  }

  /// How a share is computed, by the share table's weighting.
  static func sharesMethod(_ b: ShareBreakdown) -> String {
    let unit = b.resolution.rawValue
    return b.weighting == .volume
      ? "Shares: a category's volume over the total volume of the categories observed in the bucket (volume-weighted)."
      : "Shares: the mean of a category's \(b.resolution.adjective) shares within the bucket (equal weighting: each \(unit) counts the same), a \(unit)'s share being its volume over the total volume of the categories observed that \(unit)."
  }

  /// What each p of the comparison assumes.
  static func testsParagraph(_ analysis: ReportAnalysis) -> String {
    let unit = analysis.comparison?.resolution ?? analysis.resolution
    let day = unit.adjective
    let days = unit.rawValue + "s"
    let estimand =
      analysis.comparison?.options.weighting == .equal
      ? "the mean of a category's \(day) shares in a period (each \(unit.rawValue) counts the same)"
      : "a category's share of the period's total volume"
    let bands = analysis.comparison?.options.bands.rawValue ?? "2023"
    return
      "Tests: every change in the comparison is of one quantity, \(estimand), and its uncertainty is computed from the \(day) data. The headline p and the 95% interval come from the same moving-block bootstrap (blocks of consecutive \(days), of the Politis & White (2004) length), so p < 0.05 exactly when the interval leaves out 0; they assume that the dependence between \(days) dies out within a block and that nothing else changes inside a period. Holm's adjustment keeps the chance of any false finding among all the categories at or below 5%. The Newey–West (HAC) standard error and its p, with each period's lag chosen by Newey & West (1994), assume the same plus a normal approximation. Welch's t-test (in the JSON only) assumes independent \(days), which \(day) shares are not. \(hhiDefinition(analysis, bands: bands))"
  }

  /// Categories as rows and buckets as columns: a few years side by side fit any terminal.
  static func transposedShareTable(_ b: ShareBreakdown) -> TableModel {
    var columns = [TableColumn("category", .left)]
    // Right-aligned: shares (two decimals) and volumes (none) share the columns.
    columns += b.buckets.map { TableColumn(b.every.label(start: $0.startDay) + ($0.partial ? "*" : ""), .right) }
    columns.append(TableColumn("all", .right))
    var rows = b.categories.enumerated().map { c, name in
      [name]
        + b.buckets.map {
          NumberFormat.percent($0.shares[c])
            + (ShareTableOutput.isShort($0, c) ? ShareTableOutput.gapMarker(ascii: false) : "")
        } + [NumberFormat.percent(b.totalShares[c])]
    }
    rows.append(
      ["total"] + b.buckets.map { NumberFormat.abbreviated($0.total) } + [NumberFormat.abbreviated(b.grandTotal)])
    return TableModel(columns: columns, rows: Array(rows.dropLast()), footer: [rows.last!])
  }

  /// "HHI = Σ (100·share)² with the bands of the 2023 US merger guidelines", or why there are no bands.
  static func hhiDefinition(_ analysis: ReportAnalysis, bands: String) -> String {
    switch analysis.concentration.units {
    case .firms: return "HHI = Σ (100·share)² with the bands of the \(bands) US merger guidelines."
    case .notFirms(let reason): return "HHI = Σ (100·share)²; no merger-guideline bands: \(reason)."
    }
  }
}

/// Both values, or nil when either is missing.
func both<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
  guard let a, let b else { return nil }
  return (a, b)

}
