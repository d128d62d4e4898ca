import ArgumentParser
import ShareData
import ShareReport
import ShareStats

struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "The whole analysis in one file: headlines, shares, comparison, concentration, breaks.",
    discussion: """
      Writes a report someone can publish: headline sentences in plain words, a data summary \
      (sources, coverage, warnings), the share table, the stacked share chart with --events marked, \
      the period comparison with its tests (with two or more --period), concentration over time, the \
      dated breaks of one category (--category, default the largest mover) with their 95% intervals, \
      the effect of each --events date inside that category's span (as `sharelens effect` with that \
      date alone), and a methods footer (units, weighting, tests and their assumptions, provenance).

      --format text draws the charts in the terminal (at --width); markdown links SVG charts written \
      beside the --out file; html is one self-contained page with inline SVG and CSS and nothing \
      fetched from anywhere. --out writes atomically. Two runs on the same input are byte-identical.

      In this command --category names the category whose breaks are dated; --group names the column.

      EXAMPLE
        sharelens report daily.csv --map exchange-currency.csv \\
          --events china-events.csv --asset BTC \\
          --period 2016=2016 --period 2018H1=2018-01..2018-06 \\
          --format html --out r.html
      """)

  @OptionGroup var input: InputOptions
  @OptionGroup var selection: ShareSelectionOptions
  @OptionGroup var comparison: ComparisonOptions
  @OptionGroup var charts: ReportChartOptions

  @Option(help: ArgumentHelp("text (default), markdown or html."))
  var format: ReportFormat = .text

  @Option(
    help: ArgumentHelp(
      "Write to this file (atomically); markdown writes its SVG charts beside it.", valueName: "path"))
  var out: String?

  @Option(help: ArgumentHelp("Dated events to mark on the charts: a CSV date,event.", valueName: "file"))
  var events: String?

  @Option(help: ArgumentHelp("The category whose breaks are dated (default: the largest mover).", valueName: "name"))
  var category: String?

  @Option(
    help: ArgumentHelp("The traded asset, for the sentences (e.g. BTC: \"share of BTC volume\").", valueName: "name"))
  var asset: String?

  @Option(help: ArgumentHelp("The report's title.", valueName: "text"))
  var title: String?

  @Option(help: ArgumentHelp("Width of the text report in columns (default: the terminal's, or 80).", valueName: "N"))
  var width: Int?

  @Option(help: ArgumentHelp("Colour in the text report: auto, always or never."))
  var color: ColorChoice = .auto

  @Flag(help: "Draw with plain ASCII instead of box-drawing and block characters.")
  var ascii = false

  enum ReportFormat: String, ExpressibleByArgument, CaseIterable { case text, markdown, html }

  func validate() throws {
    if comparison.periods.count == 1 { throw ValidationError("give two or more --period to compare, or none") }
    try OptionRange.check(width, OptionRange.width, "--width", "columns")
  }

  func run() throws {
    try Run.guarded {
      guard
        let (ingest, table, mapName) = try Pipeline.read(
          input, categories: selection.categories, range: selection.range)
      else { return }
      let events = try events.map { try EventList.load(path: $0) } ?? []
      var request = ReportAnalysisRequest(
        table: table, shareOptions: selection.shareOptions(), compare: comparison.compareOptions, focus: category,
        events: events, bands: comparison.bands)
      request.units = ConcentrationUnits.of(group: input.group, mapName: mapName, categories: table.categories)
      let analysis = try ReportAnalysis.run(request)
      let (document, warnings) = ReportBuilder.build(
        analysis,
        context: ReportContext(
          ingest: ingest, mapName: mapName, events: events, eventsName: self.events, asset: asset, title: title,
          colorOverrides: try charts.colors.overrides(), chartSource: charts.source))
      try Run.report(warnings, strict: input.strict)
      try write(document)
    }
  }

  private func write(_ document: ReportDocument) throws {
    switch format {
    case .text:
      let terminal = TerminalRenderer.forOutput(width: width, color: color, toFile: out != nil, ascii: ascii)
      try Run.write(ReportRenderer.text(document, terminal: terminal), to: out)
    case .html:
      try Run.write(ReportRenderer.html(document), to: out)
    case .markdown:
      let prefix = out.map { path -> String in
        let base = path.split(separator: "/").last.map(String.init) ?? path
        return base.hasSuffix(".md") ? String(base.dropLast(3)) : base
      }
      let (text, files) = ReportRenderer.markdown(document, svgPrefix: prefix)
      let directory = out.flatMap { $0.contains("/") ? String($0[..<$0.lastIndex(of: "/")!]) + "/" : nil } ?? ""
      // Charts first, the markdown last: the report appears only when everything it links is there.
      for file in files { try AtomicFile.write(file.contents, to: directory + file.name) }
      try Run.write(
        out == nil ? text + "_Charts are written as SVG files beside the report with --out._\n" : text, to: out)
    }
  }
}
