// Builds the whole analysis as one document: headline sentences in plain words, the data summary,
// the share table and stacked chart with events, the period comparison with its tests,
// concentration over time, the dated breaks, and a methods footer. Only arranges results the
// statistics computed.

import ShareData
import ShareStats

public struct ReportRequest: Sendable {
  public var table: VolumeTable
  public var ingest: IngestResult
  public var mapName: String?
  public var events: [MarketEvent]
  public var eventsName: String?
  public var shareOptions: ShareOptions
  /// Empty: no comparison section.
  public var compare: CompareOptions?
  /// The category whose breaks are dated; nil: the largest mover (or the largest category).
  public var focus: String?
  /// The traded asset, for sentences ("share of BTC volume"); nil: "share of volume".
  public var asset: String?
  public var title: String?

  public init(
    table: VolumeTable, ingest: IngestResult, mapName: String? = nil, events: [MarketEvent] = [],
    eventsName: String? = nil,
    shareOptions: ShareOptions = ShareOptions(), compare: CompareOptions? = nil, focus: String? = nil,
    asset: String? = nil,
    title: String? = nil
  ) {
    self.table = table
    self.ingest = ingest
    self.mapName = mapName
    self.events = events
    self.eventsName = eventsName
    self.shareOptions = shareOptions
    self.compare = compare
    self.focus = focus
    self.asset = asset
    self.title = title
  }
}

