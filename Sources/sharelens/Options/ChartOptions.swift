// How a chart looks when it is published: colours by category (--colors), titles and a credit
// line, dated events, the SVG size and the kind of chart. One group, honoured by every command
// with a chart (through OutputOptions); `report` takes --colors and --source (ReportChartOptions),
// as it has its own title and events.

import ArgumentParser
import Foundation
import ShareData
import ShareReport

/// --colors, for every command that draws a chart and for report.
struct ColorOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Colours by category: name=#RRGGBB,… or a CSV file of category,colour rows. Others keep the palette's.",
      valueName: "list|file"))
  var colors: String?

  /// The colours given, by category; empty without --colors. A value that names an existing file
  /// is read as CSV, anything else as a list.
  func overrides() throws -> [String: String] {
    guard let colors else { return [:] }
    if FileManager.default.fileExists(atPath: colors) || !colors.contains("=") {
      return try ColorOverrides.load(path: colors)
    }
    return try ColorOverrides.parse(list: colors)
  }
}

/// The report's charts: --colors and a credit line under each (report has its own --title and
/// --events).
struct ReportChartOptions: ParsableArguments {
  @OptionGroup var colors: ColorOptions

  @Option(help: ArgumentHelp("A credit line under every chart, e.g. \"Data: Kaiko\".", valueName: "text"))
  var source: String?
}

/// The chart's look, for shares, compare, concentration and breaks.
struct ChartOptions: ParsableArguments {
  @OptionGroup var colors: ColorOptions

  @Option(help: ArgumentHelp("The chart's title (default: what it shows).", valueName: "text"))
  var title: String?

  @Option(help: ArgumentHelp("A line under the chart's title.", valueName: "text"))
  var subtitle: String?

  @Option(help: ArgumentHelp("A credit line under the chart, e.g. \"Data: Kaiko\".", valueName: "text"))
  var source: String?

  @Option(help: ArgumentHelp("Dated events to mark on a chart over time: a CSV date,event.", valueName: "file"))
  var events: String?

  @Option(
    help: ArgumentHelp(
      "Size of an SVG or PNG chart in pixels (default 860x440). --width sets the terminal's.", valueName: "WxH"),
    transform: ChartSize.parse)
  var size: ChartSize?

  @Option(
    name: .customLong("chart-type"),
    help: ArgumentHelp("Draw the chart as stacked (areas), lines or bars (default: the command's own)."))
  var chartType: ChartType?

  /// The chart as asked: the command's spec with these options applied.
  func apply(to spec: ChartSpec) throws -> ChartSpec {
    var spec = spec
    if let chartType { spec = try spec.drawn(as: chartType) }
    spec.recolor(try colors.overrides())
    if let title { spec.title = title }
    if let subtitle { spec.subtitle = subtitle }
    if let source { spec.source = source }
    if let events { spec.addEvents(try EventList.load(path: events)) }
    return spec
  }

  /// The SVG renderer at --size (a PNG is that SVG drawn at its own size).
  var svg: SVGRenderer {
    size.map { SVGRenderer(width: Double($0.width), height: Double($0.height)) } ?? SVGRenderer()
  }
}

extension ChartType: ExpressibleByArgument {}

/// WxH in pixels.
struct ChartSize: Sendable, Equatable {
  var width: Int
  var height: Int

  static func parse(_ text: String) throws -> ChartSize {
    let parts = text.lowercased().split(separator: "x").map { Int($0) }
    guard parts.count == 2, let width = parts[0], let height = parts[1] else {
      throw ValidationError("--size \(text): expected WIDTHxHEIGHT in pixels, e.g. 1200x600")
    }
    guard (400...8000).contains(width), (250...8000).contains(height) else {
      throw ValidationError("--size \(text): width 400–8000 and height 250–8000 pixels")
    }
    return ChartSize(width: width, height: height)
  }
}
