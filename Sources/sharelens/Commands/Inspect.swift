import ArgumentParser
import ShareData
import ShareReport

struct Inspect: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Show what sharelens reads in the inputs: layout, columns, time range, categories, gaps.",
    discussion: """
      For each input: the detected layout and why, the time column and its format, where the \
      categories and values come from, rows, time range, empty cells, feed-gap rows and excluded \
      total columns. Then, over all inputs: the data's resolution, missing time steps, repeated \
      (time, category) cells, and per category its first and last date, total volume and gaps.

      Repeated cells are counted here rather than refused, so inspect works on any readable file.
      """)

  @OptionGroup var input: InputOptions
  @OptionGroup var column: CategoryColumnOption

  @Option(help: ArgumentHelp("text (default) or json."))
  var format: InspectFormat = .text

  @Flag(help: "Draw tables with plain ASCII instead of box-drawing characters.")
  var ascii = false

  enum InspectFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

  func run() throws {
    try Run.guarded {
      let ingestOptions = try input.ingestOptions(categoryColumn: column.category)
      if try input.showSQLIfAsked(ingestOptions) { return }
      var options = ingestOptions
      if options.duplicates == .error { options.duplicates = .sum }
      options.refusesMixedUnits = false  // inspect shows each input's unit and adds none up
      // A map or events file on its own is described, not refused.
      if input.paths.count == 1, let auxiliary = AuxiliaryFile.recognise(path: input.paths[0]),
        (try? Ingest.read(paths: input.paths, options: options)) == nil
      {
        switch format {
        case .text: try Run.write("\(input.paths[0])\n  kind        \(auxiliary.description.commandLine)\n", to: nil)
        case .json:
          try Run.write(
            JSONValue.object([("name", .string(input.paths[0])), ("kind", .string(auxiliary.description.commandLine))])
              .render()
              + "\n", to: nil)
        }
        return
      }
      let result = try Ingest.read(paths: input.paths, options: options)
      if format == .text { try Run.report(result.warnings, strict: input.strict) }
      switch format {
      case .text: try Run.write(InspectOutput.text(result, ascii: ascii, settings: \.flag), to: nil)
      case .json: try Run.write(InspectOutput.json(result, settings: \.flag).render() + "\n", to: nil)
      }
    }
  }
}