public enum ReportBuilder {
  public static func build(_ request: ReportRequest) throws -> (document: ReportDocument, warnings: [Warning]) {
    let table = request.table
    let resolution = table.resolution
    var options = request.shareOptions
    let first = table.times.first.map { $0.floorDiv(secondsPerDay) } ?? 0
    let last = table.times.last.map { $0.floorDiv(secondsPerDay) } ?? 0
    let spanDays = (options.toDay ?? last) - (options.fromDay ?? first)
    // The share table: years for long histories, quarters or months for shorter ones.
    let tableEvery = options.every ?? max(resolution, spanDays > 4 * 365 ? .year : spanDays > 540 ? .quarter : .month)
    options.every = tableEvery
    let shareTable = try Shares.compute(table, options: options)
    // Charts: monthly (or the data's resolution when coarser).
    var chartOptions = options
    chartOptions.every = max(resolution, .month)
    let chartShares = try Shares.compute(table, options: chartOptions)
    let concentration = ConcentrationSeries(chartShares, bands: request.compare?.bands ?? .guidelines2023)
    var warnings = request.ingest.warnings + shareTable.warnings

    var comparison: Comparison? = nil
    if let compare = request.compare {
      comparison = try Compare.run(table, shareOptions: options, options: compare)
      warnings += comparison!.warnings
    }
    let asset = request.asset.map { "\($0) " } ?? ""

    // The category to date breaks for: asked for, else the largest mover, else the largest.
    let focus: String = try {
      if let focus = request.focus {
        guard chartShares.categories.contains(focus) else {
          throw ShareError.request(
            "unknown category \(quoted(focus))",
            hint: "the categories are \(chartShares.categories.joined(separator: ", "))")
        }
        return focus
      }
      if let c = comparison, let q = c.options.periods.indices.last(where: { $0 != c.options.baseline }) {
        return c.categories.max { abs($0.changes[q]?.deltaPP ?? 0) < abs($1.changes[q]?.deltaPP ?? 0) }?.category
          ?? chartShares.categories[0]
      }
      return chartShares.categories[0]
    }()

    var finest = options
    finest.every = resolution
    finest.weighting = .volume
    let finestShares = try Shares.compute(table, options: finest)
    let series = try ShareSeries(finestShares, category: focus)
    let minSegment = resolution == .day ? 7 : 3
    let breaks: BreakAnalysis? =
      series.count >= 2 * minSegment ? try Breaks.analyse(series, minSegment: minSegment, maxBreaks: 3) : nil

    // Headlines.
    var headlines: [String] = []
    if let c = comparison {
      let b = c.options.baseline
      for q in c.options.periods.indices where q != b {
        let labelA = c.options.periods[b].label
        let labelB = c.options.periods[q].label
        if let f = c.categories.first(where: { $0.category == focus }), let ch = f.changes[q], let sa = f.share[b],
          let sb = f.share[q], let d = ch.deltaPP
        {
          let verb = d < 0 ? "fell" : d > 0 ? "rose" : "stayed"
          let p =
            ch.welch.pValue.map {
              NumberFormat.pValue($0).hasPrefix("<") ? "p \(NumberFormat.pValue($0))" : "p = \(NumberFormat.pValue($0))"
            } ?? "no test"
          headlines.append(
            "\(focus)'s share of \(asset)volume \(verb) from \(pct(sa)) in \(labelA) to \(pct(sb)) in \(labelB), \(NumberFormat.signed(d, 1)) points, \(p) (Welch's t-test on \(c.resolution.adjective) shares)."
          )
        }
        if let gainer = c.categories.filter({ $0.category != focus }).max(by: {
          ($0.changes[q]?.deltaPP ?? -.infinity) < ($1.changes[q]?.deltaPP ?? -.infinity)
        }),
          let d = gainer.changes[q]?.deltaPP, d > 0, let sa = gainer.share[b], let sb = gainer.share[q]
        {
          headlines.append(
            "\(gainer.category) gained the most: from \(pct(sa)) to \(pct(sb)) (\(NumberFormat.signed(d, 1)) points, \(pct(gainer.changes[q]?.shareOfMovedPoints)) of the points gained)."
          )
        }
        let pa = c.periods[b]
        let pb = c.periods[q]
        if let ha = pa.concentration?.hhi, let hb = pb.concentration?.hhi {
          let bands =
            pa.band == pb.band
            ? "\(pa.band?.rawValue ?? "") in both" : "from \(pa.band?.rawValue ?? "") to \(pb.band?.rawValue ?? "")"
          headlines.append(
            "Concentration (HHI) went from \(NumberFormat.grouped(ha)) to \(NumberFormat.grouped(hb)) (\(NumberFormat.signedGrouped(hb - ha))): \(bands)."
          )
        }
      }
    } else if let top = shareTable.categories.first, let share = shareTable.totalShares.first ?? nil {
      headlines.append("\(top) is the largest category with \(pct(share)) of \(asset)volume over the whole range.")
    }
    if let breaks, !breaks.breaks.isEmpty {
      let listed = breaks.breaks.map { b -> String in
        var text = "\(b.date) (\(NumberFormat.signed(b.deltaPP, 1)) points"
        if let event = request.events.min(by: { abs($0.day - b.day) < abs($1.day - b.day) }),
          abs(event.day - b.day) <= 7
        {
          text += "; \(event.date): \(event.label)"
        }
        return text + ")"
      }
      headlines.append(
        "The sharpest breaks in \(focus)'s \(resolution.adjective) share: " + listed.joined(separator: ", ") + ".")
    }

    // Sections.
    var data = ReportDocument.Section(heading: "Data")
    for s in request.ingest.sources {
      let range =
        both(s.firstTime, s.lastTime).map { " from \(dateString(seconds: $0)) to \(dateString(seconds: $1))" } ?? ""
      data.paragraphs.append(
        "\(s.name): \(s.layout.rawValue) layout, \(s.rows) rows\(range); categories from \(s.categorySource); values from \(s.valueSource)."
      )
    }
    var summary =
      "\(table.categories.count) categories\(request.mapName.map { " (mapped by \($0))" } ?? ""), one value per \(resolution.rawValue)."
    if let name = request.eventsName { summary += " Events from \(name)." }
    data.paragraphs.append(summary)
    data.notes = warnings.map { "Warning: \($0.message)" }

    var shares = ReportDocument.Section(heading: "Shares")
    shares.tables.append(transposedShareTable(shareTable))
    shares.charts.append(("shares", Charts.stackedShares(chartShares, events: request.events)))

    var sections = [data, shares]
    if let c = comparison {
      var section = ReportDocument.Section(heading: "Period comparison")
      section.tables.append(CompareOutput.periodTable(c))
      for q in c.options.periods.indices where q != c.options.baseline {
        section.tables.append(CompareOutput.categoryTable(c, q))
        section.tables.append(CompareOutput.redistributionTable(c, q))
        section.charts.append(("slope-\(c.options.periods[q].label)", Charts.slope(c, period: q)))
      }
      section.charts.insert(("comparison", Charts.comparisonBars(c)), at: 0)
      section.notes = CompareOutput.notes(c).split(separator: "\n").map(String.init)
      sections.append(section)
    }
    var conc = ReportDocument.Section(heading: "Concentration")
    conc.charts.append(("concentration", Charts.concentration(concentration, events: request.events)))
    sections.append(conc)
    var breakSection = ReportDocument.Section(heading: "Breaks in \(focus)'s share")
    if let breaks {
      breakSection.paragraphs.append(
        "PELT found \(breaks.allBreaks.count) breaks in the logit of \(focus)'s \(resolution.adjective) share (penalty \(breaks.penalty), minimum segment \(breaks.minSegment)); the \(breaks.breaks.count) largest:"
      )
      breakSection.tables.append(
        TableModel(
          columns: [
            TableColumn("date", .left), TableColumn("share before"), TableColumn("share after"), TableColumn("Δ pp"),
          ],
          rows: breaks.breaks.map {
            [
              $0.date.description, ShareTableOutput.percent($0.shareBefore), ShareTableOutput.percent($0.shareAfter),
              NumberFormat.signed($0.deltaPP, 2),
            ]
          }))
      breakSection.charts.append(("breaks", Charts.breaks(series, analysis: breaks)))
    } else {
      breakSection.paragraphs.append("\(focus) has too few values to date breaks.")
    }
    sections.append(breakSection)

    var methods = ReportDocument.Section(heading: "Methods")
    methods.paragraphs = [
      "Units: volumes as in the inputs (\(request.ingest.sources.map(\.valueSource).joined(separator: "; "))); all times UTC.",
      "Shares: a category's volume over the total volume of the categories observed in the bucket (volume-weighted). An empty cell is missing, not zero: a category with no value inside its span (first to last observation) has no share; outside its span it counts as 0 (it had not started or had ended). Buckets the data covers only partly are marked with *.",
      "Tests: Welch's t-test compares the mean of the \(resolution.adjective) shares of two periods; it assumes independent observations, which \(resolution.adjective) shares are not, so the Newey–West (HAC) standard error and a moving-block bootstrap interval are given beside it. HHI = Σ (100·share)² with the bands of the \(request.compare?.bands.rawValue ?? "2023") US merger guidelines.",
      "Breaks: PELT (Killick, Fearnhead & Eckley 2012) with an l2 cost on the logit share (0 and 1 clamped to 0.0001 and 0.9999), MBIC penalty 3 ln n · σ², σ from the median absolute deviation of the changes from one \(resolution.rawValue) to the next.",
      "Computed with GSL 2.7 (distributions, fits, quantiles, random numbers). Provenance: "
        + (request.ingest.sources.map(\.name) + [request.mapName, request.eventsName].compactMap { $0 }).joined(
          separator: ", ") + ".",
    ]
    sections.append(methods)
    let title = request.title ?? "Who has the volume: shares by category" + (request.mapName == nil ? "" : " (mapped)")
    return (ReportDocument(title: title, headlines: headlines, sections: sections), warnings)
  }

