// The report document as text (terminal charts, never wider than the width), markdown (tables, and
// SVG charts written beside it) and one self-contained HTML file (inline SVG and CSS, no scripts,
// nothing fetched).

public enum ReportRenderer {
  /// Plain text for a terminal or a .txt file.
  public static func text(_ doc: ReportDocument, terminal: TerminalRenderer) -> String {
    let doc = doc.terminalSafe
    let width = terminal.width
    // Clipped by characters, as the text report always was (see clipCharacters).
    func wrapToWidth(_ text: String, indent: String = "") -> [String] {
      wrap(text, width: width, indent: indent).map { clipCharacters($0, width: width) }
    }
    var out =
      wrapToWidth(doc.title) + [
        String(repeating: terminal.ascii ? "=" : "═", count: min(width, displayWidth(doc.title)))
      ]
    out.append("")
    for headline in doc.headlines {
      out += wrapToWidth("• " + headline, indent: "  ").map { terminal.ascii ? $0.replacingAll("•", with: "*") : $0 }
    }
    for section in doc.sections {
      out.append("")
      out.append(section.heading)
      out.append(String(repeating: terminal.ascii ? "-" : "─", count: min(width, displayWidth(section.heading))))
      for paragraph in section.paragraphs { out += wrapToWidth(paragraph) + [""] }
      for table in section.tables {
        let text = TextTableRenderer(style: terminal.ascii ? .ascii : .unicode).render(table, maxWidth: width)
        out += fit(text, width).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      }
      for chart in section.charts {
        out += terminal.render(chart.spec).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      }
      for note in section.notes { out += wrapToWidth(note) }
    }
    var text = ""
    var blank = false
    for line in out {
      let trimmed = line.trimmingTrailingSpaces()
      if trimmed.isEmpty && blank { continue }
      blank = trimmed.isEmpty
      text += trimmed + "\n"
    }
    return text
  }

  /// Markdown with the charts linked as SVG files named `<prefix>-<chart>.svg`; returns the
  /// markdown and the SVG files to write beside it.
  public static func markdown(_ doc: ReportDocument, svgPrefix: String?) -> (
    text: String, files: [(name: String, contents: String)]
  ) {
    let doc = doc.markdownSafe
    var out = "# \(doc.title)\n\n"
    for headline in doc.headlines { out += "- \(headline)\n" }
    var files: [(String, String)] = []
    for section in doc.sections {
      out += "\n## \(section.heading)\n\n"
      for paragraph in section.paragraphs { out += paragraph + "\n\n" }
      for table in section.tables { out += MarkdownTableRenderer().render(table) + "\n" }
      for chart in section.charts {
        if let svgPrefix {
          let name = "\(svgPrefix)-\(chart.name).svg"
          files.append((name, SVGRenderer().render(chart.spec)))
          out += "![\(MarkdownText.altText(chart.spec.title))](\(name))\n\n"
        }
      }
      for note in section.notes { out += "_\(note)_\n\n" }
    }
    return (out, files)
  }

  /// One self-contained HTML page.
  public static func html(_ doc: ReportDocument) -> String {
    var out = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <meta name="generator" content="sharelens">
      <title>\(Escaping.xml(doc.title))</title>
      <style>
      \(css)
      </style>
      </head>
      <body>
      <main>
      <h1>\(Escaping.xml(doc.title))</h1>

      """
    out += "<ul class=\"headlines\">\n" + doc.headlines.map { "<li>\(Escaping.xml($0))</li>\n" }.joined() + "</ul>\n"
    for section in doc.sections {
      out += "<section>\n<h2>\(Escaping.xml(section.heading))</h2>\n"
      for paragraph in section.paragraphs { out += "<p>\(Escaping.xml(paragraph))</p>\n" }
      for table in section.tables { out += "<div class=\"table\">\n" + HTMLTableRenderer().render(table) + "</div>\n" }
      for chart in section.charts {
        out += "<figure>\n" + SVGRenderer().render(chart.spec) + "</figure>\n"
      }
      for note in section.notes { out += "<p class=\"note\">\(Escaping.xml(note))</p>\n" }
      out += "</section>\n"
    }
    return out + "</main>\n</body>\n</html>\n"
  }

  static let css = """
    :root { color-scheme: light; }
    body { margin: 0; background: #fafafa; color: #1a1a1a;
      font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; }
    main { max-width: 980px; margin: 0 auto; padding: 24px 28px 48px; background: #ffffff; }
    h1 { font-size: 1.7rem; margin: 0.2em 0 0.6em; }
    h2 { font-size: 1.25rem; margin: 1.8em 0 0.6em; border-bottom: 1px solid #ddd; padding-bottom: 0.2em; }
    ul.headlines { padding-left: 1.2em; font-size: 1.05rem; }
    ul.headlines li { margin: 0.3em 0; }
    div.table { overflow-x: auto; }
    table { border-collapse: collapse; margin: 0.8em 0; font-size: 0.9rem; }
    th, td { padding: 0.25em 0.7em; border-bottom: 1px solid #e5e5e5; text-align: left; white-space: nowrap; }
    th { border-bottom: 2px solid #999; font-weight: 600; }
    .num { text-align: right; font-variant-numeric: tabular-nums; }
    tfoot td { border-top: 2px solid #999; font-weight: 600; }
    figure { margin: 1em 0; }
    figure svg { max-width: 100%; height: auto; }
    p.note { color: #555; font-size: 0.85rem; }
    """

  /// Last resort for a single column wider than the width: cut with a marker, so nothing overflows.
  static func fit(_ table: String, _ width: Int) -> String {
    table.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      clipCharacters(String(line), width: width)
    }.joined(separator: "\n")
  }
}
