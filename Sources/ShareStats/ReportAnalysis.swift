// Everything the report shows, computed in one call: the share table at a width that fits the
// history, the monthly shares the charts draw, concentration over time, the period comparison,
// the category whose breaks are dated and those breaks, and the facts each headline sentence
// states. The report module only turns these results into words, tables and charts.

import ShareData

/// What the report analyses: the table (already mapped) and the analysis settings.
public struct ReportAnalysisRequest: Sendable {
  public var table: VolumeTable
  public var shareOptions: ShareOptions
  /// nil: no comparison.
  public var compare: CompareOptions?
  /// The category whose breaks are dated; nil: the largest mover (or the largest category).
  public var focus: String?
  /// Events to match with breaks (a break within `eventWindowDays` of an event names it).
  public var events: [MarketEvent]
  /// HHI bands for the concentration chart.
  public var bands: ConcentrationBands
  /// Whether the categories are firms (the bands apply only then): the chart, the comparison and
  /// the headline all follow it.
  public var units: ConcentrationUnits = .firms

  /// Without a top N, the report keeps this many categories (and folds the rest into Other), so
  /// its tables and charts stay legible.
  public static let defaultTop = 6

  public init(
    table: VolumeTable, shareOptions: ShareOptions = ShareOptions(), compare: CompareOptions? = nil,
    focus: String? = nil, events: [MarketEvent] = [], bands: ConcentrationBands? = nil
  ) {
    self.table = table
    self.shareOptions = shareOptions
    self.compare = compare
    self.focus = focus
    self.events = events
    self.bands = bands ?? compare?.bands ?? .guidelines2023
  }
}

/// The facts behind the report's headline sentences.
public enum HeadlineFact: Sendable {
  /// The focus category's share in the baseline and another period, the change and its test.
  case focusChange(category: String, baseline: Period, period: Period, from: Double, to: Double, change: CategoryChange)
  /// The category (other than the focus) that gained the most points.
  case topGainer(category: String, from: Double, to: Double, deltaPP: Double, shareOfGains: Double?)
  /// HHI in the baseline and another period, with their bands.
  case concentration(from: Double, to: Double, fromBand: ConcentrationBand?, toBand: ConcentrationBand?)
  /// Without a comparison: the largest category and its share over the whole range.
  case largest(category: String, share: Double)
  /// The dated breaks of the focus category, each with the nearest event, if one is close.
  case breaks(category: String, [DatedBreak])
  /// The event with the largest effect on the focus category's share whose 95% interval excludes 0.
  case eventEffect(category: String, EventEffectFit)
}

/// A break with the event nearest to it, when one falls within the window.
public struct DatedBreak: Sendable {
  public var breakPoint: Break
  public var event: MarketEvent?
}

public struct ReportAnalysis: Sendable {
  /// The share table (years for long histories, quarters or months for shorter ones).
  public var shareTable: ShareBreakdown
  /// Shares per month (or the data's resolution when coarser), for the charts.
  public var chartShares: ShareBreakdown
  public var concentration: ConcentrationSeries
  public var comparison: Comparison?
  public var focus: String
  /// The focus category at the data's own resolution, volume-weighted.
  public var focusSeries: ShareSeries
  /// nil when the focus has too few values to date breaks.
  public var breaks: BreakAnalysis?
  /// Each event inside the focus category's span, fitted alone (EffectAnalysis.eachAlone).
  public var eventEffects: [EventEffectFit]
  public var headlines: [HeadlineFact]
  /// The data's own resolution and its number of categories (after mapping).
  public var resolution: Every
  public var categoryCount: Int
  /// The share table's warnings, then the comparison's.
  public var warnings: [Warning]
  /// The top N fold every section shows, nil when every category fits.
  public var fold: CategoryFold?
  /// The category holding "everything else" (the fold's target, or the data's own `others`):
  /// never named as a headline's gainer nor chosen as the focus by default.
  public var catchAll: String?

  /// Breaks are dated within this many days of an event to be matched with it.
  public static let eventWindowDays: Int64 = 7
  /// The report shows at most this many breaks: LWZ chooses among the optimal fits with 0 to this many.
  public static let reportedBreaks = 3

  public static func run(_ request: ReportAnalysisRequest) throws -> ReportAnalysis {
    var options = request.shareOptions
    // One fold for every section (CategoryFold), judged over the selected range.
    let (table, fold) = try CategoryFold.apply(
      request.table, top: options.top ?? ReportAnalysisRequest.defaultTop, from: options.firstDay?.start.seconds,
      until: options.lastDay?.advanced(by: 1).start.seconds)
    options.top = nil
    options.every = options.every ?? tableWidth(table, options: options)
    let shareTable = try Shares.compute(table, options: options)
    var chartOptions = options
    chartOptions.every = max(table.resolution, .month)
    let chartShares = try Shares.compute(table, options: chartOptions)
    // The comparison estimates what the share table shows: volume shares, or mean shares with --weighting equal.
    let comparison = try request.compare.map { compare -> Comparison in
      var compare = compare
      compare.weighting = options.weighting
      compare.units = request.units
      return try Compare.run(table, shareOptions: options, options: compare)
    }
    let focus = try focusCategory(
      request.focus, comparison: comparison, categories: chartShares.categories,
      catchAll: fold?.into ?? CategoryFold.catchAll(in: table.categories))

    var finest = options
    finest.every = table.resolution
    finest.weighting = .volume
    let series = try ShareSeries(try Shares.compute(table, options: finest), category: focus)
    let minSegment = table.resolution == .day ? 7 : 3
    let breaks =
      series.count >= 2 * minSegment
      ? try Breaks.analyse(series, minSegment: minSegment, limit: reportedBreaks) : nil

    var analysis = ReportAnalysis(
      shareTable: shareTable, chartShares: chartShares,
      concentration: ConcentrationSeries(chartShares, bands: request.bands, units: request.units),
      comparison: comparison, focus: focus,
      focusSeries: series, breaks: breaks, eventEffects: EffectAnalysis.eachAlone(series, events: request.events),
      headlines: [], resolution: table.resolution,
      categoryCount: request.table.categories.count, warnings: shareTable.warnings + (comparison?.warnings ?? []))
    analysis.fold = fold
    analysis.catchAll = fold?.into ?? CategoryFold.catchAll(in: table.categories)
    analysis.headlines = analysis.headlineFacts(events: request.events)
    return analysis
  }