  /// Categories as rows and buckets as columns: a few years side by side fit any terminal.
  static func transposedShareTable(_ b: ShareBreakdown) -> TableModel {
    var columns = [TableColumn("category", .left)]
    // Right-aligned: shares (two decimals) and volumes (none) share the columns.
    columns += b.buckets.map { TableColumn(b.every.label(start: $0.startDay) + ($0.partial ? "*" : ""), .right) }
    columns.append(TableColumn("all", .right))
    var rows = b.categories.enumerated().map { c, name in
      [name] + b.buckets.map { ShareTableOutput.percent($0.shares[c]) } + [ShareTableOutput.percent(b.totalShares[c])]
    }
    rows.append(["total"] + b.buckets.map { compact($0.total) } + [compact(b.grandTotal)])
    return TableModel(columns: columns, rows: Array(rows.dropLast()), footer: [rows.last!])
  }

  /// 920.2M, 5.0M, 12.3k: totals short enough for a narrow column.
  static func compact(_ value: Double?) -> String {
    guard let value else { return "—" }
    return Ticks.label(value, scale: .absolute, step: 1)
  }

  static func pct(_ value: Double?) -> String {
    guard let value else { return "—" }
    return NumberFormat.fixed(value * 100, 1) + "%"
  }
}

/// Both values, or nil when either is missing.
func both<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
  guard let a, let b else { return nil }
  return (a, b)
}
