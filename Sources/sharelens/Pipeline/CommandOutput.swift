// What a command produces, and the one way it is printed: the table in the asked format, or the
// chart alone as SVG or PNG, or the table followed by the chart drawn in the terminal; then standard
// output or, atomically, --out.

import ArgumentParser
import ShareData
import ShareReport

struct CommandOutput {
  /// The result as text, CSV, JSON or markdown, at a width, with or without box drawing.
  var table: (_ format: OutputFormat, _ ascii: Bool, _ width: Int) -> String
  /// The chart, when the command has one (nil: --format svg is refused with `noChart`).
  var chart: ChartSpec?
  /// Why there is no chart, for the message when one is asked for.
  var noChart = "this command has no chart"
}

extension Run {
  /// Prints `output` as `options` ask.
  /// The chart options (titles, colours, events, chart type) are applied here, once, for every
  /// command and format.
  static func emit(_ output: CommandOutput, _ options: OutputOptions) throws {
    let chart = try output.chart.map { try options.look.apply(to: $0) }
    if options.format == .svg || options.format == .png {
      guard let chart else { throw ShareError.request("\(output.noChart)") }
      let svg = options.look.svg.render(chart)
      guard options.format == .png else { return try write(svg, to: options.out) }
      return try write(bytes: PNGRenderer.render(svg: svg), to: options.out)
    }
    let terminal = options.terminal
    var text = output.table(options.format.table, options.ascii, terminal.width)
    if options.chart && options.format == .text, let chart { text += "\n" + terminal.render(chart) }
    try write(text, to: options.out)
  }

  /// Prints a table-only result as `options` ask.
  static func emit(_ output: CommandOutput, _ options: TableOutputOptions) throws {
    try write(output.table(options.format, false, .max), to: options.out)
  }
}