  /// The share table's bucket width: years for more than four years, quarters for more than 18
  /// months, else months (never finer than the data).
  static func tableWidth(_ table: VolumeTable, options: ShareOptions) -> Every {
    let first = table.times.first.map { $0.floorDiv(secondsPerDay) } ?? 0
    let last = table.times.last.map { $0.floorDiv(secondsPerDay) } ?? 0
    let spanDays = (options.lastDay?.number ?? last) - (options.firstDay?.number ?? first)
    return max(table.resolution, spanDays > 4 * 365 ? .year : spanDays > 540 ? .quarter : .month)
  }

  /// The category asked for, else the largest mover of the last compared period, else the largest;
  /// the catch-all only when asked for (its moves are the sum of many categories').
  static func focusCategory(_ asked: String?, comparison: Comparison?, categories: [String], catchAll: String?) throws
    -> String
  {
    if let asked {
      guard categories.contains(asked) else { throw ShareSeries.unknownCategory(asked, known: categories) }
      return asked
    }
    let named = categories.filter { $0 != catchAll }
    if let c = comparison, let q = c.options.periods.indices.last(where: { $0 != c.options.baseline }) {
      let mover = c.categories.filter { $0.category != catchAll }
        .max { abs($0.changes[q]?.deltaPP ?? 0) < abs($1.changes[q]?.deltaPP ?? 0) }
      return mover?.category ?? named.first ?? categories[0]
    }
    return named.first ?? categories[0]
  }

  /// What the headline sentences say, in order.
  func headlineFacts(events: [MarketEvent]) -> [HeadlineFact] {
    var facts: [HeadlineFact] = []
    if let c = comparison {
      let b = c.options.baseline
      for q in c.options.periods.indices where q != b {
        facts += comparisonFacts(c, baseline: b, period: q)
      }
    } else if let top = shareTable.categories.indices.first(where: { shareTable.categories[$0] != catchAll }),
      let share = shareTable.totalShares[top]
    {
      facts.append(.largest(category: shareTable.categories[top], share: share))
    }
    if let breaks, !breaks.breaks.isEmpty {
      let dated = breaks.breaks.map { found in
        DatedBreak(
          breakPoint: found,
          event: events.min { abs($0.day.number - found.day) < abs($1.day.number - found.day) }
            .flatMap { abs($0.day.number - found.day) <= Self.eventWindowDays ? $0 : nil })
      }
      facts.append(.breaks(category: focus, dated))
    }
    let clear = eventEffects.filter { fit in
      fit.effect.map { $0.effectCI95.lowerBound > 0 || $0.effectCI95.upperBound < 0 } ?? false
    }
    if let largest = clear.max(by: { abs($0.effect!.effectPP) < abs($1.effect!.effectPP) }) {
      facts.append(.eventEffect(category: focus, largest))
    }
    return facts
  }

  private func comparisonFacts(_ c: Comparison, baseline b: Int, period q: Int) -> [HeadlineFact] {
    var facts: [HeadlineFact] = []
    if let f = c.categories.first(where: { $0.category == focus }), let change = f.changes[q], let sa = f.estimate[b],
      let sb = f.estimate[q], change.deltaPP != nil
    {
      facts.append(
        .focusChange(
          category: focus, baseline: c.options.periods[b], period: c.options.periods[q], from: sa, to: sb,
          change: change))
    }
    // A fold or the data's catch-all is no winner: its gain is many categories' together.
    let others = c.categories.filter { $0.category != focus && $0.category != catchAll }
    if let gainer = others.max(by: {
      ($0.changes[q]?.deltaPP ?? -.infinity) < ($1.changes[q]?.deltaPP ?? -.infinity)
    }),
      let d = gainer.changes[q]?.deltaPP, d > 0, let sa = gainer.estimate[b], let sb = gainer.estimate[q]
    {
      facts.append(
        .topGainer(
          category: gainer.category, from: sa, to: sb, deltaPP: d, shareOfGains: gainer.changes[q]?.shareOfMovedPoints))
    }
    let pa = c.periods[b]
    let pb = c.periods[q]
    if let ha = pa.concentration?.hhi, let hb = pb.concentration?.hhi {
      facts.append(.concentration(from: ha, to: hb, fromBand: pa.band, toBand: pb.band))
    }
    return facts
  }
}
