// Where output goes and how it looks: the format, --out, and for commands with a chart the
// terminal chart, its width and colour, and the chart's look (ChartOptions). A command declares
// only the group it honours.

import ArgumentParser
import ShareReport

/// Output of a command that has a table and a chart (shares, compare, concentration, breaks).
struct OutputOptions: ParsableArguments {
  @Option(help: ArgumentHelp("text (default), csv, json, markdown, or svg or png (the chart alone)."))
  var format: OutputFormatArgument = .text

  @Flag(help: "With text output, also draw the chart in the terminal.")
  var chart = false

  @Option(
    help: ArgumentHelp(
      "Width of text output and the terminal chart in columns (default: the terminal's, or 80); --size for SVG.",
      valueName: "N"))
  var width: Int?

  @Option(
    help: ArgumentHelp(
      "Colour in text output: auto (default: only on a terminal, never with NO_COLOR), always or never."))
  var color: ColorChoice = .auto

  @Option(
    help: ArgumentHelp(
      "Write to this file (atomically: it appears only when complete) instead of standard output.", valueName: "path"))
  var out: String?

  @Flag(help: "Draw tables with plain ASCII instead of box-drawing characters.")
  var ascii = false

  @OptionGroup(title: "Chart options") var look: ChartOptions

  func validate() throws {
    try OptionRange.check(width, OptionRange.width, "--width", "columns")
  }

  /// The terminal renderer for this output: width from --width, the terminal, or 80; colour only
  /// on a terminal (standard output, not --out) unless forced, and never with NO_COLOR.
  var terminal: TerminalRenderer {
    TerminalRenderer.forOutput(width: width, color: color, toFile: out != nil, ascii: ascii)
  }
}

/// Output of a command that has a table and no chart (trend).
struct TableOutputOptions: ParsableArguments {
  @Option(help: ArgumentHelp("text (default), csv, json or markdown."))
  var format: OutputFormat = .text

  @Option(
    help: ArgumentHelp(
      "Write to this file (atomically: it appears only when complete) instead of standard output.", valueName: "path"))
  var out: String?
}

extension OutputFormat: ExpressibleByArgument {}

enum OutputFormatArgument: String, ExpressibleByArgument, CaseIterable {
  case text, csv, json, markdown, svg, png

  /// The table format; svg and png have none.
  var table: OutputFormat { OutputFormat(rawValue: rawValue) ?? .text }
}

enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
  case auto, always, never
}

extension TerminalRenderer {
  /// Width from the option, the terminal, or 80; colour only on a terminal (standard output, not
  /// a file) unless forced, and never with NO_COLOR.
  static func forOutput(width: Int?, color: ColorChoice, toFile: Bool, ascii: Bool) -> TerminalRenderer {
    let useColor: Bool
    switch color {
    case .always: useColor = true
    case .never: useColor = false
    case .auto:
      useColor = !toFile && Terminal.isTerminal(1) && Terminal.environment("NO_COLOR").map(\.isEmpty) ?? true
    }
    return TerminalRenderer(width: width ?? Terminal.columns(toFile: toFile), height: 12, color: useColor, ascii: ascii)
  }
}
